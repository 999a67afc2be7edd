//! The server: actix's HTTP/1 service on connections of our own, so that
//! every request head (not only a connection's first) and every idle
//! connection has a deadline, a body's headers are checked before any
//! `100 Continue`, and what the HTTP parser rejects leaves a log line.
//!
//! Each connection is a [`TimedIo`]: while the connection waits for a request
//! it counts time; once the app has the request head, the app's own body
//! deadline takes over (see `body::read`), and when the response is ready the
//! connection waits again.

use std::future::Future;
use std::io;
use std::net::{SocketAddr, TcpListener};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use actix_http::body::BoxBody;
use actix_http::{ConnectionType, HttpService, KeepAlive, Protocol, Request, Response, StatusCode};
use actix_server::Server;
use actix_service::{IntoServiceFactory, ServiceFactoryExt, fn_service, map_config};
use actix_web::ResponseError;
use actix_web::dev::AppConfig;
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::web::{Bytes, Data};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::Sleep;

use super::error::AppError;
use super::log::Level;
use super::{AppState, Live, body, limits, routes};
use crate::site::ErrorKind;
use crate::site::assets::CachePolicy;

/// Where a connection is between requests.
#[derive(Debug, Clone, Copy)]
enum Phase {
    /// Waiting for (the rest of) a request head.
    Waiting {
        since: Instant,
        /// When the first byte of the next request arrived.
        first_byte: Option<Instant>,
        /// No request has been answered on this connection yet.
        fresh: bool,
    },
    /// The app has the request; its body deadline applies.
    InRequest,
}

/// What happens when a waiting connection runs out of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expiry {
    /// A request head was started and did not finish: answer `408`.
    SlowHead,
    /// A connection sat idle, before its first request or between two: close it quietly.
    Idle,
}

/// The state of one connection, shared by its I/O and the app's middleware.
#[derive(Debug)]
pub struct ConnWatch {
    phase: Mutex<Phase>,
    wake: Mutex<Wake>,
}

/// The connection's task and the deadline its timer is set for: when a
/// request ends, the task is woken to set its timer again only if the
/// keep-alive deadline comes before the one already set (or none is set).
#[derive(Debug, Default)]
struct Wake {
    waker: Option<Waker>,
    armed: Option<Instant>,
}

impl ConnWatch {
    fn new() -> Arc<ConnWatch> {
        Arc::new(ConnWatch {
            phase: Mutex::new(Phase::Waiting {
                since: Instant::now(),
                first_byte: None,
                fresh: true,
            }),
            wake: Mutex::new(Wake::default()),
        })
    }

    fn with<T>(&self, f: impl FnOnce(&mut Phase) -> T) -> T {
        let mut phase = self.phase.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut phase)
    }

    /// The app has a request head.
    pub fn request_started(&self) {
        self.with(|p| *p = Phase::InRequest);
    }

    /// The app has its response: the connection waits for the next request,
    /// for at most `keep_alive`.
    pub fn request_done(&self, keep_alive: Duration) {
        let now = Instant::now();
        self.with(|p| {
            *p = Phase::Waiting {
                since: now,
                first_byte: None,
                fresh: false,
            }
        });
        let mut wake = self.wake.lock().unwrap_or_else(|e| e.into_inner());
        if wake.armed.is_none_or(|armed| armed > now + keep_alive)
            && let Some(waker) = wake.waker.take()
        {
            wake.armed = None;
            waker.wake();
        }
    }

    /// The task to wake, and the deadline its timer is now set for (if any).
    fn remember(&self, waker: &Waker, armed: Option<Instant>) {
        let mut wake = self.wake.lock().unwrap_or_else(|e| e.into_inner());
        if !wake.waker.as_ref().is_some_and(|w| w.will_wake(waker)) {
            wake.waker = Some(waker.clone());
        }
        wake.armed = armed;
    }

    fn bytes_read(&self) {
        self.with(|p| {
            if let Phase::Waiting {
                first_byte: f @ None,
                ..
            } = p
            {
                *f = Some(Instant::now());
            }
        });
    }

    /// A response is still being written: the connection is not idle.
    fn wrote(&self) {
        self.with(|p| {
            if let Phase::Waiting {
                since,
                first_byte: None,
                ..
            } = p
            {
                *since = Instant::now();
            }
        });
    }

    fn deadline(&self, head: Duration, keep_alive: Duration) -> Option<(Instant, Expiry)> {
        self.with(|p| match *p {
            Phase::InRequest => None,
            Phase::Waiting {
                first_byte: Some(t),
                ..
            } => Some((t + head, Expiry::SlowHead)),
            // Nothing sent yet (a browser's preconnect, say): close quietly, as nginx does.
            Phase::Waiting {
                since, fresh: true, ..
            } => Some((since + head, Expiry::Idle)),
            Phase::Waiting {
                since,
                fresh: false,
                ..
            } => Some((since + keep_alive, Expiry::Idle)),
        })
    }
}

/// A TCP connection that keeps the deadlines of [`ConnWatch`].
pub struct TimedIo {
    io: TcpStream,
    watch: Arc<ConnWatch>,
    state: Data<AppState>,
    sleep: Pin<Box<Sleep>>,
    /// The timer has been polled, so it will wake the task at its deadline.
    armed: bool,
    /// The last write could not go out: nothing may be written beside it.
    write_blocked: bool,
    expired: bool,
}

impl TimedIo {
    fn new(io: TcpStream, state: Data<AppState>) -> TimedIo {
        TimedIo {
            io,
            watch: ConnWatch::new(),
            state,
            sleep: Box::pin(tokio::time::sleep(Duration::from_secs(3600))),
            armed: false,
            write_blocked: false,
            expired: false,
        }
    }

    /// The connection's watch, for the app's middleware.
    pub fn watch(&self) -> Arc<ConnWatch> {
        self.watch.clone()
    }

    fn expire(&mut self, expiry: Expiry, live: &Live) {
        self.expired = true;
        if expiry == Expiry::SlowHead {
            // Nothing of an earlier response is waiting to go out, or this would corrupt it.
            if !self.write_blocked {
                let _ = self.io.try_write(&live.slow_head);
            }
            self.state.log.event(
                Level::Warn,
                "request head too slow: answered 408 and closed",
                &[("status", 408.into())],
            );
        }
    }

    /// Notes a write's outcome: whether the client stopped reading, and
    /// progress for the deadlines.
    fn after_write(&mut self, result: Poll<io::Result<usize>>) -> Poll<io::Result<usize>> {
        self.write_blocked = result.is_pending();
        if let Poll::Ready(Ok(n)) = result
            && n > 0
        {
            self.watch.wrote();
        }
        result
    }
}

fn timed_out() -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, "deadline passed")
}

impl AsyncRead for TimedIo {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if this.expired {
            return Poll::Ready(Err(timed_out()));
        }
        let before = buf.filled().len();
        match Pin::new(&mut this.io).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                if buf.filled().len() > before {
                    this.watch.bytes_read();
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => {
                let live = this.state.live();
                let Some((deadline, expiry)) = this
                    .watch
                    .deadline(live.settings.head_timeout, live.settings.keep_alive)
                else {
                    // In a request: the timer set before, if it has not fired, still wakes us.
                    let armed = (this.armed && !this.sleep.is_elapsed())
                        .then(|| this.sleep.deadline().into_std());
                    this.watch.remember(cx.waker(), armed);
                    return Poll::Pending;
                };
                let at = tokio::time::Instant::from_std(deadline);
                if this.sleep.deadline() != at {
                    this.sleep.as_mut().reset(at);
                }
                this.armed = true;
                match this.sleep.as_mut().poll(cx) {
                    Poll::Pending => {
                        this.watch.remember(cx.waker(), Some(deadline));
                        Poll::Pending
                    }
                    Poll::Ready(()) => {
                        this.expire(expiry, &live);
                        Poll::Ready(Err(timed_out()))
                    }
                }
            }
        }
    }
}

impl AsyncWrite for TimedIo {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.io).poll_write(cx, data);
        this.after_write(result)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.io).poll_write_vectored(cx, bufs);
        this.after_write(result)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_shutdown(cx)
    }
}

/// The headers of an error the app cannot reach to write: the usual ones.
fn error_headers(live: &Live, embed: bool, length: usize) -> HeaderMap {
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
    live.security(embed).apply(&mut headers);
    headers
}

/// A whole HTTP/1.1 error answer as bytes, for the connection layer to write
/// when no request reached the app (a head that came too slowly).
pub fn raw_error_response(live: &Live, kind: ErrorKind) -> Bytes {
    let place = live.site.place("/");
    let body = live.site.error_page(kind, &place);
    let status = StatusCode::from_u16(kind.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut out = format!(
        "HTTP/1.1 {} {}\r\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or("")
    )
    .into_bytes();
    for (name, value) in &error_headers(live, false, body.len()) {
        out.extend_from_slice(name.as_str().as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(&body);
    Bytes::from(out)
}

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
                .map(|e| AppError::body(e, rule.format, rule.wrong_type))
        }),
    };
    let Some(error) = refusal else { return Ok(()) };
    // Answered now: no deadline for a head this connection will not read on.
    if let Some(watch) = req.conn_data::<Arc<ConnWatch>>() {
        watch.request_started();
    }
    let (content_type, body) = super::error::error_body(&live, &error, &place);
    let mut response = Response::build(error.status_code());
    for (name, value) in &error_headers(&live, place.embed, body.len()) {
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

/// Starts serving on an already bound listener, with signals left to the caller.
pub fn start(listener: TcpListener, state: Data<AppState>) -> io::Result<Server> {
    let address: SocketAddr = listener.local_addr()?;
    listener.set_nonblocking(true)?;
    let server = Server::build()
        .max_concurrent_connections(limits::MAX_CONNECTIONS_PER_WORKER)
        .shutdown_timeout(limits::SHUTDOWN_GRACE_SECS)
        .disable_signals()
        .listen("leg-pain-guide", listener, move || {
            let for_io = state.clone();
            let for_expect = state.clone();
            let for_errors = state.clone();
            let shutdown = state.shutdown.clone();
            let app = super::app(state.clone())
                .into_factory()
                .map_err(|err: actix_web::Error| err.error_response());
            fn_service(move |io: TcpStream| {
                let state = for_io.clone();
                async move {
                    let peer = io.peer_addr().ok();
                    let _ = io.set_nodelay(true);
                    Ok::<_, actix_http::error::DispatchError>((
                        TimedIo::new(io, state),
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

/// The request's connection watch, if it came through [`start`].
pub fn watch_of(req: &actix_web::dev::ServiceRequest) -> Option<Arc<ConnWatch>> {
    req.conn_data::<Arc<ConnWatch>>().cloned()
}
