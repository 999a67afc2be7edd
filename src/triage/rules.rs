//! The urgency rules of triage spec version 3, as data, and the assessment.
//! Codes are a public contract: R3 (version 1's "worse is routine") is retired
//! and never reused. A rule fires only on answers given: a result decided
//! early (an emergency sign, or urgent decided from the warning signs) shows
//! the rules the answers so far fire, and only those. A rule's words
//! (the reason shown, the warning sign, the source passage) are the strings
//! `rule-<code>-reason`, `rule-<code>-sign` and `rule-<code>-source`.

use super::answers::{
    Answers, Condition, Course, Feeling, Frequency, HomeCare, Onset, QUESTIONS, Severity, Sign,
    SleepImpact,
};
use super::causes::{CAUSES, Cause, possible_pad};
use super::tips::{TIPS, Tip, home_care_shown};
use super::urgency::Urgency;

/// When a rule fires.
#[derive(Debug, Clone, Copy)]
pub enum When {
    /// When the answers say so.
    Answers(fn(&Answers) -> bool),
    /// When no other rule fires (S0).
    NoOtherRule,
}

/// One rule of the spec: when it fires, the level rises to `level`.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// The spec's code, e.g. `"E1"`: `data-rule`, the API, the string ids.
    pub code: &'static str,
    pub level: Urgency,
    pub when: When,
    /// The source documents its passage comes from.
    pub sources: &'static [&'static str],
    /// The page section that explains it (language-neutral path and anchor).
    pub link: &'static str,
    /// Our own safety choice rather than a source's words (E2's sign, U6,
    /// R9): `/check/how-it-works` says so.
    pub safety_choice: bool,
}

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}
impl Eq for Rule {}

impl Rule {
    fn fires(&self, a: &Answers) -> bool {
        match self.when {
            When::Answers(f) => f(a),
            When::NoOtherRule => false,
        }
    }

    /// Whether this is a warning sign a reader can watch for (every rule but S0).
    pub fn is_sign(&self) -> bool {
        matches!(self.when, When::Answers(_))
    }
}

fn has(a: &Answers, c: Condition) -> bool {
    a.conditions.contains(&c)
}

/// Diabetes, heart disease or a past blood clot: the conditions 001 asks to
/// watch for new or worsening pain.
fn watched_condition(a: &Answers) -> bool {
    has(a, Condition::Diabetes)
        || has(a, Condition::HeartDisease)
        || has(a, Condition::BloodClotHistory)
}

/// Every rule, in the spec's order.
pub const RULES: &[Rule] = &[
    Rule {
        code: "E1",
        level: Urgency::Emergency,
        when: When::Answers(|a| a.one_leg_signs == Some(Sign::Yes)),
        sources: &["001", "000"],
        link: "/causes#deep-vein-thrombosis",
        safety_choice: false,
    },
    Rule {
        code: "E2",
        level: Urgency::Emergency,
        when: When::Answers(|a| a.breathless == Some(Sign::Yes)),
        sources: &["001"],
        link: "/when-to-seek-help#emergency",
        safety_choice: true,
    },
    Rule {
        code: "U1",
        level: Urgency::Urgent,
        when: When::Answers(|a| {
            a.numbness == Some(Sign::Yes) || a.feelings.contains(&Feeling::BurningTingling)
        }),
        sources: &["001"],
        link: "/when-to-seek-help#urgent",
        safety_choice: false,
    },
    Rule {
        code: "U2",
        level: Urgency::Urgent,
        when: When::Answers(|a| a.skin_changes == Some(Sign::Yes)),
        sources: &["001"],
        link: "/when-to-seek-help#urgent",
        safety_choice: false,
    },
    Rule {
        code: "U3",
        level: Urgency::Urgent,
        when: When::Answers(|a| a.injury == Some(Sign::Yes)),
        sources: &["001"],
        link: "/when-to-seek-help#urgent",
        safety_choice: false,
    },
    Rule {
        code: "U4",
        level: Urgency::Urgent,
        when: When::Answers(|a| {
            watched_condition(a)
                && (matches!(a.onset, Some(Onset::Days | Onset::Weeks))
                    || a.course == Some(Course::Worse))
        }),
        sources: &["001"],
        link: "/when-to-seek-help#urgent",
        safety_choice: false,
    },
    Rule {
        code: "U5",
        level: Urgency::Urgent,
        when: When::Answers(|a| a.course == Some(Course::Worse)),
        sources: &["000", "001"],
        link: "/when-to-seek-help#urgent",
        safety_choice: false,
    },
    Rule {
        code: "U6",
        level: Urgency::Urgent,
        when: When::Answers(|a| {
            a.one_leg_signs == Some(Sign::Unsure) || a.breathless == Some(Sign::Unsure)
        }),
        sources: &[],
        link: "/when-to-seek-help#emergency",
        safety_choice: true,
    },
    Rule {
        code: "R1",
        level: Urgency::Routine,
        when: When::Answers(|a| a.sleep_impact == Some(SleepImpact::ALot)),
        sources: &["001", "000"],
        link: "/when-to-seek-help#routine",
        safety_choice: false,
    },
    Rule {
        code: "R2",
        level: Urgency::Routine,
        when: When::Answers(|a| a.severity == Some(Severity::Severe)),
        sources: &["001"],
        link: "/when-to-seek-help#routine",
        safety_choice: false,
    },
    Rule {
        code: "R4",
        level: Urgency::Routine,
        when: When::Answers(|a| a.home_care == Some(HomeCare::NotHelped)),
        sources: &["001", "000"],
        link: "/treatments#medical-treatments",
        safety_choice: false,
    },
    Rule {
        code: "R5",
        level: Urgency::Routine,
        when: When::Answers(|a| {
            a.frequency == Some(Frequency::MostNights)
                && matches!(a.onset, Some(Onset::Weeks | Onset::Months))
                && matches!(a.home_care, Some(HomeCare::NotTried | HomeCare::NotHelped))
        }),
        sources: &["000"],
        link: "/when-to-seek-help#routine",
        safety_choice: false,
    },
    Rule {
        code: "R6",
        level: Urgency::Routine,
        when: When::Answers(watched_condition),
        sources: &["000", "001"],
        link: "/when-to-seek-help#routine",
        safety_choice: false,
    },
    Rule {
        code: "R7",
        level: Urgency::Routine,
        when: When::Answers(|a| a.feelings.contains(&Feeling::UrgeToMove)),
        sources: &["000"],
        link: "/causes#restless-legs-syndrome",
        safety_choice: false,
    },
    Rule {
        code: "R8",
        level: Urgency::Routine,
        when: When::Answers(possible_pad),
        sources: &["000", "001"],
        link: "/causes#peripheral-artery-disease",
        safety_choice: false,
    },
    Rule {
        code: "R9",
        level: Urgency::Routine,
        when: When::Answers(|a| {
            [a.numbness, a.skin_changes, a.injury].contains(&Some(Sign::Unsure))
        }),
        sources: &[],
        link: "/when-to-seek-help#urgent",
        safety_choice: true,
    },
    Rule {
        code: "S0",
        level: Urgency::SelfCare,
        when: When::NoOtherRule,
        sources: &["001"],
        link: "/treatments#relief-at-home",
        safety_choice: false,
    },
];

/// The rule with this code, if there is one.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// The rules that are warning signs at `level`, in order: the lists of
/// `/when-to-seek-help` and the "get help sooner if" part of every result.
pub fn signs(level: Urgency) -> impl Iterator<Item = &'static Rule> {
    RULES
        .iter()
        .filter(move |r| r.level == level && r.is_sign())
}

/// The result of the symptom check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// The highest level of the fired rules.
    pub urgency: Urgency,
    /// Every rule that fired, in [`RULES`] order; S0 alone when nothing else did.
    pub fired: Vec<&'static Rule>,
    /// Possible causes to talk about with a doctor, in [`CAUSES`] order (never a diagnosis).
    pub causes: Vec<&'static Cause>,
    /// Home-care steps to list, in [`TIPS`] order (none on urgent and emergency results).
    pub tips: Vec<&'static Tip>,
    /// Home-care steps left out because of this person's answers, in [`TIPS`] order.
    pub withheld: Vec<&'static Tip>,
    /// The required questions not answered validly, in form order: empty
    /// when the answers are complete; a result decided early lists them.
    pub unanswered: Vec<&'static str>,
}

impl Assessment {
    /// Whether every required question was answered validly.
    pub fn complete(&self) -> bool {
        self.unanswered.is_empty()
    }
}

/// Applies every rule, cause and tip to the answers given. Pure: same
/// answers, same result. Rules fire only on answers given, so a partial set
/// of answers shows what those answers fire and nothing more.
pub fn assess(answers: &Answers) -> Assessment {
    let mut fired: Vec<&'static Rule> = RULES.iter().filter(|r| r.fires(answers)).collect();
    if fired.is_empty() {
        fired.extend(RULES.iter().filter(|r| matches!(r.when, When::NoOtherRule)));
    }
    let urgency = fired
        .iter()
        .map(|r| r.level)
        .max()
        .unwrap_or(Urgency::SelfCare);
    let (tips, withheld) = if home_care_shown(urgency) {
        let considered = || TIPS.iter().filter(|t| t.considered(answers, urgency));
        (
            considered().filter(|t| !t.withheld(answers)).collect(),
            considered().filter(|t| t.withheld(answers)).collect(),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let unanswered = QUESTIONS
        .iter()
        .filter(|q| q.is_required() && !answers.has(q.field))
        .map(|q| q.field)
        .collect();
    Assessment {
        urgency,
        fired,
        causes: CAUSES.iter().filter(|c| c.shows(answers)).collect(),
        tips,
        withheld,
        unanswered,
    }
}
