//! Middleware: the request log, the URL limit and the headers every response carries.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse, web};

use super::AppState;
use super::limits::{MAX_HEADER_BYTES, MAX_URI_BYTES};
use crate::clinics::is_embed_path;
use crate::config::LogFormat;

/// Every page: only our own stylesheet and images, forms post only to us,
/// and nobody may frame us.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The policy for embeddable copies (`/embed/...`): the same, except that the
/// origins in the embed setting (or any, by default) may frame them.
pub fn embed_content_security_policy(embed_origins: &[String]) -> String {
    let ancestors = if embed_origins.is_empty() {
        "*".to_string()
    } else {
        embed_origins.join(" ")
    };
    format!(
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors {ancestors}"
    )
}

/// Features the site never uses, turned off for it and anything it embeds.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

static NEXT_REQUEST_ID: AtomicU64 = AtomicU64::new(1);

/// Logs one line per request: id, method, path, status and time. Never the
/// query string or body, so symptom-check answers are never written down.
pub async fn log_request(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let id = NEXT_REQUEST_ID.fetch_add(1, Ordering::Relaxed);
    let format = req
        .app_data::<web::Data<AppState>>()
        .map(|s| s.settings.log_format)
        .unwrap_or(LogFormat::Text);
    let method = req.method().clone();
    // Paths are attacker-controlled: cap and escape them before logging.
    let path: String = req
        .path()
        .chars()
        .take(200)
        .flat_map(char::escape_default)
        .collect();
    let mut response = next.call(req).await;
    let status = match &mut response {
        Ok(r) => {
            r.headers_mut().insert(
                HeaderName::from_static("x-request-id"),
                HeaderValue::from(id),
            );
            r.status().as_u16()
        }
        Err(e) => e.as_response_error().status_code().as_u16(),
    };
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let line = match format {
        LogFormat::Off => return response,
        LogFormat::Text => format!("req={id} {method} {path} {status} {ms:.2}ms"),
        LogFormat::Json => serde_json::json!({ "id": id, "method": method.as_str(), "path": path, "status": status, "ms": (ms * 100.0).round() / 100.0 }).to_string(),
    };
    let _ = writeln!(std::io::stdout().lock(), "{line}");
    response
}

/// Refuses over-long URLs (`414`) and oversized headers (`431`) before any
/// handler sees them.
pub async fn limit_request_head(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    let uri_length = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    let header_bytes: usize = req
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    let refusal = if uri_length > MAX_URI_BYTES {
        Some((
            StatusCode::URI_TOO_LONG,
            "Address too long",
            "That web address is too long for us to read. Please check it and try again.",
        ))
    } else if header_bytes > MAX_HEADER_BYTES {
        Some((
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "Request too large",
            "Your browser sent more information than we accept. Please try again.",
        ))
    } else {
        None
    };
    let Some((status, heading, message)) = refusal else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    };
    let body = match req.app_data::<web::Data<AppState>>() {
        Some(state) => state.site.error_page(heading, message, "/"),
        None => heading.to_string(),
    };
    let response = HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body);
    Ok(req.into_response(response).map_into_right_body())
}

/// Adds the security headers to every response the app makes, errors included.
pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let https = state
        .as_ref()
        .is_some_and(|s| s.settings.base_url.starts_with("https://"));
    let embed_csp = state
        .as_ref()
        .filter(|_| is_embed_path(req.path()))
        .map(|s| s.embed_csp.clone());
    let mut response = next.call(req).await?;
    let headers = response.headers_mut();
    match embed_csp {
        Some(csp) => {
            headers.insert(header::CONTENT_SECURITY_POLICY, csp);
        }
        None => {
            set(
                headers,
                header::CONTENT_SECURITY_POLICY,
                CONTENT_SECURITY_POLICY,
            );
            // For browsers that predate frame-ancestors.
            set(headers, header::X_FRAME_OPTIONS, "DENY");
        }
    }
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::REFERRER_POLICY, "no-referrer");
    set(
        headers,
        HeaderName::from_static("permissions-policy"),
        PERMISSIONS_POLICY,
    );
    set(
        headers,
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    if https {
        set(
            headers,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000",
        );
    }
    // The site never sets a cookie; make sure nothing slips one in.
    headers.remove(header::SET_COOKIE);
    Ok(response)
}

fn set(headers: &mut HeaderMap, name: HeaderName, value: &'static str) {
    if !headers.contains_key(&name) {
        headers.insert(name, HeaderValue::from_static(value));
    }
}
