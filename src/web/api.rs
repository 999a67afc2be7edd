//! `POST /api/v1/triage`: the symptom check as JSON, same field names.

use actix_web::http::{StatusCode, header};
use actix_web::web::{Data, Payload};
use actix_web::{HttpRequest, HttpResponse};
use serde_json::{Map, Value, json};

use super::AppState;
use super::body::{self, BodyError};
use crate::site::CachePolicy;
use crate::triage::{self, Answers, FieldErrors};

fn respond(status: StatusCode, value: Value) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::CACHE_CONTROL, CachePolicy::NoStore.header_value()))
        .json(value)
}

/// The JSON answer for a successful assessment.
pub fn assessment_json(assessment: &triage::Assessment) -> Value {
    json!({
        "urgency": assessment.urgency.as_str(),
        "rules": assessment.fired.iter().map(|r| r.code).collect::<Vec<_>>(),
        "reasons": assessment.fired.iter().map(|r| json!({ "rule": r.code, "text": r.reason })).collect::<Vec<_>>(),
        "possible_causes": assessment.causes.iter().map(|c| json!({ "id": c.id, "title": c.title, "url": c.url() })).collect::<Vec<_>>(),
    })
}

/// `POST /api/v1/triage`.
pub async fn triage(req: HttpRequest, payload: Payload, _state: Data<AppState>) -> HttpResponse {
    let body = match body::read(&req, payload, "application/json").await {
        Ok(b) => b,
        Err(e) => {
            let status = match e {
                BodyError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
                BodyError::WrongContentType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
                BodyError::Unreadable => StatusCode::BAD_REQUEST,
            };
            return respond(status, json!({ "error": e.to_string() }));
        }
    };
    let value: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => {
            return respond(
                StatusCode::BAD_REQUEST,
                json!({ "error": format!("the body is not valid JSON: {e}") }),
            );
        }
    };
    match Answers::from_json(&value) {
        Ok(answers) => respond(StatusCode::OK, assessment_json(&triage::assess(&answers))),
        Err(FieldErrors(errors)) => {
            let fields: Map<String, Value> = errors
                .iter()
                .map(|e| (e.field.to_string(), Value::String(e.message.clone())))
                .collect();
            respond(
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({ "error": "Some answers are missing or not valid.", "fields": fields }),
            )
        }
    }
}
