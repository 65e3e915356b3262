// The form's values become a CustomerDraft; the core's field paths map back to the form.
import { describe, expect, it } from 'vitest';
import { customerDraft, formFieldFor, type CustomerFormValues } from './draft';

const values: CustomerFormValues = { name: 'Anna Berg', kind: 'person', email: '', phone: '' };

describe('customerDraft', () => {
  it('sends just the name and kind when nothing else is filled in', () => {
    expect(customerDraft(values, null)).toEqual({
      name: 'Anna Berg',
      kind: 'person',
      emails: [],
      phones: [],
      birthday: null,
      addresses: [],
      dates: [],
      tags: [],
      status: 'active',
      custom_fields: [],
    });
  });

  it('trims the name, email and phone', () => {
    const draft = customerDraft(
      { name: '  Anna Berg ', kind: 'person', email: ' anna@example.com ', phone: ' +46 70 123 45 67 ' },
      null,
    );
    expect(draft.name).toBe('Anna Berg');
    expect(draft.emails).toEqual(['anna@example.com']);
    expect(draft.phones).toEqual(['+46 70 123 45 67']);
  });

  it('sends no email or phone when they are only spaces', () => {
    const draft = customerDraft({ ...values, email: '   ', phone: ' ' }, null);
    expect(draft.emails).toEqual([]);
    expect(draft.phones).toEqual([]);
  });

  it('keeps the kind and the birthday text as given', () => {
    const draft = customerDraft({ ...values, name: 'Bakery Nord', kind: 'business' }, '--02-29');
    expect(draft.kind).toBe('business');
    expect(draft.birthday).toBe('--02-29');
  });

  it('sends a wrong-looking email as typed, for the core to judge', () => {
    expect(customerDraft({ ...values, email: 'not-an-email' }, null).emails).toEqual(['not-an-email']);
  });
});

describe('formFieldFor', () => {
  it('maps the core field paths to the form fields', () => {
    expect(formFieldFor('name')).toBe('name');
    expect(formFieldFor('emails[0]')).toBe('email');
    expect(formFieldFor('emails[12]')).toBe('email');
    expect(formFieldFor('emails')).toBe('email');
    expect(formFieldFor('phones[0]')).toBe('phone');
    expect(formFieldFor('birthday')).toBe('birthday');
  });

  it('has no form field for fields the form does not show, or none', () => {
    expect(formFieldFor('dates[0].label')).toBeNull();
    expect(formFieldFor('cadence_days')).toBeNull();
    expect(formFieldFor('emailsx')).toBeNull();
    expect(formFieldFor(null)).toBeNull();
  });
});
