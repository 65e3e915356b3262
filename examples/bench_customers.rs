//! Benchmarks on generated data (see BENCHMARKS.md). Run in release:
//!     cargo run --release --example bench_customers -- 1000 10000 100000
//! For each size: seeds a fresh store, then times reopening (which rebuilds the
//! index), search as the owner types, list queries (first page of 200, filtered
//! by tag / birthday within 7 days / not contacted for 60 days / tag + channel,
//! in three sort orders) from the index, and the old path that reads every record.

use std::time::{Duration, Instant};

use regulars::listing::{CustomerQuery, SortBy};
use regulars::Regulars;

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[i]
}

fn time<T>(runs: usize, mut f: impl FnMut(usize) -> T) -> (Duration, Duration) {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|i| {
            let t = Instant::now();
            std::hint::black_box(f(i));
            t.elapsed()
        })
        .collect();
    (
        percentile(&mut samples, 0.5),
        percentile(&mut samples, 0.95),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("sizes are numbers"))
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000, 100_000]
    } else {
        sizes
    };
    let queries = [
        "a",
        "an",
        "ann",
        "berg",
        "jose",
        "bak",
        "café",
        "holm",
        "nils",
        "xq",
        "anbg",
        "example.com",
    ];
    let queries_list = [
        CustomerQuery::default(),
        CustomerQuery {
            tag: Some("vip".into()),
            ..Default::default()
        },
        CustomerQuery {
            birthday_within_days: Some(7),
            ..Default::default()
        },
        CustomerQuery {
            not_contacted_for_days: Some(60),
            sort: SortBy::LastContacted,
            ..Default::default()
        },
        CustomerQuery {
            tag: Some("wholesale".into()),
            channel: Some(regulars::model::Channel::Email),
            sort: SortBy::Created,
            ..Default::default()
        },
    ];
    println!("| customers | seed (write) | reopen + index | find p50 / p95 | list query p50 / p95 | old full read p50 / p95 | disk |");
    println!("|---|---|---|---|---|---|---|");
    for n in sizes {
        let dir = tempfile::tempdir().unwrap();
        let started = Instant::now();
        {
            let app = Regulars::open(dir.path()).unwrap();
            app.seed_demo_with_orders(n, 42, 0).unwrap();
        }
        let seeded = started.elapsed();
        let started = Instant::now();
        let app = Regulars::open(dir.path()).unwrap();
        let reopened = started.elapsed();
        let (find50, find95) = time(240, |i| app.find_customers(queries[i % queries.len()], 20));
        let runs = if n >= 100_000 { 10 } else { 40 };
        let (list50, list95) = time(runs, |_| app.customers().unwrap().len());
        let (q50, q95) = time(500, |i| {
            app.list_customers(&queries_list[i % queries_list.len()])
                .total
        });
        let disk: u64 = walk(dir.path());
        println!(
            "| {n} | {} | {} | {} / {} | {} / {} | {} / {} | {:.0} MB |",
            ms(seeded),
            ms(reopened),
            ms(find50),
            ms(find95),
            ms(q50),
            ms(q95),
            ms(list50),
            ms(list95),
            disk as f64 / 1e6
        );
    }
}

fn walk(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => walk(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}
