//! Search (`/search`, `/es/search`, `/api/v1/search`): people's own words
//! find their section in both languages, warning signs come first, and
//! nothing typed is shown (except in the search box), stored or logged.

use std::collections::BTreeMap;

use leg_pain_guide::settings::RawSettings;
use serde::Deserialize;

use common::*;

/// `tests/data/search_queries.toml`.
#[derive(Deserialize)]
struct Queries {
    /// Language code to (query, expected `data-result`) pairs.
    finds: BTreeMap<String, Vec<(String, String)>>,
    warning: BTreeMap<String, Vec<String>>,
    no_warning: BTreeMap<String, Vec<String>>,
}

fn queries() -> Queries {
    let text = std::fs::read_to_string(repo().join("tests/data/search_queries.toml")).unwrap();
    toml::from_str(&text).unwrap()
}

/// The search page's address for `query` in a language (`en`, `es`).
fn search_path(lang: &str, query: &str) -> String {
    let prefix = if lang == "en" {
        String::new()
    } else {
        format!("/{lang}")
    };
    let q: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("q", query)
        .finish();
    format!("{prefix}/search?{q}")
}

/// Every result's `data-result`, best first.
fn results(doc: &scraper::Html) -> Vec<String> {
    select(doc, "a[data-result]")
        .iter()
        .map(|a| a.value().attr("data-result").unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn every_listed_search_finds_its_section_in_the_first_three_results_in_both_languages() {
    let app = spawn_app().await;
    let queries = queries();
    assert_eq!(
        queries.finds.keys().collect::<Vec<_>>(),
        ["en", "es"],
        "both languages"
    );
    let mut missed = Vec::new();
    let mut count = 0;
    for (lang, list) in &queries.finds {
        assert!(list.len() >= 30, "{lang}: a long list");
        for (query, expected) in list {
            count += 1;
            let doc = app.page(&search_path(lang, query)).await;
            let found = results(&doc);
            if !found.iter().take(3).any(|r| r == expected) {
                missed.push(format!(
                    "{lang} {query:?}: wanted {expected}, got {found:?}"
                ));
            }
            // Each link goes to the section in the reader's language.
            let prefix = if lang == "en" { "" } else { "/es" };
            for a in select(&doc, "a[data-result]") {
                let href = a.value().attr("href").unwrap();
                let data = a.value().attr("data-result").unwrap();
                assert_eq!(
                    href,
                    leg_pain_guide::site::symptom::link_in(
                        &leg_pain_guide::i18n::Lang {
                            code: lang.clone(),
                            prefix: prefix.into(),
                            name: String::new(),
                        },
                        data
                    ),
                    "{lang} {query:?}"
                );
            }
        }
    }
    assert!(
        missed.is_empty(),
        "{} of {count} searches missed their section:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

#[tokio::test]
async fn a_search_that_is_a_whole_name_of_a_section_puts_that_section_first() {
    let app = spawn_app().await;
    for (lang, query, first) in [
        ("en", "pins and needles", "/causes#peripheral-neuropathy"),
        ("en", "charley horse", "/causes#nighttime-leg-cramps"),
        ("es", "pierna inflamada", "/causes#deep-vein-thrombosis"),
        (
            "es",
            "se me duermen los pies",
            "/causes#peripheral-neuropathy",
        ),
    ] {
        let doc = app.page(&search_path(lang, query)).await;
        assert_eq!(
            results(&doc).first().map(String::as_str),
            Some(first),
            "{lang} {query:?}"
        );
    }
}

#[tokio::test]
async fn every_result_shows_its_page_and_section_a_plain_snippet_and_a_link_to_a_real_anchor() {
    let app = spawn_app().await;
    for (lang, query) in [("en", "leg cramps"), ("es", "calambres")] {
        let doc = app.page(&search_path(lang, query)).await;
        let items = select(&doc, ".search-results li");
        assert!(items.len() >= 3, "{lang} {query}");
        for item in &items {
            let link = item
                .select(&scraper::Selector::parse("a[data-result]").unwrap())
                .next()
                .unwrap();
            let snippet = item
                .select(&scraper::Selector::parse("p").unwrap())
                .next()
                .unwrap();
            let text = text_of(&snippet);
            assert!(
                !text.is_empty() && text.chars().count() <= 161,
                "{lang}: {text}"
            );
            assert!(!text_of(&link).is_empty());
            // The anchor is on the page it names.
            let href = link.value().attr("href").unwrap();
            let (path, anchor) = href.split_once('#').unwrap();
            let page = app.page(path).await;
            assert!(has_id(&page, anchor), "{href}");
        }
    }
}

#[tokio::test]
async fn results_with_the_same_heading_on_two_pages_have_links_that_say_which_page() {
    // "Restless legs syndrome" is a cause and a treatment; the emergency
    // signs' heading is on four pages. WCAG 2.4.9: a link's words alone say
    // where it goes.
    let app = spawn_app().await;
    for (lang, query) in [
        ("en", "restless legs"),
        ("es", "piernas inquietas"),
        ("en", "swollen red leg"),
        ("es", "pierna hinchada"),
    ] {
        let doc = app.page(&search_path(lang, query)).await;
        let mut places: std::collections::HashMap<String, String> = Default::default();
        let links = select(&doc, "a[data-result]");
        assert!(links.len() >= 2, "{lang} {query}");
        for a in links {
            let name = text_of(&a).split_whitespace().collect::<Vec<_>>().join(" ");
            let href = a.value().attr("href").unwrap().to_string();
            if let Some(other) = places.insert(name.clone(), href.clone()) {
                assert_eq!(other, href, "{lang} {query}: {name:?} goes to two places");
            }
        }
    }
}

#[tokio::test]
async fn a_search_naming_a_warning_sign_shows_the_emergency_card_with_the_number_before_the_results()
 {
    let app = spawn_app_with(RawSettings {
        emergency_number: Some("112".into()),
        ..Default::default()
    })
    .await;
    let queries = queries();
    for (lang, list) in &queries.warning {
        for query in list {
            let body = app
                .get(&search_path(lang, query))
                .await
                .text()
                .await
                .unwrap();
            let doc = scraper::Html::parse_document(&body);
            let cards = select(&doc, "main [data-urgency=emergency]");
            assert_eq!(cards.len(), 1, "{lang} {query:?}: the emergency card");
            let card = &cards[0];
            let tel = card
                .select(&scraper::Selector::parse("a[href='tel:112']").unwrap())
                .count();
            assert_eq!(tel, 1, "{lang} {query:?}: the number is a tel: link");
            assert!(text_of(card).contains("112"), "{lang} {query:?}");
            let signs: Vec<_> = card
                .select(&scraper::Selector::parse("li[data-sign]").unwrap())
                .map(|li| li.value().attr("data-sign").unwrap().to_string())
                .collect();
            assert_eq!(signs, ["E1", "E2"], "{lang} {query:?}");
            // Before the search box and before any result.
            let card_at = body.find("data-urgency=\"emergency\"").unwrap();
            for later in ["id=\"search-q\"", "data-result="] {
                if let Some(at) = body.find(later) {
                    assert!(card_at < at, "{lang} {query:?}: the card comes first");
                }
            }
        }
    }
    for (lang, list) in &queries.no_warning {
        for query in list {
            let doc = app.page(&search_path(lang, query)).await;
            assert!(
                select(&doc, "[data-urgency]").is_empty(),
                "{lang} {query:?}: no emergency card"
            );
            assert!(!results(&doc).is_empty(), "{lang} {query:?}: results");
        }
    }
}

#[tokio::test]
async fn the_query_is_only_ever_in_the_search_box_escaped_and_capped() {
    let app = spawn_app().await;
    let typed = "cramps zqxjkw <script>alert(1)</script> \"quoted\" & more";
    for lang in ["en", "es"] {
        let body = app
            .get(&search_path(lang, typed))
            .await
            .text()
            .await
            .unwrap();
        assert!(!body.contains("<script>alert"), "{lang}: escaped");
        assert_eq!(
            body.matches("zqxjkw").count(),
            1,
            "{lang}: only the box holds it"
        );
        let doc = scraper::Html::parse_document(&body);
        let boxes = select(&doc, "main input[name=q]");
        assert_eq!(boxes.len(), 1);
        assert_eq!(boxes[0].value().attr("value"), Some(typed), "{lang}");
        // Not in the text, the title, the description or any link.
        let title = text_of(&select(&doc, "title")[0]);
        assert!(!title.contains("cramps"), "{title}");
        for meta in select(&doc, "meta[content]") {
            let content = meta.value().attr("content").unwrap();
            assert!(
                !content.contains("zqxjkw") && !content.contains("cramps"),
                "{content}"
            );
        }
        assert!(!page_text(&doc).contains("zqxjkw"));
        for a in select(&doc, "a[href], link[href]") {
            assert!(!a.value().attr("href").unwrap().contains("zqxjkw"));
        }
    }
    // Capped: a long query comes back cut, and still gets an answer.
    let long = "cramp ".repeat(200);
    let doc = app.page(&search_path("en", &long)).await;
    let value = select(&doc, "main input[name=q]")[0]
        .value()
        .attr("value")
        .unwrap()
        .to_string();
    assert!(value.chars().count() <= 100, "{}", value.len());
    assert_eq!(
        select(&doc, "main input[name=q]")[0]
            .value()
            .attr("maxlength"),
        Some("100")
    );
    assert!(!results(&doc).is_empty());
}

#[tokio::test]
async fn empty_and_junk_queries_get_a_normal_page_with_ways_on() {
    let app = spawn_app().await;
    for path in [
        "/search",
        "/search?q=",
        "/search?q=%20%20",
        "/search?q=%25%25%25!!!",
        "/search?q=%FF%FE%00",
        "/search?q=the+and+of",
        "/search?lang=es",
        "/search?q=a&q=b",
        "/es/search",
        "/es/search?q=%C2%BF%3F",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let doc = scraper::Html::parse_document(&response.text().await.unwrap());
        assert_eq!(select(&doc, "main h1").len(), 1, "{path}");
        assert_eq!(
            select(&doc, "main form[role=search] input[name=q]").len(),
            1
        );
        assert!(results(&doc).is_empty(), "{path}");
        let check = if path.starts_with("/es") {
            "/es/check"
        } else {
            "/check"
        };
        assert_eq!(
            select(&doc, &format!(".search-ways-on a[href='{check}']")).len(),
            1,
            "{path}: the symptom check"
        );
        assert!(
            select(&doc, ".search-ways-on li a").len() >= 8,
            "{path}: the guide's contents"
        );
    }
}

#[tokio::test]
async fn a_search_with_no_result_says_so_and_a_misspelt_one_offers_the_sites_own_words() {
    let app = spawn_app().await;
    let doc = app.page("/search?q=xyzzy+qwerty").await;
    assert!(results(&doc).is_empty());
    assert_eq!(text_of(&select(&doc, "#results")[0]), "No results");
    assert!(
        select(&doc, "[data-suggestion]").is_empty(),
        "nothing close"
    );
    assert_eq!(select(&doc, ".search-ways-on a[href='/check']").len(), 1);

    for (path, suggestion, href) in [
        (
            "/search?q=restles+legz",
            "restless legs",
            "/search?q=restless+legs",
        ),
        (
            "/search?q=varicos+vains",
            "varicose veins",
            "/search?q=varicose+veins",
        ),
        (
            "/es/search?q=piernas+inquetas",
            "piernas inquietas",
            "/es/search?q=piernas+inquietas",
        ),
    ] {
        let doc = app.page(path).await;
        let offered = select(&doc, "[data-suggestion]");
        assert_eq!(offered.len(), 1, "{path}");
        assert_eq!(offered[0].value().attr("data-suggestion"), Some(suggestion));
        assert_eq!(offered[0].value().attr("href"), Some(href));
        assert!(!results(&doc).is_empty(), "{path}: results all the same");
    }
    // Words the site uses get no suggestion.
    let doc = app.page("/search?q=restless+legs").await;
    assert!(select(&doc, "[data-suggestion]").is_empty());
}

#[tokio::test]
async fn the_json_api_answers_the_same_results_for_clinic_sites() {
    let app = spawn_app_with(RawSettings {
        base_url: Some("https://legs.example".into()),
        ..Default::default()
    })
    .await;
    let page = app.page("/search?q=charley+horse").await;
    let r = app.get("/api/v1/search?q=charley+horse").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let body = r.text().await.unwrap();
    assert!(!body.contains("charley"), "the query is not echoed: {body}");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    let urls: Vec<String> = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["url"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = results(&page)
        .iter()
        .map(|p| format!("https://legs.example{p}"))
        .collect();
    assert_eq!(urls, expected, "the page's results, as full links");
    let first = &json["results"][0];
    assert_eq!(first["title"], "Night leg cramps");
    assert!(!first["snippet"].as_str().unwrap().is_empty());
    assert!(json["emergency"].is_null());

    let es: serde_json::Value = app
        .get("/api/v1/search?q=se+me+duermen+los+pies&lang=es")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(es["lang"], "es");
    assert!(
        es["results"][0]["url"]
            .as_str()
            .unwrap()
            .starts_with("https://legs.example/es/causes#")
    );

    let warning: serde_json::Value = app
        .get("/api/v1/search?q=chest+pain")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(warning["emergency"]["urgency"], "emergency");
    assert_eq!(warning["emergency"]["tel"], "tel:911");

    let bad = app.get("/api/v1/search?q=x&lang=xx").await;
    assert_eq!(bad.status(), 400);
    let bad: serde_json::Value = bad.json().await.unwrap();
    assert!(bad["error"].as_str().unwrap().contains("\"es\""));

    let empty: serde_json::Value = app.get("/api/v1/search").await.json().await.unwrap();
    assert_eq!(empty["results"], serde_json::json!([]));
}

#[tokio::test]
async fn search_pages_are_never_stored_indexed_or_listed_and_carry_the_usual_headers() {
    let app = spawn_app().await;
    for path in ["/search?q=cramps", "/es/search?q=calambres", "/search"] {
        let r = app.get(path).await;
        assert_eq!(r.status(), 200);
        let h = r.headers();
        assert_eq!(h["cache-control"], "no-store", "{path}");
        assert!(
            h["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("default-src 'none'")
        );
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(
            h["referrer-policy"], "no-referrer",
            "results never leak the query"
        );
        assert!(h.get("set-cookie").is_none());
        let doc = scraper::Html::parse_document(&r.text().await.unwrap());
        assert_eq!(select(&doc, "meta[name=robots][content=noindex]").len(), 1);
        assert!(select(&doc, "link[rel=canonical]").is_empty());
    }
    let sitemap = app.get("/sitemap.xml").await.text().await.unwrap();
    assert!(!sitemap.contains("/search"));
    let robots = app.get("/robots.txt").await.text().await.unwrap();
    assert!(robots.contains("Disallow: /search"), "{robots}");
    assert!(robots.contains("Disallow: /es/search"), "{robots}");
    let head = app
        .client
        .head(app.url("/search?q=cramps"))
        .send()
        .await
        .unwrap();
    assert_eq!(head.status(), 200);
    assert!(head.bytes().await.unwrap().is_empty());
    let post = app.client.post(app.url("/search")).send().await.unwrap();
    assert_eq!(post.status(), 405);
    assert_eq!(post.headers()["allow"], "GET, HEAD");
    assert_eq!(app.get("/embed/search?q=cramps").await.status(), 404);
}

#[tokio::test]
async fn every_page_has_a_search_box_in_its_language_and_embeds_open_results_on_top() {
    let app = spawn_app().await;
    for lang in ["", "/es"] {
        let pages = every_page()
            .map(|p| in_lang(lang, p))
            .chain([format!("{lang}/no-such-page"), format!("{lang}/search")]);
        for path in pages {
            let doc = scraper::Html::parse_document(&app.get(&path).await.text().await.unwrap());
            let forms = select(&doc, ".site-header form[role=search][method=get]");
            assert_eq!(forms.len(), 1, "{path}");
            assert_eq!(
                forms[0].value().attr("action"),
                Some(format!("{lang}/search").as_str()),
                "{path}"
            );
            assert_eq!(select(&doc, ".site-header label[for=site-search]").len(), 1);
            assert_eq!(
                select(&doc, ".site-header input#site-search[name=q][type=search]").len(),
                1
            );
        }
        for path in [
            format!("{lang}/embed/causes"),
            format!("{lang}/embed/check"),
        ] {
            let doc = app.page(&path).await;
            let forms = select(&doc, ".embed-credit form[role=search]");
            assert_eq!(forms.len(), 1, "{path}");
            assert_eq!(forms[0].value().attr("target"), Some("_top"));
            assert_eq!(
                forms[0].value().attr("action"),
                Some(format!("{lang}/search").as_str())
            );
        }
    }
}

/// The request log lines four searches leave (one too long to read), for a log format.
fn logged_searches(format: &str, secret: &str) -> Vec<String> {
    let (mut child, address, lines) = start_binary(&["--log-format", format]);
    let paths = [
        format!("/search?q={secret}"),
        format!("/es/search?q={secret}+pierna"),
        format!("/api/v1/search?q={secret}&lang=es"),
        format!("/search?q={}", secret.repeat(200)),
    ];
    let mut conn = Conn::open(&address);
    for path in &paths {
        conn.send(format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes());
        let response = conn.response().expect("an answer");
        assert!(
            [200, 414].contains(&response.status),
            "{path}: {}",
            response.status
        );
    }
    let mut seen = Vec::new();
    for line in lines.map(Result::unwrap) {
        seen.push(line);
        if seen.iter().filter(|l| l.contains("search")).count() >= paths.len() {
            break;
        }
    }
    child.kill().unwrap();
    let _ = child.wait();
    seen
}

#[test]
fn the_request_log_has_the_search_path_and_never_the_query() {
    let secret = "zqxjkwsecret";
    for format in ["text", "json"] {
        let lines = logged_searches(format, secret);
        let searches: Vec<&String> = lines.iter().filter(|l| l.contains("search")).collect();
        assert_eq!(searches.len(), 4, "{format}: {lines:?}");
        for line in &lines {
            assert!(!line.contains(secret), "{format}: {line}");
            assert!(!line.contains('?'), "{format}: no query string: {line}");
            assert!(!line.contains("pierna"), "{format}: {line}");
        }
        if format == "json" {
            let paths: Vec<String> = searches
                .iter()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v["path"].as_str().map(String::from))
                .collect();
            assert!(paths.contains(&"/search".to_string()), "{paths:?}");
            assert!(paths.contains(&"/es/search".to_string()), "{paths:?}");
            assert!(paths.contains(&"/api/v1/search".to_string()), "{paths:?}");
        }
    }
}

#[test]
fn check_fails_when_a_language_lists_no_warning_words() {
    let fixture = Fixture::new();
    let text = std::fs::read_to_string(fixture.path("locales/es.ftl")).unwrap();
    let start = text.find("search-emergency-words =").unwrap();
    let end = text[start..]
        .find("\n\n")
        .map_or(text.len(), |i| start + i + 1);
    let line = text[..start].matches('\n').count() + 1;
    std::fs::write(
        fixture.path("locales/es.ftl"),
        format!(
            "{}search-emergency-words = {{\"-\"}}\n{}",
            &text[..start],
            &text[end..]
        ),
    )
    .unwrap();
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    let shown = fixture.shown("locales/es.ftl");
    assert!(
        stderr.contains(&format!(
            "{shown}:{line}: search-emergency-words lists no word"
        )),
        "{stderr}"
    );
}

#[test]
fn a_reload_rebuilds_the_search_index_from_the_new_content_and_strings() {
    let fixture = Fixture::new();
    let (mut child, address, mut lines) = start_binary_with(
        &fixture.path("content"),
        &fixture.path("locales"),
        &["--log-format", "json"],
    );
    let mut conn = Conn::open(&address);
    let mut get = |path: &str| {
        conn.send(format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes());
        conn.response()
            .expect("an answer on the same connection")
            .body
    };
    let before = get("/search?q=grumblewort");
    assert!(
        !before.contains("data-result="),
        "not a word of the site yet"
    );
    fixture.replace(
        "content/en/causes.md",
        "varicose-veins = [\"bulging veins\"",
        "varicose-veins = [\"grumblewort\", \"bulging veins\"",
    );
    fixture.replace(
        "locales/en.ftl",
        "    thrombosis\n",
        "    thrombosis\n    zebraleg\n",
    );
    assert!(
        std::process::Command::new("kill")
            .args(["-HUP", &child.id().to_string()])
            .status()
            .unwrap()
            .success()
    );
    lines
        .by_ref()
        .map_while(Result::ok)
        .find(|l| l.contains("reloaded"))
        .expect("the server reloads");
    let after = get("/search?q=grumblewort");
    assert!(
        after.contains("data-result=\"/causes#varicose-veins\""),
        "the new search word finds its section"
    );
    let warned = get("/search?q=zebraleg");
    assert!(
        warned.contains("data-urgency=\"emergency\""),
        "the new warning word brings the card"
    );
    child.kill().unwrap();
    let _ = child.wait();
}
