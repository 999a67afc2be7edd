//! Headers, limits, bad input, compression, shutdown and the request log.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use leg_pain_guide::settings::RawSettings;

use common::*;
use common::{BASELINE, Conn, start_binary};

async fn every_kind_of_response(app: &TestApp) -> Vec<(String, reqwest::Response)> {
    let mut out = Vec::new();
    for path in [
        "/",
        "/causes",
        "/healthz",
        "/sitemap.xml",
        "/robots.txt",
        "/no-such-page",
        "/search?q=cramps",
        "/es/search?q=co%C3%A1gulo",
        "/api/v1/search?q=cramps",
        "/api/v1/search?q=x&lang=xx",
    ] {
        out.push((format!("GET {path}"), app.get(path).await));
    }
    out.push((
        "POST /causes".into(),
        app.client.post(app.url("/causes")).send().await.unwrap(),
    ));
    out.push((
        "POST /check".into(),
        app.post_form("/check", BASELINE).await,
    ));
    out.push((
        "POST /check (422)".into(),
        app.post_form("/check", "").await,
    ));
    out.push((
        "POST /check (415)".into(),
        app.post_json("/check", "{}").await,
    ));
    out.push((
        "POST /api/v1/triage (400)".into(),
        app.post_json("/api/v1/triage", "{").await,
    ));
    out.push((
        "GET long URL".into(),
        app.get(&format!("/{}", "a".repeat(3000))).await,
    ));
    out
}

#[tokio::test]
async fn every_response_errors_included_carries_the_security_headers_and_no_cookie() {
    let app = spawn_app().await;
    for (what, response) in every_kind_of_response(&app).await {
        let h = response.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        for directive in [
            "default-src 'none'",
            "style-src 'self'",
            "img-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ] {
            assert!(csp.contains(directive), "{what}: CSP lacks {directive}");
        }
        assert_eq!(h["x-content-type-options"], "nosniff", "{what}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{what}");
        assert!(
            h["permissions-policy"]
                .to_str()
                .unwrap()
                .contains("camera=()"),
            "{what}"
        );
        assert_eq!(h["cross-origin-opener-policy"], "same-origin", "{what}");
        assert!(
            h.get("strict-transport-security").is_none(),
            "{what}: no HSTS over http"
        );
        assert!(h.get("set-cookie").is_none(), "{what}");
        assert!(h.contains_key("x-request-id"), "{what}");
    }
}

#[tokio::test]
async fn hsts_is_sent_when_the_public_base_url_is_https() {
    let app = spawn_app_with(RawSettings {
        base_url: Some("https://legs.example".into()),
        ..Default::default()
    })
    .await;
    for (what, response) in every_kind_of_response(&app).await {
        assert_eq!(
            response.headers()["strict-transport-security"],
            "max-age=31536000",
            "{what}"
        );
    }
}

#[tokio::test]
async fn long_urls_get_414_and_oversized_headers_431() {
    let app = spawn_app().await;
    let response = app.get(&format!("/causes?{}", "q".repeat(2100))).await;
    assert_eq!(response.status(), 414);
    assert!(response.text().await.unwrap().contains("Address too long"));
    let response = app
        .client
        .get(app.url("/"))
        .header("x-filler", "f".repeat(9000))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 431);
    let mut request = app.client.get(app.url("/"));
    for i in 0..120 {
        request = request.header(format!("x-h{i}"), "1");
    }
    assert_eq!(request.send().await.unwrap().status(), 431);
}

fn raw_request(address: &str, bytes: &[u8]) -> String {
    let mut stream = TcpStream::connect(address.trim_start_matches("http://")).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(bytes).unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}

#[tokio::test]
async fn a_client_that_sends_its_headers_too_slowly_gets_408() {
    // One second: far longer than a busy machine's pause between connecting
    // and writing (a connection that sends nothing is closed quietly after it).
    let app = spawn_app_with(RawSettings {
        head_timeout: Some("1".into()),
        ..Default::default()
    })
    .await;
    let address = app.address.clone();
    let response = tokio::task::spawn_blocking(move || {
        raw_request(&address, b"GET / HTTP/1.1\r\nHost: x\r\n")
    })
    .await
    .unwrap();
    assert!(response.starts_with("HTTP/1.1 408"), "{response}");
}

#[tokio::test]
async fn path_traversal_and_odd_paths_never_reach_a_file() {
    let app = spawn_app().await;
    let address = app.address.clone();
    let responses = tokio::task::spawn_blocking(move || {
        [
            "/static/../Cargo.toml",
            "/static/%2e%2e/Cargo.toml",
            "/static/%2E%2E%2FCargo.toml",
            "/..%2f..%2fetc%2fpasswd",
            "/static/..%5cCargo.toml",
            "/%c0%ae%c0%ae/Cargo.toml",
            "/static//etc/passwd",
            "/content/causes.md",
            "/src/main.rs",
        ]
        .iter()
        .map(|p| {
            (
                p.to_string(),
                raw_request(
                    &address,
                    format!("GET {p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
                ),
            )
        })
        .collect::<Vec<_>>()
    })
    .await
    .unwrap();
    for (path, response) in responses {
        assert!(
            response.starts_with("HTTP/1.1 404"),
            "{path}: {}",
            response.lines().next().unwrap_or("")
        );
        assert!(
            !response.contains("[package]") && !response.contains("root:"),
            "{path} leaked a file"
        );
    }
}

#[tokio::test]
async fn malformed_form_bodies_answer_4xx_not_5xx() {
    let app = spawn_app().await;
    let bodies: Vec<Vec<u8>> = vec![
        b"severity=%ZZ&onset=%".to_vec(),
        [BASELINE.as_bytes(), b"&feelings=\xff\xfe\xfd"].concat(),
        b"\xff\xfe=\xff".to_vec(),
        format!("{BASELINE}&severity=severe").into_bytes(),
        format!("{BASELINE}{}", "&feelings=cramp".repeat(900)).into_bytes(),
        format!("{BASELINE}&feelings={}", "x".repeat(15000)).into_bytes(),
        b"&&&===&&".to_vec(),
    ];
    for body in bodies {
        let response = app
            .client
            .post(app.url("/check"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.clone())
            .send()
            .await
            .unwrap();
        let status = response.status();
        assert!(
            status == 200 || status == 422 || status == 413,
            "{status} for {:?}",
            String::from_utf8_lossy(&body[..body.len().min(80)])
        );
    }
    // A repeated radio with two different answers is an error, not a guess.
    let response = app
        .post_form("/check", format!("{BASELINE}&severity=severe"))
        .await;
    assert_eq!(response.status(), 422);
}

#[tokio::test]
async fn json_of_the_wrong_shape_or_depth_answers_a_json_error() {
    let app = spawn_app().await;
    let cases: Vec<(String, u16)> = vec![
        ("null".into(), 422),
        ("\"text\"".into(), 422),
        ("42".into(), 422),
        (r#"{"severity": {"a": [1, 2, {"b": null}]}}"#.into(), 422),
        (r#"{"feelings": "cramp"}"#.into(), 422),
        (r#"{"feelings": [1, true, null]}"#.into(), 422),
        ("{\"a\":".repeat(200) + &"}".repeat(200), 400),
        ("\u{feff}{}".into(), 400),
        ("{\"severity\": \"\u{0}\"}".into(), 400),
        (r#"{"severity": "\u0000"}"#.into(), 422),
    ];
    for (body, expected) in cases {
        let response = app.post_json("/api/v1/triage", body.clone()).await;
        assert_eq!(
            response.status().as_u16(),
            expected,
            "{}",
            &body[..body.len().min(60)]
        );
        let json: serde_json::Value = response.json().await.unwrap();
        assert!(json["error"].is_string());
    }
    let response = app
        .client
        .post(app.url("/api/v1/triage"))
        .header("content-type", "application/json")
        .body(vec![0xff, 0xfe, b'{'])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
}

#[tokio::test]
async fn pages_come_in_brotli_and_gzip_by_accept_encoding_with_vary_and_their_own_etags() {
    let app = spawn_app().await;
    let plain = app.get("/causes").await;
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.headers()["vary"], "Accept-Encoding");
    let plain_etag = plain.headers()["etag"].to_str().unwrap().to_string();
    let plain_body = plain.bytes().await.unwrap();

    let get = |encoding: &'static str| {
        app.client
            .get(app.url("/causes"))
            .header("accept-encoding", encoding)
            .send()
    };
    let br = get("gzip, deflate, br").await.unwrap();
    assert_eq!(br.headers()["content-encoding"], "br");
    let br_etag = br.headers()["etag"].to_str().unwrap().to_string();
    let mut decoded = Vec::new();
    brotli::BrotliDecompress(&mut &br.bytes().await.unwrap()[..], &mut decoded).unwrap();
    assert_eq!(decoded, plain_body);

    let gz = get("gzip").await.unwrap();
    assert_eq!(gz.headers()["content-encoding"], "gzip");
    let gz_etag = gz.headers()["etag"].to_str().unwrap().to_string();
    let mut decoded = Vec::new();
    flate2::read::GzDecoder::new(&gz.bytes().await.unwrap()[..])
        .read_to_end(&mut decoded)
        .unwrap();
    assert_eq!(decoded, plain_body);

    assert!(plain_etag != br_etag && br_etag != gz_etag && plain_etag != gz_etag);
    let not_br = get("br;q=0, gzip").await.unwrap();
    assert_eq!(not_br.headers()["content-encoding"], "gzip");

    let revalidate = app
        .client
        .get(app.url("/causes"))
        .header("accept-encoding", "br")
        .header("if-none-match", &br_etag)
        .send()
        .await
        .unwrap();
    assert_eq!(revalidate.status(), 304);
    assert_eq!(revalidate.headers()["etag"], br_etag.as_str());
    let other_variant = app
        .client
        .get(app.url("/causes"))
        .header("accept-encoding", "gzip")
        .header("if-none-match", &br_etag)
        .send()
        .await
        .unwrap();
    assert_eq!(
        other_variant.status(),
        200,
        "a brotli ETag does not validate the gzip copy"
    );
}

#[tokio::test]
async fn each_topic_page_with_its_stylesheet_fits_in_14_kb_brotli() {
    let app = spawn_app().await;
    let get = |path: String| {
        app.client
            .get(app.url(&path))
            .header("accept-encoding", "br")
            .send()
    };
    let home = scraper::Html::parse_document(&app.get("/").await.text().await.unwrap());
    let css_path = select(&home, "link[rel=stylesheet]")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    let css = get(css_path).await.unwrap().bytes().await.unwrap().len();
    for path in TOPIC_PAGES {
        let html = get(path.to_string())
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap()
            .len();
        assert!(html + css < 14 * 1024, "{path}: {html} + {css} bytes");
    }
}

#[test]
fn on_sigterm_the_server_finishes_the_request_in_flight_and_exits_0() {
    // The body deadline is long, so only the shutdown's own grace period (10 s) bounds the test.
    let (mut child, address, mut lines) = start_binary(&["--body-timeout", "60"]);
    let host = address.trim_start_matches("http://").to_string();
    let body = BASELINE.as_bytes();
    let mut conn = Conn::open(&host);
    // `100 Continue` says the app has the request: no guessing how long that takes.
    conn.send(format!("POST /check HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\nExpect: 100-continue\r\n\r\n", body.len()).as_bytes());
    assert_eq!(conn.response().expect("100 Continue").status, 100);
    conn.send(&body[..20]);
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    lines
        .by_ref()
        .map_while(Result::ok)
        .find(|l| l.contains("stopping"))
        .expect("the server says it is stopping");
    // The listener closes soon after that line; a few seconds is a wide
    // margin, and still well inside the grace period the request has.
    let deadline = Instant::now() + Duration::from_secs(5);
    let refused = loop {
        match TcpStream::connect(&host) {
            Err(_) => break true,
            Ok(_) if Instant::now() >= deadline => break false,
            Ok(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    };
    assert!(refused, "no new connections once stopping");
    conn.send(&body[20..]);
    let response = conn
        .response()
        .expect("the answer to the request in flight");
    assert_eq!(response.status, 200, "{}", response.head);
    assert!(response.body.contains("data-urgency=\"self_care\""));
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn the_request_log_can_be_json_and_never_holds_an_answer() {
    let (mut child, address, lines) = start_binary(&["--log-format", "json"]);
    let host = address.trim_start_matches("http://").to_string();
    let body = BASELINE.replace("numbness=no", "numbness=yes");
    let response = raw_request(
        &host,
        format!("POST /check?numbness=yes HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).as_bytes(),
    );
    assert!(response.starts_with("HTTP/1.1 200"));
    let line = lines
        .map(Result::unwrap)
        .find(|l| l.contains("\"method\""))
        .unwrap();
    child.kill().unwrap();
    let _ = child.wait();
    let json: serde_json::Value =
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{line}: {e}"));
    assert_eq!(json["method"], "POST");
    assert_eq!(json["path"], "/check");
    assert_eq!(json["status"], 200);
    assert!(json["id"].is_string() && json["ms"].is_number() && json["ts"].is_string());
    assert!(
        !line.contains("numbness") && !line.contains("yes"),
        "{line}"
    );
}
