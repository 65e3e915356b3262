// The Birthday group's parts become the text the core parses, or a completeness message.
import { describe, expect, it } from 'vitest';
import { birthdayText, INCOMPLETE_BIRTHDAY, type BirthdayInput } from './birthday';

const empty: BirthdayInput = { day: '', month: '', year: '', yearUnknown: false };
const text = (input: Partial<BirthdayInput>) => birthdayText({ ...empty, ...input });

describe('birthdayText', () => {
  it('gives no birthday when nothing is filled in', () => {
    expect(text({})).toEqual({ ok: true, text: null });
  });

  it('gives no birthday when only "Year unknown" is ticked', () => {
    expect(text({ yearUnknown: true })).toEqual({ ok: true, text: null });
  });

  it('treats blank-only parts as empty', () => {
    expect(text({ day: '  ', year: ' ' })).toEqual({ ok: true, text: null });
  });

  it('writes a full date as YYYY-MM-DD', () => {
    expect(text({ day: '23', month: '11', year: '1985' })).toEqual({ ok: true, text: '1985-11-23' });
  });

  it('zero-pads a one-digit day and month', () => {
    expect(text({ day: '7', month: '3', year: '1990' })).toEqual({ ok: true, text: '1990-03-07' });
  });

  it('trims spaces around the parts', () => {
    expect(text({ day: ' 5 ', month: '12', year: ' 2001 ' })).toEqual({ ok: true, text: '2001-12-05' });
  });

  it('writes --MM-DD when "Year unknown" is ticked', () => {
    expect(text({ day: '29', month: '2', yearUnknown: true })).toEqual({ ok: true, text: '--02-29' });
  });

  it('ignores a typed year when "Year unknown" is ticked', () => {
    expect(text({ day: '29', month: '2', year: '1984', yearUnknown: true })).toEqual({
      ok: true,
      text: '--02-29',
    });
  });

  it('writes --MM-DD when the year is left empty', () => {
    expect(text({ day: '23', month: '11' })).toEqual({ ok: true, text: '--11-23' });
  });

  it('passes an impossible date through for the core to refuse', () => {
    expect(text({ day: '30', month: '2', year: '2025' })).toEqual({ ok: true, text: '2025-02-30' });
  });

  it('asks for a month when only the day is given', () => {
    expect(text({ day: '23' })).toEqual({ ok: false, message: INCOMPLETE_BIRTHDAY });
  });

  it('asks for a day when only the month is given', () => {
    expect(text({ month: '11', year: '1985' })).toEqual({ ok: false, message: INCOMPLETE_BIRTHDAY });
  });

  it('asks for a day and a month when only the year is given', () => {
    expect(text({ year: '1985' })).toEqual({ ok: false, message: INCOMPLETE_BIRTHDAY });
  });

  it('says so in the agreed words', () => {
    expect(INCOMPLETE_BIRTHDAY).toBe('Choose both a day and a month.');
  });
});
