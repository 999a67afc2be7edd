//! The outside tools the browser tests need. A missing one fails the test
//! with a message saying how to get it: these tests never skip.

use std::env;
use std::path::{Path, PathBuf};

/// Where every tool the browser tests use lives.
pub struct Tools {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
    pub java: PathBuf,
    pub axe_js: PathBuf,
    pub vnu_jar: PathBuf,
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The first of `names` found on `PATH`.
fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

fn existing(path: PathBuf) -> Option<PathBuf> {
    path.is_file().then_some(path)
}

/// Finds every tool, or panics naming each missing one and how to install it.
pub fn require() -> Tools {
    let root = repo_root();
    let node_modules = root.join("node_modules");
    let chromium = on_path(&["chromium", "chromium-browser"]);
    let chromedriver = on_path(&["chromedriver"]);
    let java = on_path(&["java"]);
    let axe_js = existing(node_modules.join("axe-core/axe.min.js"));
    let vnu_jar = existing(node_modules.join("vnu-jar/build/dist/vnu.jar"));

    let mut missing = Vec::new();
    if chromium.is_none() {
        missing.push("chromium (Debian package `chromium`) is not on PATH");
    }
    if chromedriver.is_none() {
        missing.push("chromedriver (Debian package `chromium-driver`) is not on PATH");
    }
    if java.is_none() {
        missing.push("java (Debian package `default-jre-headless`) is not on PATH");
    }
    if axe_js.is_none() {
        missing.push("node_modules/axe-core/axe.min.js is missing (run `npm ci`)");
    }
    if vnu_jar.is_none() {
        missing.push("node_modules/vnu-jar/build/dist/vnu.jar is missing (run `npm ci`)");
    }
    if !missing.is_empty() {
        panic!(
            "the browser tests cannot run:\n  - {}\nRun scripts/test, which installs all of them, \
             or install them by hand.",
            missing.join("\n  - ")
        );
    }
    Tools {
        chromium: chromium.unwrap(),
        chromedriver: chromedriver.unwrap(),
        java: java.unwrap(),
        axe_js: axe_js.unwrap(),
        vnu_jar: vnu_jar.unwrap(),
    }
}

/// Where screenshots for review are written: `target/screenshots/`.
pub fn screenshot_dir() -> PathBuf {
    let dir = target_dir("screenshots");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
    dir
}

/// Where the logs of a Chromium that died during a test are kept:
/// `target/browser-crashes/`; `None` if it cannot be made (it is made while
/// a test unwinds, where a second panic would abort every test).
pub fn crash_dir() -> Option<PathBuf> {
    let dir = target_dir("browser-crashes");
    std::fs::create_dir_all(&dir).ok().map(|()| dir)
}

fn target_dir(name: &str) -> PathBuf {
    env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"))
        .join(name)
}

pub fn fixture(name: &str) -> String {
    let path = repo_root().join("tests/browser/fixtures").join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("read fixture {}: {e}", Path::new(&path).display()))
}
