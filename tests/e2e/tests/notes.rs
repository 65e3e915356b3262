//! Knowing the customer, end to end: a rich profile, a meeting note through the
//! quick-note shortcut, a crash while typing the next one, and user text that
//! must stay text.

use std::time::Duration;

use fantoccini::Locator;
use regulars::model::CustomerDraft;
use regulars::Regulars;
use regulars_e2e::RunningApp;

fn artifacts() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts")
}

async fn pick_customer(app: &RunningApp, name: &str) {
    app.type_into("Customer", name).await;
    app.wait_for(Locator::XPath(&format!(
        "//*[@role='option'][contains(normalize-space(), '{name}')]"
    )))
    .await
    .click()
    .await
    .expect("choose the customer");
}

#[tokio::test]
async fn a_note_survives_and_a_draft_being_typed_survives_a_crash() {
    let data = tempfile::tempdir().unwrap();
    let app = RunningApp::launch(data.path()).await;
    app.open_section("Customers").await;

    // A customer whose birth year is unknown…
    app.type_into("Name", "Maja Lindqvist").await;
    app.type_into("Day", "14").await;
    app.choose("Month", "3").await;
    app.field("Year unknown").await.click().await.unwrap();
    app.click_button("Add customer").await;
    app.wait_listed("Maja Lindqvist").await;

    // …with two yearly dates, tags and a preferred channel, set on her page.
    app.wait_for(Locator::LinkText("Maja Lindqvist"))
        .await
        .click()
        .await
        .unwrap();
    app.wait_for(Locator::XPath("//h1[normalize-space()='Maja Lindqvist']"))
        .await;
    app.click_button("Edit").await;
    app.type_into("Tags", "vip, catering").await;
    app.choose("Preferred channel", "whatsapp").await;
    for (label, date) in [
        ("Wedding anniversary", "2015-06-01"),
        ("Customer since", "2020-03-15"),
    ] {
        app.click_button("Add a date").await;
        let rows = app
            .client
            .find_all(Locator::Css("[data-row='date']"))
            .await
            .unwrap();
        let row = rows.last().expect("a new date row");
        row.find(Locator::Css("input[name='date-label']"))
            .await
            .unwrap()
            .send_keys(label)
            .await
            .unwrap();
        row.find(Locator::Css("input[name='date-value']"))
            .await
            .unwrap()
            .send_keys(date)
            .await
            .unwrap();
    }
    app.click_button("Save").await;
    app.wait_for(Locator::XPath(
        "//*[contains(normalize-space(), 'Wedding anniversary')]",
    ))
    .await;

    // A meeting note with a follow-up, through the shortcut.
    app.press_ctrl_shift('N').await;
    app.wait_for(Locator::Css("dialog[aria-label='Quick note'][open]"))
        .await;
    pick_customer(&app, "Maja").await;
    app.choose("Kind", "meeting").await;
    app.type_into(
        "Note",
        "Lunch at the market: wants **cinnamon buns** for the May wedding.",
    )
    .await;
    app.click_button("Next week").await;
    app.click_button("Save note").await;
    app.wait_for(Locator::XPath(
        "//*[@role='status'][contains(., 'Note saved for Maja Lindqvist')]",
    ))
    .await;
    app.wait_for(Locator::XPath("//ol[@aria-label='Timeline']/li"))
        .await;
    app.screenshot(&artifacts().join("customer-page.png")).await;

    // A second note is half typed when the app dies.
    app.press_ctrl_shift('N').await;
    app.wait_for(Locator::Css("dialog[aria-label='Quick note'][open]"))
        .await;
    pick_customer(&app, "Maja").await;
    app.type_into("Note", "Call back about the delivery van")
        .await;
    tokio::time::sleep(Duration::from_millis(1500)).await; // past the autosave debounce
    app.screenshot(&artifacts().join("quick-note.png")).await;
    app.kill().await;

    // The store holds exactly what was acknowledged.
    {
        let store = Regulars::open(data.path()).unwrap();
        let maja = store
            .customers()
            .unwrap()
            .into_iter()
            .find(|c| c.name == "Maja Lindqvist")
            .unwrap();
        assert_eq!(maja.birthday.unwrap().to_string(), "--03-14");
        assert_eq!(maja.dates.len(), 2);
        assert_eq!(maja.tags, ["vip", "catering"]);
        let timeline = store.timeline(&maja.id.to_string()).unwrap();
        assert_eq!(timeline.len(), 1);
        assert!(timeline[0].follow_up.is_some());
        assert!(store
            .quick_note_draft()
            .unwrap()
            .unwrap()
            .contains("delivery van"));
    }

    let app = RunningApp::launch(data.path()).await;
    let banner = app
        .wait_for(Locator::XPath(
            "//*[contains(normalize-space(), 'You have an unsaved note for Maja Lindqvist')]",
        ))
        .await;
    assert!(banner.is_displayed().await.unwrap());
    app.click_button("Continue note").await;
    let note = app.field("Note").await.prop("value").await.unwrap();
    assert_eq!(note.as_deref(), Some("Call back about the delivery van"));
    app.quit().await;
}

#[tokio::test]
async fn names_and_notes_that_look_like_html_stay_text() {
    let data = tempfile::tempdir().unwrap();
    let hostile_name = "<img src=x onerror=alert(1)>";
    let hostile_note =
        "<script>window.__pwned = 1</script> and <img src=y onerror=\"window.__pwned=2\">";
    {
        let store = Regulars::open(data.path()).unwrap();
        let c = store
            .add_customer(&CustomerDraft {
                name: hostile_name.into(),
                ..Default::default()
            })
            .unwrap();
        let note = regulars::model::InteractionDraft {
            text: hostile_note.into(),
            ..Default::default()
        };
        store.log_interaction(&c.id.to_string(), &note).unwrap();
    }
    let app = RunningApp::launch(data.path()).await;
    app.open_section("Customers").await;
    app.wait_listed(hostile_name).await;
    app.wait_for(Locator::LinkText(hostile_name))
        .await
        .click()
        .await
        .unwrap();
    let timeline = app
        .wait_for(Locator::Css("ol[aria-label='Timeline']"))
        .await;
    let shown = timeline.text().await.unwrap();
    assert!(
        shown.contains("<script>"),
        "the note is shown as typed: {shown}"
    );
    let made = app
        .js("return [document.querySelectorAll('main img').length, document.querySelectorAll('main script').length, window.__pwned === undefined]")
        .await;
    assert_eq!(
        made,
        serde_json::json!([0, 0, true]),
        "no element was created from user text"
    );
    app.quit().await;
}
