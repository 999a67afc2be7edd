//! The code systems diagnosis codes come in, and the shape of a code in each:
//! every code from a request or the front matter is checked here before use.

use serde::Deserialize;

/// A code system the site reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
pub enum CodeSystem {
    #[serde(rename = "icd10cm")]
    Icd10Cm,
    #[serde(rename = "snomed")]
    SnomedCt,
}

impl CodeSystem {
    pub const ALL: &'static [CodeSystem] = &[CodeSystem::Icd10Cm, CodeSystem::SnomedCt];

    /// The HL7 OID that names it in `mainSearchCriteria.v.cs`.
    pub fn oid(self) -> &'static str {
        match self {
            CodeSystem::Icd10Cm => "2.16.840.1.113883.6.90",
            CodeSystem::SnomedCt => "2.16.840.1.113883.6.96",
        }
    }

    /// Its usual name.
    pub fn name(self) -> &'static str {
        match self {
            CodeSystem::Icd10Cm => "ICD-10-CM",
            CodeSystem::SnomedCt => "SNOMED CT",
        }
    }

    /// The system with this OID.
    pub fn from_oid(oid: &str) -> Option<CodeSystem> {
        Self::ALL.iter().copied().find(|s| s.oid() == oid)
    }

    /// `code` written the one way this system writes it, or `None` if it does
    /// not have the shape of one of its codes.
    pub fn normalise(self, code: &str) -> Option<String> {
        match self {
            CodeSystem::Icd10Cm => icd10cm(code),
            CodeSystem::SnomedCt => snomed(code),
        }
    }
}

/// An ICD-10-CM code: a letter, a digit, a digit or letter, then up to four
/// more after an optional dot. "r252" and " R25.2" are both "R25.2".
fn icd10cm(code: &str) -> Option<String> {
    let c: String = code
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if !c.is_ascii() || c.len() < 3 || c.len() > 8 {
        return None;
    }
    // `get` never panics, whatever the input (no byte-index slicing of request text).
    let (Some(category), Some(rest)) = (c.get(..3), c.get(3..)) else {
        return None;
    };
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let mut chars = category.chars();
    let shaped = chars.next().is_some_and(|ch| ch.is_ascii_uppercase())
        && chars.next().is_some_and(|ch| ch.is_ascii_digit())
        && chars.next().is_some_and(|ch| ch.is_ascii_alphanumeric())
        && rest.len() <= 4
        && rest.chars().all(|ch| ch.is_ascii_alphanumeric());
    shaped.then(|| {
        if rest.is_empty() {
            category.to_string()
        } else {
            format!("{category}.{rest}")
        }
    })
}

/// A SNOMED CT concept id: 6 to 18 digits, no leading zero, a concept's
/// partition (`00` or `10` before the check digit) and a valid Verhoeff check digit.
fn snomed(code: &str) -> Option<String> {
    let c = code.trim();
    let shaped =
        (6..=18).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit()) && !c.starts_with('0');
    if !shaped {
        return None;
    }
    let partition = c.get(c.len() - 3..c.len() - 1);
    (matches!(partition, Some("00" | "10")) && verhoeff_valid(c)).then(|| c.to_string())
}

/// The Verhoeff check (the last digit checks the others), as SNOMED CT uses it.
pub fn verhoeff_valid(digits: &str) -> bool {
    const D: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    let mut c = 0u8;
    for (i, b) in digits.bytes().rev().enumerate() {
        if !b.is_ascii_digit() {
            return false;
        }
        c = D[usize::from(c)][usize::from(P[i % 8][usize::from(b - b'0')])];
    }
    c == 0
}

/// Which codes of a system a front-matter entry stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Matcher {
    /// This one code.
    Code(String),
    /// Every code that starts with this (ICD-10-CM only: `I70.2` covers `I70.21`, `I70.213`).
    Prefix(String),
    /// Every code whose first characters fall between these two, both ends
    /// included (ICD-10-CM only: `M15-M19` covers `M16.1`).
    Range(String, String),
}

impl Matcher {
    /// Reads an entry's `code`, `prefix` or `range` (exactly one), checking
    /// that it has its system's shape and is written the one way the system
    /// writes it.
    pub fn read(
        system: CodeSystem,
        code: Option<&str>,
        prefix: Option<&str>,
        range: Option<&str>,
    ) -> Result<Matcher, String> {
        let canonical = |raw: &str| match system.normalise(raw) {
            Some(n) if n == raw => Ok(n),
            Some(n) => Err(format!("write {raw:?} as {n:?}")),
            None => Err(format!("{raw:?} is not a valid code in {}", system.name())),
        };
        match (code, prefix, range) {
            (Some(code), None, None) => Ok(Matcher::Code(canonical(code)?)),
            (None, Some(prefix), None) if system == CodeSystem::Icd10Cm => {
                Ok(Matcher::Prefix(canonical(prefix)?))
            }
            (None, None, Some(range)) if system == CodeSystem::Icd10Cm => {
                let Some((from, to)) = range.split_once('-') else {
                    return Err(format!("a range is written \"M15-M19\", not {range:?}"));
                };
                let (from, to) = (canonical(from)?, canonical(to)?);
                if from.len() != to.len() || from >= to {
                    return Err(format!(
                        "range {range:?} must go from a lower to a higher code of the same length"
                    ));
                }
                Ok(Matcher::Range(from, to))
            }
            (None, Some(_), None) | (None, None, Some(_)) => Err(format!(
                "{} concepts are mapped one by one, with `code`",
                system.name()
            )),
            _ => Err("give exactly one of `code`, `prefix` or `range`".into()),
        }
    }

    /// Whether `code` (as its system writes it) is one this entry stands for.
    pub fn matches(&self, code: &str) -> bool {
        match self {
            Matcher::Code(c) => c == code,
            Matcher::Prefix(p) => code.starts_with(p.as_str()),
            Matcher::Range(from, to) => code
                .get(..from.len())
                .is_some_and(|head| from.as_str() <= head && head <= to.as_str()),
        }
    }

    /// How specific the entry is: one code, then the longest prefix, then a range.
    pub fn rank(&self) -> (u8, usize) {
        match self {
            Matcher::Code(c) => (2, c.len()),
            Matcher::Prefix(p) => (1, p.len()),
            Matcher::Range(..) => (0, 0),
        }
    }

    /// Whether some code is matched by both.
    pub fn overlaps(&self, other: &Matcher) -> bool {
        use Matcher::{Code, Prefix, Range};
        match (self, other) {
            (Code(c), m) | (m, Code(c)) => m.matches(c),
            (Prefix(a), Prefix(b)) => a.starts_with(b.as_str()) || b.starts_with(a.as_str()),
            (Prefix(p), Range(from, to)) | (Range(from, to), Prefix(p)) => {
                // Compare on the shorter of the two lengths.
                let n = p.len().min(from.len());
                let (p, from, to) = (&p[..n], &from[..n], &to[..n]);
                from <= p && p <= to
            }
            (Range(a_from, a_to), Range(b_from, b_to)) => {
                let n = a_from.len().min(b_from.len());
                a_from[..n] <= b_to[..n] && b_from[..n] <= a_to[..n]
            }
        }
    }

    /// As shown to people: `R25.2`, `I70.2…`, `M15–M19`.
    pub fn label(&self) -> String {
        match self {
            Matcher::Code(c) => c.clone(),
            Matcher::Prefix(p) => format!("{p}…"),
            Matcher::Range(from, to) => format!("{from}–{to}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icd10cm_codes_are_normalised_or_refused() {
        let n = |c| CodeSystem::Icd10Cm.normalise(c);
        assert_eq!(n(" r252 ").as_deref(), Some("R25.2"));
        assert_eq!(n("I82.401").as_deref(), Some("I82.401"));
        assert_eq!(n("I83").as_deref(), Some("I83"));
        assert_eq!(n("m79604").as_deref(), Some("M79.604"));
        for bad in [
            "",
            "R2",
            "1234",
            "R25.2.3",
            "R25.12345",
            "é25",
            "R2ö.1",
            "R25-2",
            "RR5.2",
            "ÄÖÜ1234",
            "€€€€",
            "R\u{0}5",
        ] {
            assert_eq!(n(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn snomed_ids_need_digits_a_concept_partition_and_the_verhoeff_digit() {
        let n = |c| CodeSystem::SnomedCt.normalise(c);
        // Real concept ids: Restless legs, Deep venous thrombosis, Sciatica.
        for good in ["32914008", "128053003", "23056005"] {
            assert_eq!(n(good).as_deref(), Some(good), "{good}");
        }
        assert_eq!(n("32914009"), None, "wrong check digit");
        assert_eq!(n("032914008"), None, "leading zero");
        assert_eq!(n("12345"), None, "too short");
        assert_eq!(n("3291400A"), None);
        assert!(verhoeff_valid("2363") && !verhoeff_valid("2364"));
    }

    #[test]
    fn entries_are_read_in_their_systems_shape_and_written_one_way() {
        let icd = CodeSystem::Icd10Cm;
        assert_eq!(
            Matcher::read(icd, Some("R25.2"), None, None),
            Ok(Matcher::Code("R25.2".into()))
        );
        assert_eq!(
            Matcher::read(icd, None, None, Some("M15-M19")),
            Ok(Matcher::Range("M15".into(), "M19".into()))
        );
        assert!(
            Matcher::read(icd, Some("r252"), None, None)
                .unwrap_err()
                .contains("\"R25.2\"")
        );
        assert!(Matcher::read(icd, Some("R25.2"), Some("R25"), None).is_err());
        assert!(Matcher::read(icd, None, None, None).is_err());
        assert!(Matcher::read(icd, None, None, Some("M19-M15")).is_err());
        assert!(Matcher::read(icd, None, None, Some("M15-M19.1")).is_err());
        assert!(Matcher::read(icd, Some("E11.4X"), None, None).is_ok());
        assert!(Matcher::read(icd, Some("1234"), None, None).is_err());
        let snomed = CodeSystem::SnomedCt;
        assert!(Matcher::read(snomed, Some("32914008"), None, None).is_ok());
        assert!(Matcher::read(snomed, None, Some("32914008"), None).is_err());
        assert!(Matcher::read(snomed, Some("32914009"), None, None).is_err());
    }

    #[test]
    fn matching_and_overlaps() {
        let code = |c: &str| Matcher::Code(c.into());
        let prefix = |c: &str| Matcher::Prefix(c.into());
        let range = Matcher::Range("M15".into(), "M19".into());
        assert!(range.matches("M16.11") && range.matches("M19") && !range.matches("M20.1"));
        assert!(
            !range.matches("M1"),
            "a code shorter than the range is not in it"
        );
        assert!(prefix("I70.2").matches("I70.213") && !prefix("I70.2").matches("I70.3"));
        assert!(code("R25.2").matches("R25.2") && !code("R25.2").matches("R25.21"));
        assert!(prefix("M16").overlaps(&range) && range.overlaps(&prefix("M1")));
        assert!(!prefix("M20").overlaps(&range));
        assert!(
            prefix("I70").overlaps(&prefix("I70.2")) && !prefix("I70.2").overlaps(&prefix("I70.3"))
        );
        assert!(code("M17.11").overlaps(&range) && !code("M20").overlaps(&range));
        assert!(range.overlaps(&Matcher::Range("M19".into(), "M21".into())));
        assert!(!range.overlaps(&Matcher::Range("M20".into(), "M21".into())));
        assert!(code("R25.2").rank() > prefix("R25.2").rank());
        assert!(
            prefix("I70.2").rank() > prefix("I70").rank() && prefix("I70").rank() > range.rank()
        );
        assert_eq!(
            [
                code("R25.2").label(),
                prefix("I70.2").label(),
                range.label()
            ],
            ["R25.2", "I70.2…", "M15–M19"]
        );
    }
}
