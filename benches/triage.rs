//! Criterion benchmarks: the pure rules, and rendering a result page.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use leg_pain_guide::config::SettingsArgs;
use leg_pain_guide::triage::{self, Submission};
use leg_pain_guide::{startup, web};

const ROUTINE: &str = "one_leg_signs=no&breathless=no&numbness=no&skin_changes=no&injury=no&severity=moderate&onset=months&frequency=most_nights&course=same&sleep_impact=some&home_care=not_helped&feelings=cramp&feelings=aching_throbbing&conditions=diabetes&factors=long_standing_or_exercise&factors=little_water";

fn benches(c: &mut Criterion) {
    let submission = Submission::from_pairs(form_urlencoded::parse(ROUTINE.as_bytes()));
    let answers = submission.parse().expect("valid answers");
    let settings = SettingsArgs {
        content_dir: concat!(env!("CARGO_MANIFEST_DIR"), "/content").into(),
        ..Default::default()
    }
    .validate()
    .expect("default settings");
    let state = startup::prepare(settings, startup::today()).expect("content loads");

    c.bench_function("parse form body", |b| {
        b.iter(|| {
            Submission::from_pairs(form_urlencoded::parse(black_box(ROUTINE).as_bytes())).parse()
        })
    });
    c.bench_function("assess", |b| b.iter(|| triage::assess(black_box(&answers))));
    c.bench_function("render result page", |b| {
        b.iter(|| {
            let assessment = triage::assess(black_box(&answers));
            web::check::render_result(&state.site.layout, &answers, &assessment)
        })
    });
}

criterion_group!(triage_benches, benches);
criterion_main!(triage_benches);
