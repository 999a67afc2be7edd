//! The pages, anchors and answers the tests check, listed once. They are the
//! tests' own copy of the site contract (not the site's `content::contract`),
//! so a page or anchor dropped from the site's list still fails a test; a
//! test compares the two.

use leg_pain_guide::i18n::Lang;

/// The topic pages of the guide, in reading order.
pub const TOPIC_PAGES: &[&str] = &[
    "/",
    "/causes",
    "/risk-factors",
    "/when-to-seek-help",
    "/diagnosis",
    "/treatments",
    "/prevention",
    "/faq",
];

/// The pages after the guide: the check, how it works, and the site's own.
pub const OTHER_PAGES: &[&str] = &[
    "/check",
    "/check/how-it-works",
    "/about",
    "/for-clinics",
    "/glossary",
    "/accessibility",
];

/// Every page, by its English path: the topic pages, then the others.
pub fn every_page() -> impl Iterator<Item = &'static str> {
    TOPIC_PAGES.iter().chain(OTHER_PAGES).copied()
}

/// The path prefix of every language: English at the root, Spanish under `/es`.
pub const LANGS: &[&str] = &["", "/es"];

/// A page's path in a language: `/causes` is `/es/causes`, `/` is `/es`
/// (the site's own `Lang::url`).
pub fn in_lang(prefix: &str, path: &str) -> String {
    Lang {
        code: prefix.trim_start_matches('/').to_string(),
        prefix: prefix.to_string(),
        name: String::new(),
    }
    .url(path)
}

/// Answers that fire no rule: every warning sign no, mild, recent, helped.
pub const BASELINE: &str = "one_leg_signs=no&breathless=no&numbness=no&skin_changes=no&injury=no&severity=mild&onset=days&frequency=occasional&course=same&sleep_impact=little&home_care=helped";

/// The anchors the site contract promises.
pub const CONTRACT_ANCHORS: &[(&str, &[&str])] = &[
    (
        "/causes",
        &[
            "nighttime-leg-cramps",
            "restless-legs-syndrome",
            "dehydration-and-minerals",
            "nerve-compression",
            "peripheral-artery-disease",
            "peripheral-neuropathy",
            "deep-vein-thrombosis",
            "arthritis",
            "varicose-veins",
            "physical-exertion",
            "poor-circulation",
        ],
    ),
    ("/when-to-seek-help", &["emergency", "urgent", "routine"]),
    ("/treatments", &["relief-at-home", "medical-treatments"]),
    (
        "/prevention",
        &["exercise", "sleep", "water-and-minerals", "stress"],
    ),
];
