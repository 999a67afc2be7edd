//! The app as the tests start it: in this process, through the same
//! `Application` the binary runs, reloaded and stopped through its
//! `Control`; and the binary as a child that a failed test never leaves
//! running.

use std::time::Duration;

use leg_pain_guide::settings::RawSettings;

use common::*;

#[tokio::test]
async fn an_app_in_process_reloads_content_strings_and_its_settings_file_and_keeps_the_old_site_on_a_problem()
 {
    let fixture = Fixture::new();
    let file = fixture.path("settings.toml");
    std::fs::write(&file, "emergency_number = \"112\"\n").unwrap();
    let app = spawn_app_with(RawSettings {
        content_dir: Some(fixture.shown("content")),
        locales_dir: Some(fixture.shown("locales")),
        config: Some(file.display().to_string()),
        emergency_number: Some("112".into()),
        ..Default::default()
    })
    .await;
    let faq = app.get("/faq").await.text().await.unwrap();
    assert!(faq.contains("Questions about leg pain at night"));
    fixture.replace(
        "content/en/faq.md",
        "title = \"Questions about leg pain at night\"",
        "title = \"Your questions about leg pain at night\"",
    );
    fixture.replace(
        "locales/en.ftl",
        "layout-skip-link = Skip to main content",
        "layout-skip-link = Skip to the page",
    );
    app.control.reload("a test").await;
    let reloaded = app.log_until("reloaded after a test");
    assert!(
        reloaded.iter().any(|l| l.contains("reloaded after a test")),
        "{reloaded:?}"
    );
    let faq = app.get("/faq").await.text().await.unwrap();
    assert!(
        faq.contains("Your questions about leg pain at night"),
        "new content"
    );
    assert!(faq.contains("Skip to the page"), "new strings");
    assert!(
        faq.contains(r#"href="tel:112""#),
        "the settings file, read again"
    );

    fixture.replace("content/en/causes.md", "(/treatments#", "(/treatment#");
    app.control.reload("a broken link").await;
    let lines = app.log_until("still serving the old site");
    assert!(
        lines.iter().any(|l| l.contains("link to /treatment#")),
        "{lines:?}"
    );
    assert_eq!(app.get("/causes").await.status(), 200, "the old site stays");
}

#[tokio::test]
async fn an_app_in_process_stops_when_told_and_closes_its_port() {
    let app = spawn_app().await;
    assert_eq!(app.get("/").await.status(), 200);
    app.control.stop().await;
    let after = tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            if app.client.get(app.url("/")).send().await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    assert!(after.is_ok(), "no longer answering after a stop");
}

#[test]
fn a_child_server_is_killed_and_reaped_when_its_test_panics() {
    let pid = std::sync::Mutex::new(None);
    let failed = std::panic::catch_unwind(|| {
        let (child, _, _) = start_binary(&["--log-format", "off"]);
        *pid.lock().unwrap() = Some(child.id());
        panic!("a test that fails while its server runs");
    });
    assert!(failed.is_err());
    let pid = pid.lock().unwrap().expect("the server started");
    assert!(
        !std::path::Path::new(&format!("/proc/{pid}")).exists(),
        "process {pid} is gone (killed and waited for) once the test has unwound"
    );
}
