//! Stage 2: `{{name}}` placeholders in text, such as `{{emergency_number}}`.

use pulldown_cmark::Event;

use super::{Lined, MarkdownProblem, Node};

/// Replaces every `{{name}}` in text with its value; an unknown name is a problem.
pub fn fill(nodes: &mut [Lined<'_>], values: &[(&str, &str)], problems: &mut Vec<MarkdownProblem>) {
    for (node, line) in nodes.iter_mut() {
        let Node::Event(Event::Text(text)) = node else {
            continue;
        };
        if !text.contains("{{") {
            continue;
        }
        let mut out = String::with_capacity(text.len());
        let mut rest: &str = text;
        while let Some(start) = rest.find("{{") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let Some(end) = after.find("}}") else {
                out.push_str(&rest[start..]);
                rest = "";
                break;
            };
            let name = after[..end].trim();
            match values.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(value),
                None => {
                    problems.push(MarkdownProblem {
                        line: *line,
                        message: format!(
                            "unknown placeholder {{{{{name}}}}}: the known ones are {:?}",
                            values.iter().map(|(n, _)| *n).collect::<Vec<_>>()
                        ),
                    });
                    out.push_str(&rest[start..start + 4 + end]);
                }
            }
            rest = &after[end + 2..];
        }
        out.push_str(rest);
        *node = Node::Event(Event::Text(out.into()));
    }
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
        fill(&mut nodes, &[("emergency_number", "112")], &mut problems);
        assert_eq!(
            nodes[0].0,
            Node::Event(Event::Text("Call 112 or {{nope}}.".into()))
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 4);
    }
}
