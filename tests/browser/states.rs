//! What a reader can see: every page, every state of the symptom check,
//! the embeddable copies clinics put in a frame, the search page's states,
//! and how to get the browser (or an HTTP client) there.

use serde_json::json;

use crate::webdriver::Session;
use common::{TestApp, every_page, in_lang};

/// A page's short name, for reports and screenshots: `causes`,
/// `how-it-works`, and `index` for the home page.
fn short_name(path: &str) -> &str {
    match path.rsplit('/').next() {
        Some("") | None => "index",
        Some(last) => last,
    }
}

/// A path no page lives at, for the 404 page.
pub const NOT_FOUND_PATH: &str = "/no-such-page";

/// The languages' path prefixes: English, then Spanish.
pub use common::LANGS;

/// Every page in every language, by a short name (`es-causes`) and its path.
pub fn all_pages() -> Vec<(String, String)> {
    LANGS.iter().flat_map(|lang| pages_in(lang)).collect()
}

/// Every page in one language, by a short name (`es-causes`) and its path.
fn pages_in(lang: &str) -> impl Iterator<Item = (String, String)> + '_ {
    every_page().map(move |path| {
        (
            format!("{}{}", lang_name(lang), short_name(path)),
            in_lang(lang, path),
        )
    })
}

/// `es-` for Spanish states, nothing for English.
fn lang_name(lang: &str) -> String {
    if lang.is_empty() {
        String::new()
    } else {
        format!("{}-", lang.trim_start_matches('/'))
    }
}

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

/// The warning signs: step 1 of the check.
pub const SIGN_FIELDS: &[&str] = &[
    "one_leg_signs",
    "breathless",
    "numbness",
    "skin_changes",
    "injury",
];

/// One result level and answers that lead to it. Levels other than
/// self-care tick some boxes too, so the result lists possible causes.
pub struct Level {
    pub urgency: &'static str,
    changes: &'static [(&'static str, &'static str)],
}

/// The results reached through the form: an emergency sign ends the
/// questions after step 1; the others go through both steps.
pub const LEVELS: &[Level] = &[
    Level {
        urgency: "emergency",
        changes: &[("one_leg_signs", "yes")],
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
            ("onset", "months"),
            ("conditions", "heart_disease"),
        ],
    },
    Level {
        urgency: "self_care",
        changes: &[],
    },
];

/// Not sure about a sign of a clot: urgent is decided in step 1 (U6), so
/// step 2 opens with the notice and "See my result now".
pub const UNSURE: Level = Level {
    urgency: "urgent",
    changes: &[("one_leg_signs", "unsure")],
};

/// The embedded check's result in the sweeps: numbness alone makes it
/// urgent (everything else no, mild, days, occasional, same, little, helped).
pub const EMBED_URGENT: Level = Level {
    urgency: "urgent",
    changes: &[("numbness", "yes")],
};

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

    /// The answers of step 1, the warning signs.
    pub fn sign_answers(&self) -> Vec<(&'static str, &'static str)> {
        self.answers()
            .into_iter()
            .filter(|(f, _)| SIGN_FIELDS.contains(f))
            .collect()
    }

    /// The answers of step 2.
    pub fn detail_answers(&self) -> Vec<(&'static str, &'static str)> {
        self.answers()
            .into_iter()
            .filter(|(f, _)| !SIGN_FIELDS.contains(f))
            .collect()
    }

    /// Whether the result comes straight after step 1 (an emergency sign).
    pub fn ends_at_step_1(&self) -> bool {
        self.urgency == "emergency"
    }

    /// Every answer as one form body (the one-page POST).
    pub fn form_body(&self) -> String {
        body_of(&self.answers())
    }

    /// Step 1's answers as its button sends them.
    pub fn signs_body(&self) -> String {
        body_of(&self.sign_answers()) + "&step=signs"
    }
}

fn body_of(answers: &[(&str, &str)]) -> String {
    let mut form = form_urlencoded::Serializer::new(String::new());
    for (field, value) in answers {
        form.append_pair(field, value);
    }
    form.finish()
}

/// Which copy of the symptom check a state is on: the site's own page or the
/// embeddable copy a clinic puts in a frame (it posts to itself), in a language.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Form {
    pub embed: bool,
    /// The language's path prefix (`""` or `"/es"`).
    pub lang: &'static str,
}

impl Form {
    /// The site's own check, in English.
    pub const SITE: Form = Form {
        embed: false,
        lang: "",
    };

    /// Where the form is, and where it posts.
    pub fn path(self) -> String {
        format!(
            "{}{}",
            self.lang,
            if self.embed { "/embed/check" } else { "/check" }
        )
    }

    fn name_prefix(self) -> String {
        format!(
            "{}{}",
            lang_name(self.lang),
            if self.embed { "embed-" } else { "" }
        )
    }
}

/// One thing a reader can see.
pub enum State {
    /// A page fetched with GET (the 404 page included).
    Page { name: String, path: String },
    /// Step 1 submitted with nothing answered: the error summary.
    CheckErrors(Form),
    /// Step 2, reached with a level's warning signs (the urgent notice when
    /// they decide urgent).
    Details(Form, &'static Level),
    /// Step 2 submitted with nothing answered, after "not sure" about a clot
    /// sign: its error summary, and the urgent notice kept.
    DetailsErrors(Form),
    /// The check answered through both steps (step 1 alone for an emergency): a result.
    Result(Form, &'static Level),
    /// "See my result now" from step 2's urgent notice: a result decided early.
    ResultNow(Form),
}

/// Every page, the 404 page, every state of the check (the empty form is
/// the `/check` page), and the embeddable copies, in every language.
pub fn all_states() -> Vec<State> {
    LANGS.iter().flat_map(|lang| states_in(lang)).collect()
}

/// The same states in one language (`""` for English, `"/es"`), for the
/// longest sweeps, which run a language each so the two can run side by side.
pub fn states_in(lang: &'static str) -> Vec<State> {
    let site = Form { embed: false, lang };
    let mut states: Vec<State> = pages_in(lang)
        .map(|(name, path)| State::Page { name, path })
        .collect();
    states.push(State::Page {
        name: format!("{}not-found", lang_name(lang)),
        path: format!("{lang}{NOT_FOUND_PATH}"),
    });
    states.push(State::CheckErrors(site));
    states.push(State::Details(site, &LEVELS[3]));
    states.push(State::Details(site, &UNSURE));
    states.push(State::DetailsErrors(site));
    states.extend(LEVELS.iter().map(|level| State::Result(site, level)));
    states.push(State::ResultNow(site));
    states.extend(embed_states(lang));
    states.extend(search_states(lang));
    states
}

/// The search page's states in a language: nothing typed yet; results with a
/// "did you mean" (a misspelt search); the emergency card before the
/// results (a warning sign named); and no result at all.
pub fn search_states(lang: &'static str) -> Vec<State> {
    let searches: [(&str, &str); 4] = if lang.is_empty() {
        [
            ("search", ""),
            ("search-results", "restles legs"),
            ("search-emergency", "swollen red calf"),
            ("search-no-results", "xyzzy qwerty"),
        ]
    } else {
        [
            ("search", ""),
            ("search-results", "piernas inquetas"),
            ("search-emergency", "pantorrilla hinchada y roja"),
            ("search-no-results", "xyzzy qwerty"),
        ]
    };
    searches
        .into_iter()
        .map(|(name, query)| State::Page {
            name: format!("{}{name}", lang_name(lang)),
            path: search_path(lang, query),
        })
        .collect()
}

/// The search page's address for a query in a language (`""` or `"/es"`).
pub fn search_path(lang: &str, query: &str) -> String {
    if query.is_empty() {
        return format!("{lang}/search");
    }
    let q: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("q", query)
        .finish();
    format!("{lang}/search?{q}")
}

/// The embeddable copies, opened on their own: the empty embedded check,
/// its error summary, its step 2 with the urgent notice, one of its results,
/// and a topic page.
pub fn embed_states(lang: &'static str) -> Vec<State> {
    let embed = Form { embed: true, lang };
    vec![
        State::Page {
            name: format!("{}embed-check", lang_name(lang)),
            path: embed.path(),
        },
        State::CheckErrors(embed),
        State::Details(embed, &UNSURE),
        State::Result(embed, &EMBED_URGENT),
        State::Page {
            name: format!("{}embed-causes", lang_name(lang)),
            path: format!("{lang}/embed/causes"),
        },
    ]
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
            State::Page { name, .. } => name.clone(),
            State::CheckErrors(form) => format!("{}check-errors", form.name_prefix()),
            State::Details(form, level) => format!(
                "{}check-step-2{}",
                form.name_prefix(),
                if level.sign_answers().iter().any(|(_, v)| *v != "no") {
                    "-notice"
                } else {
                    ""
                }
            ),
            State::DetailsErrors(form) => format!("{}check-step-2-errors", form.name_prefix()),
            State::Result(form, level) => format!(
                "{}result-{}",
                form.name_prefix(),
                level.urgency.replace('_', "-")
            ),
            State::ResultNow(form) => format!("{}result-urgent-now", form.name_prefix()),
        }
    }

    /// Brings the browser to this state, through the real form for the check.
    /// The form posts to its own address, so the answer page is there too.
    pub async fn reach(&self, session: &Session, app: &TestApp, input: Input) {
        match self {
            State::Page { path, .. } => session.goto(&app.url(path)).await,
            State::CheckErrors(form) => {
                session.goto(&app.url(&form.path())).await;
                submit(session).await;
                wait_for_errors(session, *form, "signs").await;
            }
            State::Details(form, level) => reach_step_2(session, app, *form, level, input).await,
            State::DetailsErrors(form) => {
                reach_step_2(session, app, *form, &UNSURE, input).await;
                submit(session).await;
                wait_for_errors(session, *form, "details").await;
            }
            State::Result(form, level) => {
                session.goto(&app.url(&form.path())).await;
                complete_check(session, *form, level, input).await;
            }
            State::ResultNow(form) => {
                reach_step_2(session, app, *form, &UNSURE, input).await;
                session.click("[data-urgency] form button[value=now]").await;
                wait_for_result(session, *form).await;
                assert_eq!(urgency_shown(session).await, "urgent", "see my result now");
            }
        }
    }

    /// The HTTP status the page comes with.
    pub fn status(&self) -> u16 {
        match self {
            State::Page { path, .. } if path.ends_with(NOT_FOUND_PATH) => 404,
            State::CheckErrors(_) | State::DetailsErrors(_) => 422,
            _ => 200,
        }
    }

    /// The document as the server sends it (for the HTML checker).
    pub async fn fetch(&self, app: &TestApp) -> String {
        let response = match self {
            State::Page { path, .. } => app.get(path).await,
            State::CheckErrors(form) => app.post_form(&form.path(), "").await,
            State::Details(form, level) => app.post_form(&form.path(), level.signs_body()).await,
            State::DetailsErrors(form) => {
                let body = body_of(&UNSURE.sign_answers()) + "&step=details";
                app.post_form(&form.path(), body).await
            }
            State::Result(form, level) => app.post_form(&form.path(), level.form_body()).await,
            State::ResultNow(form) => {
                let body = body_of(&UNSURE.sign_answers()) + "&step=now";
                app.post_form(&form.path(), body).await
            }
        };
        assert_eq!(response.status(), self.status(), "{}", self.name());
        response.text().await.expect("a body")
    }
}

/// Answers step 1 with a level's warning signs and goes on to step 2.
async fn reach_step_2(session: &Session, app: &TestApp, form: Form, level: &Level, input: Input) {
    session.goto(&app.url(&form.path())).await;
    answer(session, &level.sign_answers(), input).await;
    submit(session).await;
    wait_for_step(session, form, "details").await;
}

/// Fills in the check as a person would: the warning signs, then (unless
/// an emergency sign ends the questions) step 2; then waits for the result
/// and checks its level.
pub async fn complete_check(session: &Session, form: Form, level: &Level, input: Input) {
    answer(session, &level.sign_answers(), input).await;
    submit(session).await;
    if !level.ends_at_step_1() {
        wait_for_step(session, form, "details").await;
        answer(session, &level.detail_answers(), input).await;
        submit(session).await;
    }
    wait_for_result(session, form).await;
    let shown = urgency_shown(session).await;
    assert_eq!(
        shown,
        level.urgency,
        "submitting {:?} in the browser",
        level.answers()
    );
}

/// Waits for a page of the form (`signs` or `details`) at the form's address.
pub async fn wait_for_step(session: &Session, form: Form, step: &str) {
    session
        .wait_for(
            &format!(
                "return document.readyState === 'complete' && location.pathname === '{}' && !!document.querySelector('form[data-step={step}]');",
                form.path()
            ),
            &format!("step {step} at {}", form.path()),
        )
        .await;
}

/// Waits for a page of the form with its error summary.
async fn wait_for_errors(session: &Session, form: Form, step: &str) {
    session
        .wait_for(
            &format!(
                "return document.readyState === 'complete' && location.pathname === '{}' && !!document.querySelector('form[data-step={step}]') && !!document.querySelector('.error-summary');",
                form.path()
            ),
            &format!("the error summary of step {step} at {}", form.path()),
        )
        .await;
}

/// Waits for a result page at the form's address.
pub async fn wait_for_result(session: &Session, form: Form) {
    session
        .wait_for(
            &format!(
                "return document.readyState === 'complete' && location.pathname === '{}' && !!document.querySelector('[data-urgency]') && !document.querySelector('form[data-step]');",
                form.path()
            ),
            &format!("the result page at {}", form.path()),
        )
        .await;
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

/// Clicks the check's main button: step 1's "Continue", or step 2's
/// "See my result" (the first of its buttons).
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

/// Submits the empty check and asserts the error summary takes focus
/// (it may take a moment: `autofocus` runs after the page loads).
pub async fn submit_empty_check_and_expect_focused_summary(
    session: &Session,
    app: &TestApp,
    context: &str,
) {
    session.goto(&app.url("/check")).await;
    submit(session).await;
    session
        .wait_for(
            "return document.readyState === 'complete' && !!document.activeElement && document.activeElement.classList.contains('error-summary');",
            &format!("the error summary to appear and take focus ({context})"),
        )
        .await;
    let focused = crate::checks::active_element(session).await;
    assert!(
        focused["cls"]
            .as_str()
            .unwrap_or_default()
            .contains("error-summary"),
        "{context}: focus is on {focused}, not the error summary"
    );
}
