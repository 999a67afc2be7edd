//! Middleware, outermost first: the request id and log line, the security
//! headers, error pages, a last defence against panics, and the URL and
//! header limits.

use std::net::IpAddr;
use std::panic::AssertUnwindSafe;
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, ResponseError, web};
use futures_util::FutureExt;

use super::error::{AppError, Format};
use super::limits::{MAX_HEADER_BYTES, MAX_URI_BYTES};
use super::log::{Level, RequestId, sanitise};
use super::state::{AppState, Live};
use crate::site::ErrorKind;

/// Gives the response an `X-Request-Id` and logs one line for the request.
pub async fn log_request(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let id = RequestId::new();
    let state = req.app_data::<web::Data<AppState>>().cloned();
    // The connection's head deadline ends here; the body's is the app's own.
    let watch = super::conn::watch_of(&req);
    if let Some(w) = &watch {
        w.request_started();
    }
    // Kept for the log line (cheap copies, not text): formatted only if logged.
    let method = req.method().clone();
    let uri = req.uri().clone();
    let mut response = next.call(req).await;
    let status = match &mut response {
        Ok(r) => {
            if r.response().head().connection_type() == actix_web::http::ConnectionType::Close
                && let Some(w) = &watch
            {
                w.close_after_response();
            }
            r.headers_mut()
                .insert(HeaderName::from_static("x-request-id"), id.header_value());
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
        state.log.request(id, &method, uri.path(), status, started);
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
    // Only `100-continue` is an expectation the server meets (actix answers
    // it before the app sees the request); any other is refused (RFC 9110 §10.1.1).
    let unmet_expectation = req
        .headers()
        .get_all(actix_web::http::header::EXPECT)
        .flat_map(|v| v.to_str().unwrap_or("?").split(','))
        .any(|e| !e.trim().eq_ignore_ascii_case("100-continue"));
    // An upgrade (h2c, websocket) is ignored: the app speaks HTTP/1.1 only
    // and answers as usual, then closes, since the parser has taken the
    // rest of the connection for the upgraded protocol.
    let upgrade = req.head().upgrade();
    let refusal = if uri_length > MAX_URI_BYTES {
        Some(ErrorKind::UriTooLong)
    } else if header_bytes > MAX_HEADER_BYTES {
        Some(ErrorKind::HeadersTooLarge)
    } else if unmet_expectation {
        Some(ErrorKind::ExpectationFailed)
    } else {
        None
    };
    match refusal {
        None => next.call(req).await.map(|mut res| {
            if upgrade {
                res.response_mut()
                    .head_mut()
                    .set_connection_type(actix_web::http::ConnectionType::Close);
                res.headers_mut().remove(actix_web::http::header::UPGRADE);
            }
            res.map_into_boxed_body()
        }),
        Some(kind) => {
            let response = AppError::page(kind).error_response();
            Ok(req.into_response(response.map_into_boxed_body()))
        }
    }
}

/// Whether a request counts against its client's limit: the symptom
/// check's answers (`POST` to `/check` in any language, on the site or in
/// an embed), the API, `/connect` and search (by path prefix, so pages added
/// under them are covered too).
fn is_limited(req: &ServiceRequest, live: &Live) -> bool {
    let path = req.path();
    let place = live.place(path);
    let under = |prefix: &str| {
        place.path == prefix
            || place
                .path
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with('/'))
    };
    path.starts_with("/api/")
        || under("/connect")
        || under("/search")
        || (req.method() == actix_web::http::Method::POST && place.path == "/check")
}

/// The client a limit applies to: the peer, or, when the peer is a trusted
/// proxy, the last address in `X-Forwarded-For` that is not one (the one
/// the proxy itself saw). `None` for a loopback client (local tests,
/// benchmarks, health checks) and for requests with no peer.
fn client_of(req: &ServiceRequest, trusted: &[IpAddr]) -> Option<IpAddr> {
    let canonical = |ip: IpAddr| match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    };
    let peer = canonical(req.peer_addr()?.ip());
    let mut client = peer;
    if trusted.contains(&peer) {
        let forwarded = req
            .headers()
            .get_all(HeaderName::from_static("x-forwarded-for"))
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|a| a.trim().parse::<IpAddr>().ok().map(canonical))
            .collect::<Vec<_>>();
        for address in forwarded.into_iter().rev() {
            match address {
                Some(ip) if trusted.contains(&ip) => continue,
                Some(ip) => {
                    client = ip;
                    break;
                }
                // Not an address: nothing before it can be trusted either.
                None => break,
            }
        }
    }
    if client.is_loopback() {
        return None;
    }
    // An IPv6 client is its /64: one home or host holds a whole one.
    Some(match client {
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(std::net::Ipv6Addr::from(bits))
        }
        v4 => v4,
    })
}

/// Answers `429` (with `Retry-After`, as a page or JSON as the route
/// answers) to a client past `--rate-limit` on the limited routes.
pub async fn rate_limit(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let live = req.app_data::<web::Data<AppState>>().map(|s| s.live());
    let wait = live.as_ref().and_then(|live| {
        let limiter = live.limiter.as_ref()?;
        if !is_limited(&req, live) {
            return None;
        }
        let client = client_of(&req, &live.settings.trusted_proxies)?;
        limiter.check(client).err()
    });
    let Some(wait) = wait else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    let format = if req.path().starts_with("/api/") {
        Format::Json
    } else if live.is_some_and(|l| l.place(req.path()).path == "/connect") {
        super::connect::error_format(req.query_string())
    } else {
        Format::Html
    };
    let error = AppError {
        format,
        ..AppError::page(ErrorKind::TooManyRequests)
    };
    let mut response = error.error_response();
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    response.headers_mut().insert(
        actix_web::http::header::RETRY_AFTER,
        HeaderValue::from(seconds.max(1)),
    );
    Ok(req.into_response(response.map_into_boxed_body()))
}
