//! A complaint in the real app: opened from the customer's page, on Today by
//! the policy's deadline, taken through its steps, and gone from Today once
//! resolved.

use fantoccini::Locator;
use regulars::model::CustomerDraft;
use regulars::Regulars;
use regulars_e2e::RunningApp;

const DUE: &str =
    "//li[contains(@class,'agenda-item')][contains(normalize-space(), 'complaint: Cake was late')]";

#[tokio::test]
async fn a_complaint_opened_on_the_customer_page_is_on_today_until_it_is_resolved() {
    let data = tempfile::tempdir().unwrap();
    {
        let app = Regulars::open(data.path()).unwrap();
        app.add_customer(&CustomerDraft {
            name: "Anna Berg".into(),
            ..Default::default()
        })
        .unwrap();
        // A strict policy: acknowledge and resolve within a day, shown a day ahead,
        // so a complaint opened today is on today's list at once.
        let mut settings = app.settings().unwrap();
        settings.complaints.acknowledge_days = 1;
        settings.complaints.resolve_days = 1;
        settings.reminders.complaint_notice_days = 1;
        app.save_settings(&settings).unwrap();
    }
    let app = RunningApp::launch(data.path()).await;
    app.open_section("Customers").await;
    app.wait_for(Locator::LinkText("Anna Berg"))
        .await
        .click()
        .await
        .unwrap();
    app.click_button("Open a complaint").await;
    app.type_into("What went wrong", "Cake was late").await;
    app.click_button("Open complaint").await;
    app.wait_for(Locator::XPath(
        "//main//*[contains(normalize-space(), 'Complaint opened: Cake was late')]",
    ))
    .await;

    app.open_section("Today").await;
    app.wait_for(Locator::XPath(&format!(
        "{DUE}[contains(normalize-space(), 'Acknowledge')]"
    )))
    .await;

    app.open_section("Customers").await;
    app.wait_for(Locator::LinkText("Anna Berg"))
        .await
        .click()
        .await
        .unwrap();
    app.click_button("Acknowledge").await;
    app.wait_for(Locator::XPath(
        "//main//*[contains(normalize-space(), 'Complaint acknowledged')]",
    ))
    .await;
    app.open_section("Today").await;
    app.wait_for(Locator::XPath(&format!(
        "{DUE}[contains(normalize-space(), 'Resolve')]"
    )))
    .await;

    app.open_section("Customers").await;
    app.wait_for(Locator::LinkText("Anna Berg"))
        .await
        .click()
        .await
        .unwrap();
    app.click_button("Resolve…").await;
    app.wait_for(Locator::Css("dialog[aria-label='Resolve complaint'][open]"))
        .await;
    app.type_into("How was it resolved?", "Refunded and apologised")
        .await;
    app.click_button("Resolve complaint").await;
    app.wait_for(Locator::XPath(
        "//main//*[contains(normalize-space(), 'Complaint resolved: Refunded and apologised')]",
    ))
    .await;
    app.open_section("Today").await;
    app.wait_for(Locator::XPath(
        "//*[contains(normalize-space(), 'Nothing due')]",
    ))
    .await;
    assert!(
        app.client.find(Locator::XPath(DUE)).await.is_err(),
        "the resolved complaint left Today"
    );
    app.quit().await;
}
