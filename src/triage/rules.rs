//! The urgency rules of triage spec version 2, as data, and the assessment.
//! Codes are a public contract: R3 (version 1's "worse is routine") is retired
//! and never reused. A rule's words
//! (the reason shown, the warning sign, the source passage) are the strings
//! `rule-<code>-reason`, `rule-<code>-sign` and `rule-<code>-source`.

use super::answers::{
    Answers, Condition, Course, Feeling, Frequency, HomeCare, Onset, Severity, SleepImpact,
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

/// Every rule, in the spec's order.
pub const RULES: &[Rule] = &[
    Rule {
        code: "E1",
        level: Urgency::Emergency,
        when: When::Answers(|a| a.one_leg_signs),
        sources: &["001", "000"],
        link: "/causes#deep-vein-thrombosis",
    },
    Rule {
        code: "E2",
        level: Urgency::Emergency,
        when: When::Answers(|a| a.breathless),
        sources: &["001"],
        link: "/when-to-seek-help#emergency",
    },
    Rule {
        code: "U1",
        level: Urgency::Urgent,
        when: When::Answers(|a| a.numbness),
        sources: &["001"],
        link: "/when-to-seek-help#urgent",
    },
    Rule {
        code: "U2",
        level: Urgency::Urgent,
        when: When::Answers(|a| a.skin_changes),
        sources: &["001"],
        link: "/when-to-seek-help#urgent",
    },
    Rule {
        code: "U3",
        level: Urgency::Urgent,
        when: When::Answers(|a| a.injury),
        sources: &["001"],
        link: "/when-to-seek-help#urgent",
    },
    Rule {
        code: "U4",
        level: Urgency::Urgent,
        when: When::Answers(|a| {
            (has(a, Condition::Diabetes)
                || has(a, Condition::HeartDisease)
                || has(a, Condition::BloodClotHistory))
                && (matches!(a.onset, Onset::Days | Onset::Weeks) || a.course == Course::Worse)
        }),
        sources: &["001"],
        link: "/when-to-seek-help#urgent",
    },
    Rule {
        code: "U5",
        level: Urgency::Urgent,
        when: When::Answers(|a| a.course == Course::Worse),
        sources: &["000", "001"],
        link: "/when-to-seek-help#urgent",
    },
    Rule {
        code: "R1",
        level: Urgency::Routine,
        when: When::Answers(|a| a.sleep_impact == SleepImpact::ALot),
        sources: &["001", "000"],
        link: "/when-to-seek-help#routine",
    },
    Rule {
        code: "R2",
        level: Urgency::Routine,
        when: When::Answers(|a| a.severity == Severity::Severe),
        sources: &["001"],
        link: "/when-to-seek-help#routine",
    },
    Rule {
        code: "R4",
        level: Urgency::Routine,
        when: When::Answers(|a| a.home_care == HomeCare::NotHelped),
        sources: &["001", "000"],
        link: "/treatments#medical-treatments",
    },
    Rule {
        code: "R5",
        level: Urgency::Routine,
        when: When::Answers(|a| {
            a.frequency == Frequency::MostNights
                && a.onset == Onset::Months
                && a.home_care != HomeCare::Helped
        }),
        sources: &["000"],
        link: "/when-to-seek-help#routine",
    },
    Rule {
        code: "R6",
        level: Urgency::Routine,
        when: When::Answers(|a| has(a, Condition::Diabetes) || has(a, Condition::HeartDisease)),
        sources: &["000"],
        link: "/when-to-seek-help#routine",
    },
    Rule {
        code: "R7",
        level: Urgency::Routine,
        when: When::Answers(|a| a.feelings.contains(&Feeling::UrgeToMove)),
        sources: &["000"],
        link: "/causes#restless-legs-syndrome",
    },
    Rule {
        code: "R8",
        level: Urgency::Routine,
        when: When::Answers(possible_pad),
        sources: &["000"],
        link: "/causes#peripheral-artery-disease",
    },
    Rule {
        code: "S0",
        level: Urgency::SelfCare,
        when: When::NoOtherRule,
        sources: &["001"],
        link: "/treatments#relief-at-home",
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
}

/// Applies every rule, cause and tip to the answers. Pure: same answers, same result.
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
    let tips = if home_care_shown(urgency) {
        TIPS.iter().filter(|t| t.shows(answers)).collect()
    } else {
        Vec::new()
    };
    Assessment {
        urgency,
        fired,
        causes: CAUSES.iter().filter(|c| c.shows(answers)).collect(),
        tips,
    }
}
