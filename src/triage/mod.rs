//! The symptom check for leg pain at night: questions, answer parsing, rules and causes.
//!
//! Pure and self-contained: no I/O, no logging, no HTTP. The web layer parses a body with
//! [`Submission::parse`] or [`Answers::from_json`], calls [`assess`] and renders the result.
//! Every rule and cause follows `shared/triage-spec.md`; every reader-facing sentence rests on
//! the two source documents in `shared/seeds/`.

mod advice;
mod answers;
mod causes;
mod questions;
mod rules;
mod urgency;

#[cfg(test)]
mod tests;

pub use advice::{come_back_if, self_care_steps};
pub use answers::{
    Answers, Condition, Course, Factor, Feeling, FieldError, FieldErrors, Frequency, HomeCare,
    Onset, Severity, SleepImpact, Submission,
};
pub use causes::{CAUSES, Cause};
pub use questions::{Choice, QUESTIONS, Question, QuestionKind, question};
pub use rules::{Assessment, RULES, Rule, assess, rule};
pub use urgency::Urgency;
