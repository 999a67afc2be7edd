//! `GET /connect`: HL7 Infobutton links by diagnosis code (ICD-10-CM or
//! SNOMED CT), the scheme MedlinePlus Connect uses, so record systems can
//! link to the right section: a redirect for people, an Atom feed or JSON for
//! record systems. Nothing from the query is ever shown back: only codes the
//! site has checked, and its own words.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse};

use super::error::{AppError, Format};
use super::state::Live;
use crate::clinics::infobutton::{self, Answer, AnswerEntry, RequestError, ResponseType};
use crate::site::ErrorKind;
use crate::site::assets::CachePolicy;
use crate::site::symptom::link_in;

/// How errors for this query are written: in the format and language it asked for.
pub fn error_format(query: &str) -> Format {
    match infobutton::response_type_of(query) {
        ResponseType::Json => Format::Json,
        ResponseType::Atom(feed) => Format::Atom(feed),
        ResponseType::Redirect => Format::Html,
    }
}

/// `GET /connect`: the section for a code (or, failing that, a display name).
pub fn connect(req: &HttpRequest, live: &Live) -> Result<HttpResponse, AppError> {
    let site = &live.site;
    let query = req.query_string();
    let lang_index = infobutton::language_of(query)
        .and_then(|code| site.lang_index(&code))
        .unwrap_or(0);
    let fail = |kind| AppError {
        format: error_format(query),
        lang: Some(lang_index),
        ..AppError::page(kind)
    };
    let request = infobutton::parse(query).map_err(|e| {
        fail(match e {
            RequestError::Malformed | RequestError::Code => ErrorKind::CodeMalformed,
            RequestError::CodeSystem => ErrorKind::CodeSystem,
            RequestError::ResponseType => ErrorKind::ResponseType,
        })
    })?;
    let by_code = request
        .code
        .as_ref()
        .and_then(|(system, code)| site.codes.lookup(*system, code));
    let link = match (by_code, &request.display_name) {
        (Some(entry), _) => entry.link.as_str(),
        (None, Some(name)) => site
            .names
            .best(name)
            .ok_or_else(|| fail(ErrorKind::CodeNotFound))?,
        (None, None) => return Err(fail(ErrorKind::CodeNotFound)),
    };
    let (lang, _) = site.lang(lang_index);
    let t = &lang.strings;
    if request.response == ResponseType::Redirect {
        return Ok(HttpResponse::build(StatusCode::FOUND)
            .insert_header((
                header::CACHE_CONTROL,
                CachePolicy::Revalidate.header_value(),
            ))
            .insert_header((header::LOCATION, link_in(&t.lang, link)))
            .finish());
    }
    let base_url = &live.settings.base_url;
    let (path, fragment) = link.split_once('#').unwrap_or((link, ""));
    let page = lang.page(path);
    let summary = page.map_or("", |p| {
        p.body
            .sections
            .iter()
            .find(|s| !fragment.is_empty() && s.id == fragment)
            .map_or(p.front.description.as_str(), |s| s.summary.as_str())
    });
    let updated = page.map_or(site.built, |p| p.last_reviewed);
    let answer = Answer {
        title: t.get("site-name").to_string(),
        id: match &request.code {
            Some((system, code)) => format!(
                "{base_url}/connect?mainSearchCriteria.v.cs={}&mainSearchCriteria.v.c={code}",
                system.oid()
            ),
            None => format!("{base_url}{}", link_in(&t.lang, link)),
        },
        lang: t.lang.code.clone(),
        updated,
        message: None,
        asked: request.code.clone(),
        entries: vec![AnswerEntry {
            title: lang.section_title(link).unwrap_or_default().to_string(),
            href: format!("{base_url}{}", link_in(&t.lang, link)),
            summary: summary.to_string(),
            updated,
            code: by_code.map(|e| (e.system, e.matcher.label(), e.name.clone())),
        }],
    };
    let mut response = HttpResponse::Ok();
    response
        .insert_header((
            header::CACHE_CONTROL,
            CachePolicy::Revalidate.header_value(),
        ))
        .insert_header((header::CONTENT_LANGUAGE, t.lang.code.clone()));
    Ok(match request.response {
        ResponseType::Atom(feed) => response
            .content_type(feed.content_type())
            .body(infobutton::atom(&answer)),
        _ => response.json(infobutton::json(&answer)),
    })
}
