//! Markdown to HTML with pulldown-cmark, plus what the site adds: stable
//! heading ids, care cards, glossary links, and the facts `check` needs
//! (headings, links, reading level).

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::readability::{Counter, TextStats};

/// The kinds of care card, as written after `:::` in Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CareCard {
    Emergency,
    Urgent,
    NonUrgent,
}

impl CareCard {
    fn parse(name: &str) -> Option<Self> {
        match name {
            "emergency" => Some(Self::Emergency),
            "urgent" => Some(Self::Urgent),
            "non-urgent" => Some(Self::NonUrgent),
            _ => None,
        }
    }

    /// The CSS modifier.
    pub fn class(self) -> &'static str {
        match self {
            Self::Emergency => "emergency",
            Self::Urgent => "urgent",
            Self::NonUrgent => "non-urgent",
        }
    }

    /// Heard before the card's heading by screen-reader users.
    pub fn hidden_prefix(self) -> &'static str {
        match self {
            Self::Emergency => "Immediate action required: ",
            Self::Urgent => "Urgent advice: ",
            Self::NonUrgent => "Non-urgent advice: ",
        }
    }
}

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

/// A root-relative link found on a page.
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

/// A rendered page body and what was learnt while rendering it.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    pub text: TextStats,
    /// Every `##` section with its first paragraph.
    pub sections: Vec<SectionText>,
    pub problems: Vec<MarkdownProblem>,
}

/// Things a page's rendering depends on besides its own Markdown.
pub struct RenderContext<'a> {
    pub emergency_number: &'a str,
    /// Glossary id to the phrases that link to it; empty on the glossary itself.
    pub glossary: &'a BTreeMap<String, Vec<String>>,
}

/// Placeholder in Markdown for the configured emergency number.
pub const EMERGENCY_PLACEHOLDER: &str = "{{emergency_number}}";

/// Turns `::: kind` ... `:::` fences into HTML blocks, line by line, keeping a
/// map from output lines back to the file's lines.
fn expand_cards(
    body: &str,
    first_line: usize,
    problems: &mut Vec<MarkdownProblem>,
) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(body.len() + 256);
    let mut line_map = Vec::new();
    let mut open: Option<usize> = None;
    let push = |out: &mut String, map: &mut Vec<usize>, text: &str, line: usize| {
        out.push_str(text);
        out.push('\n');
        map.push(line);
    };
    for (i, raw) in body.lines().enumerate() {
        let line = first_line + i;
        let trimmed = raw.trim();
        if let Some(rest) = trimmed.strip_prefix(":::") {
            let name = rest.trim();
            if name.is_empty() {
                if open.take().is_none() {
                    problems.push(MarkdownProblem {
                        line,
                        message: "`:::` closes a care card that was never opened".into(),
                    });
                    continue;
                }
                push(&mut out, &mut line_map, "", line);
                push(&mut out, &mut line_map, "</div>", line);
                push(&mut out, &mut line_map, "", line);
            } else if let Some(kind) = CareCard::parse(name) {
                if let Some(start) = open.replace(line) {
                    problems.push(MarkdownProblem {
                        line,
                        message: format!(
                            "care card opened at line {start} is not closed before this one"
                        ),
                    });
                }
                push(&mut out, &mut line_map, "", line);
                push(
                    &mut out,
                    &mut line_map,
                    &format!("<div class=\"care-card care-card--{}\">", kind.class()),
                    line,
                );
                push(&mut out, &mut line_map, "", line);
            } else {
                problems.push(MarkdownProblem {
                    line,
                    message: format!(
                        "unknown care card {name:?}: use emergency, urgent or non-urgent"
                    ),
                });
            }
            continue;
        }
        push(&mut out, &mut line_map, raw, line);
    }
    if let Some(start) = open {
        problems.push(MarkdownProblem {
            line: start,
            message: "care card is not closed: add a `:::` line".into(),
        });
    }
    (out, line_map)
}

/// Lowercase, alphanumerics kept, every other run turned into one hyphen.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        "section".into()
    } else {
        slug
    }
}

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Finds the first whole-word match of `phrase` in `text`: case-insensitive,
/// except acronyms ("PAD"), which must match exactly so "heating pad" stays plain.
fn find_phrase(text: &str, phrase: &str) -> Option<Range<usize>> {
    let is_acronym =
        phrase.chars().any(char::is_alphabetic) && !phrase.chars().any(char::is_lowercase);
    let (lower, needle) = if is_acronym {
        (text.to_string(), phrase.to_string())
    } else {
        (text.to_lowercase(), phrase.to_lowercase())
    };
    // Lowercasing can change byte lengths outside ASCII; only match when it did not.
    if lower.len() != text.len() {
        return None;
    }
    let mut from = 0;
    while let Some(pos) = lower[from..].find(&needle) {
        let start = from + pos;
        let end = start + needle.len();
        let before_ok = lower[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = lower[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            return Some(start..end);
        }
        from = start + 1;
        while !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

fn line_of(offsets: &[usize], line_map: &[usize], byte: usize) -> usize {
    let idx = match offsets.binary_search(&byte) {
        Ok(i) => i,
        Err(i) => i.saturating_sub(1),
    };
    line_map.get(idx).copied().unwrap_or(1)
}

/// A heading whose events are held until its end, to derive its id from its text.
struct PendingHeading<'a> {
    level: HeadingLevel,
    explicit: Option<CowStr<'a>>,
    classes: Vec<CowStr<'a>>,
    attrs: Vec<(CowStr<'a>, Option<CowStr<'a>>)>,
    line: usize,
    inner: Vec<Event<'a>>,
}

/// Renders a page body. `first_line` is the file line the body starts on.
pub fn render(body: &str, first_line: usize, ctx: &RenderContext<'_>) -> Rendered {
    let mut problems = Vec::new();
    let (source, line_map) = expand_cards(body, first_line, &mut problems);
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_at = |byte: usize| line_of(&line_starts, &line_map, byte);

    let options = Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_SMART_PUNCTUATION;
    let parser = Parser::new_ext(&source, options).into_offset_iter();

    let mut events: Vec<Event<'_>> = Vec::new();
    let mut headings = Vec::new();
    let mut links = Vec::new();
    let mut used_ids: HashSet<String> = HashSet::new();
    let mut counter = Counter::default();
    let mut linked_terms: HashSet<&str> = HashSet::new();

    // State while walking the events.
    let mut heading: Option<PendingHeading<'_>> = None;
    let mut card: Option<CareCard> = None;
    let mut card_heading_pending = false;
    let mut in_link = 0usize;
    let mut in_code_block = false;
    let mut sections: Vec<SectionText> = Vec::new();
    let mut paragraph: Option<String> = None;

    for (event, range) in parser {
        // Collect a heading's events until its end, to derive its id.
        if let Some(h) = heading.as_mut() {
            match event {
                Event::End(TagEnd::Heading(_)) => {
                    let PendingHeading {
                        level,
                        explicit,
                        classes,
                        attrs,
                        line,
                        inner,
                    } = heading.take().expect("inside a heading");
                    let text: String = inner
                        .iter()
                        .filter_map(|e| match e {
                            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                            _ => None,
                        })
                        .collect::<String>()
                        .replace(EMERGENCY_PLACEHOLDER, ctx.emergency_number);
                    let id = match explicit {
                        Some(id) => {
                            let id = id.to_string();
                            if !used_ids.insert(id.clone()) {
                                problems.push(MarkdownProblem {
                                    line,
                                    message: format!("heading id #{id} is used twice on this page"),
                                });
                            }
                            id
                        }
                        None => {
                            let base = slugify(&text);
                            let mut id = base.clone();
                            let mut n = 2;
                            while !used_ids.insert(id.clone()) {
                                id = format!("{base}-{n}");
                                n += 1;
                            }
                            id
                        }
                    };
                    counter.add_text(&text);
                    counter.end_block();
                    let level_n = level as u8;
                    if level_n == 2 {
                        sections.push(SectionText {
                            id: id.clone(),
                            title: text.clone(),
                            summary: String::new(),
                        });
                    }
                    headings.push(Heading {
                        level: level_n,
                        id: id.clone(),
                        text: text.clone(),
                        line,
                    });
                    events.push(Event::Start(Tag::Heading {
                        level,
                        id: Some(id.into()),
                        classes,
                        attrs,
                    }));
                    if std::mem::take(&mut card_heading_pending)
                        && let Some(kind) = card
                    {
                        events.push(Event::InlineHtml(
                            format!(
                                "<span class=\"visually-hidden\">{}</span>",
                                kind.hidden_prefix()
                            )
                            .into(),
                        ));
                    }
                    for e in inner {
                        events.push(match e {
                            Event::Text(t) if t.contains(EMERGENCY_PLACEHOLDER) => Event::Text(
                                t.replace(EMERGENCY_PLACEHOLDER, ctx.emergency_number)
                                    .into(),
                            ),
                            other => other,
                        });
                    }
                    events.push(Event::End(TagEnd::Heading(level)));
                }
                other => h.inner.push(other),
            }
            continue;
        }

        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                heading = Some(PendingHeading {
                    level,
                    explicit: id,
                    classes,
                    attrs,
                    line: line_at(range.start),
                    inner: Vec::new(),
                });
            }
            Event::Html(ref html) if html.starts_with("<div class=\"care-card care-card--") => {
                let class = html.trim_start_matches("<div class=\"care-card care-card--");
                card = [CareCard::Emergency, CareCard::Urgent, CareCard::NonUrgent]
                    .into_iter()
                    .find(|k| class.starts_with(&format!("{}\"", k.class())));
                card_heading_pending = true;
                events.push(event);
            }
            Event::Html(ref html) if html.trim() == "</div>" && card.is_some() => {
                if card_heading_pending {
                    problems.push(MarkdownProblem {
                        line: line_at(range.start),
                        message: "a care card must start with a `###` heading".into(),
                    });
                }
                card = None;
                card_heading_pending = false;
                events.push(event);
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                problems.push(MarkdownProblem {
                    line: line_at(range.start),
                    message: "raw HTML is not allowed in content; use Markdown".into(),
                });
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                in_link += 1;
                let url = dest_url.to_string();
                let line = line_at(range.start);
                if url.starts_with('/') && !url.starts_with("//") {
                    links.push(Link { url, line });
                } else if !url.starts_with('#') {
                    problems.push(MarkdownProblem {
                        line,
                        message: format!("link to {url:?}: link only to pages of this site, with a path starting with /"),
                    });
                } else {
                    links.push(Link { url, line });
                }
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) => {
                in_link = in_link.saturating_sub(1);
                events.push(event);
            }
            Event::Start(Tag::Image { .. }) => {
                problems.push(MarkdownProblem {
                    line: line_at(range.start),
                    message: "images are not supported in content".into(),
                });
                events.push(event);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                in_code_block = true;
                events.push(event);
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                events.push(event);
            }
            Event::Start(Tag::Paragraph) => {
                paragraph = Some(String::new());
                events.push(event);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                if let (Some(text), Some(section)) = (paragraph.take(), sections.last_mut())
                    && section.summary.is_empty()
                {
                    section.summary = text.trim().to_string();
                }
                counter.end_block();
                events.push(event);
            }
            Event::Code(ref code) => {
                // Code spans (addresses, field names) are not prose: no grade.
                if let Some(p) = paragraph.as_mut() {
                    p.push_str(code);
                }
                events.push(event);
            }
            Event::Text(text) => {
                let text: CowStr<'_> = if text.contains(EMERGENCY_PLACEHOLDER) {
                    text.replace(EMERGENCY_PLACEHOLDER, ctx.emergency_number)
                        .into()
                } else {
                    text
                };
                if let Some(p) = paragraph.as_mut() {
                    p.push_str(&text);
                }
                if in_code_block {
                    events.push(Event::Text(text));
                    continue;
                }
                counter.add_text(&text);
                if in_link > 0 || ctx.glossary.is_empty() {
                    events.push(Event::Text(text));
                    continue;
                }
                link_terms(&text, ctx.glossary, &mut linked_terms, &mut events);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = paragraph.as_mut() {
                    p.push(' ');
                }
                counter.add_text(" ");
                events.push(event);
            }
            other => events.push(other),
        }
    }

    let mut html = String::with_capacity(source.len() * 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered {
        html,
        headings,
        links,
        text: counter.stats(),
        sections,
        problems,
    }
}

/// Links the first use on the page of each glossary term found in `text`.
fn link_terms<'g>(
    text: &str,
    glossary: &'g BTreeMap<String, Vec<String>>,
    linked: &mut HashSet<&'g str>,
    events: &mut Vec<Event<'_>>,
) {
    let mut rest = text;
    loop {
        let best = glossary
            .iter()
            .filter(|(id, _)| !linked.contains(id.as_str()))
            .flat_map(|(id, phrases)| {
                phrases
                    .iter()
                    .filter_map(move |p| find_phrase(rest, p).map(|r| (r, id.as_str())))
            })
            .min_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        let Some((range, id)) = best else { break };
        linked.insert(id);
        if range.start > 0 {
            events.push(Event::Text(rest[..range.start].to_string().into()));
        }
        events.push(Event::InlineHtml(
            format!("<a class=\"term\" href=\"/glossary#{}\">", escape_html(id)).into(),
        ));
        events.push(Event::Text(rest[range.clone()].to_string().into()));
        events.push(Event::InlineHtml("</a>".into()));
        rest = &rest[range.end..];
    }
    if !rest.is_empty() {
        events.push(Event::Text(rest.to_string().into()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_plain(md: &str) -> Rendered {
        let glossary = BTreeMap::new();
        render(
            md,
            10,
            &RenderContext {
                emergency_number: "911",
                glossary: &glossary,
            },
        )
    }

    #[test]
    fn headings_get_explicit_ids_slugs_and_numbered_duplicates() {
        let r = render_plain(
            "## Leg cramps {#nighttime-leg-cramps}\n\n## What helps\n\n## What helps\n",
        );
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["nighttime-leg-cramps", "what-helps", "what-helps-2"]);
        assert!(
            r.html
                .contains("<h2 id=\"nighttime-leg-cramps\">Leg cramps</h2>"),
            "{}",
            r.html
        );
        assert_eq!(r.headings[1].line, 12);
    }

    #[test]
    fn each_h2_section_keeps_its_first_paragraph_as_a_summary() {
        let r = render_plain(
            "Intro.\n\n## Cramps {#cramps}\n\nA cramp is a [tight](/x) muscle.\n\nMore.\n\n### Sub\n\n## Empty\n",
        );
        assert_eq!(r.sections.len(), 2);
        assert_eq!(
            r.sections[0],
            SectionText {
                id: "cramps".into(),
                title: "Cramps".into(),
                summary: "A cramp is a tight muscle.".into()
            }
        );
        assert_eq!(r.sections[1].summary, "");
    }

    #[test]
    fn slugs_are_lowercase_and_hyphenated() {
        assert_eq!(
            slugify("Blood tests & scans: X-ray"),
            "blood-tests-scans-x-ray"
        );
        assert_eq!(slugify("???"), "section");
    }

    #[test]
    fn care_cards_render_as_boxes_with_a_hidden_prefix() {
        let r = render_plain(
            "Intro.\n\n::: emergency\n### Call {{emergency_number}} now if\n- one leg is swollen\n:::\n\nAfter.\n",
        );
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert!(
            r.html
                .contains("<div class=\"care-card care-card--emergency\">"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(
                "<span class=\"visually-hidden\">Immediate action required: </span>Call 911 now if"
            ),
            "{}",
            r.html
        );
        assert!(r.html.contains("<li>one leg is swollen</li>"));
        assert!(r.html.contains("<p>After.</p>"));
    }

    #[test]
    fn an_unknown_card_and_an_unclosed_card_are_problems_with_lines() {
        let r = render_plain("::: danger\n### X\n:::\n");
        assert_eq!(r.problems[0].line, 10);
        let r = render_plain("text\n\n::: urgent\n### X\n");
        assert_eq!(r.problems[0].line, 12);
        assert!(r.problems[0].message.contains("not closed"));
    }

    #[test]
    fn links_are_collected_with_lines_and_outside_links_refused() {
        let r = render_plain("See [causes](/causes#arthritis).\n\nAnd [x](https://example.com).\n");
        assert_eq!(
            r.links,
            vec![Link {
                url: "/causes#arthritis".into(),
                line: 10
            }]
        );
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].line, 12);
    }

    #[test]
    fn raw_html_is_refused() {
        let r = render_plain("Hello <b>there</b>\n");
        assert!(!r.problems.is_empty());
        assert!(
            r.problems
                .iter()
                .all(|p| p.line == 10 && p.message.contains("raw HTML"))
        );
    }

    #[test]
    fn first_use_of_a_glossary_term_is_linked_once() {
        let mut glossary = BTreeMap::new();
        glossary.insert(
            "deep-vein-thrombosis".to_string(),
            vec!["deep vein thrombosis".to_string(), "DVT".to_string()],
        );
        let r = render(
            "## DVT\n\nA clot (DVT) is serious. DVT again.\n",
            1,
            &RenderContext {
                emergency_number: "911",
                glossary: &glossary,
            },
        );
        assert_eq!(
            r.html
                .matches("href=\"/glossary#deep-vein-thrombosis\"")
                .count(),
            1,
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains("(<a class=\"term\" href=\"/glossary#deep-vein-thrombosis\">DVT</a>)")
        );
    }

    #[test]
    fn glossary_terms_match_whole_words_only() {
        assert_eq!(find_phrase("padding pad", "pad"), Some(8..11));
        assert_eq!(find_phrase("nothing", "pad"), None);
        assert_eq!(find_phrase("a heating pad, then PAD", "PAD"), Some(20..23));
    }

    #[test]
    fn code_spans_do_not_count_towards_the_grade() {
        let with = render_plain("Link to `/when-to-seek-help#emergency-department-information`.\n");
        let without = render_plain("Link to.\n");
        assert_eq!(with.text, without.text);
    }
}
