// The backup and calendar settings as their forms hold them, and what is sent.
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../test-fixtures';
import { backupForm, backupSettingsOf, calendarFileOf, withChange } from './dataSettings';

describe('backup settings', () => {
  it('show no folder as an empty box, and send an empty box as null', () => {
    const form = backupForm({ automatic: true, folder: null, keep: 14 });
    expect(form).toEqual({ automatic: true, keep: 14, folder: '' });
    expect(backupSettingsOf({ ...form, folder: '   ' })).toEqual({ backups: { automatic: true, keep: 14, folder: null } });
    expect(backupSettingsOf({ ...form, folder: ' /media/usb/Backups ' })).toEqual({
      backups: { automatic: true, keep: 14, folder: '/media/usb/Backups' },
    });
  });

  it('cannot send a blank or fractional count, and leave the range to the core', () => {
    const problem = { problem: { field: 'backups.keep', message: 'Enter a whole number of backups, like 14.' } };
    expect(backupSettingsOf({ automatic: true, keep: null, folder: '' })).toEqual(problem);
    expect(backupSettingsOf({ automatic: true, keep: 2.5, folder: '' })).toEqual(problem);
    expect(backupSettingsOf({ automatic: false, keep: 0, folder: '' })).toEqual({ backups: { automatic: false, keep: 0, folder: null } });
  });
});

describe('the calendar file', () => {
  it('is null when the box is empty', () => {
    expect(calendarFileOf('  ')).toBeNull();
    expect(calendarFileOf(' /home/anna/Regulars.ics ')).toBe('/home/anna/Regulars.ics');
  });
});

it('changes only the part a form edits', () => {
  const settings = { ...defaultSettings(), start_at_login: true };
  const changed = withChange(settings, { calendar_file: '/home/anna/Regulars.ics' });
  expect(changed).toEqual({ ...settings, calendar_file: '/home/anna/Regulars.ics' });
});
