//! Benchmarks on generated data (see BENCHMARKS.md). Run in release:
//!     cargo run --release --example bench_customers -- 1000 10000 100000
//! For each size: seeds a fresh store, then times reopening (which rebuilds the
//! search index), search as the owner types, the full list and a tag filter.

use std::time::{Duration, Instant};

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
    println!("| customers | seed (write) | reopen + index | find p50 / p95 | list all p50 / p95 | tag filter p50 / p95 | disk |");
    println!("|---|---|---|---|---|---|---|");
    for n in sizes {
        let dir = tempfile::tempdir().unwrap();
        let started = Instant::now();
        {
            let app = Regulars::open(dir.path()).unwrap();
            app.seed_demo(n, 42).unwrap();
        }
        let seeded = started.elapsed();
        let started = Instant::now();
        let app = Regulars::open(dir.path()).unwrap();
        let reopened = started.elapsed();
        let (find50, find95) = time(240, |i| app.find_customers(queries[i % queries.len()], 20));
        let runs = if n >= 100_000 { 10 } else { 40 };
        let (list50, list95) = time(runs, |_| app.customers().unwrap().len());
        let (tag50, tag95) = time(runs, |_| app.customers_tagged("vip").unwrap().len());
        let disk: u64 = walk(dir.path());
        println!(
            "| {n} | {} | {} | {} / {} | {} / {} | {} / {} | {:.0} MB |",
            ms(seeded),
            ms(reopened),
            ms(find50),
            ms(find95),
            ms(list50),
            ms(list95),
            ms(tag50),
            ms(tag95),
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
