//! A deliberately broken page (tests/browser/fixtures/broken.html) must make
//! each check report its problem: the checks the site passes can fail.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::{App, HttpResponse, HttpServer, web};

use crate::checks::{self, Axe};
use crate::tools;
use crate::webdriver::{Options, Session, in_browser};

/// The fixture, its image pointed at a closed port on another loopback
/// address (never anywhere off this machine).
fn broken_page() -> String {
    let closed_port = {
        let probe = TcpListener::bind("127.0.0.2:0").expect("bind 127.0.0.2");
        probe.local_addr().unwrap().port()
    };
    tools::fixture("broken.html").replace(
        "THIRD_PARTY_ORIGIN",
        &format!("http://127.0.0.2:{closed_port}"),
    )
}

/// Serves `html` at every path on a free port; returns the origin.
fn serve(html: String) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let html = Arc::new(html);
    let server = HttpServer::new(move || {
        let html = Arc::clone(&html);
        App::new().default_service(web::to(move || {
            let html = Arc::clone(&html);
            async move {
                HttpResponse::Ok()
                    .content_type("text/html; charset=utf-8")
                    .body(html.as_str().to_owned())
            }
        }))
    })
    .workers(1)
    .listen(listener)
    .expect("fixture server listens")
    .run();
    tokio::spawn(server);
    origin
}

fn assert_reports(check: &str, problems: &[String], needle: &str) {
    assert!(
        problems.iter().any(|p| p.contains(needle)),
        "the {check} check missed the broken page's problem ({needle:?}); it reported: {problems:#?}"
    );
}

#[tokio::test]
async fn each_browser_check_catches_the_broken_page() {
    in_browser(async || {
        let tools = tools::require();
        let axe = Axe::load(&tools);
        let origin = serve(broken_page());
        let session = Session::start(&tools, Options::default()).await;
        session.set_viewport(1280, 900).await;
        session.goto(&format!("{origin}/broken.html")).await;

        let requests = checks::foreign_requests(&session, &origin).await;
        assert_reports("other-host request", &requests, "http://127.0.0.2:");
        let console = checks::console_errors(&session).await;
        assert_reports("console error", &console, "broken on purpose");
        let cookies = checks::cookies(&session).await;
        assert_reports("cookie", &cookies, "tracker");
        let violations = axe.check(&session).await;
        assert_reports("axe", &violations, "axe label (critical)");
        assert_reports("axe AAA", &violations, "axe color-contrast-enhanced");
        assert_reports("axe best practice", &violations, "axe region");
        let targets = checks::small_targets(&session).await;
        assert_reports("target size", &targets, "a[href=#a] \"Tiny\"");
        let links = checks::unclear_links(&session).await;
        assert_reports("link purpose", &links, "\"Read more\"");
        assert_reports(
            "link purpose",
            &links,
            "links named \"causes of pain\" go to 2 places",
        );
        let headings = checks::missing_headings(&session).await;
        assert_reports("section headings", &headings, "section has no heading");
        let motion = checks::timing_or_motion(&session).await;
        assert_reports("motion", &motion, "something moves");
        let (_, focus) = checks::tab_through(&session).await;
        assert_reports("visible focus", &focus, "a.no-ring");
        session.set_viewport(320, 800).await;
        let overflow = checks::horizontal_overflow(&session).await;
        assert_reports("sideways scrolling", &overflow, "div.too-wide");
        let small = checks::small_body_text(&session).await;
        assert_reports("text size", &small, "12 px");
    })
    .await;
}

#[tokio::test]
async fn the_html_check_catches_the_broken_page() {
    let tools = tools::require();
    let errors = checks::html_errors(&tools, &[("broken".into(), broken_page())]);
    let reported = errors.get("broken").cloned().unwrap_or_default();
    assert_reports("Nu HTML Checker", &reported, "Element “div” not allowed");
}
