//! Any bytes as a form body: parsing never panics, and valid answers assess.
#![no_main]

use leg_pain_guide::triage::{Submission, assess};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let submission = Submission::from_pairs(form_urlencoded::parse(data));
    if let Ok(answers) = submission.parse() {
        let _ = assess(&answers);
    }
});
