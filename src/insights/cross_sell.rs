//! Cross-sell: "customers who buy X also buy Y".
//!
//! Baskets are customers: each customer's set of distinct products up to as_of. For a
//! pair of products, with N customers, n(X) holding X and n(X,Y) holding both:
//! support = n(X,Y) / N, confidence(X→Y) = n(X,Y) / n(X), lift = confidence / (n(Y) / N).
//! A rule is kept when at least max(2, N / 200) customers hold both (0.5% of the
//! customers, so a pair two customers happen to share in a large shop is not a rule)
//! and lift > 1 (buying X makes Y more likely, not less). Only the [`MAX_RULE_PRODUCTS`]
//! products most customers hold take part, which bounds the pair table.
//!
//! Suggestions: per customer, the [`SUGGESTIONS_PER_CUSTOMER`] products they do not have,
//! each scored by its best rule from a product they have: highest confidence, then
//! lift, then support (then names, for determinism).

use std::cmp::Ordering;

use serde::Serialize;
use ts_rs::TS;

use super::history::History;
use super::shown;
use crate::model::CustomerId;

/// At most this many products (those most customers hold) are paired.
pub const MAX_RULE_PRODUCTS: usize = 1000;
/// Suggestions per customer.
pub const SUGGESTIONS_PER_CUSTOMER: usize = 3;
/// The rule list in [`super::Insights::pairs`] keeps this many.
pub const MAX_PAIRS: usize = 100;

/// "Customers who buy `antecedent` also buy `consequent`."
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CrossSellRule {
    pub antecedent: String,
    pub consequent: String,
    /// Customers holding both.
    pub customers: u32,
    /// Share of all customers holding both (to three decimals, like the other ratios).
    pub support: f64,
    /// P(consequent | antecedent).
    pub confidence: f64,
    /// Confidence over the consequent's own share: above 1, they go together.
    pub lift: f64,
}

/// A product to suggest to a customer, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Suggestion {
    pub customer_id: CustomerId,
    pub product: String,
    /// "bought Bread; 80% of customers who buy Bread also buy Butter".
    pub because: String,
    pub lift: f64,
    pub customer_name: String,
    /// The product they have that the rule starts from.
    pub because_of: String,
    pub confidence: f64,
}

/// A rule between product indexes, with its exact ratios for ranking.
#[derive(Debug, Clone, Copy)]
struct Rule {
    antecedent: u32,
    consequent: u32,
    both: u32,
    confidence: f64,
    lift: f64,
}

/// The suggestion order: higher confidence, lift, support; then names (index order).
fn better(a: &Rule, b: &Rule) -> Ordering {
    b.confidence
        .total_cmp(&a.confidence)
        .then(b.lift.total_cmp(&a.lift))
        .then(b.both.cmp(&a.both))
        .then(a.consequent.cmp(&b.consequent))
        .then(a.antecedent.cmp(&b.antecedent))
}

/// The fewest customers holding both products for a rule.
fn min_customers(customers: usize) -> u32 {
    u32::try_from(customers / 200).unwrap_or(u32::MAX).max(2)
}

/// The top rules (by lift, then support) and every buyer's suggestions (by name).
pub(super) fn rules_and_suggestions(history: &History) -> (Vec<CrossSellRule>, Vec<Suggestion>) {
    let buyers = &history.buyers;
    let n = buyers.len();
    let products = history.products.len();
    let mut holders = vec![0_u32; products];
    for b in buyers {
        for &p in &b.products {
            holders[p as usize] += 1;
        }
    }
    let min = min_customers(n);

    // The products that can be in a rule, renumbered densely (in name order).
    let mut paired: Vec<u32> = (0..products as u32)
        .filter(|&p| holders[p as usize] >= min)
        .collect();
    if paired.len() > MAX_RULE_PRODUCTS {
        paired.sort_unstable_by_key(|&p| (std::cmp::Reverse(holders[p as usize]), p));
        paired.truncate(MAX_RULE_PRODUCTS);
        paired.sort_unstable();
    }
    let k = paired.len();
    let mut dense = vec![u32::MAX; products];
    for (i, &p) in paired.iter().enumerate() {
        dense[p as usize] = i as u32;
    }

    // Customers holding both, for each pair (upper triangle of a k × k table).
    let mut both = vec![0_u32; k * k];
    let mut basket: Vec<usize> = Vec::new();
    for b in buyers {
        basket.clear();
        basket.extend(
            b.products
                .iter()
                .map(|&p| dense[p as usize])
                .filter(|&d| d != u32::MAX)
                .map(|d| d as usize),
        );
        for (i, &x) in basket.iter().enumerate() {
            let row = &mut both[x * k..(x + 1) * k];
            for &y in &basket[i + 1..] {
                row[y] += 1;
            }
        }
    }

    let customers = n as u64;
    let mut rules: Vec<Rule> = Vec::new();
    for x in 0..k {
        for y in x + 1..k {
            let together = both[x * k + y];
            let (px, py) = (paired[x], paired[y]);
            let (nx, ny) = (
                u64::from(holders[px as usize]),
                u64::from(holders[py as usize]),
            );
            if together < min || u64::from(together) * customers <= nx * ny {
                continue;
            }
            let lift = (u64::from(together) * customers) as f64 / (nx * ny) as f64;
            for (a, b, na) in [(px, py, nx), (py, px, ny)] {
                rules.push(Rule {
                    antecedent: a,
                    consequent: b,
                    both: together,
                    confidence: f64::from(together) / na as f64,
                    lift,
                });
            }
        }
    }

    let mut strongest = rules.clone();
    strongest.sort_by(|a, b| {
        b.lift
            .total_cmp(&a.lift)
            .then(b.both.cmp(&a.both))
            .then(a.antecedent.cmp(&b.antecedent))
            .then(a.consequent.cmp(&b.consequent))
    });
    strongest.truncate(MAX_PAIRS);
    let name = |p: u32| history.products[p as usize];
    let pairs = strongest
        .iter()
        .map(|r| CrossSellRule {
            antecedent: name(r.antecedent).to_owned(),
            consequent: name(r.consequent).to_owned(),
            customers: r.both,
            support: shown(f64::from(r.both) / n as f64),
            confidence: shown(r.confidence),
            lift: shown(r.lift),
        })
        .collect();

    // Rank every rule once in the suggestion order, then list them by antecedent.
    rules.sort_by(better);
    let mut by_antecedent: Vec<(u32, u32, u32)> = rules
        .iter()
        .enumerate()
        .map(|(rank, r)| (r.antecedent, rank as u32, r.consequent))
        .collect();
    by_antecedent.sort_unstable();
    let mut from = vec![0_usize; products + 1];
    for &(a, _, _) in &by_antecedent {
        from[a as usize + 1] += 1;
    }
    for i in 1..from.len() {
        from[i] += from[i - 1];
    }

    let mut suggestions = Vec::new();
    let mut owned = vec![false; products];
    // Per product: the best (lowest) rank that suggests it to this customer.
    let mut best = vec![u32::MAX; products];
    let mut touched: Vec<u32> = Vec::new();
    for b in buyers {
        for &p in &b.products {
            owned[p as usize] = true;
        }
        touched.clear();
        for &p in &b.products {
            // From each product they have, only its best few rules to products they do
            // not have can be among their best few overall.
            let ranks = &by_antecedent[from[p as usize]..from[p as usize + 1]];
            let mut taken = 0;
            for &(_, rank, y) in ranks {
                let y = y as usize;
                if owned[y] {
                    continue;
                }
                if best[y] == u32::MAX {
                    touched.push(y as u32);
                }
                best[y] = best[y].min(rank);
                taken += 1;
                if taken == SUGGESTIONS_PER_CUSTOMER {
                    break;
                }
            }
        }
        let mut top: Vec<u32> = touched.iter().map(|&y| best[y as usize]).collect();
        for &y in &touched {
            best[y as usize] = u32::MAX;
        }
        for &p in &b.products {
            owned[p as usize] = false;
        }
        let n_top = top.len().min(SUGGESTIONS_PER_CUSTOMER);
        if n_top < top.len() {
            top.select_nth_unstable(n_top);
            top.truncate(n_top);
        }
        top.sort_unstable();
        for rank in top {
            let r = &rules[rank as usize];
            let (x, y) = (name(r.antecedent), name(r.consequent));
            let percent = (r.confidence * 100.0).round();
            suggestions.push(Suggestion {
                customer_id: b.id,
                product: y.to_owned(),
                because: format!("bought {x}; {percent}% of customers who buy {x} also buy {y}"),
                lift: shown(r.lift),
                customer_name: b.name.to_owned(),
                because_of: x.to_owned(),
                confidence: shown(r.confidence),
            });
        }
    }
    (pairs, suggestions)
}
