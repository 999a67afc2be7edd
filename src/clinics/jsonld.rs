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
    for_script(&json!({ "@context": "https://schema.org", "@graph": graph }))
}

/// JSON safe inside an HTML `<script>` element whatever its strings say, as
/// Go's html/template writes it: `<`, `>` and `&` as `\u003c`, `\u003e`,
/// `\u0026` (so neither `</script>` nor `<!--` can end or swallow the
/// element), and the line separators U+2028 and U+2029 escaped too. In
/// serialized JSON these characters can only stand inside strings, where
/// the escape means the same character to any JSON reader.
pub fn for_script(value: &Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_content_is_escaped_and_reads_back_the_same() {
        let text = "Read <!--<script> this </script> & that > \u{2028}";
        let value = json!({ "description": text });
        let out = for_script(&value);
        for raw in ['<', '>', '&', '\u{2028}'] {
            assert!(!out.contains(raw), "{raw:?} in {out}");
        }
        assert!(out.contains("\\u003c!--\\u003cscript\\u003e"), "{out}");
        let back: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["description"], text);
    }
}
