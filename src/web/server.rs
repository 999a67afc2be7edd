//! The server: actix's HTTP/1 service on the connections of `conn.rs`, a
//! body's headers checked before any `100 Continue`, and what the HTTP
//! parser rejects left as a log line.

use std::io;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::Duration;

use actix_http::body::BoxBody;
use actix_http::{ConnectionType, HttpService, KeepAlive, Protocol, Request, Response};
use actix_server::Server;
use actix_service::{IntoServiceFactory, ServiceFactoryExt, fn_service, map_config};
use actix_web::ResponseError;
use actix_web::dev::AppConfig;
use actix_web::http::header;
use actix_web::web::Data;
use tokio::net::TcpStream;

use super::conn::{ConnWatch, Pool, TimedIo};
use super::error::{AppError, Format, error_body, is_api};
use super::log::Level;
use super::state::AppState;
use super::{body, limits, raw, routes};
use crate::site::ErrorKind;

/// Answers `Expect: 100-continue`: the body is asked for only when the app
/// would read it. Anything the app would refuse from the head alone (404,
/// 405, 413, 415) is answered now, with its page, and the connection closed.
fn expect(state: &AppState, req: &Request) -> Result<(), Response<BoxBody>> {
    let live = state.live();
    let path = req.path();
    let place = live.place(path);
    let refusal = match routes::resolve(&live.site, path, &place) {
        None => Some(AppError::page(ErrorKind::NotFound)),
        Some(resource) if !resource.allows(req.method()) => Some(AppError {
            allow: Some(resource.allow()),
            ..AppError::page(resource.wrong_method())
        }),
        Some(resource) => resource.post.and_then(|post| {
            let rule = post.body();
            body::check_head(req, rule.content_type)
                .err()
                .map(|e| body::refusal(e, rule.format, rule.wrong_type))
        }),
    };
    let Some(mut error) = refusal else {
        return Ok(());
    };
    if is_api(path) {
        error.format = Format::Api;
    }
    // Answered now: no deadline for a head this connection will not read on.
    if let Some(watch) = req.conn_data::<Arc<ConnWatch>>() {
        watch.request_started();
        watch.close_after_response();
    }
    let (content_type, body) = error_body(&live, &error, &place);
    let mut response = Response::build(error.status_code());
    for (name, value) in &raw::error_headers(live.security(place.embed), body.len()) {
        response.insert_header((name.clone(), value.clone()));
    }
    response.insert_header((header::CONTENT_TYPE, content_type));
    if let Some(allow) = &error.allow {
        response.insert_header((header::ALLOW, allow.clone()));
    }
    let mut response = response.body(body).map_into_boxed_body();
    response
        .head_mut()
        .set_connection_type(ConnectionType::Close);
    state.log.event(
        Level::Warn,
        &format!(
            "refused before the body: {} {}",
            error.kind.status(),
            error.kind.id()
        ),
        &[("status", error.kind.status().into())],
    );
    Err(response)
}

/// How many workers serve, and how many connections each holds at most.
/// [`start`] uses one worker per core and [`limits::MAX_CONNECTIONS_PER_WORKER`];
/// tests set small numbers to reach the limit with a few sockets.
#[derive(Debug, Clone, Copy)]
pub struct Capacity {
    /// `None`: one per core.
    pub workers: Option<usize>,
    pub connections_per_worker: usize,
}

impl Default for Capacity {
    fn default() -> Capacity {
        Capacity {
            workers: None,
            connections_per_worker: limits::MAX_CONNECTIONS_PER_WORKER,
        }
    }
}

/// Starts serving on an already bound listener, with signals left to the caller.
pub fn start(listener: TcpListener, state: Data<AppState>) -> io::Result<Server> {
    start_with(listener, state, Capacity::default())
}

/// The same, with a capacity of its own.
pub fn start_with(
    listener: TcpListener,
    state: Data<AppState>,
    capacity: Capacity,
) -> io::Result<Server> {
    let address: SocketAddr = listener.local_addr()?;
    listener.set_nonblocking(true)?;
    let mut builder = Server::build();
    if let Some(workers) = capacity.workers {
        builder = builder.workers(workers);
    }
    let server = builder
        .max_concurrent_connections(capacity.connections_per_worker)
        .shutdown_timeout(limits::SHUTDOWN_GRACE_SECS)
        .disable_signals()
        .listen("leg-pain-guide", listener, move || {
            let for_io = state.clone();
            let for_expect = state.clone();
            let for_errors = state.clone();
            let shutdown = state.shutdown.clone();
            let pool = Pool::new(capacity.connections_per_worker);
            let app = super::app::app(state.clone())
                .into_factory()
                .map_err(|err: actix_web::Error| err.error_response());
            fn_service(move |io: TcpStream| {
                let state = for_io.clone();
                let pool = pool.clone();
                async move {
                    let peer = io.peer_addr().ok();
                    let _ = io.set_nodelay(true);
                    Ok::<_, actix_http::error::DispatchError>((
                        TimedIo::new(io, state, pool),
                        Protocol::Http1,
                        peer,
                    ))
                }
            })
            .and_then(
                HttpService::build()
                    // The deadlines are the connection's own (`TimedIo`), read from the
                    // live settings, so a reload changes them; actix's are looser backstops.
                    .keep_alive(KeepAlive::Timeout(Duration::from_secs(600)))
                    .client_request_timeout(Duration::from_secs(600))
                    .client_disconnect_timeout(Duration::from_secs(limits::CLIENT_DISCONNECT_SECS))
                    .local_addr(address)
                    .graceful_shutdown_signal(move || {
                        let shutdown = shutdown.clone();
                        async move { shutdown.notified().await }
                    })
                    .expect(fn_service(move |req: Request| {
                        let state = for_expect.clone();
                        async move { expect(&state, &req).map(|()| req) }
                    }))
                    .on_connect_ext(|io: &TimedIo, ext: &mut actix_http::Extensions| {
                        ext.insert(io.watch());
                    })
                    .finish(map_config(app, |_| AppConfig::default())),
            )
            .map_err(move |e| {
                log_dispatch_error(&for_errors, &e);
                e
            })
        })?
        .run();
    Ok(server)
}

/// A rejected request the HTTP parser answered itself leaves a line in the log.
fn log_dispatch_error(state: &AppState, error: &actix_http::error::DispatchError) {
    use actix_http::error::{DispatchError, ParseError};
    let status = match error {
        DispatchError::Parse(ParseError::TooLarge) => 431,
        DispatchError::Parse(_) => 400,
        // The client went away, or our own deadline (logged where it passed).
        _ => return,
    };
    state.log.event(
        Level::Warn,
        &format!("malformed request refused by the HTTP parser: {status}"),
        &[("status", status.into())],
    );
}
