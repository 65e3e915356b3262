//! Used by tests/durability.rs: adds customers through the real façade forever,
//! printing each id only after `add_customer` has returned (that is, after the
//! store reported it durable). The test kills this process with SIGKILL and
//! checks that every id it saw is still there.

use std::io::Write;
use std::path::PathBuf;

use regulars::model::CustomerDraft;
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
        writeln!(out, "{}", customer.id).expect("stdout");
        out.flush().expect("stdout");
    }
}
