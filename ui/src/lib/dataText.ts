// How Your data reads: counts in the owner's locale ("2,304 notes"), what a backup holds as a
// sentence, file sizes, a chosen file and how far its import has got, and the exports offered
// with what each is for. Display only: what a file holds and where it was written are the core's answers.
import type { Counts } from './api';
import type { ErrorReport } from './bindings/ErrorReport';
import type { ExportKind } from './bindings/ExportKind';
import type { ImportProgress } from './bindings/ImportProgress';
import { sentence } from './insightText';

type Locales = string | string[] | undefined;

/** "1 customer", "2,304 customers". */
export function countText(count: number, one: string, many: string, locales?: Locales): string {
  const number = new Intl.NumberFormat(locales).format(count);
  return `${number} ${new Intl.PluralRules(locales).select(count) === 'one' ? one : many}`;
}

/** "a, b and c". */
function listText(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * What a store or backup holds: "812 customers, 2,304 notes and 120 orders". The customers are
 * always named; the rest only when there are some.
 */
export function countsText(counts: Counts, locales?: Locales): string {
  const parts = [countText(counts.customers, 'customer', 'customers', locales)];
  const rest: [number, string, string][] = [
    [counts.interactions, 'note', 'notes'],
    [counts.orders, 'order', 'orders'],
    [counts.products, 'product', 'products'],
    [counts.feedback, 'piece of feedback', 'pieces of feedback'],
    [counts.complaints, 'complaint', 'complaints'],
  ];
  for (const [count, one, many] of rest) {
    if (count > 0) parts.push(countText(count, one, many, locales));
  }
  return listText(parts);
}

/** A file's size: "840 bytes", "12 kB", "2.4 MB". */
export function formatBytes(bytes: number, locales?: Locales): string {
  if (bytes < 1000) return countText(bytes, 'byte', 'bytes', locales);
  const units = ['kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locales, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** A chosen file beside its chooser: "contacts.vcf · 2.4 MB". */
export function chosenFileText(name: string, bytes: number, locales?: Locales): string {
  return `${name} · ${formatBytes(bytes, locales)}`;
}

/**
 * How much of `total` is `done` in whole percent, rounded down (so 100 only when it is all done);
 * null when the total is not known (0). Counted in integers: 29 of 100 is 29, not 28.99….
 */
function percentDone(done: number, total: number): number | null {
  return total > 0 ? Math.min(Math.max(Math.floor((done * 100) / total), 0), 100) : null;
}

/** Whole `percent` in the owner's locale: "34%" (en), "34 %" (de, fr). */
function percentText(percent: number, locales?: Locales): string {
  return new Intl.NumberFormat(locales, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/**
 * How far the import of `name` has got, for the label beside its progress bar: "Reading
 * contacts.vcf: 1,200 contacts, 34%" (without the percentage when the size is not known), then
 * "Saving 5,000 of 12,000 customers". Changes with every message.
 */
export function importProgressText(name: string, progress: ImportProgress, locales?: Locales): string {
  if (progress.stage === 'saving') {
    const done = new Intl.NumberFormat(locales).format(progress.done);
    return `Saving ${done} of ${countText(progress.total, 'customer', 'customers', locales)}`;
  }
  const read = `Reading ${name}: ${countText(progress.contacts, 'contact', 'contacts', locales)}`;
  const percent = percentDone(progress.done, progress.total);
  return percent === null ? read : `${read}, ${percentText(percent, locales)}`;
}

/**
 * The same, for a screen reader: a sentence that changes only at each tenth of the way ("Reading
 * contacts.vcf: 30% done"), when the stage changes, or (no message yet) says what is starting
 * ("Checking contacts.vcf…"), so a polite status does not talk over the owner ten times a second.
 */
export function importMilestoneText(
  name: string,
  doing: 'checking' | 'importing',
  progress: ImportProgress | null,
  locales?: Locales,
): string {
  if (progress === null) return `${doing === 'checking' ? 'Checking' : 'Importing'} ${name}…`;
  const what = progress.stage === 'saving' ? 'Saving the customers' : `Reading ${name}`;
  const percent = percentDone(progress.done, progress.total);
  return percent === null ? `${what}…` : `${what}: ${percentText(Math.floor(percent / 10) * 10, locales)} done`;
}

/** The exports offered, in order: what the button says and what the file is for. */
export const EXPORTS: readonly { kind: ExportKind; label: string; detail: string }[] = [
  { kind: 'vcard', label: 'vCard 4.0', detail: 'Contacts for Google, Apple and most address books today.' },
  { kind: 'vcard3', label: 'vCard 3.0', detail: 'Contacts for older address books and phones.' },
  { kind: 'csv-customers', label: 'Customers as CSV', detail: 'Everyone in a spreadsheet: names, ways to reach them, dates and tags.' },
  { kind: 'csv-orders', label: 'Orders as CSV', detail: 'Every order line, for a spreadsheet or your accountant.' },
  { kind: 'ics', label: 'Calendar (.ics)', detail: 'Birthdays, anniversaries and follow-ups, to import into a calendar once.' },
];

/** Why an import could not be undone, in words; a `conflict` says what changed. */
export function undoImportProblem(report: ErrorReport): string {
  if (report.kind === 'conflict') {
    return `This import can no longer be undone: a customer it added to has changed since, and undoing it would lose that change. ${sentence(report.message)}`;
  }
  return sentence(report.message);
}
