//! Benchmarks of files in and out (see BENCHMARKS.md). Run in release:
//!     cargo run --release --example bench_exchange -- 10000 100000
//!
//! - vCard: N demo customers written as one vCard 4.0 file, then imported into an
//!   empty store through the façade (parse, judge, dedupe, one undoable batch, flushed).
//! - JSON backup: M demo customers (with their notes, no orders), a full backup
//!   written to a file (synced), then loaded into an empty store (`import json`).

use std::time::Instant;

use chrono::{TimeZone, Utc};
use regulars::export::vcard::{self, VcardVersion};
use regulars::import::Duplicates;
use regulars::{FixedClock, Regulars};

fn secs(t: Instant) -> String {
    format!("{:.2} s", t.elapsed().as_secs_f64())
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("numbers: vCards, backup customers"))
        .collect();
    let cards = args.first().copied().unwrap_or(10_000);
    let backup_size = args.get(1).copied().unwrap_or(100_000);
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let clock = || Box::new(FixedClock::utc(now));

    // vCards in.
    let people: Vec<_> = regulars::demo::generate(cards, 5, now)
        .into_iter()
        .map(|d| d.customer)
        .collect();
    let mut file = Vec::new();
    vcard::write(&people, VcardVersion::V4, &mut file).expect("vCard");
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Regulars::open_with_clock(dir.path(), clock()).expect("open");
    let t = Instant::now();
    let report = app
        .import_vcard(
            "bench.vcf",
            &file[..],
            Duplicates::Merge,
            false,
            &mut |_| {},
        )
        .expect("import");
    println!(
        "vCard import: {} cards ({:.1} MB) -> {} customers ({} merged as duplicates, {} problems) in {}",
        cards,
        file.len() as f64 / 1e6,
        report.new_customers,
        report.imported - report.new_customers,
        report.errors.len(),
        secs(t)
    );
    drop(app);

    // A full JSON backup, and loading it into an empty store.
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let app = Regulars::open_with_clock(dir.path(), clock()).expect("open");
        let t = Instant::now();
        app.seed_demo_with_orders(backup_size, 1, 0).expect("seed");
        println!("seeded {backup_size} customers in {}", secs(t));
        let file = dir.path().join("backup.json");
        let t = Instant::now();
        let counts = app.export_backup(&file).expect("backup");
        let bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        println!(
            "JSON backup: {} customers, {} notes, {:.1} MB, written and synced in {}",
            counts.customers,
            counts.interactions,
            bytes as f64 / 1e6,
            secs(t)
        );
        let empty = tempfile::tempdir().expect("temp dir");
        let t = Instant::now();
        regulars::app::backup::import_backup(empty.path(), &file).expect("import");
        println!("import json into an empty store: {}", secs(t));
    }
}
