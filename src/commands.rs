//! The three commands, as the command line runs them: each prints what it
//! found and returns the exit code (2 for a bad setting, or a folder or
//! file that cannot be read).

use std::path::Path;
use std::process::ExitCode;

use crate::app::{self, Application, Options, StartError};
use crate::problem::{Level, Problems};
use crate::settings::{Settings, Source};
use crate::site::Mode;
use crate::startup;
use crate::web::log::Logger;

/// The settings every command starts from, or the one line that refuses them.
pub fn settings(source: &Source) -> Result<Settings, ExitCode> {
    source.settings().map_err(|e| {
        eprintln!("leg-pain-guide: {e}");
        ExitCode::from(2)
    })
}

fn print_problems(problems: &Problems) {
    for p in &problems.0 {
        eprintln!("{p}");
    }
}

/// `check`: every problem as `file:line: message`, each page's reading level.
pub fn check(settings: &Settings) -> ExitCode {
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

/// `export DIR`: the site as static files.
pub fn export(settings: &Settings, dir: &Path) -> ExitCode {
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
    match crate::export::export(&site, dir) {
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

/// `serve`: the application, until a signal stops it.
pub fn serve(settings: Settings, source: Source) -> ExitCode {
    let log = Logger::start(settings.log_format);
    app::report_panics_on_one_line(Some(log.clone()));
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
    let options = Options {
        signals: true,
        ..Options::default()
    };
    let result = runtime.block_on(async {
        let app = Application::build(source, settings, log.clone(), options)?;
        app.run_until_stopped().await.map_err(Failure::Server)
    });
    log.flush();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Start(StartError::Problems(problems))) => {
            print_problems(&problems);
            if problems.fatal_only().is_none() {
                eprintln!(
                    "leg-pain-guide: not starting until the problems above are fixed (run `leg-pain-guide check`)"
                );
            }
            ExitCode::from(2)
        }
        Err(Failure::Start(e)) => {
            eprintln!("leg-pain-guide: {e}");
            ExitCode::from(2)
        }
        Err(Failure::Server(e)) => {
            eprintln!("leg-pain-guide: server error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Why `serve` ended badly.
enum Failure {
    Start(StartError),
    Server(std::io::Error),
}

impl From<StartError> for Failure {
    fn from(e: StartError) -> Failure {
        Failure::Start(e)
    }
}
