//! Phones first: on a 390 by 844 px screen (a common phone), every page's
//! title and first words are on the first screen, the guide's contents and
//! the page's own are folded into a line each until asked for, the home page's emergency signs and its way
//! into the symptom check are within the first two screens, and the check's
//! radios and checkboxes are at least 40 px (the NHS design system's size).

use serde_json::Value;

use crate::states::{LANGS, Report, all_pages};
use crate::tools::{self, screenshot_dir};
use crate::webdriver::{Options, Session, in_browser};
use common::spawn_app;

/// A phone's screen, in CSS pixels.
const PHONE: (u32, u32) = (390, 844);

/// Where the page's parts are, in CSS px from the top of the document.
const POSITIONS: &str = r#"
const top = el => el ? Math.round(el.getBoundingClientRect().top + scrollY) : null;
const bottom = el => el ? Math.round(el.getBoundingClientRect().bottom + scrollY) : null;
const main = document.querySelector('main');
const h1 = main.querySelector('h1');
const lead = h1.nextElementSibling;
const folds = [...document.querySelectorAll('details.fold')];
return {
  h1_top: top(h1), lead_bottom: bottom(lead), lead_text: lead ? lead.textContent.trim().slice(0, 40) : null,
  folds: folds.length, open_folds: folds.filter(f => f.open || f.getBoundingClientRect().height > 60).length,
};
"#;

#[tokio::test]
async fn on_a_phone_every_page_starts_with_its_title_and_first_words() {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app().await;
        let session = Session::start(&tools, Options::default()).await;
        session.set_viewport(PHONE.0, PHONE.1).await;
        let shots = screenshot_dir();
        let mut report = Report::default();
        for (name, path) in all_pages() {
            session.goto(&app.url(&path)).await;
            let seen = session.execute(POSITIONS, vec![]).await;
            println!("390x844 {name}: {seen}");
            let lead_bottom = seen["lead_bottom"].as_i64().unwrap_or(i64::MAX);
            if lead_bottom > i64::from(PHONE.1) {
                report.add(
                    &name,
                    vec![format!(
                        "the title and first words end {lead_bottom} px down, below the first screen ({} px): {seen}",
                        PHONE.1
                    )],
                );
            }
            if seen["open_folds"] != 0 {
                report.add(
                    &name,
                    vec![format!("a contents list is open on a phone: {seen}")],
                );
            }
            if path.ends_with("/causes") {
                session
                    .screenshot(&shots.join(format!("phone-first-screen-{name}.png")))
                    .await;
            }
        }
        report.assert_clean("a phone's first screen");
    })
    .await;
}

#[tokio::test]
async fn on_a_phone_the_home_page_shows_the_warning_signs_and_the_way_into_the_check_within_two_screens()
 {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app().await;
        let session = Session::start(&tools, Options::default()).await;
        session.set_viewport(PHONE.0, PHONE.1).await;
        let two_screens = 2 * i64::from(PHONE.1);
        for lang in LANGS {
            let home = if lang.is_empty() { "/" } else { lang };
            session.goto(&app.url(home)).await;
            let seen = session
                .execute(
                    "const at = el => el ? {top: Math.round(el.getBoundingClientRect().top + scrollY), bottom: Math.round(el.getBoundingClientRect().bottom + scrollY)} : null;\n\
                     const card = document.querySelector('main .care-card--emergency');\n\
                     const check = document.querySelector(`main .prose a[href=\"${arguments[0]}\"]`);\n\
                     return {card: at(card), card_heading: at(card && card.querySelector('h2, h3')), check: at(check)};",
                    vec![Value::String(format!("{lang}/check"))],
                )
                .await;
            println!("390x844 home {lang:?}: {seen}");
            let heading_bottom = seen["card_heading"]["bottom"]
                .as_i64()
                .expect("the home page has an emergency card");
            assert!(
                heading_bottom <= two_screens,
                "{home}: the emergency signs start {heading_bottom} px down, past the first two screens: {seen}"
            );
            let check_bottom = seen["check"]["bottom"]
                .as_i64()
                .expect("the home page links to the check in its text");
            assert!(
                check_bottom <= two_screens,
                "{home}: the way into the check is {check_bottom} px down, past the first two screens: {seen}"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn on_a_phone_radios_and_checkboxes_are_at_least_40_px() {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app().await;
        let session = Session::start(&tools, Options::default()).await;
        session.set_viewport(PHONE.0, PHONE.1).await;
        for lang in LANGS {
            session.goto(&app.url(&format!("{lang}/check"))).await;
            let sizes = session
                .execute(
                    "return [...document.querySelectorAll('input[type=radio], input[type=checkbox]')].map(i => {\n\
                       const r = i.getBoundingClientRect();\n\
                       return {id: i.id, width: r.width, height: r.height};\n\
                     });",
                    vec![],
                )
                .await;
            let sizes = sizes.as_array().expect("a list");
            assert!(!sizes.is_empty(), "{lang}/check has its radios");
            let small: Vec<&Value> = sizes
                .iter()
                .filter(|s| s["width"].as_f64() < Some(40.0) || s["height"].as_f64() < Some(40.0))
                .collect();
            assert!(
                small.is_empty(),
                "{lang}/check: smaller than 40 px: {small:?}"
            );
            println!(
                "390x844 {lang}/check: {} radios and checkboxes, the first {}x{} px",
                sizes.len(),
                sizes[0]["width"],
                sizes[0]["height"]
            );
        }
    })
    .await;
}

#[tokio::test]
async fn on_a_wide_screen_both_contents_lists_are_open_with_no_line_to_press() {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app().await;
        let session = Session::start(&tools, Options::default()).await;
        session.set_viewport(1280, 900).await;
        for lang in LANGS {
            let path = format!("{lang}/causes");
            session.goto(&app.url(&path)).await;
            let seen = session
                .execute(
                    "return [...document.querySelectorAll('details.fold')].map(f => ({\n\
                       links: [...f.querySelectorAll('a')].filter(a => a.getBoundingClientRect().height > 0).length,\n\
                       summary: getComputedStyle(f.querySelector('summary')).display,\n\
                     }));",
                    vec![],
                )
                .await;
            let folds = seen.as_array().expect("a list");
            assert_eq!(
                folds.len(),
                2,
                "{path}: the guide's contents and the page's: {seen}"
            );
            for fold in folds {
                assert!(
                    fold["links"].as_u64() > Some(5),
                    "{path}: every contents link shows: {seen}"
                );
                assert_eq!(fold["summary"], "none", "{path}: nothing to press: {seen}");
            }
        }
    })
    .await;
}
