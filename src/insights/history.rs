//! The order lines as of one day, grouped once for every insight: product names
//! interned to indexes in name order (so index order is name order, and ties break
//! by name for free), each customer's orders, order days and distinct products,
//! and quantity and revenue by month per product and category.
//!
//! Built in a few linear passes: one hash lookup per line for the customer (skipped
//! while consecutive lines share it, as the store hands them), one for the product,
//! one for the category; then a counting sort by customer. No string is copied.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::{Datelike, NaiveDate};

use super::{CustomerFacts, Line};
use crate::model::CustomerId;

/// One order of a customer: its lines summed.
#[derive(Debug, Clone, Copy)]
pub(super) struct Order {
    pub id: u64,
    /// The earliest date of its lines (they normally share one).
    pub date: NaiveDate,
    pub amount_minor: i64,
}

/// A customer with at least one order up to the day analysed.
pub(super) struct Buyer<'a> {
    pub id: CustomerId,
    /// Empty for a customer missing from the facts.
    pub name: &'a str,
    pub facts: Option<&'a CustomerFacts>,
    /// By date, then order id.
    pub orders: Vec<Order>,
    /// The distinct days they ordered on, ascending (several orders on a day count once).
    pub days: Vec<NaiveDate>,
    /// The distinct products they bought, as ascending indexes into [`History::products`].
    pub products: Vec<u32>,
    pub total_minor: i64,
}

impl Buyer<'_> {
    pub fn first_order(&self) -> Option<NaiveDate> {
        self.days.first().copied()
    }

    pub fn last_order(&self) -> Option<NaiveDate> {
        self.days.last().copied()
    }
}

/// Quantity and revenue per calendar month (index 0 = January), across years.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct MonthTotals {
    pub quantity: [u64; 12],
    pub revenue_minor: [i64; 12],
}

impl MonthTotals {
    fn add(&mut self, month0: usize, quantity: u32, amount_minor: i64) {
        if let (Some(q), Some(r)) = (
            self.quantity.get_mut(month0),
            self.revenue_minor.get_mut(month0),
        ) {
            *q += u64::from(quantity);
            *r = r.saturating_add(amount_minor);
        }
    }

    /// The month (1–12) with the largest quantity; ties go to the earliest month.
    pub fn peak_month(&self) -> u32 {
        let mut best = 0;
        for (m, q) in self.quantity.iter().enumerate() {
            if *q > self.quantity[best] {
                best = m;
            }
        }
        best as u32 + 1
    }

    pub fn quantity(&self) -> u64 {
        self.quantity.iter().sum()
    }

    pub fn revenue_minor(&self) -> i64 {
        self.revenue_minor
            .iter()
            .fold(0_i64, |a, b| a.saturating_add(*b))
    }
}

pub(super) struct History<'a> {
    pub as_of: NaiveDate,
    /// Product names, sorted; a product's index is its place here.
    pub products: Vec<&'a str>,
    /// Per product: its month totals.
    pub product_months: Vec<MonthTotals>,
    /// Per product: the category most of its lines carry (ties: the first by name).
    pub product_category: Vec<Option<&'a str>>,
    /// Per category, sorted by name: its month totals.
    pub categories: Vec<(&'a str, MonthTotals)>,
    /// Customers with at least one order up to `as_of`, by name then id.
    pub buyers: Vec<Buyer<'a>>,
    /// Customers in the facts with no order up to `as_of` (they count in breakdowns).
    pub idle: Vec<&'a CustomerFacts>,
}

/// One line, compacted, with its customer and product as indexes.
#[derive(Clone, Copy)]
struct Compact {
    customer: u32,
    product: u32,
    order: u64,
    date: NaiveDate,
    amount_minor: i64,
}

impl Compact {
    const NONE: Compact = Compact {
        customer: 0,
        product: 0,
        order: 0,
        date: NaiveDate::MIN,
        amount_minor: 0,
    };
}

impl<'a> History<'a> {
    pub fn build<S: AsRef<str>>(
        as_of: NaiveDate,
        customers: &'a [CustomerFacts],
        lines: &'a [Line<S>],
    ) -> Self {
        // Customers: those with facts first (the first fact of a repeated id wins),
        // then any met only in the lines.
        let mut customer_index: FastMap<CustomerId, u32> =
            FastMap::with_capacity_and_hasher(customers.len(), Default::default());
        let mut ids: Vec<CustomerId> = Vec::with_capacity(customers.len());
        let mut facts_of: Vec<Option<&'a CustomerFacts>> = Vec::with_capacity(customers.len());
        for f in customers {
            if let Entry::Vacant(e) = customer_index.entry(f.id) {
                e.insert(ids.len() as u32);
                ids.push(f.id);
                facts_of.push(Some(f));
            }
        }

        let mut product_index: FastMap<&'a str, u32> = FastMap::default();
        let mut products: Vec<&'a str> = Vec::new();
        let mut product_months: Vec<MonthTotals> = Vec::new();
        // Per product: (category, lines) pairs; nearly always one.
        let mut product_categories: Vec<Vec<(u32, u32)>> = Vec::new();
        let mut product_last_category: Vec<Option<(&'a str, u32)>> = Vec::new();
        let mut category_index: FastMap<&'a str, u32> = FastMap::default();
        let mut categories: Vec<(&'a str, MonthTotals)> = Vec::new();

        let mut compact: Vec<Compact> = Vec::with_capacity(lines.len());
        let mut last_customer: Option<(CustomerId, u32)> = None;
        for line in lines {
            if line.date > as_of {
                continue;
            }
            let customer = match last_customer {
                Some((id, i)) if id == line.customer => i,
                _ => {
                    let i = *customer_index.entry(line.customer).or_insert_with(|| {
                        ids.push(line.customer);
                        facts_of.push(None);
                        (ids.len() - 1) as u32
                    });
                    last_customer = Some((line.customer, i));
                    i
                }
            };
            let name = line.product.as_ref();
            let product = *product_index.entry(name).or_insert_with(|| {
                products.push(name);
                product_months.push(MonthTotals::default());
                product_categories.push(Vec::new());
                product_last_category.push(None);
                (products.len() - 1) as u32
            });
            let month0 = line.date.month0() as usize;
            if let Some(t) = product_months.get_mut(product as usize) {
                t.add(month0, line.quantity, line.amount_minor);
            }
            if let Some(category) = line.category.as_ref().map(AsRef::as_ref) {
                // A product's lines nearly always carry the same category: compare with
                // the one its last line had before hashing.
                let c = match product_last_category
                    .get(product as usize)
                    .copied()
                    .flatten()
                {
                    Some((last, c)) if last == category => c,
                    _ => {
                        let c = *category_index.entry(category).or_insert_with(|| {
                            categories.push((category, MonthTotals::default()));
                            (categories.len() - 1) as u32
                        });
                        if let Some(last) = product_last_category.get_mut(product as usize) {
                            *last = Some((category, c));
                        }
                        c
                    }
                };
                if let Some((_, t)) = categories.get_mut(c as usize) {
                    t.add(month0, line.quantity, line.amount_minor);
                }
                if let Some(seen) = product_categories.get_mut(product as usize) {
                    match seen.iter_mut().find(|(k, _)| *k == c) {
                        Some((_, n)) => *n += 1,
                        None => seen.push((c, 1)),
                    }
                }
            }
            compact.push(Compact {
                customer,
                product,
                order: line.order,
                date: line.date,
                amount_minor: line.amount_minor,
            });
        }

        // Renumber products in name order.
        let mut by_name: Vec<u32> = (0..products.len() as u32).collect();
        by_name.sort_unstable_by_key(|&p| products[p as usize]);
        let mut new_index = vec![0_u32; products.len()];
        for (new, &old) in by_name.iter().enumerate() {
            new_index[old as usize] = new as u32;
        }
        let product_category = by_name
            .iter()
            .map(|&old| {
                product_categories[old as usize]
                    .iter()
                    .map(|&(c, n)| (n, categories[c as usize].0))
                    .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(a.1)))
                    .map(|(_, name)| name)
            })
            .collect();
        let product_months = by_name
            .iter()
            .map(|&old| product_months[old as usize])
            .collect();
        let products: Vec<&'a str> = by_name.iter().map(|&old| products[old as usize]).collect();
        categories.sort_unstable_by_key(|c| c.0);

        // Counting sort of the lines by customer (renumbering their products).
        let mut starts = vec![0_usize; ids.len() + 1];
        for l in &compact {
            starts[l.customer as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut grouped = vec![Compact::NONE; compact.len()];
        for l in compact {
            if let Some(slot) = next.get_mut(l.customer as usize) {
                grouped[*slot] = Compact {
                    product: new_index[l.product as usize],
                    ..l
                };
                *slot += 1;
            }
        }

        let mut buyers = Vec::new();
        let mut idle = Vec::new();
        for (c, (&id, facts)) in ids.iter().zip(&facts_of).enumerate() {
            let own = &mut grouped[starts[c]..starts[c + 1]];
            if own.is_empty() {
                if let Some(f) = facts {
                    idle.push(*f);
                }
                continue;
            }
            buyers.push(buyer(id, *facts, own));
        }
        buyers.sort_by(|a, b| a.name.cmp(b.name).then(a.id.cmp(&b.id)));

        History {
            as_of,
            products,
            product_months,
            product_category,
            categories,
            buyers,
            idle,
        }
    }
}

/// A customer's orders, order days and products from their lines.
fn buyer<'a>(id: CustomerId, facts: Option<&'a CustomerFacts>, own: &mut [Compact]) -> Buyer<'a> {
    own.sort_unstable_by_key(|l| (l.order, l.date));
    let mut orders: Vec<Order> = Vec::new();
    for l in own.iter() {
        match orders.last_mut() {
            Some(o) if o.id == l.order => {
                o.amount_minor = o.amount_minor.saturating_add(l.amount_minor)
            }
            _ => orders.push(Order {
                id: l.order,
                date: l.date,
                amount_minor: l.amount_minor,
            }),
        }
    }
    orders.sort_unstable_by_key(|o| (o.date, o.id));
    let mut days: Vec<NaiveDate> = orders.iter().map(|o| o.date).collect();
    days.dedup();
    let mut products: Vec<u32> = own.iter().map(|l| l.product).collect();
    products.sort_unstable();
    products.dedup();
    Buyer {
        id,
        name: facts.map_or("", |f| f.name.as_str()),
        facts,
        total_minor: orders
            .iter()
            .fold(0_i64, |a, o| a.saturating_add(o.amount_minor)),
        orders,
        days,
        products,
    }
}

/// A map keyed by our own data (ids, product names): a fast multiplicative hash
/// (FxHash, as in rustc) instead of SipHash, which guards against hostile keys that
/// cannot come in here.
pub(super) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

#[derive(Default, Clone, Copy)]
pub(super) struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        // The product's high bits depend on every input bit, its low bits only on the
        // low input bits; the table indexes by the low bits, so bring the high ones down.
        self.0.rotate_left(26)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0_u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0_u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}
