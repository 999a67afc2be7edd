//! Snapshots (insta) of what a reader gets, byte for byte: a topic page, a
//! symptom-check result and the published rules (`/check/how-it-works`).
//! A change to any of them shows as a diff in review (`cargo insta review`,
//! or `INSTA_UPDATE=always` to write the new ones). What changes from build
//! to build without anyone changing the site is made stable first: the
//! hashed names of the stylesheet and icon, and today's date on a result.

use common::*;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// insta's filters: hashed file names, and today's date in words and as ISO.
fn stable_filters() -> Vec<(String, String)> {
    let today = leg_pain_guide::startup::today();
    // Fluent may wrap each part in Unicode isolation marks.
    let mark = "[\u{2068}\u{2069}]?";
    let words = format!(
        "{mark}{}{mark} {mark}{}{mark} {mark}{}{mark}",
        today.day(),
        MONTHS[usize::from(u8::from(today.month())) - 1],
        today.year()
    );
    vec![
        (r"\.[0-9a-f]{8}\.(css|svg)".into(), ".[hash].$1".into()),
        (words, "[today]".into()),
        (regex_escape(&today.to_string()), "[today-iso]".into()),
    ]
}

fn regex_escape(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_string()
            } else {
                format!("\\{c}")
            }
        })
        .collect()
}

fn assert_stable_snapshot(name: &str, body: &str) {
    let mut settings = insta::Settings::clone_current();
    for (pattern, replacement) in stable_filters() {
        settings.add_filter(&pattern, replacement);
    }
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name, body));
}

#[tokio::test]
async fn a_topic_page_is_the_snapshot() {
    let app = spawn_app().await;
    let body = app.get("/causes").await.text().await.unwrap();
    assert_stable_snapshot("causes_page", &body);
}

#[tokio::test]
async fn a_symptom_check_result_is_the_snapshot() {
    let app = spawn_app().await;
    let response = app.post_form("/check", BASELINE).await;
    assert_eq!(response.status(), 200);
    let body = response.text().await.unwrap();
    assert!(body.contains("data-urgency"), "a result page");
    assert_stable_snapshot("check_result_baseline", &body);
}

#[tokio::test]
async fn the_published_rules_are_the_snapshot() {
    let app = spawn_app().await;
    let body = app.get("/check/how-it-works").await.text().await.unwrap();
    assert_stable_snapshot("how_it_works", &body);
}

#[test]
fn the_filters_hide_the_hash_and_todays_date_and_nothing_else() {
    let today = leg_pain_guide::startup::today();
    let month = MONTHS[usize::from(u8::from(today.month())) - 1];
    let text = format!(
        "style.0123abcd.css {} {month} {} 1 January 2000 {today}",
        today.day(),
        today.year()
    );
    let mut filtered = text.clone();
    for (pattern, replacement) in stable_filters() {
        filtered = regex::Regex::new(&pattern)
            .unwrap()
            .replace_all(&filtered, replacement.as_str())
            .into_owned();
    }
    assert_eq!(
        filtered,
        "style.[hash].css [today] 1 January 2000 [today-iso]"
    );
}
