// Past imports: each import that can still be undone, with when it ran and what it did; Undo asks
// first, then takes the whole import back; a refusal because a customer changed since is put in words.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import { formatMoment } from '../lib/format';
import PastImports from './PastImports.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

const batches = [
  { id: 'b2', source: 'google.csv', at: '2026-12-01T10:15:00Z', created: ['c1', 'c2', 'c3'], merged_count: 2 },
  { id: 'b1', source: 'phone.vcf', at: '2026-11-20T08:00:00Z', created: ['c4'], merged_count: 0 },
];

function core(imports = batches, undo: () => unknown = () => 3): void {
  invokeMock.mockImplementation(async (command) => {
    if (command === 'list_imports') return imports;
    if (command === 'undo_import') return undo();
    return null;
  });
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);

function setup() {
  const announce = vi.fn();
  const onchanged = vi.fn();
  render(PastImports, { announce, onchanged });
  return { announce, onchanged, user: userEvent.setup() };
}

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  core();
});

it('lists the imports newest first, with when and what each did', async () => {
  setup();
  const list = await screen.findByRole('list', { name: 'Past imports' });
  const items = within(list).getAllByRole('listitem');
  expect(items).toHaveLength(2);
  expect(items[0]).toHaveTextContent(`google.csv ${formatMoment('2026-12-01T10:15:00Z')} · 3 customers added, 2 customers brought up to date`);
  expect(items[1]).toHaveTextContent('1 customer added');
  expect(within(items[1]).getByRole('button')).toHaveAccessibleName(`Undo the import of phone.vcf (${formatMoment('2026-11-20T08:00:00Z')})`);
});

it('says what the list is for when there is nothing to undo', async () => {
  core([]);
  setup();
  expect(await screen.findByText(/No imports to undo\./)).toBeInTheDocument();
});

it('undoes an import only once confirmed, then reads the list again', async () => {
  const { announce, onchanged, user } = setup();
  const list = await screen.findByRole('list', { name: 'Past imports' });
  await user.click(within(within(list).getAllByRole('listitem')[0]).getByRole('button'));

  const dialog = screen.getByRole('dialog', { name: 'Undo import' });
  expect(dialog).toHaveTextContent('Undo the import of google.csv?');
  expect(dialog).toHaveTextContent('This removes the 3 customers it added, together with anything logged for them since.');
  expect(dialog).toHaveTextContent('The 2 customers it added to go back to how they were before the import.');
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  expect(calls('undo_import')).toEqual([]);

  core([batches[1]]);
  await user.click(within(within(list).getAllByRole('listitem')[0]).getByRole('button'));
  await user.click(within(screen.getByRole('dialog', { name: 'Undo import' })).getByRole('button', { name: 'Undo the import' }));

  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
  expect(calls('undo_import')).toEqual([{ batch: 'b2' }]);
  expect(announce).toHaveBeenCalledWith('Undid the import of google.csv: 3 customers removed.');
  expect(onchanged).toHaveBeenCalledTimes(1);
  expect(screen.queryByRole('dialog')).toBeNull();
});

it('says in words why an import can no longer be undone', async () => {
  core(batches, () => Promise.reject({ kind: 'conflict', field: null, message: 'the last action on the import (customer Anna Berg) can no longer be undone: that customer changed since' }));
  const { onchanged, user } = setup();
  const list = await screen.findByRole('list', { name: 'Past imports' });
  await user.click(within(within(list).getAllByRole('listitem')[0]).getByRole('button'));
  const dialog = screen.getByRole('dialog', { name: 'Undo import' });
  await user.click(within(dialog).getByRole('button', { name: 'Undo the import' }));

  const alert = await within(dialog).findByRole('alert');
  expect(alert).toHaveTextContent('This import can no longer be undone: a customer it added to has changed since, and undoing it would lose that change.');
  expect(alert).toHaveTextContent('(customer Anna Berg)');
  expect(onchanged).not.toHaveBeenCalled();
});
