//! The one error a setting can have: which setting, and what is wrong, on one line.

/// A setting that cannot work, named so the person can fix it: `bad setting
/// base url (--base-url, BASE_URL): ...`. The flag and the variable follow
/// from the name (`base_url` is `--base-url` and `BASE_URL`), as every
/// setting in `declared.rs` is named.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad setting {} (--{}, {}): {problem}", .setting.replace('_', " "), .setting.replace('_', "-"), .setting.to_uppercase())]
pub struct SettingError {
    /// The setting's name, e.g. `base_url`.
    pub setting: &'static str,
    pub problem: String,
}

impl SettingError {
    /// The flag that sets it, e.g. `--base-url`.
    pub fn flag(&self) -> String {
        format!("--{}", self.setting.replace('_', "-"))
    }
}

/// A problem with `setting`.
pub fn bad(setting: &'static str, problem: impl Into<String>) -> SettingError {
    SettingError {
        setting,
        problem: problem.into(),
    }
}
