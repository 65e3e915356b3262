//! Importing contacts in the real app: the owner chooses a vCard in the
//! system's own file dialog (the real GTK one, answered with the keyboard),
//! sees what it holds, including a contact already here and one that cannot
//! be imported by its line, imports it, and finds the customers in the store.
//! A large file shows its progress while it is read.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use regulars::model::CustomerDraft;
use regulars::Regulars;
use regulars_e2e::{answer_file_dialog, RunningApp, WindowManager};

const CONTACTS: &str = "BEGIN:VCARD\r
VERSION:3.0\r
FN:Anna Berg\r
EMAIL:anna@example.com\r
TEL;TYPE=CELL:+49 170 1234567\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:3.0\r
FN:Bruno Costa\r
EMAIL:bruno@example.com\r
BDAY:1985-07-14\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:3.0\r
FN:Carla Dias\r
BDAY:1990-02-30\r
END:VCARD\r
";

async fn choose_contacts_file(app: &RunningApp, file: &Path) {
    app.wait_for(Locator::XPath(
        "//button[normalize-space()='Choose a contacts file…']",
    ))
    .await
    .click()
    .await
    .expect("click");
    answer_file_dialog("Choose a contacts file", file).await;
}

#[tokio::test]
async fn a_vcard_chosen_in_the_file_dialog_is_checked_then_imported() {
    let _wm = WindowManager::start();
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("contacts.vcf");
    std::fs::write(&file, CONTACTS).unwrap();
    {
        let app = Regulars::open(data.path()).unwrap();
        app.add_customer(&CustomerDraft {
            name: "Anna Berg".into(),
            emails: vec!["anna@example.com".into()],
            ..Default::default()
        })
        .unwrap();
    }
    let app = RunningApp::launch(data.path()).await;
    app.js("location.hash = '#/data'; return null;").await;
    app.wait_for(Locator::XPath("//main//h1[normalize-space()='Your data']"))
        .await;

    choose_contacts_file(&app, &file).await;
    // The dry run: one new, one already here (by email), and an impossible
    // birthday named by the line it is on.
    app.wait_for(Locator::XPath(
        "//h3[normalize-space()='What contacts.vcf holds']",
    ))
    .await;
    app.wait_for(Locator::XPath("//li[normalize-space()='1 new customer']"))
        .await;
    app.wait_for(Locator::XPath(
        "//li[contains(normalize-space(), 'Line 16') and contains(., 'has no day 30')]",
    ))
    .await;
    app.click_button("Import 2 contacts").await;
    app.wait_for(Locator::XPath(
        "//h3[normalize-space()='Imported 2 contacts']",
    ))
    .await;
    app.quit().await;

    let app = Regulars::open(data.path()).unwrap();
    let mut customers = app.customers().unwrap();
    customers.sort_by(|a, b| a.name.cmp(&b.name));
    let names: Vec<&str> = customers.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Anna Berg", "Bruno Costa"],
        "Carla's impossible date kept her out"
    );
    assert_eq!(customers[0].phones.len(), 1, "Anna's phone was merged in");
    assert!(
        customers[1].birthday.is_some(),
        "Bruno's birthday came with him"
    );
}

#[tokio::test]
async fn a_large_file_shows_how_far_the_check_has_got() {
    let _wm = WindowManager::start();
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("everyone.vcf");
    {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
        for i in 0..60_000 {
            write!(
                out,
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nEMAIL:p{i}@example.org\r\nNOTE:Met at the market, stall {i}\r\nEND:VCARD\r\n"
            )
            .unwrap();
        }
    }
    let app = RunningApp::launch(data.path()).await;
    app.js("location.hash = '#/data'; return null;").await;
    app.wait_for(Locator::XPath("//main//h1[normalize-space()='Your data']"))
        .await;

    choose_contacts_file(&app, &file).await;
    // While the file is read, a progress bar shows part of it done.
    let started = Instant::now();
    let mut seen = None;
    while started.elapsed() < Duration::from_secs(30) {
        let value = app
            .js("const p = document.querySelector('progress'); return p && p.hasAttribute('value') ? [p.value, p.max] : null;")
            .await;
        if let Some(pair) = value.as_array() {
            let (done, max) = (pair[0].as_f64().unwrap(), pair[1].as_f64().unwrap());
            if done > 0.0 && done < max {
                seen = Some((done, max));
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    let (done, max) = seen.expect("a progress bar part way through the file");
    assert_eq!(max as u64, std::fs::metadata(&file).unwrap().len());
    assert!(done > 0.0);
    app.wait_for(Locator::XPath(
        "//h3[normalize-space()='What everyone.vcf holds']",
    ))
    .await;
    // The count is in the owner's number format ("60,000", "60.000" or "60000").
    let first = app
        .js("return document.querySelector('.summary li').textContent.replace(/[^0-9a-z ]/g, '');")
        .await;
    assert_eq!(first.as_str(), Some("60000 new customers"));
    assert!(
        app.js("return document.querySelector('progress') === null;")
            .await
            .as_bool()
            .unwrap(),
        "the progress bar is gone once the check is done"
    );
    app.quit().await;
}
