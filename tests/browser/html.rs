//! The Nu HTML Checker finds no error in any page or state of the check,
//! embeddable copies included.

use crate::checks;
use crate::states::all_states;
use crate::tools;
use common::spawn_app;

#[tokio::test]
async fn every_page_and_check_state_is_valid_html() {
    let tools = tools::require();
    let app = spawn_app().await;
    let mut documents = Vec::new();
    for state in all_states() {
        documents.push((state.name(), state.fetch(&app).await));
    }
    let errors = checks::html_errors(&tools, &documents);
    let report: Vec<String> = errors
        .iter()
        .map(|(name, errors)| format!("{name}:\n  {}", errors.join("\n  ")))
        .collect();
    assert!(
        errors.is_empty(),
        "the Nu HTML Checker found errors:\n{}",
        report.join("\n")
    );
}
