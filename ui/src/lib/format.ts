// How dates and counts read in the owner's locale (Intl only, no hand-made formats).
// Pure display: it never decides whether a date is valid and never computes ages.

type Locales = string | string[] | undefined;

const FULL_DATE = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
const DAY_MONTH = { day: 'numeric', month: 'long', timeZone: 'UTC' } as const;

/**
 * A stored birthday (`1985-11-23`, or `--11-23` when the year is unknown) as the owner reads it:
 * "23 November 1985" / "23 November" in en-GB. Text in any other shape is shown as it is.
 */
export function formatBirthday(birthday: string, locales?: Locales): string {
  const withYear = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthday);
  if (withYear) {
    const [, y, m, d] = withYear.map(Number);
    return new Intl.DateTimeFormat(locales, FULL_DATE).format(utcDate(y, m, d));
  }
  const withoutYear = /^--(\d{2})-(\d{2})$/.exec(birthday);
  if (withoutYear) {
    const [, m, d] = withoutYear.map(Number);
    // A leap year, so 29 February can be shown.
    return new Intl.DateTimeFormat(locales, DAY_MONTH).format(utcDate(2000, m, d));
  }
  return birthday;
}

/** The twelve month names for a Month picker: value 1..12 and the localised name. */
export function monthNames(locales?: Locales): { value: number; name: string }[] {
  const format = new Intl.DateTimeFormat(locales, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => ({
    value: i + 1,
    name: format.format(utcDate(2000, i + 1, 1)),
  }));
}

/** "1 customer", "1,204 customers". */
export function customerCount(count: number, locales?: Locales): string {
  const number = new Intl.NumberFormat(locales).format(count);
  const one = new Intl.PluralRules(locales).select(count) === 'one';
  return `${number} ${one ? 'customer' : 'customers'}`;
}

function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years below 100 as they are.
  date.setUTCFullYear(year, month - 1, day);
  return date;
}
