//! Every page, every state of the check and the embeddable copies (the
//! embedded check's form, error summary and a result, and a topic page,
//! opened on their own), in both languages, in a real browser: axe-core
//! finds no WCAG 2.2 A, AA or AAA violation and no best-practice one,
//! nothing comes from another host, no cookie is set, no console error, at
//! 1280 and 375 px, light and dark; every link and control not in a sentence
//! is 44 by 44 px at every width; links say where they go, regions have
//! headings, nothing times out or moves; no sideways scrolling at 320 px and
//! readable text at 200 % zoom. Also a printed page. Screenshots go to
//! target/screenshots/.
//!
//! Each state is reached once and then seen at every width and in both
//! colour schemes: the stylesheet's media queries apply live, and the site
//! has no script that could lay a page out differently on first load.

use serde_json::Value;

use crate::checks::{self, Axe};
use crate::states::{Form, Input, LEVELS, Report, State, states_in};
use crate::tools::{self, screenshot_dir};
use crate::webdriver::{Options, Session, in_browser};
use common::{TestApp, spawn_app};

/// Viewport widths for the axe and privacy sweep: a desktop and a phone.
const WIDTHS: &[u32] = &[1280, 375];

/// WCAG 1.4.10 reflow: 320 CSS px wide (1280 px at 400 %), and 1.4.4
/// resize text: 1280 px at 200 % zoom is a 640 CSS px viewport.
const SMALL: &[(u32, &str)] = &[(320, "320px"), (640, "200% zoom")];

#[tokio::test]
async fn every_english_page_and_check_state_is_accessible_private_and_reflows_in_light_and_dark() {
    in_browser(async || {
        sweep("").await;
    })
    .await;
}

#[tokio::test]
async fn every_spanish_page_and_check_state_is_accessible_private_and_reflows_in_light_and_dark() {
    in_browser(async || {
        sweep("/es").await;
    })
    .await;
}

/// The sweep over one language's states.
async fn sweep(lang: &'static str) {
    let tools = tools::require();
    let axe = Axe::load(&tools);
    let app = spawn_app().await;
    // axe is injected through WebDriver into pages that forbid every script
    // of their own: the sweep shows the policy does not stop it.
    let csp = app.get("/").await.headers()["content-security-policy"].clone();
    assert!(
        csp.to_str().unwrap().contains("default-src 'none'"),
        "pages are served with a script-blocking CSP: {csp:?}"
    );
    let session = Session::start(&tools, Options::default()).await;
    let shots = screenshot_dir();
    let mut report = Report::default();
    for state in states_in(lang) {
        session.set_viewport(WIDTHS[0], 900).await;
        session.set_media("light", false).await;
        state.reach(&session, &app, Input::Script).await;
        report.add(
            &state.name(),
            nothing_from_elsewhere(&session, &app, &state).await,
        );
        report.add(&state.name(), checks::unclear_links(&session).await);
        report.add(&state.name(), checks::missing_headings(&session).await);
        report.add(&state.name(), checks::timing_or_motion(&session).await);
        for &width in WIDTHS {
            session.set_viewport(width, 900).await;
            report.add(
                &format!("{width}px {}", state.name()),
                checks::small_targets(&session).await,
            );
            // Both colour schemes on the same page: the scheme switches live.
            for scheme in ["light", "dark"] {
                let place = format!("{scheme} {width}px {}", state.name());
                session.set_media(scheme, false).await;
                assert_emulation(&session, scheme, width, &place).await;
                report.add(&place, axe.check(&session).await);
                // Injecting and running axe must not itself trip the page's CSP.
                report.add(&place, checks::console_errors(&session).await);
                session
                    .screenshot(&shots.join(format!("{scheme}-{width}-{}.png", state.name())))
                    .await;
            }
        }
        session.set_media("light", false).await;
        for &(width, what) in SMALL {
            let place = format!("{what} {}", state.name());
            session.set_viewport(width, 800).await;
            assert_emulation(&session, "light", width, &place).await;
            report.add(&place, checks::horizontal_overflow(&session).await);
            report.add(&place, checks::small_targets(&session).await);
            report.add(&place, checks::small_body_text(&session).await);
        }
    }
    report.assert_clean("every width, light and dark");
}

#[tokio::test]
async fn pages_and_results_print_in_both_languages() {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app().await;
        let session = Session::start(&tools, Options::default()).await;
        let shots = screenshot_dir();
        // Printed pages: a topic page with care cards, and a result, in each language.
        session.set_viewport(1280, 900).await;
        let printed = [
            State::Page {
                name: "when-to-seek-help".into(),
                path: "/when-to-seek-help".into(),
            },
            State::Result(Form::SITE, &LEVELS[0]),
            State::Page {
                name: "es-when-to-seek-help".into(),
                path: "/es/when-to-seek-help".into(),
            },
            State::Result(
                Form {
                    embed: false,
                    lang: "/es",
                },
                &LEVELS[0],
            ),
        ];
        for state in printed {
            state.reach(&session, &app, Input::Script).await;
            session.set_media("light", true).await;
            let print = session
                .execute("return matchMedia('print').matches;", vec![])
                .await;
            assert_eq!(print, Value::Bool(true), "print media is emulated");
            session
                .screenshot(&shots.join(format!("print-{}.png", state.name())))
                .await;
            session.set_media("light", false).await;
        }
    })
    .await;
}

/// No request to another host, no console error and no cookie while the
/// page loaded (the 404 and 422 pages' own status line aside).
async fn nothing_from_elsewhere(session: &Session, app: &TestApp, state: &State) -> Vec<String> {
    let mut problems = checks::foreign_requests(session, &app.address).await;
    let console = checks::console_errors(session).await;
    let page_url = session.url().await;
    problems.extend(checks::except_page_status(
        console,
        &page_url,
        state.status(),
    ));
    problems.extend(checks::cookies(session).await);
    problems
}

/// The colour scheme and viewport width really are what the test set.
async fn assert_emulation(session: &Session, scheme: &str, width: u32, place: &str) {
    let seen = session
        .execute(
            "return {dark: matchMedia('(prefers-color-scheme: dark)').matches, width: innerWidth};",
            vec![],
        )
        .await;
    assert_eq!(
        seen["dark"],
        Value::Bool(scheme == "dark"),
        "{place}: prefers-color-scheme emulation"
    );
    assert_eq!(seen["width"], width, "{place}: viewport width");
}
