// A customer's page: the profile, the timeline, and the actions on it (archive, delete, log).
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Customer } from '../lib/bindings/Customer';
import type { TimelineEntry } from '../lib/bindings/TimelineEntry';
import { formatBirthday, formatFollowUp } from '../lib/format';
import { calendarDate } from '../lib/followUp';
import { QuickNoteDesk } from '../lib/quickNote.svelte';
import { defaultSettings, noInsight, renderedMessage, storedCustomer } from '../test-fixtures';
import CustomerPage from './CustomerPage.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

const anna = storedCustomer({
  name: 'Anna Berg',
  nickname: 'Annie',
  company: 'Bakery Nord',
  role: 'Owner',
  emails: ['anna@example.com'],
  phones: ['+46 70 123 45 67'],
  birthday: '1985-11-23',
  dates: [{ label: 'Wedding anniversary', date: '--06-14' }],
  tags: ['vip', 'sourdough'],
  channel: 'whatsapp',
  source: 'Farmers market',
  cadence_days: 30,
  custom_fields: [{ label: "Dog's name", value: 'Biscuit' }],
  addresses: [{ label: 'Shop', street: 'Storgatan 1', postal_code: '111 22', city: 'Stockholm' }],
});

const followUp = `${new Date().getFullYear()}-12-01`;
const entries: TimelineEntry[] = [
  { id: 'i2', kind: 'call', at: '2025-11-20T14:30:00+01:00', text: 'Wants **rye** on Friday', follow_up: followUp },
  { id: 'i1', kind: 'meeting', at: '2025-11-01T09:00:00+01:00', text: 'First visit', follow_up: null },
];

function answer(customer: Customer = anna, timeline: TimelineEntry[] = entries, extra: Record<string, unknown> = {}) {
  invokeMock.mockImplementation(async (command) => {
    if (command in extra) {
      const value = extra[command];
      return typeof value === 'function' ? value() : value;
    }
    switch (command) {
      case 'get_customer':
        return customer;
      case 'timeline':
        return timeline;
      case 'list_orders':
      case 'list_products':
      case 'list_feedback':
      case 'list_complaints':
        return [];
      case 'customer_insight':
        return noInsight(customer.id);
      case 'get_settings':
        return defaultSettings();
      default:
        return null;
    }
  });
}

function setup(customer: Customer = anna) {
  const desk = new QuickNoteDesk(50);
  const announce = vi.fn();
  const ondeleted = vi.fn();
  const onmessagesent = vi.fn();
  render(CustomerPage, { id: customer.id, desk, announce, ondeleted, onmessagesent });
  return { desk, announce, ondeleted, onmessagesent, user: userEvent.setup() };
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  answer();
});

describe('the profile', () => {
  it('shows the name as the page heading and what is known about them', async () => {
    setup();
    const heading = await screen.findByRole('heading', { level: 1, name: 'Anna Berg' });
    await waitFor(() => expect(heading).toHaveFocus());
    const profile = document.querySelector('dl')!;
    for (const text of [
      'Annie',
      'Owner at Bakery Nord',
      '+46 70 123 45 67',
      formatBirthday('1985-11-23'),
      'Wedding anniversary',
      'WhatsApp',
      'Farmers market',
      'every 30 days',
      "Dog's name",
      'Biscuit',
      'Storgatan 1',
      '111 22 Stockholm',
      'Active',
      'Not yet',
    ]) {
      expect(profile).toHaveTextContent(text);
    }
    expect(within(profile).getByText('vip')).toHaveClass('chip');
    expect(within(profile).getByRole('link', { name: 'anna@example.com' })).toHaveAttribute(
      'href',
      'mailto:anna@example.com',
    );
  });

  it('opens an email address in the mail client through the opener', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('link', { name: 'anna@example.com' }));
    expect(calls('plugin:opener|open_url')).toEqual([{ url: 'mailto:anna@example.com' }]);
  });

  it('says so when the customer no longer exists', async () => {
    answer(anna, [], { get_customer: () => Promise.reject({ kind: 'not-found', field: null, message: 'No such customer.' }) });
    setup();
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('This customer is no longer here');
    expect(screen.getByRole('link', { name: 'Back to all customers' })).toHaveAttribute('href', '#/customers');
  });

  it('says in full when the store cannot be read', async () => {
    answer(anna, [], {
      get_customer: () => Promise.reject({ kind: 'store-unreadable', field: null, message: 'The store is damaged.' }),
    });
    setup();
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent("Regulars can't show this customer");
    expect(screen.getByRole('alert')).toHaveTextContent('The store is damaged.');
  });
});

describe('the timeline', () => {
  it('lists the entries newest first with kind, time, Markdown text and follow-up', async () => {
    setup();
    const section = await screen.findByRole('region', { name: 'Timeline' });
    const list = await within(section).findByRole('list', { name: 'Timeline' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Call');
    expect(items[0].querySelector('time')).toHaveAttribute('datetime', '2025-11-20T14:30:00+01:00');
    expect(items[0].querySelector('strong')).toHaveTextContent('rye');
    expect(items[0]).toHaveTextContent(`Follow up ${formatFollowUp(followUp, calendarDate(new Date()))}`);
    expect(items[1]).toHaveTextContent('Meeting');
    expect(items[1]).toHaveTextContent('First visit');
    expect(items[1]).not.toHaveTextContent('Follow up');
  });

  it('invites the first note when nothing is logged yet', async () => {
    answer(anna, []);
    setup();
    expect(
      await screen.findByText('Nothing logged yet. Notes from meetings and calls appear here, and orders as you log them.'),
    ).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Timeline' })).queryAllByRole('listitem')).toEqual([]);
  });

  it('shows a note saved for this customer', async () => {
    const { desk } = setup();
    await screen.findByRole('list', { name: 'Timeline' });
    answer(anna, [{ id: 'i3', kind: 'note', at: '2025-11-21T10:00:00+01:00', text: 'New one', follow_up: null }, ...entries]);
    desk.lastSaved = { customerId: anna.id, serial: 1 };

    expect(await screen.findByText('New one')).toBeInTheDocument();
  });

  it('ignores a note saved for someone else', async () => {
    const { desk } = setup();
    await screen.findByRole('list', { name: 'Timeline' });
    const reads = calls('timeline').length;
    desk.lastSaved = { customerId: 'someone-else', serial: 1 };
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls('timeline')).toHaveLength(reads);
  });
});

describe('actions', () => {
  it('"Log a note" opens the Quick note for this customer', async () => {
    const { desk, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Log a note' }));
    expect(desk.composing).toEqual({ customer: { id: anna.id, name: 'Anna Berg' }, kind: 'meeting', text: '', followUp: '' });
  });

  it('"Write message" opens the composer for a follow-up that answers no reminder, and logs it', async () => {
    answer(anna, entries, { render_message: renderedMessage({ subject: 'Following up', body: 'Hi Anna' }), send_message: 'i3' });
    const { announce, onmessagesent, user } = setup();
    const write = await screen.findByRole('button', { name: 'Write message' });
    await user.click(write);
    const dialog = screen.getByRole('dialog', { name: 'Write message' });
    expect(within(dialog).getByRole('heading', { name: 'Message to Anna Berg' })).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Occasion')).toHaveValue('follow-up');
    await waitFor(() => expect(within(dialog).getByLabelText('Message')).toHaveValue('Hi Anna'));
    expect(calls('render_message')).toEqual([{ customerId: anna.id, occasion: 'follow-up' }]);
    const reads = calls('timeline').length;

    await user.click(within(dialog).getByRole('button', { name: 'Open in email app' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Write message' })).toBeNull());
    expect(calls('send_message')).toEqual([
      { customerId: anna.id, message: { channel: 'email', subject: 'Following up', body: 'Hi Anna', reminder_key: null } },
    ]);
    expect(announce).toHaveBeenCalledWith('Logged the message to Anna Berg.');
    expect(onmessagesent).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(calls('timeline').length).toBeGreaterThan(reads));
    expect(write).toHaveFocus();
  });

  it('archives, says what that means, and can restore', async () => {
    const archived = { ...anna, archived_at: '2025-11-24T08:00:00Z' };
    answer(anna, entries, { archive_customer: archived, restore_customer: anna });
    const { announce, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Archive' }));

    expect(await screen.findByText('Archived — hidden from lists and reminders')).toBeInTheDocument();
    expect(calls('archive_customer')).toEqual([{ id: anna.id }]);
    expect(announce).toHaveBeenCalledWith('Archived Anna Berg.');

    await user.click(screen.getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(screen.queryByText('Archived — hidden from lists and reminders')).toBeNull());
    expect(calls('restore_customer')).toEqual([{ id: anna.id }]);
    expect(screen.getByRole('button', { name: 'Archive' })).toBeInTheDocument();
  });

  it('shows why an action failed', async () => {
    answer(anna, entries, {
      archive_customer: () => Promise.reject({ kind: 'write-failed', field: null, message: 'The disk is full.' }),
    });
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Archive' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The disk is full.');
  });
});

describe('deleting', () => {
  it('asks first, naming the customer and their notes; Cancel keeps everything', async () => {
    const { ondeleted, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Delete' }));

    const dialog = screen.getByRole('dialog', { name: 'Delete customer' });
    expect(dialog).toHaveTextContent('Delete Anna Berg?');
    expect(dialog).toHaveTextContent(/all their notes/);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: 'Delete customer' })).toBeNull();
    expect(calls('delete_customer')).toEqual([]);
    expect(ondeleted).not.toHaveBeenCalled();
  });

  it('deletes once confirmed and leaves the page', async () => {
    const { ondeleted, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete customer' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(ondeleted).toHaveBeenCalledWith('Anna Berg'));
    expect(calls('delete_customer')).toEqual([{ id: anna.id }]);
  });

  it('keeps the question open and says why when deleting fails', async () => {
    answer(anna, entries, {
      delete_customer: () => Promise.reject({ kind: 'write-failed', field: null, message: 'The disk is full.' }),
    });
    const { ondeleted, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete customer' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The disk is full.');
    expect(ondeleted).not.toHaveBeenCalled();
  });
});

describe('editing', () => {
  it('replaces the summary with the form, and shows the saved customer after', async () => {
    const renamed = { ...anna, name: 'Anna Lind' };
    answer(anna, entries, { update_customer: renamed });
    const { announce, desk, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Edit' }));

    const form = screen.getByRole('form', { name: 'Edit customer' });
    expect(document.querySelector('dl')).toBeNull();
    const name = within(form).getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Anna Lind');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Anna Lind' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Edit customer' })).toBeNull();
    expect(announce).toHaveBeenCalledWith('Saved Anna Lind.');
    expect(desk.pageCustomer).toEqual({ id: anna.id, name: 'Anna Lind' });
  });

  it('Cancel leaves the customer as they were', async () => {
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit customer' });
    await user.type(within(form).getByLabelText('Nickname'), 'xyz');
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('form', { name: 'Edit customer' })).toBeNull();
    expect(calls('update_customer')).toEqual([]);
    expect(document.querySelector('dl')).toHaveTextContent('Annie');
    expect(screen.getByRole('button', { name: 'Edit' })).toHaveFocus();
  });
});
