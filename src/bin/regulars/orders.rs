//! `order …`, `product list` and `insights`: purchases on the command line (CLI.md).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;
use regulars::model::{OrderDraft, OrderLineDraft, OrderView};
use regulars::Regulars;

use super::{emit, file_failed, print_json, reminders::parse_date, Stop};

#[derive(Subcommand)]
pub enum OrderCommand {
    /// Log an order; prints its id. A product new to the catalogue is added.
    Add {
        /// The customer's id.
        id: String,
        /// YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        /// PRODUCT:QTY:UNIT_PRICE (price in major units, 12.50), or PRODUCT:QTY
        /// for the catalogue's price. Repeat for each line.
        #[arg(long = "item", required = true, value_parser = parse_item)]
        items: Vec<OrderLineDraft>,
        /// ISO 4217 (default: the business currency from Settings, else EUR).
        #[arg(long)]
        currency: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// A customer's orders, newest first.
    List {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Delete one order.
    Delete { order: String },
    /// Import orders from CSV: columns email/customer, date, product, quantity,
    /// unit_price, and optionally currency, category, order, note.
    Import {
        file: PathBuf,
        /// Report what would be imported; write nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

/// `Bread:2:3.50` → a line; the product may itself contain colons ("Tea: green:1").
pub fn parse_item(s: &str) -> Result<OrderLineDraft, String> {
    let parts: Vec<&str> = s.rsplitn(3, ':').collect();
    let is_quantity = |p: &str| {
        !p.trim().is_empty()
            && p.trim()
                .trim_start_matches('-')
                .chars()
                .all(|c| c.is_ascii_digit())
    };
    let (product, quantity, price) = match parts.as_slice() {
        [price, qty, product] if is_quantity(qty) => (product.to_string(), *qty, Some(*price)),
        [qty, rest @ ..] if !rest.is_empty() => {
            let product: Vec<&str> = rest.iter().rev().copied().collect();
            (product.join(":"), *qty, None)
        }
        _ => {
            return Err(format!(
                "{s:?} is not an item (use PRODUCT:QTY:UNIT_PRICE, like Bread:2:3.50)"
            ))
        }
    };
    Ok(OrderLineDraft {
        product,
        quantity: quantity.to_owned(),
        unit_price: price.map(str::to_owned),
        category: None,
    })
}

/// The draft the `order add` flags describe (judged before the store opens, too).
pub fn draft(
    date: &Option<String>,
    items: &[OrderLineDraft],
    currency: &Option<String>,
    note: &Option<String>,
) -> OrderDraft {
    OrderDraft {
        date: date.clone(),
        currency: currency.clone(),
        lines: items.to_vec(),
        note: note.clone(),
    }
}

fn print_order(o: &OrderView) -> Result<(), Stop> {
    emit(&format!(
        "{}  {}  {}  {}",
        o.order.id,
        o.order.date.format("%Y-%m-%d"),
        o.total,
        o.order.summary()
    ))
}

pub fn order(app: &Regulars, command: OrderCommand) -> Result<(), Stop> {
    match command {
        OrderCommand::Add {
            id,
            date,
            items,
            currency,
            note,
        } => {
            let o = app.add_order(&id, &draft(&date, &items, &currency, &note))?;
            emit(&o.order.id.to_string())
        }
        OrderCommand::List { id, json } => {
            let orders = app.orders_of(&id)?;
            if json {
                return print_json(&orders);
            }
            if orders.is_empty() {
                return emit("No orders yet.");
            }
            orders.iter().try_for_each(print_order)
        }
        OrderCommand::Delete { order } => Ok(app.delete_order(&order)?),
        OrderCommand::Import {
            file,
            dry_run,
            json,
        } => {
            let report = app
                .import_orders_file(&file, dry_run)
                .map_err(|e| file_failed(&file, e))?;
            if json {
                return print_json(&report);
            }
            let verb = if dry_run { "would import" } else { "imported" };
            emit(&format!(
                "{}: {verb} {} rows as {} orders; {} skipped",
                file.display(),
                report.imported,
                report.orders,
                report.skipped
            ))?;
            for p in report.unmatched.iter().chain(&report.errors) {
                emit(&format!("{}:{}: {}", file.display(), p.line, p.message))?;
            }
            Ok(())
        }
    }
}

pub fn products(app: &Regulars, json: bool) -> Result<(), Stop> {
    let products = app.products()?;
    if json {
        return print_json(&products);
    }
    for p in &products {
        emit(&format!(
            "{}\t{}\t{}\t{}{}",
            p.id,
            p.name,
            p.category.as_deref().unwrap_or("-"),
            p.unit_price,
            if p.active { "" } else { "\t(inactive)" }
        ))?;
    }
    Ok(())
}

pub fn insights(app: &Regulars, as_of: Option<NaiveDate>, json: bool) -> Result<(), Stop> {
    let insights = app.insights(as_of)?;
    if json {
        return print_json(&insights);
    }
    emit(&format!(
        "Insights as of {}",
        insights.as_of.format("%Y-%m-%d")
    ))?;
    if insights.order_drops.is_empty() {
        emit("No one is ordering less than usual.")?;
    }
    for d in &insights.order_drops {
        emit(&format!("drifting  {}  {}", d.customer_name, d.explanation))?;
    }
    for s in &insights.cross_sell {
        emit(&format!(
            "suggest   {}  {} ({})",
            s.customer_name, s.product, s.because
        ))?;
    }
    for s in &insights.seasonality {
        emit(&format!(
            "season    {}  peaks in month {}",
            s.product, s.peak_month
        ))?;
    }
    Ok(())
}

/// Clap's parser for `--as-of`.
pub fn parse_as_of(s: &str) -> Result<NaiveDate, String> {
    parse_date(s)
}
