//! For clinics: stable links, embeds, diagnosis-code links, QR codes,
//! metadata, and the static export served by nginx.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use leg_pain_guide::settings::RawSettings;
use serde_json::Value;

use common::CONTRACT_ANCHORS;
use common::*;

const ICD10: &str = "2.16.840.1.113883.6.90";
const BASE: &str = "https://legs.example";

fn clinic_args() -> RawSettings {
    RawSettings {
        base_url: Some(BASE.into()),
        ..Default::default()
    }
}

async fn app() -> TestApp {
    spawn_app_with(clinic_args()).await
}

/// The site the app serves, to list its pages.
fn site() -> std::sync::Arc<leg_pain_guide::site::Site> {
    site_for(&test_args(clinic_args()))
}

#[tokio::test]
async fn for_clinics_lists_every_page_and_every_section_as_a_full_link() {
    let app = app().await;
    let doc = app.page("/for-clinics").await;
    let codes: HashSet<String> = select(&doc, "main code").iter().map(text_of).collect();
    let site = site();
    for page in &site.content.default_lang().pages {
        assert!(
            codes.contains(&format!("{BASE}{}", page.path)),
            "{} listed",
            page.path
        );
        for section in &page.body.sections {
            assert!(
                codes.contains(&format!("{BASE}{}#{}", page.path, section.id)),
                "{}#{} listed",
                page.path,
                section.id
            );
        }
    }
    for (path, anchors) in CONTRACT_ANCHORS {
        for anchor in *anchors {
            assert!(
                codes.contains(&format!("{BASE}{path}#{anchor}")),
                "contract anchor {path}#{anchor} listed"
            );
        }
    }
    let snippet = text_of(&select(&doc, ".clinic-embed pre")[0]);
    assert!(
        snippet.contains(&format!("<iframe src=\"{BASE}/embed/check\"")),
        "{snippet}"
    );
    assert!(snippet.contains("title="), "the iframe snippet has a title");
}

#[tokio::test]
async fn embeds_serve_the_same_content_without_site_chrome_and_links_open_in_the_top_window() {
    let app = app().await;
    for (path, embed) in [
        ("/causes", "/embed/causes"),
        ("/", "/embed"),
        ("/check", "/embed/check"),
    ] {
        let full = app.page(path).await;
        let framed = app.page(embed).await;
        assert!(
            select(
                &framed,
                ".site-header, .site-nav, .site-footer, .guide-nav, .pagination"
            )
            .is_empty(),
            "{embed} has no site chrome"
        );
        assert_eq!(
            text_of(&select(&full, "main .prose")[0]),
            text_of(&select(&framed, "main .prose")[0]),
            "{embed} has the same content"
        );
        let credit = select(&framed, ".embed-credit a");
        assert_eq!(credit[0].value().attr("href"), Some(path));
        assert_eq!(credit[0].value().attr("target"), Some("_top"));
        for a in select(&framed, "a[href^='/']") {
            assert_eq!(
                a.value().attr("target"),
                Some("_top"),
                "{embed}: {:?}",
                a.value().attr("href")
            );
        }
        assert_eq!(
            select(&framed, "link[rel=canonical]")[0]
                .value()
                .attr("href")
                .unwrap(),
            format!("{BASE}{path}")
        );
        assert_eq!(
            select(&framed, "meta[name=robots][content=noindex]").len(),
            1
        );
        assert!(
            !select(&framed, ".warning-strip").is_empty(),
            "warning signs stay visible in the frame"
        );
    }
    let form = app.page("/embed/check").await;
    assert_eq!(
        select(&form, "form")[0].value().attr("action"),
        Some("/embed/check#main-content")
    );
}

#[tokio::test]
async fn the_embedded_check_answers_inside_the_frame() {
    let app = app().await;
    let body = "one_leg_signs=no&breathless=no&numbness=yes&skin_changes=no&injury=no&severity=mild&onset=days&frequency=occasional&course=same&sleep_impact=little&home_care=helped";
    let response = app.post_form("/embed/check", body).await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .ends_with("frame-ancestors *")
    );
    let doc = scraper::Html::parse_document(&response.text().await.unwrap());
    assert_eq!(
        select(&doc, "[data-urgency]")[0]
            .value()
            .attr("data-urgency"),
        Some("urgent")
    );
    assert!(select(&doc, ".site-header").is_empty());
    assert!(
        select(
            &doc,
            "a[href^='/']:not([target=_top]):not([href^='/embed'])"
        )
        .is_empty()
    );
    let response = app.post_form("/embed/check", "").await;
    assert_eq!(response.status(), 422);
    let doc = scraper::Html::parse_document(&response.text().await.unwrap());
    assert_eq!(
        select(&doc, "form")[0].value().attr("action"),
        Some("/embed/check#main-content")
    );
    assert!(select(&doc, ".site-header").is_empty());
    // Both steps inside the frame: step 2 (with the urgent notice and its own
    // form), then "see my result now", each posting back to the embed.
    let signs = "one_leg_signs=unsure&breathless=no&numbness=no&skin_changes=no&injury=no";
    let response = app
        .post_form("/embed/check", format!("{signs}&step=signs"))
        .await;
    assert_eq!(response.status(), 200);
    let doc = scraper::Html::parse_document(&response.text().await.unwrap());
    assert_eq!(select(&doc, "form[data-step=details]").len(), 1);
    for form in select(&doc, "form:not([role=search])") {
        assert_eq!(
            form.value().attr("action"),
            Some("/embed/check#main-content")
        );
    }
    assert!(select(&doc, ".site-header").is_empty());
    let response = app
        .post_form("/embed/check", format!("{signs}&step=now"))
        .await;
    let doc = scraper::Html::parse_document(&response.text().await.unwrap());
    assert_eq!(
        select(&doc, "[data-urgency]")[0]
            .value()
            .attr("data-complete"),
        Some("false")
    );
    assert!(select(&doc, ".site-header").is_empty());
}

#[tokio::test]
async fn only_embed_paths_may_be_framed_and_only_by_the_configured_origins() {
    let app = app().await;
    for path in ["/", "/causes", "/check", "/for-clinics", "/no-such-page"] {
        let r = app.get(path).await;
        assert!(
            r.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(r.headers()["x-frame-options"], "DENY", "{path}");
    }
    let r = app.get("/embed/check").await;
    assert!(
        r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .ends_with("frame-ancestors *")
    );
    assert!(r.headers().get("x-frame-options").is_none());

    let app = spawn_app_with(RawSettings {
        embed_origins: Some("https://clinic.example, http://localhost:9000".into()),
        ..Default::default()
    })
    .await;
    let r = app.get("/embed/causes").await;
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.ends_with("frame-ancestors https://clinic.example http://localhost:9000"),
        "{csp}"
    );
    assert!(csp.contains("default-src 'none'"));
}

/// Every code the issue lists, with the page and section it must open.
const SNOMED: &str = "2.16.840.1.113883.6.96";

/// Codes as record systems send them, and the section each must open: every
/// family the clinics asked for, in both code systems.
const CODES: &[(&str, &str, &str)] = &[
    (ICD10, "R25.2", "/causes#nighttime-leg-cramps"),
    (ICD10, "r252", "/causes#nighttime-leg-cramps"),
    (ICD10, "G47.62", "/causes#nighttime-leg-cramps"),
    (ICD10, "G25.81", "/causes#restless-legs-syndrome"),
    (ICD10, "E83.42", "/causes#dehydration-and-minerals"),
    (ICD10, "E87.6", "/causes#dehydration-and-minerals"),
    (ICD10, "E86.0", "/causes#dehydration-and-minerals"),
    (ICD10, "M54.16", "/causes#nerve-compression"),
    (ICD10, "M54.17", "/causes#nerve-compression"),
    (ICD10, "M51.16", "/causes#nerve-compression"),
    (ICD10, "M51.17", "/causes#nerve-compression"),
    (ICD10, "M54.30", "/causes#nerve-compression"),
    (ICD10, "G57.01", "/causes#nerve-compression"),
    (ICD10, "I70.213", "/causes#peripheral-artery-disease"),
    (ICD10, "I70.221", "/causes#peripheral-artery-disease"),
    (ICD10, "I70.209", "/causes#peripheral-artery-disease"),
    (ICD10, "E11.51", "/causes#peripheral-artery-disease"),
    (ICD10, "E10.51", "/causes#peripheral-artery-disease"),
    (ICD10, "E13.52", "/causes#peripheral-artery-disease"),
    (ICD10, "I73.9", "/causes#peripheral-artery-disease"),
    (ICD10, "E11.42", "/causes#peripheral-neuropathy"),
    (ICD10, "E10.42", "/causes#peripheral-neuropathy"),
    (ICD10, "E13.42", "/causes#peripheral-neuropathy"),
    (ICD10, "R20.2", "/causes#peripheral-neuropathy"),
    (ICD10, "I82.401", "/causes#deep-vein-thrombosis"),
    (ICD10, "I80.10", "/causes#deep-vein-thrombosis"),
    (ICD10, "I80.203", "/causes#deep-vein-thrombosis"),
    (ICD10, "M16.11", "/causes#arthritis"),
    (ICD10, "M17.0", "/causes#arthritis"),
    (ICD10, "M05.79", "/causes#arthritis"),
    (ICD10, "M19.90", "/causes#arthritis"),
    (ICD10, "M18.11", "/causes#arthritis"),
    (ICD10, "I83.90", "/causes#varicose-veins"),
    (ICD10, "I87.2", "/causes#varicose-veins"),
    (ICD10, "M79.18", "/causes#physical-exertion"),
    (ICD10, "Z72.3", "/risk-factors#activity-level"),
    (ICD10, "E61.2", "/risk-factors#nutrition"),
    (ICD10, "F17.210", "/risk-factors#lifestyle"),
    (ICD10, "E11.9", "/risk-factors#existing-conditions"),
    (ICD10, "Z86.718", "/risk-factors#existing-conditions"),
    (ICD10, "M79.604", "/"),
    (ICD10, "M79.661", "/"),
    (SNOMED, "449918009", "/causes#nighttime-leg-cramps"),
    (SNOMED, "32914008", "/causes#restless-legs-syndrome"),
    (SNOMED, "34095006", "/causes#dehydration-and-minerals"),
    (SNOMED, "23056005", "/causes#nerve-compression"),
    (SNOMED, "202735001", "/causes#nerve-compression"),
    (SNOMED, "399957001", "/causes#peripheral-artery-disease"),
    (SNOMED, "49455004", "/causes#peripheral-neuropathy"),
    (SNOMED, "404223003", "/causes#deep-vein-thrombosis"),
    (SNOMED, "239873007", "/causes#arthritis"),
    (SNOMED, "69896004", "/causes#arthritis"),
    (SNOMED, "72866009", "/causes#varicose-veins"),
    (SNOMED, "68962001", "/causes#physical-exertion"),
    (SNOMED, "71897006", "/causes#poor-circulation"),
    (SNOMED, "56294008", "/risk-factors#lifestyle"),
    (SNOMED, "44054006", "/risk-factors#existing-conditions"),
    (SNOMED, "10601006", "/"),
];

fn connect_url(code: &str, json: bool) -> String {
    connect_in(ICD10, code, if json { "application/json" } else { "" })
}

fn connect_in(system: &str, code: &str, response_type: &str) -> String {
    let mut url =
        format!("/connect?mainSearchCriteria.v.cs={system}&mainSearchCriteria.v.c={code}");
    if !response_type.is_empty() {
        url.push_str(&format!(
            "&knowledgeResponseType={}",
            response_type.replace('+', "%2B")
        ));
    }
    url
}

/// An Atom response, read by a real feed parser.
async fn feed_of(app: &TestApp, url: &str) -> (u16, String, atom_syndication::Feed) {
    let r = app.get(url).await;
    let status = r.status().as_u16();
    let content_type = r.headers()["content-type"].to_str().unwrap().to_string();
    let body = r.text().await.unwrap();
    let feed = atom_syndication::Feed::read_from(body.as_bytes())
        .unwrap_or_else(|e| panic!("{url}: not an Atom feed: {e}\n{body}"));
    (status, content_type, feed)
}

#[tokio::test]
async fn each_code_system_and_family_leads_to_its_section_as_a_redirect_atom_and_json() {
    let app = app().await;
    for (system, code, target) in CODES {
        let r = app.get(&connect_in(system, code, "")).await;
        assert_eq!(r.status(), 302, "{code}");
        let location = r.headers()["location"].to_str().unwrap().to_string();
        assert_eq!(&location, target, "{code}");
        let (path, fragment) = location.split_once('#').unwrap_or((&location, ""));
        let doc = app.page(path).await;
        assert!(
            fragment.is_empty() || has_id(&doc, fragment),
            "{code}: {location} exists"
        );

        let r = app.get(&connect_in(system, code, "application/json")).await;
        assert_eq!(r.status(), 200, "{code}");
        let json: Value = r.json().await.unwrap();
        let entries = json["feed"]["entry"].as_array().unwrap();
        assert_eq!(entries.len(), 1, "{code}: one section");
        assert_eq!(
            entries[0]["link"][0]["href"],
            format!("{BASE}{target}"),
            "{code}"
        );
        assert!(entries[0]["title"]["_value"].as_str().unwrap().len() > 3);
        assert!(
            entries[0]["summary"]["_value"].as_str().unwrap().len() > 40,
            "{code}: a one-paragraph summary"
        );

        for (asked, sent) in [
            (
                "application/atom+xml",
                "application/atom+xml; charset=utf-8",
            ),
            ("text/xml", "text/xml; charset=utf-8"),
        ] {
            let (status, content_type, feed) =
                feed_of(&app, &connect_in(system, code, asked)).await;
            assert_eq!((status, content_type.as_str()), (200, sent), "{code}");
            assert_eq!(feed.lang.as_deref(), Some("en"));
            assert_eq!(feed.title.value, "Leg Pain at Night");
            let [entry] = feed.entries.as_slice() else {
                panic!("{code}: one entry, got {}", feed.entries.len())
            };
            assert_eq!(entry.links[0].href, format!("{BASE}{target}"), "{code}");
            assert_eq!(entry.links[0].hreflang.as_deref(), Some("en"));
            assert_eq!(
                entry.title.value,
                entries[0]["title"]["_value"].as_str().unwrap()
            );
            assert_eq!(
                entry.summary.as_ref().unwrap().value,
                entries[0]["summary"]["_value"].as_str().unwrap()
            );
            assert!(
                entry.categories[0].scheme.as_deref() == Some(*system),
                "{code}: the entry names the code system of the code that led to it"
            );
        }
    }
}

#[tokio::test]
async fn for_clinics_lists_every_mapped_code_with_its_official_name_and_section() {
    let app = app().await;
    let doc = app.page("/for-clinics").await;
    let rows: Vec<Vec<String>> = select(&doc, "#diagnosis-codes ~ table tbody tr")
        .iter()
        .map(|tr| {
            tr.select(&scraper::Selector::parse("td").unwrap())
                .map(|td| td.text().collect::<String>())
                .collect()
        })
        .collect();
    let links: Vec<String> = select(&doc, "#diagnosis-codes ~ table tbody tr a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    // Every entry of the front matter, read here on its own.
    let mut declared = Vec::new();
    for file in ["index", "causes", "risk-factors"] {
        let text = std::fs::read_to_string(repo().join(format!("content/en/{file}.md"))).unwrap();
        let front = text.split("+++").nth(1).unwrap();
        let table: toml::Table = toml::from_str(front).unwrap();
        for code in table["codes"].as_array().unwrap() {
            declared.push((file, code.as_table().unwrap().clone()));
        }
    }
    assert!(declared.len() >= 100, "{} codes", declared.len());
    assert_eq!(rows.len(), declared.len(), "one row per mapped code");
    for (file, code) in &declared {
        let system = if code["system"].as_str() == Some("icd10cm") {
            "ICD-10-CM"
        } else {
            "SNOMED CT"
        };
        let name = code["name"].as_str().unwrap();
        let path = if *file == "index" {
            "/".to_string()
        } else {
            format!("/{file}")
        };
        let href = match code.get("anchor") {
            Some(a) => format!("{path}#{}", a.as_str().unwrap()),
            None => path,
        };
        let shown = code
            .get("code")
            .or(code.get("prefix"))
            .or(code.get("range"))
            .unwrap()
            .as_str()
            .unwrap()
            .replace('-', "–");
        let found = rows.iter().zip(&links).any(|(row, link)| {
            row[0] == system
                && row[1].trim_end_matches('…') == shown
                && row[2] == name
                && *link == href
        });
        assert!(found, "{system} {shown} {name} -> {href} is listed");
    }
    assert!(
        rows.iter()
            .any(|r| r[1] == "M19…" && r[2] == "Other and unspecified osteoarthritis"),
        "the official title, not a guess"
    );
}

#[tokio::test]
async fn every_cause_and_risk_factor_section_has_codes_in_both_systems() {
    // No code of either system names age, and none of the sources we read
    // holds a SNOMED CT concept for inactivity or an ICD-10-CM code for poor
    // circulation in the legs that would not mislead (see the README).
    const GAPS: &[(&str, &str)] = &[
        ("/risk-factors#age", "ICD-10-CM"),
        ("/risk-factors#age", "SNOMED CT"),
        ("/risk-factors#activity-level", "SNOMED CT"),
        ("/causes#poor-circulation", "ICD-10-CM"),
    ];
    let site = site();
    let (lang, _) = site.lang(0);
    let mut missing = Vec::new();
    for path in ["/causes", "/risk-factors"] {
        let page = lang.page(path).unwrap();
        let sections: Vec<&str> = if path == "/causes" {
            CONTRACT_ANCHORS
                .iter()
                .find(|(p, _)| *p == path)
                .unwrap()
                .1
                .to_vec()
        } else {
            page.body
                .headings
                .iter()
                .filter(|h| h.level == 2)
                .map(|h| h.id.as_str())
                .collect()
        };
        for id in sections {
            let link = format!("{path}#{id}");
            for system in ["ICD-10-CM", "SNOMED CT"] {
                let has = site
                    .codes
                    .entries()
                    .iter()
                    .any(|e| e.link == link && e.system.name() == system);
                if !has && !GAPS.contains(&(link.as_str(), system)) {
                    missing.push(format!("{link} has no {system} code"));
                }
                if has && GAPS.contains(&(link.as_str(), system)) {
                    missing.push(format!(
                        "{link} has a {system} code now: take it off the gaps"
                    ));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

#[tokio::test]
async fn a_display_name_finds_the_section_when_the_code_is_not_known() {
    let app = app().await;
    for (query, target) in [
        (
            "mainSearchCriteria.v.dn=Restless%20legs",
            "/causes#restless-legs-syndrome",
        ),
        (
            "mainSearchCriteria.v.cs=2.16.840.1.113883.6.1&mainSearchCriteria.v.c=1234-5&mainSearchCriteria.v.dn=Nocturnal%20leg%20cramps",
            "/causes#nighttime-leg-cramps",
        ),
        (
            &format!(
                "mainSearchCriteria.v.cs={ICD10}&mainSearchCriteria.v.c=Z99.89&mainSearchCriteria.v.dn=Deep%20vein%20thrombosis%20of%20left%20leg"
            ),
            "/causes#deep-vein-thrombosis",
        ),
        (
            &format!(
                "mainSearchCriteria.v.cs={SNOMED}&mainSearchCriteria.v.dn=peripheral%20arterial%20disease"
            ),
            "/causes#peripheral-artery-disease",
        ),
        (
            "mainSearchCriteria.v.dn=S%C3%ADndrome%20de%20piernas%20inquietas",
            "/causes#restless-legs-syndrome",
        ),
    ] {
        let r = app.get(&format!("/connect?{query}")).await;
        assert_eq!(r.status(), 302, "{query}");
        assert_eq!(r.headers()["location"], *target, "{query}");
    }
    let r = app.get("/connect?mainSearchCriteria.v.dn=Broken%20wrist&knowledgeResponseType=application/json").await;
    assert_eq!(r.status(), 404);
    assert!(
        !r.text().await.unwrap().contains("wrist"),
        "never an echo of the input"
    );
}

#[tokio::test]
async fn errors_come_in_the_format_asked_for_and_never_echo_the_input() {
    let app = app().await;
    let echo = "Do%20not%20call%20911";
    for (url, status) in [
        (connect_in(ICD10, "Z00.00", "application/atom+xml"), 404),
        (connect_in(ICD10, echo, "text/xml"), 400),
        (connect_in("9.9.9", "R25.2", "application/atom+xml"), 400),
        (
            format!("/connect?mainSearchCriteria.v.dn={echo}&knowledgeResponseType=text/xml"),
            404,
        ),
    ] {
        let (got, content_type, feed) = feed_of(&app, &url).await;
        assert_eq!(got, status, "{url}");
        assert!(content_type.contains("xml"), "{url}: {content_type}");
        assert!(feed.entries.is_empty());
        let subtitle = feed
            .subtitle
            .as_ref()
            .expect("the reason, in the feed")
            .value
            .clone();
        assert!(subtitle.len() > 20, "{url}: {subtitle}");
        let body = app.get(&url).await.text().await.unwrap();
        assert!(
            !body.contains("911") && !body.contains("Z00") && !body.contains("9.9.9"),
            "{url}: {body}"
        );
    }
    let r = app.get(&connect_in(ICD10, "R25.2", "image/png")).await;
    assert_eq!(r.status(), 406);
    assert!(
        r.text().await.unwrap().contains("Atom"),
        "says which types it answers"
    );
}

#[tokio::test]
async fn an_unknown_code_or_code_system_gets_a_helpful_answer_not_a_dead_end() {
    let app = app().await;
    let r = app.get(&connect_url("Z00.00", false)).await;
    assert_eq!(r.status(), 404);
    let doc = scraper::Html::parse_document(&r.text().await.unwrap());
    assert!(page_text(&doc).contains("No page for this code"));
    assert!(
        !page_text(&doc).contains("Z00.00"),
        "the query is never shown back"
    );
    assert!(
        !select(&doc, "main a[href='/check']").is_empty()
            && !select(&doc, "main a[href='/']").is_empty()
    );

    let r = app
        .get(
            "/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.1&mainSearchCriteria.v.c=12345-6",
        )
        .await;
    assert_eq!(r.status(), 400, "LOINC is not a code system for diagnoses");
    let text = r.text().await.unwrap();
    assert!(
        text.contains("ICD-10-CM") && text.contains("SNOMED CT"),
        "{text}"
    );
    assert!(
        !text.contains("2.16.840.1.113883.6.1"),
        "the query is never shown back"
    );
    let r = app.get("/connect").await;
    assert_eq!(r.status(), 400);

    let r = app.get(&connect_url("Z00.00", true)).await;
    assert_eq!(r.status(), 404);
    let json: Value = r.json().await.unwrap();
    assert!(!json["error"].as_str().unwrap().contains("Z00.00"));
    let r = app.get("/connect?mainSearchCriteria.v.cs=1.2.3&mainSearchCriteria.v.c=R25.2&knowledgeResponseType=application/json").await;
    assert_eq!(r.status(), 400);
    assert!(
        r.json::<Value>().await.unwrap()["error"]
            .as_str()
            .unwrap()
            .contains("ICD-10-CM")
    );
}

#[tokio::test]
async fn every_page_has_a_qr_code_of_its_public_address() {
    let app = app().await;
    let doc = app.page("/for-clinics").await;
    let images: Vec<String> = select(&doc, ".qr img")
        .iter()
        .map(|i| i.value().attr("src").unwrap().to_string())
        .collect();
    let site = site();
    let pages = &site.content.default_lang().pages;
    assert_eq!(images.len(), pages.len(), "one QR code per page");
    for path in pages.iter().map(|p| p.path.as_str()) {
        let qr = leg_pain_guide::clinics::qr_path("", path);
        assert!(images.contains(&qr), "{qr} shown");
        let r = app.get(&qr).await;
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-type"], "image/svg+xml");
        assert_eq!(
            r.text().await.unwrap(),
            leg_pain_guide::clinics::qr_svg(&format!("{BASE}{path}")).unwrap(),
            "{qr} encodes {BASE}{path}"
        );
    }
}

#[tokio::test]
async fn every_page_carries_canonical_open_graph_and_medical_web_page_metadata() {
    let app = app().await;
    let site = site();
    for page in &site.content.default_lang().pages {
        let doc = app.page(&page.path).await;
        let attr = |css: &str, name: &str| {
            select(&doc, css)
                .first()
                .and_then(|e| e.value().attr(name))
                .map(str::to_string)
        };
        let url = format!("{BASE}{}", page.path);
        assert_eq!(
            attr("link[rel=canonical]", "href").as_deref(),
            Some(url.as_str())
        );
        assert_eq!(
            attr("meta[name=description]", "content").as_deref(),
            Some(page.front.description.as_str())
        );
        assert_eq!(
            attr("meta[property='og:title']", "content").as_deref(),
            Some(page.front.title.as_str())
        );
        assert_eq!(
            attr("meta[property='og:description']", "content").as_deref(),
            Some(page.front.description.as_str())
        );
        assert_eq!(
            attr("meta[property='og:url']", "content").as_deref(),
            Some(url.as_str())
        );
        let ld = select(&doc, "script[type='application/ld+json']");
        assert_eq!(ld.len(), 1, "{}", page.path);
        let json: Value = serde_json::from_str(&ld[0].inner_html()).unwrap();
        let web_page = &json["@graph"][0];
        assert_eq!(web_page["@type"], "MedicalWebPage");
        assert_eq!(web_page["audience"]["audienceType"], "Patient");
        assert_eq!(web_page["lastReviewed"], page.last_reviewed.to_string());
        assert_eq!(web_page["url"], url);
        assert!(web_page["about"]["name"].is_string());
        assert_eq!(
            web_page["aspect"].as_str(),
            page.front.aspect.as_deref(),
            "{}",
            page.path
        );
    }
    let doc = app.page("/causes").await;
    let json: Value =
        serde_json::from_str(&select(&doc, "script[type='application/ld+json']")[0].inner_html())
            .unwrap();
    assert_eq!(json["@graph"][0]["aspect"], "Causes");
    let doc = app.page("/faq").await;
    let json: Value =
        serde_json::from_str(&select(&doc, "script[type='application/ld+json']")[0].inner_html())
            .unwrap();
    let faq = &json["@graph"][1];
    assert_eq!(faq["@type"], "FAQPage");
    let questions = faq["mainEntity"].as_array().unwrap();
    assert_eq!(questions.len(), select(&doc, "main .prose h2").len());
    for q in questions {
        assert!(q["name"].as_str().unwrap().ends_with('?'));
        assert!(q["acceptedAnswer"]["text"].as_str().unwrap().len() > 40);
    }
}

#[tokio::test]
async fn the_sitemap_lists_every_page_with_its_review_date() {
    let app = app().await;
    let sitemap = app.get("/sitemap.xml").await.text().await.unwrap();
    let site = site();
    for page in &site.content.default_lang().pages {
        assert!(
            sitemap.contains(&format!(
                "<url><loc>{BASE}{}</loc><lastmod>{}</lastmod>",
                page.path, page.last_reviewed
            )),
            "{}",
            page.path
        );
    }
    assert!(
        !sitemap.contains("/embed"),
        "embeds are not for search engines"
    );
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The text of the `.br` and `.gz` copies beside an exported file.
fn unpacked_copies(file: &Path) -> (String, String) {
    let br = std::fs::read(format!("{}.br", file.display())).unwrap();
    let mut from_br = String::new();
    std::io::Read::read_to_string(
        &mut brotli::Decompressor::new(br.as_slice(), 4096),
        &mut from_br,
    )
    .unwrap();
    let gz = std::fs::read(format!("{}.gz", file.display())).unwrap();
    let mut from_gz = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(gz.as_slice()),
        &mut from_gz,
    )
    .unwrap();
    (from_br, from_gz)
}

/// The site exported with the public `BASE` into `dir/site`, and nginx
/// serving it (with its precompressed copies) on a free port.
fn export_and_serve(nginx: &str, brotli_module: &str, dir: &Path) -> (PathBuf, Nginx, u16) {
    let site = dir.join("site");
    let output = Command::new(env!("CARGO_BIN_EXE_leg-pain-guide"))
        .args(["export", "--base-url", BASE, "--content-dir"])
        .arg(content_dir())
        .arg("--locales-dir")
        .arg(locales_dir())
        .arg(&site)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // nginx workers run as an unprivileged user.
    Command::new("chmod")
        .args(["-R", "a+rX"])
        .arg(dir)
        .status()
        .unwrap();
    let port = free_port();
    let conf = dir.join("nginx.conf");
    std::fs::write(
        &conf,
        format!(
            "load_module {brotli_module};\nworker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\nevents {{ worker_connections 256; }}\nhttp {{\n include /etc/nginx/mime.types;\n access_log off;\n gzip_static on;\n brotli_static on;\n client_body_temp_path {d}/body;\n server {{\n  listen 127.0.0.1:{port};\n  root {site};\n  error_page 404 /404.html;\n  index index.html;\n  location / {{ try_files $uri $uri.html $uri/ =404; }}\n }}\n}}\n",
            d = dir.display(),
            site = site.display(),
        ),
    )
    .unwrap();
    let nginx = start_nginx(nginx, dir, &conf);
    (site, nginx, port)
}

#[tokio::test]
async fn the_static_export_served_by_nginx_matches_what_the_server_returns() {
    let nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].into_iter().find(|p| std::path::Path::new(p).exists()).expect(
        "nginx is not installed: run scripts/test, which installs it (apt-get install nginx libnginx-mod-http-brotli-static)",
    );
    let brotli_module = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
    assert!(
        std::path::Path::new(brotli_module).exists(),
        "libnginx-mod-http-brotli-static is not installed: run scripts/test"
    );
    let dir = tempfile::tempdir().unwrap();
    let (site, _nginx, port) = export_and_serve(nginx, brotli_module, dir.path());
    let app = app().await;
    let nginx_url = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    // nginx starts in milliseconds; the wait is long only for a busy machine.
    let mut ready = false;
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while std::time::Instant::now() < deadline {
        if client.get(format!("{nginx_url}/")).send().await.is_ok() {
            ready = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        ready,
        "nginx did not start: {}",
        std::fs::read_to_string(dir.path().join("error.log")).unwrap_or_default()
    );

    let served = self::site();
    let paths = served.paths();
    assert!(paths.len() > 30, "{paths:?}");
    for path in paths {
        let from_app = app.client.get(app.url(path)).send().await.unwrap();
        let content_type = from_app.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_string();
        let from_nginx = client
            .get(format!("{nginx_url}{path}"))
            .send()
            .await
            .unwrap();
        assert_eq!(from_nginx.status(), 200, "nginx {path}");
        let app_body = from_app.text().await.unwrap();
        let nginx_body = from_nginx.text().await.unwrap();
        // A static host cannot answer a form: the search box (on every page)
        // and the check post to the public server.
        let mut forms = vec!["/search", "/es/search"];
        if path.ends_with("/check") {
            forms.push(path);
        }
        let file = site.join(leg_pain_guide::export::file_for(path, &content_type));
        if content_type.starts_with("text/html") {
            let exported = forms.iter().fold(app_body.clone(), |body, action| {
                body.replace(
                    &format!("action=\"{action}"),
                    &format!("action=\"{BASE}{action}"),
                )
            });
            assert!(nginx_body == exported, "{path} differs");
            assert!(
                nginx_body.contains(&format!("action=\"{BASE}/")),
                "{path}: forms post to the public server"
            );
            // Its precompressed copies hold the same page.
            let (br, gz) = unpacked_copies(&file);
            assert!(br == nginx_body, "{path}.br");
            assert!(gz == nginx_body, "{path}.gz");
            continue;
        }
        assert!(
            nginx_body == app_body,
            "{path} differs between nginx and the app"
        );
        // The precompressed copies beside each file are the bytes the server sends.
        for (encoding, ext) in [("br", "br"), ("gzip", "gz")] {
            let compressed = app
                .client
                .get(app.url(path))
                .header("accept-encoding", encoding)
                .send()
                .await
                .unwrap();
            if compressed.headers().get("content-encoding").is_some() {
                let on_disk = std::fs::read(format!("{}.{ext}", file.display()))
                    .unwrap_or_else(|e| panic!("{path}.{ext}: {e}"));
                assert!(
                    on_disk == compressed.bytes().await.unwrap(),
                    "{path}.{ext} differs from what the app sends"
                );
            }
        }
    }
    let missing = client
        .get(format!("{nginx_url}/no-such-page"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    assert!(missing.text().await.unwrap().contains("Page not found"));
}

#[tokio::test]
async fn errors_under_embed_paths_stay_in_the_embed_layout() {
    let app = app().await;
    let r = app.get("/embed/no-such-page").await;
    assert_eq!(r.status(), 404);
    assert!(
        r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .ends_with("frame-ancestors *")
    );
    let doc = scraper::Html::parse_document(&r.text().await.unwrap());
    assert_eq!(text_of(&select(&doc, "h1")[0]), "Page not found");
    assert!(
        select(&doc, ".site-header, .site-footer").is_empty(),
        "no site chrome in the frame"
    );
    assert!(
        select(&doc, "a[href^='/']:not([target=_top])").is_empty(),
        "every way out opens in the top window"
    );

    let big = format!("severity={}", "x".repeat(17 * 1024));
    let r = app.post_form("/embed/check", big).await;
    assert_eq!(r.status(), 413);
    let doc = scraper::Html::parse_document(&r.text().await.unwrap());
    assert!(select(&doc, ".site-header").is_empty());
    assert!(!select(&doc, ".embed-credit").is_empty());

    // The full site's 404 keeps the full layout.
    let doc = scraper::Html::parse_document(&app.get("/no-such-page").await.text().await.unwrap());
    assert!(!select(&doc, ".site-header").is_empty());
}

#[tokio::test]
async fn inside_the_frame_the_check_restarts_in_the_frame_and_does_not_autofocus() {
    let app = app().await;
    let body = "one_leg_signs=no&breathless=no&numbness=no&skin_changes=no&injury=no&severity=mild&onset=days&frequency=occasional&course=same&sleep_impact=little&home_care=helped";
    let doc = scraper::Html::parse_document(
        &app.post_form("/embed/check", body)
            .await
            .text()
            .await
            .unwrap(),
    );
    let again: Vec<_> = select(&doc, "a[href='/embed/check']");
    assert_eq!(again.len(), 1, "start again stays in the frame");
    assert_eq!(again[0].value().attr("target"), None);
    let doc = scraper::Html::parse_document(
        &app.post_form("/embed/check", "")
            .await
            .text()
            .await
            .unwrap(),
    );
    assert!(
        select(&doc, ".error-summary[autofocus]").is_empty(),
        "browsers block autofocus in cross-origin frames"
    );
    assert_eq!(select(&doc, "#error-summary[role=alert]").len(), 1);
    let doc =
        scraper::Html::parse_document(&app.post_form("/check", "").await.text().await.unwrap());
    assert_eq!(
        select(&doc, ".error-summary[autofocus]").len(),
        1,
        "the full site focuses the summary"
    );
}
