//! Any bytes as a JSON body: parsing never panics, and valid answers assess.
#![no_main]

use leg_pain_guide::triage::{JsonBody, assess};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(body) = JsonBody::parse(data)
        && let Ok(answers) = body.answers()
    {
        let _ = body.member("lang");
        let _ = assess(&answers);
    }
});
