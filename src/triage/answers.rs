//! The questions, declared once (`questions!` below), and the typed answers
//! parsed from a form body or a JSON object. Field names and values are a
//! public contract; the words for them are in the strings files.

use std::collections::BTreeSet;

use serde_json::Value;

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A warning sign: required radios, `yes`, `no` or `unsure` (in JSON also
    /// `true` or `false`).
    Sign,
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
    /// How [`Answers`] holds it: `Option<Self>` for a required answer (absent
    /// until answered validly), the set itself for a checkbox group.
    type Slot: Default + Clone + std::fmt::Debug + PartialEq + Eq + std::hash::Hash;
    /// Builds the answer from values already checked against `VALUES`
    /// (exactly one for `Sign` and `OneOf`).
    fn from_values(values: &[&'static str]) -> Option<Self>;
    /// The answer as held.
    fn into_slot(self) -> Self::Slot;
    /// The values that encode an answer as held, in form order (none when absent).
    fn slot_values(slot: &Self::Slot) -> Vec<&'static str>;
}

/// Declares an answer enum whose variants are a question's values.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident $kind:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal,)+ }) => {
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
            const KIND: Kind = Kind::$kind;
            const VALUES: &'static [&'static str] = <Self as WireValue>::VALUES;
            type Slot = Option<Self>;
            fn from_values(values: &[&'static str]) -> Option<Self> {
                match values {
                    [one] => <Self as WireValue>::from_str(one),
                    _ => None,
                }
            }
            fn into_slot(self) -> Option<Self> {
                Some(self)
            }
            fn slot_values(slot: &Option<Self>) -> Vec<&'static str> {
                slot.iter().map(|v| v.as_str()).collect()
            }
        }
    };
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

impl<T: WireValue + std::fmt::Debug + std::hash::Hash> Answer for BTreeSet<T> {
    const KIND: Kind = Kind::AnyOf;
    const VALUES: &'static [&'static str] = T::VALUES;
    type Slot = BTreeSet<T>;
    fn from_values(values: &[&'static str]) -> Option<Self> {
        values.iter().map(|v| T::from_str(v)).collect()
    }
    fn into_slot(self) -> Self {
        self
    }
    fn slot_values(slot: &Self) -> Vec<&'static str> {
        slot.iter().map(|v| v.as_str()).collect()
    }
}

wire_enum! {
    /// The answer to a warning-sign question, in the order shown.
    Sign Sign {
        Yes = "yes",
        No = "no",
        /// "I'm not sure": never treated as a no.
        Unsure = "unsure",
    }
}

impl Sign {
    /// How cautious the answer is: `unsure` lies between `no` and `yes`.
    /// A sign sent more than once counts as its most cautious copy.
    pub fn caution(self) -> u8 {
        match self {
            Sign::No => 0,
            Sign::Unsure => 1,
            Sign::Yes => 2,
        }
    }
}

wire_enum! {
    /// How bad the pain is.
    Severity OneOf { Mild = "mild", Moderate = "moderate", Severe = "severe", }
}
wire_enum! {
    /// When the pain started.
    Onset OneOf {
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
    Frequency OneOf { Occasional = "occasional", MostNights = "most_nights", }
}
wire_enum! {
    /// How the pain has changed over the last few days.
    Course OneOf { Better = "better", Same = "same", Worse = "worse", }
}
wire_enum! {
    /// How much the pain disrupts sleep or daily activities.
    SleepImpact OneOf { Little = "little", Some = "some", ALot = "a_lot", }
}
wire_enum! {
    /// Whether a few days of home care were tried, and helped.
    HomeCare OneOf { NotTried = "not_tried", Helped = "helped", NotHelped = "not_helped", }
}
wire_enum! {
    /// What the pain feels like.
    Feeling OneOf {
        Cramp = "cramp",
        UrgeToMove = "urge_to_move",
        BurningTingling = "burning_tingling",
        ShootingFromBack = "shooting_from_back",
        AchingThrobbing = "aching_throbbing",
        Heaviness = "heaviness",
        /// Legs that feel tired, worn out (version 3).
        TiredLegs = "tired_legs",
        JointStiffness = "joint_stiffness",
    }
}
wire_enum! {
    /// A health problem the person already has.
    Condition OneOf {
        Diabetes = "diabetes",
        HeartDisease = "heart_disease",
        BloodClotHistory = "blood_clot_history",
        VaricoseVeins = "varicose_veins",
        Arthritis = "arthritis",
    }
}
wire_enum! {
    /// Something in daily life that can lead to leg pain.
    Factor OneOf {
        LongStandingOrExercise = "long_standing_or_exercise",
        LongSitting = "long_sitting",
        LittleWater = "little_water",
        Smoking = "smoking",
        /// Drinking a lot of alcohol (version 3).
        Alcohol = "alcohol",
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
        /// Everything the person answered validly, typed: nothing downstream
        /// re-checks it. A required question not answered, or not answered
        /// validly, is `None` (a result may be decided before every answer is
        /// in); a checkbox group is the set of boxes ticked.
        #[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
        pub struct Answers {
            $( $( $(#[$doc])* pub $field: <$ty as Answer>::Slot, )+ )+
        }

        /// Every question, in form order, grouped by section.
        pub const QUESTIONS: &[Question] = &[ $( $( Question {
            field: stringify!($field),
            section: stringify!($section),
            kind: <$ty as Answer>::KIND,
            values: <$ty as Answer>::VALUES,
        }, )+ )+ ];

        impl Answers {
            /// Reads every question from `src`: the valid answers, and every
            /// problem in question order.
            fn read(src: &impl Source) -> Parsed {
                let mut errors = Vec::new();
                let mut sent = Vec::new();
                let answers = Answers { $( $( $field: read_one::<$ty>(src, stringify!($field), &mut errors, &mut sent), )+ )+ };
                Parsed { answers, errors: FieldErrors(errors), sent }
            }

            /// Whether `field` holds an answer (a required question answered
            /// validly, or a checkbox group with a box ticked).
            pub fn has(&self, field: &str) -> bool {
                match field {
                    $( $( stringify!($field) => !<$ty as Answer>::slot_values(&self.$field).is_empty(), )+ )+
                    _ => false,
                }
            }

            /// The form encoding of these answers, in question order.
            pub fn to_pairs(&self) -> Vec<(&'static str, &'static str)> {
                let mut pairs = Vec::new();
                $( $( pairs.extend(<$ty as Answer>::slot_values(&self.$field).into_iter().map(|v| (stringify!($field), v))); )+ )+
                pairs
            }
        }
    };
}

questions! {
    warning_signs {
        /// One leg, or part of one, is swollen, red, warm or sore to touch.
        one_leg_signs: Sign,
        /// Short of breath (new, or more than usual), or chest pain.
        breathless: Sign,
        /// Numbness, tingling or weakness in the leg or foot.
        numbness: Sign,
        /// New skin colour, shiny skin, or sores that do not heal.
        skin_changes: Sign,
        /// The pain started after an injury.
        injury: Sign,
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

impl Question {
    /// Whether it is answered in step 1 (the warning signs).
    pub fn is_sign(&self) -> bool {
        self.kind == Kind::Sign
    }

    /// Whether it must be answered (checkbox groups may be left empty).
    pub fn is_required(&self) -> bool {
        self.kind != Kind::AnyOf
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, thiserror::Error)]
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
    /// A JSON member given more than once: every copy.
    Duplicate(Vec<&'a Value>),
}

/// Where raw answers come from.
trait Source {
    fn raw(&self, field: &str) -> Raw<'_>;
}

fn read_one<T: Answer>(
    src: &impl Source,
    field: &'static str,
    errors: &mut Vec<FieldError>,
    sent: &mut Vec<&'static str>,
) -> T::Slot {
    let Some(q) = question(field) else {
        return T::Slot::default();
    };
    let raw = src.raw(field);
    if !matches!(raw, Raw::Absent | Raw::Json(Value::Null)) {
        sent.push(field);
    }
    let answer =
        checked_values(q, raw).and_then(|v| T::from_values(&v).ok_or(Problem::NotAnOption));
    match answer {
        Ok(answer) => answer.into_slot(),
        Err(problem) => {
            errors.push(FieldError { field, problem });
            T::Slot::default()
        }
    }
}

/// A JSON value as the text of an answer, if it can be one.
fn json_text(q: &Question, value: &Value) -> Result<&'static str, Problem> {
    match (q.kind, value) {
        (Kind::Sign, Value::Bool(b)) => Ok(if *b { "yes" } else { "no" }),
        (Kind::Sign | Kind::OneOf, Value::String(s)) => q.value(s).ok_or(Problem::NotAnOption),
        (_, other) => Err(Problem::WrongType(JsonType::of(other))),
    }
}

/// The raw answer, checked against the question: its values as stored.
fn checked_values(q: &Question, raw: Raw<'_>) -> Result<Vec<&'static str>, Problem> {
    let option = |v: &str| q.value(v).ok_or(Problem::NotAnOption);
    let texts: Vec<&'static str> = match (q.kind, raw) {
        // A warning sign given twice counts as yes if any copy is (spec v3).
        // A warning sign given twice counts as yes if any copy is, otherwise
        // as its most cautious copy: the form and the API agree.
        (Kind::Sign, Raw::Duplicate(copies)) => {
            return most_cautious(copies.iter().map(|v| json_text(q, v)).collect())
                .map_err(|_| Problem::Duplicate);
        }
        (_, Raw::Duplicate(_)) => return Err(Problem::Duplicate),
        (Kind::AnyOf, Raw::Absent | Raw::Json(Value::Null)) => Vec::new(),
        (_, Raw::Absent | Raw::Json(Value::Null)) => return Err(Problem::Missing),
        (Kind::Sign, Raw::Texts(texts)) if texts.len() > 1 => {
            return most_cautious(texts.into_iter().map(option).collect());
        }
        (_, Raw::Texts(texts)) => texts.into_iter().map(option).collect::<Result<_, _>>()?,
        (Kind::AnyOf, Raw::Json(Value::Array(items))) => items
            .iter()
            .map(|item| match item {
                Value::String(s) => option(s),
                _ => Err(Problem::NotAnOption),
            })
            .collect::<Result<_, _>>()?,
        (Kind::AnyOf, Raw::Json(other)) => return Err(Problem::WrongType(JsonType::of(other))),
        (_, Raw::Json(value)) => vec![json_text(q, value)?],
    };
    let mut distinct = texts.clone();
    distinct.sort_unstable();
    distinct.dedup();
    // A single answer sent twice is a problem even when both copies agree
    // (spec v3: "any other single-answer field sent twice is a 422").
    match (q.kind, texts.len()) {
        (Kind::AnyOf, _) => Ok(distinct),
        (_, 0) => Err(Problem::Missing),
        (_, 1) => Ok(distinct),
        _ => Err(Problem::MoreThanOne),
    }
}

/// A warning sign sent more than once counts as yes if any copy is; otherwise,
/// if every copy is valid, as its most cautious copy (`unsure` over `no`).
fn most_cautious(copies: Vec<Result<&'static str, Problem>>) -> Result<Vec<&'static str>, Problem> {
    let sign = |r: &Result<&'static str, Problem>| r.ok().and_then(<Sign as WireValue>::from_str);
    if copies.iter().any(|c| sign(c) == Some(Sign::Yes)) {
        return Ok(vec!["yes"]);
    }
    let signs: Option<Vec<Sign>> = copies.iter().map(sign).collect();
    signs
        .and_then(|s| s.into_iter().max_by_key(|s| s.caution()))
        .map(|s| vec![s.as_str()])
        .ok_or(Problem::NotAnOption)
}

/// The answers read from one body: the valid ones, the problems, and which
/// fields were sent at all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Every valid answer; a missing or invalid one is absent.
    pub answers: Answers,
    /// Every required answer missing, and every answer not valid, in question order.
    pub errors: FieldErrors,
    /// The fields sent with some value (valid or not), in question order.
    pub sent: Vec<&'static str>,
}

impl Parsed {
    /// The answers, when every one is present and valid.
    pub fn complete(self) -> Result<Answers, FieldErrors> {
        if self.errors.0.is_empty() {
            Ok(self.answers)
        } else {
            Err(self.errors)
        }
    }

    /// Whether this field was sent with some value.
    pub fn was_sent(&self, field: &str) -> bool {
        self.sent.contains(&field)
    }

    /// The problems with the warning signs (step 1).
    pub fn sign_errors(&self) -> Vec<FieldError> {
        self.errors_where(|q| q.is_sign())
    }

    /// The problems with the other questions (step 2).
    pub fn detail_errors(&self) -> Vec<FieldError> {
        self.errors_where(|q| !q.is_sign())
    }

    fn errors_where(&self, keep: impl Fn(&Question) -> bool) -> Vec<FieldError> {
        self.errors
            .0
            .iter()
            .filter(|e| question(e.field).is_none_or(&keep))
            .copied()
            .collect()
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

    /// Every known field and value sent, in the order sent.
    pub fn pairs(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.values.iter().map(|(f, v)| (*f, v.as_str()))
    }

    /// Whether this value was sent for this field, to check its radio or checkbox again.
    pub fn is_checked(&self, field: &str, value: &str) -> bool {
        self.values(field).any(|v| v == value)
    }

    /// The valid answers and every problem with them.
    pub fn parse(&self) -> Parsed {
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

    /// The valid answers and every problem with them.
    pub fn answers(&self) -> Parsed {
        match self {
            JsonBody::Object(_) => Answers::read(self),
            JsonBody::Other => Parsed {
                errors: FieldErrors(vec![FieldError {
                    field: "",
                    problem: Problem::NotAnObject,
                }]),
                ..Parsed::default()
            },
        }
    }

    /// Every copy of the member `name`, in order.
    fn members(&self, name: &str) -> Vec<&Value> {
        match self {
            JsonBody::Object(members) => members
                .iter()
                .filter(|(k, _)| k == name)
                .map(|(_, v)| v)
                .collect(),
            JsonBody::Other => Vec::new(),
        }
    }
}

impl Source for JsonBody {
    fn raw(&self, field: &str) -> Raw<'_> {
        match self.members(field).as_slice() {
            [] => Raw::Absent,
            [value] => Raw::Json(value),
            copies => Raw::Duplicate(copies.to_vec()),
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
