// The form's values become a CustomerDraft; the core's field paths map back to the form.
import { describe, expect, it } from 'vitest';
import { birthdayText } from './birthday';
import {
  birthdayInput,
  CADENCE_NOT_A_NUMBER,
  customerDraft,
  draftFromCustomer,
  formFieldFor,
  profileDraft,
  profileFieldFor,
  profileValues,
  type CustomerFormValues,
  type ProfileValues,
  type RowOrigins,
} from './draft';
import { storedCustomer } from '../test-fixtures';

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

const everything = storedCustomer({
  name: 'Anna Berg',
  kind: 'person',
  given_name: 'Anna',
  family_name: 'Berg',
  nickname: 'Annie',
  company: 'Bakery Nord',
  role: 'Owner',
  emails: ['anna@example.com', 'a@work.example'],
  phones: ['+46 70 123 45 67'],
  addresses: [{ label: 'shop', street: 'Storgatan 1', postal_code: '111 22', city: 'Stockholm' }],
  birthday: '1985-03-07',
  dates: [{ label: 'Wedding anniversary', date: '--06-14' }],
  tags: ['vip', 'sourdough'],
  status: 'lead',
  channel: 'whatsapp',
  source: 'Farmers market',
  cadence_days: 30,
  custom_fields: [{ label: "Dog's name", value: 'Biscuit' }],
  relationships: [{ kind: 'spouse', customer_id: 'x' }],
  archived_at: null,
  last_contacted: '2025-05-01T10:00:00+02:00',
});

/** Sends the form values as the Edit form does. */
function send(values: ProfileValues) {
  const birthday = birthdayText(values.birthday);
  if (!birthday.ok) throw new Error(birthday.message);
  const result = profileDraft(values, birthday.text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('draftFromCustomer', () => {
  it('copies every part of the profile the draft carries', () => {
    expect(draftFromCustomer(everything)).toEqual({
      name: 'Anna Berg',
      kind: 'person',
      given_name: 'Anna',
      family_name: 'Berg',
      nickname: 'Annie',
      company: 'Bakery Nord',
      role: 'Owner',
      emails: ['anna@example.com', 'a@work.example'],
      phones: ['+46 70 123 45 67'],
      addresses: [
        { label: 'shop', street: 'Storgatan 1', postal_code: '111 22', city: 'Stockholm', region: null, country: null },
      ],
      birthday: '1985-03-07',
      dates: [{ label: 'Wedding anniversary', date: '--06-14' }],
      tags: ['vip', 'sourdough'],
      status: 'lead',
      channel: 'whatsapp',
      source: 'Farmers market',
      cadence_days: 30,
      custom_fields: [{ label: "Dog's name", value: 'Biscuit' }],
    });
  });

  it('leaves out what the core keeps itself (id, relationships, history, timestamps)', () => {
    const draft = draftFromCustomer(everything) as Record<string, unknown>;
    for (const key of ['id', 'relationships', 'archived_at', 'last_contacted', 'created_at', 'updated_at']) {
      expect(draft).not.toHaveProperty(key);
    }
  });

  it('does not share lists with the customer', () => {
    const draft = draftFromCustomer(everything);
    draft.emails.push('new@example.com');
    expect(everything.emails).toHaveLength(2);
  });
});

describe('editing round trip', () => {
  it('sends back exactly the stored profile when nothing is changed', () => {
    const draft = draftFromCustomer(everything);
    expect(send(profileValues(draft)).draft).toEqual(draft);
  });

  it('round-trips a customer with nothing but a name', () => {
    const draft = draftFromCustomer(storedCustomer({ name: 'Bo' }));
    expect(send(profileValues(draft)).draft).toEqual(draft);
  });

  it('round-trips a birthday without a year', () => {
    const draft = draftFromCustomer(storedCustomer({ name: 'Finn', birthday: '--02-29' }));
    expect(profileValues(draft).birthday).toEqual({ day: '29', month: '2', year: '', yearUnknown: true });
    expect(send(profileValues(draft)).draft.birthday).toBe('--02-29');
  });
});

describe('profileValues', () => {
  it('fills the form with text, tags joined by commas and the cadence as a number', () => {
    const values = profileValues(draftFromCustomer(everything));
    expect(values.tags).toBe('vip, sourdough');
    expect(values.cadence_days).toBe('30');
    expect(values.channel).toBe('whatsapp');
    expect(values.birthday).toEqual({ day: '7', month: '3', year: '1985', yearUnknown: false });
    expect(values.addresses[0]).toEqual({
      label: 'shop',
      street: 'Storgatan 1',
      postal_code: '111 22',
      city: 'Stockholm',
      region: '',
      country: '',
    });
  });

  it('shows absent values as empty inputs', () => {
    const values = profileValues(draftFromCustomer(storedCustomer({ name: 'Bo' })));
    expect(values.nickname).toBe('');
    expect(values.channel).toBe('');
    expect(values.cadence_days).toBe('');
    expect(values.tags).toBe('');
  });
});

describe('profileDraft', () => {
  const base = () => profileValues(draftFromCustomer(storedCustomer({ name: 'Bo' })));

  it('splits tags at commas, trimming and dropping empty ones', () => {
    expect(send({ ...base(), tags: ' vip,, wholesale ,  ' }).draft.tags).toEqual(['vip', 'wholesale']);
  });

  it('sends blank optional text as null and trims the rest', () => {
    const draft = send({ ...base(), nickname: '   ', company: ' Nord ' }).draft;
    expect(draft.nickname).toBeNull();
    expect(draft.company).toBe('Nord');
  });

  it('leaves out blank rows and remembers which row each sent entry came from', () => {
    const result = send({
      ...base(),
      emails: ['', 'a@example.com', '  ', 'b@example.com'],
      dates: [{ label: '', date: '' }, { label: 'Founded', date: '2010-04-01' }],
      addresses: [
        { label: '', street: '', postal_code: '', city: '', region: '', country: '' },
        { label: '', street: '', postal_code: '', city: 'Malmö', region: '', country: '' },
      ],
    });
    expect(result.draft.emails).toEqual(['a@example.com', 'b@example.com']);
    expect(result.rows.emails).toEqual([1, 3]);
    expect(result.draft.dates).toEqual([{ label: 'Founded', date: '2010-04-01' }]);
    expect(result.rows.dates).toEqual([1]);
    expect(result.draft.addresses).toEqual([
      { label: null, street: null, postal_code: null, city: 'Malmö', region: null, country: null },
    ]);
    expect(result.rows.addresses).toEqual([1]);
  });

  it('sends the cadence as a whole number, or null when empty', () => {
    expect(send({ ...base(), cadence_days: ' 14 ' }).draft.cadence_days).toBe(14);
    expect(send({ ...base(), cadence_days: '' }).draft.cadence_days).toBeNull();
  });

  it('refuses a cadence that is not a whole number, naming the field', () => {
    for (const cadence of ['two weeks', '1.5', '-3']) {
      expect(profileDraft({ ...base(), cadence_days: cadence }, null)).toEqual({
        ok: false,
        field: 'cadence_days',
        message: CADENCE_NOT_A_NUMBER,
      });
    }
  });

  it('sends no preferred channel as null', () => {
    expect(send({ ...base(), channel: '' }).draft.channel).toBeNull();
    expect(send({ ...base(), channel: 'sms' }).draft.channel).toBe('sms');
  });
});

describe('profileFieldFor', () => {
  const same: RowOrigins = { emails: [0, 1, 2], phones: [0, 1], dates: [0, 1], custom_fields: [0], addresses: [0, 1] };

  it('names the single fields', () => {
    for (const field of ['name', 'nickname', 'birthday', 'cadence_days', 'status', 'channel', 'source']) {
      expect(profileFieldFor(field, same)).toBe(field);
    }
  });

  it('maps list entries to their rows', () => {
    expect(profileFieldFor('emails[1]', same)).toBe('emails.1');
    expect(profileFieldFor('phones[0]', same)).toBe('phones.0');
    expect(profileFieldFor('dates[0].date', same)).toBe('dates.0.date');
    expect(profileFieldFor('custom_fields[0].label', same)).toBe('custom_fields.0.label');
    expect(profileFieldFor('addresses[1].city', same)).toBe('addresses.1.city');
  });

  it('maps an entry to the form row it came from when blank rows were left out', () => {
    const rows: RowOrigins = { emails: [1, 3], phones: [], dates: [2], custom_fields: [], addresses: [0] };
    expect(profileFieldFor('emails[1]', rows)).toBe('emails.3');
    expect(profileFieldFor('dates[0].label', rows)).toBe('dates.2.label');
  });

  it('keeps whole-list and whole-row problems at that level', () => {
    expect(profileFieldFor('emails', same)).toBe('emails');
    expect(profileFieldFor('dates[1]', same)).toBe('dates.1');
    expect(profileFieldFor('tags[3]', same)).toBe('tags');
    expect(profileFieldFor('addresses[0].planet', same)).toBe('addresses.0');
  });

  it('has no field for paths the form does not show', () => {
    expect(profileFieldFor(null, same)).toBeNull();
    expect(profileFieldFor('relationships[0]', same)).toBeNull();
    expect(profileFieldFor('name[0]', same)).toBeNull();
    expect(profileFieldFor('emails[0].x', same)).toBeNull();
  });
});

describe('birthdayInput', () => {
  it('splits a stored birthday into the Birthday group parts', () => {
    expect(birthdayInput('1985-11-23')).toEqual({ day: '23', month: '11', year: '1985', yearUnknown: false });
    expect(birthdayInput('1990-03-07')).toEqual({ day: '7', month: '3', year: '1990', yearUnknown: false });
    expect(birthdayInput('--02-29')).toEqual({ day: '29', month: '2', year: '', yearUnknown: true });
  });

  it('leaves the group empty for no birthday', () => {
    expect(birthdayInput(null)).toEqual({ day: '', month: '', year: '', yearUnknown: false });
  });
});
