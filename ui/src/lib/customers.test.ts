// The Customers view's state: asking the core for pages of the list, refreshing after a change,
// and turning the Filters form into a query.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { customerSummary } from '../test-fixtures';
import {
  activeFilterCount,
  CustomerBook,
  customerFilter,
  filterFields,
  isFiltered,
  NO_FILTERS,
  PAGE_SIZE,
  sameFilter,
} from './customers.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const names = (list: { name: string }[]) => list.map((c) => c.name);
const page = (total: number, ...rowNames: string[]) => ({ total, items: rowNames.map((name) => customerSummary({ name })) });

describe('CustomerBook', () => {
  beforeEach(() => {
    invokeMock.mockReset();
    vi.mocked(isTauri).mockReturnValue(true);
  });

  it('starts loading, then holds the first page the core returned', async () => {
    const result = page(1, 'Anna Berg');
    invokeMock.mockResolvedValue(result);
    const book = new CustomerBook();
    expect(book.state).toEqual({ status: 'loading' });
    await book.load({ sort: 'name' });
    expect(book.state).toEqual({ status: 'ready', filter: { sort: 'name' }, total: 1, items: result.items });
    expect(invokeMock).toHaveBeenCalledWith('query_customers', { query: { sort: 'name', offset: 0, limit: PAGE_SIZE } });
  });

  it('holds the report when the core cannot read the customers', async () => {
    const report = { kind: 'store-corrupt-record', field: null, message: 'Record 3 is damaged.' };
    invokeMock.mockRejectedValue(report);
    const book = new CustomerBook();
    await book.load();
    expect(book.state).toEqual({ status: 'failed', report });
  });

  it('refreshes the same query from the core without passing through loading', async () => {
    invokeMock.mockResolvedValueOnce(page(1, 'Anna'));
    const book = new CustomerBook();
    await book.load({ sort: 'created', text: 'a' });
    invokeMock.mockResolvedValueOnce(page(2, 'Anna', 'Bo'));
    const refreshing = book.refresh();
    expect(book.state.status).toBe('ready');
    await refreshing;
    expect(book.state.status === 'ready' && names(book.state.items)).toEqual(['Anna', 'Bo']);
    expect(invokeMock).toHaveBeenLastCalledWith('query_customers', {
      query: { sort: 'created', text: 'a', offset: 0, limit: PAGE_SIZE },
    });
  });

  it('appends the next page after the rows already fetched, one request at a time', async () => {
    invokeMock.mockResolvedValueOnce(page(3, 'Anna', 'Bo'));
    const book = new CustomerBook();
    await book.load({ sort: 'name', tag: 'vip' });
    invokeMock.mockResolvedValueOnce(page(3, 'Cleo'));
    const first = book.more();
    const second = book.more();
    await Promise.all([first, second]);
    expect(invokeMock).toHaveBeenCalledTimes(2);
    expect(invokeMock).toHaveBeenLastCalledWith('query_customers', {
      query: { sort: 'name', tag: 'vip', offset: 2, limit: PAGE_SIZE },
    });
    expect(book.state.status === 'ready' && names(book.state.items)).toEqual(['Anna', 'Bo', 'Cleo']);
    await book.more();
    expect(invokeMock).toHaveBeenCalledTimes(2);
  });

  it('drops an answer that arrives after a newer query was asked', async () => {
    let answerOld: (value: unknown) => void = () => {};
    invokeMock.mockReturnValueOnce(new Promise((resolve) => (answerOld = resolve)));
    const book = new CustomerBook();
    const old = book.load({ sort: 'name', text: 'a' });
    invokeMock.mockResolvedValueOnce(page(1, 'Anna'));
    await book.show({ sort: 'name', text: 'an' });
    answerOld(page(2, 'Anna', 'Bo'));
    await old;
    expect(book.state.status === 'ready' && names(book.state.items)).toEqual(['Anna']);
  });

  it('keeps each customer once when rows moved between pages', async () => {
    const first = page(4, 'Anna', 'Bo');
    invokeMock.mockResolvedValueOnce(first);
    const book = new CustomerBook();
    await book.load();
    invokeMock.mockResolvedValueOnce({ total: 4, items: [first.items[1], customerSummary({ name: 'Cleo' })] });
    await book.more();
    expect(book.state.status === 'ready' && names(book.state.items)).toEqual(['Anna', 'Bo', 'Cleo']);
    expect(book.state.status === 'ready' && book.state.total).toBe(4);
  });

  it('stops asking for more when a page comes back empty', async () => {
    invokeMock.mockResolvedValueOnce(page(5, 'Anna'));
    const book = new CustomerBook();
    await book.load();
    invokeMock.mockResolvedValueOnce(page(5));
    await book.more();
    expect(book.state.status === 'ready' && book.state.total).toBe(1);
  });
});

describe('customerFilter', () => {
  it('sends only the sort when nothing is asked', () => {
    expect(customerFilter('  ', 'last-contacted', NO_FILTERS)).toEqual({ sort: 'last-contacted' });
  });

  it('sends every filter that is set, trimmed', () => {
    expect(
      customerFilter(' anna  berg ', 'name', {
        tag: ' vip ',
        status: 'lapsed',
        channel: 'whatsapp',
        city: 'Malmö ',
        country: ' Sweden',
        source: ' fair',
        birthdayWithinDays: 7,
        notContactedForDays: 30.6,
      }),
    ).toEqual({
      sort: 'name',
      text: 'anna  berg',
      tag: 'vip',
      status: 'lapsed',
      channel: 'whatsapp',
      city: 'Malmö',
      country: 'Sweden',
      source: 'fair',
      birthday_within_days: 7,
      not_contacted_for_days: 30,
    });
  });

  it('ignores blank or negative day counts', () => {
    const filter = customerFilter('', 'name', { ...NO_FILTERS, birthdayWithinDays: undefined, notContactedForDays: -1 });
    expect(filter).toEqual({ sort: 'name' });
  });
});

describe('activeFilterCount and isFiltered', () => {
  it('counts the filters that are set', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, tag: 'vip', status: 'lead', birthdayWithinDays: 0 })).toBe(3);
    expect(activeFilterCount({ ...NO_FILTERS, city: '   ' })).toBe(0);
  });

  it('tells a filtered query from a search or a plain list', () => {
    expect(isFiltered({ sort: 'name' })).toBe(false);
    expect(isFiltered({ sort: 'name', text: 'anna' })).toBe(false);
    expect(isFiltered({ sort: 'name', city: 'Lund' })).toBe(true);
  });
});

describe('filterFields and sameFilter', () => {
  it("fills the search, sort and filters from a saved segment's query, and round-trips", () => {
    const query = { text: 'anna', tag: 'vip', country: 'Sweden', not_contacted_for_days: 60, sort: 'created' as const };
    const fields = filterFields(query);
    expect(fields).toEqual({
      text: 'anna',
      sort: 'created',
      form: { ...NO_FILTERS, tag: 'vip', country: 'Sweden', notContactedForDays: 60 },
    });
    expect(customerFilter(fields.text, fields.sort, fields.form)).toEqual(query);
  });

  it('compares queries by what they ask for, not by page, nulls or field order', () => {
    expect(sameFilter({ sort: 'name', tag: 'vip', city: null, offset: 0, limit: 200 }, { tag: 'vip', sort: 'name' })).toBe(true);
    expect(sameFilter({ sort: 'name', tag: 'vip' }, { sort: 'created', tag: 'vip' })).toBe(false);
    expect(sameFilter({ sort: 'name', tag: 'vip' }, { sort: 'name', tag: 'vip', city: 'Lund' })).toBe(false);
  });
});
