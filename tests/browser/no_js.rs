//! With JavaScript turned off in Chromium, the whole site works the same.

use serde_json::{Value, json};

use crate::states::{
    Form, Input, LANGS, LEVELS, NOT_FOUND_PATH, State, all_pages, complete_check,
    submit_empty_check_and_expect_focused_summary, urgency_shown,
};
use crate::tools;
use crate::webdriver::{Options, Session, in_browser};
use common::{TestApp, select, spawn_app, text_of};

/// Whether scripts run in this browser: a local page that rewrites its title.
async fn scripts_run(session: &Session) -> bool {
    session
        .goto("data:text/html,<title>before</title><script>document.title='after'</script>")
        .await;
    let title = session.execute("return document.title;", vec![]).await;
    // Forget the probe's own log entries.
    session.log("performance").await;
    session.log("browser").await;
    title == "after"
}

async fn heading(app: &TestApp, path: &str) -> String {
    let doc = scraper::Html::parse_document(&app.get(path).await.text().await.unwrap());
    text_of(&select(&doc, "main h1")[0])
}

#[tokio::test]
async fn without_javascript_every_page_loads_and_the_check_gives_the_same_result() {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app().await;

        // The probe itself works: scripts run in an ordinary session…
        {
            let session = Session::start(&tools, Options::default()).await;
            assert!(scripts_run(&session).await, "the script probe is broken");
        }
        // …and not in this one.
        let session = Session::start(
            &tools,
            Options {
                javascript_disabled: true,
            },
        )
        .await;
        assert!(!scripts_run(&session).await, "JavaScript is still on");

        let paths = all_pages().into_iter().map(|(_, path)| path);
        for path in paths.chain([NOT_FOUND_PATH.to_string(), format!("/es{NOT_FOUND_PATH}")]) {
            let path = path.as_str();
            session.goto(&app.url(path)).await;
            let seen = session
                .execute(
                    "const h1 = document.querySelector('main h1');\n\
                     return {h1: h1 ? h1.textContent.trim().replace(/\\s+/g, ' ') : null,\n\
                             styled: getComputedStyle(document.querySelector('.site-header')).backgroundColor !== 'rgba(0, 0, 0, 0)'};",
                    vec![],
                )
                .await;
            assert_eq!(seen["h1"], json!(heading(&app, path).await), "GET {path}");
            assert_eq!(
                seen["styled"],
                Value::Bool(true),
                "{path}: the stylesheet applies"
            );
        }

        // Links work: follow one in the site's navigation.
        session.goto(&app.url("/")).await;
        session.click(".site-nav a[href=\"/causes\"]").await;
        session
            .wait_for(
                "return location.pathname === '/causes' && document.readyState === 'complete';",
                "the Causes link to open /causes",
            )
            .await;

        // The empty form comes back with the error summary, which has focus.
        submit_empty_check_and_expect_focused_summary(&session, &app, "without JavaScript").await;

        // Each level gives the result the server gives, in each language:
        // answered with the mouse in English, and in Spanish (the same form,
        // other words) by the answers' own `click()`, which is quicker.
        for (lang, level) in LANGS
            .iter()
            .flat_map(|l| LEVELS.iter().map(move |v| (*l, v)))
        {
            let check = format!("{lang}/check");
            session.goto(&app.url(&check)).await;
            let input = if lang.is_empty() {
                Input::Clicks
            } else {
                Input::Script
            };
            let form = Form { embed: false, lang };
            complete_check(&session, form, level, input).await;
            let served = app.post_form(&check, level.form_body()).await;
            let served = scraper::Html::parse_document(&served.text().await.unwrap());
            let served_urgency = select(&served, "[data-urgency]")[0]
                .value()
                .attr("data-urgency")
                .unwrap()
                .to_string();
            let shown = urgency_shown(&session).await;
            assert_eq!(shown, level.urgency, "{:?}", level.answers());
            assert_eq!(shown, served_urgency, "{:?}", level.answers());
        }
        // The other early exit: "See my result now" on step 2's urgent notice,
        // and "change" back to step 1, in each language.
        for lang in LANGS {
            let form = Form { embed: false, lang };
            State::ResultNow(form)
                .reach(&session, &app, Input::Script)
                .await;
            State::Details(form, &crate::states::UNSURE)
                .reach(&session, &app, Input::Script)
                .await;
            session.click("button[name=step][value=change]").await;
            crate::states::wait_for_step(&session, form, "signs").await;
            let kept = session
                .execute(
                    "return !!document.querySelector('input[name=one_leg_signs][value=unsure]:checked');",
                    vec![],
                )
                .await;
            assert_eq!(
                kept,
                Value::Bool(true),
                "{lang}: the answer is kept without JavaScript"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn without_javascript_the_header_search_box_finds_sections_and_warns_first() {
    in_browser(async || {
        let tools = tools::require();
        let app = spawn_app().await;
        let session = Session::start(
            &tools,
            Options {
                javascript_disabled: true,
            },
        )
        .await;
        assert!(!scripts_run(&session).await, "JavaScript is still on");
        for (home, query, results, expected, warning) in [
            (
                "/",
                "pinched nerve",
                "/search",
                "/causes#nerve-compression",
                false,
            ),
            ("/", "chest pain", "/search", "", true),
            (
                "/es/causes",
                "arterias tapadas",
                "/es/search",
                "/causes#peripheral-artery-disease",
                false,
            ),
            (
                "/es",
                "coagulo",
                "/es/search",
                "/causes#deep-vein-thrombosis",
                true,
            ),
        ] {
            session.goto(&app.url(home)).await;
            session.click("header input#site-search").await;
            let keys: Vec<String> = query.chars().map(String::from).collect();
            session
                .press(&keys.iter().map(String::as_str).collect::<Vec<_>>())
                .await;
            session
                .click("header .site-search button[type=submit]")
                .await;
            session
                .wait_for(
                    &format!(
                        "return document.readyState === 'complete' && location.pathname === '{results}' && !!document.querySelector('#search-q');"
                    ),
                    &format!("{home}: the header's search box opens {results}"),
                )
                .await;
            let seen = session
                .execute(
                    "return {results: [...document.querySelectorAll('[data-result]')].map(a => a.dataset.result),\n\
                             warning: !!document.querySelector('main [data-urgency=emergency] a[href^=\"tel:\"]')};",
                    vec![],
                )
                .await;
            let found: Vec<String> = serde_json::from_value(seen["results"].clone()).unwrap();
            assert!(!found.is_empty(), "{query}: results");
            if !expected.is_empty() {
                assert!(
                    found.iter().take(3).any(|r| r == expected),
                    "{query}: {expected} in {found:?}"
                );
            }
            assert_eq!(seen["warning"], Value::Bool(warning), "{query}");
        }
    })
    .await;
}
