//! Realistic generated customers and notes, for trying the app ("Try with
//! sample data") and for benchmarks at 1k–100k customers. The same seed always
//! gives the same data. Demo customers carry the tag `demo` so they can be found.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use crate::clock::FixedClock;
use crate::model::{
    validate_interaction, validate_new_customer, Address, Channel, Currency, CustomField, Customer,
    CustomerDraft, CustomerId, CustomerKind, DateDraft, Interaction, InteractionDraft,
    InteractionKind, Money, Order, OrderId, OrderLine, Product, ProductId,
};

/// splitmix64: tiny, fast and stable forever (a library RNG may change its
/// stream between versions, which would change "the same seed, the same data").
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const GIVEN: &[&str] = &[
    "Anna", "Finn", "Clara", "Jonas", "Maja", "Lukas", "Sofia", "Elias", "Amira", "Noah", "Lea",
    "Mateo", "Ingrid", "Oskar", "Yara", "Emil", "Chloé", "Rafael", "Aiko", "Tomás", "Zeynep",
    "Björn", "Priya", "Kwame", "Lucía", "Henrik", "Fatima", "Pierre", "Mei", "Dmitri", "Olga",
    "Samuel", "Nora", "Jakob", "Ada", "Malik", "Elin", "Hugo", "Leila", "Viktor", "Rosa", "Ivo",
    "Greta", "Ömer", "Sven", "Amélie", "Nils", "Beatriz", "Tariq", "Frida",
];
const FAMILY: &[&str] = &[
    "Berg",
    "Holm",
    "Jensen",
    "Lindqvist",
    "Müller",
    "Novak",
    "García",
    "Rossi",
    "Dubois",
    "Kowalski",
    "Andersen",
    "Nakamura",
    "Okafor",
    "Silva",
    "Yilmaz",
    "Haddad",
    "Eriksson",
    "Schmidt",
    "Costa",
    "Virtanen",
    "Horvat",
    "Larsen",
    "Moreau",
    "Petrov",
    "Sato",
    "Mensah",
    "Fischer",
    "Nieminen",
    "Bianchi",
    "Öztürk",
    "Karlsson",
    "Weber",
    "Lund",
    "Sandberg",
    "Ahmed",
];
const COMPANIES: &[&str] = &[
    "Bakery Nord",
    "Café Linde",
    "Studio Lumen",
    "Hansen & Co",
    "Grünwald Catering",
    "Blue Harbour Hotel",
    "Atelier Fleur",
    "Nordlys Design",
    "Forge & Field",
    "Little Sprouts",
    "Kaffebar Sol",
    "The Corner Deli",
    "Pixel Garden",
    "Vinoteca Rosa",
    "Maple Tree Dental",
];
const TAGS: &[&str] = &[
    "vip",
    "wholesale",
    "newsletter",
    "catering",
    "weekly",
    "wedding",
    "corporate",
    "local",
    "referral",
    "seasonal",
    "gluten-free",
    "events",
];
const SOURCES: &[&str] = &[
    "walk-in",
    "recommendation",
    "instagram",
    "google",
    "market stall",
    "website",
];
const CITIES: &[&str] = &[
    "Malmö",
    "Lund",
    "Copenhagen",
    "Hamburg",
    "Gothenburg",
    "Berlin",
    "Oslo",
];
const NOTES: &[&str] = &[
    "Talked about the spring menu; wants a tasting for **six** people.",
    "Asked for the Christmas catalogue again — send it *before* December.",
    "Prefers deliveries on Friday mornings. Has a new shop assistant, Lina.",
    "Complained the last order arrived late; apologised and offered a discount.",
    "Daughter starts school in August; busy until then.",
    "Interested in a monthly subscription box.\n\n- sourdough\n- cinnamon buns",
    "Quick call: confirmed the order for the company party.",
    "Met at the market. Loved the rye bread, will tell colleagues.",
    "Birthday cake for her mother's 70th — chocolate, no nuts.",
    "Wants an invoice with the new company address.",
];

/// Everything one demo customer brings: the customer and their notes.
pub struct DemoCustomer {
    pub customer: Customer,
    pub interactions: Vec<Interaction>,
}

fn date_text(year: Option<i32>, month: u32, day: u32) -> String {
    match year {
        Some(y) => format!("{y:04}-{month:02}-{day:02}"),
        None => format!("--{month:02}-{day:02}"),
    }
}

/// `count` customers, reproducible from `seed`, as of `now`.
pub fn generate(count: usize, seed: u64, now: DateTime<Utc>) -> Vec<DemoCustomer> {
    let mut rng = Rng(seed);
    let today = now.date_naive();
    (0..count)
        .map(|n| {
            let given = rng.pick(GIVEN);
            let family = rng.pick(FAMILY);
            let business = rng.chance(12);
            let company = rng.chance(35).then(|| rng.pick(COMPANIES).to_owned());
            let name = if business {
                format!("{} {}", rng.pick(COMPANIES), n % 997)
            } else {
                format!("{given} {family}")
            };
            let mut tags = vec!["demo".to_owned()];
            for _ in 0..rng.below(3) {
                tags.push(rng.pick(TAGS).to_owned());
            }
            let birthday = (!business && rng.chance(85)).then(|| {
                let year = (!rng.chance(20)).then(|| today.year() - 18 - rng.below(60) as i32);
                let month = 1 + rng.below(12) as u32;
                let day = 1 + rng.below(28) as u32;
                date_text(year, month, day)
            });
            let mut dates = Vec::new();
            if rng.chance(30) {
                let year = today.year() - 1 - rng.below(25) as i32;
                let label = if business {
                    "Company founded"
                } else {
                    "Wedding anniversary"
                };
                dates.push(DateDraft {
                    label: label.into(),
                    date: date_text(
                        Some(year),
                        1 + rng.below(12) as u32,
                        1 + rng.below(28) as u32,
                    ),
                });
            }
            if rng.chance(50) {
                let since = today - Duration::days(30 + rng.below(3000) as i64);
                dates.push(DateDraft {
                    label: "Customer since".into(),
                    date: since.format("%Y-%m-%d").to_string(),
                });
            }
            let slug = name
                .to_lowercase()
                .replace(|c: char| !c.is_ascii_alphanumeric(), ".");
            let channel = [
                Channel::Email,
                Channel::Phone,
                Channel::Sms,
                Channel::Whatsapp,
                Channel::InPerson,
            ];
            let draft = CustomerDraft {
                name,
                kind: if business {
                    CustomerKind::Business
                } else {
                    CustomerKind::Person
                },
                given_name: (!business).then(|| given.to_owned()),
                family_name: (!business).then(|| family.to_owned()),
                company,
                emails: rng
                    .chance(80)
                    .then(|| format!("{slug}.{n}@example.com"))
                    .into_iter()
                    .collect(),
                phones: rng
                    .chance(70)
                    .then(|| {
                        format!(
                            "+46 70 {:03} {:02} {:02}",
                            rng.below(1000),
                            rng.below(100),
                            rng.below(100)
                        )
                    })
                    .into_iter()
                    .collect(),
                birthday,
                dates,
                tags,
                channel: rng
                    .chance(70)
                    .then(|| channel[rng.below(channel.len() as u64) as usize]),
                source: rng.chance(60).then(|| rng.pick(SOURCES).to_owned()),
                cadence_days: rng
                    .chance(40)
                    .then(|| [14, 30, 60, 90][rng.below(4) as usize]),
                custom_fields: rng
                    .chance(20)
                    .then(|| CustomField {
                        label: "City".into(),
                        value: rng.pick(CITIES).into(),
                    })
                    .into_iter()
                    .collect(),
                ..Default::default()
            };
            let created = now - Duration::days(rng.below(1500) as i64);
            let mut customer = validate_new_customer(&draft, CustomerId::new_v7(), created, today)
                .expect("demo data is valid");
            let clock = FixedClock::utc(now);
            // Like a real book of customers: those with a keep-in-touch cadence are
            // mostly contacted on time (one in ten has slipped), and only the latest
            // note may still ask for a follow-up: older ones were dealt with.
            let cadence = customer.cadence_days.map(i64::from);
            let count = (rng.below(6) as usize).max(usize::from(cadence.is_some()));
            let mut interactions: Vec<Interaction> = (0..count)
                .map(|n| {
                    let latest = n + 1 == count;
                    let minutes = match cadence {
                        Some(days) if latest && !rng.chance(10) => {
                            rng.below((days * 24 * 60) as u64) as i64
                        }
                        _ => rng.below(60 * 24 * 400) as i64,
                    };
                    let at = now - Duration::minutes(minutes);
                    let follow_up = (latest && rng.chance(25)).then(|| {
                        let due: NaiveDate = today + Duration::days(rng.below(35) as i64 - 5);
                        due.format("%Y-%m-%d").to_string()
                    });
                    let kinds = [
                        InteractionKind::Meeting,
                        InteractionKind::Call,
                        InteractionKind::Note,
                        InteractionKind::Message,
                    ];
                    let draft = InteractionDraft {
                        kind: kinds[rng.below(4) as usize],
                        text: rng.pick(NOTES).to_owned(),
                        at: Some(at.format("%Y-%m-%dT%H:%M").to_string()),
                        follow_up,
                    };
                    validate_interaction(&draft, customer.id, &clock).expect("demo note is valid")
                })
                .collect();
            interactions.sort_by_key(|i| i.at);
            customer.last_contacted = interactions.iter().map(|i| i.at).max();
            // The city they gave also serves as their address (breakdowns by location).
            if let Some(city) = customer.custom_fields.iter().find(|f| f.label == "City") {
                customer.addresses.push(Address {
                    city: Some(city.value.clone()),
                    country: Some("Sweden".into()),
                    ..Default::default()
                });
            }
            DemoCustomer {
                customer,
                interactions,
            }
        })
        .collect()
}

/// The demo catalogue: a bakery and deli. (name, category, price in cents, the
/// months it sells in; empty: all year).
const CATALOGUE: &[(&str, &str, i64, &[u32])] = &[
    ("Sourdough loaf", "Bread", 650, &[]),
    ("Rye bread", "Bread", 550, &[]),
    ("Baguette", "Bread", 320, &[]),
    ("Spelt loaf", "Bread", 700, &[]),
    ("Seeded rolls (6)", "Bread", 480, &[]),
    ("Croissant", "Pastry", 290, &[]),
    ("Cinnamon bun", "Pastry", 350, &[]),
    ("Cardamom bun", "Pastry", 360, &[]),
    ("Pain au chocolat", "Pastry", 320, &[]),
    ("Apple tart", "Pastry", 1800, &[8, 9, 10]),
    ("Butter (250 g)", "Dairy", 420, &[]),
    ("Farm cheese", "Dairy", 890, &[]),
    ("Yoghurt", "Dairy", 310, &[]),
    ("Coffee beans (500 g)", "Coffee", 1450, &[]),
    ("Espresso blend", "Coffee", 1600, &[]),
    ("Tea selection", "Coffee", 900, &[]),
    ("Strawberry cake", "Cakes", 3200, &[6, 7]),
    ("Birthday cake", "Cakes", 4500, &[]),
    ("Lussekatt", "Seasonal", 250, &[12]),
    ("Christmas stollen", "Seasonal", 1900, &[11, 12]),
    ("Gingerbread box", "Seasonal", 1200, &[11, 12]),
    ("Semla", "Seasonal", 450, &[2, 3]),
    ("Easter lamb cake", "Seasonal", 2400, &[3, 4]),
    ("Pumpkin bread", "Seasonal", 750, &[10]),
    ("Party platter", "Catering", 8900, &[]),
    ("Office breakfast box", "Catering", 12900, &[]),
    ("Sandwich tray", "Catering", 6500, &[]),
    ("Jam", "Deli", 560, &[]),
    ("Honey", "Deli", 780, &[]),
    ("Olive oil", "Deli", 1350, &[]),
];

/// What usually goes with what in the demo ("bought bread, also butter").
const COMPANIONS: &[(&str, &str)] = &[
    ("Sourdough loaf", "Butter (250 g)"),
    ("Rye bread", "Farm cheese"),
    ("Croissant", "Coffee beans (500 g)"),
    ("Baguette", "Farm cheese"),
    ("Cinnamon bun", "Tea selection"),
    ("Spelt loaf", "Honey"),
    ("Office breakfast box", "Espresso blend"),
];

/// The demo catalogue as products (created `now`).
pub fn products(now: DateTime<Utc>) -> Vec<Product> {
    CATALOGUE
        .iter()
        .enumerate()
        .map(|(i, (name, category, cents, _))| Product {
            // Fixed ids, so that seeding twice does not double the catalogue.
            id: ProductId::from_bytes(demo_product_id(i)),
            name: (*name).to_owned(),
            category: Some((*category).to_owned()),
            unit_price: Money::new(*cents, Currency::EUR),
            active: true,
            created_at: now,
            updated_at: now,
        })
        .collect()
}

fn demo_product_id(i: usize) -> [u8; 16] {
    let mut b = *b"regulars-demo-p\0";
    b[15] = i as u8;
    b
}

/// Orders for demo customers over the last `years` years, as in a real book:
/// most buyers keep a rhythm of their own (weekly to quarterly) with a usual
/// basket, one in eight has drifted away, some come only for a season
/// (Christmas stollen in November), and companions go together (bread and butter).
pub fn orders(customers: &[CustomerId], seed: u64, today: NaiveDate, years: u32) -> Vec<Order> {
    let mut rng = Rng(seed ^ 0x6F72_6465_7273);
    let catalogue = products(DateTime::<Utc>::MIN_UTC);
    let by_name = |n: &str| catalogue.iter().position(|p| p.name == n);
    let in_season = |i: usize, month: u32| {
        let months = CATALOGUE[i].3;
        months.is_empty() || months.contains(&month)
    };
    let year_round: Vec<usize> = (0..CATALOGUE.len())
        .filter(|i| CATALOGUE[*i].3.is_empty())
        .collect();
    let history_days = i64::from(years.max(1)) * 365;
    let mut out = Vec::new();
    for customer in customers {
        if rng.chance(25) {
            continue; // not every customer has bought yet
        }
        let seasonal = rng.chance(10);
        let gap = [7_i64, 14, 14, 21, 30, 30, 45, 60, 90][rng.below(9) as usize];
        let mut basket: Vec<usize> = (0..1 + rng.below(3))
            .map(|_| year_round[rng.below(year_round.len() as u64) as usize])
            .collect();
        for (a, b) in COMPANIONS {
            if basket.iter().any(|i| Some(*i) == by_name(a)) && rng.chance(70) {
                basket.extend(by_name(b));
            }
        }
        basket.sort_unstable();
        basket.dedup();
        let start = today - Duration::days(rng.below(history_days as u64) as i64);
        // One in eight drifted away some gaps ago; the rest order to this day.
        let end = if rng.chance(12) {
            today - Duration::days(gap * (3 + rng.below(4) as i64))
        } else {
            today
        };
        let mut day = start;
        while day <= end {
            let month = day.month();
            let ordering = !seasonal || matches!(month, 11 | 12);
            if ordering {
                let mut lines: Vec<OrderLine> = Vec::new();
                let add = |i: usize, qty: u32, lines: &mut Vec<OrderLine>| {
                    if let Some(l) = lines.iter_mut().find(|l| l.product_id == catalogue[i].id) {
                        l.quantity += qty;
                    } else {
                        lines.push(OrderLine {
                            product_id: catalogue[i].id,
                            product: catalogue[i].name.clone(),
                            quantity: qty,
                            unit_price_minor: catalogue[i].unit_price.minor,
                        });
                    }
                };
                for i in &basket {
                    if rng.chance(80) {
                        add(*i, 1 + rng.below(3) as u32, &mut lines);
                    }
                }
                // Seasonal goods in their months; now and then something new.
                for (i, item) in CATALOGUE.iter().enumerate() {
                    if !item.3.is_empty()
                        && in_season(i, month)
                        && rng.chance(if seasonal { 60 } else { 15 })
                    {
                        add(i, 1 + rng.below(2) as u32, &mut lines);
                    }
                }
                if rng.chance(10) {
                    add(
                        year_round[rng.below(year_round.len() as u64) as usize],
                        1,
                        &mut lines,
                    );
                }
                if lines.is_empty() {
                    add(basket[0], 1, &mut lines);
                }
                let at = day.and_hms_opt(10, 0, 0).unwrap_or_default().and_utc();
                out.push(Order {
                    id: OrderId::new_v7(),
                    customer_id: *customer,
                    date: day,
                    currency: Currency::EUR,
                    lines,
                    note: None,
                    created_at: at,
                    updated_at: at,
                });
            }
            // Real rhythms wobble: a few days either way.
            let wobble = rng.below((gap / 4 + 1) as u64) as i64 - gap / 8;
            day += Duration::days((gap + wobble).max(1));
            if seasonal && !matches!(day.month(), 11 | 12) {
                // Back next November.
                let next = NaiveDate::from_ymd_opt(
                    day.year() + i32::from(day.month() == 12),
                    11,
                    1 + rng.below(20) as u32,
                );
                day = next.unwrap_or(day).max(day);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_same_seed_gives_the_same_people() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        let a: Vec<String> = generate(50, 7, now)
            .into_iter()
            .map(|d| d.customer.name)
            .collect();
        let b: Vec<String> = generate(50, 7, now)
            .into_iter()
            .map(|d| d.customer.name)
            .collect();
        let c: Vec<String> = generate(50, 8, now)
            .into_iter()
            .map(|d| d.customer.name)
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn demo_data_is_varied_like_a_real_book() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        let all = generate(1000, 1, now);
        let with = |f: &dyn Fn(&DemoCustomer) -> bool| all.iter().filter(|d| f(d)).count();
        assert!((600..=900).contains(&with(&|d| d.customer.birthday.is_some())));
        assert!(with(&|d| d.customer.birthday.is_some_and(|b| b.year().is_none())) > 50);
        assert!(with(&|d| d.customer.kind == CustomerKind::Business) > 50);
        assert!(with(&|d| d.interactions.iter().any(|i| i.follow_up.is_some())) > 100);
        assert!(all
            .iter()
            .all(|d| d.customer.tags.iter().any(|t| t == "demo")));
    }
}
