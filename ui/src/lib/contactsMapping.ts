// A contacts file as the import form handles it: whether it is vCard or CSV, and for CSV the
// column mapping in the owner's words — what each column holds (a yearly date with the label the
// owner types), how dates with the year last read — and the one check the form makes itself: a
// yearly date needs a label to be sent at all. Which columns the file has, what the core proposes
// for them and how every row reads are the core's (preview_contacts_csv, then a dry run).
import type { DateOrder } from './bindings/DateOrder';
import type { Detected } from './bindings/Detected';
import type { Field } from './bindings/Field';
import type { Mapping } from './bindings/Mapping';

/** A column's choice in the picker: a `Field`, with the yearly date's label kept apart. */
export type FieldKind = Exclude<Field, { date: string }> | 'date';

/** What a column can hold, in the picker's order and in plain words. */
export const FIELD_CHOICES: readonly { kind: FieldKind; label: string }[] = [
  { kind: 'name', label: 'Full name' },
  { kind: 'given-name', label: 'First name' },
  { kind: 'family-name', label: 'Last name' },
  { kind: 'nickname', label: 'Nickname' },
  { kind: 'company', label: 'Company' },
  { kind: 'role', label: 'Job title' },
  { kind: 'email', label: 'Email' },
  { kind: 'phone', label: 'Phone' },
  { kind: 'birthday', label: 'Birthday' },
  { kind: 'date', label: 'Yearly date' },
  { kind: 'date-label', label: 'Label of the next date' },
  { kind: 'street', label: 'Street' },
  { kind: 'postal-code', label: 'Postal code' },
  { kind: 'city', label: 'City' },
  { kind: 'region', label: 'Region or state' },
  { kind: 'country', label: 'Country' },
  { kind: 'tags', label: 'Tags' },
  { kind: 'note', label: 'Note' },
  { kind: 'source', label: 'How they found you' },
  { kind: 'ignore', label: 'Leave out' },
];

/** How dates with the year last are read, as the owner picks it. */
export const DATE_ORDERS: readonly { value: DateOrder; label: string }[] = [
  { value: 'ymd', label: 'Y-M-D (1980-03-22)' },
  { value: 'mdy', label: 'M/D/Y, as in the US (03/22/1980)' },
  { value: 'dmy', label: 'D/M/Y (22/03/1980)' },
];

/** One column as the form holds it; `label` is the yearly date's label (typed by the owner). */
export type ColumnChoice = { kind: FieldKind; label: string };

/** The form's choice for a column the core mapped to `field`; a new date's label starts as the header. */
export function columnChoice(field: Field, header: string): ColumnChoice {
  if (typeof field === 'object') return { kind: 'date', label: field.date };
  return { kind: field, label: header.trim() };
}

export type MappingProblem = { column: number; message: string };

/** The mapping to send, or the first column that cannot be sent (a yearly date without a label). */
export function mappingOf(choices: readonly ColumnChoice[], dateOrder: DateOrder): { mapping: Mapping } | { problem: MappingProblem } {
  const columns: Field[] = [];
  for (const [column, choice] of choices.entries()) {
    if (choice.kind !== 'date') {
      columns.push(choice.kind);
      continue;
    }
    const label = choice.label.trim();
    if (label === '') return { problem: { column, message: 'Name this date, like Anniversary.' } };
    columns.push({ date: label });
  }
  return { mapping: { columns, date_order: dateOrder } };
}

/** The plain words for what a column holds ("Email", "Yearly date: Anniversary"). */
export function fieldText(field: Field): string {
  if (typeof field === 'object') return `Yearly date: ${field.date}`;
  return FIELD_CHOICES.find((c) => c.kind === field)?.label ?? field;
}

/** Whose export the core thinks the file is, said to the owner. */
export function detectedText(detected: Detected): string {
  switch (detected) {
    case 'google':
      return 'Looks like a Google Contacts export.';
    case 'outlook':
      return 'Looks like an Outlook export.';
    case 'generic':
      return 'A spreadsheet of contacts. Check what each column holds.';
  }
}

/** How a contact was found to be a customer already (`email`, `phone`, `name`), in words. */
export function matchedByText(matchedBy: string): string {
  switch (matchedBy) {
    case 'email':
      return 'same email';
    case 'phone':
      return 'same phone number';
    case 'name':
      return 'same name';
    default:
      return matchedBy;
  }
}
