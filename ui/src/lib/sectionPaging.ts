// How much of each section of the daily list (Overdue, Today, Upcoming) is on screen: a page of
// 50 at first, 50 more each time the owner asks, and what the button under a longer section says
// ("Show 50 more", "Show the last 20"). With tens of thousands of customers a section can hold
// thousands of reminders; drawing them all takes seconds, and nobody acts on 7,000 at once.
// The counts are the owner's: they hold while the list is read again (an item done drops out
// and the next one moves up into view, one put back by Undo pushes the last shown one down),
// and start over at one page on another day. Which items, and their order, stay the core's.
// Pure: no DOM, no state.
import type { When } from './bindings/When';
import { formatNumber } from './money';

type Locales = string | string[] | undefined;

/** How many items a section shows at first, and how many more each "Show more" adds. */
export const PAGE = 50;

/** How many items of each section the owner has asked to see, on the list of one day. */
export interface Paging {
  /** The agenda date the counts were asked on; on any other day every section shows one page. */
  readonly date: string | null;
  /** Per section, how many to show (never less than a page); a section not here shows one page. */
  readonly asked: Readonly<Partial<Record<When, number>>>;
}

/** Nothing asked yet: every section shows one page. */
export const FIRST_PAGES: Paging = { date: null, asked: {} };

/** What the owner asked for on `date`: nothing when the counts were asked on another day. */
function askedOn(paging: Paging, date: string): Readonly<Partial<Record<When, number>>> {
  return paging.date === date ? paging.asked : {};
}

function whole(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}

/**
 * How many of a section's `total` items to show on the list of `date`: what was asked on that
 * day (one page when nothing was, or it was another day), never more than there are. A section
 * that shrank shows all it has left; grown back the same day, it shows what was asked again.
 */
export function shownCount(paging: Paging, date: string, section: When, total: number, page = PAGE): number {
  const size = Math.max(1, whole(page));
  const asked = askedOn(paging, date)[section] ?? size;
  return Math.min(Math.max(size, whole(asked)), whole(total));
}

/** `paging` with `section` asked to show `count` on `date` (other sections kept if the same day). */
function withAsked(paging: Paging, date: string, section: When, count: number, page: number): Paging {
  const size = Math.max(1, whole(page));
  return { date, asked: { ...askedOn(paging, date), [section]: Math.max(size, whole(count)) } };
}

/** "Show more": one more page of the section (or the rest, when fewer remain). */
export function showMore(paging: Paging, date: string, section: When, total: number, page = PAGE): Paging {
  const shown = shownCount(paging, date, section, total, page);
  return withAsked(paging, date, section, Math.min(whole(total), shown + Math.max(1, whole(page))), page);
}

/**
 * Enough of the section shown that its item at `index` is on screen (an item Undo put back
 * where it was, beyond what is shown); `paging` itself when it already is.
 */
export function reveal(paging: Paging, date: string, section: When, index: number, total: number, page = PAGE): Paging {
  const at = whole(index);
  if (at >= whole(total) || at < shownCount(paging, date, section, total, page)) return paging;
  return withAsked(paging, date, section, at + 1, page);
}

/** The words for a section's reminders, for a button's name. */
const REMINDERS: Record<When, { many: string; one: string }> = {
  overdue: { many: 'overdue reminders', one: 'an overdue reminder' },
  today: { many: 'reminders for today', one: 'a reminder for today' },
  upcoming: { many: 'upcoming reminders', one: 'an upcoming reminder' },
};

/**
 * What the button under a section says. `visible` is the button's text; `name`, its accessible
 * name, starts with those words and goes on to say which section and how many are left, as the
 * list's other buttons do ("Done" is "Done: Anna Berg’s birthday"): "Show 50 more" is "Show 50
 * more overdue reminders (7,834 not shown yet)"; when fewer than a page remain, "Show the last
 * 20" is "Show the last 20 reminders for today"; for the very last, "Show the last one" is
 * "Show the last one, an upcoming reminder".
 */
export interface MoreButton {
  visible: string;
  name: string;
}

/** The button under a section showing `shown` of its `total` items; null when all are shown. */
export function moreButton(section: When, shown: number, total: number, page = PAGE, locales?: Locales): MoreButton | null {
  const size = Math.max(1, whole(page));
  const remaining = whole(total) - Math.min(whole(shown), whole(total));
  if (remaining === 0) return null;
  const words = REMINDERS[section];
  const button = (visible: string, rest: string): MoreButton => ({ visible, name: visible + rest });
  if (remaining === 1) return button('Show the last one', `, ${words.one}`);
  if (remaining < size) return button(`Show the last ${formatNumber(remaining, locales)}`, ` ${words.many}`);
  return button(`Show ${formatNumber(size, locales)} more`, ` ${words.many} (${formatNumber(remaining, locales)} not shown yet)`);
}
