// The bridge between the Add customer form and the core: builds the `CustomerDraft` from what
// was typed, and maps the core's field paths (`emails[0]`…) back to the form's fields.
// It never validates: the core owns every rule and its wording.
import type { CustomerDraft } from './bindings/CustomerDraft';
import type { CustomerKind } from './bindings/CustomerKind';

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
