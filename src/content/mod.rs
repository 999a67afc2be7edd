//! Content: loads every Markdown page, renders it once, and checks it
//! (front matter, links and anchors, contract anchors, review dates,
//! reading level). Every problem names its `file:line`.

pub mod front_matter;
pub mod markdown;
pub mod readability;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use front_matter::{FrontMatter, to_date};
use markdown::{RenderContext, Rendered};

/// A source document the site's medical content is drawn from.
#[derive(Debug)]
pub struct Source {
    pub id: &'static str,
    pub title: &'static str,
    pub publisher: &'static str,
    pub date: &'static str,
}

/// The only medical sources (see `shared/seeds/README.md`).
pub const SOURCES: &[Source] = &[
    Source {
        id: "000",
        title: "Understanding Aching Legs at Night: Causes and Relief",
        publisher: "Docus symptoms guide",
        date: "15 April 2024",
    },
    Source {
        id: "001",
        title: "What Causes Leg Pain at Night When Lying Down?",
        publisher: "publisher not named",
        date: "undated",
    },
];

/// Looks a source up by id.
pub fn source(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.id == id)
}

/// Pages the site contract promises, by file stem and path.
pub const REQUIRED_PAGES: &[(&str, &str)] = &[
    ("index", "/"),
    ("causes", "/causes"),
    ("risk-factors", "/risk-factors"),
    ("when-to-seek-help", "/when-to-seek-help"),
    ("diagnosis", "/diagnosis"),
    ("treatments", "/treatments"),
    ("prevention", "/prevention"),
    ("faq", "/faq"),
    ("check", "/check"),
    ("about", "/about"),
    ("for-clinics", "/for-clinics"),
    ("glossary", "/glossary"),
];

/// Anchors the site contract promises; clinics link to them.
pub const CONTRACT_ANCHORS: &[(&str, &[&str])] = &[
    (
        "/causes",
        &[
            "nighttime-leg-cramps",
            "restless-legs-syndrome",
            "dehydration-and-minerals",
            "nerve-compression",
            "peripheral-artery-disease",
            "peripheral-neuropathy",
            "deep-vein-thrombosis",
            "arthritis",
            "varicose-veins",
            "physical-exertion",
            "poor-circulation",
        ],
    ),
    ("/when-to-seek-help", &["emergency", "urgent", "routine"]),
    ("/treatments", &["relief-at-home", "medical-treatments"]),
    (
        "/prevention",
        &["exercise", "sleep", "water-and-minerals", "stress"],
    ),
];

/// Paths served by code rather than content, that content may link to.
const OTHER_PATHS: &[&str] = &["/healthz", "/sitemap.xml", "/robots.txt"];

/// One content page, rendered.
#[derive(Debug)]
pub struct Page {
    /// URL path, e.g. `/causes`.
    pub path: String,
    /// File it came from, as given to `load`.
    pub file: PathBuf,
    pub front: FrontMatter,
    pub body: Rendered,
    pub last_reviewed: time::Date,
    pub next_review: time::Date,
    pub grade: f64,
}

impl Page {
    /// The short name used in contents lists.
    pub fn nav_title(&self) -> &str {
        self.front.nav_title.as_deref().unwrap_or(&self.front.title)
    }

    /// Whether the page is part of the guide's reading order.
    pub fn is_topic(&self) -> bool {
        self.front.order.is_some()
    }

    /// Every id a link may point at on this page.
    pub fn has_anchor(&self, id: &str) -> bool {
        self.body.headings.iter().any(|h| h.id == id) || PAGE_LAYOUT_IDS.contains(&id)
    }
}

/// Ids the page layout adds around every body.
pub const PAGE_LAYOUT_IDS: &[&str] = &["main-content", "on-this-page", "sources"];

/// A problem in the content, shown as `file:line: message`.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Every problem found, one per line.
#[derive(Debug, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

/// All content pages: topic pages in guide order, then the others by path.
#[derive(Debug)]
pub struct Content {
    pub pages: Vec<Page>,
}

impl Content {
    /// The page at `path`.
    pub fn page(&self, path: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.path == path)
    }

    /// The topic pages, in reading order.
    pub fn topics(&self) -> impl Iterator<Item = &Page> {
        self.pages.iter().filter(|p| p.is_topic())
    }
}

/// What loading needs besides the files.
pub struct LoadOptions<'a> {
    pub emergency_number: &'a str,
    pub max_grade: f64,
    /// Pages whose next review date is before this are problems.
    pub today: time::Date,
}

fn path_for(stem: &str) -> String {
    if stem == "index" {
        "/".into()
    } else {
        format!("/{stem}")
    }
}

/// Loads, renders and checks every `*.md` page in `dir`.
pub fn load(dir: &Path, opts: &LoadOptions<'_>) -> Result<Content, Problems> {
    let mut problems = Vec::new();
    let dir_name = dir.display().to_string();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            return Err(Problems(vec![Problem {
                file: dir_name,
                line: 0,
                message: format!("cannot read the content folder: {e}"),
            }]));
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();

    // Read and split every file first: the glossary's terms are needed to render the rest.
    let mut parsed = Vec::new();
    for file in &files {
        let display = file.display().to_string();
        let stem = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                problems.push(Problem {
                    file: display,
                    line: 0,
                    message: format!("cannot read: {e}"),
                });
                continue;
            }
        };
        parsed.push((file.clone(), display, stem, text));
    }
    let mut splits = Vec::new();
    for (file, display, stem, text) in &parsed {
        match front_matter::split(text) {
            Ok(split) => splits.push((file, display, stem, split)),
            Err(e) => problems.push(Problem {
                file: display.clone(),
                line: e.line,
                message: e.message,
            }),
        }
    }
    let glossary: BTreeMap<String, Vec<String>> = splits
        .iter()
        .find(|(_, _, stem, _)| stem.as_str() == "glossary")
        .map(|(_, _, _, s)| s.front.glossary.clone())
        .unwrap_or_default();
    let no_glossary = BTreeMap::new();

    let mut pages = Vec::new();
    for (file, display, stem, split) in splits {
        let is_glossary = stem == "glossary";
        let ctx = RenderContext {
            emergency_number: opts.emergency_number,
            glossary: if is_glossary { &no_glossary } else { &glossary },
        };
        let body = markdown::render(split.body, split.body_line, &ctx);
        for p in &body.problems {
            problems.push(Problem {
                file: display.clone(),
                line: p.line,
                message: p.message.clone(),
            });
        }
        if let Some(h) = body.headings.iter().find(|h| h.level == 1) {
            problems.push(Problem {
                file: display.clone(),
                line: h.line,
                message: "use `##` and below: the page title is the only level-1 heading".into(),
            });
        }
        let last_reviewed = to_date(&split.front.last_reviewed);
        let next_review = to_date(&split.front.next_review);
        let fm_line = |key: &str| {
            parsed
                .iter()
                .find(|(f, ..)| f == file)
                .and_then(|(.., text)| text.lines().position(|l| l.trim_start().starts_with(key)))
                .map(|i| i + 1)
                .unwrap_or(1)
        };
        if next_review < opts.today {
            problems.push(Problem {
                file: display.clone(),
                line: fm_line("next_review"),
                message: format!(
                    "review date passed: the page was due for review on {next_review}"
                ),
            });
        }
        if last_reviewed > opts.today {
            problems.push(Problem {
                file: display.clone(),
                line: fm_line("last_reviewed"),
                message: format!("last_reviewed {last_reviewed} is in the future"),
            });
        }
        if next_review <= last_reviewed {
            problems.push(Problem {
                file: display.clone(),
                line: fm_line("next_review"),
                message: "next_review must come after last_reviewed".into(),
            });
        }
        let grade = body.text.grade();
        if grade > opts.max_grade {
            problems.push(Problem {
                file: display.clone(),
                line: split.body_line,
                message: format!("reading grade {grade:.1} is above the limit of {:.1}: use shorter sentences and plainer words", opts.max_grade),
            });
        }
        pages.push(Page {
            path: path_for(stem),
            file: file.clone(),
            front: split.front,
            body,
            last_reviewed,
            next_review,
            grade,
        });
    }

    check_site(&pages, &glossary, &dir_name, &mut problems);

    if !problems.is_empty() {
        return Err(Problems(problems));
    }
    pages.sort_by(|a, b| match (a.front.order, b.front.order) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.path.cmp(&b.path),
    });
    Ok(Content { pages })
}

/// Checks that need every page: required pages, links, anchors, glossary, order.
fn check_site(
    pages: &[Page],
    glossary: &BTreeMap<String, Vec<String>>,
    dir: &str,
    problems: &mut Vec<Problem>,
) {
    let by_path: HashMap<&str, &Page> = pages.iter().map(|p| (p.path.as_str(), p)).collect();
    for (stem, path) in REQUIRED_PAGES {
        if !by_path.contains_key(path) {
            problems.push(Problem {
                file: format!("{}/{stem}.md", dir.trim_end_matches('/')),
                line: 0,
                message: format!("missing page {path}, which the site contract promises"),
            });
        }
    }
    for (path, anchors) in CONTRACT_ANCHORS {
        let Some(page) = by_path.get(path) else {
            continue;
        };
        for anchor in *anchors {
            if !page.has_anchor(anchor) {
                problems.push(Problem {
                    file: page.file.display().to_string(),
                    line: 1,
                    message: format!(
                        "contract anchor #{anchor} is missing: add `{{#{anchor}}}` to a heading"
                    ),
                });
            }
        }
    }
    for page in pages {
        for link in &page.body.links {
            let (path, fragment) = match link.url.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (link.url.as_str(), None),
            };
            let path = path.split('?').next().unwrap_or(path);
            let target = if path.is_empty() {
                Some(page)
            } else {
                by_path.get(path).copied()
            };
            let message = match (target, fragment) {
                (None, _) if OTHER_PATHS.contains(&path) => None,
                (None, _) => Some(format!("link to {}: there is no page {path}", link.url)),
                (Some(t), Some(f)) if !t.has_anchor(f) => Some(format!(
                    "link to {}: {} has no heading with id #{f}",
                    link.url, t.path
                )),
                _ => None,
            };
            if let Some(message) = message {
                problems.push(Problem {
                    file: page.file.display().to_string(),
                    line: link.line,
                    message,
                });
            }
        }
    }
    let mut prefixes = HashSet::new();
    for page in pages {
        for code in &page.front.codes {
            if !prefixes.insert(code.prefix.as_str()) {
                problems.push(Problem {
                    file: page.file.display().to_string(),
                    line: 1,
                    message: format!("code {} is mapped on two pages", code.prefix),
                });
            }
            if let Some(anchor) = &code.anchor
                && !page.has_anchor(anchor)
            {
                problems.push(Problem {
                    file: page.file.display().to_string(),
                    line: 1,
                    message: format!(
                        "code {} points to #{anchor}, which is not a heading on this page",
                        code.prefix
                    ),
                });
            }
        }
    }
    if let Some(g) = by_path.get("/glossary") {
        for id in glossary.keys() {
            if !g.has_anchor(id) {
                problems.push(Problem {
                    file: g.file.display().to_string(),
                    line: 1,
                    message: format!(
                        "glossary term {id:?} has no heading with id #{id} on the glossary page"
                    ),
                });
            }
        }
    }
    let mut orders = HashSet::new();
    for page in pages {
        if let Some(order) = page.front.order
            && !orders.insert(order)
        {
            problems.push(Problem {
                file: page.file.display().to_string(),
                line: 1,
                message: format!("order = {order} is used by another page"),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_print_as_file_line_message() {
        let p = Problem {
            file: "content/causes.md".into(),
            line: 12,
            message: "bad".into(),
        };
        assert_eq!(p.to_string(), "content/causes.md:12: bad");
    }
}
