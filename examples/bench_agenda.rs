//! Benchmarks of the daily list on generated data (see BENCHMARKS.md). Run in release:
//!     cargo run --release --example bench_agenda -- 1000 100000
//!
//! Two stores per size, each with 10 interactions per customer (1M at 100k):
//! - *fixed list*: everyone's dates, follow-ups and cadences fall outside the
//!   7-day window except 50 customers'; the list is the same size at every store
//!   size, so the time shows what the store's size costs (the ratio ≤ 2);
//! - *demo data*: `seed_demo` without orders, dates spread over the year as in life, so the list
//!   grows with the store (about 1 in 50 customers has something due in a week).

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{Duration as Days, NaiveDate, TimeZone, Utc};
use regulars::agenda::Horizon;
use regulars::model::{
    validate_interaction, validate_new_customer, Customer, CustomerDraft, CustomerId, DateDraft,
    Interaction, InteractionDraft,
};
use regulars::{FixedClock, Regulars};

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// A small deterministic generator (splitmix64), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const TODAY: (i32, u32, u32) = (2026, 6, 15);
const FOREGROUND: usize = 50;
const NOTES_EACH: usize = 10;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap()
}

/// A day of 2026 outside June (so outside the window and its grace days).
fn day_outside_june(rng: &mut Rng) -> NaiveDate {
    loop {
        let d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Days::days(rng.below(365) as i64);
        if d.format("%m").to_string() != "06" {
            return d;
        }
    }
}

/// Customer `i`: the first FOREGROUND have something due this week, one of each
/// kind in turn; the rest have nothing due within the window.
fn person(i: usize, rng: &mut Rng, clock: &FixedClock) -> (Customer, Vec<Interaction>) {
    let now = clock.now;
    let foreground = i < FOREGROUND;
    let kind = i % 4;
    let in_window = |offset: i64| today() + Days::days(offset);
    let birthday = if foreground && kind == 0 {
        in_window(rng.below(10) as i64 - 3)
    } else {
        day_outside_june(rng)
    };
    let anniversary = if foreground && kind == 1 {
        in_window(rng.below(10) as i64 - 3)
    } else {
        day_outside_june(rng)
    };
    let draft = CustomerDraft {
        name: format!("Customer {i:06}"),
        birthday: Some(format!(
            "{}-{}",
            1950 + rng.below(50),
            birthday.format("%m-%d")
        )),
        dates: vec![DateDraft {
            label: "Customer since".into(),
            date: format!("{}-{}", 2010 + rng.below(15), anniversary.format("%m-%d")),
        }],
        cadence_days: Some(30),
        ..Default::default()
    };
    let created = now - Days::days(1000);
    let mut c = validate_new_customer(&draft, CustomerId::new_v7(), created, today()).unwrap();
    let notes: Vec<Interaction> = (0..NOTES_EACH)
        .map(|n| {
            let latest = n + 1 == NOTES_EACH;
            // Everyone was contacted in the last 10 days (cadence not due this week),
            // except the keep-in-touch foreground, last contacted 35 days ago.
            let minutes = if latest {
                if foreground && kind == 3 {
                    35 * 24 * 60
                } else {
                    rng.below(10 * 24 * 60)
                }
            } else {
                10 * 24 * 60 + rng.below(400 * 24 * 60)
            };
            let at = now - Days::minutes(minutes as i64);
            // Open follow-ups: this week for the follow-up foreground, else months away.
            let follow_up = latest.then(|| {
                if foreground && kind == 2 {
                    in_window(rng.below(10) as i64 - 5)
                } else {
                    today() + Days::days(60 + rng.below(120) as i64)
                }
            });
            let draft = InteractionDraft {
                text: "Talked about the spring order and her daughter's wedding.".into(),
                at: Some(at.format("%Y-%m-%dT%H:%M").to_string()),
                follow_up: follow_up.map(|d| d.format("%Y-%m-%d").to_string()),
                ..Default::default()
            };
            validate_interaction(&draft, c.id, clock).unwrap()
        })
        .collect();
    c.last_contacted = notes.iter().map(|n| n.at).max();
    (c, notes)
}

fn fixed_store(dir: &std::path::Path, size: usize) -> Duration {
    let now = Utc
        .with_ymd_and_hms(TODAY.0, TODAY.1, TODAY.2, 8, 0, 0)
        .unwrap();
    let clock = FixedClock::utc(now);
    let app = Regulars::open_with_clock(dir, Box::new(FixedClock::utc(now))).unwrap();
    let mut rng = Rng(42);
    let started = Instant::now();
    for chunk in (0..size).collect::<Vec<_>>().chunks(2000) {
        let mut customers = Vec::new();
        let mut notes = Vec::new();
        for i in chunk {
            let (c, n) = person(*i, &mut rng, &clock);
            customers.push(c);
            notes.extend(n);
        }
        app.store().put_many(&customers, &notes).unwrap();
    }
    started.elapsed()
}

fn measure(app: &Regulars, horizon: Horizon, runs: usize) -> (usize, Duration, Duration) {
    let items = app.agenda(Some(today()), horizon).unwrap().items.len();
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(app.agenda(Some(today()), horizon).unwrap());
            t.elapsed()
        })
        .collect();
    (
        items,
        percentile(&mut samples, 0.5),
        percentile(&mut samples, 0.95),
    )
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("sizes are numbers"))
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 100_000]
    } else {
        sizes
    };
    let now = Utc
        .with_ymd_and_hms(TODAY.0, TODAY.1, TODAY.2, 8, 0, 0)
        .unwrap();
    println!("| store | customers | interactions | seed | items (7 days) | agenda p50 / p95 | Today view p50 / p95 |");
    println!("|---|---|---|---|---|---|---|");
    let mut fixed_p50 = Vec::new();
    for &size in &sizes {
        let dir = tempfile::tempdir().unwrap();
        let seeded = fixed_store(dir.path(), size);
        let app = Regulars::open_with_clock(dir.path(), Box::new(FixedClock::utc(now))).unwrap();
        let interactions = app.store().counts().interactions;
        let (items, p50, p95) = measure(&app, Horizon::Days(7), 300);
        let (view_items, v50, v95) = measure(&app, Horizon::Notice, 300);
        fixed_p50.push(p50);
        println!(
            "| fixed list | {size} | {interactions} | {:.1} s | {items} ({view_items} in view) | {} / {} | {} / {} |",
            seeded.as_secs_f64(),
            ms(p50),
            ms(p95),
            ms(v50),
            ms(v95)
        );
    }
    for &size in &sizes {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::utc(now));
        let app = Regulars::open_with_clock(dir.path(), Box::new(clock)).unwrap();
        let started = Instant::now();
        app.seed_demo_with_orders(size, 1, 0).unwrap();
        let seeded = started.elapsed();
        let interactions = app.store().counts().interactions;
        let (items, p50, p95) = measure(&app, Horizon::Days(7), 100);
        let (view_items, v50, v95) = measure(&app, Horizon::Notice, 100);
        println!(
            "| demo data | {size} | {interactions} | {:.1} s | {items} ({view_items} in view) | {} / {} | {} / {} |",
            seeded.as_secs_f64(),
            ms(p50),
            ms(p95),
            ms(v50),
            ms(v95)
        );
    }
    if let (Some(first), Some(last)) = (fixed_p50.first(), fixed_p50.last()) {
        println!(
            "\nfixed list: largest/smallest store p50 ratio = {:.2}",
            last.as_secs_f64() / first.as_secs_f64()
        );
    }
}
