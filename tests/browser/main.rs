//! Browser tests: what readers experience, in headless Chromium driven by
//! chromedriver, on every page and every state of the symptom check.
//!
//! Needs chromium, chromedriver, java and `npm ci` (axe-core, vnu-jar);
//! scripts/test installs them. A missing tool fails the tests, never skips.
//! Screenshots for review are written to target/screenshots/. Helpers and
//! lists shared with the HTTP tests are `tests/common`.

#![warn(clippy::too_many_lines)]

mod audit;
mod broken;
mod checks;
mod embedding;
mod html;
mod keyboard;
mod no_js;
mod phone;
mod print;
mod states;
mod tools;
mod webdriver;
