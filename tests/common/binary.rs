//! The real binary, for what only a process shows: signals, exit codes,
//! standard output and error. Every child is a [`Running`] guard: it is
//! killed and waited for when the test ends, whether it passed or panicked,
//! so a failed test leaves no server behind.

use std::io::{BufRead, BufReader};
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use crate::app::{content_dir, locales_dir};

/// The binary cargo built beside this test binary (`target/debug/leg-pain-guide`).
pub fn binary() -> PathBuf {
    let test = std::env::current_exe().expect("the test binary's path");
    let dir = test
        .parent()
        .and_then(|deps| deps.parent())
        .expect("the test binary is in target/<profile>/deps");
    dir.join(format!("leg-pain-guide{}", std::env::consts::EXE_SUFFIX))
}

/// A child process that is killed (and waited for) when dropped.
#[derive(Debug)]
pub struct Running(pub Child);

impl Running {
    /// Starts `command`, guarded.
    pub fn spawn(command: &mut Command) -> Running {
        Running(command.spawn().expect("start the child"))
    }
}

impl Deref for Running {
    type Target = Child;
    fn deref(&self) -> &Child {
        &self.0
    }
}

impl DerefMut for Running {
    fn deref_mut(&mut self) -> &mut Child {
        &mut self.0
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        // Already ended (the test waited for it): both are no-ops.
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// nginx in the foreground with this prefix and config, its output dropped:
/// stopped when dropped with SIGTERM, not SIGKILL, so the master stops its
/// workers too, and waited for.
pub fn start_nginx(nginx: impl AsRef<std::ffi::OsStr>, dir: &Path, conf: &Path) -> Nginx {
    Nginx(
        Command::new(nginx)
            .arg("-p")
            .arg(dir)
            .arg("-c")
            .arg(conf)
            .args(["-g", "daemon off;"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start nginx"),
    )
}

/// A running nginx (see [`start_nginx`]).
pub struct Nginx(Child);

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let _ = self.0.wait();
    }
}

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
pub fn start_binary(extra: &[&str]) -> (Running, String, LogLines) {
    start_binary_with(&content_dir(), &locales_dir(), extra)
}

/// The same, with other content and strings folders.
pub fn start_binary_with(
    content: &Path,
    locales: &Path,
    extra: &[&str],
) -> (Running, String, LogLines) {
    let mut child = Running::spawn(
        Command::new(binary())
            .args(["serve", "--bind", "127.0.0.1:0", "--content-dir"])
            .arg(content)
            .arg("--locales-dir")
            .arg(locales)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
    );
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

impl Default for Fixture {
    fn default() -> Self {
        Self::new()
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
            .filter_map(|e| {
                let e = e.unwrap();
                e.path()
                    .is_dir()
                    .then(|| e.file_name().to_string_lossy().into_owned())
            })
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
        Command::new(binary())
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
