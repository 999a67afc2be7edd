//! Starts the real app on port 0 for each test.

use std::net::TcpListener;
use std::path::PathBuf;

use leg_pain_guide::config::SettingsArgs;
use leg_pain_guide::startup;
use scraper::{Html, Selector};

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
}

pub fn content_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content")
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(SettingsArgs::default()).await
}

pub async fn spawn_app_with(args: SettingsArgs) -> TestApp {
    // The request log has its own tests; here it would only bury test output.
    let args = SettingsArgs {
        bind: "127.0.0.1:0".into(),
        content_dir: content_dir(),
        log_format: "off".into(),
        ..args
    };
    let settings = args.validate().expect("test settings are valid");
    let state =
        startup::prepare(settings, startup::today()).expect("the site's own content is valid");
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    let address = format!("http://{}", listener.local_addr().unwrap());
    let server = leg_pain_guide::web::start(listener, state).expect("server starts");
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
