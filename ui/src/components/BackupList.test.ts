// The backups: listed newest first in the owner's locale; Restore reads what a backup holds and
// sets it beside what is here, and only replaces everything once the owner confirms.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import { formatBytes } from '../lib/dataText';
import { formatMoment } from '../lib/format';
import { backupInfo } from '../test-fixtures';
import BackupList from './BackupList.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

const automatic = backupInfo();
const mine = backupInfo({
  path: '/home/anna/Backups/regulars-2026-11-28-170000.json',
  made_at: '2026-11-28T17:00:00+01:00',
  automatic: false,
  bytes: 840,
});
const preview = {
  backup: { customers: 812, interactions: 2304, orders: 120, products: 14, feedback: 0, complaints: 1 },
  current: { customers: 815, interactions: 2310, orders: 121, products: 14, feedback: 0, complaints: 1 },
};

function core(restore: () => unknown = () => preview.backup): void {
  invokeMock.mockImplementation(async (command) => {
    switch (command) {
      case 'list_backups':
        return [automatic, mine];
      case 'restore_preview':
        return preview;
      case 'restore_backup':
        return restore();
      default:
        return null;
    }
  });
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);

function setup() {
  const announce = vi.fn();
  const onrestored = vi.fn();
  render(BackupList, { announce, onrestored });
  return { announce, onrestored, user: userEvent.setup() };
}

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  core();
});

it('lists each backup with its date in the owner’s locale, who made it, its size and its file', async () => {
  setup();
  const items = within(await screen.findByRole('list', { name: 'Saved backups' })).getAllByRole('listitem');
  expect(items).toHaveLength(2);
  expect(items[0]).toHaveTextContent(formatMoment(automatic.made_at));
  expect(items[0]).toHaveTextContent(`Automatic · ${formatBytes(2_400_000)}`);
  expect(items[0]).toHaveTextContent(automatic.path);
  expect(items[0].querySelector('time')).toHaveAttribute('datetime', automatic.made_at);
  expect(items[1]).toHaveTextContent('Made by you · 840 bytes');
  expect(within(items[1]).getByRole('button')).toHaveAccessibleName(`Restore the backup of ${formatMoment(mine.made_at)}`);
});

it('says how backups come when there are none', async () => {
  invokeMock.mockResolvedValue([]);
  setup();
  expect(await screen.findByText(/No backups yet\./)).toBeInTheDocument();
});

it('shows what a restore would bring, and restores nothing on Cancel', async () => {
  const { user } = setup();
  const items = within(await screen.findByRole('list', { name: 'Saved backups' })).getAllByRole('listitem');
  await user.click(within(items[0]).getByRole('button'));

  const dialog = await screen.findByRole('dialog', { name: 'Restore backup' });
  expect(calls('restore_preview')).toEqual([{ path: automatic.path }]);
  expect(dialog).toHaveTextContent(`Replace everything with the backup of ${formatMoment(automatic.made_at)}?`);
  expect(dialog).toHaveTextContent(
    'This backup has 812 customers, 2,304 notes, 120 orders, 14 products and 1 complaint. You have 815 customers now.',
  );
  expect(dialog).toHaveTextContent('Restoring replaces everything in Regulars with the backup; what you have now is backed up first');
  expect(within(dialog).getByRole('button', { name: 'Replace everything' })).toHaveClass('danger');
  expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(calls('restore_backup')).toEqual([]);
});

it('restores once confirmed, shows it is working, then says so and reads the list again', async () => {
  let finish: () => void = () => {};
  core(() => new Promise((resolve) => (finish = () => resolve(preview.backup))));
  const { announce, onrestored, user } = setup();
  const items = within(await screen.findByRole('list', { name: 'Saved backups' })).getAllByRole('listitem');
  await user.click(within(items[1]).getByRole('button'));
  const dialog = await screen.findByRole('dialog', { name: 'Restore backup' });
  const lists = calls('list_backups').length;
  await user.click(within(dialog).getByRole('button', { name: 'Replace everything' }));

  expect(calls('restore_backup')).toEqual([{ path: mine.path }]);
  expect(dialog).toHaveAttribute('aria-busy', 'true');
  expect(within(dialog).getByRole('status')).toHaveTextContent('Backing up what you have now, then restoring the backup…');
  expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
  expect(onrestored).not.toHaveBeenCalled();

  finish();
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(announce).toHaveBeenCalledWith(
    `Restored the backup of ${formatMoment(mine.made_at)}: 812 customers, 2,304 notes, 120 orders, 14 products and 1 complaint.`,
  );
  expect(onrestored).toHaveBeenCalledWith(preview.backup);
  await waitFor(() => expect(calls('list_backups').length).toBeGreaterThan(lists));
});

it('keeps the question open and says why when the restore fails', async () => {
  core(() => Promise.reject({ kind: 'invalid', field: null, message: 'the backup is from a newer Regulars' }));
  const { onrestored, user } = setup();
  const items = within(await screen.findByRole('list', { name: 'Saved backups' })).getAllByRole('listitem');
  await user.click(within(items[0]).getByRole('button'));
  const dialog = await screen.findByRole('dialog', { name: 'Restore backup' });
  await user.click(within(dialog).getByRole('button', { name: 'Replace everything' }));
  expect(await within(dialog).findByRole('alert')).toHaveTextContent('The backup is from a newer Regulars.');
  expect(onrestored).not.toHaveBeenCalled();
});
