// Exports: each button writes one file and says where it went; a full backup joins the backups.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import { backupInfo } from '../test-fixtures';
import DataExport from './DataExport.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const made = backupInfo({ path: '/home/anna/.local/share/org.regulars.desktop/backups/regulars-2026-12-01-101500.json', automatic: false });

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  invokeMock.mockImplementation(async (command, args) => {
    if (command === 'export_data') {
      const ext = { vcard: 'vcf', vcard3: 'vcf', 'csv-customers': 'csv', 'csv-orders': 'csv', ics: 'ics' }[(args as { kind: string }).kind];
      return `/home/anna/Downloads/regulars-contacts-2026-12-01-101500.${ext}`;
    }
    if (command === 'backup_now') return made;
    return null;
  });
});

it('offers every format, each saying what it is for', () => {
  render(DataExport);
  const section = screen.getByRole('region', { name: 'Export' });
  const names = within(section).getAllByRole('button').map((b) => b.textContent);
  expect(names).toEqual(['vCard 4.0', 'vCard 3.0', 'Customers as CSV', 'Orders as CSV', 'Calendar (.ics)', 'Full backup']);
  expect(within(section).getByRole('button', { name: 'vCard 4.0' })).toHaveAccessibleDescription(/Google, Apple/);
  expect(within(section).getByRole('button', { name: 'vCard 3.0' })).toHaveAccessibleDescription(/older address books/);
});

it('writes the file and says where it was saved', async () => {
  const user = userEvent.setup();
  render(DataExport);
  await user.click(screen.getByRole('button', { name: 'vCard 4.0' }));
  expect(await screen.findByText('/home/anna/Downloads/regulars-contacts-2026-12-01-101500.vcf')).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent('Saved to /home/anna/Downloads/regulars-contacts-2026-12-01-101500.vcf');
  expect(calls('export_data')).toEqual([{ kind: 'vcard' }]);

  await user.click(screen.getByRole('button', { name: 'Calendar (.ics)' }));
  await waitFor(() => expect(calls('export_data')).toEqual([{ kind: 'vcard' }, { kind: 'ics' }]));
  expect(await screen.findByText('/home/anna/Downloads/regulars-contacts-2026-12-01-101500.ics')).toBeInTheDocument();
});

it('makes a full backup, says where, and tells the backups list', async () => {
  const onbackup = vi.fn();
  const user = userEvent.setup();
  render(DataExport, { onbackup });
  await user.click(screen.getByRole('button', { name: 'Full backup' }));
  expect(await screen.findByText(made.path)).toBeInTheDocument();
  expect(calls('backup_now')).toEqual([undefined]);
  expect(onbackup).toHaveBeenCalledWith(made);
});

it('writes one file at a time and says why one failed', async () => {
  let fail: (reason: unknown) => void = () => {};
  invokeMock.mockImplementation(() => new Promise((_, reject) => (fail = reject)));
  const user = userEvent.setup();
  render(DataExport);
  await user.click(screen.getByRole('button', { name: 'Orders as CSV' }));
  expect(screen.getByRole('status')).toHaveTextContent('Writing the file…');
  for (const button of screen.getAllByRole('button')) expect(button).toBeDisabled();

  fail({ kind: 'io', field: null, message: '/home/anna/Downloads: permission denied' });
  expect(await screen.findByRole('alert')).toHaveTextContent('/home/anna/Downloads: permission denied.');
  expect(screen.getByRole('button', { name: 'Orders as CSV' })).toBeEnabled();
});
