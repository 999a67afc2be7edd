//! Shared by the HTTP tests only (the browser tests include `helpers.rs`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use crate::helpers::{content_dir, locales_dir};

/// Answers that fire no rule: every warning sign no, mild, recent, helped.
pub const BASELINE: &str = "one_leg_signs=no&breathless=no&numbness=no&skin_changes=no&injury=no&severity=mild&onset=days&frequency=occasional&course=same&sleep_impact=little&home_care=helped";

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

/// The lines a started binary writes on standard output (its log), from the
/// first. Ends when the binary closes its output, or after 20 s with no line,
/// so a test waiting for a line that never comes fails instead of hanging.
pub struct LogLines {
    lines: std::sync::mpsc::Receiver<String>,
}

impl Iterator for LogLines {
    type Item = std::io::Result<String>;
    fn next(&mut self) -> Option<Self::Item> {
        self.lines
            .recv_timeout(Duration::from_secs(20))
            .ok()
            .map(Ok)
    }
}

/// Starts the real binary on a free port with `extra` arguments; returns it,
/// its address, and its stdout lines (the log) from the first.
pub fn start_binary(extra: &[&str]) -> (Child, String, LogLines) {
    start_binary_with(&content_dir(), &locales_dir(), extra)
}

/// The same, with other content and strings folders.
pub fn start_binary_with(
    content: &Path,
    locales: &Path,
    extra: &[&str],
) -> (Child, String, LogLines) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_leg-pain-guide"))
        .args(["serve", "--bind", "127.0.0.1:0", "--content-dir"])
        .arg(content)
        .arg("--locales-dir")
        .arg(locales)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stdout.lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let (seen_tx, seen_rx) = std::sync::mpsc::channel();
    let address = loop {
        let line = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the server prints where it listens");
        let found = line
            .split(['"', ' '])
            .find(|w| w.starts_with("http://"))
            .map(|w| w.trim_end_matches('/').to_string());
        seen_tx.send(line).unwrap();
        if let Some(address) = found {
            break address;
        }
    };
    // The lines already read come first, then the rest as they arrive.
    std::thread::spawn(move || {
        for line in rx {
            if seen_tx.send(line).is_err() {
                break;
            }
        }
    });
    (child, address, LogLines { lines: seen_rx })
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

    /// Replaces the first `from` in one page of every language (`about.md`),
    /// for changes the languages must agree on; returns the line in English.
    pub fn replace_in_every_language(&self, page: &str, from: &str, to: &str) -> usize {
        let mut langs: Vec<String> = std::fs::read_dir(self.path("content"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        langs.sort_by_key(|l| (l != "en", l.clone()));
        let lines: Vec<usize> = langs
            .iter()
            .map(|l| self.replace(&format!("content/{l}/{page}"), from, to))
            .collect();
        lines[0]
    }

    /// Sets a front-matter key of one page (`about.md`) in every language,
    /// whatever its value was; returns the line in English.
    pub fn set_front_matter(&self, page: &str, key: &str, value: &str) -> usize {
        let text = std::fs::read_to_string(self.path(&format!("content/en/{page}"))).unwrap();
        let old = text
            .lines()
            .find(|l| l.split('=').next().map(str::trim) == Some(key))
            .unwrap_or_else(|| panic!("{page} has no {key}"))
            .to_string();
        self.replace_in_every_language(page, &old, &format!("{key} = {value}"))
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

/// One raw HTTP/1.1 connection, for what a client library hides: slow
/// clients, kept-alive connections, `Expect`, closing.
pub struct Conn {
    stream: TcpStream,
    buffer: Vec<u8>,
}

/// A response read off a raw connection.
#[derive(Debug)]
pub struct Raw {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Raw {
    /// A header's value (names compared without case).
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    }
}

impl Conn {
    pub fn open(address: &str) -> Conn {
        let stream = TcpStream::connect(address.trim_start_matches("http://")).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        Conn {
            stream,
            buffer: Vec::new(),
        }
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.stream.write_all(bytes).unwrap();
    }

    /// The next whole response, or `None` if the server closed the connection first.
    pub fn response(&mut self) -> Option<Raw> {
        loop {
            if let Some(end) = self.buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&self.buffer[..end]).into_owned();
                let length: usize = head
                    .lines()
                    .find_map(|l| {
                        l.split_once(':')
                            .filter(|(n, _)| n.trim().eq_ignore_ascii_case("content-length"))
                            .map(|(_, v)| v.trim().parse().unwrap_or(0))
                    })
                    .unwrap_or(0);
                let status: u16 = head
                    .split_whitespace()
                    .nth(1)
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                // 1xx answers have no body.
                let length = if status < 200 { 0 } else { length };
                if self.buffer.len() >= end + 4 + length {
                    let body = String::from_utf8_lossy(&self.buffer[end + 4..end + 4 + length])
                        .into_owned();
                    self.buffer.drain(..end + 4 + length);
                    return Some(Raw { status, head, body });
                }
            }
            let mut chunk = [0u8; 8192];
            match self.stream.read(&mut chunk) {
                Ok(0) | Err(_) => return None,
                Ok(n) => self.buffer.extend_from_slice(&chunk[..n]),
            }
        }
    }

    /// Whether the server closes the connection within `wait` (and sends nothing more).
    pub fn closes_within(&mut self, wait: Duration) -> bool {
        self.stream.set_read_timeout(Some(wait)).unwrap();
        let mut chunk = [0u8; 256];
        let closed = match self.stream.read(&mut chunk) {
            Ok(0) => true,
            Ok(_) => false,
            Err(e) => e.kind() == std::io::ErrorKind::ConnectionReset,
        };
        self.stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        closed
    }
}
