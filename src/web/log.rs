//! The log: one line per event, as text or JSON, each with a UTC timestamp,
//! written through a buffer by a thread of its own, so a request or a signal
//! never waits on stdout. When the buffer is full (nobody reads the output:
//! a stalled pipe, Docker's blocking log mode, Ctrl-S in a terminal) lines
//! are dropped and counted, and the count is logged as soon as the output
//! moves again. Nothing of a symptom check's answers is ever passed here.
//!
//! A request's line is the hot path (one per request, issue 22): it is
//! formatted into a buffer each worker thread keeps (no allocation), copied
//! into the shared buffer under a short lock, and the log thread is woken
//! only when it sleeps; once awake it gathers lines for [`BATCH`] and
//! writes them with one system call.

use std::cell::RefCell;
use std::io::Write;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, mpsc};
use std::time::{Duration, Instant};

use actix_web::http::Method;
use actix_web::http::header::HeaderValue;
use serde_json::{Map, Value};

use crate::settings::LogFormat;

/// Where a line goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Requests and start-up: standard output.
    Info,
    /// Problems: standard error.
    Warn,
}

/// A cheap handle to the log thread. Clones share the format, so a reload
/// that changes `--log-format` changes every clone.
#[derive(Debug, Clone)]
pub struct Logger {
    format: Arc<Format>,
    sink: Sink,
}

/// The format, changed in place by a reload.
#[derive(Debug)]
struct Format(AtomicU8);

impl Format {
    fn new(format: LogFormat) -> Format {
        Format(AtomicU8::new(Self::code(format)))
    }

    fn code(format: LogFormat) -> u8 {
        match format {
            LogFormat::Text => 0,
            LogFormat::Json => 1,
            LogFormat::Off => 2,
        }
    }

    fn get(&self) -> LogFormat {
        match self.0.load(Ordering::Relaxed) {
            1 => LogFormat::Json,
            2 => LogFormat::Off,
            _ => LogFormat::Text,
        }
    }

    fn set(&self, format: LogFormat) {
        self.0.store(Self::code(format), Ordering::Relaxed);
    }
}

#[derive(Debug, Clone)]
enum Sink {
    /// Lines appended to a shared buffer that the log thread writes out.
    Thread(Arc<Shared>),
    /// Lines sent to a test.
    Capture(mpsc::SyncSender<(Level, String)>),
}

/// Most bytes waiting to be written: past this, lines are dropped (and
/// counted), so a stuck stdout neither slows requests nor grows memory.
pub const MAX_PENDING: usize = 1024 * 1024;

/// How long the log thread, once woken, lets lines gather before it writes
/// them: one `write` for many lines instead of one each. A line waits at
/// most this long (a flush or a quarter-full buffer does not wait).
pub const BATCH: Duration = Duration::from_millis(10);

/// The buffers between request threads and the log thread. Lines are copied
/// in as bytes and the buffers are swapped, never freed, so logging allocates
/// nothing per line across threads (which would fragment memory under load).
#[derive(Debug)]
struct Shared {
    pending: Mutex<Pending>,
    /// Wakes the log thread: there is something to write.
    ready: Condvar,
    /// Wakes `flush`: the buffers were taken.
    written: Condvar,
    /// Lines dropped because the buffer was full, not yet reported.
    dropped: AtomicU64,
    format: Arc<Format>,
}

#[derive(Debug, Default)]
struct Pending {
    out: Vec<u8>,
    err: Vec<u8>,
    /// Lines taken by the log thread but not yet written.
    writing: bool,
    /// The log thread waits for a first line: the next line wakes it. Other
    /// lines wake nobody (a wake is a system call: not one per request).
    idle: bool,
    /// Write now, without gathering a batch (`flush`, or a full buffer).
    urgent: bool,
}

impl Pending {
    fn len(&self) -> usize {
        self.out.len() + self.err.len()
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds a line (ending in a newline), or drops and counts it if the
    /// buffer is full: never waits for the output, and wakes the log thread
    /// only when it sleeps or the buffer is filling up.
    fn push(&self, to_err: bool, line: &[u8]) {
        let mut pending = self.lock();
        let before = pending.len();
        if before + line.len() >= MAX_PENDING {
            drop(pending);
            self.dropped.fetch_add(1, Ordering::Relaxed);
            return;
        }
        let buffer = if to_err {
            &mut pending.err
        } else {
            &mut pending.out
        };
        buffer.extend_from_slice(line);
        let filling = before < MAX_PENDING / 4 && pending.len() >= MAX_PENDING / 4;
        if filling {
            pending.urgent = true;
        }
        let wake = std::mem::take(&mut pending.idle) || filling;
        drop(pending);
        if wake {
            self.ready.notify_one();
        }
    }

    /// The log thread: wait for a line, let others gather for [`BATCH`],
    /// take them all, write them, report lines dropped meanwhile, and again.
    fn run(&self) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut stdout = std::io::stdout();
        let mut stderr = std::io::stderr();
        loop {
            {
                let mut pending = self.lock();
                pending.writing = false;
                self.written.notify_all();
                while pending.len() == 0 && self.dropped.load(Ordering::Relaxed) == 0 {
                    pending.idle = true;
                    pending = self.ready.wait(pending).unwrap_or_else(|e| e.into_inner());
                }
                pending.idle = false;
                let until = Instant::now() + BATCH;
                while !pending.urgent {
                    let left = until.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        break;
                    }
                    pending = self
                        .ready
                        .wait_timeout(pending, left)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
                pending.urgent = false;
                std::mem::swap(&mut pending.out, &mut out);
                std::mem::swap(&mut pending.err, &mut err);
                pending.writing = true;
            }
            self.written.notify_all();
            let _ = stdout.write_all(&out).and_then(|()| stdout.flush());
            let _ = stderr.write_all(&err);
            out.clear();
            err.clear();
            // The output moved: say what was lost while it did not.
            let dropped = self.dropped.swap(0, Ordering::Relaxed);
            if dropped > 0 {
                let format = self.format.get();
                let line = event_line(
                    format,
                    Level::Warn,
                    &format!(
                        "{dropped} log lines dropped: the log output was not being read fast enough"
                    ),
                    &[("dropped", dropped.into())],
                );
                if format == LogFormat::Json {
                    let _ = writeln!(stdout, "{line}").and_then(|()| stdout.flush());
                } else {
                    let _ = writeln!(stderr, "{line}");
                }
            }
        }
    }

    /// Waits until every line so far is written, for at most `limit`.
    fn flush(&self, limit: Duration) {
        let deadline = Instant::now() + limit;
        let mut pending = self.lock();
        if pending.len() > 0 {
            pending.urgent = true;
            self.ready.notify_one();
        }
        while pending.writing || pending.len() > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return;
            }
            pending = self
                .written
                .wait_timeout(pending, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

/// One event as a line in `format`.
fn event_line(format: LogFormat, level: Level, message: &str, fields: &[(&str, Value)]) -> String {
    match format {
        LogFormat::Json => {
            let mut map = Map::new();
            map.insert("ts".into(), Value::String(now()));
            map.insert(
                "level".into(),
                Value::String(if level == Level::Info { "info" } else { "warn" }.into()),
            );
            map.insert("msg".into(), Value::String(message.into()));
            for (k, v) in fields {
                map.insert((*k).into(), v.clone());
            }
            Value::Object(map).to_string()
        }
        // A text line is the message alone: the fields are for log collectors.
        _ => format!("{} {message}", now()),
    }
}

impl Logger {
    /// Starts the log thread. Request lines and start-up go to standard
    /// output; problems to standard error, except in JSON mode, where every
    /// line is JSON on standard output for a log collector.
    pub fn start(format: LogFormat) -> Logger {
        let format = Arc::new(Format::new(format));
        let shared = Arc::new(Shared {
            pending: Mutex::new(Pending::default()),
            ready: Condvar::new(),
            written: Condvar::new(),
            dropped: AtomicU64::new(0),
            format: format.clone(),
        });
        let for_thread = shared.clone();
        std::thread::Builder::new()
            .name("log".into())
            .spawn(move || for_thread.run())
            .expect("start the log thread");
        Logger {
            format,
            sink: Sink::Thread(shared),
        }
    }

    /// A log whose lines a test can read (lines past 1024 unread are dropped).
    pub fn capture(format: LogFormat) -> (Logger, mpsc::Receiver<(Level, String)>) {
        let (tx, rx) = mpsc::sync_channel(1024);
        let logger = Logger {
            format: Arc::new(Format::new(format)),
            sink: Sink::Capture(tx),
        };
        (logger, rx)
    }

    /// Waits (up to a second) until every line logged so far is written:
    /// before the process exits. Never longer, even if nobody reads.
    pub fn flush(&self) {
        if let Sink::Thread(shared) = &self.sink {
            shared.flush(Duration::from_secs(1));
        }
    }

    fn write(&self, level: Level, mut line: String) {
        match &self.sink {
            Sink::Thread(shared) => {
                line.push('\n');
                shared.push(
                    level == Level::Warn && self.format() != LogFormat::Json,
                    line.as_bytes(),
                );
            }
            Sink::Capture(tx) => {
                let _ = tx.try_send((level, line));
            }
        }
    }

    pub fn format(&self) -> LogFormat {
        self.format.get()
    }

    /// Changes the format of every line from now on (a reload).
    pub fn set_format(&self, format: LogFormat) {
        self.format.set(format);
    }

    /// A line about the server (start-up, reloads, problems): always written.
    pub fn event(&self, level: Level, message: &str, fields: &[(&str, Value)]) {
        self.write(level, event_line(self.format(), level, message, fields));
    }

    /// One request: id, method, path (sanitised, as [`sanitise`]), status,
    /// milliseconds since `started`. Never a query string or body. Formatted
    /// into this thread's own buffer: nothing is allocated per line.
    pub fn request(
        &self,
        id: RequestId,
        method: &Method,
        path: &str,
        status: u16,
        started: Instant,
    ) {
        let format = self.format();
        if format == LogFormat::Off {
            return;
        }
        let hundredths = (started.elapsed().as_secs_f64() * 100_000.0).round() as u64;
        LINE.with(|line| {
            let mut line = line.borrow_mut();
            line.clear();
            let buf = &mut *line;
            let json = format == LogFormat::Json;
            if json {
                buf.extend_from_slice(b"{\"ts\":\"");
                timestamp(buf);
                buf.extend_from_slice(b"\",\"id\":\"");
                buf.extend_from_slice(&id.hex());
                buf.extend_from_slice(b"\",\"method\":");
                json_string(buf, method.as_str());
                buf.extend_from_slice(b",\"path\":\"");
                sanitise_into(buf, path, true);
                let _ = write!(
                    buf,
                    "\",\"status\":{status},\"ms\":{}.{:02}}}",
                    hundredths / 100,
                    hundredths % 100
                );
            } else {
                timestamp(buf);
                buf.extend_from_slice(b" req=");
                buf.extend_from_slice(&id.hex());
                buf.push(b' ');
                buf.extend_from_slice(method.as_str().as_bytes());
                buf.push(b' ');
                sanitise_into(buf, path, false);
                let _ = write!(
                    buf,
                    " {status} {}.{:02}ms",
                    hundredths / 100,
                    hundredths % 100
                );
            }
            match &self.sink {
                Sink::Thread(shared) => {
                    buf.push(b'\n');
                    shared.push(false, buf);
                }
                Sink::Capture(tx) => {
                    let text = String::from_utf8_lossy(buf).into_owned();
                    let _ = tx.try_send((Level::Info, text));
                }
            }
        });
    }
}

thread_local! {
    /// Each thread's request line, reused line after line.
    static LINE: RefCell<Vec<u8>> = RefCell::new(Vec::with_capacity(512));
    /// The second of the last timestamp and its text up to the seconds.
    static SECOND: RefCell<(i64, [u8; 20])> = const { RefCell::new((i64::MIN, [0; 20])) };
}

/// A random request id: 64 bits, so ids say nothing about how many requests
/// came before. Written as 16 hex digits, in the log and in `X-Request-Id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestId(pub u64);

impl RequestId {
    pub fn new() -> RequestId {
        RequestId(rand::random::<u64>())
    }

    /// The 16 lower-case hex digits.
    pub fn hex(self) -> [u8; 16] {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0; 16];
        for (i, d) in out.iter_mut().enumerate() {
            *d = DIGITS[((self.0 >> (60 - 4 * i)) & 0xf) as usize];
        }
        out
    }

    /// The `X-Request-Id` header's value.
    pub fn header_value(self) -> HeaderValue {
        HeaderValue::from_bytes(&self.hex()).expect("hex digits are a valid header value")
    }
}

impl Default for RequestId {
    fn default() -> RequestId {
        RequestId::new()
    }
}

impl std::fmt::Display for RequestId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// Appends the time now as [`now`] writes it; the date and time up to the
/// second are formatted once a second per thread.
fn timestamp(buf: &mut Vec<u8>) {
    let now = time::OffsetDateTime::now_utc();
    let second = now.unix_timestamp();
    SECOND.with(|cached| {
        let mut cached = cached.borrow_mut();
        if cached.0 != second {
            let mut text = [0u8; 20];
            let mut cursor = &mut text[..];
            let _ = write!(
                cursor,
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.",
                now.year(),
                u8::from(now.month()),
                now.day(),
                now.hour(),
                now.minute(),
                now.second()
            );
            *cached = (second, text);
        }
        buf.extend_from_slice(&cached.1);
    });
    let ms = now.millisecond();
    buf.extend_from_slice(&[
        b'0' + (ms / 100) as u8,
        b'0' + (ms / 10 % 10) as u8,
        b'0' + (ms % 10) as u8,
        b'Z',
    ]);
}

/// Appends `text` as a JSON string, quotes included, escaped as `serde_json` does.
fn json_string(buf: &mut Vec<u8>, text: &str) {
    buf.push(b'"');
    json_escape(buf, text);
    buf.push(b'"');
}

fn json_escape(buf: &mut Vec<u8>, text: &str) {
    for &b in text.as_bytes() {
        match b {
            b'"' => buf.extend_from_slice(b"\\\""),
            b'\\' => buf.extend_from_slice(b"\\\\"),
            b'\n' => buf.extend_from_slice(b"\\n"),
            b'\r' => buf.extend_from_slice(b"\\r"),
            b'\t' => buf.extend_from_slice(b"\\t"),
            0..0x20 => {
                let _ = write!(buf, "\\u{:04x}", b);
            }
            _ => buf.push(b),
        }
    }
}

/// Appends [`sanitise`]'s copy of `text`, escaped for a JSON string if `json`.
fn sanitise_into(buf: &mut Vec<u8>, text: &str, json: bool) {
    let mut utf8 = [0u8; 4];
    for c in text.chars().take(200).flat_map(char::escape_default) {
        let s: &str = c.encode_utf8(&mut utf8);
        if json {
            json_escape(buf, s);
        } else {
            buf.extend_from_slice(s.as_bytes());
        }
    }
}

/// The time now, RFC 3339 in UTC with milliseconds.
pub fn now() -> String {
    let now = time::OffsetDateTime::now_utc();
    let format = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    now.format(&format).unwrap_or_default()
}

/// A printable, length-capped copy of text from a request, safe for a log line.
pub fn sanitise(text: &str) -> String {
    text.chars()
        .take(200)
        .flat_map(char::escape_default)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_request(format: LogFormat, method: &Method, path: &str) -> String {
        let (log, lines) = Logger::capture(format);
        log.request(RequestId(0xab), method, path, 404, Instant::now());
        let (level, line) = lines.try_recv().expect("a line");
        assert_eq!(level, Level::Info);
        line
    }

    #[test]
    fn a_json_request_line_has_every_field_and_the_path_as_sanitise_makes_it() {
        let path = "/a\"b\\c'd\u{7f}é\n";
        let line = one_request(LogFormat::Json, &Method::GET, path);
        let event: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(event["path"], sanitise(path));
        assert_eq!(event["id"], "00000000000000ab");
        assert_eq!(event["method"], "GET");
        assert_eq!(event["status"], 404);
        assert!(event["ms"].as_f64().is_some_and(|ms| ms >= 0.0), "{line}");
        let ts = event["ts"].as_str().unwrap();
        let format = time::macros::format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
        );
        assert!(time::PrimitiveDateTime::parse(ts, &format).is_ok(), "{ts}");
        assert_eq!(ts.len(), now().len());
        assert_eq!(event.as_object().unwrap().len(), 6, "{line}");
    }

    #[test]
    fn a_json_request_line_escapes_an_unusual_method() {
        let method = Method::from_bytes(b"PURGE").unwrap();
        let line = one_request(LogFormat::Json, &method, "/");
        let event: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(event["method"], "PURGE");
    }

    #[test]
    fn a_text_request_line_reads_as_before() {
        let path = "/x y\u{1}";
        let line = one_request(LogFormat::Text, &Method::POST, path);
        let rest = line.split_once(' ').expect("a timestamp first").1;
        let expected = format!("req=00000000000000ab POST {} 404 ", sanitise(path));
        assert!(rest.starts_with(&expected), "{line}");
        assert!(rest.ends_with("ms"), "{line}");
        assert!(
            rest[expected.len()..rest.len() - 2].parse::<f64>().is_ok(),
            "{line}"
        );
    }

    #[test]
    fn no_line_when_the_log_is_off() {
        let (log, lines) = Logger::capture(LogFormat::Off);
        log.request(RequestId::new(), &Method::GET, "/", 200, Instant::now());
        assert!(lines.try_recv().is_err());
    }

    #[test]
    fn request_ids_are_sixteen_hex_digits() {
        let id = RequestId(0x0123_4567_89ab_cdef);
        assert_eq!(&id.hex(), b"0123456789abcdef");
        assert_eq!(id.to_string(), "0123456789abcdef");
        assert_eq!(id.header_value(), "0123456789abcdef");
        assert_eq!(RequestId(1).to_string(), "0000000000000001");
    }
}
