//! A second launch of Regulars hands over to the running one and exits,
//! leaving the first window (and its hold on the store) untouched.

use std::process::Command;
use std::time::{Duration, Instant};

use regulars_e2e::{app_binary, RunningApp};

#[tokio::test]
async fn a_second_launch_exits_and_the_first_keeps_working() {
    let data = tempfile::tempdir().unwrap();
    let app = RunningApp::launch(data.path()).await;

    let mut second = Command::new(app_binary())
        .env("REGULARS_DATA_DIR", data.path())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(15) {
            let _ = second.kill();
            panic!("the second instance kept running");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(status.success(), "second instance exited with {status}");

    app.open_section("Customers").await;
    app.type_into("Name", "Still Here").await;
    app.click_button("Add customer").await;
    app.wait_listed("Still Here").await;
    app.quit().await;
}
