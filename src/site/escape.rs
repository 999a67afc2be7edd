//! The HTML escaper of every template (set in `askama.toml`): the one the
//! markdown pages are written with, `pulldown-cmark-escape`'s, which finds
//! the bytes to escape sixteen at a time (SSSE3, when the CPU has it) where
//! askama's own looks at one byte after another. Results are mostly text
//! (about a hundred strings a page), so this is most of their rendering.
//!
//! It escapes the same five bytes as askama's (`&`, `<`, `>`, `"`, `'`),
//! writing named entities (`&amp;`, `&quot;`) where askama writes numbers.

use std::fmt;

#[derive(Debug, Clone, Copy)]
pub struct Html;

impl askama::filters::Escaper for Html {
    fn write_escaped_str<W: fmt::Write>(&self, dest: W, string: &str) -> fmt::Result {
        pulldown_cmark_escape::escape_html(pulldown_cmark_escape::FmtWriter(dest), string)
    }
}
