// The bridge between the customer forms (Add customer, Edit) and the core: builds the
// `CustomerDraft` from what was typed, and maps the core's field paths (`emails[0]`…) back to
// the form's fields. It never validates: the core owns every rule and its wording. The only
// checks here turn text into the shapes the draft needs (a whole number of days).
import type { BirthdayInput } from './birthday';
import type { Address } from './bindings/Address';
import type { Channel } from './bindings/Channel';
import type { Customer } from './bindings/Customer';
import type { CustomerDraft } from './bindings/CustomerDraft';
import type { CustomerKind } from './bindings/CustomerKind';
import type { CustomerStatus } from './bindings/CustomerStatus';

export type CustomerFormValues = {
  name: string;
  kind: CustomerKind;
  email: string;
  phone: string;
};

/** The form's fields that can carry an error message. */
export type FormField = 'name' | 'email' | 'phone' | 'birthday';

/** `birthday` is the text from `birthdayText` (null for none). */
export function customerDraft(values: CustomerFormValues, birthday: string | null): CustomerDraft {
  return {
    name: values.name.trim(),
    kind: values.kind,
    emails: listOfOne(values.email),
    phones: listOfOne(values.phone),
    birthday,
    addresses: [],
    dates: [],
    tags: [],
    status: 'active',
    custom_fields: [],
  };
}

/** Which form field an `ErrorReport.field` is about, or null when the form has no such field. */
export function formFieldFor(field: string | null): FormField | null {
  if (field === null) return null;
  if (field === 'name') return 'name';
  if (field === 'birthday') return 'birthday';
  if (/^emails(\[\d+\])?$/.test(field)) return 'email';
  if (/^phones(\[\d+\])?$/.test(field)) return 'phone';
  return null;
}

function listOfOne(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : [trimmed];
}

// ——— Editing a customer ———

export type DateRow = { label: string; date: string };
export type CustomFieldRow = { label: string; value: string };
export type AddressRow = {
  label: string;
  street: string;
  postal_code: string;
  city: string;
  region: string;
  country: string;
};

/** The Edit form's values: text as typed, one string per input. */
export type ProfileValues = {
  name: string;
  kind: CustomerKind;
  given_name: string;
  family_name: string;
  nickname: string;
  company: string;
  role: string;
  emails: string[];
  phones: string[];
  birthday: BirthdayInput;
  /** Comma-separated. */
  tags: string;
  status: CustomerStatus;
  /** '' for no preferred channel. */
  channel: Channel | '';
  source: string;
  /** Whole days, as typed; '' for none. */
  cadence_days: string;
  dates: DateRow[];
  custom_fields: CustomFieldRow[];
  addresses: AddressRow[];
};

export const ADDRESS_PARTS = ['label', 'street', 'postal_code', 'city', 'region', 'country'] as const;

/** For each list in a sent draft, the form row each entry came from (blank rows are not sent). */
export type RowOrigins = {
  emails: number[];
  phones: number[];
  dates: number[];
  custom_fields: number[];
  addresses: number[];
};

export type ProfileDraft =
  | { ok: true; draft: CustomerDraft; rows: RowOrigins }
  | { ok: false; field: string; message: string };

export const CADENCE_NOT_A_NUMBER = 'Enter a whole number of days, or leave it empty.';

/** The draft that would store `customer` unchanged: the starting point for editing. */
export function draftFromCustomer(customer: Customer): CustomerDraft {
  return {
    name: customer.name,
    kind: customer.kind,
    given_name: customer.given_name,
    family_name: customer.family_name,
    nickname: customer.nickname,
    company: customer.company,
    role: customer.role,
    emails: [...customer.emails],
    phones: [...customer.phones],
    addresses: customer.addresses.map(fullAddress),
    birthday: customer.birthday,
    dates: customer.dates.map(({ label, date }) => ({ label, date })),
    tags: [...customer.tags],
    status: customer.status,
    channel: customer.channel,
    source: customer.source,
    cadence_days: customer.cadence_days,
    custom_fields: customer.custom_fields.map(({ label, value }) => ({ label, value })),
  };
}

/** The Edit form filled in from `draft`. */
export function profileValues(draft: CustomerDraft): ProfileValues {
  return {
    name: draft.name,
    kind: draft.kind,
    given_name: draft.given_name ?? '',
    family_name: draft.family_name ?? '',
    nickname: draft.nickname ?? '',
    company: draft.company ?? '',
    role: draft.role ?? '',
    emails: [...draft.emails],
    phones: [...draft.phones],
    birthday: birthdayInput(draft.birthday ?? null),
    tags: draft.tags.join(', '),
    status: draft.status,
    channel: draft.channel ?? '',
    source: draft.source ?? '',
    cadence_days: draft.cadence_days === null || draft.cadence_days === undefined ? '' : String(draft.cadence_days),
    dates: draft.dates.map(({ label, date }) => ({ label, date })),
    custom_fields: draft.custom_fields.map(({ label, value }) => ({ label, value })),
    addresses: draft.addresses.map((a) => ({
      label: a.label ?? '',
      street: a.street ?? '',
      postal_code: a.postal_code ?? '',
      city: a.city ?? '',
      region: a.region ?? '',
      country: a.country ?? '',
    })),
  };
}

/**
 * The draft to send for the Edit form's `values`; `birthday` is the text from `birthdayText`.
 * Text is trimmed, blank rows are left out (and `rows` remembers where each sent entry came
 * from), tags are split at commas. Fails only when the cadence is not a whole number.
 */
export function profileDraft(values: ProfileValues, birthday: string | null): ProfileDraft {
  const cadence = values.cadence_days.trim();
  if (cadence !== '' && !/^\d+$/.test(cadence)) {
    return { ok: false, field: 'cadence_days', message: CADENCE_NOT_A_NUMBER };
  }
  const emails = keptRows(values.emails, (e) => e.trim() !== '');
  const phones = keptRows(values.phones, (p) => p.trim() !== '');
  const dates = keptRows(values.dates, (d) => d.label.trim() !== '' || d.date.trim() !== '');
  const fields = keptRows(values.custom_fields, (f) => f.label.trim() !== '' || f.value.trim() !== '');
  const addresses = keptRows(values.addresses, (a) => ADDRESS_PARTS.some((part) => a[part].trim() !== ''));
  return {
    ok: true,
    draft: {
      name: values.name.trim(),
      kind: values.kind,
      given_name: optional(values.given_name),
      family_name: optional(values.family_name),
      nickname: optional(values.nickname),
      company: optional(values.company),
      role: optional(values.role),
      emails: emails.items.map((e) => e.trim()),
      phones: phones.items.map((p) => p.trim()),
      addresses: addresses.items.map((a) => ({
        label: optional(a.label),
        street: optional(a.street),
        postal_code: optional(a.postal_code),
        city: optional(a.city),
        region: optional(a.region),
        country: optional(a.country),
      })),
      birthday,
      dates: dates.items.map((d) => ({ label: d.label.trim(), date: d.date.trim() })),
      tags: values.tags
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
      status: values.status,
      channel: values.channel === '' ? null : values.channel,
      source: optional(values.source),
      cadence_days: cadence === '' ? null : Number(cadence),
      custom_fields: fields.items.map((f) => ({ label: f.label.trim(), value: f.value.trim() })),
    },
    rows: {
      emails: emails.rows,
      phones: phones.rows,
      dates: dates.rows,
      custom_fields: fields.rows,
      addresses: addresses.rows,
    },
  };
}

/**
 * The Edit form field an `ErrorReport.field` is about, as a key the form uses: `name`,
 * `emails.1`, `dates.0.label`, `addresses.2.city`, `tags`… Indexes are translated to form rows
 * with `rows`. Null when the form has no such field.
 */
export function profileFieldFor(field: string | null, rows: RowOrigins): string | null {
  if (field === null) return null;
  const path = /^([a-z_]+)(?:\[(\d+)\](?:\.([a-z_]+))?)?$/.exec(field);
  if (!path) return null;
  const [, name, index, part] = path;
  if (SCALAR_FIELDS.has(name)) return index === undefined ? name : null;
  if (name === 'tags') return 'tags';
  if (!isListField(name)) return null;
  if (index === undefined) return name;
  const row = rows[name][Number(index)] ?? Number(index);
  if (name === 'emails' || name === 'phones') return part === undefined ? `${name}.${row}` : null;
  if (part === undefined) return `${name}.${row}`;
  return LIST_PARTS[name].includes(part) ? `${name}.${row}.${part}` : `${name}.${row}`;
}

/** The Birthday group's parts for a stored birthday (`1985-11-23` or `--11-23`). */
export function birthdayInput(birthday: string | null): BirthdayInput {
  const parts = birthday === null ? null : /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(birthday);
  if (!parts) return { day: '', month: '', year: '', yearUnknown: false };
  const [, year, month, day] = parts;
  const known = year !== '-';
  return {
    day: String(Number(day)),
    month: String(Number(month)),
    year: known ? year : '',
    yearUnknown: !known,
  };
}

const SCALAR_FIELDS = new Set([
  'name',
  'kind',
  'given_name',
  'family_name',
  'nickname',
  'company',
  'role',
  'birthday',
  'status',
  'channel',
  'source',
  'cadence_days',
]);

const LIST_PARTS: Record<keyof RowOrigins, readonly string[]> = {
  emails: [],
  phones: [],
  dates: ['label', 'date'],
  custom_fields: ['label', 'value'],
  addresses: ADDRESS_PARTS,
};

function isListField(name: string): name is keyof RowOrigins {
  return Object.prototype.hasOwnProperty.call(LIST_PARTS, name);
}

function keptRows<T>(items: readonly T[], keep: (item: T) => boolean): { items: T[]; rows: number[] } {
  const kept: T[] = [];
  const rows: number[] = [];
  items.forEach((item, row) => {
    if (keep(item)) {
      kept.push(item);
      rows.push(row);
    }
  });
  return { items: kept, rows };
}

function optional(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

function fullAddress(address: Address): Address {
  return {
    label: address.label ?? null,
    street: address.street ?? null,
    postal_code: address.postal_code ?? null,
    city: address.city ?? null,
    region: address.region ?? null,
    country: address.country ?? null,
  };
}
