//! Home-care steps for the result page, and when each is shown.

use super::answers::Answers;
use super::urgency::Urgency;

/// One home-care step; its words are the string `tip-<id>`.
#[derive(Debug, Clone, Copy)]
pub struct Tip {
    /// Stable id, shown as `data-tip`.
    pub id: &'static str,
    /// When it is shown, on a result that lists home care at all.
    pub when: fn(&Answers) -> bool,
    /// The source documents it rests on.
    pub sources: &'static [&'static str],
}

impl PartialEq for Tip {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}
impl Eq for Tip {}

/// Whether a result at this level lists home-care steps at all.
pub fn home_care_shown(level: Urgency) -> bool {
    level <= Urgency::Routine
}

fn always(_: &Answers) -> bool {
    true
}

/// Every step, in the order shown.
pub const TIPS: &[Tip] = &[
    Tip {
        id: "stretch",
        when: always,
        sources: &["000", "001"],
    },
    Tip {
        id: "massage",
        when: always,
        sources: &["000", "001"],
    },
    Tip {
        id: "warmth",
        when: always,
        sources: &["000", "001"],
    },
    Tip {
        id: "water",
        when: always,
        sources: &["000", "001"],
    },
    Tip {
        id: "raise_legs",
        when: always,
        sources: &["001"],
    },
    Tip {
        id: "move",
        when: always,
        sources: &["001"],
    },
    Tip {
        id: "pain_relief",
        when: always,
        sources: &["001"],
    },
];
