//! `GET /search?q=` (and `/es/search`): the search page; `GET
//! /api/v1/search?q=&lang=`: the same results as JSON, for clinic sites.
//! The query lives for one request: it is never logged (the log has the path
//! only), never stored, and shown back only in the search box.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse};
use fluent_bundle::FluentValue;
use serde_json::{Value, json};

use super::error::AppError;
use super::state::Live;
use crate::ids;
use crate::search::Query;
use crate::site::assets::CachePolicy;
use crate::site::search::{render_search, search_url};
use crate::site::{ErrorKind, Place};
use crate::triage::{self, Urgency};

/// Results hold what was typed: kept by no cache, shared or private.
fn no_store(status: StatusCode) -> actix_web::HttpResponseBuilder {
    let mut response = HttpResponse::build(status);
    response.insert_header((header::CACHE_CONTROL, CachePolicy::NoStore.header_value()));
    response
}

/// `GET /search?q=`: the page, with results when something was typed.
pub fn page(req: &HttpRequest, live: &Live, place: &Place) -> Result<HttpResponse, AppError> {
    let site = &live.site;
    let query = Query::from_query_string(req.query_string());
    let answer = site.search.search(place.lang, &query);
    let (lang, lang_site) = site.lang(place.lang);
    let html = render_search(
        &lang.strings,
        lang_site.layout(false),
        &lang_site.search_page,
        &query,
        &answer,
    )
    .map_err(|_| AppError::page(ErrorKind::Internal))?;
    Ok(no_store(StatusCode::OK)
        .content_type("text/html; charset=utf-8")
        .body(html))
}

/// `GET /api/v1/search?q=&lang=`: `results` (each `url`, `title`, `page`,
/// `snippet`), the `emergency` signs when the query names one, and a
/// `suggestion`. Links are full addresses, for other sites.
pub fn api(req: &HttpRequest, live: &Live) -> Result<HttpResponse, AppError> {
    let site = &live.site;
    let lang_code = form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.into_owned());
    let index = match lang_code.as_deref() {
        None | Some("") => 0,
        Some(code) => match site.lang_index(code) {
            Some(i) => i,
            None => {
                let t = &site.lang(0).0.strings;
                let message = t.format(
                    "search-api-unknown-lang",
                    &[("values", FluentValue::from(super::api::lang_choices(site)))],
                );
                return Ok(no_store(StatusCode::BAD_REQUEST).json(json!({ "error": message })));
            }
        },
    };
    let query = Query::from_query_string(req.query_string());
    let answer = site.search.search(index, &query);
    let (lang, _) = site.lang(index);
    let t = &lang.strings;
    let base = &live.settings.base_url;
    let results: Vec<Value> = answer
        .hits
        .iter()
        .map(|hit| {
            json!({
                "url": format!("{base}{}", hit.url),
                "title": hit.title,
                "page": hit.page_title,
                "snippet": hit.snippet,
            })
        })
        .collect();
    let emergency = answer.emergency.then(|| {
        let number = &live.settings.emergency_number;
        json!({
            "urgency": Urgency::Emergency.as_str(),
            "heading": t.get("signs-emergency-heading"),
            "signs": triage::signs(Urgency::Emergency)
                .map(|rule| t.get(&ids::rule_sign(rule.code)))
                .collect::<Vec<_>>(),
            "call": t.get("search-emergency-call"),
            "tel": format!("tel:{number}"),
            "url": format!("{base}{}#emergency", t.lang.url("/when-to-seek-help")),
        })
    });
    let suggestion = answer
        .suggestion
        .map(|text| json!({ "text": text, "url": format!("{base}{}", search_url(&t.lang, text)) }));
    Ok(no_store(StatusCode::OK).json(json!({
        "lang": t.lang.code,
        "emergency": emergency,
        "suggestion": suggestion,
        "results": results,
    })))
}
