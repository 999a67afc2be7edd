//! Reading request bodies with a size limit and a required content type.

use actix_web::http::header;
use actix_web::web::{Bytes, BytesMut, Payload};
use actix_web::{HttpMessage, HttpRequest};
use futures_util::StreamExt;

/// Largest body the symptom check accepts: its answers fit in under 1 KiB.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

/// Why a body was not read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum BodyError {
    #[error("the request must be sent as {expected}")]
    WrongContentType { expected: &'static str },
    #[error("the request is larger than {} KiB", MAX_BODY_BYTES / 1024)]
    TooLarge,
    #[error("the request body could not be read")]
    Unreadable,
}

/// Reads the whole body if the content type is `expected` and it fits the limit.
pub async fn read(
    req: &HttpRequest,
    mut payload: Payload,
    expected: &'static str,
) -> Result<Bytes, BodyError> {
    let mime = req.mime_type().ok().flatten();
    if mime.as_ref().map(|m| m.essence_str()) != Some(expected) {
        return Err(BodyError::WrongContentType { expected });
    }
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Err(BodyError::TooLarge);
    }
    let mut body = BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| BodyError::Unreadable)?;
        if body.len() + chunk.len() > MAX_BODY_BYTES {
            return Err(BodyError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}
