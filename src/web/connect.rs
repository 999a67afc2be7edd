//! `GET /connect`: HL7 Infobutton links by diagnosis code, the scheme
//! MedlinePlus Connect uses, so record systems can link to the right section.
//! Nothing from the query is ever shown back: only codes the site knows.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse};
use serde_json::json;

use super::Live;
use super::error::{AppError, Format};
use crate::clinics::codes::lookup;
use crate::clinics::infobutton::{self, CodeSystem, RequestError, ResponseType};
use crate::site::ErrorKind;
use crate::site::assets::CachePolicy;
use crate::site::check::link_in;

/// `GET /connect`: a redirect to the best section, JSON topics, or a helpful
/// page when the code or code system is not one the site knows.
pub fn connect(req: &HttpRequest, live: &Live) -> Result<HttpResponse, AppError> {
    let site = &live.site;
    let query = req.query_string();
    let format = match infobutton::response_type_of(query) {
        ResponseType::Json => Format::Json,
        _ => Format::Html,
    };
    let fail = |kind| AppError {
        format,
        ..AppError::page(kind)
    };
    let request = infobutton::parse(query).map_err(|e| {
        fail(match e {
            RequestError::Malformed | RequestError::Code => ErrorKind::CodeMalformed,
            RequestError::CodeSystem => ErrorKind::CodeSystem,
            RequestError::ResponseType => ErrorKind::ResponseType,
        })
    })?;
    let matches = match (&request.code, request.system) {
        (Some(code), CodeSystem::Icd10Cm) => lookup(&site.codes, code),
        _ => Vec::new(),
    };
    let Some(best) = matches.first() else {
        return Err(fail(ErrorKind::CodeNotFound));
    };
    let (lang, _) = site.lang(0);
    let base_url = &live.settings.base_url;
    if request.response == ResponseType::Json {
        let entries: Vec<_> = matches
            .iter()
            .map(|e| {
                json!({
                    "title": { "_value": lang.section_title(&e.link) },
                    "link": [{ "href": format!("{base_url}{}", link_in(&lang.strings.lang, &e.link)) }],
                    "summary": { "_value": summary(live, &e.link) },
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
fn summary<'a>(live: &'a Live, link: &str) -> &'a str {
    let (lang, _) = live.site.lang(0);
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
