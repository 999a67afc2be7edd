//! Possible causes to talk about with a doctor, and when each is shown.
//! A cause's name is the heading of its section on the causes page, in each language.

use super::answers::{Answers, Condition, Factor, Feeling, Frequency};

/// A possible cause, linking to its section of the causes page.
#[derive(Debug, Clone, Copy)]
pub struct Cause {
    /// Stable id, shown as `data-cause` and in the API.
    pub id: &'static str,
    /// Heading id on `/causes` (a URL contract).
    pub anchor: &'static str,
    /// When it is shown (the spec's "shown when" column).
    pub when: fn(&Answers) -> bool,
}

impl Cause {
    /// Whether this cause is shown for these answers.
    pub fn shows(&self, answers: &Answers) -> bool {
        (self.when)(answers)
    }

    /// Language-neutral link to this cause's section of the causes page.
    pub fn path(&self) -> String {
        format!("/causes#{}", self.anchor)
    }
}

impl PartialEq for Cause {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}
impl Eq for Cause {}

fn feels(a: &Answers, f: Feeling) -> bool {
    a.feelings.contains(&f)
}

fn has(a: &Answers, c: Condition) -> bool {
    a.conditions.contains(&c)
}

fn factor(a: &Answers, f: Factor) -> bool {
    a.factors.contains(&f)
}

/// The answers match what the sources say of narrowed leg arteries
/// (peripheral artery disease): cramping, heavy or aching legs in a smoker,
/// whose circulation smoking harms (000), or heavy legs on most nights (001:
/// "cramping, heaviness, or fatigue, especially at night"). Spec version 2:
/// version 1 also counted skin changes or diabetes alone, which the sources
/// do not tie to PAD.
pub fn possible_pad(a: &Answers) -> bool {
    let pad_feeling = feels(a, Feeling::Heaviness)
        || feels(a, Feeling::Cramp)
        || feels(a, Feeling::AchingThrobbing);
    (pad_feeling && factor(a, Factor::Smoking))
        || (feels(a, Feeling::Heaviness) && a.frequency == Frequency::MostNights)
}

/// The person has varicose veins.
pub fn varicose_veins(a: &Answers) -> bool {
    has(a, Condition::VaricoseVeins)
}

/// The causes of the spec, in its order.
pub const CAUSES: &[Cause] = &[
    Cause {
        id: "dvt",
        anchor: "deep-vein-thrombosis",
        when: |a| a.one_leg_signs,
    },
    Cause {
        id: "cramps",
        anchor: "nighttime-leg-cramps",
        when: |a| feels(a, Feeling::Cramp),
    },
    Cause {
        id: "rls",
        anchor: "restless-legs-syndrome",
        when: |a| feels(a, Feeling::UrgeToMove),
    },
    Cause {
        id: "nerve_compression",
        anchor: "nerve-compression",
        when: |a| feels(a, Feeling::ShootingFromBack),
    },
    Cause {
        id: "neuropathy",
        anchor: "peripheral-neuropathy",
        when: |a| (feels(a, Feeling::BurningTingling) || a.numbness) && has(a, Condition::Diabetes),
    },
    Cause {
        id: "pad",
        anchor: "peripheral-artery-disease",
        when: possible_pad,
    },
    Cause {
        id: "varicose_veins",
        anchor: "varicose-veins",
        when: varicose_veins,
    },
    Cause {
        id: "arthritis",
        anchor: "arthritis",
        when: |a| feels(a, Feeling::JointStiffness) || has(a, Condition::Arthritis),
    },
    Cause {
        id: "exertion",
        anchor: "physical-exertion",
        when: |a| factor(a, Factor::LongStandingOrExercise),
    },
    Cause {
        id: "dehydration",
        anchor: "dehydration-and-minerals",
        when: |a| factor(a, Factor::LittleWater),
    },
    Cause {
        id: "circulation",
        anchor: "poor-circulation",
        when: |a| factor(a, Factor::LongSitting),
    },
];

/// The cause with this id.
pub fn cause(id: &str) -> Option<&'static Cause> {
    CAUSES.iter().find(|c| c.id == id)
}
