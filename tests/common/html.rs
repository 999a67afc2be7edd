//! Reading pages: CSS selectors and visible text.

use scraper::{Html, Selector};

pub fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"));
    doc.select(&selector).collect()
}

pub fn text_of(el: &scraper::ElementRef<'_>) -> String {
    el.text()
        .collect::<Vec<_>>()
        .join("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Visible text of the whole document, whitespace-normalised.
pub fn page_text(doc: &Html) -> String {
    let body = select(doc, "body");
    text_of(&body[0])
}

pub fn has_id(doc: &Html, id: &str) -> bool {
    !select(doc, &format!("[id=\"{id}\"]")).is_empty()
}
