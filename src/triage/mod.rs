//! The symptom check for leg pain at night: questions, answer parsing, rules,
//! causes and home-care tips, as data with their conditions as functions.
//!
//! Pure and self-contained: no I/O, no logging, no HTTP, and no words (those
//! are in the strings files, by id). The web layer parses a body with
//! [`Submission::parse`] or [`JsonBody::answers`], calls [`assess`] and renders
//! the result. Every rule and cause follows `docs/triage-spec.md` (version 3).

mod answers;
mod cases;
mod causes;
mod flow;
mod rules;
mod tips;
mod urgency;

#[cfg(test)]
mod tests;

pub use answers::{
    Answer, Answers, Condition, Course, Duplicate, Factor, Feeling, FieldError, FieldErrors,
    Frequency, HomeCare, JsonBody, JsonType, Kind, Onset, Parsed, Problem, QUESTIONS, Question,
    Severity, Sign, SleepImpact, Submission, WireValue, question, sections,
};
pub use cases::{Coverage, WorkedCase, coverage, worked_cases};
pub use causes::{CAUSES, Cause, cause, possible_pad};
pub use flow::{ApiReply, Page, Reply, Step, api_reply, emergency, reply, urgent_decided};
pub use rules::{Assessment, RULES, Rule, When, assess, rule, signs};
pub use tips::{Offered, TIPS, Tip, home_care_shown};
pub use urgency::{CareCard, Urgency};
