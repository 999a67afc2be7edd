//! The symptom check's pages: the form (with errors and every answer kept),
//! the result, and the words for both, prepared once per language from the
//! questions, rules, causes and tips data and the strings.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

use askama::Template;
use fluent_bundle::FluentValue;

use super::layout::{Layout, Meta};
use super::shell::Shell;
use crate::content::LangContent;
use crate::content::markdown::Sign;
use crate::i18n::{Lang, Strings};
use crate::ids;
use crate::settings::Clinic;
use crate::triage::{
    self, Answers, Assessment, CAUSES, CareCard, FieldError, Kind, Offered, Page, Problem, RULES,
    Submission, TIPS, Tip, Urgency, question,
};

/// One answer a person can pick, in words.
#[derive(Debug, Clone)]
pub struct OptionText {
    pub value: &'static str,
    /// The input's id: the first takes the field name, so the error summary can link to it.
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
    /// The answer as the summary of answers writes it when it is the only
    /// one: its label with its summary hint (`summary-answer-with-hint`),
    /// made once per language rather than per request.
    pub summary: String,
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
    /// The reason a result gives, as text (the API).
    pub reason: String,
    /// The same as HTML, the emergency number a `tel:` link (the pages).
    pub reason_html: String,
    pub sign: String,
    /// The source passage it rests on.
    pub source: String,
    /// Link to the section that explains it, in this language.
    pub href: String,
    /// That section's heading.
    pub label: String,
    /// Our own safety choice rather than a source's words.
    pub safety_choice: bool,
    /// How the rule reads its source, where that needs saying (U5).
    pub reading: Option<String>,
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
    /// Its short name, for the line that names the steps left out.
    pub name: String,
    /// When it is offered, on a result that lists home care.
    pub when: String,
    /// When it is left out for a person (always our safety choice).
    pub withheld_when: Option<String>,
}

/// A question and its answer in words, for the summary of answers.
pub type Summary<'a> = (&'a str, Cow<'a, str>);

/// Everything the check says, in one language, prepared at start-up.
#[derive(Debug, Clone)]
pub struct CheckText {
    pub sections: Vec<SectionText>,
    pub rules: HashMap<&'static str, RuleText>,
    pub causes: HashMap<&'static str, CauseText>,
    pub tips: HashMap<&'static str, TipText>,
    /// What a result at each level tells the reader to come back for
    /// ([`come_back`]), built once rather than on every result.
    pub come_back: Vec<(Urgency, Vec<SignGroup>)>,
}

impl CheckText {
    pub fn new(lang: &LangContent) -> CheckText {
        let t = &lang.strings;
        let section_title = |link: &str| lang.section_title(link).unwrap_or(link).to_string();
        let sections = triage::sections()
            .into_iter()
            .map(|(section, questions)| SectionText {
                id: section.replace('_', "-"),
                title: t.get(&ids::form_section(section)).to_string(),
                intro: optional(t, &ids::form_section_intro(section)),
                questions: questions.into_iter().map(|q| question_text(t, q)).collect(),
            })
            .collect();
        CheckText {
            sections,
            rules: RULES
                .iter()
                .map(|r| {
                    let text = RuleText {
                        reason: t.get(&ids::rule_reason(r.code)).to_string(),
                        reason_html: t.html(&ids::rule_reason(r.code)).to_string(),
                        sign: t.get(&ids::rule_sign(r.code)).to_string(),
                        source: t.get(&ids::rule_source(r.code)).to_string(),
                        href: link_in(&t.lang, r.link),
                        label: section_title(r.link),
                        safety_choice: r.safety_choice,
                        reading: optional(t, &ids::rule_reading(r.code)),
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
                        when: t.get(&ids::cause_when(c.id)).to_string(),
                    };
                    (c.id, text)
                })
                .collect(),
            tips: TIPS
                .iter()
                .map(|tip| {
                    let when = match tip.offered {
                        Offered::Always => t.get("how-tip-always").to_string(),
                        Offered::OnRoutineWhen(_) => t.get(&ids::tip_when(tip.id)).to_string(),
                    };
                    let text = TipText {
                        text: t.get(&ids::tip(tip.id)).to_string(),
                        name: t.get(&ids::tip_name(tip.id)).to_string(),
                        when,
                        withheld_when: tip
                            .withheld_when
                            .map(|_| t.get(&ids::tip_withheld_when(tip.id)).to_string()),
                    };
                    (tip.id, text)
                })
                .collect(),
            come_back: Urgency::ALL
                .iter()
                .map(|level| (*level, come_back(t, *level)))
                .collect(),
        }
    }

    /// The signs to come back for after a result at `level`.
    pub fn come_back(&self, level: Urgency) -> &[SignGroup] {
        self.come_back
            .iter()
            .find(|(l, _)| *l == level)
            .map_or(&[], |(_, groups)| groups)
    }

    /// The words of the question `field`.
    pub fn question(&self, field: &str) -> Option<&QuestionText> {
        self.sections
            .iter()
            .flat_map(|s| &s.questions)
            .find(|q| q.field == field)
    }

    /// Each question with its answer in plain words, to take to an appointment.
    pub fn summary<'a>(&'a self, t: &'a Strings, answers: &Answers) -> Vec<Summary<'a>> {
        self.summary_of(t, answers, |_| true)
    }

    /// The warning-sign questions with their answers, shown on step 2.
    pub fn sign_summary<'a>(&'a self, t: &'a Strings, answers: &Answers) -> Vec<Summary<'a>> {
        self.summary_of(t, answers, |q| q.kind == Kind::Sign)
    }

    fn summary_of<'a>(
        &'a self,
        t: &'a Strings,
        answers: &Answers,
        keep: impl Fn(&QuestionText) -> bool,
    ) -> Vec<Summary<'a>> {
        let pairs = answers.to_pairs();
        self.sections
            .iter()
            .flat_map(|s| &s.questions)
            .filter(|q| keep(q))
            .map(|q| {
                let chosen: Vec<&OptionText> = pairs
                    .iter()
                    .filter(|(field, _)| *field == q.field)
                    .filter_map(|(_, value)| q.options.iter().find(|o| o.value == *value))
                    .collect();
                let text = match (q.kind, chosen.as_slice()) {
                    (Kind::AnyOf, []) => Cow::Borrowed(t.get("result-summary-none")),
                    (Kind::AnyOf, [o]) => Cow::Borrowed(o.label.as_str()),
                    (Kind::AnyOf, _) => Cow::Owned(
                        chosen
                            .iter()
                            .map(|o| o.label.as_str())
                            .collect::<Vec<_>>()
                            .join(t.get("list-comma")),
                    ),
                    // One choice keeps its hint: "Days ago" alone would lose its meaning.
                    (_, [o]) => Cow::Borrowed(o.summary.as_str()),
                    (_, []) => Cow::Borrowed(t.get("result-summary-not-answered")),
                    _ => Cow::Borrowed(""),
                };
                (q.legend.as_str(), text)
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
                    (Problem::NotAnOption, Some(q)) if q.kind == Kind::Sign => q.missing.clone(),
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

fn question_text(t: &Strings, q: &triage::Question) -> QuestionText {
    let legend = t.get(&ids::question(q.field)).to_string();
    let question = [(
        "question",
        FluentValue::from(t.get(&ids::question_in_sentence(q.field))),
    )];
    let missing = match q.kind {
        Kind::Sign => t.format("form-missing-sign", &question),
        _ => t.format("form-missing-one-of", &question),
    };
    QuestionText {
        field: q.field,
        kind: q.kind,
        hint: optional(t, &ids::question_hint(q.field)),
        input_type: if q.kind == Kind::AnyOf {
            "checkbox"
        } else {
            "radio"
        },
        inline: q.kind == Kind::Sign,
        options: q
            .values
            .iter()
            .enumerate()
            .map(|(i, value)| OptionText {
                value,
                id: if i == 0 {
                    q.field.to_string()
                } else {
                    format!("{}-{value}", q.field)
                },
                label: t.get(&ids::answer(q, value)).to_string(),
                hint: optional(t, &ids::answer_hint(q, value)),
                summary: answer_summary(t, q, value),
            })
            .collect(),
        legend,
        missing,
    }
}

/// A chosen answer in the summary of answers: its label, with its hint when
/// it has one, written as the summary needs it ("Days ago (within the last week)").
fn answer_summary(t: &Strings, q: &triage::Question, value: &str) -> String {
    let label = t.get(&ids::answer(q, value));
    match optional(t, &ids::answer_summary_hint(q, value)) {
        Some(hint) => t.format(
            "summary-answer-with-hint",
            &[
                ("answer", FluentValue::from(label)),
                ("hint", FluentValue::from(hint)),
            ],
        ),
        None => label.to_string(),
    }
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
    action: &'a str,
    step: &'static str,
    sections: Vec<&'a SectionText>,
    /// Answers of the other step, carried along.
    hidden: Vec<(&'static str, &'a str)>,
    /// On step 2: the warning signs as answered, in words.
    sign_summary: Vec<Summary<'a>>,
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

    fn is_details(&self) -> bool {
        self.step == Page::Details.as_str()
    }
}

/// Where the check's forms post: the page's own address (through the base URL
/// in a static export). In an embed the answer lands on the main content, so
/// the frame shows the result or the error summary, not the top of the page.
pub fn form_action(layout: &Layout) -> String {
    let fragment = if layout.embed { "#main-content" } else { "" };
    format!("{}{}{fragment}", layout.action_base, layout.url("/check"))
}

/// The answers a page of the form carries in hidden fields: on step 1 the
/// step-2 answers as sent; on step 2 the warning signs as understood.
fn hidden_fields<'a>(
    page: Page,
    submission: &'a Submission,
    answers: &Answers,
) -> Vec<(&'static str, &'a str)> {
    match page {
        Page::Signs => submission
            .pairs()
            .filter(|(f, _)| question(f).is_some_and(|q| !q.is_sign()))
            .collect(),
        Page::Details => sign_pairs(answers),
    }
}

/// The warning signs answered validly, as form pairs.
fn sign_pairs(answers: &Answers) -> Vec<(&'static str, &'static str)> {
    answers
        .to_pairs()
        .into_iter()
        .filter(|(f, _)| question(f).is_some_and(|q| q.is_sign()))
        .collect()
}

/// One page of the form (without its error summary, which heads the page).
pub fn render_form(
    t: &Strings,
    layout: &Layout,
    text: &CheckText,
    page: Page,
    submission: &Submission,
    answers: &Answers,
    errors: &[ErrorLine],
) -> Result<String, askama::Error> {
    let is_signs = |s: &&SectionText| s.questions.iter().all(|q| q.kind == Kind::Sign);
    FormTemplate {
        t,
        action: &form_action(layout),
        step: page.as_str(),
        sections: match page {
            Page::Signs => text.sections.iter().filter(is_signs).collect(),
            Page::Details => text.sections.iter().filter(|s| !is_signs(s)).collect(),
        },
        hidden: hidden_fields(page, submission, answers),
        sign_summary: match page {
            Page::Signs => Vec::new(),
            Page::Details => text.sign_summary(t, answers),
        },
        submission,
        errors,
    }
    .render()
}

/// The urgent notice on step 2: the reasons so far and "See my result now".
pub struct Notice<'a> {
    pub reasons: Vec<ReasonLine<'a>>,
    /// Every answer so far, for the notice's own form.
    pub hidden: Vec<(&'static str, &'a str)>,
    pub action: String,
}

#[derive(Template)]
#[template(path = "check_step.html")]
struct StepTemplate<'a> {
    t: &'a Strings,
    layout: &'a Layout,
    meta: Meta,
    heading: &'a str,
    errors: &'a [ErrorLine],
    notice: Option<Notice<'a>>,
    form: String,
}

/// A page of the form answered to a POST: step 1 again (its errors, or to
/// change the answers) or step 2, with the urgent notice when urgent is decided.
#[allow(clippy::too_many_arguments)]
pub fn render_step(
    t: &Strings,
    layout: &Layout,
    langs: &[Lang],
    text: &CheckText,
    page: Page,
    submission: &Submission,
    answers: &Answers,
    errors: &[ErrorLine],
    notice: Option<&Assessment>,
) -> Result<String, askama::Error> {
    let heading = t.get("form-heading");
    let step = match page {
        Page::Signs => t.get("form-step-signs"),
        Page::Details => t.get("form-step-details"),
    };
    let prefix = if errors.is_empty() {
        ""
    } else {
        t.get("form-error-title-prefix")
    };
    let meta = Meta::for_path(
        layout,
        langs,
        "/check",
        format!("{prefix}{step}: {heading}"),
        t.get("form-description").to_string(),
    );
    let notice = notice.map(|assessment| Notice {
        reasons: reason_lines(text, assessment),
        hidden: sign_pairs(answers)
            .into_iter()
            .chain(hidden_fields(Page::Signs, submission, answers))
            .collect(),
        action: form_action(layout),
    });
    StepTemplate {
        t,
        layout,
        meta,
        heading,
        errors,
        notice,
        form: render_form(t, layout, text, page, submission, answers, errors)?,
    }
    .render()
}

/// A reason the result gives, with its link.
pub struct ReasonLine<'a> {
    pub code: &'static str,
    /// HTML: the emergency number is a `tel:` link.
    pub html: &'a str,
    pub href: &'a str,
    pub label: &'a str,
}

fn reason_lines<'a>(text: &'a CheckText, assessment: &Assessment) -> Vec<ReasonLine<'a>> {
    assessment
        .fired
        .iter()
        .filter_map(|r| {
            let rt = text.rules.get(r.code)?;
            Some(ReasonLine {
                code: r.code,
                html: &rt.reason_html,
                href: &rt.href,
                label: &rt.label,
            })
        })
        .collect()
}

/// A cause the result names.
pub struct CauseLine<'a> {
    pub id: &'static str,
    pub href: &'a str,
    pub title: &'a str,
}

/// A tip the result lists, or names as left out.
pub struct TipLine<'a> {
    pub id: &'static str,
    pub text: &'a str,
}

/// The warning signs of one level that would make the result more urgent.
#[derive(Debug, Clone)]
pub struct SignGroup {
    /// HTML: the emergency number is a `tel:` link.
    pub heading: String,
    pub signs: Vec<Sign>,
}

/// The pages around a result, one per level (`Urgency::ALL`'s order), for
/// one layout: the head's title names the level.
#[derive(Debug, Clone)]
pub struct ResultShells(Vec<Shell>);

impl ResultShells {
    /// The shells of `layout` for every level.
    pub fn new(t: &Strings, layout: &Layout, langs: &[Lang]) -> Result<Self, askama::Error> {
        Urgency::ALL
            .iter()
            .map(|&level| {
                let mut meta = Meta::for_path(
                    layout,
                    langs,
                    "/check",
                    t.get("result-page-title").to_string(),
                    t.get("result-page-description").to_string(),
                );
                meta.title = format!("{}: {}", meta.title, t.get(&ids::urgency_title(level)));
                Shell::new(t, layout, meta)
            })
            .collect::<Result<_, _>>()
            .map(ResultShells)
    }

    fn of(&self, level: Urgency) -> &Shell {
        let i = Urgency::ALL
            .iter()
            .position(|l| *l == level)
            .expect("every level has a shell");
        &self.0[i]
    }
}

#[derive(Template)]
#[template(path = "check_result.html")]
struct ResultTemplate<'a> {
    t: &'a Strings,
    layout: &'a Layout,
    urgency: &'static str,
    card: CareCard,
    title: &'a str,
    /// HTML: the emergency number is a `tel:` link.
    advice: &'a str,
    complete: bool,
    /// The questions not answered, when the result was decided early.
    unanswered: Vec<&'a str>,
    clinic: Option<&'a Clinic>,
    reasons: Vec<ReasonLine<'a>>,
    causes: Vec<CauseLine<'a>>,
    causes_heading: &'a str,
    causes_intro: &'a str,
    come_back_heading: &'a str,
    come_back: &'a [SignGroup],
    tips: Vec<TipLine<'a>>,
    withheld: Vec<TipLine<'a>>,
    summary: Vec<Summary<'a>>,
    date: String,
}

impl ResultTemplate<'_> {
    /// What goes between the `i`-th (0-based) and the next name of a list.
    fn list_separator(&self, i: usize, len: usize) -> &str {
        if i + 2 == len {
            self.t.get("list-and")
        } else {
            self.t.get("list-comma")
        }
    }
}

/// The signs that would make a result at `level` more urgent, grouped by level;
/// for an emergency, the emergency signs again.
pub fn come_back(t: &Strings, level: Urgency) -> Vec<SignGroup> {
    let group = |l: Urgency| SignGroup {
        heading: if level == Urgency::Emergency {
            t.html("result-come-back-emergency-group").to_string()
        } else {
            t.html(&ids::signs_heading(l)).to_string()
        },
        signs: crate::content::signs(t, l),
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

/// The result page for one set of answers (complete, or decided early).
#[allow(clippy::too_many_arguments)]
pub fn render_result(
    t: &Strings,
    layout: &Layout,
    shells: &ResultShells,
    text: &CheckText,
    answers: &Answers,
    assessment: &Assessment,
    clinic: Option<&Clinic>,
    today: time::Date,
) -> Result<String, askama::Error> {
    let urgency = assessment.urgency;
    let title = t.get(&ids::urgency_title(urgency));
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
    let tip_lines = |tips: &[&'static Tip], words: fn(&TipText) -> &str| {
        tips.iter()
            .filter_map(|tip| {
                Some(TipLine {
                    id: tip.id,
                    text: words(text.tips.get(tip.id)?),
                })
            })
            .collect()
    };
    // A self-care result does not send the reader to a doctor about causes.
    let (causes_heading, causes_intro) = if urgency == Urgency::SelfCare {
        (
            t.get("result-causes-heading-self-care"),
            t.get("result-causes-intro-self-care"),
        )
    } else {
        (t.get("result-causes-heading"), t.get("result-causes-intro"))
    };
    let template = ResultTemplate {
        t,
        layout,
        urgency: urgency.as_str(),
        card: urgency.card(),
        title,
        advice: t.html(&ids::urgency_advice(urgency)),
        complete: assessment.complete(),
        unanswered: assessment
            .unanswered
            .iter()
            .filter_map(|f| text.question(f).map(|q| q.legend.as_str()))
            .collect(),
        clinic: clinic.filter(|_| clinic_shown(urgency)),
        reasons: reason_lines(text, assessment),
        causes,
        causes_heading,
        causes_intro,
        come_back_heading: if urgency == Urgency::Emergency {
            t.get("result-come-back-emergency")
        } else {
            t.get("result-come-back")
        },
        come_back: text.come_back(urgency),
        tips: tip_lines(&assessment.tips, |w| &w.text),
        withheld: tip_lines(&assessment.withheld, |w| &w.name),
        summary: text.summary(t, answers),
        date: t.date(today),
    };
    // Sized for the largest result so far: rendered without growing (and
    // copying) the page as it is written.
    let size = RESULT_SIZE.load(Ordering::Relaxed);
    let page = shells
        .of(urgency)
        .wrap(size, |page| template.render_into(page))?;
    if page.len() > size {
        RESULT_SIZE.fetch_max(page.len(), Ordering::Relaxed);
    }
    Ok(page)
}

/// The size of the largest result page rendered so far.
static RESULT_SIZE: AtomicUsize = AtomicUsize::new(16 * 1024);

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
    /// HTML: the emergency number is a `tel:` link.
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
    tested_withheld: String,
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
                title: t.get(&ids::urgency_title(*l)),
                advice: t.html(&ids::urgency_advice(*l)),
            })
            .collect(),
        rules: RULES
            .iter()
            .filter_map(|r| {
                Some(RuleRow {
                    code: r.code,
                    level: t.get(&ids::urgency_title(r.level)),
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
        tested_withheld: t.format(
            "how-tested-withheld",
            &[
                ("withheld", FluentValue::from(coverage.withheld.0)),
                ("withheld_total", FluentValue::from(coverage.withheld.1)),
            ],
        ),
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
