//! Any bytes as a JSON body: parsing never panics, and an emergency `yes`
//! always gives the emergency result.
#![no_main]

use leg_pain_guide::triage::{ApiReply, JsonBody, Urgency, api_reply, emergency};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(body) = JsonBody::parse(data) {
        let parsed = body.answers();
        let _ = body.member("lang");
        let answer = api_reply(&parsed, false);
        if emergency(&parsed) {
            assert!(matches!(answer, ApiReply::Result(a) if a.urgency == Urgency::Emergency));
        }
    }
});
