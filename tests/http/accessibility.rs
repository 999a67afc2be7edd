//! The accessibility statement, and what the HTML itself can show of WCAG
//! 2.2 AAA: every footer and embed links to the statement, the statement
//! says who to ask for another format and when the site was last checked
//! (never before a page's last review), English words on Spanish pages are
//! marked as English, and no image holds text.

use leg_pain_guide::settings::RawSettings;

use common::*;

/// The date the statement gives for the last check, as `YYYY-MM-DD`.
fn last_checked(doc: &scraper::Html) -> String {
    let times = select(doc, "main time.last-checked");
    assert_eq!(
        times.len(),
        1,
        "the statement gives one date of the last check"
    );
    times[0]
        .value()
        .attr("datetime")
        .expect("a machine-readable date")
        .to_string()
}

#[tokio::test]
async fn the_statement_was_last_checked_no_earlier_than_any_page_was_reviewed() {
    let app = spawn_app().await;
    for lang in ["", "/es"] {
        let doc = app.page(&in_lang(lang, "/accessibility")).await;
        let checked = last_checked(&doc);
        assert_eq!(checked.len(), 10, "{checked}");
        // The sitemap gives every page's last review (`lastmod`).
        let sitemap = app.get("/sitemap.xml").await.text().await.unwrap();
        let reviews: Vec<&str> = sitemap
            .split("<lastmod>")
            .skip(1)
            .filter_map(|s| s.split("</lastmod>").next())
            .collect();
        assert_eq!(reviews.len(), 2 * every_page().count(), "{reviews:?}");
        for review in reviews {
            assert!(
                review <= checked.as_str(),
                "{lang}/accessibility: last checked on {checked}, but a page was reviewed on {review}"
            );
        }
        // The date is shown in words too.
        let shown = text_of(&select(&doc, "main time.last-checked")[0]);
        assert!(
            shown.chars().any(|c| c.is_ascii_digit()) && shown.contains(&checked[..4]),
            "{shown}"
        );
    }
}

#[tokio::test]
async fn every_footer_and_every_embed_links_to_the_accessibility_statement() {
    let app = spawn_app().await;
    for lang in ["", "/es"] {
        let statement = in_lang(lang, "/accessibility");
        let pages = every_page()
            .map(|p| in_lang(lang, p))
            .chain([format!("{lang}/no-such-page")]);
        for path in pages {
            let response = app.get(&path).await;
            let doc = scraper::Html::parse_document(&response.text().await.unwrap());
            let links = select(&doc, &format!("footer.site-footer a[href='{statement}']"));
            assert_eq!(links.len(), 1, "{path}: the footer links to {statement}");
        }
        for embed in ["/embed", "/embed/check", "/embed/causes"] {
            let path = format!("{lang}{embed}");
            let doc = app.page(&path).await;
            let links = select(
                &doc,
                &format!("footer.embed-credit a[href='{statement}'][target=_top]"),
            );
            assert_eq!(
                links.len(),
                1,
                "{path}: the embed credit links to {statement}"
            );
        }
    }
}

/// The statement's part on how to get another format or report a problem.
async fn contact_part(args: RawSettings, path: &str) -> (String, Vec<String>) {
    let app = spawn_app_with(args).await;
    let doc = app.page(path).await;
    let part = select(&doc, "main .statement-contact");
    assert_eq!(part.len(), 1, "{path}: the statement says who to ask");
    let links = part[0]
        .select(&scraper::Selector::parse("a").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    (text_of(&part[0]), links)
}

#[tokio::test]
async fn the_statement_names_the_clinic_when_set_else_the_sites_contact() {
    let clinic = RawSettings {
        clinic_name: Some("Riverside Clinic".into()),
        clinic_phone: Some("+1 (555) 010-0199".into()),
        clinic_url: Some("https://riverside.example/".into()),
        contact: Some("access@legs.example".into()),
        ..Default::default()
    };
    let (text, links) = contact_part(clinic.clone(), "/accessibility").await;
    assert!(text.contains("Riverside Clinic"), "{text}");
    assert_eq!(
        links,
        ["tel:+15550100199", "https://riverside.example/"],
        "the clinic's phone and website, not the site's address: {text}"
    );
    let (text, _) = contact_part(clinic, "/es/accessibility").await;
    assert!(
        text.contains("Riverside Clinic") && text.contains("Su clínica"),
        "{text}"
    );

    let site = RawSettings {
        contact: Some("access@legs.example".into()),
        ..Default::default()
    };
    let (text, links) = contact_part(site, "/accessibility").await;
    assert_eq!(links, ["mailto:access@legs.example"], "{text}");
    assert!(text.contains("access@legs.example"), "{text}");

    // A clinic with only a name cannot be reached: the site's contact is given.
    let name_only = RawSettings {
        clinic_name: Some("Riverside Clinic".into()),
        contact: Some("https://legs.example/contact".into()),
        ..Default::default()
    };
    let (_, links) = contact_part(name_only, "/accessibility").await;
    assert_eq!(links, ["https://legs.example/contact"]);

    // Nothing set: no dead end, but no made-up address either.
    let (text, links) = contact_part(RawSettings::default(), "/accessibility").await;
    assert!(links.is_empty(), "{links:?}");
    assert!(text.contains("no contact address"), "{text}");
}

#[tokio::test]
async fn english_words_on_spanish_pages_are_marked_as_english() {
    let app = spawn_app().await;
    // The official names of diagnosis codes are English.
    let doc = app.page("/es/for-clinics").await;
    let names = select(&doc, ".clinic-codes tbody td:nth-child(3)");
    assert!(names.len() > 50, "every code is listed: {}", names.len());
    for name in &names {
        assert_eq!(
            name.value().attr("lang"),
            Some("en"),
            "{}: an English name on a Spanish page",
            text_of(name)
        );
    }
    let english = app.page("/for-clinics").await;
    assert!(select(&english, ".clinic-codes td[lang]").is_empty());
    // Source titles, and the other language's name in the language links.
    for (path, other) in [("/es/causes", "en"), ("/causes", "es")] {
        let doc = app.page(path).await;
        let cites = select(&doc, ".sources cite");
        assert!(!cites.is_empty(), "{path}");
        assert!(cites.iter().all(|c| c.value().attr("lang") == Some("en")));
        let switch = select(&doc, ".language-links a");
        assert_eq!(switch.len(), 1, "{path}");
        assert_eq!(switch[0].value().attr("lang"), Some(other), "{path}");
    }
}

#[tokio::test]
async fn no_image_holds_text() {
    let app = spawn_app().await;
    let mut images = std::collections::BTreeSet::new();
    for lang in ["", "/es"] {
        for path in every_page() {
            let doc = app.page(&in_lang(lang, path)).await;
            for img in select(&doc, "img") {
                images.insert(img.value().attr("src").unwrap_or_default().to_string());
            }
        }
    }
    assert!(!images.is_empty(), "the QR codes are images");
    for src in images {
        assert!(
            src.ends_with(".svg") && src.starts_with('/'),
            "{src}: only the site's own SVG images"
        );
        let svg = app.get(&src).await.text().await.unwrap();
        assert!(svg.contains("<svg"), "{src}");
        assert!(!svg.contains("<text"), "{src} holds text");
    }
}
