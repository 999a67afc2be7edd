//! Diagnosis codes mapped in the pages' front matter to the sections that
//! explain them: looking a code up, checking that each code leads to one
//! section, and matching a display name when the code is not known.

use crate::code_system::{CodeSystem, Matcher};
use crate::content::Content;
use crate::problem::Problems;

/// One front-matter entry: codes of a system and the section that explains them.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeEntry {
    pub system: CodeSystem,
    pub matcher: Matcher,
    /// The official name of the code (of the prefix's or range's first code).
    pub name: String,
    /// Language-neutral page path plus fragment, e.g. `/causes#arthritis`.
    pub link: String,
    /// Where it is declared, for problems.
    pub file: String,
    pub line: usize,
}

/// Every mapped code, by system and code.
#[derive(Debug, Clone, Default)]
pub struct CodeIndex {
    entries: Vec<CodeEntry>,
}

impl CodeIndex {
    /// The codes in the default language's front matter (entries that do not
    /// read are left out: the front matter check reports them).
    pub fn build(content: &Content) -> CodeIndex {
        let mut entries: Vec<CodeEntry> = content
            .default_lang()
            .pages
            .iter()
            .flat_map(|page| {
                page.front
                    .codes
                    .iter()
                    .zip(&page.code_lines)
                    .filter_map(|(code, line)| {
                        Some(CodeEntry {
                            system: code.system,
                            matcher: code.matcher().ok()?,
                            name: code.name.clone(),
                            link: match &code.anchor {
                                Some(a) => format!("{}#{a}", page.path),
                                None => page.path.clone(),
                            },
                            file: page.file.clone(),
                            line: *line,
                        })
                    })
            })
            .collect();
        entries.sort_by_key(|a| (a.system, a.matcher.label()));
        CodeIndex { entries }
    }

    pub fn entries(&self) -> &[CodeEntry] {
        &self.entries
    }

    /// The entry that explains `code` (as its system writes it): the most
    /// specific one (a code, then the longest prefix, then a range).
    pub fn lookup(&self, system: CodeSystem, code: &str) -> Option<&CodeEntry> {
        self.entries
            .iter()
            .filter(|e| e.system == system && e.matcher.matches(code))
            .max_by_key(|e| e.matcher.rank())
    }

    /// A code mapped twice, or one that two entries would send to different
    /// sections, is a problem: every code leads to exactly one section.
    pub fn check(&self, problems: &mut Problems) {
        for (i, a) in self.entries.iter().enumerate() {
            for b in &self.entries[i + 1..] {
                if a.system != b.system {
                    continue;
                }
                // Report at the later of the two declarations.
                let (first, second) = if (a.file.as_str(), a.line) <= (b.file.as_str(), b.line) {
                    (a, b)
                } else {
                    (b, a)
                };
                if a.matcher == b.matcher {
                    problems.error(
                        &second.file,
                        second.line,
                        format!(
                            "{} {} is mapped twice: also at {}:{}",
                            a.system.name(),
                            a.matcher.label(),
                            first.file,
                            first.line
                        ),
                    );
                } else if a.link != b.link && a.matcher.overlaps(&b.matcher) {
                    problems.error(
                        &second.file,
                        second.line,
                        format!(
                            "{} {} leads to {}, but {} at {}:{} sends some of the same codes to {}: a code must lead to one section",
                            a.system.name(),
                            second.matcher.label(),
                            second.link,
                            first.matcher.label(),
                            first.file,
                            first.line,
                            first.link
                        ),
                    );
                }
            }
        }
    }
}

/// Checks the codes of `content` (see [`CodeIndex::check`]).
pub fn check(content: &Content, problems: &mut Problems) {
    CodeIndex::build(content).check(problems);
}

/// Display names to sections: the sections codes lead to, known by their
/// headings (in every language), the official names of their codes, and the
/// synonyms in the front matter.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    names: Vec<(Vec<String>, String)>,
}

/// Least word overlap (shared words over all words) for a display name to match.
const MIN_OVERLAP: f64 = 0.5;

impl NameIndex {
    pub fn build(content: &Content, codes: &CodeIndex) -> NameIndex {
        let mut names = Vec::new();
        let mut push = |name: &str, link: &str| {
            let words = words(name);
            if !words.is_empty() {
                names.push((words, link.to_string()));
            }
        };
        for lang in &content.langs {
            for page in &lang.pages {
                for (anchor, synonyms) in &page.front.synonyms {
                    for s in synonyms {
                        push(s, &format!("{}#{anchor}", page.path));
                    }
                }
            }
            for entry in codes.entries() {
                let (path, fragment) = entry.link.split_once('#').unwrap_or((&entry.link, ""));
                let Some(page) = lang.page(path) else {
                    continue;
                };
                let title = if fragment.is_empty() {
                    Some(page.front.title.as_str())
                } else {
                    page.heading(fragment)
                };
                if let Some(title) = title {
                    push(title, &entry.link);
                }
            }
        }
        for entry in codes.entries() {
            push(&entry.name, &entry.link);
        }
        NameIndex { names }
    }

    /// The section whose name shares the most words with `display_name`, if
    /// at least half of all the words of the two are shared.
    pub fn best(&self, display_name: &str) -> Option<&str> {
        let asked = words(display_name);
        if asked.is_empty() {
            return None;
        }
        let mut best: Option<(f64, &str)> = None;
        for (name, link) in &self.names {
            let shared = name.iter().filter(|w| asked.contains(w)).count();
            let all = asked.len() + name.len() - shared;
            #[allow(clippy::cast_precision_loss)]
            let score = shared as f64 / all as f64;
            if score >= MIN_OVERLAP && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, link));
            }
        }
        best.map(|(_, link)| link)
    }
}

/// Words that say nothing about which condition is meant.
const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "by",
    "due",
    "in",
    "of",
    "on",
    "or",
    "other",
    "the",
    "to",
    "unspecified",
    "with",
    "without",
    "al",
    "con",
    "de",
    "del",
    "el",
    "en",
    "la",
    "las",
    "los",
    "o",
    "por",
    "sin",
    "un",
    "una",
    "y",
];

/// The words of a name, lower-cased, without accents, stop words or a plural `s`.
fn words(name: &str) -> Vec<String> {
    let folded: String = name
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    let mut out: Vec<String> = Vec::new();
    for w in folded.split_whitespace() {
        if STOP_WORDS.contains(&w) {
            continue;
        }
        let w = match w.strip_suffix('s') {
            Some(stem) if stem.chars().count() >= 3 => stem,
            _ => w,
        };
        if !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(system: CodeSystem, matcher: Matcher, link: &str, line: usize) -> CodeEntry {
        CodeEntry {
            system,
            matcher,
            name: String::new(),
            link: link.into(),
            file: "causes.md".into(),
            line,
        }
    }

    #[test]
    fn the_most_specific_entry_wins() {
        let icd = CodeSystem::Icd10Cm;
        let index = CodeIndex {
            entries: vec![
                entry(icd, Matcher::Prefix("I70".into()), "/a", 1),
                entry(icd, Matcher::Prefix("I70.2".into()), "/b", 2),
                entry(icd, Matcher::Code("I70.21".into()), "/c", 3),
                entry(icd, Matcher::Range("M15".into(), "M19".into()), "/d", 4),
                entry(
                    CodeSystem::SnomedCt,
                    Matcher::Code("32914008".into()),
                    "/e",
                    5,
                ),
            ],
        };
        let link = |s, c| index.lookup(s, c).map(|e| e.link.as_str());
        assert_eq!(link(icd, "I70.21"), Some("/c"));
        assert_eq!(link(icd, "I70.213"), Some("/b"));
        assert_eq!(link(icd, "I70.1"), Some("/a"));
        assert_eq!(link(icd, "M17.11"), Some("/d"));
        assert_eq!(link(icd, "Z00.00"), None);
        assert_eq!(link(CodeSystem::SnomedCt, "32914008"), Some("/e"));
        assert_eq!(
            link(CodeSystem::SnomedCt, "I70.21"),
            None,
            "systems never mix"
        );
    }

    #[test]
    fn a_code_that_could_lead_to_two_sections_is_a_problem() {
        let icd = CodeSystem::Icd10Cm;
        let problems_of = |entries| {
            let mut problems = Problems::default();
            CodeIndex { entries }.check(&mut problems);
            problems.to_string()
        };
        let clean = problems_of(vec![
            entry(icd, Matcher::Prefix("E86".into()), "/causes#water", 1),
            entry(icd, Matcher::Code("E86.0".into()), "/causes#water", 2),
            entry(icd, Matcher::Code("E11.42".into()), "/causes#nerves", 3),
            entry(icd, Matcher::Code("E11.51".into()), "/causes#arteries", 4),
        ]);
        assert!(clean.is_empty(), "{clean}");
        let twice = problems_of(vec![
            entry(icd, Matcher::Code("R25.2".into()), "/causes#cramps", 3),
            entry(icd, Matcher::Code("R25.2".into()), "/causes#cramps", 9),
        ]);
        assert!(
            twice.contains("causes.md:9:") && twice.contains("mapped twice"),
            "{twice}"
        );
        let two_sections = problems_of(vec![
            entry(
                icd,
                Matcher::Prefix("E11".into()),
                "/risk-factors#existing-conditions",
                2,
            ),
            entry(icd, Matcher::Code("E11.42".into()), "/causes#nerves", 7),
        ]);
        assert!(
            two_sections.contains("causes.md:7:") && two_sections.contains("one section"),
            "{two_sections}"
        );
        let ranges = problems_of(vec![
            entry(icd, Matcher::Range("M15".into(), "M19".into()), "/a", 1),
            entry(icd, Matcher::Prefix("M17".into()), "/b", 2),
        ]);
        assert!(ranges.contains("one section"), "{ranges}");
    }

    #[test]
    fn display_names_match_by_shared_words() {
        let index = NameIndex {
            names: vec![
                (words("Night leg cramps"), "/causes#cramps".into()),
                (words("Sleep related leg cramps"), "/causes#cramps".into()),
                (words("Restless legs syndrome"), "/causes#rls".into()),
                (
                    words("Varicose veins of lower extremities"),
                    "/causes#veins".into(),
                ),
                (words("Trombosis venosa profunda"), "/causes#dvt".into()),
            ],
        };
        assert_eq!(index.best("Restless legs"), Some("/causes#rls"));
        assert_eq!(index.best("RESTLESS LEG SYNDROME"), Some("/causes#rls"));
        assert_eq!(index.best("Nocturnal leg cramps"), Some("/causes#cramps"));
        assert_eq!(index.best("varicose veins"), Some("/causes#veins"));
        assert_eq!(index.best("trombosis venosa"), Some("/causes#dvt"));
        assert_eq!(index.best("Broken arm"), None);
        assert_eq!(
            index.best("leg"),
            None,
            "one shared word of three is not enough"
        );
        assert_eq!(index.best(" , ; "), None);
    }
}
