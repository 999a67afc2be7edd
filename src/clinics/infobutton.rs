//! HL7 Infobutton requests (the URL-based implementation guide, as MedlinePlus
//! Connect uses it): the query string read into a typed request, every value
//! checked before use. Pure: no I/O, fuzzed (`fuzz/fuzz_targets/connect.rs`).

use serde::Deserialize;

pub use crate::code_system::CodeSystem;

/// How to answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseType {
    /// No type asked for: send the person to the page (a redirect).
    Redirect,
    /// `text/xml` or `application/atom+xml`: an Atom feed (RFC 4287).
    Atom(FeedType),
    /// `application/json`: the feed as JSON.
    Json,
}

/// The media type an Atom feed is sent as: the one asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedType {
    /// `application/atom+xml`.
    Atom,
    /// `text/xml` (or `application/xml`), as the HL7 guide's examples ask.
    Xml,
}

impl FeedType {
    pub fn content_type(self) -> &'static str {
        match self {
            FeedType::Atom => "application/atom+xml; charset=utf-8",
            FeedType::Xml => "text/xml; charset=utf-8",
        }
    }
}

/// What a request asks, every value checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InfoRequest {
    /// The code and its system, the code as its system writes it; `None` when
    /// only a display name can be used.
    pub code: Option<(CodeSystem, String)>,
    /// The code's display name, to match when the code is not known.
    pub display_name: Option<String>,
    pub response: ResponseType,
    /// `informationRecipient.languageCode.c`, lower-cased (`es` from `es-US`).
    pub language: Option<String>,
}

/// Why a request cannot be answered. Nothing of the input is kept: an error
/// page never shows back what was typed into a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    #[error("the query cannot be read (a parameter given twice, or not URL-encoded)")]
    Malformed,
    #[error("no code system, or one the site does not read")]
    CodeSystem,
    #[error("no code and no display name, or a code not shaped like one of its system")]
    Code,
    #[error("a response type the site does not give")]
    ResponseType,
}

#[derive(Deserialize)]
struct Query {
    #[serde(rename = "mainSearchCriteria.v.cs")]
    code_system: Option<String>,
    #[serde(rename = "mainSearchCriteria.v.c")]
    code: Option<String>,
    #[serde(rename = "mainSearchCriteria.v.dn")]
    display_name: Option<String>,
    #[serde(rename = "knowledgeResponseType")]
    response_type: Option<String>,
    #[serde(rename = "informationRecipient.languageCode.c")]
    language: Option<String>,
}

/// Longest display name read: real names are under 200 characters.
const MAX_DISPLAY_NAME: usize = 300;

/// The response type asked for, with no type meaning a redirect.
fn response_type(raw: Option<&str>) -> Result<ResponseType, RequestError> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(ResponseType::Redirect);
    };
    let essence = raw
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "text/html" => Ok(ResponseType::Redirect),
        "application/atom+xml" => Ok(ResponseType::Atom(FeedType::Atom)),
        "text/xml" | "application/xml" => Ok(ResponseType::Atom(FeedType::Xml)),
        "application/json" => Ok(ResponseType::Json),
        _ => Err(RequestError::ResponseType),
    }
}

/// The response type of a query even when the rest is wrong, so an error can
/// be answered in the format asked for (Redirect means a page).
pub fn response_type_of(query: &str) -> ResponseType {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "knowledgeResponseType")
        .and_then(|(_, v)| response_type(Some(&v)).ok())
        .unwrap_or(ResponseType::Redirect)
}

/// The recipient's language asked for (`es` from `es-US`), if any, even when
/// the rest is wrong, so an error can be answered in it.
pub fn language_of(query: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "informationRecipient.languageCode.c")
        .and_then(|(_, v)| primary_language(&v))
}

fn primary_language(raw: &str) -> Option<String> {
    let primary = raw
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    (!primary.is_empty() && primary.len() <= 8 && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then_some(primary)
}

/// Reads an Infobutton query string. A code needs a code system the site
/// reads and its system's shape; when either is missing, a display name
/// (`mainSearchCriteria.v.dn`) is used instead, if one was sent.
pub fn parse(query: &str) -> Result<InfoRequest, RequestError> {
    let q: Query = serde_html_form::from_str(query).map_err(|_| RequestError::Malformed)?;
    let response = response_type(q.response_type.as_deref())?;
    let display_name = q
        .display_name
        .map(|d| d.trim().chars().take(MAX_DISPLAY_NAME).collect::<String>())
        .filter(|d| !d.is_empty());
    let system = q
        .code_system
        .as_deref()
        .map(str::trim)
        .and_then(CodeSystem::from_oid);
    let raw_code = q.code.as_deref().map(str::trim).filter(|c| !c.is_empty());
    let code = match (system, raw_code) {
        (Some(system), Some(raw)) => system.normalise(raw).map(|code| (system, code)),
        _ => None,
    };
    if code.is_none() && display_name.is_none() {
        return Err(match (system, raw_code) {
            (Some(_), Some(_)) => RequestError::Code,
            (Some(_), None) => RequestError::Code,
            (None, _) => RequestError::CodeSystem,
        });
    }
    Ok(InfoRequest {
        code,
        display_name,
        response,
        language: q.language.as_deref().and_then(primary_language),
    })
}

/// An answer to an Infobutton request, written as Atom or JSON from the same data.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The site's name.
    pub title: String,
    /// A URI naming this answer: the request, rebuilt from checked values only.
    pub id: String,
    /// The language of the answer (`en`, `es`).
    pub lang: String,
    /// The newest review date among the entries (or the day the site was built).
    pub updated: time::Date,
    /// Why there are no entries, for an error.
    pub message: Option<String>,
    /// The code asked about, when it was one the site reads.
    pub asked: Option<(CodeSystem, String)>,
    pub entries: Vec<AnswerEntry>,
}

/// A section that explains what was asked.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerEntry {
    pub title: String,
    /// The full address of the section.
    pub href: String,
    pub summary: String,
    pub updated: time::Date,
    /// The code entry that led here, as shown (`I70.2…`) with its official name.
    pub code: Option<(CodeSystem, String, String)>,
}

fn date_time(date: time::Date) -> atom_syndication::FixedDateTime {
    atom_syndication::FixedDateTime::parse_from_rfc3339(&format!("{date}T00:00:00Z"))
        .unwrap_or_default()
}

/// `text` without the characters XML 1.0 cannot hold (control characters), so
/// any text makes a well-formed feed.
fn xml_safe(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .collect()
}

/// The answer as an Atom feed (RFC 4287), as the HL7 URL-based guide describes.
pub fn atom(answer: &Answer) -> String {
    use atom_syndication::{Category, Entry, Feed, Link, Person, Text};
    let text = |value: &str| Text {
        lang: Some(xml_safe(&answer.lang)),
        ..Text::plain(xml_safe(value))
    };
    let category = |system: CodeSystem, term: &str, label: Option<&str>| Category {
        term: term.to_string(),
        scheme: Some(system.oid().to_string()),
        label: label.map(str::to_string),
    };
    let entries = answer
        .entries
        .iter()
        .map(|e| Entry {
            title: text(&e.title),
            id: e.href.clone(),
            updated: date_time(e.updated),
            links: vec![Link {
                href: e.href.clone(),
                rel: "alternate".into(),
                hreflang: Some(answer.lang.clone()),
                mime_type: Some("text/html".into()),
                ..Link::default()
            }],
            summary: Some(text(&e.summary)),
            categories: e
                .code
                .iter()
                .map(|(system, label, name)| category(*system, label, Some(name)))
                .collect(),
            ..Entry::default()
        })
        .collect();
    let feed = Feed {
        title: text(&answer.title),
        id: answer.id.clone(),
        updated: date_time(answer.updated),
        authors: vec![Person {
            name: xml_safe(&answer.title),
            ..Person::default()
        }],
        subtitle: answer.message.as_deref().map(text),
        categories: answer
            .asked
            .iter()
            .map(|(system, code)| category(*system, code, None))
            .collect(),
        lang: Some(answer.lang.clone()),
        entries,
        ..Feed::default()
    };
    feed.to_string()
}

/// The answer as JSON, in the shape MedlinePlus Connect uses (`feed.entry[]`).
pub fn json(answer: &Answer) -> serde_json::Value {
    let entries: Vec<serde_json::Value> = answer
        .entries
        .iter()
        .map(|e| {
            let mut entry = serde_json::json!({
                "title": { "_value": e.title },
                "link": [{ "href": e.href, "hreflang": answer.lang }],
                "summary": { "_value": e.summary },
                "updated": { "_value": e.updated.to_string() },
            });
            if let Some((system, label, name)) = &e.code {
                entry["category"] = serde_json::json!([{
                    "scheme": system.oid(), "term": label, "label": name,
                }]);
            }
            entry
        })
        .collect();
    let feed = serde_json::json!({
        "title": { "_value": answer.title },
        "id": { "_value": answer.id },
        "lang": answer.lang,
        "updated": { "_value": answer.updated.to_string() },
        "entry": entries,
    });
    serde_json::json!({ "feed": feed })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ICD: &str = "mainSearchCriteria.v.cs=2.16.840.1.113883.6.90";

    #[test]
    fn a_query_is_read_into_checked_values() {
        let r = parse(&format!("{ICD}&mainSearchCriteria.v.c=r252&knowledgeResponseType=text/xml&informationRecipient.languageCode.c=es-US")).unwrap();
        assert_eq!(r.code, Some((CodeSystem::Icd10Cm, "R25.2".into())));
        assert_eq!(r.response, ResponseType::Atom(FeedType::Xml));
        assert_eq!(r.language.as_deref(), Some("es"));
        let r = parse("mainSearchCriteria.v.cs=2.16.840.1.113883.6.96&mainSearchCriteria.v.c=32914008&knowledgeResponseType=application/atom%2Bxml").unwrap();
        assert_eq!(r.code, Some((CodeSystem::SnomedCt, "32914008".into())));
        assert_eq!(r.response, ResponseType::Atom(FeedType::Atom));
        let r = parse("mainSearchCriteria.v.cs=2.16.840.1.113883.6.96&mainSearchCriteria.v.dn=Restless%20legs").unwrap();
        assert_eq!(
            (r.code, r.display_name.as_deref(), r.response),
            (None, Some("Restless legs"), ResponseType::Redirect)
        );
    }

    #[test]
    fn a_display_name_stands_in_for_a_code_the_site_cannot_read() {
        for query in [
            "mainSearchCriteria.v.cs=2.16.840.1.113883.6.1&mainSearchCriteria.v.c=12345-6&mainSearchCriteria.v.dn=Leg%20cramps",
            &format!(
                "{ICD}&mainSearchCriteria.v.c=not-a-code&mainSearchCriteria.v.dn=Leg%20cramps"
            ),
            "mainSearchCriteria.v.dn=Leg%20cramps",
        ] {
            let r = parse(query).unwrap();
            assert_eq!(
                (r.code, r.display_name.as_deref()),
                (None, Some("Leg cramps")),
                "{query}"
            );
        }
    }

    #[test]
    fn bad_queries_are_refused_by_kind() {
        assert_eq!(parse(""), Err(RequestError::CodeSystem));
        assert_eq!(
            parse("mainSearchCriteria.v.cs=1.2.3&mainSearchCriteria.v.c=R25.2"),
            Err(RequestError::CodeSystem)
        );
        assert_eq!(parse(ICD), Err(RequestError::Code));
        assert_eq!(
            parse(&format!("{ICD}&mainSearchCriteria.v.c=%C3%84%C3%96%C3%9C1")),
            Err(RequestError::Code)
        );
        assert_eq!(
            parse(&format!(
                "{ICD}&mainSearchCriteria.v.c=R25.2&mainSearchCriteria.v.c=R25.3"
            )),
            Err(RequestError::Malformed)
        );
        assert_eq!(
            parse(&format!(
                "{ICD}&mainSearchCriteria.v.c=R25.2&knowledgeResponseType=image/png"
            )),
            Err(RequestError::ResponseType)
        );
        assert_eq!(
            response_type_of("knowledgeResponseType=application/json&x=%zz"),
            ResponseType::Json
        );
        assert_eq!(
            language_of("informationRecipient.languageCode.c=es_MX&x=%zz").as_deref(),
            Some("es")
        );
        assert_eq!(
            language_of("informationRecipient.languageCode.c=%3Cscript%3E"),
            None
        );
    }

    #[test]
    fn the_same_answer_is_written_as_atom_and_json() {
        let answer = Answer {
            title: "Leg Pain at Night".into(),
            id: "https://legs.example/connect?c=R25.2".into(),
            lang: "en".into(),
            updated: time::macros::date!(2026 - 11 - 22),
            message: None,
            asked: Some((CodeSystem::Icd10Cm, "R25.2".into())),
            entries: vec![AnswerEntry {
                title: "Night leg cramps".into(),
                href: "https://legs.example/causes#nighttime-leg-cramps".into(),
                summary: "A cramp is a muscle that suddenly gets tight & hurts.".into(),
                updated: time::macros::date!(2026 - 11 - 22),
                code: Some((
                    CodeSystem::Icd10Cm,
                    "R25.2".into(),
                    "Cramp and spasm".into(),
                )),
            }],
        };
        let feed = atom_syndication::Feed::read_from(atom(&answer).as_bytes()).unwrap();
        assert_eq!(feed.lang.as_deref(), Some("en"));
        let entry = &feed.entries[0];
        assert_eq!(entry.title.value, "Night leg cramps");
        assert_eq!(
            entry.links[0].href,
            "https://legs.example/causes#nighttime-leg-cramps"
        );
        assert_eq!(
            entry.summary.as_ref().unwrap().value,
            "A cramp is a muscle that suddenly gets tight & hurts."
        );
        assert_eq!(
            entry.categories[0].label.as_deref(),
            Some("Cramp and spasm")
        );
        let json = json(&answer);
        assert_eq!(
            json["feed"]["entry"][0]["title"]["_value"],
            "Night leg cramps"
        );
        assert_eq!(json["feed"]["entry"][0]["category"][0]["term"], "R25.2");
    }
}
