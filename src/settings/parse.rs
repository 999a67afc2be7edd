//! Each setting's parser: its text (as given, from the settings file or the
//! default) to the value the program uses, or one line saying why not.
//! Every parser has the same shape, so the declaration can name it.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::time::Duration;

use url::Url;

use super::error::{SettingError, bad};

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

/// Where the people who run the site read reports: an email address or a web address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// As given, for reading.
    pub text: String,
    /// `mailto:` or `https:` link.
    pub href: String,
}

/// A phone number as the clinic writes it, and the link that calls it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    pub text: String,
    /// `tel:+15550100199`.
    pub uri: String,
}

/// The text of a setting that has a default (the declaration gives one, so
/// it is always there).
fn text(raw: Option<&str>) -> &str {
    raw.unwrap_or_default()
}

/// Text that is there and not blank, trimmed.
fn given(raw: Option<&str>) -> Option<&str> {
    raw.map(str::trim).filter(|v| !v.is_empty())
}

/// The settings file: a path, when given.
pub fn file(_: &'static str, raw: Option<&str>) -> Result<Option<PathBuf>, SettingError> {
    Ok(raw.map(PathBuf::from))
}

/// An address and port to listen on.
pub fn bind(setting: &'static str, raw: Option<&str>) -> Result<SocketAddr, SettingError> {
    let raw = text(raw);
    raw.trim().parse().map_err(|_| {
        bad(
            setting,
            format!("{raw:?} is not an address like 127.0.0.1:8080"),
        )
    })
}

/// A folder the program reads from: it must be there and readable. A
/// relative one is read from the working directory, which the message names
/// (a service started with no working directory set finds nothing).
pub fn folder(setting: &'static str, raw: Option<&str>) -> Result<PathBuf, SettingError> {
    let path = std::path::Path::new(text(raw));
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

/// The longest path a QR code ever holds after the base URL, with room to spare.
const LONGEST_QR_PATH: &str = "/es/check/how-it-works/a-page-name-that-is-longer-than-any-we-have";

/// The public address: an http(s) URL with a host and nothing after its
/// path, short enough for every page's QR code.
pub fn base_url(setting: &'static str, raw: Option<&str>) -> Result<Url, SettingError> {
    let url = web_url(
        setting,
        text(raw),
        "a web address like https://legs.example",
    )?;
    let base = url.as_str().trim_end_matches('/');
    let longest = format!("{base}{LONGEST_QR_PATH}");
    if qrcode::QrCode::new(longest.as_bytes()).is_err() {
        return Err(bad(
            setting,
            format!(
                "{} characters is too long to fit in the pages' QR codes: use a shorter address",
                base.len()
            ),
        ));
    }
    Ok(url)
}

/// 1 to 15 digits.
pub fn emergency_number(setting: &'static str, raw: Option<&str>) -> Result<String, SettingError> {
    let raw = text(raw);
    let number = raw.trim().to_string();
    if number.is_empty() || number.len() > 15 || !number.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad(setting, format!("{raw:?} must be 1 to 15 digits")));
    }
    Ok(number)
}

/// `*` alone (any origin: `None`), or a list of origins.
pub fn embed_origins(
    setting: &'static str,
    raw: Option<&str>,
) -> Result<Option<Vec<String>>, SettingError> {
    let raw = text(raw);
    let items: Vec<&str> = raw.split(',').map(str::trim).collect();
    if items.iter().all(|i| i.is_empty()) {
        return Err(bad(
            setting,
            "is empty: give `*` to let any site embed the pages, or a list of origins like https://clinic.example",
        ));
    }
    if items.contains(&"*") {
        if items.len() > 1 {
            return Err(bad(
                setting,
                "`*` (any origin) must stand on its own, not in a list",
            ));
        }
        return Ok(None);
    }
    let mut origins = Vec::new();
    for item in items {
        if item.is_empty() {
            return Err(bad(
                setting,
                format!("{raw:?} has an empty item between commas"),
            ));
        }
        let origin = origin(setting, item)?;
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
fn origin(setting: &'static str, raw: &str) -> Result<String, SettingError> {
    let refuse = || {
        bad(
            setting,
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
    if !host_ok(host) || !port_ok(port) {
        return Err(refuse());
    }
    let url = Url::parse(&format!("{}://{host}{port}/", scheme.to_ascii_lowercase()))
        .map_err(|_| refuse())?;
    Ok(url.origin().ascii_serialization())
}

/// An IPv6 address in brackets (checked already), or labels of letters,
/// digits and inner hyphens.
fn host_ok(host: &str) -> bool {
    host.starts_with('[')
        || (!host.is_empty()
            && host.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            }))
}

/// Nothing, or `:` and a port from 1 to 65535.
fn port_ok(port: &str) -> bool {
    port.is_empty()
        || port.strip_prefix(':').is_some_and(|p| {
            !p.is_empty()
                && p.len() <= 5
                && p.chars().all(|c| c.is_ascii_digit())
                && p.parse::<u16>().is_ok_and(|n| n > 0)
        })
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

/// A Flesch-Kincaid grade, 1 to 20.
pub fn grade(setting: &'static str, raw: Option<&str>) -> Result<f64, SettingError> {
    number(setting, text(raw), 1.0, 20.0)
}

/// An INFLESZ score, 0 to 100.
pub fn score(setting: &'static str, raw: Option<&str>) -> Result<f64, SettingError> {
    number(setting, text(raw), 0.0, 100.0)
}

/// `text`, `json` or `off`.
pub fn log_format(setting: &'static str, raw: Option<&str>) -> Result<LogFormat, SettingError> {
    match text(raw).trim() {
        "text" => Ok(LogFormat::Text),
        "json" => Ok(LogFormat::Json),
        "off" => Ok(LogFormat::Off),
        other => Err(bad(setting, format!("{other:?} must be text, json or off"))),
    }
}

/// Seconds, 0.01 to 600.
pub fn seconds(setting: &'static str, raw: Option<&str>) -> Result<Duration, SettingError> {
    let raw = text(raw);
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

/// A clinic's name: 1 to 80 characters on one line.
pub fn clinic_name(
    setting: &'static str,
    raw: Option<&str>,
) -> Result<Option<String>, SettingError> {
    let Some(name) = given(raw) else {
        return Ok(None);
    };
    if name.chars().count() > 80 || name.chars().any(hidden_control) {
        return Err(bad(
            setting,
            "must be 1 to 80 characters on one line, with no control or text-direction characters (they could reorder the phone number shown after the name)",
        ));
    }
    Ok(Some(name.to_string()))
}

/// A phone number: 3 to 20 digits, with spaces, dashes, dots, brackets or a leading `+`.
pub fn phone(setting: &'static str, raw: Option<&str>) -> Result<Option<Phone>, SettingError> {
    let Some(p) = given(raw) else {
        return Ok(None);
    };
    let allowed = p
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | '(' | ')' | ' '));
    let digits: String = p.chars().filter(char::is_ascii_digit).collect();
    let plus = p.starts_with('+');
    if !allowed || !(3..=20).contains(&digits.len()) || p[1..].contains('+') {
        return Err(bad(
            setting,
            format!(
                "{p:?} must be a phone number: 3 to 20 digits, with spaces, dashes, dots, brackets or a leading +"
            ),
        ));
    }
    Ok(Some(Phone {
        text: p.to_string(),
        uri: format!("tel:{}{digits}", if plus { "+" } else { "" }),
    }))
}

/// A web address; clinic sites often name a page by its query (`?page_id=12`).
pub fn clinic_url(
    setting: &'static str,
    raw: Option<&str>,
) -> Result<Option<String>, SettingError> {
    let Some(u) = given(raw) else {
        return Ok(None);
    };
    let parsed = web_address(setting, u, "a web address like https://clinic.example")?;
    Ok(Some(parsed.as_str().to_string()))
}

/// An email address or a web address.
pub fn contact(setting: &'static str, raw: Option<&str>) -> Result<Option<Contact>, SettingError> {
    let Some(raw) = given(raw) else {
        return Ok(None);
    };
    if raw.starts_with("http://") || raw.starts_with("https://") {
        let url = web_url(
            setting,
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
            setting,
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

/// Requests a minute, `0` for no limit (`None`).
pub fn rate_limit(
    setting: &'static str,
    raw: Option<&str>,
) -> Result<Option<NonZeroU32>, SettingError> {
    let raw = text(raw);
    raw.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= 1_000_000)
        .map(NonZeroU32::new)
        .ok_or_else(|| {
            bad(
                setting,
                format!(
                    "{raw:?} must be a whole number of requests a minute, 0 (no limit) to 1000000"
                ),
            )
        })
}

/// IP addresses, comma-separated.
pub fn addresses(setting: &'static str, raw: Option<&str>) -> Result<Vec<IpAddr>, SettingError> {
    let mut proxies = Vec::new();
    for item in text(raw)
        .split(',')
        .map(str::trim)
        .filter(|i| !i.is_empty())
    {
        let ip: IpAddr = item.parse().map_err(|_| {
            bad(
                setting,
                format!("{item:?} must be an IP address like 127.0.0.1 or ::1 (comma-separated)"),
            )
        })?;
        proxies.push(ip);
    }
    Ok(proxies)
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
