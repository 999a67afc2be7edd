use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::{Value, json};

use super::*;

/// Answers that fire no rule but S0 and show no cause.
fn baseline() -> Answers {
    Answers {
        one_leg_signs: false,
        breathless: false,
        numbness: false,
        skin_changes: false,
        injury: false,
        severity: Severity::Mild,
        onset: Onset::Weeks,
        frequency: Frequency::Occasional,
        course: Course::Same,
        sleep_impact: SleepImpact::Little,
        home_care: HomeCare::Helped,
        feelings: BTreeSet::new(),
        conditions: BTreeSet::new(),
        factors: BTreeSet::new(),
    }
}

/// Small builders so each test reads as "the baseline, plus what the rule needs".
impl Answers {
    fn set(mut self, change: impl FnOnce(&mut Self)) -> Self {
        change(&mut self);
        self
    }
    fn feel(self, f: Feeling) -> Self {
        self.set(|a| _ = a.feelings.insert(f))
    }
    fn with(self, c: Condition) -> Self {
        self.set(|a| _ = a.conditions.insert(c))
    }
    fn factor(self, f: Factor) -> Self {
        self.set(|a| _ = a.factors.insert(f))
    }
}

fn codes(a: &Answers) -> Vec<&'static str> {
    assess(a).fired.iter().map(|r| r.code).collect()
}

fn fires(a: &Answers, code: &str) -> bool {
    codes(a).contains(&code)
}

fn cause_ids(a: &Answers) -> Vec<&'static str> {
    assess(a).causes.iter().map(|c| c.id).collect()
}

fn shows(a: &Answers, id: &str) -> bool {
    cause_ids(a).contains(&id)
}

/// Asserts that exactly `code` fired and the result is that rule's level.
fn assert_only(a: &Answers, code: &str, level: Urgency) {
    assert_eq!(codes(a), [code], "{a:?}");
    assert_eq!(assess(a).urgency, level);
    assert_eq!(rule(code).map(|r| r.level), Some(level));
}

fn form(a: &Answers) -> Submission {
    Submission::from_pairs(a.to_pairs())
}

/// Parses a JSON API body as the API does.
fn from_json(value: &Value) -> Result<Answers, FieldErrors> {
    JsonBody::parse(value.to_string().as_bytes())
        .expect("valid JSON")
        .answers()
}

/// The JSON API body for these answers.
fn to_json(a: &Answers) -> Value {
    let mut map = serde_json::Map::new();
    for q in QUESTIONS {
        let values = a
            .to_pairs()
            .into_iter()
            .filter(|(f, _)| *f == q.field)
            .map(|(_, v)| v);
        let value = match q.kind {
            Kind::YesNo => json!(values.eq(["yes"])),
            Kind::OneOf => json!(values.collect::<String>()),
            Kind::AnyOf => json!(values.collect::<Vec<_>>()),
        };
        map.insert(q.field.into(), value);
    }
    Value::Object(map)
}

#[test]
fn baseline_fires_only_s0_and_shows_no_cause() {
    assert_only(&baseline(), "S0", Urgency::SelfCare);
    assert!(cause_ids(&baseline()).is_empty());
}

// ---- One test per rule, named by its code ----

#[test]
fn e1_one_leg_signs_is_an_emergency() {
    let a = baseline().set(|a| a.one_leg_signs = true);
    assert_only(&a, "E1", Urgency::Emergency);
}

#[test]
fn e2_breathless_is_an_emergency() {
    let a = baseline().set(|a| a.breathless = true);
    assert_only(&a, "E2", Urgency::Emergency);
}

#[test]
fn u1_numbness_is_urgent() {
    assert_only(
        &baseline().set(|a| a.numbness = true),
        "U1",
        Urgency::Urgent,
    );
}

#[test]
fn u2_skin_changes_is_urgent() {
    assert_only(
        &baseline().set(|a| a.skin_changes = true),
        "U2",
        Urgency::Urgent,
    );
}

#[test]
fn u3_injury_is_urgent() {
    assert_only(&baseline().set(|a| a.injury = true), "U3", Urgency::Urgent);
}

#[test]
fn u4_diabetes_heart_disease_or_clot_with_new_or_worse_pain_is_urgent() {
    use Condition::*;
    let new_or_worse = [
        (Onset::Days, Course::Same),
        (Onset::Weeks, Course::Better),
        (Onset::Months, Course::Worse),
    ];
    for condition in [Diabetes, HeartDisease, BloodClotHistory] {
        for (onset, course) in new_or_worse {
            let a = baseline()
                .with(condition)
                .set(|a| (a.onset, a.course) = (onset, course));
            assert!(fires(&a, "U4"), "{condition:?} {onset:?} {course:?}");
            assert_eq!(assess(&a).urgency, Urgency::Urgent);
        }
        // Near miss: pain for months and unchanged is not "new or worsening".
        let a = baseline().with(condition).set(|a| a.onset = Onset::Months);
        assert!(!fires(&a, "U4"), "{condition:?}");
    }
    // Near miss: other conditions never trigger U4, even with new, worsening pain.
    for condition in [VaricoseVeins, Arthritis] {
        let a = baseline()
            .with(condition)
            .set(|a| (a.onset, a.course) = (Onset::Days, Course::Worse));
        assert!(!fires(&a, "U4"), "{condition:?}");
    }
    // Diabetes, months and unchanged: R6 only, so routine.
    let a = baseline().with(Diabetes).set(|a| a.onset = Onset::Months);
    assert_only(&a, "R6", Urgency::Routine);
}

#[test]
fn u5_worsening_pain_is_urgent() {
    let a = baseline().set(|a| a.course = Course::Worse);
    assert_only(&a, "U5", Urgency::Urgent);
    // Near misses: better, or about the same.
    for course in [Course::Better, Course::Same] {
        assert_only(
            &baseline().set(|a| a.course = course),
            "S0",
            Urgency::SelfCare,
        );
    }
    // Version 1's R3 (worse is routine) is retired, and its code is never reused.
    assert_eq!(rule("R3"), None);
}

#[test]
fn r1_sleep_impact_a_lot_is_routine() {
    let a = baseline().set(|a| a.sleep_impact = SleepImpact::ALot);
    assert_only(&a, "R1", Urgency::Routine);
    let near = baseline().set(|a| a.sleep_impact = SleepImpact::Some);
    assert_only(&near, "S0", Urgency::SelfCare);
}

#[test]
fn r2_severe_pain_is_routine() {
    let a = baseline().set(|a| a.severity = Severity::Severe);
    assert_only(&a, "R2", Urgency::Routine);
    let near = baseline().set(|a| a.severity = Severity::Moderate);
    assert_only(&near, "S0", Urgency::SelfCare);
}

#[test]
fn r4_home_care_not_helped_is_routine() {
    let a = baseline().set(|a| a.home_care = HomeCare::NotHelped);
    assert_only(&a, "R4", Urgency::Routine);
    let near = baseline().set(|a| a.home_care = HomeCare::NotTried);
    assert_only(&near, "S0", Urgency::SelfCare);
}

#[test]
fn r5_most_nights_for_months_without_help_is_routine() {
    let chronic = |home_care| {
        baseline().set(|a| {
            (a.frequency, a.onset, a.home_care) = (Frequency::MostNights, Onset::Months, home_care)
        })
    };
    assert_only(&chronic(HomeCare::NotTried), "R5", Urgency::Routine);
    assert_eq!(codes(&chronic(HomeCare::NotHelped)), ["R4", "R5"]);
    // Near misses: home care helped; only now and then; started weeks ago.
    assert!(!fires(&chronic(HomeCare::Helped), "R5"));
    let occasional = chronic(HomeCare::NotTried).set(|a| a.frequency = Frequency::Occasional);
    assert!(!fires(&occasional, "R5"));
    assert!(!fires(
        &chronic(HomeCare::NotTried).set(|a| a.onset = Onset::Weeks),
        "R5"
    ));
}

#[test]
fn r6_diabetes_or_heart_disease_is_routine() {
    let long_standing = baseline().set(|a| a.onset = Onset::Months);
    for condition in [Condition::Diabetes, Condition::HeartDisease] {
        assert_only(
            &long_standing.clone().with(condition),
            "R6",
            Urgency::Routine,
        );
    }
    // Near miss: a past blood clot is not in R6 (only in U4).
    let near = long_standing.with(Condition::BloodClotHistory);
    assert_only(&near, "S0", Urgency::SelfCare);
}

#[test]
fn r7_urge_to_move_is_routine() {
    assert_only(
        &baseline().feel(Feeling::UrgeToMove),
        "R7",
        Urgency::Routine,
    );
    let others = Feeling::ALL.iter().filter(|f| **f != Feeling::UrgeToMove);
    let near = others.fold(baseline(), |a, f| a.feel(*f));
    assert_only(&near, "S0", Urgency::SelfCare);
}

#[test]
fn r8_possible_pad_is_routine() {
    use Feeling::{AchingThrobbing, Cramp, Heaviness};
    // A smoker whose legs cramp, ache or feel heavy.
    for feeling in [Heaviness, Cramp, AchingThrobbing] {
        let a = baseline().feel(feeling).factor(Factor::Smoking);
        assert_only(&a, "R8", Urgency::Routine);
        // Near miss: the same feeling without smoking.
        assert_only(&baseline().feel(feeling), "S0", Urgency::SelfCare);
    }
    // Heavy legs on most nights, smoker or not.
    let heavy_most_nights = baseline()
        .feel(Heaviness)
        .set(|a| a.frequency = Frequency::MostNights);
    assert_only(&heavy_most_nights, "R8", Urgency::Routine);
    // Near misses: cramp or ache on most nights without smoking; heavy legs now and then.
    for feeling in [Cramp, AchingThrobbing] {
        let a = baseline()
            .feel(feeling)
            .set(|a| a.frequency = Frequency::MostNights);
        assert!(!fires(&a, "R8"), "{feeling:?}");
    }
    assert!(!fires(&baseline().feel(Heaviness), "R8"));
    // A smoker with other feelings, and skin changes or diabetes alone, are not PAD in version 2.
    assert!(!fires(
        &baseline()
            .feel(Feeling::BurningTingling)
            .factor(Factor::Smoking),
        "R8"
    ));
    assert!(!fires(&baseline().set(|a| a.skin_changes = true), "R8"));
    assert!(!fires(
        &baseline().feel(Cramp).with(Condition::Diabetes),
        "R8"
    ));
    // R8 fires exactly when the `pad` cause is shown.
    assert_eq!(
        fires(&heavy_most_nights, "R8"),
        shows(&heavy_most_nights, "pad")
    );
}

#[test]
fn s0_nothing_else_is_self_care() {
    assert_only(&baseline(), "S0", Urgency::SelfCare);
    // S0 never shows next to another rule.
    assert_eq!(
        codes(&baseline().set(|a| a.severity = Severity::Severe)),
        ["R2"]
    );
}

#[test]
fn every_fired_rule_is_listed_in_order_and_the_highest_wins() {
    let a = baseline().set(|a| {
        (a.injury, a.breathless, a.severity, a.course) =
            (true, true, Severity::Severe, Course::Worse)
    });
    assert_eq!(codes(&a), ["E2", "U3", "U5", "R2"]);
    assert_eq!(assess(&a).urgency, Urgency::Emergency);
}

// ---- One test per cause ("shown when"), with near misses ----

#[test]
fn cause_dvt_shown_for_one_leg_signs() {
    assert!(shows(&baseline().set(|a| a.one_leg_signs = true), "dvt"));
    assert!(!shows(&baseline().set(|a| a.breathless = true), "dvt"));
}

#[test]
fn cause_cramps_shown_for_cramp() {
    assert!(shows(&baseline().feel(Feeling::Cramp), "cramps"));
    assert!(!shows(&baseline().factor(Factor::LittleWater), "cramps"));
}

#[test]
fn cause_rls_shown_for_urge_to_move() {
    assert!(shows(&baseline().feel(Feeling::UrgeToMove), "rls"));
    assert!(!shows(&baseline().feel(Feeling::AchingThrobbing), "rls"));
}

#[test]
fn cause_nerve_compression_shown_for_shooting_from_back() {
    assert!(shows(
        &baseline().feel(Feeling::ShootingFromBack),
        "nerve_compression"
    ));
    assert!(!shows(
        &baseline().feel(Feeling::BurningTingling),
        "nerve_compression"
    ));
}

#[test]
fn cause_neuropathy_shown_for_burning_or_numbness_with_diabetes() {
    let diabetic = baseline().with(Condition::Diabetes);
    let burning = baseline().feel(Feeling::BurningTingling);
    let numb = baseline().set(|a| a.numbness = true);
    assert!(shows(
        &burning.clone().with(Condition::Diabetes),
        "neuropathy"
    ));
    assert!(shows(&numb.clone().with(Condition::Diabetes), "neuropathy"));
    // Near misses: diabetes alone; burning or numbness without diabetes or with heart disease.
    assert!(!shows(&diabetic, "neuropathy"));
    assert!(!shows(&burning, "neuropathy"));
    assert!(!shows(&numb, "neuropathy"));
    assert!(!shows(&burning.with(Condition::HeartDisease), "neuropathy"));
}

#[test]
fn cause_pad_shown_for_pad_feelings_with_smoking_or_heavy_legs_most_nights() {
    for feeling in [Feeling::Heaviness, Feeling::Cramp, Feeling::AchingThrobbing] {
        let felt = baseline().feel(feeling);
        assert!(
            shows(&felt.clone().factor(Factor::Smoking), "pad"),
            "{feeling:?}"
        );
        // Near misses: the feeling alone, or with a risk version 2 no longer counts.
        assert!(!shows(&felt, "pad"), "{feeling:?}");
        for condition in [
            Condition::Diabetes,
            Condition::HeartDisease,
            Condition::BloodClotHistory,
        ] {
            assert!(
                !shows(&felt.clone().with(condition), "pad"),
                "{feeling:?} {condition:?}"
            );
        }
    }
    let heavy = baseline().feel(Feeling::Heaviness);
    assert!(shows(
        &heavy.clone().set(|a| a.frequency = Frequency::MostNights),
        "pad"
    ));
    assert!(!shows(&heavy, "pad"), "heavy legs now and then");
    // Version 1 showed it for skin changes alone; the sources do not tie them to PAD.
    assert!(!shows(&baseline().set(|a| a.skin_changes = true), "pad"));
    assert!(!shows(&baseline().factor(Factor::Smoking), "pad"));
    assert!(!shows(
        &baseline()
            .feel(Feeling::BurningTingling)
            .factor(Factor::Smoking),
        "pad"
    ));
}

#[test]
fn cause_varicose_veins_shown_for_the_condition() {
    assert!(shows(
        &baseline().with(Condition::VaricoseVeins),
        "varicose_veins"
    ));
    assert!(!shows(
        &baseline().feel(Feeling::Heaviness),
        "varicose_veins"
    ));
}

#[test]
fn cause_arthritis_shown_for_joint_stiffness_or_the_condition() {
    assert!(shows(
        &baseline().feel(Feeling::JointStiffness),
        "arthritis"
    ));
    assert!(shows(&baseline().with(Condition::Arthritis), "arthritis"));
    assert!(!shows(
        &baseline().feel(Feeling::AchingThrobbing),
        "arthritis"
    ));
}

#[test]
fn cause_exertion_shown_for_long_standing_or_exercise() {
    assert!(shows(
        &baseline().factor(Factor::LongStandingOrExercise),
        "exertion"
    ));
    assert!(!shows(&baseline().factor(Factor::LongSitting), "exertion"));
}

#[test]
fn cause_dehydration_shown_for_little_water() {
    assert!(shows(
        &baseline().factor(Factor::LittleWater),
        "dehydration"
    ));
    assert!(!shows(&baseline().feel(Feeling::Cramp), "dehydration"));
}

#[test]
fn cause_circulation_shown_for_long_sitting() {
    assert!(shows(
        &baseline().factor(Factor::LongSitting),
        "circulation"
    ));
    assert!(!shows(
        &baseline().factor(Factor::LongStandingOrExercise),
        "circulation"
    ));
}

// ---- Contract data ----

#[test]
fn questions_are_the_spec_fields_and_values_in_form_order() {
    let fields: Vec<_> = QUESTIONS
        .iter()
        .map(|q| (q.section, q.field, q.kind, q.values))
        .collect();
    let yes_no: &[&str] = &["yes", "no"];
    assert_eq!(
        fields,
        [
            ("warning_signs", "one_leg_signs", Kind::YesNo, yes_no),
            ("warning_signs", "breathless", Kind::YesNo, yes_no),
            ("warning_signs", "numbness", Kind::YesNo, yes_no),
            ("warning_signs", "skin_changes", Kind::YesNo, yes_no),
            ("warning_signs", "injury", Kind::YesNo, yes_no),
            (
                "about_the_pain",
                "severity",
                Kind::OneOf,
                &["mild", "moderate", "severe"][..]
            ),
            (
                "about_the_pain",
                "onset",
                Kind::OneOf,
                &["days", "weeks", "months"][..]
            ),
            (
                "about_the_pain",
                "frequency",
                Kind::OneOf,
                &["occasional", "most_nights"][..]
            ),
            (
                "about_the_pain",
                "course",
                Kind::OneOf,
                &["better", "same", "worse"][..]
            ),
            (
                "about_the_pain",
                "sleep_impact",
                Kind::OneOf,
                &["little", "some", "a_lot"][..]
            ),
            (
                "about_the_pain",
                "home_care",
                Kind::OneOf,
                &["not_tried", "helped", "not_helped"][..]
            ),
            (
                "anything_else",
                "feelings",
                Kind::AnyOf,
                &[
                    "cramp",
                    "urge_to_move",
                    "burning_tingling",
                    "shooting_from_back",
                    "aching_throbbing",
                    "heaviness",
                    "joint_stiffness"
                ][..]
            ),
            (
                "anything_else",
                "conditions",
                Kind::AnyOf,
                &[
                    "diabetes",
                    "heart_disease",
                    "blood_clot_history",
                    "varicose_veins",
                    "arthritis"
                ][..]
            ),
            (
                "anything_else",
                "factors",
                Kind::AnyOf,
                &[
                    "long_standing_or_exercise",
                    "long_sitting",
                    "little_water",
                    "smoking"
                ][..]
            ),
        ]
    );
    assert_eq!(question("severity").map(|q| q.field), Some("severity"));
    assert_eq!(question("nope"), None);
    let sections: Vec<_> = sections()
        .into_iter()
        .map(|(s, qs)| (s, qs.len()))
        .collect();
    assert_eq!(
        sections,
        [
            ("warning_signs", 5),
            ("about_the_pain", 6),
            ("anything_else", 3)
        ]
    );
}

#[test]
fn rules_are_the_spec_codes_in_order_with_their_levels_sources_and_links() {
    let table: Vec<_> = RULES.iter().map(|r| (r.code, r.level)).collect();
    use Urgency::*;
    assert_eq!(
        table,
        [
            ("E1", Emergency),
            ("E2", Emergency),
            ("U1", Urgent),
            ("U2", Urgent),
            ("U3", Urgent),
            ("U4", Urgent),
            ("U5", Urgent),
            ("R1", Routine),
            ("R2", Routine),
            ("R4", Routine),
            ("R5", Routine),
            ("R6", Routine),
            ("R7", Routine),
            ("R8", Routine),
            ("S0", SelfCare),
        ]
    );
    for r in RULES {
        assert!(
            !r.sources.is_empty() && r.sources.iter().all(|s| ["000", "001"].contains(s)),
            "{}",
            r.code
        );
        assert!(
            r.link.starts_with('/') && r.link.contains('#'),
            "{}: {}",
            r.code,
            r.link
        );
        assert_eq!(rule(r.code), Some(r));
    }
    assert_eq!(rule("R9"), None);
    // Only S0 is not a warning sign; the signs of each level are its rules.
    assert_eq!(
        RULES
            .iter()
            .filter(|r| !r.is_sign())
            .map(|r| r.code)
            .collect::<Vec<_>>(),
        ["S0"]
    );
    assert_eq!(
        signs(Emergency).map(|r| r.code).collect::<Vec<_>>(),
        ["E1", "E2"]
    );
    assert_eq!(signs(SelfCare).count(), 0);
}

#[test]
fn causes_are_the_spec_ids_with_their_anchors() {
    let expected = [
        ("dvt", "deep-vein-thrombosis"),
        ("cramps", "nighttime-leg-cramps"),
        ("rls", "restless-legs-syndrome"),
        ("nerve_compression", "nerve-compression"),
        ("neuropathy", "peripheral-neuropathy"),
        ("pad", "peripheral-artery-disease"),
        ("varicose_veins", "varicose-veins"),
        ("arthritis", "arthritis"),
        ("exertion", "physical-exertion"),
        ("dehydration", "dehydration-and-minerals"),
        ("circulation", "poor-circulation"),
    ];
    let actual: Vec<_> = CAUSES.iter().map(|c| (c.id, c.anchor)).collect();
    assert_eq!(actual, expected);
    assert_eq!(CAUSES[0].path(), "/causes#deep-vein-thrombosis");
    assert_eq!(
        cause("pad").map(|c| c.anchor),
        Some("peripheral-artery-disease")
    );
}

#[test]
fn urgency_levels_are_ordered_and_named() {
    let names: Vec<_> = Urgency::ALL.iter().map(|u| u.as_str()).collect();
    assert_eq!(names, ["self_care", "routine", "urgent", "emergency"]);
    assert!(Urgency::SelfCare < Urgency::Routine && Urgency::Routine < Urgency::Urgent);
    assert!(Urgency::Urgent < Urgency::Emergency);
    assert_eq!(Urgency::from_name("urgent"), Some(Urgency::Urgent));
    assert_eq!(Urgency::from_name("soon"), None);
    let cards: Vec<_> = Urgency::ALL.iter().map(|u| u.card().name()).collect();
    assert_eq!(cards, ["self-care", "non-urgent", "urgent", "emergency"]);
}

// ---- Parsing ----

fn all_pairs() -> Vec<(&'static str, &'static str)> {
    baseline().feel(Feeling::Cramp).to_pairs()
}

#[test]
fn form_with_each_required_field_missing_errors_on_that_field() {
    for q in QUESTIONS {
        let pairs = all_pairs().into_iter().filter(|(f, _)| *f != q.field);
        match Submission::from_pairs(pairs).parse() {
            // Only the checkbox groups may be left out.
            Ok(_) => assert_eq!(q.kind, Kind::AnyOf, "{} may not be left out", q.field),
            Err(errors) => assert_eq!(
                errors.0,
                [FieldError {
                    field: q.field,
                    problem: Problem::Missing
                }]
            ),
        }
    }
}

#[test]
fn an_empty_value_counts_as_missing() {
    let pairs = all_pairs()
        .into_iter()
        .map(|(f, v)| if f == "onset" { (f, "") } else { (f, v) });
    let errors = Submission::from_pairs(pairs).parse().unwrap_err();
    assert_eq!(errors.get("onset"), Some(Problem::Missing));
}

#[test]
fn an_empty_form_reports_every_required_field_in_order() {
    let errors = Submission::from_pairs(Vec::<(String, String)>::new())
        .parse()
        .unwrap_err();
    let fields: Vec<_> = errors.0.iter().map(|e| e.field).collect();
    let required: Vec<_> = QUESTIONS
        .iter()
        .filter(|q| q.kind != Kind::AnyOf)
        .map(|q| q.field)
        .collect();
    assert_eq!(fields, required);
    assert!(errors.0.iter().all(|e| e.problem == Problem::Missing));
}

#[test]
fn an_unknown_value_is_an_error_on_its_field() {
    let mut pairs = all_pairs();
    pairs.retain(|(f, _)| *f != "severity" && *f != "breathless");
    pairs.extend([
        ("severity", "awful"),
        ("breathless", "maybe"),
        ("feelings", "itchy"),
    ]);
    let errors = Submission::from_pairs(pairs).parse().unwrap_err();
    assert_eq!(errors.get("breathless"), Some(Problem::NotAnOption));
    assert_eq!(errors.get("severity"), Some(Problem::NotAnOption));
    assert_eq!(errors.get("feelings"), Some(Problem::NotAnOption));
    let fields: Vec<_> = errors.0.iter().map(|e| e.field).collect();
    assert_eq!(fields, ["breathless", "severity", "feelings"]);
}

#[test]
fn unknown_field_names_are_ignored() {
    let mut pairs: Vec<(String, String)> = all_pairs()
        .into_iter()
        .map(|(f, v)| (f.into(), v.into()))
        .collect();
    pairs.push(("csrf".into(), "x".into()));
    pairs.push(("Severity".into(), "bogus".into()));
    let submission = Submission::from_pairs(pairs);
    assert_eq!(submission.values("csrf").count(), 0);
    assert_eq!(submission.parse(), Ok(baseline().feel(Feeling::Cramp)));
}

#[test]
fn a_radio_sent_twice_with_different_values_is_an_error() {
    let mut pairs = all_pairs();
    pairs.push(("severity", "severe"));
    let errors = Submission::from_pairs(pairs).parse().unwrap_err();
    assert_eq!(errors.get("severity"), Some(Problem::MoreThanOne));
    // The same value twice, and duplicates in a group, are fine.
    let mut pairs = all_pairs();
    pairs.extend([
        ("severity", "mild"),
        ("feelings", "cramp"),
        ("feelings", "cramp"),
    ]);
    assert!(Submission::from_pairs(pairs).parse().is_ok());
}

#[test]
fn a_submission_keeps_what_was_sent_for_redisplay() {
    let pairs = [
        ("severity", "awful"),
        ("feelings", "cramp"),
        ("feelings", "heaviness"),
        ("other", "x"),
    ];
    let submission = Submission::from_pairs(pairs);
    assert_eq!(submission.values("severity").collect::<Vec<_>>(), ["awful"]);
    assert_eq!(
        submission.values("feelings").collect::<Vec<_>>(),
        ["cramp", "heaviness"]
    );
    assert!(submission.is_checked("feelings", "heaviness"));
    assert!(!submission.is_checked("feelings", "cramps"));
    assert_eq!(
        submission.values("other").count() + submission.values("onset").count(),
        0
    );
}

#[test]
fn json_with_the_right_shape_parses() {
    let a = baseline()
        .feel(Feeling::UrgeToMove)
        .set(|a| a.one_leg_signs = true);
    assert_eq!(from_json(&to_json(&a)), Ok(a));
    // Missing or null groups are empty.
    let mut body = to_json(&baseline());
    body.as_object_mut().map(|m| m.remove("feelings"));
    body["factors"] = Value::Null;
    assert_eq!(from_json(&body), Ok(baseline()));
}

#[test]
fn json_with_wrong_types_errors_on_each_field() {
    let mut body = to_json(&baseline());
    body["one_leg_signs"] = json!("yes");
    body["severity"] = json!(3);
    body["onset"] = json!({"days": true});
    body["course"] = json!("awful");
    body["feelings"] = json!("cramp");
    body["conditions"] = json!([1]);
    body["factors"] = json!(["smoking", "jogging"]);
    body.as_object_mut().map(|m| m.remove("injury"));
    let errors = from_json(&body).unwrap_err();
    let found: Vec<_> = errors.0.iter().map(|e| (e.field, e.problem)).collect();
    assert_eq!(
        found,
        [
            ("one_leg_signs", Problem::WrongType(JsonType::String)),
            ("injury", Problem::Missing),
            ("severity", Problem::WrongType(JsonType::Number)),
            ("onset", Problem::WrongType(JsonType::Object)),
            ("course", Problem::NotAnOption),
            ("feelings", Problem::WrongType(JsonType::String)),
            ("conditions", Problem::NotAnOption),
            ("factors", Problem::NotAnOption),
        ]
    );
}

#[test]
fn json_that_is_not_an_object_is_one_error() {
    for body in ["[]", "\"x\"", "null", "1", "true"] {
        let errors = JsonBody::parse(body.as_bytes())
            .unwrap()
            .answers()
            .unwrap_err();
        assert_eq!(
            errors.0,
            [FieldError {
                field: "",
                problem: Problem::NotAnObject
            }],
            "{body}"
        );
    }
    assert!(JsonBody::parse(b"{not json").is_err());
}

#[test]
fn a_json_field_given_twice_is_refused_by_name() {
    let mut text = to_json(&baseline()).to_string();
    text.insert_str(1, "\"severity\": \"severe\", ");
    let body = JsonBody::parse(text.as_bytes()).unwrap();
    let errors = body.answers().unwrap_err();
    assert_eq!(
        errors.0,
        [FieldError {
            field: "severity",
            problem: Problem::Duplicate
        }]
    );
    // serde_json alone would quietly have kept the last value.
    assert_eq!(body.member("severity"), Err(Duplicate));
}

// ---- Home-care tips, one test per condition ----

fn tip_ids(a: &Answers) -> Vec<&'static str> {
    assess(a).tips.iter().map(|t| t.id).collect()
}

const EVERY_DAY_TIPS: &[&str] = &[
    "stretch",
    "massage",
    "warmth",
    "cold",
    "water",
    "move",
    "pain_relief",
];

#[test]
fn tips_are_shown_on_self_care_and_routine_results_only() {
    assert_eq!(tip_ids(&baseline()), EVERY_DAY_TIPS, "self-care");
    assert_eq!(
        tip_ids(&baseline().set(|a| a.severity = Severity::Severe)),
        EVERY_DAY_TIPS,
        "routine"
    );
    // Near misses: urgent and emergency results list none.
    assert!(
        tip_ids(&baseline().set(|a| a.numbness = true)).is_empty(),
        "urgent"
    );
    assert!(
        tip_ids(&baseline().set(|a| a.one_leg_signs = true)).is_empty(),
        "emergency"
    );
    assert!(home_care_shown(Urgency::Routine) && !home_care_shown(Urgency::Urgent));
}

#[test]
fn tip_raise_legs_only_for_varicose_veins_without_pad() {
    let varicose = baseline().with(Condition::VaricoseVeins);
    assert!(tip_ids(&varicose).contains(&"raise_legs"));
    assert_eq!(tip_ids(&varicose).last(), Some(&"raise_legs"));
    // Near misses: no varicose veins; varicose veins with a possible PAD (either way PAD shows).
    assert!(!tip_ids(&baseline()).contains(&"raise_legs"));
    let smoker = varicose
        .clone()
        .feel(Feeling::AchingThrobbing)
        .factor(Factor::Smoking);
    assert!(shows(&smoker, "pad") && !tip_ids(&smoker).contains(&"raise_legs"));
    let heavy = varicose
        .clone()
        .feel(Feeling::Heaviness)
        .set(|a| a.frequency = Frequency::MostNights);
    assert!(shows(&heavy, "pad") && !tip_ids(&heavy).contains(&"raise_legs"));
    // Varicose veins on an urgent result: no home care at all.
    assert!(tip_ids(&varicose.set(|a| a.course = Course::Worse)).is_empty());
}

#[test]
fn tips_are_the_spec_ids_in_order() {
    let ids: Vec<_> = TIPS.iter().map(|t| t.id).collect();
    assert_eq!(
        ids,
        [
            "stretch",
            "massage",
            "warmth",
            "cold",
            "water",
            "move",
            "pain_relief",
            "raise_legs"
        ]
    );
    for t in TIPS {
        assert!(
            !t.sources.is_empty() && t.sources.iter().all(|s| ["000", "001"].contains(s)),
            "{}",
            t.id
        );
    }
}

// ---- Worked cases from tests/data/triage_cases.toml ----

#[test]
fn worked_cases_match_their_hand_worked_results() {
    let cases = worked_cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    for case in &cases {
        let answers = case
            .parsed()
            .unwrap_or_else(|e| panic!("{}: {e:?}", case.story));
        // The same answers posted as a form give the same result.
        assert_eq!(
            form(&answers).parse().as_ref(),
            Ok(&answers),
            "{}",
            case.story
        );
        let result = assess(&answers);
        assert_eq!(
            result.urgency.as_str(),
            case.expect_urgency,
            "{}",
            case.story
        );
        assert_eq!(codes(&answers), case.expect_rules, "{}", case.story);
        assert_eq!(cause_ids(&answers), case.expect_causes, "{}", case.story);
        assert_eq!(tip_ids(&answers), case.expect_tips, "{}", case.story);
    }
}

#[test]
fn worked_cases_cover_every_level_rule_cause_and_tip() {
    let cases = worked_cases();
    for level in Urgency::ALL {
        let count = cases
            .iter()
            .filter(|c| c.expect_urgency == level.as_str())
            .count();
        assert!(count >= 3, "{} has {count} cases", level.as_str());
    }
    for r in RULES {
        assert!(
            cases
                .iter()
                .any(|c| c.expect_rules.iter().any(|x| x == r.code)),
            "{}",
            r.code
        );
    }
    for cause in CAUSES {
        assert!(
            cases
                .iter()
                .any(|c| c.expect_causes.iter().any(|x| x == cause.id)),
            "{}",
            cause.id
        );
    }
    for tip in TIPS {
        assert!(
            cases
                .iter()
                .any(|c| c.expect_tips.iter().any(|x| x == tip.id)),
            "{}",
            tip.id
        );
    }
    // What /check/how-it-works publishes agrees.
    let c = coverage();
    assert_eq!(c.cases, cases.len());
    assert_eq!(
        (c.rules, c.causes, c.tips),
        (
            (RULES.len(), RULES.len()),
            (CAUSES.len(), CAUSES.len()),
            (TIPS.len(), TIPS.len())
        )
    );
}

// ---- Properties ----

fn any_set<T: Copy + Ord + std::fmt::Debug + 'static>(
    all: &'static [T],
) -> impl Strategy<Value = BTreeSet<T>> {
    proptest::sample::subsequence(all.to_vec(), 0..=all.len()).prop_map(|v| v.into_iter().collect())
}

fn any_of<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(all)
}

fn any_answers() -> impl Strategy<Value = Answers> {
    let pain = (
        any_of(Severity::ALL),
        any_of(Onset::ALL),
        any_of(Frequency::ALL),
    );
    let more = (
        any_of(Course::ALL),
        any_of(SleepImpact::ALL),
        any_of(HomeCare::ALL),
    );
    let groups = (
        any_set(Feeling::ALL),
        any_set(Condition::ALL),
        any_set(Factor::ALL),
    );
    (any::<[bool; 5]>(), pain, more, groups).prop_map(|(signs, pain, more, groups)| {
        let [one_leg_signs, breathless, numbness, skin_changes, injury] = signs;
        let ((severity, onset, frequency), (course, sleep_impact, home_care)) = (pain, more);
        let (feelings, conditions, factors) = groups;
        Answers {
            one_leg_signs,
            breathless,
            numbness,
            skin_changes,
            injury,
            severity,
            onset,
            frequency,
            course,
            sleep_impact,
            home_care,
            feelings,
            conditions,
            factors,
        }
    })
}

/// A change to the answers that can make a rule fire.
type Trigger = (&'static str, fn(&mut Answers));

/// Each change that can trigger a single rule, plus group values that trigger none.
const TRIGGERS: &[Trigger] = &[
    ("sleep a lot", |a| a.sleep_impact = SleepImpact::ALot),
    ("severe", |a| a.severity = Severity::Severe),
    ("worse", |a| a.course = Course::Worse),
    ("not helped", |a| a.home_care = HomeCare::NotHelped),
    ("most nights", |a| a.frequency = Frequency::MostNights),
    ("diabetes", |a| _ = a.conditions.insert(Condition::Diabetes)),
    ("heart disease", |a| {
        _ = a.conditions.insert(Condition::HeartDisease)
    }),
    ("blood clot", |a| {
        _ = a.conditions.insert(Condition::BloodClotHistory)
    }),
    ("varicose veins", |a| {
        _ = a.conditions.insert(Condition::VaricoseVeins)
    }),
    ("arthritis", |a| {
        _ = a.conditions.insert(Condition::Arthritis)
    }),
    ("urge to move", |a| {
        _ = a.feelings.insert(Feeling::UrgeToMove)
    }),
    ("cramp", |a| _ = a.feelings.insert(Feeling::Cramp)),
    ("heavy legs", |a| _ = a.feelings.insert(Feeling::Heaviness)),
    ("aching", |a| {
        _ = a.feelings.insert(Feeling::AchingThrobbing)
    }),
    ("smoking", |a| _ = a.factors.insert(Factor::Smoking)),
];

fn any_json() -> impl Strategy<Value = Value> {
    let field = prop_oneof![
        proptest::sample::select(
            QUESTIONS
                .iter()
                .map(|q| q.field.to_string())
                .collect::<Vec<_>>()
        ),
        ".{0,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop_oneof![
            Just("yes".to_string()),
            Just("a_lot".to_string()),
            Just("cramp".to_string()),
            ".{0,12}"
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 32, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((field.clone(), inner), 0..16)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// A form pair: mostly real field names and values, some arbitrary text.
fn any_pair() -> impl Strategy<Value = (String, String)> {
    let fields: Vec<String> = QUESTIONS.iter().map(|q| q.field.to_string()).collect();
    let field = prop_oneof![proptest::sample::select(fields), ".{0,10}"];
    let value = prop_oneof![
        Just("yes".to_string()),
        Just("mild".to_string()),
        Just("cramp".to_string()),
        Just(String::new()),
        ".{0,10}",
    ];
    (field, value)
}

proptest! {
    #[test]
    fn assess_never_panics_and_the_highest_fired_level_wins(a in any_answers()) {
        let result = assess(&a);
        prop_assert!(!result.fired.is_empty());
        prop_assert_eq!(Some(result.urgency), result.fired.iter().map(|r| r.level).max());
        let only_s0 = result.fired.len() == 1 && result.fired[0].code == "S0";
        prop_assert!(only_s0 || result.fired.iter().all(|r| r.code != "S0"));
    }

    #[test]
    fn adding_a_warning_sign_never_lowers_the_urgency(a in any_answers(), sign in 0..5usize) {
        let mut raised = a.clone();
        let signs = [
            &mut raised.one_leg_signs,
            &mut raised.breathless,
            &mut raised.numbness,
            &mut raised.skin_changes,
            &mut raised.injury,
        ];
        *signs[sign] = true;
        prop_assert!(assess(&raised).urgency >= assess(&a).urgency);
        prop_assert!(assess(&raised).urgency >= Urgency::Urgent);
    }

    #[test]
    fn smoking_never_lowers_the_urgency(a in any_answers()) {
        let mut smoker = a.clone();
        smoker.factors.insert(Factor::Smoking);
        prop_assert!(assess(&smoker).urgency >= assess(&a).urgency);
    }

    #[test]
    fn a_worse_course_never_lowers_the_urgency_and_is_at_least_urgent(a in any_answers()) {
        let mut worse = a.clone();
        worse.course = Course::Worse;
        prop_assert!(assess(&worse).urgency >= assess(&a).urgency);
        prop_assert!(assess(&worse).urgency >= Urgency::Urgent);
    }

    #[test]
    fn raise_legs_is_never_advised_when_pad_is_possible(a in any_answers()) {
        let result = assess(&a);
        let advised = result.tips.iter().any(|t| t.id == "raise_legs");
        prop_assert!(!(advised && result.causes.iter().any(|c| c.id == "pad")));
        prop_assert!(!advised || result.urgency <= Urgency::Routine);
    }

    #[test]
    fn adding_a_rule_trigger_never_lowers_the_urgency(
        a in any_answers(),
        (name, change) in any_of(TRIGGERS),
    ) {
        let mut raised = a.clone();
        change(&mut raised);
        prop_assert!(assess(&raised).urgency >= assess(&a).urgency, "{}", name);
    }

    #[test]
    fn parsing_a_form_never_panics(pairs in proptest::collection::vec(any_pair(), 0..40)) {
        let submission = Submission::from_pairs(pairs.clone());
        let _ = submission.parse();
        for (field, value) in &pairs {
            if question(field).is_some() {
                prop_assert!(submission.is_checked(field, value));
            }
        }
    }

    #[test]
    fn parsing_json_never_panics(body in any_json()) {
        if let Err(errors) = from_json(&body) {
            prop_assert!(!errors.0.is_empty());
        }
    }

    #[test]
    fn answers_round_trip_through_the_form_and_json(a in any_answers()) {
        prop_assert_eq!(form(&a).parse(), Ok(a.clone()));
        prop_assert_eq!(from_json(&to_json(&a)), Ok(a));
    }
}
