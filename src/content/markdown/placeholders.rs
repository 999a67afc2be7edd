//! Stage 2: `{{name}}` placeholders in text, such as `{{emergency_number}}`.

use pulldown_cmark::Event;

use super::nodes::{Lined, MarkdownProblem, Node};

/// The placeholder that is the emergency number: it becomes a `tel:` link.
pub const EMERGENCY_NUMBER: &str = "emergency_number";

/// Replaces every `{{name}}` in text with its value; an unknown name is a
/// problem. The emergency number becomes a [`Node::Phone`] of its own.
pub fn fill(
    nodes: &mut Vec<Lined<'_>>,
    values: &[(&str, &str)],
    problems: &mut Vec<MarkdownProblem>,
) {
    if !nodes
        .iter()
        .any(|(n, _)| matches!(n, Node::Event(Event::Text(t)) if t.contains("{{")))
    {
        return;
    }
    let mut out = Vec::with_capacity(nodes.len());
    for (node, line) in nodes.drain(..) {
        match node {
            Node::Event(Event::Text(text)) if text.contains("{{") => {
                fill_text(&text, line, values, &mut out, problems);
            }
            other => out.push((other, line)),
        }
    }
    *nodes = out;
}

fn fill_text(
    text: &str,
    line: usize,
    values: &[(&str, &str)],
    out: &mut Vec<Lined<'_>>,
    problems: &mut Vec<MarkdownProblem>,
) {
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    let flush = |plain: &mut String, out: &mut Vec<Lined<'_>>| {
        if !plain.is_empty() {
            out.push((Node::Event(Event::Text(std::mem::take(plain).into())), line));
        }
    };
    while let Some(start) = rest.find("{{") {
        plain.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            plain.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let name = after[..end].trim();
        match values.iter().find(|(n, _)| *n == name) {
            Some((n, value)) if *n == EMERGENCY_NUMBER => {
                flush(&mut plain, out);
                out.push((Node::Phone((*value).to_string()), line));
            }
            Some((_, value)) => plain.push_str(value),
            None => {
                problems.push(MarkdownProblem {
                    line,
                    message: format!(
                        "unknown placeholder {{{{{name}}}}}: the known ones are {:?}",
                        values.iter().map(|(n, _)| *n).collect::<Vec<_>>()
                    ),
                });
                plain.push_str(&rest[start..start + 4 + end]);
            }
        }
        rest = &after[end + 2..];
    }
    plain.push_str(rest);
    flush(&mut plain, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_unknown_ones_reported() {
        let mut nodes = vec![(
            Node::Event(Event::Text("Call {{emergency_number}} or {{nope}}.".into())),
            4,
        )];
        let mut problems = Vec::new();
        fill(
            &mut nodes,
            &[("emergency_number", "112"), ("site", "Legs")],
            &mut problems,
        );
        let kinds: Vec<_> = nodes.iter().map(|(n, _)| n.clone()).collect();
        assert_eq!(
            kinds,
            [
                Node::Event(Event::Text("Call ".into())),
                Node::Phone("112".into()),
                Node::Event(Event::Text(" or {{nope}}.".into())),
            ]
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 4);
        let mut nodes = vec![(Node::Event(Event::Text("At {{site}}.".into())), 2)];
        fill(&mut nodes, &[("site", "Legs")], &mut problems);
        assert_eq!(nodes[0].0, Node::Event(Event::Text("At Legs.".into())));
    }
}
