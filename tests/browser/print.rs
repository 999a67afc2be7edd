//! Printing: every page is a clean handout, and the appointment summary of
//! every result fits on one sheet.

use serde_json::{Value, json};

use leg_pain_guide::settings::RawSettings;

use crate::states::Form;
use crate::states::{Input, LANGS, LEVELS, State};
use crate::tools;
use crate::webdriver::{Options, Session, in_browser};
use common::{spawn_app, spawn_app_with};

/// A4, the paper most clinics print on; Chromium's default margins plus the
/// stylesheet's `@page` margins apply.
const A4: (f64, f64) = (8.27, 11.69);

fn page_count(pdf: &[u8]) -> usize {
    // Each page object says `/Type /Page`; the page tree says `/Type /Pages`.
    let mut count = 0;
    for (i, _) in pdf.windows(5).enumerate().filter(|(_, w)| *w == b"/Type") {
        let rest = pdf[i + 5..].trim_ascii_start();
        if rest.starts_with(b"/Page") && !rest[5..].starts_with(b"s") {
            count += 1;
        }
    }
    count
}

async fn print_to_pdf(session: &Session) -> Vec<u8> {
    let printed = session
        .cdp(
            "Page.printToPDF",
            json!({ "paperWidth": A4.0, "paperHeight": A4.1, "preferCSSPageSize": true, "printBackground": false }),
        )
        .await;
    Session::decode(&printed)
}

#[tokio::test]
async fn every_result_prints_with_the_appointment_summary_on_one_sheet() {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app().await;
        let session = Session::start(&tools, Options::default()).await;
        for (lang, level) in LANGS
            .iter()
            .flat_map(|l| LEVELS.iter().map(move |v| (*l, v)))
        {
            let state = State::Result(Form { embed: false, lang }, level);
            state.reach(&session, &app, Input::Script).await;
            // Lay the page out as print does, at the printable width of A4.
            session.set_viewport(700, 1000).await;
            session.set_media("light", true).await;
            let summary: Value = session
                .execute(
                    "const s = document.querySelector('.appointment-summary'); const r = s.getBoundingClientRect();
                     return { height: r.height, breakInside: getComputedStyle(s).breakInside, rows: s.querySelectorAll('dt').length };",
                    vec![],
                )
                .await;
            assert_eq!(
                summary["rows"], 14,
                "{}: every answer is in the summary",
                level.urgency
            );
            assert_eq!(
                summary["breakInside"], "avoid",
                "{}: the summary is never split across sheets",
                level.urgency
            );
            // A4 is 297 mm; less 24 mm of @page margins leaves about 1030 CSS px.
            let height = summary["height"].as_f64().unwrap();
            assert!(
                height < 1000.0,
                "{}: the summary is {height} px tall, more than one printed sheet",
                level.urgency
            );
            session.set_media("light", false).await;
            let pdf = print_to_pdf(&session).await;
            assert!(pdf.starts_with(b"%PDF"), "a PDF");
            let pages = page_count(&pdf);
            assert!(
                (1..=2).contains(&pages),
                "{}: the result prints on {pages} sheets",
                level.urgency
            );
        }
    })
    .await;
}

/// The public address the printed pages lead back to.
const BASE_URL: &str = "https://legs.example";

#[tokio::test]
async fn pages_print_as_handouts_without_navigation_and_with_the_site_and_full_link_addresses() {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app_with(RawSettings {
            base_url: Some(BASE_URL.into()),
            ..Default::default()
        })
        .await;
        let session = Session::start(&tools, Options::default()).await;
        for lang in LANGS {
            session
                .goto(&app.url(&format!("{lang}/when-to-seek-help")))
                .await;
            session.set_media("light", true).await;
            let seen: Value = session
                .execute(
                    "const hidden = ['.site-header', '.warning-strip', '.guide-nav', '.pagination', '.site-footer', '.skip-link']
                         .filter(css => document.querySelector(css))
                         .map(css => [css, getComputedStyle(document.querySelector(css)).display]);
                     const link = document.querySelector('.prose a[href^=\"/\"]:not(.term)');
                     const card = document.querySelector('.care-card--emergency');
                     const header = document.querySelector('.print-header');
                     return { hidden, href: link.getAttribute('href'), after: getComputedStyle(link, '::after').content, cardBackground: getComputedStyle(card).backgroundColor, cardBreak: getComputedStyle(card).breakInside,
                              header: getComputedStyle(header).display === 'none' ? null : header.textContent.trim().replace(/\\s+/g, ' '),
                              headerTop: header.getBoundingClientRect().top, h1Top: document.querySelector('h1').getBoundingClientRect().top };",
                    vec![],
                )
                .await;
            for pair in seen["hidden"].as_array().unwrap() {
                assert_eq!(pair[1], "none", "{lang}: {} is hidden in print", pair[0]);
            }
            // The address in full, from the base URL: `(https://legs.example/check)`.
            let href = seen["href"].as_str().unwrap();
            assert_eq!(
                seen["after"].as_str().unwrap(),
                format!("\" ({BASE_URL}{href})\""),
                "{lang}: link addresses print in full"
            );
            // The site's name and the page's own full address, above everything else.
            let site_name = if lang.is_empty() {
                "Leg Pain at Night"
            } else {
                "Dolor de piernas por la noche"
            };
            assert_eq!(
                seen["header"],
                format!("{site_name} {BASE_URL}{lang}/when-to-seek-help"),
                "{lang}: the printed page names the site and its address"
            );
            assert!(
                seen["headerTop"].as_f64() < seen["h1Top"].as_f64(),
                "{lang}: the site and address print first: {seen}"
            );
            assert!(
                ["rgba(0, 0, 0, 0)", "transparent"].contains(&seen["cardBackground"].as_str().unwrap()),
                "care cards print without a background colour: {}",
                seen["cardBackground"]
            );
            assert_eq!(
                seen["cardBreak"], "avoid",
                "a care card is never split across sheets"
            );
            session.set_media("light", false).await;
            let pdf = print_to_pdf(&session).await;
            assert!(page_count(&pdf) >= 1);
        }
    })
    .await;
}
