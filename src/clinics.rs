//! What clinics use: diagnosis-code links (HL7 Infobutton), QR codes, the
//! copy-ready list of every page and section, and search-engine metadata.

use askama::Template;
use serde_json::{Value, json};

use crate::content::{Content, Page};
use crate::site::SITE_NAME;

/// The HL7 OID of ICD-10-CM, the only code system `/connect` answers.
pub const ICD10_CM: &str = "2.16.840.1.113883.6.90";

/// A diagnosis-code prefix and the section that explains it.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeEntry {
    pub prefix: String,
    pub name: String,
    /// Page path plus fragment, e.g. `/causes#arthritis`.
    pub link: String,
    pub title: String,
    pub summary: String,
}

/// Every code mapped in the content's front matter.
pub fn code_index(content: &Content) -> Vec<CodeEntry> {
    let mut entries = Vec::new();
    for page in &content.pages {
        for code in &page.front.codes {
            let section = code
                .anchor
                .as_ref()
                .and_then(|a| page.body.sections.iter().find(|s| &s.id == a));
            let (link, title, summary) = match section {
                Some(s) => (
                    format!("{}#{}", page.path, s.id),
                    s.title.clone(),
                    s.summary.clone(),
                ),
                None => (
                    page.path.clone(),
                    page.front.title.clone(),
                    page.front.description.clone(),
                ),
            };
            entries.push(CodeEntry {
                prefix: code.prefix.clone(),
                name: code.name.clone(),
                link,
                title,
                summary,
            });
        }
    }
    entries.sort_by(|a, b| a.prefix.cmp(&b.prefix));
    entries
}

/// "r252" and "R25.2 " both become "R25.2": codes arrive typed by people and systems.
pub fn normalise_code(code: &str) -> String {
    let mut c: String = code
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if !c.contains('.') && c.len() > 3 {
        c.insert(3, '.');
    }
    c
}

/// Entries whose prefix the code starts with, most specific first.
pub fn lookup<'a>(index: &'a [CodeEntry], code: &str) -> Vec<&'a CodeEntry> {
    let code = normalise_code(code);
    let mut matches: Vec<&CodeEntry> = index
        .iter()
        .filter(|e| code.starts_with(&e.prefix))
        .collect();
    matches.sort_by_key(|e| std::cmp::Reverse(e.prefix.len()));
    matches
}

/// The URL path of an embeddable copy of a page.
pub fn embed_path(path: &str) -> String {
    if path == "/" {
        "/embed".into()
    } else {
        format!("/embed{path}")
    }
}

/// Whether a path serves a page meant to be framed by other sites.
pub fn is_embed_path(path: &str) -> bool {
    path == "/embed" || path.starts_with("/embed/")
}

/// The URL path of a page's QR code.
pub fn qr_path(path: &str) -> String {
    let name = path.trim_start_matches('/');
    format!("/qr/{}.svg", if name.is_empty() { "index" } else { name })
}

/// An SVG QR code for `url`.
pub fn qr_svg(url: &str) -> String {
    let code = qrcode::QrCode::new(url.as_bytes()).expect("page addresses fit in a QR code");
    code.render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(240, 240)
        .dark_color(qrcode::render::svg::Color("#000000"))
        .light_color(qrcode::render::svg::Color("#ffffff"))
        .build()
}

/// schema.org JSON-LD for a page: `MedicalWebPage`, plus `FAQPage` on the FAQ.
pub fn json_ld(page: &Page, base_url: &str) -> String {
    let url = format!("{base_url}{}", page.path);
    let mut web_page = json!({
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": page.front.title,
        "description": page.front.description,
        "inLanguage": "en",
        "audience": { "@type": "MedicalAudience", "audienceType": "Patient" },
        "lastReviewed": page.last_reviewed.to_string(),
        "about": { "@type": "MedicalSignOrSymptom", "name": "Leg pain at night" },
        "publisher": { "@type": "Organization", "name": SITE_NAME },
    });
    if let Some(aspect) = &page.front.aspect {
        web_page["aspect"] = Value::String(aspect.clone());
    }
    let mut graph = vec![web_page];
    if page.path == "/faq" {
        let questions: Vec<Value> = page
            .body
            .sections
            .iter()
            .filter(|s| s.title.ends_with('?'))
            .map(|s| json!({ "@type": "Question", "name": s.title, "acceptedAnswer": { "@type": "Answer", "text": s.summary } }))
            .collect();
        graph.push(json!({ "@type": "FAQPage", "@id": format!("{url}#questions"), "mainEntity": questions }));
    }
    // "</" cannot appear inside a script element, even a data block.
    json!({ "@context": "https://schema.org", "@graph": graph })
        .to_string()
        .replace("</", "<\\/")
}

struct LinkedPage<'a> {
    /// Heading id for this page's entry, e.g. `link-causes`.
    id: String,
    title: &'a str,
    path: &'a str,
    qr: String,
    embed: String,
    sections: Vec<(&'a str, &'a str)>,
}

#[derive(Template)]
#[template(path = "for_clinics.html")]
struct ForClinicsTemplate<'a> {
    base_url: &'a str,
    pages: Vec<LinkedPage<'a>>,
    codes: &'a [CodeEntry],
    icd10_cm: &'static str,
}

/// The generated part of `/for-clinics`: every page and section as a full
/// link, its QR code and embed snippet, and the diagnosis codes.
pub fn for_clinics_html(
    content: &Content,
    base_url: &str,
    codes: &[CodeEntry],
) -> Result<String, askama::Error> {
    let pages = content
        .pages
        .iter()
        .map(|p| LinkedPage {
            id: format!(
                "link-{}",
                if p.path == "/" {
                    "home"
                } else {
                    p.path.trim_start_matches('/')
                }
            ),
            title: p.nav_title(),
            path: &p.path,
            qr: qr_path(&p.path),
            embed: embed_path(&p.path),
            sections: p
                .body
                .sections
                .iter()
                .map(|s| (s.id.as_str(), s.title.as_str()))
                .collect(),
        })
        .collect();
    ForClinicsTemplate {
        base_url,
        pages,
        codes,
        icd10_cm: ICD10_CM,
    }
    .render()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(prefix: &str) -> CodeEntry {
        CodeEntry {
            prefix: prefix.into(),
            name: String::new(),
            link: String::new(),
            title: String::new(),
            summary: String::new(),
        }
    }

    #[test]
    fn codes_are_normalised() {
        assert_eq!(normalise_code(" r252 "), "R25.2");
        assert_eq!(normalise_code("I82.401"), "I82.401");
        assert_eq!(normalise_code("I83"), "I83");
    }

    #[test]
    fn the_most_specific_prefix_wins() {
        let index = vec![entry("I82"), entry("I82.4"), entry("M19")];
        let found = lookup(&index, "I82.409");
        assert_eq!(
            found.iter().map(|e| e.prefix.as_str()).collect::<Vec<_>>(),
            ["I82.4", "I82"]
        );
        assert!(lookup(&index, "Z00.0").is_empty());
        assert!(
            lookup(&index, "M1").is_empty(),
            "a shorter code does not match a longer prefix"
        );
    }

    #[test]
    fn paths_for_embeds_and_qr_codes() {
        assert_eq!(embed_path("/"), "/embed");
        assert_eq!(embed_path("/check"), "/embed/check");
        assert_eq!(qr_path("/"), "/qr/index.svg");
        assert_eq!(qr_path("/causes"), "/qr/causes.svg");
    }

    #[test]
    fn qr_codes_are_svg() {
        let svg = qr_svg("https://legs.example/causes");
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
    }
}
