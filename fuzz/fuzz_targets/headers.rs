//! Any `Accept-Encoding` and `If-None-Match` lines: choosing a coding and
//! answering the validator never panic, and the coding is one that was prepared.
#![no_main]

use actix_web::http::header;
use actix_web::test::TestRequest;
use leg_pain_guide::site::assets::{Asset, CachePolicy, Effort};
use leg_pain_guide::web::headers::{fresh, negotiate};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static PAGE: OnceLock<Asset> = OnceLock::new();
    let page = PAGE.get_or_init(|| Asset::new("<p>leg pain at night</p>".repeat(40), "text/html", CachePolicy::Revalidate, Effort::Quick));
    let mut req = TestRequest::default();
    for (i, line) in data.split(|b| *b == b'\n').take(6).enumerate() {
        let Ok(value) = header::HeaderValue::from_bytes(line) else { continue };
        let name = if i % 2 == 0 { header::ACCEPT_ENCODING } else { header::IF_NONE_MATCH };
        req = req.append_header((name, value));
    }
    let req = req.to_http_request();
    let coding = negotiate(&req, page);
    assert!(page.variant(coding).is_some());
    let _ = fresh(&req, &page.identity.tag);
});
