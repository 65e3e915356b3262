// How a reminder of the daily list reads: "Birthday · turns 41", "since Mon 21 Nov",
// "in 2 days · Thu 26 Nov", "Anna Berg’s birthday". Pure display of what the core decided
// (which items, their order, ages and counts); "today" is always the agenda's own `date`,
// never this computer's clock, so the words match the list the core computed.
import type { Agenda } from './bindings/Agenda';
import type { AgendaItem } from './bindings/AgendaItem';
import type { When } from './bindings/When';
import { addDays, isoDate, type CalendarDate } from './followUp';

type Locales = string | string[] | undefined;

/** The list's sections in the order they are shown, with their headings. */
export const SECTIONS: readonly { when: When; title: string }[] = [
  { when: 'overdue', title: 'Overdue' },
  { when: 'today', title: 'Today' },
  { when: 'upcoming', title: 'Upcoming' },
];

/** `YYYY-MM-DD` as a calendar day, or null for any other text. */
export function parseDay(text: string): CalendarDate | null {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!parts) return null;
  const [year, month, day] = parts.slice(1).map(Number);
  return { year, month, day };
}

/** The day `days` after the ISO day `today` (`YYYY-MM-DD`); the text as it is when unreadable. */
export function dayAfter(today: string, days: number): string {
  const day = parseDay(today);
  return day ? isoDate(addDays(day, days)) : today;
}

/** "Tuesday, 24 November" (en-GB): the page's date in words. */
export function longDay(date: string, locales?: Locales): string {
  return formatDay(date, { weekday: 'long', day: 'numeric', month: 'long' }, locales);
}

/** "Mon 21 Nov" (en-GB). */
export function shortDay(date: string, locales?: Locales): string {
  return formatDay(date, { weekday: 'short', day: 'numeric', month: 'short' }, locales);
}

/** What the reminder is: "Birthday · turns 41", "Wedding · 6 years", "Follow up: Call back · 14:30". */
export function itemWhat(item: AgendaItem): string {
  switch (item.kind) {
    case 'birthday':
      return item.age === null ? 'Birthday' : `Birthday · turns ${item.age}`;
    case 'anniversary':
      return item.years === null ? item.label : `${item.label} · ${item.years} ${item.years === 1 ? 'year' : 'years'}`;
    case 'follow-up':
      return item.time === null ? `Follow up: ${item.label}` : `Follow up: ${item.label} · ${item.time}`;
    case 'keep-in-touch':
      return `Keep in touch · ${item.label}`;
    case 'order-drop':
    case 'season':
    case 'complaint-due':
    case 'ask-feedback':
      // The reason ("usually every 14 days; 70 days since the last order") is the row's detail.
      return item.label;
  }
}

/**
 * The line under the reminder: a follow-up's note as the owner wrote it; for the core's own
 * reasons (an order drop's "usually every 14 days; 70 days since the last order", a season's
 * "ordered in November in 3 years; the season starts around 2026-11-20", a complaint's
 * "complained 2026-11-16; the policy says acknowledge within 2 days") a sentence, its day
 * written like the list's other days. Asking for feedback says what it follows ("Order on
 * Fri 20 Nov: 2 × Bread"), its day written the same way; the order's or meeting's words stay as
 * they are. Null when there is none.
 */
export function itemDetail(item: AgendaItem, locales?: Locales): string | null {
  if (item.detail === null) return null;
  if (item.kind === 'ask-feedback') return item.detail.replace(/^(\w+ on )(\d{4}-\d{2}-\d{2})\b/, (_, on: string, day: string) => on + shortDay(day, locales));
  if (item.kind !== 'order-drop' && item.kind !== 'season' && item.kind !== 'complaint-due') return item.detail;
  const days = item.detail.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (day) => shortDay(day, locales));
  const text = days.charAt(0).toUpperCase() + days.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * When it is due, beside `today` (the agenda's date): "since Mon 21 Nov" when overdue,
 * "tomorrow · Wed 25 Nov" or "in 2 days · Thu 26 Nov" when upcoming, nothing for today.
 */
export function itemWhen(item: AgendaItem, today: string, locales?: Locales): string {
  if (item.when === 'overdue') return `since ${shortDay(item.date, locales)}`;
  if (item.when === 'today') return '';
  const days = daysBetween(today, item.date);
  const relative = days === null ? null : new Intl.RelativeTimeFormat(locales, { numeric: 'auto' }).format(days, 'day');
  return relative === null ? shortDay(item.date, locales) : `${relative} · ${shortDay(item.date, locales)}`;
}

/** Whose reminder and what about, for button names and announcements: "Anna Berg’s birthday". */
export function itemSubject(item: AgendaItem): string {
  const whose = `${item.customer_name}’s`;
  switch (item.kind) {
    case 'birthday':
      return `${whose} birthday`;
    case 'anniversary':
      return `${whose} ${item.label}`;
    case 'follow-up':
      return `${whose} follow-up`;
    case 'keep-in-touch':
      return `${whose} keep-in-touch reminder`;
    case 'order-drop':
      return `${whose} drop in orders`;
    case 'season':
      return `${whose} season reminder`;
    case 'complaint-due':
      return `${whose} complaint`;
    case 'ask-feedback':
      return `${whose} feedback request`;
  }
}

/** The items in one section, in the core's order. */
export function itemsWhen(agenda: Agenda, when: When): AgendaItem[] {
  return agenda.items.filter((item) => item.when === when);
}

/** How many items are due now (overdue or today): the sidebar's badge. */
export function dueCount(agenda: Agenda): number {
  return agenda.items.filter((item) => item.when !== 'upcoming').length;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`), or null when either is unreadable. */
export function daysBetween(from: string, to: string): number | null {
  const a = parseDay(from);
  const b = parseDay(to);
  if (!a || !b) return null;
  return Math.round((utc(b).getTime() - utc(a).getTime()) / 86_400_000);
}

function formatDay(date: string, options: Intl.DateTimeFormatOptions, locales: Locales): string {
  const day = parseDay(date);
  if (!day) return date;
  return new Intl.DateTimeFormat(locales, { ...options, timeZone: 'UTC' }).format(utc(day));
}

function utc(day: CalendarDate): Date {
  const moment = new Date(0);
  moment.setUTCFullYear(day.year, day.month - 1, day.day);
  return moment;
}
