//! Saved segments in the sidebar and bulk changes on a selection, in the real app.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use regulars::model::CustomerDraft;
use regulars::Regulars;
use regulars_e2e::RunningApp;

fn customers(dir: &std::path::Path, people: &[(&str, &[&str])]) {
    let app = Regulars::open(dir).unwrap();
    for (name, tags) in people {
        let draft = CustomerDraft {
            name: (*name).into(),
            tags: tags.iter().map(|t| (*t).into()).collect(),
            ..Default::default()
        };
        app.add_customer(&draft).unwrap();
    }
}

async fn click(app: &RunningApp, xpath: &str) {
    app.wait_for(Locator::XPath(xpath))
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("{xpath}: {e}"));
}

/// Waits until the list shows exactly `names` (in order).
async fn wait_for_names(app: &RunningApp, names: &[&str]) {
    let started = Instant::now();
    loop {
        let shown = app.listed_names().await;
        if shown == names {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the list shows {shown:?}, not {names:?}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

#[tokio::test]
async fn tag_a_selection_then_save_the_filter_as_a_segment_that_survives_a_restart() {
    let data = tempfile::tempdir().unwrap();
    customers(
        data.path(),
        &[
            ("Anna Berg", &["vip"]),
            ("Bo Ek", &[]),
            ("Cleo Lind", &[]),
            ("Dag Nord", &[]),
        ],
    );
    let app = RunningApp::launch(data.path()).await;
    app.open_section("Customers").await;
    wait_for_names(&app, &["Anna Berg", "Bo Ek", "Cleo Lind", "Dag Nord"]).await;

    // Select Bo and Cleo, and tag them "vip" in one go.
    click(
        &app,
        "//input[@type='checkbox' and @aria-label='Select Bo Ek']",
    )
    .await;
    click(
        &app,
        "//input[@type='checkbox' and @aria-label='Select Cleo Lind']",
    )
    .await;
    app.wait_for(Locator::XPath(
        "//*[@role='toolbar' and @aria-label='Bulk actions']//*[contains(normalize-space(), '2 selected')]",
    ))
    .await;
    click(
        &app,
        "//*[@role='toolbar']//button[normalize-space()='Add tag']",
    )
    .await;
    let tag = app
        .wait_for(Locator::Css("form[aria-label='Add tag'] input"))
        .await;
    tag.send_keys("vip").await.unwrap();
    click(
        &app,
        "//form[@aria-label='Add tag']//button[normalize-space()='Apply']",
    )
    .await;
    app.wait_for(Locator::XPath(
        "//*[contains(normalize-space(), 'Added tag “vip” to 2 customers')]",
    ))
    .await;

    // Filter by the tag, save the filter as a segment.
    app.click_button("Filters").await;
    app.type_into("Tag", "vip").await;
    wait_for_names(&app, &["Anna Berg", "Bo Ek", "Cleo Lind"]).await;
    app.click_button("Save as segment").await;
    app.type_into("Segment name", "VIP regulars").await;
    app.click_button("Save segment").await;
    app.wait_for(Locator::XPath(
        "//ul[@aria-label='Segments']//a[normalize-space()='VIP regulars']",
    ))
    .await;
    app.quit().await;

    // After a restart the segment is in the sidebar and opens the same three.
    let app = RunningApp::launch(data.path()).await;
    click(
        &app,
        "//ul[@aria-label='Segments']//a[normalize-space()='VIP regulars']",
    )
    .await;
    app.wait_for(Locator::XPath(
        "//main//h1[starts-with(normalize-space(), 'Customers')]",
    ))
    .await;
    wait_for_names(&app, &["Anna Berg", "Bo Ek", "Cleo Lind"]).await;
    app.quit().await;
}
