//! The symptom check's pages: the form (with errors and every answer kept),
//! the result, and the words for both, prepared once per language from the
//! questions, rules, causes and tips data and the strings.

use std::collections::HashMap;

use askama::Template;
use fluent_bundle::FluentValue;

use super::layout::{Layout, Meta};
use crate::config::Clinic;
use crate::content::markdown::Sign;
use crate::content::{LangContent, rule_string_id, signs_heading_id};
use crate::i18n::{Lang, Strings};
use crate::triage::{
    self, Answers, Assessment, CAUSES, CareCard, FieldError, Kind, Problem, RULES, Shown,
    Submission, TIPS, Urgency,
};

/// One answer a person can pick, in words.
#[derive(Debug, Clone)]
pub struct OptionText {
    pub value: &'static str,
    /// The input's id: the first takes the field name, so the error summary can link to it.
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
}

/// One question, in words.
#[derive(Debug, Clone)]
pub struct QuestionText {
    pub field: &'static str,
    pub kind: Kind,
    pub legend: String,
    pub hint: Option<String>,
    pub input_type: &'static str,
    /// Yes and no sit side by side.
    pub inline: bool,
    pub options: Vec<OptionText>,
    /// The message when it is not answered: it asks for the answer, never suggests one.
    pub missing: String,
}

/// A titled group of questions.
#[derive(Debug, Clone)]
pub struct SectionText {
    pub id: String,
    pub title: String,
    pub intro: Option<String>,
    pub questions: Vec<QuestionText>,
}

/// A rule in words.
#[derive(Debug, Clone)]
pub struct RuleText {
    pub reason: String,
    pub sign: String,
    /// The source passage it rests on.
    pub source: String,
    /// Link to the section that explains it, in this language.
    pub href: String,
    /// That section's heading.
    pub label: String,
}

/// A cause in words: its section of the causes page.
#[derive(Debug, Clone)]
pub struct CauseText {
    pub href: String,
    pub title: String,
    /// When the check names it.
    pub when: String,
}

/// A home-care step in words.
#[derive(Debug, Clone)]
pub struct TipText {
    pub text: String,
    /// When it is shown, on a result that lists home care.
    pub when: String,
}

/// Everything the check says, in one language, prepared at start-up.
#[derive(Debug, Clone)]
pub struct CheckText {
    pub sections: Vec<SectionText>,
    pub rules: HashMap<&'static str, RuleText>,
    pub causes: HashMap<&'static str, CauseText>,
    pub tips: HashMap<&'static str, TipText>,
}

impl CheckText {
    pub fn new(lang: &LangContent) -> CheckText {
        let t = &lang.strings;
        let section_title = |link: &str| lang.section_title(link).unwrap_or(link).to_string();
        let sections = triage::sections()
            .into_iter()
            .map(|(section, questions)| SectionText {
                id: section.replace('_', "-"),
                title: t.get(&format!("form-section-{section}")).to_string(),
                intro: optional(t, &format!("form-section-{section}-intro")),
                questions: questions.into_iter().map(|q| question_text(t, q)).collect(),
            })
            .collect();
        CheckText {
            sections,
            rules: RULES
                .iter()
                .map(|r| {
                    let text = RuleText {
                        reason: t.get(&rule_string_id(r.code, "reason")).to_string(),
                        sign: t.get(&rule_string_id(r.code, "sign")).to_string(),
                        source: t.get(&rule_string_id(r.code, "source")).to_string(),
                        href: link_in(&t.lang, r.link),
                        label: section_title(r.link),
                    };
                    (r.code, text)
                })
                .collect(),
            causes: CAUSES
                .iter()
                .map(|c| {
                    let text = CauseText {
                        href: link_in(&t.lang, &c.path()),
                        title: section_title(&c.path()),
                        when: t.get(&format!("cause-{}-when", c.id)).to_string(),
                    };
                    (c.id, text)
                })
                .collect(),
            tips: TIPS
                .iter()
                .map(|tip| {
                    let when = match tip.shown {
                        Shown::Always => t.get("how-tip-always").to_string(),
                        Shown::When(_) => t
                            .get(&format!("{}-when", tip_string_id(tip.id)))
                            .to_string(),
                    };
                    (
                        tip.id,
                        TipText {
                            text: t.get(&tip_string_id(tip.id)).to_string(),
                            when,
                        },
                    )
                })
                .collect(),
        }
    }

    fn question(&self, field: &str) -> Option<&QuestionText> {
        self.sections
            .iter()
            .flat_map(|s| &s.questions)
            .find(|q| q.field == field)
    }

    /// Each question with its answer in plain words, to take to an appointment.
    pub fn summary(&self, t: &Strings, answers: &Answers) -> Vec<(String, String)> {
        let pairs = answers.to_pairs();
        self.sections
            .iter()
            .flat_map(|s| &s.questions)
            .map(|q| {
                let chosen: Vec<&OptionText> = pairs
                    .iter()
                    .filter(|(field, _)| *field == q.field)
                    .filter_map(|(_, value)| q.options.iter().find(|o| o.value == *value))
                    .collect();
                let text = match (q.kind, chosen.as_slice()) {
                    (Kind::AnyOf, []) => t.get("result-summary-none").to_string(),
                    (Kind::AnyOf, _) => chosen
                        .iter()
                        .map(|o| o.label.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    // One choice keeps its hint: "Days ago" alone would lose its meaning.
                    (_, [o]) => match &o.hint {
                        Some(hint) => format!("{} ({})", o.label, lower_first(hint)),
                        None => o.label.clone(),
                    },
                    _ => String::new(),
                };
                (q.legend.clone(), text)
            })
            .collect()
    }

    /// The form's message for each error.
    pub fn error_lines(&self, t: &Strings, errors: &[FieldError]) -> Vec<ErrorLine> {
        errors
            .iter()
            .map(|e| {
                let message = match (e.problem, self.question(e.field)) {
                    (Problem::Missing, Some(q)) => q.missing.clone(),
                    (Problem::MoreThanOne, _) => t.get("form-error-more-than-one").to_string(),
                    (_, Some(q)) if q.kind == Kind::AnyOf => {
                        t.get("form-error-not-listed").to_string()
                    }
                    _ => t.get("form-error-not-an-option").to_string(),
                };
                ErrorLine {
                    field: e.field,
                    message,
                }
            })
            .collect()
    }
}

fn optional(t: &Strings, id: &str) -> Option<String> {
    t.has(id).then(|| t.get(id).to_string())
}

/// The string id of a tip: `tip-stretch`.
pub fn tip_string_id(id: &str) -> String {
    format!("tip-{id}")
}

/// The string id of a question's or a value's words: `q-onset`, `q-onset-days`.
pub fn question_string_id(field: &str, value: Option<&str>) -> String {
    match value {
        Some(v) => format!("q-{field}-{v}"),
        None => format!("q-{field}"),
    }
}

fn question_text(t: &Strings, q: &triage::Question) -> QuestionText {
    let legend = t.get(&question_string_id(q.field, None)).to_string();
    let question = [("question", FluentValue::from(lower_first(&legend)))];
    let missing = if q.kind == Kind::YesNo {
        t.format("form-missing-yes-no", &question)
    } else {
        t.format("form-missing-one-of", &question)
    };
    QuestionText {
        field: q.field,
        kind: q.kind,
        hint: optional(t, &format!("{}-hint", question_string_id(q.field, None))),
        input_type: if q.kind == Kind::AnyOf {
            "checkbox"
        } else {
            "radio"
        },
        inline: q.kind == Kind::YesNo,
        options: q
            .values
            .iter()
            .enumerate()
            .map(|(i, value)| {
                let label_id = option_string_id(q, value);
                OptionText {
                    value,
                    id: if i == 0 {
                        q.field.to_string()
                    } else {
                        format!("{}-{value}", q.field)
                    },
                    label: t.get(&label_id).to_string(),
                    hint: optional(t, &format!("{label_id}-hint")),
                }
            })
            .collect(),
        legend,
        missing,
    }
}

/// The string id of a value's label: yes and no are shared, the rest are the question's own.
pub fn option_string_id(q: &triage::Question, value: &str) -> String {
    if q.kind == Kind::YesNo {
        format!("answer-{value}")
    } else {
        question_string_id(q.field, Some(value))
    }
}

/// `Is one...?` becomes `is one...?`, `¿Tiene...?` becomes `¿tiene...?`.
pub fn lower_first(s: &str) -> String {
    let mut done = false;
    s.chars()
        .map(|c| {
            if !done && c.is_alphabetic() {
                done = true;
                c.to_lowercase().next().unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// A language-neutral link (`/causes#arthritis`) in a language (`/es/causes#arthritis`).
pub fn link_in(lang: &Lang, link: &str) -> String {
    let (path, fragment) = link
        .split_once('#')
        .map_or((link, None), |(p, f)| (p, Some(f)));
    match fragment {
        Some(f) => format!("{}#{f}", lang.url(path)),
        None => lang.url(path),
    }
}

/// One message of the error summary.
#[derive(Debug, Clone)]
pub struct ErrorLine {
    pub field: &'static str,
    pub message: String,
}

#[derive(Template)]
#[template(path = "check_form.html")]
struct FormTemplate<'a> {
    t: &'a Strings,
    layout: &'a Layout,
    action: String,
    form: &'a CheckText,
    submission: &'a Submission,
    errors: &'a [ErrorLine],
}

impl FormTemplate<'_> {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

/// The form, with any earlier answers kept and errors shown.
pub fn render_form(
    t: &Strings,
    layout: &Layout,
    form: &CheckText,
    submission: &Submission,
    errors: &[ErrorLine],
) -> Result<String, askama::Error> {
    FormTemplate {
        t,
        layout,
        action: format!("{}{}", layout.action_base, layout.url("/check")),
        form,
        submission,
        errors,
    }
    .render()
}

/// A reason the result gives, with its link.
pub struct ReasonLine<'a> {
    pub code: &'static str,
    pub text: &'a str,
    pub href: &'a str,
    pub label: &'a str,
}

/// A cause the result names.
pub struct CauseLine<'a> {
    pub id: &'static str,
    pub href: &'a str,
    pub title: &'a str,
}

/// A tip the result lists.
pub struct TipLine<'a> {
    pub id: &'static str,
    pub text: &'a str,
}

/// The warning signs of one level that would make the result more urgent.
pub struct SignGroup {
    pub heading: String,
    pub signs: Vec<Sign>,
}

#[derive(Template)]
#[template(path = "check_result.html")]
struct ResultTemplate<'a> {
    t: &'a Strings,
    layout: &'a Layout,
    meta: Meta,
    urgency: &'static str,
    card: CareCard,
    title: &'a str,
    advice: &'a str,
    is_emergency: bool,
    clinic: Option<&'a Clinic>,
    reasons: Vec<ReasonLine<'a>>,
    causes: Vec<CauseLine<'a>>,
    come_back_heading: &'a str,
    come_back: Vec<SignGroup>,
    tips: Vec<TipLine<'a>>,
    summary: Vec<(String, String)>,
    rule_codes: String,
}

/// The string id of a level's words: `urgency-routine-title`, `urgency-routine-advice`.
pub fn urgency_string_id(level: Urgency, part: &str) -> String {
    format!("urgency-{}-{part}", level.as_str())
}

/// The signs that would make a result at `level` more urgent, grouped by level;
/// for an emergency, the emergency signs again.
pub fn come_back(t: &Strings, text: &CheckText, level: Urgency) -> Vec<SignGroup> {
    let group = |l: Urgency| SignGroup {
        heading: if level == Urgency::Emergency {
            t.get("result-come-back-emergency-group").to_string()
        } else {
            t.get(&signs_heading_id(l)).to_string()
        },
        signs: triage::signs(l)
            .map(|r| Sign {
                rule: r.code.to_string(),
                text: text
                    .rules
                    .get(r.code)
                    .map_or_else(String::new, |rt| rt.sign.clone()),
            })
            .collect(),
    };
    match more_urgent(level).as_slice() {
        [] => vec![group(Urgency::Emergency)],
        higher => higher.iter().copied().map(group).collect(),
    }
}

/// The levels above `level` that have warning signs, most urgent first.
pub fn more_urgent(level: Urgency) -> Vec<Urgency> {
    Urgency::ALL
        .iter()
        .rev()
        .copied()
        .filter(|l| *l > level && triage::signs(*l).next().is_some())
        .collect()
}

/// The result page for one set of answers.
#[allow(clippy::too_many_arguments)]
pub fn render_result(
    t: &Strings,
    layout: &Layout,
    langs: &[Lang],
    text: &CheckText,
    answers: &Answers,
    assessment: &Assessment,
    clinic: Option<&Clinic>,
) -> Result<String, askama::Error> {
    let urgency = assessment.urgency;
    let title = t.get(&urgency_string_id(urgency, "title"));
    let mut meta = Meta::for_path(
        layout,
        langs,
        "/check",
        t.get("result-page-title").to_string(),
        t.get("result-page-description").to_string(),
    );
    meta.title = format!("{}: {title}", meta.title);
    let reasons = assessment
        .fired
        .iter()
        .filter_map(|r| {
            let rt = text.rules.get(r.code)?;
            Some(ReasonLine {
                code: r.code,
                text: &rt.reason,
                href: &rt.href,
                label: &rt.label,
            })
        })
        .collect();
    let causes = assessment
        .causes
        .iter()
        .filter_map(|c| {
            let ct = text.causes.get(c.id)?;
            Some(CauseLine {
                id: c.id,
                href: &ct.href,
                title: &ct.title,
            })
        })
        .collect();
    let tips = assessment
        .tips
        .iter()
        .filter_map(|tip| {
            Some(TipLine {
                id: tip.id,
                text: &text.tips.get(tip.id)?.text,
            })
        })
        .collect();
    ResultTemplate {
        t,
        layout,
        meta,
        urgency: urgency.as_str(),
        card: urgency.card(),
        title,
        advice: t.get(&urgency_string_id(urgency, "advice")),
        is_emergency: urgency == Urgency::Emergency,
        clinic: clinic.filter(|_| clinic_shown(urgency)),
        reasons,
        causes,
        come_back_heading: if urgency == Urgency::Emergency {
            t.get("result-come-back-emergency")
        } else {
            t.get("result-come-back")
        },
        come_back: come_back(t, text, urgency),
        tips,
        summary: text.summary(t, answers),
        rule_codes: assessment
            .fired
            .iter()
            .map(|r| r.code)
            .collect::<Vec<_>>()
            .join(", "),
    }
    .render()
}

/// A rule on `/check/how-it-works`.
pub struct RuleRow<'a> {
    pub code: &'static str,
    pub level: &'a str,
    pub text: &'a RuleText,
}

/// A level and what a reader at that level is told.
pub struct LevelRow<'a> {
    pub name: &'static str,
    pub title: &'a str,
    pub advice: &'a str,
}

#[derive(Template)]
#[template(path = "how_it_works.html")]
struct RulesTemplate<'a> {
    t: &'a Strings,
    layout: &'a Layout,
    levels: Vec<LevelRow<'a>>,
    rules: Vec<RuleRow<'a>>,
    causes: Vec<&'a CauseText>,
    tips: Vec<&'a TipText>,
    tested_cases: String,
    tested_coverage: String,
}

/// The generated part of `/check/how-it-works`: every level, rule, cause and
/// tip from the data the check runs on, and what the worked cases cover.
pub fn render_rules(
    t: &Strings,
    layout: &Layout,
    text: &CheckText,
) -> Result<String, askama::Error> {
    let coverage = triage::coverage();
    let counts = [
        ("rules", coverage.rules.0),
        ("rules_total", coverage.rules.1),
        ("causes", coverage.causes.0),
        ("causes_total", coverage.causes.1),
        ("tips", coverage.tips.0),
        ("tips_total", coverage.tips.1),
    ]
    .map(|(name, n)| (name, FluentValue::from(n)));
    RulesTemplate {
        t,
        layout,
        levels: Urgency::ALL
            .iter()
            .rev()
            .map(|l| LevelRow {
                name: l.as_str(),
                title: t.get(&urgency_string_id(*l, "title")),
                advice: t.get(&urgency_string_id(*l, "advice")),
            })
            .collect(),
        rules: RULES
            .iter()
            .filter_map(|r| {
                Some(RuleRow {
                    code: r.code,
                    level: t.get(&urgency_string_id(r.level, "title")),
                    text: text.rules.get(r.code)?,
                })
            })
            .collect(),
        causes: CAUSES
            .iter()
            .filter_map(|c| text.causes.get(c.id))
            .collect(),
        tips: TIPS
            .iter()
            .filter_map(|tip| text.tips.get(tip.id))
            .collect(),
        tested_cases: t.format(
            "how-tested-cases",
            &[("cases", FluentValue::from(coverage.cases))],
        ),
        tested_coverage: t.format("how-tested-coverage", &counts),
    }
    .render()
}

/// Whether a result at this level names the clinic: urgent and routine results
/// do; an emergency must not be slowed by another number, and self-care needs none.
pub fn clinic_shown(level: Urgency) -> bool {
    matches!(level, Urgency::Urgent | Urgency::Routine)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_first_skips_opening_punctuation() {
        assert_eq!(
            lower_first("Is one of your legs swollen?"),
            "is one of your legs swollen?"
        );
        assert_eq!(
            lower_first("¿Tiene una pierna hinchada?"),
            "¿tiene una pierna hinchada?"
        );
    }

    #[test]
    fn links_take_the_language_prefix_before_the_fragment() {
        let es = Lang {
            code: "es".into(),
            prefix: "/es".into(),
            name: "Español".into(),
        };
        assert_eq!(link_in(&es, "/causes#arthritis"), "/es/causes#arthritis");
        assert_eq!(link_in(&es, "/when-to-seek-help"), "/es/when-to-seek-help");
    }

    #[test]
    fn the_come_back_list_holds_every_more_urgent_level() {
        let levels = more_urgent;
        assert_eq!(
            levels(Urgency::SelfCare),
            [Urgency::Emergency, Urgency::Urgent, Urgency::Routine]
        );
        assert_eq!(levels(Urgency::Urgent), [Urgency::Emergency]);
        assert!(levels(Urgency::Emergency).is_empty());
        assert!(clinic_shown(Urgency::Urgent) && clinic_shown(Urgency::Routine));
        assert!(!clinic_shown(Urgency::Emergency) && !clinic_shown(Urgency::SelfCare));
    }
}
