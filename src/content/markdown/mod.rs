//! Markdown to HTML with pulldown-cmark, in small stages:
//!
//! 1. [`blocks`]: care cards (`::: kind` ... `:::`) and warning-sign cards
//!    (`::: signs <level> {#id}`) split from the Markdown around them;
//! 2. parse, then [`placeholders`] (`{{emergency_number}}`);
//! 3. [`headings`]: stable ids, explicit or slugged, duplicates numbered;
//! 4. [`links`]: only this site's pages, collected with their lines;
//! 5. [`glossary`]: the first use of each glossary term links to it;
//! 6. [`collect`]: sections with their first paragraph, every heading's own
//!    text (for search), reading-level counts;
//! 7. [`html`]: the HTML, once for the site and once for embeds (where links
//!    open in the top window).
//!
//! Each stage works on a list of [`Node`]s and can be tested alone.

pub mod blocks;
pub mod collect;
pub mod glossary;
pub mod headings;
pub mod html;
pub mod links;
pub mod nodes;
pub mod placeholders;

use std::collections::HashSet;

use pulldown_cmark::{Options, Parser};

use super::readability::Counter;
use blocks::RawBlock;
pub use nodes::{
    Block, CardBody, Glossary, Heading, Html, Lined, Link, MarkdownProblem, Node, Passage,
    RenderContext, Rendered, SectionText, Sign, SignsCard,
};

/// State shared by a page's blocks: ids are unique and a term is linked once per page.
struct PageState {
    ids: HashSet<String>,
    linked_terms: HashSet<String>,
    counter: Counter,
    headings: Vec<Heading>,
    links: Vec<Link>,
    sections: Vec<SectionText>,
    passages: collect::Passages,
    problems: Vec<MarkdownProblem>,
}

/// Renders a page body. `first_line` is the file line the body starts on.
pub fn render(body: &str, first_line: usize, ctx: &RenderContext<'_>) -> Rendered {
    let mut page = PageState {
        ids: HashSet::new(),
        linked_terms: HashSet::new(),
        counter: Counter::new(ctx.method),
        headings: Vec::new(),
        links: Vec::new(),
        sections: Vec::new(),
        passages: collect::Passages::default(),
        problems: Vec::new(),
    };
    let (raw_blocks, problems) = blocks::split(body, first_line);
    page.problems.extend(problems);
    let mut out = Vec::new();
    for raw in raw_blocks {
        match raw {
            RawBlock::Markdown { text, first_line } => {
                let nodes = markdown_nodes(&text, first_line, ctx, &mut page);
                out.push(Block::Html(html::render(
                    &nodes,
                    ctx.lang_prefix,
                    ctx.term_note,
                )));
            }
            RawBlock::Card {
                kind,
                text,
                first_line,
            } => {
                let mut nodes = markdown_nodes(&text, first_line, ctx, &mut page);
                match headings::take_first(&mut nodes, 3) {
                    Some((heading, inner)) => out.push(Block::Card {
                        kind,
                        heading,
                        heading_html: html::render(&inner, ctx.lang_prefix, ctx.term_note).full,
                        body: CardBody::Html(html::render(&nodes, ctx.lang_prefix, ctx.term_note)),
                    }),
                    None => page.problems.push(MarkdownProblem {
                        // The `::: kind` line opens it.
                        line: first_line - 1,
                        message: "a care card must start with a `###` heading".into(),
                    }),
                }
            }
            RawBlock::Signs { level, id, line } => match (ctx.signs)(&level) {
                Some(card) => {
                    let heading = headings::add(
                        &mut page.ids,
                        3,
                        id.as_deref(),
                        &card.heading,
                        line,
                        &mut page.problems,
                    );
                    page.headings.push(heading.clone());
                    page.passages.start(&heading.id, &card.heading, 3);
                    for sign in &card.signs {
                        page.passages.push_text(&sign.text);
                        page.passages.end_item();
                    }
                    page.passages.end_list();
                    page.counter.add_text(&card.heading);
                    page.counter.end_block();
                    for sign in &card.signs {
                        page.counter.add_text(&sign.text);
                        page.counter.end_block();
                    }
                    out.push(Block::Card {
                        kind: card.kind,
                        heading,
                        heading_html: card.heading_html,
                        body: CardBody::Signs(card.signs),
                    });
                }
                None => page.problems.push(MarkdownProblem {
                    line,
                    message: format!(
                        "unknown warning-sign card {level:?}: use emergency, urgent or routine"
                    ),
                }),
            },
        }
    }
    Rendered {
        blocks: out,
        text: page.counter.stats(),
        headings: page.headings,
        links: page.links,
        sections: page.sections,
        intro: page.passages.intro.trim().to_string(),
        passages: page.passages.finish(),
        problems: page.problems,
    }
}

/// Parses one Markdown block and runs every stage but the HTML on it.
fn markdown_nodes<'t>(
    text: &'t str,
    first_line: usize,
    ctx: &RenderContext<'_>,
    page: &mut PageState,
) -> Vec<Lined<'t>> {
    let options = Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_SMART_PUNCTUATION;
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_at = |byte: usize| {
        first_line
            + line_starts
                .partition_point(|&start| start <= byte)
                .saturating_sub(1)
    };
    let mut nodes: Vec<Lined<'t>> = Parser::new_ext(text, options)
        .into_offset_iter()
        .map(|(event, range)| (Node::Event(event), line_at(range.start)))
        .collect();
    placeholders::fill(&mut nodes, ctx.placeholders, &mut page.problems);
    page.headings.extend(headings::assign_ids(
        &mut nodes,
        &mut page.ids,
        &mut page.problems,
    ));
    page.links
        .extend(links::collect(&mut nodes, &mut page.problems));
    glossary::link_terms(&mut nodes, ctx.glossary, &mut page.linked_terms);
    collect::text(
        &nodes,
        &mut page.counter,
        &mut page.sections,
        &mut page.passages,
        &mut page.problems,
    );
    nodes
}

#[cfg(test)]
pub(crate) fn test_context<'a>(
    glossary: &'a Glossary,
    signs: &'a dyn Fn(&str) -> Option<SignsCard>,
) -> RenderContext<'a> {
    RenderContext {
        placeholders: &[("emergency_number", "911")],
        glossary,
        signs,
        lang_prefix: "",
        term_note: "word list",
        method: super::readability::Method::FleschKincaid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::CareCard;

    fn no_signs(_: &str) -> Option<SignsCard> {
        None
    }

    fn render_plain(md: &str) -> Rendered {
        let glossary = Glossary::new();
        render(md, 10, &test_context(&glossary, &no_signs))
    }

    fn html_of(r: &Rendered) -> String {
        r.blocks
            .iter()
            .map(|b| match b {
                Block::Html(h) => h.full.clone(),
                Block::Card { heading, body, .. } => format!(
                    "[card {}: {}] {}",
                    heading.id,
                    heading.text,
                    match body {
                        CardBody::Html(h) => h.full.clone(),
                        CardBody::Signs(s) => format!("{s:?}"),
                    }
                ),
            })
            .collect()
    }

    #[test]
    fn care_cards_become_card_blocks_with_their_heading_apart() {
        let r = render_plain(
            "Intro.\n\n::: emergency\n### Call {{emergency_number}} now if {#call}\n- one leg is swollen\n:::\n\nAfter.\n",
        );
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.blocks.len(), 3);
        let Block::Card {
            kind,
            heading,
            heading_html,
            body,
        } = &r.blocks[1]
        else {
            panic!("{:?}", r.blocks)
        };
        assert_eq!(*kind, CareCard::Emergency);
        assert_eq!(
            (heading.id.as_str(), heading.text.as_str(), heading.line),
            ("call", "Call 911 now if", 13)
        );
        assert_eq!(
            heading_html,
            r#"Call <a class="tel" href="tel:911">911</a> now if"#
        );
        assert_eq!(
            body,
            &CardBody::Html(Html {
                full: "<ul>\n<li>one leg is swollen</li>\n</ul>\n".into(),
                embed: "<ul>\n<li>one leg is swollen</li>\n</ul>\n".into()
            })
        );
        assert!(html_of(&r).ends_with("<p>After.</p>\n"));
        assert_eq!(r.headings.len(), 1);
    }

    #[test]
    fn a_card_without_a_heading_is_a_problem() {
        let r = render_plain("::: urgent\nJust text.\n:::\n");
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].line, 10);
    }

    #[test]
    fn signs_cards_come_from_the_rules() {
        let signs = |level: &str| {
            (level == "urgent").then(|| SignsCard {
                kind: CareCard::Urgent,
                heading: "Contact a doctor within 24 hours if".into(),
                heading_html: "Contact a doctor within 24 hours if".into(),
                signs: vec![Sign {
                    rule: "U1".into(),
                    text: "your foot is numb".into(),
                }],
            })
        };
        let glossary = Glossary::new();
        let r = render(
            "## Soon {#urgent}\n\n::: signs urgent {#contact}\n\nMore.\n",
            1,
            &test_context(&glossary, &signs),
        );
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["urgent", "contact"]);
        assert!(
            matches!(&r.blocks[1], Block::Card { body: CardBody::Signs(s), .. } if s[0].rule == "U1")
        );
        let r = render("::: signs sometime\n", 1, &test_context(&glossary, &signs));
        assert_eq!(r.problems[0].line, 1);
    }

    #[test]
    fn term_links_and_ids_are_unique_across_the_blocks_of_a_page() {
        let mut glossary = Glossary::new();
        glossary.insert("deep-vein-thrombosis".into(), vec!["DVT".into()]);
        let r = render(
            "## A\n\nA DVT.\n\n::: emergency\n### A\nDVT again.\n:::\n",
            1,
            &test_context(&glossary, &|_| None),
        );
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-2"]);
        assert_eq!(
            html_of(&r)
                .matches("href=\"/glossary#deep-vein-thrombosis\"")
                .count(),
            1
        );
    }
}
