//! Home-care steps for the result page, and when each is shown. A tip's
//! words are the string `tip-<id>`; a tip shown only sometimes says when in
//! `tip-<id>-when`.

use super::answers::Answers;
use super::causes::{possible_pad, varicose_veins};
use super::urgency::Urgency;

/// When a tip is shown, on a result that lists home care at all.
#[derive(Debug, Clone, Copy)]
pub enum Shown {
    Always,
    When(fn(&Answers) -> bool),
}

/// One home-care step.
#[derive(Debug, Clone, Copy)]
pub struct Tip {
    /// Stable id, shown as `data-tip`.
    pub id: &'static str,
    pub shown: Shown,
    /// The source documents it rests on.
    pub sources: &'static [&'static str],
}

impl Tip {
    /// Whether this tip is shown for these answers (on a result with home care).
    pub fn shows(&self, answers: &Answers) -> bool {
        match self.shown {
            Shown::Always => true,
            Shown::When(f) => f(answers),
        }
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

/// Raising the legs: only for varicose veins, and never when narrowed
/// arteries are possible (lying flat already cuts their blood flow, 001).
fn raise_legs(a: &Answers) -> bool {
    varicose_veins(a) && !possible_pad(a)
}

/// Every step, in the order shown (triage spec version 2, "Home care on the result page").
pub const TIPS: &[Tip] = &[
    Tip {
        id: "stretch",
        shown: Shown::Always,
        sources: &["000", "001"],
    },
    Tip {
        id: "massage",
        shown: Shown::Always,
        sources: &["000", "001"],
    },
    Tip {
        id: "warmth",
        shown: Shown::Always,
        sources: &["000", "001"],
    },
    Tip {
        id: "cold",
        shown: Shown::Always,
        sources: &["001"],
    },
    Tip {
        id: "water",
        shown: Shown::Always,
        sources: &["000", "001"],
    },
    Tip {
        id: "move",
        shown: Shown::Always,
        sources: &["001"],
    },
    Tip {
        id: "pain_relief",
        shown: Shown::Always,
        sources: &["001"],
    },
    Tip {
        id: "raise_legs",
        shown: Shown::When(raise_legs),
        sources: &["001", "000"],
    },
];
