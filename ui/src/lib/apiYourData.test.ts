// Your data's commands: the right Tauri command with camelCase arguments, and the counts the
// generated types call bigint handed on as the numbers IPC carries.
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import {
  ApiError,
  backupNow,
  eraseCustomer,
  exportCustomer,
  exportData,
  importContacts,
  listBackups,
  listImports,
  previewContactsCsv,
  restoreBackup,
  restorePreview,
  undoImport,
} from './api';
import type { ContactsFile } from './bindings/ContactsFile';
import { contactsReport } from '../test-fixtures';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const counts = { customers: 812, interactions: 2304, orders: 120, products: 14, feedback: 3, complaints: 1 };

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

it('previews a contacts CSV and imports a file with its mapping, duplicates and dry run', async () => {
  invokeMock.mockResolvedValueOnce({ detected: 'generic', headers: ['Name'], mapping: { columns: ['name'], date_order: 'ymd' }, rows: [] });
  await previewContactsCsv('Name\nAnna');
  expect(invokeMock).toHaveBeenLastCalledWith('preview_contacts_csv', { csv: 'Name\nAnna' });

  invokeMock.mockResolvedValueOnce(contactsReport(false));
  const file: ContactsFile = {
    format: 'csv',
    name: 'a.csv',
    text: 'Name\nAnna',
    mapping: { columns: ['name'], date_order: 'ymd' },
    duplicates: 'skip',
    dry_run: false,
  };
  const outcome = await importContacts(file);
  expect(invokeMock).toHaveBeenLastCalledWith('import_contacts', { file });
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

it('keeps the kind of a refused undo', async () => {
  invokeMock.mockRejectedValueOnce({ kind: 'conflict', field: null, message: 'that customer changed since' });
  const error = await undoImport('b1').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).report.kind).toBe('conflict');
});
