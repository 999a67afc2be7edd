//! Any bytes as a `/connect` query string: reading it never panics, and a
//! request it accepts has a code of its system's shape, or a display name.
#![no_main]

use leg_pain_guide::clinics::infobutton::{parse, response_type_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let _ = response_type_of(&query);
    if let Ok(request) = parse(&query) {
        if let Some(code) = &request.code {
            assert_eq!(request.system.normalise(code).as_deref(), Some(code.as_str()));
        }
        assert!(request.code.is_some() || request.display_name.is_some());
    }
});
