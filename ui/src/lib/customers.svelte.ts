// The Customers view's state: the pages of the list the core returned for what the owner asked
// (search, filters, sort), or why they could not be read. It renders what the core decided and
// never sorts or filters itself: every change asks the core again, so the rules live in one
// place (`query_customers`). Rows are fetched a page at a time and kept as the owner scrolls.
import { asApiError, queryCustomers } from './api';
import type { Channel } from './bindings/Channel';
import type { CustomerQuery } from './bindings/CustomerQuery';
import type { CustomerStatus } from './bindings/CustomerStatus';
import type { CustomerSummary } from './bindings/CustomerSummary';
import type { ErrorReport } from './bindings/ErrorReport';
import type { SortBy } from './bindings/SortBy';

/** Rows asked for at a time. */
export const PAGE_SIZE = 200;

/** What the owner asked for: a query without its page. */
export type CustomerFilter = Omit<CustomerQuery, 'offset' | 'limit'>;

export type CustomersState =
  | { status: 'loading' }
  | { status: 'ready'; filter: CustomerFilter; total: number; items: CustomerSummary[] }
  | { status: 'failed'; report: ErrorReport };

/** The Filters form as typed: empty text, '' or a blank number mean "any". */
export interface FilterForm {
  tag: string;
  status: CustomerStatus | '';
  channel: Channel | '';
  city: string;
  country: string;
  source: string;
  birthdayWithinDays: number | null | undefined;
  notContactedForDays: number | null | undefined;
}

export const NO_FILTERS: FilterForm = Object.freeze({
  tag: '',
  status: '',
  channel: '',
  city: '',
  country: '',
  source: '',
  birthdayWithinDays: null,
  notContactedForDays: null,
});

/** The query for the search text, sort and filters; fields left as "any" are not sent. */
export function customerFilter(text: string, sort: SortBy, form: FilterForm): CustomerFilter {
  const filter: CustomerFilter = { sort };
  const words = text.trim();
  if (words !== '') filter.text = words;
  const tag = form.tag.trim();
  if (tag !== '') filter.tag = tag;
  if (form.status !== '') filter.status = form.status;
  if (form.channel !== '') filter.channel = form.channel;
  const city = form.city.trim();
  if (city !== '') filter.city = city;
  const country = form.country.trim();
  if (country !== '') filter.country = country;
  const source = form.source.trim();
  if (source !== '') filter.source = source;
  const birthday = days(form.birthdayWithinDays);
  if (birthday !== null) filter.birthday_within_days = birthday;
  const quiet = days(form.notContactedForDays);
  if (quiet !== null) filter.not_contacted_for_days = quiet;
  return filter;
}

/** How many filters of the form are set (the search text and sort are not filters). */
export function activeFilterCount(form: FilterForm): number {
  return [
    form.tag.trim() !== '',
    form.status !== '',
    form.channel !== '',
    form.city.trim() !== '',
    form.country.trim() !== '',
    form.source.trim() !== '',
    days(form.birthdayWithinDays) !== null,
    days(form.notContactedForDays) !== null,
  ].filter(Boolean).length;
}

/** Whether `filter` narrows the list beyond its search text (the sort does not narrow). */
export function isFiltered(filter: CustomerFilter): boolean {
  return Object.keys(filter).some((key) => key !== 'sort' && key !== 'text');
}

/**
 * The search text, sort and Filters form that ask for `query`: the inverse of `customerFilter`,
 * so opening a saved segment fills the search box and filters with what it asks for.
 */
export function filterFields(query: CustomerQuery): { text: string; sort: SortBy; form: FilterForm } {
  return {
    text: query.text ?? '',
    sort: query.sort,
    form: {
      tag: query.tag ?? '',
      status: query.status ?? '',
      channel: query.channel ?? '',
      city: query.city ?? '',
      country: query.country ?? '',
      source: query.source ?? '',
      birthdayWithinDays: query.birthday_within_days ?? null,
      notContactedForDays: query.not_contacted_for_days ?? null,
    },
  };
}

/** `query` as this view would send it: no page, no empty or null fields, fields in one order. */
export function normalFilter(query: CustomerQuery): CustomerFilter {
  const { text, sort, form } = filterFields(query);
  return customerFilter(text, sort, form);
}

/** Whether two queries ask for the same customers in the same order (pages aside). */
export function sameFilter(a: CustomerQuery, b: CustomerQuery): boolean {
  return JSON.stringify(normalFilter(a)) === JSON.stringify(normalFilter(b));
}

/** The whole list in name order: what the view shows before the owner asks for anything. */
export const ALL_CUSTOMERS: CustomerFilter = Object.freeze({ sort: 'name' });

function days(value: number | null | undefined): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
  return Math.floor(value);
}

export class CustomerBook {
  state: CustomersState = $state.raw({ status: 'loading' });
  #filter: CustomerFilter = { sort: 'name' };
  #generation = 0;
  #fetchingMore = false;

  /** Shows "loading", then the first page for `filter` (by default, the last one asked for). */
  async load(filter: CustomerFilter = this.#filter): Promise<void> {
    this.state = { status: 'loading' };
    await this.show(filter);
  }

  /** Asks for the first page for `filter`, keeping the current list on screen until it arrives. */
  async show(filter: CustomerFilter): Promise<void> {
    this.#filter = filter;
    const generation = ++this.#generation;
    this.#fetchingMore = false;
    try {
      const page = await queryCustomers({ ...filter, offset: 0, limit: PAGE_SIZE });
      if (generation !== this.#generation) return;
      this.state = { status: 'ready', filter, total: page.total, items: page.items };
    } catch (e) {
      if (generation !== this.#generation) return;
      this.state = { status: 'failed', report: asApiError(e).report };
    }
  }

  /** Reads the list again for the same search, filters and sort. */
  refresh(): Promise<void> {
    return this.show(this.#filter);
  }

  /** Fetches the next page and keeps it after the rows already fetched; one page at a time. */
  async more(): Promise<void> {
    const state = this.state;
    if (state.status !== 'ready' || this.#fetchingMore || state.items.length >= state.total) return;
    this.#fetchingMore = true;
    const generation = this.#generation;
    try {
      const page = await queryCustomers({ ...state.filter, offset: state.items.length, limit: PAGE_SIZE });
      if (generation !== this.#generation) return;
      // Rows can move between pages while scrolling (a note changes "last contacted"):
      // keep each customer once, where it was first fetched.
      const seen = new Set(state.items.map((c) => c.id));
      const fresh = page.items.filter((c) => !seen.has(c.id));
      const items = [...state.items, ...fresh];
      // A page that brings nothing new means the list shrank or shifted: stop asking.
      const total = fresh.length === 0 ? items.length : Math.max(page.total, items.length);
      this.state = { status: 'ready', filter: state.filter, total, items };
    } catch (e) {
      if (generation !== this.#generation) return;
      this.state = { status: 'failed', report: asApiError(e).report };
    } finally {
      if (generation === this.#generation) this.#fetchingMore = false;
    }
  }
}
