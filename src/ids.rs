//! Every string id named after the site's data, in one place: the
//! renderers ask for a string by one of these functions, and
//! `startup::string_needs` uses the same functions to check that every
//! language has every string. A literal id (a `get` of a quoted id) is found
//! in the source by `build.rs`; an id made from data is made only here.

use crate::triage::{Kind, Question, Urgency};

/// A question's legend: `q-onset`.
pub fn question(field: &str) -> String {
    format!("q-{field}")
}

/// A question as it reads inside a sentence, written so by each language
/// (the form's "answer this" messages): `q-onset-in-sentence`.
pub fn question_in_sentence(field: &str) -> String {
    format!("q-{field}-in-sentence")
}

/// A question's hint, if the language has one: `q-onset-hint`.
pub fn question_hint(field: &str) -> String {
    format!("q-{field}-hint")
}

/// A value's label: the warning signs share theirs (`answer-yes`,
/// `answer-no`, `answer-unsure`), the rest are the question's own (`q-onset-days`).
pub fn answer(q: &Question, value: &str) -> String {
    if q.kind == Kind::Sign {
        format!("answer-{value}")
    } else {
        format!("q-{}-{value}", q.field)
    }
}

/// A value's hint, if the language has one: `q-onset-days-hint`.
pub fn answer_hint(q: &Question, value: &str) -> String {
    format!("{}-hint", answer(q, value))
}

/// A value's hint as the summary of answers writes it, after the label and
/// in its case (`Days ago (within the last week)`): `q-onset-days-summary-hint`.
pub fn answer_summary_hint(q: &Question, value: &str) -> String {
    format!("{}-summary-hint", answer(q, value))
}

/// A form section's heading: `form-section-warning_signs`.
pub fn form_section(section: &str) -> String {
    format!("form-section-{section}")
}

/// A form section's introduction, if the language has one.
pub fn form_section_intro(section: &str) -> String {
    format!("form-section-{section}-intro")
}

/// What a rule's reason says on a result: `rule-E1-reason`.
pub fn rule_reason(code: &str) -> String {
    format!("rule-{code}-reason")
}

/// A rule as a warning sign to watch for: `rule-E1-sign`.
pub fn rule_sign(code: &str) -> String {
    format!("rule-{code}-sign")
}

/// A rule's source passage: `rule-E1-source`.
pub fn rule_source(code: &str) -> String {
    format!("rule-{code}-source")
}

/// How to read a rule, if the language says: `rule-E1-reading`.
pub fn rule_reading(code: &str) -> String {
    format!("rule-{code}-reading")
}

/// When a cause is offered: `cause-cramps-when`.
pub fn cause_when(id: &str) -> String {
    format!("cause-{id}-when")
}

/// A tip's words: `tip-stretch`.
pub fn tip(id: &str) -> String {
    format!("tip-{id}")
}

/// A tip's short name: `tip-stretch-name`.
pub fn tip_name(id: &str) -> String {
    format!("tip-{id}-name")
}

/// When a tip is offered on a routine result: `tip-stretch-when`.
pub fn tip_when(id: &str) -> String {
    format!("tip-{id}-when")
}

/// When a tip is left out: `tip-heat-withheld-when`.
pub fn tip_withheld_when(id: &str) -> String {
    format!("tip-{id}-withheld-when")
}

/// A level's title: `urgency-routine-title`.
pub fn urgency_title(level: Urgency) -> String {
    format!("urgency-{}-title", level.as_str())
}

/// A level's advice: `urgency-routine-advice`.
pub fn urgency_advice(level: Urgency) -> String {
    format!("urgency-{}-advice", level.as_str())
}

/// A warning-sign card's heading: `signs-urgent-heading`.
pub fn signs_heading(level: Urgency) -> String {
    format!("signs-{}-heading", level.as_str())
}

/// The name of a JSON type in the API's errors: `api-type-string`.
pub fn api_type(name: &str) -> String {
    format!("api-type-{name}")
}

/// An INFLESZ reading band: `inflesz-normal`.
pub fn inflesz(band: &str) -> String {
    format!("inflesz-{band}")
}

/// A month's name, 1 to 12: `month-1`.
pub fn month(number: u8) -> String {
    format!("month-{number}")
}

/// A source document's citation: `source-000`.
pub fn source(id: &str) -> String {
    format!("source-{id}")
}

/// A source document's title, in the source's own language: `source-000-title`.
pub fn source_title(id: &str) -> String {
    format!("source-{id}-title")
}

/// An error page's heading: `error-not-found-heading`.
pub fn error_heading(kind: &str) -> String {
    format!("error-{kind}-heading")
}

/// An error page's message: `error-not-found-message`.
pub fn error_message(kind: &str) -> String {
    format!("error-{kind}-message")
}

/// An error's message for programs, in the JSON API: `error-not-found-json`.
pub fn error_json(kind: &str) -> String {
    format!("error-{kind}-json")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::QUESTIONS;

    #[test]
    fn ids_are_the_strings_files_names() {
        let sign = QUESTIONS.iter().find(|q| q.kind == Kind::Sign).unwrap();
        let onset = QUESTIONS.iter().find(|q| q.field == "onset").unwrap();
        assert_eq!(answer(sign, "yes"), "answer-yes");
        assert_eq!(answer(onset, "days"), "q-onset-days");
        assert_eq!(answer_hint(onset, "days"), "q-onset-days-hint");
        assert_eq!(
            answer_summary_hint(onset, "days"),
            "q-onset-days-summary-hint"
        );
        assert_eq!(question_hint("onset"), "q-onset-hint");
        assert_eq!(question_in_sentence("onset"), "q-onset-in-sentence");
        assert_eq!(rule_reading("E1"), "rule-E1-reading");
        assert_eq!(tip_withheld_when("heat"), "tip-heat-withheld-when");
        assert_eq!(
            urgency_advice(Urgency::ALL[0]),
            format!("urgency-{}-advice", Urgency::ALL[0].as_str())
        );
        assert_eq!(
            signs_heading(Urgency::ALL[0]),
            format!("signs-{}-heading", Urgency::ALL[0].as_str())
        );
        assert_eq!(month(12), "month-12");
        assert_eq!(source_title("000"), "source-000-title");
        assert_eq!(error_json("not-found"), "error-not-found-json");
    }
}
