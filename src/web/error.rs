//! One error type for every handler, mapped once to a status and a page (or
//! a JSON body for the API), in the language and layout of the request.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{StatusCode, header};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, ResponseError, web};

use super::state::{AppState, Live};
use crate::clinics::infobutton::{self, Answer, FeedType};
use crate::site::ErrorKind;
use crate::site::Place;
use crate::site::assets::CachePolicy;
use actix_web::web::Bytes;

/// How an error is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A friendly page in the site's layout (the embed layout under `/embed`).
    Html,
    /// `{"error": "..."}`, in words for people (`/connect`'s JSON).
    Json,
    /// `{"error": "..."}`, in words for programs: the JSON API.
    Api,
    /// An Atom feed with no entries and the message as its subtitle (`/connect`).
    Atom(FeedType),
}

/// The body of an error and its content type, in the place's language and layout.
pub fn error_body(live: &Live, error: &AppError, place: &Place) -> (&'static str, Bytes) {
    let site = &live.site;
    let (lang, _) = site.lang(place.lang);
    let t = &lang.strings;
    match error.format {
        Format::Html => (
            "text/html; charset=utf-8",
            site.error_page(error.kind, place),
        ),
        Format::Json => (
            "application/json",
            serde_json::json!({ "error": t.get(&error.kind.message_id()) })
                .to_string()
                .into(),
        ),
        Format::Api => {
            let id = if ErrorKind::API.contains(&error.kind) {
                error.kind.program_message_id()
            } else {
                error.kind.message_id()
            };
            (
                "application/json",
                serde_json::json!({ "error": t.get(&id) })
                    .to_string()
                    .into(),
            )
        }
        Format::Atom(feed) => {
            let answer = Answer {
                title: t.get("site-name").to_string(),
                id: format!("{}/connect", live.settings.base_url),
                lang: t.lang.code.clone(),
                updated: site.built,
                message: Some(format!(
                    "{} {}",
                    t.get(&error.kind.heading_id()),
                    t.get(&error.kind.message_id())
                )),
                asked: None,
                entries: Vec::new(),
            };
            (feed.content_type(), infobutton::atom(&answer).into())
        }
    }
}

/// Whether a path belongs to the JSON API (errors there are JSON).
pub fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
}

/// An error answer: what went wrong and how to write it.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{} ({})", .kind.id(), .kind.status())]
pub struct AppError {
    pub kind: ErrorKind,
    pub format: Format,
    /// `Allow`, for a 405.
    pub allow: Option<String>,
    /// The language to write it in, when the request chose one.
    pub lang: Option<usize>,
}

impl AppError {
    pub fn page(kind: ErrorKind) -> AppError {
        AppError {
            kind,
            format: Format::Html,
            allow: None,
            lang: None,
        }
    }

    pub fn json(kind: ErrorKind) -> AppError {
        AppError {
            format: Format::Json,
            ..AppError::page(kind)
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.kind.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The status and headers; [`render`] writes the body, where the site is at hand.
    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((header::CACHE_CONTROL, CachePolicy::NoStore.header_value()));
        if let Some(allow) = &self.allow {
            response.insert_header((header::ALLOW, allow.clone()));
        }
        // After a body that was refused or never came, the connection's state is unknown.
        if matches!(
            self.kind,
            ErrorKind::TooLarge
                | ErrorKind::Timeout
                | ErrorKind::Unreadable
                | ErrorKind::LengthRequired
        ) {
            response.force_close();
        }
        let mut response = response.finish();
        response.extensions_mut().insert(self.clone());
        response
    }
}

/// Middleware: writes the body of every [`AppError`] response, as a page in
/// the request's language and layout, or as JSON.
pub async fn render(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let path = req.path().to_string();
    let res = next.call(req).await?.map_into_boxed_body();
    let Some(error) = res.response().extensions().get::<AppError>().cloned() else {
        return Ok(res);
    };
    let Some(state) = state else { return Ok(res) };
    let live = state.live();
    let mut place = live.site.place(&path);
    if let Some(lang) = error.lang {
        place.lang = lang;
    }
    let mut error = error;
    if is_api(&path) {
        // Every error under the API is JSON for programs, whatever raised it.
        error.format = Format::Api;
    }
    let (req, mut response) = res.into_parts();
    let (content_type, body) = error_body(&live, &error, &place);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static(content_type),
    );
    let response = response.set_body(body).map_into_boxed_body();
    Ok(ServiceResponse::new(req, response))
}
