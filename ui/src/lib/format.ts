// How dates and counts read in the owner's locale (Intl only, no hand-made formats).
// Pure display: it never decides whether a date is valid and never computes ages.
// Functions that need "now" take it as a parameter; none reads the clock.
import { calendarDate, type CalendarDate } from './followUp';

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

/**
 * A moment from the core (RFC 3339 with offset) as a local date and time:
 * "1 Dec 2025, 14:30" in en-GB. Text that is not a moment is shown as it is.
 */
export function formatMoment(moment: string, locales?: Locales, timeZone?: string): string {
  const date = new Date(moment);
  if (Number.isNaN(date.getTime())) return moment;
  return new Intl.DateTimeFormat(locales, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/**
 * A follow-up (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, the owner's wall-clock time) in short form:
 * "1 Dec", "1 Dec 2027" when not in `today`'s year, "1 Dec, 09:30" with a time.
 */
export function formatFollowUp(followUp: string, today: CalendarDate, locales?: Locales): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(followUp);
  if (!parts) return followUp;
  const [y, m, d] = parts.slice(1, 4).map(Number);
  const hasTime = parts[4] !== undefined;
  const date = utcDate(y, m, d);
  if (hasTime) date.setUTCHours(Number(parts[4]), Number(parts[5]));
  return new Intl.DateTimeFormat(locales, {
    day: 'numeric',
    month: 'short',
    year: y === today.year ? undefined : 'numeric',
    hour: hasTime ? '2-digit' : undefined,
    minute: hasTime ? '2-digit' : undefined,
    timeZone: 'UTC',
  }).format(date);
}

/** How long ago `moment` was, by calendar days on this computer: "today", "yesterday", "3 weeks ago". */
export function formatRelativeDay(moment: string, now: Date, locales?: Locales): string {
  const then = new Date(moment);
  if (Number.isNaN(then.getTime())) return moment;
  const days = dayNumber(calendarDate(then)) - dayNumber(calendarDate(now));
  const format = new Intl.RelativeTimeFormat(locales, { numeric: 'auto' });
  const size = Math.abs(days);
  if (size < 7) return format.format(days, 'day');
  if (size < 31) return format.format(Math.trunc(days / 7), 'week');
  if (size < 365) return format.format(Math.trunc(days / 30), 'month');
  return format.format(Math.trunc(days / 365), 'year');
}

/** The keep-in-touch cadence: "every day", "every 14 days". */
export function formatCadence(days: number, locales?: Locales): string {
  if (days === 1) return 'every day';
  return `every ${new Intl.NumberFormat(locales).format(days)} days`;
}

function dayNumber(date: CalendarDate): number {
  return Math.round(utcDate(date.year, date.month, date.day).getTime() / 86_400_000);
}

function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years below 100 as they are.
  date.setUTCFullYear(year, month - 1, day);
  return date;
}
