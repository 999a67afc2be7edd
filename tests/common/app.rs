//! The real app on a free port, started in this process with one call to
//! `Application::build`, as the binary starts it. Each set of settings builds
//! its site once per test binary: the HTTP tests start dozens of apps, and
//! building means compressing every page.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use leg_pain_guide::app::{Application, Control, Options};
use leg_pain_guide::problem::Level;
use leg_pain_guide::settings::{LogFormat, RawSettings, Source};
use leg_pain_guide::site::{Mode, Site};
use leg_pain_guide::startup;
use leg_pain_guide::web::Capacity;
use leg_pain_guide::web::log::{self, Logger};
use scraper::Html;

/// An app serving on a free port of this machine.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub address: String,
    pub client: reqwest::Client,
    /// Reloads (as SIGHUP does) and stops it.
    pub control: Control,
    /// The app's log lines, as it writes them.
    log: Mutex<Receiver<(log::Level, String)>>,
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository")
}

pub fn content_dir() -> PathBuf {
    repo().join("content")
}

pub fn locales_dir() -> PathBuf {
    repo().join("locales")
}

/// The settings with test-friendly defaults: a free port, the repository's
/// content and strings (unless given), no request log.
pub fn test_args(args: RawSettings) -> RawSettings {
    RawSettings {
        bind: Some("127.0.0.1:0".into()),
        content_dir: args
            .content_dir
            .or_else(|| Some(content_dir().display().to_string())),
        locales_dir: args
            .locales_dir
            .or_else(|| Some(locales_dir().display().to_string())),
        log_format: Some("off".into()),
        ..args
    }
}

/// A site being built, or built, for one set of settings.
type SiteSlot = Arc<OnceLock<Arc<Site>>>;

/// The site for these settings, built once per test binary.
pub fn site_for(args: &RawSettings) -> Arc<Site> {
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
    spawn_app_with(RawSettings::default()).await
}

pub async fn spawn_app_with(args: RawSettings) -> TestApp {
    spawn_app_holding(args, Capacity::default()).await
}

/// The same, with a number of workers and connections of its own (to reach
/// the connection limit with a few sockets).
pub async fn spawn_app_holding(args: RawSettings, capacity: Capacity) -> TestApp {
    let args = test_args(args);
    let settings = args.validate().expect("test settings are valid");
    let (log, lines) = Logger::capture(LogFormat::Off);
    let options = Options {
        capacity,
        signals: false,
        site: Some(site_for(&args)),
    };
    let app =
        Application::build(Source::new(args), settings, log, options).expect("the app starts");
    let address = format!("http://{}", app.address());
    let control = app.control();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    TestApp {
        address,
        client,
        control,
        log: Mutex::new(lines),
    }
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

    /// The log lines written since the last call (waiting up to 10 s for
    /// one that contains `needle`, if given).
    pub fn log_until(&self, needle: &str) -> Vec<String> {
        let lines = self.log.lock().unwrap();
        let mut seen = Vec::new();
        while let Ok((_, line)) = lines.recv_timeout(Duration::from_secs(10)) {
            let found = line.contains(needle);
            seen.push(line);
            if found {
                break;
            }
        }
        seen
    }
}
