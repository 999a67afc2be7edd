//! The two steps of the check (spec version 3, "Two steps: warning signs
//! first"): what a POST to the form, or to the JSON API, answers. Pure: the
//! web layer parses the body, reads which button was pressed, calls
//! [`reply`] or [`api_reply`] and renders what it says.

use super::answers::{Parsed, Sign};
use super::rules::{Assessment, assess};

/// Which submit button was pressed: each sends `step` as its own name and value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// Step 1's button: on to step 2.
    Signs,
    /// Step 2's first button: the result, which needs every answer.
    Details,
    /// Step 2's "change": back to step 1, every answer kept.
    Change,
    /// The urgent notice's "See my result now".
    Now,
}

impl Step {
    /// Every step, in the order of the flow.
    pub const ALL: &'static [Step] = &[Step::Signs, Step::Details, Step::Change, Step::Now];

    /// The value the button sends.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Signs => "signs",
            Step::Details => "details",
            Step::Change => "change",
            Step::Now => "now",
        }
    }

    /// The step a button's value names; an unknown value names none.
    pub fn from_value(value: &str) -> Option<Step> {
        Step::ALL.iter().copied().find(|s| s.as_str() == value)
    }
}

/// The two pages of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    /// Step 1: the five warning signs (`data-step="signs"`).
    Signs,
    /// Step 2: about the pain (`data-step="details"`), the warning signs carried along.
    Details,
}

impl Page {
    /// The page's `data-step`.
    pub fn as_str(self) -> &'static str {
        match self {
            Page::Signs => "signs",
            Page::Details => "details",
        }
    }
}

/// What a POST to the form answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// `200` with the result: complete, or decided early (see [`Assessment::complete`]).
    Result(Assessment),
    /// A page of the form with every answer kept: `200` when `errors` is
    /// empty, `422` otherwise (then `errors` are the problems on that page).
    Form {
        page: Page,
        errors: Vec<super::answers::FieldError>,
        /// On step 2 when urgent is already decided: the rules fired so
        /// far, for the notice and its "See my result now".
        notice: Option<Assessment>,
    },
}

/// An emergency sign (`one_leg_signs` or `breathless`) is `yes`: the
/// emergency result at once, whatever else is missing or not valid.
pub fn emergency(parsed: &Parsed) -> bool {
    let a = &parsed.answers;
    a.one_leg_signs == Some(Sign::Yes) || a.breathless == Some(Sign::Yes)
}

/// Urgent is decided: the five warning signs are answered validly, none is an
/// emergency `yes`, and either `numbness`, `skin_changes` or `injury` is
/// `yes`, or an emergency sign is `unsure`. No later answer can change the level.
pub fn urgent_decided(parsed: &Parsed) -> bool {
    let a = &parsed.answers;
    let signs = [
        a.one_leg_signs,
        a.breathless,
        a.numbness,
        a.skin_changes,
        a.injury,
    ];
    signs.iter().all(Option::is_some)
        && !emergency(parsed)
        && ([a.numbness, a.skin_changes, a.injury].contains(&Some(Sign::Yes))
            || [a.one_leg_signs, a.breathless].contains(&Some(Sign::Unsure)))
}

/// Whether any step-2 question was sent (valid or not).
fn details_sent(parsed: &Parsed) -> bool {
    parsed
        .sent
        .iter()
        .any(|f| super::answers::question(f).is_some_and(|q| !q.is_sign()))
}

/// What a POST to `/check` answers, given its answers and the button pressed.
pub fn reply(parsed: &Parsed, step: Option<Step>) -> Reply {
    if emergency(parsed) {
        return Reply::Result(assess(&parsed.answers));
    }
    let urgent = urgent_decided(parsed);
    // "See my result now" without urgent decided cannot skip the questions:
    // it is answered as a POST without a button.
    let step = step.filter(|s| *s != Step::Now || urgent);
    let signs_valid = parsed.sign_errors().is_empty();
    let details = |errors| Reply::Form {
        page: Page::Details,
        errors,
        notice: urgent.then(|| assess(&parsed.answers)),
    };
    match step {
        Some(Step::Change) => Reply::Form {
            page: Page::Signs,
            errors: Vec::new(),
            notice: None,
        },
        Some(Step::Now) => Reply::Result(assess(&parsed.answers)),
        Some(Step::Signs) if signs_valid => details(Vec::new()),
        _ if parsed.errors.0.is_empty() => Reply::Result(assess(&parsed.answers)),
        _ if !signs_valid => Reply::Form {
            page: Page::Signs,
            errors: parsed.sign_errors(),
            notice: None,
        },
        None if !details_sent(parsed) => details(Vec::new()),
        _ => details(parsed.detail_errors()),
    }
}

/// What `POST /api/v1/triage` answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiReply {
    /// `200` with the result: complete, or decided early.
    Result(Assessment),
    /// `422`: answers missing or not valid. `urgent` when the valid answers
    /// already decide urgent (the body then says so).
    Invalid { urgent: bool },
}

/// What the JSON API answers: an emergency `yes` gives the emergency result
/// whatever else is sent; urgent decided, with every step-2 value that was
/// sent valid, gives the urgent result; anything else needs every answer.
/// `other_problems` are problems outside the answers (an unknown `lang`):
/// they stop every result but the emergency one.
pub fn api_reply(parsed: &Parsed, other_problems: bool) -> ApiReply {
    if emergency(parsed) {
        return ApiReply::Result(assess(&parsed.answers));
    }
    let urgent = urgent_decided(parsed);
    let only_missing = parsed
        .detail_errors()
        .iter()
        .all(|e| e.problem == super::answers::Problem::Missing);
    let not_an_object = parsed.errors.0.iter().any(|e| e.field.is_empty());
    if !other_problems && !not_an_object && (parsed.errors.0.is_empty() || (urgent && only_missing))
    {
        ApiReply::Result(assess(&parsed.answers))
    } else {
        ApiReply::Invalid { urgent }
    }
}
