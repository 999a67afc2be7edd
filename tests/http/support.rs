//! Shared by the HTTP tests only (the browser tests include `helpers.rs`).

use std::io::{BufRead, BufReader, Lines};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Output, Stdio};

use crate::helpers::{content_dir, locales_dir};

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

/// The anchors the site contract promises.
pub const CONTRACT_ANCHORS: &[(&str, &[&str])] = &[
    (
        "/causes",
        &[
            "nighttime-leg-cramps",
            "restless-legs-syndrome",
            "dehydration-and-minerals",
            "nerve-compression",
            "peripheral-artery-disease",
            "peripheral-neuropathy",
            "deep-vein-thrombosis",
            "arthritis",
            "varicose-veins",
            "physical-exertion",
            "poor-circulation",
        ],
    ),
    ("/when-to-seek-help", &["emergency", "urgent", "routine"]),
    ("/treatments", &["relief-at-home", "medical-treatments"]),
    (
        "/prevention",
        &["exercise", "sleep", "water-and-minerals", "stress"],
    ),
];

/// Starts the real binary on a free port with `extra` arguments; returns it,
/// its address, and its remaining stdout lines (the log).
pub fn start_binary(extra: &[&str]) -> (Child, String, Lines<BufReader<ChildStdout>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_leg-pain-guide"))
        .args(["serve", "--bind", "127.0.0.1:0", "--content-dir"])
        .arg(content_dir())
        .arg("--locales-dir")
        .arg(locales_dir())
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let address = loop {
        let line = lines
            .next()
            .expect("the server prints where it listens")
            .unwrap();
        if let Some(word) = line.split(['"', ' ']).find(|w| w.starts_with("http://")) {
            break word.trim_end_matches('/').to_string();
        }
    };
    (child, address, lines)
}

/// A copy of the content and strings to break on purpose.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&content_dir(), &dir.path().join("content"));
        copy_tree(&locales_dir(), &dir.path().join("locales"));
        Fixture { dir }
    }

    /// A file in the copy: `content/en/causes.md`, `locales/en.ftl`.
    pub fn path(&self, file: &str) -> PathBuf {
        self.dir.path().join(file)
    }

    /// How `check` names a file of the copy.
    pub fn shown(&self, file: &str) -> String {
        self.path(file).display().to_string()
    }

    /// Replaces the first `from` in a file; returns the 1-based line it was on.
    pub fn replace(&self, file: &str, from: &str, to: &str) -> usize {
        let path = self.path(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let at = text
            .find(from)
            .unwrap_or_else(|| panic!("{file} contains {from:?}"));
        let line = text[..at].matches('\n').count() + 1;
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        line
    }

    /// Runs the binary with this copy's folders.
    pub fn run(&self, command: &str, extra: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_leg-pain-guide"))
            .args([command, "--bind", "127.0.0.1:0", "--content-dir"])
            .arg(self.path("content"))
            .arg("--locales-dir")
            .arg(self.path("locales"))
            .args(extra)
            .output()
            .unwrap()
    }

    /// `check`: whether it passed, and what it printed on stderr.
    pub fn check(&self, extra: &[&str]) -> (bool, String) {
        let output = self.run("check", extra);
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }
}
