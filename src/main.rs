//! Command line: parse arguments and call the library.

use std::net::TcpListener;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use leg_pain_guide::config::{Settings, SettingsArgs};
use leg_pain_guide::problem::{Level, Problems};
use leg_pain_guide::site::Mode;
use leg_pain_guide::startup;
use leg_pain_guide::web::{self, log::Logger};

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
    /// Serve the site (the default).
    Serve,
    /// Check content, strings and settings; print `file:line: message` for each problem.
    Check,
    /// Write the site as static files (with .gz and .br copies) into DIR.
    Export {
        /// Folder to write into; created if missing.
        dir: std::path::PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match cli.settings.validate() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("leg-pain-guide: {e}");
            return ExitCode::from(2);
        }
    };
    match cli.command.unwrap_or(Command::Serve) {
        Command::Check => check(&settings),
        Command::Serve => serve(settings),
        Command::Export { dir } => export(&settings, &dir),
    }
}

fn print_problems(problems: &Problems) {
    for p in &problems.0 {
        eprintln!("{p}");
    }
}

fn check(settings: &Settings) -> ExitCode {
    match startup::build(settings, Mode::Serve, startup::today(), Level::Error) {
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
            ExitCode::FAILURE
        }
    }
}

fn serve(settings: Settings) -> ExitCode {
    let started = std::time::Instant::now();
    let log = Logger::start(settings.log_format);
    // A passed review date never stops the site: the page says so, and the log warns.
    let site = match startup::build(&settings, Mode::Serve, startup::today(), Level::Warning) {
        Ok((site, warnings)) => {
            for w in &warnings.0 {
                log.event(web::log::Level::Warn, &w.to_string(), &[]);
            }
            site
        }
        Err(problems) => {
            print_problems(&problems);
            eprintln!(
                "leg-pain-guide: not starting until the problems above are fixed (run `leg-pain-guide check`)"
            );
            return ExitCode::from(2);
        }
    };
    let listener = match TcpListener::bind(settings.bind) {
        Ok(l) => l,
        Err(e) => {
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
    let state = actix_web::web::Data::new(web::AppState::new(site, settings, log.clone()));
    let result = runtime.block_on(async move {
        let server = web::start(listener, state)?;
        log.event(
            web::log::Level::Info,
            &format!("Serving the site at http://{address}/"),
            &[("address", format!("http://{address}").into())],
        );
        log.event(
            web::log::Level::Info,
            &format!(
                "Ready in {:.1} ms: {pages} pages loaded, rendered and compressed",
                started.elapsed().as_secs_f64() * 1000.0
            ),
            &[
                ("ms", (started.elapsed().as_secs_f64() * 1000.0).into()),
                ("pages", pages.into()),
            ],
        );
        server.await
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("leg-pain-guide: server error: {e}");
            ExitCode::FAILURE
        }
    }
}
