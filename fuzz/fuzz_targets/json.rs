//! Any bytes as a JSON body: parsing never panics, and valid answers assess.
#![no_main]

use leg_pain_guide::triage::{Answers, assess};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data)
        && let Ok(answers) = Answers::from_json(&value)
    {
        let _ = assess(&answers);
    }
});
