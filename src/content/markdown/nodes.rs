//! What the stages pass along and what they produce: nodes with their
//! lines, headings, links, sections, cards and the rendered page. Every
//! stage uses these; none of them uses a stage.

use std::collections::BTreeMap;

use pulldown_cmark::Event;

use crate::content::readability::{Method, TextStats};
use crate::triage::CareCard;

/// One step of a page body: a pulldown-cmark event, or a link the site made.
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    Event(Event<'a>),
    /// A link to one of the site's pages (`href` is language-neutral) or a
    /// fragment on this page; `term` for a glossary link.
    LinkStart {
        href: String,
        term: bool,
    },
    LinkEnd,
    /// The emergency number (the `{{emergency_number}}` placeholder): text
    /// to every stage, and a `tel:` link in the HTML.
    Phone(String),
}

/// A node with the line of the file it came from.
pub type Lined<'a> = (Node<'a>, usize);

/// A heading on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
    pub line: usize,
}

/// A `##` section's text, for summaries (FAQ answers, diagnosis-code links).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SectionText {
    pub id: String,
    pub title: String,
    /// The section's first paragraph.
    pub summary: String,
}

/// The plain text under one heading, up to the next heading of any level:
/// what the site's search finds a section by.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Passage {
    pub id: String,
    pub title: String,
    pub level: u8,
    pub text: String,
}

/// A link found on a page: a language-neutral path (with any fragment), or a fragment.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub url: String,
    pub line: usize,
}

/// A problem in a page's Markdown, with its line in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkdownProblem {
    pub line: usize,
    pub message: String,
}

/// HTML for the site, and for its embedded copy.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Html {
    pub full: String,
    pub embed: String,
}

impl Html {
    /// The HTML for the site (`embed = false`) or for an embed.
    pub fn get(&self, embed: &bool) -> &str {
        if *embed { &self.embed } else { &self.full }
    }
}

/// One warning sign in a generated card: the rule it belongs to and its words.
#[derive(Debug, Clone, PartialEq)]
pub struct Sign {
    pub rule: String,
    pub text: String,
}

/// What a care card holds.
#[derive(Debug, Clone, PartialEq)]
pub enum CardBody {
    Html(Html),
    /// The warning signs of one urgency level, from the rules.
    Signs(Vec<Sign>),
}

/// A part of a page body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Html(Html),
    /// A care card: its heading is shown after a visually hidden prefix.
    Card {
        kind: CareCard,
        heading: Heading,
        /// The heading's words as HTML (the emergency number a `tel:` link).
        heading_html: String,
        body: CardBody,
    },
}

/// A generated warning-sign card: its heading and its signs.
#[derive(Debug, Clone, PartialEq)]
pub struct SignsCard {
    pub kind: CareCard,
    pub heading: String,
    /// The heading as HTML (the emergency number a `tel:` link).
    pub heading_html: String,
    pub signs: Vec<Sign>,
}

/// A rendered page body and what was learnt while rendering it.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub blocks: Vec<Block>,
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    /// Every `##` section with its first paragraph.
    pub sections: Vec<SectionText>,
    /// The plain text before the first heading.
    pub intro: String,
    /// Every heading with the plain text under it.
    pub passages: Vec<Passage>,
    pub text: TextStats,
    pub problems: Vec<MarkdownProblem>,
}

/// Glossary term id to the phrases that link to it.
pub type Glossary = BTreeMap<String, Vec<String>>;

/// Things a page's rendering depends on besides its own Markdown.
pub struct RenderContext<'a> {
    /// `{{name}}` placeholders and their values.
    pub placeholders: &'a [(&'a str, &'a str)],
    /// Empty on the glossary page itself.
    pub glossary: &'a Glossary,
    /// The warning-sign card for an urgency level name (`emergency`, `urgent`, `routine`).
    pub signs: &'a dyn Fn(&str) -> Option<SignsCard>,
    /// The page's language: `""` or `/es`, put before every page link.
    pub lang_prefix: &'a str,
    /// Said after each glossary link's words, for screen readers: "word list".
    pub term_note: &'a str,
    /// How the language's reading level is counted.
    pub method: Method,
}
