//! Restoring a backup made on another computer: the owner chooses its file in
//! the system's file dialog (the real GTK one), sees what it holds against
//! what is here, replaces everything, and finds the customers it held.

use fantoccini::Locator;
use regulars::model::CustomerDraft;
use regulars::Regulars;
use regulars_e2e::{answer_file_dialog, RunningApp, WindowManager};

#[tokio::test]
async fn a_backup_file_chosen_in_the_file_dialog_replaces_everything() {
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("from-the-old-laptop.json");
    {
        let old = Regulars::open(&elsewhere.path().join("store")).unwrap();
        for name in ["Greta Holm", "Hugo Ibsen"] {
            old.add_customer(&CustomerDraft {
                name: name.into(),
                ..Default::default()
            })
            .unwrap();
        }
        old.export_backup(&file).unwrap();
    }
    let data = tempfile::tempdir().unwrap();
    {
        let here = Regulars::open(data.path()).unwrap();
        here.add_customer(&CustomerDraft {
            name: "Only Here".into(),
            ..Default::default()
        })
        .unwrap();
    }

    let _wm = WindowManager::start();
    let app = RunningApp::launch(data.path()).await;
    app.js("location.hash = '#/data'; return null;").await;
    app.wait_for(Locator::XPath("//main//h1[normalize-space()='Your data']"))
        .await;
    app.click_button("Restore from a backup file…").await;
    answer_file_dialog("Choose a backup to restore", &file).await;
    app.wait_for(Locator::XPath(
        "//dialog//*[normalize-space()='Replace everything with from-the-old-laptop.json?']",
    ))
    .await;
    app.click_button("Replace everything").await;
    // The dialog closes once the store has been replaced and reopened.
    app.wait_for(Locator::XPath(
        "//*[@role='status' and contains(normalize-space(), 'Restored from-the-old-laptop.json')]",
    ))
    .await;
    app.open_section("Customers").await;
    app.wait_listed("Greta Holm").await;
    let names = app.listed_names().await;
    assert_eq!(
        names,
        ["Greta Holm", "Hugo Ibsen"],
        "what was here was replaced"
    );
    app.quit().await;

    // What was here before is kept in a backup (the restore makes one first;
    // the day's automatic backup may hold it too).
    let here = Regulars::open(data.path()).unwrap();
    let kept = here.backups().unwrap().iter().any(|b| {
        std::fs::read_to_string(&b.path)
            .unwrap()
            .contains("Only Here")
    });
    assert!(kept, "the data replaced was backed up first");
}
