// The one door to the Rust core: typed wrappers around the Tauri commands.
// This is the only module that may import `@tauri-apps/api/core`; every failure
// leaves it as an `ApiError` carrying the core's `ErrorReport`.
import { Channel, invoke, isTauri } from '@tauri-apps/api/core';
import type { Agenda } from './bindings/Agenda';
import type { BackupCounts } from './bindings/BackupCounts';
import type { BackupInfo } from './bindings/BackupInfo';
import type { BulkChange } from './bindings/BulkChange';
import type { BulkOutcome } from './bindings/BulkOutcome';
import type { ChosenFile } from './bindings/ChosenFile';
import type { Complaint } from './bindings/Complaint';
import type { ComplaintDraft } from './bindings/ComplaintDraft';
import type { ComplaintsOverview } from './bindings/ComplaintsOverview';
import type { ComplaintView } from './bindings/ComplaintView';
import type { ContactsImport } from './bindings/ContactsImport';
import type { Customer } from './bindings/Customer';
import type { CustomerDraft } from './bindings/CustomerDraft';
import type { CustomerMatch } from './bindings/CustomerMatch';
import type { CustomerPage } from './bindings/CustomerPage';
import type { CustomerQuery } from './bindings/CustomerQuery';
import type { CustomerInsight } from './bindings/CustomerInsight';
import type { ErasureReport } from './bindings/ErasureReport';
import type { ErrorReport } from './bindings/ErrorReport';
import type { ExportKind } from './bindings/ExportKind';
import type { Feedback } from './bindings/Feedback';
import type { FeedbackDraft } from './bindings/FeedbackDraft';
import type { FileKind } from './bindings/FileKind';
import type { ImportBatch } from './bindings/ImportBatch';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportReport } from './bindings/ImportReport';
import type { Insights } from './bindings/Insights';
import type { InteractionDraft } from './bindings/InteractionDraft';
import type { MessageLinks } from './bindings/MessageLinks';
import type { Occasion } from './bindings/Occasion';
import type { OrderDraft } from './bindings/OrderDraft';
import type { OrderView } from './bindings/OrderView';
import type { Preview } from './bindings/Preview';
import type { Product } from './bindings/Product';
import type { ProductDraft } from './bindings/ProductDraft';
import type { RenderedMessage } from './bindings/RenderedMessage';
import type { RestorePreview } from './bindings/RestorePreview';
import type { Segment } from './bindings/Segment';
import type { SegmentDraft } from './bindings/SegmentDraft';
import type { SentMessage } from './bindings/SentMessage';
import type { Settings } from './bindings/Settings';
import type { TemplateDraft } from './bindings/TemplateDraft';
import type { TemplateInfo } from './bindings/TemplateInfo';
import type { TimelineEntry } from './bindings/TimelineEntry';
import type { UndoneReminder } from './bindings/UndoneReminder';

/** A command failed; `report` says why, with a stable `kind` and a sentence for the owner. */
export class ApiError extends Error {
  readonly report: ErrorReport;

  constructor(report: ErrorReport) {
    super(report.message);
    this.name = 'ApiError';
    this.report = report;
  }
}

/**
 * One page of the non-archived customers matching `query`, filtered and sorted by the core,
 * with how many match in all.
 */
export function queryCustomers(query: CustomerQuery): Promise<CustomerPage> {
  return call<CustomerPage>('query_customers', { query });
}

/** Every non-archived customer's id matching `query`'s filters, across all pages (its page is ignored). */
export function matchingCustomerIds(query: CustomerQuery): Promise<string[]> {
  return call<string[]>('matching_customer_ids', { query });
}

/**
 * Applies one change to every customer in `ids`, all or nothing; resolves to how many it
 * changed (those it would not alter are not counted). Errors name the field: `tag`, `days`, `ids`.
 */
export function bulkEdit(ids: readonly string[], change: BulkChange): Promise<BulkOutcome> {
  return call<BulkOutcome>('bulk_edit', { ids, change });
}

/** The saved segments (named list queries), sorted by name by the core. */
export function listSegments(): Promise<Segment[]> {
  return call<Segment[]>('list_segments');
}

/** Validates and stores a new segment; errors name the field `name` (empty, too long, taken). */
export function saveSegment(draft: SegmentDraft): Promise<Segment> {
  return call<Segment>('save_segment', { draft });
}

/** Renames a segment or replaces its filters with `draft`; resolves to the segment as stored. */
export function updateSegment(id: string, draft: SegmentDraft): Promise<Segment> {
  return call<Segment>('update_segment', { id, draft });
}

/** Forgets a segment (its customers are untouched). */
export async function deleteSegment(id: string): Promise<void> {
  await call<null>('delete_segment', { id });
}

/** Adds `count` realistic sample customers tagged "demo"; resolves to how many were added. */
export function seedDemo(count: number): Promise<number> {
  return call<number>('seed_demo', { count });
}

/** The archived customers (hidden from lists and reminders until restored). */
export function listArchivedCustomers(): Promise<Customer[]> {
  return call<Customer[]>('list_archived_customers');
}

/** One customer, archived or not; rejects with kind `not-found` when there is none. */
export function getCustomer(id: string): Promise<Customer> {
  return call<Customer>('get_customer', { id });
}

/** Validates and stores a new customer; resolves to the customer as stored. */
export function addCustomer(draft: CustomerDraft): Promise<Customer> {
  return call<Customer>('add_customer', { draft });
}

/** Replaces the customer's profile with `draft`; relationships and history are kept by the core. */
export function updateCustomer(id: string, draft: CustomerDraft): Promise<Customer> {
  return call<Customer>('update_customer', { id, draft });
}

/** Hides the customer from lists and reminders; resolves to the archived customer. */
export function archiveCustomer(id: string): Promise<Customer> {
  return call<Customer>('archive_customer', { id });
}

/** Brings an archived customer back into lists and reminders. */
export function restoreCustomer(id: string): Promise<Customer> {
  return call<Customer>('restore_customer', { id });
}

/** Erases the customer and everything logged about them. */
export async function deleteCustomer(id: string): Promise<void> {
  await call<null>('delete_customer', { id });
}

/** The customer's timeline, newest first. */
export function timeline(id: string): Promise<TimelineEntry[]> {
  return call<TimelineEntry[]>('timeline', { id });
}

/** Logs a meeting, call, email, message or note; resolves to the new entry's id. */
export function logInteraction(customerId: string, draft: InteractionDraft): Promise<string> {
  return call<string>('log_interaction', { customerId, draft });
}

/** The unsaved Quick note, as last saved with `saveQuickNoteDraft`, or null. */
export function quickNoteDraft(): Promise<string | null> {
  return call<string | null>('quick_note_draft');
}

/** Durably keeps the unsaved Quick note; blank text discards it. */
export async function saveQuickNoteDraft(text: string): Promise<void> {
  await call<null>('save_quick_note_draft', { text });
}

/** Non-archived customers matching `query` (name, nickname, company, email), best first. */
export function findCustomers(query: string, limit: number): Promise<CustomerMatch[]> {
  return call<CustomerMatch[]>('find_customers', { query, limit });
}

/**
 * Opens a link outside the app, in the system's browser, mail, messages or phone app (the
 * shell allows only http, https, mailto, sms and tel; WhatsApp links are https://wa.me).
 */
export async function openExternal(url: string): Promise<void> {
  await call<null>('plugin:opener|open_url', { url });
}

/**
 * The message for `occasion` to one customer, written by the core from its templates, with the
 * link for each channel they can be reached on and why the others cannot be used.
 */
export function renderMessage(customerId: string, occasion: Occasion): Promise<RenderedMessage> {
  return call<RenderedMessage>('render_message', { customerId, occasion });
}

/** The links for the message as the owner edited it; the core does every bit of encoding. */
export function messageLinks(customerId: string, subject: string, body: string): Promise<MessageLinks> {
  return call<MessageLinks>('message_links', { customerId, subject, body });
}

/**
 * Logs a message the owner sent (or copied, `channel` null) on the customer's timeline and
 * marks the reminder it answers done; resolves to the new timeline entry's id.
 */
export function sendMessage(customerId: string, message: SentMessage): Promise<string> {
  return call<string>('send_message', { customerId, message });
}

/**
 * The message templates for `occasion` (all occasions when null): per occasion the built-in one
 * (id "builtin/<occasion>", read-only) first, then the owner's; exactly one per occasion is the default.
 */
export function listTemplates(occasion: Occasion | null): Promise<TemplateInfo[]> {
  return call<TemplateInfo[]>('list_templates', { occasion });
}

/**
 * Stores the owner's template: a new one when `id` is null, else replaces template `id`
 * (never a built-in one). Errors name the field: `name`, `subject`, `body`; kind `not-found`.
 */
export function saveTemplate(id: string | null, draft: TemplateDraft): Promise<TemplateInfo> {
  return call<TemplateInfo>('save_template', { id, draft });
}

/** Deletes one of the owner's templates. */
export async function deleteTemplate(id: string): Promise<void> {
  await call<null>('delete_template', { id });
}

/** Removes the owner's templates for `occasion`, so Regulars' own is used again. */
export async function restoreDefaultTemplates(occasion: Occasion): Promise<void> {
  await call<null>('restore_default_templates', { occasion });
}

/** `draft` written for one customer, as a message would be; errors name `subject` or `body`. */
export function previewTemplate(customerId: string, draft: TemplateDraft): Promise<RenderedMessage> {
  return call<RenderedMessage>('preview_template', { customerId, draft });
}

/** Today's reminders (overdue, today, upcoming), already sorted by the core; `date` is today. */
export function agenda(): Promise<Agenda> {
  return call<Agenda>('agenda');
}

/** Marks one occurrence of a reminder done (next year's birthday still comes back). */
export async function reminderDone(key: string): Promise<void> {
  await call<null>('reminder_done', { key });
}

/** Takes one occurrence off the list without doing it. */
export async function reminderDismiss(key: string): Promise<void> {
  await call<null>('reminder_dismiss', { key });
}

/** Hides the reminder until `until` (`YYYY-MM-DD`, after today; else kind `invalid`, field `until`). */
export async function reminderSnooze(key: string, until: string): Promise<void> {
  await call<null>('reminder_snooze', { key, until });
}

/**
 * Undoes the last done, dismiss or snooze; resolves to the reminder put back, or null when
 * there was nothing to undo. Rejects with kind `conflict` when the customer changed since.
 */
export function reminderUndo(): Promise<UndoneReminder | null> {
  return call<UndoneReminder | null>('reminder_undo');
}

/** The owner's settings (reminders, notifications, startup). */
export function getSettings(): Promise<Settings> {
  return call<Settings>('get_settings');
}

/** Validates and stores `settings`; resolves to them as stored. Errors name the field (`reminders.missed_days`). */
export function saveSettings(settings: Settings): Promise<Settings> {
  return call<Settings>('save_settings', { settings });
}

/**
 * Validates and stores a new order for the customer; resolves to it with its total. Errors name
 * the field: `date`, `currency`, `note`, `lines`, `lines[2].quantity`, `lines[0].unit_price`…
 */
export function addOrder(customerId: string, draft: OrderDraft): Promise<OrderView> {
  return call<OrderView>('add_order', { customerId, draft });
}

/** Replaces an order's date, currency, lines and note with `draft`; errors name the field as for addOrder. */
export function updateOrder(id: string, draft: OrderDraft): Promise<OrderView> {
  return call<OrderView>('update_order', { id, draft });
}

/** Deletes one order; the timeline and the insights no longer count it. */
export async function deleteOrder(id: string): Promise<void> {
  await call<null>('delete_order', { id });
}

/** The customer's orders with their totals, newest first. */
export function listOrders(customerId: string): Promise<OrderView[]> {
  return call<OrderView[]>('list_orders', { customerId });
}

/** The catalogue (active and inactive products), sorted by name by the core. */
export function listProducts(): Promise<Product[]> {
  return call<Product[]>('list_products');
}

/** Adds a product to the catalogue. Errors name the field: `name` (empty, taken), `category`, `unit_price`, `currency`. */
export function addProduct(draft: ProductDraft): Promise<Product> {
  return call<Product>('add_product', { draft });
}

/** Renames a product or changes its category, price or active flag; past orders keep theirs. */
export function updateProduct(id: string, draft: ProductDraft): Promise<Product> {
  return call<Product>('update_product', { id, draft });
}

/** A row of the file that was not imported, and why; `line` counts the header as line 1. */
export type ImportLine = { line: number; message: string };

/**
 * What an import did or (a dry run) would do. The generated `ImportReport` types its counts as
 * bigint (they are u64 in Rust), but IPC carries JSON numbers: these are those numbers.
 */
export type ImportOutcome = {
  /** Rows imported (or that would be). */
  imported: number;
  skipped: number;
  /** Orders those rows make. */
  orders: number;
  errors: ImportLine[];
  /** Rows whose customer matched no one. */
  unmatched: ImportLine[];
  new_products: string[];
  dry_run: boolean;
};

/**
 * Opens the system's file dialog for a `kind` file; resolves to the file the owner chose, or null
 * when they closed the dialog. The dialog is the app's, not the window's: the window only ever gets
 * a token for the file (never its path, never its bytes), so it can only read what the owner picked.
 */
export function chooseFile(kind: FileKind): Promise<ChosenFile | null> {
  return call<ChosenFile | null>('choose_file', { kind });
}

/**
 * Imports orders from a CSV file the owner chose (by its token); with `dryRun` it only says what
 * it would do. Good orders land together; every other row is reported with its line. A file it
 * cannot read at all (no header, a column missing, gone from disk) rejects with field `file`,
 * as does a token the app does not know (kind `not-found`).
 */
export async function importOrdersFile(token: string, dryRun: boolean): Promise<ImportOutcome> {
  const report = await call<ImportReport>('import_orders_file', { token, dryRun });
  const lines = (problems: ImportReport['errors']): ImportLine[] =>
    problems.map((p) => ({ line: Number(p.line), message: p.message }));
  return {
    imported: Number(report.imported),
    skipped: Number(report.skipped),
    orders: Number(report.orders),
    errors: lines(report.errors),
    unmatched: lines(report.unmatched),
    new_products: report.new_products,
    dry_run: report.dry_run,
  };
}

/**
 * Everything the orders say as of `asOf` (`YYYY-MM-DD`; null: today): order drops, RFM segments,
 * seasons, cross-sell, breakdowns. Amounts are minor units of `currency` (the business currency).
 */
export function insights(asOf: string | null): Promise<Insights> {
  return call<Insights>('insights', { asOf });
}

/** What the insights say of one customer today: segment, rhythm, lifetime value, suggestions. */
export function customerInsight(customerId: string): Promise<CustomerInsight> {
  return call<CustomerInsight>('customer_insight', { customerId });
}

// Feedback and complaints: what customers said (a rating, a recommendation score, words) and
// complaints taken through the policy (open → acknowledged → resolved → closed).

/**
 * Records feedback from the customer; resolves to it as stored. Errors name the field: `date`,
 * `rating` (1–5; also when none of a rating, a score or words is given), `nps` (0–10), `text`.
 */
export function addFeedback(customerId: string, draft: FeedbackDraft): Promise<Feedback> {
  return call<Feedback>('add_feedback', { customerId, draft });
}

/** The customer's feedback, newest first. */
export function listFeedback(customerId: string): Promise<Feedback[]> {
  return call<Feedback[]>('list_feedback', { customerId });
}

/** Opens a complaint; the policy's deadlines count from its date. Errors name `date` or `summary`. */
export function openComplaint(customerId: string, draft: ComplaintDraft): Promise<Complaint> {
  return call<Complaint>('open_complaint', { customerId, draft });
}

/**
 * Marks the complaint acknowledged (the customer has been told it is heard). A complaint past
 * that step rejects with kind `invalid`, field `status` ("the complaint is already acknowledged").
 */
export function acknowledgeComplaint(id: string): Promise<Complaint> {
  return call<Complaint>('acknowledge_complaint', { id });
}

/** Resolves the complaint, saying how (acknowledging it too if it was not); errors name `resolution` or `status`. */
export function resolveComplaint(id: string, resolution: string): Promise<Complaint> {
  return call<Complaint>('resolve_complaint', { id, resolution });
}

/** Closes a resolved complaint; one not resolved yet rejects with field `status`. */
export function closeComplaint(id: string): Promise<Complaint> {
  return call<Complaint>('close_complaint', { id });
}

/** The customer's complaints against the policy (next step, deadlines, overdue), newest first. */
export function listComplaints(customerId: string): Promise<ComplaintView[]> {
  return call<ComplaintView[]>('list_complaints', { customerId });
}

/** Every complaint against the policy: pending ones oldest first, resolution times, repeat complainers, the policy's text. */
export function complaintsOverview(): Promise<ComplaintsOverview> {
  return call<ComplaintsOverview>('complaints_overview');
}

// Your data: contacts in (vCard, CSV with a column mapping), files out, backups and restore,
// and a customer's privacy requests (everything about them, or erasing them).

/** A contact found to be a customer already: its line in the file, and whom it matched and how. */
export type DuplicateLine = { line: number; name: string; customer_id: string; customer_name: string; matched_by: string };

/** What a contacts import did or (a dry run) would do; the counts as the numbers IPC carries. */
export type ContactsOutcome = {
  /** Contacts imported: new customers and those merged into customers already here. */
  imported: number;
  skipped: number;
  new_customers: number;
  merged: number;
  /** Contacts that could not be imported, and why, by line (the header of a CSV is line 1). */
  errors: ImportLine[];
  duplicates: DuplicateLine[];
  /** The batch to undo this import with; null for a dry run or when nothing was imported. */
  batch: string | null;
  dry_run: boolean;
};

/** An import that can still be undone; `merged` is how many customers it added to. */
export type PastImport = { id: string; source: string; at: string; created: number; merged: number };

/** How much a store or a backup holds, as the numbers IPC carries. */
export type Counts = { customers: number; interactions: number; orders: number; products: number; feedback: number; complaints: number };

/**
 * What a chosen contacts CSV holds (its header, first rows, whose export it looks like) and the
 * mapping the core proposes; the core reads only the first rows, so a big file answers at once.
 */
export function previewContactsFile(token: string): Promise<Preview> {
  return call<Preview>('preview_contacts_file', { token });
}

/**
 * Imports contacts from a vCard or CSV file the owner chose (by its token; a CSV with its
 * mapping); with `how.dry_run` it only says what it would do. Contacts already here (same email,
 * phone or name) are merged or skipped as `how.duplicates` says; the whole import is one batch.
 * The core streams the file from disk and tells `onProgress` how far it has got (bytes read, then
 * customers saved), at most about ten times a second and once at the end of each stage. A file it
 * cannot read at all rejects with field `file` (or `mapping`); so does a token the app does not know.
 */
export async function importContactsFile(
  token: string,
  how: ContactsImport,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ContactsOutcome> {
  // The channel is made only inside the app: outside it there is no IPC to make it with.
  reachable();
  const progress = new Channel<ImportProgress>();
  progress.onmessage = onProgress;
  const report = await call<ImportReport>('import_contacts_file', { token, how, progress });
  return {
    imported: Number(report.imported),
    skipped: Number(report.skipped),
    new_customers: Number(report.new_customers),
    merged: Number(report.merged),
    errors: report.errors.map((p) => ({ line: Number(p.line), message: p.message })),
    duplicates: report.duplicates.map((d) => ({ ...d, line: Number(d.line) })),
    batch: report.batch,
    dry_run: report.dry_run,
  };
}

/** The imports that can still be undone, newest first. */
export async function listImports(): Promise<PastImport[]> {
  const batches = await call<ImportBatch[]>('list_imports');
  return batches.map((b) => ({ id: b.id, source: b.source, at: b.at, created: b.created.length, merged: Number(b.merged_count) }));
}

/**
 * Takes a whole import back: removes the customers it added and puts back those it merged into;
 * resolves to how many customers it removed. Rejects with kind `conflict` when a merged customer changed since.
 */
export async function undoImport(batch: string): Promise<number> {
  return Number(await call<number>('undo_import', { batch }));
}

/** Writes vCard, CSV or iCalendar of everything into the owner's Downloads folder; resolves to the file's path. */
export function exportData(kind: ExportKind): Promise<string> {
  return call<string>('export_data', { kind });
}

/** Writes everything held about one customer as JSON into the owner's Downloads folder; resolves to the file's path. */
export function exportCustomer(id: string): Promise<string> {
  return call<string>('export_customer', { id });
}

/**
 * Erases the customer and everything that is theirs, rewriting the data files so nothing of them
 * stays readable (a few seconds on a big store); resolves to the older backups that still hold them.
 */
export function eraseCustomer(id: string): Promise<ErasureReport> {
  return call<ErasureReport>('erase_customer', { id });
}

/** Writes a full backup into the backup folder now. */
export function backupNow(): Promise<BackupInfo> {
  return call<BackupInfo>('backup_now');
}

/** The backups in the backup folder, newest first. */
export function listBackups(): Promise<BackupInfo[]> {
  return call<BackupInfo[]>('list_backups');
}

/** What restoring a listed backup would bring, beside what is here now. */
export async function restorePreview(path: string): Promise<{ backup: Counts; current: Counts }> {
  const preview = await call<RestorePreview>('restore_preview', { path });
  return { backup: countsOf(preview.backup), current: countsOf(preview.current) };
}

/** Replaces all data with a listed backup (what is here now is backed up first); resolves to what it holds. */
export async function restoreBackup(path: string): Promise<Counts> {
  return countsOf(await call<BackupCounts>('restore_backup', { path }));
}

/**
 * What restoring a backup file the owner chose (kind `backup`, by its token) would bring, beside
 * what is here now. A file that is not a Regulars backup rejects with the field naming the problem
 * and a message naming the file.
 */
export async function restorePreviewFile(token: string): Promise<{ backup: Counts; current: Counts }> {
  const preview = await call<RestorePreview>('restore_preview_file', { token });
  return { backup: countsOf(preview.backup), current: countsOf(preview.current) };
}

/** Replaces all data with a backup file the owner chose (what is here now is backed up first); resolves to what it holds. */
export async function restoreBackupFile(token: string): Promise<Counts> {
  return countsOf(await call<BackupCounts>('restore_backup_file', { token }));
}

function countsOf(counts: BackupCounts): Counts {
  return {
    customers: Number(counts.customers),
    interactions: Number(counts.interactions),
    orders: Number(counts.orders),
    products: Number(counts.products),
    feedback: Number(counts.feedback),
    complaints: Number(counts.complaints),
  };
}

/** Throws unless this window runs inside the app (a browser tab has no core to call). */
function reachable(): void {
  if (!isTauri()) {
    throw new ApiError({
      kind: 'internal',
      field: null,
      message: 'This window is not running inside the Regulars app, so it cannot reach your customers.',
    });
  }
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  reachable();
  try {
    return await invoke<T>(command, args);
  } catch (rejection) {
    throw asApiError(rejection);
  }
}

/** Turns whatever a command rejected with into an `ApiError`. */
export function asApiError(rejection: unknown): ApiError {
  if (rejection instanceof ApiError) return rejection;
  if (isErrorReport(rejection)) {
    return new ApiError({
      kind: rejection.kind,
      field: rejection.field ?? null,
      message: rejection.message,
    });
  }
  const message =
    typeof rejection === 'string'
      ? rejection
      : rejection instanceof Error
        ? rejection.message
        : String(rejection);
  return new ApiError({ kind: 'internal', field: null, message });
}

function isErrorReport(value: unknown): value is ErrorReport {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.kind === 'string' &&
    typeof v.message === 'string' &&
    (v.field === undefined || v.field === null || typeof v.field === 'string')
  );
}
