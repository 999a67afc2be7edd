//! HL7 Infobutton requests (the URL-based implementation guide, as MedlinePlus
//! Connect uses it): the query string read into a typed request, every value
//! checked before use. Pure: no I/O, fuzzed (`fuzz/fuzz_targets/connect.rs`).

use serde::Deserialize;

/// A code system the site reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CodeSystem {
    Icd10Cm,
    SnomedCt,
}

impl CodeSystem {
    pub const ALL: &'static [CodeSystem] = &[CodeSystem::Icd10Cm, CodeSystem::SnomedCt];

    /// The HL7 OID that names it in `mainSearchCriteria.v.cs`.
    pub fn oid(self) -> &'static str {
        match self {
            CodeSystem::Icd10Cm => "2.16.840.1.113883.6.90",
            CodeSystem::SnomedCt => "2.16.840.1.113883.6.96",
        }
    }

    /// Its usual name.
    pub fn name(self) -> &'static str {
        match self {
            CodeSystem::Icd10Cm => "ICD-10-CM",
            CodeSystem::SnomedCt => "SNOMED CT",
        }
    }

    /// The system with this OID.
    pub fn from_oid(oid: &str) -> Option<CodeSystem> {
        Self::ALL.iter().copied().find(|s| s.oid() == oid)
    }

    /// `code` written the one way this system writes it, or `None` if it does
    /// not have the shape of one of its codes.
    pub fn normalise(self, code: &str) -> Option<String> {
        match self {
            CodeSystem::Icd10Cm => icd10cm(code),
            CodeSystem::SnomedCt => snomed(code),
        }
    }
}

/// An ICD-10-CM code: a letter, a digit, a digit or letter, then up to four
/// more after an optional dot. "r252" and " R25.2" are both "R25.2".
fn icd10cm(code: &str) -> Option<String> {
    let c: String = code
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if !c.is_ascii() || c.len() < 3 || c.len() > 8 {
        return None;
    }
    // `get` never panics, whatever the input (no byte-index slicing of request text).
    let (Some(category), Some(rest)) = (c.get(..3), c.get(3..)) else {
        return None;
    };
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let mut chars = category.chars();
    let shaped = chars.next().is_some_and(|ch| ch.is_ascii_uppercase())
        && chars.next().is_some_and(|ch| ch.is_ascii_digit())
        && chars.next().is_some_and(|ch| ch.is_ascii_alphanumeric())
        && rest.len() <= 4
        && rest.chars().all(|ch| ch.is_ascii_alphanumeric());
    shaped.then(|| {
        if rest.is_empty() {
            category.to_string()
        } else {
            format!("{category}.{rest}")
        }
    })
}

/// A SNOMED CT concept id: 6 to 18 digits, no leading zero, a concept's
/// partition (`00` or `10` before the check digit) and a valid Verhoeff check digit.
fn snomed(code: &str) -> Option<String> {
    let c = code.trim();
    let shaped =
        (6..=18).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit()) && !c.starts_with('0');
    if !shaped {
        return None;
    }
    let partition = c.get(c.len() - 3..c.len() - 1);
    (matches!(partition, Some("00" | "10")) && verhoeff_valid(c)).then(|| c.to_string())
}

/// The Verhoeff check (the last digit checks the others), as SNOMED CT uses it.
pub fn verhoeff_valid(digits: &str) -> bool {
    const D: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    let mut c = 0u8;
    for (i, b) in digits.bytes().rev().enumerate() {
        if !b.is_ascii_digit() {
            return false;
        }
        c = D[usize::from(c)][usize::from(P[i % 8][usize::from(b - b'0')])];
    }
    c == 0
}

/// How to answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseType {
    /// No type asked for: send the person to the page (a redirect).
    Redirect,
    /// `text/xml` or `application/atom+xml`: an Atom feed.
    Atom,
    /// `application/json`: the feed as JSON.
    Json,
}

/// What a request asks, every value checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InfoRequest {
    pub system: CodeSystem,
    /// The code, as its system writes it; `None` when only a display name was given.
    pub code: Option<String>,
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
        "text/xml" | "application/atom+xml" | "application/xml" => Ok(ResponseType::Atom),
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

/// Reads an Infobutton query string.
pub fn parse(query: &str) -> Result<InfoRequest, RequestError> {
    let q: Query = serde_html_form::from_str(query).map_err(|_| RequestError::Malformed)?;
    let response = response_type(q.response_type.as_deref())?;
    let system = q
        .code_system
        .as_deref()
        .map(str::trim)
        .and_then(CodeSystem::from_oid)
        .ok_or(RequestError::CodeSystem)?;
    let code = match q.code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(raw) => Some(system.normalise(raw).ok_or(RequestError::Code)?),
        None => None,
    };
    let display_name = q
        .display_name
        .map(|d| d.trim().chars().take(MAX_DISPLAY_NAME).collect::<String>())
        .filter(|d| !d.is_empty());
    if code.is_none() && display_name.is_none() {
        return Err(RequestError::Code);
    }
    let language = q.language.and_then(|l| {
        let primary = l
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        (!primary.is_empty()
            && primary.len() <= 8
            && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then_some(primary)
    });
    Ok(InfoRequest {
        system,
        code,
        display_name,
        response,
        language,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icd10cm_codes_are_normalised_or_refused() {
        let n = |c| CodeSystem::Icd10Cm.normalise(c);
        assert_eq!(n(" r252 ").as_deref(), Some("R25.2"));
        assert_eq!(n("I82.401").as_deref(), Some("I82.401"));
        assert_eq!(n("I83").as_deref(), Some("I83"));
        assert_eq!(n("m79604").as_deref(), Some("M79.604"));
        for bad in [
            "",
            "R2",
            "1234",
            "R25.2.3",
            "R25.12345",
            "é25",
            "R2ö.1",
            "R25-2",
            "RR5.2",
            "ÄÖÜ1234",
            "€€€€",
            "R\u{0}5",
        ] {
            assert_eq!(n(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn snomed_ids_need_digits_a_concept_partition_and_the_verhoeff_digit() {
        let n = |c| CodeSystem::SnomedCt.normalise(c);
        // Real concept ids: Restless legs, Deep venous thrombosis, Sciatica.
        for good in ["32914008", "128053003", "23056005"] {
            assert_eq!(n(good).as_deref(), Some(good), "{good}");
        }
        assert_eq!(n("32914009"), None, "wrong check digit");
        assert_eq!(n("032914008"), None, "leading zero");
        assert_eq!(n("12345"), None, "too short");
        assert_eq!(n("3291400A"), None);
        assert!(verhoeff_valid("2363") && !verhoeff_valid("2364"));
    }

    #[test]
    fn a_query_is_read_into_checked_values() {
        let r = parse("mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=r252&knowledgeResponseType=text/xml&informationRecipient.languageCode.c=es-US").unwrap();
        assert_eq!(r.system, CodeSystem::Icd10Cm);
        assert_eq!(r.code.as_deref(), Some("R25.2"));
        assert_eq!(r.response, ResponseType::Atom);
        assert_eq!(r.language.as_deref(), Some("es"));
        let r = parse("mainSearchCriteria.v.cs=2.16.840.1.113883.6.96&mainSearchCriteria.v.dn=Restless%20legs").unwrap();
        assert_eq!(
            (r.code, r.display_name.as_deref(), r.response),
            (None, Some("Restless legs"), ResponseType::Redirect)
        );
    }

    #[test]
    fn bad_queries_are_refused_by_kind() {
        let icd = "mainSearchCriteria.v.cs=2.16.840.1.113883.6.90";
        assert_eq!(parse(""), Err(RequestError::CodeSystem));
        assert_eq!(
            parse("mainSearchCriteria.v.cs=1.2.3&mainSearchCriteria.v.c=R25.2"),
            Err(RequestError::CodeSystem)
        );
        assert_eq!(parse(icd), Err(RequestError::Code));
        assert_eq!(
            parse(&format!("{icd}&mainSearchCriteria.v.c=%C3%84%C3%96%C3%9C1")),
            Err(RequestError::Code)
        );
        assert_eq!(
            parse(&format!(
                "{icd}&mainSearchCriteria.v.c=R25.2&mainSearchCriteria.v.c=R25.3"
            )),
            Err(RequestError::Malformed)
        );
        assert_eq!(
            parse(&format!(
                "{icd}&mainSearchCriteria.v.c=R25.2&knowledgeResponseType=image/png"
            )),
            Err(RequestError::ResponseType)
        );
        assert_eq!(
            response_type_of("knowledgeResponseType=application/json&x=%zz"),
            ResponseType::Json
        );
    }
}
