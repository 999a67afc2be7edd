//! What the site contract promises: pages and the
//! anchors clinics link to. Checked in every language on every build.

/// Pages the site contract promises, by language-neutral path.
pub const PAGES: &[&str] = &[
    "/",
    "/causes",
    "/risk-factors",
    "/when-to-seek-help",
    "/diagnosis",
    "/treatments",
    "/prevention",
    "/faq",
    "/check",
    "/check/how-it-works",
    "/about",
    "/for-clinics",
    "/accessibility",
];

/// Anchors the site contract promises.
pub const ANCHORS: &[(&str, &[&str])] = &[
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
