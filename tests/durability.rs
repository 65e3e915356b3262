//! "A write that reported success survives a kill -9": a child process adds
//! customers and is killed with SIGKILL at varied moments; every id it printed
//! (each printed only after the store acknowledged it) must be present after.
//! A process kill leaves the OS page cache intact, so this does not prove
//! survival of a power cut; that rests on the store's fdatasync after sled's flush.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::Duration;

use regulars::Regulars;

fn example_binary(name: &str) -> PathBuf {
    // Integration tests run from target/<profile>/deps; cargo builds examples
    // into target/<profile>/examples before running tests.
    let deps = std::env::current_exe().unwrap();
    let profile_dir = deps.parent().unwrap().parent().unwrap();
    let path = profile_dir.join("examples").join(name);
    assert!(path.exists(), "{} was not built", path.display());
    path
}

/// Runs the writer for `delay`, kills it with SIGKILL, returns the complete lines it printed.
fn write_then_kill(dir: &Path, delay: Duration) -> Vec<String> {
    let mut child = Command::new(example_binary("durability_writer"))
        .arg(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = thread::spawn(move || {
        let mut all = String::new();
        let _ = stdout.read_to_string(&mut all);
        all
    });
    thread::sleep(delay);
    child.kill().unwrap(); // SIGKILL on Unix
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(
        stderr.is_empty(),
        "writer failed before the kill ({status}): {stderr}"
    );
    let out = reader.join().unwrap();
    // A line cut by the kill was never acknowledged; only complete lines count.
    let complete = match out.rfind('\n') {
        Some(end) => &out[..end],
        None => "",
    };
    complete.lines().map(str::to_owned).collect()
}

#[test]
fn every_acknowledged_customer_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let mut acknowledged = Vec::new();
    // Varied delays so kills land in different phases: opening, mid-transaction,
    // mid-flush, between writes.
    for ms in [0, 3, 10, 25, 60, 120, 250, 400, 40, 7, 180, 90] {
        let ids = write_then_kill(dir.path(), Duration::from_millis(ms));
        acknowledged.extend(ids);
        let app = Regulars::open(dir.path()).expect("the store opens after a kill");
        let stored: std::collections::HashSet<String> = app
            .customers()
            .unwrap()
            .into_iter()
            .map(|c| c.id.to_string())
            .collect();
        let lost: Vec<&String> = acknowledged
            .iter()
            .filter(|line| match line.split_once(' ') {
                Some(("customer", id)) => !stored.contains(id),
                Some(("order", id)) => app.order(id).is_err(),
                _ => panic!("the writer printed {line:?}"),
            })
            .collect();
        assert!(
            lost.is_empty(),
            "after the kill at {ms} ms, {} of {} acknowledged writes are missing: {lost:?}",
            lost.len(),
            acknowledged.len()
        );
    }
    assert!(
        acknowledged
            .iter()
            .filter(|l| l.starts_with("order "))
            .count()
            > 20,
        "too few orders were acknowledged for the test to mean anything"
    );
    assert!(
        acknowledged.len() > 50,
        "too few writes were acknowledged ({}) for the test to mean anything",
        acknowledged.len()
    );
}

#[test]
fn a_killed_cli_command_loses_nothing_it_printed() {
    let dir = tempfile::tempdir().unwrap();
    let mut printed = Vec::new();
    for (i, ms) in [1u64, 5, 15, 30, 60, 100, 200, 400].iter().enumerate() {
        let mut child = Command::new(env!("CARGO_BIN_EXE_regulars"))
            .args(["--data-dir"])
            .arg(dir.path())
            .args(["customer", "add", "--name", &format!("Killed {i}")])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        thread::sleep(Duration::from_millis(*ms));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        if text.ends_with('\n') {
            printed.push(text.trim().to_owned());
        }
    }
    assert!(
        !printed.is_empty(),
        "no kill landed after a print; the test checked nothing"
    );
    let app = Regulars::open(dir.path()).unwrap();
    for id in &printed {
        app.customer(id).expect("a printed id is stored");
    }
}
