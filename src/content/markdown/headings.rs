//! Stage 3: heading ids. `## Text {#id}` keeps its id; others get a slug of
//! their text (the `slug` crate), numbered when it repeats on the page.

use std::collections::HashSet;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::nodes::{Heading, Lined, MarkdownProblem, Node};

/// Gives every heading an id; returns the headings in order.
pub fn assign_ids(
    nodes: &mut [Lined<'_>],
    used: &mut HashSet<String>,
    problems: &mut Vec<MarkdownProblem>,
) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut i = 0;
    while i < nodes.len() {
        let (Node::Event(Event::Start(Tag::Heading { level, id, .. })), line) = &nodes[i] else {
            i += 1;
            continue;
        };
        let (level, explicit, line) = (*level, id.as_ref().map(|s| s.to_string()), *line);
        let end = nodes[i..]
            .iter()
            .position(|(n, _)| matches!(n, Node::Event(Event::End(TagEnd::Heading(_)))))
            .map_or(nodes.len(), |p| i + p);
        let text = plain_text(&nodes[i + 1..end]);
        let heading = add(
            used,
            level as u8,
            explicit.as_deref(),
            &text,
            line,
            problems,
        );
        if let (Node::Event(Event::Start(Tag::Heading { id, .. })), _) = &mut nodes[i] {
            *id = Some(heading.id.clone().into());
        }
        headings.push(heading);
        i = end + 1;
    }
    headings
}

/// A heading with a unique id: the explicit one, or a numbered slug of its text.
pub fn add(
    used: &mut HashSet<String>,
    level: u8,
    explicit: Option<&str>,
    text: &str,
    line: usize,
    problems: &mut Vec<MarkdownProblem>,
) -> Heading {
    let id = match explicit {
        Some(id) => {
            if !used.insert(id.to_string()) {
                problems.push(MarkdownProblem {
                    line,
                    message: format!("heading id #{id} is used twice on this page"),
                });
            }
            id.to_string()
        }
        None => {
            let base = match slug::slugify(text) {
                s if s.is_empty() => "section".to_string(),
                s => s,
            };
            let mut id = base.clone();
            let mut n = 2;
            while !used.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            id
        }
    };
    Heading {
        level,
        id,
        text: text.to_string(),
        line,
    }
}

/// Removes the first heading of `level` from the start of `nodes` and returns it
/// (a care card's heading, shown by the card itself).
/// The words of some nodes, the emergency number included.
fn plain_text(nodes: &[Lined<'_>]) -> String {
    nodes
        .iter()
        .filter_map(|(n, _)| match n {
            Node::Event(Event::Text(t) | Event::Code(t)) => Some(t.as_ref()),
            Node::Phone(number) => Some(number.as_str()),
            _ => None,
        })
        .collect()
}

/// Takes the first node's heading off the front of `nodes` when it is a
/// heading of `level`: the heading, and the nodes inside it (for its HTML).
pub fn take_first<'a>(nodes: &mut Vec<Lined<'a>>, level: u8) -> Option<(Heading, Vec<Lined<'a>>)> {
    let (Node::Event(Event::Start(Tag::Heading { level: l, id, .. })), line) = nodes.first()?
    else {
        return None;
    };
    if *l as u8 != level {
        return None;
    }
    let (id, line) = (id.as_ref()?.to_string(), *line);
    let end = nodes
        .iter()
        .position(|(n, _)| matches!(n, Node::Event(Event::End(TagEnd::Heading(_)))))?;
    let text = plain_text(&nodes[1..end]);
    let mut taken: Vec<Lined<'a>> = nodes.drain(..=end).collect();
    taken.pop();
    taken.remove(0);
    Some((
        Heading {
            level,
            id,
            text,
            line,
        },
        taken,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::{Glossary, render, test_context};

    #[test]
    fn headings_get_explicit_ids_slugs_and_numbered_duplicates() {
        let glossary = Glossary::new();
        let r = render(
            "## Leg cramps {#nighttime-leg-cramps}\n\n## What helps\n\n## What helps\n\n## Blood tests & scans: X-ray\n\n## ???\n",
            10,
            &test_context(&glossary, &|_| None),
        );
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "nighttime-leg-cramps",
                "what-helps",
                "what-helps-2",
                "blood-tests-scans-x-ray",
                "section"
            ]
        );
        assert_eq!(r.headings[1].line, 12);
        let super::super::Block::Html(html) = &r.blocks[0] else {
            panic!()
        };
        assert!(
            html.full
                .contains("<h2 id=\"nighttime-leg-cramps\">Leg cramps</h2>"),
            "{}",
            html.full
        );
    }

    #[test]
    fn an_explicit_id_used_twice_is_a_problem() {
        let glossary = Glossary::new();
        let r = render(
            "## A {#x}\n\n## B {#x}\n",
            1,
            &test_context(&glossary, &|_| None),
        );
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].line, 3);
    }
}
