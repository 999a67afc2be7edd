//! `POST /check` (and `/es/check`, `/embed/check`...): the result, or the form
//! again with every answer kept. Answers live for one request: never logged,
//! stored or put in a URL.

use actix_web::http::{StatusCode, header};
use actix_web::web::Payload;
use actix_web::{HttpRequest, HttpResponse};

use super::Live;
use super::body;
use super::error::AppError;
use super::routes::Post;
use crate::site::assets::CachePolicy;
use crate::site::check::{render_form, render_result};
use crate::site::{ErrorKind, Place};
use crate::triage::{self, FieldErrors, Submission};

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, CachePolicy::NoStore.header_value()))
        .body(body)
}

/// Answers one form: the result page, or `422` with the form and its errors.
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
    let submission = Submission::from_form(&bytes);
    let internal = |_| AppError::page(ErrorKind::Internal);
    match submission.parse() {
        Ok(answers) => {
            let assessment = triage::assess(&answers);
            let page = render_result(
                t,
                layout,
                &site.languages(),
                &lang_site.check,
                &answers,
                &assessment,
                live.settings.clinic.as_ref(),
            )
            .map_err(internal)?;
            Ok(html(StatusCode::OK, page))
        }
        Err(FieldErrors(errors)) => {
            let check_page = lang
                .page("/check")
                .ok_or(AppError::page(ErrorKind::Internal))?;
            let lines = lang_site.check.error_lines(t, &errors);
            let form =
                render_form(t, layout, &lang_site.check, &submission, &lines).map_err(internal)?;
            let today = time::OffsetDateTime::now_utc().date();
            let page = crate::site::render_page(
                lang,
                layout,
                &site.languages(),
                check_page,
                &form,
                t.get("form-error-title-prefix"),
                today,
            )
            .map_err(internal)?;
            Ok(html(StatusCode::UNPROCESSABLE_ENTITY, page))
        }
    }
}
