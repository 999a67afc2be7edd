//! The questions of the symptom check, as data, in form order.

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuestionKind {
    /// Required radios, `yes` or `no` (`true` or `false` in JSON).
    YesNo,
    /// Required radios, exactly one of the options.
    OneOf,
    /// Optional checkboxes, zero or more of the options.
    AnyOf,
}

/// One answer a person can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Choice {
    /// The value sent by the form and the JSON API (a public contract).
    pub value: &'static str,
    /// What the person reads next to the radio or checkbox.
    pub label: &'static str,
    /// A short line under the label that says what the choice means.
    pub hint: Option<&'static str>,
}

/// One question of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Question {
    /// Field name in the form and the JSON API (a public contract).
    pub field: &'static str,
    /// The question, shown as the fieldset legend.
    pub legend: &'static str,
    /// A short line under the legend.
    pub hint: Option<&'static str>,
    /// How it is answered.
    pub kind: QuestionKind,
    /// The answers to pick from, in the order they are shown.
    pub options: &'static [Choice],
}

const fn choice(value: &'static str, label: &'static str) -> Choice {
    Choice {
        value,
        label,
        hint: None,
    }
}

const fn hinted(value: &'static str, label: &'static str, hint: &'static str) -> Choice {
    Choice {
        value,
        label,
        hint: Some(hint),
    }
}

const YES_NO: &[Choice] = &[choice("yes", "Yes"), choice("no", "No")];

const fn yes_no(field: &'static str, legend: &'static str, hint: Option<&'static str>) -> Question {
    Question {
        field,
        legend,
        hint,
        kind: QuestionKind::YesNo,
        options: YES_NO,
    }
}

/// Hint shown on every checkbox group.
const ANY_HINT: Option<&str> = Some("Select all that apply. Leave them all blank if none apply.");

/// All 14 questions: warning signs first, then about the pain, then the optional groups.
pub const QUESTIONS: &[Question] = &[
    yes_no(
        "one_leg_signs",
        "Is one of your legs swollen, red, warm or sore to touch?",
        Some("Answer yes if just one leg has any of these."),
    ),
    yes_no(
        "breathless",
        "Are you short of breath, or do you have chest pain?",
        None,
    ),
    yes_no(
        "numbness",
        "Do you have numbness, tingling or weakness in your leg or foot?",
        None,
    ),
    yes_no(
        "skin_changes",
        "Has the skin on your leg or foot changed?",
        Some("For example, a new colour, shiny skin, or sores that do not heal."),
    ),
    yes_no(
        "injury",
        "Did the pain start after an injury to your leg?",
        None,
    ),
    Question {
        field: "severity",
        legend: "How bad is the pain?",
        hint: None,
        kind: QuestionKind::OneOf,
        options: &[
            choice("mild", "Mild"),
            choice("moderate", "Moderate"),
            choice("severe", "Severe"),
        ],
    },
    Question {
        field: "onset",
        legend: "When did the pain start?",
        hint: None,
        kind: QuestionKind::OneOf,
        options: &[
            hinted("days", "Days ago", "Within the last week"),
            hinted("weeks", "Weeks ago", "One to four weeks ago"),
            hinted("months", "Months ago", "More than a month ago"),
        ],
    },
    Question {
        field: "frequency",
        legend: "How often do you get the pain?",
        hint: None,
        kind: QuestionKind::OneOf,
        options: &[
            hinted(
                "occasional",
                "Occasionally",
                "Now and then, not most nights",
            ),
            choice("most_nights", "Most nights"),
        ],
    },
    Question {
        field: "course",
        legend: "Over the last few days, how has the pain changed?",
        hint: None,
        kind: QuestionKind::OneOf,
        options: &[
            choice("better", "It is getting better"),
            choice("same", "It is about the same"),
            choice("worse", "It is getting worse"),
        ],
    },
    Question {
        field: "sleep_impact",
        legend: "How much does the pain affect your sleep or daily life?",
        hint: None,
        kind: QuestionKind::OneOf,
        options: &[
            choice("little", "A little"),
            choice("some", "Some"),
            hinted(
                "a_lot",
                "A lot",
                "It gets in the way of your sleep or daily activities a lot",
            ),
        ],
    },
    Question {
        field: "home_care",
        legend: "Have you tried home care for a few days?",
        hint: Some("For example stretching, massage, warmth, and drinking enough water."),
        kind: QuestionKind::OneOf,
        options: &[
            choice("not_tried", "No, not yet"),
            choice("helped", "Yes, and it helped"),
            choice("not_helped", "Yes, but it has not helped"),
        ],
    },
    Question {
        field: "feelings",
        legend: "What does the pain feel like?",
        hint: ANY_HINT,
        kind: QuestionKind::AnyOf,
        options: &[
            hinted("cramp", "Cramp", "A sudden, tight, painful muscle"),
            hinted(
                "urge_to_move",
                "An urge to move your legs",
                "It eases when you move them",
            ),
            choice("burning_tingling", "Burning or tingling"),
            hinted(
                "shooting_from_back",
                "Shooting pain",
                "It runs down your leg from your lower back or buttock",
            ),
            choice("aching_throbbing", "Aching or throbbing"),
            choice("heaviness", "Heavy legs"),
            choice("joint_stiffness", "Stiff, painful joints"),
        ],
    },
    Question {
        field: "conditions",
        legend: "Do you have any of these health problems?",
        hint: ANY_HINT,
        kind: QuestionKind::AnyOf,
        options: &[
            choice("diabetes", "Diabetes"),
            choice("heart_disease", "Heart disease"),
            choice("blood_clot_history", "A blood clot in the past"),
            hinted(
                "varicose_veins",
                "Varicose veins",
                "Enlarged, twisted veins",
            ),
            choice("arthritis", "Arthritis"),
        ],
    },
    Question {
        field: "factors",
        legend: "Do any of these apply to you?",
        hint: ANY_HINT,
        kind: QuestionKind::AnyOf,
        options: &[
            choice(
                "long_standing_or_exercise",
                "Long hours on your feet, or hard exercise",
            ),
            choice("long_sitting", "Sitting still for long periods"),
            choice("little_water", "Drinking little water"),
            choice("smoking", "Smoking"),
        ],
    },
];

/// The question with this field name, if there is one.
pub fn question(field: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.field == field)
}

impl Question {
    /// The option with this wire value, if it is one of this question's.
    pub fn option(&self, value: &str) -> Option<&'static Choice> {
        self.options.iter().find(|c| c.value == value)
    }
}
