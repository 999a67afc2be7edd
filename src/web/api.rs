//! `POST /api/v1/triage`: the symptom check as JSON, with the form's field
//! names. `"lang": "es"` chooses the wording; nothing else depends on it.

use actix_web::http::{StatusCode, header};
use actix_web::web::Payload;
use actix_web::{HttpRequest, HttpResponse};
use fluent_bundle::FluentValue;
use serde_json::{Map, Value, json};

use super::body;
use super::error::AppError;
use super::routes::Post;
use super::state::Live;
use crate::i18n::Strings;
use crate::site::assets::CachePolicy;
use crate::site::symptom::CheckText;
use crate::triage::{self, ApiReply, FieldError, JsonBody, Kind, Problem, Urgency, question};

fn respond(status: StatusCode, value: Value) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::CACHE_CONTROL, CachePolicy::NoStore.header_value()))
        .json(value)
}

/// The JSON answer for an assessment, worded in one language.
pub fn assessment_json(text: &CheckText, assessment: &triage::Assessment) -> Value {
    json!({
        "urgency": assessment.urgency.as_str(),
        "complete": assessment.complete(),
        "unanswered": assessment.unanswered,
        "rules": assessment.fired.iter().map(|r| r.code).collect::<Vec<_>>(),
        "reasons": assessment.fired.iter().map(|r| json!({ "rule": r.code, "text": text.rules.get(r.code).map(|t| t.reason.as_str()) })).collect::<Vec<_>>(),
        "possible_causes": assessment.causes.iter().map(|c| {
            let ct = text.causes.get(c.id);
            json!({ "id": c.id, "title": ct.map(|t| t.title.as_str()), "url": ct.map(|t| t.href.as_str()) })
        }).collect::<Vec<_>>(),
        "tips": assessment.tips.iter().map(|t| json!({ "id": t.id, "text": text.tips.get(t.id).map(|t| t.text.as_str()) })).collect::<Vec<_>>(),
        "withheld_tips": assessment.withheld.iter().map(|t| t.id).collect::<Vec<_>>(),
    })
}

/// What the API expects for a question, in words.
fn expected(t: &Strings, field: &str) -> String {
    let Some(q) = question(field) else {
        return String::new();
    };
    let values = [(
        "values",
        FluentValue::from(
            q.values
                .iter()
                .map(|v| format!("\"{v}\""))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    )];
    match q.kind {
        Kind::Sign => t.get("api-expected-sign").to_string(),
        Kind::OneOf => t.format("api-expected-one-of", &values),
        Kind::AnyOf => t.format("api-expected-any-of", &values),
    }
}

/// The message for one field's problem.
fn field_message(t: &Strings, e: &FieldError) -> String {
    let expected = FluentValue::from(expected(t, e.field));
    match e.problem {
        Problem::Missing => t.format("api-missing", &[("expected", expected)]),
        Problem::Duplicate => t.get("api-duplicate").to_string(),
        Problem::NotAnObject => t.get("api-not-an-object").to_string(),
        Problem::WrongType(got) => t.format(
            "api-wrong-type",
            &[
                ("expected", expected),
                (
                    "got",
                    FluentValue::from(t.get(&crate::ids::api_type(got.name())).to_string()),
                ),
            ],
        ),
        Problem::NotAnOption | Problem::MoreThanOne => {
            t.format("api-not-an-option", &[("expected", expected)])
        }
    }
}

/// `POST /api/v1/triage`.
pub async fn triage(
    req: &HttpRequest,
    payload: Payload,
    live: &Live,
) -> Result<HttpResponse, AppError> {
    let bytes = body::read(
        req,
        payload,
        &Post::Triage.body(),
        live.settings.body_timeout,
    )
    .await?;
    let site = &live.site;
    let Ok(body) = JsonBody::parse(&bytes) else {
        let t = &site.lang(0).0.strings;
        return Ok(respond(
            StatusCode::BAD_REQUEST,
            json!({ "error": t.get("api-malformed") }),
        ));
    };
    // The language first, so every message below is in it.
    let lang = match body.member("lang") {
        Ok(None) => Some(Ok(0)),
        Ok(Some(Value::String(code))) => site.lang_index(code).map(Ok),
        Ok(Some(_)) => None,
        Err(_) => Some(Err(())),
    };
    let (content, lang_site) = site.lang(match lang {
        Some(Ok(i)) => i,
        _ => 0,
    });
    let t = &content.strings;
    let parsed = body.answers();
    let mut fields = Map::new();
    match lang {
        Some(Ok(_)) => {}
        Some(Err(())) => {
            _ = fields.insert(
                "lang".into(),
                Value::String(t.get("api-duplicate").to_string()),
            )
        }
        None => {
            let message = t.format(
                "api-unknown-lang",
                &[("values", FluentValue::from(lang_choices(site)))],
            );
            fields.insert("lang".into(), Value::String(message));
        }
    }
    match triage::api_reply(&parsed, !fields.is_empty()) {
        ApiReply::Result(assessment) => Ok(respond(
            StatusCode::OK,
            assessment_json(&lang_site.check, &assessment),
        )),
        ApiReply::Invalid { urgent } => {
            for e in &parsed.errors.0 {
                fields.insert(e.field.to_string(), Value::String(field_message(t, e)));
            }
            let mut body = json!({ "error": t.get("api-invalid"), "fields": fields });
            if urgent {
                body["urgency"] = Value::String(Urgency::Urgent.as_str().to_string());
            }
            Ok(respond(StatusCode::UNPROCESSABLE_ENTITY, body))
        }
    }
}

/// The language codes the site has, as an unknown `lang`'s message lists
/// them: `"en", "es"`.
pub(super) fn lang_choices(site: &crate::site::Site) -> String {
    let codes: Vec<String> = site
        .languages()
        .iter()
        .map(|l| format!("\"{}\"", l.code))
        .collect();
    codes.join(", ")
}
