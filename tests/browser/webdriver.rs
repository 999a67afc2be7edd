//! A small W3C WebDriver client for chromedriver, over reqwest.
//!
//! Each `Session` starts its own chromedriver on a free loopback port and one
//! headless Chromium with a fresh profile. Dropping the session ends it:
//! Chromium is closed through chromedriver, then chromedriver is killed.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::tools::Tools;

/// The key W3C WebDriver uses for element references.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Keys for `Session::press`.
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
    async fn start(binary: &Path, temp: &Path) -> Chromedriver {
        for _ in 0..3 {
            if let Some(driver) = Self::try_start(binary, temp).await {
                return driver;
            }
        }
        panic!(
            "chromedriver ({}) exited at start three times",
            binary.display()
        );
    }

    async fn try_start(binary: &Path, temp: &Path) -> Option<Chromedriver> {
        let port = {
            let probe = TcpListener::bind("127.0.0.1:0").expect("find a free port");
            probe.local_addr().unwrap().port()
        };
        let child = Command::new(binary)
            .arg(format!("--port={port}"))
            // Chromium's scratch folders go with the session's own folder.
            .env("TMPDIR", temp)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", binary.display()));
        let mut driver = Chromedriver { child, port };
        let status = format!("http://127.0.0.1:{port}/status");
        let http = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(response) = http.get(&status).send().await
                && let Ok(body) = response.json::<Value>().await
                && body["value"]["ready"] == true
            {
                return Some(driver);
            }
            if let Ok(Some(_)) = driver.child.try_wait() {
                return None;
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not become ready on port {port} within 20 s"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
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

/// One browser session. Ends when dropped.
pub struct Session {
    http: reqwest::Client,
    base: String,
    id: String,
    chrome_pid: Option<u64>,
    // Dropped after `Session::drop` has closed the browser: driver, then
    // the folder holding the profile and Chromium's temporary files.
    driver: Chromedriver,
    _folder: tempfile::TempDir,
}

/// A reference to an element in the current page.
#[derive(Clone, Debug)]
pub struct Element(String);

impl Session {
    pub async fn start(tools: &Tools, options: Options) -> Session {
        let folder = tempfile::tempdir().expect("temporary folder for Chromium");
        let (profile, temp) = (folder.path().join("profile"), folder.path().join("tmp"));
        std::fs::create_dir_all(&temp).expect("Chromium's temporary folder");
        let driver = Chromedriver::start(&tools.chromedriver, &temp).await;
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
            "capabilities": {"alwaysMatch": {
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
                        format!("--user-data-dir={}", profile.display()),
                    ],
                    "prefs": prefs,
                    "perfLoggingPrefs": {"enableNetwork": true, "enablePage": false},
                },
            }}
        });
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(120))
            .build()
            .unwrap();
        let root = format!("http://127.0.0.1:{}", driver.port);
        let response = http
            .post(format!("{root}/session"))
            .json(&capabilities)
            .send()
            .await
            .expect("ask chromedriver for a session");
        let body: Value = response.json().await.expect("chromedriver answers JSON");
        let value = &body["value"];
        let Some(id) = value["sessionId"].as_str() else {
            panic!(
                "chromedriver could not start Chromium ({}): {}",
                tools.chromium.display(),
                value["message"]
            );
        };
        let session = Session {
            http,
            base: format!("{root}/session/{id}"),
            id: id.to_string(),
            chrome_pid: value["capabilities"]["goog:processID"].as_u64(),
            driver,
            _folder: folder,
        };
        // Forget whatever Chromium logged while starting.
        session.log("browser").await;
        session.log("performance").await;
        session
    }

    /// Sends one command; returns its `value` or the WebDriver error message.
    pub async fn try_call(&self, method: &str, path: &str, body: Value) -> Result<Value, String> {
        let url = format!("{}{path}", self.base);
        let request = match method {
            "GET" => self.http.get(&url),
            "DELETE" => self.http.delete(&url),
            _ => self.http.post(&url).json(&body),
        };
        let response = request
            .send()
            .await
            .map_err(|e| format!("{method} {path}: {e}"))?;
        let ok = response.status().is_success();
        let body: Value = response
            .json()
            .await
            .map_err(|e| format!("{method} {path}: {e}"))?;
        let value = body.get("value").cloned().unwrap_or(Value::Null);
        if ok {
            Ok(value)
        } else {
            Err(format!(
                "{method} {path}: {}: {}",
                value["error"].as_str().unwrap_or("error"),
                value["message"].as_str().unwrap_or("")
            ))
        }
    }

    /// Sends one command and panics if WebDriver reports an error.
    pub async fn call(&self, method: &str, path: &str, body: Value) -> Value {
        self.try_call(method, path, body)
            .await
            .unwrap_or_else(|e| panic!("WebDriver: {e}"))
    }

    /// Navigates and waits for the page's load event.
    pub async fn goto(&self, url: &str) {
        self.call("POST", "/url", json!({ "url": url })).await;
    }

    pub async fn url(&self) -> String {
        self.call("GET", "/url", Value::Null)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Runs `script` as the body of a function in the page.
    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            json!({ "script": script, "args": args }),
        )
        .await
    }

    /// Runs `script`; it ends by calling its last argument with the result.
    pub async fn execute_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.call(
            "POST",
            "/execute/async",
            json!({ "script": script, "args": args }),
        )
        .await
    }

    /// Polls `script` (returning a boolean) until true, or panics saying `what`.
    pub async fn wait_for(&self, script: &str, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            // The page may be between documents: an error just means "not yet".
            if let Ok(Value::Bool(true)) = self
                .try_call(
                    "POST",
                    "/execute/sync",
                    json!({ "script": script, "args": [] }),
                )
                .await
            {
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
        let value = self
            .call(
                "POST",
                "/element",
                json!({ "using": "css selector", "value": css }),
            )
            .await;
        Element(
            value[ELEMENT_KEY]
                .as_str()
                .unwrap_or_else(|| panic!("no element for {css}"))
                .to_string(),
        )
    }

    /// Makes the frame `element` (an `iframe` of the current document) the
    /// document later commands act on. Get Current URL still answers with
    /// the top-level document's address.
    pub async fn switch_to_frame(&self, element: &Element) {
        self.call(
            "POST",
            "/frame",
            json!({ "id": { ELEMENT_KEY: element.0 } }),
        )
        .await;
    }

    /// Makes the top-level document the one later commands act on.
    pub async fn switch_to_top(&self) {
        self.call("POST", "/frame", json!({ "id": null })).await;
    }

    /// Clicks an element the way a person would (scrolled into view, hit-tested).
    pub async fn click(&self, css: &str) {
        let element = self.find(css).await;
        self.call("POST", &format!("/element/{}/click", element.0), json!({}))
            .await;
    }

    /// Presses and releases each key in turn, through WebDriver key actions.
    pub async fn press(&self, keys: &[&str]) {
        let mut actions = Vec::new();
        for key in keys {
            actions.push(json!({"type": "keyDown", "value": key}));
            actions.push(json!({"type": "keyUp", "value": key}));
        }
        self.call(
            "POST",
            "/actions",
            json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}),
        )
        .await;
    }

    /// Every cookie the browser holds for the current page.
    pub async fn cookies(&self) -> Vec<Value> {
        match self.call("GET", "/cookie", Value::Null).await {
            Value::Array(cookies) => cookies,
            other => panic!("cookies: unexpected answer {other}"),
        }
    }

    /// Returns, and clears, one of chromedriver's logs ("browser", "performance").
    pub async fn log(&self, kind: &str) -> Vec<Value> {
        match self.call("POST", "/se/log", json!({ "type": kind })).await {
            Value::Array(entries) => entries,
            other => panic!("log {kind}: unexpected answer {other}"),
        }
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.call(
            "POST",
            "/goog/cdp/execute",
            json!({ "cmd": cmd, "params": params }),
        )
        .await
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
                    "captureBeyondViewport": true,
                    "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
                }),
            )
            .await;
        let data = shot["data"].as_str().expect("screenshot data");
        std::fs::write(path, base64_decode(data))
            .unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }
}

impl Drop for Session {
    /// Closes Chromium through chromedriver (blocking: drop cannot await),
    /// and kills it by its process id if it is still there.
    fn drop(&mut self) {
        let _ = delete_session(self.driver.port, &self.id);
        if let Some(pid) = self.chrome_pid {
            let deadline = Instant::now() + Duration::from_secs(5);
            while is_chromium(pid) && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(50));
            }
            if is_chromium(pid) {
                let _ = Command::new("kill")
                    .args(["-KILL", &pid.to_string()])
                    .status();
            }
        }
    }
}

fn is_chromium(pid: u64) -> bool {
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .map(|cmdline| String::from_utf8_lossy(&cmdline).contains("chrom"))
        .unwrap_or(false)
}

/// `DELETE /session/{id}` over a plain socket, so it works inside `Drop`.
fn delete_session(port: u16, id: &str) -> std::io::Result<()> {
    let address = ([127, 0, 0, 1], port).into();
    let mut stream = TcpStream::connect_timeout(&address, Duration::from_secs(2))?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    write!(
        stream,
        "DELETE /session/{id} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )?;
    // chromedriver keeps the connection open: read just the one response.
    let mut answer = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            return Ok(());
        }
        answer.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&answer);
        if let Some(head_end) = text.find("\r\n\r\n") {
            let length = text[..head_end]
                .lines()
                .find_map(|line| {
                    let (name, value) = line.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            if answer.len() >= head_end + 4 + length {
                return Ok(());
            }
        }
    }
}

/// Standard base64 (with padding), as chromedriver sends screenshots.
pub fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("not base64: {:?}", c as char),
        }
    };
    let bytes: Vec<u8> = text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
        .collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value(*c) << (18 - 6 * i);
        }
        let [_, a, b, c] = n.to_be_bytes();
        out.extend_from_slice(&[a, b, c][..chunk.len() - 1]);
    }
    out
}

#[test]
fn base64_decodes_with_and_without_padding() {
    assert_eq!(base64_decode("TWFu"), b"Man");
    assert_eq!(base64_decode("TWE="), b"Ma");
    assert_eq!(base64_decode("TQ=="), b"M");
    assert_eq!(base64_decode("aGVsbG8gd29ybGQ="), b"hello world");
}
