// The backups: listed newest first in the owner's locale; Restore reads what a backup holds and
// sets it beside what is here, and only replaces everything once the owner confirms. A backup kept
// elsewhere is chosen in the system's file dialog (the window gets a token) and restored the same way.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { formatBytes } from '../lib/dataText';
import { formatMoment } from '../lib/format';
import { backupInfo, chosenFile } from '../test-fixtures';
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

function core(restore: () => unknown = () => preview.backup, previewFile: () => unknown = () => preview): void {
  invokeMock.mockImplementation(async (command) => {
    switch (command) {
      case 'list_backups':
        return [automatic, mine];
      case 'restore_preview':
        return preview;
      case 'restore_backup':
      case 'restore_backup_file':
        return restore();
      case 'choose_file':
        return LAPTOP;
      case 'restore_preview_file':
        return previewFile();
      default:
        return null;
    }
  });
}

const LAPTOP = chosenFile({ token: 'file-5', name: 'regulars-laptop.json', bytes: 840 });

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

it('says how backups come when there are none, and still offers a backup file', async () => {
  invokeMock.mockResolvedValue([]);
  setup();
  expect(await screen.findByText(/No backups yet\./)).toBeInTheDocument();
  const chooser = screen.getByRole('button', { name: 'Restore from a backup file…' });
  expect(chooser).toBeEnabled();
  expect(chooser).toHaveAccessibleDescription('A backup made on another computer, or kept elsewhere.');
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

describe('a backup file', () => {
  async function chooseLaptop(user: ReturnType<typeof userEvent.setup>) {
    await screen.findByRole('list', { name: 'Saved backups' });
    const chooser = screen.getByRole('button', { name: 'Restore from a backup file…' });
    await user.click(chooser);
    return chooser;
  }

  it('is chosen in the system file dialog, and shows what it holds beside what is here', async () => {
    const { user } = setup();
    const chooser = await chooseLaptop(user);

    const dialog = await screen.findByRole('dialog', { name: 'Restore backup' });
    expect(calls('choose_file')).toEqual([{ kind: 'backup' }]);
    expect(calls('restore_preview_file')).toEqual([{ token: 'file-5' }]);
    expect(calls('restore_preview')).toEqual([]);
    expect(within(dialog).getByRole('heading', { name: 'Replace everything with regulars-laptop.json?' })).toBeInTheDocument();
    expect(dialog).toHaveTextContent(
      'This backup has 812 customers, 2,304 notes, 120 orders, 14 products and 1 complaint. You have 815 customers now.',
    );
    expect(dialog).toHaveTextContent('what you have now is backed up first');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(screen.getByText('regulars-laptop.json · 840 bytes')).toBeInTheDocument();
    expect(chooser).toHaveAccessibleDescription('A backup made on another computer, or kept elsewhere. regulars-laptop.json · 840 bytes');
  });

  it('restores nothing on Cancel', async () => {
    const { announce, onrestored, user } = setup();
    await chooseLaptop(user);
    const dialog = await screen.findByRole('dialog', { name: 'Restore backup' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls('restore_backup_file')).toEqual([]);
    expect(calls('restore_backup')).toEqual([]);
    expect(announce).not.toHaveBeenCalled();
    expect(onrestored).not.toHaveBeenCalled();
  });

  it('restores it by its token once confirmed, says so and reads the list again', async () => {
    let finish: () => void = () => {};
    core(() => new Promise((resolve) => (finish = () => resolve(preview.backup))));
    const { announce, onrestored, user } = setup();
    await chooseLaptop(user);
    const dialog = await screen.findByRole('dialog', { name: 'Restore backup' });
    const lists = calls('list_backups').length;
    await user.click(within(dialog).getByRole('button', { name: 'Replace everything' }));

    expect(calls('restore_backup_file')).toEqual([{ token: 'file-5' }]);
    expect(calls('restore_backup')).toEqual([]);
    expect(dialog).toHaveAttribute('aria-busy', 'true');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Backing up what you have now, then restoring the backup…');
    expect(onrestored).not.toHaveBeenCalled();

    finish();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(announce).toHaveBeenCalledWith('Restored regulars-laptop.json: 812 customers, 2,304 notes, 120 orders, 14 products and 1 complaint.');
    expect(onrestored).toHaveBeenCalledWith(preview.backup);
    await waitFor(() => expect(calls('list_backups').length).toBeGreaterThan(lists));
  });

  it('says beside the chooser why a file is no backup, and asks nothing', async () => {
    core(undefined, () => Promise.reject({ kind: 'invalid', field: 'file', message: 'the file “notes.txt” is not a Regulars backup' }));
    const { onrestored, user } = setup();
    const chooser = await chooseLaptop(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('The file “notes.txt” is not a Regulars backup.');
    expect(chooser).toHaveAccessibleDescription(/regulars-laptop\.json · 840 bytes The file “notes\.txt” is not a Regulars backup\.$/);
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(chooser).toHaveFocus());
    expect(chooser).toBeEnabled();
    expect(calls('restore_backup_file')).toEqual([]);
    expect(onrestored).not.toHaveBeenCalled();

    // Another file clears it.
    core();
    await user.click(chooser);
    expect(await screen.findByRole('dialog', { name: 'Restore backup' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
