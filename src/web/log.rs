//! The log: one line per event, as text or JSON, each with a UTC timestamp,
//! written through a buffer by a thread of its own so a request never waits
//! on stdout. Nothing of a symptom check's answers is ever passed here.

use std::io::{BufWriter, Write};
use std::sync::mpsc;

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
    tx: mpsc::SyncSender<(Level, String)>,
}

impl Logger {
    /// Starts the log thread.
    pub fn start(format: LogFormat) -> Logger {
        // Bounded: a stuck stdout slows requests rather than growing memory without end.
        let (tx, rx) = mpsc::sync_channel::<(Level, String)>(16 * 1024);
        std::thread::Builder::new()
            .name("log".into())
            .spawn(move || {
                let mut out = BufWriter::with_capacity(64 * 1024, std::io::stdout());
                let mut err = std::io::stderr();
                while let Ok(first) = rx.recv() {
                    let mut next = Some(first);
                    // Write everything waiting, then flush once.
                    while let Some((level, line)) = next {
                        let _ = match level {
                            Level::Info => writeln!(out, "{line}"),
                            Level::Warn => out.flush().and_then(|()| writeln!(err, "{line}")),
                        };
                        next = rx.try_recv().ok();
                    }
                    let _ = out.flush();
                }
            })
            .expect("start the log thread");
        Logger {
            format,
            requests: format != LogFormat::Off,
            tx,
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
        let _ = self.tx.send((level, line));
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
        let _ = self.tx.send((Level::Info, line));
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
