// The Customers view's state: loading from the core and refreshing after a change.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { storedCustomer } from '../test-fixtures';
import { CustomerBook } from './customers.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const names = (list: { name: string }[]) => list.map((c) => c.name);

describe('CustomerBook', () => {
  beforeEach(() => {
    vi.mocked(invoke).mockReset();
    vi.mocked(isTauri).mockReturnValue(true);
  });

  it('starts loading, then holds the customers the core returned', async () => {
    const anna = storedCustomer({ name: 'Anna Berg' });
    vi.mocked(invoke).mockResolvedValue([anna]);
    const book = new CustomerBook();
    expect(book.state).toEqual({ status: 'loading' });
    await book.load();
    expect(book.state).toEqual({ status: 'ready', customers: [anna] });
  });

  it('holds the report when the core cannot read the customers', async () => {
    const report = { kind: 'store-corrupt-record', field: null, message: 'Record 3 is damaged.' };
    vi.mocked(invoke).mockRejectedValue(report);
    const book = new CustomerBook();
    await book.load();
    expect(book.state).toEqual({ status: 'failed', report });
  });

  it('refreshes from the core without passing through loading', async () => {
    vi.mocked(invoke).mockResolvedValueOnce([storedCustomer({ name: 'Anna' })]);
    const book = new CustomerBook();
    await book.load();
    vi.mocked(invoke).mockResolvedValueOnce([storedCustomer({ name: 'Anna' }), storedCustomer({ name: 'Bo' })]);
    const refreshing = book.refresh();
    expect(book.state.status).toBe('ready');
    await refreshing;
    expect(book.state.status === 'ready' && names(book.state.customers)).toEqual(['Anna', 'Bo']);
    expect(invoke).toHaveBeenLastCalledWith('list_customers', undefined);
  });
});
