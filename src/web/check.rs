//! The symptom check pages: the form, the result, and the form again with
//! errors. Answers live for one request: never logged, stored or put in a URL.

use actix_web::http::{StatusCode, header};
use actix_web::web::{Data, Payload};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

use super::AppState;
use super::body::{self, BodyError};
use crate::site::{CachePolicy, Layout, Meta, links_to_top, render_page};
use crate::triage::{
    self, Assessment, Choice, FieldError, FieldErrors, Question, QuestionKind, Submission, Urgency,
};

/// A titled group of questions on the form.
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    pub intro: Option<&'static str>,
    pub questions: Vec<&'static Question>,
}

/// The form's sections, warning signs first.
fn sections() -> Vec<Section> {
    let pick = |fields: &[&str]| {
        fields
            .iter()
            .filter_map(|f| triage::question(f))
            .collect::<Vec<_>>()
    };
    vec![
        Section {
            id: "warning-signs",
            title: "Warning signs",
            intro: Some("These questions come first because some signs need care quickly."),
            questions: pick(&[
                "one_leg_signs",
                "breathless",
                "numbness",
                "skin_changes",
                "injury",
            ]),
        },
        Section {
            id: "about-the-pain",
            title: "About the pain",
            intro: None,
            questions: pick(&[
                "severity",
                "onset",
                "frequency",
                "course",
                "sleep_impact",
                "home_care",
            ]),
        },
        Section {
            id: "anything-else",
            title: "Anything else (optional)",
            intro: Some("Tick any that apply. You can leave these empty."),
            questions: pick(&["feelings", "conditions", "factors"]),
        },
    ]
}

#[derive(Template)]
#[template(path = "check_form.html")]
struct FormTemplate<'a> {
    /// Inside a clinic's frame: post to `/embed/check`, and no `autofocus`,
    /// which browsers block (and log) in cross-origin frames.
    embed: bool,
    /// Where the form posts: `/check`, or `/embed/check` inside a frame.
    action: &'static str,
    sections: Vec<Section>,
    submission: &'a Submission,
    errors: &'a [FieldError],
}

impl FormTemplate<'_> {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    fn is_yes_no(&self, q: &Question) -> bool {
        matches!(q.kind, QuestionKind::YesNo)
    }

    fn input_type(&self, q: &Question) -> &'static str {
        if matches!(q.kind, QuestionKind::AnyOf) {
            "checkbox"
        } else {
            "radio"
        }
    }

    /// The first input of a question takes the field's name as its id, so the
    /// error summary can link to it.
    fn input_id(&self, q: &Question, c: &Choice, first: &bool) -> String {
        if *first {
            q.field.to_string()
        } else {
            format!("{}-{}", q.field, c.value)
        }
    }
}

/// The form, with any earlier answers kept and errors shown.
pub fn render_form(
    submission: &Submission,
    errors: &[FieldError],
    embed: bool,
) -> Result<String, askama::Error> {
    let action = if embed { "/embed/check" } else { "/check" };
    FormTemplate {
        embed,
        action,
        sections: sections(),
        submission,
        errors,
    }
    .render()
}

#[derive(Template)]
#[template(path = "check_result.html")]
struct ResultTemplate<'a> {
    layout: &'a Layout,
    meta: Meta,
    urgency: Urgency,
    level_class: &'static str,
    is_emergency: bool,
    advice: String,
    fired: Vec<&'static triage::Rule>,
    causes: Vec<&'static triage::Cause>,
    come_back_if: Vec<&'static str>,
    show_self_care: bool,
    self_care: &'static [&'static str],
    summary: Vec<(&'static str, String)>,
    rule_codes: String,
}

/// The result page for one set of answers.
pub fn render_result(
    layout: &Layout,
    answers: &triage::Answers,
    assessment: &Assessment,
) -> Result<String, askama::Error> {
    let urgency = assessment.urgency;
    ResultTemplate {
        layout,
        meta: Meta::plain(
            format!("Your result: {}", urgency.title()),
            "The result of the symptom check for leg pain at night.",
            "/check",
        ),
        urgency,
        level_class: match urgency {
            Urgency::Emergency => "emergency",
            Urgency::Urgent => "urgent",
            Urgency::Routine => "routine",
            Urgency::SelfCare => "self-care",
        },
        is_emergency: urgency == Urgency::Emergency,
        advice: urgency.advice(&layout.emergency_number),
        fired: assessment.fired.clone(),
        causes: assessment.causes.clone(),
        come_back_if: triage::come_back_if(urgency),
        show_self_care: urgency <= Urgency::Routine,
        self_care: triage::self_care_steps(),
        summary: answers.summary(),
        rule_codes: assessment
            .fired
            .iter()
            .map(|r| r.code)
            .collect::<Vec<_>>()
            .join(", "),
    }
    .render()
}

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, CachePolicy::NoStore.header_value()))
        .body(body)
}

fn server_error(state: &AppState) -> HttpResponse {
    html(
        StatusCode::INTERNAL_SERVER_ERROR,
        state.site.error_page(
            "Something went wrong",
            "We could not show this page. Please try again.",
            "/check",
        ),
    )
}

/// `POST /check`: the result, or the form again with every answer kept.
pub async fn submit(req: HttpRequest, payload: Payload, state: Data<AppState>) -> HttpResponse {
    answer(&req, payload, &state, false).await
}

/// `POST /embed/check`: the same, laid out to stay inside a clinic's frame.
pub async fn submit_embedded(
    req: HttpRequest,
    payload: Payload,
    state: Data<AppState>,
) -> HttpResponse {
    answer(&req, payload, &state, true).await
}

async fn answer(
    req: &HttpRequest,
    payload: Payload,
    state: &AppState,
    embed: bool,
) -> HttpResponse {
    let body = match body::read(req, payload, "application/x-www-form-urlencoded").await {
        Ok(b) => b,
        Err(e) => return body_error(state, &e, req.path()),
    };
    let layout = if embed {
        &state.site.embed_layout
    } else {
        &state.site.layout
    };
    let submission = Submission::from_pairs(form_urlencoded::parse(&body));
    let (status, page) = match submission.parse() {
        Ok(answers) => (
            StatusCode::OK,
            render_result(layout, &answers, &triage::assess(&answers)),
        ),
        Err(FieldErrors(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            form_with_errors(state, layout, &submission, &errors),
        ),
    };
    match page {
        Ok(page) if embed => html(status, links_to_top(&page)),
        Ok(page) => html(status, page),
        Err(_) => server_error(state),
    }
}

fn form_with_errors(
    state: &AppState,
    layout: &Layout,
    submission: &Submission,
    errors: &[FieldError],
) -> Result<String, askama::Error> {
    let page = state
        .site
        .content
        .page("/check")
        .expect("the check page is a required page");
    let form = render_form(submission, errors, layout.embed)?;
    render_page(layout, page, &form, "Error: ")
}

/// A friendly page for a body that could not be read.
fn body_error(state: &AppState, error: &BodyError, path: &str) -> HttpResponse {
    let (status, heading, message) = match error {
        BodyError::TooLarge => (
            StatusCode::PAYLOAD_TOO_LARGE,
            "Your answers were too large to read",
            "The form sent more than we accept. Please go back to the symptom check and try again.",
        ),
        BodyError::WrongContentType { .. } => (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "We could not read your answers",
            "The answers were not sent the way a web form sends them. Please use the symptom check form.",
        ),
        BodyError::Unreadable => (
            StatusCode::BAD_REQUEST,
            "We could not read your answers",
            "The answers did not arrive in full. Please use the symptom check form again.",
        ),
    };
    html(status, state.site.error_page(heading, message, path))
}
