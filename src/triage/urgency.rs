//! How soon to get care: the four levels of the spec.

/// Urgency, ordered from least to most urgent, so the highest fired rule wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Urgency {
    /// Home care is a reasonable first step.
    SelfCare,
    /// Book an appointment with a doctor.
    Routine,
    /// Contact a doctor today or tomorrow.
    Urgent,
    /// Get medical help now.
    Emergency,
}

impl Urgency {
    /// Every level, least urgent first.
    pub const ALL: &'static [Urgency] =
        &[Self::SelfCare, Self::Routine, Self::Urgent, Self::Emergency];

    /// The level's name in the API and in `data-urgency`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SelfCare => "self_care",
            Self::Routine => "routine",
            Self::Urgent => "urgent",
            Self::Emergency => "emergency",
        }
    }

    /// The level with this API name, if there is one.
    pub fn from_name(name: &str) -> Option<Urgency> {
        Self::ALL.iter().copied().find(|u| u.as_str() == name)
    }

    /// Short care-card heading.
    pub fn title(self) -> &'static str {
        match self {
            Self::SelfCare => "Try home care first",
            Self::Routine => "Book an appointment with a doctor",
            Self::Urgent => "Contact a doctor today or tomorrow",
            Self::Emergency => "Get medical help now",
        }
    }

    /// What the person is told to do, with the configured emergency number put in.
    pub fn advice(self, emergency_number: &str) -> String {
        match self {
            Self::SelfCare => "Home care is a reasonable first step. See a doctor if any of the \
                               warning signs below appear, or if the pain does not get better \
                               after a few days."
                .to_string(),
            Self::Routine => {
                "Book an appointment with a doctor. Meanwhile, home care can help.".to_string()
            }
            Self::Urgent => "Contact a doctor promptly, today or tomorrow.".to_string(),
            Self::Emergency => format!(
                "Get medical help now: call {emergency_number} or go to the emergency department."
            ),
        }
    }

    /// Visually hidden text before the care card, so a screen reader hears the level first.
    pub fn screen_reader_prefix(self) -> &'static str {
        match self {
            Self::SelfCare => "Self-care advice: ",
            Self::Routine => "Non-urgent advice: ",
            Self::Urgent => "Urgent advice: ",
            Self::Emergency => "Immediate action required: ",
        }
    }
}
