// The Settings view: it shows what the core has, sends the whole form on Save, and puts the
// core's message beside the field it names.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import type { Settings } from '../lib/bindings/Settings';
import { defaultSettings } from '../test-fixtures';
import SettingsView from './SettingsView.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

/** The core: settings as stored; saving stores and returns what it was given. */
function core(stored: Settings = defaultSettings()): void {
  invokeMock.mockImplementation(async (command, args) => {
    switch (command) {
      case 'get_settings':
        return stored;
      case 'save_settings':
        return (args as { settings: Settings }).settings;
      default:
        return null;
    }
  });
}

const saved = () =>
  invokeMock.mock.calls.filter(([c]) => c === 'save_settings').map(([, args]) => (args as { settings: Settings }).settings);

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

it('shows the stored settings in labelled fields, grouped', async () => {
  core();
  render(SettingsView);

  expect(await screen.findByLabelText('Birthdays shown ahead (days)')).toHaveValue(7);
  expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
  const reminders = screen.getByRole('group', { name: 'Reminders' });
  expect(within(reminders).getByLabelText('Anniversaries shown ahead (days)')).toHaveValue(7);
  expect(within(reminders).getByLabelText('Follow-ups shown ahead (days)')).toHaveValue(3);
  expect(within(reminders).getByLabelText('Keep-in-touch shown ahead (days)')).toHaveValue(3);
  expect(within(reminders).getByLabelText('Missed birthdays stay for (days)')).toHaveValue(3);
  const leap = within(reminders).getByLabelText('Feb 29 birthdays in other years');
  expect(leap).toHaveValue('feb28');
  expect(within(leap).getAllByRole('option').map((o) => o.textContent)).toEqual(['Feb 28', 'Mar 1']);

  const notifications = screen.getByRole('group', { name: 'Notifications' });
  expect(within(notifications).getByLabelText('Daily summary')).toBeChecked();
  expect(within(notifications).getByLabelText('Summary time')).toHaveValue('08:30');
  expect(within(notifications).getByLabelText('Notify when a timed follow-up is due')).toBeChecked();

  const business = screen.getByRole('group', { name: 'Your business' });
  expect(within(business).getByLabelText('Business name')).toHaveValue('');
  expect(within(business).getByLabelText('Your name (signs messages)')).toHaveValue('');
  expect(within(business).getByLabelText('Country calling code')).toHaveAccessibleDescription(
    'For phone numbers written without +, e.g. 46 for Sweden',
  );

  const startup = screen.getByRole('group', { name: 'Startup' });
  const login = within(startup).getByLabelText('Start Regulars when I log in');
  expect(login).not.toBeChecked();
  expect(login).toHaveAccessibleDescription(/keeps running in the tray/);
});

it('saves the edited settings and announces it', async () => {
  core();
  const announce = vi.fn();
  const onsaved = vi.fn();
  const user = userEvent.setup();
  render(SettingsView, { announce, onsaved });

  const birthdays = await screen.findByLabelText('Birthdays shown ahead (days)');
  await user.clear(birthdays);
  await user.type(birthdays, '14');
  await user.selectOptions(screen.getByLabelText('Feb 29 birthdays in other years'), 'Mar 1');
  await user.click(screen.getByLabelText('Daily summary'));
  await user.click(screen.getByLabelText('Start Regulars when I log in'));
  await user.click(screen.getByRole('button', { name: 'Save settings' }));

  await waitFor(() => expect(announce).toHaveBeenCalledWith('Settings saved.'));
  const expected = defaultSettings();
  expected.reminders.birthday_notice_days = 14;
  expected.reminders.leap_day = 'mar1';
  expected.notifications.digest = false;
  expected.start_at_login = true;
  expect(saved()).toEqual([expected]);
  expect(onsaved).toHaveBeenCalledWith(expected);
});

it("shows the core's objection under the field it names", async () => {
  core();
  const user = userEvent.setup();
  render(SettingsView);
  await screen.findByLabelText('Missed birthdays stay for (days)');
  invokeMock.mockRejectedValueOnce({ kind: 'invalid', field: 'reminders.missed_days', message: 'Keep missed dates for at most 60 days.' });

  await user.click(screen.getByRole('button', { name: 'Save settings' }));

  const missed = screen.getByLabelText('Missed birthdays stay for (days)');
  await waitFor(() => expect(missed).toHaveAttribute('aria-invalid', 'true'));
  expect(missed).toHaveAccessibleDescription('Keep missed dates for at most 60 days.');
  expect(missed.parentElement).toHaveTextContent('Keep missed dates for at most 60 days.');
  expect(missed).toHaveFocus();
  expect(screen.getByLabelText('Birthdays shown ahead (days)')).not.toHaveAttribute('aria-invalid');

  // Editing the field clears its message.
  await user.type(missed, '0');
  expect(missed).not.toHaveAttribute('aria-invalid');
});

it('asks for a number before sending a blank count of days', async () => {
  core();
  const user = userEvent.setup();
  render(SettingsView);
  const followUps = await screen.findByLabelText('Follow-ups shown ahead (days)');
  await user.clear(followUps);
  await user.click(screen.getByRole('button', { name: 'Save settings' }));
  expect(followUps).toHaveAccessibleDescription('Enter a whole number of days.');
  expect(saved()).toEqual([]);
});

it('shows an error without a field in an alert', async () => {
  core();
  const user = userEvent.setup();
  render(SettingsView);
  await screen.findByLabelText('Summary time');
  invokeMock.mockRejectedValueOnce({ kind: 'write-failed', field: null, message: 'The disk is full.' });
  await user.click(screen.getByRole('button', { name: 'Save settings' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('The disk is full.');
});

it('says why it cannot show the settings, and tries again', async () => {
  core();
  invokeMock.mockRejectedValueOnce({ kind: 'store-unreadable', field: null, message: 'The store cannot be read.' });
  const user = userEvent.setup();
  render(SettingsView);
  expect(await screen.findByRole('alert')).toHaveTextContent('The store cannot be read.');
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByLabelText('Summary time')).toHaveValue('08:30');
});

it('shows the stored business, saves it edited and sends an emptied box as null', async () => {
  const stored = defaultSettings();
  stored.business = { business_name: 'Bakery Nord', owner_name: 'Maria', country_calling_code: null };
  core(stored);
  const announce = vi.fn();
  const user = userEvent.setup();
  render(SettingsView, { announce });

  const name = await screen.findByLabelText('Business name');
  expect(name).toHaveValue('Bakery Nord');
  expect(screen.getByLabelText('Your name (signs messages)')).toHaveValue('Maria');
  expect(screen.getByLabelText('Country calling code')).toHaveValue('');

  await user.clear(name);
  await user.clear(screen.getByLabelText('Your name (signs messages)'));
  await user.type(screen.getByLabelText('Your name (signs messages)'), 'Maria Lind');
  await user.type(screen.getByLabelText('Country calling code'), '46');
  await user.click(screen.getByRole('button', { name: 'Save settings' }));

  await waitFor(() => expect(announce).toHaveBeenCalledWith('Settings saved.'));
  expect(saved()[0].business).toEqual({ business_name: null, owner_name: 'Maria Lind', country_calling_code: '46', currency: null });
});

it('reads settings without a business as empty boxes', async () => {
  const stored = defaultSettings() as Partial<Settings>;
  delete stored.business;
  core(stored as Settings);
  const user = userEvent.setup();
  render(SettingsView);
  expect(await screen.findByLabelText('Business name')).toHaveValue('');
  await user.click(screen.getByRole('button', { name: 'Save settings' }));
  await waitFor(() => expect(saved()).toHaveLength(1));
  expect(saved()[0].business).toEqual({ business_name: null, owner_name: null, country_calling_code: null, currency: null });
});

it("shows the core's objection to a business field beside it", async () => {
  core();
  const user = userEvent.setup();
  render(SettingsView);
  const code = await screen.findByLabelText('Country calling code');
  await user.type(code, '+46x');
  invokeMock.mockRejectedValueOnce({
    kind: 'invalid',
    field: 'business.country_calling_code',
    message: 'Write the country calling code as 1 to 3 digits, like 46.',
  });

  await user.click(screen.getByRole('button', { name: 'Save settings' }));

  await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
  expect(code).toHaveAccessibleDescription(
    'For phone numbers written without +, e.g. 46 for Sweden Write the country calling code as 1 to 3 digits, like 46.',
  );
  expect(code.parentElement).toHaveTextContent('Write the country calling code as 1 to 3 digits, like 46.');
  expect(code).toHaveFocus();
  expect(document.querySelector('.form-error')).toBeNull();

  await user.type(code, '{Backspace}');
  expect(code).not.toHaveAttribute('aria-invalid');
});
