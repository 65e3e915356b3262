// The typed commands call the right Tauri command and turn every rejection into an ApiError.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { addCustomer, ApiError, listCustomers } from './api';
import { storedCustomer } from '../test-fixtures';
import type { CustomerDraft } from './bindings/CustomerDraft';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn() }));

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

describe('listCustomers', () => {
  it('calls list_customers and returns the customers', async () => {
    invokeMock.mockResolvedValue([anna]);
    await expect(listCustomers()).resolves.toEqual([anna]);
    expect(invokeMock).toHaveBeenCalledWith('list_customers', undefined);
  });

  it('turns an ErrorReport rejection into an ApiError carrying it', async () => {
    const report = { kind: 'already-open', field: null, message: 'Another Regulars has the store open.' };
    invokeMock.mockRejectedValue(report);
    const error = await rejection(listCustomers());
    expect(error.report).toEqual(report);
    expect(error.message).toBe('Another Regulars has the store open.');
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

describe('outside the app', () => {
  it('fails with an internal error and does not invoke anything', async () => {
    vi.mocked(isTauri).mockReturnValue(false);
    const error = await rejection(listCustomers());
    expect(error.report.kind).toBe('internal');
    expect(error.report.message).toMatch(/not running inside the Regulars app/);
    expect(invokeMock).not.toHaveBeenCalled();
  });
});
