// Importing orders from CSV: a picked file is read and dry-run first; the preview names the
// rows to import, the orders, the new products and every skipped row by its line; only then
// does "Import N orders" write, and the result is announced.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import OrderImport from './OrderImport.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

const CSV = [
  'email,customer,date,product,quantity,unit_price,order',
  'anna@example.com,Anna Berg,2025-11-03,Bread,2,4.50,A1',
  'anna@example.com,Anna Berg,2025-11-03,Butter,1,3.20,A1',
  ',Dora Nyman,2025-11-04,Bread,1,4.50,',
  'bo@example.com,Bo Ek,2025-11-05,Bread,two,4.50,',
  'bo@example.com,Bo Ek,2025-11-06,Stollen,1,15,',
].join('\n');

/** What the core says of CSV: 3 rows in 2 orders, Stollen new, line 4 unmatched, line 5 wrong. */
function report(dryRun: boolean) {
  return {
    imported: 3,
    skipped: 2,
    errors: [{ line: 5, message: 'quantity: “two” is not a whole number above 0' }],
    unmatched: [{ line: 4, message: 'no customer named Dora Nyman' }],
    orders: 2,
    new_products: ['Stollen'],
    dry_run: dryRun,
  };
}

function setup() {
  const announce = vi.fn();
  const onimported = vi.fn();
  render(OrderImport, { announce, onimported });
  return { announce, onimported, user: userEvent.setup(), input: screen.getByLabelText('CSV file') as HTMLInputElement };
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);
const file = (text = CSV, name = 'orders.csv') => new File([text], name, { type: 'text/csv' });

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  invokeMock.mockImplementation(async (command, args) =>
    command === 'import_orders' ? report((args as { dryRun: boolean }).dryRun) : null,
  );
});

describe('the help', () => {
  it('names the columns the file needs, and says nothing is written before the preview', () => {
    setup();
    const help = screen.getByLabelText('CSV file').getAttribute('aria-describedby')!.split(' ')[0];
    const text = document.getElementById(help)!.textContent!;
    for (const column of ['email', 'customer', 'date', 'product', 'quantity', 'unit_price', 'currency', 'category', 'order', 'note']) {
      expect(text).toContain(column);
    }
    expect(text).toContain('Nothing is written until you have seen what the file holds.');
  });
});

describe('importing', () => {
  it('previews a dry run with line numbers, then imports for real and says so', async () => {
    const { announce, onimported, user, input } = setup();
    await user.upload(input, file());

    const preview = await screen.findByRole('heading', { name: 'What orders.csv holds' });
    expect(calls('import_orders')).toEqual([{ csv: CSV, dryRun: true }]);
    const box = preview.parentElement!;
    expect(box).toHaveFocus();
    expect(box).toHaveTextContent('Ready to import 3 rows as 2 orders.');
    expect(box).toHaveTextContent('New to the catalogue: Stollen.');
    expect(box).toHaveTextContent('2 rows will be skipped.');
    const unmatched = within(box).getByRole('heading', { name: 'Rows that match no customer (1)' }).parentElement!;
    expect(within(unmatched).getByRole('listitem')).toHaveTextContent('Line 4 no customer named Dora Nyman');
    const errors = within(box).getByRole('heading', { name: 'Rows with errors (1)' }).parentElement!;
    expect(within(errors).getByRole('listitem')).toHaveTextContent('Line 5 quantity: “two” is not a whole number above 0');
    expect(onimported).not.toHaveBeenCalled();

    await user.click(within(box).getByRole('button', { name: 'Import 2 orders' }));

    expect(await screen.findByRole('heading', { name: 'Imported 2 orders' })).toBeInTheDocument();
    expect(calls('import_orders')).toEqual([
      { csv: CSV, dryRun: true },
      { csv: CSV, dryRun: false },
    ]);
    expect(screen.getByRole('heading', { name: 'Imported 2 orders' }).parentElement).toHaveTextContent(
      'From orders.csv: 3 rows imported, 2 rows skipped.',
    );
    expect(announce).toHaveBeenCalledWith('Imported 2 orders from orders.csv.');
    expect(onimported).toHaveBeenCalledTimes(1);
  });

  it('offers nothing to import when no row can be, and another file instead', async () => {
    invokeMock.mockResolvedValue({ ...report(true), imported: 0, skipped: 5, orders: 0, new_products: [] });
    const { user, input } = setup();
    await user.upload(input, file());
    expect(await screen.findByText('Nothing in this file can be imported yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Choose another file' }));
    expect(screen.queryByText('Nothing in this file can be imported yet.')).toBeNull();
    expect(input).toHaveFocus();
  });

  it('shows why a file cannot be read at all beside the file box', async () => {
    invokeMock.mockRejectedValue({ kind: 'invalid', field: 'file', message: 'the file has no “product” column' });
    const { user, input } = setup();
    await user.upload(input, file('name,date\nAnna,2025-11-03'));
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(input).toHaveAccessibleDescription(/the file has no “product” column/);
    expect(screen.queryByRole('heading', { name: /holds$/ })).toBeNull();
  });

  it('keeps the preview and says why when the import itself fails', async () => {
    invokeMock.mockImplementation(async (_, args) =>
      (args as { dryRun: boolean }).dryRun ? report(true) : Promise.reject({ kind: 'write-failed', field: null, message: 'The disk is full.' }),
    );
    const { onimported, user, input } = setup();
    await user.upload(input, file());
    await user.click(await screen.findByRole('button', { name: 'Import 2 orders' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The disk is full.');
    expect(screen.getByRole('button', { name: 'Import 2 orders' })).toBeEnabled();
    expect(onimported).not.toHaveBeenCalled();
  });
});
