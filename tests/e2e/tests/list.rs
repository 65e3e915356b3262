//! The customer list at work: sample data from the empty state, then search and
//! filters answered by the core.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use regulars_e2e::RunningApp;

async fn wait_for_count(app: &RunningApp, expected: &str) {
    let started = Instant::now();
    loop {
        let text = app
            .wait_for(Locator::Css("main"))
            .await
            .text()
            .await
            .unwrap();
        if text.contains(expected) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "never showed {expected:?}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

#[tokio::test]
async fn sample_data_then_search_and_filter_narrow_the_list() {
    let data = tempfile::tempdir().unwrap();
    let app = RunningApp::launch(data.path()).await;
    app.open_section("Customers").await;

    app.click_button("Try with sample data").await;
    wait_for_count(&app, "200 customers").await;
    let first = app.listed_names().await;
    assert!(!first.is_empty(), "rows are rendered");

    // Search for the first customer's family name: every row shown contains it.
    let family = first[0].split_whitespace().last().unwrap().to_owned();
    app.type_into("Search customers", &family).await;
    let started = Instant::now();
    loop {
        let names = app.listed_names().await;
        if !names.is_empty() && names.len() < first.len().max(2)
            || names.iter().all(|n| n.contains(&family)) && !names.is_empty()
        {
            assert!(
                names.iter().all(|n| n.contains(&family)),
                "{names:?} all contain {family}"
            );
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "search never narrowed: {names:?}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }

    // A search that matches nothing says so and offers to clear it.
    app.type_into("Search customers", "zzqx no such person")
        .await;
    app.wait_for(Locator::XPath(
        "//*[contains(normalize-space(), 'No customers match')]",
    ))
    .await;
    app.click_button("Clear search").await;
    wait_for_count(&app, "200 customers").await;

    // The tag filter: every sample customer carries 'demo'; an unknown tag matches none.
    app.click_button("Filters").await;
    app.type_into("Tag", "demo").await;
    wait_for_count(&app, "200 customers").await;
    app.type_into("Tag", "no-such-tag").await;
    app.wait_for(Locator::XPath(
        "//*[contains(normalize-space(), 'No customers match these filters')]",
    ))
    .await;
    app.quit().await;
}
