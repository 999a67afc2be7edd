//! Checks that need more than one page: the contract's pages and anchors,
//! links, glossary, the guide's order, and that every language says the same
//! things in the same places.

use std::collections::{BTreeSet, HashMap};

use super::contract;
use super::front_matter::Generated;
use super::markdown::{Block, CardBody, html::is_site_file};
use super::page::{Content, LangContent, Page};
use crate::problem::Problems;

/// Checks one language's pages together.
pub fn site(lang: &LangContent, problems: &mut Problems) {
    let by_path: HashMap<&str, &Page> = lang.pages.iter().map(|p| (p.path.as_str(), p)).collect();
    contract_pages(lang, &by_path, problems);
    for page in &lang.pages {
        page_references(page, &by_path, problems);
    }
    glossary(lang, problems);
    statement_is_current(lang, problems);
    unique_keys(lang, problems);
}

/// Every page and anchor the site contract promises is there.
fn contract_pages(lang: &LangContent, by_path: &HashMap<&str, &Page>, problems: &mut Problems) {
    let dir = &lang.dir;
    for path in contract::PAGES {
        if !by_path.contains_key(path) {
            let file = if *path == "/" {
                "index"
            } else {
                path.trim_start_matches('/')
            };
            problems.error(
                format!("{dir}/{file}.md"),
                0,
                format!("missing page {path}, which the site contract promises"),
            );
        }
    }
    for (path, anchors) in contract::ANCHORS {
        let Some(page) = by_path.get(path) else {
            continue;
        };
        for anchor in *anchors {
            if !page.has_anchor(anchor) {
                problems.error(
                    &page.file,
                    page.body.headings.first().map_or(1, |h| h.line),
                    format!(
                        "contract anchor #{anchor} is missing: add `{{#{anchor}}}` to a heading"
                    ),
                );
            }
        }
    }
}

/// One page's own references: a single level-1 heading, links to pages
/// and anchors that exist, and front matter that names its headings.
fn page_references(page: &Page, by_path: &HashMap<&str, &Page>, problems: &mut Problems) {
    if let Some(h) = page.body.headings.iter().find(|h| h.level == 1) {
        problems.error(
            &page.file,
            h.line,
            "use `##` and below: the page title is the only level-1 heading",
        );
    }
    for link in &page.body.links {
        if let Some(message) = broken_link(&link.url, page, by_path) {
            problems.error(&page.file, link.line, message);
        }
    }
    for (code, line) in page.front.codes.iter().zip(&page.code_lines) {
        if let Some(anchor) = &code.anchor
            && !page.has_anchor(anchor)
        {
            problems.error(
                &page.file,
                *line,
                format!(
                    "code {} points to #{anchor}, which is not a heading on this page",
                    code.key()
                ),
            );
        }
    }
    for anchor in page.front.synonyms.keys() {
        if !page.has_anchor(anchor) {
            problems.error(
                &page.file,
                page.line_of_key("synonyms"),
                format!("synonyms for #{anchor}, which is not a heading on this page"),
            );
        }
    }
    for (anchor, words) in &page.front.search_words {
        if !page.has_anchor(anchor) {
            problems.error(
                &page.file,
                page.line_of_key("search_words"),
                format!("search words for #{anchor}, which is not a heading on this page"),
            );
        }
        if words.iter().any(|w| w.trim().is_empty()) {
            problems.error(
                &page.file,
                page.line_of_key("search_words"),
                format!("an empty search word for #{anchor}"),
            );
        }
    }
}

/// One page at most holds the glossary, and each term has its heading.
fn glossary(lang: &LangContent, problems: &mut Problems) {
    let glossaries: Vec<&Page> = lang
        .pages
        .iter()
        .filter(|p| !p.front.glossary.is_empty())
        .collect();
    if let [_, second, ..] = glossaries.as_slice() {
        problems.error(
            &second.file,
            second.line_of_key("glossary"),
            "only one page may hold the glossary",
        );
    }
    if let Some(g) = glossaries.first() {
        for id in g.front.glossary.keys() {
            if !g.has_anchor(id) {
                problems.error(
                    &g.file,
                    g.line_of_key("glossary"),
                    format!("glossary term {id:?} has no heading with id #{id} on this page"),
                );
            }
        }
    }
}

/// Order numbers, generated kinds and menu places are unique within a language.
fn unique_keys(lang: &LangContent, problems: &mut Problems) {
    unique(
        lang,
        "order",
        |p| p.front.order.map(|o| o.to_string()),
        problems,
    );
    unique(
        lang,
        "generated",
        |p| p.front.generated.map(|g| format!("{g:?}")),
        problems,
    );
    for menu in lang
        .pages
        .iter()
        .flat_map(|p| p.front.menu.keys())
        .collect::<BTreeSet<_>>()
    {
        unique(
            lang,
            "menu",
            |p| p.front.menu.get(menu).map(|n| format!("{menu:?} {n}")),
            problems,
        );
    }
}

/// The accessibility statement's date of the last check (its `last_reviewed`)
/// is no older than any page's review: a page changed since is unchecked.
fn statement_is_current(lang: &LangContent, problems: &mut Problems) {
    let Some(statement) = lang
        .pages
        .iter()
        .find(|p| p.front.generated == Some(Generated::AccessibilityStatement))
    else {
        return;
    };
    if let Some(newer) = lang
        .pages
        .iter()
        .filter(|p| p.last_reviewed > statement.last_reviewed)
        .max_by_key(|p| p.last_reviewed)
    {
        problems.error(
            &statement.file,
            statement.line_of_key("last_reviewed"),
            format!(
                "the accessibility statement says the site was last checked on {}, before {} was reviewed on {}: check the site again (scripts/test, and look at the pages) and move `last_reviewed` on",
                statement.last_reviewed, newer.file, newer.last_reviewed
            ),
        );
    }
}

/// Problems when two pages share a value that must be unique.
fn unique(
    lang: &LangContent,
    key: &str,
    value: impl Fn(&Page) -> Option<String>,
    problems: &mut Problems,
) {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for page in &lang.pages {
        if let Some(v) = value(page)
            && let Some(other) = seen.insert(v.clone(), &page.file)
        {
            problems.error(
                &page.file,
                page.line_of_key(key),
                format!("{key} {v} is also used by {other}"),
            );
        }
    }
}

fn broken_link(url: &str, page: &Page, by_path: &HashMap<&str, &Page>) -> Option<String> {
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (url, None),
    };
    if !url.starts_with('/') && !url.starts_with('#') {
        return None; // refused already while rendering
    }
    let target = if path.is_empty() {
        Some(page)
    } else {
        by_path.get(path).copied()
    };
    match (target, fragment) {
        (None, _) if is_site_file(path) => None,
        (None, _) => Some(format!("link to {url}: there is no page {path}")),
        (Some(t), Some(f)) if !t.has_anchor(f) => Some(format!(
            "link to {url}: {} has no heading with id #{f}",
            t.path
        )),
        _ => None,
    }
}

/// Checks every language against the default one: same pages, headings,
/// care cards, glossary terms, review dates and place in the site.
pub fn languages_agree(content: &Content, problems: &mut Problems) {
    let Some((reference, others)) = content.langs.split_first() else {
        return;
    };
    for other in others {
        let dir = &other.dir;
        for page in &reference.pages {
            if other.page(&page.path).is_none() {
                let file = if page.path == "/" {
                    "index".to_string()
                } else {
                    page.path.trim_start_matches('/').to_string()
                };
                problems.error(
                    format!("{dir}/{file}.md"),
                    0,
                    format!(
                        "missing: {} has this page in {}",
                        page.file, reference.strings.lang.code
                    ),
                );
            }
        }
        for page in &other.pages {
            let Some(twin) = reference.page(&page.path) else {
                problems.error(
                    &page.file,
                    1,
                    format!(
                        "this page has no twin in {}: every language has the same pages",
                        reference.strings.lang.code
                    ),
                );
                continue;
            };
            pages_agree(twin, page, problems);
        }
        let (ours, theirs): (BTreeSet<_>, BTreeSet<_>) = (
            reference.glossary.keys().collect(),
            other.glossary.keys().collect(),
        );
        if let Some(g) = other.pages.iter().find(|p| !p.front.glossary.is_empty()) {
            for id in ours.difference(&theirs) {
                problems.error(
                    &g.file,
                    g.line_of_key("glossary"),
                    format!(
                        "glossary term {id:?} is missing: {} has it",
                        reference.strings.lang.code
                    ),
                );
            }
            for id in theirs.difference(&ours) {
                problems.error(
                    &g.file,
                    g.line_of_key("glossary"),
                    format!(
                        "glossary term {id:?} is not in {}",
                        reference.strings.lang.code
                    ),
                );
            }
        }
    }
}

/// A page in another language says what the reference page says: the
/// same headings in the same places, the same care cards and front matter.
fn pages_agree(reference: &Page, page: &Page, problems: &mut Problems) {
    headings_agree(reference, page, problems);
    cards_agree(reference, page, problems);
    front_matter_agrees(reference, page, problems);
}

/// The same heading ids, in the same order.
fn headings_agree(reference: &Page, page: &Page, problems: &mut Problems) {
    let ids = |p: &Page| {
        p.body
            .headings
            .iter()
            .map(|h| h.id.clone())
            .collect::<Vec<_>>()
    };
    let (ours, theirs) = (ids(reference), ids(page));
    let line_here = |id: &str| {
        page.body
            .headings
            .iter()
            .find(|h| h.id == id)
            .map(|h| h.line)
    };
    // A missing heading is reported after the last heading both pages have.
    let mut last_line = 1;
    for h in &reference.body.headings {
        match line_here(&h.id) {
            Some(line) => last_line = line,
            None => problems.error(
                &page.file,
                last_line,
                format!(
                    "heading #{} is missing: {}:{} has it",
                    h.id, reference.file, h.line
                ),
            ),
        }
    }
    for h in &page.body.headings {
        if !ours.contains(&h.id) {
            problems.error(
                &page.file,
                h.line,
                format!(
                    "heading #{} is not in {}: every language has the same headings",
                    h.id, reference.file
                ),
            );
        }
    }
    let common_ours: Vec<&String> = ours.iter().filter(|id| theirs.contains(id)).collect();
    let common_theirs: Vec<&String> = theirs.iter().filter(|id| ours.contains(id)).collect();
    if let Some((id, _)) = common_theirs.iter().zip(&common_ours).find(|(a, b)| a != b) {
        problems.error(
            &page.file,
            line_here(id).unwrap_or(1),
            format!(
                "heading #{id} is in a different place from {}",
                reference.file
            ),
        );
    }
}

/// The same care cards, of the same kinds, under the same headings.
fn cards_agree(reference: &Page, page: &Page, problems: &mut Problems) {
    let cards = |p: &Page| -> Vec<(String, String)> {
        p.body
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Card {
                    kind,
                    heading,
                    body,
                    ..
                } => Some((
                    format!(
                        "{}{}",
                        kind.name(),
                        if matches!(body, CardBody::Signs(_)) {
                            " signs"
                        } else {
                            ""
                        }
                    ),
                    heading.id.clone(),
                )),
                Block::Html(_) => None,
            })
            .collect()
    };
    if cards(reference) != cards(page) {
        let line = page.body.blocks.iter().find_map(|b| match b {
            Block::Card { heading, .. } => Some(heading.line),
            Block::Html(_) => None,
        });
        problems.error(
            &page.file,
            line.unwrap_or(1),
            format!(
                "care cards differ from {}: {:?} there, {:?} here",
                reference.file,
                cards(reference),
                cards(page)
            ),
        );
    }
}

/// The same review dates, kind, order, menus, generated part and sources;
/// diagnosis codes only on the reference page.
fn front_matter_agrees(reference: &Page, page: &Page, problems: &mut Problems) {
    for (key, same) in [
        (
            "last_reviewed",
            reference.last_reviewed == page.last_reviewed,
        ),
        ("next_review", reference.next_review == page.next_review),
        ("kind", reference.front.kind == page.front.kind),
        ("order", reference.front.order == page.front.order),
        ("menu", reference.front.menu == page.front.menu),
        (
            "generated",
            reference.front.generated == page.front.generated,
        ),
        ("sources", reference.front.sources == page.front.sources),
    ] {
        if !same {
            problems.error(
                &page.file,
                page.line_of_key(key),
                format!(
                    "`{key}` differs from {}:{}",
                    reference.file,
                    reference.line_of_key(key)
                ),
            );
        }
    }
    if !page.front.codes.is_empty() {
        problems.error(
            &page.file,
            page.line_of_key("codes"),
            format!("diagnosis codes are mapped once, in {}", reference.file),
        );
    }
}
