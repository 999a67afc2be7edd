//! Settings: each one a command-line flag and an environment variable, with a
//! working default, validated once at start-up.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Args;

/// Raw settings as given on the command line or in the environment.
#[derive(Debug, Clone, Args)]
pub struct SettingsArgs {
    /// Address and port to listen on.
    #[arg(long, env = "BIND", default_value = "127.0.0.1:8080", global = true)]
    pub bind: String,
    /// Folder holding the Markdown pages.
    #[arg(long, env = "CONTENT_DIR", default_value = "content", global = true)]
    pub content_dir: PathBuf,
    /// Public address of the site, used for canonical links and the sitemap.
    #[arg(
        long,
        env = "BASE_URL",
        default_value = "http://127.0.0.1:8080",
        global = true
    )]
    pub base_url: String,
    /// Number to call in an emergency, shown on every page.
    #[arg(long, env = "EMERGENCY_NUMBER", default_value = "911", global = true)]
    pub emergency_number: String,
    /// Origins allowed to embed the site, comma-separated, or `*` for any.
    #[arg(long, env = "EMBED_ORIGINS", default_value = "*", global = true)]
    pub embed_origins: String,
    /// Highest Flesch-Kincaid grade a page may read at.
    #[arg(long, env = "MAX_GRADE", default_value = "8.0", global = true)]
    pub max_grade: String,
    /// Request log format: `text`, `json`, or `off`.
    #[arg(long, env = "LOG_FORMAT", default_value = "text", global = true)]
    pub log_format: String,
}

impl Default for SettingsArgs {
    fn default() -> Self {
        Self {
            bind: "127.0.0.1:8080".into(),
            content_dir: "content".into(),
            base_url: "http://127.0.0.1:8080".into(),
            emergency_number: "911".into(),
            embed_origins: "*".into(),
            max_grade: "8.0".into(),
            log_format: "text".into(),
        }
    }
}

/// Settings after validation: nothing downstream re-checks them.
#[derive(Debug, Clone)]
pub struct Settings {
    pub bind: SocketAddr,
    pub content_dir: PathBuf,
    /// Without a trailing slash.
    pub base_url: String,
    pub emergency_number: String,
    /// Empty means any origin may embed.
    pub embed_origins: Vec<String>,
    pub max_grade: f64,
    pub log_format: LogFormat,
}

/// How the request log is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// One readable line per request.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
    /// No request log (tests, or a proxy that logs already).
    Off,
}

/// A setting that cannot be used, named so the person can fix it.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("bad setting {name} ({flag}, {env}): {problem}")]
pub struct SettingError {
    pub name: &'static str,
    pub flag: &'static str,
    pub env: &'static str,
    pub problem: String,
}

fn bad(name: &'static str, flag: &'static str, env: &'static str, problem: String) -> SettingError {
    SettingError {
        name,
        flag,
        env,
        problem,
    }
}

impl SettingsArgs {
    /// Checks every setting and returns the first one that cannot be used.
    pub fn validate(&self) -> Result<Settings, SettingError> {
        let bind: SocketAddr = self.bind.trim().parse().map_err(|_| {
            bad(
                "bind address",
                "--bind",
                "BIND",
                format!("{:?} is not an address like 127.0.0.1:8080", self.bind),
            )
        })?;
        let base_url = self.base_url.trim().trim_end_matches('/').to_string();
        let rest = base_url
            .strip_prefix("https://")
            .or_else(|| base_url.strip_prefix("http://"));
        if !rest.is_some_and(|host| !host.is_empty() && !host.contains(['?', '#', ' '])) {
            return Err(bad(
                "public base URL",
                "--base-url",
                "BASE_URL",
                format!(
                    "{:?} must start with http:// or https:// and name a host",
                    self.base_url
                ),
            ));
        }
        let emergency_number = self.emergency_number.trim().to_string();
        if emergency_number.is_empty()
            || emergency_number.len() > 15
            || !emergency_number.chars().all(|c| c.is_ascii_digit())
        {
            return Err(bad(
                "emergency number",
                "--emergency-number",
                "EMERGENCY_NUMBER",
                format!("{:?} must be 1 to 15 digits", self.emergency_number),
            ));
        }
        let mut embed_origins = Vec::new();
        for origin in self
            .embed_origins
            .split(',')
            .map(str::trim)
            .filter(|o| !o.is_empty())
        {
            if origin == "*" {
                embed_origins.clear();
                break;
            }
            let host = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"));
            let valid = host.is_some_and(|h| {
                !h.is_empty()
                    && h.chars().all(|c| {
                        c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']')
                    })
            });
            if !valid {
                return Err(bad(
                    "embed origins",
                    "--embed-origins",
                    "EMBED_ORIGINS",
                    format!("{origin:?} is not an origin like https://clinic.example"),
                ));
            }
            embed_origins.push(origin.to_string());
        }
        let max_grade: f64 = self
            .max_grade
            .trim()
            .parse()
            .ok()
            .filter(|g: &f64| g.is_finite() && *g > 0.0 && *g <= 20.0)
            .ok_or_else(|| {
                bad(
                    "maximum reading grade",
                    "--max-grade",
                    "MAX_GRADE",
                    format!("{:?} must be a number from 0 to 20", self.max_grade),
                )
            })?;
        let log_format = match self.log_format.trim() {
            "text" => LogFormat::Text,
            "json" => LogFormat::Json,
            "off" => LogFormat::Off,
            other => {
                return Err(bad(
                    "log format",
                    "--log-format",
                    "LOG_FORMAT",
                    format!("{other:?} must be text, json or off"),
                ));
            }
        };
        Ok(Settings {
            log_format,
            bind,
            content_dir: self.content_dir.clone(),
            base_url,
            emergency_number,
            embed_origins,
            max_grade,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        let s = SettingsArgs::default().validate().unwrap();
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(s.emergency_number, "911");
        assert!(s.embed_origins.is_empty());
    }

    #[test]
    fn a_bad_bind_address_is_refused_by_name() {
        let args = SettingsArgs {
            bind: "nowhere".into(),
            ..Default::default()
        };
        let err = args.validate().unwrap_err();
        assert_eq!(err.flag, "--bind");
        assert!(err.to_string().contains("BIND"));
    }

    #[test]
    fn emergency_number_must_be_digits() {
        let args = SettingsArgs {
            emergency_number: "9-1-1".into(),
            ..Default::default()
        };
        assert_eq!(args.validate().unwrap_err().flag, "--emergency-number");
    }

    #[test]
    fn base_url_must_be_http() {
        let args = SettingsArgs {
            base_url: "example.org".into(),
            ..Default::default()
        };
        assert_eq!(args.validate().unwrap_err().flag, "--base-url");
        let args = SettingsArgs {
            base_url: "https://example.org/".into(),
            ..Default::default()
        };
        assert_eq!(args.validate().unwrap().base_url, "https://example.org");
    }

    #[test]
    fn embed_origins_are_checked() {
        let args = SettingsArgs {
            embed_origins: "https://a.example, javascript:x".into(),
            ..Default::default()
        };
        assert_eq!(args.validate().unwrap_err().flag, "--embed-origins");
        let args = SettingsArgs {
            embed_origins: "https://a.example,http://b.example:8081".into(),
            ..Default::default()
        };
        assert_eq!(args.validate().unwrap().embed_origins.len(), 2);
    }
}
