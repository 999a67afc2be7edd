//! A browser session for the tests: chromedriver and one headless Chromium
//! with a fresh profile, driven through `fantoccini`. Chromium-only commands
//! (its logs, DevTools) go through fantoccini as vendor commands.
//!
//! Dropping the session ends Chromium, then stops chromedriver.

use std::cell::Cell;
use std::io::Write as _;
use std::net::TcpListener;
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use futures_util::FutureExt as _;
use serde_json::{Map, Value, json};

use crate::tools::Tools;

/// Keys for `Session::press` (WebDriver's code points).
pub const TAB: &str = "\u{E004}";
pub const ENTER: &str = "\u{E007}";
pub const SPACE: &str = " ";
pub const ARROW_DOWN: &str = "\u{E015}";

/// A chromedriver child process, killed on drop.
struct Chromedriver {
    child: Child,
    port: u16,
}

impl Chromedriver {
    /// Starts chromedriver on a free port. The port is free when picked but
    /// another process could take it first: then try again on another.
    async fn start(binary: &Path, temp: &Path, log: &Path) -> Chromedriver {
        for _ in 0..3 {
            if let Some(driver) = Self::try_start(binary, temp, log).await {
                return driver;
            }
        }
        panic!(
            "chromedriver ({}) did not start three times (it exited, hung, or lost its port)",
            binary.display()
        );
    }

    async fn try_start(binary: &Path, temp: &Path, log: &Path) -> Option<Chromedriver> {
        let port = TcpListener::bind("127.0.0.1:0")
            .expect("find a free port")
            .local_addr()
            .unwrap()
            .port();
        // What chromedriver and Chromium say goes to the session's log, kept
        // only if Chromium dies during the test (see `Session::drop`).
        let log = std::fs::File::options()
            .create(true)
            .append(true)
            .open(log)
            .unwrap_or_else(|e| panic!("open {}: {e}", log.display()));
        let child = Command::new(binary)
            .arg(format!("--port={port}"))
            .arg("--enable-chrome-logs")
            // Chromium's scratch folders go with the session's own folder.
            .env("TMPDIR", temp)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("the log, twice"))
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", binary.display()));
        let mut driver = Chromedriver { child, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            // Whatever listens must be this chromedriver: the port was free
            // when picked, but another test's server may have taken it since.
            if Self::is_chromedriver(port).await {
                return Some(driver);
            }
            if let Ok(Some(_)) = driver.child.try_wait() {
                return None;
            }
            if Instant::now() >= deadline {
                // Another server on the port, or a chromedriver that hangs.
                return None;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Chromedriver {
    /// Whether chromedriver answers on `port`: its `/status` names it.
    async fn is_chromedriver(port: u16) -> bool {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let Ok(mut stream) = tokio::net::TcpStream::connect(("127.0.0.1", port)).await else {
            return false;
        };
        let request = "GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        if stream.write_all(request.as_bytes()).await.is_err() {
            return false;
        }
        // Read until the answer names it or ends (it may keep the connection open).
        let read = async {
            let mut answer = Vec::new();
            let mut chunk = [0u8; 1024];
            while let Ok(n @ 1..) = stream.read(&mut chunk).await {
                answer.extend_from_slice(&chunk[..n]);
                if String::from_utf8_lossy(&answer).contains("ChromeDriver") {
                    return true;
                }
            }
            false
        };
        tokio::time::timeout(Duration::from_secs(5), read)
            .await
            .unwrap_or(false)
    }
}

/// The capabilities with Chromium's profile folder: a fresh one per attempt,
/// so a Chromium left over from a failed attempt cannot hold it.
fn with_profile(capabilities: &Map<String, Value>, profile: &Path) -> Map<String, Value> {
    let mut capabilities = capabilities.clone();
    if let Some(Value::Array(args)) = capabilities
        .get_mut("goog:chromeOptions")
        .and_then(|o| o.get_mut("args"))
    {
        args.push(json!(format!("--user-data-dir={}", profile.display())));
    }
    capabilities
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What kind of browser a test needs.
#[derive(Clone, Copy, Default)]
pub struct Options {
    /// Chromium's own switch for JavaScript; on unless turned off.
    pub javascript_disabled: bool,
}

/// A command chromedriver adds to WebDriver: its logs and DevTools.
#[derive(Debug)]
struct Vendor {
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for Vendor {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// One browser session. Ends when dropped.
pub struct Session {
    client: Client,
    chrome_pid: Option<u64>,
    // Dropped after `Session::drop` has closed the browser: driver, then
    // the folder holding the profile and Chromium's temporary files.
    _driver: Chromedriver,
    _folder: tempfile::TempDir,
}

/// An element of the current page.
pub type Element = fantoccini::elements::Element;

impl Session {
    pub async fn start(tools: &Tools, options: Options) -> Session {
        let folder = tempfile::tempdir().expect("temporary folder for Chromium");
        let temp = folder.path().join("tmp");
        std::fs::create_dir_all(&temp).expect("Chromium's temporary folder");
        let mut prefs = json!({
            // Open nothing at start-up: Debian's Chromium otherwise opens a
            // new-tab page that tries to reach a search engine.
            "homepage": "about:blank",
            "homepage_is_newtabpage": false,
            "session.restore_on_startup": 4,
            "session.startup_urls": ["about:blank"],
        });
        if options.javascript_disabled {
            prefs["profile.managed_default_content_settings.javascript"] = json!(2);
        }
        let capabilities = json!({
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "goog:loggingPrefs": {"browser": "ALL", "performance": "ALL"},
            "goog:chromeOptions": {
                "binary": tools.chromium,
                "args": [
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-default-apps",
                    "--disable-extensions",
                    "--no-first-run",
                    "--no-default-browser-check",
                    "--disable-sync",
                    "--hide-scrollbars",
                    "--force-color-profile=srgb",
                    "--lang=en-US",
                    // A safety net: no host name but the test servers'
                    // loopback addresses ever resolves.
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE 127.0.0.2",
                    "--window-size=1280,900",
                ],
                "prefs": prefs,
                "perfLoggingPrefs": {"enableNetwork": true, "enablePage": false},
            },
        });
        let Value::Object(capabilities): Value = capabilities else {
            unreachable!("an object")
        };
        // A chromedriver that stops answering while Chromium starts (on a
        // busy machine) gets a second and a third chance, each on its own port.
        let mut attempts = 0;
        let log = folder.path().join("chromium.log");
        let (driver, client) = loop {
            attempts += 1;
            let driver = Chromedriver::start(&tools.chromedriver, &temp, &log).await;
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(with_profile(
                    &capabilities,
                    &folder.path().join(format!("profile-{attempts}")),
                ))
                .connect(&format!("http://127.0.0.1:{}", driver.port))
                .await
            {
                Ok(client) => break (driver, client),
                Err(e) if attempts == 3 => panic!(
                    "chromedriver could not start Chromium ({}) three times: {e}",
                    tools.chromium.display()
                ),
                Err(_) => continue,
            }
        };
        let chrome_pid = client
            .capabilities()
            .and_then(|c: &Map<String, Value>| c.get("goog:processID"))
            .and_then(Value::as_u64);
        let session = Session {
            client,
            chrome_pid,
            _driver: driver,
            _folder: folder,
        };
        // Forget whatever Chromium logged while starting.
        session.log("browser").await;
        session.log("performance").await;
        session
    }

    /// Runs a vendor command; `Err` with WebDriver's message if it fails.
    async fn vendor(&self, path: &'static str, body: Value) -> Result<Value, String> {
        self.client
            .issue_cmd(Vendor { path, body })
            .await
            .map_err(|e| format!("{path}: {e}"))
    }

    /// Navigates and waits for the page's load event.
    pub async fn goto(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("goto {url}: {e}"));
    }

    pub async fn url(&self) -> String {
        self.client
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_default()
    }

    /// Runs `script` as the body of a function in the page; `Err` if it throws
    /// or no script can run there.
    pub async fn try_execute(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.client
            .execute(script, args)
            .await
            .map_err(|e| e.to_string())
    }

    /// Runs `script` as the body of a function in the page.
    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.try_execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("execute: {e}"))
    }

    /// Runs `script`; it ends by calling its last argument with the result.
    pub async fn execute_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute_async(script, args)
            .await
            .unwrap_or_else(|e| panic!("execute_async: {e}"))
    }

    /// Polls `script` (returning a boolean) until true, or panics saying `what`.
    pub async fn wait_for(&self, script: &str, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            // The page may be between documents: an error just means "not yet".
            if let Ok(Value::Bool(true)) = self.try_execute(script, vec![]).await {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out after 15 s waiting for {what} (at {})",
                self.url().await
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    pub async fn find(&self, css: &str) -> Element {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element for {css}: {e}"))
    }

    /// Makes the frame `element` (an `iframe` of the current document) the
    /// document later commands act on.
    pub async fn switch_to_frame(&self, element: &Element) {
        element
            .clone()
            .enter_frame()
            .await
            .expect("enter the frame");
    }

    /// Makes the top-level document the one later commands act on.
    pub async fn switch_to_top(&self) {
        // Leaving a frame one level at a time ends at the top.
        while self
            .try_execute("return window === window.top;", vec![])
            .await
            != Ok(Value::Bool(true))
        {
            if self.client.enter_parent_frame().await.is_err() {
                break;
            }
        }
    }

    /// Clicks an element the way a person would (scrolled into view, hit-tested).
    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Presses and releases each key in turn.
    pub async fn press(&self, keys: &[&str]) {
        let mut actions = KeyActions::new("keyboard".to_string());
        for key in keys {
            let value = key.chars().next().expect("a key");
            actions = actions
                .then(KeyAction::Down { value })
                .then(KeyAction::Up { value });
        }
        self.client
            .perform_actions(actions)
            .await
            .expect("press keys");
    }

    /// The names of the cookies the browser holds for the current page.
    pub async fn cookie_names(&self) -> Vec<String> {
        let cookies = self.client.get_all_cookies().await.expect("read cookies");
        cookies.iter().map(|c| c.name().to_string()).collect()
    }

    /// Returns, and clears, one of chromedriver's logs ("browser", "performance").
    pub async fn log(&self, kind: &str) -> Vec<Value> {
        match self.vendor("se/log", json!({ "type": kind })).await {
            Ok(Value::Array(entries)) => entries,
            other => panic!("log {kind}: unexpected answer {other:?}"),
        }
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.vendor("goog/cdp/execute", json!({ "cmd": cmd, "params": params }))
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Makes the viewport exactly `width` x `height` CSS pixels.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
        )
        .await;
    }

    /// Emulates a colour scheme ("light" or "dark") and, optionally, print media.
    pub async fn set_media(&self, scheme: &str, print: bool) {
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({
                "media": if print { "print" } else { "" },
                "features": [{"name": "prefers-color-scheme", "value": scheme}],
            }),
        )
        .await;
    }

    /// The bytes of a DevTools answer's base64 `data`.
    pub fn decode(answer: &Value) -> Vec<u8> {
        base64::engine::general_purpose::STANDARD
            .decode(answer["data"].as_str().expect("DevTools answers with data"))
            .expect("DevTools sends base64")
    }

    /// Writes a PNG of the whole page (not just the viewport) to `path`.
    pub async fn screenshot(&self, path: &Path) {
        let metrics = self.cdp("Page.getLayoutMetrics", json!({})).await;
        let size = &metrics["cssContentSize"];
        let width = size["width"].as_f64().unwrap_or(1280.0).ceil();
        let height = size["height"].as_f64().unwrap_or(900.0).ceil();
        let shot = self
            .cdp(
                "Page.captureScreenshot",
                json!({
                    "format": "png",
                    // Quicker encoding, larger files: these are for review.
                    "optimizeForSpeed": true,
                    "captureBeyondViewport": true,
                    "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
                }),
            )
            .await;
        std::fs::write(path, Self::decode(&shot))
            .unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }
}

impl Drop for Session {
    /// Ends Chromium (its profile is thrown away, so nothing is lost), then
    /// chromedriver. Drop cannot await fantoccini's own close, whose work
    /// runs on the test's runtime.
    ///
    /// A Chromium that is already gone died during the test: its log is
    /// kept in `target/browser-crashes/` and `in_browser` is told.
    fn drop(&mut self) {
        let Some(pid) = self.chrome_pid else { return };
        let folder = self._folder.path();
        if !is_our_chromium(pid, folder) {
            CHROMIUM_DIED.set(true);
            keep_crash_log(pid, &folder.join("chromium.log"));
            return;
        }
        // Only this session's Chromium (its command line names this
        // session's profile folder) is ever signalled: a process id can be
        // reused by another test's process once its owner has gone.
        signal(pid, "-TERM");
        let deadline = Instant::now() + Duration::from_secs(2);
        while is_our_chromium(pid, folder) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        if is_our_chromium(pid, folder) {
            signal(pid, "-KILL");
        }
    }
}

fn signal(pid: u64, signal: &str) {
    let _ = Command::new("kill")
        .args([signal, &pid.to_string()])
        .stderr(Stdio::null())
        .status();
}

/// Whether `pid` is the Chromium started with its profile in `folder`.
fn is_our_chromium(pid: u64, folder: &Path) -> bool {
    // The profile is `<folder>/profile-N`.
    let profile = format!("{}/", folder.display());
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .map(|cmdline| String::from_utf8_lossy(&cmdline).contains(&profile))
        .unwrap_or(false)
}

/// Copies the log of a Chromium that died to `target/browser-crashes/`
/// and says so on the terminal (not captured by the test harness).
fn keep_crash_log(pid: u64, log: &Path) {
    let test = std::thread::current()
        .name()
        .unwrap_or("a browser test")
        .replace("::", "-");
    let kept = crate::tools::crash_dir()
        .map(|dir| dir.join(format!("{test}-{pid}.log")))
        .filter(|kept| std::fs::copy(log, kept).is_ok())
        .map_or_else(|| "lost".to_string(), |kept| kept.display().to_string());
    // Its last words, without the lines every start prints (no D-Bus here).
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let last: Vec<&str> = text.lines().filter(|l| !l.contains("dbus")).collect();
    let _ = writeln!(
        std::io::stderr(),
        "browser: Chromium (process {pid}) died during {test}; its log is {kept}, ending:\n  {}",
        last[last.len().saturating_sub(6)..].join("\n  ")
    );
}

thread_local! {
    /// Set when a session of this thread finds its Chromium already gone.
    static CHROMIUM_DIED: Cell<bool> = const { Cell::new(false) };
}

/// What chromedriver answers once Chromium's browser process has gone: the
/// session cannot go on. (A renderer that hangs or crashes while the browser
/// lives, "Unable to receive message from renderer" or "tab crashed" alone,
/// could be a page's doing: not retried.)
const BROWSER_GONE: [&str; 2] = ["browser has closed the connection", "chrome not reachable"];

/// Runs a browser test. If Chromium's browser process dies during it (a
/// crash of Chromium, seen once on a busy machine: no page can end the
/// browser process), the test runs once more from the start, with a new app
/// and a new browser. Any other failure, or a second death, fails the test.
pub async fn in_browser(test: impl AsyncFn()) {
    CHROMIUM_DIED.set(false);
    let Err(panic) = AssertUnwindSafe(test()).catch_unwind().await else {
        return;
    };
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or_default();
    let died = CHROMIUM_DIED.take() || BROWSER_GONE.iter().any(|m| message.contains(m));
    if !died {
        std::panic::resume_unwind(panic);
    }
    let _ = writeln!(
        std::io::stderr(),
        "browser: {} runs again in a new browser after Chromium died under it: {}",
        std::thread::current().name().unwrap_or("a browser test"),
        message.lines().next().unwrap_or_default()
    );
    test().await;
}

#[tokio::test]
async fn a_test_whose_chromium_dies_runs_again_once_in_a_new_browser() {
    let tools = crate::tools::require();
    let attempts = Cell::new(0);
    in_browser(async || {
        attempts.set(attempts.get() + 1);
        let session = Session::start(&tools, Options::default()).await;
        if attempts.get() == 1 {
            // What a crash looks like to the test: Chromium gone mid-test.
            let pid = session
                .chrome_pid
                .expect("chromedriver names Chromium's process");
            signal(pid, "-KILL");
            while is_our_chromium(pid, session._folder.path()) {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
        session.goto("data:text/html,<title>up</title>").await;
        let title = session.execute("return document.title;", vec![]).await;
        assert_eq!(title, json!("up"));
    })
    .await;
    assert_eq!(attempts.get(), 2, "the test ran again after Chromium died");
}

#[tokio::test]
async fn a_test_that_fails_with_its_chromium_alive_is_not_run_again() {
    let tools = crate::tools::require();
    let attempts = Cell::new(0);
    let failed = AssertUnwindSafe(in_browser(async || {
        attempts.set(attempts.get() + 1);
        let session = Session::start(&tools, Options::default()).await;
        session.goto("data:text/html,<title>up</title>").await;
        let title = session.execute("return document.title;", vec![]).await;
        assert_eq!(
            title,
            json!("down"),
            "a page that is not what the test expects"
        );
    }))
    .catch_unwind()
    .await;
    assert!(failed.is_err(), "the failure reaches the test harness");
    assert_eq!(
        attempts.get(),
        1,
        "a failure that is not a crash is not retried"
    );
}
