//! What a reader can see: every page, and every state of the symptom check,
//! and how to get the browser (or an HTTP client) there.

use leg_pain_guide::content::REQUIRED_PAGES;
use serde_json::json;

use crate::helpers::TestApp;
use crate::webdriver::Session;

/// A path no page lives at, for the 404 page.
pub const NOT_FOUND_PATH: &str = "/no-such-page";

/// Answers that raise nothing: everything no, mild, and helped by home care.
const SELF_CARE: &[(&str, &str)] = &[
    ("one_leg_signs", "no"),
    ("breathless", "no"),
    ("numbness", "no"),
    ("skin_changes", "no"),
    ("injury", "no"),
    ("severity", "mild"),
    ("onset", "days"),
    ("frequency", "occasional"),
    ("course", "same"),
    ("sleep_impact", "little"),
    ("home_care", "helped"),
];

/// The fields a person must answer, in the form's order.
pub fn required_fields() -> Vec<&'static str> {
    SELF_CARE.iter().map(|(field, _)| *field).collect()
}

/// One result level and answers that lead to it. Levels other than
/// self-care tick some boxes too, so the result lists possible causes.
pub struct Level {
    pub urgency: &'static str,
    changes: &'static [(&'static str, &'static str)],
}

pub const LEVELS: &[Level] = &[
    Level {
        urgency: "emergency",
        changes: &[("one_leg_signs", "yes"), ("feelings", "cramp")],
    },
    Level {
        urgency: "urgent",
        changes: &[
            ("numbness", "yes"),
            ("feelings", "burning_tingling"),
            ("conditions", "diabetes"),
        ],
    },
    Level {
        urgency: "routine",
        changes: &[
            ("severity", "severe"),
            ("feelings", "urge_to_move"),
            ("factors", "little_water"),
            ("factors", "long_sitting"),
        ],
    },
    Level {
        urgency: "self_care",
        changes: &[],
    },
];

impl Level {
    /// Every (field, value) pair to tick, in form order.
    pub fn answers(&self) -> Vec<(&'static str, &'static str)> {
        let mut answers: Vec<(&str, &str)> = SELF_CARE
            .iter()
            .map(|&(field, value)| {
                let changed = self.changes.iter().find(|(f, _)| *f == field);
                (field, changed.map_or(value, |(_, v)| *v))
            })
            .collect();
        answers.extend(
            self.changes
                .iter()
                .filter(|(f, _)| !SELF_CARE.iter().any(|(g, _)| g == f)),
        );
        answers
    }

    pub fn form_body(&self) -> String {
        let mut form = form_urlencoded::Serializer::new(String::new());
        for (field, value) in self.answers() {
            form.append_pair(field, value);
        }
        form.finish()
    }
}

/// One thing a reader can see.
pub enum State {
    /// A page fetched with GET (the 404 page included).
    Page {
        name: &'static str,
        path: &'static str,
    },
    /// The check submitted with nothing answered: the error summary.
    CheckErrors,
    /// The check answered and submitted: a result.
    Result(&'static Level),
}

/// Every page, the 404 page, and every state of the check (the empty
/// form is the `/check` page).
pub fn all_states() -> Vec<State> {
    let mut states: Vec<State> = REQUIRED_PAGES
        .iter()
        .map(|&(name, path)| State::Page { name, path })
        .collect();
    states.push(State::Page {
        name: "not-found",
        path: NOT_FOUND_PATH,
    });
    states.push(State::CheckErrors);
    states.extend(LEVELS.iter().map(State::Result));
    states
}

/// How the form is filled in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// One WebDriver click per answer, as a person with a mouse would.
    Clicks,
    /// The page's own `click()` on each answer: quicker, for the big sweeps.
    /// The submit button is always clicked through WebDriver.
    Script,
}

impl State {
    pub fn name(&self) -> String {
        match self {
            State::Page { name, .. } => (*name).to_string(),
            State::CheckErrors => "check-errors".into(),
            State::Result(level) => format!("result-{}", level.urgency.replace('_', "-")),
        }
    }

    /// Brings the browser to this state, through the real form for the check.
    pub async fn reach(&self, session: &Session, app: &TestApp, input: Input) {
        match self {
            State::Page { path, .. } => session.goto(&app.url(path)).await,
            State::CheckErrors => {
                session.goto(&app.url("/check")).await;
                submit(session).await;
                session
                    .wait_for(
                        "return document.readyState === 'complete' && !!document.querySelector('.error-summary');",
                        "the error summary after submitting the empty check",
                    )
                    .await;
            }
            State::Result(level) => {
                session.goto(&app.url("/check")).await;
                answer(session, &level.answers(), input).await;
                submit(session).await;
                session
                    .wait_for(
                        "return document.readyState === 'complete' && !!document.querySelector('[data-urgency]');",
                        "the result page",
                    )
                    .await;
                let shown = urgency_shown(session).await;
                assert_eq!(
                    shown,
                    level.urgency,
                    "submitting {:?} in the browser",
                    level.answers()
                );
            }
        }
    }

    /// The HTTP status the page comes with.
    pub fn status(&self) -> u16 {
        match self {
            State::Page { path, .. } if *path == NOT_FOUND_PATH => 404,
            State::CheckErrors => 422,
            _ => 200,
        }
    }

    /// The document as the server sends it (for the HTML checker).
    pub async fn fetch(&self, app: &TestApp) -> String {
        let response = match self {
            State::Page { path, .. } => app.get(path).await,
            State::CheckErrors => app.post_form("/check", "").await,
            State::Result(level) => app.post_form("/check", level.form_body()).await,
        };
        assert_eq!(response.status(), self.status(), "{}", self.name());
        response.text().await.expect("a body")
    }
}

/// Ticks each answer on the check form.
pub async fn answer(session: &Session, answers: &[(&str, &str)], input: Input) {
    match input {
        Input::Clicks => {
            for (field, value) in answers {
                session
                    .click(&format!("input[name=\"{field}\"][value=\"{value}\"]"))
                    .await;
            }
        }
        Input::Script => {
            let missing = session
                .execute(
                    "for (const [field, value] of arguments[0]) {\n\
                       const input = document.querySelector(`input[name=\"${field}\"][value=\"${value}\"]`);\n\
                       if (!input) return `${field}=${value}`;\n\
                       input.click();\n\
                     }\n\
                     return null;",
                    vec![json!(answers)],
                )
                .await;
            assert!(missing.is_null(), "the form has no answer {missing}");
        }
    }
}

/// Clicks the check's submit button.
pub async fn submit(session: &Session) {
    session.click(".check-form button[type=submit]").await;
}

/// The `data-urgency` of the result on screen.
pub async fn urgency_shown(session: &Session) -> String {
    session
        .execute(
            "const el = document.querySelector('[data-urgency]'); return el ? el.dataset.urgency : '';",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Problems found while visiting states, reported all together at the end.
#[derive(Default)]
pub struct Report {
    lines: Vec<String>,
}

impl Report {
    pub fn add(&mut self, place: &str, problems: Vec<String>) {
        self.lines
            .extend(problems.into_iter().map(|p| format!("[{place}] {p}")));
    }

    pub fn assert_clean(&self, what: &str) {
        assert!(
            self.lines.is_empty(),
            "{what}: {} problem(s)\n{}",
            self.lines.len(),
            self.lines.join("\n")
        );
    }
}
