//! What the HTTP tests (`tests/http`) and the browser tests (`tests/browser`)
//! share, in one copy: the app started in-process through the same
//! `Application` the binary runs, the binary itself as a child that is
//! killed when the test ends (passed or failed), the pages and anchors the
//! contract promises, HTML helpers and a raw HTTP/1.1 client.

#![warn(clippy::too_many_lines)]

pub mod app;
pub mod binary;
pub mod html;
pub mod lists;
pub mod raw;

pub use app::{
    TestApp, content_dir, locales_dir, repo, site_for, spawn_app, spawn_app_holding,
    spawn_app_with, test_args,
};
pub use binary::{
    Fixture, LogLines, Nginx, Running, binary, start_binary, start_binary_with, start_nginx,
};
pub use html::{has_id, page_text, select, text_of};
pub use lists::{BASELINE, CONTRACT_ANCHORS, LANGS, OTHER_PAGES, TOPIC_PAGES, every_page, in_lang};
pub use raw::{Conn, Raw};
