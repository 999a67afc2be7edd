//! The urgency rules of the spec (E1..S0), as data, and the assessment.

use super::answers::{
    Answers, Condition, Course, Feeling, Frequency, HomeCare, Onset, Severity, SleepImpact,
};
use super::causes::{CAUSES, Cause, cause_applies};
use super::urgency::Urgency;

/// One rule of the spec: when it fires, the person is told `reason` and the level rises to `level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rule {
    /// The spec's code, e.g. `"E1"`; shown as `data-rule` and in the API.
    pub code: &'static str,
    /// The level this rule calls for.
    pub level: Urgency,
    /// Which answer led to it and why it matters, in plain words.
    pub reason: &'static str,
    /// The passage of the source documents the rule rests on (000, 001 in `shared/seeds/`).
    pub source: &'static str,
    /// Site page section that explains it.
    pub more_url: &'static str,
    /// Link text for `more_url`.
    pub more_label: &'static str,
}

const SEEK_HELP: &str = r#"001: "Seek professional help if the pain is severe, worsening, or significantly interferes with sleep or daily activities.""#;

/// Every rule, in the spec's order.
pub const RULES: &[Rule] = &[
    Rule {
        code: "E1",
        level: Urgency::Emergency,
        reason: "You said one of your legs is swollen, red, warm or sore to touch. With leg pain, this can be a sign of a blood clot in a deep vein (deep vein thrombosis, DVT), which needs medical help straight away.",
        source: r#"001: "Leg pain with swelling, redness, warmth, or tenderness in one leg … could indicate Deep Vein Thrombosis (DVT) and requires immediate medical attention." 000: "Immediate medical attention is recommended if you experience swelling, redness, or increased warmth in a specific part of your leg""#,
        more_url: "/causes#deep-vein-thrombosis",
        more_label: "Blood clot in a deep vein (DVT)",
    },
    Rule {
        code: "E2",
        level: Urgency::Emergency,
        reason: "You said you are short of breath or have chest pain. A blood clot in a leg vein (DVT) is an emergency because the clot can travel to the lungs, so get checked straight away.",
        source: r#"001: DVT "is a medical emergency due to the risk of the clot traveling to the lungs.""#,
        more_url: "/when-to-seek-help#emergency",
        more_label: "When to get medical help now",
    },
    Rule {
        code: "U1",
        level: Urgency::Urgent,
        reason: "You said you have numbness, tingling or weakness in your leg or foot. These are important signs to tell a doctor about.",
        source: r#"001: "Numbness, tingling, or weakness in the leg or foot … are important signs to report.""#,
        more_url: "/when-to-seek-help#urgent",
        more_label: "Signs to tell a doctor about soon",
    },
    Rule {
        code: "U2",
        level: Urgency::Urgent,
        reason: "You said the skin on your leg or foot has changed: a new colour, shiny skin, or sores that do not heal. These are important signs to tell a doctor about.",
        source: r#"001: "changes in skin appearance like discoloration, shininess, or non-healing sores, are important signs to report.""#,
        more_url: "/when-to-seek-help#urgent",
        more_label: "Signs to tell a doctor about soon",
    },
    Rule {
        code: "U3",
        level: Urgency::Urgent,
        reason: "You said the pain started after an injury to your leg. Leg pain after an injury should be checked by a doctor.",
        source: r#"001: "If leg pain occurs after an injury … medical consultation is recommended.""#,
        more_url: "/when-to-seek-help#urgent",
        more_label: "Signs to tell a doctor about soon",
    },
    Rule {
        code: "U4",
        level: Urgency::Urgent,
        reason: "You said you have diabetes, heart disease or have had a blood clot, and your leg pain is new or getting worse. People with these health problems should get advice promptly when this happens.",
        source: r#"001: "Individuals with pre-existing conditions like diabetes, heart disease, or a history of blood clots should … seek advice promptly if they experience new or worsening leg pain at night.""#,
        more_url: "/when-to-seek-help#urgent",
        more_label: "Signs to tell a doctor about soon",
    },
    Rule {
        code: "R1",
        level: Urgency::Routine,
        reason: "You said the pain gets in the way of your sleep or daily life a lot. Pain that disrupts your sleep or day this much is a reason to see a doctor.",
        source: r#"001: "Seek professional help if the pain is severe, worsening, or significantly interferes with sleep or daily activities." 000: "Severe Discomfort""#,
        more_url: "/when-to-seek-help#routine",
        more_label: "When to see a doctor",
    },
    Rule {
        code: "R2",
        level: Urgency::Routine,
        reason: "You said the pain is severe. Severe leg pain is a reason to see a doctor.",
        source: SEEK_HELP,
        more_url: "/when-to-seek-help#routine",
        more_label: "When to see a doctor",
    },
    Rule {
        code: "R3",
        level: Urgency::Routine,
        reason: "You said the pain is getting worse. Pain that keeps getting worse is a reason to see a doctor.",
        source: SEEK_HELP,
        more_url: "/when-to-seek-help#routine",
        more_label: "When to see a doctor",
    },
    Rule {
        code: "R4",
        level: Urgency::Routine,
        reason: "You said home care has not helped. Pain that does not get better after a few days of home care should be checked by a doctor.",
        source: r#"001: "does not improve after a few days of home remedies"; 000: "Persistent Pain: Consult a healthcare provider if leg aches continue despite home remedies""#,
        more_url: "/treatments#medical-treatments",
        more_label: "Treatments a doctor can offer",
    },
    Rule {
        code: "R5",
        level: Urgency::Routine,
        reason: "You said the pain comes most nights, started more than a month ago, and home care has not helped or you have not tried it. Long-lasting (chronic) pain is a reason to see a doctor.",
        source: r#"000 (FAQ): "For chronic or severe pain, consulting a healthcare provider is recommended.""#,
        more_url: "/when-to-seek-help#routine",
        more_label: "When to see a doctor",
    },
    Rule {
        code: "R6",
        level: Urgency::Routine,
        reason: "You said you have diabetes or heart disease. Talk to your doctor about your leg pain at night, to make sure it is not a sign of a more serious problem.",
        source: r#"000: "If you have known health issues such as diabetes or cardiovascular problems, discuss your nighttime leg aches with your doctor""#,
        more_url: "/when-to-seek-help#routine",
        more_label: "When to see a doctor",
    },
    Rule {
        code: "R7",
        level: Urgency::Routine,
        reason: "You said you feel an urge to move your legs. This is the main sign of restless legs syndrome (RLS), and if RLS is the cause, a doctor's advice is important.",
        source: r#"000: "For those whose leg aches are due to medical conditions, such as restless legs syndrome …, professional medical advice is essential""#,
        more_url: "/causes#restless-legs-syndrome",
        more_label: "Restless legs syndrome (RLS)",
    },
    Rule {
        code: "S0",
        level: Urgency::SelfCare,
        reason: "None of your answers is a warning sign or a reason to see a doctor now. Leg pain at night that comes now and then can often be eased at home.",
        source: r#"001: "occasional leg pain at night can often be managed at home""#,
        more_url: "/treatments#relief-at-home",
        more_label: "Relief at home",
    },
];

/// The code of the rule that fires only when no other does.
const FALLBACK: &str = "S0";

/// The rule with this code, if there is one.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// Whether a rule's "when" column holds for these answers (never for the fallback S0).
fn rule_applies(code: &str, a: &Answers) -> bool {
    use Condition::{BloodClotHistory, Diabetes, HeartDisease};
    let has = |c: Condition| a.conditions.contains(&c);
    match code {
        "E1" => a.one_leg_signs,
        "E2" => a.breathless,
        "U1" => a.numbness,
        "U2" => a.skin_changes,
        "U3" => a.injury,
        "U4" => {
            (has(Diabetes) || has(HeartDisease) || has(BloodClotHistory))
                && (matches!(a.onset, Onset::Days | Onset::Weeks) || a.course == Course::Worse)
        }
        "R1" => a.sleep_impact == SleepImpact::ALot,
        "R2" => a.severity == Severity::Severe,
        "R3" => a.course == Course::Worse,
        "R4" => a.home_care == HomeCare::NotHelped,
        "R5" => {
            a.frequency == Frequency::MostNights
                && a.onset == Onset::Months
                && a.home_care != HomeCare::Helped
        }
        "R6" => has(Diabetes) || has(HeartDisease),
        "R7" => a.feelings.contains(&Feeling::UrgeToMove),
        _ => false,
    }
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
}

/// Applies every rule and cause to the answers. Pure: no I/O, same answers, same result.
pub fn assess(answers: &Answers) -> Assessment {
    let mut fired: Vec<&'static Rule> = RULES
        .iter()
        .filter(|r| rule_applies(r.code, answers))
        .collect();
    if fired.is_empty() {
        fired.extend(rule(FALLBACK));
    }
    Assessment {
        urgency: fired
            .iter()
            .map(|r| r.level)
            .max()
            .unwrap_or(Urgency::SelfCare),
        fired,
        causes: CAUSES
            .iter()
            .filter(|c| cause_applies(c.id, answers))
            .collect(),
    }
}
