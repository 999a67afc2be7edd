//! Starting the real app on a free port, shared by the HTTP and browser tests.
//! Each set of settings builds its site once per test binary: the HTTP tests
//! start dozens of apps, and building means compressing every page.

use std::collections::HashMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use leg_pain_guide::config::{LogFormat, SettingsArgs};
use leg_pain_guide::problem::Level;
use leg_pain_guide::site::{Mode, Site};
use leg_pain_guide::startup;
use leg_pain_guide::web::{self, AppState, log::Logger};
use scraper::{Html, Selector};

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn content_dir() -> PathBuf {
    repo().join("content")
}

pub fn locales_dir() -> PathBuf {
    repo().join("locales")
}

/// The repository's settings with test-friendly defaults: a free port, the
/// repository's content and strings, no request log.
pub fn test_args(args: SettingsArgs) -> SettingsArgs {
    SettingsArgs {
        bind: "127.0.0.1:0".into(),
        content_dir: if args.content_dir == Path::new("content") {
            content_dir()
        } else {
            args.content_dir
        },
        locales_dir: if args.locales_dir == Path::new("locales") {
            locales_dir()
        } else {
            args.locales_dir
        },
        log_format: "off".into(),
        ..args
    }
}

/// A site being built, or built, for one set of settings.
type SiteSlot = Arc<OnceLock<Arc<Site>>>;

/// The site for these settings, built once per test binary.
pub fn site_for(args: &SettingsArgs) -> Arc<Site> {
    static SITES: OnceLock<Mutex<HashMap<String, SiteSlot>>> = OnceLock::new();
    let key = format!("{args:?}");
    let slot = SITES
        .get_or_init(Default::default)
        .lock()
        .unwrap()
        .entry(key)
        .or_default()
        .clone();
    slot.get_or_init(|| {
        let settings = args.validate().expect("test settings are valid");
        let (site, _) = startup::build(&settings, Mode::Serve, startup::today(), Level::Warning)
            .expect("the site's own content is valid");
        Arc::new(site)
    })
    .clone()
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(SettingsArgs::default()).await
}

pub async fn spawn_app_with(args: SettingsArgs) -> TestApp {
    spawn_app_holding(args, web::Capacity::default()).await
}

/// The same, with a number of workers and connections of its own (to reach
/// the connection limit with a few sockets).
pub async fn spawn_app_holding(args: SettingsArgs, capacity: web::Capacity) -> TestApp {
    let args = test_args(args);
    let settings = args.validate().expect("test settings are valid");
    let site = site_for(&args);
    let state = actix_web::web::Data::new(AppState::sharing(
        site,
        settings,
        Logger::start(LogFormat::Off),
    ));
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    let address = format!("http://{}", listener.local_addr().unwrap());
    let server = web::start_with(listener, state, capacity).expect("server starts");
    tokio::spawn(server);
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    TestApp { address, client }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request sent")
    }

    /// GETs a page, asserts 200, and parses it.
    pub async fn page(&self, path: &str) -> Html {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        Html::parse_document(&response.text().await.unwrap())
    }

    pub async fn post_form(&self, path: &str, body: impl Into<String>) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.into())
            .send()
            .await
            .expect("request sent")
    }

    pub async fn post_json(&self, path: &str, body: impl Into<String>) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("content-type", "application/json")
            .body(body.into())
            .send()
            .await
            .expect("request sent")
    }
}

pub fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"));
    doc.select(&selector).collect()
}

pub fn text_of(el: &scraper::ElementRef<'_>) -> String {
    el.text()
        .collect::<Vec<_>>()
        .join("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Visible text of the whole document, whitespace-normalised.
pub fn page_text(doc: &Html) -> String {
    let body = select(doc, "body");
    text_of(&body[0])
}

pub fn has_id(doc: &Html, id: &str) -> bool {
    !select(doc, &format!("[id=\"{id}\"]")).is_empty()
}

/// The topic pages of the guide, in reading order.
pub const TOPIC_PAGES: &[&str] = &[
    "/",
    "/causes",
    "/risk-factors",
    "/when-to-seek-help",
    "/diagnosis",
    "/treatments",
    "/prevention",
    "/faq",
];

/// The pages after the guide: the check, how it works, and the site's own.
pub const OTHER_PAGES: &[&str] = &[
    "/check",
    "/check/how-it-works",
    "/about",
    "/for-clinics",
    "/glossary",
    "/accessibility",
];

/// Every page, by its English path: the topic pages, then the others.
pub fn every_page() -> impl Iterator<Item = &'static str> {
    TOPIC_PAGES.iter().chain(OTHER_PAGES).copied()
}

/// A page's path in a language: `/causes` is `/es/causes`, `/` is `/es`.
pub fn in_lang(lang: &str, path: &str) -> String {
    match (lang, path) {
        ("", _) => path.to_string(),
        (_, "/") => lang.to_string(),
        _ => format!("{lang}{path}"),
    }
}
