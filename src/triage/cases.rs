//! The worked cases (`tests/data/triage_cases.toml`): stories with their
//! answers and the result worked out by hand from the spec. The tests check
//! the rules against them; `/check/how-it-works` says how many there are and
//! what they cover, so that page cannot drift from the tests either.

use serde::Deserialize;

use super::answers::{JsonBody, Parsed};
use super::causes::CAUSES;
use super::rules::{RULES, assess};
use super::tips::TIPS;

const CASES: &str = include_str!("../../tests/data/triage_cases.toml");

/// One worked case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkedCase {
    pub story: String,
    pub expect_urgency: String,
    pub expect_rules: Vec<String>,
    pub expect_causes: Vec<String>,
    pub expect_tips: Vec<String>,
    /// The home-care steps left out for this person.
    #[serde(default)]
    pub expect_withheld: Vec<String>,
    /// A result decided early lists the questions left unanswered.
    #[serde(default)]
    pub expect_unanswered: Vec<String>,
    /// The JSON API body.
    pub answers: toml::Value,
}

impl WorkedCase {
    /// The answers, parsed as the API parses them (partial answers kept).
    pub fn parsed(&self) -> Result<Parsed, serde_json::Error> {
        let json = serde_json::to_value(&self.answers)?;
        JsonBody::parse(json.to_string().as_bytes()).map(|b| b.answers())
    }
}

#[derive(Deserialize)]
struct File {
    case: Vec<WorkedCase>,
}

/// Every worked case, in file order (none if the file does not parse, which the tests catch).
pub fn worked_cases() -> Vec<WorkedCase> {
    toml::from_str::<File>(CASES)
        .map(|f| f.case)
        .unwrap_or_default()
}

/// How much of the check the worked cases exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    pub cases: usize,
    pub rules: (usize, usize),
    pub causes: (usize, usize),
    pub tips: (usize, usize),
    /// The steps that can be left out, and how many the cases leave out.
    pub withheld: (usize, usize),
}

/// What the worked cases cover: the rules, causes and tips their answers
/// bring out when assessed, against all there are. Worked out once: the
/// cases and the rules are compiled in.
pub fn coverage() -> Coverage {
    static COVERAGE: std::sync::OnceLock<Coverage> = std::sync::OnceLock::new();
    *COVERAGE.get_or_init(measure_coverage)
}

fn measure_coverage() -> Coverage {
    let cases = worked_cases();
    let results: Vec<_> = cases
        .iter()
        .filter_map(|c| c.parsed().ok())
        .map(|p| assess(&p.answers))
        .collect();
    let count = |hit: &dyn Fn(&str) -> bool,
                 ids: &mut dyn Iterator<Item = &'static str>|
     -> (usize, usize) {
        let ids: Vec<_> = ids.collect();
        (ids.iter().filter(|id| hit(id)).count(), ids.len())
    };
    Coverage {
        cases: cases.len(),
        rules: count(
            &|id| results.iter().any(|r| r.fired.iter().any(|x| x.code == id)),
            &mut RULES.iter().map(|r| r.code),
        ),
        causes: count(
            &|id| results.iter().any(|r| r.causes.iter().any(|x| x.id == id)),
            &mut CAUSES.iter().map(|c| c.id),
        ),
        tips: count(
            &|id| results.iter().any(|r| r.tips.iter().any(|x| x.id == id)),
            &mut TIPS.iter().map(|t| t.id),
        ),
        withheld: count(
            &|id| {
                results
                    .iter()
                    .any(|r| r.withheld.iter().any(|x| x.id == id))
            },
            &mut TIPS
                .iter()
                .filter(|t| t.withheld_when.is_some())
                .map(|t| t.id),
        ),
    }
}
