//! Serving what the site prepared at start-up, and the 404 and 405 answers.

use actix_web::http::{Method, StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};

use super::AppState;
use crate::site::{Asset, CachePolicy, Encoding};

/// Methods a path answers, or `None` when the path does not exist.
fn allowed_methods(state: &AppState, path: &str) -> Option<&'static str> {
    match path {
        "/check" | "/embed/check" => Some("GET, HEAD, POST"),
        "/connect" => Some("GET, HEAD"),
        "/api/v1/triage" => Some("POST"),
        _ if state.site.get(path).is_some() => Some("GET, HEAD"),
        _ => None,
    }
}

/// Answers every request no other route took: prepared pages and files,
/// a redirect for a trailing slash, 405 for a wrong method, else 404.
pub async fn dispatch(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let path = req.path();
    let method = req.method();
    let is_read = method == Method::GET || method == Method::HEAD;
    let Some(allow) = allowed_methods(&state, path) else {
        let trimmed = path.trim_end_matches('/');
        if is_read && path.len() > 1 && state.site.get(trimmed).is_some() {
            return HttpResponse::PermanentRedirect()
                .insert_header((header::LOCATION, trimmed.to_string()))
                .finish();
        }
        return not_found(&state, path);
    };
    if !allow.split(", ").any(|m| m == method.as_str()) {
        return method_not_allowed(&state, path, allow);
    }
    match state.site.get(path) {
        Some(asset) => serve(&req, asset),
        None => not_found(&state, path),
    }
}

/// Writes a prepared asset in the best encoding the client accepts, or
/// `304` when the client already has that variant.
pub fn serve(req: &HttpRequest, asset: &Asset) -> HttpResponse {
    let accept = req
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok());
    let (encoding, variant) = asset.variant(Encoding::negotiate(accept));
    let fresh = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|tag| tag.trim() == variant.etag || tag.trim() == "*")
        });
    let mut response = if fresh {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((header::ETAG, variant.etag.clone()))
        .insert_header((header::CACHE_CONTROL, asset.cache.header_value()));
    if asset.varies() {
        response.insert_header((header::VARY, "Accept-Encoding"));
    }
    if fresh {
        return response.finish();
    }
    if let Some(coding) = encoding.header_value() {
        response.insert_header((header::CONTENT_ENCODING, coding));
    }
    response
        .content_type(asset.content_type)
        .body(variant.body.clone())
}

/// The friendly 404 page in the site's layout (the embed layout under `/embed/`).
pub fn not_found(state: &AppState, path: &str) -> HttpResponse {
    HttpResponse::NotFound()
        .content_type("text/html; charset=utf-8")
        .insert_header((
            header::CACHE_CONTROL,
            CachePolicy::Revalidate.header_value(),
        ))
        .body(state.site.not_found_for(path))
}

/// `405` with `Allow`, as JSON for the API and as a page otherwise.
pub fn method_not_allowed(state: &AppState, path: &str, allow: &'static str) -> HttpResponse {
    let mut response = HttpResponse::build(StatusCode::METHOD_NOT_ALLOWED);
    response.insert_header((header::ALLOW, allow));
    if path.starts_with("/api/") {
        return response
            .json(serde_json::json!({ "error": format!("this address only accepts {allow}") }));
    }
    let message = if allow.contains("POST") && allow.contains("GET") {
        "This address accepts only reading the page or sending the symptom check form."
    } else {
        "This page can only be read: it does not accept forms or uploads."
    };
    response
        .content_type("text/html; charset=utf-8")
        .body(state.site.error_page("Method not allowed", message, path))
}
