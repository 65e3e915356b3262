// Your data's commands: the right Tauri command with camelCase arguments, the counts the
// generated types call bigint handed on as the numbers IPC carries, and an import's progress
// handed on from its channel.
import { Channel, invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import {
  ApiError,
  backupNow,
  chooseFile,
  eraseCustomer,
  exportCustomer,
  exportData,
  importContactsFile,
  listBackups,
  listImports,
  previewContactsFile,
  restoreBackup,
  restoreBackupFile,
  restorePreview,
  restorePreviewFile,
  undoImport,
} from './api';
import type { ContactsImport } from './bindings/ContactsImport';
import type { ImportProgress } from './bindings/ImportProgress';
import { contactsReport } from '../test-fixtures';

// Channel: a minimal stand-in for the IPC channel an import reports its progress on; the core's
// messages are played by calling its `onmessage` from the mocked invoke.
vi.mock('@tauri-apps/api/core', () => ({
  invoke: vi.fn(),
  isTauri: vi.fn(() => true),
  Channel: class {
    onmessage: (message: unknown) => void = () => {};
  },
}));

const invokeMock = vi.mocked(invoke);
const counts = { customers: 812, interactions: 2304, orders: 120, products: 14, feedback: 3, complaints: 1 };

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

type ProgressArgs = { progress: { onmessage: (message: ImportProgress) => void } };

it('opens the file dialog for a kind of file, and hands on what was chosen or null', async () => {
  const file = { token: 'tok-1', name: 'contacts.vcf', bytes: 2_400_000, format: 'vcard' };
  invokeMock.mockResolvedValueOnce(file);
  expect(await chooseFile('contacts')).toEqual(file);
  expect(invokeMock).toHaveBeenLastCalledWith('choose_file', { kind: 'contacts' });
  invokeMock.mockResolvedValueOnce(null);
  expect(await chooseFile('orders')).toBeNull();
  expect(invokeMock).toHaveBeenLastCalledWith('choose_file', { kind: 'orders' });
});

it('previews a chosen contacts CSV and imports it with its mapping, duplicates and dry run', async () => {
  const preview = { detected: 'generic', headers: ['Name'], mapping: { columns: ['name'], date_order: 'ymd' }, rows: [] };
  invokeMock.mockResolvedValueOnce(preview);
  expect(await previewContactsFile('tok-1')).toEqual(preview);
  expect(invokeMock).toHaveBeenLastCalledWith('preview_contacts_file', { token: 'tok-1' });

  invokeMock.mockResolvedValueOnce(contactsReport(false));
  const how: ContactsImport = { format: 'csv', mapping: { columns: ['name'], date_order: 'ymd' }, duplicates: 'skip', dry_run: false };
  const outcome = await importContactsFile('tok-1', how);
  expect(invokeMock).toHaveBeenLastCalledWith('import_contacts_file', { token: 'tok-1', how, progress: expect.any(Channel) });
  expect(outcome).toEqual({
    imported: 3,
    skipped: 1,
    new_customers: 2,
    merged: 1,
    errors: [{ line: 5, message: 'birthday: “31/02/1980” is not a date' }],
    duplicates: [{ line: 3, name: 'Anna Berg', customer_id: 'c-anna', customer_name: 'Anna Berg', matched_by: 'email' }],
    batch: 'batch-1',
    dry_run: false,
  });
});

it('hands on every progress message of the import, in order, and takes none without a listener', async () => {
  const messages: ImportProgress[] = [
    { stage: 'reading', done: 1_000, total: 4_000, contacts: 12 },
    { stage: 'reading', done: 4_000, total: 4_000, contacts: 48 },
    { stage: 'saving', done: 48, total: 48, contacts: 48 },
  ];
  invokeMock.mockImplementation(async (_command, args) => {
    for (const message of messages) (args as ProgressArgs).progress.onmessage(message);
    return contactsReport(false);
  });
  const heard: ImportProgress[] = [];
  const how: ContactsImport = { format: 'vcard', mapping: null, duplicates: 'merge', dry_run: false };
  await importContactsFile('tok-2', how, (p) => heard.push(p));
  expect(heard).toEqual(messages);

  // Without a listener the channel is still sent (the core needs one) and its messages go nowhere.
  await expect(importContactsFile('tok-2', how)).resolves.toMatchObject({ imported: 3 });
  expect(invokeMock).toHaveBeenCalledTimes(2);
});

it('keeps the field of a contacts file it cannot read, and of a token it does not know', async () => {
  const how: ContactsImport = { format: 'csv', mapping: null, duplicates: 'merge', dry_run: true };
  invokeMock.mockRejectedValueOnce({ kind: 'invalid', field: 'file', message: 'the file cannot be opened (permission denied)' });
  const unreadable = await importContactsFile('tok-1', how).catch((e: unknown) => e);
  expect(unreadable).toBeInstanceOf(ApiError);
  expect((unreadable as ApiError).report).toEqual({ kind: 'invalid', field: 'file', message: 'the file cannot be opened (permission denied)' });
  invokeMock.mockRejectedValueOnce({ kind: 'not-found', field: 'file', message: 'no chosen file tok-9' });
  const unknown = await previewContactsFile('tok-9').catch((e: unknown) => e);
  expect((unknown as ApiError).report).toMatchObject({ kind: 'not-found', field: 'file' });
});

it('rejects outside the app before making a channel or invoking anything', async () => {
  vi.mocked(isTauri).mockReturnValue(false);
  const error = await importContactsFile('tok-1', { format: 'vcard', mapping: null, duplicates: 'merge', dry_run: true }).catch((e: unknown) => e);
  expect((error as ApiError).report.kind).toBe('internal');
  expect(invokeMock).not.toHaveBeenCalled();
});

it('lists imports with how many customers each added, and undoes one by its batch', async () => {
  invokeMock.mockResolvedValueOnce([{ id: 'b1', source: 'a.vcf', at: '2026-12-01T10:00:00Z', created: ['c1', 'c2'], merged_count: 1 }]);
  expect(await listImports()).toEqual([{ id: 'b1', source: 'a.vcf', at: '2026-12-01T10:00:00Z', created: 2, merged: 1 }]);
  invokeMock.mockResolvedValueOnce(2);
  expect(await undoImport('b1')).toBe(2);
  expect(invokeMock).toHaveBeenLastCalledWith('undo_import', { batch: 'b1' });
});

it('exports, erases and backs up through their commands', async () => {
  invokeMock.mockResolvedValue('/home/anna/Downloads/x');
  await exportData('csv-orders');
  expect(invokeMock).toHaveBeenLastCalledWith('export_data', { kind: 'csv-orders' });
  await exportCustomer('c1');
  expect(invokeMock).toHaveBeenLastCalledWith('export_customer', { id: 'c1' });
  await eraseCustomer('c1');
  expect(invokeMock).toHaveBeenLastCalledWith('erase_customer', { id: 'c1' });
  await backupNow();
  expect(invokeMock).toHaveBeenLastCalledWith('backup_now', undefined);
  await listBackups();
  expect(invokeMock).toHaveBeenLastCalledWith('list_backups', undefined);
});

it('previews and restores a backup by its path, with plain numbers', async () => {
  invokeMock.mockResolvedValueOnce({ backup: counts, current: { ...counts, customers: 815 } });
  expect(await restorePreview('/b/1.json')).toEqual({ backup: counts, current: { ...counts, customers: 815 } });
  expect(invokeMock).toHaveBeenLastCalledWith('restore_preview', { path: '/b/1.json' });
  invokeMock.mockResolvedValueOnce(counts);
  expect(await restoreBackup('/b/1.json')).toEqual(counts);
  expect(invokeMock).toHaveBeenLastCalledWith('restore_backup', { path: '/b/1.json' });
});

it('previews and restores a chosen backup file by its token, with plain numbers', async () => {
  invokeMock.mockResolvedValueOnce({ backup: counts, current: { ...counts, customers: 815 } });
  expect(await restorePreviewFile('tok-3')).toEqual({ backup: counts, current: { ...counts, customers: 815 } });
  expect(invokeMock).toHaveBeenLastCalledWith('restore_preview_file', { token: 'tok-3' });
  invokeMock.mockResolvedValueOnce(counts);
  expect(await restoreBackupFile('tok-3')).toEqual(counts);
  expect(invokeMock).toHaveBeenLastCalledWith('restore_backup_file', { token: 'tok-3' });
});

it('keeps the field and message of a chosen file that is no backup', async () => {
  const report = { kind: 'invalid', field: 'file', message: 'notes.txt is not a Regulars backup' };
  invokeMock.mockRejectedValueOnce(report);
  const error = await restorePreviewFile('tok-4').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).report).toEqual(report);
});

it('keeps the kind of a refused undo', async () => {
  invokeMock.mockRejectedValueOnce({ kind: 'conflict', field: null, message: 'that customer changed since' });
  const error = await undoImport('b1').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).report.kind).toBe('conflict');
});
