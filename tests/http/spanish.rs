//! The Spanish edition at `/es`: every page with the same anchors, marked up
//! for the web, easy to read, in Spanish throughout, and a symptom check that
//! gives the same results as the English one.

use std::collections::BTreeSet;

use leg_pain_guide::triage::worked_cases;
use serde_json::Value;

use common::*;
use common::{BASELINE, CONTRACT_ANCHORS, Fixture};

/// The Spanish twin of an English path.
fn es(path: &str) -> String {
    in_lang("/es", path)
}

fn attr(doc: &scraper::Html, css: &str, name: &str) -> Vec<String> {
    select(doc, css)
        .iter()
        .filter_map(|e| e.value().attr(name).map(str::to_string))
        .collect()
}

#[tokio::test]
async fn every_page_has_a_spanish_twin_with_the_same_anchors_and_each_links_to_the_other() {
    let app = spawn_app_with(leg_pain_guide::settings::RawSettings {
        base_url: Some("https://legs.example".into()),
        ..Default::default()
    })
    .await;
    for path in every_page() {
        let (english, spanish) = (app.page(path).await, app.page(&es(path)).await);
        for (doc, lang, here, other, other_name) in [
            (&english, "en", path.to_string(), es(path), "Español"),
            (&spanish, "es", es(path), path.to_string(), "English"),
        ] {
            assert_eq!(attr(doc, "html", "lang"), [lang], "{here}");
            // hreflang alternates: both languages and x-default (English).
            let alternates: BTreeSet<(String, String)> =
                select(doc, "link[rel=alternate][hreflang]")
                    .iter()
                    .map(|l| {
                        (
                            l.value().attr("hreflang").unwrap().to_string(),
                            l.value().attr("href").unwrap().to_string(),
                        )
                    })
                    .collect();
            let expected: BTreeSet<(String, String)> = [
                ("en", path.to_string()),
                ("es", es(path)),
                ("x-default", path.to_string()),
            ]
            .into_iter()
            .map(|(l, p)| (l.to_string(), format!("https://legs.example{p}")))
            .collect();
            assert_eq!(alternates, expected, "{here}");
            // A visible link to the same page in the other language, named in that language.
            let switch = select(doc, &format!("a[href='{other}'][hreflang]"));
            assert!(
                switch.iter().any(|a| text_of(a) == other_name),
                "{here} links to {other} as {other_name:?}"
            );
            let json_ld = text_of(&select(doc, "script[type='application/ld+json']")[0]);
            let json_ld: Value = serde_json::from_str(&json_ld).unwrap();
            assert_eq!(json_ld["@graph"][0]["inLanguage"], lang, "{here}");
        }
        // The same headings, with the same ids, in the same order.
        let ids = |doc: &scraper::Html| attr(doc, "main h2[id], main h3[id]", "id");
        assert_eq!(ids(&english), ids(&spanish), "{path}: the same anchors");
    }
    for (path, anchors) in CONTRACT_ANCHORS {
        let doc = app.page(&es(path)).await;
        for anchor in *anchors {
            assert!(has_id(&doc, anchor), "{}#{anchor}", es(path));
        }
    }
}

#[tokio::test]
async fn spanish_pages_show_their_reading_ease_and_pass_the_limit() {
    let app = spawn_app().await;
    let site = site_for(&test_args(Default::default()));
    let (lang, _) = site.lang(site.lang_index("es").expect("a Spanish edition"));
    for page in &lang.pages {
        let readability = page.readability.expect("every Spanish page is scored");
        assert!(
            readability.score >= 65.0,
            "{}: INFLESZ {}",
            page.file,
            readability.score
        );
        let doc = app.page(&page.url).await;
        let shown = text_of(&select(&doc, ".reading-level")[0]);
        assert!(
            shown.contains("INFLESZ") && shown.contains(&format!("{:.0}", readability.score)),
            "{}: {shown}",
            page.url
        );
    }
}

/// English words that do not occur in Spanish prose. A page with them has an
/// English sentence left in it.
const ENGLISH: &[&str] = &[
    "the", "and", "you", "your", "with", "this", "that", "what", "when", "which", "have", "should",
    "doctor", "pain", "legs", "night", "help", "check", "page",
];

/// The page's visible words, without the parts that are names or codes by
/// design: source titles, code names on /for-clinics, `<code>` and addresses
/// (the printed page's own, too).
fn prose_words(doc: &scraper::Html) -> Vec<String> {
    let skip = scraper::Selector::parse(
        "code, pre, script, style, .sources cite, .sources li, .clinic-codes table, body [lang=en], .print-header__address",
    )
    .unwrap();
    let skipped: BTreeSet<_> = doc
        .select(&skip)
        .flat_map(|e| e.descendants().map(|n| n.id()))
        .collect();
    doc.root_element()
        .descendants()
        .filter(|n| !skipped.contains(&n.id()))
        .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
        .flat_map(|t| {
            t.split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[tokio::test]
async fn spanish_pages_results_and_errors_hold_no_english_sentence() {
    let app = spawn_app().await;
    let mut docs: Vec<(String, scraper::Html)> = Vec::new();
    for path in every_page() {
        docs.push((es(path), app.page(&es(path)).await));
        let embed = if path == "/" {
            "/es/embed".to_string()
        } else {
            format!("/es/embed{path}")
        };
        docs.push((embed.clone(), app.page(&embed).await));
    }
    let not_found = app.get("/es/no-such-page").await;
    assert_eq!(not_found.status(), 404);
    docs.push((
        "/es 404".into(),
        scraper::Html::parse_document(&not_found.text().await.unwrap()),
    ));
    let errors = app.post_form("/es/check", "").await;
    assert_eq!(errors.status(), 422);
    docs.push((
        "/es/check 422".into(),
        scraper::Html::parse_document(&errors.text().await.unwrap()),
    ));
    for case in worked_cases() {
        let body = form_of(&case);
        let r = app.post_form("/es/check", body).await;
        docs.push((
            format!("/es/check: {}", case.story),
            scraper::Html::parse_document(&r.text().await.unwrap()),
        ));
    }
    let mut found = Vec::new();
    for (place, doc) in &docs {
        let english: BTreeSet<String> = prose_words(doc)
            .into_iter()
            .filter(|w| ENGLISH.contains(&w.as_str()))
            .collect();
        if !english.is_empty() {
            found.push(format!("{place}: {english:?}"));
        }
    }
    assert!(
        found.is_empty(),
        "English words on Spanish pages:\n{}",
        found.join("\n")
    );
    // The test can fail: the English pages are full of these words.
    let english_page = app.page("/causes").await;
    assert!(
        prose_words(&english_page)
            .iter()
            .filter(|w| ENGLISH.contains(&w.as_str()))
            .count()
            > 50
    );
}

/// The form encoding of a worked case's answers; a case decided early
/// presses "See my result now" (ignored unless urgent is decided).
fn form_of(case: &leg_pain_guide::triage::WorkedCase) -> String {
    let mut form = form_urlencoded::Serializer::new(String::new());
    if !case.expect_unanswered.is_empty() {
        form.append_pair("step", "now");
    }
    for (field, value) in case.answers.as_table().unwrap() {
        match value {
            toml::Value::Boolean(b) => {
                form.append_pair(field, if *b { "yes" } else { "no" });
            }
            toml::Value::String(s) => {
                form.append_pair(field, s);
            }
            toml::Value::Array(items) => {
                for item in items {
                    form.append_pair(field, item.as_str().unwrap());
                }
            }
            other => panic!("{field} = {other}"),
        }
    }
    form.finish()
}

/// What a result says, by id: urgency, rules, causes, tips and the tips left out.
fn ids_of(doc: &scraper::Html) -> [Vec<String>; 5] {
    [
        attr(doc, "[data-urgency]", "data-urgency"),
        attr(doc, "[data-rule]", "data-rule"),
        attr(doc, "[data-cause]", "data-cause"),
        attr(doc, "[data-tip]", "data-tip"),
        attr(doc, "[data-tip-withheld]", "data-tip-withheld"),
    ]
}

#[tokio::test]
async fn the_worked_cases_agree_in_both_languages_through_the_form_and_the_api() {
    let app = spawn_app().await;
    for case in worked_cases() {
        let body = form_of(&case);
        let mut results = Vec::new();
        for path in ["/check", "/es/check", "/embed/check", "/es/embed/check"] {
            let r = app.post_form(path, body.clone()).await;
            assert_eq!(r.status(), 200, "{path}: {}", case.story);
            let doc = scraper::Html::parse_document(&r.text().await.unwrap());
            results.push((path, ids_of(&doc), page_text(&doc)));
        }
        let (_, english, english_text) = &results[0];
        assert_eq!(
            english[0],
            std::slice::from_ref(&case.expect_urgency),
            "{}",
            case.story
        );
        assert_eq!(english[1], case.expect_rules, "{}", case.story);
        assert_eq!(english[4], case.expect_withheld, "{}", case.story);
        for (path, ids, text) in &results[1..] {
            assert_eq!(ids, english, "{path}: {}", case.story);
            if path.starts_with("/es") {
                assert_ne!(text, english_text, "{path} is in Spanish");
            }
        }

        let mut json = serde_json::to_value(&case.answers).unwrap();
        let plain: Value = app
            .post_json("/api/v1/triage", json.to_string())
            .await
            .json()
            .await
            .unwrap();
        json["lang"] = "es".into();
        let r = app.post_json("/api/v1/triage", json.to_string()).await;
        assert_eq!(r.status(), 200, "{}", case.story);
        let spanish: Value = r.json().await.unwrap();
        for key in [
            "urgency",
            "rules",
            "complete",
            "unanswered",
            "withheld_tips",
        ] {
            assert_eq!(spanish[key], plain[key], "{key}: {}", case.story);
        }
        let ids = |v: &Value, key: &str| -> Vec<Value> {
            v[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].clone())
                .collect()
        };
        for key in ["possible_causes", "tips"] {
            assert_eq!(
                ids(&spanish, key),
                ids(&plain, key),
                "{key}: {}",
                case.story
            );
        }
        let reasons = |v: &Value| -> Vec<Value> {
            v["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["text"].clone())
                .collect()
        };
        assert_ne!(
            reasons(&spanish),
            reasons(&plain),
            "the wording is Spanish: {}",
            case.story
        );
    }
}

#[tokio::test]
async fn the_spanish_check_keeps_the_safety_wording() {
    let app = spawn_app().await;
    let r = app
        .post_form("/es/check", BASELINE.replace("course=same", "course=worse"))
        .await;
    let doc = scraper::Html::parse_document(&r.text().await.unwrap());
    let card = text_of(&select(&doc, "[data-urgency]")[0]);
    for words in [
        "Comuníquese con un médico dentro de las 24 horas",
        "en cuanto abra",
        "línea fuera de horario",
        "centro de atención de urgencias",
    ] {
        assert!(card.contains(words), "{words}: {card}");
    }
    assert!(!card.contains("pronto"), "never 'promptly' alone: {card}");
    let r = app
        .post_form(
            "/es/check",
            BASELINE.replace("breathless=no", "breathless=yes"),
        )
        .await;
    let doc = scraper::Html::parse_document(&r.text().await.unwrap());
    assert_eq!(
        attr(&doc, "[data-urgency] a.tel", "href"),
        ["tel:911"],
        "the configured number, a link to call"
    );
    // "Not sure" about a clot sign: the notice tells Spanish readers what to do, number included.
    let r = app
        .post_form(
            "/es/check",
            "one_leg_signs=unsure&breathless=no&numbness=no&skin_changes=no&injury=no&step=signs",
        )
        .await;
    assert_eq!(r.status(), 200);
    let doc = scraper::Html::parse_document(&r.text().await.unwrap());
    let notice = text_of(&select(&doc, "[data-urgency=urgent]")[0]);
    assert!(
        notice.contains("Mire y toque ahora sus dos piernas") && notice.contains("llame al 911"),
        "{notice}"
    );
    assert_eq!(attr(&doc, "[data-urgency] form button", "value"), ["now"]);
    assert_eq!(
        text_of(&select(&doc, "[data-urgency] form button")[0]),
        "Ver mi resultado ahora"
    );
    // A missing answer asks for one and never suggests it.
    let r = app
        .post_form("/es/check", BASELINE.replace("one_leg_signs=no&", ""))
        .await;
    assert_eq!(r.status(), 422);
    let doc = scraper::Html::parse_document(&r.text().await.unwrap());
    let summary = text_of(&select(&doc, ".error-summary")[0]);
    assert!(summary.contains("Responda sí, no o no lo sé"), "{summary}");
    assert_eq!(attr(&doc, "form[data-step]", "data-step"), ["signs"]);
}

#[tokio::test]
async fn connect_answers_in_spanish_when_the_recipient_reads_spanish() {
    let app = spawn_app_with(leg_pain_guide::settings::RawSettings {
        base_url: Some("https://legs.example".into()),
        ..Default::default()
    })
    .await;
    let query = "/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=G25.81&informationRecipient.languageCode.c=es";
    let r = app.get(query).await;
    assert_eq!(r.status(), 302);
    assert_eq!(r.headers()["location"], "/es/causes#restless-legs-syndrome");
    let r = app
        .get(&format!(
            "{query}&knowledgeResponseType=application/atom%2Bxml"
        ))
        .await;
    let feed = atom_syndication::Feed::read_from(r.text().await.unwrap().as_bytes()).unwrap();
    assert_eq!(feed.lang.as_deref(), Some("es"));
    assert_eq!(
        feed.entries[0].links[0].href,
        "https://legs.example/es/causes#restless-legs-syndrome"
    );
    assert_eq!(feed.entries[0].links[0].hreflang.as_deref(), Some("es"));
    assert_eq!(feed.entries[0].title.value, "Síndrome de piernas inquietas");
    // A language the site does not have gets English, not an error.
    let r = app
        .get("/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=G25.81&informationRecipient.languageCode.c=fr")
        .await;
    assert_eq!(r.headers()["location"], "/causes#restless-legs-syndrome");
    // Errors come in Spanish too.
    let r = app
        .get("/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=Z00.00&informationRecipient.languageCode.c=es")
        .await;
    assert_eq!(r.status(), 404);
    let doc = scraper::Html::parse_document(&r.text().await.unwrap());
    assert_eq!(attr(&doc, "html", "lang"), ["es"]);
}

#[test]
fn check_fails_when_the_languages_drift_apart_naming_file_and_line() {
    // A heading in English only.
    let fixture = Fixture::new();
    fixture.replace("content/es/causes.md", "{#arthritis}", "{#artritis}");
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    let es_causes = fixture.shown("content/es/causes.md");
    assert!(
        stderr.contains(&format!("{es_causes}:"))
            && stderr.contains("heading #arthritis is missing"),
        "{stderr}"
    );

    // A page in one language only.
    let fixture = Fixture::new();
    std::fs::remove_file(fixture.path("content/es/prevention.md")).unwrap();
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    assert!(
        stderr.contains("prevention.md") && stderr.contains("missing"),
        "{stderr}"
    );

    // A string in one language only.
    let fixture = Fixture::new();
    let line = fixture.replace(
        "locales/es.ftl",
        "result-restart = ",
        "result-restart-old = ",
    );
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    assert!(
        stderr.contains(&fixture.shown("locales/es.ftl")),
        "{stderr}"
    );
    assert!(stderr.contains("result-restart"), "{stderr}");
    let _ = line;

    // Review dates that differ (whatever the pages' own date is).
    let fixture = Fixture::new();
    let es_faq = std::fs::read_to_string(fixture.path("content/es/faq.md")).unwrap();
    let reviewed = es_faq
        .lines()
        .find(|l| l.starts_with("last_reviewed = "))
        .expect("content/es/faq.md has last_reviewed")
        .to_string();
    let line = fixture.replace("content/es/faq.md", &reviewed, "last_reviewed = 2000-01-01");
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    assert!(
        stderr.contains(&format!(
            "{}:{line}: `last_reviewed` differs",
            fixture.shown("content/es/faq.md")
        )),
        "{stderr}"
    );

    // A glossary term in one language only.
    let fixture = Fixture::new();
    fixture.replace("content/es/glossary.md", "calcium = ", "calcio = ");
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    assert!(
        stderr.contains("glossary term \"calcium\" is missing"),
        "{stderr}"
    );

    // A Spanish page too hard to read.
    let (ok, stderr) = Fixture::new().check(&["--min-inflesz", "90"]);
    assert!(!ok);
    assert!(
        stderr.contains("INFLESZ score") && stderr.contains("below the limit of 90.0"),
        "{stderr}"
    );
}
