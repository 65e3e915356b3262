//! Insights on small order books with a known truth: who is drifting, what sells when,
//! what goes together, and how customers score.

use chrono::{Duration, NaiveDate};

use super::rfm::quintile_scores;
use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn id(n: u8) -> CustomerId {
    CustomerId::from_bytes([n; 16])
}

fn facts(n: u8, name: &str) -> CustomerFacts {
    CustomerFacts {
        id: id(n),
        name: name.to_owned(),
        city: None,
        country: None,
        tags: Vec::new(),
        source: None,
        channel: None,
        since: d("2020-01-01"),
    }
}

/// Customers 1..=n, named "C01", "C02"…
fn people(n: u8) -> Vec<CustomerFacts> {
    (1..=n).map(|i| facts(i, &format!("C{i:02}"))).collect()
}

/// An order book built line by line; each `order` call is one order.
#[derive(Default)]
struct Book {
    lines: Vec<Line<&'static str>>,
    orders: u64,
}

impl Book {
    /// One order of `customer` on `date`: (product, quantity, amount in minor units) lines.
    fn order(&mut self, customer: u8, date: NaiveDate, items: &[(&'static str, u32, i64)]) {
        self.orders += 1;
        for &(product, quantity, amount_minor) in items {
            self.lines.push(Line {
                customer: id(customer),
                order: self.orders,
                date,
                product,
                category: None,
                quantity,
                amount_minor,
            });
        }
    }

    fn categorised(
        &mut self,
        customer: u8,
        date: &str,
        product: &'static str,
        category: &'static str,
        quantity: u32,
    ) {
        self.orders += 1;
        self.lines.push(Line {
            customer: id(customer),
            order: self.orders,
            date: d(date),
            product,
            category: Some(category),
            quantity,
            amount_minor: i64::from(quantity) * 100,
        });
    }

    /// `count` orders of one `item`, every `gap` days, the last one on `last`.
    fn every(
        &mut self,
        customer: u8,
        gap: i64,
        count: i64,
        last: NaiveDate,
        item: (&'static str, u32, i64),
    ) {
        for k in (0..count).rev() {
            self.order(customer, last - Duration::days(gap * k), &[item]);
        }
    }

    /// The same book with every customer number raised by `by`.
    fn moved(mut self, by: u8) -> Book {
        for l in &mut self.lines {
            l.customer = id(l.customer.as_bytes()[0] + by);
        }
        self
    }

    fn analyse(&self, as_of: NaiveDate, customers: &[CustomerFacts]) -> Insights {
        analyse(as_of, customers, &self.lines, "EUR")
    }
}

const AS_OF: &str = "2026-11-23";

/// Customer 1 ordered every 14 days for over a year and stopped 70 days ago;
/// customer 2 orders every 14 days, last a week ago.
fn stopper_and_steady() -> Book {
    let as_of = d(AS_OF);
    let mut book = Book::default();
    book.every(
        1,
        14,
        30,
        as_of - Duration::days(70),
        ("Coffee beans", 1, 2000),
    );
    book.every(
        2,
        14,
        30,
        as_of - Duration::days(7),
        ("Coffee beans", 1, 2000),
    );
    book
}

// --- Order drops -------------------------------------------------------------------

#[test]
fn customer_every_14_days_who_stopped_70_days_ago_is_flagged() {
    let insights = stopper_and_steady().analyse(d(AS_OF), &people(2));
    let drop = insights
        .order_drops
        .iter()
        .find(|o| o.customer_id == id(1))
        .unwrap();
    assert_eq!(drop.usual_gap_days, 14);
    assert_eq!(drop.days_since_last, 70);
    assert_eq!(drop.reason, DropReason::Rhythm);
    assert_eq!(drop.customer_name, "C01");
    assert!(
        drop.explanation
            .starts_with("usually every 14 days; 70 days since the last order"),
        "{}",
        drop.explanation
    );
}

#[test]
fn steady_customer_is_not_flagged() {
    let insights = stopper_and_steady().analyse(d(AS_OF), &people(2));
    assert!(insights.order_drops.iter().all(|o| o.customer_id != id(2)));
    assert_eq!(insights.order_drops.len(), 1);
}

#[test]
fn a_customer_dropped_both_ways_is_one_row_with_the_rhythm_first() {
    // The stopper's last 90 days hold 2 orders (40.00 EUR) against 26 in the trailing
    // year (520.00 EUR, about 128.22 EUR per 90 days).
    let insights = stopper_and_steady().analyse(d(AS_OF), &people(2));
    let drop = &insights.order_drops[0];
    assert_eq!(drop.reasons, vec![DropReason::Rhythm, DropReason::Revenue]);
    assert_eq!(drop.recent_minor, 4000);
    assert_eq!(drop.usual_minor, Some(12822));
    assert_eq!(
        drop.explanation,
        "usually every 14 days; 70 days since the last order; \
         spent 40.00 EUR in the last 90 days against about 128.22 EUR usually"
    );
}

#[test]
fn spending_half_as_much_as_usual_is_a_revenue_drop() {
    // Every week, on rhythm, but 20.00 EUR an order lately instead of 100.00 EUR.
    let as_of = d(AS_OF);
    let mut book = Book::default();
    let last = as_of - Duration::days(3);
    for k in (0..101).rev() {
        let amount = if k < 13 { 2000 } else { 10000 };
        book.order(1, last - Duration::days(7 * k), &[("Wine", 1, amount)]);
    }
    let insights = book.analyse(as_of, &people(1));
    let drop = &insights.order_drops[0];
    assert_eq!(drop.reason, DropReason::Revenue);
    assert_eq!(drop.reasons, vec![DropReason::Revenue]);
    assert_eq!(drop.usual_gap_days, 7);
    assert_eq!(drop.days_since_last, 3);
    // 13 recent orders of 20.00; 52 trailing of 100.00 → 5200.00 × 90 / 365.
    assert_eq!(
        drop.explanation,
        "spent 260.00 EUR in the last 90 days against about 1282.19 EUR usually"
    );
}

#[test]
fn spending_a_bit_less_than_usual_is_no_drop() {
    let as_of = d(AS_OF);
    let mut book = Book::default();
    let last = as_of - Duration::days(3);
    for k in (0..101).rev() {
        let amount = if k < 13 { 6000 } else { 10000 };
        book.order(1, last - Duration::days(7 * k), &[("Wine", 1, amount)]);
    }
    assert!(book.analyse(as_of, &people(1)).order_drops.is_empty());
}

#[test]
fn a_revenue_drop_needs_a_trailing_year_with_real_activity() {
    // Two orders long ago, then small ones lately: too little history to call usual.
    let as_of = d(AS_OF);
    let mut book = Book::default();
    book.order(1, as_of - Duration::days(200), &[("Wine", 1, 50000)]);
    book.order(1, as_of - Duration::days(150), &[("Wine", 1, 50000)]);
    book.every(1, 30, 3, as_of - Duration::days(10), ("Wine", 1, 100));
    assert!(book.analyse(as_of, &people(1)).order_drops.is_empty());
}

#[test]
fn drops_are_sorted_most_overdue_first() {
    let as_of = d(AS_OF);
    let mut book = stopper_and_steady();
    // Weekly (threshold 14) and stopped 100 days ago: 86 days past, against the stopper's 42.
    book.every(3, 7, 20, as_of - Duration::days(100), ("Tea", 1, 500));
    let insights = book.analyse(as_of, &people(3));
    let order: Vec<CustomerId> = insights.order_drops.iter().map(|o| o.customer_id).collect();
    assert_eq!(order, vec![id(3), id(1)]);
    assert!(insights.order_drops[0]
        .explanation
        .starts_with("usually every week; 100 days since the last order; spent 0.00 EUR"));
}

#[test]
fn a_drop_starts_on_the_rhythms_overdue_day() {
    let book = stopper_and_steady();
    let dates: Vec<NaiveDate> = book
        .lines
        .iter()
        .filter(|l| l.customer == id(1))
        .map(|l| l.date)
        .collect();
    let rhythm = rhythm_of(&dates).unwrap();
    let day_before = rhythm.overdue_from() - Duration::days(1);
    let flagged = |on: NaiveDate| {
        book.analyse(on, &people(2))
            .order_drops
            .iter()
            .any(|o| o.customer_id == id(1) && o.reasons.contains(&DropReason::Rhythm))
    };
    assert!(!flagged(day_before));
    assert!(flagged(rhythm.overdue_from()));
}

// --- Rhythm -------------------------------------------------------------------------

fn days_apart(start: &str, gaps: &[i64]) -> Vec<NaiveDate> {
    let mut day = d(start);
    let mut out = vec![day];
    for g in gaps {
        day += Duration::days(*g);
        out.push(day);
    }
    out
}

#[test]
fn rhythm_needs_three_order_days() {
    assert_eq!(rhythm_of(&[]), None);
    assert_eq!(rhythm_of(&days_apart("2026-01-01", &[14])), None);
    // Three orders, but on two days.
    assert_eq!(
        rhythm_of(&[d("2026-01-01"), d("2026-01-01"), d("2026-01-15")]),
        None
    );
}

#[test]
fn orders_on_the_same_day_count_once() {
    let mut dates = days_apart("2026-01-01", &[14, 14]);
    dates.push(d("2026-01-15"));
    dates.push(d("2026-01-29"));
    let rhythm = rhythm_of(&dates).unwrap();
    assert_eq!(rhythm.usual_gap_days, 14);
    assert_eq!(rhythm.threshold_days, 28);
}

#[test]
fn unsorted_dates_give_the_same_rhythm() {
    let dates = days_apart("2026-01-01", &[7, 14, 21, 7]);
    let mut shuffled = dates.clone();
    shuffled.reverse();
    shuffled.swap(1, 3);
    assert_eq!(rhythm_of(&shuffled), rhythm_of(&dates));
    assert_eq!(rhythm_of(&shuffled).unwrap().last_order, d("2026-02-19"));
}

#[test]
fn steady_gaps_give_a_threshold_of_twice_the_usual_gap() {
    let rhythm = rhythm_of(&days_apart("2026-01-01", &[14, 14, 14])).unwrap();
    assert_eq!(rhythm.usual_gap_days, 14);
    assert_eq!(rhythm.threshold_days, 28);
    assert_eq!(rhythm.last_order, d("2026-02-12"));
    assert_eq!(rhythm.overdue_from(), d("2026-03-13"));
}

#[test]
fn varied_gaps_widen_the_threshold_by_three_mads() {
    // Median 14, MAD 7: 14 + 21 = 35 > 28.
    let rhythm = rhythm_of(&days_apart("2026-01-01", &[7, 14, 21])).unwrap();
    assert_eq!((rhythm.usual_gap_days, rhythm.threshold_days), (14, 35));
    // Median 12, MAD 8.5: 12 + 25.5 = 37.5, rounded up.
    let rhythm = rhythm_of(&days_apart("2026-01-01", &[3, 4, 20, 21])).unwrap();
    assert_eq!((rhythm.usual_gap_days, rhythm.threshold_days), (12, 38));
}

#[test]
fn one_odd_gap_does_not_move_the_threshold() {
    // Median 10, MAD 0.
    let rhythm = rhythm_of(&days_apart("2026-01-01", &[10, 10, 10, 60])).unwrap();
    assert_eq!((rhythm.usual_gap_days, rhythm.threshold_days), (10, 20));
}

#[test]
fn a_half_day_median_rounds_up_for_the_usual_gap() {
    // Median 10.5, MAD 0.5: max(21, 12) = 21.
    let rhythm = rhythm_of(&days_apart("2026-01-01", &[10, 11])).unwrap();
    assert_eq!((rhythm.usual_gap_days, rhythm.threshold_days), (11, 21));
}

// --- Seasonality ----------------------------------------------------------------------

#[test]
fn product_sold_only_in_october_peaks_in_month_10() {
    let mut book = Book::default();
    book.order(1, d("2024-10-05"), &[("Pumpkin", 3, 900)]);
    book.order(2, d("2025-10-20"), &[("Pumpkin", 2, 600)]);
    book.order(1, d("2025-03-01"), &[("Bread", 1, 300)]);
    let insights = book.analyse(d(AS_OF), &people(2));
    let pumpkin = insights
        .seasonality
        .iter()
        .find(|p| p.product == "Pumpkin")
        .unwrap();
    assert_eq!(pumpkin.peak_month, 10);
    assert_eq!(pumpkin.by_month, [0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0]);
    assert_eq!(pumpkin.revenue_by_month[9], 1500);
    assert_eq!((pumpkin.quantity, pumpkin.revenue_minor), (5, 1500));
}

#[test]
fn a_tie_between_months_peaks_in_the_earliest() {
    let mut book = Book::default();
    book.order(1, d("2025-12-01"), &[("Candles", 4, 400)]);
    book.order(1, d("2025-02-01"), &[("Candles", 4, 400)]);
    let insights = book.analyse(d(AS_OF), &people(1));
    assert_eq!(insights.seasonality[0].peak_month, 2);
}

#[test]
fn coming_up_lists_the_products_that_peak_next_month() {
    let mut book = Book::default();
    book.order(
        1,
        d("2024-10-05"),
        &[("Pumpkin", 3, 900), ("Cider", 1, 500)],
    );
    book.order(1, d("2025-10-05"), &[("Cider", 9, 4500)]);
    book.order(1, d("2025-07-05"), &[("Ice cream", 9, 900)]);
    let insights = book.analyse(d("2026-09-15"), &people(1));
    // Most sold in October first.
    assert_eq!(insights.coming_up, vec!["Cider", "Pumpkin"]);
}

#[test]
fn after_december_comes_january() {
    let mut book = Book::default();
    book.order(1, d("2025-01-05"), &[("Planner", 1, 900)]);
    book.order(1, d("2025-06-05"), &[("Sunscreen", 1, 900)]);
    let insights = book.analyse(d("2025-12-01"), &people(1));
    assert_eq!(insights.coming_up, vec!["Planner"]);
}

#[test]
fn a_category_sums_its_products_by_month() {
    let mut book = Book::default();
    book.categorised(1, "2025-03-02", "Bread", "Bakery", 2);
    book.categorised(1, "2025-04-02", "Croissant", "Bakery", 5);
    book.categorised(1, "2025-04-09", "Milk", "Dairy", 1);
    let insights = book.analyse(d(AS_OF), &people(1));
    let bakery = &insights.category_seasonality[0];
    assert_eq!(bakery.category, "Bakery");
    assert_eq!(bakery.by_month[2..4], [2, 5]);
    assert_eq!(bakery.peak_month, 4);
    assert_eq!(bakery.revenue_minor, 700);
    assert_eq!(insights.category_seasonality[1].category, "Dairy");
    let bread = &insights.seasonality[0];
    assert_eq!(
        (bread.product.as_str(), bread.category.as_deref()),
        ("Bread", Some("Bakery"))
    );
}

// --- Cross-sell -----------------------------------------------------------------------

/// Customers 1–4 buy Bread and Butter, 5 only Bread, 6–10 Milk (6 and 7 Jam too).
fn bakery() -> Book {
    let mut book = Book::default();
    let day = d("2026-10-01");
    for c in 1..=4 {
        book.order(c, day, &[("Bread", 1, 300), ("Butter", 1, 250)]);
    }
    book.order(5, day, &[("Bread", 1, 300)]);
    for c in 6..=10 {
        book.order(c, day, &[("Milk", 1, 120)]);
    }
    book.order(6, day, &[("Jam", 1, 400)]);
    book.order(7, day, &[("Jam", 1, 400)]);
    book
}

#[test]
fn bread_then_butter_is_a_rule_with_lift_above_one() {
    let insights = bakery().analyse(d(AS_OF), &people(10));
    let rule = insights
        .pairs
        .iter()
        .find(|r| r.antecedent == "Bread" && r.consequent == "Butter")
        .unwrap();
    // 4 of the 5 Bread customers buy Butter; 4 of all 10 do.
    assert_eq!(rule.customers, 4);
    assert_eq!(rule.support, 0.4);
    assert_eq!(rule.confidence, 0.8);
    assert_eq!(rule.lift, 2.0);
    assert!(rule.lift > 1.0);
}

#[test]
fn butter_is_suggested_to_the_customer_who_only_buys_bread() {
    let insights = bakery().analyse(d(AS_OF), &people(10));
    let mine: Vec<&Suggestion> = insights
        .cross_sell
        .iter()
        .filter(|s| s.customer_id == id(5))
        .collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].product, "Butter");
    assert_eq!(mine[0].because_of, "Bread");
    assert_eq!(
        mine[0].because,
        "bought Bread; 80% of customers who buy Bread also buy Butter"
    );
    assert_eq!(mine[0].lift, 2.0);
}

#[test]
fn suggestions_leave_out_what_the_customer_already_has() {
    let insights = bakery().analyse(d(AS_OF), &people(10));
    for s in insights
        .cross_sell
        .iter()
        .filter(|s| s.customer_id <= id(4))
    {
        assert!(s.product != "Bread" && s.product != "Butter", "{s:?}");
    }
    // Milk customers 8–10 get Jam (2 of the 5 Milk customers buy it).
    let jam: Vec<CustomerId> = insights
        .cross_sell
        .iter()
        .filter(|s| s.product == "Jam")
        .map(|s| s.customer_id)
        .collect();
    assert_eq!(jam, vec![id(8), id(9), id(10)]);
}

#[test]
fn a_pair_one_customer_shares_is_no_rule() {
    let mut book = bakery();
    book.order(
        11,
        d("2026-10-02"),
        &[("Caviar", 1, 9000), ("Bread", 1, 300)],
    );
    let insights = book.analyse(d(AS_OF), &people(11));
    assert!(insights
        .pairs
        .iter()
        .all(|r| r.antecedent != "Caviar" && r.consequent != "Caviar"));
    assert!(insights.cross_sell.iter().all(|s| s.product != "Caviar"));
}

#[test]
fn a_product_everyone_buys_makes_no_rule() {
    // Lift of Milk with Eggs is exactly 1: buying one says nothing of the other.
    let mut book = Book::default();
    for c in 1..=4 {
        book.order(c, d("2026-10-01"), &[("Milk", 1, 120)]);
    }
    book.order(1, d("2026-10-02"), &[("Eggs", 1, 300)]);
    book.order(2, d("2026-10-02"), &[("Eggs", 1, 300)]);
    let insights = book.analyse(d(AS_OF), &people(4));
    assert!(insights.pairs.is_empty());
    assert!(insights.cross_sell.is_empty());
}

#[test]
fn at_most_three_suggestions_per_customer_best_first() {
    let mut book = Book::default();
    let day = d("2026-10-01");
    // Customers 1–6 buy Tea and some of A–D: A with 5 of them, B 4, C 3, D 2.
    for c in 1..=6u8 {
        let mut items = vec![("Tea", 1, 100)];
        for (product, holders) in [("A", 5), ("B", 4), ("C", 3), ("D", 2)] {
            if c <= holders {
                items.push((product, 1, 100));
            }
        }
        book.order(c, day, &items);
    }
    // 7–10 buy only Coffee, so Tea predicts A–D.
    for c in 7..=10 {
        book.order(c, day, &[("Coffee", 1, 100)]);
    }
    book.order(11, day, &[("Tea", 1, 100)]);
    let insights = book.analyse(d(AS_OF), &people(11));
    let mine: Vec<&str> = insights
        .cross_sell
        .iter()
        .filter(|s| s.customer_id == id(11))
        .map(|s| s.product.as_str())
        .collect();
    assert_eq!(mine, vec!["A", "B", "C"]);
}

// --- RFM ------------------------------------------------------------------------------

#[test]
fn ten_distinct_values_fall_two_to_a_quintile() {
    let values: Vec<i64> = (1..=10).collect();
    assert_eq!(quintile_scores(&values), vec![1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
}

#[test]
fn equal_values_get_equal_scores() {
    // Sorted 1, 5, 5, 5, 9: the three fives share the middle of the ranking.
    assert_eq!(quintile_scores(&[5, 5, 1, 9, 5]), vec![3, 3, 1, 5, 3]);
    assert_eq!(quintile_scores(&[7, 7, 7, 7]), vec![3, 3, 3, 3]);
    assert_eq!(quintile_scores(&[42]), vec![3]);
}

#[test]
fn rfm_scores_spend_orders_and_recency_by_quintile() {
    // Customer i (1–10) ordered i times, the last time 10 × (11 - i) days ago, i × 10.00 EUR.
    let as_of = d(AS_OF);
    let mut book = Book::default();
    for c in 1..=10u8 {
        let ago = 10 * (11 - i64::from(c));
        book.every(
            c,
            1,
            i64::from(c),
            as_of - Duration::days(ago),
            ("Soap", 1, 1000),
        );
    }
    let insights = book.analyse(as_of, &people(10));
    let score = |c: u8| {
        insights
            .rfm
            .iter()
            .find(|r| r.customer_id == id(c))
            .unwrap()
    };
    assert_eq!((score(1).r, score(1).f, score(1).m), (1, 1, 1));
    assert_eq!((score(4).r, score(4).f, score(4).m), (2, 2, 2));
    assert_eq!((score(10).r, score(10).f, score(10).m), (5, 5, 5));
    assert_eq!(score(10).recency_days, 10);
    assert_eq!(score(10).frequency, 10);
    assert_eq!(score(10).monetary_minor, 10000);
    assert_eq!(score(10).segment, RfmSegment::Champions);
    assert_eq!(score(1).segment, RfmSegment::Lost);
}

#[test]
fn customers_who_spent_the_same_score_the_same() {
    let mut book = Book::default();
    for (c, amount) in [(1, 500), (2, 500), (3, 100), (4, 900)] {
        book.order(c, d("2026-10-01"), &[("Soap", 1, amount)]);
    }
    let insights = book.analyse(d(AS_OF), &people(4));
    let m: Vec<u8> = insights.rfm.iter().map(|r| r.m).collect();
    assert_eq!(m, vec![3, 3, 1, 5]);
    // Same day, same count: everyone in the middle.
    assert!(insights.rfm.iter().all(|r| r.r == 3 && r.f == 3));
}

#[test]
fn segments_follow_the_recency_against_frequency_and_money_grid() {
    use RfmSegment::*;
    for ((r, f, m), segment) in [
        ((5, 5, 5), Champions),
        ((5, 4, 5), Champions),
        ((4, 4, 5), Loyal),
        ((3, 5, 3), Loyal),
        ((5, 2, 3), Potential),
        ((3, 3, 3), Potential),
        ((5, 1, 1), New),
        ((4, 1, 2), New),
        ((2, 3, 4), AtRisk),
        ((1, 3, 3), AtRisk),
        ((1, 5, 5), CantLose),
        ((2, 5, 5), CantLose),
        ((3, 1, 2), Hibernating),
        ((2, 1, 2), Hibernating),
        ((1, 1, 1), Lost),
        ((1, 2, 1), Lost),
    ] {
        assert_eq!(segment_of(r, f, m), segment, "r{r} f{f} m{m}");
    }
}

#[test]
fn segment_names_are_kebab_case() {
    let names: Vec<String> = [
        RfmSegment::Champions,
        RfmSegment::Loyal,
        RfmSegment::Potential,
        RfmSegment::New,
        RfmSegment::AtRisk,
        RfmSegment::CantLose,
        RfmSegment::Hibernating,
        RfmSegment::Lost,
    ]
    .iter()
    .map(|s| {
        serde_json::to_value(s)
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    })
    .collect();
    assert_eq!(
        names,
        [
            "champions",
            "loyal",
            "potential",
            "new",
            "at-risk",
            "cant-lose",
            "hibernating",
            "lost"
        ]
    );
}

#[test]
fn every_customer_with_an_order_gets_one_segment_and_no_one_else() {
    let insights = bakery().analyse(d(AS_OF), &people(12));
    assert_eq!(insights.rfm.len(), 10);
    assert!(insights.rfm.iter().all(|r| r.customer_id <= id(10)));
}

#[test]
fn lines_of_one_order_count_as_one_order() {
    let insights = bakery().analyse(d(AS_OF), &people(10));
    // Customer 1's Bread and Butter were one order.
    assert_eq!(insights.rfm[0].frequency, 1);
    assert_eq!(insights.lifetime[0].orders, 1);
    assert_eq!(insights.lifetime[0].total_minor, 550);
}

// --- Seasonal habits ------------------------------------------------------------------

fn habit(month: u32, typical_day: u32, years: u32) -> SeasonalHabit {
    SeasonalHabit {
        month,
        typical_day,
        years,
    }
}

#[test]
fn ordering_every_november_for_three_years_is_a_habit() {
    let dates = [d("2023-11-18"), d("2024-11-20"), d("2025-11-22")];
    assert_eq!(
        seasonal_habits(&dates, d("2026-01-10")),
        vec![habit(11, 20, 3)]
    );
}

#[test]
fn a_customer_ordering_all_year_round_has_no_habit() {
    let dates: Vec<NaiveDate> = (2023..=2025)
        .flat_map(|y| (1..=12).map(move |m| NaiveDate::from_ymd_opt(y, m, 10).unwrap()))
        .collect();
    assert_eq!(seasonal_habits(&dates, d("2026-01-10")), vec![]);
}

#[test]
fn a_month_that_stands_out_from_all_year_ordering_is_a_habit() {
    // Monthly, plus two more orders each November: 9 of 42 order days (over 1/6).
    let mut dates: Vec<NaiveDate> = (2023..=2025)
        .flat_map(|y| (1..=12).map(move |m| NaiveDate::from_ymd_opt(y, m, 10).unwrap()))
        .collect();
    for y in 2023..=2025 {
        dates.push(NaiveDate::from_ymd_opt(y, 11, 3).unwrap());
        dates.push(NaiveDate::from_ymd_opt(y, 11, 24).unwrap());
    }
    assert_eq!(
        seasonal_habits(&dates, d("2026-01-10")),
        vec![habit(11, 10, 3)]
    );
}

#[test]
fn a_one_off_november_order_is_no_habit() {
    assert_eq!(seasonal_habits(&[d("2025-11-20")], d("2026-01-10")), vec![]);
}

#[test]
fn two_novembers_out_of_six_is_no_habit() {
    // Every March from 2020, November only in 2020 and 2021.
    let mut dates: Vec<NaiveDate> = (2020..=2025)
        .map(|y| NaiveDate::from_ymd_opt(y, 3, 15).unwrap())
        .collect();
    dates.push(d("2020-11-20"));
    dates.push(d("2021-11-20"));
    assert_eq!(
        seasonal_habits(&dates, d("2026-01-10")),
        vec![habit(3, 15, 6)]
    );
}

#[test]
fn the_month_in_progress_is_not_yet_a_miss() {
    // Novembers 2022 and 2023, none in 2024 or 2025: 2 of 4, still a habit on
    // 2026-11-05, before this November's order.
    let dates = [d("2022-11-20"), d("2023-11-20")];
    assert_eq!(
        seasonal_habits(&dates, d("2026-11-05")),
        vec![habit(11, 20, 2)]
    );
    assert_eq!(seasonal_habits(&dates, d("2026-12-01")), vec![]);
}

#[test]
fn habits_ignore_orders_after_as_of() {
    let dates = [d("2023-11-18"), d("2024-11-20"), d("2025-11-22")];
    assert_eq!(
        seasonal_habits(&dates, d("2025-06-01")),
        vec![habit(11, 18, 2)]
    );
    assert_eq!(seasonal_habits(&dates, d("2024-06-01")), vec![]);
}

#[test]
fn insights_list_each_customers_habits() {
    let mut book = Book::default();
    for day in ["2023-11-18", "2024-11-20", "2025-11-22"] {
        book.order(1, d(day), &[("Turkey", 1, 5000)]);
    }
    let insights = book.analyse(d("2026-01-10"), &people(1));
    assert_eq!(insights.habits.len(), 1);
    assert_eq!(insights.habits[0].customer_id, id(1));
    assert_eq!(insights.habits[0].habit, habit(11, 20, 3));
}

// --- History replay -------------------------------------------------------------------

#[test]
fn lines_after_as_of_are_ignored() {
    let as_of = d(AS_OF);
    let mut book = stopper_and_steady();
    book.order(1, as_of + Duration::days(1), &[("Pumpkin", 10, 9000)]);
    let insights = book.analyse(as_of, &people(2));
    let drop = insights
        .order_drops
        .iter()
        .find(|o| o.customer_id == id(1))
        .unwrap();
    assert_eq!(drop.days_since_last, 70);
    assert!(insights.seasonality.iter().all(|p| p.product != "Pumpkin"));
    let one = insights
        .rfm
        .iter()
        .find(|r| r.customer_id == id(1))
        .unwrap();
    assert_eq!(one.frequency, 30);
    // A day later the order is there and the drop is gone.
    let later = book.analyse(as_of + Duration::days(1), &people(2));
    assert!(later.order_drops.iter().all(|o| o.customer_id != id(1)));
}

#[test]
fn the_order_of_the_lines_does_not_matter() {
    let mut book = stopper_and_steady();
    book.lines.extend(bakery().moved(10).lines);
    let forwards = book.analyse(d(AS_OF), &people(20));
    book.lines.reverse();
    let backwards = book.analyse(d(AS_OF), &people(20));
    assert_eq!(forwards, backwards);
}

// --- Breakdowns -----------------------------------------------------------------------

#[test]
fn revenue_by_city_puts_unknown_cities_in_the_null_bucket() {
    let mut customers = people(4);
    customers[0].city = Some("Paris".into());
    customers[1].city = Some("Paris".into());
    customers[2].city = Some("  ".into());
    customers[3].city = Some("Lyon".into());
    let mut book = Book::default();
    book.order(1, d("2026-10-01"), &[("Soap", 1, 1000)]);
    book.order(2, d("2026-10-01"), &[("Soap", 1, 500)]);
    book.order(3, d("2026-10-01"), &[("Soap", 1, 200)]);
    let rows = book.analyse(d(AS_OF), &customers).breakdowns.by_city;
    let summary: Vec<(Option<&str>, u32, u32, i64)> = rows
        .iter()
        .map(|r| (r.key.as_deref(), r.customers, r.buyers, r.revenue_minor))
        .collect();
    assert_eq!(
        summary,
        vec![
            (Some("Paris"), 2, 2, 1500),
            (None, 1, 1, 200),
            (Some("Lyon"), 1, 0, 0)
        ]
    );
}

#[test]
fn a_customer_counts_once_in_each_of_their_tags() {
    let mut customers = people(2);
    customers[0].tags = vec!["vip".into(), "vip".into(), "wholesale".into()];
    let mut book = Book::default();
    book.order(1, d("2026-10-01"), &[("Soap", 1, 1000)]);
    book.order(2, d("2026-10-01"), &[("Soap", 1, 300)]);
    let rows = book.analyse(d(AS_OF), &customers).breakdowns.by_tag;
    let summary: Vec<(Option<&str>, u32, i64)> = rows
        .iter()
        .map(|r| (r.key.as_deref(), r.customers, r.revenue_minor))
        .collect();
    assert_eq!(
        summary,
        vec![
            (Some("vip"), 1, 1000),
            (Some("wholesale"), 1, 1000),
            (None, 1, 300)
        ]
    );
}

#[test]
fn channel_source_and_country_are_broken_down_too() {
    let mut customers = people(2);
    customers[0].channel = Some("email".into());
    customers[0].source = Some("market".into());
    customers[0].country = Some("FR".into());
    let mut book = Book::default();
    book.order(1, d("2026-10-01"), &[("Soap", 1, 1000)]);
    let b = book.analyse(d(AS_OF), &customers).breakdowns;
    for rows in [&b.by_channel, &b.by_source, &b.by_country] {
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].revenue_minor, 1000);
        assert!(rows[0].key.is_some());
        assert_eq!(rows[1].key, None);
    }
}

#[test]
fn new_and_returning_customers_per_month() {
    let mut book = Book::default();
    book.order(1, d("2026-01-10"), &[("Soap", 1, 100)]);
    book.order(1, d("2026-01-20"), &[("Soap", 1, 100)]);
    book.order(1, d("2026-02-10"), &[("Soap", 1, 100)]);
    book.order(2, d("2026-02-11"), &[("Soap", 1, 100)]);
    book.order(2, d("2026-05-11"), &[("Soap", 1, 100)]);
    let months: Vec<(String, u32, u32, i64)> = book
        .analyse(d(AS_OF), &people(2))
        .new_vs_returning
        .into_iter()
        .map(|m| {
            (
                m.month,
                m.new_customers,
                m.returning_customers,
                m.revenue_minor,
            )
        })
        .collect();
    assert_eq!(
        months,
        vec![
            ("2026-01".to_owned(), 1, 0, 200),
            ("2026-02".to_owned(), 1, 1, 200),
            ("2026-05".to_owned(), 0, 1, 100),
        ]
    );
}

#[test]
fn lifetime_value_sums_a_customers_orders() {
    let mut book = Book::default();
    book.order(1, d("2025-01-10"), &[("Soap", 1, 1000)]);
    book.order(1, d("2025-06-10"), &[("Soap", 2, 2000)]);
    book.order(1, d("2026-01-10"), &[("Soap", 1, 2001)]);
    let insights = book.analyse(d(AS_OF), &people(1));
    let value = &insights.lifetime[0];
    assert_eq!(value.total_minor, 5001);
    assert_eq!(value.orders, 3);
    assert_eq!(
        (value.first_order, value.last_order),
        (d("2025-01-10"), d("2026-01-10"))
    );
    assert_eq!(value.average_order_minor, 1667);
    assert_eq!(value.customer_since, Some(d("2020-01-01")));
}

#[test]
fn top_customers_are_the_twenty_who_spent_most() {
    let mut book = Book::default();
    for c in 1..=25u8 {
        book.order(c, d("2026-10-01"), &[("Soap", 1, i64::from(c) * 100)]);
    }
    let insights = book.analyse(d(AS_OF), &people(25));
    let top: Vec<CustomerId> = insights
        .top_customers
        .iter()
        .map(|t| t.customer_id)
        .collect();
    assert_eq!(top.len(), TOP_CUSTOMERS);
    assert_eq!(top[0], id(25));
    assert_eq!(top[19], id(6));
}

#[test]
fn lines_of_a_customer_without_facts_still_count() {
    let insights = bakery().analyse(d(AS_OF), &people(5));
    assert_eq!(insights.rfm.len(), 10);
    let stranger = insights
        .rfm
        .iter()
        .find(|r| r.customer_id == id(9))
        .unwrap();
    assert_eq!(stranger.customer_name, "");
}

// --- Output ---------------------------------------------------------------------------

#[test]
fn the_json_has_the_cli_keys() {
    let mut book = stopper_and_steady();
    book.lines.extend(bakery().moved(10).lines);
    let json = serde_json::to_value(book.analyse(d(AS_OF), &people(20))).unwrap();
    assert_eq!(json["as_of"], "2026-11-23");
    let drop = &json["order_drops"][0];
    assert_eq!(drop["customer_id"], id(1).to_string());
    assert_eq!(drop["usual_gap_days"], 14);
    assert_eq!(drop["days_since_last"], 70);
    assert_eq!(drop["reason"], "rhythm");
    assert!(drop["explanation"].is_string());
    let suggestion = &json["cross_sell"][0];
    for key in ["customer_id", "product", "because", "lift"] {
        assert!(!suggestion[key].is_null(), "{key}");
    }
    let season = &json["seasonality"][0];
    assert!(season["product"].is_string());
    assert!(season["peak_month"].is_u64());
    assert_eq!(season["by_month"].as_array().unwrap().len(), 12);
    let rfm = &json["rfm"][0];
    for key in ["customer_id", "r", "f", "m"] {
        assert!(rfm[key].is_string() || rfm[key].is_u64(), "{key}");
    }
    assert!(rfm["segment"].is_string());
    assert_eq!(json["feedback"]["count"], 0);
    assert!(json["feedback"]["average_rating"].is_null());
    assert!(json["feedback"]["nps"].is_null());
}

#[test]
fn one_customers_insights_for_their_page() {
    let mut book = stopper_and_steady();
    book.lines.extend(bakery().moved(10).lines);
    let insights = book.analyse(d(AS_OF), &people(20));
    let page = for_customer(&insights, id(1));
    assert_eq!(page.customer_id, id(1));
    assert!(page.rfm.is_some());
    assert_eq!(page.lifetime.as_ref().unwrap().orders, 30);
    assert_eq!(
        for_customer(&insights, id(15)).suggestions[0].product,
        "Butter"
    );
    assert_eq!(page.rhythm.unwrap().usual_gap_days, 14);
    assert_eq!(page.order_drop.unwrap().days_since_last, 70);
    let nobody = for_customer(&insights, id(99));
    assert_eq!(
        (
            nobody.rfm,
            nobody.lifetime,
            nobody.rhythm,
            nobody.suggestions.len()
        ),
        (None, None, None, 0)
    );
}

#[test]
fn money_reads_as_minor_units_over_a_hundred_with_the_code() {
    assert_eq!(format_money(12000, "EUR"), "120.00 EUR");
    assert_eq!(format_money(5, "SEK"), "0.05 SEK");
    assert_eq!(format_money(-1250, "EUR"), "-12.50 EUR");
}

#[test]
fn nothing_to_analyse_is_empty_insights() {
    let insights = analyse::<&str>(d(AS_OF), &people(3), &[], "EUR");
    assert!(insights.rfm.is_empty() && insights.order_drops.is_empty());
    assert!(insights.new_vs_returning.is_empty() && insights.pairs.is_empty());
    assert_eq!(insights.breakdowns.by_city.len(), 1);
    assert_eq!(insights.breakdowns.by_city[0].customers, 3);
}
