//! Benchmark of insights on generated orders (see BENCHMARKS.md). Run in release:
//!     cargo run --release --example bench_insights -- 10000 500000
//!
//! Builds a store of N demo customers with demo orders (a bakery's rhythms,
//! baskets, drifters and seasonal buyers) over as many years as it takes to
//! reach about M order lines, reopens it, then times through the façade:
//! - the first `insights` after opening (reads and decodes every order, then analyses);
//! - later `insights` calls (the order lines are kept in memory and in step);
//! - `customer_insight`, logging an order, and the daily list with order drops and seasons.

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use regulars::agenda::Horizon;
use regulars::model::{Customer, CustomerId, Interaction, OrderDraft, OrderLineDraft};
use regulars::{FixedClock, Regulars};

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    (
        percentile(&mut samples, 0.5),
        percentile(&mut samples, 0.95),
    )
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("numbers: customers, order lines"))
        .collect();
    let customers = args.first().copied().unwrap_or(10_000);
    let target_lines = args.get(1).copied().unwrap_or(500_000);
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let today = now.date_naive();
    let dir = tempfile::tempdir().expect("temp dir");

    // Lines grow with the years of history; find the years that reach the target.
    let generated = regulars::demo::generate(customers, 1, now);
    let people: Vec<Customer> = generated.iter().map(|d| d.customer.clone()).collect();
    let ids: Vec<CustomerId> = people.iter().map(|c| c.id).collect();
    let mut years = 1;
    let orders = loop {
        let orders = regulars::demo::orders(&ids, 1, today, years);
        let lines: usize = orders.iter().map(|o| o.lines.len()).sum();
        if lines >= target_lines || years >= 40 {
            break orders;
        }
        years += 1;
    };
    let lines: usize = orders.iter().map(|o| o.lines.len()).sum();

    let started = Instant::now();
    {
        let app =
            Regulars::open_with_clock(dir.path(), Box::new(FixedClock::utc(now))).expect("open");
        let notes: Vec<Interaction> = generated
            .iter()
            .flat_map(|d| d.interactions.iter().cloned())
            .collect();
        app.store().put_many(&people, &notes).expect("customers");
        app.store()
            .save_orders(&[], &regulars::demo::products(now), &[])
            .expect("catalogue");
        for chunk in orders.chunks(20_000) {
            app.store().save_orders(chunk, &[], &[]).expect("orders");
        }
    }
    let seeded = started.elapsed();
    let disk: u64 = walk_size(dir.path());

    let t = Instant::now();
    let app =
        Regulars::open_with_clock(dir.path(), Box::new(FixedClock::utc(now))).expect("reopen");
    let reopen = t.elapsed();
    let t = Instant::now();
    let decoded: usize = app
        .store()
        .all_orders()
        .expect("read")
        .iter()
        .map(|o| o.lines.len())
        .sum();
    let read_all = t.elapsed();
    let t = Instant::now();
    let first = app.insights(None).expect("insights");
    let cold = t.elapsed();
    let (warm50, warm95) = timed(20, || app.insights(None).expect("insights"));
    let someone = first
        .order_drops
        .first()
        .map(|d| d.customer_id.to_string())
        .unwrap_or_else(|| ids[0].to_string());
    let (one50, one95) = timed(10, || app.customer_insight(&someone, None).expect("one"));
    let (today50, today95) = timed(50, || app.agenda(None, Horizon::Notice).expect("agenda"));
    let (week50, week95) = timed(50, || app.agenda(None, Horizon::Days(7)).expect("agenda"));
    let agenda = app.agenda(None, Horizon::Notice).expect("agenda");
    let drops_listed = agenda
        .items
        .iter()
        .filter(|i| i.kind == regulars::agenda::ItemKind::OrderDrop)
        .count();
    let draft = OrderDraft {
        date: Some(today.to_string()),
        lines: vec![OrderLineDraft {
            product: "Sourdough loaf".into(),
            quantity: "2".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let (add50, add95) = timed(50, || app.add_order(&someone, &draft).expect("order"));
    let (after50, after95) = timed(5, || app.insights(None).expect("insights"));

    println!(
        "customers {customers}, orders {}, order lines {lines} ({years} years)",
        orders.len()
    );
    println!(
        "seed (write) {:.1} s, disk {} MB, reopen {}",
        seeded.as_secs_f64(),
        disk / 1_000_000,
        ms(reopen)
    );
    println!(
        "read + decode every order ({decoded} lines): {}",
        ms(read_all)
    );
    println!(
        "insights, first after opening (read + decode + analyse): {}",
        ms(cold)
    );
    println!(
        "insights, later calls p50 / p95: {} / {}",
        ms(warm50),
        ms(warm95)
    );
    println!(
        "insights after 50 more orders p50 / p95: {} / {}",
        ms(after50),
        ms(after95)
    );
    println!("customer_insight p50 / p95: {} / {}", ms(one50), ms(one95));
    println!("add_order p50 / p95: {} / {}", ms(add50), ms(add95));
    println!(
        "Today view ({} items, {drops_listed} order drops) p50 / p95: {} / {}; 7-day list p50 / p95: {} / {}",
        agenda.items.len(),
        ms(today50),
        ms(today95),
        ms(week50),
        ms(week95)
    );
    println!(
        "found: {} order drops, {} rfm rows, {} cross-sell suggestions, {} pairs, {} products by season",
        first.order_drops.len(),
        first.rfm.len(),
        first.cross_sell.len(),
        first.pairs.len(),
        first.seasonality.len()
    );
}

fn walk_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => walk_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}
