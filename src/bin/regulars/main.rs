//! `regulars`: the scriptable command line over the core façade (see CLI.md).
//! It parses arguments, calls one use case and prints; it holds no rules.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use regulars::model::{Channel, Customer, CustomerDraft, CustomerKind, DateDraft};
use regulars::{paths, Error, Regulars};

#[derive(Parser)]
#[command(
    name = "regulars",
    version,
    about = "Know your regulars: customers, dates and notes, on your own computer."
)]
struct Cli {
    /// Data directory (default: $REGULARS_DATA_DIR, else the desktop app's own).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Add, list and show customers.
    #[command(subcommand)]
    Customer(CustomerCommand),
}

#[derive(Subcommand)]
enum CustomerCommand {
    /// Add a customer; prints the new id.
    Add(Box<AddArgs>),
    /// List customers, sorted by name.
    List {
        /// Only customers with this tag.
        #[arg(long)]
        tag: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show one customer.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
struct AddArgs {
    #[arg(long)]
    name: String,
    #[arg(long, value_enum, default_value = "person")]
    kind: KindArg,
    #[arg(long)]
    company: Option<String>,
    #[arg(long)]
    role: Option<String>,
    #[arg(long = "email", value_name = "EMAIL")]
    emails: Vec<String>,
    #[arg(long = "phone", value_name = "PHONE")]
    phones: Vec<String>,
    /// YYYY-MM-DD, or --MM-DD when the year is unknown.
    #[arg(long, allow_hyphen_values = true)]
    birthday: Option<String>,
    /// A yearly date, as LABEL=DATE (e.g. "Wedding anniversary=2015-06-01").
    #[arg(long = "date", value_name = "LABEL=DATE", allow_hyphen_values = true)]
    dates: Vec<String>,
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    #[arg(long, value_enum)]
    channel: Option<Channel>,
    /// How they heard about you.
    #[arg(long)]
    source: Option<String>,
    /// Keep-in-touch cadence in days.
    #[arg(long = "cadence", value_name = "DAYS")]
    cadence_days: Option<u32>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum KindArg {
    Person,
    Business,
}

impl AddArgs {
    fn into_draft(self) -> Result<CustomerDraft, String> {
        let dates = self
            .dates
            .iter()
            .map(|d| {
                d.rsplit_once('=')
                    .map(|(label, date)| DateDraft {
                        label: label.into(),
                        date: date.into(),
                    })
                    .ok_or_else(|| format!("--date: \"{d}\" should be LABEL=DATE"))
            })
            .collect::<Result<_, _>>()?;
        Ok(CustomerDraft {
            name: self.name,
            kind: match self.kind {
                KindArg::Person => CustomerKind::Person,
                KindArg::Business => CustomerKind::Business,
            },
            company: self.company,
            role: self.role,
            emails: self.emails,
            phones: self.phones,
            birthday: self.birthday,
            dates,
            tags: self.tags,
            channel: self.channel,
            source: self.source,
            cadence_days: self.cadence_days,
        })
    }
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(())
}

fn print_customer(c: &Customer) {
    println!("id:        {}", c.id);
    println!("name:      {}", c.name);
    println!(
        "kind:      {}",
        if c.kind == CustomerKind::Business {
            "business"
        } else {
            "person"
        }
    );
    for (label, value) in [
        ("company", &c.company),
        ("role", &c.role),
        ("source", &c.source),
    ] {
        if let Some(v) = value {
            println!("{label:<10} {v}", label = format!("{label}:"));
        }
    }
    for e in &c.emails {
        println!("email:     {e}");
    }
    for p in &c.phones {
        println!("phone:     {p}");
    }
    if let Some(b) = &c.birthday {
        println!("birthday:  {b}");
    }
    for d in &c.dates {
        println!("date:      {} = {}", d.label, d.date);
    }
    if !c.tags.is_empty() {
        println!("tags:      {}", c.tags.join(", "));
    }
    if let Some(days) = c.cadence_days {
        println!("cadence:   every {days} days");
    }
}

fn run(cli: Cli) -> Result<(), String> {
    let dir = cli
        .data_dir
        .or_else(paths::default_data_dir)
        .ok_or_else(|| Error::NoDataDir.to_string())?;
    let app = Regulars::open(&dir).map_err(|e| e.to_string())?;
    match cli.command {
        Command::Customer(CustomerCommand::Add(args)) => {
            let draft = (*args).into_draft()?;
            let customer = app.add_customer(&draft).map_err(|e| e.to_string())?;
            println!("{}", customer.id);
        }
        Command::Customer(CustomerCommand::List { tag, json }) => {
            let list = match tag {
                Some(t) => app.customers_tagged(&t),
                None => app.customers(),
            }
            .map_err(|e| e.to_string())?;
            if json {
                print_json(&list)?;
            } else {
                for c in &list {
                    let email = c.emails.first().map(String::as_str).unwrap_or("");
                    let birthday = c.birthday.map(|b| b.to_string()).unwrap_or_default();
                    println!("{}\t{}\t{}\t{}", c.id, c.name, email, birthday);
                }
            }
        }
        Command::Customer(CustomerCommand::Show { id, json }) => {
            let c = app.customer(&id).map_err(|e| e.to_string())?;
            if json {
                print_json(&c)?;
            } else {
                print_customer(&c);
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("regulars: {message}");
            ExitCode::FAILURE
        }
    }
}
