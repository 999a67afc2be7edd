//! Front matter: TOML between `+++` lines at the top of each Markdown file.
//! Split off by hand so a `+++` further down the page stays Markdown.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use crate::code_system::{CodeSystem, Matcher};
use crate::problem::line_of;

/// The source documents the site's medical content may come from. Each
/// one's title, in its own language (`SOURCE_LANG`), is the string
/// `source-<id>-title`; what it is and who published it, in each language,
/// is the string `source-<id>`.
pub const SOURCES: &[&str] = &["000", "001"];

/// The language the sources are written in.
pub const SOURCE_LANG: &str = "en";

/// The language of the official names of diagnosis codes (ICD-10-CM, SNOMED CT).
pub const CODE_NAME_LANG: &str = "en";

/// What every page declares about itself.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The page heading and `<title>`.
    pub title: String,
    /// Short name for the guide's contents and the menus; the title when absent.
    #[serde(default)]
    pub nav_title: Option<String>,
    /// One plain sentence on what the page covers (meta description).
    pub description: String,
    /// When a person last checked the page against its sources.
    pub last_reviewed: toml::value::Datetime,
    /// When the page must be checked again.
    pub next_review: toml::value::Datetime,
    /// Source documents the page draws on, by id.
    pub sources: Vec<String>,
    /// Notes for the page's sources section (where a figure comes from).
    #[serde(default)]
    pub source_notes: Vec<String>,
    /// A topic of the guide (with previous and next links) or a page on its own.
    #[serde(default)]
    pub kind: PageKind,
    /// Topics only: place in the guide, from 1.
    #[serde(default)]
    pub order: Option<u32>,
    /// Menus that link to the page, with its place in each.
    #[serde(default)]
    pub menu: BTreeMap<Menu, u32>,
    /// A part the site makes from its own data, shown after the body.
    #[serde(default)]
    pub generated: Option<Generated>,
    /// The page's `##` questions are marked up as schema.org `FAQPage`.
    #[serde(default)]
    pub faq: bool,
    /// The aspect of the condition the page covers, for search engines
    /// (schema.org `MedicalWebPage.aspect`).
    #[serde(default)]
    pub aspect: Option<String>,
    /// Glossary page only: term id to the phrases that link to it.
    #[serde(default)]
    pub glossary: BTreeMap<String, Vec<String>>,
    /// Diagnosis codes this page's sections explain (the default language only).
    #[serde(default)]
    pub codes: Vec<CodeLink>,
    /// Other names for a section (heading id to names), matched when a record
    /// system sends a display name but no code the site knows.
    #[serde(default)]
    pub synonyms: BTreeMap<String, Vec<String>>,
    /// The words people use for a section (heading id to words and phrases):
    /// lay names, brand names, everyday phrases, misspelt nowhere. The site's
    /// search finds the section by them as strongly as by its heading. On the
    /// glossary page they also find every section that uses the term.
    #[serde(default)]
    pub search_words: BTreeMap<String, Vec<String>>,
}

/// Whether a page is part of the guide's reading order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageKind {
    /// In the guide's contents, with previous and next links.
    Topic,
    /// On its own (the check, about, the word list).
    #[default]
    Page,
}

/// A menu of the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Menu {
    /// The site header.
    Header,
    /// The site footer.
    Footer,
}

/// A part of a page the site makes from its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Generated {
    /// The symptom check form.
    CheckForm,
    /// Every level, rule, cause and tip of the check, from the rules data.
    Rules,
    /// Every page and section as a link, QR codes and diagnosis codes.
    ClinicLinks,
    /// The accessibility statement's contact (the clinic's, else the site's)
    /// and the date of the last check (the page's `last_reviewed`).
    AccessibilityStatement,
}

/// Diagnosis codes and the section that explains them: exactly one of
/// `code`, `prefix` or `range` (see [`Matcher`]).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CodeLink {
    /// `icd10cm` or `snomed`.
    pub system: CodeSystem,
    /// One code: "R25.2", "32914008".
    #[serde(default)]
    pub code: Option<String>,
    /// Every code that starts with this: "I70.2" (ICD-10-CM only).
    #[serde(default)]
    pub prefix: Option<String>,
    /// Every code between two: "M15-M19" (ICD-10-CM only).
    #[serde(default)]
    pub range: Option<String>,
    /// Heading id on this page; the top of the page when absent.
    #[serde(default)]
    pub anchor: Option<String>,
    /// The code's official name in its system.
    pub name: String,
}

impl CodeLink {
    /// The codes the entry stands for, checked.
    pub fn matcher(&self) -> Result<Matcher, String> {
        Matcher::read(
            self.system,
            self.code.as_deref(),
            self.prefix.as_deref(),
            self.range.as_deref(),
        )
    }

    /// The text that identifies the entry: its code, prefix or range.
    pub fn key(&self) -> &str {
        self.code
            .as_deref()
            .or(self.prefix.as_deref())
            .or(self.range.as_deref())
            .unwrap_or_default()
    }
}

/// A front matter problem, with the 1-based line in the file it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatterError {
    pub line: usize,
    pub message: String,
}

/// The parsed front matter, its text, and where the body starts.
#[derive(Debug)]
pub struct Split<'a> {
    pub front: FrontMatter,
    /// The line in the file of each top-level key, from the parser's spans.
    key_lines: KeyLines,
    /// The line in the file of each `codes` entry, in order, from the parser's spans.
    pub code_lines: Vec<usize>,
    pub body: &'a str,
    /// 1-based line number of the first body line.
    pub body_line: usize,
}

impl Split<'_> {
    /// The line in the file of the front matter key `key`, or 1.
    pub fn line_of_key(&self, key: &str) -> usize {
        self.key_lines.line(key)
    }
}

/// Splits `+++` front matter off the top of `source` and parses it.
pub fn split(source: &str) -> Result<Split<'_>, FrontMatterError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut lines = source.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        return Err(FrontMatterError {
            line: 1,
            message: "missing front matter: the file must start with a `+++` line".into(),
        });
    }
    let toml_start = first.len();
    let mut offset = toml_start;
    let mut line_no = 1;
    for line in lines {
        line_no += 1;
        if line.trim_end() == "+++" {
            let toml_text = &source[toml_start..offset];
            let front: FrontMatter = toml::from_str(toml_text).map_err(|e| FrontMatterError {
                line: 1 + e.span().map_or(0, |s| line_of(toml_text, s.start)),
                message: format!("front matter: {}", first_line(e.message())),
            })?;
            let (key_lines, code_lines) = lines_of(toml_text);
            validate(&front, &key_lines, &code_lines)?;
            return Ok(Split {
                front,
                key_lines,
                code_lines,
                body: &source[offset + line.len()..],
                body_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err(FrontMatterError {
        line: 1,
        message: "front matter is not closed: add a `+++` line after it".into(),
    })
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s).trim()
}

/// The lines (1-based, in the file) of each top-level key of the front
/// matter (`title = …` or a `[synonyms]` table) and of each `codes` entry,
/// read from the spans of toml's own parse rather than by searching the text.
fn lines_of(toml_text: &str) -> (KeyLines, Vec<usize>) {
    let Ok(table) = toml::de::DeTable::parse(toml_text) else {
        return (KeyLines::default(), Vec::new());
    };
    // The front matter starts on the file's second line.
    let line = |offset: usize| 1 + line_of(toml_text, offset);
    let keys = table
        .get_ref()
        .iter()
        .map(|(key, _)| (key.get_ref().to_string(), line(key.span().start)))
        .collect();
    let codes = table
        .get_ref()
        .iter()
        .find(|(key, _)| key.get_ref() == "codes")
        .and_then(|(_, value)| value.get_ref().as_array())
        .map(|entries| entries.iter().map(|e| line(e.span().start)).collect())
        .unwrap_or_default();
    (KeyLines(keys), codes)
}

/// The line of each top-level key of the front matter.
#[derive(Debug, Clone, Default)]
struct KeyLines(HashMap<String, usize>);

impl KeyLines {
    /// The line of `key`, or 1 when the front matter does not have it.
    fn line(&self, key: &str) -> usize {
        self.0.get(key).copied().unwrap_or(1)
    }
}

fn validate(
    front: &FrontMatter,
    key_lines: &KeyLines,
    code_lines: &[usize],
) -> Result<(), FrontMatterError> {
    let err = |key: &str, message: String| FrontMatterError {
        line: key_lines.line(key),
        message: format!("front matter: {message}"),
    };
    if front.title.trim().is_empty() {
        return Err(err("title", "`title` is empty".into()));
    }
    let description = front.description.trim();
    if description.is_empty() {
        return Err(err("description", "`description` is empty".into()));
    }
    if description.chars().count() > 200 {
        return Err(err(
            "description",
            "`description` should be one sentence under 200 characters".into(),
        ));
    }
    for (key, value) in [
        ("last_reviewed", &front.last_reviewed),
        ("next_review", &front.next_review),
    ] {
        if value.date.is_none() || value.time.is_some() {
            return Err(err(key, format!("`{key}` must be a date like 2026-11-22")));
        }
    }
    if front.sources.is_empty() {
        return Err(err(
            "sources",
            "`sources` must name at least one source document".into(),
        ));
    }
    if let Some(id) = front
        .sources
        .iter()
        .find(|id| !SOURCES.contains(&id.as_str()))
    {
        return Err(err(
            "sources",
            format!("unknown source {id:?}: the sources are {SOURCES:?}"),
        ));
    }
    match (front.kind, front.order) {
        (PageKind::Topic, None) => {
            return Err(err(
                "kind",
                "a topic needs `order`, its place in the guide".into(),
            ));
        }
        (PageKind::Page, Some(_)) => {
            return Err(err(
                "order",
                "only topics have an `order`: add `kind = \"topic\"`".into(),
            ));
        }
        _ => {}
    }
    for (i, code) in front.codes.iter().enumerate() {
        let line = code_lines.get(i).copied().unwrap_or(1);
        if let Err(message) = code.matcher() {
            return Err(FrontMatterError {
                line,
                message: format!("front matter: code {:?}: {message}", code.name),
            });
        }
        if code.name.trim().is_empty() {
            return Err(FrontMatterError {
                line,
                message: format!("front matter: code {} has no name", code.key()),
            });
        }
    }
    Ok(())
}

/// A TOML date as a `time::Date` (validated to be a plain date above).
pub fn to_date(value: &toml::value::Datetime) -> time::Date {
    value
        .date
        .and_then(|d| {
            let month = time::Month::try_from(d.month).ok()?;
            time::Date::from_calendar_date(i32::from(d.year), month, d.day).ok()
        })
        .unwrap_or(time::Date::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\ntitle = \"T\"\ndescription = \"D.\"\nlast_reviewed = 2026-11-01\nnext_review = 2027-05-01\nsources = [\"000\"]\n+++\nBody\n";

    #[test]
    fn splits_front_matter_and_body() {
        let s = split(GOOD).unwrap();
        assert_eq!(s.front.title, "T");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 8);
        assert_eq!(s.front.kind, PageKind::Page);
        assert_eq!(s.line_of_key("sources"), 6);
    }

    #[test]
    fn missing_front_matter_is_line_1() {
        assert_eq!(split("# Hello\n").unwrap_err().line, 1);
    }

    #[test]
    fn a_toml_error_points_at_its_line() {
        let bad = GOOD.replace("description = \"D.\"", "description = D.");
        assert_eq!(split(&bad).unwrap_err().line, 3);
    }

    #[test]
    fn code_entries_point_at_their_own_lines_not_at_a_comment_naming_them() {
        let codes = "codes = [\n  # \"R25.2\" is below\n  { system = \"icd10cm\", code = \"R25.2\", name = \"Cramp and spasm\" },\n  { system = \"icd10cm\", code = \"R25.2\", name = \"Cramp and spasm\" },\n]\n+++\n";
        let page = GOOD.replace("+++\nBody", &format!("{codes}Body"));
        assert_eq!(split(&page).unwrap().code_lines, vec![9, 10]);
        let bad = page.replacen("code = \"R25.2\"", "code = \"R25-2\"", 1);
        assert_eq!(split(&bad).unwrap_err().line, 9);
    }

    #[test]
    fn an_unknown_source_points_at_the_sources_line() {
        let bad = GOOD.replace("[\"000\"]", "[\"999\"]");
        let e = split(&bad).unwrap_err();
        assert_eq!(e.line, 6);
        assert!(e.message.contains("999"));
    }

    #[test]
    fn a_missing_field_is_reported() {
        let bad = GOOD.replace("title = \"T\"\n", "");
        assert!(split(&bad).unwrap_err().message.contains("title"));
    }

    #[test]
    fn a_topic_needs_its_place_and_a_page_has_none() {
        let topic = GOOD.replace("+++\nBody", "kind = \"topic\"\n+++\nBody");
        assert_eq!(split(&topic).unwrap_err().line, 7);
        let ordered = GOOD.replace("+++\nBody", "order = 3\n+++\nBody");
        assert!(split(&ordered).unwrap_err().message.contains("kind"));
        let good = GOOD.replace(
            "+++\nBody",
            "kind = \"topic\"\norder = 3\n[menu]\nheader = 1\n+++\nBody",
        );
        let s = split(&good).unwrap();
        assert_eq!(s.front.order, Some(3));
        assert_eq!(s.front.menu.get(&Menu::Header), Some(&1));
    }

    #[test]
    fn dates_convert() {
        let s = split(GOOD).unwrap();
        assert_eq!(
            to_date(&s.front.next_review),
            time::macros::date!(2027 - 05 - 01)
        );
    }
}
