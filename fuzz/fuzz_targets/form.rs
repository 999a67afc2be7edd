//! Any bytes as a form body: parsing never panics, the two steps always
//! answer, and an emergency `yes` always gives the emergency result.
#![no_main]

use leg_pain_guide::triage::{Reply, Step, Submission, Urgency, emergency, reply};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let parsed = Submission::from_form(data).parse();
    for step in [None, Some(Step::Signs), Some(Step::Details), Some(Step::Change), Some(Step::Now)] {
        let answer = reply(&parsed, step);
        if emergency(&parsed) {
            assert!(matches!(answer, Reply::Result(a) if a.urgency == Urgency::Emergency));
        }
    }
});
