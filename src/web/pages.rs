//! The one entry point for every request: look the path up in the route
//! table, check the method, then serve a prepared file or call a handler.

use actix_web::body::BoxBody;
use actix_web::http::{Method, StatusCode, header};
use actix_web::web::{Data, Payload};
use actix_web::{HttpRequest, HttpResponse};

use super::error::{AppError, Format, is_api};
use super::headers;
use super::routes::{self, Get, Post};
use super::state::AppState;
use crate::site::ErrorKind;
use crate::site::assets::Asset;

/// Answers every request.
pub async fn dispatch(
    req: HttpRequest,
    payload: Payload,
    state: Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let live = state.live();
    let site = &live.site;
    let path = req.path();
    let place = site.place(path);
    let is_read = matches!(*req.method(), Method::GET | Method::HEAD);
    let Some(resource) = routes::resolve(site, path, &place) else {
        let trimmed = path.trim_end_matches('/');
        if is_read && path.len() > 1 && trimmed.len() < path.len() && site.get(trimmed).is_some() {
            return Ok(HttpResponse::PermanentRedirect()
                .insert_header((header::LOCATION, trimmed.to_string()))
                .finish());
        }
        return Err(AppError::page(ErrorKind::NotFound));
    };
    if !resource.allows(req.method()) {
        let format = if is_api(path) {
            Format::Json
        } else {
            Format::Html
        };
        return Err(AppError {
            allow: Some(resource.allow()),
            format,
            ..AppError::page(resource.wrong_method())
        });
    }
    if req.headers().contains_key(header::IF_MATCH) {
        // RFC 9110 §13.1.1: the method is performed only if a tag matches the
        // current representation (`*`: if there is one at all).
        let current = match &resource.get {
            Some(Get::Asset(asset)) => {
                let coding = headers::negotiate(&req, asset);
                Some(asset.variant(coding).unwrap_or(&asset.identity).tag.clone())
            }
            _ => None,
        };
        if !headers::if_match(&req, current.as_deref()) {
            let format = if path == "/connect" {
                super::connect::error_format(req.query_string())
            } else {
                Format::Html
            };
            return Err(AppError {
                format,
                ..AppError::page(ErrorKind::PreconditionFailed)
            });
        }
    }
    match (is_read, resource.get, resource.post) {
        (true, Some(Get::Asset(asset)), _) => Ok(serve(&req, asset)),
        (true, Some(Get::Connect), _) => super::connect::connect(&req, &live),
        (true, Some(Get::Search), _) => super::search::page(&req, &live, &place),
        (true, Some(Get::SearchApi), _) => super::search::api(&req, &live),
        (false, _, Some(Post::Check)) => super::symptom::submit(&req, payload, &live, &place).await,
        (false, _, Some(Post::Triage)) => super::api::triage(&req, payload, &live).await,
        _ => Err(AppError::page(ErrorKind::NotFound)),
    }
}

/// Writes a prepared asset in the best coding the client accepts, or `304`
/// when the client already has that variant. The header lines were built
/// with the variant at start-up: nothing is formatted here.
pub fn serve(req: &HttpRequest, asset: &Asset) -> HttpResponse {
    let coding = headers::negotiate(req, asset);
    let variant = asset.variant(coding).unwrap_or(&asset.identity);
    let fresh = headers::fresh(req, &variant.tag);
    let mut response = if fresh {
        HttpResponse::new(StatusCode::NOT_MODIFIED)
    } else {
        HttpResponse::with_body(StatusCode::OK, BoxBody::new(variant.body.clone()))
    };
    let head = response.headers_mut();
    for (name, value) in variant.headers(fresh) {
        head.insert(name.clone(), value.clone());
    }
    response
}
