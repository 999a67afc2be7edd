//! Command line: parse arguments and call the library.

use std::net::TcpListener;
use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use leg_pain_guide::config::{Settings, SettingsArgs};
use leg_pain_guide::problem::{Level, Problem, Problems};
use leg_pain_guide::site::{Mode, Site};
use leg_pain_guide::startup;
use leg_pain_guide::web::log::{self, Logger};
use leg_pain_guide::web::{self, AppState};
use serde_json::Value;

#[derive(Parser)]
#[command(
    name = "leg-pain-guide",
    version,
    about = "A patient-education website on leg pain at night"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    settings: SettingsArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site (the default). SIGHUP reloads content, strings and the
    /// settings file; SIGTERM or Ctrl-C stops after requests in flight, a
    /// second one at once.
    Serve,
    /// Check content, strings and settings; print `file:line: message` for each problem.
    Check,
    /// Write the site as static files (with .gz and .br copies) into DIR.
    Export {
        /// Folder to write into; created if missing.
        dir: std::path::PathBuf,
    },
}

/// Where the settings come from, to read them again on SIGHUP: the flags and
/// environment as given, and which settings they left at their default (the
/// settings file may set those).
#[derive(Clone)]
struct Source {
    args: SettingsArgs,
    defaulted: Vec<String>,
}

impl Source {
    fn settings(&self) -> Result<Settings, String> {
        let args = self
            .args
            .with_file(&self.defaulted)
            .map_err(|e| e.to_string())?;
        args.validate().map_err(|e| e.to_string())
    }
}

/// A bug that panics says so on one line (on standard error, or in the log
/// once `serve` has one), never with a raw backtrace.
fn report_panics_on_one_line(log: Option<Logger>) {
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

fn main() -> ExitCode {
    report_panics_on_one_line(None);
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    let defaulted = serde_json::to_value(&cli.settings)
        .ok()
        .and_then(|v| v.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()))
        .unwrap_or_default()
        .into_iter()
        .filter(|id| {
            !matches!(
                matches.value_source(id),
                Some(ValueSource::CommandLine | ValueSource::EnvVariable)
            )
        })
        .collect();
    let source = Source {
        args: cli.settings,
        defaulted,
    };
    let settings = match source.settings() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("leg-pain-guide: {e}");
            return ExitCode::from(2);
        }
    };
    match cli.command.unwrap_or(Command::Serve) {
        Command::Check => check(&settings),
        Command::Serve => serve(settings, source),
        Command::Export { dir } => export(&settings, &dir),
    }
}

fn print_problems(problems: &Problems) {
    for p in &problems.0 {
        eprintln!("{p}");
    }
}

fn check(settings: &Settings) -> ExitCode {
    match startup::build(settings, Mode::Check, startup::today(), Level::Error) {
        Ok((site, warnings)) => {
            print_problems(&warnings);
            for lang in &site.content.langs {
                for page in &lang.pages {
                    if let Some(r) = page.readability {
                        println!("{}: {:?} {:.1}", page.file, r.method, r.score);
                    }
                }
            }
            let pages: usize = site.content.langs.iter().map(|l| l.pages.len()).sum();
            println!(
                "ok: {pages} pages in {} languages, no problems",
                site.content.langs.len()
            );
            ExitCode::SUCCESS
        }
        Err(problems) if problems.fatal_only().is_some() => {
            print_problems(&problems);
            ExitCode::from(2)
        }
        Err(problems) => {
            print_problems(&problems);
            eprintln!("{} problem(s) found", problems.errors().count());
            ExitCode::FAILURE
        }
    }
}

fn export(settings: &Settings, dir: &std::path::Path) -> ExitCode {
    let site = match startup::build(settings, Mode::Export, startup::today(), Level::Warning) {
        Ok((site, warnings)) => {
            print_problems(&warnings);
            site
        }
        Err(problems) => {
            print_problems(&problems);
            return ExitCode::from(2);
        }
    };
    match leg_pain_guide::export::export(&site, dir) {
        Ok(files) => {
            println!("Wrote {} files to {}", files.len(), dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("leg-pain-guide: {e}");
            ExitCode::from(2)
        }
    }
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

fn serve(settings: Settings, source: Source) -> ExitCode {
    let started = std::time::Instant::now();
    let log = Logger::start(settings.log_format);
    report_panics_on_one_line(Some(log.clone()));
    let site = match build_for_serving(&settings, &log) {
        Ok(site) => site,
        Err(problems) => {
            log.flush();
            print_problems(&problems);
            if problems.fatal_only().is_none() {
                eprintln!(
                    "leg-pain-guide: not starting until the problems above are fixed (run `leg-pain-guide check`)"
                );
            }
            return ExitCode::from(2);
        }
    };
    let listener = match TcpListener::bind(settings.bind) {
        Ok(l) => l,
        Err(e) => {
            log.flush();
            eprintln!(
                "leg-pain-guide: cannot listen on {} (--bind, BIND): {e}",
                settings.bind
            );
            return ExitCode::from(2);
        }
    };
    let address = listener
        .local_addr()
        .map_or_else(|_| settings.bind.to_string(), |a| a.to_string());
    let pages: usize = site.content.langs.iter().map(|l| l.pages.len()).sum();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("leg-pain-guide: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let state = actix_web::web::Data::new(AppState::new(site, settings, log.clone()));
    let result = runtime.block_on({
        let log = log.clone();
        async move {
            let server = web::start(listener, state.clone())?;
            // Listening for signals before saying it is ready: a SIGHUP sent
            // the moment the "Ready" line appears reloads, never kills.
            let signals = Signals::listen();
            log.event(
                log::Level::Info,
                &format!("Serving the site at http://{address}/ (Ctrl-C to stop)"),
                &[("address", Value::String(format!("http://{address}")))],
            );
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            log.event(
                log::Level::Info,
                &format!("Ready in {ms:.1} ms: {pages} pages loaded, rendered and compressed"),
                &[("ms", ms.into()), ("pages", pages.into())],
            );
            tokio::spawn(watch_signals(signals, server.handle(), state, source));
            server.await
        }
    });
    log.flush();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("leg-pain-guide: server error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Signals, as nginx takes them: SIGTERM or SIGINT stops after the requests in
/// flight, a second one exits at once; SIGHUP reloads. The site is also
/// rebuilt the day after a page's review date passes, so the page says so.
/// The signals the server answers to, listened for from start-up on.
struct Signals {
    term: tokio::signal::unix::Signal,
    int: tokio::signal::unix::Signal,
    hup: tokio::signal::unix::Signal,
}

impl Signals {
    fn listen() -> std::io::Result<Signals> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(Signals {
            term: signal(SignalKind::terminate())?,
            int: signal(SignalKind::interrupt())?,
            hup: signal(SignalKind::hangup())?,
        })
    }
}

async fn watch_signals(
    signals: std::io::Result<Signals>,
    handle: actix_server::ServerHandle,
    state: actix_web::web::Data<AppState>,
    source: Source,
) {
    let Ok(Signals {
        mut term,
        mut int,
        mut hup,
    }) = signals
    else {
        state
            .log
            .event(log::Level::Warn, "cannot listen for signals", &[]);
        return;
    };
    let mut stopping = false;
    loop {
        let review = next_review_rebuild(&state.live().site);
        let code = tokio::select! {
            _ = term.recv() => 143,
            _ = int.recv() => 130,
            _ = hup.recv() => {
                reload(&state, &source, "SIGHUP").await;
                continue;
            }
            () = tokio::time::sleep(review) => {
                reload(&state, &source, "a review date passed").await;
                continue;
            }
        };
        if stopping {
            state
                .log
                .event(log::Level::Warn, "second stop signal: exiting now", &[]);
            state.log.flush();
            std::process::exit(code);
        }
        stopping = true;
        state.log.event(
            log::Level::Info,
            "stopping: finishing requests in flight (send the signal again to exit at once)",
            &[],
        );
        state.shutdown.notify_waiters();
        let handle = handle.clone();
        tokio::spawn(async move { handle.stop(true).await });
    }
}

/// How long until the day after the next review date still to come.
fn next_review_rebuild(site: &Site) -> std::time::Duration {
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
        return std::time::Duration::from_secs(86_400);
    };
    let midnight = (next + time::Duration::days(1)).midnight().assume_utc();
    let wait = midnight - time::OffsetDateTime::now_utc();
    std::time::Duration::try_from(wait)
        .unwrap_or_default()
        .max(std::time::Duration::from_secs(1))
}

/// Reads the settings file, the strings and the content again and swaps the
/// site in whole; connections stay open. On a problem, the old site stays:
/// a bad setting, file or folder is one line; problems in the content are a
/// line each, then one that says the old site stays.
async fn reload(state: &actix_web::web::Data<AppState>, source: &Source, why: &str) {
    let log = state.log.clone();
    let old_bind = state.live().settings.bind;
    let source = source.clone();
    let built = tokio::task::spawn_blocking(move || {
        let settings = source
            .settings()
            .map_err(|e| Problems(vec![Problem::fatal("", e)]))?;
        let site = build_for_serving(&settings, &log)?;
        Ok::<_, Problems>((site, settings))
    })
    .await;
    let failed = |problem: &str| {
        state.log.event(
            log::Level::Warn,
            &format!("reload after {why} failed, still serving the old site: {problem}"),
            &[],
        );
    };
    match built {
        Ok(Ok((site, settings))) => {
            if settings.bind != old_bind {
                state.log.event(log::Level::Warn, "the bind address cannot change without a restart: still listening where it was", &[]);
            }
            let pages: usize = site.content.langs.iter().map(|l| l.pages.len()).sum();
            // The log follows the new settings from this line on.
            state.log.set_format(settings.log_format);
            state.replace(site, settings);
            state.log.event(
                log::Level::Info,
                &format!("reloaded after {why}: {pages} pages"),
                &[("pages", pages.into())],
            );
        }
        Ok(Err(problems)) => match problems.fatal_only() {
            Some(fatal) => failed(
                &fatal
                    .0
                    .iter()
                    .map(|p| {
                        if p.file.is_empty() {
                            p.message.clone()
                        } else {
                            p.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            None => {
                for p in problems.errors() {
                    state.log.event(log::Level::Warn, &p.to_string(), &[]);
                }
                state.log.event(
                    log::Level::Warn,
                    &format!("reload after {why} failed: still serving the old site"),
                    &[],
                );
            }
        },
        Err(e) => failed(&format!("{e}")),
    }
}
