//! Start-up: settings, strings and content become a `Site`, once. `check`,
//! `serve` and `export` all come through here, so they agree.

use crate::content::readability::INFLESZ_BANDS;
use crate::content::{self, Content, LoadOptions};
use crate::i18n::{self, Globals, Locales, Need};
use crate::ids;
use crate::problem::{Level, Problems};
use crate::settings::Settings;
use crate::site::{ErrorKind, Mode, Site};
use crate::triage::{
    self, CAUSES, CareCard, JsonType, Kind, Offered, QUESTIONS, RULES, TIPS, Urgency,
};

include!(concat!(env!("OUT_DIR"), "/string_uses.rs"));

/// Today's date in UTC, for review dates.
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// Loads and checks the strings and the content. Review dates that have
/// passed are problems at `overdue` level.
pub fn load(settings: &Settings, today: time::Date, overdue: Level) -> (Content, Problems) {
    let mut problems = Problems::default();
    let globals = Globals {
        emergency_number: settings.emergency_number.clone(),
    };
    let locales = Locales::load(&settings.locales_dir, &globals, &mut problems);
    // Without the strings, nothing else can be read.
    if let Some(fatal) = problems.fatal_only() {
        return (Content { langs: Vec::new() }, fatal);
    }
    if locales
        .langs
        .first()
        .is_none_or(|s| s.lang.code != i18n::DEFAULT_LANG)
    {
        // The reference strings did not parse: their problems say why.
        return (Content { langs: Vec::new() }, problems);
    }
    i18n::check(&locales, &string_needs(), &mut problems);
    let (content, content_problems) = content::load(
        locales,
        &LoadOptions {
            content_dir: &settings.content_dir,
            emergency_number: &settings.emergency_number,
            max_grade: settings.max_grade,
            min_inflesz: settings.min_inflesz,
            today,
        },
    );
    problems.extend(content_problems);
    if let Some(fatal) = problems.fatal_only() {
        return (content, fatal);
    }
    crate::clinics::codes::check(&content, &mut problems);
    crate::search::check(&content, &mut problems);
    problems.extend(content.review_problems(today, overdue));
    (content, problems)
}

/// Loads, checks and renders everything a running site (or an export) needs.
/// Problems that stop it are returned; warnings come back with the site.
pub fn build(
    settings: &Settings,
    mode: Mode,
    today: time::Date,
    overdue: Level,
) -> Result<(Site, Problems), Problems> {
    let (content, problems) = load(settings, today, overdue);
    if problems.has_errors() {
        return Err(problems);
    }
    match Site::build(content, settings, mode, today) {
        Ok(site) => Ok((site, problems)),
        Err(crate::site::BuildError::Problems(mut more)) => {
            more.extend(problems);
            Err(more)
        }
        Err(e) => {
            let mut more = problems;
            more.error("templates", 0, e.to_string());
            Err(more)
        }
    }
}

/// Every string id the site uses: the literal ones in the templates and
/// code, and those named after its data (questions, rules, causes, tips,
/// levels, error pages).
pub fn string_needs() -> Vec<Need> {
    let mut needs: Vec<Need> = STRING_USES
        .iter()
        .map(|(file, line, id)| Need::required(*id, format!("{file}:{line}")))
        .collect();
    needs.push(Need::required("language-name", "the language links"));
    symptom_check_needs(&mut needs);
    page_needs(&mut needs);
    // One entry per id, the first use kept.
    let mut seen = std::collections::HashSet::new();
    needs.retain(|n| seen.insert(n.id.clone()));
    needs
}

/// The strings named after the symptom check's data: questions and their
/// answers, form sections, rules, tips and causes.
fn symptom_check_needs(needs: &mut Vec<Need>) {
    for q in QUESTIONS {
        let what = format!("question {}", q.field);
        needs.push(Need::required(ids::question(q.field), &what));
        needs.push(Need::required(ids::question_in_sentence(q.field), &what));
        needs.push(Need::optional(ids::question_hint(q.field), &what));
        for v in q.values {
            needs.push(Need::required(ids::answer(q, v), &what));
            needs.push(Need::optional(ids::answer_hint(q, v), &what));
            // The summary of answers names one choice of these with its hint.
            if q.kind != Kind::AnyOf {
                needs.push(Need::optional(ids::answer_summary_hint(q, v), &what));
            }
        }
    }
    for (section, _) in triage::sections() {
        let what = format!("form section {section}");
        needs.push(Need::required(ids::form_section(section), &what));
        needs.push(Need::optional(ids::form_section_intro(section), &what));
    }
    for rule in RULES {
        let what = format!("rule {}", rule.code);
        needs.push(Need::required(ids::rule_reason(rule.code), &what));
        needs.push(Need::required(ids::rule_sign(rule.code), &what));
        needs.push(Need::required(ids::rule_source(rule.code), &what));
        needs.push(Need::optional(ids::rule_reading(rule.code), &what));
    }
    for tip in TIPS {
        let what = format!("tip {}", tip.id);
        needs.push(Need::required(ids::tip(tip.id), &what));
        needs.push(Need::required(ids::tip_name(tip.id), &what));
        if matches!(tip.offered, Offered::OnRoutineWhen(_)) {
            needs.push(Need::required(ids::tip_when(tip.id), &what));
        }
        if tip.withheld_when.is_some() {
            needs.push(Need::required(ids::tip_withheld_when(tip.id), &what));
        }
    }
    for cause in CAUSES {
        needs.push(Need::required(
            ids::cause_when(cause.id),
            format!("cause {}", cause.id),
        ));
    }
}

/// The strings named after the site's other data: urgency levels, care
/// cards, error pages, the API's error types, reading bands, months and sources.
fn page_needs(needs: &mut Vec<Need>) {
    for level in Urgency::ALL {
        let what = format!("level {}", level.as_str());
        needs.push(Need::required(ids::urgency_title(*level), &what));
        needs.push(Need::required(ids::urgency_advice(*level), &what));
        if triage::signs(*level).next().is_some() {
            needs.push(Need::required(ids::signs_heading(*level), &what));
        }
    }
    for card in CareCard::ALL {
        needs.push(Need::required(
            card.prefix_id(),
            format!("care card {}", card.name()),
        ));
    }
    for kind in ErrorKind::ALL {
        let what = format!("error page {}", kind.id());
        needs.push(Need::required(ids::error_heading(kind.id()), &what));
        needs.push(Need::required(ids::error_message(kind.id()), &what));
    }
    for kind in ErrorKind::API {
        needs.push(Need::required(
            ids::error_json(kind.id()),
            format!("JSON API error {}", kind.id()),
        ));
    }
    for json in JsonType::ALL {
        needs.push(Need::required(
            ids::api_type(json.name()),
            "JSON API errors",
        ));
    }
    for band in INFLESZ_BANDS {
        needs.push(Need::required(
            ids::inflesz(band),
            "the INFLESZ reading scale",
        ));
    }
    for month in 1..=12 {
        needs.push(Need::required(ids::month(month), "dates"));
    }
    for source in content::front_matter::SOURCES {
        needs.push(Need::required(ids::source(source), "the sources"));
        needs.push(Need::required(ids::source_title(source), "the sources"));
    }
}
