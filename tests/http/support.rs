//! Shared by the HTTP tests only (the browser tests include `helpers.rs`).

use std::io::{BufRead, BufReader, Lines};
use std::process::{Child, ChildStdout, Command, Stdio};

use leg_pain_guide::config::SettingsArgs;
use leg_pain_guide::content::Content;

use crate::helpers::content_dir;

/// Answers that fire no rule: every warning sign no, mild, recent, helped.
pub const BASELINE: &str = "one_leg_signs=no&breathless=no&numbness=no&skin_changes=no&injury=no&severity=mild&onset=days&frequency=occasional&course=same&sleep_impact=little&home_care=helped";

/// The topic pages of the guide, in reading order.
pub const TOPIC_PAGES: &[&str] = &[
    "/",
    "/causes",
    "/risk-factors",
    "/when-to-seek-help",
    "/diagnosis",
    "/treatments",
    "/prevention",
    "/faq",
];

/// The site's content, loaded as the server loads it.
pub fn load_content() -> Content {
    let settings = SettingsArgs {
        content_dir: content_dir(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    leg_pain_guide::startup::load_content(&settings, leg_pain_guide::startup::today()).unwrap()
}

/// Starts the real binary on a free port; returns it, its address, and its
/// remaining stdout lines (the request log).
pub fn start_binary(extra: &[&str]) -> (Child, String, Lines<BufReader<ChildStdout>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_leg-pain-guide"))
        .args(["serve", "--bind", "127.0.0.1:0", "--content-dir"])
        .arg(content_dir())
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let address = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("prints where it listens")
        .trim_end_matches('/')
        .to_string();
    (child, address, lines)
}
