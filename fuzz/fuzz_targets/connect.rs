//! Any bytes as a `/connect` query string: reading it never panics, a code it
//! accepts has its system's shape, and both answer formats write any text.
#![no_main]

use leg_pain_guide::clinics::infobutton::{
    Answer, AnswerEntry, atom, json, language_of, parse, response_type_of,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let _ = response_type_of(&query);
    let _ = language_of(&query);
    if let Ok(request) = parse(&query) {
        if let Some((system, code)) = &request.code {
            assert_eq!(system.normalise(code).as_deref(), Some(code.as_str()));
        }
        assert!(request.code.is_some() || request.display_name.is_some());
        // Whatever text ends up in an answer, Atom stays XML that reads back.
        let text = request.display_name.clone().unwrap_or_default();
        let answer = Answer {
            title: text.clone(),
            id: "https://legs.example/connect".into(),
            lang: request.language.clone().unwrap_or_else(|| "en".into()),
            updated: time::Date::MIN,
            message: Some(text.clone()),
            asked: request.code.clone(),
            entries: vec![AnswerEntry {
                title: text.clone(),
                href: "https://legs.example/".into(),
                summary: text.clone(),
                updated: time::Date::MIN,
                code: None,
            }],
        };
        let xml = atom(&answer);
        let feed = atom_syndication::Feed::read_from(xml.as_bytes()).expect("Atom reads back");
        assert_eq!(feed.entries.len(), 1);
        let _ = json(&answer);
    }
});
