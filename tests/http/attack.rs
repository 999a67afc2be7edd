//! The outside tester's attacks (issue 24), each one replayed on loopback,
//! bounded in time and in count, against what a user or operator would
//! notice: memory, being served, the log, the answers.

use std::io::Write;
use std::net::TcpStream;
use std::time::{Duration, Instant};

use leg_pain_guide::config::SettingsArgs;
use leg_pain_guide::web::Capacity;
use serde_json::Value;

use crate::helpers::*;
use crate::support::{BASELINE, Conn, start_binary};

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
        SettingsArgs {
            keep_alive: "600".into(),
            body_timeout: "600".into(),
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
