//! The connection wrapper: actix's HTTP/1 service runs on connections of
//! our own, so that every request head (not only a connection's first) and
//! every idle connection has a deadline.
//!
//! Each connection is a [`TimedIo`]: while the connection waits for a request
//! it counts time; once the app has the request head, the app's own body
//! deadline takes over (see `body::read`), and when the response is ready the
//! connection waits again.
//!
//! A [`TimedIo`] also bounds what one connection can make the server hold:
//! it hands actix's parser one request at a time (the head, then only the
//! body its `Content-Length` declares), and the next head only once every
//! answer so far has been written to the socket. A client that pipelines
//! thousands of requests and never reads the answers holds one answer in
//! memory, not thousands, and is closed when the keep-alive deadline passes
//! with nothing written. And each worker's [`Pool`] closes its longest-idle
//! connection when a new one brings it to its limit, so idle connections
//! cannot lock new clients out.

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use actix_web::web::{Buf, BufMut, BytesMut, Data};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::Sleep;

use super::limits;
use super::log::Level;
use super::state::{AppState, Live};

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
    /// Requests the app has answered on this connection.
    done: AtomicU64,
    /// Told to close: its worker reached its connection limit while this
    /// connection sat idle longest.
    evicted: AtomicBool,
    /// The last answer closes the connection: nothing more is read from it.
    closing: AtomicBool,
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
    pub(super) fn new() -> Arc<ConnWatch> {
        Arc::new(ConnWatch {
            phase: Mutex::new(Phase::Waiting {
                since: Instant::now(),
                first_byte: None,
                fresh: true,
            }),
            wake: Mutex::new(Wake::default()),
            done: AtomicU64::new(0),
            evicted: AtomicBool::new(false),
            closing: AtomicBool::new(false),
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
        self.done.fetch_add(1, Ordering::AcqRel);
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

    /// The answer on its way closes the connection (`Connection: close`):
    /// nothing the client sent after it is handed to the parser, which would
    /// otherwise go on to read a request hidden after a refused body.
    pub fn close_after_response(&self) {
        self.closing.store(true, Ordering::Release);
    }

    /// How many requests the app has answered.
    fn done(&self) -> u64 {
        self.done.load(Ordering::Acquire)
    }

    fn in_request(&self) -> bool {
        self.with(|p| matches!(p, Phase::InRequest))
    }

    /// Whether the connection is idle, and since when: `(fresh, since)`
    /// (fresh: no request has been answered on it yet).
    fn idle(&self) -> Option<(bool, Instant)> {
        if self.evicted.load(Ordering::Acquire) {
            return None;
        }
        self.with(|p| match *p {
            Phase::Waiting {
                since,
                first_byte: None,
                fresh,
            } => Some((fresh, since)),
            _ => None,
        })
    }

    /// Closes the connection (quietly, as an idle one) at its next poll.
    fn evict(&self) {
        self.evicted.store(true, Ordering::Release);
        let waker = self
            .wake
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .waker
            .take();
        if let Some(waker) = waker {
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

/// The open connections of one worker. When a new connection brings the
/// worker to its limit, the connection that has been idle longest is closed
/// (a kept-alive one first, then one that never sent a byte), as nginx does
/// near its limit: a flood of idle connections cannot lock new clients out.
#[derive(Debug)]
pub struct Pool {
    limit: usize,
    open: Mutex<Slots>,
}

#[derive(Debug, Default)]
struct Slots {
    next: u64,
    conns: HashMap<u64, Weak<ConnWatch>>,
}

impl Pool {
    pub(super) fn new(limit: usize) -> Arc<Pool> {
        Arc::new(Pool {
            limit,
            open: Mutex::new(Slots::default()),
        })
    }

    fn slots(&self) -> std::sync::MutexGuard<'_, Slots> {
        self.open.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A new connection: its id, and room made for it if the worker is full.
    fn join(&self, watch: &Arc<ConnWatch>) -> u64 {
        let mut slots = self.slots();
        let id = slots.next;
        slots.next += 1;
        slots.conns.insert(id, Arc::downgrade(watch));
        if slots.conns.len() >= self.limit {
            let longest_idle = slots
                .conns
                .iter()
                .filter(|(other, _)| **other != id)
                .filter_map(|(_, w)| w.upgrade())
                .filter_map(|w| w.idle().map(|key| (key, w)))
                .min_by_key(|(key, _)| *key);
            if let Some((_, watch)) = longest_idle {
                watch.evict();
            }
        }
        id
    }

    fn leave(&self, id: u64) {
        self.slots().conns.remove(&id);
    }
}

/// What a connection has read from its client and not yet handed to actix's
/// HTTP parser, and where it is in the request it is handing over.
#[derive(Debug, Default)]
struct Input {
    /// Bytes read from the socket and not yet handed over: at most
    /// [`limits::MAX_HEAD_BYTES`], read only while looking for a request head.
    buffer: BytesMut,
    /// The client closed its side.
    eof: bool,
    /// Request heads handed over.
    heads: u64,
    /// Bytes of the head being handed over still to go (when the parser's
    /// free buffer was smaller than the head).
    head_left: usize,
    /// Bytes of the request's body still to hand over: its `Content-Length`.
    body_left: usize,
    /// Requests answered when everything written was last flushed.
    flushed: u64,
    /// A read was held back: wake the task when the answers are flushed.
    held: bool,
}

/// A request head found at the start of what a client sent.
enum Head {
    /// Complete: its length, and how many body bytes follow it.
    Complete { length: usize, body: usize },
    /// Not all there yet.
    Partial,
    /// Not a request actix's parser would take: hand it over as it is, so the
    /// parser answers it (`400`, `431`) and closes the connection.
    Invalid,
}

/// Reads a request head as actix's parser does (httparse, 96 headers at most).
fn parse_head(bytes: &[u8]) -> Head {
    let mut headers = [httparse::EMPTY_HEADER; 96];
    let mut request = httparse::Request::new(&mut headers);
    match request.parse(bytes) {
        Ok(httparse::Status::Complete(length)) => {
            let mut body = 0;
            for h in request.headers.iter() {
                if h.name.eq_ignore_ascii_case("transfer-encoding") {
                    // Refused by the app (`411`) without reading a byte of it.
                    return Head::Complete { length, body: 0 };
                }
                if h.name.eq_ignore_ascii_case("content-length") {
                    body = std::str::from_utf8(h.value)
                        .ok()
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        // More than the limit is refused (`413`) from the head alone.
                        .filter(|n| *n <= limits::MAX_BODY_BYTES)
                        .unwrap_or(0);
                }
            }
            Head::Complete { length, body }
        }
        Ok(httparse::Status::Partial) => Head::Partial,
        Err(_) => Head::Invalid,
    }
}

/// A TCP connection that keeps the deadlines of [`ConnWatch`] and hands
/// actix's parser one request at a time.
pub struct TimedIo {
    io: TcpStream,
    watch: Arc<ConnWatch>,
    state: Data<AppState>,
    pool: Arc<Pool>,
    /// This connection's place in the pool.
    id: u64,
    sleep: Pin<Box<Sleep>>,
    /// The timer has been polled, so it will wake the task at its deadline.
    armed: bool,
    /// The last write could not go out: nothing may be written beside it.
    write_blocked: bool,
    expired: bool,
    input: Input,
}

impl Drop for TimedIo {
    fn drop(&mut self) {
        self.pool.leave(self.id);
    }
}

impl TimedIo {
    pub(super) fn new(io: TcpStream, state: Data<AppState>, pool: Arc<Pool>) -> TimedIo {
        let watch = ConnWatch::new();
        let id = pool.join(&watch);
        TimedIo {
            io,
            watch,
            state,
            pool,
            id,
            sleep: Box::pin(tokio::time::sleep(Duration::from_secs(3600))),
            armed: false,
            write_blocked: false,
            expired: false,
            input: Input::default(),
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

    /// A request head larger than any the app accepts: `431` and close.
    fn refuse_large_head(&mut self) -> io::Error {
        self.expired = true;
        if !self.write_blocked {
            let _ = self.io.try_write(&self.state.live().large_head);
        }
        self.state.log.event(
            Level::Warn,
            "request head too large: answered 431 and closed",
            &[("status", 431.into())],
        );
        io::Error::new(io::ErrorKind::InvalidData, "request head too large")
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

    /// Hands up to `limit` bytes of what was read to the parser.
    fn hand(&mut self, out: &mut ReadBuf<'_>, limit: usize) -> usize {
        let n = limit.min(out.remaining()).min(self.input.buffer.len());
        out.put_slice(&self.input.buffer[..n]);
        self.input.buffer.advance(n);
        if self.input.buffer.is_empty() {
            // An idle connection keeps no buffer.
            self.input.buffer = BytesMut::new();
        }
        n
    }

    /// Fills `out` with what the parser may have now: the rest of a head, the
    /// body the request declared, or the next request's head once every
    /// answer so far is written. `Pending` means nothing may be read yet (or
    /// nothing came); the caller then keeps the deadlines.
    fn poll_input(&mut self, cx: &mut Context<'_>, out: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        if self.watch.closing.load(Ordering::Acquire) {
            // Whatever came after an answer that closes the connection is
            // read and dropped (so the close is clean, not a reset), and the
            // parser sees the end.
            self.input.buffer = BytesMut::new();
            // What is already there, at most 32 KiB: a client that keeps
            // sending cannot keep the worker here.
            let mut scratch = [0u8; 4096];
            for _ in 0..8 {
                match self.io.try_read(&mut scratch) {
                    Ok(n) if n > 0 => {}
                    _ => break,
                }
            }
            return Poll::Ready(Ok(()));
        }
        if self.input.head_left > 0 {
            let n = self.hand(out, self.input.head_left);
            self.input.head_left -= n;
            return Poll::Ready(Ok(()));
        }
        if self.input.body_left > 0 {
            if !self.input.buffer.is_empty() {
                let n = self.hand(out, self.input.body_left);
                self.input.body_left -= n;
                return Poll::Ready(Ok(()));
            }
            if self.input.eof {
                return Poll::Ready(Ok(()));
            }
            // Straight from the socket, never past the body.
            let room = out.initialize_unfilled_to(self.input.body_left.min(out.remaining()));
            let mut part = ReadBuf::new(room);
            let result = Pin::new(&mut self.io).poll_read(cx, &mut part);
            let n = part.filled().len();
            if let Poll::Ready(Ok(())) = result {
                out.advance(n);
                self.input.body_left -= n;
                self.input.eof = n == 0;
            }
            return result;
        }
        let done = self.watch.done();
        if self.write_blocked
            || self.input.heads > done
            || self.input.flushed < done
            || self.watch.in_request()
        {
            // An answer is still to be written, or a request is still with the app.
            self.input.held = true;
            return Poll::Pending;
        }
        loop {
            if !self.input.buffer.is_empty() {
                self.watch.bytes_read();
                match parse_head(&self.input.buffer) {
                    Head::Complete { length, body } => {
                        self.input.heads += 1;
                        self.input.body_left = body;
                        let n = self.hand(out, length);
                        self.input.head_left = length - n;
                        return Poll::Ready(Ok(()));
                    }
                    Head::Partial if self.input.buffer.len() >= limits::MAX_HEAD_BYTES => {
                        return Poll::Ready(Err(self.refuse_large_head()));
                    }
                    Head::Partial if !self.input.eof => {}
                    // Not a request, or a client that gave up half way: the
                    // parser sees what came (and answers it), then the end.
                    Head::Invalid | Head::Partial => {
                        self.hand(out, usize::MAX);
                        self.input.head_left = self.input.buffer.len();
                        return Poll::Ready(Ok(()));
                    }
                }
            } else if self.input.eof {
                return Poll::Ready(Ok(()));
            }
            let room = limits::MAX_HEAD_BYTES - self.input.buffer.len();
            self.input.buffer.reserve(room);
            let mut limited = (&mut self.input.buffer).limit(room);
            match tokio_util::io::poll_read_buf(Pin::new(&mut self.io), cx, &mut limited) {
                Poll::Ready(Ok(0)) => self.input.eof = true,
                Poll::Ready(Ok(_)) => {}
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => return Poll::Pending,
            }
        }
    }

    /// Nothing to read now: keep the connection's deadline (`Pending` until
    /// it passes, then the error that closes the connection).
    fn poll_deadline(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let live = self.state.live();
        let Some((deadline, expiry)) = self
            .watch
            .deadline(live.settings.head_timeout, live.settings.keep_alive)
        else {
            // In a request: the timer set before, if it has not fired, still wakes us.
            let armed =
                (self.armed && !self.sleep.is_elapsed()).then(|| self.sleep.deadline().into_std());
            self.watch.remember(cx.waker(), armed);
            return Poll::Pending;
        };
        let at = tokio::time::Instant::from_std(deadline);
        if self.sleep.deadline() != at {
            self.sleep.as_mut().reset(at);
        }
        self.armed = true;
        match self.sleep.as_mut().poll(cx) {
            Poll::Pending => {
                self.watch.remember(cx.waker(), Some(deadline));
                Poll::Pending
            }
            Poll::Ready(()) => {
                self.expire(expiry, &live);
                Poll::Ready(Err(timed_out()))
            }
        }
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
        if this.watch.evicted.load(Ordering::Acquire) {
            // Closed quietly to make room, as an idle connection whose time ran out.
            this.expired = true;
            return Poll::Ready(Err(timed_out()));
        }
        match this.poll_input(cx, buf) {
            Poll::Ready(result) => Poll::Ready(result),
            Poll::Pending => this.poll_deadline(cx),
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
        let this = self.get_mut();
        // actix flushes once everything it wrote has gone to the socket: every
        // answer so far is sent, and the next request may be read.
        this.input.flushed = this.watch.done();
        if std::mem::take(&mut this.input.held) {
            cx.waker().wake_by_ref();
        }
        Pin::new(&mut this.io).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_shutdown(cx)
    }
}

/// The request's connection watch, if it came through `server::start`.
pub fn watch_of(req: &actix_web::dev::ServiceRequest) -> Option<Arc<ConnWatch>> {
    req.conn_data::<Arc<ConnWatch>>().cloned()
}
