//! Sending congratulations from the daily list: the composer, the clipboard, the
//! reminder done and the message on the customer's timeline.

use std::process::Command;
use std::time::{Duration, Instant};

use chrono::Datelike;
use fantoccini::Locator;
use regulars::model::CustomerDraft;
use regulars::{Clock, Regulars, SystemClock};
use regulars_e2e::RunningApp;

fn clipboard() -> String {
    let out = Command::new("xclip")
        .args(["-o", "-selection", "clipboard"])
        .output()
        .expect("xclip is installed (scripts/setup.sh installs it)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
async fn a_birthday_wish_copied_from_today_is_logged_and_the_birthday_is_done() {
    let data = tempfile::tempdir().unwrap();
    let today = SystemClock.today();
    let born = today
        .with_year(today.year() - 41)
        .unwrap_or_else(|| today - chrono::Duration::days(1));
    {
        let app = Regulars::open(data.path()).unwrap();
        let mut settings = app.settings().unwrap();
        settings.business.owner_name = Some("Maria".into());
        app.save_settings(&settings).unwrap();
        app.add_customer(&CustomerDraft {
            name: "Anna Berg".into(),
            given_name: Some("Anna".into()),
            birthday: Some(born.format("%Y-%m-%d").to_string()),
            emails: vec!["anna@example.com".into()],
            ..Default::default()
        })
        .unwrap();
    }

    let app = RunningApp::launch(data.path()).await;
    app.wait_for(Locator::XPath(
        "//li[contains(@class,'agenda-item')]//button[normalize-space()='Write message']",
    ))
    .await
    .click()
    .await
    .unwrap();
    app.wait_for(Locator::Css("dialog[aria-label='Write message'][open]"))
        .await;
    let message = app.field("Message").await;
    let started = Instant::now();
    let text = loop {
        let value = message.prop("value").await.unwrap().unwrap_or_default();
        if value.contains("birthday") {
            break value;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no message rendered"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(text.contains("Happy 41st birthday!"), "{text}");
    assert!(
        text.starts_with("Dear Anna,") && text.ends_with("Maria"),
        "{text}"
    );

    app.screenshot(std::path::Path::new("artifacts/composer.png"))
        .await;
    app.click_button("Copy message").await;
    let started = Instant::now();
    while app
        .client
        .find(Locator::Css("dialog[aria-label='Write message'][open]"))
        .await
        .is_ok()
    {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the composer stayed open"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(clipboard().trim_end(), text.trim_end());

    // Done: Anna's birthday left the list; the message is on her timeline.
    app.wait_for(Locator::XPath(
        "//*[contains(normalize-space(), 'Nothing due')]",
    ))
    .await;
    app.open_section("Customers").await;
    app.wait_for(Locator::LinkText("Anna Berg"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(Locator::XPath(
        "//main//*[contains(normalize-space(), 'Happy 41st birthday!')]",
    ))
    .await;
    app.quit().await;
}
