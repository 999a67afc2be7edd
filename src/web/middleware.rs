//! Middleware, outermost first: the request id and log line, the security
//! headers, error pages, a last defence against panics, and the URL and
//! header limits.

use std::panic::AssertUnwindSafe;
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, ResponseError, web};
use futures_util::FutureExt;

use super::AppState;
use super::error::AppError;
use super::limits::{MAX_HEADER_BYTES, MAX_URI_BYTES};
use super::log::{Level, sanitise};
use crate::site::ErrorKind;

/// A random request id: 64 bits, so ids say nothing about how many requests came before.
pub fn request_id() -> String {
    format!("{:016x}", rand::random::<u64>())
}

/// Gives the response an `X-Request-Id` and logs one line for the request.
pub async fn log_request(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let id = request_id();
    let state = req.app_data::<web::Data<AppState>>().cloned();
    // The connection's head deadline ends here; the body's is the app's own.
    let watch = super::server::watch_of(&req);
    if let Some(w) = &watch {
        w.request_started();
    }
    let method = req.method().to_string();
    let path = sanitise(req.path());
    let mut response = next.call(req).await;
    let status = match &mut response {
        Ok(r) => {
            if r.response().head().connection_type() == actix_web::http::ConnectionType::Close
                && let Some(w) = &watch
            {
                w.close_after_response();
            }
            if let Ok(value) = HeaderValue::from_str(&id) {
                r.headers_mut()
                    .insert(HeaderName::from_static("x-request-id"), value);
            }
            r.status().as_u16()
        }
        Err(e) => e.as_response_error().status_code().as_u16(),
    };
    if let Some(w) = &watch {
        // With no settings at hand, zero: the connection resets its timer at once.
        let keep_alive = state
            .as_ref()
            .map_or(Duration::ZERO, |s| s.live().settings.keep_alive);
        w.request_done(keep_alive);
    }
    if let Some(state) = state {
        state.log.request(
            &id,
            &method,
            &path,
            status,
            started.elapsed().as_secs_f64() * 1000.0,
        );
    }
    response
}

/// Adds the security headers to every response the app makes, errors included.
pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let live = req.app_data::<web::Data<AppState>>().map(|s| s.live());
    let embed = live
        .as_ref()
        .is_some_and(|l| l.site.place(req.path()).embed);
    let mut response = next.call(req).await?;
    if let Some(live) = live {
        live.security(embed).apply(response.headers_mut());
    }
    Ok(response)
}

/// A panic in a handler still answers: a 500 page, with the usual headers and a log line.
pub async fn catch_panics(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    // Keep no clone of the request: actix's router needs it unshared, and a
    // clone held here would make every routed request panic.
    let path = req.path().to_string();
    let state = req.app_data::<web::Data<AppState>>().cloned();
    // The call goes inside the future, so a panic while starting the handler is caught too.
    match AssertUnwindSafe(async move { next.call(req).await })
        .catch_unwind()
        .await
    {
        Ok(result) => result.map(ServiceResponse::map_into_boxed_body),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            if let Some(state) = state {
                state.log.event(
                    Level::Warn,
                    "handler panicked",
                    &[
                        ("path", sanitise(&path).into()),
                        ("panic", sanitise(&what).into()),
                    ],
                );
            }
            let response = AppError::page(ErrorKind::Internal).error_response();
            // The request went down with the handler; the outer middleware
            // (error page, headers, log) keeps its own copy of the path and needs only some request.
            let stand_in = actix_web::test::TestRequest::default().to_http_request();
            Ok(ServiceResponse::new(
                stand_in,
                response.map_into_boxed_body(),
            ))
        }
    }
}

/// Refuses over-long URLs (`414`) and oversized headers (`431`) before any handler sees them.
pub async fn limit_request_head(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let uri_length = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    let header_bytes: usize = req
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    let refusal = if uri_length > MAX_URI_BYTES {
        Some(ErrorKind::UriTooLong)
    } else if header_bytes > MAX_HEADER_BYTES {
        Some(ErrorKind::HeadersTooLarge)
    } else {
        None
    };
    match refusal {
        None => next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body),
        Some(kind) => {
            let response = AppError::page(kind).error_response();
            Ok(req.into_response(response.map_into_boxed_body()))
        }
    }
}
