//! Stage 4: links. Content links only to the site's own pages, with a
//! root-relative path (`/causes#arthritis`) or a fragment (`#top`).

use pulldown_cmark::{Event, Tag, TagEnd};

use super::nodes::{Lined, Link, MarkdownProblem, Node};

/// Turns Markdown links into site links, collecting them; refuses outside links.
pub fn collect(nodes: &mut [Lined<'_>], problems: &mut Vec<MarkdownProblem>) -> Vec<Link> {
    let mut links = Vec::new();
    for (node, line) in nodes.iter_mut() {
        match node {
            Node::Event(Event::Start(Tag::Link { dest_url, .. })) => {
                let url = dest_url.to_string();
                let local =
                    (url.starts_with('/') && !url.starts_with("//")) || url.starts_with('#');
                if !local {
                    problems.push(MarkdownProblem {
                        line: *line,
                        message: format!("link to {url:?}: link only to pages of this site, with a path starting with /"),
                    });
                }
                links.push(Link {
                    url: url.clone(),
                    line: *line,
                });
                *node = Node::LinkStart {
                    href: url,
                    term: false,
                };
            }
            Node::Event(Event::End(TagEnd::Link)) => *node = Node::LinkEnd,
            _ => {}
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::super::{Glossary, Link, render, test_context};

    #[test]
    fn links_are_collected_with_lines_and_outside_links_refused() {
        let glossary = Glossary::new();
        let r = render(
            "See [causes](/causes#arthritis).\n\nAnd [x](https://example.com).\n",
            10,
            &test_context(&glossary, &|_| None),
        );
        assert_eq!(
            r.links[0],
            Link {
                url: "/causes#arthritis".into(),
                line: 10
            }
        );
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].line, 12);
    }
}
