//! Where the app keeps its data, and what it does when that data is damaged.

use std::process::Command;

use fantoccini::Locator;
use regulars::Regulars;
use regulars_e2e::{cli_binary, RunningApp};

#[tokio::test]
async fn the_app_and_the_command_line_share_the_platform_data_directory() {
    let xdg = tempfile::tempdir().unwrap();
    let app = RunningApp::launch_in_platform_dir(xdg.path()).await;
    app.open_section("Customers").await;
    app.type_into("Name", "Shared Sam").await;
    app.click_button("Add customer").await;
    app.wait_listed("Shared Sam").await;
    app.quit().await;

    // The CLI with no --data-dir and no REGULARS_DATA_DIR finds what the window saved.
    let out = Command::new(cli_binary())
        .args(["customer", "list", "--json"])
        .env_remove("REGULARS_DATA_DIR")
        .env("XDG_DATA_HOME", xdg.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list[0]["name"], "Shared Sam");
    assert!(xdg
        .path()
        .join("org.regulars.desktop")
        .join("store")
        .is_dir());
}

#[tokio::test]
async fn a_damaged_store_is_reported_in_the_window_and_left_untouched() {
    let data = tempfile::tempdir().unwrap();
    {
        let store = Regulars::open(data.path()).unwrap();
        let draft = regulars::model::CustomerDraft {
            name: "Anna Berg".into(),
            ..Default::default()
        };
        store.add_customer(&draft).unwrap();
    }
    // The database vanishes (a bad sync tool, a half-restored backup…).
    std::fs::remove_dir_all(data.path().join("store")).unwrap();

    let app = RunningApp::launch(data.path()).await;
    let alert = app.wait_for(Locator::Css("[role='alert']")).await;
    let text = alert.text().await.unwrap();
    assert!(text.contains("did not replace it"), "{text}");
    assert!(text.contains(&data.path().display().to_string()), "{text}");
    // No add form on top of a store that is not there: nothing can be typed into the void.
    assert!(app
        .client
        .find(Locator::Css("form[aria-label='Add customer']"))
        .await
        .is_err());
    app.quit().await;

    let err = Regulars::open(data.path())
        .err()
        .expect("still reported after the app ran");
    assert_eq!(err.kind(), "store-lost-data");
}
