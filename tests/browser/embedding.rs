//! The embeddable copies in a clinic's page on another origin: the check
//! answers inside the frame, its links open in the top window, and only the
//! embeds may be framed, by the origins the embed setting allows.
//!
//! The clinic's page comes from a second small server. On 127.0.0.2 it is
//! another origin and another site than the app on 127.0.0.1, as a real
//! clinic's is: Chromium then runs the frame in a renderer of its own, whose
//! console and requests chromedriver's logs do not show. On another port of
//! 127.0.0.1 it is another origin of the same site: the frame shares the
//! page's renderer and the logs see inside it. Tests that read the logs use
//! that one, and check that the logs do see the frame.

use std::collections::HashMap;
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use leg_pain_guide::settings::RawSettings;
use serde_json::{Value, json};

use crate::checks::{self, active_element};
use crate::states::{
    EMBED_URGENT, Form, Input, SIGN_FIELDS, complete_check, submit, urgency_shown,
};
use crate::tools::{self, screenshot_dir};
use crate::webdriver::{Options, Session, in_browser};
use common::{TestApp, spawn_app, spawn_app_with};

/// Another site than the app's: where a clinic's page is.
const OTHER_SITE: &str = "127.0.0.2";
/// The app's own address: another port there is another origin, same site.
const SAME_SITE: &str = "127.0.0.1";

/// The clinic's own web site: the pages put in it, and 404 for anything else.
struct Clinic {
    origin: String,
    pages: Arc<Mutex<HashMap<String, String>>>,
}

impl Clinic {
    /// Starts serving on a free port of `host` (a loopback address).
    fn start(host: &str) -> Clinic {
        let listener = TcpListener::bind((host, 0))
            .unwrap_or_else(|e| panic!("bind a free port on {host}: {e}"));
        let origin = format!("http://{}", listener.local_addr().unwrap());
        let pages: Arc<Mutex<HashMap<String, String>>> = Arc::default();
        let shared = Arc::clone(&pages);
        let server = HttpServer::new(move || {
            let pages = Arc::clone(&shared);
            App::new().default_service(web::to(move |req: HttpRequest| {
                let page = pages.lock().unwrap().get(req.path()).cloned();
                let icon = req.path() == "/favicon.ico";
                async move {
                    match page {
                        Some(html) => HttpResponse::Ok()
                            .content_type("text/html; charset=utf-8")
                            .body(html),
                        // Chromium asks for the clinic's icon: it has none.
                        None if icon => HttpResponse::NoContent().finish(),
                        None => HttpResponse::NotFound().finish(),
                    }
                }
            }))
        })
        .workers(1)
        .listen(listener)
        .expect("the clinic's server listens")
        .run();
        tokio::spawn(server);
        Clinic { origin, pages }
    }

    /// Puts a page at `path` whose frame (`iframe#check`) shows `src`;
    /// returns the page's address.
    fn page_framing(&self, path: &str, src: &str) -> String {
        let html = tools::fixture("clinic.html").replace("FRAME_SRC", src);
        self.pages.lock().unwrap().insert(path.to_string(), html);
        format!("{}{path}", self.origin)
    }
}

/// Script run inside the frame: what document it holds.
const FRAME_DOCUMENT: &str = "return {\n\
  href: location.href,\n\
  framed: window.top !== window,\n\
  ready: document.readyState === 'complete',\n\
  title: document.title,\n\
  site: !!document.querySelector('.warning-strip') && !!document.querySelector('main#main-content'),\n\
  header: !!document.querySelector('.site-header'),\n\
  credit: !!document.querySelector('.embed-credit'),\n\
  errors: document.querySelectorAll('.error-summary li').length,\n\
  urgency: (document.querySelector('[data-urgency]') || {dataset: {}}).dataset.urgency || null,\n\
};";

/// Script run in the top-level document: the clinic's page, or not.
const TOP_DOCUMENT: &str = "return {\n\
  href: location.href,\n\
  framed: window.top !== window,\n\
  frame: !!document.querySelector('iframe#check'),\n\
  header: !!document.querySelector('.site-header'),\n\
  credit: !!document.querySelector('.embed-credit'),\n\
  result: !!document.querySelector('[data-urgency]'),\n\
};";

/// Switches into the clinic page's frame.
async fn enter_frame(session: &Session) {
    let frame = session.find("iframe#check").await;
    session.switch_to_frame(&frame).await;
}

/// What the frame shows, seen from inside it; `Err` when no script can run
/// in it. Leaves the session at the top level.
async fn frame_document(session: &Session) -> Result<Value, String> {
    enter_frame(session).await;
    let seen = session.try_execute(FRAME_DOCUMENT, vec![]).await;
    session.switch_to_top().await;
    seen
}

/// `http://127.0.0.1:1234` for any address on that origin.
fn origin_of(url: &str) -> String {
    reqwest::Url::parse(url)
        .map(|u| u.origin().ascii_serialization())
        .unwrap_or_default()
}

/// Whether what `frame_document` saw is a page of the site `src` is on:
/// its warning strip and main content, or any document from its origin.
/// (Chromium's "127.0.0.1 is blocked" page has an `h1` too, at
/// chrome-error://chromewebdata/, so an `h1` proves nothing.)
fn shows_site(seen: &Result<Value, String>, src: &str) -> bool {
    let origin = origin_of(src);
    matches!(seen, Ok(doc) if doc["site"] == true
        || doc["href"].as_str().is_some_and(|href| origin_of(href) == origin))
}

/// Browser log lines where Chromium refused to put a page of `src`'s
/// origin in a frame: "Framing 'http://127.0.0.1:1234/' violates the
/// following Content Security Policy directive: "frame-ancestors …". The
/// request has been blocked." (It names the origin, not the page.)
fn refusals<'a>(lines: &'a [String], src: &str) -> Vec<&'a String> {
    let framing = format!("Framing '{}/'", origin_of(src));
    lines
        .iter()
        .filter(|line| line.contains(&framing) && line.contains("has been blocked"))
        .collect()
}

/// Every browser log line from now until one refusing `src` shows up, or
/// for `wait` at most.
async fn browser_log_until_refusal(session: &Session, src: &str, wait: Duration) -> Vec<String> {
    let deadline = Instant::now() + wait;
    let mut lines = Vec::new();
    loop {
        lines.extend(
            session
                .log("browser")
                .await
                .into_iter()
                .map(|entry| format!("{} {}", entry["level"], entry["message"])),
        );
        if !refusals(&lines, src).is_empty() || Instant::now() >= deadline {
            return lines;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Opens a clinic page framing `src` and asserts Chromium refused to show
/// it there: a refusal naming `directive` in the log, and no page of the
/// site inside the frame.
async fn assert_refused(session: &Session, clinic: &Clinic, src: &str, directive: &str) {
    let page = clinic.page_framing("/framed.html", src);
    session.goto(&page).await;
    let lines = browser_log_until_refusal(session, src, Duration::from_secs(10)).await;
    let seen = frame_document(session).await;
    let refused = refusals(&lines, src);
    assert!(
        refused.iter().any(|line| line.contains(directive)),
        "a frame on {} showing {src} must be refused: Chromium logged no refusal naming \
         {directive:?}; the browser log was: {lines:#?}; the frame holds {seen:?}",
        clinic.origin
    );
    assert!(
        !shows_site(&seen, src),
        "a frame on {} showing {src} is refused in the log ({refused:?}), \
         yet it shows the site: {seen:?}",
        clinic.origin
    );
}

/// Opens a clinic page framing `src` and asserts the frame shows it, with
/// no refusal in the log.
async fn assert_shown(session: &Session, clinic: &Clinic, src: &str) {
    let page = clinic.page_framing("/framed.html", src);
    session.goto(&page).await;
    let seen = frame_document(session).await;
    let lines = browser_log_until_refusal(session, src, Duration::ZERO).await;
    assert!(
        refusals(&lines, src).is_empty(),
        "a frame on {} showing {src}: Chromium refused it: {lines:#?}",
        clinic.origin
    );
    let doc = seen.unwrap_or_else(|e| {
        panic!(
            "a frame on {} showing {src}: cannot look inside it: {e}",
            clinic.origin
        )
    });
    assert!(
        doc["site"] == true && doc["href"] == src && doc["framed"] == true,
        "a frame on {} showing {src} does not show that page: {doc}",
        clinic.origin
    );
}

/// On a clinic page at `clinic` framing the embedded check, a person
/// answers inside the frame with the mouse (urgent: numbness) and presses
/// the form's own button. The result shows in the frame; the clinic's page
/// stays the top-level document. Ends inside the frame.
async fn answer_in_frame(session: &Session, app: &TestApp, clinic: &Clinic) {
    let src = app.url("/embed/check");
    let page = clinic.page_framing("/symptom-check.html", &src);
    let place = format!("the embedded check in a frame on {}", clinic.origin);
    session.goto(&page).await;

    enter_frame(session).await;
    // Both steps inside the frame, each posting back to the embed.
    let embed = Form {
        embed: true,
        lang: "",
    };
    complete_check(session, embed, &EMBED_URGENT, Input::Clicks).await;
    let inside = session.execute(FRAME_DOCUMENT, vec![]).await;
    assert_eq!(urgency_shown(session).await, "urgent", "{place}: {inside}");
    assert!(
        inside["framed"] == true
            && inside["href"] == format!("{src}#main-content").as_str()
            && inside["credit"] == true
            && inside["header"] == false,
        "{place}: the result is the embedded copy, posted to {src}, inside the frame: {inside}"
    );

    session.switch_to_top().await;
    assert_eq!(
        session.url().await,
        page,
        "{place}: the top-level page stays the clinic's"
    );
    let top = session.execute(TOP_DOCUMENT, vec![]).await;
    assert!(
        top["frame"] == true && top["result"] == false && top["framed"] == false,
        "{place}: the result is in the frame, around it the clinic's page: {top}"
    );
    enter_frame(session).await;
}

#[tokio::test]
async fn the_embedded_check_answers_inside_a_frame_on_another_origin() {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app().await;
        let session = Session::start(&tools, Options::default()).await;
        session.set_viewport(1280, 900).await;

        // Same site: the logs see inside the frame, so check what it loaded,
        // logged and stored too.
        let clinic = Clinic::start(SAME_SITE);
        answer_in_frame(&session, &app, &clinic).await;
        let mut problems = checks::cookies(&session).await;
        session.switch_to_top().await;
        problems.extend(checks::cookies(&session).await);
        let requests = checks::requests(&session).await;
        let posted = ("POST".to_string(), app.url("/embed/check"));
        assert!(
            requests.contains(&posted),
            "the performance log does not show the frame's own POST, so it cannot \
             vouch for the frame's requests: {requests:#?}"
        );
        problems.extend(checks::outside(&requests, &[&app.address, &clinic.origin]));
        problems.extend(checks::console_errors(&session).await);
        session
            .screenshot(&screenshot_dir().join("embed-in-frame-result-urgent.png"))
            .await;
        assert!(
            problems.is_empty(),
            "answering the embedded check in a frame on {}: {problems:#?}",
            clinic.origin
        );

        // Another site, as a real clinic's page is.
        let clinic = Clinic::start(OTHER_SITE);
        answer_in_frame(&session, &app, &clinic).await;
    })
    .await;
}

#[tokio::test]
async fn the_embedded_checks_error_summary_shows_inside_the_frame_without_console_errors() {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app().await;
        // Same site, so the browser log sees the frame's console.
        let clinic = Clinic::start(SAME_SITE);
        let src = app.url("/embed/check");
        let page = clinic.page_framing("/symptom-check.html", &src);
        let session = Session::start(&tools, Options::default()).await;
        session.set_viewport(1280, 900).await;
        session.goto(&page).await;

        enter_frame(&session).await;
        submit(&session).await;
        session
            .wait_for(
                "return document.readyState === 'complete' && !!document.querySelector('.error-summary');",
                "the error summary inside the frame after submitting the empty embedded check",
            )
            .await;
        let inside = session.execute(FRAME_DOCUMENT, vec![]).await;
        let focus = active_element(&session).await;
        assert!(
            inside["framed"] == true
                && inside["href"] == format!("{src}#main-content").as_str()
                && inside["errors"] == SIGN_FIELDS.len(),
            "the error summary (one line per question) is the embedded copy at {src}, \
             inside the frame: {inside}"
        );
        session.switch_to_top().await;
        assert_eq!(
            session.url().await,
            page,
            "the top-level page stays the clinic's"
        );

        let console = checks::console_errors(&session).await;
        // The form posts to its own address, landing on the main content.
        let posted = format!("{src}#main-content");
        let status_line =
            format!("{posted} - Failed to load resource: the server responded with a status of 422");
        assert!(
            console.iter().any(|line| line.contains(&status_line)),
            "the browser log does not show the frame's 422 answer, so it cannot vouch \
             for the frame's console: {console:#?}"
        );
        let problems = checks::except_page_status(console, &posted, 422);
        assert!(
            problems.is_empty(),
            "the embedded check's error summary in a frame on {} (focus is on {}): {problems:#?}",
            clinic.origin,
            if focus.is_null() {
                "the frame's body".to_string()
            } else {
                focus["describe"].to_string()
            }
        );
    })
    .await;
}

#[tokio::test]
async fn a_link_in_the_frame_opens_in_the_top_window() {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app().await;
        let clinic = Clinic::start(OTHER_SITE);
        let page = clinic.page_framing("/symptom-check.html", &app.url("/embed/check"));
        let session = Session::start(&tools, Options::default()).await;
        session.set_viewport(1280, 900).await;
        session.goto(&page).await;

        enter_frame(&session).await;
        session.click(".embed-credit a").await;
        session.switch_to_top().await;
        let full_page = app.url("/check");
        session
            .wait_for(
                &format!(
                    "return location.href === {} && document.readyState === 'complete';",
                    json!(full_page)
                ),
                "the credit link in the frame to open the site's /check in the top window",
            )
            .await;
        assert_eq!(session.url().await, full_page);
        let top = session.execute(TOP_DOCUMENT, vec![]).await;
        assert!(
            top["framed"] == false
                && top["header"] == true
                && top["credit"] == false
                && top["frame"] == false,
            "the top window shows the site's own /check page, with its header, in place \
             of the clinic's page: {top}"
        );
    })
    .await;
}

#[tokio::test]
async fn site_pages_refuse_to_be_framed_and_embeds_may_be() {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app().await;
        let clinic = Clinic::start(OTHER_SITE);
        let session = Session::start(&tools, Options::default()).await;
        session.set_viewport(1280, 900).await;

        for path in ["/check", "/causes"] {
            assert_refused(&session, &clinic, &app.url(path), "frame-ancestors 'none'").await;
        }
        for path in ["/embed/check", "/embed/causes"] {
            assert_shown(&session, &clinic, &app.url(path)).await;
        }
    })
    .await;
}

#[tokio::test]
async fn the_embed_origins_setting_decides_who_may_frame_the_embeds() {
    in_browser(async || {
        let tools = tools::require();
        let clinic = Clinic::start(OTHER_SITE);
        // Another origin on the clinic's own host: a port nothing listens on.
        let other = {
            let probe = TcpListener::bind((OTHER_SITE, 0)).expect("bind a free port");
            format!("http://{}", probe.local_addr().unwrap())
        };
        let not_the_clinic = spawn_app_with(RawSettings {
            embed_origins: Some(format!("https://clinic.example, {other}")),
            ..RawSettings::default()
        })
        .await;
        let the_clinic = spawn_app_with(RawSettings {
            embed_origins: Some(clinic.origin.clone()),
            ..RawSettings::default()
        })
        .await;
        let session = Session::start(&tools, Options::default()).await;
        session.set_viewport(1280, 900).await;

        assert_refused(
            &session,
            &clinic,
            &not_the_clinic.url("/embed/check"),
            &format!("frame-ancestors https://clinic.example {other}"),
        )
        .await;
        assert_shown(&session, &clinic, &the_clinic.url("/embed/check")).await;
        // Letting the clinic frame the embeds does not let it frame the site.
        assert_refused(
            &session,
            &clinic,
            &the_clinic.url("/check"),
            "frame-ancestors 'none'",
        )
        .await;
    })
    .await;
}
