//! The symptom check for leg pain at night: questions, answer parsing, rules,
//! causes and home-care tips, as data with their conditions as functions.
//!
//! Pure and self-contained: no I/O, no logging, no HTTP, and no words (those
//! are in the strings files, by id). The web layer parses a body with
//! [`Submission::parse`] or [`JsonBody::answers`], calls [`assess`] and renders
//! the result. Every rule and cause follows `shared/triage-spec.md`.

mod answers;
mod cases;
mod causes;
mod rules;
mod tips;
mod urgency;

#[cfg(test)]
mod tests;

pub use answers::{
    Answer, Answers, Condition, Course, Duplicate, Factor, Feeling, FieldError, FieldErrors,
    Frequency, HomeCare, JsonBody, JsonType, Kind, Onset, Problem, QUESTIONS, Question, Severity,
    SleepImpact, Submission, WireValue, question, sections,
};
pub use cases::{Coverage, WorkedCase, coverage, worked_cases};
pub use causes::{CAUSES, Cause, cause, possible_pad};
pub use rules::{Assessment, RULES, Rule, When, assess, rule, signs};
pub use tips::{Shown, TIPS, Tip, home_care_shown};
pub use urgency::{CareCard, Urgency};
