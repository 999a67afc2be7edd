//! Front matter: TOML between `+++` lines at the top of each Markdown file.
//! Split off by hand so a `+++` further down the page stays Markdown.

use std::collections::BTreeMap;

use serde::Deserialize;

/// What every page declares about itself.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The page heading and `<title>`.
    pub title: String,
    /// Short name for the contents list; the title when absent.
    #[serde(default)]
    pub nav_title: Option<String>,
    /// One plain sentence on what the page covers (meta description).
    pub description: String,
    /// When a person last checked the page against its sources.
    pub last_reviewed: toml::value::Datetime,
    /// When the page must be checked again.
    pub next_review: toml::value::Datetime,
    /// Source documents the page draws on, by id (see `content::SOURCES`).
    pub sources: Vec<String>,
    /// Position in the guide; only topic pages have one.
    #[serde(default)]
    pub order: Option<u32>,
    /// Glossary page only: term id to the phrases that link to it.
    #[serde(default)]
    pub glossary: BTreeMap<String, Vec<String>>,
    /// The aspect of the condition the page covers, for search engines
    /// (schema.org `MedicalWebPage.aspect`, e.g. "Causes").
    #[serde(default)]
    pub aspect: Option<String>,
    /// ICD-10-CM code prefixes this page (or one of its sections) explains,
    /// for diagnosis-code links from patient records (`/connect`).
    #[serde(default)]
    pub codes: Vec<CodeLink>,
}

/// An ICD-10-CM code prefix and the section that explains it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CodeLink {
    /// Code prefix, e.g. "I82.4" (matches I82.40, I82.409 and so on).
    pub prefix: String,
    /// Heading id on this page; the top of the page when absent.
    #[serde(default)]
    pub anchor: Option<String>,
    /// What the code means, in plain words.
    pub name: String,
}

/// A front matter problem, with the 1-based line in the file it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatterError {
    pub line: usize,
    pub message: String,
}

/// The parsed front matter and where the body starts.
#[derive(Debug)]
pub struct Split<'a> {
    pub front: FrontMatter,
    pub body: &'a str,
    /// 1-based line number of the first body line.
    pub body_line: usize,
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
    let mut offset = first.len();
    let toml_start = offset;
    let mut line_no = 1;
    for line in lines {
        line_no += 1;
        if line.trim_end() == "+++" {
            let toml_text = &source[toml_start..offset];
            let body_start = offset + line.len();
            let front: FrontMatter = toml::from_str(toml_text).map_err(|e| {
                let line = e
                    .span()
                    .map(|s| {
                        2 + toml_text[..s.start.min(toml_text.len())]
                            .matches('\n')
                            .count()
                    })
                    .unwrap_or(1);
                FrontMatterError {
                    line,
                    message: format!("front matter: {}", first_line(e.message())),
                }
            })?;
            validate(&front, toml_text)?;
            return Ok(Split {
                front,
                body: &source[body_start..],
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

/// Line (1-based, in the file) of the key `key` in the front matter, or 1.
fn key_line(toml_text: &str, key: &str) -> usize {
    toml_text
        .lines()
        .position(|l| {
            l.trim_start().starts_with(key)
                && l[l.find(key).unwrap_or(0) + key.len()..]
                    .trim_start()
                    .starts_with('=')
        })
        .map(|i| i + 2)
        .unwrap_or(1)
}

fn validate(front: &FrontMatter, toml_text: &str) -> Result<(), FrontMatterError> {
    let err = |key: &str, message: String| FrontMatterError {
        line: key_line(toml_text, key),
        message,
    };
    if front.title.trim().is_empty() {
        return Err(err("title", "front matter: `title` is empty".into()));
    }
    let description = front.description.trim();
    if description.is_empty() {
        return Err(err(
            "description",
            "front matter: `description` is empty".into(),
        ));
    }
    if description.len() > 200 {
        return Err(err(
            "description",
            "front matter: `description` should be one sentence under 200 characters".into(),
        ));
    }
    for key in ["last_reviewed", "next_review"] {
        let value = if key == "last_reviewed" {
            &front.last_reviewed
        } else {
            &front.next_review
        };
        if value.date.is_none() || value.time.is_some() {
            return Err(err(
                key,
                format!("front matter: `{key}` must be a date like 2026-11-22"),
            ));
        }
    }
    if front.sources.is_empty() {
        return Err(err(
            "sources",
            "front matter: `sources` must name at least one source document".into(),
        ));
    }
    for code in &front.codes {
        let valid = code.prefix.len() >= 3
            && code.prefix.starts_with(|c: char| c.is_ascii_uppercase())
            && code
                .prefix
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.');
        if !valid {
            return Err(err(
                "codes",
                format!(
                    "front matter: {:?} is not an ICD-10-CM code prefix like \"I82.4\"",
                    code.prefix
                ),
            ));
        }
    }
    for id in &front.sources {
        if super::source(id).is_none() {
            return Err(err(
                "sources",
                format!("front matter: unknown source {id:?}"),
            ));
        }
    }
    Ok(())
}

/// A TOML date as a `time::Date` (validated to be a plain date above).
pub fn to_date(value: &toml::value::Datetime) -> time::Date {
    let d = value.date.expect("validated as a date");
    time::Date::from_calendar_date(
        d.year as i32,
        time::Month::try_from(d.month).expect("TOML months are 1-12"),
        d.day,
    )
    .expect("TOML dates are valid")
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
}
