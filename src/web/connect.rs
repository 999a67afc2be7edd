//! `GET /connect`: HL7 Infobutton links by ICD-10-CM code, the scheme
//! MedlinePlus Connect uses, so record systems can link to the right section.

use actix_web::http::{StatusCode, header};
use actix_web::web::Data;
use actix_web::{HttpRequest, HttpResponse};
use serde_json::json;

use super::AppState;
use crate::clinics::{CodeEntry, ICD10_CM, lookup, normalise_code};
use crate::site::CachePolicy;

/// What a request asked for, read from its query string.
struct Query {
    code_system: Option<String>,
    code: Option<String>,
    json: bool,
}

fn read_query(req: &HttpRequest) -> Query {
    let mut q = Query {
        code_system: None,
        code: None,
        json: false,
    };
    for (key, value) in form_urlencoded::parse(req.query_string().as_bytes()) {
        match key.as_ref() {
            "mainSearchCriteria.v.cs" => q.code_system = Some(value.trim().to_string()),
            "mainSearchCriteria.v.c" => {
                q.code = Some(value.trim().to_string()).filter(|c| !c.is_empty())
            }
            "knowledgeResponseType" => {
                q.json = value.trim().eq_ignore_ascii_case("application/json")
            }
            _ => {}
        }
    }
    q
}

fn entry_json(base_url: &str, e: &CodeEntry) -> serde_json::Value {
    json!({
        "title": { "_value": e.title },
        "link": [{ "href": format!("{base_url}{}", e.link) }],
        "summary": { "_value": e.summary },
        "code": e.prefix,
        "code_name": e.name,
    })
}

/// `GET /connect`: a redirect to the best section, JSON topics, or a
/// helpful page when the code or code system is not one we know.
pub async fn connect(req: HttpRequest, state: Data<AppState>) -> HttpResponse {
    let q = read_query(&req);
    let base_url = &state.settings.base_url;
    let problem = match (&q.code_system, &q.code) {
        (Some(cs), _) if cs != ICD10_CM => Some((
            StatusCode::BAD_REQUEST,
            format!(
                "Code system {cs:?} is not supported. Send ICD-10-CM codes (mainSearchCriteria.v.cs={ICD10_CM})."
            ),
        )),
        (None, _) => Some((
            StatusCode::BAD_REQUEST,
            format!(
                "Say which code system the code is from: mainSearchCriteria.v.cs={ICD10_CM} (ICD-10-CM)."
            ),
        )),
        (_, None) => Some((
            StatusCode::BAD_REQUEST,
            "Give a diagnosis code in mainSearchCriteria.v.c, for example R25.2.".to_string(),
        )),
        _ => None,
    };
    let matches = q
        .code
        .as_deref()
        .map(|c| lookup(&state.site.codes, c))
        .unwrap_or_default();
    let problem = problem.or_else(|| {
        matches.is_empty().then(|| {
            let code = normalise_code(q.code.as_deref().unwrap_or_default());
            (StatusCode::NOT_FOUND, format!("We have no page for the code {code}. The causes page and the symptom check may still help."))
        })
    });
    let respond = |status: StatusCode| {
        let mut r = HttpResponse::build(status);
        r.insert_header((
            header::CACHE_CONTROL,
            CachePolicy::Revalidate.header_value(),
        ));
        r
    };
    if let Some((status, message)) = problem {
        if q.json {
            return respond(status).json(json!({
                "error": message,
                "supported_code_system": ICD10_CM,
                "see_also": [format!("{base_url}/causes"), format!("{base_url}/check")],
            }));
        }
        let page = state
            .site
            .error_page("No page for this code", &message, "/connect");
        return respond(status)
            .content_type("text/html; charset=utf-8")
            .body(page);
    }
    if q.json {
        let code = normalise_code(q.code.as_deref().unwrap_or_default());
        return respond(StatusCode::OK).json(json!({
            "feed": {
                "title": { "_value": state.site.layout.site_name },
                "subtitle": { "_value": format!("Topics for ICD-10-CM code {code}") },
                "entry": matches.iter().map(|e| entry_json(base_url, e)).collect::<Vec<_>>(),
            }
        }));
    }
    respond(StatusCode::FOUND)
        .insert_header((header::LOCATION, matches[0].link.clone()))
        .finish()
}
