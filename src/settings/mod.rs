//! Settings: each one declared once (`declared.rs`: name, type, default,
//! parser and doc line; the flag and the variable follow from the name),
//! layered with figment (defaults, the settings file, then the environment
//! and the flags), and checked once at start-up. A setting that cannot work
//! is refused with one line naming it.

mod declared;
mod error;
mod layered;
mod parse;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use url::Url;

pub use declared::{DECLARED, Declared, FileKind, RawSettings, Values};
pub use error::SettingError;
use error::bad;
pub use layered::Source;
pub use parse::{Contact, LogFormat};

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

    /// Parses every setting of `raw` (unset ones take their default), then
    /// checks those that only work together.
    pub fn from_raw(raw: &RawSettings) -> Result<Settings, SettingError> {
        Settings::from_values(layered::layer(&[raw])?.parse()?)
    }

    /// Checks the settings that only work together.
    pub fn from_values(v: Values) -> Result<Settings, SettingError> {
        if !v.bind.ip().is_loopback() && names_this_machine(&v.base_url) {
            return Err(bad(
                "base_url",
                format!(
                    "the site listens on a public address ({}, --bind, BIND) but the public base URL {} names this machine itself (a loopback or unspecified address): canonical links and printed QR codes would point nowhere; set it to the address people use",
                    v.bind,
                    base_text(&v.base_url)
                ),
            ));
        }
        let clinic = match v.clinic_name {
            None if v.clinic_phone.is_some() || v.clinic_url.is_some() => {
                return Err(bad(
                    "clinic_name",
                    "is needed when --clinic-phone or --clinic-url is set, so readers know whose number it is",
                ));
            }
            None => None,
            Some(name) => Some(Clinic {
                name,
                phone: v.clinic_phone.as_ref().map(|p| p.text.clone()),
                phone_uri: v.clinic_phone.map(|p| p.uri),
                url: v.clinic_url,
            }),
        };
        Ok(Settings {
            bind: v.bind,
            content_dir: v.content_dir,
            locales_dir: v.locales_dir,
            base_url: base_text(&v.base_url),
            emergency_number: v.emergency_number,
            embed_origins: v.embed_origins,
            max_grade: v.max_grade,
            min_inflesz: v.min_inflesz,
            log_format: v.log_format,
            head_timeout: v.head_timeout,
            body_timeout: v.body_timeout,
            keep_alive: v.keep_alive,
            clinic,
            contact: v.contact,
            rate_limit: v.rate_limit,
            trusted_proxies: v.trusted_proxies,
        })
    }
}

impl RawSettings {
    /// These settings, checked (no settings file is read: see [`Source`]).
    pub fn validate(&self) -> Result<Settings, SettingError> {
        Settings::from_raw(self)
    }
}

impl Source {
    /// The settings from every layer, checked: the file is read now.
    pub fn settings(&self) -> Result<Settings, SettingError> {
        Settings::from_values(self.layered()?.parse()?)
    }
}

/// The base URL as the url crate writes it, without a trailing slash, so it
/// is safe to place in HTML, XML and headers.
fn base_text(url: &Url) -> String {
    url.as_str().trim_end_matches('/').to_string()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn with(change: impl FnOnce(&mut RawSettings)) -> Result<Settings, SettingError> {
        let repo = env!("CARGO_MANIFEST_DIR");
        let mut args = RawSettings {
            content_dir: Some(format!("{repo}/content")),
            locales_dir: Some(format!("{repo}/locales")),
            ..Default::default()
        };
        change(&mut args);
        args.validate()
    }

    /// The settings from a settings file, with these flags and variables given.
    fn from_file(file: &std::path::Path, given: RawSettings) -> Result<RawSettings, SettingError> {
        Source::new(RawSettings {
            config: Some(file.display().to_string()),
            ..given
        })
        .layered()
    }

    #[test]
    fn defaults_are_valid() {
        let s = with(|_| {}).unwrap();
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(s.emergency_number, "911");
        assert_eq!(s.embed_origins, None);
        assert_eq!(s.head_timeout, Duration::from_secs(5));
        assert_eq!(s.clinic, None);
    }

    #[test]
    fn errors_name_the_flag_and_the_variable() {
        let err = with(|a| a.bind = Some("nowhere".into())).unwrap_err();
        assert_eq!(err.flag(), "--bind");
        let line = err.to_string();
        assert!(
            line.starts_with("bad setting bind (--bind, BIND): "),
            "{line}"
        );
        let err = with(|a| a.base_url = Some("example.org".into())).unwrap_err();
        assert!(err.to_string().contains("(--base-url, BASE_URL)"), "{err}");
    }

    #[test]
    fn emergency_number_must_be_digits() {
        assert_eq!(
            with(|a| a.emergency_number = Some("9-1-1".into()))
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
                with(|a| a.base_url = Some(bad_url.into()))
                    .unwrap_err()
                    .setting,
                "base_url",
                "{bad_url}"
            );
        }
        assert_eq!(
            with(|a| a.base_url = Some("https://Example.org/".into()))
                .unwrap()
                .base_url,
            "https://example.org"
        );
        assert_eq!(
            with(|a| a.base_url = Some("https://example.org/legs/".into()))
                .unwrap()
                .base_url,
            "https://example.org/legs"
        );
        // Characters that mean something in HTML are percent-encoded by the URL parser.
        assert_eq!(
            with(|a| a.base_url = Some("https://a.example/<b>\"".into()))
                .unwrap()
                .base_url,
            "https://a.example/%3Cb%3E%22"
        );
        // An ampersand is fine in a URL path; it is escaped wherever it is written.
        assert_eq!(
            with(|a| a.base_url = Some("https://example.org/a&b".into()))
                .unwrap()
                .base_url,
            "https://example.org/a&b"
        );
    }

    #[test]
    fn a_base_url_too_long_for_a_qr_code_is_refused() {
        let long = format!("https://example.org/{}", "a".repeat(3000));
        let err = with(|a| a.base_url = Some(long)).unwrap_err();
        assert_eq!(err.setting, "base_url");
        assert!(err.problem.contains("QR"), "{err}");
        let fits = format!("https://example.org/{}", "a".repeat(1000));
        assert!(with(|a| a.base_url = Some(fits)).is_ok());
    }

    #[test]
    fn a_public_bind_address_needs_a_real_base_url() {
        let err = with(|a| a.bind = Some("0.0.0.0:8080".into())).unwrap_err();
        assert_eq!(err.setting, "base_url");
        assert!(err.problem.contains("--bind"), "names both settings: {err}");
        assert!(
            with(|a| {
                a.bind = Some("0.0.0.0:8080".into());
                a.base_url = Some("https://legs.example".into());
            })
            .is_ok()
        );
        assert!(
            with(|a| a.bind = Some("[::1]:8080".into())).is_ok(),
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
                with(|a| a.embed_origins = Some(bad_list.into()))
                    .unwrap_err()
                    .setting,
                "embed_origins",
                "{bad_list:?}"
            );
        }
        assert_eq!(
            with(|a| a.embed_origins = Some("*".into()))
                .unwrap()
                .embed_origins,
            None
        );
        let s =
            with(|a| a.embed_origins = Some("https://A.example, http://b.example:8081/".into()))
                .unwrap();
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
            with(|a| a.body_timeout = Some("0.5".into()))
                .unwrap()
                .body_timeout,
            Duration::from_millis(500)
        );
        for bad_value in ["0", "-1", "x", "601", "NaN"] {
            assert_eq!(
                with(|a| a.head_timeout = Some(bad_value.into()))
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
        // The bind address came from a flag; the others were defaults.
        let flag = RawSettings {
            bind: Some("127.0.0.1:7000".into()),
            ..Default::default()
        };
        let merged = from_file(&file, flag.clone()).unwrap();
        assert_eq!(merged.base_url.as_deref(), Some("https://legs.example"));
        assert_eq!(merged.emergency_number.as_deref(), Some("112"));
        assert_eq!(
            merged.bind.as_deref(),
            Some("127.0.0.1:7000"),
            "a flag wins over the file"
        );
        assert_eq!(merged.keep_alive.as_deref(), Some("15"), "the default");
        std::fs::write(&file, "base_ulr = \"https://legs.example\"\n").unwrap();
        let err = from_file(&file, flag).unwrap_err();
        assert_eq!(err.setting, "config");
        assert!(err.problem.contains("base_ulr"), "{err}");
        let missing = from_file(&dir.path().join("nope.toml"), RawSettings::default());
        assert_eq!(missing.unwrap_err().setting, "config");
        std::fs::write(&file, "config = \"other.toml\"\n").unwrap();
        let err = from_file(&file, RawSettings::default()).unwrap_err();
        assert!(err.problem.contains("unknown setting \"config\""), "{err}");
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
                with(|a| a.embed_origins = Some(bad_origin.into()))
                    .unwrap_err()
                    .setting,
                "embed_origins",
                "{bad_origin:?}"
            );
        }
        let s = with(|a| {
            a.embed_origins = Some(
                "HTTPS://A.Example/, http://10.0.0.5:8080, https://[2001:db8::1]:8443, https://b.example:443"
                    .into(),
            )
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
                a.bind = Some("0.0.0.0:8080".into());
                a.base_url = Some(local.into());
            })
            .unwrap_err();
            assert_eq!(err.setting, "base_url", "{local}");
            assert!(err.problem.contains("--bind"), "{err}");
            assert!(
                with(|a| a.base_url = Some(local.into())).is_ok(),
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
                    a.bind = Some("0.0.0.0:8080".into());
                    a.base_url = Some(public.into());
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
        for (text, named) in [
            ("clinic_name = true\n", "clinic_name"),
            ("clinic_name = 42\n", "clinic_name"),
            ("base_url = [\"https://a.example\"]\n", "base_url"),
            ("emergency_number = true\n", "emergency_number"),
            ("emergency_number = -1\n", "emergency_number"),
            ("head_timeout = true\n", "head_timeout"),
        ] {
            std::fs::write(&file, text).unwrap();
            let err = from_file(&file, RawSettings::default()).unwrap_err();
            assert_eq!(err.setting, "config", "{text}");
            assert!(err.problem.contains(named), "{text}: {err}");
        }
        std::fs::write(&file, "clinic_name = true\n").unwrap();
        let err = from_file(&file, RawSettings::default()).unwrap_err();
        assert_eq!(
            err.problem,
            format!(
                "{}: clinic_name must be text in quotes, not boolean (clinic_name = true)",
                file.display()
            )
        );
        std::fs::write(
            &file,
            "clinic_name = \"Riverside\"\nemergency_number = 112\nhead_timeout = 2.5\nmax_grade = \"9\"\n",
        )
        .unwrap();
        let merged = from_file(&file, RawSettings::default()).unwrap();
        assert_eq!(merged.clinic_name.as_deref(), Some("Riverside"));
        assert_eq!(merged.emergency_number.as_deref(), Some("112"));
        assert_eq!(merged.head_timeout.as_deref(), Some("2.5"));
        assert_eq!(merged.max_grade.as_deref(), Some("9"));
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
