//! The outside security review's findings, each class pinned: no request can
//! panic the server, every head and body has a deadline, nothing typed into a
//! URL is shown as the site's words, settings work or are refused, HTTP as
//! the RFCs say, random request ids, a usable log, signals, and review dates
//! that never take the site down.

use std::process::Command;
use std::time::Duration;

use actix_web::web;
use leg_pain_guide::settings::{LogFormat, RawSettings};
use leg_pain_guide::web::AppState;
use leg_pain_guide::web::log::Logger;
use serde_json::Value;

use common::*;
use common::{BASELINE, Conn, Fixture, start_binary, start_binary_with};

/// Runs blocking socket work off the test's runtime.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    tokio::task::spawn_blocking(f).await.unwrap()
}

/// How long a test waits for the server to close a connection it should
/// close: several times the longest deadline in play (actix's 2 s linger
/// after a 408 or 413), so a busy machine never fails the test, while a
/// connection that is never closed still does.
const CLOSE_MARGIN: Duration = Duration::from_secs(15);

/// The head deadline for tests that open a connection and then send a
/// request: a fresh connection that sends nothing is closed after it, so it
/// must be far longer than a busy machine's pause between `connect` and
/// `write`, while short enough for the test to wait it out.
const HEAD: &str = "1";

fn fast(head: &str, body: &str, keep_alive: &str) -> RawSettings {
    RawSettings {
        head_timeout: Some(head.into()),
        body_timeout: Some(body.into()),
        keep_alive: Some(keep_alive.into()),
        ..Default::default()
    }
}

// ---- 1. No request can panic the server ----

#[actix_web::test]
async fn a_panic_in_a_handler_answers_a_500_page_with_the_usual_headers_and_a_log_line() {
    let args = test_args(RawSettings::default());
    let (log, lines) = Logger::capture(LogFormat::Json);
    let state = web::Data::new(AppState::sharing(
        site_for(&args),
        args.validate().unwrap(),
        log,
    ));
    let app = leg_pain_guide::web::app(state).route(
        "/panic",
        web::get().to(|| async {
            let answer: Option<&str> = std::hint::black_box(None);
            answer.expect("a bug in a handler")
        }),
    );
    let service = actix_web::test::init_service(app).await;
    let response = actix_web::test::call_service(
        &service,
        actix_web::test::TestRequest::get()
            .uri("/panic")
            .to_request(),
    )
    .await;
    assert_eq!(response.status(), 500);
    let headers = response.headers().clone();
    assert_eq!(headers.get("cache-control").unwrap(), "no-store");
    assert!(
        headers
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
    assert!(headers.contains_key("x-request-id"));
    let body = String::from_utf8_lossy(&actix_web::test::read_body(response).await).into_owned();
    assert!(body.contains("Something went wrong"), "{body}");
    let logged: Vec<String> = lines.try_iter().map(|(_, l)| l).collect();
    assert!(
        logged
            .iter()
            .any(|l| l.contains("handler panicked") && l.contains("a bug in a handler")),
        "{logged:?}"
    );
    assert!(
        logged.iter().any(|l| l.contains("\"status\":500")),
        "{logged:?}"
    );
}

#[tokio::test]
async fn codes_that_once_panicked_the_connect_handler_get_a_clear_4xx() {
    let app = spawn_app().await;
    for code in [
        "%C3%84%C3%96%C3%9C1234",
        "R2%C3%B6.1",
        "%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC",
        "%F0%9F%98%80%F0%9F%98%80",
        "R25.2%00",
        "%FF%FE",
        "",
    ] {
        for system in ["2.16.840.1.113883.6.90", "2.16.840.1.113883.6.96"] {
            let url =
                format!("/connect?mainSearchCriteria.v.cs={system}&mainSearchCriteria.v.c={code}");
            let response = app.get(&url).await;
            assert_eq!(response.status(), 400, "{url}");
            assert!(
                response
                    .text()
                    .await
                    .unwrap()
                    .contains("That is not a diagnosis code we can read")
            );
        }
    }
}

// ---- 2. Deadlines for slow clients ----

#[tokio::test]
async fn a_request_body_that_stops_arriving_gets_408_and_the_connection_closes() {
    let app = spawn_app_with(fast("5", "0.3", "15")).await;
    let address = app.address.clone();
    let (response, closed) = blocking(move || {
        let mut conn = Conn::open(&address);
        conn.send(format!("POST /check HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n", BASELINE.len()).as_bytes());
        conn.send(&BASELINE.as_bytes()[..10]);
        let response = conn.response().expect("an answer");
        (response, conn.closes_within(CLOSE_MARGIN))
    })
    .await;
    // The behaviour, not the speed: a 408 (the body never came), then the close
    // (after actix's 2 s linger at most; the margin is several times that).
    assert_eq!(response.status, 408, "{}", response.head);
    assert!(
        response.body.contains("This took too long"),
        "the friendly page"
    );
    assert_eq!(
        response.header("cache-control").as_deref(),
        Some("no-store")
    );
    assert!(closed, "the connection is closed after a body deadline");
}

#[tokio::test]
async fn every_request_head_on_a_kept_alive_connection_has_a_deadline() {
    let app = spawn_app_with(fast(HEAD, "10", "15")).await;
    let address = app.address.clone();
    let (first, second, closed) = blocking(move || {
        let mut conn = Conn::open(&address);
        conn.send(b"GET /causes HTTP/1.1\r\nHost: x\r\n\r\n");
        let first = conn.response().expect("the page");
        // The second head starts, then stops: before the fix it was held forever.
        conn.send(b"GET /faq HTTP/1.1\r\nHost: x\r\n");
        let second = conn.response().expect("an answer");
        (first, second, conn.closes_within(CLOSE_MARGIN))
    })
    .await;
    assert_eq!(first.status, 200);
    assert_eq!(second.status, 408, "{}", second.head);
    assert!(
        second.body.contains("This took too long"),
        "the friendly page, not an empty 408"
    );
    assert!(
        second
            .header("content-security-policy")
            .is_some_and(|c| c.contains("default-src 'none'")),
        "with the usual headers"
    );
    assert!(closed);
}

#[tokio::test]
async fn the_first_request_head_too_slow_gets_the_friendly_408_too() {
    let app = spawn_app_with(fast(HEAD, "10", "15")).await;
    let address = app.address.clone();
    let response = blocking(move || {
        let mut conn = Conn::open(&address);
        conn.send(b"GET / HTTP/1.1\r\nHost: x\r\n");
        conn.response().expect("an answer")
    })
    .await;
    assert_eq!(response.status, 408);
    assert!(response.body.contains("This took too long"));
    assert!(response.header("x-content-type-options").is_some());
}

#[tokio::test]
async fn a_connection_that_never_sends_a_byte_is_closed_quietly_after_the_head_deadline() {
    let app = spawn_app_with(fast("0.3", "10", "15")).await;
    let address = app.address.clone();
    let (closed, nothing) = blocking(move || {
        let mut conn = Conn::open(&address);
        let closed = conn.closes_within(CLOSE_MARGIN);
        (closed, conn.response().is_none())
    })
    .await;
    assert!(
        closed && nothing,
        "no request was started, so no 408 either"
    );
}

#[tokio::test]
async fn an_idle_kept_alive_connection_is_closed_quietly() {
    let app = spawn_app_with(fast("5", "10", "0.3")).await;
    let address = app.address.clone();
    let (first, closed, nothing_more) = blocking(move || {
        let mut conn = Conn::open(&address);
        conn.send(b"GET /causes HTTP/1.1\r\nHost: x\r\n\r\n");
        let first = conn.response().expect("the page");
        let closed = conn.closes_within(CLOSE_MARGIN);
        (first, closed, conn.response().is_none())
    })
    .await;
    assert_eq!(first.status, 200);
    assert!(
        closed && nothing_more,
        "closed with no 408: nothing had started"
    );
}

#[tokio::test]
async fn a_413_closes_the_connection_and_no_100_continue_comes_before_a_413_or_415() {
    let app = spawn_app().await;
    let address = app.address.clone();
    let (too_large, closed) = blocking(move || {
        let mut conn = Conn::open(&address);
        conn.send(b"POST /check HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 20000\r\nExpect: 100-continue\r\n\r\n");
        let answer = conn.response().expect("an answer");
        (answer, conn.closes_within(CLOSE_MARGIN))
    })
    .await;
    assert_eq!(
        too_large.status, 413,
        "no 100 Continue first: {}",
        too_large.head
    );
    assert!(too_large.body.contains("too large"), "the friendly page");
    assert!(closed, "the connection is closed after a 413");

    let address = app.address.clone();
    let wrong_type = blocking(move || {
        let mut conn = Conn::open(&address);
        conn.send(b"POST /api/v1/triage HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n");
        conn.response().expect("an answer")
    })
    .await;
    assert_eq!(wrong_type.status, 415, "{}", wrong_type.head);
    assert!(
        serde_json::from_str::<Value>(&wrong_type.body).unwrap()["error"].is_string(),
        "as JSON for the API"
    );

    // A body the app will read is asked for, then answered.
    let address = app.address.clone();
    let (go_on, result) = blocking(move || {
        let mut conn = Conn::open(&address);
        conn.send(format!("POST /check HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nExpect: 100-continue\r\n\r\n", BASELINE.len()).as_bytes());
        let go_on = conn.response().expect("100 Continue");
        conn.send(BASELINE.as_bytes());
        (go_on, conn.response().expect("the result"))
    })
    .await;
    assert_eq!((go_on.status, result.status), (100, 200));
}

// ---- 3. Nothing typed into a URL is shown as the site's own words ----

#[tokio::test]
async fn nothing_typed_into_the_connect_query_is_shown_as_the_sites_own_words() {
    let app = spawn_app().await;
    let words = "Do not call 911, call 555 0100";
    let encoded: String = form_urlencoded::byte_serialize(words.as_bytes()).collect();
    for query in [
        format!("mainSearchCriteria.v.cs={encoded}&mainSearchCriteria.v.c=R25.2"),
        format!("mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c={encoded}"),
        format!("mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.dn={encoded}"),
        format!(
            "mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=R25.2&knowledgeResponseType={encoded}"
        ),
        format!(
            "mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=Z00.00&x={encoded}"
        ),
    ] {
        for extra in ["", "&knowledgeResponseType=application/json"] {
            let response = app.get(&format!("/connect?{query}{extra}")).await;
            let status = response.status();
            assert!(status.is_client_error(), "{query}: {status}");
            let body = response.text().await.unwrap();
            for needle in ["555", "Do not call", "Do+not", "Do%20not"] {
                assert!(
                    !body.contains(needle),
                    "{query}{extra} shows {needle:?}: {body}"
                );
            }
        }
    }
}

// ---- 4. A setting works or is refused at start, and check agrees with serve ----

fn run(command: &str, args: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_leg-pain-guide"))
        .arg(command)
        .args(["--content-dir"])
        .arg(content_dir())
        .arg("--locales-dir")
        .arg(locales_dir())
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_setting_that_cannot_work_is_refused_by_check_serve_and_export_alike() {
    let dir = tempfile::tempdir().unwrap();
    let typed = dir.path().join("settings.toml");
    std::fs::write(&typed, "clinic_name = true\n").unwrap();
    let typed = typed.display().to_string();
    let long = format!("--base-url=https://legs.example/{}", "a".repeat(3000));
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec![long.as_str()], "--base-url"),
        (vec!["--embed-origins="], "--embed-origins"),
        (
            vec!["--embed-origins=*, https://a.example"],
            "--embed-origins",
        ),
        (vec!["--embed-origins=http://["], "--embed-origins"),
        (vec!["--bind=0.0.0.0:0"], "--base-url"),
        (vec!["--clinic-phone=555 0100"], "--clinic-name"),
        (vec!["--head-timeout=0"], "--head-timeout"),
        // Settings that passed `check` but did not mean what was written (issue 24).
        (
            vec!["--embed-origins=https://a.example;sandbox,https://*"],
            "--embed-origins",
        ),
        (
            vec!["--bind=0.0.0.0:0", "--base-url=http://localhost:8080"],
            "--base-url",
        ),
        (
            vec!["--bind=0.0.0.0:0", "--base-url=http://[::1]:8080"],
            "--base-url",
        ),
        (
            vec!["--bind=0.0.0.0:0", "--base-url=HTTP://127.0.0.1"],
            "--base-url",
        ),
        (
            vec!["--bind=0.0.0.0:0", "--base-url=http://0.0.0.0:8080"],
            "--base-url",
        ),
        (
            vec![
                "--clinic-name=Riverside \u{202E}Clinic",
                "--clinic-phone=555 0100",
            ],
            "--clinic-name",
        ),
        (vec!["--config", typed.as_str()], "clinic_name"),
    ];
    for (args, flag) in &cases {
        for command in ["check", "serve", "export"] {
            let mut all = args.clone();
            let out = dir.path().join("out").display().to_string();
            if command == "export" {
                all.push(&out);
            }
            let (code, stderr) = run(command, &all);
            assert_eq!(code, Some(2), "{command} {args:?}: {stderr}");
            assert_eq!(
                stderr.lines().count(),
                1,
                "{command} {args:?}: one line: {stderr}"
            );
            assert!(
                stderr.contains(flag),
                "{command} {args:?} names {flag}: {stderr}"
            );
        }
    }
    // A public bind address needs a real base URL; the refusal names both.
    let (_, stderr) = run("check", &["--bind=0.0.0.0:0"]);
    assert!(
        stderr.contains("--bind") && stderr.contains("--base-url"),
        "{stderr}"
    );
}

#[tokio::test]
async fn the_sitemap_stays_xml_when_the_base_url_holds_an_ampersand() {
    let app = spawn_app_with(RawSettings {
        base_url: Some("https://legs.example/a&b".into()),
        ..Default::default()
    })
    .await;
    let sitemap = app.get("/sitemap.xml").await.text().await.unwrap();
    let mut reader = quick_xml::Reader::from_str(&sitemap);
    let mut locs = Vec::new();
    let mut in_loc = false;
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("the sitemap is not XML: {e}\n{sitemap}"))
        {
            quick_xml::events::Event::Start(e) => {
                in_loc = e.name().as_ref() == b"loc";
                if in_loc {
                    locs.push(String::new());
                }
            }
            quick_xml::events::Event::End(_) => in_loc = false,
            quick_xml::events::Event::Text(text) if in_loc => {
                locs.last_mut().unwrap().push_str(&text.decode().unwrap())
            }
            quick_xml::events::Event::GeneralRef(r) if in_loc => {
                let c = r
                    .resolve_char_ref()
                    .unwrap()
                    .expect("only character references");
                locs.last_mut().unwrap().push(c);
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert!(locs.len() >= 13, "{locs:?}");
    // Escaped once: the reader reads back the base URL as it was set.
    assert!(
        locs.iter().any(|l| l == "https://legs.example/a&b/causes"),
        "{locs:?}"
    );
}

// ---- 5. HTTP as the RFCs say ----

async fn get_with(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = app.client.get(app.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn accept_encoding_and_if_none_match_follow_the_rfcs() {
    let app = spawn_app().await;
    let coding = |r: &reqwest::Response| {
        r.headers()
            .get("content-encoding")
            .map(|v| v.to_str().unwrap().to_string())
    };
    let r = get_with(&app, "/causes", &[("accept-encoding", "br;q=0, *")]).await;
    assert_eq!(
        coding(&r).as_deref(),
        Some("gzip"),
        "* covers gzip, not the refused br"
    );
    let r = get_with(&app, "/causes", &[("accept-encoding", "gzip;Q=0, br;Q=0")]).await;
    assert_eq!(coding(&r), None, "parameter names in any case");
    let r = get_with(
        &app,
        "/causes",
        &[("accept-encoding", "gzip;q=0"), ("accept-encoding", "br")],
    )
    .await;
    assert_eq!(coding(&r).as_deref(), Some("br"), "repeated header lines");
    let tag = r.headers()["etag"].to_str().unwrap().to_string();
    let weak = format!("W/{tag}");
    for inm in [weak.as_str(), &format!("\"other\", {tag}"), "*"] {
        let r = get_with(
            &app,
            "/causes",
            &[("accept-encoding", "br"), ("if-none-match", inm)],
        )
        .await;
        assert_eq!(r.status(), 304, "If-None-Match: {inm}");
    }
    let r = get_with(
        &app,
        "/causes",
        &[
            ("accept-encoding", "br"),
            ("if-none-match", "\"other\""),
            ("if-none-match", &tag),
        ],
    )
    .await;
    assert_eq!(r.status(), 304, "repeated If-None-Match lines");
}

#[tokio::test]
async fn bodies_are_refused_as_the_rfcs_say() {
    let app = spawn_app().await;
    // A compressed body is not read (415), for the form and the API.
    for (path, kind) in [
        ("/check", "application/x-www-form-urlencoded"),
        ("/api/v1/triage", "application/json"),
    ] {
        let r = app
            .client
            .post(app.url(path))
            .header("content-type", kind)
            .header("content-encoding", "gzip")
            .body("x")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 415, "{path}");
        assert_eq!(r.headers()["cache-control"], "no-store");
    }
    // A JSON member given twice is refused, naming it.
    let body = r#"{"severity": "mild", "one_leg_signs": false, "breathless": false, "numbness": false, "skin_changes": false, "injury": false, "severity": "severe", "onset": "days", "frequency": "occasional", "course": "same", "sleep_impact": "little", "home_care": "helped"}"#;
    let r = app.post_json("/api/v1/triage", body).await;
    assert_eq!(r.status(), 422);
    let json: Value = r.json().await.unwrap();
    assert_eq!(
        json["fields"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["severity"]
    );
    assert!(
        json["fields"]["severity"]
            .as_str()
            .unwrap()
            .contains("once")
    );
}

#[tokio::test]
async fn error_answers_are_never_stored_the_404_has_no_canonical_and_only_embeds_may_be_loaded_elsewhere()
 {
    let app = spawn_app().await;
    let responses = [
        app.get("/no-such-page").await,
        app.client.post(app.url("/causes")).send().await.unwrap(),
        app.post_form("/check", "").await,
        app.post_json("/check", "{}").await,
        app.post_json("/api/v1/triage", "{").await,
        app.get(&format!("/causes?{}", "q".repeat(2100))).await,
        app.get("/connect?mainSearchCriteria.v.cs=1").await,
    ];
    for r in responses {
        let status = r.status();
        assert!(status.is_client_error(), "{status}");
        assert_eq!(r.headers()["cache-control"], "no-store", "{status}");
        assert_eq!(
            r.headers()["cross-origin-resource-policy"],
            "same-origin",
            "{status}"
        );
    }
    let doc = scraper::Html::parse_document(&app.get("/no-such-page").await.text().await.unwrap());
    assert!(
        select(&doc, "link[rel=canonical], meta[property='og:url']").is_empty(),
        "a 404 is not a page to index"
    );
    let page = app.get("/causes").await;
    assert_eq!(
        page.headers()["cross-origin-resource-policy"],
        "same-origin"
    );
    let embed = app.get("/embed/causes").await;
    assert!(
        embed
            .headers()
            .get("cross-origin-resource-policy")
            .is_none(),
        "embeds are for other sites"
    );
}

// ---- 6. Request ids that leak nothing ----

#[tokio::test]
async fn request_ids_are_random_not_a_counter() {
    let app = spawn_app().await;
    let mut ids = Vec::new();
    for _ in 0..8 {
        let r = app.get("/healthz").await;
        ids.push(
            u64::from_str_radix(r.headers()["x-request-id"].to_str().unwrap(), 16)
                .expect("16 hex digits"),
        );
    }
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "no id twice");
    let steps: Vec<u64> = ids.windows(2).map(|w| w[1].wrapping_sub(w[0])).collect();
    assert!(
        steps.iter().any(|s| *s > 1_000_000),
        "ids are not counted up: {ids:?}"
    );
}

// ---- 7. Logs an operator can use ----

#[test]
fn json_logs_carry_timestamps_from_start_up_on_and_refused_requests_leave_a_line() {
    let (mut child, address, lines) =
        start_binary(&["--log-format", "json", "--head-timeout", HEAD]);
    let host = address.trim_start_matches("http://").to_string();
    let mut conn = Conn::open(&host);
    conn.send(b"NOT A REQUEST LINE\r\n\r\n");
    let refused = conn.response();
    let mut slow = Conn::open(&host);
    slow.send(b"GET / HTTP/1.1\r\nHost: x\r\n");
    let timed_out = slow.response().expect("a 408");
    let mut ok = Conn::open(&host);
    ok.send(b"GET /causes HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_eq!(ok.response().unwrap().status, 200);
    // Every line is written before the server exits: no need to wait first.
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let logged: Vec<String> = lines.map_while(Result::ok).collect();
    let _ = child.wait();
    assert_eq!(refused.map(|r| r.status), Some(400));
    assert_eq!(timed_out.status, 408);
    let events: Vec<Value> = logged
        .iter()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect();
    assert!(
        events
            .iter()
            .all(|e| e["ts"].as_str().is_some_and(|t| t.ends_with('Z'))),
        "every line has a timestamp"
    );
    assert!(
        events[0]["msg"]
            .as_str()
            .unwrap()
            .starts_with("Serving the site at"),
        "start-up lines are JSON too"
    );
    assert!(
        events
            .iter()
            .any(|e| e["status"] == 400 && e["msg"].as_str().unwrap().contains("malformed")),
        "{logged:#?}"
    );
    assert!(events.iter().any(|e| e["status"] == 408), "{logged:#?}");
    assert!(
        events
            .iter()
            .any(|e| e["path"] == "/causes" && e["status"] == 200),
        "{logged:#?}"
    );
}

// ---- 8. Signals like nginx ----

fn signal(child: &std::process::Child, name: &str) {
    assert!(
        Command::new("kill")
            .args([&format!("-{name}"), &child.id().to_string()])
            .status()
            .unwrap()
            .success()
    );
}

#[test]
fn a_second_stop_signal_exits_at_once() {
    let (mut child, address, mut lines) = start_binary(&["--body-timeout", "60"]);
    let mut conn = Conn::open(&address);
    // A request in flight that would hold a graceful stop for its whole grace
    // period (10 s). `100 Continue` says the app has it: no guessing how long that takes.
    conn.send(format!("POST /check HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nExpect: 100-continue\r\n\r\n", BASELINE.len()).as_bytes());
    assert_eq!(conn.response().expect("100 Continue").status, 100);
    conn.send(b"one_leg");
    signal(&child, "TERM");
    wait_for_line(&mut lines, "stopping");
    assert!(
        child.try_wait().unwrap().is_none(),
        "the first signal waits for the request in flight"
    );
    signal(&child, "TERM");
    // A graceful stop would end with 0 when its grace period ran out; only the
    // second signal ends it with 143, however long the machine takes.
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(143));
}

/// Waits for a log line containing `needle`.
fn wait_for_line(
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
    needle: &str,
) -> String {
    lines
        .map_while(Result::ok)
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no log line with {needle:?}"))
}

#[test]
fn sighup_reloads_content_strings_and_the_settings_file_without_dropping_a_connection() {
    let fixture = Fixture::new();
    let settings = fixture.path("settings.toml");
    std::fs::write(&settings, "emergency_number = \"112\"\n").unwrap();
    let (mut child, address, mut lines) = start_binary_with(
        &fixture.path("content"),
        &fixture.path("locales"),
        &[
            "--config",
            settings.to_str().unwrap(),
            "--log-format",
            "json",
        ],
    );
    let mut conn = Conn::open(&address);
    let get = |conn: &mut Conn, path: &str| {
        conn.send(format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes());
        conn.response().expect("an answer on the same connection")
    };
    let before = get(&mut conn, "/faq");
    assert!(before.body.contains("Questions about leg pain at night"));
    assert!(
        before
            .body
            .contains(r#"call <a class="tel" href="tel:112">112</a>"#),
        "the settings file is read"
    );
    fixture.replace(
        "content/en/faq.md",
        "title = \"Questions about leg pain at night\"",
        "title = \"Your questions about leg pain at night\"",
    );
    fixture.replace(
        "locales/en.ftl",
        "layout-skip-link = Skip to main content",
        "layout-skip-link = Skip to the page",
    );
    std::fs::write(&settings, "emergency_number = \"999\"\n").unwrap();
    signal(&child, "HUP");
    wait_for_line(&mut lines, "reloaded");
    let after = get(&mut conn, "/faq");
    assert!(
        after
            .body
            .contains("Your questions about leg pain at night"),
        "new content"
    );
    assert!(after.body.contains("Skip to the page"), "new strings");
    assert!(after.body.contains(r#"href="tel:999""#), "new settings");

    // Content with a problem: the old site stays, and the log says why.
    fixture.replace("content/en/causes.md", "(/treatments#", "(/treatment#");
    signal(&child, "HUP");
    let problem = wait_for_line(&mut lines, "link to /treatment#");
    assert!(problem.contains("causes.md"), "{problem}");
    wait_for_line(&mut lines, "still serving the old site");
    let still = get(&mut conn, "/causes");
    assert_eq!(still.status, 200);
    assert!(
        get(&mut conn, "/faq")
            .body
            .contains("Your questions about leg pain at night")
    );
    signal(&child, "TERM");
    let _ = child.wait();
}

// ---- 9. No date can take the site down ----

#[test]
fn a_passed_review_date_never_stops_the_server_and_the_page_says_so() {
    let fixture = Fixture::new();
    fixture.set_front_matter("about.md", "next_review", "2026-01-01");
    fixture.set_front_matter("about.md", "last_reviewed", "2025-07-01");
    let (mut child, address, lines) = start_binary_with(
        &fixture.path("content"),
        &fixture.path("locales"),
        &["--log-format", "json"],
    );
    let mut conn = Conn::open(&address);
    conn.send(b"GET /about HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    let about = conn.response().expect("the page");
    let mut conn = Conn::open(&address);
    conn.send(b"GET /causes HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    let causes = conn.response().expect("the page");
    signal(&child, "TERM");
    let logged: Vec<String> = lines.map_while(Result::ok).collect();
    let _ = child.wait();
    assert!(
        logged
            .iter()
            .any(|l| l.contains("\"warn\"") && l.contains("review date passed")),
        "the log warns: {logged:#?}"
    );
    assert_eq!(about.status, 200);
    assert!(
        about.body.contains("This page is overdue for review"),
        "the page says plainly its review is overdue"
    );
    assert!(
        !causes.body.contains("overdue for review"),
        "only on the overdue page"
    );
    // `check` still fails on it, as CI must.
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok && stderr.contains("review date passed"), "{stderr}");
}
