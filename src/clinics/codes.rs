//! Diagnosis codes mapped in the pages' front matter to the sections that
//! explain them, and looking a code up.

use crate::content::Content;

/// The HL7 OID of ICD-10-CM.
pub const ICD10_CM: &str = "2.16.840.1.113883.6.90";

/// A diagnosis-code prefix and the section that explains it.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeEntry {
    pub prefix: String,
    pub name: String,
    /// Language-neutral page path plus fragment, e.g. `/causes#arthritis`.
    pub link: String,
}

/// Every code mapped in the default language's front matter, by prefix.
pub fn index(content: &Content) -> Vec<CodeEntry> {
    let mut entries: Vec<CodeEntry> = content
        .default_lang()
        .pages
        .iter()
        .flat_map(|page| {
            page.front.codes.iter().map(|code| CodeEntry {
                prefix: code.prefix.clone(),
                name: code.name.clone(),
                link: match &code.anchor {
                    Some(a) => format!("{}#{a}", page.path),
                    None => page.path.clone(),
                },
            })
        })
        .collect();
    entries.sort_by(|a, b| a.prefix.cmp(&b.prefix));
    entries
}

/// Entries whose prefix the code starts with, most specific first.
pub fn lookup<'a>(index: &'a [CodeEntry], code: &str) -> Vec<&'a CodeEntry> {
    let mut matches: Vec<&CodeEntry> = index
        .iter()
        .filter(|e| code.starts_with(&e.prefix))
        .collect();
    matches.sort_by_key(|e| std::cmp::Reverse(e.prefix.len()));
    matches
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(prefix: &str) -> CodeEntry {
        CodeEntry {
            prefix: prefix.into(),
            name: String::new(),
            link: String::new(),
        }
    }

    #[test]
    fn the_most_specific_prefix_wins() {
        let index = vec![entry("I82"), entry("I82.4"), entry("M19")];
        let found = lookup(&index, "I82.409");
        assert_eq!(
            found.iter().map(|e| e.prefix.as_str()).collect::<Vec<_>>(),
            ["I82.4", "I82"]
        );
        assert!(lookup(&index, "Z00.0").is_empty());
        assert!(
            lookup(&index, "M1").is_empty(),
            "a shorter code does not match a longer prefix"
        );
    }
}
