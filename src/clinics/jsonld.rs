//! schema.org JSON-LD for each page: `MedicalWebPage`, and `FAQPage` where
//! the page says its sections are questions.

use serde_json::{Value, json};

use crate::content::Page;

/// The JSON-LD of `page` in language `lang`, ready for a script data block.
pub fn page(page: &Page, base_url: &str, lang: &str, site_name: &str, about: &str) -> String {
    let url = format!("{base_url}{}", page.url);
    let mut web_page = json!({
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": page.front.title,
        "description": page.front.description,
        "inLanguage": lang,
        "audience": { "@type": "MedicalAudience", "audienceType": "Patient" },
        "lastReviewed": page.last_reviewed.to_string(),
        "about": { "@type": "MedicalSignOrSymptom", "name": about },
        "publisher": { "@type": "Organization", "name": site_name },
    });
    if let Some(aspect) = &page.front.aspect {
        web_page["aspect"] = Value::String(aspect.clone());
    }
    let mut graph = vec![web_page];
    if page.front.faq {
        let questions: Vec<Value> = page
            .body
            .sections
            .iter()
            .filter(|s| s.title.ends_with('?'))
            .map(|s| json!({ "@type": "Question", "name": s.title, "acceptedAnswer": { "@type": "Answer", "text": s.summary } }))
            .collect();
        graph.push(json!({ "@type": "FAQPage", "@id": format!("{url}#questions"), "inLanguage": lang, "mainEntity": questions }));
    }
    // "</" cannot appear inside a script element, even a data block.
    json!({ "@context": "https://schema.org", "@graph": graph })
        .to_string()
        .replace("</", "<\\/")
}
