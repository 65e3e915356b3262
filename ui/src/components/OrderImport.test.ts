// Importing orders from CSV: "Choose an orders file…" asks the app for the system's file dialog and gets
// back a token; the core dry-runs the file first and the preview names the rows to import, the
// orders, the new products and every skipped row by its line; only then does "Import N orders"
// write, and the result is announced.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChosenFile } from '../lib/bindings/ChosenFile';
import { chosenFile } from '../test-fixtures';
import OrderImport from './OrderImport.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

const ORDERS = chosenFile({ token: 'file-7', name: 'orders.csv', bytes: 12_300 });

/** What the system's file dialog answers next: a file, or null when the owner closes it. */
let dialog: (ChosenFile | null)[] = [];

/** What the core says of orders.csv: 3 rows in 2 orders, Stollen new, line 4 unmatched, line 5 wrong. */
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
  const user = userEvent.setup();
  const chooser = screen.getByRole('button', { name: 'Choose an orders file…' });
  /** The owner clicks the chooser and picks `file` in the dialog (null: closes it). */
  const choose = async (file: ChosenFile | null = ORDERS) => {
    dialog.push(file);
    await user.click(chooser);
  };
  return { announce, onimported, user, chooser, choose };
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);

/** The core: the dialog answers from `dialog`, every import with `answer` (a dry run or not). */
function core(answer: (dryRun: boolean) => unknown = report): void {
  invokeMock.mockImplementation(async (command, args) => {
    if (command === 'choose_file') return dialog.shift() ?? null;
    if (command === 'import_orders_file') return answer((args as { dryRun: boolean }).dryRun);
    return null;
  });
}

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  dialog = [];
  core();
});

describe('the help', () => {
  it('names the columns the file needs, and says nothing is written before the preview', () => {
    setup();
    const help = screen.getByRole('button', { name: 'Choose an orders file…' }).getAttribute('aria-describedby')!.split(' ')[0];
    const text = document.getElementById(help)!.textContent!;
    for (const column of ['email', 'customer', 'date', 'product', 'quantity', 'unit_price', 'currency', 'category', 'order', 'note']) {
      expect(text).toContain(column);
    }
    expect(text).toContain('Nothing is written until you have seen what the file holds.');
  });
});

describe('choosing a file', () => {
  it('opens the system file dialog for orders, and names the file chosen with its size', async () => {
    const { chooser, choose } = setup();
    expect(chooser).toHaveTextContent('Choose an orders file…');
    await choose();
    expect(calls('choose_file')).toEqual([{ kind: 'orders' }]);
    expect(await screen.findByText('orders.csv · 12 kB')).toBeInTheDocument();
    expect(chooser).toHaveTextContent('Choose an orders file…');
    expect(chooser).toHaveAccessibleName('Choose an orders file…');
    expect(chooser).toHaveAccessibleDescription(/orders\.csv · 12 kB$/);
  });

  it('leaves everything as it was when the dialog is closed without a file', async () => {
    const { chooser, choose } = setup();
    await choose(null);
    expect(invokeMock).toHaveBeenCalledTimes(1);
    expect(chooser).toHaveTextContent('Choose an orders file…');

    await choose();
    expect(await screen.findByRole('heading', { name: 'What orders.csv holds' })).toBeInTheDocument();
    await choose(null);
    expect(calls('import_orders_file')).toHaveLength(1);
    expect(screen.getByRole('heading', { name: 'What orders.csv holds' })).toBeInTheDocument();
    expect(screen.getByText('orders.csv · 12 kB')).toBeInTheDocument();
  });
});

describe('importing', () => {
  it('previews a dry run with line numbers, then imports for real and says so', async () => {
    const { announce, onimported, user, choose } = setup();
    await choose();

    const preview = await screen.findByRole('heading', { name: 'What orders.csv holds' });
    expect(calls('import_orders_file')).toEqual([{ token: 'file-7', dryRun: true }]);
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
    expect(calls('import_orders_file')).toEqual([
      { token: 'file-7', dryRun: true },
      { token: 'file-7', dryRun: false },
    ]);
    expect(screen.getByRole('heading', { name: 'Imported 2 orders' }).parentElement).toHaveTextContent(
      'From orders.csv: 3 rows imported, 2 rows skipped.',
    );
    expect(announce).toHaveBeenCalledWith('Imported 2 orders from orders.csv.');
    expect(onimported).toHaveBeenCalledTimes(1);
  });

  it('is busy while the file is checked and imported, and never imports twice', async () => {
    let finish: () => void = () => {};
    core((dryRun) => new Promise((resolve) => (finish = () => resolve(report(dryRun)))));
    const { user, chooser, choose } = setup();
    const section = screen.getByRole('region', { name: 'Import orders from a CSV file' });
    await choose();
    expect(await within(section).findByRole('status')).toHaveTextContent('Checking orders.csv…');
    expect(section).toHaveAttribute('aria-busy', 'true');
    expect(chooser).toBeDisabled();

    finish();
    const button = await screen.findByRole('button', { name: 'Import 2 orders' });
    expect(section).not.toHaveAttribute('aria-busy');
    await user.click(button);
    expect(within(section).getByRole('status')).toHaveTextContent('Importing 2 orders…');
    expect(section).toHaveAttribute('aria-busy', 'true');
    expect(button).toBeDisabled();
    expect(chooser).toBeDisabled();
    await user.click(button);
    expect(calls('import_orders_file')).toHaveLength(2);

    finish();
    expect(await screen.findByRole('heading', { name: 'Imported 2 orders' })).toBeInTheDocument();
    expect(within(section).queryByRole('status')).toBeNull();
    expect(section).not.toHaveAttribute('aria-busy');
    expect(chooser).toBeEnabled();
  });

  it('offers nothing to import when no row can be, and another file instead', async () => {
    core(() => ({ ...report(true), imported: 0, skipped: 5, orders: 0, new_products: [] }));
    const { user, chooser, choose } = setup();
    await choose();
    expect(await screen.findByText('Nothing in this file can be imported yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Choose another file' }));
    expect(screen.queryByText('Nothing in this file can be imported yet.')).toBeNull();
    expect(screen.queryByText('orders.csv · 12 kB')).toBeNull();
    expect(chooser).toHaveTextContent('Choose an orders file…');
    expect(chooser).toHaveFocus();
  });

  it('shows why a file cannot be read at all beside the chooser', async () => {
    core(() => Promise.reject({ kind: 'invalid', field: 'file', message: 'the file has no “product” column' }));
    const { chooser, choose } = setup();
    await choose();
    expect(await screen.findByRole('alert')).toHaveTextContent('the file has no “product” column');
    expect(chooser).toHaveAccessibleDescription(/orders\.csv · 12 kB the file has no “product” column$/);
    expect(screen.queryByRole('heading', { name: /holds$/ })).toBeNull();
    await waitFor(() => expect(chooser).toHaveFocus());
  });

  it('keeps the preview and says why when the import itself fails', async () => {
    core((dryRun) => (dryRun ? report(true) : Promise.reject({ kind: 'write-failed', field: null, message: 'The disk is full.' })));
    const { onimported, user, choose } = setup();
    await choose();
    await user.click(await screen.findByRole('button', { name: 'Import 2 orders' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The disk is full.');
    expect(screen.getByRole('button', { name: 'Import 2 orders' })).toBeEnabled();
    expect(onimported).not.toHaveBeenCalled();
  });
});
