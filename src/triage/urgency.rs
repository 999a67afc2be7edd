//! How soon to get care: the four levels of the spec, and the care card each is shown in.

/// Urgency, ordered from least to most urgent, so the highest fired rule wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Urgency {
    /// Home care is a reasonable first step.
    SelfCare,
    /// Book an appointment with a doctor.
    Routine,
    /// Contact a doctor promptly.
    Urgent,
    /// Get medical help now.
    Emergency,
}

impl Urgency {
    /// Every level, least urgent first.
    pub const ALL: &'static [Urgency] =
        &[Self::SelfCare, Self::Routine, Self::Urgent, Self::Emergency];

    /// The level's name in the API, in `data-urgency` and in string ids.
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

    /// The care card a result at this level is shown in.
    pub fn card(self) -> CareCard {
        match self {
            Self::SelfCare => CareCard::SelfCare,
            Self::Routine => CareCard::NonUrgent,
            Self::Urgent => CareCard::Urgent,
            Self::Emergency => CareCard::Emergency,
        }
    }
}

/// The kinds of care card (NHS style): a coloured box with a visually hidden
/// prefix so a screen reader hears how urgent it is first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CareCard {
    Emergency,
    Urgent,
    NonUrgent,
    SelfCare,
}

impl CareCard {
    pub const ALL: &'static [CareCard] = &[
        Self::Emergency,
        Self::Urgent,
        Self::NonUrgent,
        Self::SelfCare,
    ];

    /// The name after `:::` in Markdown, the CSS modifier and the string id part.
    pub fn name(self) -> &'static str {
        match self {
            Self::Emergency => "emergency",
            Self::Urgent => "urgent",
            Self::NonUrgent => "non-urgent",
            Self::SelfCare => "self-care",
        }
    }

    /// The kind with this Markdown name.
    pub fn from_name(name: &str) -> Option<CareCard> {
        Self::ALL.iter().copied().find(|k| k.name() == name)
    }
}
