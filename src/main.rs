//! Command line: parse arguments and call the library.

use std::net::TcpListener;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use leg_pain_guide::config::SettingsArgs;
use leg_pain_guide::startup;

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
    /// Check content and settings; print `file:line: message` for each problem.
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
        Command::Check => check(settings),
        Command::Serve => serve(settings),
        Command::Export { dir } => export(settings, &dir),
    }
}

fn export(settings: leg_pain_guide::config::Settings, dir: &std::path::Path) -> ExitCode {
    let base_url = settings.base_url.clone();
    let state = match startup::prepare(settings, startup::today()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match leg_pain_guide::export::export(&state.site, dir, &base_url) {
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

fn check(settings: leg_pain_guide::config::Settings) -> ExitCode {
    match startup::load_content(&settings, startup::today()) {
        Ok(content) => {
            for page in &content.pages {
                println!("{}: reading grade {:.1}", page.file.display(), page.grade);
            }
            println!("ok: {} pages, no problems", content.pages.len());
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in &problems.0 {
                eprintln!("{p}");
            }
            eprintln!("{} problem(s) found", problems.0.len());
            ExitCode::FAILURE
        }
    }
}

fn serve(settings: leg_pain_guide::config::Settings) -> ExitCode {
    let bind = settings.bind;
    let started = std::time::Instant::now();
    let state = match startup::prepare(settings, startup::today()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            eprintln!(
                "leg-pain-guide: not starting until the problems above are fixed (run `leg-pain-guide check`)"
            );
            return ExitCode::from(2);
        }
    };
    let listener = match TcpListener::bind(bind) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("leg-pain-guide: cannot listen on {bind} (--bind, BIND): {e}");
            return ExitCode::from(2);
        }
    };
    let pages = state.site.content.pages.len();
    let address = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_else(|_| bind.to_string());
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
    let result = runtime.block_on(async move {
        let server = leg_pain_guide::web::start(listener, state)?;
        println!("Serving the site at http://{address}/ (Ctrl-C to stop)");
        println!(
            "Ready in {:.1} ms: {} pages loaded, rendered and compressed",
            started.elapsed().as_secs_f64() * 1000.0,
            pages
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
