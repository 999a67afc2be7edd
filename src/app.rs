//! The running application, as in zero-to-production: [`Application::build`]
//! loads and renders the site and binds the listener;
//! [`Application::run_until_stopped`] serves until told to stop. Signals are
//! taken as nginx takes them: SIGTERM or SIGINT stops after the requests in
//! flight (a second one exits at once), SIGHUP reloads. The binary, the HTTP
//! tests and the browser tests all start the app this way.

use std::io;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_server::{Server, ServerHandle};
use actix_web::web::Data;
use serde_json::Value;

use crate::problem::{Level, Problem, Problems};
use crate::settings::{Settings, Source};
use crate::site::{Mode, Site};
use crate::startup;
use crate::web::log::{self, Logger};
use crate::web::{self, AppState, Capacity};

/// Why the app did not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The content, the strings or a folder has problems (printed one a line).
    #[error("{0}")]
    Problems(Problems),
    #[error("cannot listen on {address} (--bind, BIND): {error}")]
    Bind {
        address: SocketAddr,
        error: io::Error,
    },
}

/// How to start: the defaults serve as the binary does.
#[derive(Default)]
pub struct Options {
    /// Workers and connections per worker (tests reach the limit with a few sockets).
    pub capacity: Capacity,
    /// Listen for SIGTERM, SIGINT and SIGHUP (the binary does; tests in one
    /// process reload and stop through [`Control`] instead).
    pub signals: bool,
    /// A site already built for these settings (tests build each once).
    pub site: Option<Arc<Site>>,
}

/// A built, bound application, not yet serving.
pub struct Application {
    server: Server,
    address: SocketAddr,
    control: Control,
    signals: bool,
    started: Instant,
}

/// Reloads and stops a running application.
#[derive(Clone)]
pub struct Control {
    state: Data<AppState>,
    source: Source,
    handle: ServerHandle,
}

impl Application {
    /// Loads, checks and renders the site for `settings` and binds
    /// `settings.bind`; a passed review date never stops it (the log warns).
    pub fn build(
        source: Source,
        settings: Settings,
        log: Logger,
        options: Options,
    ) -> Result<Application, StartError> {
        let started = Instant::now();
        let site = match options.site {
            Some(site) => site,
            None => Arc::new(build_for_serving(&settings, &log).map_err(StartError::Problems)?),
        };
        let listener = TcpListener::bind(settings.bind).map_err(|error| StartError::Bind {
            address: settings.bind,
            error,
        })?;
        let address = listener.local_addr().map_err(|error| StartError::Bind {
            address: settings.bind,
            error,
        })?;
        let state = Data::new(AppState::sharing(site, settings, log));
        let server = web::start_with(listener, state.clone(), options.capacity)
            .map_err(|error| StartError::Bind { address, error })?;
        let handle = server.handle();
        Ok(Application {
            server,
            address,
            control: Control {
                state,
                source,
                handle,
            },
            signals: options.signals,
            started,
        })
    }

    /// Where it listens (the port chosen, when `--bind` asked for port 0).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// What reloads and stops it.
    pub fn control(&self) -> Control {
        self.control.clone()
    }

    /// Serves until stopped: says where, and how quickly it was ready.
    pub async fn run_until_stopped(self) -> io::Result<()> {
        // Listening for signals before saying it is ready: a SIGHUP sent
        // the moment the "Ready" line appears reloads, never kills.
        let signals = self.signals.then(Signals::listen);
        let log = &self.control.state.log;
        let address = self.address;
        log.event(
            log::Level::Info,
            &format!("Serving the site at http://{address}/ (Ctrl-C to stop)"),
            &[("address", Value::String(format!("http://{address}")))],
        );
        let pages = pages(&self.control.state.live().site);
        let ms = self.started.elapsed().as_secs_f64() * 1000.0;
        log.event(
            log::Level::Info,
            &format!("Ready in {ms:.1} ms: {pages} pages loaded, rendered and compressed"),
            &[("ms", ms.into()), ("pages", pages.into())],
        );
        let watcher = tokio::spawn(self.control.clone().watch(signals));
        let result = self.server.await;
        watcher.abort();
        result
    }
}

/// The pages of every language.
fn pages(site: &Site) -> usize {
    site.content.langs.iter().map(|l| l.pages.len()).sum()
}

/// Builds the site a server runs. A passed review date never stops it: the
/// page says so, and the log warns.
fn build_for_serving(settings: &Settings, log: &Logger) -> Result<Site, Problems> {
    let (site, warnings) = startup::build(settings, Mode::Serve, startup::today(), Level::Warning)?;
    for w in &warnings.0 {
        log.event(log::Level::Warn, &w.to_string(), &[]);
    }
    Ok(site)
}

/// The signals the server answers to, listened for from start-up on.
struct Signals {
    term: tokio::signal::unix::Signal,
    int: tokio::signal::unix::Signal,
    hup: tokio::signal::unix::Signal,
}

impl Signals {
    fn listen() -> io::Result<Signals> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(Signals {
            term: signal(SignalKind::terminate())?,
            int: signal(SignalKind::interrupt())?,
            hup: signal(SignalKind::hangup())?,
        })
    }
}

/// What woke the watcher.
enum Wake {
    Stop(i32),
    Reload(&'static str),
}

impl Control {
    /// The state every request reads.
    pub fn state(&self) -> &Data<AppState> {
        &self.state
    }

    /// Stops accepting and finishes the requests in flight.
    pub async fn stop(&self) {
        self.state.log.event(
            log::Level::Info,
            "stopping: finishing requests in flight (send the signal again to exit at once)",
            &[],
        );
        self.state.shutdown.notify_waiters();
        self.handle.stop(true).await;
    }

    /// Answers signals (when listened for) and rebuilds the site the day
    /// after a page's review date passes, so the page says so.
    async fn watch(self, signals: Option<io::Result<Signals>>) {
        let mut signals = match signals {
            Some(Ok(s)) => Some(s),
            Some(Err(_)) => {
                self.state
                    .log
                    .event(log::Level::Warn, "cannot listen for signals", &[]);
                None
            }
            None => None,
        };
        let mut stopping = false;
        loop {
            match self.next_wake(signals.as_mut()).await {
                Wake::Reload(why) => self.reload(why).await,
                Wake::Stop(code) if stopping => {
                    self.state
                        .log
                        .event(log::Level::Warn, "second stop signal: exiting now", &[]);
                    self.state.log.flush();
                    std::process::exit(code);
                }
                Wake::Stop(_) => {
                    stopping = true;
                    let control = self.clone();
                    tokio::spawn(async move { control.stop().await });
                }
            }
        }
    }

    async fn next_wake(&self, signals: Option<&mut Signals>) -> Wake {
        let review = next_review_rebuild(&self.state.live().site);
        let Some(s) = signals else {
            tokio::time::sleep(review).await;
            return Wake::Reload("a review date passed");
        };
        tokio::select! {
            _ = s.term.recv() => Wake::Stop(143),
            _ = s.int.recv() => Wake::Stop(130),
            _ = s.hup.recv() => Wake::Reload("SIGHUP"),
            () = tokio::time::sleep(review) => Wake::Reload("a review date passed"),
        }
    }

    /// Reads the settings file, the strings and the content again and swaps
    /// the site in whole; connections stay open. On a problem, the old site
    /// stays: a bad setting, file or folder is one line; problems in the
    /// content are a line each, then one that says the old site stays.
    pub async fn reload(&self, why: &str) {
        let log = self.state.log.clone();
        let source = self.source.clone();
        let built = tokio::task::spawn_blocking(move || {
            let settings = source
                .settings()
                .map_err(|e| Problems(vec![Problem::fatal("", e.to_string())]))?;
            let site = build_for_serving(&settings, &log)?;
            Ok::<_, Problems>((site, settings))
        })
        .await;
        match built {
            Ok(Ok((site, settings))) => self.swap(site, settings, why),
            Ok(Err(problems)) => self.reload_failed(&problems, why),
            Err(e) => self.failed(why, &e.to_string()),
        }
    }

    fn swap(&self, site: Site, settings: Settings, why: &str) {
        let log = &self.state.log;
        if settings.bind != self.state.live().settings.bind {
            log.event(
                log::Level::Warn,
                "the bind address cannot change without a restart: still listening where it was",
                &[],
            );
        }
        let pages = pages(&site);
        // The log follows the new settings from this line on.
        log.set_format(settings.log_format);
        self.state.replace(site, settings);
        log.event(
            log::Level::Info,
            &format!("reloaded after {why}: {pages} pages"),
            &[("pages", pages.into())],
        );
    }

    fn reload_failed(&self, problems: &Problems, why: &str) {
        if let Some(fatal) = problems.fatal_only() {
            let lines: Vec<String> = fatal
                .0
                .iter()
                .map(|p| {
                    if p.file.is_empty() {
                        p.message.clone()
                    } else {
                        p.to_string()
                    }
                })
                .collect();
            return self.failed(why, &lines.join("; "));
        }
        for p in problems.errors() {
            self.state.log.event(log::Level::Warn, &p.to_string(), &[]);
        }
        self.state.log.event(
            log::Level::Warn,
            &format!("reload after {why} failed: still serving the old site"),
            &[],
        );
    }

    fn failed(&self, why: &str, problem: &str) {
        self.state.log.event(
            log::Level::Warn,
            &format!("reload after {why} failed, still serving the old site: {problem}"),
            &[],
        );
    }
}

/// How long until the day after the next review date still to come.
fn next_review_rebuild(site: &Site) -> Duration {
    let today = startup::today();
    let next = site
        .content
        .langs
        .iter()
        .flat_map(|l| &l.pages)
        .map(|p| p.next_review)
        .filter(|d| *d >= today)
        .min();
    let Some(next) = next else {
        return Duration::from_secs(86_400);
    };
    let midnight = (next + time::Duration::days(1)).midnight().assume_utc();
    let wait = midnight - time::OffsetDateTime::now_utc();
    Duration::try_from(wait)
        .unwrap_or_default()
        .max(Duration::from_secs(1))
}

/// A bug that panics says so on one line (on standard error, or in the log
/// once `serve` has one), never with a raw backtrace.
pub fn report_panics_on_one_line(log: Option<Logger>) {
    std::panic::set_hook(Box::new(move |info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = format!(
            "internal error (a bug: please report it): {} at {place}",
            log::sanitise(&what)
        );
        match &log {
            Some(log) => log.event(log::Level::Warn, &message, &[("panic", place.into())]),
            None => eprintln!("leg-pain-guide: {message}"),
        }
    }));
}
