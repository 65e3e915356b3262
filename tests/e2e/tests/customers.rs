//! User journeys on the Customers view, against the real built app.

use fantoccini::Locator;
use regulars::Regulars;
use regulars_e2e::RunningApp;

fn artifacts() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts")
}

#[tokio::test]
async fn a_customer_added_in_the_window_is_still_there_after_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let app = RunningApp::launch(data.path()).await;
    app.open_section("Customers").await;

    app.type_into("Name", "Anna Berg").await;
    app.type_into("Email", "anna@example.com").await;
    app.type_into("Phone", "+46 70 123 45 67").await;
    app.type_into("Day", "23").await;
    app.choose("Month", "11").await;
    app.type_into("Year", "1985").await;
    app.click_button("Add customer").await;
    app.wait_listed("Anna Berg").await;

    // A second customer whose birth year is unknown.
    app.type_into("Name", "Finn Holm").await;
    app.type_into("Day", "29").await;
    app.choose("Month", "2").await;
    app.field("Year unknown").await.click().await.unwrap();
    app.click_button("Add customer").await;
    app.wait_listed("Finn Holm").await;

    // The form is cleared for the next customer.
    let name = app.field("Name").await.prop("value").await.unwrap();
    assert_eq!(name.as_deref(), Some(""));

    // A few more so the screenshot shows a lived-in list.
    for (n, email) in [
        ("Bakery Nord", "orders@bakerynord.example"),
        ("Clara Jensen", "clara@example.com"),
    ] {
        app.type_into("Name", n).await;
        app.type_into("Email", email).await;
        app.click_button("Add customer").await;
        app.wait_listed(n).await;
    }
    app.screenshot(&artifacts().join("customers.png")).await;
    app.quit().await;

    // The store itself holds what the window showed.
    {
        let store = Regulars::open(data.path()).unwrap();
        let anna = store
            .customers()
            .unwrap()
            .into_iter()
            .find(|c| c.name == "Anna Berg")
            .expect("Anna is stored");
        assert_eq!(anna.birthday.unwrap().to_string(), "1985-11-23");
        assert_eq!(anna.emails, ["anna@example.com"]);
        let finn = store
            .customers()
            .unwrap()
            .into_iter()
            .find(|c| c.name == "Finn Holm");
        assert_eq!(finn.unwrap().birthday.unwrap().to_string(), "--02-29");
    }

    let app = RunningApp::launch(data.path()).await;
    app.open_section("Customers").await;
    app.wait_listed("Anna Berg").await;
    let names = app.listed_names().await;
    assert_eq!(
        names,
        ["Anna Berg", "Bakery Nord", "Clara Jensen", "Finn Holm"]
    );
    app.quit().await;
}

#[tokio::test]
async fn an_impossible_birthday_is_refused_beside_the_field_and_nothing_is_added() {
    let data = tempfile::tempdir().unwrap();
    let app = RunningApp::launch(data.path()).await;
    app.open_section("Customers").await;

    app.type_into("Name", "Bad Date").await;
    app.type_into("Day", "30").await;
    app.choose("Month", "2").await;
    app.type_into("Year", "2025").await;
    app.click_button("Add customer").await;

    let alert = app
        .wait_for(Locator::XPath(
            "//fieldset[legend[normalize-space()='Birthday']]//*[@role='alert']",
        ))
        .await;
    let text = alert.text().await.unwrap();
    assert!(text.contains("February 2025 has no day 30"), "{text}");
    let invalid = app.field("Day").await.attr("aria-invalid").await.unwrap();
    assert_eq!(invalid.as_deref(), Some("true"));
    assert!(app.listed_names().await.is_empty());
    // What was typed is kept so the owner can correct it.
    let kept = app.field("Name").await.prop("value").await.unwrap();
    assert_eq!(kept.as_deref(), Some("Bad Date"));
    app.quit().await;

    let store = Regulars::open(data.path()).unwrap();
    assert!(store.customers().unwrap().is_empty(), "nothing was written");
}
