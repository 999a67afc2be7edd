//! The log: one line per event, as text or JSON, each with a UTC timestamp,
//! written through a buffer by a thread of its own, so a request or a signal
//! never waits on stdout. When the buffer is full (nobody reads the output:
//! a stalled pipe, Docker's blocking log mode, Ctrl-S in a terminal) lines
//! are dropped and counted, and the count is logged as soon as the output
//! moves again. Nothing of a symptom check's answers is ever passed here.

use std::io::Write;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, mpsc};
use std::time::{Duration, Instant};

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
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds a line, or drops and counts it if the buffer is full: never waits.
    fn push(&self, to_err: bool, line: &str) {
        let mut pending = self.lock();
        if pending.out.len() + pending.err.len() + line.len() >= MAX_PENDING {
            drop(pending);
            self.dropped.fetch_add(1, Ordering::Relaxed);
            return;
        }
        let buffer = if to_err {
            &mut pending.err
        } else {
            &mut pending.out
        };
        buffer.extend_from_slice(line.as_bytes());
        buffer.push(b'\n');
        drop(pending);
        self.ready.notify_one();
    }

    /// The log thread: take what is waiting, write it, report lines dropped
    /// meanwhile, and again.
    fn run(&self) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut stdout = std::io::stdout();
        let mut stderr = std::io::stderr();
        loop {
            {
                let mut pending = self.lock();
                pending.writing = false;
                self.written.notify_all();
                while pending.out.is_empty()
                    && pending.err.is_empty()
                    && self.dropped.load(Ordering::Relaxed) == 0
                {
                    pending = self.ready.wait(pending).unwrap_or_else(|e| e.into_inner());
                }
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
        while pending.writing || !pending.out.is_empty() || !pending.err.is_empty() {
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

    fn write(&self, level: Level, line: String) {
        match &self.sink {
            Sink::Thread(shared) => shared.push(
                level == Level::Warn && self.format() != LogFormat::Json,
                &line,
            ),
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

    /// One request: id, method, path, status, time. Never a query string or body.
    pub fn request(&self, id: &str, method: &str, path: &str, status: u16, ms: f64) {
        let line = match self.format() {
            LogFormat::Off => return,
            LogFormat::Json => serde_json::json!({
                "ts": now(), "id": id, "method": method, "path": path, "status": status, "ms": (ms * 100.0).round() / 100.0,
            })
            .to_string(),
            LogFormat::Text => format!("{} req={id} {method} {path} {status} {ms:.2}ms", now()),
        };
        self.write(Level::Info, line);
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
