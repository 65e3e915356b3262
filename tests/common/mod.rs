//! Running the `regulars` command line from tests, as a script would: a
//! separate process on a temp data dir, its output read back.

#![allow(dead_code)] // each test file uses the helpers it needs

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// Runs `regulars --data-dir DIR ARGS…` (never the user's own data).
pub fn regulars(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regulars"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("REGULARS_DATA_DIR")
        .output()
        .unwrap()
}

/// Its stdout; the test fails with stderr if the command did.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = regulars(dir, args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Its stdout as JSON.
pub fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(dir, args)).unwrap()
}

/// Its stderr, which must be one line, for a command that must fail.
pub fn failure(dir: &Path, args: &[&str]) -> String {
    let out = regulars(dir, args);
    assert!(!out.status.success(), "{args:?} succeeded");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    err
}
