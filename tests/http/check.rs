//! The symptom check over HTTP (spec version 3): the two steps, every early
//! exit, the form and JSON, errors, limits, privacy.

use leg_pain_guide::triage::{JsonBody, WorkedCase, worked_cases};
use proptest::prelude::*;
use serde_json::{Value, json};

use common::*;
use common::{BASELINE, start_binary};

fn cases() -> Vec<WorkedCase> {
    let cases = worked_cases();
    assert!(cases.len() >= 55, "at least 55 worked cases");
    cases
}

fn as_json(answers: &toml::Value) -> Value {
    serde_json::to_value(answers).unwrap()
}

/// The form encoding of a case's answers (repeated checkbox keys), partial or not.
fn as_form(answers: &toml::Value) -> String {
    let parsed = JsonBody::parse(as_json(answers).to_string().as_bytes())
        .unwrap()
        .answers();
    assert!(
        parsed
            .errors
            .0
            .iter()
            .all(|e| e.problem == leg_pain_guide::triage::Problem::Missing),
        "case answers are valid where given: {:?}",
        parsed.errors
    );
    let mut form = form_urlencoded::Serializer::new(String::new());
    for (k, v) in parsed.answers.to_pairs() {
        form.append_pair(k, v);
    }
    form.finish()
}

/// What a result page shows, by its `data-*` marks.
struct ResultPage {
    urgency: String,
    complete: bool,
    rules: Vec<String>,
    causes: Vec<String>,
    tips: Vec<String>,
    withheld: Vec<String>,
    doc: scraper::Html,
}

fn attrs(doc: &scraper::Html, css: &str, name: &str) -> Vec<String> {
    select(doc, css)
        .iter()
        .map(|e| e.value().attr(name).unwrap().to_string())
        .collect()
}

fn result_page(doc: scraper::Html) -> ResultPage {
    let urgency = select(&doc, "[data-urgency]");
    assert_eq!(urgency.len(), 1, "data-urgency appears once");
    assert!(
        select(&doc, "[data-step]").is_empty(),
        "no result page carries data-step"
    );
    let complete = urgency[0].value().attr("data-complete") != Some("false");
    ResultPage {
        urgency: urgency[0].value().attr("data-urgency").unwrap().to_string(),
        complete,
        rules: attrs(&doc, "[data-rule]", "data-rule"),
        causes: attrs(&doc, "[data-cause]", "data-cause"),
        tips: attrs(&doc, "[data-tip]", "data-tip"),
        withheld: attrs(&doc, "[data-tip-withheld]", "data-tip-withheld"),
        doc,
    }
}

async fn post_to(app: &TestApp, path: &str, body: &str) -> ResultPage {
    let response = app.post_form(path, body.to_string()).await;
    assert_eq!(response.status(), 200, "{body}");
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert!(response.headers().get("set-cookie").is_none(), "no cookie");
    result_page(scraper::Html::parse_document(
        &response.text().await.unwrap(),
    ))
}

async fn post_check(app: &TestApp, body: &str) -> ResultPage {
    post_to(app, "/check", body).await
}

/// Posts to the check and parses a page of the form, asserting its status and step.
async fn form_page(app: &TestApp, body: &str, status: u16, step: &str) -> scraper::Html {
    let response = app.post_form("/check", body.to_string()).await;
    assert_eq!(response.status(), status, "{body}");
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert!(response.headers().get("set-cookie").is_none(), "no cookie");
    let doc = scraper::Html::parse_document(&response.text().await.unwrap());
    assert_eq!(
        attrs(&doc, "form[data-step]", "data-step"),
        [step],
        "{body}"
    );
    doc
}

/// The hidden fields of the form `css`, as (name, value) pairs in order.
fn hidden(doc: &scraper::Html, css: &str) -> Vec<(String, String)> {
    select(doc, &format!("{css} input[type=hidden]"))
        .iter()
        .map(|i| {
            let v = i.value();
            (
                v.attr("name").unwrap().into(),
                v.attr("value").unwrap().into(),
            )
        })
        .collect()
}

/// The warning signs of BASELINE (all "no"), as a form body.
const SIGNS_NO: &str = "one_leg_signs=no&breathless=no&numbness=no&skin_changes=no&injury=no";

/// BASELINE without its warning signs: the step-2 answers.
fn details_of_baseline() -> String {
    BASELINE.replace(&format!("{SIGNS_NO}&"), "")
}

#[tokio::test]
async fn step_1_asks_the_five_warning_signs_with_yes_no_and_not_sure_in_fieldsets() {
    let app = spawn_app().await;
    let doc = app.page("/check").await;
    let form = select(&doc, "form[method=post][action='/check'][data-step=signs]");
    assert_eq!(form.len(), 1);
    let fieldsets = select(&doc, "form fieldset");
    let names: Vec<String> = fieldsets
        .iter()
        .map(|f| {
            let legends = f
                .children()
                .filter_map(scraper::ElementRef::wrap)
                .filter(|c| c.value().name() == "legend")
                .count();
            assert_eq!(legends, 1);
            let values: Vec<&str> = f
                .select(&scraper::Selector::parse("input[type=radio]").unwrap())
                .map(|i| i.value().attr("value").unwrap())
                .collect();
            assert_eq!(values, ["yes", "no", "unsure"]);
            f.select(&scraper::Selector::parse("input").unwrap())
                .next()
                .unwrap()
                .value()
                .attr("name")
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        names,
        [
            "one_leg_signs",
            "breathless",
            "numbness",
            "skin_changes",
            "injury"
        ]
    );
    let labels: Vec<String> = select(&doc, "label[for=one_leg_signs-unsure]")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(labels, ["I'm not sure"]);
    for input in select(&doc, "form:not([role=search]) input") {
        let id = input.value().attr("id").unwrap();
        assert_eq!(select(&doc, &format!("label[for='{id}']")).len(), 1, "{id}");
    }
    // The check's own form (the header's search box aside).
    let buttons = select(&doc, "form:not([role=search]) button[type=submit]");
    assert_eq!(buttons.len(), 1);
    assert_eq!(
        (
            buttons[0].value().attr("name"),
            buttons[0].value().attr("value")
        ),
        (Some("step"), Some("signs"))
    );
    assert!(
        select(&doc, "input[type=hidden][name=step]").is_empty(),
        "step is the button's own"
    );
    let hint = text_of(&select(&doc, "#one_leg_signs-hint")[0]);
    assert!(
        hint.contains("more than the other") && hint.contains("I'm not sure"),
        "{hint}"
    );
    assert!(page_text(&doc).contains("no time limit"));
    assert!(select(&doc, "script:not([type='application/ld+json'])").is_empty());
    // Nothing has fired yet: the emergency signs on the page are not marked as rules.
    assert!(
        select(
            &doc,
            "[data-rule], [data-urgency], [data-cause], [data-tip]"
        )
        .is_empty()
    );
    assert_eq!(attrs(&doc, "[data-sign]", "data-sign"), ["E1", "E2"]);
}

#[tokio::test]
async fn step_2_carries_the_warning_signs_in_hidden_fields_shows_them_and_asks_the_rest() {
    let app = spawn_app().await;
    let doc = form_page(&app, &format!("{SIGNS_NO}&step=signs"), 200, "details").await;
    assert_eq!(
        hidden(&doc, "form[data-step=details]"),
        SIGNS_NO
            .split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k.to_string(), v.to_string())
            })
            .collect::<Vec<_>>()
    );
    assert!(
        select(&doc, "[data-urgency]").is_empty(),
        "no notice: urgent is not decided"
    );
    let shown = text_of(&select(&doc, ".sign-answers")[0]);
    assert!(
        shown.contains("Is one of your legs swollen") && shown.contains("No"),
        "{shown}"
    );
    for radio in [
        "severity",
        "onset",
        "frequency",
        "course",
        "sleep_impact",
        "home_care",
    ] {
        assert!(
            !select(&doc, &format!("input[type=radio][name={radio}]")).is_empty(),
            "{radio}"
        );
    }
    for group in ["feelings", "conditions", "factors"] {
        assert!(
            !select(&doc, &format!("input[type=checkbox][name={group}]")).is_empty(),
            "{group}"
        );
    }
    assert!(select(&doc, "input[type=radio][name=one_leg_signs]").is_empty());
    let text = page_text(&doc).to_lowercase();
    assert!(
        text.contains("within the last week"),
        "onset hints explain what days means"
    );
    assert!(text.contains("one to four weeks ago") && text.contains("more than a month ago"));
    assert!(select(&doc, "input[name=feelings][value=tired_legs]").len() == 1);
    assert!(select(&doc, "input[name=factors][value=alcohol]").len() == 1);
    // The first button sends step=details, so Enter gives the result; then "change".
    let buttons = attrs(&doc, "form[data-step=details] button[type=submit]", "value");
    assert_eq!(buttons, ["details", "change"]);
    assert!(
        select(&doc, "form[action*='?']").is_empty(),
        "answers never go in a URL"
    );
    let title = text_of(&select(&doc, "title")[0]);
    assert!(title.starts_with("Step 2 of 2"), "{title}");
}

#[tokio::test]
async fn changing_the_warning_signs_keeps_every_answer_and_comes_back_to_step_2() {
    let app = spawn_app().await;
    let details = details_of_baseline() + "&feelings=cramp&conditions=arthritis";
    let body = format!("{SIGNS_NO}&{details}&step=change");
    let doc = form_page(&app, &body, 200, "signs").await;
    for sign in [
        "one_leg_signs",
        "breathless",
        "numbness",
        "skin_changes",
        "injury",
    ] {
        assert_eq!(
            select(&doc, &format!("input[name={sign}][value=no][checked]")).len(),
            1,
            "{sign} kept"
        );
    }
    let carried: Vec<String> = hidden(&doc, "form[data-step=signs]")
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    assert_eq!(
        carried.join("&"),
        details,
        "the step-2 answers are carried along"
    );
    // Changed to "not sure", then on: step 2 again with every answer still there.
    let changed = format!(
        "{}&{details}&step=signs",
        SIGNS_NO.replace("injury=no", "injury=unsure")
    );
    let doc = form_page(&app, &changed, 200, "details").await;
    for (name, value) in [
        ("severity", "mild"),
        ("home_care", "helped"),
        ("feelings", "cramp"),
        ("conditions", "arthritis"),
    ] {
        assert_eq!(
            select(&doc, &format!("input[name={name}][value={value}][checked]")).len(),
            1,
            "{name}={value} kept"
        );
    }
    assert!(hidden(&doc, "form[data-step=details]").contains(&("injury".into(), "unsure".into())));
    // And the result from there: R9 for the injury not known for sure.
    let page = post_check(
        &app,
        &format!(
            "{}&{details}&step=details",
            SIGNS_NO.replace("injury=no", "injury=unsure")
        ),
    )
    .await;
    assert_eq!((page.urgency.as_str(), page.complete), ("routine", true));
    assert!(page.rules.contains(&"R9".to_string()), "{:?}", page.rules);
}

#[tokio::test]
async fn an_emergency_yes_gets_the_emergency_result_at_once_whatever_else_is_missing_or_wrong() {
    let app = spawn_app().await;
    for body in [
        "one_leg_signs=yes",
        "one_leg_signs=yes&step=signs",
        "one_leg_signs=yes&step=details",
        "one_leg_signs=yes&step=change",
        "breathless=yes&numbness=maybe&severity=awful&feelings=nope&step=now",
        "one_leg_signs=no&one_leg_signs=yes&onset=days&onset=weeks",
    ] {
        let page = post_check(&app, body).await;
        assert_eq!(page.urgency, "emergency", "{body}");
        assert!(!page.complete, "decided early: {body}");
        assert!(
            select(&page.doc, ".error-summary").is_empty(),
            "never behind an error: {body}"
        );
        let unanswered = select(&page.doc, ".unanswered li");
        assert!(
            unanswered.len() >= 9,
            "{body}: the questions not answered are named"
        );
        assert!(
            select(&page.doc, "a.tel[href='tel:911']").len() >= 2,
            "{body}"
        );
    }
    let app = &app;
    let json = |body: Value| async move {
        let response = app.post_json("/api/v1/triage", body.to_string()).await;
        (
            response.status().as_u16(),
            response.json::<Value>().await.unwrap(),
        )
    };
    let (status, body) = json(json!({"one_leg_signs": "yes"})).await;
    assert_eq!(status, 200);
    assert_eq!(
        (body["urgency"].as_str(), body["complete"].as_bool()),
        (Some("emergency"), Some(false))
    );
    assert_eq!(body["rules"], json!(["E1"]));
    assert_eq!(
        body["unanswered"],
        json!([
            "breathless",
            "numbness",
            "skin_changes",
            "injury",
            "severity",
            "onset",
            "frequency",
            "course",
            "sleep_impact",
            "home_care"
        ])
    );
    let (status, body) = json(json!({
        "breathless": true, "severity": "awful", "feelings": "cramp", "lang": "xx"
    }))
    .await;
    assert_eq!(
        (status, body["urgency"].as_str()),
        (200, Some("emergency")),
        "{body}"
    );
}

/// The step-1 button, and a one-page POST with no step-2 answer: step 2
/// with the urgent notice, its reason `rule` and its "See my result now".
async fn urgent_notice_on_step_2(app: &TestApp, signs: &str, rule: &str) {
    // The step-1 button, and a one-page POST with no step-2 answer: step 2 with the notice.
    for body in [format!("{signs}&step=signs"), signs.to_string()] {
        let doc = form_page(app, &body, 200, "details").await;
        let notice = select(&doc, "[data-urgency]");
        assert_eq!(notice.len(), 1, "{body}");
        assert_eq!(notice[0].value().attr("data-urgency"), Some("urgent"));
        let text = text_of(&notice[0]);
        assert!(
            text.contains("From your answers so far: contact a doctor within 24 hours"),
            "{text}"
        );
        assert!(text.contains("after-hours"), "{text}");
        assert_eq!(
            attrs(&doc, "[data-urgency] [data-rule]", "data-rule"),
            [rule]
        );
        let now = select(&doc, "[data-urgency] form button[name=step][value=now]");
        assert_eq!(now.len(), 1, "See my result now");
        assert_eq!(text_of(&now[0]), "See my result now");
        if rule == "U6" {
            assert!(
                text.contains("Look at both legs") && text.contains("call 911"),
                "{text}"
            );
            assert_eq!(
                select(&doc, "[data-urgency] a.tel[href='tel:911']").len(),
                1
            );
        }
    }
}

#[tokio::test]
async fn urgent_decided_in_step_1_offers_the_result_now_with_the_reasons_so_far() {
    let app = spawn_app().await;
    for (signs, rule) in [
        (SIGNS_NO.replace("numbness=no", "numbness=yes"), "U1"),
        (
            SIGNS_NO.replace("skin_changes=no", "skin_changes=yes"),
            "U2",
        ),
        (SIGNS_NO.replace("injury=no", "injury=yes"), "U3"),
        (
            SIGNS_NO.replace("one_leg_signs=no", "one_leg_signs=unsure"),
            "U6",
        ),
        (SIGNS_NO.replace("breathless=no", "breathless=unsure"), "U6"),
    ] {
        urgent_notice_on_step_2(&app, &signs, rule).await;
        // "See my result now": the urgent result at once, with what was answered.
        let partial = format!("{signs}&severity=severe&feelings=cramp&step=now");
        let page = post_check(&app, &partial).await;
        assert_eq!(
            (page.urgency.as_str(), page.complete),
            ("urgent", false),
            "{partial}"
        );
        assert!(
            page.rules.contains(&rule.to_string()) && page.rules.contains(&"R2".to_string()),
            "{:?}",
            page.rules
        );
        assert!(page.causes.contains(&"cramps".to_string()));
        assert!(
            page.tips.is_empty() && page.withheld.is_empty(),
            "no home care on urgent results"
        );
        let unanswered: Vec<String> = select(&page.doc, ".unanswered li")
            .iter()
            .map(text_of)
            .collect();
        assert_eq!(unanswered.len(), 5, "{unanswered:?}");
        assert!(
            unanswered[0].starts_with("When did the pain start?"),
            "{unanswered:?}"
        );
        // The API decides the same way.
        let mut body: serde_json::Map<String, Value> = signs
            .split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k.to_string(), json!(v))
            })
            .collect();
        body.insert("severity".into(), json!("severe"));
        let response = app
            .post_json("/api/v1/triage", Value::Object(body.clone()).to_string())
            .await;
        assert_eq!(response.status(), 200);
        let json: Value = response.json().await.unwrap();
        assert_eq!(
            (json["urgency"].as_str(), json["complete"].as_bool()),
            (Some("urgent"), Some(false))
        );
        assert_eq!(
            json["unanswered"],
            json!(["onset", "frequency", "course", "sleep_impact", "home_care"])
        );
        assert_eq!(json["tips"], json!([]));
        assert_eq!(json["withheld_tips"], json!([]));
        // A step-2 value that is not valid: 422, saying urgent all the same.
        body.insert("onset".into(), json!("yesterday"));
        let response = app
            .post_json("/api/v1/triage", Value::Object(body).to_string())
            .await;
        assert_eq!(response.status(), 422);
        let json: Value = response.json().await.unwrap();
        assert_eq!(json["urgency"], "urgent");
        assert!(json["fields"]["onset"].is_string());
    }
    // Not decided: "see my result now" cannot skip the questions.
    let doc = form_page(&app, &format!("{SIGNS_NO}&step=now"), 200, "details").await;
    assert!(select(&doc, "[data-urgency]").is_empty());
}

#[tokio::test]
async fn step_2_with_an_answer_missing_keeps_the_urgent_notice_and_every_answer() {
    let app = spawn_app().await;
    let signs = SIGNS_NO.replace("skin_changes=no", "skin_changes=yes");
    let body = format!("{signs}&severity=mild&course=sideways&feelings=cramp&step=details");
    let doc = form_page(&app, &body, 422, "details").await;
    assert_eq!(attrs(&doc, "[data-urgency]", "data-urgency"), ["urgent"]);
    assert_eq!(select(&doc, "[data-urgency] button[value=now]").len(), 1);
    let links = attrs(&doc, ".error-summary a", "href");
    assert_eq!(
        links,
        [
            "#onset",
            "#frequency",
            "#course",
            "#sleep_impact",
            "#home_care"
        ]
    );
    let title = text_of(&select(&doc, "title")[0]);
    assert!(title.starts_with("Error: "), "{title}");
    for (name, value) in [("severity", "mild"), ("feelings", "cramp")] {
        assert_eq!(
            select(&doc, &format!("input[name={name}][value={value}][checked]")).len(),
            1
        );
    }
    assert!(
        hidden(&doc, "form[data-step=details]").contains(&("skin_changes".into(), "yes".into()))
    );
    // The notice's own form carries the answers too.
    let carried = hidden(&doc, "[data-urgency] form");
    assert!(carried.contains(&("skin_changes".into(), "yes".into())));
    assert!(carried.contains(&("feelings".into(), "cramp".into())));
}

#[tokio::test]
async fn a_missing_or_unclear_warning_sign_gets_step_1_again_with_its_errors_and_nothing_lost() {
    let app = spawn_app().await;
    let body = format!(
        "one_leg_signs=no&breathless=perhaps&numbness=no&{}&feelings=cramp&step=signs",
        details_of_baseline()
    );
    let doc = form_page(&app, &body, 422, "signs").await;
    assert_eq!(
        attrs(&doc, ".error-summary a", "href"),
        ["#breathless", "#skin_changes", "#injury"]
    );
    assert_eq!(select(&doc, ".error-message").len(), 3);
    assert_eq!(
        select(&doc, "input[name=one_leg_signs][value=no][checked]").len(),
        1
    );
    let carried = hidden(&doc, "form[data-step=signs]");
    assert!(carried.contains(&("severity".into(), "mild".into())));
    assert!(carried.contains(&("feelings".into(), "cramp".into())));
}

#[tokio::test]
async fn a_missing_answer_asks_for_the_answer_and_never_suggests_one() {
    let app = spawn_app().await;
    let response = app.post_form("/check", "").await;
    assert_eq!(response.status(), 422);
    let doc = scraper::Html::parse_document(&response.text().await.unwrap());
    let messages: Vec<String> = select(&doc, ".error-summary a")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(
        messages.len(),
        5,
        "step 1 names only the warning signs: {messages:?}"
    );
    assert_eq!(
        messages[0],
        "Answer yes, no or I'm not sure: is one of your legs swollen, red, warm or sore to touch?"
    );
    let response = app
        .post_form("/check", format!("{SIGNS_NO}&step=details"))
        .await;
    assert_eq!(response.status(), 422);
    let doc = scraper::Html::parse_document(&response.text().await.unwrap());
    let more: Vec<String> = select(&doc, ".error-summary a")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(more.len(), 6, "{more:?}");
    assert_eq!(more[0], "Choose one answer: how bad is the pain?");
    for m in messages.iter().chain(&more) {
        assert!(!m.starts_with("Select yes"), "{m}");
        assert!(
            m.starts_with("Answer yes, no or I'm not sure: ")
                || m.starts_with("Choose one answer: "),
            "{m}"
        );
    }
}

#[tokio::test]
async fn a_warning_sign_sent_twice_counts_as_yes_if_any_copy_is() {
    let app = spawn_app().await;
    let body = format!(
        "numbness=no&numbness=yes&{}",
        BASELINE.replace("numbness=no&", "")
    );
    let page = post_check(&app, &body).await;
    assert_eq!(page.urgency, "urgent");
    assert!(page.rules.contains(&"U1".to_string()));
    let body = format!("{BASELINE}&severity=severe");
    let response = app.post_form("/check", body).await;
    assert_eq!(
        response.status(),
        422,
        "any other answer sent twice is an error"
    );
}

#[tokio::test]
async fn every_worked_case_gets_its_expected_result_through_the_form_and_the_json_api() {
    let app = spawn_app().await;
    for case in cases() {
        let form = as_form(&case.answers);
        let early = !case.expect_unanswered.is_empty();
        // Complete: a one-page POST and the step-2 button. Decided early: the
        // form's own way to the result (an emergency sign, or "see my result now").
        let bodies = if early {
            vec![form.clone(), format!("{form}&step=now")]
        } else {
            vec![form.clone(), format!("{form}&step=details")]
        };
        for body in bodies {
            if early && body == form && case.expect_urgency != "emergency" {
                continue;
            }
            let page = post_check(&app, &body).await;
            assert_eq!(page.urgency, case.expect_urgency, "form: {}", case.story);
            assert_eq!(page.complete, !early, "form: {}", case.story);
            assert_eq!(page.rules, case.expect_rules, "form: {}", case.story);
            assert_eq!(page.causes, case.expect_causes, "form: {}", case.story);
            assert_eq!(page.tips, case.expect_tips, "form: {}", case.story);
            assert_eq!(page.withheld, case.expect_withheld, "form: {}", case.story);
        }
        let page = post_check(
            &app,
            &format!("{form}{}", if early { "&step=now" } else { "" }),
        )
        .await;

        let response = app
            .post_json("/api/v1/triage", as_json(&case.answers).to_string())
            .await;
        assert_eq!(response.status(), 200, "json: {}", case.story);
        let json: Value = response.json().await.unwrap();
        assert_eq!(json["urgency"], case.expect_urgency, "json: {}", case.story);
        assert_eq!(json["complete"], !early, "json: {}", case.story);
        assert_eq!(
            json["unanswered"],
            json!(case.expect_unanswered),
            "json: {}",
            case.story
        );
        assert_eq!(
            json["rules"],
            json!(case.expect_rules),
            "json: {}",
            case.story
        );
        assert_eq!(
            json["withheld_tips"],
            json!(case.expect_withheld),
            "json: {}",
            case.story
        );
        let ids = |key: &str, id: &str| -> Vec<String> {
            json[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c[id].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(
            ids("possible_causes", "id"),
            case.expect_causes,
            "json: {}",
            case.story
        );
        assert_eq!(ids("tips", "id"), case.expect_tips, "json: {}", case.story);

        // The same words through both: each reason and tip of the page is the API's.
        let on_page =
            |css: &str| -> Vec<String> { select(&page.doc, css).iter().map(text_of).collect() };
        let reasons = on_page(".reasons [data-rule]");
        for (shown, sent) in reasons.iter().zip(json["reasons"].as_array().unwrap()) {
            let text = sent["text"].as_str().unwrap();
            assert!(
                text.len() > 20 && shown.starts_with(text),
                "{}: {shown:?} vs {text:?}",
                case.story
            );
        }
        assert_eq!(reasons.len(), case.expect_rules.len(), "{}", case.story);
        assert_eq!(on_page("[data-tip]"), ids("tips", "text"), "{}", case.story);
    }
}

#[tokio::test]
async fn home_care_left_out_for_this_person_is_named_on_one_plain_line_and_in_the_api() {
    let app = spawn_app().await;
    // Routine (R6) with a past clot and heart disease: no massage, water or pain relief.
    let body = BASELINE.replace("onset=days", "onset=months")
        + "&conditions=blood_clot_history&conditions=heart_disease";
    let page = post_check(&app, &body).await;
    assert_eq!(page.urgency, "routine");
    assert_eq!(page.withheld, ["massage", "water", "pain_relief"]);
    for id in &page.withheld {
        assert!(!page.tips.contains(id), "{id} is left out, not shown");
    }
    let lines = select(&page.doc, ".tips-withheld");
    assert_eq!(lines.len(), 1, "one plain line");
    let line = text_of(&lines[0]);
    assert!(
        line.starts_with("We left out some home-care steps because of your answers:"),
        "{line}"
    );
    assert!(line.contains("and pain relief from a pharmacy."), "{line}");
    assert!(
        line.ends_with("Ask your doctor or pharmacist which are safe for you."),
        "{line}"
    );
    // Self-care with nothing to leave out: no such line.
    let page = post_check(&app, BASELINE).await;
    assert!(page.withheld.is_empty() && select(&page.doc, ".tips-withheld").is_empty());
    assert!(!page.tips.contains(&"raise_legs".to_string()));
}

#[tokio::test]
async fn the_self_care_reason_never_says_now_and_then_to_pain_on_most_nights() {
    let app = spawn_app().await;
    // Most nights, but new (days): still self-care under version 3.
    let most_nights = BASELINE.replace("frequency=occasional", "frequency=most_nights");
    let page = post_check(&app, &most_nights).await;
    assert_eq!(
        (page.urgency.as_str(), page.rules.as_slice()),
        ("self_care", &["S0".to_string()][..])
    );
    let reason = text_of(&select(&page.doc, "[data-rule=S0]")[0]).to_lowercase();
    for phrase in ["now and then", "occasional", "from time to time"] {
        assert!(!reason.contains(phrase), "{reason}");
    }
    // A burning feeling is a warning sign now: never "none of your answers is a warning sign".
    let page = post_check(&app, &format!("{BASELINE}&feelings=burning_tingling")).await;
    assert_eq!(page.urgency, "urgent");
    assert!(!page_text(&page.doc).contains("None of your answers is a warning sign"));
}

#[tokio::test]
async fn a_self_care_result_does_not_send_people_to_a_doctor_about_causes() {
    let app = spawn_app().await;
    let page = post_check(&app, &format!("{BASELINE}&feelings=cramp")).await;
    assert_eq!(page.urgency, "self_care");
    assert_eq!(page.causes, ["cramps"]);
    let section = text_of(&select(&page.doc, "section[aria-labelledby=possible-causes]")[0]);
    assert!(!section.contains("doctor"), "{section}");
    let page = post_check(
        &app,
        &format!(
            "{}&feelings=cramp",
            BASELINE.replace("severity=mild", "severity=severe")
        ),
    )
    .await;
    assert_eq!(page.urgency, "routine");
    let section = text_of(&select(&page.doc, "section[aria-labelledby=possible-causes]")[0]);
    assert!(section.contains("with a doctor"), "{section}");
}

#[tokio::test]
async fn urgent_advice_says_when_and_where_in_words_that_work_at_3_am() {
    let app = spawn_app().await;
    let page = post_check(&app, &BASELINE.replace("course=same", "course=worse")).await;
    assert_eq!(page.urgency, "urgent");
    assert_eq!(page.rules, ["U5"]);
    let card = text_of(&select(&page.doc, "[data-urgency]")[0]);
    assert!(card.contains("Contact a doctor within 24 hours"), "{card}");
    assert!(card.contains("as soon as it opens"), "{card}");
    assert!(
        card.contains("after-hours line or go to an urgent care center"),
        "{card}"
    );
    assert!(
        card.contains("If you do not have a regular doctor"),
        "{card}"
    );
    let routine = post_check(&app, &BASELINE.replace("severity=mild", "severity=severe")).await;
    let card = text_of(&select(&routine.doc, "[data-urgency]")[0]);
    assert!(card.contains("community health center"), "{card}");
    for path in ["/when-to-seek-help", "/faq", "/check/how-it-works"] {
        let text = page_text(&app.page(path).await);
        assert!(!text.contains("today or tomorrow"), "{path}");
    }
    // Only a source's own words (quoted on /check/how-it-works) may say "promptly".
    for path in ["/when-to-seek-help", "/faq", "/treatments", "/"] {
        let text = page_text(&app.page(path).await).to_lowercase();
        assert!(!text.contains("promptly"), "{path}: never promptly alone");
    }
    assert!(!page_text(&page.doc).to_lowercase().contains("promptly"));
}

#[tokio::test]
async fn the_result_card_does_not_repeat_its_heading_and_the_summary_has_the_date_not_rule_codes() {
    let app = spawn_app().await;
    for body in [
        BASELINE.to_string(),
        BASELINE.replace("severity=mild", "severity=severe"),
        BASELINE.replace("injury=no", "injury=yes"),
        BASELINE.replace("one_leg_signs=no", "one_leg_signs=yes"),
    ] {
        let page = post_check(&app, &body).await;
        let heading = text_of(&select(&page.doc, "[data-urgency] h2")[0]);
        let heading = heading
            .split_once(": ")
            .map_or(heading.as_str(), |(_, h)| h)
            .to_string();
        let first = text_of(&select(&page.doc, "[data-urgency] p")[0]);
        assert!(
            !first.starts_with(&heading),
            "{heading:?} repeated: {first:?}"
        );
        let summary = text_of(&select(&page.doc, ".appointment-summary")[0]);
        let today = time::OffsetDateTime::now_utc().date();
        let year = today.year().to_string();
        assert!(
            summary.contains("Date:") && summary.contains(&year),
            "{summary}"
        );
        for code in ["S0", "R2", "U3", "E1", "rules"] {
            assert!(
                !summary.contains(code),
                "{code} in the patient's summary: {summary}"
            );
        }
        assert!(
            select(&page.doc, "[data-sign]").is_empty(),
            "the come-back list is not marked"
        );
    }
}

#[tokio::test]
async fn pain_relief_advice_says_to_follow_the_pack_and_ask_a_pharmacist() {
    let app = spawn_app().await;
    let page = post_check(&app, BASELINE).await;
    let tip = text_of(&select(&page.doc, "[data-tip=pain_relief]")[0]);
    assert!(
        tip.contains("Follow the pack")
            && tip.contains(
                "If you take a blood thinner or any other medicine, ask a pharmacist first"
            ),
        "{tip}"
    );
    assert!(
        !tip.to_lowercase().contains("swelling"),
        "acetaminophen does not ease swelling: {tip}"
    );
    let cold = text_of(&select(&page.doc, "[data-tip=cold]")[0]);
    assert!(
        cold.contains("sore spot") && !cold.contains("swollen"),
        "{cold}"
    );
}

#[tokio::test]
async fn each_rule_shows_as_a_linked_sentence_and_each_cause_links_to_its_section() {
    let app = spawn_app().await;
    let body = BASELINE
        .replace("one_leg_signs=no", "one_leg_signs=yes")
        .replace("numbness=no", "numbness=yes")
        .replace("sleep_impact=little", "sleep_impact=a_lot")
        + "&feelings=cramp&feelings=urge_to_move&conditions=diabetes&factors=little_water";
    let page = post_check(&app, &body).await;
    assert_eq!(page.urgency, "emergency");
    // U4: diabetes with pain that started within the last week; R8: cramp with diabetes.
    assert_eq!(page.rules, ["E1", "U1", "U4", "R1", "R6", "R7", "R8"]);
    for li in select(&page.doc, ".reasons [data-rule]") {
        let links = li
            .select(&scraper::Selector::parse("a[href]").unwrap())
            .count();
        assert_eq!(
            links,
            1,
            "rule {:?} links to its section",
            li.value().attr("data-rule")
        );
        assert!(text_of(&li).starts_with("You"), "{}", text_of(&li));
    }
    let hrefs = attrs(&page.doc, "[data-cause] a", "href");
    for anchor in [
        "deep-vein-thrombosis",
        "restless-legs-syndrome",
        "dehydration-and-minerals",
        "peripheral-neuropathy",
        "peripheral-artery-disease",
    ] {
        assert!(
            hrefs.contains(&format!("/causes#{anchor}")),
            "{anchor}: {hrefs:?}"
        );
    }
    assert!(page_text(&page.doc).contains("not a diagnosis"));
}

#[tokio::test]
async fn the_emergency_result_puts_the_configured_number_first_as_a_link_to_call() {
    let app = spawn_app_with(leg_pain_guide::settings::RawSettings {
        emergency_number: Some("999".into()),
        ..Default::default()
    })
    .await;
    let page = post_check(&app, &BASELINE.replace("breathless=no", "breathless=yes")).await;
    assert_eq!(page.urgency, "emergency");
    assert_eq!(page.rules, ["E2"]);
    let first = select(&page.doc, "main > *:nth-child(2)");
    assert_eq!(
        first[0].value().attr("data-urgency"),
        Some("emergency"),
        "the card comes straight after the heading"
    );
    let card = select(&page.doc, "main [data-urgency]");
    let call = card[0]
        .select(&scraper::Selector::parse("a.tel[href='tel:999']").unwrap())
        .count();
    assert_eq!(call, 1, "tap to call");
    assert!(text_of(&card[0]).contains("Immediate action required:"));
    assert!(select(&page.doc, "a[href^='tel:911']").is_empty());
    for a in select(&page.doc, "a[href^='tel:']") {
        assert_eq!(a.value().attr("href"), Some("tel:999"));
    }
    assert!(
        select(&page.doc, "#self-care").is_empty(),
        "no home care advice competes with an emergency"
    );
    let reason = text_of(&select(&page.doc, "[data-rule=E2]")[0]);
    assert!(reason.contains("travelled to your lungs"), "{reason}");
    assert!(!reason.contains("clot in the leg"), "{reason}");
}

#[tokio::test]
async fn every_result_repeats_the_come_back_signs_and_self_care_shows_home_steps() {
    let app = spawn_app().await;
    let page = post_check(&app, BASELINE).await;
    assert_eq!(page.urgency, "self_care");
    assert_eq!(page.rules, ["S0"]);
    let signs = select(&page.doc, "section[aria-labelledby=come-back-if] li");
    assert!(signs.len() >= 3, "come-back-if list");
    let text = text_of(&select(&page.doc, "section[aria-labelledby=come-back-if]")[0]);
    assert!(
        text.contains("you are not sure whether one leg"),
        "U6's sign: {text}"
    );
    assert!(!select(&page.doc, "#self-care").is_empty());
    assert!(!select(&page.doc, "a[href='/treatments#relief-at-home']").is_empty());
    for level_body in [
        BASELINE.replace("injury=no", "injury=yes"),
        BASELINE.replace("severity=mild", "severity=severe"),
    ] {
        let page = post_check(&app, &level_body).await;
        assert!(
            select(&page.doc, "section[aria-labelledby=come-back-if] li").len() >= 2,
            "{}",
            page.urgency
        );
    }
}

#[tokio::test]
async fn the_appointment_summary_repeats_every_answer_in_plain_words() {
    let app = spawn_app().await;
    let page = post_check(
        &app,
        &(BASELINE.to_string() + "&conditions=diabetes&conditions=arthritis"),
    )
    .await;
    let summary = select(&page.doc, ".appointment-summary");
    assert_eq!(summary.len(), 1);
    assert_eq!(
        select(&page.doc, ".appointment-summary dt").len(),
        14,
        "every question"
    );
    let text = text_of(&summary[0]);
    assert!(
        text.contains("Diabetes") && text.contains("Arthritis"),
        "{text}"
    );
    assert!(
        !text.contains("sleep_impact") && !text.contains("a_lot"),
        "plain words, not field names: {text}"
    );
}

#[tokio::test]
async fn a_post_inside_an_embed_lands_the_frame_on_the_result_or_the_error_summary() {
    let app = spawn_app().await;
    for path in ["/embed/check", "/es/embed/check"] {
        let doc = app.page(path).await;
        let action = attrs(&doc, "form[data-step]", "action");
        assert_eq!(action, [format!("{path}#main-content")]);
        let response = app.post_form(path, "").await;
        assert_eq!(response.status(), 422);
        let doc = scraper::Html::parse_document(&response.text().await.unwrap());
        let first = select(&doc, "main#main-content > *:first-child");
        assert!(
            first[0].value().classes().any(|c| c == "error-summary"),
            "{path}"
        );
        let page = post_to(&app, path, BASELINE).await;
        let first = select(&page.doc, "main#main-content > *:nth-child(2)");
        assert!(first[0].value().attr("data-urgency").is_some(), "{path}");
    }
    // The site's own form keeps its plain address.
    let doc = app.page("/check").await;
    assert_eq!(attrs(&doc, "form[data-step]", "action"), ["/check"]);
}

#[tokio::test]
async fn a_large_body_gets_413_and_a_wrong_content_type_415_as_friendly_pages() {
    let app = spawn_app().await;
    let big = format!("{BASELINE}&pad={}", "x".repeat(17 * 1024));
    let response = app.post_form("/check", big).await;
    assert_eq!(response.status(), 413);
    let doc = scraper::Html::parse_document(&response.text().await.unwrap());
    assert!(
        !select(&doc, ".site-header").is_empty(),
        "in the site layout"
    );
    assert!(!select(&doc, "main a[href='/check']").is_empty());

    let response = app
        .client
        .post(app.url("/check"))
        .header("content-type", "text/plain")
        .body(BASELINE)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("We could not read your answers")
    );
    let response = app.post_json("/check", "{}").await;
    assert_eq!(response.status(), 415);
}

#[tokio::test]
async fn the_json_api_answers_errors_as_json() {
    let app = spawn_app().await;
    let response = app.post_json("/api/v1/triage", "{not json").await;
    assert_eq!(response.status(), 400);
    assert!(response.json::<Value>().await.unwrap()["error"].is_string());

    let response = app
        .post_json(
            "/api/v1/triage",
            r#"{"one_leg_signs": "maybe", "severity": "awful", "feelings": "cramp"}"#,
        )
        .await;
    assert_eq!(response.status(), 422);
    let json: Value = response.json().await.unwrap();
    assert!(json["error"].is_string());
    assert!(json.get("urgency").is_none(), "not decided: {json}");
    for field in [
        "one_leg_signs",
        "severity",
        "breathless",
        "home_care",
        "feelings",
    ] {
        assert!(json["fields"][field].is_string(), "{field}: {json}");
    }

    let response = app.post_json("/api/v1/triage", "[1, 2]").await;
    assert_eq!(response.status(), 422);

    let response = app
        .post_json(
            "/api/v1/triage",
            format!("{{\"x\": \"{}\"}}", "y".repeat(17 * 1024)),
        )
        .await;
    assert_eq!(response.status(), 413);
    assert!(response.json::<Value>().await.unwrap()["error"].is_string());

    let response = app.post_form("/api/v1/triage", BASELINE).await;
    assert_eq!(response.status(), 415);
    assert!(response.json::<Value>().await.unwrap()["error"].is_string());

    let deep = "[".repeat(5000) + &"]".repeat(5000);
    let response = app.post_json("/api/v1/triage", deep).await;
    assert_eq!(response.status(), 400);
}

#[tokio::test]
async fn the_json_result_has_the_contract_shape() {
    let app = spawn_app().await;
    let body = serde_json::json!({
        "one_leg_signs": true, "breathless": false, "numbness": false, "skin_changes": false, "injury": false,
        "severity": "moderate", "onset": "days", "frequency": "occasional", "course": "worse",
        "sleep_impact": "some", "home_care": "not_tried", "feelings": [], "conditions": [], "factors": []
    });
    let response = app.post_json("/api/v1/triage", body.to_string()).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let json: Value = response.json().await.unwrap();
    assert_eq!(json["urgency"], "emergency");
    assert_eq!(json["complete"], true);
    assert_eq!(json["unanswered"], json!([]));
    assert_eq!(json["withheld_tips"], json!([]));
    assert_eq!(json["tips"], json!([]));
    assert_eq!(json["rules"], serde_json::json!(["E1", "U5"]));
    assert_eq!(json["reasons"][0]["rule"], "E1");
    assert!(json["reasons"][0]["text"].as_str().unwrap().len() > 20);
    // A cause's title is the heading of its section on the causes page.
    let causes = app.page("/causes").await;
    let heading = text_of(&select(&causes, "#deep-vein-thrombosis")[0]);
    assert_eq!(
        json["possible_causes"][0],
        serde_json::json!({"id": "dvt", "title": heading, "url": "/causes#deep-vein-thrombosis"})
    );
}

#[test]
fn any_bytes_posted_to_either_endpoint_get_a_4xx_or_a_200_never_a_5xx() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let app = runtime.block_on(spawn_app());
    let config = ProptestConfig {
        cases: 192,
        ..ProptestConfig::default()
    };
    proptest!(config, |(body in proptest::collection::vec(any::<u8>(), 0..600), json in any::<bool>(), form_like in any::<bool>())| {
        // Half the time, build something close to a real form so parsing goes deep.
        let body = if form_like {
            let mut b = BASELINE.as_bytes().to_vec();
            b.extend_from_slice(b"&");
            b.extend_from_slice(&body);
            b
        } else {
            body
        };
        let (path, content_type) = if json { ("/api/v1/triage", "application/json") } else { ("/check", "application/x-www-form-urlencoded") };
        let status = runtime.block_on(async {
            app.client.post(app.url(path)).header("content-type", content_type).body(body.clone()).send().await.unwrap().status()
        });
        prop_assert!(status == 200 || status.is_client_error(), "{path} answered {status}");
    });
}

#[test]
fn the_request_log_shows_method_path_status_and_time_but_never_an_answer() {
    let (mut child, address, lines) = start_binary(&[]);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let client = reqwest::Client::new();
        let body =
            BASELINE.replace("severity=mild", "severity=severe") + "&conditions=blood_clot_history";
        let r = client
            .post(format!("{address}/check?secret=query"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let r = client
            .get(format!("{address}/causes"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    });
    let mut log = lines.map(Result::unwrap).filter(|l| l.contains(" req="));
    let post = log.next().unwrap();
    let get = log.next().unwrap();
    child.kill().unwrap();
    let _ = child.wait();
    let parts: Vec<&str> = post.split_whitespace().collect();
    assert!(
        time::OffsetDateTime::parse(parts[0], &time::format_description::well_known::Rfc3339)
            .is_ok(),
        "a timestamp: {post}"
    );
    assert!(
        parts[1].starts_with("req=") && parts[1].len() == 20,
        "a random request id: {post}"
    );
    assert_eq!(&parts[2..5], ["POST", "/check", "200"], "{post}");
    assert!(parts[5].ends_with("ms"), "{post}");
    assert_eq!(parts.len(), 6, "nothing else on the line: {post}");
    for secret in ["severe", "blood_clot", "secret", "query"] {
        assert!(!post.contains(secret), "{post}");
    }
    assert!(get.contains(" GET /causes 200 "), "{get}");
}

fn clinic_settings() -> leg_pain_guide::settings::RawSettings {
    leg_pain_guide::settings::RawSettings {
        clinic_name: Some("Riverside Clinic".into()),
        clinic_phone: Some("+1 (555) 010-0199".into()),
        clinic_url: Some("https://riverside.example/appointments".into()),
        emergency_number: Some("999".into()),
        ..Default::default()
    }
}

/// The clinic's contact blocks inside `css`, each with its name, phone link and website.
fn clinic_blocks(doc: &scraper::Html, css: &str) -> Vec<String> {
    select(doc, &format!("{css} .clinic-contact"))
        .iter()
        .map(|block| {
            let text = text_of(block);
            let phone = block
                .select(&scraper::Selector::parse("a[href='tel:+15550100199']").unwrap())
                .count();
            let site = block
                .select(
                    &scraper::Selector::parse("a[href='https://riverside.example/appointments']")
                        .unwrap(),
                )
                .count();
            assert!(text.contains("Riverside Clinic"), "{text}");
            assert_eq!((phone, site), (1, 1), "{text}");
            assert!(
                text.contains("999"),
                "never instead of the emergency number: {text}"
            );
            text
        })
        .collect()
}

#[tokio::test]
async fn the_clinics_contact_is_on_urgent_and_routine_results_and_their_summary_and_nowhere_else() {
    let app = spawn_app_with(clinic_settings()).await;
    let mut levels = std::collections::BTreeSet::new();
    for case in cases() {
        let step = if case.expect_unanswered.is_empty() {
            ""
        } else {
            "&step=now"
        };
        let page = post_check(&app, &format!("{}{step}", as_form(&case.answers))).await;
        levels.insert(page.urgency.clone());
        let on_card = clinic_blocks(&page.doc, "main .care-card").len();
        let in_summary = clinic_blocks(&page.doc, "main .appointment-summary").len();
        let anywhere = clinic_blocks(&page.doc, "body").len();
        match page.urgency.as_str() {
            "urgent" | "routine" => {
                assert_eq!((on_card, in_summary, anywhere), (1, 1, 2), "{}", case.story);
            }
            _ => assert_eq!(anywhere, 0, "{}: {}", page.urgency, case.story),
        }
        if page.urgency == "emergency" {
            assert!(!select(&page.doc, "[data-urgency] a.tel[href='tel:999']").is_empty());
        }
    }
    assert_eq!(levels.len(), 4, "every level was seen: {levels:?}");
    // Pages other than results do not name the clinic; embeds do, in their footer.
    let doc = app.page("/causes").await;
    assert!(clinic_blocks(&doc, "body").is_empty());
    for path in ["/embed/causes", "/embed/check"] {
        let doc = app.page(path).await;
        assert_eq!(clinic_blocks(&doc, "footer").len(), 1, "{path}");
    }

    // With no clinic set, no result names one.
    let plain = spawn_app().await;
    let page = post_check(&plain, &BASELINE.replace("injury=no", "injury=yes")).await;
    assert_eq!(page.urgency, "urgent");
    assert!(select(&page.doc, ".clinic-contact").is_empty());
}
