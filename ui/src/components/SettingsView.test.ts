// The Settings view: it shows what the core has, sends the whole form on Save, and puts the
// core's message beside the field it names.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
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

describe('the complaints policy', () => {
  it('shows the policy with a live preview as customers will read it, and saves what was edited', async () => {
    core();
    const announce = vi.fn();
    const user = userEvent.setup();
    render(SettingsView, { announce });

    const policy = await screen.findByRole('group', { name: 'Complaints policy' });
    const acknowledge = within(policy).getByLabelText('Acknowledge within (days)');
    const resolve = within(policy).getByLabelText('Resolve within (days)');
    const notice = within(policy).getByLabelText('Remind me ahead of a deadline (days)');
    const text = within(policy).getByLabelText('Your written policy');
    expect(acknowledge).toHaveValue(2);
    expect(resolve).toHaveValue(7);
    expect(notice).toHaveValue(1);
    expect(notice).toHaveAccessibleDescription('How early Today shows the next step.');
    expect(text).toHaveValue('We answer every complaint within 2 days.');
    expect(text).toHaveAccessibleDescription(/Write \{acknowledge\} and \{resolve\} where the days go\./);

    await user.clear(text);
    // Braces are typed as {{ with user-event.
    await user.type(text, 'We reply within {{acknowledge} days and put it right within {{resolve}.');
    await user.clear(resolve);
    await user.type(resolve, '10');
    const preview = within(policy).getByRole('blockquote', { name: 'As customers will read it' });
    expect(preview).toHaveTextContent('We reply within 2 days and put it right within 10.');
    await user.clear(notice);
    await user.type(notice, '2');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(announce).toHaveBeenCalledWith('Settings saved.'));
    expect(saved()[0].complaints).toEqual({
      acknowledge_days: 2,
      resolve_days: 10,
      text: 'We reply within {acknowledge} days and put it right within {resolve}.',
    });
    expect(saved()[0].reminders.complaint_notice_days).toBe(2);
  });

  it("shows the core's objection to the days to resolve beside that box, and to the text beside the text", async () => {
    core();
    const user = userEvent.setup();
    render(SettingsView);
    const resolve = await screen.findByLabelText('Resolve within (days)');
    await user.clear(resolve);
    await user.type(resolve, '1');
    invokeMock.mockRejectedValueOnce({
      kind: 'invalid',
      field: 'complaints.resolve_days',
      message: 'resolving within 1 days cannot come before acknowledging within 2',
    });

    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(resolve).toHaveAttribute('aria-invalid', 'true'));
    expect(resolve).toHaveAccessibleDescription(/resolving within 1 days cannot come before acknowledging within 2/);
    expect(resolve.parentElement).toHaveTextContent('resolving within 1 days cannot come before acknowledging within 2');
    expect(resolve).toHaveFocus();
    expect(screen.getByLabelText('Acknowledge within (days)')).not.toHaveAttribute('aria-invalid');
    expect(document.querySelector('.form-error')).toBeNull();
    await user.type(resolve, '0');
    expect(resolve).not.toHaveAttribute('aria-invalid');

    invokeMock.mockRejectedValueOnce({ kind: 'invalid', field: 'complaints.text', message: 'is longer than 10000 characters' });
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    const text = screen.getByLabelText('Your written policy');
    await waitFor(() => expect(text).toHaveAttribute('aria-invalid', 'true'));
    expect(text).toHaveAccessibleDescription(/is longer than 10000 characters/);
  });

  it('asks for a number before sending a blank deadline', async () => {
    core();
    const user = userEvent.setup();
    render(SettingsView);
    const acknowledge = await screen.findByLabelText('Acknowledge within (days)');
    await user.clear(acknowledge);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(acknowledge).toHaveAccessibleDescription(/Enter a whole number of days\./);
    expect(saved()).toEqual([]);
  });

  it("puts the core's objection to the notice days beside that box", async () => {
    core();
    const user = userEvent.setup();
    render(SettingsView);
    const notice = await screen.findByLabelText('Remind me ahead of a deadline (days)');
    invokeMock.mockRejectedValueOnce({ kind: 'invalid', field: 'reminders.complaint_notice_days', message: '90 days is more than the 60 allowed' });
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(notice).toHaveAttribute('aria-invalid', 'true'));
    expect(notice).toHaveAccessibleDescription(/90 days is more than the 60 allowed/);
  });
});

describe('asking for feedback', () => {
  it('is off by default; turned on it asks after how many days, and after orders, meetings or both', async () => {
    core();
    const user = userEvent.setup();
    render(SettingsView);
    const group = await screen.findByRole('group', { name: 'Asking for feedback' });
    const asking = within(group).getByLabelText('Remind me to ask how it went');
    expect(asking).not.toBeChecked();
    expect(asking).toHaveAccessibleDescription(/A reminder on Today some days after an order or a meeting/);
    expect(within(group).queryByLabelText('Ask after (days)')).toBeNull();

    // Saved while off: asking stays off.
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(saved()).toHaveLength(1));
    expect(saved()[0].feedback).toEqual({ ask_after_days: null, after_orders: true, after_meetings: true });

    await user.click(asking);
    const days = within(group).getByLabelText('Ask after (days)');
    expect(days).toHaveValue(3);
    await user.clear(days);
    await user.type(days, '5');
    await user.click(within(group).getByLabelText('After meetings'));
    expect(within(group).getByLabelText('After orders')).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(saved()).toHaveLength(2));
    expect(saved()[1].feedback).toEqual({ ask_after_days: 5, after_orders: true, after_meetings: false });
  });

  it('shows the stored days, and turning it off sends null', async () => {
    const stored = defaultSettings();
    stored.feedback = { ask_after_days: 4, after_orders: true, after_meetings: false };
    core(stored);
    const user = userEvent.setup();
    render(SettingsView);
    const asking = await screen.findByLabelText('Remind me to ask how it went');
    expect(asking).toBeChecked();
    expect(screen.getByLabelText('Ask after (days)')).toHaveValue(4);
    expect(screen.getByLabelText('After meetings')).not.toBeChecked();

    await user.click(asking);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(saved()).toHaveLength(1));
    expect(saved()[0].feedback).toEqual({ ask_after_days: null, after_orders: true, after_meetings: false });
  });

  it("shows the core's objection to the days beside the box, and asks for a number before sending none", async () => {
    core();
    const user = userEvent.setup();
    render(SettingsView);
    await user.click(await screen.findByLabelText('Remind me to ask how it went'));
    const days = screen.getByLabelText('Ask after (days)');
    await user.clear(days);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(days).toHaveAccessibleDescription('Enter a whole number of days, or turn asking off.');
    expect(saved()).toEqual([]);

    await user.type(days, '0');
    invokeMock.mockRejectedValueOnce({ kind: 'invalid', field: 'feedback.ask_after_days', message: '0 days: use 1 to 365, or turn asking off' });
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(days).toHaveAccessibleDescription('0 days: use 1 to 365, or turn asking off'));
    expect(days).toHaveFocus();
  });
});
