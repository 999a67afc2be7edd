//! The symptom check over HTTP: form and JSON, errors, limits, privacy.

use leg_pain_guide::triage::{JsonBody, WorkedCase, worked_cases};
use proptest::prelude::*;
use serde_json::Value;

use crate::helpers::*;
use crate::support::{BASELINE, start_binary};

fn cases() -> Vec<WorkedCase> {
    let cases = worked_cases();
    assert!(cases.len() >= 40, "at least 40 worked cases");
    cases
}

fn as_json(answers: &toml::Value) -> Value {
    serde_json::to_value(answers).unwrap()
}

/// The form encoding of a case's answers (yes/no, repeated checkbox keys).
fn as_form(answers: &toml::Value) -> String {
    let parsed = JsonBody::parse(as_json(answers).to_string().as_bytes())
        .unwrap()
        .answers()
        .complete()
        .expect("case answers are valid");
    let mut form = form_urlencoded::Serializer::new(String::new());
    for (k, v) in parsed.to_pairs() {
        form.append_pair(k, v);
    }
    form.finish()
}

struct ResultPage {
    urgency: String,
    rules: Vec<String>,
    causes: Vec<String>,
    tips: Vec<String>,
    doc: scraper::Html,
}

async fn post_check(app: &TestApp, body: &str) -> ResultPage {
    let response = app.post_form("/check", body.to_string()).await;
    assert_eq!(response.status(), 200, "{body}");
    assert_eq!(response.headers()["cache-control"], "no-store");
    let doc = scraper::Html::parse_document(&response.text().await.unwrap());
    let urgency = select(&doc, "[data-urgency]");
    assert_eq!(urgency.len(), 1);
    let attr = |css: &str, name: &str| {
        select(&doc, css)
            .iter()
            .map(|e| e.value().attr(name).unwrap().to_string())
            .collect::<Vec<_>>()
    };
    ResultPage {
        urgency: urgency[0].value().attr("data-urgency").unwrap().to_string(),
        rules: attr("[data-rule]", "data-rule"),
        causes: attr("[data-cause]", "data-cause"),
        tips: attr("[data-tip]", "data-tip"),
        doc,
    }
}

#[tokio::test]
async fn the_form_asks_every_question_in_a_fieldset_with_a_legend_warning_signs_first() {
    let app = spawn_app().await;
    let doc = app.page("/check").await;
    let form = select(&doc, "form[method=post][action='/check']");
    assert_eq!(form.len(), 1);
    let fieldsets = select(&doc, "form fieldset");
    assert_eq!(fieldsets.len(), 14);
    let names: Vec<String> = fieldsets
        .iter()
        .map(|f| {
            assert_eq!(
                f.children()
                    .filter_map(scraper::ElementRef::wrap)
                    .filter(|c| c.value().name() == "legend")
                    .count(),
                1
            );
            let input = f
                .select(&scraper::Selector::parse("input").unwrap())
                .next()
                .unwrap();
            input.value().attr("name").unwrap().to_string()
        })
        .collect();
    assert_eq!(
        &names[..5],
        [
            "one_leg_signs",
            "breathless",
            "numbness",
            "skin_changes",
            "injury"
        ]
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
    for input in select(&doc, "form input") {
        let id = input.value().attr("id").unwrap();
        assert_eq!(
            select(&doc, &format!("label[for='{id}']")).len(),
            1,
            "input {id} has a label"
        );
    }
    let text = page_text(&doc).to_lowercase();
    assert!(
        text.contains("within the last week"),
        "onset hints explain what days means"
    );
    assert!(text.contains("one to four weeks ago"), "weeks hint");
    assert!(text.contains("more than a month ago"), "months hint");
    assert!(select(&doc, "script:not([type='application/ld+json'])").is_empty());
}

#[tokio::test]
async fn every_worked_case_gets_its_expected_result_through_the_form_and_the_json_api() {
    let app = spawn_app().await;
    for case in cases() {
        let page = post_check(&app, &as_form(&case.answers)).await;
        assert_eq!(page.urgency, case.expect_urgency, "form: {}", case.story);
        assert_eq!(page.rules, case.expect_rules, "form: {}", case.story);
        assert_eq!(page.causes, case.expect_causes, "form: {}", case.story);
        assert_eq!(page.tips, case.expect_tips, "form: {}", case.story);

        let response = app
            .post_json("/api/v1/triage", as_json(&case.answers).to_string())
            .await;
        assert_eq!(response.status(), 200, "json: {}", case.story);
        let json: Value = response.json().await.unwrap();
        assert_eq!(json["urgency"], case.expect_urgency, "json: {}", case.story);
        assert_eq!(
            json["rules"],
            serde_json::json!(case.expect_rules),
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
async fn the_self_care_reason_never_says_now_and_then_to_pain_on_most_nights() {
    let app = spawn_app().await;
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
}

#[tokio::test]
async fn urgent_advice_says_when_in_words_that_work_at_3_am() {
    let app = spawn_app().await;
    let page = post_check(&app, &BASELINE.replace("course=same", "course=worse")).await;
    assert_eq!(page.urgency, "urgent");
    assert_eq!(page.rules, ["U5"]);
    let card = text_of(&select(&page.doc, "[data-urgency]")[0]);
    assert!(
        card.contains("as soon as the doctor's office opens, and within 24 hours"),
        "{card}"
    );
    for path in ["/when-to-seek-help", "/faq", "/check/how-it-works"] {
        let text = page_text(&app.page(path).await);
        assert!(!text.contains("today or tomorrow"), "{path}");
    }
    assert!(!page_text(&page.doc).contains("today or tomorrow"));
}

#[tokio::test]
async fn pain_relief_advice_says_to_follow_the_pack_and_ask_a_pharmacist() {
    let app = spawn_app().await;
    let page = post_check(&app, BASELINE).await;
    let tip = text_of(&select(&page.doc, "[data-tip=pain_relief]")[0]);
    assert!(
        tip.contains("Follow the pack")
            && tip.contains("ask a pharmacist if you take other medicines"),
        "{tip}"
    );
    assert!(
        !tip.to_lowercase().contains("swelling"),
        "acetaminophen does not ease swelling: {tip}"
    );
}

#[tokio::test]
async fn a_missing_answer_asks_for_the_answer_and_never_suggests_one() {
    let app = spawn_app().await;
    let response = app.post_form("/check", "").await;
    let doc = scraper::Html::parse_document(&response.text().await.unwrap());
    let messages: Vec<String> = select(&doc, ".error-summary a")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(
        messages[0],
        "Answer yes or no: is one of your legs swollen, red, warm or sore to touch?"
    );
    assert_eq!(messages[5], "Choose one answer: how bad is the pain?");
    for m in &messages {
        assert!(!m.starts_with("Select yes"), "{m}");
        assert!(
            m.starts_with("Answer yes or no: ") || m.starts_with("Choose one answer: "),
            "{m}"
        );
    }
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
    // U4: diabetes with pain that started within the last week.
    assert_eq!(page.rules, ["E1", "U1", "U4", "R1", "R6", "R7"]);
    for li in select(&page.doc, "[data-rule]") {
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
    let hrefs: Vec<String> = select(&page.doc, "[data-cause] a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert!(
        hrefs.contains(&"/causes#deep-vein-thrombosis".to_string()),
        "{hrefs:?}"
    );
    assert!(hrefs.contains(&"/causes#restless-legs-syndrome".to_string()));
    assert!(hrefs.contains(&"/causes#dehydration-and-minerals".to_string()));
    let text = page_text(&page.doc);
    assert!(text.contains("not a diagnosis"));
}

#[tokio::test]
async fn the_emergency_result_puts_the_configured_number_first() {
    let app = spawn_app_with(leg_pain_guide::config::SettingsArgs {
        emergency_number: "999".into(),
        ..Default::default()
    })
    .await;
    let page = post_check(&app, &BASELINE.replace("breathless=no", "breathless=yes")).await;
    assert_eq!(page.urgency, "emergency");
    assert_eq!(page.rules, ["E2"]);
    let card = select(&page.doc, "main [data-urgency]");
    let first = select(&page.doc, "main > *:nth-child(2)");
    assert_eq!(
        first[0].value().attr("data-urgency"),
        Some("emergency"),
        "the card comes straight after the heading"
    );
    assert_eq!(text_of(&select(&page.doc, ".emergency-number")[0]), "999");
    assert!(text_of(&card[0]).contains("Immediate action required:"));
    assert!(
        select(&page.doc, "#self-care").is_empty(),
        "no home care advice competes with an emergency"
    );
}

#[tokio::test]
async fn every_result_repeats_the_come_back_signs_and_self_care_shows_home_steps() {
    let app = spawn_app().await;
    let page = post_check(&app, BASELINE).await;
    assert_eq!(page.urgency, "self_care");
    assert_eq!(page.rules, ["S0"]);
    let signs = select(&page.doc, "section[aria-labelledby=come-back-if] li");
    assert!(signs.len() >= 3, "come-back-if list");
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
    assert!(text.contains("Diabetes"), "{text}");
    assert!(text.contains("Arthritis"), "{text}");
    assert!(
        !text.contains("sleep_impact") && !text.contains("a_lot"),
        "plain words, not field names: {text}"
    );
}

#[tokio::test]
async fn a_missing_answer_gets_422_with_an_error_summary_and_every_answer_kept() {
    let app = spawn_app().await;
    let body = BASELINE
        .replace("&severity=mild", "")
        .replace("course=same", "course=sideways")
        + "&feelings=cramp&conditions=diabetes&unknown_field=1";
    let response = app.post_form("/check", body).await;
    assert_eq!(response.status(), 422);
    let doc = scraper::Html::parse_document(&response.text().await.unwrap());
    let title = text_of(&select(&doc, "title")[0]);
    assert!(title.starts_with("Error: "), "{title}");
    let summary = select(&doc, ".error-summary");
    assert_eq!(summary.len(), 1);
    assert!(text_of(&summary[0]).contains("There is a problem"));
    let links: Vec<String> = select(&doc, ".error-summary a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(links, ["#severity", "#course"]);
    for field in ["severity", "course"] {
        assert_eq!(
            select(&doc, &format!("input#{field}")).len(),
            1,
            "the summary link reaches a field"
        );
        assert_eq!(
            select(&doc, &format!("#{field}-error")).len(),
            1,
            "a message beside {field}"
        );
    }
    // Every answer the person gave is still selected.
    for (name, value) in [
        ("one_leg_signs", "no"),
        ("breathless", "no"),
        ("onset", "days"),
        ("frequency", "occasional"),
        ("sleep_impact", "little"),
        ("home_care", "helped"),
        ("feelings", "cramp"),
        ("conditions", "diabetes"),
    ] {
        let checked = select(&doc, &format!("input[name={name}][value={value}][checked]"));
        assert_eq!(checked.len(), 1, "{name}={value} kept");
    }
    // Five warning signs, four other radios, two checkboxes: nothing else.
    assert_eq!(select(&doc, "input[checked]").len(), 11);
}

#[tokio::test]
async fn an_empty_form_names_every_required_question() {
    let app = spawn_app().await;
    let response = app.post_form("/check", "").await;
    assert_eq!(response.status(), 422);
    let doc = scraper::Html::parse_document(&response.text().await.unwrap());
    assert_eq!(select(&doc, ".error-summary a").len(), 11);
    assert_eq!(select(&doc, ".error-message").len(), 11);
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
            r#"{"one_leg_signs": "yes", "severity": "awful"}"#,
        )
        .await;
    assert_eq!(response.status(), 422);
    let json: Value = response.json().await.unwrap();
    assert!(json["error"].is_string());
    for field in ["one_leg_signs", "severity", "breathless", "home_care"] {
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

fn clinic_settings() -> leg_pain_guide::config::SettingsArgs {
    leg_pain_guide::config::SettingsArgs {
        clinic_name: Some("Riverside Clinic".into()),
        clinic_phone: Some("+1 (555) 010-0199".into()),
        clinic_url: Some("https://riverside.example/appointments".into()),
        emergency_number: "999".into(),
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
        let page = post_check(&app, &as_form(&case.answers)).await;
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
            assert_eq!(text_of(&select(&page.doc, ".emergency-number")[0]), "999");
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
