//! Possible causes to talk about with a doctor, and when each is shown.
//! A cause's name is the heading of its section on the causes page, in each language.

use super::answers::{Answers, Condition, Factor, Feeling, Frequency, Sign};

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
/// (peripheral artery disease), spec version 3: cramping, heavy, aching or
/// tired legs (001: "cramping, heaviness, or fatigue, especially at night")
/// with something that harms circulation (000: smoking and excessive alcohol)
/// or one of 000's health issues to discuss (diabetes, cardiovascular
/// problems); or heavy or tired legs on most nights.
pub fn possible_pad(a: &Answers) -> bool {
    let pad_feeling = [
        Feeling::Heaviness,
        Feeling::Cramp,
        Feeling::AchingThrobbing,
        Feeling::TiredLegs,
    ]
    .iter()
    .any(|f| feels(a, *f));
    let circulation_risk = factor(a, Factor::Smoking)
        || factor(a, Factor::Alcohol)
        || has(a, Condition::Diabetes)
        || has(a, Condition::HeartDisease);
    let night_heaviness = (feels(a, Feeling::Heaviness) || feels(a, Feeling::TiredLegs))
        && a.frequency == Some(Frequency::MostNights);
    (pad_feeling && circulation_risk) || night_heaviness
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
        when: |a| matches!(a.one_leg_signs, Some(Sign::Yes | Sign::Unsure)),
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
        when: |a| feels(a, Feeling::BurningTingling) || a.numbness == Some(Sign::Yes),
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
        when: |a| {
            factor(a, Factor::LongSitting)
                || factor(a, Factor::Smoking)
                || factor(a, Factor::Alcohol)
        },
    },
];

/// The cause with this id.
pub fn cause(id: &str) -> Option<&'static Cause> {
    CAUSES.iter().find(|c| c.id == id)
}
