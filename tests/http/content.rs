//! Content: facts from the sources stay on the site, pages stay readable,
//! and `leg-pain-guide check` reports problems as `file:line: message`.

use std::process::Command;

use serde::Deserialize;

use common::Fixture;
use common::*;

#[derive(Deserialize)]
struct Facts {
    fact: Vec<Fact>,
}

#[derive(Deserialize)]
struct Fact {
    page: String,
    text: String,
    source: String,
    what: String,
}

fn normalise(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The words a sighted reader sees in `el`, without those only for screen
/// readers (a glossary link's "(word list)", a care card's prefix).
fn visible_text(el: &scraper::ElementRef<'_>) -> String {
    el.descendants()
        .filter(|n| {
            !n.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| e.classes().any(|c| c == "visually-hidden"))
            })
        })
        .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
        .collect()
}

#[tokio::test]
async fn every_listed_fact_from_the_sources_is_on_its_page_within_two_clicks_of_home() {
    let facts: Facts = toml::from_str(include_str!("../data/facts.toml")).unwrap();
    assert!(
        facts.fact.len() >= 40,
        "at least 40 facts are guarded, found {}",
        facts.fact.len()
    );
    let app = spawn_app().await;
    let home = app.page("/").await;
    let from_home: Vec<String> = select(&home, "a[href]")
        .iter()
        .map(|a| {
            a.value()
                .attr("href")
                .unwrap()
                .split('#')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    let mut missing = Vec::new();
    for fact in &facts.fact {
        assert!(
            ["000", "001"].contains(&fact.source.as_str()),
            "{}: unknown source",
            fact.what
        );
        assert!(
            fact.page == "/" || from_home.contains(&fact.page),
            "{} is one click from home",
            fact.page
        );
        let doc = app.page(&fact.page).await;
        let main = select(&doc, "main");
        let text = normalise(&visible_text(&main[0]));
        if !text.contains(&normalise(&fact.text)) {
            missing.push(format!(
                "{} ({}): {:?} not found on {}",
                fact.what, fact.source, fact.text, fact.page
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "facts missing from the site:\n{}",
        missing.join("\n")
    );
}

#[tokio::test]
async fn restless_legs_figures_keep_their_source() {
    let app = spawn_app().await;
    let doc = app.page("/causes").await;
    let text = normalise(&select(&doc, "main")[0].text().collect::<String>());
    for needle in ["5 to 10", "2 to 4", "medlineplus"] {
        assert!(text.contains(needle), "/causes mentions {needle}");
    }
}

#[tokio::test]
async fn the_glossary_is_linked_from_the_first_use_of_a_term_on_a_page() {
    let app = spawn_app().await;
    let doc = app.page("/causes").await;
    let dvt_links = select(&doc, "main a.term[href='/glossary#deep-vein-thrombosis']");
    assert_eq!(dvt_links.len(), 1, "linked once, at first use");
    let glossary = app.page("/glossary").await;
    assert!(has_id(&glossary, "deep-vein-thrombosis"));
    assert!(
        select(&glossary, "main a.term").is_empty(),
        "the glossary does not link to itself"
    );
}

// ---- `leg-pain-guide check` on broken copies of the content ----

#[test]
fn check_passes_on_the_real_content() {
    let (ok, stderr) = Fixture::new().check(&[]);
    assert!(ok, "{stderr}");
}

#[test]
fn check_reports_a_broken_link_with_its_file_and_line() {
    let fixture = Fixture::new();
    let line = fixture.replace("content/en/causes.md", "(/treatments#", "(/treatment#");
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    let file = fixture.shown("content/en/causes.md");
    assert!(
        stderr.contains(&format!("{file}:{line}: link to /treatment#")),
        "{stderr}"
    );
}

#[test]
fn check_reports_a_missing_contract_anchor_at_the_pages_first_heading() {
    let fixture = Fixture::new();
    fixture.replace("content/en/prevention.md", "{#stress}", "{#worry}");
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    let prevention = fixture.shown("content/en/prevention.md");
    let first_heading = std::fs::read_to_string(fixture.path("content/en/prevention.md"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("## "))
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!(
            "{prevention}:{first_heading}: contract anchor #stress is missing"
        )),
        "{stderr}"
    );
}

#[test]
fn check_reports_bad_front_matter_with_its_line() {
    let fixture = Fixture::new();
    let line = fixture.replace(
        "content/en/diagnosis.md",
        "description = \"",
        "description = ",
    );
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    let file = fixture.shown("content/en/diagnosis.md");
    assert!(
        stderr.contains(&format!("{file}:{line}: front matter")),
        "{stderr}"
    );

    let fixture = Fixture::new();
    fixture.replace("content/en/faq.md", "+++\n", "");
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    assert!(
        stderr.contains(&format!(
            "{}:1: missing front matter",
            fixture.shown("content/en/faq.md")
        )),
        "{stderr}"
    );
}

#[test]
fn check_reports_a_malformed_code_or_one_that_leads_to_two_sections_at_its_line() {
    // A code not in its system's shape.
    let fixture = Fixture::new();
    let line = fixture.replace(
        "content/en/causes.md",
        "code = \"G25.81\"",
        "code = \"G25-81\"",
    );
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    let file = fixture.shown("content/en/causes.md");
    assert!(
        stderr.contains(&format!("{file}:{line}: front matter: code"))
            && stderr.contains("not a valid code in ICD-10-CM"),
        "{stderr}"
    );

    // A SNOMED CT id with a wrong check digit.
    let fixture = Fixture::new();
    let line = fixture.replace("content/en/causes.md", "\"32914008\"", "\"32914009\"");
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    let file = fixture.shown("content/en/causes.md");
    assert!(
        stderr.contains(&format!("{file}:{line}: front matter: code")),
        "{stderr}"
    );

    // The same code in two sections, on two pages: reported once, at the later line.
    let fixture = Fixture::new();
    let line = fixture.replace(
        "content/en/risk-factors.md",
        "code = \"E11.9\"",
        "prefix = \"E11\"",
    );
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    let risk = fixture.shown("content/en/risk-factors.md");
    assert!(
        stderr.contains("a code must lead to one section")
            && stderr.contains(&format!("{risk}:{line}")),
        "{stderr}"
    );

    // The very same entry twice.
    let fixture = Fixture::new();
    fixture.replace(
        "content/en/causes.md",
        "codes = [\n",
        "codes = [\n  { system = \"snomed\", code = \"32914008\", name = \"Restless legs\", anchor = \"restless-legs-syndrome\" },\n",
    );
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    assert!(
        stderr.contains("SNOMED CT 32914008 is mapped twice"),
        "{stderr}"
    );
}

#[test]
fn check_reports_a_missing_or_unused_string_with_its_file_and_line() {
    let fixture = Fixture::new();
    let line = fixture.replace("locales/en.ftl", "form-submit = ", "form-sub = ");
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    let file = fixture.shown("locales/en.ftl");
    assert!(
        stderr.contains(&format!("{file}:{line}: string \"form-sub\" is not used")),
        "{stderr}"
    );
    assert!(
        stderr.contains("missing string \"form-submit\" (used by templates/check_form.html:"),
        "{stderr}"
    );
}

#[test]
fn check_reports_a_page_missing_from_the_contract() {
    let fixture = Fixture::new();
    std::fs::remove_file(fixture.path("content/en/risk-factors.md")).unwrap();
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    assert!(
        stderr.contains("missing page /risk-factors, which the site contract promises"),
        "{stderr}"
    );
}

#[test]
fn check_fails_a_passed_review_date_and_warns_a_month_ahead() {
    let fixture = Fixture::new();
    let line = fixture.set_front_matter("about.md", "next_review", "2020-01-01");
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    let file = fixture.shown("content/en/about.md");
    assert!(
        stderr.contains(&format!("{file}:{line}: review date passed")),
        "{stderr}"
    );

    let fixture = Fixture::new();
    let soon = leg_pain_guide::startup::today() + time::Duration::days(10);
    let line = fixture.set_front_matter("about.md", "next_review", &soon.to_string());
    let (ok, stderr) = fixture.check(&[]);
    assert!(ok, "a warning does not fail the check: {stderr}");
    let file = fixture.shown("content/en/about.md");
    assert!(
        stderr.contains(&format!(
            "{file}:{line}: warning: review due on {soon}, in 10 days"
        )),
        "{stderr}"
    );
}

#[test]
fn check_fails_a_page_above_the_reading_grade_limit() {
    let (ok, stderr) = Fixture::new().check(&["--max-grade", "2"]);
    assert!(!ok);
    assert!(
        stderr.contains("reading grade") && stderr.contains("above the limit of 2.0"),
        "{stderr}"
    );

    let fixture = Fixture::new();
    let hard = "\n\nPeripheral neuropathy, frequently associated with diabetes mellitus, originates from progressive nerve degeneration characterised by paraesthesia, dysaesthesia and considerable nocturnal exacerbation of symptomatology, necessitating comprehensive multidisciplinary evaluation.\n";
    let faq = fixture.path("content/en/faq.md");
    let mut text = std::fs::read_to_string(&faq).unwrap();
    for _ in 0..40 {
        text.push_str(hard);
    }
    std::fs::write(&faq, text).unwrap();
    let (ok, stderr) = fixture.check(&[]);
    assert!(!ok);
    assert!(
        stderr.contains(&format!("{}:", faq.display()))
            && stderr.contains("above the limit of 8.0"),
        "{stderr}"
    );
}

#[test]
fn the_server_refuses_to_start_on_the_same_problems_with_exit_code_2() {
    let fixture = Fixture::new();
    let line = fixture.replace("content/en/causes.md", "(/treatments#", "(/treatment#");
    let output = fixture.run("serve", &[]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "{}:{line}: link to /treatment#",
            fixture.shown("content/en/causes.md")
        )),
        "{stderr}"
    );
}

#[test]
fn a_bad_setting_is_refused_with_one_line_naming_it() {
    let output = Command::new(env!("CARGO_BIN_EXE_leg-pain-guide"))
        .args(["serve", "--bind", "not-an-address"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("--bind") && stderr.contains("BIND"),
        "{stderr}"
    );
    let output = Command::new(env!("CARGO_BIN_EXE_leg-pain-guide"))
        .arg("check")
        .env("EMERGENCY_NUMBER", "call-me")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("EMERGENCY_NUMBER"));
}

/// The sentences of a page's own words, block by block (paragraphs, list
/// items, ...): not the sources note or the quoted source passages.
fn sentences(doc: &scraper::Html) -> Vec<String> {
    let blocks = select(
        doc,
        "main p:not(.source-note), main li, main dt, main dd, main td, main h2, main h3",
    );
    blocks
        .iter()
        .filter(|b| {
            b.select(&scraper::Selector::parse("blockquote").unwrap())
                .next()
                .is_none()
        })
        .flat_map(|b| {
            let text = normalise(&b.text().collect::<String>());
            text.split(['.', '!', '?', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[tokio::test]
async fn no_page_repeats_the_sources_errors_or_advises_raising_the_legs_in_general() {
    let app = spawn_app().await;
    // /for-clinics is left out: it lists the official names of diagnosis
    // codes, which are not the site's own advice.
    for path in every_page().filter(|p| *p != "/for-clinics") {
        let doc = app.page(path).await;
        for sentence in sentences(&doc) {
            let has = |w: &str| sentence.contains(w);
            // 001 calls acetaminophen an NSAID that eases inflammation: it eases pain only.
            assert!(
                !(has("acetaminophen") && (has("swelling") || has("inflammation"))),
                "{path}: {sentence}"
            );
            // 001: varicose veins ache "as blood pools when lying down".
            assert!(
                !(has("pool") && (has("lie down") || has("lying down"))),
                "{path}: {sentence}"
            );
            // Raising the legs only ever on a doctor's advice, and never for PAD or poor blood flow.
            if has("raise your legs") || has("raising your legs") || has("raise their legs") {
                assert!(
                    has("doctor")
                        || has("at your appointment")
                        || has("not a step for")
                        || has("only when varicose veins"),
                    "{path}: {sentence}"
                );
            }
            // An ice pack is never for a swollen spot: swelling is a warning sign (E1).
            if has("ice pack") || has("cold pack") || has("hielo") {
                assert!(
                    !has("swollen") && !has("swelling") && !has("hinchad"),
                    "{path}: {sentence}"
                );
            }
            for wrong in [
                "one of the main reasons",
                "leading cause",
                "calf or thigh",
                "cannot make it stop",
                "today or tomorrow",
                "as cited by source",
            ] {
                assert!(!has(wrong), "{path}: {sentence}");
            }
        }
    }
    // In Spanish too, an ice pack is never for a swollen spot.
    for path in every_page() {
        let path = in_lang("/es", path);
        for sentence in sentences(&app.page(&path).await) {
            if sentence.contains("hielo") || sentence.contains("frío") {
                assert!(!sentence.contains("hinchad"), "{path}: {sentence}");
            }
        }
    }
    // The figures' source is named in the page's sources note instead.
    let causes = app.page("/causes").await;
    assert!(
        text_of(&select(&causes, ".source-note")[0])
            .contains("MedlinePlus, as cited by source 000")
    );
    let glossary = app.page("/glossary").await;
    let entry = |id: &str| {
        let heading = &select(&glossary, &format!("#{id}"))[0];
        let paragraph = heading
            .next_siblings()
            .filter_map(scraper::ElementRef::wrap)
            .next()
            .unwrap();
        text_of(&paragraph)
    };
    assert_ne!(entry("osteoarthritis"), entry("rheumatoid-arthritis"));
    assert!(
        !entry("inflammation").to_lowercase().starts_with("swelling"),
        "inflammation is not the same as swelling"
    );
    assert!(entry("electromyography").contains("electrical activity of your muscles"));
    for term in [
        "compress",
        "fortified-foods",
        "angioplasty",
        "bypass-surgery",
        "minimally-invasive-procedure",
        "nsaid",
    ] {
        assert!(entry(term).len() > 30, "{term} is explained");
    }
    assert!(
        text_of(&select(&glossary, "#nsaid")[0]).contains("non-steroidal anti-inflammatory drugs")
    );
}
