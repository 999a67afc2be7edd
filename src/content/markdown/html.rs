//! Stage 7: HTML. Links are written here, once for the site and once for an
//! embed, where links to the site's pages open in the top window.

use pulldown_cmark::Event;
use pulldown_cmark_escape::{escape_href, escape_html};

use super::{Html, Lined, Node};

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
    let events = nodes.iter().map(|(node, _)| match node {
        Node::Event(e) => e.clone(),
        Node::LinkStart { href, term } => {
            in_term = *term;
            Event::InlineHtml(link_tag(href, *term, lang_prefix, embed).into())
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
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// `<a href=...>` for a site link: page paths get the language prefix; in an
/// embed they open in the top window, while fragments stay in the frame.
pub fn link_tag(href: &str, term: bool, lang_prefix: &str, embed: bool) -> String {
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
    if term {
        tag.push_str(" class=\"term\"");
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
            link_tag("/causes", false, "", true),
            r#"<a target="_top" href="/causes">"#
        );
        assert_eq!(
            link_tag("/glossary#dvt", true, "", true),
            r#"<a class="term" target="_top" href="/glossary#dvt">"#
        );
        assert_eq!(link_tag("#x", false, "", true), r##"<a href="#x">"##);
        assert_eq!(
            link_tag("/causes", false, "", false),
            r#"<a href="/causes">"#
        );
    }

    #[test]
    fn page_links_carry_the_language_prefix() {
        assert_eq!(
            link_tag("/causes#arthritis", false, "/es", false),
            r#"<a href="/es/causes#arthritis">"#
        );
        assert_eq!(link_tag("/", false, "/es", false), r#"<a href="/es">"#);
        assert_eq!(
            link_tag("/sitemap.xml", false, "/es", false),
            r#"<a href="/sitemap.xml">"#
        );
        assert_eq!(
            link_tag("#top", false, "/es", false),
            r##"<a href="#top">"##
        );
    }

    #[test]
    fn hrefs_are_escaped() {
        assert_eq!(link_tag("/a\"b", false, "", false), r#"<a href="/a%22b">"#);
        assert_eq!(
            link_tag("/a?x=1&y=2", false, "", false),
            r#"<a href="/a?x=1&amp;y=2">"#
        );
    }
}
