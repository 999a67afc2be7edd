//! Stage 5: the first use on a page of each glossary term links to the word list.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::nodes::{Glossary, Lined, Node};

/// Links the first use on the page of each term, outside headings, links and code.
pub fn link_terms<'a>(
    nodes: &mut Vec<Lined<'a>>,
    glossary: &Glossary,
    linked: &mut HashSet<String>,
) {
    if glossary.is_empty() {
        return;
    }
    let mut out = Vec::with_capacity(nodes.len());
    let (mut in_link, mut in_heading, mut in_code) = (false, false, false);
    for (node, line) in nodes.drain(..) {
        match &node {
            Node::LinkStart { .. } => in_link = true,
            Node::LinkEnd => in_link = false,
            Node::Event(Event::Start(Tag::Heading { .. })) => in_heading = true,
            Node::Event(Event::End(TagEnd::Heading(_))) => in_heading = false,
            Node::Event(Event::Start(Tag::CodeBlock(_))) => in_code = true,
            Node::Event(Event::End(TagEnd::CodeBlock)) => in_code = false,
            Node::Event(Event::Text(text)) if !(in_link || in_heading || in_code) => {
                split_terms(text, glossary, linked, line, &mut out);
                continue;
            }
            _ => {}
        }
        out.push((node, line));
    }
    *nodes = out;
}

fn split_terms<'a>(
    text: &str,
    glossary: &Glossary,
    linked: &mut HashSet<String>,
    line: usize,
    out: &mut Vec<Lined<'a>>,
) {
    let mut rest = text;
    loop {
        // Lower-cased once for every phrase (there are dozens per language).
        let lower = rest.to_lowercase();
        let best = glossary
            .iter()
            .filter(|(id, _)| !linked.contains(id.as_str()))
            .flat_map(|(id, phrases)| {
                let lower = &lower;
                phrases
                    .iter()
                    .filter_map(move |p| find_in(rest, lower, p).map(|r| (r, id)))
            })
            .min_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        let Some((range, id)) = best else { break };
        linked.insert(id.clone());
        if range.start > 0 {
            out.push((
                Node::Event(Event::Text(rest[..range.start].to_string().into())),
                line,
            ));
        }
        out.push((
            Node::LinkStart {
                href: format!("/glossary#{id}"),
                term: true,
            },
            line,
        ));
        out.push((
            Node::Event(Event::Text(rest[range.clone()].to_string().into())),
            line,
        ));
        out.push((Node::LinkEnd, line));
        rest = &rest[range.end..];
    }
    if !rest.is_empty() {
        out.push((Node::Event(Event::Text(rest.to_string().into())), line));
    }
}

/// The first whole-word match of `phrase` in `text`: case-insensitive, except
/// acronyms ("PAD"), which must match exactly so "heating pad" stays plain.
pub fn find_phrase(text: &str, phrase: &str) -> Option<Range<usize>> {
    find_in(text, &text.to_lowercase(), phrase)
}

/// [`find_phrase`], with `lower` the text already lower-cased.
fn find_in(text: &str, lower: &str, phrase: &str) -> Option<Range<usize>> {
    let is_acronym =
        phrase.chars().any(char::is_alphabetic) && !phrase.chars().any(char::is_lowercase);
    let lowered;
    let (haystack, needle) = if is_acronym {
        (text, phrase)
    } else if phrase.chars().any(char::is_uppercase) {
        lowered = phrase.to_lowercase();
        (lower, lowered.as_str())
    } else {
        // Most phrases are written lower-case already: no copy to make.
        (lower, phrase)
    };
    // Lowercasing can change byte lengths outside ASCII; only match when it did not.
    if haystack.len() != text.len() {
        return None;
    }
    haystack
        .match_indices(needle)
        .map(|(start, m)| start..start + m.len())
        .find(|r| {
            let before_ok = haystack[..r.start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = haystack[r.end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            before_ok && after_ok
        })
}

#[cfg(test)]
mod tests {
    use super::super::{Block, Glossary, render, test_context};
    use super::*;

    #[test]
    fn a_term_that_is_a_whole_list_item_is_marked_as_a_target_of_its_own() {
        let mut glossary = Glossary::new();
        glossary.insert("sciatica".into(), vec!["sciatica".into()]);
        glossary.insert("arthritis".into(), vec!["arthritis".into()]);
        let r = render(
            "- sciatica\n- pain from arthritis\n",
            1,
            &test_context(&glossary, &|_| None),
        );
        let Block::Html(html) = &r.blocks[0] else {
            panic!()
        };
        assert!(
            html.full
                .contains("<li><a class=\"term alone\" href=\"/glossary#sciatica\">"),
            "{}",
            html.full
        );
        assert!(
            html.full
                .contains("from <a class=\"term\" href=\"/glossary#arthritis\">"),
            "{}",
            html.full
        );
    }

    #[test]
    fn first_use_of_a_glossary_term_is_linked_once_and_never_in_headings() {
        let mut glossary = Glossary::new();
        glossary.insert(
            "deep-vein-thrombosis".into(),
            vec!["deep vein thrombosis".into(), "DVT".into()],
        );
        let r = render(
            "## DVT\n\nA clot (DVT) is serious. DVT again.\n",
            1,
            &test_context(&glossary, &|_| None),
        );
        let Block::Html(html) = &r.blocks[0] else {
            panic!()
        };
        assert_eq!(
            html.full
                .matches("href=\"/glossary#deep-vein-thrombosis\"")
                .count(),
            1,
            "{}",
            html.full
        );
        assert!(
            html.full
                .contains("(<a class=\"term\" href=\"/glossary#deep-vein-thrombosis\">DVT<span class=\"visually-hidden\"> (word list)</span></a>)"),
            "{}",
            html.full
        );
        assert!(html.full.contains("<h2 id=\"dvt\">DVT</h2>"));
    }

    #[test]
    fn glossary_terms_match_whole_words_only() {
        assert_eq!(find_phrase("padding pad", "pad"), Some(8..11));
        assert_eq!(find_phrase("nothing", "pad"), None);
        assert_eq!(find_phrase("a heating pad, then PAD", "PAD"), Some(20..23));
        assert_eq!(
            find_phrase("Trombosis venosa", "trombosis venosa"),
            Some(0..16)
        );
    }
}
