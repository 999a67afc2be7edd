//! Criterion benchmarks: parsing a form, the pure rules, and rendering a result page.

#![warn(clippy::too_many_lines)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use leg_pain_guide::problem::Level;
use leg_pain_guide::settings::RawSettings;
use leg_pain_guide::site::{Mode, symptom::render_result};
use leg_pain_guide::startup;
use leg_pain_guide::triage::{self, Submission};

const ROUTINE: &str = "one_leg_signs=no&breathless=no&numbness=no&skin_changes=no&injury=no&severity=moderate&onset=months&frequency=most_nights&course=same&sleep_impact=some&home_care=not_helped&feelings=cramp&feelings=aching_throbbing&conditions=diabetes&factors=long_standing_or_exercise&factors=little_water";

fn benches(c: &mut Criterion) {
    let answers = Submission::from_form(ROUTINE.as_bytes())
        .parse()
        .complete()
        .expect("valid answers");
    let settings = RawSettings {
        content_dir: Some(concat!(env!("CARGO_MANIFEST_DIR"), "/content").into()),
        locales_dir: Some(concat!(env!("CARGO_MANIFEST_DIR"), "/locales").into()),
        ..Default::default()
    }
    .validate()
    .expect("default settings");
    let (site, _) = startup::build(&settings, Mode::Serve, startup::today(), Level::Warning)
        .expect("content loads");
    let (lang, lang_site) = site.lang(0);

    c.bench_function("parse form body", |b| {
        b.iter(|| Submission::from_form(black_box(ROUTINE).as_bytes()).parse())
    });
    c.bench_function("assess", |b| b.iter(|| triage::assess(black_box(&answers))));
    c.bench_function("render result page", |b| {
        b.iter(|| {
            let assessment = triage::assess(black_box(&answers));
            render_result(
                &lang.strings,
                &lang_site.layout,
                &lang_site.result_shells,
                &lang_site.check,
                &answers,
                &assessment,
                None,
                startup::today(),
            )
        })
    });
}

criterion_group!(triage_benches, benches);
criterion_main!(triage_benches);
