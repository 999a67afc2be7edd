//! The log: one line per event, as text or JSON, each with a UTC timestamp,
//! written through a buffer by a thread of its own so a request never waits
//! on stdout. Nothing of a symptom check's answers is ever passed here.

use std::io::Write;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, mpsc};
use std::time::{Duration, Instant};

use serde_json::{Map, Value};

use crate::config::LogFormat;

/// Where a line goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Requests and start-up: standard output.
    Info,
    /// Problems: standard error.
    Warn,
}

/// A cheap handle to the log thread.
#[derive(Debug, Clone)]
pub struct Logger {
    format: LogFormat,
    /// Request lines are only written when the log is on.
    requests: bool,
    sink: Sink,
}

#[derive(Debug, Clone)]
enum Sink {
    /// Lines appended to a shared buffer that the log thread writes out.
    Thread(Arc<Shared>),
    /// Lines sent to a test.
    Capture(mpsc::SyncSender<(Level, String)>),
}

/// Most bytes waiting to be written: past this, a line waits for the log
/// thread, so a stuck stdout slows requests rather than growing memory.
const MAX_PENDING: usize = 1024 * 1024;

/// The buffers between request threads and the log thread. Lines are copied
/// in as bytes and the buffers are swapped, never freed, so logging allocates
/// nothing per line across threads (which would fragment memory under load).
#[derive(Debug, Default)]
struct Shared {
    pending: Mutex<Pending>,
    /// Wakes the log thread: there is something to write.
    ready: Condvar,
    /// Wakes writers and `flush`: the buffers were taken.
    written: Condvar,
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

    fn push(&self, to_err: bool, line: &str) {
        let mut pending = self.lock();
        while pending.out.len() + pending.err.len() > MAX_PENDING {
            pending = self
                .written
                .wait(pending)
                .unwrap_or_else(|e| e.into_inner());
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

    /// The log thread: take what is waiting, write it, and again.
    fn run(&self) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut stdout = std::io::stdout();
        let mut stderr = std::io::stderr();
        loop {
            {
                let mut pending = self.lock();
                pending.writing = false;
                self.written.notify_all();
                while pending.out.is_empty() && pending.err.is_empty() {
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

impl Logger {
    /// Starts the log thread. Request lines and start-up go to standard
    /// output; problems to standard error, except in JSON mode, where every
    /// line is JSON on standard output for a log collector.
    pub fn start(format: LogFormat) -> Logger {
        let shared = Arc::new(Shared::default());
        let for_thread = shared.clone();
        std::thread::Builder::new()
            .name("log".into())
            .spawn(move || for_thread.run())
            .expect("start the log thread");
        Logger {
            format,
            requests: format != LogFormat::Off,
            sink: Sink::Thread(shared),
        }
    }

    /// A log whose lines a test can read.
    pub fn capture(format: LogFormat) -> (Logger, mpsc::Receiver<(Level, String)>) {
        let (tx, rx) = mpsc::sync_channel(1024);
        let logger = Logger {
            format,
            requests: format != LogFormat::Off,
            sink: Sink::Capture(tx),
        };
        (logger, rx)
    }

    /// Waits (up to a second) until every line logged so far is written: before the process exits.
    pub fn flush(&self) {
        if let Sink::Thread(shared) = &self.sink {
            shared.flush(Duration::from_secs(1));
        }
    }

    fn write(&self, level: Level, line: String) {
        match &self.sink {
            Sink::Thread(shared) => shared.push(
                level == Level::Warn && self.format != LogFormat::Json,
                &line,
            ),
            Sink::Capture(tx) => {
                let _ = tx.send((level, line));
            }
        }
    }

    pub fn format(&self) -> LogFormat {
        self.format
    }

    /// A line about the server (start-up, reloads, problems): always written.
    pub fn event(&self, level: Level, message: &str, fields: &[(&str, Value)]) {
        let line = match self.format {
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
        };
        self.write(level, line);
    }

    /// One request: id, method, path, status, time. Never a query string or body.
    pub fn request(&self, id: &str, method: &str, path: &str, status: u16, ms: f64) {
        if !self.requests {
            return;
        }
        let line = match self.format {
            LogFormat::Json => serde_json::json!({
                "ts": now(), "id": id, "method": method, "path": path, "status": status, "ms": (ms * 100.0).round() / 100.0,
            })
            .to_string(),
            _ => format!("{} req={id} {method} {path} {status} {ms:.2}ms", now()),
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
