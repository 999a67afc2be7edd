//! Typed answers, and parsing them from a form body or a JSON value.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::Value;

use super::questions::{QUESTIONS, Question, QuestionKind, question};

/// The enum behind one single-choice question or checkbox group.
trait WireEnum: Copy + Ord + 'static {
    const FIELD: &'static str;
    const ALL: &'static [Self];
    fn as_str(self) -> &'static str;
}

/// Declares an answer enum whose variants map to the spec's wire values.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident for $field:literal { $($(#[$vmeta:meta])* $variant:ident = $wire:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* #[doc = concat!("Sent as `", $wire, "`.")] $variant,)+
        }

        impl $name {
            /// Every value, in form order.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)+];

            /// The value used by the form and the JSON API.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $wire,)+ }
            }

            /// The label the form shows for this value.
            pub fn label(self) -> &'static str {
                label_of($field, self.as_str())
            }

            /// The field this value answers.
            pub const FIELD: &'static str = $field;
        }

        impl WireEnum for $name {
            const FIELD: &'static str = $field;
            const ALL: &'static [Self] = $name::ALL;
            fn as_str(self) -> &'static str { $name::as_str(self) }
        }
    };
}

wire_enum! {
    /// How bad the pain is.
    Severity for "severity" { Mild = "mild", Moderate = "moderate", Severe = "severe", }
}
wire_enum! {
    /// When the pain started.
    Onset for "onset" {
        /// Within the last week.
        Days = "days",
        /// One to four weeks ago.
        Weeks = "weeks",
        /// More than a month ago.
        Months = "months",
    }
}
wire_enum! {
    /// How often the pain comes.
    Frequency for "frequency" { Occasional = "occasional", MostNights = "most_nights", }
}
wire_enum! {
    /// How the pain has changed over the last few days.
    Course for "course" { Better = "better", Same = "same", Worse = "worse", }
}
wire_enum! {
    /// How much the pain disrupts sleep or daily activities.
    SleepImpact for "sleep_impact" { Little = "little", Some = "some", ALot = "a_lot", }
}
wire_enum! {
    /// Whether a few days of home care (stretching, massage, warmth, water) were tried, and helped.
    HomeCare for "home_care" { NotTried = "not_tried", Helped = "helped", NotHelped = "not_helped", }
}
wire_enum! {
    /// What the pain feels like.
    Feeling for "feelings" {
        Cramp = "cramp",
        UrgeToMove = "urge_to_move",
        BurningTingling = "burning_tingling",
        ShootingFromBack = "shooting_from_back",
        AchingThrobbing = "aching_throbbing",
        Heaviness = "heaviness",
        JointStiffness = "joint_stiffness",
    }
}
wire_enum! {
    /// A health problem the person already has.
    Condition for "conditions" {
        Diabetes = "diabetes",
        HeartDisease = "heart_disease",
        BloodClotHistory = "blood_clot_history",
        VaricoseVeins = "varicose_veins",
        Arthritis = "arthritis",
    }
}
wire_enum! {
    /// Something in daily life that can lead to leg pain.
    Factor for "factors" {
        LongStandingOrExercise = "long_standing_or_exercise",
        LongSitting = "long_sitting",
        LittleWater = "little_water",
        Smoking = "smoking",
    }
}

fn label_of(field: &str, value: &'static str) -> &'static str {
    question(field)
        .and_then(|q| q.option(value))
        .map_or(value, |c| c.label)
}

/// Everything the person answered, typed: nothing downstream re-checks it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Answers {
    /// One leg is swollen, red, warm or sore to touch.
    pub one_leg_signs: bool,
    /// Short of breath, or chest pain.
    pub breathless: bool,
    /// Numbness, tingling or weakness in the leg or foot.
    pub numbness: bool,
    /// New skin colour, shiny skin, or sores that do not heal.
    pub skin_changes: bool,
    /// The pain started after an injury.
    pub injury: bool,
    /// How bad the pain is.
    pub severity: Severity,
    /// When it started.
    pub onset: Onset,
    /// How often it comes.
    pub frequency: Frequency,
    /// How it changed over the last few days.
    pub course: Course,
    /// How much it disrupts sleep or daily life.
    pub sleep_impact: SleepImpact,
    /// Whether home care was tried and helped.
    pub home_care: HomeCare,
    /// What it feels like.
    pub feelings: BTreeSet<Feeling>,
    /// Health problems the person has.
    pub conditions: BTreeSet<Condition>,
    /// Daily-life factors that apply.
    pub factors: BTreeSet<Factor>,
}

/// A problem with the answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldError {
    /// The question's field name (`""` when the whole body is wrong).
    pub field: &'static str,
    /// What to do about it, in plain words.
    pub message: String,
}

/// Every problem found, in question order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    /// The message for this field, if it has a problem.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            let sep = if i == 0 { "" } else { "; " };
            match e.field {
                "" => write!(f, "{sep}{}", e.message)?,
                field => write!(f, "{sep}{field}: {}", e.message)?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for FieldErrors {}

/// What was submitted for the known fields, verbatim, so the form can be shown again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Submission {
    values: BTreeMap<&'static str, Vec<String>>,
}

impl Submission {
    /// Keeps the pairs of a decoded urlencoded body whose names are questions; drops the rest.
    pub fn from_pairs<I, K, V>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: Into<String>,
    {
        let mut values: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
        for (name, value) in pairs {
            if let Some(q) = question(name.as_ref()) {
                values.entry(q.field).or_default().push(value.into());
            }
        }
        Submission { values }
    }

    /// Every value submitted for this field, in order (empty if none).
    pub fn values(&self, field: &str) -> &[String] {
        self.values.get(field).map_or(&[], Vec::as_slice)
    }

    /// Whether this value was submitted for this field, to re-check a radio or checkbox.
    pub fn is_checked(&self, field: &str, value: &str) -> bool {
        self.values(field).iter().any(|v| v == value)
    }

    /// Typed answers, or every problem found (not just the first).
    pub fn parse(&self) -> Result<Answers, FieldErrors> {
        build(self)
    }
}

impl Answers {
    /// Parses a JSON API body: `true`/`false` for yes/no, strings for single choices,
    /// arrays of strings for groups (a missing or null group is empty).
    pub fn from_json(value: &Value) -> Result<Answers, FieldErrors> {
        match value {
            Value::Object(map) => build(&JsonBody(map)),
            _ => Err(FieldErrors(vec![FieldError {
                field: "",
                message: "Send a JSON object".to_string(),
            }])),
        }
    }

    /// The form encoding of these answers, in question order.
    pub fn to_pairs(&self) -> Vec<(&'static str, &'static str)> {
        let yes_no = |b: bool| if b { "yes" } else { "no" };
        let mut pairs = vec![
            ("one_leg_signs", yes_no(self.one_leg_signs)),
            ("breathless", yes_no(self.breathless)),
            ("numbness", yes_no(self.numbness)),
            ("skin_changes", yes_no(self.skin_changes)),
            ("injury", yes_no(self.injury)),
            (Severity::FIELD, self.severity.as_str()),
            (Onset::FIELD, self.onset.as_str()),
            (Frequency::FIELD, self.frequency.as_str()),
            (Course::FIELD, self.course.as_str()),
            (SleepImpact::FIELD, self.sleep_impact.as_str()),
            (HomeCare::FIELD, self.home_care.as_str()),
        ];
        pairs.extend(self.feelings.iter().map(|v| (Feeling::FIELD, v.as_str())));
        pairs.extend(
            self.conditions
                .iter()
                .map(|v| (Condition::FIELD, v.as_str())),
        );
        pairs.extend(self.factors.iter().map(|v| (Factor::FIELD, v.as_str())));
        pairs
    }

    /// Each question with its answer in plain words, to take to an appointment.
    pub fn summary(&self) -> Vec<(&'static str, String)> {
        let pairs = self.to_pairs();
        QUESTIONS
            .iter()
            .map(|q| {
                let chosen: Vec<_> = pairs
                    .iter()
                    .filter(|(field, _)| *field == q.field)
                    .filter_map(|(_, value)| q.option(value))
                    .collect();
                let text = match (q.kind, chosen.as_slice()) {
                    (QuestionKind::AnyOf, []) => "None chosen".to_string(),
                    (QuestionKind::AnyOf, _) => chosen
                        .iter()
                        .map(|c| c.label)
                        .collect::<Vec<_>>()
                        .join(", "),
                    // Single choices keep their hint: "Days ago" alone would lose its meaning.
                    (_, [c]) => match c.hint {
                        Some(hint) => format!("{} ({})", c.label, lower_first(hint)),
                        None => c.label.to_string(),
                    },
                    _ => String::new(),
                };
                (q.legend, text)
            })
            .collect()
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// Where raw answers come from; each returns option values already checked against the question.
trait Source {
    /// The one chosen value of a required question.
    fn one(&self, q: &'static Question) -> Result<&'static str, String>;
    /// The chosen values of a checkbox group.
    fn many(&self, q: &'static Question) -> Result<Vec<&'static str>, String>;
}

impl Source for Submission {
    fn one(&self, q: &'static Question) -> Result<&'static str, String> {
        // Empty values count as not answered, so a blank field reads as missing.
        let sent: Vec<&str> = self
            .values(q.field)
            .iter()
            .map(String::as_str)
            .filter(|v| !v.is_empty())
            .collect();
        let chosen = sent
            .iter()
            .map(|v| q.option(v).map(|c| c.value))
            .collect::<Option<Vec<_>>>()
            .ok_or("Select one of the answers listed")?;
        match chosen.as_slice() {
            [] => Err(missing_message(q).to_string()),
            [first, rest @ ..] if rest.iter().all(|v| v == first) => Ok(*first),
            _ => Err("Select one answer only".to_string()),
        }
    }

    fn many(&self, q: &'static Question) -> Result<Vec<&'static str>, String> {
        self.values(q.field)
            .iter()
            .filter(|v| !v.is_empty())
            .map(|v| {
                q.option(v)
                    .map(|c| c.value)
                    .ok_or_else(|| "Select only the answers listed".to_string())
            })
            .collect()
    }
}

/// The form's message for an unanswered required question (GOV.UK style).
fn missing_message(q: &Question) -> &'static str {
    match q.field {
        "one_leg_signs" => "Select yes if one of your legs is swollen, red, warm or sore to touch",
        "breathless" => "Select yes if you are short of breath or have chest pain",
        "numbness" => "Select yes if you have numbness, tingling or weakness in your leg or foot",
        "skin_changes" => "Select yes if the skin on your leg or foot has changed",
        "injury" => "Select yes if the pain started after an injury to your leg",
        "severity" => "Select how bad the pain is",
        "onset" => "Select when the pain started",
        "frequency" => "Select how often you get the pain",
        "course" => "Select how the pain has changed over the last few days",
        "sleep_impact" => "Select how much the pain affects your sleep or daily life",
        "home_care" => "Select whether you have tried home care, and if it helped",
        _ => "Select an answer",
    }
}

/// A JSON object body.
struct JsonBody<'a>(&'a serde_json::Map<String, Value>);

impl JsonBody<'_> {
    /// What the API expects for this question, for error messages.
    fn expected(q: &Question) -> String {
        let listed = || {
            q.options
                .iter()
                .map(|c| format!("\"{}\"", c.value))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match q.kind {
            QuestionKind::YesNo => "true or false".to_string(),
            QuestionKind::OneOf => format!("one of {}", listed()),
            QuestionKind::AnyOf => format!("an array of strings from {}", listed()),
        }
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Source for JsonBody<'_> {
    fn one(&self, q: &'static Question) -> Result<&'static str, String> {
        let expected = Self::expected(q);
        match (q.kind, self.0.get(q.field)) {
            (_, None | Some(Value::Null)) => Err(format!("Required: send {expected}")),
            (QuestionKind::YesNo, Some(Value::Bool(b))) => Ok(if *b { "yes" } else { "no" }),
            (QuestionKind::OneOf, Some(Value::String(s))) => q
                .option(s)
                .map(|c| c.value)
                .ok_or_else(|| format!("Send {expected}")),
            (_, Some(other)) => Err(format!("Send {expected}, not {}", json_type(other))),
        }
    }

    fn many(&self, q: &'static Question) -> Result<Vec<&'static str>, String> {
        let wrong = || format!("Send {}", Self::expected(q));
        match self.0.get(q.field) {
            // The groups are optional: leaving one out means nothing was chosen.
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| {
                    item.as_str()
                        .and_then(|s| q.option(s))
                        .map(|c| c.value)
                        .ok_or_else(wrong)
                })
                .collect(),
            Some(other) => Err(format!("{}, not {}", wrong(), json_type(other))),
        }
    }
}

/// Reads every question from `src`, collecting all problems in question order.
fn build(src: &impl Source) -> Result<Answers, FieldErrors> {
    let mut errors = Vec::new();
    let answers = (
        yes_no(src, "one_leg_signs", &mut errors),
        yes_no(src, "breathless", &mut errors),
        yes_no(src, "numbness", &mut errors),
        yes_no(src, "skin_changes", &mut errors),
        yes_no(src, "injury", &mut errors),
        one_of(src, &mut errors),
        one_of(src, &mut errors),
        one_of(src, &mut errors),
        one_of(src, &mut errors),
        one_of(src, &mut errors),
        one_of(src, &mut errors),
        any_of(src, &mut errors),
        any_of(src, &mut errors),
        any_of(src, &mut errors),
    );
    let (
        Some(one_leg_signs),
        Some(breathless),
        Some(numbness),
        Some(skin_changes),
        Some(injury),
        Some(severity),
        Some(onset),
        Some(frequency),
        Some(course),
        Some(sleep_impact),
        Some(home_care),
        Some(feelings),
        Some(conditions),
        Some(factors),
    ) = answers
    else {
        let order = |e: &FieldError| QUESTIONS.iter().position(|q| q.field == e.field);
        errors.sort_by_key(order);
        return Err(FieldErrors(errors));
    };
    Ok(Answers {
        one_leg_signs,
        breathless,
        numbness,
        skin_changes,
        injury,
        severity,
        onset,
        frequency,
        course,
        sleep_impact,
        home_care,
        feelings,
        conditions,
        factors,
    })
}

/// Runs `parse` on the question `field`, turning its error into a [`FieldError`].
fn read<T>(
    field: &'static str,
    errors: &mut Vec<FieldError>,
    parse: impl FnOnce(&'static Question) -> Result<T, String>,
) -> Option<T> {
    let result = question(field)
        .ok_or_else(|| "Unknown question".to_string())
        .and_then(parse);
    result
        .map_err(|message| errors.push(FieldError { field, message }))
        .ok()
}

fn yes_no(src: &impl Source, field: &'static str, errors: &mut Vec<FieldError>) -> Option<bool> {
    read(field, errors, |q| src.one(q).map(|v| v == "yes"))
}

fn one_of<T: WireEnum>(src: &impl Source, errors: &mut Vec<FieldError>) -> Option<T> {
    read(T::FIELD, errors, |q| src.one(q).and_then(to_enum))
}

fn any_of<T: WireEnum>(src: &impl Source, errors: &mut Vec<FieldError>) -> Option<BTreeSet<T>> {
    read(T::FIELD, errors, |q| {
        src.many(q)?.into_iter().map(to_enum).collect()
    })
}

/// Maps a checked option value to its enum; fails only if QUESTIONS and the enum disagree.
fn to_enum<T: WireEnum>(value: &str) -> Result<T, String> {
    T::ALL
        .iter()
        .copied()
        .find(|v| v.as_str() == value)
        .ok_or_else(|| "Select one of the answers listed".to_string())
}
