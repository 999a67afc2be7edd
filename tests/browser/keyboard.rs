//! The keyboard alone: the skip link, visible focus on every Tab stop, the
//! whole check, and the error summary's links.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::checks::{self, active_element};
use crate::states::{
    Form, Input, Report, SIGN_FIELDS, State, states_in,
    submit_empty_check_and_expect_focused_summary, wait_for_result, wait_for_step,
};
use crate::tools;
use crate::webdriver::{ARROW_DOWN, ENTER, Options, SPACE, Session, TAB, in_browser};
use common::spawn_app;

#[tokio::test]
async fn skip_link_comes_first_and_focus_is_visible_on_every_tab_stop_in_english() {
    in_browser(async || {
        skip_link_and_visible_focus("").await;
    })
    .await;
}

#[tokio::test]
async fn skip_link_comes_first_and_focus_is_visible_on_every_tab_stop_in_spanish() {
    in_browser(async || {
        skip_link_and_visible_focus("/es").await;
    })
    .await;
}

/// The Tab walk over one language's states.
async fn skip_link_and_visible_focus(lang: &'static str) {
    let tools = tools::require();
    let app = spawn_app().await;
    let session = Session::start(&tools, Options::default()).await;
    session.set_viewport(1280, 900).await;
    let mut report = Report::default();

    for state in states_in(lang) {
        // The form's other states are the /check page again, plus the
        // error summary and a result: walk the summary and one result.
        if matches!(&state, State::Result(_, level) if level.urgency != "emergency")
            || matches!(state, State::ResultNow(_))
        {
            continue;
        }
        let place = state.name();
        state.reach(&session, &app, Input::Script).await;
        let (stops, problems) = checks::tab_through(&session).await;
        report.add(&place, problems);
        // Header, warning strip, main content and footer all have links.
        if stops.len() < 10 {
            report.add(&place, vec![format!("only {} Tab stops", stops.len())]);
        }
        let Some(first) = stops.first() else {
            report.add(&place, vec!["no Tab stop at all".into()]);
            continue;
        };
        if matches!(state, State::CheckErrors(_) | State::DetailsErrors(_)) {
            // Focus starts on the error summary, so Tab goes on from there.
            continue;
        }
        // An answer posted inside an embed lands on the main content (the
        // form's action ends in #main-content), so Tab starts there.
        let hash = session.execute("return location.hash;", vec![]).await;
        if hash == json!("#main-content") {
            if first["in_main"] != true {
                report.add(
                    &place,
                    vec![format!(
                        "the page opens at its main content, but the first Tab stop is {}",
                        first["describe"]
                    )],
                );
            }
            continue;
        }
        let first_is_skip_link = first["cls"]
            .as_str()
            .unwrap_or_default()
            .contains("skip-link")
            && first["href"] == "#main-content";
        if !first_is_skip_link {
            report.add(
                &place,
                vec![format!(
                    "first Tab stop is {}, not the skip link",
                    first["describe"]
                )],
            );
        }

        // Following the skip link moves focus to the main content.
        state.reach(&session, &app, Input::Script).await;
        session.press(&[TAB, ENTER]).await;
        session
            .wait_for(
                "return document.activeElement && document.activeElement.id === 'main-content';",
                &format!("{place}: the skip link to focus <main>"),
            )
            .await;
        let hash = session.execute("return location.hash;", vec![]).await;
        assert_eq!(hash, json!("#main-content"), "{place}");
        session.press(&[TAB]).await;
        let next = active_element(&session).await;
        if next["in_main"] != true {
            report.add(
                &place,
                vec![format!(
                    "Tab after the skip link went to {}, outside <main>",
                    next["describe"]
                )],
            );
        }
    }
    report.assert_clean("keyboard focus");
}

/// Walks the form on screen with Tab alone: chooses each radio answer
/// (Space for the first option, arrow keys for later ones), ticks each box
/// with Space, and presses Enter on the first submit button it reaches.
async fn answer_with_the_keyboard(
    session: &Session,
    radios: &[(&str, &str)],
    boxes: &[(&str, &str)],
    place: &str,
) {
    let mut answered = BTreeSet::new();
    let mut ticked = BTreeSet::new();
    let mut submitted = false;
    for _ in 0..300 {
        session.press(&[TAB]).await;
        let mut here = active_element(session).await;
        assert!(
            !here.is_null(),
            "{place}: focus left the page before reaching the submit button"
        );
        let name = here["name"].as_str().unwrap_or_default().to_string();
        match here["type"].as_str().unwrap_or_default() {
            "radio" => {
                let (_, wanted) = radios
                    .iter()
                    .find(|(field, _)| *field == name)
                    .unwrap_or_else(|| panic!("{place}: unexpected radio group {name}"));
                if here["value"] == *wanted {
                    session.press(&[SPACE]).await;
                } else {
                    for _ in 0..6 {
                        session.press(&[ARROW_DOWN]).await;
                        here = active_element(session).await;
                        if here["value"] == *wanted {
                            break;
                        }
                    }
                }
                here = active_element(session).await;
                assert!(
                    here["value"] == *wanted && here["checked"] == true,
                    "{place}: could not choose {name}={wanted} with the keyboard: {here}"
                );
                assert!(
                    answered.insert(name.clone()),
                    "{place}: Tab came back to {name}, already answered"
                );
            }
            "checkbox" => {
                let value = here["value"].as_str().unwrap_or_default().to_string();
                if boxes.contains(&(name.as_str(), value.as_str())) {
                    session.press(&[SPACE]).await;
                    assert_eq!(
                        active_element(session).await["checked"],
                        Value::Bool(true),
                        "{place}: Space ticks {name}={value}"
                    );
                    ticked.insert(format!("{name}={value}"));
                }
            }
            // The check's own button (the header's search box has one too).
            "submit" if here["in_main"] == Value::Bool(true) => {
                session.press(&[ENTER]).await;
                submitted = true;
                break;
            }
            _ => {}
        }
    }
    assert!(
        submitted,
        "{place}: never reached the submit button with Tab"
    );
    assert_eq!(
        answered.len(),
        radios.len(),
        "{place}: answered {answered:?}"
    );
    assert_eq!(ticked.len(), boxes.len(), "{place}: ticked {ticked:?}");
}

/// What the result on screen says, by id.
async fn result_shown(session: &Session) -> Value {
    session
        .execute(
            "return {urgency: document.querySelector('[data-urgency]').dataset.urgency,\n\
                     complete: document.querySelector('[data-urgency]').dataset.complete !== 'false',\n\
                     rules: [...document.querySelectorAll('[data-rule]')].map(e => e.dataset.rule),\n\
                     causes: [...document.querySelectorAll('[data-cause]')].map(e => e.dataset.cause)};",
            vec![],
        )
        .await
}

const SIGNS_NO: &[(&str, &str)] = &[
    ("one_leg_signs", "no"),
    ("breathless", "no"),
    ("numbness", "no"),
    ("skin_changes", "no"),
    ("injury", "no"),
];

#[tokio::test]
async fn the_check_can_be_completed_with_the_keyboard_alone_through_both_steps() {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app().await;
        let session = Session::start(&tools, Options::default()).await;
        session.goto(&app.url("/check")).await;
        answer_with_the_keyboard(&session, SIGNS_NO, &[], "step 1").await;
        wait_for_step(&session, Form::SITE, "details").await;

        // Step 2: Enter on its first button ("See my result") gives the result.
        let radios = [
            ("severity", "moderate"),
            ("onset", "days"),
            ("frequency", "most_nights"),
            ("course", "same"),
            ("sleep_impact", "little"),
            ("home_care", "not_helped"),
        ];
        let boxes = [("feelings", "cramp"), ("factors", "little_water")];
        answer_with_the_keyboard(&session, &radios, &boxes, "step 2").await;
        wait_for_result(&session, Form::SITE).await;
        let shown = result_shown(&session).await;
        assert_eq!(shown["urgency"], "routine", "{shown}");
        assert_eq!(shown["complete"], true, "{shown}");
        assert_eq!(shown["rules"], json!(["R4"]), "{shown}");
        assert_eq!(shown["causes"], json!(["cramps", "dehydration"]), "{shown}");
    })
    .await;
}

#[tokio::test]
async fn every_early_exit_and_changing_an_answer_work_with_the_keyboard_alone() {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app().await;
        let session = Session::start(&tools, Options::default()).await;

        // An emergency sign ends the questions: the result comes after step 1.
        session.goto(&app.url("/check")).await;
        let emergency = [
            ("one_leg_signs", "yes"),
            ("breathless", "no"),
            ("numbness", "no"),
            ("skin_changes", "no"),
            ("injury", "no"),
        ];
        answer_with_the_keyboard(&session, &emergency, &[], "an emergency sign").await;
        wait_for_result(&session, Form::SITE).await;
        let shown = result_shown(&session).await;
        assert_eq!(
            (shown["urgency"].clone(), shown["complete"].clone()),
            (json!("emergency"), json!(false)),
            "{shown}"
        );

        // Not sure about a clot sign: step 2 opens with the notice; its button
        // is reached with Tab and gives the urgent result at once.
        session.goto(&app.url("/check")).await;
        let unsure = [
            ("one_leg_signs", "unsure"),
            ("breathless", "no"),
            ("numbness", "no"),
            ("skin_changes", "no"),
            ("injury", "no"),
        ];
        answer_with_the_keyboard(&session, &unsure, &[], "not sure").await;
        wait_for_step(&session, Form::SITE, "details").await;
        // The notice comes first, so its "See my result now" is the first button.
        answer_with_the_keyboard(&session, &[], &[], "the urgent notice").await;
        wait_for_result(&session, Form::SITE).await;
        let shown = result_shown(&session).await;
        assert_eq!(
            (shown["urgency"].clone(), shown["complete"].clone()),
            (json!("urgent"), json!(false)),
            "{shown}"
        );
        assert_eq!(shown["rules"], json!(["U6"]), "{shown}");

        // Step 2, then "change": back to step 1 with every answer kept.
        session.goto(&app.url("/check")).await;
        answer_with_the_keyboard(&session, SIGNS_NO, &[], "step 1").await;
        wait_for_step(&session, Form::SITE, "details").await;
        session
            .execute(
                "document.querySelector('input[name=severity][value=severe]').click();",
                vec![],
            )
            .await;
        session
            .execute(
                "document.querySelector('button[name=step][value=change]').focus();",
                vec![],
            )
            .await;
        session.press(&[ENTER]).await;
        wait_for_step(&session, Form::SITE, "signs").await;
        let kept = session
            .execute(
                "return {no: document.querySelectorAll('input[type=radio][value=no]:checked').length,\n\
                         severity: (document.querySelector('input[type=hidden][name=severity]') || {}).value || null};",
                vec![],
            )
            .await;
        assert_eq!(
            kept,
            json!({"no": 5, "severity": "severe"}),
            "every answer kept"
        );
    })
    .await;
}

#[tokio::test]
async fn a_failed_submit_focuses_the_error_summary_whose_links_focus_each_field() {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app().await;
        let session = Session::start(&tools, Options::default()).await;
        submit_empty_check_and_expect_focused_summary(&session, &app, "after a failed submit").await;

        let links = session
            .execute(
                "return [...document.querySelectorAll('.error-summary a')].map(a => a.getAttribute('href'));",
                vec![],
            )
            .await;
        let links: Vec<String> = serde_json::from_value(links).unwrap();
        let expected: Vec<String> = SIGN_FIELDS.iter().map(|f| format!("#{f}")).collect();
        assert_eq!(
            links, expected,
            "one summary link per unanswered warning sign"
        );

        for href in &links {
            let field = &href[1..];
            session
                .execute(
                    "document.querySelector(`.error-summary a[href=\"${arguments[0]}\"]`).focus();",
                    vec![json!(href)],
                )
                .await;
            session.press(&[ENTER]).await;
            session
                .wait_for(
                    &format!(
                        "return document.activeElement && document.activeElement.id === '{field}';"
                    ),
                    &format!("the summary link {href} to focus its field"),
                )
                .await;
            let here = active_element(&session).await;
            assert_eq!(here["name"], json!(field), "{here}");
            assert_eq!(here["visible_focus"], Value::Bool(true), "{here}");
        }
    })
    .await;
}

/// Presses Tab until the focused element matches `css` (at most `limit` times).
async fn tab_to(session: &Session, css: &str, limit: usize) -> bool {
    for _ in 0..limit {
        session.press(&[TAB]).await;
        let here = session
            .execute(
                "return !!document.activeElement && document.activeElement.matches(arguments[0]);",
                vec![json!(css)],
            )
            .await;
        if here == Value::Bool(true) {
            return true;
        }
    }
    false
}

#[tokio::test]
async fn a_search_is_typed_in_the_header_and_a_result_followed_with_the_keyboard_alone() {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app().await;
        let session = Session::start(&tools, Options::default()).await;
        session.set_viewport(1280, 900).await;
        for (home, query, results, first) in [
            (
                "/",
                "charley horse",
                "/search",
                "/causes#nighttime-leg-cramps",
            ),
            (
                "/es",
                "se me duermen los pies",
                "/es/search",
                "/causes#peripheral-neuropathy",
            ),
        ] {
            session.goto(&app.url(home)).await;
            assert!(
                tab_to(&session, "header input#site-search", 30).await,
                "{home}: Tab reaches the header's search box"
            );
            let focused = active_element(&session).await;
            assert_eq!(focused["visible_focus"], Value::Bool(true), "{focused}");
            let keys: Vec<String> = query.chars().map(String::from).collect();
            session
                .press(&keys.iter().map(String::as_str).collect::<Vec<_>>())
                .await;
            session.press(&[ENTER]).await;
            session
                .wait_for(
                    &format!(
                        "return document.readyState === 'complete' && location.pathname === '{results}' && !!document.querySelector('[data-result]');"
                    ),
                    &format!("{home}: Enter in the search box opens the results"),
                )
                .await;
            let value = session
                .execute("return document.querySelector('#search-q').value;", vec![])
                .await;
            assert_eq!(value, json!(query), "the query is back in the search box");
            assert!(
                tab_to(&session, "a[data-result]", 60).await,
                "{home}: Tab reaches the first result"
            );
            let target = session
                .execute(
                    "return document.activeElement.getAttribute('data-result');",
                    vec![],
                )
                .await;
            assert_eq!(target, json!(first), "{home}: the best result is first");
            session.press(&[ENTER]).await;
            let (path, hash) = first.split_once('#').unwrap();
            let path = if home == "/" {
                path.to_string()
            } else {
                format!("{home}{path}")
            };
            session
                .wait_for(
                    &format!(
                        "return document.readyState === 'complete' && location.pathname === '{path}' && location.hash === '#{hash}';"
                    ),
                    &format!("{home}: Enter on the result opens its section"),
                )
                .await;
        }
    })
    .await;
}
