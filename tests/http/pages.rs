//! The site contract: pages, anchors, links, errors.

use std::collections::{BTreeSet, HashMap, VecDeque};

use common::*;

/// Every page of the site contract, with its content file.
const CONTRACT_PAGES: &[(&str, &str)] = &[
    ("/", "index"),
    ("/causes", "causes"),
    ("/risk-factors", "risk-factors"),
    ("/when-to-seek-help", "when-to-seek-help"),
    ("/diagnosis", "diagnosis"),
    ("/treatments", "treatments"),
    ("/prevention", "prevention"),
    ("/faq", "faq"),
    ("/check", "check"),
    ("/check/how-it-works", "check/how-it-works"),
    ("/about", "about"),
    ("/for-clinics", "for-clinics"),
    ("/glossary", "glossary"),
    ("/accessibility", "accessibility"),
];

/// The title a page's front matter gives it.
fn front_matter_title(stem: &str) -> String {
    let text = std::fs::read_to_string(content_dir().join(format!("en/{stem}.md"))).unwrap();
    leg_pain_guide::content::front_matter::split(&text)
        .unwrap()
        .front
        .title
}

#[tokio::test]
async fn every_contract_page_answers_200_with_its_title() {
    let app = spawn_app().await;
    for (path, stem) in CONTRACT_PAGES {
        let expected = front_matter_title(stem);
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            response.headers()["content-type"],
            "text/html; charset=utf-8",
            "{path}"
        );
        let doc = scraper::Html::parse_document(&response.text().await.unwrap());
        let h1 = select(&doc, "h1");
        assert_eq!(h1.len(), 1, "{path} has one h1");
        assert_eq!(text_of(&h1[0]), expected, "{path}");
        let title = text_of(&select(&doc, "title")[0]);
        assert_eq!(title, format!("{expected} | Leg Pain at Night"), "{path}");
        assert_eq!(select(&doc, "meta[name=description]").len(), 1, "{path}");
    }
}

#[tokio::test]
async fn head_answers_every_page_without_a_body() {
    let app = spawn_app().await;
    for (path, _) in CONTRACT_PAGES {
        let response = app.client.head(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "HEAD {path}");
        assert!(response.headers().contains_key("etag"));
        assert!(
            response.bytes().await.unwrap().is_empty(),
            "HEAD {path} has no body"
        );
    }
}

#[tokio::test]
async fn every_contract_anchor_exists() {
    let app = spawn_app().await;
    for (path, anchors) in CONTRACT_ANCHORS {
        let doc = app.page(path).await;
        for anchor in *anchors {
            assert!(has_id(&doc, anchor), "{path}#{anchor}");
        }
    }
}

#[test]
fn the_sites_own_contract_lists_are_the_tests_lists() {
    use leg_pain_guide::content::contract;
    let promised: Vec<&str> = every_page().filter(|p| *p != "/glossary").collect();
    assert_eq!(contract::PAGES, promised.as_slice());
    assert_eq!(contract::ANCHORS, CONTRACT_ANCHORS);
}

#[tokio::test]
async fn every_heading_on_every_page_has_an_id() {
    let app = spawn_app().await;
    for (path, _) in CONTRACT_PAGES {
        let doc = app.page(path).await;
        for h in select(&doc, "main h2, main h3, main h4") {
            assert!(
                h.value().attr("id").is_some_and(|id| !id.is_empty()),
                "{path}: heading {:?} has no id",
                text_of(&h)
            );
        }
    }
}

#[tokio::test]
async fn every_internal_link_and_anchor_resolves() {
    let app = spawn_app().await;
    let mut docs: HashMap<String, scraper::Html> = HashMap::new();
    let mut queue: VecDeque<String> = CONTRACT_PAGES.iter().map(|(p, _)| p.to_string()).collect();
    let mut links: Vec<(String, String)> = Vec::new();
    while let Some(path) = queue.pop_front() {
        if docs.contains_key(&path) {
            continue;
        }
        let response = app.get(&path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        let is_html = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html");
        let body = response.text().await.unwrap();
        let doc = scraper::Html::parse_document(&body);
        if is_html {
            for a in select(
                &doc,
                "a[href], link[href]:not([rel=canonical]):not([rel=alternate])",
            ) {
                let href = a.value().attr("href").unwrap().to_string();
                assert!(
                    !href.starts_with("http") && !href.starts_with("//"),
                    "{path} links to another host: {href}"
                );
                // A number to call (the emergency number, the clinic's phone).
                if let Some(number) = href.strip_prefix("tel:") {
                    assert!(
                        number.chars().all(|c| c.is_ascii_digit() || c == '+'),
                        "{path}: {href}"
                    );
                    continue;
                }
                let target = href.split('#').next().unwrap();
                let target = if target.is_empty() {
                    path.clone()
                } else {
                    target.to_string()
                };
                queue.push_back(target);
                links.push((path.clone(), href));
            }
        }
        docs.insert(path, doc);
    }
    assert!(links.len() > 100, "found {} links", links.len());
    for (from, href) in links {
        if let Some((target, fragment)) = href.split_once('#') {
            let target = if target.is_empty() {
                from.as_str()
            } else {
                target
            };
            assert!(
                has_id(&docs[target], fragment),
                "{from} links to {href}, but {target} has no #{fragment}"
            );
        }
    }
}

#[tokio::test]
async fn topic_pages_form_one_guide_with_current_page_marked_and_previous_next_links() {
    let app = spawn_app().await;
    for (i, path) in TOPIC_PAGES.iter().enumerate() {
        let doc = app.page(path).await;
        let guide: Vec<_> = select(&doc, ".guide-nav a")
            .iter()
            .map(|a| a.value().attr("href").unwrap().to_string())
            .collect();
        assert_eq!(
            guide, TOPIC_PAGES,
            "{path}: contents list lists every topic page in order"
        );
        let current = select(&doc, ".guide-nav a[aria-current=page]");
        assert_eq!(current.len(), 1, "{path}");
        assert_eq!(current[0].value().attr("href"), Some(*path));
        let prev = select(&doc, "a[rel=prev]")
            .first()
            .map(|a| a.value().attr("href").unwrap().to_string());
        let next = select(&doc, "a[rel=next]")
            .first()
            .map(|a| a.value().attr("href").unwrap().to_string());
        assert_eq!(
            prev.as_deref(),
            i.checked_sub(1).map(|j| TOPIC_PAGES[j]),
            "{path} previous"
        );
        assert_eq!(
            next.as_deref(),
            TOPIC_PAGES.get(i + 1).copied(),
            "{path} next"
        );
    }
}

#[tokio::test]
async fn every_content_page_shows_review_dates_sources_reading_level_and_a_not_advice_note() {
    let app = spawn_app().await;
    for (path, _) in CONTRACT_PAGES {
        let doc = app.page(path).await;
        let text = page_text(&doc);
        assert!(text.contains("Page last reviewed:"), "{path}");
        assert!(text.contains("Next review due:"), "{path}");
        assert!(
            text.contains("not a substitute for professional medical advice"),
            "{path}"
        );
        let reading = select(&doc, ".reading-level");
        assert_eq!(reading.len(), 1, "{path}");
        let grade: f64 = text_of(&reading[0])
            .trim_start_matches("Reading level: about grade ")
            .parse()
            .unwrap();
        assert!(grade <= 8.0, "{path} reads at grade {grade}");
        let sources: Vec<String> = select(&doc, ".sources li").iter().map(text_of).collect();
        assert!(!sources.is_empty(), "{path} lists its sources");
        assert!(
            sources.iter().all(|s| s.contains("Aching Legs at Night")
                || s.contains("Leg Pain at Night When Lying Down")),
            "{path}: {sources:?}"
        );
    }
}

#[tokio::test]
async fn warning_signs_are_reachable_from_every_page_with_the_emergency_number() {
    let app = spawn_app_with(leg_pain_guide::settings::RawSettings {
        emergency_number: Some("112".into()),
        ..Default::default()
    })
    .await;
    for (path, _) in CONTRACT_PAGES.iter().chain(&[("/no-such-page", "")]) {
        let body = app.get(path).await.text().await.unwrap();
        let doc = scraper::Html::parse_document(&body);
        let strip = select(&doc, ".warning-strip");
        assert_eq!(strip.len(), 1, "{path}");
        let text = text_of(&strip[0]);
        assert!(
            text.contains(
                "one of your legs, or any part of one leg, is swollen, red, warm or sore"
            ),
            "{path}: {text}"
        );
        assert!(
            text.contains("short of breath (new, or more than usual for you) or have chest pain"),
            "{path}: {text}"
        );
        assert!(text.contains("call 112"), "{path}: {text}");
        assert_eq!(
            select(&doc, ".warning-strip a.tel[href='tel:112']").len(),
            1,
            "{path}: tap to call"
        );
        assert!(
            !select(
                &doc,
                ".warning-strip a[href='/when-to-seek-help#emergency']"
            )
            .is_empty()
        );
    }
}

#[tokio::test]
async fn care_cards_render_as_boxes_with_a_screen_reader_prefix() {
    let app = spawn_app().await;
    let doc = app.page("/when-to-seek-help").await;
    for (kind, prefix) in [
        ("emergency", "Immediate action required:"),
        ("urgent", "Urgent advice:"),
        ("non-urgent", "Non-urgent advice:"),
    ] {
        let cards = select(&doc, &format!(".care-card--{kind}"));
        assert!(!cards.is_empty(), "a {kind} card");
        let hidden = select(&doc, &format!(".care-card--{kind} h3 .visually-hidden"));
        assert_eq!(text_of(&hidden[0]), prefix);
    }
    let emergency = text_of(&select(&doc, ".care-card--emergency")[0]);
    assert!(
        emergency.contains("911"),
        "the configured number replaces the placeholder: {emergency}"
    );
    assert!(!emergency.contains("{{"), "{emergency}");
}

#[tokio::test]
async fn an_unknown_path_gets_a_404_page_in_the_site_layout_with_a_way_back() {
    let app = spawn_app().await;
    for path in [
        "/no-such-page",
        "/causes/extra",
        "/static/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/CAUSES",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        let doc = scraper::Html::parse_document(&response.text().await.unwrap());
        assert_eq!(text_of(&select(&doc, "h1")[0]), "Page not found");
        assert!(
            !select(&doc, "main a[href='/']").is_empty(),
            "a way back home"
        );
        assert!(
            !select(&doc, ".site-header").is_empty(),
            "in the site layout"
        );
    }
}

#[tokio::test]
async fn a_trailing_slash_redirects_to_the_page() {
    let app = spawn_app().await;
    let response = app.get("/causes/").await;
    assert_eq!(response.status(), 308);
    assert_eq!(response.headers()["location"], "/causes");
}

#[tokio::test]
async fn a_wrong_method_gets_405_with_allow() {
    let app = spawn_app().await;
    for path in ["/causes", "/", "/sitemap.xml"] {
        let response = app.client.post(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 405, "POST {path}");
        assert_eq!(response.headers()["allow"], "GET, HEAD");
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Method not allowed")
        );
    }
    let response = app.client.delete(app.url("/check")).send().await.unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(response.headers()["allow"], "GET, HEAD, POST");
    let response = app.get("/api/v1/triage").await;
    assert_eq!(response.status(), 405);
    assert_eq!(response.headers()["allow"], "POST");
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
}

#[tokio::test]
async fn healthz_robots_and_sitemap_answer() {
    let app = spawn_app_with(leg_pain_guide::settings::RawSettings {
        base_url: Some("https://legs.example".into()),
        ..Default::default()
    })
    .await;
    let health = app.get("/healthz").await;
    assert_eq!(health.status(), 200);
    assert_eq!(health.text().await.unwrap(), "ok\n");
    let robots = app.get("/robots.txt").await.text().await.unwrap();
    assert!(robots.contains("Sitemap: https://legs.example/sitemap.xml"));
    let sitemap = app.get("/sitemap.xml").await.text().await.unwrap();
    for (path, _) in CONTRACT_PAGES {
        for prefix in ["", "/es"] {
            // The Spanish home page is /es, with no slash after it.
            let url = match (prefix, *path) {
                ("/es", "/") => "/es".to_string(),
                _ => format!("{prefix}{path}"),
            };
            assert!(
                sitemap.contains(&format!("<loc>https://legs.example{url}</loc>")),
                "{url} in sitemap"
            );
        }
    }
    // One entry per page, each once, and every entry parses as XML.
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .collect();
    let unique: BTreeSet<&str> = locs.iter().copied().collect();
    assert_eq!(locs.len(), unique.len(), "no page twice: {locs:?}");
    assert_eq!(
        locs.len(),
        2 * CONTRACT_PAGES.len(),
        "every page once, in each language: {locs:?}"
    );
    assert!(sitemap.starts_with("<?xml") && sitemap.trim_end().ends_with("</urlset>"));
}

#[tokio::test]
async fn pages_revalidate_with_etags_and_static_files_are_immutable() {
    let app = spawn_app().await;
    let response = app.get("/causes").await;
    assert_eq!(response.headers()["cache-control"], "no-cache");
    let etag = response.headers()["etag"].to_str().unwrap().to_string();
    let doc = scraper::Html::parse_document(&response.text().await.unwrap());
    let again = app
        .client
        .get(app.url("/causes"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    let css = select(&doc, "link[rel=stylesheet]")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    assert!(
        css.starts_with("/static/style.") && css.ends_with(".css"),
        "{css}"
    );
    let css = app.get(&css).await;
    assert_eq!(css.status(), 200);
    assert_eq!(
        css.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");
}

#[tokio::test]
async fn no_response_sets_a_cookie_and_pages_load_nothing_from_another_host() {
    let app = spawn_app().await;
    for (path, _) in CONTRACT_PAGES {
        let response = app.get(path).await;
        assert!(response.headers().get("set-cookie").is_none(), "{path}");
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(csp.contains("default-src 'none'"), "{path}");
        let doc = scraper::Html::parse_document(&response.text().await.unwrap());
        assert!(
            select(&doc, "script:not([type='application/ld+json'])").is_empty(),
            "{path} has no JavaScript"
        );
        for el in select(
            &doc,
            "[src], link[href]:not([rel=canonical]):not([rel=alternate])",
        ) {
            let url = el.value().attr("src").or(el.value().attr("href")).unwrap();
            assert!(
                url.starts_with('/') && !url.starts_with("//"),
                "{path} loads {url}"
            );
        }
    }
}

/// The warning signs of each level on /when-to-seek-help, by rule code, as
/// triage spec version 3 lists them.
const SIGNS: &[(&str, &[&str])] = &[
    ("emergency", &["E1", "E2"]),
    ("urgent", &["U1", "U2", "U3", "U4", "U5", "U6"]),
    ("routine", &["R1", "R2", "R4", "R5", "R6", "R7", "R8", "R9"]),
];

#[tokio::test]
async fn when_to_seek_help_lists_the_rules_line_by_line_in_the_checks_own_words() {
    let app = spawn_app().await;
    let doc = app.page("/when-to-seek-help").await;
    fn card_kind(level: &str) -> &str {
        if level == "routine" {
            "non-urgent"
        } else {
            level
        }
    }
    for (level, codes) in SIGNS {
        let items = select(
            &doc,
            &format!("#{level} ~ .care-card--{} li", card_kind(level)),
        );
        let shown: Vec<&str> = items
            .iter()
            .map(|li| li.value().attr("data-sign").unwrap())
            .collect();
        assert_eq!(&shown[..codes.len()], *codes, "{level}");
        // The same sentence ends every result that this level would raise.
        let how = app.page("/check/how-it-works").await;
        for (li, code) in items.iter().zip(*codes) {
            let when = text_of(&select(&how, &format!("#rule-{code} dd"))[0]);
            assert_eq!(text_of(li), when, "{code} says the same on both pages");
        }
    }
    let all: Vec<String> = select(&doc, "[data-sign]")
        .iter()
        .map(|e| e.value().attr("data-sign").unwrap().to_string())
        .collect();
    let expected: Vec<&str> = SIGNS.iter().flat_map(|(_, c)| c.iter().copied()).collect();
    assert_eq!(all, expected, "no other rule, none twice");
    // `data-rule` marks only a rule that fired: a page's sign lists use `data-sign`.
    assert!(select(&doc, "[data-rule]").is_empty());
    let text = page_text(&doc);
    assert!(
        !text.contains("calf or thigh"),
        "a clot sign anywhere in one leg counts"
    );
}

#[tokio::test]
async fn how_it_works_publishes_every_rule_with_its_level_reason_and_source_and_how_it_is_tested() {
    let app = spawn_app().await;
    let doc = app.page("/check/how-it-works").await;
    let codes: Vec<String> = select(&doc, ".rule[data-rule]")
        .iter()
        .map(|e| e.value().attr("data-rule").unwrap().to_string())
        .collect();
    assert_eq!(
        codes,
        [
            "E1", "E2", "U1", "U2", "U3", "U4", "U5", "U6", "R1", "R2", "R4", "R5", "R6", "R7",
            "R8", "R9", "S0"
        ]
    );
    // Our safety choices say so: E2's sign, U6 and R9.
    let choices: Vec<String> = select(&doc, "[data-safety-choice]")
        .iter()
        .map(|e| e.value().attr("data-safety-choice").unwrap().to_string())
        .collect();
    assert_eq!(choices, ["E2", "U6", "R9"]);
    for code in &codes {
        let rule = &select(&doc, &format!("#rule-{code}"))[0];
        let details: Vec<String> = rule
            .select(&scraper::Selector::parse("dd").unwrap())
            .map(|d| text_of(&d))
            .collect();
        let choice = choices.contains(code);
        let reading = ["E2", "U5"].contains(&code.as_str());
        assert_eq!(
            details.len(),
            4 + usize::from(choice) + usize::from(reading),
            "{code}: when, reason, source, link (and safety choice, reading)"
        );
        if ["U6", "R9"].contains(&code.as_str()) {
            assert!(
                details[2].starts_with("None: this is our safety choice"),
                "{code}: {}",
                details[2]
            );
        } else {
            assert!(
                details[2].starts_with("000") || details[2].starts_with("001"),
                "{code}: a source passage: {}",
                details[2]
            );
            assert!(details[2].contains('"'), "{code} quotes its source");
        }
    }
    assert!(
        text_of(&select(&doc, "#rule-U5-heading")[0]).contains("Contact a doctor within 24 hours")
    );
    let u5 = text_of(&select(&doc, "#rule-U5")[0]);
    assert!(
        u5.contains("How we read the source") && u5.contains("We follow 001"),
        "{u5}"
    );
    let e2 = text_of(&select(&doc, "#rule-E2")[0]);
    assert!(e2.contains("names the danger"), "{e2}");
    // Every step that can be left out says when, as our safety choice.
    let left_out = select(&doc, ".tips-when .safety-choice");
    assert_eq!(
        left_out.len(),
        6,
        "massage, warmth, cold, water, pain relief, raising the legs"
    );
    let cases = leg_pain_guide::triage::worked_cases().len();
    let tested = text_of(&select(&doc, "section[aria-labelledby=how-it-is-tested]")[0]);
    assert!(
        tested.contains(&format!("{cases} worked cases")),
        "{tested}"
    );
    assert!(
        tested.contains(
            "17 of the 17 rules, 11 of the 11 possible causes and 8 of the 8 home-care steps"
        ),
        "{tested}"
    );
    assert!(
        tested.contains("They leave out 6 of the 6 home-care steps"),
        "{tested}"
    );
    assert_eq!(select(&doc, ".causes-when div").len(), 11);
    assert_eq!(select(&doc, ".tips-when div").len(), 8);
    // Linked from the check, from every result and from the about page.
    for path in ["/check", "/about"] {
        assert!(
            !select(&app.page(path).await, "main a[href='/check/how-it-works']").is_empty(),
            "{path}"
        );
    }
    let result = app
        .post_form("/check", common::BASELINE)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !select(
            &scraper::Html::parse_document(&result),
            "main a[href='/check/how-it-works']"
        )
        .is_empty()
    );
}

#[tokio::test]
async fn every_emergency_number_shown_is_a_link_to_call_it() {
    // A number that appears nowhere else on the site.
    let number = "73519";
    let app = spawn_app_with(leg_pain_guide::settings::RawSettings {
        emergency_number: Some(number.into()),
        ..Default::default()
    })
    .await;
    let mut paths: Vec<String> = Vec::new();
    for lang in ["", "/es"] {
        for (path, _) in CONTRACT_PAGES {
            paths.push(in_lang(lang, path));
        }
        paths.push(in_lang(lang, "/embed/check"));
        paths.push(in_lang(lang, "/embed/when-to-seek-help"));
        paths.push(in_lang(lang, "/no-such-page"));
    }
    let bodies = [
        common::BASELINE.replace("one_leg_signs=no", "one_leg_signs=yes"),
        common::BASELINE.to_string(),
        "one_leg_signs=unsure&breathless=no&numbness=no&skin_changes=no&injury=no".into(),
    ];
    let mut docs = Vec::new();
    for path in &paths {
        let body = app.get(path).await.text().await.unwrap();
        docs.push((path.clone(), scraper::Html::parse_document(&body)));
    }
    for check in ["/check", "/es/check", "/embed/check", "/es/embed/check"] {
        for body in &bodies {
            let page = app
                .post_form(check, body.clone())
                .await
                .text()
                .await
                .unwrap();
            docs.push((
                format!("POST {check}"),
                scraper::Html::parse_document(&page),
            ));
        }
    }
    let mut shown = 0;
    for (place, doc) in &docs {
        let body = select(doc, "body");
        let in_text = text_of(&body[0]).matches(number).count();
        let links = select(doc, &format!("a[href='tel:{number}']"));
        let in_links: usize = links
            .iter()
            .map(|a| text_of(a).matches(number).count())
            .sum();
        assert!(in_text > 0, "{place} shows the emergency number");
        assert_eq!(
            in_text, in_links,
            "{place}: every emergency number shown is a tel: link"
        );
        for a in links {
            assert_eq!(
                text_of(&a),
                number,
                "{place}: the link is the number itself"
            );
        }
        shown += in_text;
    }
    assert!(
        shown > docs.len(),
        "{shown} numbers on {} pages",
        docs.len()
    );
}
