// A contacts file as the import form handles it: vCard or CSV, and a CSV's column mapping in the
// owner's words, sent as the core's `Mapping` (a yearly date with the label the owner typed).
import { describe, expect, it } from 'vitest';
import {
  columnChoice,
  detectedText,
  FIELD_CHOICES,
  fieldText,
  mappingOf,
  matchedByText,
} from './contactsMapping';

describe('the choices', () => {
  it('offer every field in plain words, a yearly date once, and leaving a column out last', () => {
    const kinds = FIELD_CHOICES.map((c) => c.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toContain('date');
    expect(kinds.at(-1)).toBe('ignore');
    expect(FIELD_CHOICES.find((c) => c.kind === 'given-name')?.label).toBe('First name');
    expect(fieldText({ date: 'Anniversary' })).toBe('Yearly date: Anniversary');
    expect(fieldText('ignore')).toBe('Leave out');
  });
});

describe('columnChoice and mappingOf', () => {
  it('round-trip the mapping the core proposed', () => {
    const headers = ['Name', 'E-mail', 'Anniversary'];
    const columns = ['name', 'email', { date: 'Anniversary' }] as const;
    const choices = columns.map((field, i) => columnChoice(field, headers[i]));
    expect(choices[2]).toEqual({ kind: 'date', label: 'Anniversary' });
    expect(mappingOf(choices, 'dmy')).toEqual({ mapping: { columns: [...columns], date_order: 'dmy' } });
  });

  it("start a column turned into a date with its header as the label, and send the owner's label trimmed", () => {
    const choice = columnChoice('note', ' Wedding day ');
    expect(choice).toEqual({ kind: 'note', label: 'Wedding day' });
    expect(mappingOf([{ ...choice, kind: 'date' }], 'ymd')).toEqual({ mapping: { columns: [{ date: 'Wedding day' }], date_order: 'ymd' } });
  });

  it('refuse a yearly date without a label, naming its column', () => {
    expect(mappingOf([{ kind: 'name', label: 'Name' }, { kind: 'date', label: '  ' }], 'ymd')).toEqual({
      problem: { column: 1, message: 'Name this date, like Anniversary.' },
    });
  });
});

describe('words', () => {
  it('say whose export it looks like and how a duplicate was found', () => {
    expect(detectedText('google')).toBe('Looks like a Google Contacts export.');
    expect(detectedText('outlook')).toBe('Looks like an Outlook export.');
    expect(detectedText('generic')).toMatch(/Check what each column holds/);
    expect(matchedByText('email')).toBe('same email');
    expect(matchedByText('phone')).toBe('same phone number');
    expect(matchedByText('name')).toBe('same name');
  });
});
