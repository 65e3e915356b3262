//! Used by tests/durability.rs: adds customers and orders through the real
//! façade forever, printing each id (`customer <id>`, `order <id>`) only after
//! the call has returned (that is, after the store reported it durable). The
//! test kills this process with SIGKILL and checks that every id it saw is
//! still there.

use std::io::Write;
use std::path::PathBuf;

use regulars::model::{CustomerDraft, OrderDraft, OrderLineDraft};
use regulars::Regulars;

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: durability_writer DATA_DIR"),
    );
    let app = Regulars::open(&dir).expect("open store");
    let stdout = std::io::stdout();
    for n in 0u64.. {
        let draft = CustomerDraft {
            name: format!("Durable {n}"),
            emails: vec![format!("d{n}@example.com")],
            birthday: Some("--02-29".into()),
            ..Default::default()
        };
        let customer = app.add_customer(&draft).expect("add customer");
        let mut out = stdout.lock();
        writeln!(out, "customer {}", customer.id).expect("stdout");
        out.flush().expect("stdout");
        drop(out);
        let order = OrderDraft {
            lines: vec![OrderLineDraft {
                product: format!("Bread {}", n % 7),
                quantity: "2".into(),
                unit_price: Some("3.50".into()),
                category: None,
            }],
            ..Default::default()
        };
        let order = app
            .add_order(&customer.id.to_string(), &order)
            .expect("add order");
        let mut out = stdout.lock();
        writeln!(out, "order {}", order.order.id).expect("stdout");
        out.flush().expect("stdout");
    }
}
