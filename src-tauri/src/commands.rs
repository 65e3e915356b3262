//! Tauri commands: each takes the façade, calls one use case and maps the error.
//! `async` so store work (a flush per write) runs off the UI thread.

use std::time::{Duration, Instant};

use regulars::agenda::{Agenda, Horizon};
use regulars::app::backup::{BackupInfo, ErasureReport, RestorePreview};
use regulars::app::{ExportKind, ImportBatch};
use regulars::app::{SentMessage, UndoneReminder};
use regulars::backup::BackupCounts;
use regulars::complaints::{ComplaintView, ComplaintsOverview};
use regulars::import::{
    customers_csv, ChosenFile, ContactsImport, FileKind, ImportProgress, ImportReport, ImportStage,
};
use regulars::insights::{CustomerInsight, Insights};
use regulars::listing::{CustomerPage, CustomerQuery};
use regulars::messages::{MessageLinks, Occasion, RenderedMessage, TemplateDraft, TemplateInfo};
use regulars::model::{
    Complaint, ComplaintDraft, Customer, CustomerDraft, Feedback, FeedbackDraft, InteractionDraft,
    OrderDraft, OrderView, Product, ProductDraft, TimelineEntry,
};
use regulars::search::CustomerMatch;
use regulars::segments::{BulkChange, BulkOutcome, Segment, SegmentDraft};
use regulars::settings::Settings;
use regulars::ErrorReport;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::chosen::ChosenFiles;

use crate::scheduler::SchedulerHandle;
use crate::Backend;

type Answer<T> = Result<T, ErrorReport>;
/// How often an import tells the window how far it has got.
const PROGRESS_PACE: Duration = Duration::from_millis(100);
/// The scheduler, nudged after a write that can change what is due.
type Nudge<'a> = State<'a, SchedulerHandle>;

fn nudged<T>(scheduler: &SchedulerHandle, answer: Answer<T>) -> Answer<T> {
    if answer.is_ok() {
        scheduler.nudge();
    }
    answer
}

#[tauri::command(async)]
pub fn list_archived_customers(backend: State<'_, Backend>) -> Answer<Vec<Customer>> {
    backend.get()?.archived_customers().map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn get_customer(backend: State<'_, Backend>, id: String) -> Answer<Customer> {
    backend.get()?.customer(&id).map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn add_customer(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    draft: CustomerDraft,
) -> Answer<Customer> {
    nudged(
        &scheduler,
        backend.get()?.add_customer(&draft).map_err(|e| e.report()),
    )
}

#[tauri::command(async)]
pub fn update_customer(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    id: String,
    draft: CustomerDraft,
) -> Answer<Customer> {
    let answer = backend.get()?.update_customer(&id, &draft);
    nudged(&scheduler, answer.map_err(|e| e.report()))
}

#[tauri::command(async)]
pub fn archive_customer(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    id: String,
) -> Answer<Customer> {
    nudged(
        &scheduler,
        backend.get()?.archive_customer(&id).map_err(|e| e.report()),
    )
}

#[tauri::command(async)]
pub fn restore_customer(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    id: String,
) -> Answer<Customer> {
    nudged(
        &scheduler,
        backend.get()?.restore_customer(&id).map_err(|e| e.report()),
    )
}

#[tauri::command(async)]
pub fn delete_customer(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    id: String,
) -> Answer<()> {
    nudged(
        &scheduler,
        backend.get()?.delete_customer(&id).map_err(|e| e.report()),
    )
}

#[tauri::command(async)]
pub fn timeline(backend: State<'_, Backend>, id: String) -> Answer<Vec<TimelineEntry>> {
    backend.get()?.timeline(&id).map_err(|e| e.report())
}

/// Logs an interaction; answers with the id of the new timeline entry.
#[tauri::command(async)]
pub fn log_interaction(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    customer_id: String,
    draft: InteractionDraft,
) -> Answer<String> {
    let app = backend.get()?;
    let logged = app.log_interaction(&customer_id, &draft);
    nudged(
        &scheduler,
        logged.map(|i| i.id.to_string()).map_err(|e| e.report()),
    )
}

#[tauri::command(async)]
pub fn quick_note_draft(backend: State<'_, Backend>) -> Answer<Option<String>> {
    backend.get()?.quick_note_draft().map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn save_quick_note_draft(backend: State<'_, Backend>, text: String) -> Answer<()> {
    backend
        .get()?
        .save_quick_note_draft(&text)
        .map_err(|e| e.report())
}

/// The best matches for what the owner typed, for pickers and the command palette.
#[tauri::command(async)]
pub fn find_customers(
    backend: State<'_, Backend>,
    query: String,
    limit: u32,
) -> Answer<Vec<CustomerMatch>> {
    Ok(backend
        .get()?
        .find_customers(&query, limit.min(200) as usize))
}

/// One page of the customer list, filtered and sorted by the core.
#[tauri::command(async)]
pub fn query_customers(backend: State<'_, Backend>, query: CustomerQuery) -> Answer<CustomerPage> {
    Ok(backend.get()?.list_customers(&query))
}

/// "Try with sample data": adds up to 5000 realistic customers tagged `demo`.
#[tauri::command(async)]
pub fn seed_demo(backend: State<'_, Backend>, scheduler: Nudge<'_>, count: u32) -> Answer<u32> {
    let added = backend.get()?.seed_demo(count.min(5000) as usize, 1);
    nudged(&scheduler, added.map(|n| n as u32).map_err(|e| e.report()))
}

/// Today's list as the Today view shows it (each kind as far ahead as its notice).
#[tauri::command(async)]
pub fn agenda(backend: State<'_, Backend>) -> Answer<Agenda> {
    backend
        .get()?
        .agenda(None, Horizon::Notice)
        .map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn reminder_done(backend: State<'_, Backend>, scheduler: Nudge<'_>, key: String) -> Answer<()> {
    let done = backend.get()?.reminder_done(&key).map(|_| ());
    nudged(&scheduler, done.map_err(|e| e.report()))
}

#[tauri::command(async)]
pub fn reminder_dismiss(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    key: String,
) -> Answer<()> {
    let dismissed = backend.get()?.reminder_dismiss(&key).map(|_| ());
    nudged(&scheduler, dismissed.map_err(|e| e.report()))
}

/// `until` is `YYYY-MM-DD`, after today.
#[tauri::command(async)]
pub fn reminder_snooze(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    key: String,
    until: String,
) -> Answer<()> {
    let until = parse_day("until", Some(&until))?.ok_or_else(|| ErrorReport {
        kind: "invalid".into(),
        field: Some("until".into()),
        message: "give the day to snooze until (YYYY-MM-DD)".into(),
    })?;
    let snoozed = backend.get()?.reminder_snooze(&key, until).map(|_| ());
    nudged(&scheduler, snoozed.map_err(|e| e.report()))
}

/// A `YYYY-MM-DD` argument; empty or absent is `None`.
fn parse_day(field: &str, text: Option<&str>) -> Answer<Option<chrono::NaiveDate>> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| ErrorReport {
                kind: "invalid".into(),
                field: Some(field.into()),
                message: format!("{t:?} is not a date (use YYYY-MM-DD)"),
            }),
    }
}

/// Undoes the last done / dismiss / snooze; `null` when there is nothing to undo.
#[tauri::command(async)]
pub fn reminder_undo(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
) -> Answer<Option<UndoneReminder>> {
    let undone = backend.get()?.undo_reminder();
    nudged(&scheduler, undone.map_err(|e| e.report()))
}

#[tauri::command(async)]
pub fn get_settings(backend: State<'_, Backend>) -> Answer<Settings> {
    backend.get()?.settings().map_err(|e| e.report())
}

/// Saves the settings; "start at login" is registered with the system first, so
/// a setting that could not take effect is not saved as if it had.
#[tauri::command(async)]
pub fn save_settings(
    app: AppHandle,
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    settings: Settings,
) -> Answer<Settings> {
    let regulars = backend.get()?;
    settings
        .validate()
        .map_err(|e| regulars::Error::from(e).report())?;
    crate::login::apply(&app, settings.start_at_login)?;
    nudged(
        &scheduler,
        regulars.save_settings(&settings).map_err(|e| e.report()),
    )
}

#[tauri::command(async)]
pub fn list_segments(backend: State<'_, Backend>) -> Answer<Vec<Segment>> {
    backend.get()?.segments().map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn save_segment(backend: State<'_, Backend>, draft: SegmentDraft) -> Answer<Segment> {
    backend.get()?.save_segment(&draft).map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn update_segment(
    backend: State<'_, Backend>,
    id: String,
    draft: SegmentDraft,
) -> Answer<Segment> {
    backend
        .get()?
        .update_segment(&id, &draft)
        .map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn delete_segment(backend: State<'_, Backend>, id: String) -> Answer<()> {
    backend.get()?.delete_segment(&id).map_err(|e| e.report())
}

/// Every id the list query matches: "select all N", however many pages.
#[tauri::command(async)]
pub fn matching_customer_ids(
    backend: State<'_, Backend>,
    query: CustomerQuery,
) -> Answer<Vec<String>> {
    Ok(backend.get()?.matching_customer_ids(&query))
}

/// One change (add/remove a tag, set the cadence, archive) to every selected customer.
#[tauri::command(async)]
pub fn bulk_edit(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    ids: Vec<String>,
    change: BulkChange,
) -> Answer<BulkOutcome> {
    let outcome = backend.get()?.bulk_edit(&ids, &change);
    nudged(&scheduler, outcome.map_err(|e| e.report()))
}

/// The message for an occasion to one customer, with links for each channel.
#[tauri::command(async)]
pub fn render_message(
    backend: State<'_, Backend>,
    customer_id: String,
    occasion: Occasion,
) -> Answer<RenderedMessage> {
    backend
        .get()?
        .render_message(&customer_id, occasion, None)
        .map_err(|e| e.report())
}

/// Logs a sent (or copied) message on the timeline and marks its reminder done.
#[tauri::command(async)]
pub fn send_message(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    customer_id: String,
    message: SentMessage,
) -> Answer<String> {
    let logged = backend.get()?.send_message(&customer_id, &message);
    nudged(
        &scheduler,
        logged.map(|i| i.id.to_string()).map_err(|e| e.report()),
    )
}

/// Links for the message as edited (the core encodes; the UI never does).
#[tauri::command(async)]
pub fn message_links(
    backend: State<'_, Backend>,
    customer_id: String,
    subject: String,
    body: String,
) -> Answer<MessageLinks> {
    let (links, _) = backend
        .get()?
        .message_links(&customer_id, &subject, &body)
        .map_err(|e| e.report())?;
    Ok(links)
}

/// Message templates, the built-in one of each occasion first.
#[tauri::command(async)]
pub fn list_templates(
    backend: State<'_, Backend>,
    occasion: Option<Occasion>,
) -> Answer<Vec<TemplateInfo>> {
    backend.get()?.templates(occasion).map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn save_template(
    backend: State<'_, Backend>,
    id: Option<String>,
    draft: TemplateDraft,
) -> Answer<TemplateInfo> {
    backend
        .get()?
        .save_template(id.as_deref(), &draft)
        .map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn delete_template(backend: State<'_, Backend>, id: String) -> Answer<()> {
    backend.get()?.delete_template(&id).map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn restore_default_templates(backend: State<'_, Backend>, occasion: Occasion) -> Answer<()> {
    backend
        .get()?
        .restore_default_templates(occasion)
        .map_err(|e| e.report())
}

/// The editor's live preview against a real customer.
#[tauri::command(async)]
pub fn preview_template(
    backend: State<'_, Backend>,
    customer_id: String,
    draft: TemplateDraft,
) -> Answer<RenderedMessage> {
    backend
        .get()?
        .preview_template(&customer_id, &draft)
        .map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn add_order(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    customer_id: String,
    draft: OrderDraft,
) -> Answer<OrderView> {
    let answer = backend.get()?.add_order(&customer_id, &draft);
    nudged(&scheduler, answer.map_err(|e| e.report()))
}

#[tauri::command(async)]
pub fn update_order(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    id: String,
    draft: OrderDraft,
) -> Answer<OrderView> {
    let answer = backend.get()?.update_order(&id, &draft);
    nudged(&scheduler, answer.map_err(|e| e.report()))
}

#[tauri::command(async)]
pub fn delete_order(backend: State<'_, Backend>, scheduler: Nudge<'_>, id: String) -> Answer<()> {
    let answer = backend.get()?.delete_order(&id);
    nudged(&scheduler, answer.map_err(|e| e.report()))
}

/// A customer's orders, newest first.
#[tauri::command(async)]
pub fn list_orders(backend: State<'_, Backend>, customer_id: String) -> Answer<Vec<OrderView>> {
    backend
        .get()?
        .orders_of(&customer_id)
        .map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn list_products(backend: State<'_, Backend>) -> Answer<Vec<Product>> {
    backend.get()?.products().map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn add_product(backend: State<'_, Backend>, draft: ProductDraft) -> Answer<Product> {
    backend.get()?.add_product(&draft).map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn update_product(
    backend: State<'_, Backend>,
    id: String,
    draft: ProductDraft,
) -> Answer<Product> {
    backend
        .get()?
        .update_product(&id, &draft)
        .map_err(|e| e.report())
}

/// `as_of`: `YYYY-MM-DD`, default today.
#[tauri::command(async)]
pub fn insights(backend: State<'_, Backend>, as_of: Option<String>) -> Answer<Insights> {
    let as_of = parse_day("as_of", as_of.as_deref())?;
    backend.get()?.insights(as_of).map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn customer_insight(
    backend: State<'_, Backend>,
    customer_id: String,
) -> Answer<CustomerInsight> {
    backend
        .get()?
        .customer_insight(&customer_id, None)
        .map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn add_feedback(
    backend: State<'_, Backend>,
    customer_id: String,
    draft: FeedbackDraft,
) -> Answer<Feedback> {
    backend
        .get()?
        .add_feedback(&customer_id, &draft)
        .map_err(|e| e.report())
}

/// A customer's feedback, newest first.
#[tauri::command(async)]
pub fn list_feedback(backend: State<'_, Backend>, customer_id: String) -> Answer<Vec<Feedback>> {
    backend
        .get()?
        .feedback_of(&customer_id)
        .map_err(|e| e.report())
}

#[tauri::command(async)]
pub fn open_complaint(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    customer_id: String,
    draft: ComplaintDraft,
) -> Answer<Complaint> {
    let answer = backend.get()?.open_complaint(&customer_id, &draft);
    nudged(&scheduler, answer.map_err(|e| e.report()))
}

#[tauri::command(async)]
pub fn acknowledge_complaint(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    id: String,
) -> Answer<Complaint> {
    let answer = backend.get()?.acknowledge_complaint(&id);
    nudged(&scheduler, answer.map_err(|e| e.report()))
}

#[tauri::command(async)]
pub fn resolve_complaint(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    id: String,
    resolution: String,
) -> Answer<Complaint> {
    let answer = backend.get()?.resolve_complaint(&id, &resolution);
    nudged(&scheduler, answer.map_err(|e| e.report()))
}

#[tauri::command(async)]
pub fn close_complaint(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    id: String,
) -> Answer<Complaint> {
    let answer = backend.get()?.close_complaint(&id);
    nudged(&scheduler, answer.map_err(|e| e.report()))
}

/// A customer's complaints against the policy, newest first.
#[tauri::command(async)]
pub fn list_complaints(
    backend: State<'_, Backend>,
    customer_id: String,
) -> Answer<Vec<ComplaintView>> {
    backend
        .get()?
        .complaints_of(&customer_id)
        .map_err(|e| e.report())
}

/// The complaints view: pending ones by age, resolution times, repeat complainers.
#[tauri::command(async)]
pub fn complaints_overview(backend: State<'_, Backend>) -> Answer<ComplaintsOverview> {
    backend.get()?.complaints_overview().map_err(|e| e.report())
}

/// Writes a backup into the backup folder now.
#[tauri::command(async)]
pub fn backup_now(backend: State<'_, Backend>) -> Answer<BackupInfo> {
    backend.get()?.backup_now(None).map_err(|e| e.report())
}

/// The backups in the backup folder, newest first.
#[tauri::command(async)]
pub fn list_backups(backend: State<'_, Backend>) -> Answer<Vec<BackupInfo>> {
    backend.get()?.backups().map_err(|e| e.report())
}

/// What restoring a listed backup would bring, beside what is here now.
#[tauri::command(async)]
pub fn restore_preview(backend: State<'_, Backend>, path: String) -> Answer<RestorePreview> {
    let app = backend.get()?;
    let path = listed_backup(&app, &path)?;
    app.restore_preview(&path).map_err(|e| e.report())
}

/// Replaces all data with a listed backup (what was there is backed up first).
#[tauri::command(async)]
pub fn restore_backup(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    path: String,
) -> Answer<BackupCounts> {
    let path = listed_backup(&*backend.get()?, &path)?;
    let answer = backend.exclusive(|dir| {
        regulars::app::backup::restore(dir, &path, Box::new(regulars::SystemClock))
    });
    nudged(&scheduler, answer)
}

/// What a backup the owner chose in the file dialog holds, against what is here now.
#[tauri::command(async)]
pub fn restore_preview_file(
    backend: State<'_, Backend>,
    chosen: State<'_, ChosenFiles>,
    token: String,
) -> Answer<RestorePreview> {
    let path = chosen.path(&token)?;
    backend
        .get()?
        .restore_preview(&path)
        .map_err(|e| e.report())
}

/// Replaces all data with a backup the owner chose in the file dialog (what
/// was there is backed up first).
#[tauri::command(async)]
pub fn restore_backup_file(
    backend: State<'_, Backend>,
    chosen: State<'_, ChosenFiles>,
    scheduler: Nudge<'_>,
    token: String,
) -> Answer<BackupCounts> {
    let path = chosen.path(&token)?;
    let answer = backend.exclusive(|dir| {
        regulars::app::backup::restore(dir, &path, Box::new(regulars::SystemClock))
    });
    nudged(&scheduler, answer)
}

/// The window may only restore what `list_backups` showed it: a path is not a
/// way to make the app read any file.
fn listed_backup(app: &regulars::Regulars, path: &str) -> Answer<std::path::PathBuf> {
    app.backups()
        .map_err(|e| e.report())?
        .into_iter()
        .map(|b| b.path)
        .find(|p| p.to_string_lossy() == path)
        .ok_or_else(|| ErrorReport {
            kind: "not-found".into(),
            field: Some("path".into()),
            message: format!("{path} is not one of the backups in the backup folder"),
        })
}

/// Erases a customer and everything that is theirs so that nothing of them is
/// left readable in the data folder; lists older backups that still hold them.
#[tauri::command(async)]
pub fn erase_customer(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    id: String,
) -> Answer<ErasureReport> {
    let answer = backend.exclusive(|dir| {
        regulars::app::backup::erase_customer(dir, &id, Box::new(regulars::SystemClock))
    });
    nudged(&scheduler, answer)
}

/// Everything held about one customer, written as JSON into the owner's
/// Downloads folder; answers where.
#[tauri::command(async)]
pub fn export_customer(backend: State<'_, Backend>, id: String) -> Answer<String> {
    let file = backend
        .get()?
        .export_customer_to_folder(&id)
        .map_err(|e| e.report())?;
    Ok(file.display().to_string())
}

/// Writes vCard, CSV or iCalendar into the owner's Downloads folder; answers where.
#[tauri::command(async)]
pub fn export_data(backend: State<'_, Backend>, kind: ExportKind) -> Answer<String> {
    let file = backend
        .get()?
        .export_to_folder(kind)
        .map_err(|e| e.report())?;
    Ok(file.display().to_string())
}

/// Opens the system's file dialog for a file of `kind`; answers what was
/// chosen (a token, its name and size), or nothing if the owner cancelled.
#[tauri::command(async)]
pub fn choose_file(
    window: tauri::WebviewWindow,
    chosen: State<'_, ChosenFiles>,
    kind: FileKind,
) -> Answer<Option<ChosenFile>> {
    chosen.choose(&window, kind)
}

/// What a chosen contacts CSV holds (header, first rows, whose export it looks
/// like) and the mapping proposed for it; reads only the first rows.
#[tauri::command(async)]
pub fn preview_contacts_file(
    backend: State<'_, Backend>,
    chosen: State<'_, ChosenFiles>,
    token: String,
) -> Answer<customers_csv::Preview> {
    let path = chosen.path(&token)?;
    backend
        .get()?
        .preview_contacts_file(&path)
        .map_err(|e| e.report())
}

/// Imports (or, as a dry run, checks) a chosen contacts file, streaming it
/// from disk, and tells `progress` how far it has got (at most ten times a
/// second, and always at the end of each stage).
#[tauri::command(async)]
pub fn import_contacts_file(
    backend: State<'_, Backend>,
    chosen: State<'_, ChosenFiles>,
    scheduler: Nudge<'_>,
    token: String,
    how: ContactsImport,
    progress: Channel<ImportProgress>,
) -> Answer<ImportReport> {
    let path = chosen.path(&token)?;
    let app = backend.get()?;
    let mut last: Option<(ImportStage, Instant)> = None;
    let mut heard = |step: ImportProgress| {
        let due = match last {
            Some((stage, at)) => stage != step.stage || at.elapsed() >= PROGRESS_PACE,
            None => true,
        };
        if due || step.done == step.total {
            last = Some((step.stage, Instant::now()));
            // A window that went away stops listening; the import goes on.
            let _ = progress.send(step);
        }
    };
    let answer = app.import_contacts_file(&path, &how, &mut heard);
    nudged(&scheduler, answer.map_err(|e| e.report()))
}

/// Orders from a chosen CSV file; a dry run writes nothing.
#[tauri::command(async)]
pub fn import_orders_file(
    backend: State<'_, Backend>,
    chosen: State<'_, ChosenFiles>,
    scheduler: Nudge<'_>,
    token: String,
    dry_run: bool,
) -> Answer<ImportReport> {
    let path = chosen.path(&token)?;
    let answer = backend.get()?.import_orders_file(&path, dry_run);
    nudged(&scheduler, answer.map_err(|e| e.report()))
}

/// The imports that can still be undone, newest first.
#[tauri::command(async)]
pub fn list_imports(backend: State<'_, Backend>) -> Answer<Vec<ImportBatch>> {
    backend.get()?.import_batches().map_err(|e| e.report())
}

/// Undoes a whole import; answers how many customers it removed.
#[tauri::command(async)]
pub fn undo_import(
    backend: State<'_, Backend>,
    scheduler: Nudge<'_>,
    batch: String,
) -> Answer<u64> {
    let answer = backend.get()?.undo_import(&batch);
    nudged(&scheduler, answer.map_err(|e| e.report()))
}
