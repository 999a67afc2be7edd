//! `GET /connect`: HL7 Infobutton links by diagnosis code, the scheme
//! MedlinePlus Connect uses, so record systems can link to the right section.
//! Nothing from the query is ever shown back: only codes the site knows.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use super::AppState;
use super::error::{AppError, Format};
use crate::clinics::codes::{ICD10_CM, lookup, normalise};
use crate::site::assets::CachePolicy;
use crate::site::check::link_in;
use crate::site::{ErrorKind, Site};

/// The query, as the HL7 URL-based implementation guide names its parameters.
#[derive(Debug, Default, Deserialize)]
struct Query {
    #[serde(rename = "mainSearchCriteria.v.cs")]
    code_system: Option<String>,
    #[serde(rename = "mainSearchCriteria.v.c")]
    code: Option<String>,
    #[serde(rename = "knowledgeResponseType")]
    response_type: Option<String>,
}

/// `GET /connect`: a redirect to the best section, JSON topics, or a helpful
/// page when the code or code system is not one the site knows.
pub fn connect(req: &HttpRequest, state: &AppState, site: &Site) -> Result<HttpResponse, AppError> {
    // A repeated or undecodable parameter is a malformed request.
    let query: Query = serde_html_form::from_str(req.query_string())
        .map_err(|_| AppError::page(ErrorKind::CodeMalformed))?;
    let format = match query.response_type.as_deref().map(str::trim) {
        None | Some("") | Some("text/html") => Format::Html,
        Some(t) if t.eq_ignore_ascii_case("application/json") => Format::Json,
        Some(_) => return Err(AppError::page(ErrorKind::ResponseType)),
    };
    let fail = |kind| AppError {
        format,
        ..AppError::page(kind)
    };
    if query.code_system.as_deref().map(str::trim) != Some(ICD10_CM) {
        return Err(fail(ErrorKind::CodeSystem));
    }
    let code = query
        .code
        .as_deref()
        .and_then(normalise)
        .ok_or_else(|| fail(ErrorKind::CodeMalformed))?;
    let matches = lookup(&site.codes, &code);
    let Some(best) = matches.first() else {
        return Err(fail(ErrorKind::CodeNotFound));
    };
    let (lang, _) = site.lang(0);
    let base_url = &state.settings.base_url;
    if format == Format::Json {
        let entries: Vec<_> = matches
            .iter()
            .map(|e| {
                json!({
                    "title": { "_value": lang.section_title(&e.link) },
                    "link": [{ "href": format!("{base_url}{}", link_in(&lang.strings.lang, &e.link)) }],
                    "summary": { "_value": summary(site, &e.link) },
                    "code": e.prefix,
                    "code_name": e.name,
                })
            })
            .collect();
        return Ok(HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, CachePolicy::Revalidate.header_value()))
            .json(json!({ "feed": { "title": { "_value": lang.strings.get("site-name") }, "entry": entries } })));
    }
    Ok(HttpResponse::build(StatusCode::FOUND)
        .insert_header((
            header::CACHE_CONTROL,
            CachePolicy::Revalidate.header_value(),
        ))
        .insert_header((header::LOCATION, link_in(&lang.strings.lang, &best.link)))
        .finish())
}

/// The first paragraph of the section a link points to.
fn summary<'a>(site: &'a Site, link: &str) -> &'a str {
    let (lang, _) = site.lang(0);
    let (path, fragment) = link.split_once('#').unwrap_or((link, ""));
    let Some(page) = lang.page(path) else {
        return "";
    };
    if fragment.is_empty() {
        return &page.front.description;
    }
    page.body
        .sections
        .iter()
        .find(|s| s.id == fragment)
        .map_or(page.front.description.as_str(), |s| s.summary.as_str())
}
