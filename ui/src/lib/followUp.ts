// The follow-up quick picks ("Tomorrow", "Next week"…) as calendar dates. Pure: `today` is
// always a parameter, so every rule is testable; only the component that calls it reads the
// clock. It never decides whether a typed date is valid: the core does.

/** A day on the owner's calendar; `month` is 1..12. */
export type CalendarDate = { year: number; month: number; day: number };

export type QuickPick = 'tomorrow' | 'next-week' | 'in-2-weeks' | 'in-a-month';

/** The quick picks in the order they are offered, with the words on their buttons. */
export const QUICK_PICKS: readonly { pick: QuickPick; label: string }[] = [
  { pick: 'tomorrow', label: 'Tomorrow' },
  { pick: 'next-week', label: 'Next week' },
  { pick: 'in-2-weeks', label: 'In 2 weeks' },
  { pick: 'in-a-month', label: 'In a month' },
];

/** The day `pick` means, counted from `today`, as `YYYY-MM-DD`. */
export function followUpDate(pick: QuickPick, today: CalendarDate): string {
  switch (pick) {
    case 'tomorrow':
      return isoDate(addDays(today, 1));
    case 'next-week':
      return isoDate(addDays(today, 7));
    case 'in-2-weeks':
      return isoDate(addDays(today, 14));
    case 'in-a-month':
      return isoDate(addMonths(today, 1));
  }
}

/** The calendar day that `moment` falls on in the time zone of this computer. */
export function calendarDate(moment: Date): CalendarDate {
  return { year: moment.getFullYear(), month: moment.getMonth() + 1, day: moment.getDate() };
}

/** `YYYY-MM-DD`. */
export function isoDate(date: CalendarDate): string {
  const year = String(date.year).padStart(4, '0');
  return `${year}-${pad(date.month)}-${pad(date.day)}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moment = utc(date);
  moment.setUTCDate(moment.getUTCDate() + days);
  return { year: moment.getUTCFullYear(), month: moment.getUTCMonth() + 1, day: moment.getUTCDate() };
}

/** The same day `months` later; a day the month lacks becomes its last day (31 Jan → 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function utc(date: CalendarDate): Date {
  const moment = new Date(0);
  moment.setUTCFullYear(date.year, date.month - 1, date.day);
  return moment;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
