//! Stage 7: HTML. Links are written here, once for the site and once for an
//! embed, where links to the site's pages open in the top window.

use pulldown_cmark::Event;
use pulldown_cmark_escape::{escape_href, escape_html};

use super::nodes::{Html, Lined, Node};

/// The HTML of `nodes` for the site and for embeds. `lang_prefix` (`/es`) goes
/// before every page path; `term_note` ("word list") ends each glossary link
/// for screen readers, so its name says where it goes (WCAG 2.4.9): a term's
/// link and a link to the section on the same thing share their words.
pub fn render(nodes: &[Lined<'_>], lang_prefix: &str, term_note: &str) -> Html {
    Html {
        full: write(nodes, lang_prefix, term_note, false),
        embed: write(nodes, lang_prefix, term_note, true),
    }
}

fn write(nodes: &[Lined<'_>], lang_prefix: &str, term_note: &str, embed: bool) -> String {
    let mut in_term = false;
    let events = nodes.iter().enumerate().map(|(i, (node, _))| match node {
        Node::Event(e) => e.clone(),
        Node::LinkStart { href, term } => {
            in_term = *term;
            let class = match (*term, alone(nodes, i)) {
                (true, true) => Some("term alone"),
                (true, false) => Some("term"),
                (false, true) => Some("alone"),
                (false, false) => None,
            };
            Event::InlineHtml(link_tag(href, class, lang_prefix, embed).into())
        }
        Node::LinkEnd if std::mem::take(&mut in_term) && !term_note.is_empty() => {
            Event::InlineHtml(
                format!(
                    "<span class=\"visually-hidden\"> ({})</span></a>",
                    escape(term_note)
                )
                .into(),
            )
        }
        Node::LinkEnd => Event::InlineHtml("</a>".into()),
        Node::Phone(number) => Event::InlineHtml(crate::i18n::number_link(number).into()),
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// Whether the link starting at `nodes[i]` is the whole of its list item,
/// table cell or paragraph (a word in a list, not in a sentence): then it is
/// a target of its own, 44 px high (WCAG 2.5.5).
fn alone(nodes: &[Lined<'_>], i: usize) -> bool {
    use pulldown_cmark::{Tag, TagEnd};
    let opens = i
        .checked_sub(1)
        .and_then(|j| nodes.get(j))
        .is_some_and(|(n, _)| {
            matches!(
                n,
                Node::Event(Event::Start(Tag::Item | Tag::TableCell | Tag::Paragraph))
            )
        });
    let closes = matches!(
        (nodes.get(i + 1), nodes.get(i + 2), nodes.get(i + 3)),
        (
            Some((Node::Event(Event::Text(_)), _)),
            Some((Node::LinkEnd, _)),
            Some((
                Node::Event(Event::End(
                    TagEnd::Item | TagEnd::TableCell | TagEnd::Paragraph
                )),
                _
            )),
        )
    );
    opens && closes
}

/// `<a href=...>` for a site link: page paths get the language prefix; in an
/// embed they open in the top window, while fragments stay in the frame.
/// `class` is the link's class, if any (`term` for a glossary link).
pub fn link_tag(href: &str, class: Option<&str>, lang_prefix: &str, embed: bool) -> String {
    let is_page = href.starts_with('/');
    let target = if is_page && !lang_prefix.is_empty() && !is_site_file(href) {
        if href == "/" || href.starts_with("/#") {
            format!("{lang_prefix}{}", &href[1..])
        } else {
            format!("{lang_prefix}{href}")
        }
    } else {
        href.to_string()
    };
    let mut tag = String::from("<a");
    if let Some(class) = class {
        tag.push_str(" class=\"");
        tag.push_str(class);
        tag.push('"');
    }
    if embed && is_page {
        tag.push_str(" target=\"_top\"");
    }
    tag.push_str(" href=\"");
    escape_href(&mut tag, &target).expect("writing to a String cannot fail");
    tag.push_str("\">");
    tag
}

/// Files the site serves in every language at one path.
pub fn is_site_file(path: &str) -> bool {
    matches!(path, "/sitemap.xml" | "/robots.txt" | "/healthz")
}

/// HTML-escapes `text` (for code that builds small fragments).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_html(&mut out, text).expect("writing to a String cannot fail");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_links_open_on_top_except_fragments() {
        assert_eq!(
            link_tag("/causes", None, "", true),
            r#"<a target="_top" href="/causes">"#
        );
        assert_eq!(
            link_tag("/glossary#dvt", Some("term"), "", true),
            r#"<a class="term" target="_top" href="/glossary#dvt">"#
        );
        assert_eq!(link_tag("#x", None, "", true), r##"<a href="#x">"##);
        assert_eq!(
            link_tag("/causes", None, "", false),
            r#"<a href="/causes">"#
        );
    }

    #[test]
    fn page_links_carry_the_language_prefix() {
        assert_eq!(
            link_tag("/causes#arthritis", None, "/es", false),
            r#"<a href="/es/causes#arthritis">"#
        );
        assert_eq!(link_tag("/", None, "/es", false), r#"<a href="/es">"#);
        assert_eq!(
            link_tag("/sitemap.xml", None, "/es", false),
            r#"<a href="/sitemap.xml">"#
        );
        assert_eq!(link_tag("#top", None, "/es", false), r##"<a href="#top">"##);
    }

    #[test]
    fn hrefs_are_escaped() {
        assert_eq!(link_tag("/a\"b", None, "", false), r#"<a href="/a%22b">"#);
        assert_eq!(
            link_tag("/a?x=1&y=2", None, "", false),
            r#"<a href="/a?x=1&amp;y=2">"#
        );
    }
}
