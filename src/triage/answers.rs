//! The questions, declared once (`questions!` below), and the typed answers
//! parsed from a form body or a JSON object. Field names and values are a
//! public contract; the words for them are in the strings files.

use std::collections::BTreeSet;

use serde_json::Value;

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Required radios, `yes` or `no` (`true` or `false` in JSON).
    YesNo,
    /// Required radios, exactly one of the values.
    OneOf,
    /// Optional checkboxes, any number of the values (an array in JSON).
    AnyOf,
}

/// A type that answers one question.
pub trait Answer: Sized {
    const KIND: Kind;
    /// The values sent by the form and the JSON API, in form order.
    const VALUES: &'static [&'static str];
    /// Builds the answer from values already checked against `VALUES`
    /// (exactly one for `YesNo` and `OneOf`).
    fn from_values(values: &[&'static str]) -> Option<Self>;
    /// The values that encode this answer, in form order.
    fn values(&self) -> Vec<&'static str>;
}

impl Answer for bool {
    const KIND: Kind = Kind::YesNo;
    const VALUES: &'static [&'static str] = &["yes", "no"];
    fn from_values(values: &[&'static str]) -> Option<Self> {
        match values {
            ["yes"] => Some(true),
            ["no"] => Some(false),
            _ => None,
        }
    }
    fn values(&self) -> Vec<&'static str> {
        vec![if *self { "yes" } else { "no" }]
    }
}

/// An enum whose variants are the values of a question.
pub trait WireValue: Copy + Ord + 'static {
    const ALL: &'static [Self];
    const VALUES: &'static [&'static str];
    fn as_str(self) -> &'static str;
    fn from_str(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == value)
    }
}

impl<T: WireValue> Answer for BTreeSet<T> {
    const KIND: Kind = Kind::AnyOf;
    const VALUES: &'static [&'static str] = T::VALUES;
    fn from_values(values: &[&'static str]) -> Option<Self> {
        values.iter().map(|v| T::from_str(v)).collect()
    }
    fn values(&self) -> Vec<&'static str> {
        self.iter().map(|v| v.as_str()).collect()
    }
}

/// Declares an answer enum whose variants are a question's values.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* #[doc = concat!("Sent as `", $wire, "`.")] $variant,)+
        }

        impl WireValue for $name {
            const ALL: &'static [Self] = &[$(Self::$variant,)+];
            const VALUES: &'static [&'static str] = &[$($wire,)+];
            fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $wire,)+ }
            }
        }

        impl Answer for $name {
            const KIND: Kind = Kind::OneOf;
            const VALUES: &'static [&'static str] = <Self as WireValue>::VALUES;
            fn from_values(values: &[&'static str]) -> Option<Self> {
                match values {
                    [one] => <Self as WireValue>::from_str(one),
                    _ => None,
                }
            }
            fn values(&self) -> Vec<&'static str> {
                vec![self.as_str()]
            }
        }
    };
}

wire_enum! {
    /// How bad the pain is.
    Severity { Mild = "mild", Moderate = "moderate", Severe = "severe", }
}
wire_enum! {
    /// When the pain started.
    Onset {
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
    Frequency { Occasional = "occasional", MostNights = "most_nights", }
}
wire_enum! {
    /// How the pain has changed over the last few days.
    Course { Better = "better", Same = "same", Worse = "worse", }
}
wire_enum! {
    /// How much the pain disrupts sleep or daily activities.
    SleepImpact { Little = "little", Some = "some", ALot = "a_lot", }
}
wire_enum! {
    /// Whether a few days of home care were tried, and helped.
    HomeCare { NotTried = "not_tried", Helped = "helped", NotHelped = "not_helped", }
}
wire_enum! {
    /// What the pain feels like.
    Feeling {
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
    Condition {
        Diabetes = "diabetes",
        HeartDisease = "heart_disease",
        BloodClotHistory = "blood_clot_history",
        VaricoseVeins = "varicose_veins",
        Arthritis = "arthritis",
    }
}
wire_enum! {
    /// Something in daily life that can lead to leg pain.
    Factor {
        LongStandingOrExercise = "long_standing_or_exercise",
        LongSitting = "long_sitting",
        LittleWater = "little_water",
        Smoking = "smoking",
    }
}

/// One question of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Question {
    /// Field name in the form and the JSON API (a public contract).
    pub field: &'static str,
    /// The form section it is asked in.
    pub section: &'static str,
    pub kind: Kind,
    /// Its values, in the order shown.
    pub values: &'static [&'static str],
}

impl Question {
    /// Whether `value` is one of this question's values; the value as stored if so.
    pub fn value(&self, value: &str) -> Option<&'static str> {
        self.values.iter().copied().find(|v| *v == value)
    }
}

/// Declares the questions once: the `Answers` struct, the `QUESTIONS` table
/// in form order, reading answers from any source and writing them back.
macro_rules! questions {
    ($( $section:ident { $( $(#[$doc:meta])* $field:ident : $ty:ty, )+ } )+) => {
        /// Everything the person answered, typed: nothing downstream re-checks it.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub struct Answers {
            $( $( $(#[$doc])* pub $field: $ty, )+ )+
        }

        /// Every question, in form order, grouped by section.
        pub const QUESTIONS: &[Question] = &[ $( $( Question {
            field: stringify!($field),
            section: stringify!($section),
            kind: <$ty as Answer>::KIND,
            values: <$ty as Answer>::VALUES,
        }, )+ )+ ];

        impl Answers {
            /// Reads every question from `src`, collecting every problem in question order.
            fn read(src: &impl Source) -> Result<Answers, FieldErrors> {
                let mut errors = Vec::new();
                $( $( let $field = read_one::<$ty>(src, stringify!($field), &mut errors); )+ )+
                let answers = (|| Some(Answers { $( $( $field: $field?, )+ )+ }))();
                match answers {
                    Some(answers) if errors.is_empty() => Ok(answers),
                    _ => Err(FieldErrors(errors)),
                }
            }

            /// The form encoding of these answers, in question order.
            pub fn to_pairs(&self) -> Vec<(&'static str, &'static str)> {
                let mut pairs = Vec::new();
                $( $( pairs.extend(Answer::values(&self.$field).into_iter().map(|v| (stringify!($field), v))); )+ )+
                pairs
            }
        }
    };
}

questions! {
    warning_signs {
        /// One leg is swollen, red, warm or sore to touch.
        one_leg_signs: bool,
        /// Short of breath, or chest pain.
        breathless: bool,
        /// Numbness, tingling or weakness in the leg or foot.
        numbness: bool,
        /// New skin colour, shiny skin, or sores that do not heal.
        skin_changes: bool,
        /// The pain started after an injury.
        injury: bool,
    }
    about_the_pain {
        severity: Severity,
        onset: Onset,
        frequency: Frequency,
        course: Course,
        sleep_impact: SleepImpact,
        home_care: HomeCare,
    }
    anything_else {
        feelings: BTreeSet<Feeling>,
        conditions: BTreeSet<Condition>,
        factors: BTreeSet<Factor>,
    }
}

/// The question with this field name, if there is one.
pub fn question(field: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.field == field)
}

/// The form's sections in order, each with its questions.
pub fn sections() -> Vec<(&'static str, Vec<&'static Question>)> {
    let mut sections: Vec<(&'static str, Vec<&'static Question>)> = Vec::new();
    for q in QUESTIONS {
        match sections.last_mut() {
            Some((section, questions)) if *section == q.section => questions.push(q),
            _ => sections.push((q.section, vec![q])),
        }
    }
    sections
}

/// What is wrong with one answer. The words for each are in the strings files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Problem {
    /// A required question was not answered.
    Missing,
    /// A value that is not one of the question's.
    NotAnOption,
    /// Two different values for a one-answer question.
    MoreThanOne,
    /// JSON of the wrong type, e.g. a string for a yes/no question.
    WrongType(JsonType),
    /// The JSON object names this field twice.
    Duplicate,
    /// The JSON body is not an object (the field is empty).
    NotAnObject,
}

/// The type of a JSON value, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonType {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl JsonType {
    pub fn of(value: &Value) -> JsonType {
        match value {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Bool,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::Array,
            Value::Object(_) => JsonType::Object,
        }
    }

    /// Lower-case name, for string ids (`api-type-string`).
    pub fn name(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Bool => "bool",
            JsonType::Number => "number",
            JsonType::String => "string",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }

    pub const ALL: &'static [JsonType] = &[
        JsonType::Null,
        JsonType::Bool,
        JsonType::Number,
        JsonType::String,
        JsonType::Array,
        JsonType::Object,
    ];
}

/// A problem with the answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FieldError {
    /// The question's field name (`""` when the whole body is wrong).
    pub field: &'static str,
    pub problem: Problem,
}

/// Every problem found, in question order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{} answer(s) missing or not valid", .0.len())]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    /// The problem with this field, if it has one.
    pub fn get(&self, field: &str) -> Option<Problem> {
        self.0.iter().find(|e| e.field == field).map(|e| e.problem)
    }
}

/// What a source holds for one field.
enum Raw<'a> {
    Absent,
    /// Non-empty form values, in the order sent.
    Texts(Vec<&'a str>),
    Json(&'a Value),
    Duplicate,
}

/// Where raw answers come from.
trait Source {
    fn raw(&self, field: &str) -> Raw<'_>;
}

fn read_one<T: Answer>(
    src: &impl Source,
    field: &'static str,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    let q = question(field)?;
    let values = checked_values(q, src.raw(field));
    let answer = values.and_then(|v| T::from_values(&v).ok_or(Problem::NotAnOption));
    answer
        .map_err(|problem| errors.push(FieldError { field, problem }))
        .ok()
}

/// The raw answer, checked against the question: its values as stored.
fn checked_values(q: &Question, raw: Raw<'_>) -> Result<Vec<&'static str>, Problem> {
    let option = |v: &str| q.value(v).ok_or(Problem::NotAnOption);
    let texts: Vec<&'static str> = match (q.kind, raw) {
        (_, Raw::Duplicate) => return Err(Problem::Duplicate),
        (Kind::AnyOf, Raw::Absent | Raw::Json(Value::Null)) => Vec::new(),
        (_, Raw::Absent | Raw::Json(Value::Null)) => return Err(Problem::Missing),
        (_, Raw::Texts(texts)) => texts.into_iter().map(option).collect::<Result<_, _>>()?,
        (Kind::YesNo, Raw::Json(Value::Bool(b))) => vec![if *b { "yes" } else { "no" }],
        (Kind::OneOf, Raw::Json(Value::String(s))) => vec![option(s)?],
        (Kind::AnyOf, Raw::Json(Value::Array(items))) => items
            .iter()
            .map(|item| match item {
                Value::String(s) => option(s),
                _ => Err(Problem::NotAnOption),
            })
            .collect::<Result<_, _>>()?,
        (_, Raw::Json(other)) => return Err(Problem::WrongType(JsonType::of(other))),
    };
    let mut distinct = texts.clone();
    distinct.sort_unstable();
    distinct.dedup();
    match (q.kind, distinct.len()) {
        (Kind::AnyOf, _) => Ok(distinct),
        (_, 0) => Err(Problem::Missing),
        (_, 1) => Ok(distinct),
        _ => Err(Problem::MoreThanOne),
    }
}

/// A form body as sent, kept for the known fields so the form can be shown again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Submission {
    values: Vec<(&'static str, String)>,
}

impl Submission {
    /// Keeps the pairs whose names are questions, in the order sent; drops the rest.
    pub fn from_pairs<I, K, V>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: Into<String>,
    {
        let values = pairs
            .into_iter()
            .filter_map(|(name, value)| question(name.as_ref()).map(|q| (q.field, value.into())))
            .collect();
        Submission { values }
    }

    /// Decodes an `application/x-www-form-urlencoded` body.
    pub fn from_form(body: &[u8]) -> Self {
        Self::from_pairs(form_urlencoded::parse(body))
    }

    /// Every value sent for this field, in order.
    pub fn values<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.values
            .iter()
            .filter(move |(f, _)| *f == field)
            .map(|(_, v)| v.as_str())
    }

    /// Whether this value was sent for this field, to check its radio or checkbox again.
    pub fn is_checked(&self, field: &str, value: &str) -> bool {
        self.values(field).any(|v| v == value)
    }

    /// The typed answers, or every problem with them.
    pub fn parse(&self) -> Result<Answers, FieldErrors> {
        Answers::read(self)
    }
}

impl Source for Submission {
    fn raw(&self, field: &str) -> Raw<'_> {
        // A blank value counts as no answer.
        let texts: Vec<&str> = self
            .values
            .iter()
            .filter(|(f, v)| *f == field && !v.is_empty())
            .map(|(_, v)| v.as_str())
            .collect();
        if texts.is_empty() {
            Raw::Absent
        } else {
            Raw::Texts(texts)
        }
    }
}

/// A JSON request body: its top-level members in order, duplicates kept so
/// they can be refused (serde_json alone keeps the last one silently).
#[derive(Debug, Clone, PartialEq)]
pub enum JsonBody {
    Object(Vec<(String, Value)>),
    /// Valid JSON that is not an object.
    Other,
}

impl JsonBody {
    /// Parses a body; `Err` when it is not JSON at all.
    pub fn parse(bytes: &[u8]) -> Result<JsonBody, serde_json::Error> {
        let value: MembersOrOther = serde_json::from_slice(bytes)?;
        Ok(match value {
            MembersOrOther::Object(members) => JsonBody::Object(members),
            MembersOrOther::Other => JsonBody::Other,
        })
    }

    /// The member `name`, if given; an error when it is given more than once.
    pub fn member(&self, name: &str) -> Result<Option<&Value>, Duplicate> {
        let JsonBody::Object(members) = self else {
            return Ok(None);
        };
        let mut found = members.iter().filter(|(k, _)| k == name).map(|(_, v)| v);
        match (found.next(), found.next()) {
            (Some(_), Some(_)) => Err(Duplicate),
            (value, _) => Ok(value),
        }
    }

    /// The typed answers, or every problem with them.
    pub fn answers(&self) -> Result<Answers, FieldErrors> {
        match self {
            JsonBody::Object(_) => Answers::read(self),
            JsonBody::Other => Err(FieldErrors(vec![FieldError {
                field: "",
                problem: Problem::NotAnObject,
            }])),
        }
    }
}

impl Source for JsonBody {
    fn raw(&self, field: &str) -> Raw<'_> {
        match self.member(field) {
            Err(Duplicate) => Raw::Duplicate,
            Ok(None) => Raw::Absent,
            Ok(Some(value)) => Raw::Json(value),
        }
    }
}

/// A JSON object names the same member twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a member is given twice")]
pub struct Duplicate;

/// Top-level JSON: an object's members in order, or anything else.
enum MembersOrOther {
    Object(Vec<(String, Value)>),
    Other,
}

impl<'de> serde::Deserialize<'de> for MembersOrOther {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = MembersOrOther;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut members = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Value>()? {
                    members.push((k, v));
                }
                Ok(MembersOrOther::Object(members))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                // As values, so serde_json's depth limit refuses absurd nesting.
                while seq.next_element::<Value>()?.is_some() {}
                Ok(MembersOrOther::Other)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(MembersOrOther::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(MembersOrOther::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(MembersOrOther::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(MembersOrOther::Other)
            }
            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(MembersOrOther::Other)
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(MembersOrOther::Other)
            }
        }
        d.deserialize_any(Visit)
    }
}
