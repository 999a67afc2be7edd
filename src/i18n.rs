//! Interface strings, one Project Fluent file per language (`locales/en.ftl`,
//! `locales/es.ftl`), looked up by id. The first language, English, is the
//! reference: every other language must have exactly its ids.
//!
//! Strings are formatted once at start-up with the settings they mention
//! (`{ $number }` is the emergency number), so a request only looks them up.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::RwLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rustc_hash::FxHashMap;
use unic_langid::LanguageIdentifier;

use crate::problem::{Problems, line_of};

/// What a missing string shows as (never, once `check` passes).
pub const MISSING: &str = "[missing string]";

/// The language every other one is checked against, served at the site's root.
pub const DEFAULT_LANG: &str = "en";

/// A language the site is published in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lang {
    /// BCP 47 code, e.g. `es`; `<html lang>` and `hreflang`.
    pub code: String,
    /// Path prefix: empty for the default language, `/es` for Spanish.
    pub prefix: String,
    /// The language's name in itself ("Español"), for the language link.
    pub name: String,
}

impl Lang {
    pub fn is_default(&self) -> bool {
        self.prefix.is_empty()
    }

    /// The address of `path` (a language-neutral path like `/causes`) in this language.
    pub fn url(&self, path: &str) -> String {
        match (self.prefix.as_str(), path) {
            ("", p) => p.to_string(),
            (prefix, "/") => prefix.to_string(),
            (prefix, p) => format!("{prefix}{p}"),
        }
    }
}

/// Values from the settings that strings may use.
#[derive(Debug, Clone, Default)]
pub struct Globals {
    /// `$number`: the emergency number.
    pub emergency_number: String,
}

/// Stands for the emergency number while a message is formatted as HTML: a
/// private-use character, so it can never be a word of a translation.
const NUMBER_MARK: &str = "\u{E000}";

impl Globals {
    fn args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::new();
        args.set("number", self.emergency_number.as_str());
        args
    }

    /// The values for a message formatted as HTML: the number is a mark,
    /// replaced by its `tel:` link once the text is escaped.
    fn html_args(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::new();
        args.set("number", NUMBER_MARK);
        args
    }

    /// The emergency number as a link a phone can call.
    pub fn number_link(&self) -> String {
        number_link(&self.emergency_number)
    }
}

/// `<a class="tel" href="tel:911">911</a>`: every emergency number shown is
/// a link that calls it.
pub fn number_link(number: &str) -> String {
    let number = escape_text(number);
    format!(r#"<a class="tel" href="tel:{number}">{number}</a>"#)
}

/// Text made safe to place in HTML.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut out, text).expect("writing to a String cannot fail");
    out
}

/// One language's strings.
pub struct Strings {
    pub lang: Lang,
    /// The file they came from, for problems.
    pub file: String,
    bundle: FluentBundle<FluentResource>,
    globals: Globals,
    /// Every message that needs no per-use value, formatted with the globals.
    /// (Looked up for every string of every result: keyed by the quick
    /// FxHash, as the ids are the program's own, never a reader's.)
    ready: FxHashMap<String, String>,
    /// The same as HTML, for those that name the emergency number: escaped,
    /// with the number as a `tel:` link.
    ready_html: FxHashMap<String, String>,
    /// The last date written out (results show today's), and its text.
    last_date: RwLock<Option<(time::Date, String)>>,
    /// The line each message starts on.
    lines: BTreeMap<String, usize>,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Strings")
            .field("lang", &self.lang.code)
            .field("messages", &self.lines.len())
            .finish()
    }
}

impl Strings {
    /// The message `id`, formatted. A missing id is reported by `check`, and
    /// the site does not start without it; here it shows as a marker.
    pub fn get(&self, id: &str) -> &str {
        self.ready.get(id).map_or(MISSING, String::as_str)
    }

    /// The message `id` with per-use values, such as a page's reading grade.
    pub fn format(&self, id: &str, values: &[(&str, FluentValue<'_>)]) -> String {
        self.format_with(id, self.globals.args(), values)
    }

    fn format_with<'a>(
        &self,
        id: &str,
        mut args: FluentArgs<'a>,
        values: &[(&'a str, FluentValue<'a>)],
    ) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        for (name, value) in values {
            args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }

    /// The message `id` as HTML: escaped, with the emergency number as a
    /// `tel:` link (place it with `|safe`).
    pub fn html(&self, id: &str) -> &str {
        self.ready_html.get(id).map_or(MISSING, String::as_str)
    }

    /// The message `id` with per-use values, as HTML like [`Strings::html`].
    /// The values are text: they are escaped too.
    pub fn format_html(&self, id: &str, values: &[(&str, FluentValue<'_>)]) -> String {
        let text = self.format_with(id, self.globals.html_args(), values);
        escape_text(&text).replace(NUMBER_MARK, &self.globals.number_link())
    }

    /// "22 November 2026", in the language's words. Formatted once a day:
    /// every result of the day shows the same date.
    pub fn date(&self, date: time::Date) -> String {
        if let Ok(last) = self.last_date.read()
            && let Some((day, text)) = last.as_ref()
            && *day == date
        {
            return text.clone();
        }
        let text = self.format_date(date);
        if let Ok(mut last) = self.last_date.write() {
            *last = Some((date, text.clone()));
        }
        text
    }

    fn format_date(&self, date: time::Date) -> String {
        // `t.format("date"`: the literal id, as `check` finds every one.
        let t = self;
        let month = t.get(&crate::ids::month(u8::from(date.month())));
        t.format(
            "date",
            &[
                ("day", FluentValue::from(date.day())),
                ("month", FluentValue::from(month.to_string())),
                ("year", FluentValue::from(date.year())),
            ],
        )
    }

    /// Whether the message `id` exists.
    pub fn has(&self, id: &str) -> bool {
        self.lines.contains_key(id)
    }

    /// Every message id, with its line, in id order.
    pub fn ids(&self) -> impl Iterator<Item = (&str, usize)> {
        self.lines.iter().map(|(id, line)| (id.as_str(), *line))
    }

    /// The line of `id`, if it exists.
    pub fn line(&self, id: &str) -> Option<usize> {
        self.lines.get(id).copied()
    }

    /// Parses one strings file; problems name their line.
    pub fn parse(
        text: String,
        file: &str,
        lang: Lang,
        globals: &Globals,
        problems: &mut Problems,
    ) -> Option<Strings> {
        let langid: LanguageIdentifier = match lang.code.parse() {
            Ok(id) => id,
            Err(_) => {
                problems.error(file, 0, format!("{:?} is not a language code", lang.code));
                return None;
            }
        };
        let lines = message_lines(&text);
        let resource = match FluentResource::try_new(text.clone()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    problems.error(
                        file,
                        line_of(&text, e.pos.start),
                        format!("strings: {}", e.kind),
                    );
                }
                r
            }
        };
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Plain text: no invisible isolation marks around values.
        bundle.set_use_isolating(false);
        if let Err(errors) = bundle.add_resource(resource) {
            for e in errors {
                problems.error(file, 0, format!("strings: {e}"));
            }
        }
        let args = globals.args();
        let html_args = globals.html_args();
        let link = globals.number_link();
        let mut ready = FxHashMap::default();
        let mut ready_html = FxHashMap::default();
        for id in lines.keys() {
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            if errors.is_empty() {
                ready.insert(id.clone(), text.into_owned());
                let html = bundle.format_pattern(pattern, Some(&html_args), &mut errors);
                ready_html.insert(id.clone(), escape_text(&html).replace(NUMBER_MARK, &link));
            } else if errors.iter().any(|e| !is_missing_variable(e)) {
                let line = lines.get(id).copied().unwrap_or(0);
                for e in errors.iter().filter(|e| !is_missing_variable(e)) {
                    problems.error(file, line, format!("string {id:?}: {e}"));
                }
            }
            // A message with a per-use value is formatted when used.
        }
        Some(Strings {
            lang,
            file: file.to_string(),
            bundle,
            globals: globals.clone(),
            ready,
            ready_html,
            last_date: RwLock::new(None),
            lines,
        })
    }
}

fn is_missing_variable(e: &fluent_bundle::FluentError) -> bool {
    matches!(
        e,
        fluent_bundle::FluentError::ResolverError(
            fluent_bundle::resolver::ResolverError::Reference(
                fluent_bundle::resolver::errors::ReferenceKind::Variable { .. }
            )
        )
    )
}

/// Message ids and the line each starts on: `id = ...` at the start of a line.
fn message_lines(text: &str) -> BTreeMap<String, usize> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            let valid = id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            valid.then(|| (id.to_string(), i + 1))
        })
        .collect()
}

/// Every language's strings, the default language first.
#[derive(Debug)]
pub struct Locales {
    pub langs: Vec<Strings>,
}

impl Locales {
    /// Loads every `*.ftl` file in `dir`: the file name is the language code.
    pub fn load(dir: &Path, globals: &Globals, problems: &mut Problems) -> Locales {
        let shown = dir.display().to_string();
        let mut files: Vec<_> = match std::fs::read_dir(dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                .collect(),
            Err(e) => {
                problems.fatal(shown, format!("cannot read the strings folder: {e}"));
                return Locales { langs: Vec::new() };
            }
        };
        // The default language first, then the others by code.
        files.sort_by_key(|p| {
            let code = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            (code != DEFAULT_LANG, code)
        });
        let mut langs = Vec::new();
        for path in files {
            let file = path.display().to_string();
            let code = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            let text = match std::fs::read_to_string(&path) {
                Ok(t) => t,
                Err(e) => {
                    problems.fatal(&file, format!("cannot read: {e}"));
                    continue;
                }
            };
            let prefix = if code == DEFAULT_LANG {
                String::new()
            } else {
                format!("/{code}")
            };
            let lang = Lang {
                code: code.clone(),
                prefix,
                name: code.clone(),
            };
            if let Some(mut strings) = Strings::parse(text, &file, lang, globals, problems) {
                strings.lang.name = strings.get("language-name").to_string();
                langs.push(strings);
            }
        }
        let reference = format!("{shown}/{DEFAULT_LANG}.ftl");
        // A reference file that is there but unreadable or broken is named already.
        let named = problems.0.iter().any(|p| p.file == reference);
        if !named && langs.first().is_none_or(|s| s.lang.code != DEFAULT_LANG) {
            problems.fatal(
                reference,
                "missing: the site's reference language is English",
            );
        }
        Locales { langs }
    }

    /// The strings of the language with this code.
    pub fn get(&self, code: &str) -> Option<&Strings> {
        self.langs.iter().find(|s| s.lang.code == code)
    }
}

/// A string id the code or templates use, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    pub id: String,
    /// Where it is used: `templates/base.html:12`, or the data it is named after ("rule E1").
    pub used_by: String,
    /// Optional strings (a hint) may be missing, but then from every language.
    pub optional: bool,
}

impl Need {
    pub fn required(id: impl Into<String>, used_by: impl Into<String>) -> Need {
        Need {
            id: id.into(),
            used_by: used_by.into(),
            optional: false,
        }
    }

    pub fn optional(id: impl Into<String>, used_by: impl Into<String>) -> Need {
        Need {
            optional: true,
            ..Need::required(id, used_by)
        }
    }
}

/// Checks every language against the ids the site uses and against the
/// reference language: missing, extra and one-language-only strings.
pub fn check(locales: &Locales, needs: &[Need], problems: &mut Problems) {
    let known: HashMap<&str, &Need> = needs.iter().map(|n| (n.id.as_str(), n)).collect();
    for strings in &locales.langs {
        for need in needs.iter().filter(|n| !n.optional) {
            if !strings.has(&need.id) {
                problems.error(
                    &strings.file,
                    insertion_line(strings, &need.id),
                    format!("missing string {:?} (used by {})", need.id, need.used_by),
                );
            }
        }
        for (id, line) in strings.ids() {
            if !known.contains_key(id) {
                problems.error(
                    &strings.file,
                    line,
                    format!("string {id:?} is not used by the site: remove it or fix its id"),
                );
            }
        }
    }
    let Some((reference, others)) = locales.langs.split_first() else {
        return;
    };
    for other in others {
        for (id, line) in reference.ids() {
            let optional = known.get(id).is_some_and(|n| n.optional);
            if optional && !other.has(id) {
                problems.error(
                    &other.file,
                    insertion_line(other, id),
                    format!(
                        "string {id:?} exists in {}:{line} but not here",
                        reference.file
                    ),
                );
            }
        }
        for (id, line) in other.ids() {
            let optional = known.get(id).is_some_and(|n| n.optional);
            if optional && !reference.has(id) {
                problems.error(
                    &other.file,
                    line,
                    format!(
                        "string {id:?} is not in {}: every language has the same strings",
                        reference.file
                    ),
                );
            }
        }
    }
}

/// Where a missing id would go: after the nearest id before it, or line 1.
fn insertion_line(strings: &Strings, id: &str) -> usize {
    strings
        .lines
        .range(..id.to_string())
        .next_back()
        .map_or(1, |(_, line)| line + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Lang {
        Lang {
            code: code.into(),
            prefix: if code == "en" {
                String::new()
            } else {
                format!("/{code}")
            },
            name: code.into(),
        }
    }

    fn parse(text: &str, code: &str) -> (Option<Strings>, Problems) {
        let mut problems = Problems::default();
        let globals = Globals {
            emergency_number: "112".into(),
        };
        let s = Strings::parse(
            text.into(),
            &format!("locales/{code}.ftl"),
            lang(code),
            &globals,
            &mut problems,
        );
        (s, problems)
    }

    #[test]
    fn a_date_is_written_for_the_day_asked_even_when_the_day_changes() {
        let (s, problems) = parse(
            "date = { $day } { $month } { $year }\nmonth-11 = November\nmonth-12 = December\n",
            "en",
        );
        assert!(problems.is_empty(), "{problems}");
        let s = s.unwrap();
        let day = |m, d| time::Date::from_calendar_date(2026, m, d).unwrap();
        // Fluent isolates placeables with invisible marks: compare the words.
        let words = |d| s.date(d).replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(words(day(time::Month::November, 30)), "30 November 2026");
        assert_eq!(words(day(time::Month::November, 30)), "30 November 2026");
        assert_eq!(words(day(time::Month::December, 1)), "1 December 2026");
        assert_eq!(words(day(time::Month::November, 30)), "30 November 2026");
    }

    #[test]
    fn strings_are_looked_up_with_the_globals_filled_in() {
        let (s, problems) = parse("call = Call { $number } now\nplain = Plain words\n", "en");
        assert!(problems.is_empty(), "{problems}");
        let s = s.unwrap();
        assert_eq!(s.get("call"), "Call 112 now");
        assert_eq!(s.get("plain"), "Plain words");
        assert_eq!(s.get("nope"), MISSING);
        assert_eq!(s.line("plain"), Some(2));
    }

    #[test]
    fn per_use_values_are_formatted_when_used() {
        let (s, problems) = parse("grade = About grade { $grade }\n", "en");
        assert!(problems.is_empty(), "{problems}");
        let s = s.unwrap();
        assert_eq!(
            s.format("grade", &[("grade", FluentValue::from(6))]),
            "About grade 6"
        );
        let (s, _) = parse("both = Grade { $grade }, call { $number }\n", "en");
        assert_eq!(
            s.unwrap()
                .format("both", &[("grade", FluentValue::from(3))]),
            "Grade 3, call 112"
        );
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let (_, problems) = parse("ok = fine\nno equals sign here\nlast = x\n", "en");
        let p = problems.errors().next().expect("a problem");
        assert_eq!(p.file, "locales/en.ftl");
        assert_eq!(p.line, 2, "{p}");
    }

    #[test]
    fn lang_urls_carry_the_prefix() {
        assert_eq!(lang("en").url("/causes"), "/causes");
        assert_eq!(lang("es").url("/causes"), "/es/causes");
        assert_eq!(lang("es").url("/"), "/es");
        assert_eq!(lang("en").url("/"), "/");
    }

    #[test]
    fn check_reports_missing_unused_and_one_language_strings_with_lines() {
        let (en, _) = parse("a = A\nb = B\nhint = H\n", "en");
        let (es, _) = parse("a = A\nstray = S\n", "es");
        let locales = Locales {
            langs: vec![en.unwrap(), es.unwrap()],
        };
        let needs = vec![
            Need::required("a", "templates/x.html:1"),
            Need::required("b", "templates/x.html:2"),
            Need::optional("hint", "question q"),
        ];
        let mut problems = Problems::default();
        check(&locales, &needs, &mut problems);
        let lines: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
        assert!(
            lines.contains(
                &"locales/es.ftl:2: missing string \"b\" (used by templates/x.html:2)".to_string()
            ),
            "{lines:#?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("locales/es.ftl:2: string \"stray\" is not used")),
            "{lines:#?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("string \"hint\" exists in locales/en.ftl:3 but not here")),
            "{lines:#?}"
        );
        assert_eq!(lines.len(), 3, "{lines:#?}");
    }
}
