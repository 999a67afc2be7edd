//! Whole HTTP/1.1 error answers as bytes, for the connection layer to write
//! when no request reached the app, and the headers every error carries.

use actix_http::StatusCode;
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::web::Bytes;

use super::headers::Security;
use crate::site::assets::CachePolicy;
use crate::site::{ErrorKind, Site};

/// The headers of an error the app cannot reach to write: the usual ones.
pub fn error_headers(security: Security<'_>, length: usize) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CachePolicy::NoStore.header_value()),
    );
    headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
    security.apply(&mut headers);
    headers
}

/// A whole HTTP/1.1 error answer as bytes, for the connection layer to write
/// when no request reached the app (a head that came too slowly).
pub fn raw_error_response(site: &Site, security: Security<'_>, kind: ErrorKind) -> Bytes {
    let place = site.place("/");
    let body = site.error_page(kind, &place);
    let status = StatusCode::from_u16(kind.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut out = format!(
        "HTTP/1.1 {} {}\r\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or("")
    )
    .into_bytes();
    for (name, value) in &error_headers(security, body.len()) {
        out.extend_from_slice(name.as_str().as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(&body);
    Bytes::from(out)
}
