// Your data as a whole: its parts, and the settings it edits (the calendar file, automatic
// backups), each sent with the others as stored and the core's objection beside its field.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import type { Settings } from '../lib/bindings/Settings';
import { backupInfo, defaultSettings } from '../test-fixtures';
import DataView from './DataView.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

function core(stored: Settings = { ...defaultSettings(), start_at_login: true }): void {
  invokeMock.mockImplementation(async (command, args) => {
    switch (command) {
      case 'get_settings':
        return stored;
      case 'save_settings':
        return (args as { settings: Settings }).settings;
      case 'list_imports':
      case 'list_backups':
        return [];
      default:
        return null;
    }
  });
}

const saved = () =>
  invokeMock.mock.calls.filter(([c]) => c === 'save_settings').map(([, args]) => (args as { settings: Settings }).settings);

function setup() {
  const announce = vi.fn();
  render(DataView, { announce });
  return { announce, user: userEvent.setup() };
}

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  core();
});

it('has its parts under one heading, and a way back to Settings', async () => {
  setup();
  expect(screen.getByRole('heading', { level: 1, name: 'Your data' })).toBeInTheDocument();
  for (const name of ['Import contacts', 'Past imports', 'Export', 'Calendar subscription', 'Backups']) {
    expect(await screen.findByRole('region', { name })).toBeInTheDocument();
  }
  expect(screen.getByRole('link', { name: '← Settings' })).toHaveAttribute('href', '#/settings');
});

it('saves the calendar file with the other settings as stored, and explains what it is for', async () => {
  const { announce, user } = setup();
  const section = await screen.findByRole('region', { name: 'Calendar subscription' });
  expect(section).toHaveTextContent('Regulars keeps this file up to date with birthdays, anniversaries and follow-ups');
  expect(section).toHaveTextContent('as a subscription');
  const box = await within(section).findByLabelText('Calendar file');
  await user.type(box, ' /home/anna/Regulars.ics ');
  await user.click(within(section).getByRole('button', { name: 'Save calendar file' }));

  await waitFor(() => expect(announce).toHaveBeenCalledWith('Calendar file saved. Regulars keeps it up to date.'));
  expect(saved()).toEqual([{ ...defaultSettings(), start_at_login: true, calendar_file: '/home/anna/Regulars.ics' }]);
  expect(section).toHaveTextContent('Kept up to date at /home/anna/Regulars.ics.');
});

it("puts the core's objection to the calendar file beside it", async () => {
  const { user } = setup();
  const box = await screen.findByLabelText('Calendar file');
  await user.type(box, 'Regulars.ics');
  invokeMock.mockRejectedValueOnce({
    kind: 'invalid',
    field: 'calendar_file',
    message: '“Regulars.ics” is not a full path to an .ics file (like /home/you/Regulars.ics)',
  });
  await user.click(screen.getByRole('button', { name: 'Save calendar file' }));
  await waitFor(() => expect(box).toHaveAttribute('aria-invalid', 'true'));
  expect(box).toHaveAccessibleDescription(/“Regulars.ics” is not a full path to an .ics file \(like \/home\/you\/Regulars.ics\)\./);
  expect(box).toHaveFocus();
});

it('saves the backup settings, an empty folder as none', async () => {
  const { announce, user } = setup();
  const backups = await screen.findByRole('group', { name: 'Automatic backups' });
  const automatic = within(backups).getByLabelText('Back up automatically once a day');
  expect(automatic).toBeChecked();
  const keep = within(backups).getByLabelText('Automatic backups to keep');
  expect(keep).toHaveValue(14);
  expect(within(backups).getByLabelText('Backup folder')).toHaveAccessibleDescription(/Leave it empty to keep backups inside Regulars’ data folder\./);
  await user.clear(keep);
  await user.type(keep, '30');
  await user.click(automatic);
  await user.click(screen.getByRole('button', { name: 'Save backup settings' }));

  await waitFor(() => expect(announce).toHaveBeenCalledWith('Backup settings saved.'));
  expect(saved()).toEqual([{ ...defaultSettings(), start_at_login: true, backups: { automatic: false, keep: 30, folder: null } }]);
});

it("puts the core's objection to how many backups to keep beside that box", async () => {
  const { user } = setup();
  const keep = await screen.findByLabelText('Automatic backups to keep');
  await user.clear(keep);
  await user.type(keep, '0');
  invokeMock.mockRejectedValueOnce({ kind: 'invalid', field: 'backups.keep', message: 'keep 1 to 365 backups, not 0' });
  await user.click(screen.getByRole('button', { name: 'Save backup settings' }));

  await waitFor(() => expect(keep).toHaveAttribute('aria-invalid', 'true'));
  expect(keep).toHaveAccessibleDescription(/Keep 1 to 365 backups, not 0\./);
  expect(keep).toHaveFocus();
  expect(screen.getByLabelText('Backup folder')).not.toHaveAttribute('aria-invalid');
});

it('does not send a blank count, and says what it needs', async () => {
  const { user } = setup();
  const keep = await screen.findByLabelText('Automatic backups to keep');
  await user.clear(keep);
  await user.click(screen.getByRole('button', { name: 'Save backup settings' }));
  await waitFor(() => expect(keep).toHaveAccessibleDescription(/Enter a whole number of backups, like 14\./));
  expect(saved()).toEqual([]);
});

it('keeps what one form saved when the other saves next', async () => {
  const { user } = setup();
  const folder = await screen.findByLabelText('Backup folder');
  await user.type(folder, '/media/usb/Backups');
  await user.click(screen.getByRole('button', { name: 'Save backup settings' }));
  await waitFor(() => expect(saved()).toHaveLength(1));
  await user.type(screen.getByLabelText('Calendar file'), '/home/anna/Regulars.ics');
  await user.click(screen.getByRole('button', { name: 'Save calendar file' }));

  await waitFor(() => expect(saved()).toHaveLength(2));
  expect(saved()[1].backups).toEqual({ automatic: true, keep: 14, folder: '/media/usb/Backups' });
  expect(saved()[1].calendar_file).toBe('/home/anna/Regulars.ics');
});

it('after a restore, shows the settings that came back with the backup and tells the window', async () => {
  let stored: Settings = defaultSettings();
  const counts = { customers: 3, interactions: 0, orders: 0, products: 0, feedback: 0, complaints: 0 };
  invokeMock.mockImplementation(async (command) => {
    switch (command) {
      case 'get_settings':
        return stored;
      case 'list_backups':
        return [backupInfo()];
      case 'list_imports':
        return [];
      case 'restore_preview':
        return { backup: counts, current: counts };
      case 'restore_backup':
        stored = { ...defaultSettings(), backups: { automatic: true, keep: 30, folder: '/media/usb/Backups' } };
        return counts;
      default:
        return null;
    }
  });
  const onrestored = vi.fn();
  const user = userEvent.setup();
  render(DataView, { announce: vi.fn(), onrestored });
  expect(await screen.findByLabelText('Automatic backups to keep')).toHaveValue(14);
  await user.click(within(await screen.findByRole('list', { name: 'Saved backups' })).getByRole('button', { name: /^Restore/ }));
  await user.click(within(await screen.findByRole('dialog', { name: 'Restore backup' })).getByRole('button', { name: 'Replace everything' }));

  await waitFor(() => expect(screen.getByLabelText('Automatic backups to keep')).toHaveValue(30));
  expect(screen.getByLabelText('Backup folder')).toHaveValue('/media/usb/Backups');
  expect(onrestored).toHaveBeenCalledWith(counts);
});
