//! The page around a page rendered per request (a result of the check, a
//! search): head, header, warning strip and footer, rendered once when the
//! site is built, so a request renders only its `<main>`. What goes around
//! depends only on the language, the layout and the page's title, never on
//! what the reader sent.

use askama::Template;

use super::layout::{Layout, Meta};
use crate::i18n::Strings;

/// Everything before a page's `<main>` and everything after it.
#[derive(Debug, Clone)]
pub struct Shell {
    before: String,
    after: String,
}

#[derive(Template)]
#[template(path = "shell.html")]
struct ShellTemplate<'a> {
    t: &'a Strings,
    layout: &'a Layout,
    meta: Meta,
    main: &'static str,
}

/// Where the page's own part goes.
const MAIN_MARK: &str = "<!-- the page's own part -->";

impl Shell {
    /// The shell of a page of `layout` with these `meta`data.
    pub fn new(t: &Strings, layout: &Layout, meta: Meta) -> Result<Shell, askama::Error> {
        let page = ShellTemplate {
            t,
            layout,
            meta,
            main: MAIN_MARK,
        }
        .render()?;
        let (before, after) = page
            .split_once(MAIN_MARK)
            .expect("the shell holds the mark of the page's own part");
        Ok(Shell {
            before: before.to_string(),
            after: after.to_string(),
        })
    }

    /// The whole page: the shell around what `main` renders, in a buffer of
    /// `capacity` bytes (sized for the page, so it is not copied as it grows).
    pub fn wrap(
        &self,
        capacity: usize,
        main: impl FnOnce(&mut String) -> askama::Result<()>,
    ) -> askama::Result<String> {
        let mut page = String::with_capacity(capacity);
        page.push_str(&self.before);
        main(&mut page)?;
        page.push_str(&self.after);
        Ok(page)
    }
}
