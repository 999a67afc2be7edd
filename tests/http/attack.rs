//! The outside tester's attacks (issue 24), each one replayed on loopback,
//! bounded in time and in count, against what a user or operator would
//! notice: memory, being served, the log, the answers.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use leg_pain_guide::settings::RawSettings;
use leg_pain_guide::web::Capacity;
use serde_json::Value;

use common::*;
use common::{BASELINE, Conn, start_binary};

/// A process's resident memory now and at its peak, in KiB (`VmRSS`, `VmHWM`).
pub fn memory_kib(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or_else(|| panic!("{name} in {status}"))
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Writes `bytes` to `stream` for as long as the other side takes them, for
/// `for_at_most`; returns how many went out. Never reads.
fn write_without_reading(stream: &TcpStream, bytes: &[u8], for_at_most: Duration) -> usize {
    let deadline = Instant::now() + for_at_most;
    stream
        .set_write_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let mut sent = 0;
    let mut writer = stream;
    while sent < bytes.len() && Instant::now() < deadline {
        match writer.write(&bytes[sent..]) {
            Ok(0) => break,
            Ok(n) => sent += n,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => break,
        }
    }
    sent
}

// ---- Finding 1: pipelined requests that are never read ----

#[test]
fn pipelined_requests_that_are_never_read_keep_memory_bounded_and_it_comes_back() {
    const CONNECTIONS: usize = 100;
    const PIPELINED: usize = 3000;
    // Bound on the growth: before the fix this attack took about 500 MB in a
    // debug build (5 MB a connection); now each connection holds one answer.
    const BOUND_KIB: u64 = 64 * 1024;
    let (mut child, address, _lines) = start_binary(&["--log-format", "off"]);
    let host = address.trim_start_matches("http://").to_string();
    // First use allocates what every request needs; measure from after it.
    let mut warm = Conn::open(&host);
    for _ in 0..20 {
        warm.send(b"GET /causes HTTP/1.1\r\nHost: x\r\n\r\n");
        assert_eq!(warm.response().unwrap().status, 200);
    }
    drop(warm);
    let (before, _) = memory_kib(child.id());

    let requests = b"GET /causes HTTP/1.1\r\nHost: x\r\n\r\n".repeat(PIPELINED);
    let flood: Vec<TcpStream> = (0..CONNECTIONS)
        .map(|_| TcpStream::connect(&host).unwrap())
        .collect();
    let sent: usize = std::thread::scope(|s| {
        let writers: Vec<_> = flood
            .iter()
            .map(|stream| {
                let requests = &requests;
                s.spawn(move || write_without_reading(stream, requests, Duration::from_secs(5)))
            })
            .collect();
        writers.into_iter().map(|w| w.join().unwrap()).sum()
    });
    assert!(
        sent > CONNECTIONS * 4096,
        "the flood was sent: {sent} bytes"
    );
    // While the flood holds its connections, a new client is served.
    let mut conn = Conn::open(&host);
    conn.send(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!(
        conn.response().expect("served during the flood").status,
        200
    );
    let (_, peak) = memory_kib(child.id());
    drop(flood);
    drop(conn);
    // The memory comes back once the flood is gone (the server may take a
    // moment to close the connections; the peak, once reached, stays).
    let deadline = Instant::now() + Duration::from_secs(20);
    let after = loop {
        let (now, _) = memory_kib(child.id());
        if now <= before + BOUND_KIB || Instant::now() >= deadline {
            break now;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        peak.saturating_sub(before) < BOUND_KIB,
        "{CONNECTIONS} connections x {PIPELINED} unread requests: {before} KiB -> peak {peak} KiB"
    );
    assert!(
        after.saturating_sub(before) < BOUND_KIB,
        "after the flood: {before} KiB -> {after} KiB"
    );
}

#[tokio::test]
async fn a_body_without_a_length_is_refused_with_411_and_never_read() {
    let app = spawn_app().await;
    for (path, kind) in [
        ("/check", "application/x-www-form-urlencoded"),
        ("/es/embed/check", "application/x-www-form-urlencoded"),
        ("/api/v1/triage", "application/json"),
    ] {
        for expect in ["", "Expect: 100-continue\r\n"] {
            let address = app.address.clone();
            let head = format!(
                "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {kind}\r\nTransfer-Encoding: chunked\r\n{expect}\r\n"
            );
            let (answer, closed) = tokio::task::spawn_blocking(move || {
                let mut conn = Conn::open(&address);
                conn.send(head.as_bytes());
                // A body, and a request hidden after it: neither is read.
                conn.send(b"5\r\nhello\r\n0\r\n\r\nGET /causes HTTP/1.1\r\nHost: x\r\n\r\n");
                let answer = conn.response().expect("an answer");
                (answer, conn.closes_within(Duration::from_secs(15)))
            })
            .await
            .unwrap();
            assert_eq!(answer.status, 411, "{path} {expect}: {}", answer.head);
            assert_eq!(answer.header("cache-control").as_deref(), Some("no-store"));
            if path.starts_with("/api/") {
                let json: Value = serde_json::from_str(&answer.body).unwrap();
                assert!(json["error"].is_string(), "{}", answer.body);
            } else {
                assert!(answer.body.contains("<main"), "a page: {}", answer.body);
            }
            assert!(
                closed,
                "{path}: the connection closes, the hidden request unanswered"
            );
        }
    }
    // With a length, the same answers are read.
    assert_eq!(app.post_form("/check", BASELINE).await.status(), 200);
}

#[tokio::test]
async fn a_request_head_larger_than_16_kib_gets_431_and_the_connection_closes() {
    let app = spawn_app().await;
    let address = app.address.clone();
    let (answer, closed) = tokio::task::spawn_blocking(move || {
        let mut conn = Conn::open(&address);
        conn.send(
            format!(
                "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
                "a".repeat(20_000)
            )
            .as_bytes(),
        );
        let answer = conn.response().expect("an answer");
        (answer, conn.closes_within(Duration::from_secs(15)))
    })
    .await
    .unwrap();
    assert_eq!(answer.status, 431, "{}", answer.head);
    assert!(
        answer.body.contains("Request too large"),
        "the friendly page"
    );
    assert!(answer.header("content-security-policy").is_some());
    assert!(closed);
}

// ---- Finding 2: idle keep-alive connections lock new clients out ----

#[tokio::test]
async fn near_the_connection_limit_idle_connections_close_first_so_a_new_client_is_served() {
    // One worker that holds 8 connections, and deadlines (600 s) far longer
    // than the test: only making room can serve a new client.
    let app = spawn_app_holding(
        RawSettings {
            keep_alive: Some("600".into()),
            body_timeout: Some("600".into()),
            ..Default::default()
        },
        Capacity {
            workers: Some(1),
            connections_per_worker: 8,
        },
    )
    .await;
    let address = app.address.clone();
    let (busy_answer, first_idle_closed, newcomer) = tokio::task::spawn_blocking(move || {
        // A request in flight (its body still coming): never closed to make room.
        let mut busy = Conn::open(&address);
        busy.send(format!("POST /check HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nExpect: 100-continue\r\n\r\n", BASELINE.len()).as_bytes());
        assert_eq!(busy.response().expect("100 Continue").status, 100);
        // 40 clients, five times the limit, each sends one request and keeps
        // its connection open, as browsers do. Each is served (within the
        // connection's 10 s read timeout, not the 600 s keep-alive).
        let mut idle = Vec::new();
        for i in 0..40 {
            let mut conn = Conn::open(&address);
            conn.send(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            let answer = conn.response().unwrap_or_else(|| panic!("client {i} was not served"));
            assert_eq!(answer.status, 200);
            idle.push(conn);
        }
        let mut newcomer = Conn::open(&address);
        newcomer.send(b"GET /causes HTTP/1.1\r\nHost: x\r\n\r\n");
        let newcomer = newcomer.response().map(|r| r.status);
        let first_idle_closed = idle[0].closes_within(Duration::from_secs(15));
        busy.send(BASELINE.as_bytes());
        (busy.response().map(|r| r.status), first_idle_closed, newcomer)
    })
    .await
    .unwrap();
    assert_eq!(
        newcomer,
        Some(200),
        "a new client is served under the flood"
    );
    assert!(first_idle_closed, "the longest-idle connection made room");
    assert_eq!(
        busy_answer,
        Some(200),
        "the request in flight was never cut"
    );
}

// ---- Finding 3: a log nobody reads ----

/// The real binary with its standard output a pipe that nobody reads after
/// the line that says where it listens (standard error goes nowhere).
fn start_binary_nobody_reads(extra: &[&str]) -> (Running, String, BufReader<ChildStdout>) {
    let mut child = Running::spawn(
        Command::new(env!("CARGO_BIN_EXE_leg-pain-guide"))
            .args(["serve", "--bind", "127.0.0.1:0", "--content-dir"])
            .arg(content_dir())
            .arg("--locales-dir")
            .arg(locales_dir())
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
    );
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    let address = loop {
        line.clear();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "the server starts"
        );
        if let Some(a) = line.split_whitespace().find(|w| w.starts_with("http://")) {
            break a
                .trim_end_matches('/')
                .trim_start_matches("http://")
                .to_string();
        }
    };
    (child, address, stdout)
}

/// Requests whose log lines (about 470 bytes each: a 200-character path of
/// quotes, each escaped in the log) fill a 64 KiB pipe and the log's 1 MiB
/// buffer twice over, on four connections at once; every one must be answered.
fn flood_the_log(host: &str) {
    let path = format!("/{}", "'".repeat(199));
    std::thread::scope(|s| {
        for _ in 0..4 {
            let path = &path;
            s.spawn(move || {
                let mut conn = Conn::open(host);
                for i in 0..1200 {
                    conn.send(format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes());
                    let answer = conn.response().unwrap_or_else(|| {
                        panic!("request {i} was not answered: the log blocked it")
                    });
                    assert_eq!(answer.status, 404);
                }
            });
        }
    });
}

/// Waits for a child to exit, for at most `wait`; kills it if it does not.
fn exits_within(child: &mut Child, wait: Duration) -> Option<i32> {
    let deadline = Instant::now() + wait;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_log_nobody_reads_never_stops_a_request_or_a_stop_signal() {
    let (mut child, host, _unread) = start_binary_nobody_reads(&[]);
    flood_the_log(&host);
    let mut conn = Conn::open(&host);
    conn.send(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_eq!(conn.response().expect("still served").status, 200);
    assert!(
        Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap()
            .success()
    );
    // The stop waits for nothing: no request is in flight, and the log's
    // last flush gives up after a second. 30 s is a wide margin.
    assert_eq!(
        exits_within(&mut child, Duration::from_secs(30)),
        Some(0),
        "SIGTERM stops the server although nobody reads its log"
    );
}

#[test]
fn log_lines_dropped_while_nobody_read_are_counted_once_the_log_moves_again() {
    // JSON: every line, the count included, goes to standard output.
    let (mut child, host, mut unread) = start_binary_nobody_reads(&["--log-format", "json"]);
    flood_the_log(&host);
    // Someone reads again: the log catches up, then says what it dropped.
    let mut conn = Conn::open(&host);
    conn.send(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!(conn.response().unwrap().status, 200);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        while unread.read_line(&mut line).unwrap_or(0) > 0 {
            if tx.send(std::mem::take(&mut line)).is_err() {
                break;
            }
        }
    });
    // Ends when a line has the count, or after 20 s with no line at all.
    let dropped =
        std::iter::from_fn(|| rx.recv_timeout(Duration::from_secs(20)).ok()).find_map(|line| {
            let event: Value =
                serde_json::from_str(&line).unwrap_or_else(|e| panic!("not JSON: {line}: {e}"));
            let n = event["dropped"].as_u64()?;
            Some((n, event["msg"].as_str().unwrap_or_default().to_string()))
        });
    let _ = child.kill();
    let _ = child.wait();
    let (n, message) = dropped.expect("a line says how many lines were dropped");
    assert!(n > 1000, "{n}: {message}");
    assert!(message.contains("dropped"), "{message}");
}

/// The first line with `needle`, and the lines before it.
fn lines_until(
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
    needle: &str,
) -> Vec<String> {
    let mut seen = Vec::new();
    for line in lines.map_while(Result::ok) {
        let found = line.contains(needle);
        seen.push(line);
        if found {
            return seen;
        }
    }
    panic!("no log line with {needle:?} in {seen:#?}");
}

fn signal(child: &Child, name: &str) {
    assert!(
        Command::new("kill")
            .args([&format!("-{name}"), &child.id().to_string()])
            .status()
            .unwrap()
            .success()
    );
}

#[test]
fn a_reload_applies_the_new_log_format_off_included() {
    let dir = tempfile::tempdir().unwrap();
    let settings = dir.path().join("settings.toml");
    std::fs::write(&settings, "log_format = \"text\"\n").unwrap();
    let (mut child, address, mut lines) = start_binary(&["--config", settings.to_str().unwrap()]);
    let get = |path: &str| {
        let mut conn = Conn::open(&address);
        conn.send(
            format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
        );
        assert_eq!(conn.response().unwrap().status, 200, "{path}");
    };
    get("/faq");
    lines_until(&mut lines, "GET /faq 200");

    std::fs::write(&settings, "log_format = \"off\"\n").unwrap();
    signal(&child, "HUP");
    lines_until(&mut lines, "reloaded");
    get("/about");
    // A second reload's line comes after any line the request made: none.
    signal(&child, "HUP");
    let between = lines_until(&mut lines, "reloaded");
    assert!(
        !between.iter().any(|l| l.contains("/about")),
        "log_format = \"off\" turns the request log off: {between:#?}"
    );

    std::fs::write(&settings, "log_format = \"json\"\n").unwrap();
    signal(&child, "HUP");
    let reloaded = lines_until(&mut lines, "reloaded");
    assert!(
        serde_json::from_str::<Value>(reloaded.last().unwrap()).is_ok(),
        "the reload's own line is in the new format: {reloaded:#?}"
    );
    get("/glossary");
    let logged = lines_until(&mut lines, "/glossary");
    let event: Value = serde_json::from_str(logged.last().unwrap()).unwrap();
    assert_eq!(event["path"], "/glossary");
    signal(&child, "TERM");
    let _ = child.wait();
}

// ---- Finding 4: a missing or unreadable folder or file ----

/// Runs a command of the binary from `cwd`; its exit code and standard error.
fn run_in(cwd: &std::path::Path, args: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_leg-pain-guide"))
        .current_dir(cwd)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_missing_or_unreadable_folder_or_file_is_one_line_and_exit_2_from_any_working_directory() {
    let elsewhere = tempfile::tempdir().unwrap();
    let cwd = elsewhere.path();
    let content = content_dir().display().to_string();
    let locales = locales_dir().display().to_string();
    // Strings folders: empty; the reference strings file a folder.
    let empty = cwd.join("empty");
    std::fs::create_dir(&empty).unwrap();
    let odd = cwd.join("odd-locales");
    std::fs::create_dir_all(odd.join("en.ftl")).unwrap();
    std::fs::copy(locales_dir().join("es.ftl"), odd.join("es.ftl")).unwrap();
    // Content with English only, while the strings have Spanish too.
    let half = cwd.join("half-content");
    std::fs::create_dir(&half).unwrap();
    std::os::unix::fs::symlink(content_dir().join("en"), half.join("en")).unwrap();
    let (empty, odd, half) = (
        empty.display().to_string(),
        odd.display().to_string(),
        half.display().to_string(),
    );
    let en_ftl = format!("{locales}/en.ftl");
    let cases: Vec<(Vec<&str>, Vec<String>)> = vec![
        // The default folders are relative: another working directory has none.
        (
            vec![],
            vec!["--content-dir".into(), cwd.display().to_string()],
        ),
        (
            vec!["--content-dir", &content],
            vec!["--locales-dir".into(), cwd.display().to_string()],
        ),
        (
            vec!["--content-dir", &content, "--locales-dir", &empty],
            vec![format!("{empty}/en.ftl"), "missing".into()],
        ),
        (
            vec!["--content-dir", &content, "--locales-dir", &en_ftl],
            vec!["--locales-dir".into(), en_ftl.clone()],
        ),
        (
            vec!["--content-dir", &content, "--locales-dir", &odd],
            vec![format!("{odd}/en.ftl"), "cannot read".into()],
        ),
        (
            vec!["--content-dir", &half, "--locales-dir", &locales],
            vec![format!("{half}/es"), "cannot read".into()],
        ),
    ];
    let out = cwd.join("out").display().to_string();
    for (args, named) in &cases {
        for command in ["check", "serve", "export"] {
            let mut all = vec![command, "--bind", "127.0.0.1:0"];
            all.extend(args);
            if command == "export" {
                all.push(&out);
            }
            let (code, stderr) = run_in(cwd, &all);
            assert_eq!(code, Some(2), "{all:?}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{all:?}: one line: {stderr}");
            for name in named {
                assert!(
                    stderr.contains(name.as_str()),
                    "{all:?} names {name}: {stderr}"
                );
            }
            assert!(!stderr.contains("panicked"), "{all:?}: {stderr}");
        }
    }
}

#[test]
fn a_reload_with_a_missing_folder_or_a_bad_setting_is_one_log_line_and_the_old_site_stays() {
    let fixture = common::Fixture::new();
    let settings = fixture.path("settings.toml");
    std::fs::write(&settings, "emergency_number = \"112\"\n").unwrap();
    let (mut child, address, mut lines) = common::start_binary_with(
        &fixture.path("content"),
        &fixture.path("locales"),
        &[
            "--config",
            settings.to_str().unwrap(),
            "--log-format",
            "json",
        ],
    );
    let get = |path: &str| {
        let mut conn = Conn::open(&address);
        conn.send(
            format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
        );
        conn.response().unwrap()
    };
    lines_until(&mut lines, "Ready in");
    let moved = fixture.path("locales-moved");
    // Each: how to break it, how to mend it, and what the log line must name.
    type Change<'a> = Box<dyn Fn() + 'a>;
    let breakages: Vec<(Change, Change, &str)> = vec![
        (
            Box::new(|| std::fs::rename(fixture.path("locales"), &moved).unwrap()),
            Box::new(|| std::fs::rename(&moved, fixture.path("locales")).unwrap()),
            "--locales-dir",
        ),
        (
            Box::new(|| {
                std::fs::rename(fixture.path("content/es"), fixture.path("content/es-moved"))
                    .unwrap()
            }),
            Box::new(|| {
                std::fs::rename(fixture.path("content/es-moved"), fixture.path("content/es"))
                    .unwrap()
            }),
            "content/es",
        ),
        (
            Box::new(|| std::fs::write(&settings, "head_timeout = \"soon\"\n").unwrap()),
            Box::new(|| std::fs::write(&settings, "emergency_number = \"112\"\n").unwrap()),
            "--head-timeout",
        ),
    ];
    for (break_it, mend_it, named) in &breakages {
        break_it();
        signal(&child, "HUP");
        // The first line about the server after the signal (request lines
        // aside) is the whole story.
        let (line, event) = loop {
            let line = lines.next().expect("a line").unwrap();
            let event: Value = serde_json::from_str(&line)
                .unwrap_or_else(|e| panic!("one JSON object: {line}: {e}"));
            if event.get("method").is_none() {
                break (line, event);
            }
        };
        assert_eq!(event["level"], "warn", "{line}");
        let message = event["msg"].as_str().unwrap();
        assert!(
            message.contains("still serving the old site") && message.contains(named),
            "{named}: {message}"
        );
        let page = get("/causes");
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains(r#"href="tel:112""#),
            "the old site, with its settings"
        );
        mend_it();
    }
    // Mended: the next reload works.
    signal(&child, "HUP");
    let line = lines
        .map_while(Result::ok)
        .find(|l| !l.contains("\"method\""))
        .expect("a line");
    assert!(line.contains("reloaded"), "{line}");
    signal(&child, "TERM");
    let _ = child.wait();
}

// ---- Finding 6: script content inside the JSON-LD ----

#[test]
fn a_description_holding_script_markup_never_swallows_the_page() {
    let fixture = common::Fixture::new();
    let description = "Who this site is for <!--<script> and </script> & more.";
    fixture.replace(
        "content/en/about.md",
        "description = \"Who this site is for, where its facts come from, how we review it, and how we protect your privacy.\"",
        &format!("description = {description:?}"),
    );
    let (ok, stderr) = fixture.check(&[]);
    assert!(ok, "check accepts it: {stderr}");
    let (mut child, address, _lines) = common::start_binary_with(
        &fixture.path("content"),
        &fixture.path("locales"),
        &["--log-format", "off"],
    );
    let mut conn = Conn::open(&address);
    conn.send(b"GET /about HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    let page = conn.response().expect("the page");
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(page.status, 200);
    // Parsed as a browser parses it: the page's body is all there.
    let doc = scraper::Html::parse_document(&page.body);
    assert_eq!(
        select(&doc, "main h1").len(),
        1,
        "the page is not swallowed"
    );
    assert!(
        page_text(&doc).contains("911"),
        "the emergency number is still shown"
    );
    let scripts = select(&doc, "script[type='application/ld+json']");
    assert_eq!(scripts.len(), 1);
    let json = scripts[0].text().collect::<String>();
    assert!(
        !json.contains('<') && !json.contains('>') && !json.contains('&'),
        "{json}"
    );
    let data: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        data["@graph"][0]["description"], description,
        "read back unchanged"
    );
}

// ---- Finding 7: settings that mean what was written ----

#[tokio::test]
async fn a_clinic_url_with_a_query_is_accepted_and_linked_as_written() {
    let url = "https://riverside.example/?page_id=12&lang=en";
    let app = spawn_app_with(RawSettings {
        clinic_name: Some("Riverside Clinic".into()),
        clinic_url: Some(url.into()),
        ..Default::default()
    })
    .await;
    // Every embed says how to reach the clinic.
    let doc = app.page("/embed/causes").await;
    let links: Vec<_> = select(&doc, "a")
        .into_iter()
        .filter_map(|a| a.value().attr("href"))
        .filter(|h| h.contains("riverside"))
        .collect();
    assert_eq!(links, [url], "the clinic's link, query and all");
}

// ---- Finding 8: export ----

/// Every file under `dir` with its bytes, and whether any is a link.
fn tree(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let kind = std::fs::symlink_metadata(&path).unwrap().file_type();
            let name = path.strip_prefix(dir).unwrap().display().to_string();
            if kind.is_symlink() {
                out.insert(name, b"<link>".to_vec());
            } else if kind.is_dir() {
                folders.push(path);
            } else {
                out.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn export_to(dir: &std::path::Path, wrap: Option<&str>) -> (Option<i32>, String) {
    let binary = env!("CARGO_BIN_EXE_leg-pain-guide");
    let args = [
        "export".to_string(),
        dir.display().to_string(),
        "--content-dir".into(),
        content_dir().display().to_string(),
        "--locales-dir".into(),
        locales_dir().display().to_string(),
    ];
    let output = match wrap {
        // A shell that sets a limit, then becomes the binary.
        Some(limit) => Command::new("sh")
            .arg("-c")
            .arg(format!("{limit}; exec \"$0\" \"$@\""))
            .arg(binary)
            .args(args)
            .output()
            .unwrap(),
        None => Command::new(binary).args(args).output().unwrap(),
    };
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn export_swaps_in_a_new_folder_never_writes_through_a_link_and_a_failure_leaves_the_old_one_whole()
{
    let place = tempfile::tempdir().unwrap();
    let dir = place.path().join("site");
    let (code, stderr) = export_to(&dir, None);
    assert_eq!(code, Some(0), "{stderr}");
    let first = tree(&dir);
    assert!(first.contains_key("causes.html") && first.contains_key("es/404.html.br"));

    // Someone plants a link where a page goes, and a stale file.
    let victim = place.path().join("victim.txt");
    std::fs::write(&victim, "not the site's to write").unwrap();
    std::fs::remove_file(dir.join("causes.html")).unwrap();
    std::os::unix::fs::symlink(&victim, dir.join("causes.html")).unwrap();
    std::fs::write(dir.join("stale.html"), "an old page").unwrap();
    let (code, stderr) = export_to(&dir, None);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "not the site's to write",
        "never written through a link"
    );
    let second = tree(&dir);
    assert_eq!(
        second, first,
        "a whole new export: the page back, nothing stale"
    );

    // A disk that fills half way (a file-size limit of 8 blocks, 4 or 8 KiB: the larger
    // pages cannot be written): the old export stays whole, nothing is left
    // beside it, and one line says what failed.
    let (code, stderr) = export_to(&dir, Some("trap '' XFSZ; ulimit -f 8"));
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("cannot export"), "{stderr}");
    assert_eq!(tree(&dir), first, "the old export is whole");
    let beside: Vec<_> = std::fs::read_dir(place.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        {
            let mut b = beside.clone();
            b.sort();
            b
        },
        ["site", "victim.txt"],
        "nothing left beside it: {beside:?}"
    );

    // A folder of other files, or a link, is never replaced.
    let other = place.path().join("notes");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("notes.txt"), "mine").unwrap();
    let link = place.path().join("link");
    std::os::unix::fs::symlink(&dir, &link).unwrap();
    for target in [&other, &link] {
        let (code, stderr) = export_to(target, None);
        assert_eq!(code, Some(2), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(&target.display().to_string()), "{stderr}");
    }
    assert_eq!(
        std::fs::read_to_string(other.join("notes.txt")).unwrap(),
        "mine"
    );
    assert_eq!(tree(&dir), first);
}

// ---- Finding 9: a per-client limit ----

async fn post_as(
    app: &TestApp,
    client: &str,
    path: &str,
    kind: &str,
    body: &str,
) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header("x-forwarded-for", client)
        .header("content-type", kind)
        .body(body.to_string())
        .send()
        .await
        .unwrap()
}

async fn get_as(app: &TestApp, client: &str, path: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .header("x-forwarded-for", client)
        .send()
        .await
        .unwrap()
}

const FORM: &str = "application/x-www-form-urlencoded";
const CONNECT: &str =
    "/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=R25.2";

#[tokio::test]
async fn a_client_past_the_rate_limit_gets_429_with_retry_after_in_its_format() {
    // Behind a proxy on loopback that names the client in X-Forwarded-For.
    // One request a minute: the next one comes back after 60 s, far longer
    // than this test takes on any machine.
    let app = spawn_app_with(RawSettings {
        rate_limit: Some("1".into()),
        trusted_proxies: Some("127.0.0.1".into()),
        ..Default::default()
    })
    .await;
    let a = "203.0.113.7";
    assert_eq!(
        post_as(&app, a, "/check", FORM, BASELINE).await.status(),
        200
    );
    let limited = post_as(&app, a, "/check", FORM, BASELINE).await;
    assert_eq!(limited.status(), 429);
    let retry: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    assert_eq!(limited.headers()["cache-control"], "no-store");
    assert!(
        limited.text().await.unwrap().contains("Too many requests"),
        "a page"
    );
    // Every way to the check's answers, the API, /connect and search.
    let spanish = post_as(&app, a, "/es/embed/check", FORM, BASELINE).await;
    assert_eq!(spanish.status(), 429);
    assert!(
        spanish
            .text()
            .await
            .unwrap()
            .contains("Demasiadas solicitudes")
    );
    let api = post_as(&app, a, "/api/v1/triage", "application/json", "{}").await;
    assert_eq!(api.status(), 429);
    assert!(api.headers().contains_key("retry-after"));
    assert!(
        api.json::<Value>().await.unwrap()["error"].is_string(),
        "JSON for the API"
    );
    for path in [
        CONNECT,
        "/search?q=cramp",
        "/es/search?q=calambre",
        "/api/v1/search?q=cramp",
    ] {
        assert_eq!(get_as(&app, a, path).await.status(), 429, "{path}");
    }
    // Reading pages is never limited, and other clients are not held up.
    assert_eq!(get_as(&app, a, "/causes").await.status(), 200);
    assert_eq!(get_as(&app, a, "/check").await.status(), 200);
    assert_eq!(
        post_as(&app, "203.0.113.8", "/check", FORM, BASELINE)
            .await
            .status(),
        200
    );
    // An address the client writes in front of its own does not help it.
    let spoofed = post_as(
        &app,
        &format!("198.51.100.1, {a}"),
        "/check",
        FORM,
        BASELINE,
    )
    .await;
    assert_eq!(spoofed.status(), 429);
}

#[tokio::test]
async fn loopback_clients_and_a_limit_of_0_are_never_limited() {
    // No proxy declared: the loopback peer is the client, as in local tests
    // and benchmarks; what it writes in X-Forwarded-For is not believed.
    let app = spawn_app_with(RawSettings {
        rate_limit: Some("3".into()),
        ..Default::default()
    })
    .await;
    for _ in 0..10 {
        assert_eq!(
            post_as(&app, "203.0.113.7", "/check", FORM, BASELINE)
                .await
                .status(),
            200
        );
        assert_eq!(get_as(&app, "203.0.113.7", CONNECT).await.status(), 302);
    }
    let off = spawn_app_with(RawSettings {
        rate_limit: Some("0".into()),
        trusted_proxies: Some("127.0.0.1".into()),
        ..Default::default()
    })
    .await;
    for _ in 0..10 {
        assert_eq!(
            post_as(&off, "203.0.113.7", "/check", FORM, BASELINE)
                .await
                .status(),
            200
        );
    }
}

// ---- Finding 9 (info): HTTP as RFC 9110 says, and an API that speaks to programs ----

#[tokio::test]
async fn if_match_is_answered_as_rfc_9110_says() {
    let app = spawn_app().await;
    let get = |headers: &'static [(&'static str, &'static str)]| {
        let mut request = app
            .client
            .get(app.url("/causes"))
            .header("accept-encoding", "br");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send()
    };
    let tag = get(&[]).await.unwrap().headers()["etag"]
        .to_str()
        .unwrap()
        .to_string();
    let with_tag = app
        .client
        .get(app.url("/causes"))
        .header("accept-encoding", "br")
        .header("if-match", format!("\"other\", {tag}"))
        .send()
        .await
        .unwrap();
    assert_eq!(with_tag.status(), 200, "a matching tag");
    assert_eq!(
        get(&[("if-match", "*")]).await.unwrap().status(),
        200,
        "* matches a page that exists"
    );
    for value in ["\"nope\"", "nope"] {
        let refused = app
            .client
            .get(app.url("/causes"))
            .header("if-match", value)
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 412, "If-Match: {value}");
        assert_eq!(refused.headers()["cache-control"], "no-store");
        assert!(
            refused
                .text()
                .await
                .unwrap()
                .contains("This page has changed")
        );
    }
    let weak = app
        .client
        .get(app.url("/causes"))
        .header("accept-encoding", "br")
        .header("if-match", format!("W/{tag}"))
        .send()
        .await
        .unwrap();
    assert_eq!(weak.status(), 412, "If-Match compares strongly");
    // The API has no representation to match: `*` fails too, in JSON.
    let api = app
        .client
        .post(app.url("/api/v1/triage"))
        .header("content-type", "application/json")
        .header("if-match", "*")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 412);
    assert!(
        api.json::<Value>().await.unwrap()["error"]
            .as_str()
            .unwrap()
            .contains("If-Match")
    );
}

#[tokio::test]
async fn an_unknown_expectation_gets_417_and_an_h2c_upgrade_is_ignored() {
    let app = spawn_app().await;
    // An expectation other than 100-continue.
    let expect = app
        .client
        .get(app.url("/causes"))
        .header("accept-encoding", "br")
        .header("expect", "200-ok")
        .send()
        .await
        .unwrap();
    assert_eq!(expect.status(), 417);
    assert!(
        expect
            .text()
            .await
            .unwrap()
            .contains("We could not handle this request")
    );

    // An h2c upgrade: ignored, answered over HTTP/1.1, no `Connection: upgrade`.
    let address = app.address.clone();
    let (answer, closed) = tokio::task::spawn_blocking(move || {
        let mut conn = Conn::open(&address);
        conn.send(b"GET /causes HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n");
        let answer = conn.response().expect("an answer");
        (answer, conn.closes_within(Duration::from_secs(15)))
    })
    .await
    .unwrap();
    assert_eq!(answer.status, 200, "{}", answer.head);
    assert!(answer.head.starts_with("HTTP/1.1 200"));
    assert!(
        answer.body.contains("Causes of leg pain at night"),
        "the whole page"
    );
    let connection = answer
        .header("connection")
        .unwrap_or_default()
        .to_ascii_lowercase();
    assert!(!connection.contains("upgrade"), "{}", answer.head);
    assert_eq!(connection, "close", "{}", answer.head);
    assert!(answer.header("upgrade").is_none(), "{}", answer.head);
    assert!(closed, "then closed, plainly");
}

#[tokio::test]
async fn the_apis_errors_speak_to_programs_in_json() {
    let app = spawn_app().await;
    let too_large = app
        .post_json(
            "/api/v1/triage",
            format!("{{\"x\": \"{}\"}}", "a".repeat(20_000)),
        )
        .await;
    assert_eq!(too_large.status(), 413);
    let message = too_large.json::<Value>().await.unwrap()["error"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(message.contains("16 KiB"), "{message}");
    assert!(
        !message.contains("symptom check") && !message.contains("form"),
        "{message}"
    );
    let wrong_type = app
        .client
        .post(app.url("/api/v1/triage"))
        .header("content-type", "text/plain")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_type.status(), 415);
    let message = wrong_type.json::<Value>().await.unwrap()["error"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(message.contains("application/json"), "{message}");
    let missing = app.get("/api/v2/triage").await;
    assert_eq!(missing.status(), 404);
    assert!(
        missing.json::<Value>().await.unwrap()["error"]
            .as_str()
            .unwrap()
            .contains("endpoint")
    );
    let method = app.get("/api/v1/triage").await;
    assert_eq!(method.status(), 405);
    assert!(
        method.json::<Value>().await.unwrap()["error"]
            .as_str()
            .unwrap()
            .contains("POST")
    );
    // The pages' own words stay for people.
    let page = app.post_form("/check", "x".repeat(20_000)).await;
    assert_eq!(page.status(), 413);
    assert!(page.text().await.unwrap().contains("symptom check"));
}

// ---- Finding 5: the README's reverse-proxy recipe ----

/// The README's nginx recipe, after checking its log format writes no
/// query, referer or address.
fn readme_proxy_recipe() -> String {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let section = &readme[readme.find("### Behind a reverse proxy").unwrap()..];
    let start = section.find("```nginx\n").unwrap() + "```nginx\n".len();
    let recipe = &section[start..start + section[start..].find("```").unwrap()];
    let log_format = recipe.lines().find(|l| l.contains("log_format")).unwrap();
    for leak in [
        "$request ",
        "$request\"",
        "$request_uri",
        "$args",
        "$query_string",
        "$http_referer",
        "$remote_addr",
        "$http_x_forwarded_for",
    ] {
        assert!(!log_format.contains(leak), "{leak} in {log_format}");
    }
    recipe.to_string()
}

/// nginx running the recipe in `dir`, in front of the app at `upstream`, on
/// a free port; with the port and its access log's path.
fn start_edge(nginx: &str, recipe: &str, upstream: &str, dir: &Path) -> (Nginx, u16, String) {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let d = dir.display().to_string();
    let access_log = format!("{d}/access.log");
    let block = recipe
        .replace("listen 443 ssl;", &format!("listen 127.0.0.1:{port};"))
        .replace("/var/log/nginx/legs.access.log", &access_log)
        .replace("http://127.0.0.1:8080", upstream);
    let conf = dir.join("nginx.conf");
    std::fs::write(
        &conf,
        format!(
            "worker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\nevents {{ worker_connections 256; }}\nhttp {{\n client_body_temp_path {d}/body;\n proxy_temp_path {d}/proxy;\n{block}\n}}\n"
        ),
    )
    .unwrap();
    let nginx = start_nginx(nginx, dir, &conf);
    (nginx, port, access_log)
}

#[tokio::test]
async fn the_readme_proxy_recipe_logs_no_code_referer_or_address_and_limits_at_the_edge() {
    let nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .expect("nginx is not installed: run scripts/test, which installs it");
    let recipe = readme_proxy_recipe();
    let app = spawn_app_with(RawSettings {
        trusted_proxies: Some("127.0.0.1".into()),
        ..Default::default()
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let (_nginx, port, access_log) = start_edge(nginx, &recipe, &app.address, dir.path());
    let edge = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(30);
    while app
        .client
        .get(format!("{edge}/healthz"))
        .send()
        .await
        .is_err()
    {
        assert!(
            Instant::now() < deadline,
            "nginx did not start: {}",
            std::fs::read_to_string(dir.path().join("error.log")).unwrap_or_default()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The issue's request: a diagnosis code and its name, from a chart.
    let connect = "/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=I80.10&mainSearchCriteria.v.dn=Phlebitis%20of%20femoral%20vein";
    let answer = app
        .client
        .get(format!("{edge}{connect}"))
        .header("referer", "https://ehr.example/chart?mrn=12345")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 302, "proxied to the app");
    // nginx writes its access line after the answer has gone (and a recipe
    // may buffer it): wait for the line, for as long as a busy machine needs.
    let deadline = Instant::now() + Duration::from_secs(30);
    let logged = loop {
        let logged = std::fs::read_to_string(&access_log).unwrap_or_default();
        if logged.contains("\"GET /connect\"") {
            break logged;
        }
        assert!(Instant::now() < deadline, "no access line: {logged}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    for secret in ["I80", "Phlebitis", "mrn", "ehr.example", "127.0.0.1"] {
        assert!(
            !logged.contains(secret),
            "{secret} in the access log: {logged}"
        );
    }
    // The edge limits a client that keeps asking (bursts of 60, then 2 a second).
    let mut statuses = Vec::new();
    for _ in 0..200 {
        statuses.push(
            app.client
                .get(format!("{edge}{connect}"))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16(),
        );
    }
    assert!(
        statuses.contains(&429),
        "limit_req answers 429: {statuses:?}"
    );
    // Pages are not limited.
    for _ in 0..80 {
        assert_eq!(
            app.client
                .get(format!("{edge}/causes"))
                .send()
                .await
                .unwrap()
                .status(),
            200
        );
    }
}
