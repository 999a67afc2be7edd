//! Any request path: reading its language, embed and page never panics, and
//! the page path it gives is a path.
#![no_main]

use leg_pain_guide::site::Place;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = String::from_utf8_lossy(data);
    let place = Place::of(&path, ["", "/es"].into_iter());
    assert!(place.lang < 2);
    assert!(place.path.starts_with('/') || !path.starts_with('/') || place.path == path);
});
