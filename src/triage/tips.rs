//! Home-care steps for the result page: when each is offered, and when it is
//! left out because of this person's answers (spec version 3, "Home care on
//! the result page"). A tip's words are the string `tip-<id>`; its short name,
//! for the line that names the steps left out, `tip-<id>-name`; a tip offered
//! only sometimes says when in `tip-<id>-when`, and one that can be left out
//! says when in `tip-<id>-withheld-when`.

use super::answers::{Answers, Condition, Factor, Feeling, Sign};
use super::causes::{possible_pad, varicose_veins};
use super::urgency::Urgency;

/// When a tip is offered, on a result that lists home care at all.
#[derive(Debug, Clone, Copy)]
pub enum Offered {
    /// On every self-care and routine result.
    Always,
    /// Only on routine results, and only when the answers say so (where no
    /// doctor has been asked, it is neither shown nor listed as left out).
    OnRoutineWhen(fn(&Answers) -> bool),
}

/// One home-care step.
#[derive(Debug, Clone, Copy)]
pub struct Tip {
    /// Stable id: `data-tip`, `data-tip-withheld` and the API.
    pub id: &'static str,
    pub offered: Offered,
    /// When it is left out for this person (a safety choice: leaving a step
    /// out makes no medical claim).
    pub withheld_when: Option<fn(&Answers) -> bool>,
    /// The source documents it rests on.
    pub sources: &'static [&'static str],
}

impl Tip {
    /// Whether this tip is offered at all on a result at `level` for these
    /// answers: then it is either shown or named as left out.
    pub fn considered(&self, answers: &Answers, level: Urgency) -> bool {
        home_care_shown(level)
            && match self.offered {
                Offered::Always => true,
                Offered::OnRoutineWhen(f) => level == Urgency::Routine && f(answers),
            }
    }

    /// Whether this tip is left out because of these answers.
    pub fn withheld(&self, answers: &Answers) -> bool {
        self.withheld_when.is_some_and(|f| f(answers))
    }
}

impl PartialEq for Tip {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}
impl Eq for Tip {}

/// Whether a result at this level lists home-care steps at all: urgent and
/// emergency results must not distract from getting care.
pub fn home_care_shown(level: Urgency) -> bool {
    level <= Urgency::Routine
}

fn has(a: &Answers, c: Condition) -> bool {
    a.conditions.contains(&c)
}

/// Heat and cold are left out where feeling may be dulled or blood flow
/// narrowed: numbness or skin changes (yes or not sure), burning or tingling,
/// diabetes, or possible narrowed arteries.
fn no_heat_or_cold(a: &Answers) -> bool {
    matches!(a.numbness, Some(Sign::Yes | Sign::Unsure))
        || matches!(a.skin_changes, Some(Sign::Yes | Sign::Unsure))
        || a.feelings.contains(&Feeling::BurningTingling)
        || has(a, Condition::Diabetes)
        || possible_pad(a)
}

/// Every step, in the order shown.
pub const TIPS: &[Tip] = &[
    Tip {
        id: "stretch",
        offered: Offered::Always,
        withheld_when: None,
        sources: &["000", "001"],
    },
    Tip {
        id: "massage",
        offered: Offered::Always,
        withheld_when: Some(|a| has(a, Condition::BloodClotHistory)),
        sources: &["000", "001"],
    },
    Tip {
        id: "warmth",
        offered: Offered::Always,
        withheld_when: Some(no_heat_or_cold),
        sources: &["000", "001"],
    },
    Tip {
        id: "cold",
        offered: Offered::Always,
        withheld_when: Some(no_heat_or_cold),
        sources: &["001"],
    },
    Tip {
        id: "water",
        offered: Offered::Always,
        withheld_when: Some(|a| has(a, Condition::HeartDisease)),
        sources: &["000", "001"],
    },
    Tip {
        id: "move",
        offered: Offered::Always,
        withheld_when: None,
        sources: &["001"],
    },
    Tip {
        id: "pain_relief",
        offered: Offered::Always,
        withheld_when: Some(|a| {
            has(a, Condition::BloodClotHistory) || has(a, Condition::HeartDisease)
        }),
        sources: &["001"],
    },
    Tip {
        id: "raise_legs",
        offered: Offered::OnRoutineWhen(varicose_veins),
        // Lying flat already cuts blood flow in narrowed arteries (001).
        withheld_when: Some(|a| {
            possible_pad(a)
                || a.factors.contains(&Factor::Smoking)
                || has(a, Condition::Diabetes)
                || has(a, Condition::HeartDisease)
        }),
        sources: &["001", "000"],
    },
];
