// How the insights read: the RFM segments in words with what each means, a customer's rhythm
// ("Usually orders every 14 days; last order 3 Nov"), seasonal habits ("Orders every November,
// around the 20th"), shares and lifts, month names and breakdown buckets, and the few figures a
// view shows that are plain tallies of the core's rows (customers per segment, the overview's
// totals). Display only: every score, rank, rhythm and amount is the core's.
import type { Insights } from './bindings/Insights';
import type { Rhythm } from './bindings/Rhythm';
import type { RfmSegment } from './bindings/RfmSegment';
import type { SeasonalHabit } from './bindings/SeasonalHabit';
import { CHANNELS, labelFor } from './labels';

type Locales = string | string[] | undefined;

/** The segments from best to gone, in the owner's words, with what each means in one line. */
export const SEGMENTS: readonly { value: RfmSegment; label: string; meaning: string }[] = [
  { value: 'champions', label: 'Champion', meaning: 'Ordered recently, orders often and spends the most.' },
  { value: 'loyal', label: 'Loyal', meaning: 'Orders often and spends well, and has ordered fairly recently.' },
  { value: 'potential', label: 'Promising', meaning: 'A recent customer who already buys a fair amount: could become loyal.' },
  { value: 'new', label: 'New', meaning: 'Ordered recently, but only a little so far.' },
  { value: 'at-risk', label: 'At risk', meaning: 'Used to buy a fair amount, but has not ordered lately.' },
  { value: 'cant-lose', label: "Can't lose", meaning: 'Was among your best customers, but has not ordered lately.' },
  { value: 'hibernating', label: 'Hibernating', meaning: 'Bought a little, a while ago.' },
  { value: 'lost', label: 'Lost', meaning: 'Bought a little, long ago.' },
];

export function segmentLabel(segment: RfmSegment): string {
  return labelFor(SEGMENTS, segment);
}

export function segmentMeaning(segment: RfmSegment): string {
  return SEGMENTS.find((s) => s.value === segment)?.meaning ?? '';
}

/** "every day", "every 14 days". */
export function everyDays(days: number, locales?: Locales): string {
  return days === 1 ? 'every day' : `every ${new Intl.NumberFormat(locales).format(days)} days`;
}

/** "1 day", "70 days". */
export function dayCount(days: number, locales?: Locales): string {
  return `${new Intl.NumberFormat(locales).format(days)} ${days === 1 ? 'day' : 'days'}`;
}

/** "Usually orders every 14 days; last order 3 Nov" (the year shown when it is not `asOf`'s). */
export function rhythmText(rhythm: Rhythm, asOf: string, locales?: Locales): string {
  return `Usually orders ${everyDays(rhythm.usual_gap_days, locales)}; last order ${shortDate(rhythm.last_order, asOf, locales)}`;
}

/** "Orders every November, around the 20th (3 years)". */
export function habitText(habit: SeasonalHabit, locales?: Locales): string {
  const years = habit.years === 1 ? '1 year' : `${new Intl.NumberFormat(locales).format(habit.years)} years`;
  return `Orders every ${monthName(habit.month, locales)}, around the ${ordinal(habit.typical_day)} (${years})`;
}

/** The core's clause ("usually every 14 days; 70 days since the last order") as a sentence. */
export function sentence(clause: string): string {
  const text = clause.trim();
  if (text === '') return text;
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** "November" for 11. */
export function monthName(month: number, locales?: Locales): string {
  return new Intl.DateTimeFormat(locales, { month: 'long', timeZone: 'UTC' }).format(utc(2000, month, 1));
}

/** "Nov" for 11: a month chart's labels. */
export function shortMonthName(month: number, locales?: Locales): string {
  return new Intl.DateTimeFormat(locales, { month: 'short', timeZone: 'UTC' }).format(utc(2000, month, 1));
}

/** The month after `asOf`'s (`YYYY-MM-DD`), 1–12: the one "Coming up" is about. */
export function nextMonth(asOf: string): number {
  const month = Number(asOf.slice(5, 7));
  return month >= 1 && month <= 12 ? (month % 12) + 1 : 1;
}

/** A `2026-11` month as "Nov 2026". */
export function monthOfYear(month: string, locales?: Locales): string {
  const parts = /^(\d{4})-(\d{2})$/.exec(month);
  if (!parts) return month;
  return new Intl.DateTimeFormat(locales, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    utc(Number(parts[1]), Number(parts[2]), 1),
  );
}

/** A `YYYY-MM-DD` day as "3 Nov", or "3 Nov 2024" when not in `asOf`'s year. */
export function shortDate(date: string, asOf: string, locales?: Locales): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!parts) return date;
  const [y, m, d] = parts.slice(1).map(Number);
  return new Intl.DateTimeFormat(locales, {
    day: 'numeric',
    month: 'short',
    year: asOf.slice(0, 4) === parts[1] ? undefined : 'numeric',
    timeZone: 'UTC',
  }).format(utc(y, m, d));
}

/** A `YYYY-MM-DD` day as "3 November 2025". */
export function longDate(date: string, locales?: Locales): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!parts) return date;
  const [y, m, d] = parts.slice(1).map(Number);
  return new Intl.DateTimeFormat(locales, { dateStyle: 'long', timeZone: 'UTC' }).format(utc(y, m, d));
}

/** A share from the core (0.25) as a percentage: "25%". */
export function percent(share: number, locales?: Locales): string {
  return new Intl.NumberFormat(locales, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A lift (1.8) as "1.8×". */
export function liftText(lift: number, locales?: Locales): string {
  return `${new Intl.NumberFormat(locales, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(lift)}×`;
}

/** The dimensions a breakdown can be by, in the order offered. */
export const BREAKDOWNS = [
  { key: 'by_city', label: 'City', unknown: 'No city' },
  { key: 'by_country', label: 'Country', unknown: 'No country' },
  { key: 'by_tag', label: 'Tag', unknown: 'No tags' },
  { key: 'by_source', label: 'Source', unknown: 'Source not known' },
  { key: 'by_channel', label: 'Preferred channel', unknown: 'No preferred channel' },
] as const;

export type BreakdownKey = (typeof BREAKDOWNS)[number]['key'];

/** A bucket's name: the city or tag as stored, a channel in words, or what an empty one means. */
export function bucketName(breakdown: BreakdownKey, key: string | null): string {
  const dimension = BREAKDOWNS.find((b) => b.key === breakdown)!;
  if (key === null) return dimension.unknown;
  return breakdown === 'by_channel' ? labelFor(CHANNELS, key) : key;
}

function ordinal(day: number): string {
  const suffix = { one: 'st', two: 'nd', few: 'rd', other: 'th' } as const;
  const rule = new Intl.PluralRules('en', { type: 'ordinal' }).select(day) as keyof typeof suffix;
  return `${day}${suffix[rule] ?? 'th'}`;
}

function utc(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** The overview's figures: customers with orders, their orders and spending, and how many are drifting. */
export function insightsSummary(insights: Insights): { customers: number; orders: number; revenueMinor: number; drifting: number } {
  return {
    customers: insights.lifetime.length,
    orders: insights.lifetime.reduce((sum, l) => sum + l.orders, 0),
    revenueMinor: insights.lifetime.reduce((sum, l) => sum + l.total_minor, 0),
    drifting: insights.order_drops.length,
  };
}

/** How many customers are in each segment, best segment first (empty ones included). */
export function segmentCounts(insights: Insights): { segment: RfmSegment; label: string; meaning: string; customers: number }[] {
  return SEGMENTS.map((s) => ({
    segment: s.value,
    label: s.label,
    meaning: s.meaning,
    customers: insights.rfm.filter((r) => r.segment === s.value).length,
  }));
}
