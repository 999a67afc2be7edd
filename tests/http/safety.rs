//! The hazard log (`docs/clinical-safety.md`) names only tests that exist,
//! and every rule of the symptom check has a hazard entry.

use std::path::PathBuf;

use leg_pain_guide::triage::RULES;

use common::repo;

/// The file a test path names: `http::check::x` is tests/http/check.rs,
/// `triage::tests::x` is src/triage/tests.rs, `settings::tests::x` is src/settings/mod.rs.
fn file_of(path: &[&str]) -> Vec<PathBuf> {
    match path {
        ["http" | "browser", module] => vec![repo().join(format!("tests/{}/{module}.rs", path[0]))],
        [modules @ .., "tests"] => {
            let dir = modules.join("/");
            vec![
                repo().join(format!("src/{dir}/tests.rs")),
                repo().join(format!("src/{dir}.rs")),
                repo().join(format!("src/{dir}/mod.rs")),
            ]
        }
        modules => {
            let dir = modules.join("/");
            vec![
                repo().join(format!("src/{dir}.rs")),
                repo().join(format!("src/{dir}/mod.rs")),
            ]
        }
    }
}

/// Whether `name` is a test function in `text`: `fn name(` under a test attribute,
/// or inside a `proptest!` block.
fn is_test(text: &str, name: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    lines.iter().enumerate().any(|(i, line)| {
        let declares = line.trim_start().starts_with(&format!("fn {name}("))
            || line.trim_start().starts_with(&format!("async fn {name}("));
        let marked = lines[i.saturating_sub(3)..i].iter().any(|l| {
            l.contains("#[test]")
                || l.contains("#[tokio::test]")
                || l.contains("#[actix_web::test]")
        });
        declares && marked
    })
}

#[test]
fn the_hazard_log_names_only_real_tests_and_covers_every_rule() {
    let log = std::fs::read_to_string(repo().join("docs/clinical-safety.md"))
        .expect("docs/clinical-safety.md exists");
    let mut named = Vec::new();
    let mut rules = Vec::new();
    for line in log.lines() {
        if let Some(list) = line.strip_prefix("- **Tests:**") {
            named.extend(list.split('`').skip(1).step_by(2).map(str::to_string));
        }
        if let Some(list) = line.strip_prefix("- **Rules:**") {
            rules.extend(list.split(',').map(|c| c.trim().to_string()));
        }
    }
    assert!(named.len() >= 30, "the log names {} tests", named.len());
    let mut missing = Vec::new();
    for test in &named {
        let parts: Vec<&str> = test.split("::").collect();
        let (name, module) = parts.split_last().expect("a test path");
        let found = file_of(module)
            .iter()
            .any(|f| std::fs::read_to_string(f).is_ok_and(|text| is_test(&text, name)));
        if !found {
            missing.push(test.clone());
        }
    }
    assert!(
        missing.is_empty(),
        "the hazard log names tests that do not exist: {missing:?}"
    );
    for rule in RULES {
        assert!(
            rules.iter().any(|r| r == rule.code),
            "rule {} has no hazard entry",
            rule.code
        );
    }
    for code in &rules {
        assert!(
            RULES.iter().any(|r| r.code == code),
            "the log names rule {code}, which does not exist"
        );
    }
    // The check itself can fail: a made-up test is caught.
    assert!(
        !file_of(&["http", "check"])
            .iter()
            .any(|f| std::fs::read_to_string(f).is_ok_and(|t| is_test(&t, "no_such_test")))
    );
}
