// Turns the Birthday inputs (day, month, year, "Year unknown") into the text the core parses:
// `YYYY-MM-DD`, `--MM-DD`, or no birthday. It checks only that the group is complete;
// whether the date exists (30 February, a future year…) is the core's decision, never this module's.

export type BirthdayInput = {
  /** As typed, e.g. "7" or "23". */
  day: string;
  /** "" when no month is chosen, else "1".."12". */
  month: string;
  /** As typed; ignored when `yearUnknown`. */
  year: string;
  yearUnknown: boolean;
};

export type BirthdayText =
  | { ok: true; text: string | null }
  | { ok: false; message: string };

export const INCOMPLETE_BIRTHDAY = 'Choose both a day and a month.';

export function birthdayText(input: BirthdayInput): BirthdayText {
  const day = input.day.trim();
  const month = input.month.trim();
  const year = input.yearUnknown ? '' : input.year.trim();

  if (day === '' && month === '') {
    return year === '' ? { ok: true, text: null } : { ok: false, message: INCOMPLETE_BIRTHDAY };
  }
  if (day === '' || month === '') {
    return { ok: false, message: INCOMPLETE_BIRTHDAY };
  }

  const monthDay = `${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return { ok: true, text: year === '' ? `--${monthDay}` : `${year}-${monthDay}` };
}
