//! Settings: each one a command-line flag and an environment variable (both
//! named after the field: `base_url` is `--base-url` and `BASE_URL`), with a
//! working default, validated once at start-up. A setting that cannot work
//! is refused with one line naming it.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use url::Url;

/// Each setting's default, written once: clap applies them, and so does `Default`.
mod default {
    pub const BIND: &str = "127.0.0.1:8080";
    pub const CONTENT_DIR: &str = "content";
    pub const LOCALES_DIR: &str = "locales";
    pub const BASE_URL: &str = "http://127.0.0.1:8080";
    pub const EMERGENCY_NUMBER: &str = "911";
    pub const EMBED_ORIGINS: &str = "*";
    pub const MAX_GRADE: &str = "8.0";
    pub const MIN_INFLESZ: &str = "65";
    pub const LOG_FORMAT: &str = "text";
    pub const HEAD_TIMEOUT: &str = "5";
    pub const BODY_TIMEOUT: &str = "10";
    pub const KEEP_ALIVE: &str = "15";
    pub const RATE_LIMIT: &str = "120";
    pub const TRUSTED_PROXIES: &str = "";
}

/// Settings as given on the command line, in the environment or in a settings file.
#[derive(Debug, Clone, Args, serde::Serialize, serde::Deserialize)]
pub struct SettingsArgs {
    /// A TOML file of settings, keyed by setting name (`base_url = "https://..."`).
    /// Flags and environment variables win over it; `SIGHUP` reads it again.
    #[arg(long, env, global = true)]
    pub config: Option<PathBuf>,
    /// Address and port to listen on.
    #[arg(long, env, default_value = default::BIND, global = true)]
    pub bind: String,
    /// Folder holding one folder of Markdown pages per language (`en/`, `es/`).
    #[arg(long, env, default_value = default::CONTENT_DIR, global = true)]
    pub content_dir: PathBuf,
    /// Folder holding one strings file per language (`en.ftl`, `es.ftl`).
    #[arg(long, env, default_value = default::LOCALES_DIR, global = true)]
    pub locales_dir: PathBuf,
    /// Public address of the site: canonical links, sitemap, QR codes.
    #[arg(long, env, default_value = default::BASE_URL, global = true)]
    pub base_url: String,
    /// Number to call in an emergency, shown on every page.
    #[arg(long, env, default_value = default::EMERGENCY_NUMBER, global = true)]
    pub emergency_number: String,
    /// Origins allowed to frame the embeds, comma-separated, or `*` for any.
    #[arg(long, env, default_value = default::EMBED_ORIGINS, global = true)]
    pub embed_origins: String,
    /// Highest Flesch-Kincaid grade an English page may read at.
    #[arg(long, env, default_value = default::MAX_GRADE, global = true)]
    pub max_grade: String,
    /// Lowest Szigriszt-Pazos (INFLESZ) score a Spanish page may have (65: "fairly easy").
    #[arg(long, env, default_value = default::MIN_INFLESZ, global = true)]
    pub min_inflesz: String,
    /// Request log: `text`, `json`, or `off`.
    #[arg(long, env, default_value = default::LOG_FORMAT, global = true)]
    pub log_format: String,
    /// Seconds a client has to send a request head (408 after).
    #[arg(long, env, default_value = default::HEAD_TIMEOUT, global = true)]
    pub head_timeout: String,
    /// Seconds a client has to send a request body (408 after).
    #[arg(long, env, default_value = default::BODY_TIMEOUT, global = true)]
    pub body_timeout: String,
    /// Seconds an idle kept-alive connection stays open.
    #[arg(long, env, default_value = default::KEEP_ALIVE, global = true)]
    pub keep_alive: String,
    /// The clinic running this copy, named on urgent and routine results and embeds.
    #[arg(long, env, global = true)]
    pub clinic_name: Option<String>,
    /// The clinic's phone number.
    #[arg(long, env, global = true)]
    pub clinic_phone: Option<String>,
    /// The clinic's web address.
    #[arg(long, env, global = true)]
    pub clinic_url: Option<String>,
    /// Where readers report a problem with the site or ask for another format
    /// (the accessibility statement): an email address or a web address.
    #[arg(long, env, global = true)]
    pub contact: Option<String>,
    /// Requests a minute one client may make to the symptom check's answers,
    /// the API, `/connect` and search (`0`: no limit).
    #[arg(long, env, default_value = default::RATE_LIMIT, global = true)]
    pub rate_limit: String,
    /// Addresses of reverse proxies whose `X-Forwarded-For` names the client, comma-separated.
    #[arg(long, env, default_value = default::TRUSTED_PROXIES, global = true)]
    pub trusted_proxies: String,
}

impl Default for SettingsArgs {
    fn default() -> Self {
        Self {
            bind: default::BIND.into(),
            content_dir: default::CONTENT_DIR.into(),
            locales_dir: default::LOCALES_DIR.into(),
            base_url: default::BASE_URL.into(),
            emergency_number: default::EMERGENCY_NUMBER.into(),
            embed_origins: default::EMBED_ORIGINS.into(),
            max_grade: default::MAX_GRADE.into(),
            min_inflesz: default::MIN_INFLESZ.into(),
            log_format: default::LOG_FORMAT.into(),
            head_timeout: default::HEAD_TIMEOUT.into(),
            body_timeout: default::BODY_TIMEOUT.into(),
            keep_alive: default::KEEP_ALIVE.into(),
            clinic_name: None,
            clinic_phone: None,
            clinic_url: None,
            contact: None,
            rate_limit: default::RATE_LIMIT.into(),
            trusted_proxies: default::TRUSTED_PROXIES.into(),
            config: None,
        }
    }
}

/// A setting that cannot work, named so the person can fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad setting {} (--{}, {}): {problem}", .setting.replace('_', " "), .setting.replace('_', "-"), .setting.to_uppercase())]
pub struct SettingError {
    /// The field name, e.g. `base_url`.
    pub setting: &'static str,
    pub problem: String,
}

impl SettingError {
    /// The flag that sets it, e.g. `--base-url`.
    pub fn flag(&self) -> String {
        format!("--{}", self.setting.replace('_', "-"))
    }
}

fn bad(setting: &'static str, problem: impl Into<String>) -> SettingError {
    SettingError {
        setting,
        problem: problem.into(),
    }
}

/// How the log is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// One readable line per event.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
    /// No request log (a proxy logs already); start-up lines and problems still print.
    Off,
}

/// The clinic running this copy of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clinic {
    pub name: String,
    /// As the clinic writes it, for reading.
    pub phone: Option<String>,
    /// `tel:` link for the phone number.
    pub phone_uri: Option<String>,
    pub url: Option<String>,
}

/// Where the people who run the site read reports: an email address or a web address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// As given, for reading.
    pub text: String,
    /// `mailto:` or `https:` link.
    pub href: String,
}

/// Settings after validation: nothing downstream re-checks them.
#[derive(Debug, Clone)]
pub struct Settings {
    pub bind: SocketAddr,
    pub content_dir: PathBuf,
    pub locales_dir: PathBuf,
    /// Without a trailing slash.
    pub base_url: String,
    pub emergency_number: String,
    /// Origins that may frame the embeds; `None` means any.
    pub embed_origins: Option<Vec<String>>,
    pub max_grade: f64,
    pub min_inflesz: f64,
    pub log_format: LogFormat,
    pub head_timeout: Duration,
    pub body_timeout: Duration,
    pub keep_alive: Duration,
    pub clinic: Option<Clinic>,
    pub contact: Option<Contact>,
    /// Requests a minute per client on the limited routes; `None`: no limit.
    pub rate_limit: Option<std::num::NonZeroU32>,
    /// Proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<IpAddr>,
}

impl Settings {
    /// Whether the public address is https (then HSTS is sent).
    pub fn https(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

/// The longest path a QR code ever holds after the base URL, with room to spare.
const LONGEST_QR_PATH: &str = "/es/check/how-it-works/a-page-name-that-is-longer-than-any-we-have";

impl SettingsArgs {
    /// Checks every setting and returns the first one that cannot work.
    pub fn validate(&self) -> Result<Settings, SettingError> {
        let bind: SocketAddr = self.bind.trim().parse().map_err(|_| {
            bad(
                "bind",
                format!("{:?} is not an address like 127.0.0.1:8080", self.bind),
            )
        })?;
        let (base_url, parsed_base) = base_url(&self.base_url)?;
        if !is_loopback(bind.ip()) && names_this_machine(&parsed_base) {
            return Err(bad(
                "base_url",
                format!(
                    "the site listens on a public address ({bind}, --bind, BIND) but the public base URL {base_url} names this machine itself (a loopback or unspecified address): canonical links and printed QR codes would point nowhere; set it to the address people use"
                ),
            ));
        }
        let emergency_number = self.emergency_number.trim().to_string();
        if emergency_number.is_empty()
            || emergency_number.len() > 15
            || !emergency_number.chars().all(|c| c.is_ascii_digit())
        {
            return Err(bad(
                "emergency_number",
                format!("{:?} must be 1 to 15 digits", self.emergency_number),
            ));
        }
        let clinic = clinic(
            self.clinic_name.as_deref(),
            self.clinic_phone.as_deref(),
            self.clinic_url.as_deref(),
        )?;
        Ok(Settings {
            bind,
            content_dir: folder("content_dir", &self.content_dir)?,
            locales_dir: folder("locales_dir", &self.locales_dir)?,
            base_url,
            emergency_number,
            embed_origins: embed_origins(&self.embed_origins)?,
            max_grade: number("max_grade", &self.max_grade, 1.0, 20.0)?,
            min_inflesz: number("min_inflesz", &self.min_inflesz, 0.0, 100.0)?,
            log_format: match self.log_format.trim() {
                "text" => LogFormat::Text,
                "json" => LogFormat::Json,
                "off" => LogFormat::Off,
                other => {
                    return Err(bad(
                        "log_format",
                        format!("{other:?} must be text, json or off"),
                    ));
                }
            },
            head_timeout: seconds("head_timeout", &self.head_timeout)?,
            body_timeout: seconds("body_timeout", &self.body_timeout)?,
            keep_alive: seconds("keep_alive", &self.keep_alive)?,
            clinic,
            contact: contact(self.contact.as_deref())?,
            rate_limit: rate_limit(&self.rate_limit)?,
            trusted_proxies: trusted_proxies(&self.trusted_proxies)?,
        })
    }
}

impl SettingsArgs {
    /// These settings with the settings file's values filled in for every
    /// setting in `defaulted` (those no flag or environment variable gave).
    pub fn with_file(&self, defaulted: &[String]) -> Result<SettingsArgs, SettingError> {
        let Some(path) = &self.config else {
            return Ok(self.clone());
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| bad("config", format!("cannot read {}: {e}", path.display())))?;
        let file: toml::Table = toml::from_str(&text).map_err(|e| {
            bad(
                "config",
                format!("{} is not TOML: {}", path.display(), e.message()),
            )
        })?;
        let serde_json::Value::Object(mut fields) =
            serde_json::to_value(self).map_err(|e| bad("config", e.to_string()))?
        else {
            return Err(bad("config", "settings are not a table"));
        };
        for (key, value) in file {
            if key == "config" || !fields.contains_key(&key) {
                return Err(bad(
                    "config",
                    format!("{}: unknown setting {key:?}", path.display()),
                ));
            }
            let text = match (kind_of(&key), value) {
                (_, toml::Value::String(s)) => s,
                (Kind::Number, toml::Value::Integer(n)) => n.to_string(),
                (Kind::Number, toml::Value::Float(n)) => n.to_string(),
                (Kind::Digits, toml::Value::Integer(n)) if n >= 0 => n.to_string(),
                (kind, value) => {
                    return Err(bad(
                        "config",
                        format!(
                            "{}: {key} must be {}, not {} ({key} = {value})",
                            path.display(),
                            kind.expected(),
                            value.type_str()
                        ),
                    ));
                }
            };
            if defaulted.contains(&key) {
                fields.insert(key, serde_json::Value::String(text));
            }
        }
        serde_json::from_value(serde_json::Value::Object(fields))
            .map_err(|e| bad("config", e.to_string()))
    }
}

/// A folder the program reads from: it must be there and readable. A
/// relative one is read from the working directory, which the message names
/// (a service started with no working directory set finds nothing).
fn folder(setting: &'static str, path: &std::path::Path) -> Result<PathBuf, SettingError> {
    match std::fs::read_dir(path) {
        Ok(_) => Ok(path.to_path_buf()),
        Err(e) => {
            let shown = if path.is_relative() {
                let cwd = std::env::current_dir()
                    .map_or_else(|_| "?".to_string(), |d| d.display().to_string());
                format!(
                    "{} (read from the working directory {cwd}: give a full path)",
                    path.display()
                )
            } else {
                path.display().to_string()
            };
            Err(bad(setting, format!("cannot read the folder {shown}: {e}")))
        }
    }
}

/// What a setting's value is in a settings file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Text in quotes: a name, an address, a folder.
    Text,
    /// A number (or one written as text).
    Number,
    /// Digits: text, or a whole number (`emergency_number = 112`).
    Digits,
}

impl Kind {
    fn expected(self) -> &'static str {
        match self {
            Kind::Text => "text in quotes",
            Kind::Number => "a number",
            Kind::Digits => "digits in quotes, or a whole number",
        }
    }
}

/// Each setting's kind: `clinic_name = true` is an error, not a clinic named "true".
fn kind_of(key: &str) -> Kind {
    match key {
        "max_grade" | "min_inflesz" | "head_timeout" | "body_timeout" | "keep_alive"
        | "rate_limit" => Kind::Number,
        "emergency_number" => Kind::Digits,
        _ => Kind::Text,
    }
}

fn is_loopback(ip: IpAddr) -> bool {
    ip.is_loopback()
}

/// Whether a URL's host is this machine from its own point of view:
/// `localhost` (or a name under it), a loopback address, or an unspecified
/// one (`0.0.0.0`, `[::]`), however it is written (the URL parser has
/// already lowercased names and read every form of an IP address).
fn names_this_machine(url: &Url) -> bool {
    let local_ip = |ip: IpAddr| {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        ip.is_loopback() || ip.is_unspecified()
    };
    match url.host() {
        Some(url::Host::Domain(name)) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            name == "localhost" || name.ends_with(".localhost")
        }
        Some(url::Host::Ipv4(ip)) => local_ip(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => local_ip(IpAddr::V6(ip)),
        None => true,
    }
}

/// An http(s) URL with a host and nothing after its path.
fn web_url(setting: &'static str, raw: &str, what: &str) -> Result<Url, SettingError> {
    let url = web_address(setting, raw, what)?;
    if url.query().is_some() || url.fragment().is_some() || raw.contains(['?', '#']) {
        return Err(bad(
            setting,
            format!("{raw:?} must not have a query or fragment"),
        ));
    }
    Ok(url)
}

/// An http(s) URL with a host and no user name or password; a query and a
/// fragment may follow its path.
fn web_address(setting: &'static str, raw: &str, what: &str) -> Result<Url, SettingError> {
    let trimmed = raw.trim();
    let url =
        Url::parse(trimmed).map_err(|e| bad(setting, format!("{raw:?} is not {what}: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad(
            setting,
            format!("{raw:?} must start with http:// or https://"),
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(bad(setting, format!("{raw:?} must name a host")));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad(
            setting,
            format!("{raw:?} must not hold a user name or password"),
        ));
    }
    Ok(url)
}

fn base_url(raw: &str) -> Result<(String, Url), SettingError> {
    let url = web_url("base_url", raw, "a web address like https://legs.example")?;
    // Kept as the url crate writes it, so it is safe to place in HTML, XML and headers.
    let base = url.as_str().trim_end_matches('/').to_string();
    let longest = format!("{base}{LONGEST_QR_PATH}");
    if qrcode::QrCode::new(longest.as_bytes()).is_err() {
        return Err(bad(
            "base_url",
            format!(
                "{} characters is too long to fit in the pages' QR codes: use a shorter address",
                base.len()
            ),
        ));
    }
    Ok((base, url))
}

fn embed_origins(raw: &str) -> Result<Option<Vec<String>>, SettingError> {
    let items: Vec<&str> = raw.split(',').map(str::trim).collect();
    if items.iter().all(|i| i.is_empty()) {
        return Err(bad(
            "embed_origins",
            "is empty: give `*` to let any site embed the pages, or a list of origins like https://clinic.example",
        ));
    }
    if items.contains(&"*") {
        if items.len() > 1 {
            return Err(bad(
                "embed_origins",
                "`*` (any origin) must stand on its own, not in a list",
            ));
        }
        return Ok(None);
    }
    let mut origins = Vec::new();
    for item in items {
        if item.is_empty() {
            return Err(bad(
                "embed_origins",
                format!("{raw:?} has an empty item between commas"),
            ));
        }
        let origin = origin(item)?;
        if !origins.contains(&origin) {
            origins.push(origin);
        }
    }
    Ok(Some(origins))
}

/// One origin, `scheme://host[:port]` and nothing else: http or https; a host
/// of letters, digits, dots and hyphens, or an IP address (IPv6 in
/// brackets); a port of digits. Anything more (`;`, `*`, a space, a path)
/// would change the meaning of the header it is written into.
fn origin(raw: &str) -> Result<String, SettingError> {
    let refuse = || {
        bad(
            "embed_origins",
            format!(
                "{raw:?} must be an origin like https://clinic.example or http://10.0.0.5:8080: http:// or https://, a host name (letters, digits, dots and hyphens) or an IP address, an optional :port, and nothing else"
            ),
        )
    };
    let (scheme, rest) = raw.split_once("://").ok_or_else(refuse)?;
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return Err(refuse());
    }
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let (host, port) = match rest.strip_prefix('[') {
        Some(v6) => {
            let (address, after) = v6.split_once(']').ok_or_else(refuse)?;
            address
                .parse::<std::net::Ipv6Addr>()
                .map_err(|_| refuse())?;
            (&rest[..address.len() + 2], after)
        }
        None => match rest.split_once(':') {
            Some((host, _)) => (host, &rest[host.len()..]),
            None => (rest, ""),
        },
    };
    let name_ok = host.starts_with('[')
        || (!host.is_empty()
            && host.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            }));
    let port_ok = port.is_empty()
        || port.strip_prefix(':').is_some_and(|p| {
            !p.is_empty()
                && p.len() <= 5
                && p.chars().all(|c| c.is_ascii_digit())
                && p.parse::<u16>().is_ok_and(|n| n > 0)
        });
    if !name_ok || !port_ok {
        return Err(refuse());
    }
    let url = Url::parse(&format!("{}://{host}{port}/", scheme.to_ascii_lowercase()))
        .map_err(|_| refuse())?;
    Ok(url.origin().ascii_serialization())
}

fn rate_limit(raw: &str) -> Result<Option<std::num::NonZeroU32>, SettingError> {
    raw.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= 1_000_000)
        .map(std::num::NonZeroU32::new)
        .ok_or_else(|| {
            bad(
                "rate_limit",
                format!(
                    "{raw:?} must be a whole number of requests a minute, 0 (no limit) to 1000000"
                ),
            )
        })
}

fn trusted_proxies(raw: &str) -> Result<Vec<IpAddr>, SettingError> {
    let mut proxies = Vec::new();
    for item in raw.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let ip: IpAddr = item.parse().map_err(|_| {
            bad(
                "trusted_proxies",
                format!("{item:?} must be an IP address like 127.0.0.1 or ::1 (comma-separated)"),
            )
        })?;
        proxies.push(ip);
    }
    Ok(proxies)
}

fn number(setting: &'static str, raw: &str, min: f64, max: f64) -> Result<f64, SettingError> {
    raw.trim()
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite() && *n >= min && *n <= max)
        .ok_or_else(|| {
            bad(
                setting,
                format!("{raw:?} must be a number from {min} to {max}"),
            )
        })
}

fn seconds(setting: &'static str, raw: &str) -> Result<Duration, SettingError> {
    let n = number(setting, raw, 0.01, 600.0).map_err(|_| {
        bad(
            setting,
            format!("{raw:?} must be a number of seconds from 0.01 to 600"),
        )
    })?;
    Ok(Duration::from_secs_f64(n))
}

/// Characters that change how text around them is shown without being
/// seen: control characters, line separators and the bidirectional
/// formatting marks, overrides and isolates.
fn hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

fn clinic(
    name: Option<&str>,
    phone: Option<&str>,
    url: Option<&str>,
) -> Result<Option<Clinic>, SettingError> {
    fn given(v: Option<&str>) -> Option<&str> {
        v.map(str::trim).filter(|v| !v.is_empty())
    }
    let (name, phone, url) = (given(name), given(phone), given(url));
    let Some(name) = name else {
        if phone.is_some() || url.is_some() {
            return Err(bad(
                "clinic_name",
                "is needed when --clinic-phone or --clinic-url is set, so readers know whose number it is",
            ));
        }
        return Ok(None);
    };
    if name.chars().count() > 80 || name.chars().any(hidden_control) {
        return Err(bad(
            "clinic_name",
            "must be 1 to 80 characters on one line, with no control or text-direction characters (they could reorder the phone number shown after the name)",
        ));
    }
    let phone_uri = match phone {
        None => None,
        Some(p) => {
            let allowed = p
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | '(' | ')' | ' '));
            let digits: String = p.chars().filter(char::is_ascii_digit).collect();
            let plus = p.starts_with('+');
            if !allowed || !(3..=20).contains(&digits.len()) || p[1..].contains('+') {
                return Err(bad(
                    "clinic_phone",
                    format!(
                        "{p:?} must be a phone number: 3 to 20 digits, with spaces, dashes, dots, brackets or a leading +"
                    ),
                ));
            }
            Some(format!("tel:{}{digits}", if plus { "+" } else { "" }))
        }
    };
    let url = match url {
        None => None,
        Some(u) => {
            // Clinic sites often name a page by its query (`?page_id=12`).
            let parsed = web_address("clinic_url", u, "a web address like https://clinic.example")?;
            Some(parsed.as_str().to_string())
        }
    };
    Ok(Some(Clinic {
        name: name.to_string(),
        phone: phone.map(str::to_string),
        phone_uri,
        url,
    }))
}

fn contact(raw: Option<&str>) -> Result<Option<Contact>, SettingError> {
    let Some(raw) = raw.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if raw.starts_with("http://") || raw.starts_with("https://") {
        let url = web_url(
            "contact",
            raw,
            "a web address like https://clinic.example/contact",
        )?;
        return Ok(Some(Contact {
            text: raw.to_string(),
            href: url.as_str().to_string(),
        }));
    }
    // An email address: one @ with something on each side, a dot in the domain,
    // nothing that would need escaping in a mailto: link.
    let valid = raw.len() <= 254
        && raw.split('@').count() == 2
        && raw.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        })
        && raw
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@.-_+".contains(c));
    if !valid {
        return Err(bad(
            "contact",
            format!(
                "{raw:?} must be an email address like help@clinic.example or a web address like https://clinic.example/contact"
            ),
        ));
    }
    Ok(Some(Contact {
        text: raw.to_string(),
        href: format!("mailto:{raw}"),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(change: impl FnOnce(&mut SettingsArgs)) -> Result<Settings, SettingError> {
        let mut args = SettingsArgs::default();
        change(&mut args);
        args.validate()
    }

    #[test]
    fn defaults_are_valid() {
        let s = SettingsArgs::default().validate().unwrap();
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(s.emergency_number, "911");
        assert_eq!(s.embed_origins, None);
        assert_eq!(s.head_timeout, Duration::from_secs(5));
        assert_eq!(s.clinic, None);
    }

    #[test]
    fn errors_name_the_flag_and_the_variable() {
        let err = with(|a| a.bind = "nowhere".into()).unwrap_err();
        assert_eq!(err.flag(), "--bind");
        let line = err.to_string();
        assert!(
            line.starts_with("bad setting bind (--bind, BIND): "),
            "{line}"
        );
        let err = with(|a| a.base_url = "example.org".into()).unwrap_err();
        assert!(err.to_string().contains("(--base-url, BASE_URL)"), "{err}");
    }

    #[test]
    fn emergency_number_must_be_digits() {
        assert_eq!(
            with(|a| a.emergency_number = "9-1-1".into())
                .unwrap_err()
                .setting,
            "emergency_number"
        );
    }

    #[test]
    fn base_url_is_parsed_as_a_url() {
        for bad_url in [
            "example.org",
            "ftp://example.org",
            "http://",
            "https://a.example/?x=1",
            "https://a.example/#top",
            "https://user:pw@a.example",
            "http://[",
        ] {
            assert_eq!(
                with(|a| a.base_url = bad_url.into()).unwrap_err().setting,
                "base_url",
                "{bad_url}"
            );
        }
        assert_eq!(
            with(|a| a.base_url = "https://Example.org/".into())
                .unwrap()
                .base_url,
            "https://example.org"
        );
        assert_eq!(
            with(|a| a.base_url = "https://example.org/legs/".into())
                .unwrap()
                .base_url,
            "https://example.org/legs"
        );
        // Characters that mean something in HTML are percent-encoded by the URL parser.
        assert_eq!(
            with(|a| a.base_url = "https://a.example/<b>\"".into())
                .unwrap()
                .base_url,
            "https://a.example/%3Cb%3E%22"
        );
        // An ampersand is fine in a URL path; it is escaped wherever it is written.
        assert_eq!(
            with(|a| a.base_url = "https://example.org/a&b".into())
                .unwrap()
                .base_url,
            "https://example.org/a&b"
        );
    }

    #[test]
    fn a_base_url_too_long_for_a_qr_code_is_refused() {
        let long = format!("https://example.org/{}", "a".repeat(3000));
        let err = with(|a| a.base_url = long).unwrap_err();
        assert_eq!(err.setting, "base_url");
        assert!(err.problem.contains("QR"), "{err}");
        let fits = format!("https://example.org/{}", "a".repeat(1000));
        assert!(with(|a| a.base_url = fits).is_ok());
    }

    #[test]
    fn a_public_bind_address_needs_a_real_base_url() {
        let err = with(|a| a.bind = "0.0.0.0:8080".into()).unwrap_err();
        assert_eq!(err.setting, "base_url");
        assert!(err.problem.contains("--bind"), "names both settings: {err}");
        assert!(
            with(|a| {
                a.bind = "0.0.0.0:8080".into();
                a.base_url = "https://legs.example".into();
            })
            .is_ok()
        );
        assert!(
            with(|a| a.bind = "[::1]:8080".into()).is_ok(),
            "loopback is fine"
        );
    }

    #[test]
    fn embed_origins_are_parsed_and_star_stands_alone() {
        for bad_list in [
            "",
            " , ",
            "https://a.example, javascript:x",
            "*, https://a.example",
            "https://a.example,*",
            "http://[",
            "https://a.example/path",
            "https://a.example,,https://b.example",
            "a.example",
        ] {
            assert_eq!(
                with(|a| a.embed_origins = bad_list.into())
                    .unwrap_err()
                    .setting,
                "embed_origins",
                "{bad_list:?}"
            );
        }
        assert_eq!(
            with(|a| a.embed_origins = "*".into())
                .unwrap()
                .embed_origins,
            None
        );
        let s =
            with(|a| a.embed_origins = "https://A.example, http://b.example:8081/".into()).unwrap();
        assert_eq!(
            s.embed_origins,
            Some(vec![
                "https://a.example".to_string(),
                "http://b.example:8081".to_string()
            ])
        );
    }

    #[test]
    fn timeouts_are_seconds() {
        assert_eq!(
            with(|a| a.body_timeout = "0.5".into())
                .unwrap()
                .body_timeout,
            Duration::from_millis(500)
        );
        for bad_value in ["0", "-1", "x", "601", "NaN"] {
            assert_eq!(
                with(|a| a.head_timeout = bad_value.into())
                    .unwrap_err()
                    .setting,
                "head_timeout",
                "{bad_value}"
            );
        }
    }

    #[test]
    fn a_settings_file_fills_what_flags_and_environment_left_at_their_default() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("settings.toml");
        std::fs::write(&file, "base_url = \"https://legs.example\"\nemergency_number = 112\nbind = \"127.0.0.1:9999\"\n").unwrap();
        let args = SettingsArgs {
            config: Some(file.clone()),
            bind: "127.0.0.1:7000".into(),
            ..Default::default()
        };
        // The bind address came from a flag; the others were defaults.
        let merged = args
            .with_file(&["base_url".into(), "emergency_number".into()])
            .unwrap();
        assert_eq!(merged.base_url, "https://legs.example");
        assert_eq!(merged.emergency_number, "112");
        assert_eq!(merged.bind, "127.0.0.1:7000", "a flag wins over the file");
        std::fs::write(&file, "base_ulr = \"https://legs.example\"\n").unwrap();
        let err = args.with_file(&[]).unwrap_err();
        assert_eq!(err.setting, "config");
        assert!(err.problem.contains("base_ulr"), "{err}");
        let missing = SettingsArgs {
            config: Some(dir.path().join("nope.toml")),
            ..Default::default()
        };
        assert_eq!(missing.with_file(&[]).unwrap_err().setting, "config");
    }

    #[test]
    fn the_contact_is_an_email_or_a_web_address() {
        assert_eq!(with(|_| {}).unwrap().contact, None);
        let email = with(|a| a.contact = Some(" access@legs.example ".into())).unwrap();
        assert_eq!(
            email.contact,
            Some(Contact {
                text: "access@legs.example".into(),
                href: "mailto:access@legs.example".into()
            })
        );
        let web = with(|a| a.contact = Some("https://legs.example/contact".into())).unwrap();
        assert_eq!(web.contact.unwrap().href, "https://legs.example/contact");
        for bad_contact in [
            "nobody",
            "a@b",
            "a b@c.example",
            "x@y.example?subject=z",
            "ftp://x.example",
        ] {
            assert_eq!(
                with(|a| a.contact = Some(bad_contact.into()))
                    .unwrap_err()
                    .setting,
                "contact",
                "{bad_contact}"
            );
        }
    }

    #[test]
    fn clinic_settings_are_checked_together() {
        assert_eq!(
            with(|a| a.clinic_phone = Some("555 0100".into()))
                .unwrap_err()
                .setting,
            "clinic_name"
        );
        let s = with(|a| {
            a.clinic_name = Some("Riverside Clinic".into());
            a.clinic_phone = Some("+1 (555) 010-0199".into());
            a.clinic_url = Some("https://riverside.example/".into());
        })
        .unwrap();
        let clinic = s.clinic.unwrap();
        assert_eq!(clinic.phone_uri.as_deref(), Some("tel:+15550100199"));
        assert_eq!(clinic.url.as_deref(), Some("https://riverside.example/"));
        for bad_phone in ["call us", "12", "555-0100 ext. 4", "1+1"] {
            let err = with(|a| {
                a.clinic_name = Some("C".into());
                a.clinic_phone = Some(bad_phone.into());
            })
            .unwrap_err();
            assert_eq!(err.setting, "clinic_phone", "{bad_phone}");
        }
        let err = with(|a| {
            a.clinic_name = Some("C".into());
            a.clinic_url = Some("javascript:alert(1)".into());
        })
        .unwrap_err();
        assert_eq!(err.setting, "clinic_url");
        assert_eq!(
            with(|a| a.clinic_name = Some("A\nB".into()))
                .unwrap_err()
                .setting,
            "clinic_name"
        );
    }
    #[test]
    fn origins_are_scheme_host_and_port_and_nothing_else() {
        for bad_origin in [
            "https://a.example;sandbox",
            "https://*",
            "https://*.a.example",
            "https://a.example sandbox",
            "https://a.example/path",
            "https://a..example",
            "https://-a.example",
            "https://a_b.example",
            "https://a.example:99999",
            "https://a.example:",
            "https://a.example:80x",
            "https://[::1",
            "https://a.example?x",
            "ftp://a.example",
        ] {
            assert_eq!(
                with(|a| a.embed_origins = bad_origin.into())
                    .unwrap_err()
                    .setting,
                "embed_origins",
                "{bad_origin:?}"
            );
        }
        let s = with(|a| {
            a.embed_origins =
                "HTTPS://A.Example/, http://10.0.0.5:8080, https://[2001:db8::1]:8443, https://b.example:443"
                    .into()
        })
        .unwrap();
        assert_eq!(
            s.embed_origins.unwrap(),
            [
                "https://a.example",
                "http://10.0.0.5:8080",
                "https://[2001:db8::1]:8443",
                "https://b.example"
            ]
        );
    }

    #[test]
    fn a_public_bind_refuses_any_base_url_that_names_this_machine() {
        for local in [
            "http://localhost:8080",
            "http://LOCALHOST",
            "https://app.localhost",
            "http://[::1]:8080",
            "HTTP://127.0.0.1",
            "http://127.1.2.3:8080",
            "http://0.0.0.0:8080",
            "http://[::]",
            "http://[::ffff:127.0.0.1]",
            "http://2130706433",
        ] {
            let err = with(|a| {
                a.bind = "0.0.0.0:8080".into();
                a.base_url = local.into();
            })
            .unwrap_err();
            assert_eq!(err.setting, "base_url", "{local}");
            assert!(err.problem.contains("--bind"), "{err}");
            assert!(
                with(|a| a.base_url = local.into()).is_ok(),
                "{local} is fine while listening on loopback"
            );
        }
        for public in [
            "https://legs.example",
            "http://10.0.0.5:8080",
            "http://[2001:db8::5]",
        ] {
            assert!(
                with(|a| {
                    a.bind = "0.0.0.0:8080".into();
                    a.base_url = public.into();
                })
                .is_ok(),
                "{public}"
            );
        }
    }

    #[test]
    fn a_settings_file_is_typed() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("settings.toml");
        let args = SettingsArgs {
            config: Some(file.clone()),
            ..Default::default()
        };
        let all: Vec<String> = [
            "clinic_name",
            "emergency_number",
            "head_timeout",
            "max_grade",
            "base_url",
        ]
        .map(String::from)
        .to_vec();
        for (text, named) in [
            ("clinic_name = true\n", "clinic_name"),
            ("clinic_name = 42\n", "clinic_name"),
            ("base_url = [\"https://a.example\"]\n", "base_url"),
            ("emergency_number = true\n", "emergency_number"),
            ("emergency_number = -1\n", "emergency_number"),
            ("head_timeout = true\n", "head_timeout"),
        ] {
            std::fs::write(&file, text).unwrap();
            let err = args.with_file(&all).unwrap_err();
            assert_eq!(err.setting, "config", "{text}");
            assert!(err.problem.contains(named), "{text}: {err}");
        }
        std::fs::write(
            &file,
            "clinic_name = \"Riverside\"\nemergency_number = 112\nhead_timeout = 2.5\nmax_grade = \"9\"\n",
        )
        .unwrap();
        let merged = args.with_file(&all).unwrap();
        assert_eq!(merged.clinic_name.as_deref(), Some("Riverside"));
        assert_eq!(merged.emergency_number, "112");
        assert_eq!(merged.head_timeout, "2.5");
        assert_eq!(merged.max_grade, "9");
    }

    #[test]
    fn names_and_phones_refuse_control_and_text_direction_characters() {
        for name in [
            "Riverside\u{202E}Clinic",
            "Riverside\u{2067}Clinic\u{2069}",
            "Riverside\u{200F}",
            "Riverside\u{0007}",
            "Riverside\u{2028}Clinic",
        ] {
            assert_eq!(
                with(|a| a.clinic_name = Some(name.into()))
                    .unwrap_err()
                    .setting,
                "clinic_name",
                "{name:?}"
            );
        }
        assert!(with(|a| a.clinic_name = Some("Clínica Río Ñandú".into())).is_ok());
        for phone in ["555\u{202E}0100", "555\u{200E}0100", "555\t0100"] {
            assert_eq!(
                with(|a| {
                    a.clinic_name = Some("C".into());
                    a.clinic_phone = Some(phone.into());
                })
                .unwrap_err()
                .setting,
                "clinic_phone",
                "{phone:?}"
            );
        }
    }

    #[test]
    fn a_clinic_url_may_have_a_query_and_a_fragment() {
        let s = with(|a| {
            a.clinic_name = Some("C".into());
            a.clinic_url = Some("https://clinic.example/?page_id=12&lang=en#contact".into());
        })
        .unwrap();
        assert_eq!(
            s.clinic.unwrap().url.as_deref(),
            Some("https://clinic.example/?page_id=12&lang=en#contact")
        );
        for bad_url in [
            "https://user:pw@clinic.example/",
            "ftp://clinic.example/",
            "clinic.example",
        ] {
            assert_eq!(
                with(|a| {
                    a.clinic_name = Some("C".into());
                    a.clinic_url = Some(bad_url.into());
                })
                .unwrap_err()
                .setting,
                "clinic_url",
                "{bad_url}"
            );
        }
    }
}
