//! Possible causes to talk about with a doctor, and when each is shown.

use super::answers::{Answers, Condition, Factor, Feeling};

/// A possible cause, linking to its section of the causes page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cause {
    /// Stable id, shown as `data-cause` and in the API.
    pub id: &'static str,
    /// Plain words first, then the medical term.
    pub title: &'static str,
    /// Heading id on `/causes` (a URL contract).
    pub anchor: &'static str,
}

impl Cause {
    /// Link to this cause's section of the causes page.
    pub fn url(&self) -> String {
        format!("/causes#{}", self.anchor)
    }
}

const fn cause(id: &'static str, title: &'static str, anchor: &'static str) -> Cause {
    Cause { id, title, anchor }
}

/// The causes of the spec, in its order.
pub const CAUSES: &[Cause] = &[
    cause(
        "dvt",
        "Blood clot in a deep vein (DVT)",
        "deep-vein-thrombosis",
    ),
    cause("cramps", "Night-time leg cramps", "nighttime-leg-cramps"),
    cause(
        "rls",
        "Restless legs syndrome (RLS)",
        "restless-legs-syndrome",
    ),
    cause(
        "nerve_compression",
        "A pressed or trapped nerve (nerve compression), such as sciatica",
        "nerve-compression",
    ),
    cause(
        "neuropathy",
        "Nerve damage (peripheral neuropathy)",
        "peripheral-neuropathy",
    ),
    cause(
        "pad",
        "Narrowed arteries in the legs (peripheral artery disease, PAD)",
        "peripheral-artery-disease",
    ),
    cause(
        "varicose_veins",
        "Enlarged, twisted veins (varicose veins)",
        "varicose-veins",
    ),
    cause(
        "arthritis",
        "Painful, stiff joints (arthritis)",
        "arthritis",
    ),
    cause(
        "exertion",
        "Tired muscles after a long or hard day (physical exertion)",
        "physical-exertion",
    ),
    cause(
        "dehydration",
        "Not enough water or minerals (dehydration)",
        "dehydration-and-minerals",
    ),
    cause(
        "circulation",
        "Poor blood flow (poor circulation)",
        "poor-circulation",
    ),
];

/// Whether the spec's "shown when" column holds for this cause.
pub(crate) fn cause_applies(id: &str, a: &Answers) -> bool {
    let feels = |f: Feeling| a.feelings.contains(&f);
    let has = |c: Condition| a.conditions.contains(&c);
    let factor = |f: Factor| a.factors.contains(&f);
    match id {
        "dvt" => a.one_leg_signs,
        "cramps" => feels(Feeling::Cramp),
        "rls" => feels(Feeling::UrgeToMove),
        "nerve_compression" => feels(Feeling::ShootingFromBack),
        "neuropathy" => (feels(Feeling::BurningTingling) || a.numbness) && has(Condition::Diabetes),
        "pad" => {
            a.skin_changes
                || ((feels(Feeling::Heaviness)
                    || feels(Feeling::Cramp)
                    || feels(Feeling::AchingThrobbing))
                    && (factor(Factor::Smoking)
                        || has(Condition::Diabetes)
                        || has(Condition::HeartDisease)))
        }
        "varicose_veins" => has(Condition::VaricoseVeins),
        "arthritis" => feels(Feeling::JointStiffness) || has(Condition::Arthritis),
        "exertion" => factor(Factor::LongStandingOrExercise),
        "dehydration" => factor(Factor::LittleWater),
        "circulation" => factor(Factor::LongSitting),
        _ => false,
    }
}
