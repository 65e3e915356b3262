//! `regulars`: the scriptable command line over the core façade (see CLI.md).
//! It parses arguments, calls one use case and prints; it holds no rules.

mod data;
mod feedback;
mod orders;
mod profile;
mod reminders;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::TypedValueParser;
use clap::{Parser, Subcommand};
use regulars::model::{
    validate_interaction, validate_new_customer, Customer, CustomerDraft, CustomerId, CustomerKind,
    InteractionDraft, InteractionKind, RelationKind,
};
use regulars::{Clock, Error, Regulars, SystemClock};

use feedback::{ComplaintCommand, FeedbackCommand};
use orders::OrderCommand;
use profile::{AddArgs, EditArgs};
use reminders::ReminderCommand;

#[derive(Parser)]
#[command(
    name = "regulars",
    version,
    about = "Know your regulars: customers, dates and notes, on your own computer."
)]
struct Cli {
    /// Data directory (default: $REGULARS_DATA_DIR, else the desktop app's own).
    #[arg(long, global = true, value_name = "DIR",
          value_parser = clap::builder::NonEmptyStringValueParser::new().map(PathBuf::from))]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Add, edit, list, show, archive and delete customers.
    #[command(subcommand)]
    Customer(CustomerCommand),
    /// Log meetings, calls and notes.
    #[command(subcommand)]
    Note(NoteCommand),
    /// Add realistic sample customers (tagged `demo`), for trying the app and benchmarks.
    SeedDemo {
        #[arg(long)]
        customers: usize,
        /// The same seed gives the same people.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Years of order history to generate (0: customers and notes only).
        #[arg(long, default_value_t = regulars::app::DEMO_ORDER_YEARS)]
        years_of_orders: u32,
    },
    /// A customer's timeline, newest first.
    Timeline {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// The daily reminder list: overdue, today and the next days.
    Today {
        /// The day to list (default: today in local time).
        #[arg(long, value_parser = reminders::parse_date)]
        date: Option<chrono::NaiveDate>,
        /// How many following days to include (0 to 366).
        #[arg(long, default_value_t = 7, value_parser = reminders::max_days())]
        days: u32,
        #[arg(long)]
        json: bool,
    },
    /// Act on one reminder of the daily list (keys are shown by `today`).
    #[command(subcommand)]
    Reminder(ReminderCommand),
    /// Congratulations and follow-up messages.
    #[command(subcommand)]
    Message(MessageCommand),
    /// Log, list, delete and import orders.
    #[command(subcommand)]
    Order(OrderCommand),
    /// The catalogue of products and services.
    #[command(subcommand)]
    Product(ProductCommand),
    /// Record and list feedback: ratings, recommendation scores, words.
    #[command(subcommand)]
    Feedback(FeedbackCommand),
    /// Take complaints through the policy: open, ack, resolve, close.
    #[command(subcommand)]
    Complaint(ComplaintCommand),
    /// Bring customers in: vCard (2.1/3.0/4.0), CSV (Google, Outlook or any), or a JSON backup.
    Import {
        #[arg(value_enum)]
        format: data::ImportFormat,
        file: PathBuf,
        /// Report what would happen; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// A contact who is already a customer (same email, phone or name).
        #[arg(long, value_enum, default_value = "merge")]
        duplicates: regulars::import::Duplicates,
        #[arg(long)]
        json: bool,
    },
    /// Undo a whole contacts import (the latest, or BATCH as `import` printed it).
    UndoImport { batch: Option<String> },
    /// Take everything out: vCard 4.0, CSV, a full JSON backup, or an iCalendar of dates.
    Export {
        #[arg(value_enum)]
        format: data::ExportFormat,
        file: PathBuf,
        /// vCard 3.0 instead of 4.0.
        #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u8).range(3..=4))]
        vcard_version: u8,
        /// CSV of orders (one row per line) instead of customers.
        #[arg(long)]
        orders: bool,
    },
    /// Write a full backup into DIR (default: the backup folder); prints its path.
    Backup { dir: Option<PathBuf> },
    /// Replace all data with a backup (what was there is backed up first).
    Restore {
        file: PathBuf,
        /// Show what the backup holds beside what is here; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Who buys what and when: RFM segments, order drops, seasons, cross-sell ideas.
    Insights {
        /// Replay history as of this day (default: today).
        #[arg(long, value_parser = orders::parse_as_of)]
        as_of: Option<chrono::NaiveDate>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ProductCommand {
    /// Every product, by name.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum MessageCommand {
    /// The message for an occasion, personalised, with links for each channel.
    Render {
        #[arg(long)]
        customer: String,
        #[arg(long, value_enum)]
        occasion: regulars::messages::Occasion,
        /// The day it is for (default: today).
        #[arg(long, value_parser = reminders::parse_date)]
        date: Option<chrono::NaiveDate>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum CustomerCommand {
    /// Add a customer; prints the new id.
    Add(Box<AddArgs>),
    /// Change a customer: flags replace single values and add to lists; --remove-*/--clear-* take away.
    Edit(Box<EditArgs>),
    /// List customers (not archived), sorted by name.
    List {
        /// Only customers with this tag.
        #[arg(long)]
        tag: Option<String>,
        /// List archived customers instead.
        #[arg(long)]
        archived: bool,
        #[arg(long)]
        json: bool,
    },
    /// Show one customer.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Hide a customer from lists and reminders (restore brings them back).
    Archive { id: String },
    /// Bring an archived customer back.
    Restore { id: String },
    /// Everything held about one customer, as JSON (a privacy request).
    Export { id: String, file: PathBuf },
    /// Erase a customer and everything that is theirs (notes, orders, feedback,
    /// complaints, relationships), leaving nothing of them readable in the data folder.
    #[command(name = "erase", alias = "delete")]
    Erase {
        id: String,
        /// Confirm: deleting cannot be undone.
        #[arg(long)]
        yes: bool,
    },
    /// Record how two customers are related (shown on both).
    Relate {
        id: String,
        #[arg(value_enum)]
        kind: RelationKind,
        other: String,
    },
    /// Remove any relationship between two customers.
    Unrelate { id: String, other: String },
}

#[derive(Subcommand)]
enum NoteCommand {
    /// Log an interaction; prints its id. TEXT `-` reads the text from stdin.
    Add {
        id: String,
        text: String,
        #[arg(long, value_enum, default_value = "note")]
        kind: InteractionKind,
        /// When it happened, YYYY-MM-DDTHH:MM local time (default: now).
        #[arg(long)]
        at: Option<String>,
        /// YYYY-MM-DD or YYYY-MM-DDTHH:MM.
        #[arg(long = "follow-up")]
        follow_up: Option<String>,
    },
}

/// Why the command stopped: a message for stderr, or quietly (the reader of our
/// output went away, as with `| head`: not an error).
enum Stop {
    Failed(String),
    ReaderGone,
}

impl From<String> for Stop {
    fn from(message: String) -> Self {
        Stop::Failed(message)
    }
}

impl From<Error> for Stop {
    fn from(e: Error) -> Self {
        Stop::Failed(e.to_string())
    }
}

/// A problem with FILE, as "FILE: what" (a problem of the file itself without
/// its field name).
fn file_failed(file: &std::path::Path, e: Error) -> Stop {
    match e {
        Error::Invalid(v) if v.field == "file" => {
            Stop::Failed(format!("{}: {}", file.display(), v.message))
        }
        other => Stop::Failed(format!("{}: {other}", file.display())),
    }
}

/// Writes to stdout; a closed pipe ends the command quietly instead of panicking.
fn emit(text: &str) -> Result<(), Stop> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Stop::ReaderGone),
        Err(e) => Err(Stop::Failed(format!("cannot write the output: {e}"))),
    }
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Stop> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    emit(&text)
}

fn print_customer(c: &Customer, app: &Regulars) -> Result<(), Stop> {
    let mut text = String::new();
    let mut line = |label: &str, value: &str| {
        text.push_str(&format!("{:<11}{value}\n", format!("{label}:")));
    };
    line("id", &c.id.to_string());
    line("name", &c.name);
    line(
        "kind",
        if c.kind == CustomerKind::Business {
            "business"
        } else {
            "person"
        },
    );
    let optional = [
        ("given name", &c.given_name),
        ("family", &c.family_name),
        ("nickname", &c.nickname),
        ("company", &c.company),
        ("role", &c.role),
        ("source", &c.source),
    ];
    for (label, value) in optional {
        if let Some(v) = value {
            line(label, v);
        }
    }
    for e in &c.emails {
        line("email", e);
    }
    for p in &c.phones {
        line("phone", p);
    }
    if let Some(b) = &c.birthday {
        line("birthday", &b.to_string());
    }
    for d in &c.dates {
        line("date", &format!("{} = {}", d.label, d.date));
    }
    if !c.tags.is_empty() {
        line("tags", &c.tags.join(", "));
    }
    if let Some(days) = c.cadence_days {
        line("cadence", &format!("every {days} days"));
    }
    for f in &c.custom_fields {
        line(&f.label, &f.value);
    }
    for r in &c.relationships {
        let other = app
            .customer(&r.customer_id.to_string())
            .map(|o| o.name)
            .unwrap_or_else(|_| r.customer_id.to_string());
        line(
            "related",
            &format!(
                "{} {other}",
                serde_json::to_value(r.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            ),
        );
    }
    if let Some(t) = c.last_contacted {
        line("contacted", &t.to_rfc3339());
    }
    if c.archived_at.is_some() {
        line("archived", "yes");
    }
    emit(text.trim_end())
}

fn print_list(list: &[Customer], json: bool) -> Result<(), Stop> {
    if json {
        return print_json(&list);
    }
    for c in list {
        let email = c.emails.first().map(String::as_str).unwrap_or("");
        let birthday = c.birthday.map(|b| b.to_string()).unwrap_or_default();
        emit(&format!("{}\t{}\t{}\t{}", c.id, c.name, email, birthday))?;
    }
    Ok(())
}

fn note_text(text: String) -> Result<String, String> {
    if text != "-" {
        return Ok(text);
    }
    let mut buf = String::new();
    std::io::stdin()
        .read_to_string(&mut buf)
        .map_err(|e| format!("text: could not read standard input ({e})"))?;
    Ok(buf)
}

/// Input that can be judged without the store is judged first, so a bad
/// command never creates or opens a data directory.
fn check_before_opening(command: &Command) -> Result<(), Stop> {
    let clock = SystemClock;
    match command {
        Command::Customer(CustomerCommand::Add(args)) => {
            let (draft, note) = args.to_draft()?;
            let id = CustomerId::new_v7();
            validate_new_customer(&draft, id, clock.now(), clock.today()).map_err(Error::from)?;
            if let Some(text) = note {
                let note = InteractionDraft {
                    text,
                    ..Default::default()
                };
                validate_interaction(&note, id, &clock).map_err(Error::from)?;
            }
        }
        Command::Note(NoteCommand::Add {
            text,
            kind,
            at,
            follow_up,
            ..
        }) if text != "-" => {
            let draft = InteractionDraft {
                kind: *kind,
                text: text.clone(),
                at: at.clone(),
                follow_up: follow_up.clone(),
            };
            validate_interaction(&draft, CustomerId::new_v7(), &clock).map_err(Error::from)?;
        }
        Command::Reminder(command) => reminders::check_key(command)?,
        Command::Feedback(command) => feedback::check_feedback(command)?,
        Command::Complaint(command) => feedback::check_complaint(command)?,
        Command::Order(OrderCommand::Add {
            date,
            items,
            currency,
            note,
            ..
        }) => {
            // Everything but the catalogue: a new product's missing price is judged after opening.
            let draft = orders::draft(date, items, currency, note);
            regulars::model::check_order_draft(&draft, clock.today()).map_err(Error::from)?;
        }
        _ => {}
    }
    Ok(())
}

fn run(cli: Cli) -> Result<(), Stop> {
    check_before_opening(&cli.command)?;
    let dir = data::data_dir(cli.data_dir)?;
    // Restore, a JSON import and an erase replace the store's files: no store open.
    let offline = match &cli.command {
        Command::Restore { file, dry_run } => Some(data::Offline::Restore {
            file: file.clone(),
            dry_run: *dry_run,
        }),
        Command::Import {
            format: data::ImportFormat::Json,
            file,
            dry_run,
            json,
            ..
        } => Some(data::Offline::ImportJson {
            file: file.clone(),
            dry_run: *dry_run,
            json: *json,
        }),
        Command::Customer(CustomerCommand::Erase { id, yes: true }) => {
            Some(data::Offline::Erase { id: id.clone() })
        }
        _ => None,
    };
    if let Some(command) = offline {
        return data::offline(&dir, command);
    }
    let app = Regulars::open(&dir)?;
    let fail = Stop::from;
    match cli.command {
        Command::Customer(CustomerCommand::Add(args)) => {
            let (draft, note) = args.to_draft()?;
            let customer = match note {
                None => app.add_customer(&draft).map_err(fail)?,
                Some(text) => {
                    let note = InteractionDraft {
                        text,
                        ..Default::default()
                    };
                    app.add_customer_with_note(&draft, &note).map_err(fail)?.0
                }
            };
            emit(&customer.id.to_string())?;
        }
        Command::Customer(CustomerCommand::Edit(args)) => {
            let id = args.id.clone();
            let current = app.customer(&id).map_err(fail)?;
            let mut draft = CustomerDraft::from_customer(&current);
            args.apply(&mut draft)?;
            app.update_customer(&id, &draft).map_err(fail)?;
        }
        Command::Customer(CustomerCommand::List {
            tag,
            archived,
            json,
        }) => {
            let list = match (tag, archived) {
                (_, true) => app.archived_customers(),
                (Some(t), false) => app.customers_tagged(&t),
                (None, false) => app.customers(),
            }
            .map_err(fail)?;
            print_list(&list, json)?;
        }
        Command::Customer(CustomerCommand::Show { id, json }) => {
            let c = app.customer(&id).map_err(fail)?;
            if json {
                print_json(&c)?;
            } else {
                print_customer(&c, &app)?;
            }
        }
        Command::Customer(CustomerCommand::Archive { id }) => {
            app.archive_customer(&id).map_err(fail)?;
        }
        Command::Customer(CustomerCommand::Restore { id }) => {
            app.restore_customer(&id).map_err(fail)?;
        }
        // With --yes an erase ran above, with no store open.
        Command::Customer(CustomerCommand::Erase { id, .. }) => {
            return Err(Stop::Failed(format!(
                "erasing removes {id} and everything that is theirs; add --yes to confirm"
            )));
        }
        Command::Customer(CustomerCommand::Relate { id, kind, other }) => {
            app.relate(&id, kind, &other).map_err(fail)?;
        }
        Command::Customer(CustomerCommand::Unrelate { id, other }) => {
            app.unrelate(&id, &other).map_err(fail)?;
        }
        Command::Note(NoteCommand::Add {
            id,
            text,
            kind,
            at,
            follow_up,
        }) => {
            let draft = InteractionDraft {
                kind,
                text: note_text(text)?,
                at,
                follow_up,
            };
            let interaction = app.log_interaction(&id, &draft).map_err(fail)?;
            emit(&interaction.id.to_string())?;
        }
        Command::SeedDemo {
            customers,
            seed,
            years_of_orders,
        } => {
            let added = app
                .seed_demo_with_orders(customers, seed, years_of_orders)
                .map_err(fail)?;
            emit(&added.to_string())?;
        }
        Command::Timeline { id, json } => {
            let entries = app.timeline(&id).map_err(fail)?;
            if json {
                print_json(&entries)?;
            } else {
                for e in &entries {
                    let follow = e
                        .follow_up
                        .map(|f| format!("  (follow up {f})"))
                        .unwrap_or_default();
                    emit(&format!(
                        "{}  {:<8} {}{follow}",
                        e.at.format("%Y-%m-%d %H:%M"),
                        e.kind,
                        e.text.lines().next().unwrap_or("")
                    ))?;
                }
            }
        }
        Command::Today { date, days, json } => reminders::today(&app, date, days, json)?,
        Command::Order(command) => orders::order(&app, command)?,
        Command::Customer(CustomerCommand::Export { id, file }) => {
            data::export_customer(&app, &id, &file)?
        }
        Command::Backup { dir } => data::backup_now(&app, dir)?,
        Command::Export {
            format,
            file,
            vcard_version,
            orders,
        } => data::export(
            &app,
            data::ExportAsk {
                format,
                vcard_version,
                orders,
            },
            &file,
        )?,
        Command::Import {
            format,
            file,
            dry_run,
            duplicates,
            json,
        } => data::import(&app, format, &file, duplicates, dry_run, json)?,
        Command::UndoImport { batch } => data::undo_import(&app, batch)?,
        Command::Restore { .. } => {}
        Command::Feedback(command) => feedback::feedback(&app, command)?,
        Command::Complaint(command) => feedback::complaint(&app, command)?,
        Command::Product(ProductCommand::List { json }) => orders::products(&app, json)?,
        Command::Insights { as_of, json } => orders::insights(&app, as_of, json)?,
        Command::Reminder(command) => reminders::reminder(&app, command)?,
        Command::Message(MessageCommand::Render {
            customer,
            occasion,
            date,
            json,
        }) => {
            let m = app
                .render_message(&customer, occasion, date)
                .map_err(fail)?;
            if json {
                print_json(&m)?;
            } else {
                emit(&format!("Subject: {}\n\n{}", m.subject, m.body))?;
                for (name, link) in [
                    ("email", &m.links.mailto),
                    ("sms", &m.links.sms),
                    ("whatsapp", &m.links.whatsapp),
                ] {
                    if let Some(link) = link {
                        emit(&format!("\n{name}: {link}"))?;
                    }
                }
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => e.exit(), // --help, --version
        Err(e) => {
            // clap explains over several lines; scripts get one: the explanation up to
            // the usage block, joined ("… not provided: --name <NAME>").
            let text = e.to_string();
            let explanation: Vec<&str> = text
                .lines()
                .map(str::trim)
                .take_while(|l| !l.is_empty() && !l.starts_with("Usage:"))
                .collect();
            let line = explanation.join(" ");
            eprintln!(
                "regulars: {} (see --help)",
                line.trim_start_matches("error: ")
            );
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) | Err(Stop::ReaderGone) => ExitCode::SUCCESS,
        Err(Stop::Failed(message)) => {
            eprintln!("regulars: {message}");
            ExitCode::FAILURE
        }
    }
}
