//! Advice shown with every result: the signs to come back for, and what to try at home.

use super::urgency::Urgency;

/// Signs that call for medical help now (rules E1, E2).
const EMERGENCY_SIGNS: &[&str] = &[
    "Get medical help now if one of your legs becomes swollen, red, warm or sore to touch. This can be a sign of a blood clot (DVT).",
    "Get medical help now if you become short of breath or have chest pain. A blood clot in the leg can travel to the lungs.",
];

/// Signs that call for a doctor today or tomorrow (rules U1..U4).
const URGENT_SIGNS: &[&str] = &[
    "Contact a doctor promptly if you get numbness, tingling or weakness in your leg or foot.",
    "Contact a doctor promptly if the skin on your leg or foot changes colour, looks shiny, or has sores that do not heal.",
    "Contact a doctor promptly if you get leg pain after an injury.",
    "If you have diabetes, heart disease or have had a blood clot, contact a doctor promptly if your leg pain is new or gets worse.",
];

/// Signs that call for an appointment (rules R1..R5, R7; R6 is a condition, not a new sign).
const ROUTINE_SIGNS: &[&str] = &[
    "See a doctor if the pain becomes severe, keeps getting worse, or disrupts your sleep or daily life a lot.",
    "See a doctor if the pain does not get better after a few days of home care.",
    "See a doctor if the pain comes most nights for more than a month.",
    "See a doctor if you feel a strong urge to move your legs that eases when you move them.",
];

/// For someone already sent for emergency care: the same signs, if they come back or get worse.
const EMERGENCY_AGAIN: &[&str] = &[
    "Get medical help again straight away if the swelling, redness, warmth or soreness in your leg comes back or gets worse.",
    "Call the emergency number straight away if shortness of breath or chest pain starts, comes back or gets worse.",
];

/// The warning signs that would raise `level`, to repeat with every result.
pub fn come_back_if(level: Urgency) -> Vec<&'static str> {
    let groups: &[&[&'static str]] = match level {
        Urgency::SelfCare => &[EMERGENCY_SIGNS, URGENT_SIGNS, ROUTINE_SIGNS],
        Urgency::Routine => &[EMERGENCY_SIGNS, URGENT_SIGNS],
        Urgency::Urgent => &[EMERGENCY_SIGNS],
        Urgency::Emergency => &[EMERGENCY_AGAIN],
    };
    groups.concat()
}

/// Short steps that can ease leg pain at night (source 001, "Immediate Relief at Home").
pub fn self_care_steps() -> &'static [&'static str] {
    &[
        "Stretch the muscle gently: straighten your leg and pull your toes up towards your shin.",
        "Rub (massage) the tight or sore muscle.",
        "Try warmth, like a warm bath or a heating pad, to relax the muscle. Or try an ice pack to ease swelling and numb the pain.",
        "Drink enough water through the day. Too little water can cause cramps.",
        "Raise your legs when you lie down. This helps blood flow and can ease swelling.",
        "When the pain comes, walk around the room or press your feet against the floor.",
        "Pain relief you can buy without a prescription, such as ibuprofen or acetaminophen (paracetamol), can ease the pain for a while.",
        "These steps ease the pain at the time. They do not treat a health problem that may be causing it.",
    ]
}
