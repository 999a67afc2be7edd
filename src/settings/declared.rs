//! Every setting, declared once: its name (the flag and the variable follow
//! from it: `base_url` is `--base-url` and `BASE_URL`), its type, its
//! default, what a settings file may write for it, its parser (the check)
//! and its doc line, which is the `--help` text and the README's table row.
//! To add a setting, add one entry here and a row to the README (a test
//! compares the two); `Settings` reads the value.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::time::Duration;

use clap::parser::ValueSource;
use clap::{Arg, ArgMatches, Args, Command, FromArgMatches};
use url::Url;

use super::error::SettingError;
use super::parse::{self, Contact, LogFormat, Phone};

/// What a settings file may write for a setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Text in quotes: a name, an address, a folder.
    Text,
    /// A number (or one written as text).
    Number,
    /// Digits: text, or a whole number (`emergency_number = 112`).
    Digits,
    /// Not a key of the settings file (the file itself).
    Never,
}

impl FileKind {
    /// What the file must write, in words.
    pub fn expected(self) -> &'static str {
        match self {
            FileKind::Text | FileKind::Never => "text in quotes",
            FileKind::Number => "a number",
            FileKind::Digits => "digits in quotes, or a whole number",
        }
    }
}

/// One setting, as the command line, the environment, the settings file and
/// the README know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declared {
    /// `base_url`: the settings file's key.
    pub name: &'static str,
    /// The default as text, parsed like any value; `None`: unset.
    pub default: Option<&'static str>,
    pub file: FileKind,
    /// One line: the `--help` text and the README's "what".
    pub doc: &'static str,
}

impl Declared {
    /// `--base-url`.
    pub fn flag(&self) -> String {
        format!("--{}", self.name.replace('_', "-"))
    }

    /// `BASE_URL`.
    pub fn var(&self) -> String {
        self.name.to_uppercase()
    }

    /// The setting declared as `name`.
    pub fn named(name: &str) -> Option<&'static Declared> {
        DECLARED.iter().find(|d| d.name == name)
    }

    fn arg(&self) -> Arg {
        let long = self.name.replace('_', "-");
        let arg = Arg::new(self.name)
            .long(long)
            .env(self.var())
            .value_name(self.var())
            .help(self.doc)
            .global(true)
            .value_parser(clap::value_parser!(String));
        match self.default {
            Some(default) => arg.default_value(default),
            None => arg,
        }
    }
}

/// A declared default as text.
fn default_text(default: Option<&'static str>) -> Option<String> {
    default.map(String::from)
}

macro_rules! settings {
    ($(
        $name:ident: $ty:ty = $default:expr, $file:ident, $parse:path,
            $doc:literal;
    )*) => {
        /// Every setting, in the README's order.
        pub const DECLARED: &[Declared] = &[$(Declared {
            name: stringify!($name),
            default: $default,
            file: FileKind::$file,
            doc: $doc,
        }),*];

        /// Settings as text, as given (by flags, the environment, a settings
        /// file or the defaults), before they are parsed. `None`: not given.
        #[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        pub struct RawSettings {
            $(
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $name: Option<String>,
            )*
        }

        /// Every setting parsed on its own (`Settings` checks them together).
        #[derive(Debug, Clone)]
        pub struct Values {
            $(pub $name: $ty,)*
        }

        impl RawSettings {
            /// The declared defaults.
            pub fn defaults() -> RawSettings {
                RawSettings { $($name: default_text($default),)* }
            }

            /// Parses each setting, in the declared order; the first that
            /// cannot work is the error.
            pub fn parse(&self) -> Result<Values, SettingError> {
                Ok(Values {
                    $($name: $parse(stringify!($name), self.$name.as_deref())?,)*
                })
            }

            /// Sets `name` to `value`; `false` if there is no such setting.
            pub fn set(&mut self, name: &str, value: String) -> bool {
                match name {
                    $(stringify!($name) => self.$name = Some(value),)*
                    _ => return false,
                }
                true
            }
        }

        impl FromArgMatches for RawSettings {
            fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
                let mut raw = RawSettings::default();
                raw.update_from_arg_matches(matches)?;
                Ok(raw)
            }

            /// Only what a flag or a variable gave: the rest stays unset, for
            /// the settings file or the default to fill.
            fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
                $(
                    if matches!(
                        matches.value_source(stringify!($name)),
                        Some(ValueSource::CommandLine | ValueSource::EnvVariable)
                    ) {
                        self.$name = matches.get_one::<String>(stringify!($name)).cloned();
                    }
                )*
                Ok(())
            }
        }
    };
}

settings! {
    config: Option<PathBuf> = None, Never, parse::file,
        "a TOML file of these settings, keyed by name (`base_url = \"https://…\"`); flags and variables win over it; values are typed (see below)";
    bind: SocketAddr = Some("127.0.0.1:8080"), Text, parse::bind,
        "address and port to listen on";
    content_dir: PathBuf = Some("content"), Text, parse::folder,
        "folder with one folder of Markdown pages per language";
    locales_dir: PathBuf = Some("locales"), Text, parse::folder,
        "folder with one strings file per language";
    base_url: Url = Some("http://127.0.0.1:8080"), Text, parse::base_url,
        "public address, for canonical links, the sitemap and QR codes";
    emergency_number: String = Some("911"), Digits, parse::emergency_number,
        "number shown in every emergency message";
    embed_origins: Option<Vec<String>> = Some("*"), Text, parse::embed_origins,
        "origins allowed to embed the site (comma-separated), or `*` alone for any";
    max_grade: f64 = Some("8.0"), Number, parse::grade,
        "highest Flesch-Kincaid grade an English page may read at";
    min_inflesz: f64 = Some("65"), Number, parse::score,
        "lowest Szigriszt-Pazos (INFLESZ) score a Spanish page may have";
    log_format: LogFormat = Some("text"), Text, parse::log_format,
        "log lines: `text`, `json`, or `off` for no request log";
    head_timeout: Duration = Some("5"), Number, parse::seconds,
        "seconds a client has to send a request head (`408` after)";
    body_timeout: Duration = Some("10"), Number, parse::seconds,
        "seconds a client has to send a request body (`408` after)";
    keep_alive: Duration = Some("15"), Number, parse::seconds,
        "seconds an idle connection stays open";
    clinic_name: Option<String> = None, Text, parse::clinic_name,
        "the clinic running this copy (see \"For clinics\"): 1 to 80 characters, no control or text-direction characters";
    clinic_phone: Option<Phone> = None, Text, parse::phone,
        "its phone number: 3 to 20 digits, with spaces, dashes, dots, brackets or a leading `+`";
    rate_limit: Option<NonZeroU32> = Some("120"), Number, parse::rate_limit,
        "requests a minute one client may make to the symptom check's answers (`POST /check` in any language or embed), the API (`/api/…`), `/connect` and search (`/search…`); `0` for no limit (see \"Security and limits\")";
    trusted_proxies: Vec<IpAddr> = None, Text, parse::addresses,
        "IP addresses of reverse proxies (comma-separated) whose `X-Forwarded-For` names the client";
    clinic_url: Option<String> = None, Text, parse::clinic_url,
        "its web address: http or https with a host; a path, a query (`?page_id=12`) and a fragment are kept; no user name or password";
    contact: Option<Contact> = None, Text, parse::contact,
        "where readers ask for another format or report a problem (the accessibility statement): an email address or a web address; the clinic's phone or website wins when set";
}

impl Args for RawSettings {
    fn augment_args(command: Command) -> Command {
        command.args(DECLARED.iter().map(Declared::arg))
    }

    fn augment_args_for_update(command: Command) -> Command {
        Self::augment_args(command)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's settings table: flag, variable, default and what, by row.
    fn readme_rows() -> Vec<[String; 4]> {
        let readme = include_str!("../../README.md");
        let table = readme
            .split("### Settings")
            .nth(1)
            .expect("the README has a Settings section");
        table
            .lines()
            .skip_while(|l| !l.starts_with("| flag"))
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .map(|row| {
                let cells: Vec<String> = row
                    .trim_matches('|')
                    .split(" | ")
                    .map(|c| c.trim().to_string())
                    .collect();
                assert_eq!(cells.len(), 4, "a row of four cells: {row}");
                [
                    cells[0].clone(),
                    cells[1].clone(),
                    cells[2].clone(),
                    cells[3].clone(),
                ]
            })
            .collect()
    }

    #[test]
    fn the_readme_table_lists_every_declared_setting_with_its_flag_variable_default_and_doc() {
        let rows = readme_rows();
        let declared: Vec<[String; 4]> = DECLARED
            .iter()
            .map(|d| {
                [
                    format!("`{}`", d.flag()),
                    format!("`{}`", d.var()),
                    d.default.map_or("none".into(), |v| format!("`{v}`")),
                    d.doc.to_string(),
                ]
            })
            .collect();
        assert_eq!(rows, declared);
    }

    #[test]
    fn every_default_is_a_valid_value() {
        let mut raw = RawSettings::defaults();
        // The folders are read from the repository, wherever the test runs.
        let repo = env!("CARGO_MANIFEST_DIR");
        raw.content_dir = Some(format!("{repo}/content"));
        raw.locales_dir = Some(format!("{repo}/locales"));
        let values = raw.parse().unwrap();
        assert_eq!(values.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(values.rate_limit.map(NonZeroU32::get), Some(120));
        assert!(values.trusted_proxies.is_empty());
    }

    #[test]
    fn a_flag_or_a_variable_is_given_and_a_default_is_not() {
        let command = RawSettings::augment_args(Command::new("t"));
        let matches = command
            .try_get_matches_from(["t", "--base-url", "https://legs.example"])
            .unwrap();
        let raw = RawSettings::from_arg_matches(&matches).unwrap();
        assert_eq!(raw.base_url.as_deref(), Some("https://legs.example"));
        assert_eq!(raw.bind, None, "left at its default: the file may set it");
    }
}
