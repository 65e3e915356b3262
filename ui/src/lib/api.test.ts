// The typed commands call the right Tauri command and turn every rejection into an ApiError.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke, isTauri } from '@tauri-apps/api/core';
import {
  addCustomer,
  addOrder,
  addProduct,
  agenda,
  ApiError,
  archiveCustomer,
  bulkEdit,
  customerInsight,
  deleteCustomer,
  deleteOrder,
  deleteSegment,
  findCustomers,
  getCustomer,
  getSettings,
  importOrdersFile,
  insights,
  listArchivedCustomers,
  listOrders,
  listProducts,
  listSegments,
  logInteraction,
  matchingCustomerIds,
  messageLinks,
  openExternal,
  queryCustomers,
  quickNoteDraft,
  reminderDismiss,
  reminderDone,
  reminderSnooze,
  reminderUndo,
  renderMessage,
  restoreCustomer,
  saveQuickNoteDraft,
  saveSegment,
  saveSettings,
  seedDemo,
  sendMessage,
  timeline,
  updateCustomer,
  updateOrder,
  updateProduct,
  updateSegment,
} from './api';
import { agendaItem, defaultSettings, storedCustomer, summaryOf } from '../test-fixtures';
import type { CustomerDraft } from './bindings/CustomerDraft';

// Channel: a minimal stand-in for the IPC channel some commands take (it only holds `onmessage`).
vi.mock('@tauri-apps/api/core', () => ({
  invoke: vi.fn(),
  isTauri: vi.fn(),
  Channel: class {
    onmessage: (message: unknown) => void = () => {};
  },
}));

const invokeMock = vi.mocked(invoke);

const anna = storedCustomer({ name: 'Anna Berg', emails: ['anna@example.com'] });

const draft: CustomerDraft = {
  name: 'Anna Berg',
  kind: 'person',
  emails: ['anna@example.com'],
  phones: [],
  birthday: null,
  addresses: [],
  dates: [],
  tags: [],
  status: 'active',
  custom_fields: [],
};

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => expect.fail('the call should have failed'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

describe('rejections', () => {
  it('turns an ErrorReport rejection into an ApiError carrying it', async () => {
    const report = { kind: 'already-open', field: null, message: 'Another Regulars has the store open.' };
    invokeMock.mockRejectedValue(report);
    const error = await rejection(listArchivedCustomers());
    expect(error.report).toEqual(report);
    expect(error.message).toBe('Another Regulars has the store open.');
  });
});

describe('queryCustomers', () => {
  it('sends the query to query_customers and returns the page', async () => {
    const result = { total: 1234, items: [summaryOf(anna)] };
    invokeMock.mockResolvedValue(result);
    const query = { text: 'anna', tag: 'vip', sort: 'last-contacted' as const, offset: 200, limit: 200 };
    await expect(queryCustomers(query)).resolves.toEqual(result);
    expect(invokeMock).toHaveBeenCalledWith('query_customers', { query });
  });

  it('turns an ErrorReport rejection into an ApiError carrying it', async () => {
    const report = { kind: 'invalid', field: 'limit', message: 'Too many rows.' };
    invokeMock.mockRejectedValue(report);
    expect((await rejection(queryCustomers({ sort: 'name' }))).report).toEqual(report);
  });
});

describe('segments and bulk changes', () => {
  const segment = { id: 's1', name: 'VIPs', query: { tag: 'vip', sort: 'name' as const }, created_at: '2025-01-01T10:00:00Z' };
  const segmentDraft = { name: 'VIPs', query: segment.query };

  it('lists, saves, updates and deletes segments with the right commands', async () => {
    invokeMock.mockResolvedValueOnce([segment]);
    await expect(listSegments()).resolves.toEqual([segment]);
    expect(invokeMock).toHaveBeenLastCalledWith('list_segments', undefined);

    invokeMock.mockResolvedValueOnce(segment);
    await expect(saveSegment(segmentDraft)).resolves.toEqual(segment);
    expect(invokeMock).toHaveBeenLastCalledWith('save_segment', { draft: segmentDraft });

    invokeMock.mockResolvedValueOnce(segment);
    await expect(updateSegment('s1', segmentDraft)).resolves.toEqual(segment);
    expect(invokeMock).toHaveBeenLastCalledWith('update_segment', { id: 's1', draft: segmentDraft });

    invokeMock.mockResolvedValueOnce(null);
    await expect(deleteSegment('s1')).resolves.toBeUndefined();
    expect(invokeMock).toHaveBeenLastCalledWith('delete_segment', { id: 's1' });
  });

  it("keeps the field of a segment name's report", async () => {
    const report = { kind: 'invalid', field: 'name', message: 'a segment named “VIPs” already exists' };
    invokeMock.mockRejectedValue(report);
    expect((await rejection(saveSegment(segmentDraft))).report).toEqual(report);
  });

  it('asks for every matching id, and sends a bulk change with its ids', async () => {
    invokeMock.mockResolvedValueOnce(['a', 'b']);
    await expect(matchingCustomerIds({ tag: 'vip', sort: 'name' })).resolves.toEqual(['a', 'b']);
    expect(invokeMock).toHaveBeenLastCalledWith('matching_customer_ids', { query: { tag: 'vip', sort: 'name' } });

    invokeMock.mockResolvedValueOnce({ changed: 2 });
    await expect(bulkEdit(['a', 'b'], { action: 'add-tag', tag: 'vip' })).resolves.toEqual({ changed: 2 });
    expect(invokeMock).toHaveBeenLastCalledWith('bulk_edit', { ids: ['a', 'b'], change: { action: 'add-tag', tag: 'vip' } });
  });
});

describe('seedDemo', () => {
  it('asks seed_demo for that many sample customers and returns how many were added', async () => {
    invokeMock.mockResolvedValue(200);
    await expect(seedDemo(200)).resolves.toBe(200);
    expect(invokeMock).toHaveBeenCalledWith('seed_demo', { count: 200 });
  });

  it('turns an ErrorReport rejection into an ApiError carrying it', async () => {
    const report = { kind: 'already-open', field: null, message: 'Another Regulars has the store open.' };
    invokeMock.mockRejectedValue(report);
    expect((await rejection(seedDemo(5))).report).toEqual(report);
  });
});

describe('addCustomer', () => {
  it('sends the draft to add_customer and returns the stored customer', async () => {
    invokeMock.mockResolvedValue(anna);
    await expect(addCustomer(draft)).resolves.toEqual(anna);
    expect(invokeMock).toHaveBeenCalledWith('add_customer', { draft });
  });

  it('keeps the field of an invalid-input report', async () => {
    const report = { kind: 'invalid', field: 'emails[0]', message: 'is not an email address' };
    invokeMock.mockRejectedValue(report);
    const error = await rejection(addCustomer(draft));
    expect(error.report).toEqual(report);
  });

  it('reads a report without a field as having none', async () => {
    invokeMock.mockRejectedValue({ kind: 'write-failed', message: 'The disk is full.' });
    const error = await rejection(addCustomer(draft));
    expect(error.report).toEqual({ kind: 'write-failed', field: null, message: 'The disk is full.' });
  });

  it('wraps a plain string rejection as kind "internal" with that text', async () => {
    invokeMock.mockRejectedValue('command add_customer not found');
    const error = await rejection(addCustomer(draft));
    expect(error.report).toEqual({
      kind: 'internal',
      field: null,
      message: 'command add_customer not found',
    });
  });

  it('wraps a thrown Error as kind "internal" with its message', async () => {
    invokeMock.mockRejectedValue(new TypeError('IPC went away'));
    const error = await rejection(addCustomer(draft));
    expect(error.report).toEqual({ kind: 'internal', field: null, message: 'IPC went away' });
  });
});

describe('the other commands', () => {
  it('call the right command with the right arguments', async () => {
    const cases: [() => Promise<unknown>, string, Record<string, unknown> | undefined, unknown][] = [
      [() => listArchivedCustomers(), 'list_archived_customers', undefined, [anna]],
      [() => getCustomer('c1'), 'get_customer', { id: 'c1' }, anna],
      [() => updateCustomer('c1', draft), 'update_customer', { id: 'c1', draft }, anna],
      [() => archiveCustomer('c1'), 'archive_customer', { id: 'c1' }, anna],
      [() => restoreCustomer('c1'), 'restore_customer', { id: 'c1' }, anna],
      [() => timeline('c1'), 'timeline', { id: 'c1' }, []],
      [() => quickNoteDraft(), 'quick_note_draft', undefined, 'draft'],
      [() => findCustomers('ann', 8), 'find_customers', { query: 'ann', limit: 8 }, []],
    ];
    for (const [run, command, args, answer] of cases) {
      invokeMock.mockReset();
      invokeMock.mockResolvedValue(answer);
      await expect(run()).resolves.toEqual(answer);
      expect(invokeMock).toHaveBeenCalledWith(command, args);
    }
  });

  it('logs an interaction with the customer id in camelCase, as Tauri expects', async () => {
    invokeMock.mockResolvedValue('i1');
    const note = { kind: 'call' as const, text: 'Hi', follow_up: '2025-12-01' };
    await expect(logInteraction('c1', note)).resolves.toBe('i1');
    expect(invokeMock).toHaveBeenCalledWith('log_interaction', { customerId: 'c1', draft: note });
  });

  it('deletes, saves the draft and opens links, resolving to nothing', async () => {
    invokeMock.mockResolvedValue(null);
    await expect(deleteCustomer('c1')).resolves.toBeUndefined();
    expect(invokeMock).toHaveBeenCalledWith('delete_customer', { id: 'c1' });
    await expect(saveQuickNoteDraft('{}')).resolves.toBeUndefined();
    expect(invokeMock).toHaveBeenCalledWith('save_quick_note_draft', { text: '{}' });
    await expect(openExternal('mailto:anna@example.com')).resolves.toBeUndefined();
    expect(invokeMock).toHaveBeenCalledWith('plugin:opener|open_url', { url: 'mailto:anna@example.com' });
  });

  it('turn rejections into ApiErrors', async () => {
    const report = { kind: 'not-found', field: null, message: 'No such customer.' };
    invokeMock.mockRejectedValue(report);
    expect((await rejection(getCustomer('c9'))).report).toEqual(report);
    expect((await rejection(deleteCustomer('c9'))).report).toEqual(report);
    invokeMock.mockRejectedValue({ kind: 'invalid', field: 'follow_up', message: 'is not a date' });
    expect((await rejection(logInteraction('c1', { kind: 'note', text: 'x' }))).report.field).toBe('follow_up');
  });
});

describe('reminders and settings', () => {
  it('call the right command with the right arguments', async () => {
    const today = { date: '2025-11-24', items: [agendaItem({ customer_name: 'Anna Berg' })] };
    const settings = defaultSettings();
    const cases: [() => Promise<unknown>, string, Record<string, unknown> | undefined, unknown, unknown][] = [
      [() => agenda(), 'agenda', undefined, today, today],
      [() => reminderDone('birthday/c1/2025'), 'reminder_done', { key: 'birthday/c1/2025' }, null, undefined],
      [() => reminderDismiss('k'), 'reminder_dismiss', { key: 'k' }, null, undefined],
      [() => reminderSnooze('k', '2025-11-25'), 'reminder_snooze', { key: 'k', until: '2025-11-25' }, null, undefined],
      [() => reminderUndo(), 'reminder_undo', undefined, { key: 'k' }, { key: 'k' }],
      [() => reminderUndo(), 'reminder_undo', undefined, null, null],
      [() => getSettings(), 'get_settings', undefined, settings, settings],
      [() => saveSettings(settings), 'save_settings', { settings }, settings, settings],
    ];
    for (const [run, command, args, answer, result] of cases) {
      invokeMock.mockReset();
      invokeMock.mockResolvedValue(answer);
      await expect(run()).resolves.toEqual(result);
      expect(invokeMock).toHaveBeenCalledWith(command, args);
    }
  });

  it('keep the field of an invalid snooze day or setting, and the conflict of an undo', async () => {
    invokeMock.mockRejectedValue({ kind: 'invalid', field: 'until', message: 'Choose a day after today.' });
    expect((await rejection(reminderSnooze('k', '2025-11-24'))).report.field).toBe('until');
    invokeMock.mockRejectedValue({ kind: 'invalid', field: 'reminders.missed_days', message: 'Too many days.' });
    expect((await rejection(saveSettings(defaultSettings()))).report.field).toBe('reminders.missed_days');
    invokeMock.mockRejectedValue({ kind: 'conflict', field: null, message: 'Anna Berg changed since.' });
    expect((await rejection(reminderUndo())).report.kind).toBe('conflict');
  });
});

describe('messages', () => {
  it('render, link and log a message with the customer id in camelCase', async () => {
    const links = { mailto: 'mailto:anna@example.com?subject=Hi',  };
    const rendered = { subject: 'Hi', body: 'Dear Anna', channel: 'email', links, unavailable: [] };
    const sent = { channel: 'email' as const, subject: 'Hi', body: 'Dear Anna', reminder_key: 'birthday/c1/2025' };
    const cases: [() => Promise<unknown>, string, Record<string, unknown>, unknown][] = [
      [() => renderMessage('c1', 'birthday'), 'render_message', { customerId: 'c1', occasion: 'birthday' }, rendered],
      [() => messageLinks('c1', 'Hi', 'Dear Anna'), 'message_links', { customerId: 'c1', subject: 'Hi', body: 'Dear Anna' }, links],
      [() => sendMessage('c1', sent), 'send_message', { customerId: 'c1', message: sent }, 'i1'],
    ];
    for (const [run, command, args, answer] of cases) {
      invokeMock.mockReset();
      invokeMock.mockResolvedValue(answer);
      await expect(run()).resolves.toEqual(answer);
      expect(invokeMock).toHaveBeenCalledWith(command, args);
    }
  });

  it('turn rejections into ApiErrors', async () => {
    invokeMock.mockRejectedValue({ kind: 'not-found', field: null, message: 'No such customer.' });
    expect((await rejection(sendMessage('c9', { subject: '', body: 'Hi' }))).report.kind).toBe('not-found');
  });
});

describe('orders, products and insights', () => {
  const order = {
    id: 'o1',
    customer_id: 'c1',
    date: '2025-11-03',
    currency: 'EUR',
    lines: [{ product_id: 'p1', product: 'Bread', quantity: 2, unit_price_minor: 450 }],
    note: null,
    created_at: '2025-11-03T11:00:00Z',
    updated_at: '2025-11-03T11:00:00Z',
    total: { minor: 900, currency: 'EUR' },
  };
  const orderDraft = { date: '2025-11-03', currency: 'EUR', lines: [{ product: 'Bread', quantity: '2', unit_price: null }], note: null };
  const product = {
    id: 'p1',
    name: 'Bread',
    category: 'Bakery',
    unit_price: { minor: 450, currency: 'EUR' },
    active: true,
    created_at: '2025-11-03T11:00:00Z',
    updated_at: '2025-11-03T11:00:00Z',
  };
  const productDraft = { name: 'Bread', category: 'Bakery', unit_price: '4.50', currency: null, active: true };

  it('call the right command with the customer id in camelCase, as Tauri expects', async () => {
    const cases: [() => Promise<unknown>, string, Record<string, unknown> | undefined, unknown, unknown][] = [
      [() => addOrder('c1', orderDraft), 'add_order', { customerId: 'c1', draft: orderDraft }, order, order],
      [() => updateOrder('o1', orderDraft), 'update_order', { id: 'o1', draft: orderDraft }, order, order],
      [() => deleteOrder('o1'), 'delete_order', { id: 'o1' }, null, undefined],
      [() => listOrders('c1'), 'list_orders', { customerId: 'c1' }, [order], [order]],
      [() => listProducts(), 'list_products', undefined, [product], [product]],
      [() => addProduct(productDraft), 'add_product', { draft: productDraft }, product, product],
      [() => updateProduct('p1', productDraft), 'update_product', { id: 'p1', draft: productDraft }, product, product],
      [() => insights(null), 'insights', { asOf: null }, { as_of: '2025-11-24' }, { as_of: '2025-11-24' }],
      [() => insights('2024-12-31'), 'insights', { asOf: '2024-12-31' }, { as_of: '2024-12-31' }, { as_of: '2024-12-31' }],
      [() => customerInsight('c1'), 'customer_insight', { customerId: 'c1' }, { customer_id: 'c1' }, { customer_id: 'c1' }],
    ];
    for (const [run, command, args, answer, result] of cases) {
      invokeMock.mockReset();
      invokeMock.mockResolvedValue(answer);
      await expect(run()).resolves.toEqual(result);
      expect(invokeMock).toHaveBeenCalledWith(command, args);
    }
  });

  it("keeps the field of an order line's report", async () => {
    const report = { kind: 'invalid', field: 'lines[1].quantity', message: '“two” is not a whole number above 0' };
    invokeMock.mockRejectedValue(report);
    expect((await rejection(addOrder('c1', orderDraft))).report).toEqual(report);
    invokeMock.mockRejectedValue({ kind: 'invalid', field: 'name', message: '“Bread” is already in the catalogue' });
    expect((await rejection(addProduct(productDraft))).report.field).toBe('name');
    invokeMock.mockRejectedValue({ kind: 'invalid', field: 'as_of', message: 'is not a date' });
    expect((await rejection(insights('soon'))).report.field).toBe('as_of');
  });

  it('imports a chosen CSV file by its token, dry run or not, and reads its counts as numbers', async () => {
    invokeMock.mockResolvedValue({
      imported: 3,
      skipped: 1,
      errors: [{ line: 4, message: 'quantity: “two” is not a whole number above 0' }],
      unmatched: [{ line: 6, message: 'no customer named Dora Nyman' }],
      orders: 2,
      new_products: ['Butter'],
      dry_run: true,
    });
    await expect(importOrdersFile('tok-1', true)).resolves.toEqual({
      imported: 3,
      skipped: 1,
      orders: 2,
      errors: [{ line: 4, message: 'quantity: “two” is not a whole number above 0' }],
      unmatched: [{ line: 6, message: 'no customer named Dora Nyman' }],
      new_products: ['Butter'],
      dry_run: true,
    });
    expect(invokeMock).toHaveBeenCalledWith('import_orders_file', { token: 'tok-1', dryRun: true });
    await importOrdersFile('tok-1', false);
    expect(invokeMock).toHaveBeenLastCalledWith('import_orders_file', { token: 'tok-1', dryRun: false });
  });

  it('keeps the field of a file it cannot read, and of a token it does not know', async () => {
    invokeMock.mockRejectedValue({ kind: 'invalid', field: 'file', message: 'no column “product”' });
    expect((await rejection(importOrdersFile('tok-1', true))).report.field).toBe('file');
    invokeMock.mockRejectedValue({ kind: 'not-found', field: 'file', message: 'no chosen file tok-9' });
    expect((await rejection(importOrdersFile('tok-9', true))).report).toEqual({ kind: 'not-found', field: 'file', message: 'no chosen file tok-9' });
  });
});

describe('outside the app', () => {
  it('fails with an internal error and does not invoke anything', async () => {
    vi.mocked(isTauri).mockReturnValue(false);
    const error = await rejection(listArchivedCustomers());
    expect(error.report.kind).toBe('internal');
    expect(error.report.message).toMatch(/not running inside the Regulars app/);
    expect(invokeMock).not.toHaveBeenCalled();
  });
});
