//! Any bytes as a form body: parsing never panics, and valid answers assess.
#![no_main]

use leg_pain_guide::triage::{Submission, assess};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(answers) = Submission::from_form(data).parse() {
        let _ = assess(&answers);
    }
});
