//! Logging an order from a customer's page in the real app, and seeing it on
//! the timeline, in the orders list and in what insights say of the customer.

use fantoccini::Locator;
use regulars::model::CustomerDraft;
use regulars::Regulars;
use regulars_e2e::RunningApp;

#[tokio::test]
async fn an_order_logged_on_the_customer_page_is_on_the_timeline_and_in_their_insights() {
    let data = tempfile::tempdir().unwrap();
    {
        let app = Regulars::open(data.path()).unwrap();
        app.add_customer(&CustomerDraft {
            name: "Anna Berg".into(),
            ..Default::default()
        })
        .unwrap();
    }
    let app = RunningApp::launch(data.path()).await;
    app.open_section("Customers").await;
    app.wait_for(Locator::LinkText("Anna Berg"))
        .await
        .click()
        .await
        .unwrap();
    app.click_button("Log order").await;
    app.wait_for(Locator::Css("form[aria-label='Log order']"))
        .await;
    app.type_into("Product", "Sourdough loaf").await;
    app.type_into("Quantity", "2").await;
    app.type_into("Unit price", "6.50").await;
    app.click_button("Save order").await;
    // The timeline says what was bought and the total the core computed.
    app.wait_for(Locator::XPath(
        "//main//*[contains(normalize-space(), '2 × Sourdough loaf — 13.00 EUR')]",
    ))
    .await;
    // A quantity the core refuses is named beside its box, and nothing is saved.
    app.click_button("Log order").await;
    app.type_into("Product", "Butter").await;
    app.type_into("Quantity", "-1").await;
    app.type_into("Unit price", "4").await;
    app.click_button("Save order").await;
    app.wait_for(Locator::XPath(
        "//*[contains(normalize-space(), 'must be more than 0')]",
    ))
    .await;
    app.quit().await;

    let app = Regulars::open(data.path()).unwrap();
    let anna = app.customers().unwrap().remove(0);
    let orders = app.orders_of(&anna.id.to_string()).unwrap();
    assert_eq!(orders.len(), 1, "only the good order was saved");
    assert_eq!(orders[0].total.minor, 1300);
    let mine = app.customer_insight(&anna.id.to_string(), None).unwrap();
    assert_eq!(mine.lifetime.map(|l| l.total_minor), Some(1300));
}
