//! Start-up: settings and content become an `AppState`, once.

use crate::config::Settings;
use crate::content::{self, Content, LoadOptions, Problems};
use crate::site::Site;
use crate::triage::Submission;
use crate::web::AppState;

/// Why the site cannot start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}")]
    Content(#[from] Problems),
    #[error("rendering a template failed: {0}")]
    Template(#[from] askama::Error),
}

/// Today's date in UTC, for review dates.
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// Loads and checks the content.
pub fn load_content(settings: &Settings, today: time::Date) -> Result<Content, Problems> {
    content::load(
        &settings.content_dir,
        &LoadOptions {
            emergency_number: &settings.emergency_number,
            max_grade: settings.max_grade,
            today,
        },
    )
}

/// Loads, checks and renders everything a running site needs.
pub fn prepare(settings: Settings, today: time::Date) -> Result<AppState, StartError> {
    let content = load_content(&settings, today)?;
    // The check form is the same for everyone: render it once with the page.
    let check_form = |path: &str, embed: bool| match path {
        "/check" => crate::web::check::render_form(&Submission::default(), &[], embed).map(Some),
        _ => Ok(None),
    };
    let site = Site::build(content, &settings, &check_form)?;
    let embed_csp = crate::web::middleware::embed_content_security_policy(&settings.embed_origins)
        .try_into()
        .expect("validated origins make a valid header");
    Ok(AppState {
        site,
        settings,
        embed_csp,
    })
}
