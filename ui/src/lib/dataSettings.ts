// The settings Your data edits — automatic backups (on or off, how many to keep, the folder) and
// the calendar file — as their forms hold them, the core's names for them (what an ErrorReport's
// `field` says: "backups.keep", "calendar_file"), and the one check the forms make themselves:
// that a box holds something the core can receive (a blank count cannot be sent). The rules about
// the values (1 to 365 backups, a full path, an .ics file) are the core's.
import type { BackupSettings } from './bindings/BackupSettings';
import type { Settings } from './bindings/Settings';

export type FieldProblem = { field: string; message: string };

/** The backup settings as the form holds them: an empty folder box means "inside the data folder". */
export type BackupForm = { automatic: boolean; keep: number | null; folder: string };

export const BACKUP_FIELDS: ReadonlySet<string> = new Set(['backups.automatic', 'backups.keep', 'backups.folder']);

export function backupForm(backups: BackupSettings): BackupForm {
  return { automatic: backups.automatic, keep: backups.keep, folder: backups.folder ?? '' };
}

/** The backup settings to send, or the box that holds nothing the core could receive. */
export function backupSettingsOf(form: BackupForm): { backups: BackupSettings } | { problem: FieldProblem } {
  const keep: unknown = form.keep;
  // A number box reads as null when blank; a fraction or a negative is no count of backups.
  if (typeof keep !== 'number' || !Number.isInteger(keep) || keep < 0) {
    return { problem: { field: 'backups.keep', message: 'Enter a whole number of backups, like 14.' } };
  }
  const folder = form.folder.trim();
  return { backups: { automatic: form.automatic, keep, folder: folder === '' ? null : folder } };
}

/** The calendar file to send: an empty box (or only spaces) means none is kept. */
export function calendarFileOf(text: string): string | null {
  const file = text.trim();
  return file === '' ? null : file;
}

/** `settings` with only what one form edits replaced, so each form keeps the others' values. */
export function withChange(settings: Settings, change: Partial<Pick<Settings, 'backups' | 'calendar_file'>>): Settings {
  return { ...settings, ...change };
}
