//! A page, a language and the whole content, as loaded: what the checks,
//! the site and the clinics' links read.

use time::Date;

use super::front_matter::{FrontMatter, PageKind};
use super::markdown::{Glossary, Rendered};
use super::readability::Method;
use crate::i18n::Strings;
use crate::problem::{Level, Problems};

/// How a page reads, by its language's method.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readability {
    pub method: Method,
    pub score: f64,
}

/// One content page of one language, rendered.
#[derive(Debug)]
pub struct Page {
    /// Language-neutral path, e.g. `/causes` (`/` for the home page).
    pub path: String,
    /// The address in its language, e.g. `/es/causes`.
    pub url: String,
    /// The file it came from.
    pub file: String,
    pub front: FrontMatter,
    pub body: Rendered,
    pub last_reviewed: Date,
    pub next_review: Date,
    pub readability: Option<Readability>,
    /// The file line of each front matter key, for problems.
    pub(super) key_lines: Vec<(&'static str, usize)>,
    /// The file line of each diagnosis code entry, in order.
    pub code_lines: Vec<usize>,
}

impl Page {
    /// The short name used in contents lists and menus.
    pub fn nav_title(&self) -> &str {
        self.front.nav_title.as_deref().unwrap_or(&self.front.title)
    }

    pub fn is_topic(&self) -> bool {
        self.front.kind == PageKind::Topic
    }

    /// Every id a link may point at on this page.
    pub fn has_anchor(&self, id: &str) -> bool {
        self.body.headings.iter().any(|h| h.id == id) || PAGE_LAYOUT_IDS.contains(&id)
    }

    /// The text of the heading with this id.
    pub fn heading(&self, id: &str) -> Option<&str> {
        self.body
            .headings
            .iter()
            .find(|h| h.id == id)
            .map(|h| h.text.as_str())
    }

    /// The file line of a front matter key, or 1.
    pub fn line_of_key(&self, key: &str) -> usize {
        self.key_lines
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(1, |(_, l)| *l)
    }

    /// Whether the page's review date has passed.
    pub fn overdue(&self, today: Date) -> bool {
        self.next_review < today
    }
}

/// Ids the page layout adds around every body.
pub const PAGE_LAYOUT_IDS: &[&str] = &["main-content", "on-this-page", "sources"];

/// One language: its strings and its pages (topics in guide order, then the rest by path).
#[derive(Debug)]
pub struct LangContent {
    pub strings: Strings,
    pub pages: Vec<Page>,
    pub glossary: Glossary,
    /// The folder its pages come from, for problems about a missing page.
    pub dir: String,
}

impl LangContent {
    /// The page at the language-neutral `path`.
    pub fn page(&self, path: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.path == path)
    }

    /// The topic pages, in reading order.
    pub fn topics(&self) -> impl Iterator<Item = &Page> {
        self.pages.iter().filter(|p| p.is_topic())
    }

    /// The name of a section, from its heading: `/causes#arthritis` is "Arthritis".
    /// A path with no fragment names the page.
    pub fn section_title(&self, link: &str) -> Option<&str> {
        let (path, fragment) = link.split_once('#').unwrap_or((link, ""));
        let page = self.page(path)?;
        if fragment.is_empty() {
            Some(page.front.title.as_str())
        } else {
            page.heading(fragment)
        }
    }
}

/// Every language's content, the default language first.
#[derive(Debug)]
pub struct Content {
    pub langs: Vec<LangContent>,
}

impl Content {
    /// The default language.
    pub fn default_lang(&self) -> &LangContent {
        &self.langs[0]
    }

    /// The language with this code.
    pub fn lang(&self, code: &str) -> Option<&LangContent> {
        self.langs.iter().find(|l| l.strings.lang.code == code)
    }

    /// Review dates: a warning 30 days ahead; a passed date at `overdue` level
    /// (an error for `check`, a warning for a running server).
    pub fn review_problems(&self, today: Date, overdue: Level) -> Problems {
        let mut problems = Problems::default();
        for page in self.langs.iter().flat_map(|l| &l.pages) {
            let line = page.line_of_key("next_review");
            if page.overdue(today) {
                problems.push(crate::problem::Problem {
                    file: page.file.clone(),
                    line,
                    message: format!(
                        "review date passed: the page was due for review on {}",
                        page.next_review
                    ),
                    level: overdue,
                    fatal: false,
                });
            } else if page.next_review <= today + time::Duration::days(30) {
                problems.warning(
                    &page.file,
                    line,
                    format!(
                        "review due on {}, in {} days",
                        page.next_review,
                        (page.next_review - today).whole_days()
                    ),
                );
            }
        }
        problems
    }
}
