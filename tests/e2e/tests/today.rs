//! The morning habit: today's birthdays in the Today view, marked done, and still
//! done after a restart (done is stored per occurrence).

use chrono::Datelike;
use fantoccini::Locator;
use regulars::model::CustomerDraft;
use regulars::{Clock, Regulars, SystemClock};
use regulars_e2e::RunningApp;

/// Adds customers the way a previous session (or the CLI) would have.
fn customers(dir: &std::path::Path, people: &[(&str, String)]) {
    let app = Regulars::open(dir).unwrap();
    for (name, birthday) in people {
        let draft = CustomerDraft {
            name: (*name).into(),
            birthday: Some(birthday.clone()),
            ..Default::default()
        };
        app.add_customer(&draft).unwrap();
    }
}

async fn item_texts(app: &RunningApp) -> Vec<String> {
    app.wait_for(Locator::Css("ul[aria-label='Today']")).await;
    let mut texts = Vec::new();
    for li in app
        .client
        .find_all(Locator::Css("ul[aria-label='Today'] li.agenda-item"))
        .await
        .unwrap()
    {
        texts.push(li.text().await.unwrap_or_default());
    }
    texts
}

#[tokio::test]
async fn a_birthday_today_shows_the_age_and_stays_done_after_a_restart() {
    let data = tempfile::tempdir().unwrap();
    // The app computes "today" from the computer's clock and zone; so does the test.
    let today = SystemClock.today();
    let born = today
        .with_year(today.year() - 41)
        .unwrap_or_else(|| today - chrono::Duration::days(1));
    customers(
        data.path(),
        &[
            ("Anna Berg", born.format("%Y-%m-%d").to_string()),
            ("Finn Olsen", today.format("--%m-%d").to_string()),
        ],
    );

    let app = RunningApp::launch(data.path()).await;
    let texts = item_texts(&app).await;
    assert_eq!(texts.len(), 2, "{texts:?}");
    let anna = texts
        .iter()
        .find(|t| t.contains("Anna Berg"))
        .expect("Anna is listed today");
    assert!(anna.contains("turns 41"), "{anna}");
    let finn = texts.iter().find(|t| t.contains("Finn Olsen")).unwrap();
    assert!(!finn.contains("turns"), "no age without a year: {finn}");

    let done = app
        .wait_for(Locator::XPath(
            "//li[contains(@class,'agenda-item')][.//a[normalize-space()='Anna Berg']]\
             //button[normalize-space()='Done']",
        ))
        .await;
    done.click().await.unwrap();
    let started = std::time::Instant::now();
    while item_texts(&app)
        .await
        .iter()
        .any(|t| t.contains("Anna Berg"))
    {
        assert!(
            started.elapsed().as_secs() < 10,
            "Anna's birthday stayed on the list"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.screenshot(std::path::Path::new("artifacts/today.png"))
        .await;
    app.quit().await;

    let app = RunningApp::launch(data.path()).await;
    let texts = item_texts(&app).await;
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].contains("Finn Olsen"), "{texts:?}");
    app.quit().await;
}

/// With a realistic book, the window shows exactly the core's list: each
/// section with its count and one row per item.
#[tokio::test]
async fn the_today_view_shows_the_core_s_list_section_by_section() {
    use regulars::agenda::{Horizon, When};
    let data = tempfile::tempdir().unwrap();
    let expected = {
        let app = Regulars::open(data.path()).unwrap();
        app.seed_demo(300, 7).unwrap();
        let agenda = app.agenda(None, Horizon::Notice).unwrap();
        [
            ("Overdue", When::Overdue),
            ("Today", When::Today),
            ("Upcoming", When::Upcoming),
        ]
        .map(|(title, when)| {
            let n = agenda.items.iter().filter(|i| i.when == when).count();
            (title, n)
        })
    };
    assert!(
        expected.iter().filter(|(_, n)| *n > 0).count() >= 2,
        "sample data fills at least two sections: {expected:?}"
    );

    let app = RunningApp::launch(data.path()).await;
    for (title, n) in expected {
        let list = format!("ul[aria-label='{title}']");
        if n == 0 {
            continue;
        }
        app.wait_for(Locator::Css(&list)).await;
        let rows = app
            .client
            .find_all(Locator::Css(&format!("{list} li.agenda-item")))
            .await
            .unwrap();
        assert_eq!(rows.len(), n, "{title}");
        let heading = app
            .wait_for(Locator::XPath(&format!(
                "//h2[starts-with(normalize-space(), '{title}')]/span[contains(@class,'count')]"
            )))
            .await;
        assert_eq!(
            heading.text().await.unwrap(),
            n.to_string(),
            "{title} count"
        );
    }
    app.screenshot(std::path::Path::new("artifacts/today-sample.png"))
        .await;
    app.quit().await;
}
