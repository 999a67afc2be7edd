//! The route table, declared once: what each path answers to. `Allow` and the
//! 405 page are derived from it.

use actix_web::http::Method;

use super::error::Format;
use crate::site::assets::Asset;
use crate::site::search::SEARCH_PATH;
use crate::site::{ErrorKind, Place, Site};

/// What a path answers to GET and HEAD.
pub enum Get<'s> {
    /// A page or file prepared at start-up.
    Asset(&'s Asset),
    /// Diagnosis-code links (HL7 Infobutton).
    Connect,
    /// The search page, in any language (not in embeds: their search box opens the site's).
    Search,
    /// Search results as JSON.
    SearchApi,
}

/// What a path answers to POST.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Post {
    /// The symptom check form, in any language, on the site or in an embed.
    Check,
    /// The symptom check as JSON.
    Triage,
}

/// What a route's body must be, and how its errors are written.
pub struct BodyRule {
    pub content_type: &'static str,
    pub format: Format,
    /// The error for a body of another type.
    pub wrong_type: ErrorKind,
}

impl Post {
    /// The body this route reads.
    pub fn body(self) -> BodyRule {
        match self {
            Post::Check => BodyRule {
                content_type: "application/x-www-form-urlencoded",
                format: Format::Html,
                wrong_type: ErrorKind::NotAForm,
            },
            Post::Triage => BodyRule {
                content_type: "application/json",
                format: Format::Json,
                wrong_type: ErrorKind::NotJson,
            },
        }
    }
}

/// Paths answered by code rather than by a prepared file.
const CONNECT: &str = "/connect";
const TRIAGE_API: &str = "/api/v1/triage";
const SEARCH_API: &str = "/api/v1/search";

/// Everything one path answers to.
pub struct Resource<'s> {
    pub get: Option<Get<'s>>,
    pub post: Option<Post>,
}

impl Resource<'_> {
    /// The methods it allows, for `Allow`.
    pub fn allow(&self) -> String {
        let mut methods = Vec::new();
        if self.get.is_some() {
            methods.extend(["GET", "HEAD"]);
        }
        if self.post.is_some() {
            methods.push("POST");
        }
        methods.join(", ")
    }

    /// The page that explains a wrong method here.
    pub fn wrong_method(&self) -> ErrorKind {
        match (&self.get, self.post) {
            (Some(_), Some(_)) => ErrorKind::FormOnly,
            (None, Some(_)) => ErrorKind::ApiOnly,
            _ => ErrorKind::ReadOnly,
        }
    }

    /// Whether `method` is one it answers.
    pub fn allows(&self, method: &Method) -> bool {
        match *method {
            Method::GET | Method::HEAD => self.get.is_some(),
            Method::POST => self.post.is_some(),
            _ => false,
        }
    }
}

/// What `path` (at `place`) answers to, or `None` for a path the site does not have.
pub fn resolve<'s>(site: &'s Site, path: &str, place: &Place) -> Option<Resource<'s>> {
    let get = match path {
        CONNECT => Some(Get::Connect),
        SEARCH_API => Some(Get::SearchApi),
        _ if place.path == SEARCH_PATH && !place.embed => Some(Get::Search),
        _ => site.get(path).map(Get::Asset),
    };
    let post = match path {
        TRIAGE_API => Some(Post::Triage),
        _ if place.path == "/check" => Some(Post::Check),
        _ => None,
    };
    (get.is_some() || post.is_some()).then_some(Resource { get, post })
}
