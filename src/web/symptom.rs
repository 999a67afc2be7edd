//! `POST /check` (and `/es/check`, `/embed/check`...): the two steps of the
//! check (spec version 3): step 2, step 1 again, or the result, every answer
//! kept. Answers live for one request: never logged, stored or put in a URL.

use actix_web::http::{StatusCode, header};
use actix_web::web::Payload;
use actix_web::{HttpRequest, HttpResponse};

use super::body;
use super::error::AppError;
use super::routes::Post;
use super::state::Live;
use crate::site::assets::CachePolicy;
use crate::site::symptom::{render_result, render_step};
use crate::site::{ErrorKind, Place};
use crate::triage::{self, Reply, Step, Submission};

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, CachePolicy::NoStore.header_value()))
        .body(body)
}

/// The answers sent and the button pressed (the first `step` whose value
/// names one), from one pass over the body.
fn read_form(body: &[u8]) -> (Submission, Option<Step>) {
    let pairs: Vec<_> = form_urlencoded::parse(body).collect();
    let step = pairs
        .iter()
        .filter(|(name, _)| name == "step")
        .find_map(|(_, value)| Step::from_value(value));
    (Submission::from_pairs(pairs), step)
}

/// Answers one form: the result, or a page of the form (`422` with its errors).
pub async fn submit(
    req: &HttpRequest,
    payload: Payload,
    live: &Live,
    place: &Place,
) -> Result<HttpResponse, AppError> {
    let bytes = body::read(
        req,
        payload,
        &Post::Check.body(),
        live.settings.body_timeout,
    )
    .await?;
    let site = &live.site;
    let (lang, lang_site) = site.lang(place.lang);
    let layout = lang_site.layout(place.embed);
    let t = &lang.strings;
    let (submission, step) = read_form(&bytes);
    let parsed = submission.parse();
    let internal = |_| AppError::page(ErrorKind::Internal);
    let languages = site.languages();
    match triage::reply(&parsed, step) {
        Reply::Result(assessment) => {
            let today = time::OffsetDateTime::now_utc().date();
            let page = render_result(
                t,
                layout,
                lang_site.result_shells(place.embed),
                &lang_site.check,
                &parsed.answers,
                &assessment,
                live.settings.clinic.as_ref(),
                today,
            )
            .map_err(internal)?;
            Ok(html(StatusCode::OK, page))
        }
        Reply::Form {
            page,
            errors,
            notice,
        } => {
            let lines = lang_site.check.error_lines(t, &errors);
            let body = render_step(
                t,
                layout,
                &languages,
                &lang_site.check,
                page,
                &submission,
                &parsed.answers,
                &lines,
                notice.as_ref(),
            )
            .map_err(internal)?;
            let status = if errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            Ok(html(status, body))
        }
    }
}
