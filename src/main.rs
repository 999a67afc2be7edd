//! Command line: parse arguments and call the library.

#![warn(clippy::too_many_lines)]

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use leg_pain_guide::app::report_panics_on_one_line;
use leg_pain_guide::commands;
use leg_pain_guide::settings::{RawSettings, Source};

#[derive(Parser)]
#[command(
    name = "leg-pain-guide",
    version,
    about = "A patient-education website on leg pain at night"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Only the settings a flag or a variable gave; the settings file and
    /// the defaults fill the rest.
    #[command(flatten)]
    settings: RawSettings,
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

fn main() -> ExitCode {
    report_panics_on_one_line(None);
    let cli = Cli::parse();
    let source = Source::new(cli.settings);
    let settings = match commands::settings(&source) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match cli.command.unwrap_or(Command::Serve) {
        Command::Check => commands::check(&settings),
        Command::Serve => commands::serve(settings, source),
        Command::Export { dir } => commands::export(&settings, &dir),
    }
}
