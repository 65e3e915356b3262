// How Your data reads: counts in the owner's locale ("2,304 notes"), what a backup holds as a
// sentence, file sizes, and the exports offered with what each is for. Display only: what a file
// holds and where it was written are the core's answers.
import type { Counts } from './api';
import type { ErrorReport } from './bindings/ErrorReport';
import type { ExportKind } from './bindings/ExportKind';
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
