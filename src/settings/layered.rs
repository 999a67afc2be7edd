//! Where settings come from, layered with figment: the declared defaults,
//! then the settings file, then the environment and the flags (which win).
//! The file is read again on every reload; flags and variables stay as given.

use std::path::Path;

use figment::Figment;
use figment::providers::Serialized;

use super::declared::{Declared, FileKind, RawSettings};
use super::error::{SettingError, bad};

/// The settings as given to the program: what flags and variables said,
/// and the settings file they name (read when the settings are made).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    /// Only what flags and variables gave (`RawSettings::from_arg_matches`).
    pub given: RawSettings,
}

impl Source {
    pub fn new(given: RawSettings) -> Source {
        Source { given }
    }

    /// The settings as text: defaults, then the file, then flags and variables.
    pub fn layered(&self) -> Result<RawSettings, SettingError> {
        let file = match &self.given.config {
            Some(path) => read_file(Path::new(path))?,
            None => RawSettings::default(),
        };
        layer(&[&file, &self.given])
    }
}

/// The declared defaults with each of `layers` over them, the last on top.
pub fn layer(layers: &[&RawSettings]) -> Result<RawSettings, SettingError> {
    layers
        .iter()
        .fold(
            Figment::from(Serialized::defaults(RawSettings::defaults())),
            |figment, layer| figment.merge(Serialized::defaults(layer)),
        )
        .extract()
        .map_err(|e| bad("config", e.to_string()))
}

/// A settings file's values, as text, each checked against its declaration:
/// a known name, of the kind it takes (`clinic_name = true` is refused,
/// not read as a clinic named "true").
fn read_file(path: &Path) -> Result<RawSettings, SettingError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| bad("config", format!("cannot read {}: {e}", path.display())))?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| {
        bad(
            "config",
            format!("{} is not TOML: {}", path.display(), e.message()),
        )
    })?;
    let mut raw = RawSettings::default();
    for (key, value) in table {
        let kind = Declared::named(&key)
            .map(|d| d.file)
            .filter(|k| *k != FileKind::Never)
            .ok_or_else(|| {
                bad(
                    "config",
                    format!("{}: unknown setting {key:?}", path.display()),
                )
            })?;
        let text = match (kind, value) {
            (_, toml::Value::String(s)) => s,
            (FileKind::Number, toml::Value::Integer(n)) => n.to_string(),
            (FileKind::Number, toml::Value::Float(n)) => n.to_string(),
            (FileKind::Digits, toml::Value::Integer(n)) if n >= 0 => n.to_string(),
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
        raw.set(&key, text);
    }
    Ok(raw)
}
