//! The symptom check against `docs/triage-spec.md` (version 3): one test per
//! rule (named by its code, as the hazard log names them), per cause, per
//! home-care step and per condition that leaves a step out, each with near
//! misses; the two steps of the form and the API; the worked cases; and
//! property tests of the spec's invariants over every combination of the
//! five warning signs.

use std::collections::BTreeSet;
use std::fmt::Debug;

use proptest::prelude::*;
use serde_json::{Value, json};

use super::*;

// ---- Answers and their builders ----

/// Every answer given, every warning sign `no`: fires S0 alone, shows no
/// cause and leaves no home-care step out.
fn baseline() -> Answers {
    Answers {
        one_leg_signs: Some(Sign::No),
        breathless: Some(Sign::No),
        numbness: Some(Sign::No),
        skin_changes: Some(Sign::No),
        injury: Some(Sign::No),
        severity: Some(Severity::Mild),
        onset: Some(Onset::Weeks),
        frequency: Some(Frequency::Occasional),
        course: Some(Course::Same),
        sleep_impact: Some(SleepImpact::Little),
        home_care: Some(HomeCare::Helped),
        feelings: BTreeSet::new(),
        conditions: BTreeSet::new(),
        factors: BTreeSet::new(),
    }
}

/// The baseline with pain for more than a month: a condition then fires R6
/// without U4 ("new or worsening").
fn long_standing() -> Answers {
    baseline().set(|a| a.onset = Some(Onset::Months))
}

/// The baseline with severe pain: a routine result (R2) that nothing else touches.
fn routine() -> Answers {
    baseline().set(|a| a.severity = Some(Severity::Severe))
}

/// The baseline with pain on most nights (home care helped, so no R5).
fn most_nights() -> Answers {
    baseline().set(|a| a.frequency = Some(Frequency::MostNights))
}

/// The warning signs, in form order.
const SIGN_FIELDS: [&str; 5] = [
    "one_leg_signs",
    "breathless",
    "numbness",
    "skin_changes",
    "injury",
];

/// The two warning signs whose `yes` is an emergency.
const EMERGENCY_SIGNS: [&str; 2] = ["one_leg_signs", "breathless"];

/// The step-2 questions that must be answered, in form order.
const DETAIL_FIELDS: [&str; 6] = [
    "severity",
    "onset",
    "frequency",
    "course",
    "sleep_impact",
    "home_care",
];

fn sign_mut<'a>(a: &'a mut Answers, field: &str) -> &'a mut Option<Sign> {
    match field {
        "one_leg_signs" => &mut a.one_leg_signs,
        "breathless" => &mut a.breathless,
        "numbness" => &mut a.numbness,
        "skin_changes" => &mut a.skin_changes,
        "injury" => &mut a.injury,
        _ => panic!("{field} is not a warning sign"),
    }
}

fn sign_of(a: &Answers, field: &str) -> Option<Sign> {
    *sign_mut(&mut a.clone(), field)
}

fn with_signs(mut a: Answers, signs: [Sign; 5]) -> Answers {
    for (field, sign) in SIGN_FIELDS.iter().zip(signs) {
        *sign_mut(&mut a, field) = Some(sign);
    }
    a
}

/// Small builders so each test reads as "the baseline, plus what the rule needs".
impl Answers {
    fn set(mut self, change: impl FnOnce(&mut Self)) -> Self {
        change(&mut self);
        self
    }
    fn sign(mut self, field: &str, value: Sign) -> Self {
        *sign_mut(&mut self, field) = Some(value);
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

/// Only the warning sign `field` answered, with `value`; nothing else.
fn only_sign(field: &str, value: Sign) -> Answers {
    Answers::default().sign(field, value)
}

/// Every one of the 3^5 = 243 ways to answer the five warning signs.
fn every_sign_combination() -> Vec<[Sign; 5]> {
    (0..243)
        .map(|mut n: usize| {
            let mut signs = [Sign::No; 5];
            for sign in &mut signs {
                *sign = Sign::ALL[n % 3];
                n /= 3;
            }
            signs
        })
        .collect()
}

// ---- What an assessment shows ----

fn codes(a: &Answers) -> Vec<&'static str> {
    assess(a).fired.iter().map(|r| r.code).collect()
}

fn fires(a: &Answers, code: &str) -> bool {
    codes(a).contains(&code)
}

fn level(a: &Answers) -> Urgency {
    assess(a).urgency
}

fn cause_ids(a: &Answers) -> Vec<&'static str> {
    assess(a).causes.iter().map(|c| c.id).collect()
}

fn shows(a: &Answers, id: &str) -> bool {
    cause_ids(a).contains(&id)
}

fn tip_ids(a: &Answers) -> Vec<&'static str> {
    assess(a).tips.iter().map(|t| t.id).collect()
}

fn withheld_ids(a: &Answers) -> Vec<&'static str> {
    assess(a).withheld.iter().map(|t| t.id).collect()
}

fn tip(id: &str) -> &'static Tip {
    TIPS.iter()
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("no tip {id}"))
}

/// Asserts that exactly `code` fired and the result is that rule's level.
#[track_caller]
fn assert_only(a: &Answers, code: &str, level: Urgency) {
    assert_eq!(codes(a), [code], "{a:?}");
    assert_eq!(assess(a).urgency, level, "{a:?}");
    assert_eq!(rule(code).map(|r| r.level), Some(level));
}

// ---- Encodings: the form and the JSON API ----

fn form(a: &Answers) -> Submission {
    Submission::from_pairs(a.to_pairs())
}

fn parse_pairs(pairs: &[(&str, &str)]) -> Parsed {
    Submission::from_pairs(pairs.iter().copied()).parse()
}

/// Parses a JSON API body as the API does.
fn from_json(value: &Value) -> Parsed {
    JsonBody::parse(value.to_string().as_bytes())
        .expect("valid JSON")
        .answers()
}

/// The JSON API body for these answers: `true`/`false` (or `"unsure"`) for
/// the warning signs when `booleans`, otherwise `"yes"`/`"no"`/`"unsure"`;
/// a question not answered is left out.
fn to_json_with(a: &Answers, booleans: bool) -> Value {
    let mut map = serde_json::Map::new();
    for q in QUESTIONS {
        let values: Vec<&str> = a
            .to_pairs()
            .into_iter()
            .filter(|(f, _)| *f == q.field)
            .map(|(_, v)| v)
            .collect();
        let value = match (q.kind, values.as_slice()) {
            (Kind::AnyOf, _) => json!(values),
            (_, []) => continue,
            (Kind::Sign, ["yes"]) if booleans => json!(true),
            (Kind::Sign, ["no"]) if booleans => json!(false),
            (_, [one]) => json!(one),
            (_, more) => panic!("{} holds {more:?}", q.field),
        };
        map.insert(q.field.into(), value);
    }
    Value::Object(map)
}

fn to_json(a: &Answers) -> Value {
    to_json_with(a, true)
}

/// A JSON object's text with its members in order, duplicates kept
/// (`serde_json::Map` would keep only the last).
fn object_text(members: &[(String, Value)]) -> String {
    let members: Vec<String> = members
        .iter()
        .map(|(k, v)| format!("{}:{v}", Value::String(k.clone())))
        .collect();
    format!("{{{}}}", members.join(","))
}

fn parse_json_text(text: &str) -> Parsed {
    JsonBody::parse(text.as_bytes())
        .expect("valid JSON")
        .answers()
}

// ---- The baseline ----

#[test]
fn baseline_fires_only_s0_and_shows_no_cause() {
    assert_only(&baseline(), "S0", Urgency::SelfCare);
    assert!(cause_ids(&baseline()).is_empty());
    assert!(withheld_ids(&baseline()).is_empty());
    assert!(assess(&baseline()).complete());
    // The builders' other starting points change only what they say.
    assert_only(&long_standing(), "S0", Urgency::SelfCare);
    assert_only(&most_nights(), "S0", Urgency::SelfCare);
    assert_only(&routine(), "R2", Urgency::Routine);
}

#[test]
fn every_sign_combination_is_each_of_the_243_once() {
    let all = every_sign_combination();
    assert_eq!(all.len(), 243);
    assert_eq!(all.iter().collect::<BTreeSet<_>>().len(), 243);
    let fields: Vec<_> = QUESTIONS
        .iter()
        .filter(|q| q.is_sign())
        .map(|q| q.field)
        .collect();
    assert_eq!(fields, SIGN_FIELDS);
    let details: Vec<_> = QUESTIONS
        .iter()
        .filter(|q| q.is_required() && !q.is_sign())
        .map(|q| q.field)
        .collect();
    assert_eq!(details, DETAIL_FIELDS);
}

// ---- One test per rule, named by its code ----

#[test]
fn e1_one_leg_signs_is_an_emergency() {
    assert_only(
        &baseline().sign("one_leg_signs", Sign::Yes),
        "E1",
        Urgency::Emergency,
    );
    // Near misses: not sure is urgent (U6), not an emergency; no fires nothing.
    assert_only(
        &baseline().sign("one_leg_signs", Sign::Unsure),
        "U6",
        Urgency::Urgent,
    );
    assert_only(&baseline(), "S0", Urgency::SelfCare);
    // The answer alone, with nothing else answered, is already the emergency.
    let alone = only_sign("one_leg_signs", Sign::Yes);
    assert_eq!(codes(&alone), ["E1"]);
    assert_eq!(level(&alone), Urgency::Emergency);
    assert!(!assess(&alone).complete());
}

#[test]
fn e2_breathless_is_an_emergency() {
    assert_only(
        &baseline().sign("breathless", Sign::Yes),
        "E2",
        Urgency::Emergency,
    );
    assert_only(
        &baseline().sign("breathless", Sign::Unsure),
        "U6",
        Urgency::Urgent,
    );
    let alone = only_sign("breathless", Sign::Yes);
    assert_eq!(codes(&alone), ["E2"]);
    assert_eq!(level(&alone), Urgency::Emergency);
    // Both emergency signs: both rules, one level.
    let both = alone.sign("one_leg_signs", Sign::Yes);
    assert_eq!(codes(&both), ["E1", "E2"]);
}

#[test]
fn u1_numbness_or_a_burning_tingling_feeling_is_urgent() {
    assert_only(
        &baseline().sign("numbness", Sign::Yes),
        "U1",
        Urgency::Urgent,
    );
    // Tingling ticked as a feeling counts like tingling answered in the question.
    assert_only(
        &baseline().feel(Feeling::BurningTingling),
        "U1",
        Urgency::Urgent,
    );
    assert_only(
        &baseline()
            .sign("numbness", Sign::Yes)
            .feel(Feeling::BurningTingling),
        "U1",
        Urgency::Urgent,
    );
    // Near misses: not sure about numbness is R9 (routine); no other feeling fires U1.
    let unsure = baseline().sign("numbness", Sign::Unsure);
    assert_only(&unsure, "R9", Urgency::Routine);
    let others = Feeling::ALL
        .iter()
        .filter(|f| **f != Feeling::BurningTingling);
    let near = others.fold(baseline(), |a, f| a.feel(*f));
    assert!(!fires(&near, "U1"), "{:?}", codes(&near));
    assert!(level(&near) < Urgency::Urgent);
}

#[test]
fn u2_skin_changes_is_urgent() {
    assert_only(
        &baseline().sign("skin_changes", Sign::Yes),
        "U2",
        Urgency::Urgent,
    );
    assert_only(
        &baseline().sign("skin_changes", Sign::Unsure),
        "R9",
        Urgency::Routine,
    );
}

#[test]
fn u3_injury_is_urgent() {
    assert_only(&baseline().sign("injury", Sign::Yes), "U3", Urgency::Urgent);
    assert_only(
        &baseline().sign("injury", Sign::Unsure),
        "R9",
        Urgency::Routine,
    );
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
                .set(|a| (a.onset, a.course) = (Some(onset), Some(course)));
            assert!(fires(&a, "U4"), "{condition:?} {onset:?} {course:?}");
            assert_eq!(level(&a), Urgency::Urgent);
        }
        // Near miss: pain for months and unchanged is not "new or worsening".
        let a = long_standing().with(condition);
        assert!(!fires(&a, "U4"), "{condition:?}");
        // Near miss: onset not answered and the course not worse.
        let a = baseline().with(condition).set(|a| a.onset = None);
        assert!(!fires(&a, "U4"), "{condition:?}");
    }
    // Near miss: other conditions never trigger U4, even with new, worsening pain.
    for condition in [VaricoseVeins, Arthritis] {
        let a = baseline()
            .with(condition)
            .set(|a| (a.onset, a.course) = (Some(Onset::Days), Some(Course::Worse)));
        assert!(!fires(&a, "U4"), "{condition:?}");
    }
    // Diabetes, months and unchanged: R6 only, so routine.
    assert_only(&long_standing().with(Diabetes), "R6", Urgency::Routine);
}

#[test]
fn u5_worsening_pain_is_urgent() {
    let a = baseline().set(|a| a.course = Some(Course::Worse));
    assert_only(&a, "U5", Urgency::Urgent);
    // Near misses: better, or about the same.
    for course in [Course::Better, Course::Same] {
        assert_only(
            &baseline().set(|a| a.course = Some(course)),
            "S0",
            Urgency::SelfCare,
        );
    }
    // Version 1's R3 (worse is routine) is retired, and its code is never reused.
    assert_eq!(rule("R3"), None);
}

#[test]
fn u6_not_sure_about_an_emergency_sign_is_urgent() {
    for field in EMERGENCY_SIGNS {
        assert_only(&baseline().sign(field, Sign::Unsure), "U6", Urgency::Urgent);
        // Not sure with nothing else answered: already urgent.
        assert_eq!(codes(&only_sign(field, Sign::Unsure)), ["U6"]);
    }
    // Both not sure: the rule once.
    let both = baseline()
        .sign("one_leg_signs", Sign::Unsure)
        .sign("breathless", Sign::Unsure);
    assert_only(&both, "U6", Urgency::Urgent);
    // Near misses: not sure about the other signs is R9; yes is an emergency, not U6.
    for field in ["numbness", "skin_changes", "injury"] {
        let a = baseline().sign(field, Sign::Unsure);
        assert!(!fires(&a, "U6"), "{field}");
    }
    for field in EMERGENCY_SIGNS {
        let a = baseline().sign(field, Sign::Yes);
        assert!(!fires(&a, "U6"), "{field}");
    }
}

#[test]
fn r1_sleep_impact_a_lot_is_routine() {
    let a = baseline().set(|a| a.sleep_impact = Some(SleepImpact::ALot));
    assert_only(&a, "R1", Urgency::Routine);
    let near = baseline().set(|a| a.sleep_impact = Some(SleepImpact::Some));
    assert_only(&near, "S0", Urgency::SelfCare);
}

#[test]
fn r2_severe_pain_is_routine() {
    let a = baseline().set(|a| a.severity = Some(Severity::Severe));
    assert_only(&a, "R2", Urgency::Routine);
    let near = baseline().set(|a| a.severity = Some(Severity::Moderate));
    assert_only(&near, "S0", Urgency::SelfCare);
}

#[test]
fn r4_home_care_not_helped_is_routine() {
    let a = baseline().set(|a| a.home_care = Some(HomeCare::NotHelped));
    assert_only(&a, "R4", Urgency::Routine);
    let near = baseline().set(|a| a.home_care = Some(HomeCare::NotTried));
    assert_only(&near, "S0", Urgency::SelfCare);
}

#[test]
fn r5_most_nights_for_a_week_or_more_without_help_is_routine() {
    let chronic = |onset, home_care| {
        most_nights().set(|a| (a.onset, a.home_care) = (Some(onset), Some(home_care)))
    };
    // From one to four weeks ago (version 2 needed more than a month), or longer.
    for onset in [Onset::Weeks, Onset::Months] {
        assert_only(&chronic(onset, HomeCare::NotTried), "R5", Urgency::Routine);
        assert_eq!(codes(&chronic(onset, HomeCare::NotHelped)), ["R4", "R5"]);
        // Near misses: home care helped; only now and then.
        assert!(!fires(&chronic(onset, HomeCare::Helped), "R5"));
        let occasional =
            chronic(onset, HomeCare::NotTried).set(|a| a.frequency = Some(Frequency::Occasional));
        assert_only(&occasional, "S0", Urgency::SelfCare);
    }
    // Near miss: started within the last week.
    assert_only(
        &chronic(Onset::Days, HomeCare::NotTried),
        "S0",
        Urgency::SelfCare,
    );
}

#[test]
fn r6_diabetes_heart_disease_or_a_past_blood_clot_is_routine() {
    use Condition::*;
    for condition in [Diabetes, HeartDisease, BloodClotHistory] {
        assert_only(&long_standing().with(condition), "R6", Urgency::Routine);
    }
    // Near misses: the other conditions.
    for condition in [VaricoseVeins, Arthritis] {
        assert_only(&long_standing().with(condition), "S0", Urgency::SelfCare);
    }
}

#[test]
fn r7_urge_to_move_is_routine() {
    assert_only(
        &baseline().feel(Feeling::UrgeToMove),
        "R7",
        Urgency::Routine,
    );
    // Near miss: every other feeling but burning or tingling (U1), now and then, no risk.
    let others = Feeling::ALL
        .iter()
        .filter(|f| ![Feeling::UrgeToMove, Feeling::BurningTingling].contains(f));
    let near = others.fold(baseline(), |a, f| a.feel(*f));
    assert_only(&near, "S0", Urgency::SelfCare);
}

const PAD_FEELINGS: [Feeling; 4] = [
    Feeling::Heaviness,
    Feeling::Cramp,
    Feeling::AchingThrobbing,
    Feeling::TiredLegs,
];

#[test]
fn r8_possible_pad_is_routine() {
    use Feeling::*;
    for feeling in PAD_FEELINGS {
        // A smoker, or someone who drinks a lot, whose legs cramp, ache, feel heavy or tired.
        for factor in [Factor::Smoking, Factor::Alcohol] {
            let a = baseline().feel(feeling).factor(factor);
            assert_only(&a, "R8", Urgency::Routine);
        }
        // The same feelings with diabetes or heart disease (pain for months, so no U4).
        for condition in [Condition::Diabetes, Condition::HeartDisease] {
            let a = long_standing().feel(feeling).with(condition);
            assert_eq!(codes(&a), ["R6", "R8"], "{feeling:?} {condition:?}");
        }
        // Near misses: the feeling alone, or with something that is not a circulation risk here.
        assert_only(&baseline().feel(feeling), "S0", Urgency::SelfCare);
        for factor in [
            Factor::LongSitting,
            Factor::LittleWater,
            Factor::LongStandingOrExercise,
        ] {
            assert!(
                !fires(&baseline().feel(feeling).factor(factor), "R8"),
                "{feeling:?} {factor:?}"
            );
        }
        for condition in [
            Condition::BloodClotHistory,
            Condition::VaricoseVeins,
            Condition::Arthritis,
        ] {
            assert!(
                !fires(&long_standing().feel(feeling).with(condition), "R8"),
                "{feeling:?} {condition:?}"
            );
        }
    }
    // Heavy or tired legs on most nights, with no risk at all.
    for feeling in [Heaviness, TiredLegs] {
        assert_only(&most_nights().feel(feeling), "R8", Urgency::Routine);
    }
    // Near misses: cramp or ache on most nights without a risk.
    for feeling in [Cramp, AchingThrobbing] {
        assert_only(&most_nights().feel(feeling), "S0", Urgency::SelfCare);
    }
    // Near misses: the risks with other feelings, or alone.
    for feeling in [ShootingFromBack, JointStiffness] {
        let a = baseline()
            .feel(feeling)
            .factor(Factor::Smoking)
            .factor(Factor::Alcohol);
        assert_only(&a, "S0", Urgency::SelfCare);
    }
    assert!(!fires(
        &baseline().feel(UrgeToMove).factor(Factor::Smoking),
        "R8"
    ));
    assert!(!fires(
        &baseline().feel(BurningTingling).factor(Factor::Smoking),
        "R8"
    ));
    assert_only(
        &baseline().factor(Factor::Smoking).factor(Factor::Alcohol),
        "S0",
        Urgency::SelfCare,
    );
    assert!(!fires(&baseline().sign("skin_changes", Sign::Yes), "R8"));
    // R8 fires exactly when the `pad` cause is shown.
    for a in [
        most_nights().feel(TiredLegs),
        baseline().feel(Cramp),
        baseline().feel(Cramp).factor(Factor::Alcohol),
    ] {
        assert_eq!(fires(&a, "R8"), shows(&a, "pad"), "{a:?}");
    }
}

#[test]
fn r9_not_sure_about_numbness_skin_changes_or_injury_is_routine() {
    for field in ["numbness", "skin_changes", "injury"] {
        assert_only(
            &baseline().sign(field, Sign::Unsure),
            "R9",
            Urgency::Routine,
        );
        // Near misses: yes is urgent (U1, U2, U3), not R9; no is nothing.
        let yes = baseline().sign(field, Sign::Yes);
        assert!(
            !fires(&yes, "R9") && level(&yes) == Urgency::Urgent,
            "{field}"
        );
    }
    let all_three = ["numbness", "skin_changes", "injury"]
        .iter()
        .fold(baseline(), |a, f| a.sign(f, Sign::Unsure));
    assert_only(&all_three, "R9", Urgency::Routine);
    // Near miss: not sure about an emergency sign is U6, not R9.
    for field in EMERGENCY_SIGNS {
        assert!(
            !fires(&baseline().sign(field, Sign::Unsure), "R9"),
            "{field}"
        );
    }
}

#[test]
fn s0_nothing_else_is_self_care() {
    assert_only(&baseline(), "S0", Urgency::SelfCare);
    // S0 never shows next to another rule.
    assert_eq!(codes(&routine()), ["R2"]);
    // Nor when a warning sign is yes or not sure, or tingling is ticked as a feeling.
    for field in SIGN_FIELDS {
        for sign in [Sign::Yes, Sign::Unsure] {
            assert!(
                !fires(&baseline().sign(field, sign), "S0"),
                "{field} {sign:?}"
            );
        }
    }
    assert!(!fires(&baseline().feel(Feeling::BurningTingling), "S0"));
    // Nor for pain on most nights for a week or more that home care has not helped.
    let chronic = most_nights().set(|a| a.home_care = Some(HomeCare::NotTried));
    assert!(!fires(&chronic, "S0"));
}

#[test]
fn every_fired_rule_is_listed_in_order_and_the_highest_wins() {
    let a = baseline()
        .sign("injury", Sign::Yes)
        .sign("breathless", Sign::Yes)
        .sign("skin_changes", Sign::Unsure)
        .set(|a| (a.severity, a.course) = (Some(Severity::Severe), Some(Course::Worse)));
    assert_eq!(codes(&a), ["E2", "U3", "U5", "R2", "R9"]);
    assert_eq!(level(&a), Urgency::Emergency);
}

#[test]
fn rules_fire_only_on_answers_given() {
    // Only the warning signs: what they fire, and every step-2 question listed as unanswered.
    let signs_only = with_signs(
        Answers::default(),
        [Sign::No, Sign::No, Sign::Yes, Sign::No, Sign::No],
    );
    let result = assess(&signs_only);
    assert_eq!(codes(&signs_only), ["U1"]);
    assert_eq!(result.unanswered, DETAIL_FIELDS);
    assert!(!result.complete());
    // A step-2 answer given fires its rule; one not given fires nothing.
    let severe = signs_only
        .clone()
        .set(|a| a.severity = Some(Severity::Severe));
    assert_eq!(codes(&severe), ["U1", "R2"]);
    assert_eq!(assess(&severe).unanswered, &DETAIL_FIELDS[1..]);
    // A complete set lists nothing as unanswered.
    assert!(assess(&baseline()).unanswered.is_empty());
}

// ---- One test per cause ("shown when"), with near misses ----

#[test]
fn cause_dvt_shown_for_one_leg_signs_yes_or_unsure() {
    for sign in [Sign::Yes, Sign::Unsure] {
        assert!(
            shows(&baseline().sign("one_leg_signs", sign), "dvt"),
            "{sign:?}"
        );
        // Near miss: the other emergency sign.
        assert!(
            !shows(&baseline().sign("breathless", sign), "dvt"),
            "{sign:?}"
        );
    }
    assert!(!shows(&baseline(), "dvt"));
    // Shown on an emergency decided with nothing else answered.
    assert_eq!(cause_ids(&only_sign("one_leg_signs", Sign::Yes)), ["dvt"]);
}

#[test]
fn cause_cramps_shown_for_cramp() {
    assert!(shows(&baseline().feel(Feeling::Cramp), "cramps"));
    assert!(!shows(&baseline().factor(Factor::LittleWater), "cramps"));
    assert!(!shows(&baseline().feel(Feeling::AchingThrobbing), "cramps"));
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
    assert!(!shows(
        &baseline().sign("numbness", Sign::Yes),
        "nerve_compression"
    ));
}

#[test]
fn cause_neuropathy_shown_for_burning_tingling_or_numbness_with_or_without_diabetes() {
    let burning = baseline().feel(Feeling::BurningTingling);
    let numb = baseline().sign("numbness", Sign::Yes);
    // Version 2 required diabetes; 001 says "often seen in diabetes", not only there.
    for a in [&burning, &numb] {
        assert!(shows(a, "neuropathy"), "{a:?}");
        assert!(shows(&a.clone().with(Condition::Diabetes), "neuropathy"));
        assert!(shows(
            &a.clone().with(Condition::HeartDisease),
            "neuropathy"
        ));
    }
    // Near misses: not sure about numbness; diabetes alone; pain from the back.
    assert!(!shows(
        &baseline().sign("numbness", Sign::Unsure),
        "neuropathy"
    ));
    assert!(!shows(
        &long_standing().with(Condition::Diabetes),
        "neuropathy"
    ));
    assert!(!shows(
        &baseline().feel(Feeling::ShootingFromBack),
        "neuropathy"
    ));
}

#[test]
fn cause_pad_shown_for_pad_feelings_with_a_circulation_risk_or_heavy_or_tired_legs_most_nights() {
    for feeling in PAD_FEELINGS {
        let felt = long_standing().feel(feeling);
        for risky in [
            felt.clone().factor(Factor::Smoking),
            felt.clone().factor(Factor::Alcohol),
            felt.clone().with(Condition::Diabetes),
            felt.clone().with(Condition::HeartDisease),
        ] {
            assert!(shows(&risky, "pad"), "{risky:?}");
        }
        // Near misses: the feeling alone, or with something 000 does not tie to circulation here.
        assert!(!shows(&felt, "pad"), "{feeling:?}");
        assert!(!shows(
            &felt.clone().with(Condition::BloodClotHistory),
            "pad"
        ));
        assert!(!shows(&felt.clone().with(Condition::VaricoseVeins), "pad"));
        assert!(!shows(&felt.clone().factor(Factor::LongSitting), "pad"));
    }
    for feeling in [Feeling::Heaviness, Feeling::TiredLegs] {
        assert!(shows(&most_nights().feel(feeling), "pad"), "{feeling:?}");
        assert!(
            !shows(&baseline().feel(feeling), "pad"),
            "{feeling:?} now and then"
        );
    }
    for feeling in [Feeling::Cramp, Feeling::AchingThrobbing] {
        assert!(
            !shows(&most_nights().feel(feeling), "pad"),
            "{feeling:?} most nights"
        );
    }
    // Version 1 showed it for skin changes alone; the sources do not tie them to PAD.
    assert!(!shows(&baseline().sign("skin_changes", Sign::Yes), "pad"));
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
fn cause_circulation_shown_for_long_sitting_smoking_or_alcohol() {
    for factor in [Factor::LongSitting, Factor::Smoking, Factor::Alcohol] {
        assert!(
            shows(&baseline().factor(factor), "circulation"),
            "{factor:?}"
        );
    }
    for factor in [Factor::LongStandingOrExercise, Factor::LittleWater] {
        assert!(
            !shows(&baseline().factor(factor), "circulation"),
            "{factor:?}"
        );
    }
    // Near miss: heart disease is a risk for `pad`, not this cause.
    assert!(!shows(
        &long_standing().with(Condition::HeartDisease),
        "circulation"
    ));
}

// ---- Home care: one test per step and per condition that leaves one out ----

const EVERY_DAY_TIPS: [&str; 7] = [
    "stretch",
    "massage",
    "warmth",
    "cold",
    "water",
    "move",
    "pain_relief",
];

/// The every-day steps without these.
fn every_day_but(left_out: &[&str]) -> Vec<&'static str> {
    EVERY_DAY_TIPS
        .into_iter()
        .filter(|t| !left_out.contains(t))
        .collect()
}

#[test]
fn tips_are_shown_on_self_care_and_routine_results_only() {
    assert_eq!(tip_ids(&baseline()), EVERY_DAY_TIPS, "self-care");
    assert_eq!(tip_ids(&routine()), EVERY_DAY_TIPS, "routine");
    // Near misses: urgent and emergency results list no step and none left out,
    // even for answers that would leave steps out.
    let everything = |a: Answers| {
        a.with(Condition::BloodClotHistory)
            .with(Condition::HeartDisease)
            .with(Condition::VaricoseVeins)
            .factor(Factor::Smoking)
            .feel(Feeling::Heaviness)
    };
    for a in [
        everything(baseline().sign("numbness", Sign::Yes)),
        everything(baseline().sign("breathless", Sign::Unsure)),
        everything(baseline().set(|a| a.course = Some(Course::Worse))),
        everything(baseline().sign("one_leg_signs", Sign::Yes)),
        everything(only_sign("breathless", Sign::Yes)),
    ] {
        let result = assess(&a);
        assert!(result.urgency >= Urgency::Urgent);
        assert!(
            result.tips.is_empty() && result.withheld.is_empty(),
            "{a:?}"
        );
    }
    assert!(home_care_shown(Urgency::SelfCare) && home_care_shown(Urgency::Routine));
    assert!(!home_care_shown(Urgency::Urgent) && !home_care_shown(Urgency::Emergency));
}

#[test]
fn tip_stretch_and_move_are_never_left_out() {
    // Everything that leaves a step out, on a routine result.
    let a = long_standing()
        .sign("numbness", Sign::Unsure)
        .sign("skin_changes", Sign::Unsure)
        .with(Condition::Diabetes)
        .with(Condition::HeartDisease)
        .with(Condition::BloodClotHistory)
        .with(Condition::VaricoseVeins)
        .factor(Factor::Smoking)
        .feel(Feeling::Heaviness);
    assert_eq!(level(&a), Urgency::Routine);
    assert_eq!(tip_ids(&a), ["stretch", "move"]);
    assert_eq!(
        withheld_ids(&a),
        [
            "massage",
            "warmth",
            "cold",
            "water",
            "pain_relief",
            "raise_legs"
        ]
    );
    assert!(tip("stretch").withheld_when.is_none() && tip("move").withheld_when.is_none());
}

#[test]
fn tip_massage_is_left_out_after_a_blood_clot() {
    let clot = long_standing().with(Condition::BloodClotHistory);
    assert_eq!(level(&clot), Urgency::Routine);
    assert_eq!(tip_ids(&clot), every_day_but(&["massage", "pain_relief"]));
    assert_eq!(withheld_ids(&clot), ["massage", "pain_relief"]);
    // Near misses: the other conditions keep massage.
    for condition in [
        Condition::Diabetes,
        Condition::HeartDisease,
        Condition::VaricoseVeins,
        Condition::Arthritis,
    ] {
        let a = long_standing()
            .with(condition)
            .set(|a| a.severity = Some(Severity::Severe));
        assert!(tip_ids(&a).contains(&"massage"), "{condition:?}");
    }
}

#[test]
fn tip_warmth_and_cold_are_left_out_for_numbness_or_skin_changes_yes_or_unsure() {
    for field in ["numbness", "skin_changes"] {
        let unsure = baseline().sign(field, Sign::Unsure);
        assert_eq!(level(&unsure), Urgency::Routine);
        assert_eq!(
            tip_ids(&unsure),
            every_day_but(&["warmth", "cold"]),
            "{field}"
        );
        assert_eq!(withheld_ids(&unsure), ["warmth", "cold"], "{field}");
        // A yes is urgent, so no step is listed at all; the step would be left out too.
        let yes = baseline().sign(field, Sign::Yes);
        assert!(
            tip("warmth").withheld(&yes) && tip("cold").withheld(&yes),
            "{field}"
        );
        assert!(tip_ids(&yes).is_empty() && withheld_ids(&yes).is_empty());
    }
    // Near miss: not sure about an injury keeps heat and cold.
    let injury = baseline().sign("injury", Sign::Unsure);
    assert_eq!(level(&injury), Urgency::Routine);
    assert_eq!(tip_ids(&injury), EVERY_DAY_TIPS);
    assert!(withheld_ids(&injury).is_empty());
}

#[test]
fn tip_warmth_and_cold_are_left_out_for_burning_tingling() {
    let burning = baseline().feel(Feeling::BurningTingling);
    assert!(tip("warmth").withheld(&burning) && tip("cold").withheld(&burning));
    // Burning or tingling is U1 (urgent): the result lists no step at all.
    assert!(tip_ids(&burning).is_empty() && withheld_ids(&burning).is_empty());
    // Near misses: other feelings without a circulation risk.
    for feeling in [
        Feeling::Cramp,
        Feeling::ShootingFromBack,
        Feeling::JointStiffness,
    ] {
        let a = routine().feel(feeling);
        assert!(!tip("warmth").withheld(&a), "{feeling:?}");
        assert_eq!(tip_ids(&a), EVERY_DAY_TIPS, "{feeling:?}");
    }
}

#[test]
fn tip_warmth_and_cold_are_left_out_for_diabetes() {
    let diabetes = long_standing().with(Condition::Diabetes);
    assert!(!shows(&diabetes, "pad"));
    assert_eq!(tip_ids(&diabetes), every_day_but(&["warmth", "cold"]));
    assert_eq!(withheld_ids(&diabetes), ["warmth", "cold"]);
    // Near miss: heart disease without a PAD feeling keeps heat and cold.
    let heart = long_standing().with(Condition::HeartDisease);
    assert!(tip_ids(&heart).contains(&"warmth") && tip_ids(&heart).contains(&"cold"));
}

#[test]
fn tip_warmth_and_cold_are_left_out_when_pad_is_shown() {
    for a in [
        most_nights().feel(Feeling::TiredLegs),
        baseline().feel(Feeling::Cramp).factor(Factor::Alcohol),
        baseline()
            .feel(Feeling::AchingThrobbing)
            .factor(Factor::Smoking),
    ] {
        assert!(shows(&a, "pad"), "{a:?}");
        assert_eq!(tip_ids(&a), every_day_but(&["warmth", "cold"]), "{a:?}");
        assert_eq!(withheld_ids(&a), ["warmth", "cold"], "{a:?}");
    }
    // Near misses: tired legs now and then; smoking without a PAD feeling.
    for a in [
        routine().feel(Feeling::TiredLegs),
        routine().factor(Factor::Smoking),
    ] {
        assert!(!shows(&a, "pad"));
        assert_eq!(tip_ids(&a), EVERY_DAY_TIPS, "{a:?}");
    }
}

#[test]
fn tip_water_is_left_out_for_heart_disease() {
    let heart = long_standing().with(Condition::HeartDisease);
    assert_eq!(tip_ids(&heart), every_day_but(&["water", "pain_relief"]));
    assert_eq!(withheld_ids(&heart), ["water", "pain_relief"]);
    // Near misses: diabetes and a past clot keep water.
    for condition in [Condition::Diabetes, Condition::BloodClotHistory] {
        assert!(tip_ids(&long_standing().with(condition)).contains(&"water"));
    }
}

#[test]
fn tip_pain_relief_is_left_out_for_a_blood_clot_or_heart_disease() {
    for condition in [Condition::BloodClotHistory, Condition::HeartDisease] {
        let a = long_standing().with(condition);
        assert!(!tip_ids(&a).contains(&"pain_relief"), "{condition:?}");
        assert!(withheld_ids(&a).contains(&"pain_relief"), "{condition:?}");
    }
    // Near misses: the other conditions keep it.
    for condition in [
        Condition::Diabetes,
        Condition::VaricoseVeins,
        Condition::Arthritis,
    ] {
        let a = routine()
            .with(condition)
            .set(|a| a.onset = Some(Onset::Months));
        assert!(tip_ids(&a).contains(&"pain_relief"), "{condition:?}");
        assert!(!withheld_ids(&a).contains(&"pain_relief"), "{condition:?}");
    }
}

#[test]
fn tip_raise_legs_only_on_routine_results_with_varicose_veins() {
    let varicose = routine().with(Condition::VaricoseVeins);
    let mut with_raise = EVERY_DAY_TIPS.to_vec();
    with_raise.push("raise_legs");
    assert_eq!(tip_ids(&varicose), with_raise);
    assert!(withheld_ids(&varicose).is_empty());
    // Near misses: on self-care (no doctor asked yet) it is neither shown nor listed as left out.
    let self_care = baseline().with(Condition::VaricoseVeins);
    assert_eq!(level(&self_care), Urgency::SelfCare);
    assert_eq!(tip_ids(&self_care), EVERY_DAY_TIPS);
    assert!(withheld_ids(&self_care).is_empty());
    // No varicose veins: not offered.
    assert_eq!(tip_ids(&routine()), EVERY_DAY_TIPS);
    // An urgent result lists no home care at all.
    let urgent = varicose.set(|a| a.course = Some(Course::Worse));
    assert!(tip_ids(&urgent).is_empty() && withheld_ids(&urgent).is_empty());
}

#[test]
fn tip_raise_legs_is_left_out_for_pad_smoking_diabetes_or_heart_disease() {
    let varicose = || routine().with(Condition::VaricoseVeins);
    let cases = [
        (varicose().factor(Factor::Smoking), vec!["raise_legs"]),
        (
            varicose()
                .with(Condition::Diabetes)
                .set(|a| a.onset = Some(Onset::Months)),
            vec!["warmth", "cold", "raise_legs"],
        ),
        (
            varicose()
                .with(Condition::HeartDisease)
                .set(|a| a.onset = Some(Onset::Months)),
            vec!["water", "pain_relief", "raise_legs"],
        ),
        (
            varicose()
                .feel(Feeling::Heaviness)
                .set(|a| a.frequency = Some(Frequency::MostNights)),
            vec!["warmth", "cold", "raise_legs"],
        ),
    ];
    for (a, left_out) in cases {
        assert_eq!(level(&a), Urgency::Routine, "{a:?}");
        assert_eq!(withheld_ids(&a), left_out, "{a:?}");
        assert!(!tip_ids(&a).contains(&"raise_legs"), "{a:?}");
    }
    // Near misses: alcohol, a past clot and arthritis are not in its list.
    for a in [
        varicose().factor(Factor::Alcohol),
        varicose().with(Condition::Arthritis),
        varicose()
            .with(Condition::BloodClotHistory)
            .set(|a| a.onset = Some(Onset::Months)),
    ] {
        assert!(tip_ids(&a).contains(&"raise_legs"), "{a:?}");
        assert!(!withheld_ids(&a).contains(&"raise_legs"), "{a:?}");
    }
}

// ---- Contract data ----

#[test]
fn questions_are_the_spec_fields_and_values_in_form_order() {
    let fields: Vec<_> = QUESTIONS
        .iter()
        .map(|q| (q.section, q.field, q.kind, q.values))
        .collect();
    let sign: &[&str] = &["yes", "no", "unsure"];
    assert_eq!(
        fields,
        [
            ("warning_signs", "one_leg_signs", Kind::Sign, sign),
            ("warning_signs", "breathless", Kind::Sign, sign),
            ("warning_signs", "numbness", Kind::Sign, sign),
            ("warning_signs", "skin_changes", Kind::Sign, sign),
            ("warning_signs", "injury", Kind::Sign, sign),
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
                    "tired_legs",
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
                    "smoking",
                    "alcohol"
                ][..]
            ),
        ]
    );
}

#[test]
fn questions_are_found_by_field_and_grouped_in_the_spec_sections() {
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
    // "unsure" lies between "no" and "yes".
    assert!(Sign::No.caution() < Sign::Unsure.caution());
    assert!(Sign::Unsure.caution() < Sign::Yes.caution());
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
            ("U6", Urgent),
            ("R1", Routine),
            ("R2", Routine),
            ("R4", Routine),
            ("R5", Routine),
            ("R6", Routine),
            ("R7", Routine),
            ("R8", Routine),
            ("R9", Routine),
            ("S0", SelfCare),
        ]
    );
    // Our own safety choices are marked, and only those rest on no source passage.
    let choices: Vec<_> = RULES
        .iter()
        .filter(|r| r.safety_choice)
        .map(|r| r.code)
        .collect();
    assert_eq!(choices, ["E2", "U6", "R9"]);
    for r in RULES {
        assert!(
            r.sources.iter().all(|s| ["000", "001"].contains(s)),
            "{}",
            r.code
        );
        assert_eq!(
            r.sources.is_empty(),
            ["U6", "R9"].contains(&r.code),
            "{}: {:?}",
            r.code,
            r.sources
        );
        assert!(
            r.link.starts_with('/') && r.link.contains('#'),
            "{}: {}",
            r.code,
            r.link
        );
        // The very rule, every field (`Rule`'s `==` compares codes only, so
        // `assert_eq!(rule(code), Some(r))` could not fail).
        assert_eq!(
            rule(r.code).map(|found| format!("{found:?}")),
            Some(format!("{r:?}")),
            "{}: its code finds another rule",
            r.code
        );
    }
    assert_eq!(rule("R3"), None);
    // Only S0 is not a warning sign; the signs of each level are its rules.
    assert_eq!(
        RULES
            .iter()
            .filter(|r| !r.is_sign())
            .map(|r| r.code)
            .collect::<Vec<_>>(),
        ["S0"]
    );
    let signs_at = |l| signs(l).map(|r| r.code).collect::<Vec<_>>();
    assert_eq!(signs_at(Emergency), ["E1", "E2"]);
    assert_eq!(signs_at(Urgent), ["U1", "U2", "U3", "U4", "U5", "U6"]);
    assert_eq!(
        signs_at(Routine),
        ["R1", "R2", "R4", "R5", "R6", "R7", "R8", "R9"]
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
    assert!(cause("nope").is_none());
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
        // Every step but raise_legs is offered on every result that lists home care.
        assert_eq!(
            matches!(t.offered, Offered::Always),
            t.id != "raise_legs",
            "{}",
            t.id
        );
    }
    let can_be_left_out: Vec<_> = TIPS
        .iter()
        .filter(|t| t.withheld_when.is_some())
        .map(|t| t.id)
        .collect();
    assert_eq!(
        can_be_left_out,
        [
            "massage",
            "warmth",
            "cold",
            "water",
            "pain_relief",
            "raise_legs"
        ]
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

#[test]
fn steps_and_pages_are_the_spec_values() {
    let values: Vec<_> = Step::ALL.iter().map(|s| s.as_str()).collect();
    assert_eq!(values, ["signs", "details", "change", "now"]);
    for step in Step::ALL {
        assert_eq!(Step::from_value(step.as_str()), Some(*step));
    }
    for unknown in ["", "Now", "result", "next"] {
        assert_eq!(Step::from_value(unknown), None, "{unknown}");
    }
    assert_eq!(
        [Page::Signs.as_str(), Page::Details.as_str()],
        ["signs", "details"]
    );
}

// ---- Parsing ----

fn all_pairs() -> Vec<(&'static str, &'static str)> {
    baseline().feel(Feeling::Cramp).to_pairs()
}

fn problems(errors: &[FieldError]) -> Vec<(&'static str, Problem)> {
    errors.iter().map(|e| (e.field, e.problem)).collect()
}

fn missing(fields: &[&'static str]) -> Vec<(&'static str, Problem)> {
    fields.iter().map(|f| (*f, Problem::Missing)).collect()
}

#[test]
fn form_with_each_required_field_missing_errors_on_that_field() {
    for q in QUESTIONS {
        let pairs: Vec<_> = all_pairs()
            .into_iter()
            .filter(|(f, _)| *f != q.field)
            .collect();
        let parsed = parse_pairs(&pairs);
        if q.is_required() {
            assert_eq!(problems(&parsed.errors.0), missing(&[q.field]));
            assert!(parsed.clone().complete().is_err());
        } else {
            // Only the checkbox groups may be left out.
            assert!(parsed.errors.0.is_empty(), "{}", q.field);
        }
        // Every other answer is kept.
        assert_eq!(parsed.answers.to_pairs(), pairs, "{}", q.field);
    }
}

#[test]
fn an_empty_value_counts_as_missing() {
    let pairs: Vec<_> = all_pairs()
        .into_iter()
        .map(|(f, v)| {
            if f == "onset" || f == "injury" {
                (f, "")
            } else {
                (f, v)
            }
        })
        .collect();
    let parsed = parse_pairs(&pairs);
    assert_eq!(problems(&parsed.errors.0), missing(&["injury", "onset"]));
    assert!(!parsed.was_sent("onset") && !parsed.was_sent("injury"));
}

#[test]
fn an_empty_form_reports_every_required_field_in_order() {
    let parsed = parse_pairs(&[]);
    let required: Vec<_> = QUESTIONS
        .iter()
        .filter(|q| q.is_required())
        .map(|q| q.field)
        .collect();
    assert_eq!(problems(&parsed.errors.0), missing(&required));
    assert_eq!(parsed.answers, Answers::default());
    assert!(parsed.sent.is_empty());
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
    let parsed = parse_pairs(&pairs);
    assert_eq!(
        problems(&parsed.errors.0),
        [
            ("breathless", Problem::NotAnOption),
            ("severity", Problem::NotAnOption),
            ("feelings", Problem::NotAnOption),
        ]
    );
    // Never a silent drop: the group with an unknown value is not half kept.
    assert!(parsed.answers.feelings.is_empty());
    assert_eq!(parsed.answers.breathless, None);
    // Sent, though not valid: every field but the two groups left empty.
    assert_eq!(parsed.sent.len(), QUESTIONS.len() - 2);
    assert!(parsed.was_sent("breathless") && parsed.was_sent("severity"));
    assert!(!parsed.was_sent("conditions"));
}

#[test]
fn errors_are_split_between_the_two_steps() {
    let parsed = parse_pairs(&[("numbness", "maybe"), ("severity", "awful")]);
    let signs = problems(&parsed.sign_errors());
    let details = problems(&parsed.detail_errors());
    assert_eq!(
        signs,
        [
            ("one_leg_signs", Problem::Missing),
            ("breathless", Problem::Missing),
            ("numbness", Problem::NotAnOption),
            ("skin_changes", Problem::Missing),
            ("injury", Problem::Missing),
        ]
    );
    let mut expected = vec![("severity", Problem::NotAnOption)];
    expected.extend(missing(&DETAIL_FIELDS[1..]));
    assert_eq!(details, expected);
    assert_eq!(parsed.sent, ["numbness", "severity"]);
}

#[test]
fn unknown_field_names_are_ignored() {
    let mut pairs: Vec<(String, String)> = all_pairs()
        .into_iter()
        .map(|(f, v)| (f.into(), v.into()))
        .collect();
    pairs.push(("csrf".into(), "x".into()));
    pairs.push(("Severity".into(), "bogus".into()));
    pairs.push(("step".into(), "now".into()));
    let submission = Submission::from_pairs(pairs);
    assert_eq!(submission.values("csrf").count(), 0);
    assert_eq!(submission.values("step").count(), 0);
    assert_eq!(
        submission.parse().complete(),
        Ok(baseline().feel(Feeling::Cramp))
    );
}

#[test]
fn a_radio_sent_twice_with_different_values_is_an_error() {
    for field in DETAIL_FIELDS {
        let q = question(field).unwrap();
        let given = baseline()
            .to_pairs()
            .into_iter()
            .find(|(f, _)| *f == field)
            .unwrap()
            .1;
        let other = q.values.iter().find(|v| **v != given).unwrap();
        let mut pairs = all_pairs();
        pairs.push((field, other));
        let parsed = parse_pairs(&pairs);
        assert_eq!(
            problems(&parsed.errors.0),
            [(field, Problem::MoreThanOne)],
            "{field}"
        );
    }
    // Duplicates in a checkbox group are fine.
    let mut pairs = all_pairs();
    pairs.extend([("feelings", "cramp"), ("feelings", "cramp")]);
    assert!(parse_pairs(&pairs).errors.0.is_empty());
}

#[test]
fn a_submission_keeps_what_was_sent_for_redisplay() {
    let pairs = [
        ("severity", "awful"),
        ("feelings", "cramp"),
        ("feelings", "heaviness"),
        ("one_leg_signs", "unsure"),
        ("other", "x"),
    ];
    let submission = Submission::from_pairs(pairs);
    assert_eq!(submission.values("severity").collect::<Vec<_>>(), ["awful"]);
    assert_eq!(
        submission.values("feelings").collect::<Vec<_>>(),
        ["cramp", "heaviness"]
    );
    assert!(submission.is_checked("feelings", "heaviness"));
    assert!(submission.is_checked("one_leg_signs", "unsure"));
    assert!(!submission.is_checked("feelings", "cramps"));
    assert_eq!(
        submission.values("other").count() + submission.values("onset").count(),
        0
    );
    assert_eq!(submission.pairs().count(), 4);
}

#[test]
fn json_with_the_right_shape_parses() {
    let a = baseline()
        .feel(Feeling::UrgeToMove)
        .sign("one_leg_signs", Sign::Unsure)
        .sign("injury", Sign::Yes);
    assert_eq!(from_json(&to_json(&a)).complete(), Ok(a.clone()));
    assert_eq!(from_json(&to_json_with(&a, false)).complete(), Ok(a));
    // Missing or null groups are empty.
    let mut body = to_json(&baseline());
    body.as_object_mut().map(|m| m.remove("feelings"));
    body["factors"] = Value::Null;
    assert_eq!(from_json(&body).complete(), Ok(baseline()));
}

#[test]
fn json_warning_signs_accept_true_false_and_yes_no_unsure() {
    let with_sign = |value: Value| {
        let mut body = to_json(&baseline());
        body["one_leg_signs"] = value;
        from_json(&body)
    };
    for (value, sign) in [
        (json!(true), Sign::Yes),
        (json!(false), Sign::No),
        (json!("yes"), Sign::Yes),
        (json!("no"), Sign::No),
        (json!("unsure"), Sign::Unsure),
    ] {
        let parsed = with_sign(value.clone());
        assert_eq!(parsed.answers.one_leg_signs, Some(sign), "{value}");
        assert!(parsed.errors.0.is_empty(), "{value}");
    }
    for (value, problem) in [
        (json!("Yes"), Problem::NotAnOption),
        (json!("maybe"), Problem::NotAnOption),
        (json!(1), Problem::WrongType(JsonType::Number)),
        (json!(["yes"]), Problem::WrongType(JsonType::Array)),
        (json!({"yes": true}), Problem::WrongType(JsonType::Object)),
        (Value::Null, Problem::Missing),
    ] {
        let parsed = with_sign(value.clone());
        assert_eq!(parsed.answers.one_leg_signs, None, "{value}");
        assert_eq!(
            problems(&parsed.errors.0),
            [("one_leg_signs", problem)],
            "{value}"
        );
    }
}

#[test]
fn json_with_wrong_types_errors_on_each_field() {
    let mut body = to_json(&baseline());
    body["one_leg_signs"] = json!("maybe");
    body["breathless"] = json!(0);
    body["severity"] = json!(3);
    body["onset"] = json!({"days": true});
    body["course"] = json!("awful");
    body["feelings"] = json!("cramp");
    body["conditions"] = json!([1]);
    body["factors"] = json!(["smoking", "jogging"]);
    body.as_object_mut().map(|m| m.remove("injury"));
    let parsed = from_json(&body);
    assert_eq!(
        problems(&parsed.errors.0),
        [
            ("one_leg_signs", Problem::NotAnOption),
            ("breathless", Problem::WrongType(JsonType::Number)),
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
            .complete()
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
    assert_eq!(
        problems(&body.answers().errors.0),
        [("severity", Problem::Duplicate)]
    );
    // serde_json alone would quietly have kept the last value.
    assert_eq!(body.member("severity"), Err(Duplicate));
}

#[test]
fn a_json_warning_sign_given_twice_counts_as_yes_if_any_copy_is() {
    for (first, second) in [
        (json!(false), json!(true)),
        (json!("yes"), json!(false)),
        (json!("unsure"), json!("yes")),
        (json!(true), json!("maybe")),
    ] {
        let members = [
            ("numbness".to_string(), first.clone()),
            ("one_leg_signs".to_string(), first.clone()),
            ("one_leg_signs".to_string(), second.clone()),
        ];
        let parsed = parse_json_text(&object_text(&members));
        assert_eq!(
            parsed.answers.one_leg_signs,
            Some(Sign::Yes),
            "{first} {second}"
        );
        assert_eq!(parsed.errors.get("one_leg_signs"), None);
        assert!(emergency(&parsed));
    }
    // No copy is yes: the most cautious copy, as the form reads it.
    let members = [
        ("numbness".to_string(), json!("no")),
        ("numbness".to_string(), json!("unsure")),
    ];
    let parsed = parse_json_text(&object_text(&members));
    assert_eq!(parsed.answers.numbness, Some(Sign::Unsure));
    assert_eq!(parsed.errors.get("numbness"), None);
    // A copy that is not an answer, and none is yes: refused.
    let members = [
        ("numbness".to_string(), json!("no")),
        ("numbness".to_string(), json!("maybe")),
    ];
    let parsed = parse_json_text(&object_text(&members));
    assert_eq!(parsed.answers.numbness, None);
    assert_eq!(parsed.errors.get("numbness"), Some(Problem::Duplicate));
}

// ---- The two steps: what a POST to /check answers ----

const STEPS: [Option<Step>; 5] = [
    None,
    Some(Step::Signs),
    Some(Step::Details),
    Some(Step::Change),
    Some(Step::Now),
];

type Pairs = Vec<(&'static str, &'static str)>;

/// The five warning signs with these values, in form order.
fn signs_body(values: [&'static str; 5]) -> Pairs {
    SIGN_FIELDS.into_iter().zip(values).collect()
}

/// The baseline's step-2 answers, with one feeling ticked.
fn details_body() -> Pairs {
    all_pairs()
        .into_iter()
        .filter(|(f, _)| !SIGN_FIELDS.contains(f))
        .collect()
}

fn body(parts: &[&[(&'static str, &'static str)]]) -> Pairs {
    parts.concat()
}

fn post(pairs: &[(&str, &str)], step: Option<Step>) -> Reply {
    reply(&parse_pairs(pairs), step)
}

#[track_caller]
fn expect_result(r: Reply) -> Assessment {
    match r {
        Reply::Result(a) => a,
        other => panic!("expected a result, got {other:?}"),
    }
}

/// The page of the form, its errors (field and problem) and its urgent notice.
#[track_caller]
fn expect_form(r: Reply) -> (Page, Vec<(&'static str, Problem)>, Option<Assessment>) {
    match r {
        Reply::Form {
            page,
            errors,
            notice,
        } => (page, problems(&errors), notice),
        other => panic!("expected a page of the form, got {other:?}"),
    }
}

fn fired(a: &Assessment) -> Vec<&'static str> {
    a.fired.iter().map(|r| r.code).collect()
}

fn causes_of(a: &Assessment) -> Vec<&'static str> {
    a.causes.iter().map(|c| c.id).collect()
}

/// Every required field but these, in form order.
fn required_but(answered: &[&str]) -> Vec<&'static str> {
    QUESTIONS
        .iter()
        .filter(|q| q.is_required() && !answered.contains(&q.field))
        .map(|q| q.field)
        .collect()
}

const NO_SIGNS: [&str; 5] = ["no"; 5];

#[test]
fn an_emergency_yes_gives_the_emergency_result_at_once_whatever_else_is_missing_or_not_valid() {
    let junk: Pairs = vec![
        ("numbness", "maybe"),
        ("severity", "awful"),
        ("onset", "days"),
        ("onset", "weeks"),
        ("feelings", "itchy"),
        ("conditions", "diabetes"),
    ];
    for (field, code, causes) in [
        ("one_leg_signs", "E1", vec!["dvt"]),
        ("breathless", "E2", vec![]),
    ] {
        let other = EMERGENCY_SIGNS.into_iter().find(|f| *f != field).unwrap();
        for step in STEPS {
            // The answer alone: a 200 with the emergency result, no error.
            let alone = expect_result(post(&[(field, "yes")], step));
            assert_eq!(alone.urgency, Urgency::Emergency, "{field} {step:?}");
            assert_eq!(fired(&alone), [code]);
            assert_eq!(causes_of(&alone), causes);
            assert!(!alone.complete());
            assert_eq!(alone.unanswered, required_but(&[field]));
            assert!(alone.tips.is_empty() && alone.withheld.is_empty());
            // With every other kind of problem: the same level, and the rules the valid answers fire.
            let mut messy = junk.clone();
            messy.push((other, "perhaps"));
            messy.insert(3, (field, "yes"));
            let result = expect_result(post(&messy, step));
            assert_eq!(result.urgency, Urgency::Emergency, "{field} {step:?}");
            assert_eq!(fired(&result), [code, "R6"]);
            assert!(
                result.unanswered.contains(&"severity") && result.unanswered.contains(&"onset")
            );
        }
    }
}

#[test]
fn the_warning_signs_alone_give_step_two() {
    for signs in [
        NO_SIGNS,
        ["no", "no", "unsure", "no", "no"],
        ["no", "no", "no", "unsure", "unsure"],
    ] {
        let parsed = parse_pairs(&signs_body(signs));
        assert!(!urgent_decided(&parsed), "{signs:?}");
        for step in [None, Some(Step::Signs)] {
            assert_eq!(
                reply(&parsed, step),
                Reply::Form {
                    page: Page::Details,
                    errors: Vec::new(),
                    notice: None
                },
                "{signs:?} {step:?}"
            );
        }
    }
}

#[test]
fn urgent_decided_gives_step_two_with_the_urgent_notice() {
    let decided = [
        (
            ["no", "no", "yes", "no", "no"],
            vec!["U1"],
            vec!["neuropathy"],
        ),
        (["no", "no", "no", "yes", "no"], vec!["U2"], vec![]),
        (["no", "no", "no", "no", "yes"], vec!["U3"], vec![]),
        (["unsure", "no", "no", "no", "no"], vec!["U6"], vec!["dvt"]),
        (["no", "unsure", "no", "no", "no"], vec!["U6"], vec![]),
        (
            ["unsure", "no", "unsure", "yes", "no"],
            vec!["U2", "U6", "R9"],
            vec!["dvt"],
        ),
    ];
    for (signs, codes, causes) in decided {
        let parsed = parse_pairs(&signs_body(signs));
        assert!(urgent_decided(&parsed), "{signs:?}");
        for step in [None, Some(Step::Signs)] {
            let (page, errors, notice) = expect_form(reply(&parsed, step));
            assert_eq!((page, errors), (Page::Details, vec![]), "{signs:?}");
            let notice = notice.unwrap_or_else(|| panic!("{signs:?}: no urgent notice"));
            assert_eq!(notice.urgency, Urgency::Urgent);
            assert_eq!(fired(&notice), codes, "{signs:?}");
            assert_eq!(causes_of(&notice), causes, "{signs:?}");
            assert!(notice.tips.is_empty() && notice.withheld.is_empty());
            assert_eq!(notice.unanswered, DETAIL_FIELDS);
        }
    }
    // Near misses: not sure about numbness alone (R9 is routine); an emergency yes;
    // a warning sign missing or not valid.
    let near = [
        signs_body(["no", "no", "unsure", "unsure", "unsure"]),
        signs_body(["yes", "no", "yes", "no", "no"]),
        signs_body(["no", "no", "yes", "no", "no"])[..4].to_vec(),
        body(&[
            &signs_body(["no", "no", "yes", "no", "no"])[..4],
            &[("injury", "maybe")],
        ]),
    ];
    for pairs in near {
        assert!(!urgent_decided(&parse_pairs(&pairs)), "{pairs:?}");
    }
    let (page, errors, notice) = expect_form(post(
        &signs_body(["no", "no", "yes", "no", "no"])[..4],
        None,
    ));
    assert_eq!((page, errors), (Page::Signs, missing(&["injury"])));
    assert!(notice.is_none());
}

#[test]
fn every_required_answer_gives_the_result() {
    let complete = all_pairs();
    for step in [None, Some(Step::Details), Some(Step::Now)] {
        let result = expect_result(post(&complete, step));
        assert_eq!(result, assess(&baseline().feel(Feeling::Cramp)), "{step:?}");
        assert!(result.complete());
    }
    // Urgent with every answer: the result with everything the answers bring out.
    let urgent = baseline().sign("numbness", Sign::Yes).feel(Feeling::Cramp);
    for step in [None, Some(Step::Details), Some(Step::Now)] {
        let result = expect_result(post(&urgent.to_pairs(), step));
        assert_eq!(fired(&result), ["U1"]);
        assert_eq!(causes_of(&result), ["cramps", "neuropathy"]);
        assert!(result.complete());
    }
}

#[test]
fn anything_else_is_a_422_on_step_one_if_a_warning_sign_is_missing_or_not_valid() {
    for field in SIGN_FIELDS {
        for (value, problem) in [
            (None, Problem::Missing),
            (Some("maybe"), Problem::NotAnOption),
        ] {
            let mut pairs = all_pairs();
            pairs.retain(|(f, _)| *f != field);
            pairs.extend(value.map(|v| (field, v)));
            for step in [
                None,
                Some(Step::Signs),
                Some(Step::Details),
                Some(Step::Now),
            ] {
                assert_eq!(
                    expect_form(post(&pairs, step)),
                    (Page::Signs, vec![(field, problem)], None),
                    "{field} {value:?} {step:?}"
                );
            }
        }
    }
    // Two signs wrong, step 2 wrong too: step 1 names only the signs.
    let pairs = [("numbness", "yes"), ("severity", "awful")];
    let (page, errors, _) = expect_form(post(&pairs, None));
    assert_eq!(page, Page::Signs);
    assert_eq!(
        errors,
        missing(&["one_leg_signs", "breathless", "skin_changes", "injury"])
    );
}

#[test]
fn anything_else_is_a_422_on_step_two_when_the_warning_signs_are_valid() {
    let partial: Pairs = vec![
        ("severity", "severe"),
        ("onset", "soon"),
        ("feelings", "cramp"),
        ("feelings", "itchy"),
    ];
    let mut expected = vec![("onset", Problem::NotAnOption)];
    expected.extend(missing(&[
        "frequency",
        "course",
        "sleep_impact",
        "home_care",
    ]));
    expected.push(("feelings", Problem::NotAnOption));
    for step in [None, Some(Step::Details), Some(Step::Now)] {
        let pairs = body(&[&signs_body(NO_SIGNS), &partial]);
        assert_eq!(
            expect_form(post(&pairs, step)),
            (Page::Details, expected.clone(), None),
            "{step:?}"
        );
    }
    // Urgent decided: step 2 keeps its notice and button, with the rules fired so far.
    for step in [None, Some(Step::Details)] {
        let pairs = body(&[&signs_body(["no", "no", "no", "no", "yes"]), &partial]);
        let (page, errors, notice) = expect_form(post(&pairs, step));
        assert_eq!(
            (page, errors),
            (Page::Details, expected.clone()),
            "{step:?}"
        );
        let notice = notice.expect("the urgent notice stays");
        assert_eq!(notice.urgency, Urgency::Urgent);
        assert_eq!(fired(&notice), ["U3", "R2"]);
    }
}

#[test]
fn step_signs_gives_step_two_keeping_the_step_two_answers() {
    let step_two = Reply::Form {
        page: Page::Details,
        errors: Vec::new(),
        notice: None,
    };
    // Back from "change" with every answer: step 2 again, not yet the result.
    assert_eq!(post(&all_pairs(), Some(Step::Signs)), step_two);
    // Step-2 answers not valid yet: step 2 without errors; the valid ones are read to pre-fill it.
    let pairs = body(&[
        &signs_body(NO_SIGNS),
        &[("severity", "severe"), ("onset", "soon")],
    ]);
    let parsed = parse_pairs(&pairs);
    assert_eq!(reply(&parsed, Some(Step::Signs)), step_two);
    assert_eq!(parsed.answers.severity, Some(Severity::Severe));
    // Urgent decided: with the notice.
    let pairs = body(&[
        &signs_body(["no", "no", "no", "yes", "no"]),
        &details_body(),
    ]);
    let (page, errors, notice) = expect_form(post(&pairs, Some(Step::Signs)));
    assert_eq!((page, errors), (Page::Details, vec![]));
    assert_eq!(notice.map(|n| fired(&n)), Some(vec!["U2"]));
    // Signs not valid: step 1 with its errors.
    let pairs = body(&[&signs_body(NO_SIGNS)[1..], &details_body()]);
    assert_eq!(
        expect_form(post(&pairs, Some(Step::Signs))),
        (Page::Signs, missing(&["one_leg_signs"]), None)
    );
}

#[test]
fn step_details_needs_every_answer() {
    // Unlike no step, the step-2 button with nothing answered there is a 422.
    assert_eq!(
        expect_form(post(&signs_body(NO_SIGNS), Some(Step::Details))),
        (Page::Details, missing(&DETAIL_FIELDS), None)
    );
    let (page, errors, notice) = expect_form(post(
        &signs_body(["no", "unsure", "no", "no", "no"]),
        Some(Step::Details),
    ));
    assert_eq!((page, errors), (Page::Details, missing(&DETAIL_FIELDS)));
    assert_eq!(notice.map(|n| fired(&n)), Some(vec!["U6"]));
    assert!(expect_result(post(&all_pairs(), Some(Step::Details))).complete());
}

#[test]
fn step_change_gives_step_one_with_every_answer_kept() {
    let step_one = (Page::Signs, vec![], None);
    let bodies = [
        all_pairs(),
        signs_body(NO_SIGNS),
        signs_body(["no", "no", "yes", "no", "no"]),
        body(&[
            &signs_body(["unsure", "no", "no", "no", "no"]),
            &[("severity", "awful")],
        ]),
        body(&[&signs_body(NO_SIGNS)[2..], &details_body()]),
    ];
    for pairs in bodies {
        let parsed = parse_pairs(&pairs);
        assert_eq!(
            expect_form(reply(&parsed, Some(Step::Change))),
            step_one,
            "{pairs:?}"
        );
    }
    // Every valid answer is still read, to be carried as hidden fields.
    assert_eq!(parse_pairs(&all_pairs()).answers.to_pairs(), all_pairs());
}

#[test]
fn step_now_with_urgent_decided_gives_the_urgent_result_with_the_valid_step_two_answers() {
    let pairs = body(&[
        &signs_body(["no", "no", "yes", "no", "no"]),
        &[
            ("severity", "severe"),
            ("onset", "soon"),
            ("feelings", "cramp"),
            ("conditions", "gout"),
        ],
    ]);
    let result = expect_result(post(&pairs, Some(Step::Now)));
    assert_eq!(result.urgency, Urgency::Urgent);
    assert_eq!(fired(&result), ["U1", "R2"]);
    assert_eq!(causes_of(&result), ["cramps", "neuropathy"]);
    assert!(!result.complete());
    assert_eq!(result.unanswered, &DETAIL_FIELDS[1..]);
    assert!(result.tips.is_empty() && result.withheld.is_empty());
    // Not sure about a swollen leg, nothing else answered: urgent, with the clot named as a cause.
    let result = expect_result(post(
        &signs_body(["unsure", "no", "no", "no", "no"]),
        Some(Step::Now),
    ));
    assert_eq!(
        (result.urgency, fired(&result), causes_of(&result)),
        (Urgency::Urgent, vec!["U6"], vec!["dvt"])
    );
    assert_eq!(result.unanswered, DETAIL_FIELDS);
}

#[test]
fn step_now_without_urgent_decided_gives_no_early_result() {
    // Answered as a POST without a button: step 2, no errors before it is seen.
    for signs in [NO_SIGNS, ["no", "no", "unsure", "no", "unsure"]] {
        assert_eq!(
            expect_form(post(&signs_body(signs), Some(Step::Now))),
            (Page::Details, vec![], None),
            "{signs:?}"
        );
    }
    // With some step-2 answers sent, the missing ones are errors on step 2.
    let mut pairs = signs_body(NO_SIGNS);
    pairs.push(("severity", "mild"));
    assert_eq!(
        expect_form(post(&pairs, Some(Step::Now))),
        (Page::Details, missing(&DETAIL_FIELDS[1..]), None)
    );
    // A sign missing, even with numbness yes: step 1.
    assert_eq!(
        expect_form(post(
            &signs_body(["no", "no", "yes", "no", "no"])[..4],
            Some(Step::Now)
        )),
        (Page::Signs, missing(&["injury"]), None)
    );
    // Every answer: the result, as with step 2's own button.
    assert!(expect_result(post(&all_pairs(), Some(Step::Now))).complete());
}

#[test]
fn a_warning_sign_sent_twice_counts_as_yes_if_any_copy_is() {
    let twice = |field: &'static str, copies: [&'static str; 2]| {
        let mut pairs = all_pairs();
        let at = pairs.iter().position(|(f, _)| *f == field).unwrap();
        pairs.splice(at..=at, copies.map(|v| (field, v)));
        pairs
    };
    for field in SIGN_FIELDS {
        for copies in [
            ["no", "yes"],
            ["yes", "no"],
            ["unsure", "yes"],
            ["yes", "maybe"],
            ["", "yes"],
        ] {
            let parsed = parse_pairs(&twice(field, copies));
            assert_eq!(
                sign_of(&parsed.answers, field),
                Some(Sign::Yes),
                "{field} {copies:?}"
            );
            assert!(parsed.errors.0.is_empty(), "{field} {copies:?}");
        }
        // No copy is yes: "not sure" wins over "no"; a copy not valid is an error, never a "no".
        for (copies, sign) in [
            (["no", "unsure"], Some(Sign::Unsure)),
            (["unsure", "no"], Some(Sign::Unsure)),
            (["no", "no"], Some(Sign::No)),
            (["no", "maybe"], None),
        ] {
            let parsed = parse_pairs(&twice(field, copies));
            assert_eq!(sign_of(&parsed.answers, field), sign, "{field} {copies:?}");
        }
    }
    // Through the two steps.
    for step in STEPS {
        let result = expect_result(post(&twice("one_leg_signs", ["no", "yes"]), step));
        assert_eq!(result.urgency, Urgency::Emergency, "{step:?}");
    }
    let result = expect_result(post(&twice("numbness", ["no", "unsure"]), None));
    assert_eq!(fired(&result), ["R9"]);
    let (page, _, notice) = expect_form(post(
        &signs_body(NO_SIGNS)
            .into_iter()
            .chain([("breathless", "unsure")])
            .collect::<Vec<_>>(),
        None,
    ));
    assert_eq!(page, Page::Details);
    assert_eq!(notice.map(|n| fired(&n)), Some(vec!["U6"]));
}

#[test]
fn any_other_single_answer_field_sent_twice_is_an_error() {
    for field in DETAIL_FIELDS {
        let q = question(field).unwrap();
        let given = all_pairs()
            .into_iter()
            .find(|(f, _)| *f == field)
            .unwrap()
            .1;
        let other = *q.values.iter().find(|v| **v != given).unwrap();
        let mut pairs = all_pairs();
        pairs.push((field, other));
        for step in [None, Some(Step::Details)] {
            assert_eq!(
                expect_form(post(&pairs, step)),
                (Page::Details, vec![(field, Problem::MoreThanOne)], None),
                "{field} {step:?}"
            );
        }
        // Urgent decided: the notice stays, and "See my result now" leaves that answer out.
        let urgent: Pairs = pairs
            .iter()
            .map(|&(f, v)| {
                if f == "skin_changes" {
                    (f, "yes")
                } else {
                    (f, v)
                }
            })
            .collect();
        let (_, errors, notice) = expect_form(post(&urgent, None));
        assert_eq!(errors, [(field, Problem::MoreThanOne)]);
        assert!(notice.is_some(), "{field}");
        let result = expect_result(post(&urgent, Some(Step::Now)));
        assert_eq!(result.urgency, Urgency::Urgent);
        assert_eq!(result.unanswered, [field]);
        // The same answer twice is an error too: one answer means one copy.
        let mut same = all_pairs();
        same.push((field, given));
        assert_eq!(
            expect_form(post(&same, None)),
            (Page::Details, vec![(field, Problem::MoreThanOne)], None),
            "{field} twice with the same value"
        );
    }
}

// ---- The JSON API ----

fn api(body: &Value, other_problems: bool) -> ApiReply {
    api_reply(&from_json(body), other_problems)
}

#[track_caller]
fn expect_api_result(r: ApiReply) -> Assessment {
    match r {
        ApiReply::Result(a) => a,
        other => panic!("expected a result, got {other:?}"),
    }
}

fn json_signs(values: [Value; 5]) -> Value {
    Value::Object(
        SIGN_FIELDS
            .into_iter()
            .map(String::from)
            .zip(values)
            .collect(),
    )
}

fn merged(mut a: Value, b: &Value) -> Value {
    for (k, v) in b.as_object().unwrap() {
        a[k] = v.clone();
    }
    a
}

fn urgent_json() -> Value {
    json_signs([
        json!(false),
        json!("no"),
        json!("yes"),
        json!(false),
        json!(false),
    ])
}

#[test]
fn api_an_emergency_yes_wins_over_junk_and_an_unknown_lang() {
    let junk = json!({
        "numbness": 7,
        "severity": "awful",
        "onset": null,
        "feelings": "cramp",
        "conditions": {"diabetes": true},
        "factors": ["jogging"],
        "lang": "xx",
    });
    for (field, code) in [("one_leg_signs", "E1"), ("breathless", "E2")] {
        for yes in [json!(true), json!("yes")] {
            let alone = json!({ field: yes });
            for other_problems in [false, true] {
                let result = expect_api_result(api(&alone, other_problems));
                assert_eq!(result.urgency, Urgency::Emergency);
                assert_eq!(fired(&result), [code]);
                assert!(!result.complete());
                assert_eq!(result.unanswered, required_but(&[field]));
                let result = expect_api_result(api(&merged(junk.clone(), &alone), other_problems));
                assert_eq!(
                    (result.urgency, fired(&result)),
                    (Urgency::Emergency, vec![code])
                );
            }
        }
    }
}

#[test]
fn api_urgent_decided_with_only_missing_step_two_answers_gives_the_urgent_result_marked_incomplete()
{
    let result = expect_api_result(api(&urgent_json(), false));
    assert_eq!(result.urgency, Urgency::Urgent);
    assert_eq!(fired(&result), ["U1"]);
    assert_eq!(causes_of(&result), ["neuropathy"]);
    assert!(!result.complete());
    assert_eq!(result.unanswered, DETAIL_FIELDS);
    assert!(result.tips.is_empty() && result.withheld.is_empty());
    // The step-2 answers sent, all valid, add their rules and causes.
    let some = merged(
        urgent_json(),
        &json!({"severity": "severe", "feelings": ["cramp"]}),
    );
    let result = expect_api_result(api(&some, false));
    assert_eq!(fired(&result), ["U1", "R2"]);
    assert_eq!(causes_of(&result), ["cramps", "neuropathy"]);
    assert_eq!(result.unanswered, &DETAIL_FIELDS[1..]);
    // Not sure about breathlessness decides it too.
    let unsure = json_signs([
        json!(false),
        json!("unsure"),
        json!(false),
        json!(false),
        json!(false),
    ]);
    let result = expect_api_result(api(&unsure, false));
    assert_eq!(
        (result.urgency, fired(&result)),
        (Urgency::Urgent, vec!["U6"])
    );
}

#[test]
fn api_urgent_decided_with_an_invalid_step_two_value_is_invalid_and_says_urgent() {
    let invalid = [
        json!({"severity": "awful"}),
        json!({"onset": 3}),
        json!({"feelings": "cramp"}),
        json!({"conditions": ["gout"]}),
        json!({"factors": {"smoking": true}}),
    ];
    for extra in invalid {
        assert_eq!(
            api(&merged(urgent_json(), &extra), false),
            ApiReply::Invalid { urgent: true },
            "{extra}"
        );
    }
    // A member given twice.
    let mut members: Vec<(String, Value)> = urgent_json()
        .as_object()
        .unwrap()
        .clone()
        .into_iter()
        .collect();
    members.extend([
        ("severity".into(), json!("mild")),
        ("severity".into(), json!("severe")),
    ]);
    let parsed = parse_json_text(&object_text(&members));
    assert_eq!(
        api_reply(&parsed, false),
        ApiReply::Invalid { urgent: true }
    );
    // Another problem with the request (an unknown lang).
    assert_eq!(
        api(&urgent_json(), true),
        ApiReply::Invalid { urgent: true }
    );
}

#[test]
fn api_needs_every_answer_when_nothing_decides_early() {
    let not_decided = [
        json_signs([
            json!(false),
            json!(false),
            json!(false),
            json!(false),
            json!(false),
        ]),
        json_signs([
            json!("no"),
            json!("no"),
            json!("unsure"),
            json!("unsure"),
            json!("unsure"),
        ]),
        json!({"one_leg_signs": false, "breathless": false, "numbness": true, "skin_changes": false}),
        json!({"one_leg_signs": "maybe", "breathless": false, "numbness": true, "skin_changes": false, "injury": false}),
    ];
    for body in not_decided {
        assert_eq!(
            api(&body, false),
            ApiReply::Invalid { urgent: false },
            "{body}"
        );
    }
    let complete = to_json(&baseline().feel(Feeling::Cramp));
    let result = expect_api_result(api(&complete, false));
    assert!(result.complete() && result.unanswered.is_empty());
    assert_eq!(result, assess(&baseline().feel(Feeling::Cramp)));
    assert_eq!(api(&complete, true), ApiReply::Invalid { urgent: false });
    let not_an_object = JsonBody::parse(b"[]").unwrap().answers();
    assert_eq!(
        api_reply(&not_an_object, false),
        ApiReply::Invalid { urgent: false }
    );
}

#[test]
fn api_a_checkbox_group_that_is_not_an_array_is_invalid_unless_an_emergency_sign_is_yes() {
    let complete = to_json(&baseline());
    for group in ["feelings", "conditions", "factors"] {
        for value in [
            json!("cramp"),
            json!({"cramp": true}),
            json!(true),
            json!(1),
        ] {
            let body = merged(complete.clone(), &json!({ group: value }));
            assert_eq!(
                api(&body, false),
                ApiReply::Invalid { urgent: false },
                "{body}"
            );
            assert!(
                matches!(
                    from_json(&body).errors.get(group),
                    Some(Problem::WrongType(_))
                ),
                "{body}"
            );
            for sign in EMERGENCY_SIGNS {
                let yes = merged(body.clone(), &json!({ sign: true }));
                let result = expect_api_result(api(&yes, false));
                assert_eq!(result.urgency, Urgency::Emergency, "{yes}");
            }
        }
    }
}

// ---- Worked cases from tests/data/triage_cases.toml ----

#[test]
fn worked_cases_match_their_hand_worked_results() {
    let cases = worked_cases();
    assert!(cases.len() >= 55, "{} cases", cases.len());
    for case in &cases {
        let story = case.story.as_str();
        let parsed = case.parsed().unwrap_or_else(|e| panic!("{story}: {e:?}"));
        // Answers may be left out (a result decided early), never invalid.
        let invalid: Vec<_> = parsed
            .errors
            .0
            .iter()
            .filter(|e| e.problem != Problem::Missing)
            .collect();
        assert!(invalid.is_empty(), "{story}: {invalid:?}");
        // The same answers posted as a form read the same.
        let posted = form(&parsed.answers).parse();
        assert_eq!(posted.answers, parsed.answers, "{story}");
        assert_eq!(posted.errors, parsed.errors, "{story}");
        // The API gives the result; so does the form, at once or by "See my result now".
        let ApiReply::Result(result) = api_reply(&parsed, false) else {
            panic!("{story}: the API gives no result");
        };
        let step = if parsed.errors.0.is_empty() {
            None
        } else {
            Some(Step::Now)
        };
        assert_eq!(
            reply(&posted, step),
            Reply::Result(result.clone()),
            "{story}"
        );
        assert_eq!(result.urgency.as_str(), case.expect_urgency, "{story}");
        assert_eq!(fired(&result), case.expect_rules, "{story}");
        assert_eq!(causes_of(&result), case.expect_causes, "{story}");
        let ids = |tips: &[&Tip]| tips.iter().map(|t| t.id).collect::<Vec<_>>();
        assert_eq!(ids(&result.tips), case.expect_tips, "{story}");
        assert_eq!(ids(&result.withheld), case.expect_withheld, "{story}");
        assert_eq!(result.unanswered, case.expect_unanswered, "{story}");
    }
}

#[test]
fn worked_cases_with_answers_missing_are_decided_early_and_say_so() {
    let cases = worked_cases();
    let partial: Vec<_> = cases
        .iter()
        .filter(|c| !c.expect_unanswered.is_empty())
        .collect();
    assert!(partial.len() >= 4, "{} partial cases", partial.len());
    for case in &cases {
        assert_eq!(
            case.story.contains("decided early"),
            !case.expect_unanswered.is_empty(),
            "{}",
            case.story
        );
    }
    for case in partial {
        let story = case.story.as_str();
        let posted = form(&case.parsed().unwrap().answers).parse();
        assert!(
            ["emergency", "urgent"].contains(&case.expect_urgency.as_str()),
            "{story}"
        );
        match reply(&posted, None) {
            // An emergency: the result at once, whatever is missing.
            Reply::Result(result) => assert_eq!(result.urgency, Urgency::Emergency, "{story}"),
            // Urgent decided: step 2 with the notice and its rules.
            Reply::Form {
                page: Page::Details,
                notice: Some(notice),
                ..
            } => {
                assert_eq!(case.expect_urgency, "urgent", "{story}");
                assert_eq!(fired(&notice), case.expect_rules, "{story}");
            }
            other => panic!("{story}: {other:?}"),
        }
    }
}

#[test]
fn worked_cases_cover_every_level_rule_cause_and_tip() {
    let cases = worked_cases();
    let stories: BTreeSet<_> = cases.iter().map(|c| c.story.as_str()).collect();
    assert_eq!(stories.len(), cases.len(), "every story once");
    for level in Urgency::ALL {
        let count = cases
            .iter()
            .filter(|c| c.expect_urgency == level.as_str())
            .count();
        assert!(count >= 3, "{} has {count} cases", level.as_str());
    }
    let any_case = |pick: &dyn Fn(&WorkedCase) -> &Vec<String>, id: &str| {
        cases.iter().any(|c| pick(c).iter().any(|x| x == id))
    };
    for r in RULES {
        assert!(any_case(&|c| &c.expect_rules, r.code), "rule {}", r.code);
    }
    for cause in CAUSES {
        assert!(
            any_case(&|c| &c.expect_causes, cause.id),
            "cause {}",
            cause.id
        );
    }
    for tip in TIPS {
        assert!(any_case(&|c| &c.expect_tips, tip.id), "tip {}", tip.id);
        if tip.withheld_when.is_some() {
            assert!(
                any_case(&|c| &c.expect_withheld, tip.id),
                "left out {}",
                tip.id
            );
        }
    }
    // Every warning sign answered "not sure" in some story, and the new values used.
    for field in SIGN_FIELDS {
        let unsure = cases
            .iter()
            .any(|c| c.answers.get(field).and_then(|v| v.as_str()) == Some("unsure"));
        assert!(unsure, "no story is not sure about {field}");
    }
    for (group, value) in [("feelings", "tired_legs"), ("factors", "alcohol")] {
        let used = cases.iter().any(|c| {
            c.answers
                .get(group)
                .and_then(|v| v.as_array())
                .is_some_and(|values| values.iter().any(|v| v.as_str() == Some(value)))
        });
        assert!(used, "no story has {value}");
    }
    // What /check/how-it-works publishes agrees.
    let c = coverage();
    assert_eq!(c.cases, cases.len());
    let can_be_left_out = TIPS.iter().filter(|t| t.withheld_when.is_some()).count();
    assert_eq!(
        (c.rules, c.causes, c.tips, c.withheld),
        (
            (RULES.len(), RULES.len()),
            (CAUSES.len(), CAUSES.len()),
            (TIPS.len(), TIPS.len()),
            (can_be_left_out, can_be_left_out)
        )
    );
}

// ---- The spec's tables, written again from the spec, for the property tests ----

fn feels(a: &Answers, f: Feeling) -> bool {
    a.feelings.contains(&f)
}

fn has(a: &Answers, c: Condition) -> bool {
    a.conditions.contains(&c)
}

fn has_factor(a: &Answers, f: Factor) -> bool {
    a.factors.contains(&f)
}

/// The spec's "shown when" of `pad`.
fn spec_pad(a: &Answers) -> bool {
    use Feeling::*;
    let feeling = [Heaviness, Cramp, AchingThrobbing, TiredLegs]
        .iter()
        .any(|f| feels(a, *f));
    let risk = has_factor(a, Factor::Smoking)
        || has_factor(a, Factor::Alcohol)
        || has(a, Condition::Diabetes)
        || has(a, Condition::HeartDisease);
    let heavy_or_tired = feels(a, Heaviness) || feels(a, TiredLegs);
    (feeling && risk) || (heavy_or_tired && a.frequency == Some(Frequency::MostNights))
}

/// The spec's rule table: the codes that fire, in its order.
fn spec_rules(a: &Answers) -> Vec<&'static str> {
    use Sign::{Unsure, Yes};
    let watched = has(a, Condition::Diabetes)
        || has(a, Condition::HeartDisease)
        || has(a, Condition::BloodClotHistory);
    let table = [
        ("E1", a.one_leg_signs == Some(Yes)),
        ("E2", a.breathless == Some(Yes)),
        (
            "U1",
            a.numbness == Some(Yes) || feels(a, Feeling::BurningTingling),
        ),
        ("U2", a.skin_changes == Some(Yes)),
        ("U3", a.injury == Some(Yes)),
        (
            "U4",
            watched
                && (matches!(a.onset, Some(Onset::Days | Onset::Weeks))
                    || a.course == Some(Course::Worse)),
        ),
        ("U5", a.course == Some(Course::Worse)),
        (
            "U6",
            a.one_leg_signs == Some(Unsure) || a.breathless == Some(Unsure),
        ),
        ("R1", a.sleep_impact == Some(SleepImpact::ALot)),
        ("R2", a.severity == Some(Severity::Severe)),
        ("R4", a.home_care == Some(HomeCare::NotHelped)),
        (
            "R5",
            a.frequency == Some(Frequency::MostNights)
                && matches!(a.onset, Some(Onset::Weeks | Onset::Months))
                && matches!(a.home_care, Some(HomeCare::NotTried | HomeCare::NotHelped)),
        ),
        ("R6", watched),
        ("R7", feels(a, Feeling::UrgeToMove)),
        ("R8", spec_pad(a)),
        (
            "R9",
            [a.numbness, a.skin_changes, a.injury].contains(&Some(Unsure)),
        ),
    ];
    let fired: Vec<_> = table.iter().filter(|(_, f)| *f).map(|(c, _)| *c).collect();
    if fired.is_empty() { vec!["S0"] } else { fired }
}

fn spec_level(codes: &[&str]) -> Urgency {
    codes
        .iter()
        .map(|c| match c.as_bytes()[0] {
            b'E' => Urgency::Emergency,
            b'U' => Urgency::Urgent,
            b'R' => Urgency::Routine,
            _ => Urgency::SelfCare,
        })
        .max()
        .unwrap_or(Urgency::SelfCare)
}

/// The spec's cause table: the ids shown, in its order.
fn spec_causes(a: &Answers) -> Vec<&'static str> {
    use Feeling::*;
    let table = [
        (
            "dvt",
            matches!(a.one_leg_signs, Some(Sign::Yes | Sign::Unsure)),
        ),
        ("cramps", feels(a, Cramp)),
        ("rls", feels(a, UrgeToMove)),
        ("nerve_compression", feels(a, ShootingFromBack)),
        (
            "neuropathy",
            feels(a, BurningTingling) || a.numbness == Some(Sign::Yes),
        ),
        ("pad", spec_pad(a)),
        ("varicose_veins", has(a, Condition::VaricoseVeins)),
        (
            "arthritis",
            feels(a, JointStiffness) || has(a, Condition::Arthritis),
        ),
        ("exertion", has_factor(a, Factor::LongStandingOrExercise)),
        ("dehydration", has_factor(a, Factor::LittleWater)),
        (
            "circulation",
            has_factor(a, Factor::LongSitting)
                || has_factor(a, Factor::Smoking)
                || has_factor(a, Factor::Alcohol),
        ),
    ];
    table
        .iter()
        .filter(|(_, s)| *s)
        .map(|(id, _)| *id)
        .collect()
}

/// The spec's home-care table at this level: the steps shown and the steps left out.
fn spec_home_care(a: &Answers, level: Urgency) -> (Vec<&'static str>, Vec<&'static str>) {
    if level > Urgency::Routine {
        return (Vec::new(), Vec::new());
    }
    let yes_or_unsure = |s: Option<Sign>| matches!(s, Some(Sign::Yes | Sign::Unsure));
    let pad = spec_pad(a);
    let heat_or_cold = yes_or_unsure(a.numbness)
        || yes_or_unsure(a.skin_changes)
        || feels(a, Feeling::BurningTingling)
        || has(a, Condition::Diabetes)
        || pad;
    // (id, offered, left out)
    let table = [
        ("stretch", true, false),
        ("massage", true, has(a, Condition::BloodClotHistory)),
        ("warmth", true, heat_or_cold),
        ("cold", true, heat_or_cold),
        ("water", true, has(a, Condition::HeartDisease)),
        ("move", true, false),
        (
            "pain_relief",
            true,
            has(a, Condition::BloodClotHistory) || has(a, Condition::HeartDisease),
        ),
        (
            "raise_legs",
            level == Urgency::Routine && has(a, Condition::VaricoseVeins),
            pad || has_factor(a, Factor::Smoking)
                || has(a, Condition::Diabetes)
                || has(a, Condition::HeartDisease),
        ),
    ];
    let pick = |left_out: bool| {
        table
            .iter()
            .filter(|(_, offered, out)| *offered && *out == left_out)
            .map(|(id, _, _)| *id)
            .collect()
    };
    (pick(false), pick(true))
}

/// "Urgent is decided", as the spec words it, for answers where all five signs are valid.
fn spec_urgent_decided(signs: [Sign; 5]) -> bool {
    let [one_leg, breathless, numbness, skin, injury] = signs;
    let emergency = one_leg == Sign::Yes || breathless == Sign::Yes;
    !emergency
        && ([numbness, skin, injury].contains(&Sign::Yes)
            || [one_leg, breathless].contains(&Sign::Unsure))
}

/// The factors that can change a rule, a cause shared with another or a
/// step; the other two only ever show their own cause.
const LATTICE_FACTORS: [Factor; 3] = [Factor::LongSitting, Factor::Smoking, Factor::Alcohol];

/// Every feeling, every condition and the factors above.
const BOXES: usize = 16;

/// The answers with the boxes of `mask` ticked: bit i ticks the i-th value of
/// `feelings`, then of `conditions`, then of [`LATTICE_FACTORS`]; the other
/// factors stay as they are in `a`.
fn tick(mut a: Answers, mask: u32) -> Answers {
    let mut bit = 0;
    let mut ticked = || {
        bit += 1;
        mask & (1 << (bit - 1)) != 0
    };
    a.feelings = Feeling::ALL.iter().copied().filter(|_| ticked()).collect();
    a.conditions = Condition::ALL
        .iter()
        .copied()
        .filter(|_| ticked())
        .collect();
    a.factors.retain(|f| !LATTICE_FACTORS.contains(f));
    a.factors
        .extend(LATTICE_FACTORS.iter().copied().filter(|_| ticked()));
    a
}

#[test]
fn every_combination_of_ticked_boxes_follows_the_spec_tables_and_more_never_lowers_the_level() {
    assert_eq!(
        Feeling::ALL.len() + Condition::ALL.len() + LATTICE_FACTORS.len(),
        BOXES
    );
    assert_eq!(
        tick(baseline(), (1 << BOXES) - 1).to_pairs().len(),
        11 + BOXES
    );
    let ids = |tips: &[&Tip]| tips.iter().map(|t| t.id).collect::<Vec<_>>();
    // Self-care, routine and urgent starting points, new and long-standing pain,
    // half of them with the two other factors ticked.
    let others = |a: Answers| {
        a.factor(Factor::LongStandingOrExercise)
            .factor(Factor::LittleWater)
    };
    let starts = [
        baseline(),
        others(routine().set(|a| a.onset = Some(Onset::Months))),
        most_nights()
            .set(|a| a.home_care = Some(HomeCare::NotTried))
            .sign("skin_changes", Sign::Unsure),
        others(long_standing().sign("breathless", Sign::Unsure)),
    ];
    for start in starts {
        let levels: Vec<Urgency> = (0..1u32 << BOXES)
            .map(|mask| {
                let a = tick(start.clone(), mask);
                let result = assess(&a);
                let codes = spec_rules(&a);
                assert_eq!(fired(&result), codes, "{a:?}");
                assert_eq!(result.urgency, spec_level(&codes), "{a:?}");
                assert_eq!(causes_of(&result), spec_causes(&a), "{a:?}");
                let (shown, left_out) = spec_home_care(&a, result.urgency);
                assert_eq!(ids(&result.tips), shown, "{a:?}");
                assert_eq!(ids(&result.withheld), left_out, "{a:?}");
                result.urgency
            })
            .collect();
        // Ticking one more box (a feeling, a condition, smoking, alcohol...) never lowers the level.
        for (mask, level) in levels.iter().enumerate() {
            for bit in (0..BOXES).filter(|b| mask & (1 << b) == 0) {
                assert!(
                    levels[mask | 1 << bit] >= *level,
                    "{:?} and box {bit}",
                    tick(start.clone(), mask as u32)
                );
            }
        }
    }
}

// ---- Strategies ----

fn maybe<T: WireValue + Debug>(answered: f64) -> impl Strategy<Value = Option<T>> {
    proptest::option::weighted(answered, proptest::sample::select(T::ALL))
}

fn any_set<T: WireValue + Debug>() -> impl Strategy<Value = BTreeSet<T>> {
    proptest::sample::subsequence(T::ALL.to_vec(), 0..=T::ALL.len())
        .prop_map(|v| v.into_iter().collect())
}

/// Random step-2 answers (each required one given with this probability), no warning sign.
fn any_details(answered: f64) -> impl Strategy<Value = Answers> {
    (
        (
            maybe::<Severity>(answered),
            maybe::<Onset>(answered),
            maybe::<Frequency>(answered),
        ),
        (
            maybe::<Course>(answered),
            maybe::<SleepImpact>(answered),
            maybe::<HomeCare>(answered),
        ),
        (
            any_set::<Feeling>(),
            any_set::<Condition>(),
            any_set::<Factor>(),
        ),
    )
        .prop_map(|(pain, more, groups)| {
            let ((severity, onset, frequency), (course, sleep_impact, home_care)) = (pain, more);
            let (feelings, conditions, factors) = groups;
            Answers {
                severity,
                onset,
                frequency,
                course,
                sleep_impact,
                home_care,
                feelings,
                conditions,
                factors,
                ..Answers::default()
            }
        })
}

/// Random answers: mostly complete, sometimes with questions left out.
fn any_answers() -> impl Strategy<Value = Answers> {
    let sign = || maybe::<Sign>(0.9);
    (any_details(0.9), (sign(), sign(), sign(), sign(), sign())).prop_map(|(a, signs)| {
        let (one_leg_signs, breathless, numbness, skin_changes, injury) = signs;
        Answers {
            one_leg_signs,
            breathless,
            numbness,
            skin_changes,
            injury,
            ..a
        }
    })
}

/// One thing more a person can report; the spec says none of them lowers the level.
#[derive(Debug, Clone, Copy)]
enum More {
    Feeling(Feeling),
    Condition(Condition),
    Factor(Factor),
    WorseCourse,
    Severe,
    SleepALot,
    HomeCareNotHelped,
    MostNights,
}

impl More {
    fn all() -> Vec<More> {
        let mut all: Vec<More> = Feeling::ALL.iter().map(|f| More::Feeling(*f)).collect();
        all.extend(Condition::ALL.iter().map(|c| More::Condition(*c)));
        all.extend(Factor::ALL.iter().map(|f| More::Factor(*f)));
        all.extend([
            More::WorseCourse,
            More::Severe,
            More::SleepALot,
            More::HomeCareNotHelped,
            More::MostNights,
        ]);
        all
    }

    fn apply(self, a: &mut Answers) {
        match self {
            More::Feeling(f) => _ = a.feelings.insert(f),
            More::Condition(c) => _ = a.conditions.insert(c),
            More::Factor(f) => _ = a.factors.insert(f),
            More::WorseCourse => a.course = Some(Course::Worse),
            More::Severe => a.severity = Some(Severity::Severe),
            More::SleepALot => a.sleep_impact = Some(SleepImpact::ALot),
            More::HomeCareNotHelped => a.home_care = Some(HomeCare::NotHelped),
            More::MostNights => a.frequency = Some(Frequency::MostNights),
        }
    }
}

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
            Just("unsure".to_string()),
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
        Just("unsure".to_string()),
        Just("mild".to_string()),
        Just("cramp".to_string()),
        Just(String::new()),
        ".{0,10}",
    ];
    (field, value)
}

/// What a body may hold for one question: nothing, a valid answer (most
/// often), a value that is not one, or two answers.
fn question_pairs(q: &'static Question) -> BoxedStrategy<Vec<(String, String)>> {
    let field = q.field;
    let pairs = move |values: Vec<String>| -> Vec<(String, String)> {
        values.into_iter().map(|v| (field.to_string(), v)).collect()
    };
    let sizes = if q.kind == Kind::AnyOf {
        0..=q.values.len()
    } else {
        1..=1
    };
    let select = || proptest::sample::select(q.values);
    prop_oneof![
        2 => Just(Vec::new()),
        30 => proptest::sample::subsequence(q.values.to_vec(), sizes)
            .prop_map(move |vs| pairs(vs.into_iter().map(String::from).collect())),
        1 => "[a-z_]{0,8}".prop_map(move |v| pairs(vec![v])),
        1 => (select(), select()).prop_map(move |(a, b)| pairs(vec![a.into(), b.into()])),
    ]
    .boxed()
}

/// A form body: every question as a person (or a broken client) may send it, plus stray pairs.
fn any_form_body() -> impl Strategy<Value = Vec<(String, String)>> {
    let questions: Vec<_> = QUESTIONS.iter().map(question_pairs).collect();
    (questions, proptest::collection::vec(any_pair(), 0..3))
        .prop_map(|(groups, extra)| groups.into_iter().flatten().chain(extra).collect())
}

fn valid_json_value(q: &'static Question) -> BoxedStrategy<Value> {
    match q.kind {
        Kind::Sign => proptest::sample::select(vec![
            json!(true),
            json!(false),
            json!("yes"),
            json!("no"),
            json!("unsure"),
        ])
        .boxed(),
        Kind::OneOf => proptest::sample::select(q.values)
            .prop_map(|v| json!(v))
            .boxed(),
        Kind::AnyOf => proptest::sample::subsequence(q.values.to_vec(), 0..=q.values.len())
            .prop_map(|v| json!(v))
            .boxed(),
    }
}

fn question_members(q: &'static Question) -> BoxedStrategy<Vec<(String, Value)>> {
    let field = q.field;
    let member = move |v: Value| (field.to_string(), v);
    prop_oneof![
        2 => Just(Vec::new()),
        30 => valid_json_value(q).prop_map(move |v| vec![member(v)]),
        1 => any_json().prop_map(move |v| vec![member(v)]),
        1 => (valid_json_value(q), valid_json_value(q))
            .prop_map(move |(a, b)| vec![member(a), member(b)]),
    ]
    .boxed()
}

/// A JSON object's members: every question as a client may send it, plus stray members.
fn any_json_members() -> impl Strategy<Value = Vec<(String, Value)>> {
    let questions: Vec<_> = QUESTIONS.iter().map(question_members).collect();
    let extra = proptest::collection::vec((".{0,8}", any_json()), 0..3);
    (questions, extra)
        .prop_map(|(groups, extra)| groups.into_iter().flatten().chain(extra).collect())
}

// ---- Properties over every combination of the five warning signs ----

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn unsure_is_never_below_no_nor_above_yes(details in any_details(0.9)) {
        for signs in every_sign_combination() {
            for (i, sign) in signs.iter().enumerate() {
                if *sign != Sign::Unsure {
                    continue;
                }
                let at = |s: Sign| {
                    let mut changed = signs;
                    changed[i] = s;
                    level(&with_signs(details.clone(), changed))
                };
                let (no, unsure, yes) = (at(Sign::No), at(Sign::Unsure), at(Sign::Yes));
                prop_assert!(
                    no <= unsure && unsure <= yes,
                    "{} in {:?}: no {:?}, unsure {:?}, yes {:?}",
                    SIGN_FIELDS[i], signs, no, unsure, yes
                );
            }
        }
    }

    #[test]
    fn adding_a_warning_sign_never_lowers_the_urgency(details in any_details(0.9)) {
        for signs in every_sign_combination() {
            let before = level(&with_signs(details.clone(), signs));
            for (i, sign) in signs.iter().enumerate() {
                for raised in Sign::ALL.iter().filter(|r| r.caution() > sign.caution()) {
                    let mut changed = signs;
                    changed[i] = *raised;
                    let after = level(&with_signs(details.clone(), changed));
                    prop_assert!(after >= before, "{:?} -> {:?}", signs, changed);
                    if *raised == Sign::Yes {
                        prop_assert!(after >= Urgency::Urgent, "{:?}", changed);
                    }
                }
            }
        }
    }

    #[test]
    fn adding_a_rule_trigger_never_lowers_the_urgency(
        details in any_details(0.9),
        more in proptest::sample::select(More::all()),
    ) {
        for signs in every_sign_combination() {
            let before = with_signs(details.clone(), signs);
            let mut after = before.clone();
            more.apply(&mut after);
            prop_assert!(level(&after) >= level(&before), "{:?} with {:?}", before, more);
        }
    }

    #[test]
    fn smoking_never_lowers_the_urgency(details in any_details(0.9)) {
        for signs in every_sign_combination() {
            let a = with_signs(details.clone(), signs);
            for factor in [Factor::Smoking, Factor::Alcohol] {
                let more = a.clone().factor(factor);
                prop_assert!(level(&more) >= level(&a), "{:?} {:?}", a, factor);
            }
        }
    }

    #[test]
    fn a_worse_course_never_lowers_the_urgency_and_is_at_least_urgent(details in any_details(0.9)) {
        for signs in every_sign_combination() {
            let a = with_signs(details.clone(), signs);
            let worse = a.clone().set(|a| a.course = Some(Course::Worse));
            prop_assert!(level(&worse) >= level(&a));
            prop_assert!(level(&worse) >= Urgency::Urgent);
        }
    }

    #[test]
    fn an_emergency_yes_always_gives_emergency(details in any_details(0.9)) {
        for signs in every_sign_combination() {
            let a = with_signs(details.clone(), signs);
            let yes = signs[0] == Sign::Yes || signs[1] == Sign::Yes;
            prop_assert_eq!(level(&a) == Urgency::Emergency, yes, "{:?}", signs);
            // And with nothing but the warning signs answered.
            let bare = with_signs(Answers::default(), signs);
            prop_assert_eq!(level(&bare) == Urgency::Emergency, yes, "{:?}", signs);
        }
    }

    #[test]
    fn urgent_decided_is_the_level_whatever_the_later_answers(details in any_details(0.9)) {
        for signs in every_sign_combination() {
            let body: Vec<_> = SIGN_FIELDS.into_iter().zip(signs.map(|s| s.as_str())).collect();
            let parsed = parse_pairs(&body);
            prop_assert_eq!(urgent_decided(&parsed), spec_urgent_decided(signs), "{:?}", signs);
            if spec_urgent_decided(signs) {
                prop_assert_eq!(level(&with_signs(details.clone(), signs)), Urgency::Urgent);
            }
        }
    }

    #[test]
    fn the_self_care_reason_is_true_of_the_answers(details in any_details(0.9)) {
        for signs in every_sign_combination() {
            let a = with_signs(details.clone(), signs);
            let result = assess(&a);
            let s0 = result.fired.iter().any(|r| r.code == "S0");
            prop_assert_eq!(s0, result.urgency == Urgency::SelfCare);
            if s0 {
                // "None of your answers is a warning sign" is true...
                prop_assert_eq!(signs, [Sign::No; 5]);
                prop_assert!(!feels(&a, Feeling::BurningTingling));
                // ...and pain on most nights for a week or more, not helped, is never self-care.
                let lasting = a.frequency == Some(Frequency::MostNights)
                    && matches!(a.onset, Some(Onset::Weeks | Onset::Months))
                    && matches!(a.home_care, Some(HomeCare::NotTried | HomeCare::NotHelped));
                prop_assert!(!lasting, "{:?}", a);
            }
        }
    }

    #[test]
    fn rules_causes_and_home_care_follow_the_spec_tables(details in any_details(0.9)) {
        for signs in every_sign_combination() {
            let a = with_signs(details.clone(), signs);
            let result = assess(&a);
            let codes = spec_rules(&a);
            prop_assert_eq!(fired(&result), codes.clone(), "{:?}", a);
            prop_assert_eq!(result.urgency, spec_level(&codes));
            prop_assert_eq!(causes_of(&result), spec_causes(&a), "{:?}", a);
            let ids = |tips: &[&Tip]| tips.iter().map(|t| t.id).collect::<Vec<_>>();
            let (shown, left_out) = spec_home_care(&a, result.urgency);
            prop_assert_eq!(ids(&result.tips), shown, "{:?}", a);
            prop_assert_eq!(ids(&result.withheld), left_out, "{:?}", a);
        }
    }
}

// ---- Properties of single answers, the two steps, the API and parsing ----

proptest! {
    #[test]
    fn assess_never_panics_and_the_highest_fired_level_wins(a in any_answers()) {
        let result = assess(&a);
        prop_assert!(!result.fired.is_empty());
        prop_assert_eq!(Some(result.urgency), result.fired.iter().map(|r| r.level).max());
        let only_s0 = result.fired.len() == 1 && result.fired[0].code == "S0";
        prop_assert!(only_s0 || result.fired.iter().all(|r| r.code != "S0"));
        // Unanswered: the required questions without an answer, in form order.
        let unanswered: Vec<_> = QUESTIONS
            .iter()
            .filter(|q| q.is_required() && !a.has(q.field))
            .map(|q| q.field)
            .collect();
        prop_assert_eq!(&result.unanswered, &unanswered);
    }

    #[test]
    fn raise_legs_is_never_advised_when_pad_is_possible(a in any_answers()) {
        let result = assess(&a);
        let advised = result.tips.iter().any(|t| t.id == "raise_legs");
        prop_assert!(!(advised && result.causes.iter().any(|c| c.id == "pad")));
        prop_assert!(!advised || result.urgency == Urgency::Routine);
        prop_assert!(!advised || !has_factor(&a, Factor::Smoking));
    }

    #[test]
    fn a_step_left_out_is_never_also_shown_and_neither_is_listed_above_routine(a in any_answers()) {
        let result = assess(&a);
        for t in &result.withheld {
            prop_assert!(!result.tips.contains(t), "{}", t.id);
            prop_assert!(t.withheld(&a), "{}", t.id);
        }
        for t in &result.tips {
            prop_assert!(!t.withheld(&a), "{}", t.id);
        }
        if result.urgency > Urgency::Routine {
            prop_assert!(result.tips.is_empty() && result.withheld.is_empty());
        } else {
            // stretch and move are always there.
            prop_assert!(result.tips.iter().any(|t| t.id == "stretch"));
            prop_assert!(result.tips.iter().any(|t| t.id == "move"));
        }
    }

    #[test]
    fn an_emergency_yes_always_gives_the_emergency_result_through_the_form(
        mut pairs in any_form_body(),
        field in proptest::sample::select(EMERGENCY_SIGNS.to_vec()),
        at in any::<proptest::sample::Index>(),
        step in proptest::sample::select(STEPS.to_vec()),
    ) {
        pairs.insert(at.index(pairs.len() + 1), (field.to_string(), "yes".to_string()));
        let parsed = Submission::from_pairs(pairs.clone()).parse();
        let Reply::Result(result) = reply(&parsed, step) else {
            return Err(TestCaseError::fail(format!("no result for {pairs:?} {step:?}")));
        };
        prop_assert_eq!(result.urgency, Urgency::Emergency);
    }

    #[test]
    fn an_emergency_yes_always_gives_the_emergency_result_through_the_api(
        mut members in any_json_members(),
        field in proptest::sample::select(EMERGENCY_SIGNS.to_vec()),
        yes in proptest::sample::select(vec![json!(true), json!("yes")]),
        at in any::<proptest::sample::Index>(),
        other_problems in any::<bool>(),
    ) {
        members.insert(at.index(members.len() + 1), (field.to_string(), yes));
        let text = object_text(&members);
        let ApiReply::Result(result) = api_reply(&parse_json_text(&text), other_problems) else {
            return Err(TestCaseError::fail(format!("no result for {text}")));
        };
        prop_assert_eq!(result.urgency, Urgency::Emergency);
    }

    #[test]
    fn the_form_answers_as_the_two_steps_table_says(
        pairs in any_form_body(),
        step in proptest::sample::select(STEPS.to_vec()),
    ) {
        let parsed = Submission::from_pairs(pairs).parse();
        let is_emergency = emergency(&parsed);
        let urgent = urgent_decided(&parsed);
        let sign_errors = parsed.sign_errors();
        let only_signs_sent = parsed.sent.iter().all(|f| SIGN_FIELDS.contains(f));
        match reply(&parsed, step) {
            Reply::Result(result) => {
                prop_assert_eq!(&result, &assess(&parsed.answers));
                if is_emergency {
                    prop_assert_eq!(result.urgency, Urgency::Emergency);
                } else if parsed.errors.0.is_empty() {
                    prop_assert!(result.complete());
                    prop_assert!(!matches!(step, Some(Step::Signs | Step::Change)));
                } else {
                    // Decided early: only by "See my result now" with urgent decided.
                    prop_assert!(urgent && step == Some(Step::Now));
                    prop_assert_eq!(result.urgency, Urgency::Urgent);
                }
            }
            Reply::Form { page, errors, notice } => {
                prop_assert!(!is_emergency);
                match page {
                    Page::Signs => {
                        prop_assert!(notice.is_none());
                        if step == Some(Step::Change) {
                            prop_assert!(errors.is_empty());
                        } else {
                            prop_assert!(!sign_errors.is_empty());
                            prop_assert_eq!(errors, sign_errors);
                        }
                    }
                    Page::Details => {
                        prop_assert!(sign_errors.is_empty());
                        prop_assert_eq!(notice.is_some(), urgent);
                        if let Some(notice) = notice {
                            prop_assert_eq!(notice.urgency, Urgency::Urgent);
                        }
                        if errors.is_empty() {
                            // A 200 step 2: its own button's way in, or the signs alone.
                            prop_assert!(step == Some(Step::Signs) || (step.is_none() && only_signs_sent));
                        } else {
                            prop_assert_eq!(errors, parsed.detail_errors());
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_api_gives_an_early_result_only_for_an_emergency_or_urgent_decided(
        members in any_json_members(),
        other_problems in any::<bool>(),
    ) {
        let parsed = parse_json_text(&object_text(&members));
        let is_emergency = emergency(&parsed);
        let urgent = urgent_decided(&parsed);
        let only_missing = parsed.errors.0.iter().all(|e| e.problem == Problem::Missing);
        let expected_result =
            is_emergency || (!other_problems && (parsed.errors.0.is_empty() || (urgent && only_missing)));
        match api_reply(&parsed, other_problems) {
            ApiReply::Result(result) => {
                prop_assert!(expected_result);
                prop_assert_eq!(&result, &assess(&parsed.answers));
                prop_assert_eq!(result.complete(), parsed.errors.0.is_empty() || is_emergency && result.unanswered.is_empty());
                if !result.complete() {
                    prop_assert!(result.urgency >= Urgency::Urgent);
                }
            }
            ApiReply::Invalid { urgent: says_urgent } => {
                prop_assert!(!expected_result);
                prop_assert_eq!(says_urgent, urgent);
            }
        }
    }

    #[test]
    fn parsing_a_form_never_panics(pairs in proptest::collection::vec(any_pair(), 0..40)) {
        let submission = Submission::from_pairs(pairs.clone());
        let parsed = submission.parse();
        for (field, value) in &pairs {
            if question(field).is_some() {
                prop_assert!(submission.is_checked(field, value));
            }
        }
        // Every required question is answered or has exactly one error.
        for q in QUESTIONS.iter().filter(|q| q.is_required()) {
            let errors = parsed.errors.0.iter().filter(|e| e.field == q.field).count();
            prop_assert_eq!(errors, usize::from(!parsed.answers.has(q.field)), "{}", q.field);
        }
    }

    #[test]
    fn parsing_json_never_panics(body in any_json()) {
        let parsed = from_json(&body);
        if let Err(errors) = parsed.complete() {
            prop_assert!(!errors.0.is_empty());
        }
    }

    #[test]
    fn answers_round_trip_through_the_form_and_json(a in any_answers()) {
        let unanswered: Vec<_> = QUESTIONS
            .iter()
            .filter(|q| q.is_required() && !a.has(q.field))
            .map(|q| q.field)
            .collect();
        for parsed in [form(&a).parse(), from_json(&to_json(&a)), from_json(&to_json_with(&a, false))] {
            prop_assert_eq!(&parsed.answers, &a);
            prop_assert_eq!(problems(&parsed.errors.0), missing(&unanswered));
        }
    }
}
