//! Content: every Markdown page of every language, loaded, rendered once and
//! checked (front matter, links and anchors, the contract's pages and anchors,
//! review dates, reading level, and that the languages agree). Every problem
//! names its `file:line`.

pub mod contract;
pub mod front_matter;
pub mod markdown;
pub mod page;
pub mod readability;
pub mod validate;

pub use page::{Content, LangContent, PAGE_LAYOUT_IDS, Page, Readability};

use std::path::{Path, PathBuf};

use time::Date;

use crate::i18n::{Locales, Strings};
use crate::ids;
use crate::problem::Problems;
use crate::triage::{self, Urgency};
use front_matter::{Split, to_date};
use markdown::{Glossary, RenderContext, Sign, SignsCard};
use readability::Method;

/// What loading needs besides the files.
pub struct LoadOptions<'a> {
    pub content_dir: &'a Path,
    pub emergency_number: &'a str,
    /// Highest Flesch-Kincaid grade (English).
    pub max_grade: f64,
    /// Lowest INFLESZ score (Spanish).
    pub min_inflesz: f64,
    pub today: Date,
}

/// Loads, renders and checks every page of every language in `locales`.
pub fn load(locales: Locales, opts: &LoadOptions<'_>) -> (Content, Problems) {
    use rayon::prelude::*;
    let mut problems = Problems::default();
    // One language per core: they are independent until compared below.
    let loaded: Vec<(LangContent, Problems)> = locales
        .langs
        .into_par_iter()
        .map(|strings| {
            let mut problems = Problems::default();
            let dir = opts.content_dir.join(&strings.lang.code);
            let lang = load_language(strings, &dir, opts, &mut problems);
            validate::site(&lang, &mut problems);
            (lang, problems)
        })
        .collect();
    let mut langs = Vec::new();
    for (lang, lang_problems) in loaded {
        problems.extend(lang_problems);
        langs.push(lang);
    }
    let content = Content { langs };
    validate::languages_agree(&content, &mut problems);
    (content, problems)
}

fn load_language(
    strings: Strings,
    dir: &Path,
    opts: &LoadOptions<'_>,
    problems: &mut Problems,
) -> LangContent {
    let texts = read_files(markdown_files(dir, problems), problems);
    let mut splits: Vec<(&PathBuf, Split<'_>)> = Vec::new();
    for (file, text) in &texts {
        match front_matter::split(text) {
            Ok(split) => splits.push((file, split)),
            Err(e) => problems.error(file.display().to_string(), e.line, e.message),
        }
    }
    // The glossary's terms are needed to render the other pages.
    let glossary: Glossary = splits
        .iter()
        .find(|(_, s)| !s.front.glossary.is_empty())
        .map(|(_, s)| s.front.glossary.clone())
        .unwrap_or_default();
    let method = Method::for_language(&strings.lang.code);
    let signs = |level: &str| signs_card(&strings, level);
    let no_glossary = Glossary::new();
    let placeholders = [("emergency_number", opts.emergency_number)];
    let t = &strings;
    let term_note = t.get("glossary-term-note");
    let mut pages = Vec::new();
    for (file, split) in splits {
        let shown = file.display().to_string();
        let ctx = RenderContext {
            placeholders: &placeholders,
            glossary: if split.front.glossary.is_empty() {
                &glossary
            } else {
                &no_glossary
            },
            signs: &signs,
            lang_prefix: &strings.lang.prefix,
            term_note,
            method: method.unwrap_or(Method::FleschKincaid),
        };
        let body = markdown::render(split.body, split.body_line, &ctx);
        for p in &body.problems {
            problems.error(&shown, p.line, &p.message);
        }
        let readability = method.map(|method| Readability {
            method,
            score: method.score(&body.text),
        });
        readability_limits(readability, &shown, split.body_line, opts, problems);
        let path = page_path(dir, file);
        let key_lines = key_lines(&split);
        let code_lines = split.code_lines;
        pages.push(Page {
            url: strings.lang.url(&path),
            path,
            file: shown,
            last_reviewed: to_date(&split.front.last_reviewed),
            next_review: to_date(&split.front.next_review),
            front: split.front,
            body,
            readability,
            key_lines,
            code_lines,
        });
    }
    pages.sort_by(|a, b| {
        (!a.is_topic(), a.front.order, &a.path).cmp(&(!b.is_topic(), b.front.order, &b.path))
    });
    LangContent {
        strings,
        pages,
        glossary,
        dir: dir.display().to_string(),
    }
}

/// The warning-sign card for an urgency level, from the rules and the strings.
fn signs_card(strings: &Strings, level: &str) -> Option<SignsCard> {
    let level = Urgency::from_name(level).filter(|l| *l != Urgency::SelfCare)?;
    Some(SignsCard {
        kind: level.card(),
        heading: strings.get(&ids::signs_heading(level)).to_string(),
        heading_html: strings.html(&ids::signs_heading(level)).to_string(),
        signs: signs(strings, level),
    })
}

/// The warning signs of an urgency level, in words: the card's, a result's
/// "come back if" list and the search page's emergency card.
pub fn signs(strings: &Strings, level: Urgency) -> Vec<Sign> {
    triage::signs(level)
        .map(|rule| Sign {
            rule: rule.code.to_string(),
            text: strings.get(&ids::rule_sign(rule.code)).to_string(),
        })
        .collect()
}

/// Every `*.md` file under `dir`, sorted.
fn markdown_files(dir: &Path, problems: &mut Problems) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(e) => e,
            Err(e) => {
                problems.fatal(
                    folder.display().to_string(),
                    format!("cannot read the content folder: {e}"),
                );
                continue;
            }
        };
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|x| x == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// `content/en/causes.md` is `/causes`; `index.md` is `/`; `check/how-it-works.md` is `/check/how-it-works`.
/// Every file's text; a file that cannot be read is a fatal problem.
fn read_files(files: Vec<PathBuf>, problems: &mut Problems) -> Vec<(PathBuf, String)> {
    let mut texts = Vec::new();
    for file in files {
        match std::fs::read_to_string(&file) {
            Ok(text) => texts.push((file, text)),
            Err(e) => problems.fatal(file.display().to_string(), format!("cannot read: {e}")),
        }
    }
    texts
}

/// A page that reads above the grade limit (English) or below the INFLESZ limit (Spanish).
fn readability_limits(
    readability: Option<Readability>,
    shown: &str,
    body_line: usize,
    opts: &LoadOptions<'_>,
    problems: &mut Problems,
) {
    match readability {
        Some(Readability { method: Method::FleschKincaid, score }) if score > opts.max_grade => problems.error(
            shown,
            body_line,
            format!("reading grade {score:.1} is above the limit of {:.1} (--max-grade): use shorter sentences and plainer words", opts.max_grade),
        ),
        Some(Readability { method: Method::Inflesz, score }) if score < opts.min_inflesz => problems.error(
            shown,
            body_line,
            format!("INFLESZ score {score:.1} is below the limit of {:.1} (--min-inflesz): use shorter sentences and shorter words", opts.min_inflesz),
        ),
        _ => {}
    }
}

/// The line of each front-matter key in the page's file.
fn key_lines(split: &Split<'_>) -> Vec<(&'static str, usize)> {
    [
        "last_reviewed",
        "next_review",
        "order",
        "codes",
        "synonyms",
        "search_words",
        "glossary",
        "kind",
        "sources",
        "title",
        "menu",
        "generated",
    ]
    .into_iter()
    .map(|k| (k, split.line_of_key(k)))
    .collect()
}

fn page_path(dir: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(dir).unwrap_or(file).with_extension("");
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    match parts.as_slice() {
        [only] if only == "index" => "/".into(),
        _ => format!("/{}", parts.join("/")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_paths() {
        let dir = Path::new("content/en");
        assert_eq!(page_path(dir, Path::new("content/en/index.md")), "/");
        assert_eq!(page_path(dir, Path::new("content/en/causes.md")), "/causes");
        assert_eq!(
            page_path(dir, Path::new("content/en/check/how-it-works.md")),
            "/check/how-it-works"
        );
    }
}
