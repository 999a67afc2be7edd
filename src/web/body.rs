//! Reading a request body: the right content type, not compressed, within
//! the size limit and the deadline.

use std::time::Duration;

use actix_web::http::header;
use actix_web::web::{Bytes, BytesMut, Payload};
use actix_web::{HttpMessage, HttpRequest};
use futures_util::StreamExt;

use super::error::{AppError, Format};
use super::limits::MAX_BODY_BYTES;
use super::routes::BodyRule;
use crate::site::ErrorKind;

/// Why a body was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BodyError {
    #[error("the request is not of the expected content type")]
    WrongContentType,
    #[error("the request is larger than {} KiB", MAX_BODY_BYTES / 1024)]
    TooLarge,
    #[error("the request body could not be read")]
    Unreadable,
    #[error("the request body did not arrive in time")]
    Timeout,
    #[error("the request body came without a Content-Length")]
    LengthRequired,
}

/// The error answer for a body refused: as a page or as JSON, with
/// `wrong_type` for a body of another content type.
pub fn refusal(e: BodyError, format: Format, wrong_type: ErrorKind) -> AppError {
    let kind = match e {
        BodyError::WrongContentType => wrong_type,
        BodyError::TooLarge => ErrorKind::TooLarge,
        BodyError::Unreadable => ErrorKind::Unreadable,
        BodyError::Timeout => ErrorKind::Timeout,
        BodyError::LengthRequired => ErrorKind::LengthRequired,
    };
    AppError {
        format,
        ..AppError::page(kind)
    }
}

/// Checks what the head says about the body: content type `expected`, no
/// content coding, a declared length within the limit. A body in a transfer
/// coding (chunked) is never read: the connection hands the app only the
/// bytes a `Content-Length` declares, so one request cannot hide others.
pub fn check_head(req: &impl HttpMessage, expected: &str) -> Result<(), BodyError> {
    let headers = req.headers();
    if headers.contains_key(header::TRANSFER_ENCODING) {
        return Err(BodyError::LengthRequired);
    }
    let coded = headers.get_all(header::CONTENT_ENCODING).any(|v| {
        !v.to_str()
            .is_ok_and(|v| v.trim().eq_ignore_ascii_case("identity"))
    });
    let mime = req.mime_type().ok().flatten();
    if coded || mime.as_ref().map(|m| m.essence_str()) != Some(expected) {
        return Err(BodyError::WrongContentType);
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Err(BodyError::TooLarge);
    }
    Ok(())
}

/// Reads the whole body if its head is right, it fits and it arrives before
/// `deadline`; otherwise the error the route answers with.
pub async fn read(
    req: &HttpRequest,
    payload: Payload,
    rule: &BodyRule,
    deadline: Duration,
) -> Result<Bytes, AppError> {
    read_bytes(req, payload, rule.content_type, deadline)
        .await
        .map_err(|e| refusal(e, rule.format, rule.wrong_type))
}

async fn read_bytes(
    req: &HttpRequest,
    mut payload: Payload,
    expected: &str,
    deadline: Duration,
) -> Result<Bytes, BodyError> {
    check_head(req, expected)?;
    let read = async {
        let mut body = BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk.map_err(|_| BodyError::Unreadable)?;
            if body.len() + chunk.len() > MAX_BODY_BYTES {
                return Err(BodyError::TooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body.freeze())
    };
    tokio::time::timeout(deadline, read)
        .await
        .map_err(|_| BodyError::Timeout)?
}
