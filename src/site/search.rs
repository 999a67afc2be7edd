//! The search page (`/search`, `/es/search`): rendered per request, since it
//! holds what was typed, but only ever in the search box: the title, the
//! description and the page's own words are fixed, and a suggestion is one
//! of the site's own phrases.

use askama::Template;

use super::layout::{Layout, Meta};
use super::shell::Shell;
use crate::content::markdown::Sign;
use crate::i18n::{Lang, Strings};
use crate::search::{Answer, MAX_QUERY_CHARS, Query, Section};
use crate::triage::Urgency;

/// The language-neutral path of the search page.
pub const SEARCH_PATH: &str = "/search";

/// A "did you mean" link.
pub struct Suggestion<'a> {
    pub text: &'a str,
    pub href: String,
}

/// What the search page prepares when the site is built: the pages around
/// it, before anything is typed and for a search (their titles differ; not
/// a page to index or to call canonical: it changes with every search), and
/// the emergency signs its warning card lists.
#[derive(Debug, Clone)]
pub struct SearchPage {
    empty: Shell,
    searched: Shell,
    emergency_signs: Vec<Sign>,
}

impl SearchPage {
    pub fn new(t: &Strings, layout: &Layout, langs: &[Lang]) -> Result<Self, askama::Error> {
        let shell = |title: &str| {
            let mut meta = Meta::for_path(
                layout,
                langs,
                SEARCH_PATH,
                title.to_string(),
                t.get("search-page-description").to_string(),
            );
            meta.canonical = None;
            meta.noindex = true;
            Shell::new(t, layout, meta)
        };
        Ok(SearchPage {
            empty: shell(t.get("search-page-title"))?,
            searched: shell(t.get("search-results-title"))?,
            emergency_signs: crate::content::signs(t, Urgency::Emergency),
        })
    }
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchTemplate<'a> {
    t: &'a Strings,
    layout: &'a Layout,
    action: String,
    query: &'a str,
    max_chars: usize,
    /// Something was typed (even if nothing could be looked for).
    searched: bool,
    emergency: bool,
    signs: &'a [Sign],
    suggestion: Option<Suggestion<'a>>,
    hits: &'a [&'a Section],
}

/// The address of a search for `text` in `lang`: `/es/search?q=...`.
pub fn search_url(lang: &Lang, text: &str) -> String {
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("q", text)
        .finish();
    format!("{}?{query}", lang.url(SEARCH_PATH))
}

/// The search page for `query` and what it found.
pub fn render_search(
    t: &Strings,
    layout: &Layout,
    prepared: &SearchPage,
    query: &Query,
    answer: &Answer<'_>,
) -> Result<String, askama::Error> {
    let searched = !query.is_empty();
    let page = SearchTemplate {
        t,
        layout,
        action: format!("{}{}", layout.action_base, layout.lang.url(SEARCH_PATH)),
        query: query.as_str(),
        max_chars: MAX_QUERY_CHARS,
        searched,
        emergency: answer.emergency,
        signs: &prepared.emergency_signs,
        suggestion: answer.suggestion.map(|text| Suggestion {
            text,
            href: search_url(&layout.lang, text),
        }),
        hits: &answer.hits,
    };
    // Room for the whole page at once: growing the buffer step by step
    // copies it over and over, on every search.
    let shell = if searched {
        &prepared.searched
    } else {
        &prepared.empty
    };
    shell.wrap(16 * 1024, |html| page.render_into(html))
}
