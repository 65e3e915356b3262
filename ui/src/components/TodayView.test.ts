// The Today view: the core's agenda in Overdue / Today / Upcoming sections, the actions on each
// reminder (Done, Snooze, Dismiss, Write message), Undo, the keyboard, the empty and failed
// states, sending all of today's wishes one by one, and long sections shown 50 at a time.
// Every date counts from the agenda's own `date` (2025-11-24), never the clock.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { longDay, shortDay } from '../lib/agendaText';
import type { AgendaItem } from '../lib/bindings/AgendaItem';
import { formatNumber } from '../lib/money';
import { TodayList } from '../lib/today.svelte';
import { agendaItem, agendaItems, renderedMessage } from '../test-fixtures';
import TodayView from './TodayView.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const TODAY = '2025-11-24';

const lena = agendaItem({ customer_name: 'Lena Holm', kind: 'follow-up', when: 'overdue', date: '2025-11-21', label: 'Send the quote', detail: 'Wants <b>rye</b> for 40 people' });
const anna = agendaItem({ customer_name: 'Anna Berg', age: 41 });
const bo = agendaItem({ customer_name: 'Bo Ek', kind: 'anniversary', label: 'Wedding', years: 6 });
const cleo = agendaItem({ customer_name: 'Cleo Park', when: 'upcoming', date: '2025-11-26' });

/** A core holding `items` on `date`: done and dismiss take an item off; undo puts the last one back. */
function core(items: AgendaItem[]): { items: AgendaItem[]; date: string } {
  const state = { items: [...items], date: TODAY };
  const taken: AgendaItem[] = [];
  const take = (key: string) => {
    const item = state.items.find((i) => i.key === key);
    if (item) taken.push(item);
    state.items = state.items.filter((i) => i.key !== key);
  };
  invokeMock.mockImplementation(async (command, args) => {
    const a = (args ?? {}) as { key?: string; until?: string; message?: { reminder_key?: string | null } };
    switch (command) {
      case 'render_message':
        return renderedMessage();
      case 'send_message':
        if (a.message?.reminder_key) take(a.message.reminder_key);
        return 'i1';
      case 'agenda':
        return { date: state.date, items: state.items };
      case 'reminder_done':
      case 'reminder_dismiss':
      case 'reminder_snooze':
        take(a.key!);
        return null;
      case 'reminder_undo': {
        const item = taken.pop();
        if (!item) return null;
        state.items = items.filter((i) => i.key === item.key || state.items.includes(i));
        return { key: item.key };
      }
      default:
        return null;
    }
  });
  return state;
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);
const itemOf = (name: string) => screen.getByText(name).closest('li') as HTMLElement;

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

afterEach(() => {
  location.hash = '';
});

describe('the list', () => {
  it('shows Overdue, Today and Upcoming in order, with their counts and items', async () => {
    core([lena, anna, bo, cleo]);
    render(TodayView);

    expect(await screen.findByRole('list', { name: 'Today' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    const headings = screen.getAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual(['Overdue 1', 'Today 2', 'Upcoming 1']);
    expect(headings[1].querySelector('.count')?.textContent).toBe('2');
    expect(screen.getByRole('region', { name: 'Today 2' })).toContainElement(screen.getByRole('list', { name: 'Today' }));

    const today = within(screen.getByRole('list', { name: 'Today' })).getAllByRole('listitem');
    expect(today.map((li) => li.dataset.key)).toEqual([anna.key, bo.key]);
    expect(today.every((li) => li.classList.contains('agenda-item'))).toBe(true);
    const link = within(today[0]).getByRole('link', { name: 'Anna Berg' });
    expect(link).toHaveClass('customer-name');
    expect(link).toHaveAttribute('href', `#/customers/${anna.customer_id}`);
  });

  it('writes the date in words and leaves out a section with no items', async () => {
    core([anna]);
    render(TodayView);
    await screen.findByRole('list', { name: 'Today' });
    expect(screen.getByText(longDay(TODAY))).toHaveTextContent(/Monday.*24|24.*Monday/);
    expect(screen.queryByRole('list', { name: 'Overdue' })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Upcoming' })).toBeNull();
  });

  it('says what each reminder is and when', async () => {
    const unknownYear = agendaItem({ customer_name: 'Dag Lund', age: null });
    const snoozed = agendaItem({ customer_name: 'Eva Sund', kind: 'keep-in-touch', label: 'Every 30 days', detail: 'Last contact 2 months ago', snoozed: true });
    core([lena, anna, unknownYear, bo, snoozed, cleo]);
    render(TodayView);
    await screen.findByRole('list', { name: 'Today' });

    expect(itemOf('Anna Berg')).toHaveTextContent('Birthday · turns 41');
    expect(itemOf('Dag Lund')).toHaveTextContent('Birthday');
    expect(itemOf('Dag Lund')).not.toHaveTextContent('turns');
    expect(itemOf('Bo Ek')).toHaveTextContent('Wedding · 6 years');
    expect(itemOf('Eva Sund')).toHaveTextContent('Keep in touch · Every 30 days');
    expect(itemOf('Eva Sund')).toHaveTextContent('Last contact 2 months ago');
    expect(itemOf('Eva Sund')).toHaveTextContent('snoozed');
    expect(itemOf('Lena Holm')).toHaveTextContent('Follow up: Send the quote');
    expect(itemOf('Lena Holm')).toHaveTextContent(/since .*21/);
    expect(itemOf('Cleo Park')).toHaveTextContent(/in 2 days · .*26/);
  });

  it('says when a customer is ordering less than usual, or their season is coming, and why', async () => {
    const drop = agendaItem({
      customer_name: 'Maja Sten',
      kind: 'order-drop',
      when: 'overdue',
      date: '2025-11-20',
      label: 'Ordering less than usual',
      detail: 'usually every 14 days; 70 days since the last order',
    });
    const season = agendaItem({
      customer_name: 'Nils Berg',
      kind: 'season',
      when: 'upcoming',
      date: '2025-11-26',
      label: 'Usually orders in December',
      detail: 'ordered in December in 3 years; the season starts around 2025-12-10',
    });
    core([drop, season]);
    render(TodayView);
    await screen.findByRole('list', { name: 'Upcoming' });

    expect(itemOf('Maja Sten')).toHaveTextContent('Ordering less than usual · since');
    expect(itemOf('Maja Sten')).toHaveTextContent('Usually every 14 days; 70 days since the last order.');
    expect(itemOf('Maja Sten')).toHaveAttribute('data-kind', 'order-drop');
    expect(itemOf('Nils Berg')).toHaveTextContent('Usually orders in December · in 2 days');
    expect(itemOf('Nils Berg')).toHaveTextContent(/Ordered in December in 3 years; the season starts around .*10/);
    expect(itemOf('Nils Berg')).not.toHaveTextContent('2025-12-10');
    expect(within(itemOf('Maja Sten')).getByRole('button', { name: 'Done: Maja Sten’s drop in orders' })).toBeInTheDocument();
    expect(within(itemOf('Nils Berg')).getByRole('button', { name: 'Snooze: Nils Berg’s season reminder' })).toBeInTheDocument();
  });

  it('shows a note excerpt as plain text, never as markup', async () => {
    core([lena]);
    render(TodayView);
    await screen.findByRole('list', { name: 'Overdue' });
    expect(screen.getByText('Wants <b>rye</b> for 40 people')).toBeInTheDocument();
    expect(itemOf('Lena Holm').querySelector('b')).toBeNull();
  });

  it('gives every button its short visible word and a name that says whose reminder it is', async () => {
    core([anna]);
    render(TodayView);
    const li = itemOf(await screen.findByText('Anna Berg').then((e) => e.textContent!));
    const texts = within(li).getAllByRole('button').map((b) => b.textContent?.trim());
    expect(texts).toEqual(['Done', 'Snooze', 'Write message']);
    expect(within(li).getByRole('button', { name: 'Done: Anna Berg’s birthday' })).toHaveAttribute('type', 'button');
    expect(within(li).getByRole('button', { name: 'Snooze: Anna Berg’s birthday' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('says what will appear when nothing is due, with a way to the customers', async () => {
    core([]);
    render(TodayView);
    expect(
      await screen.findByText(
        'Nothing due. Birthdays, anniversaries, follow-ups, keep-in-touch reminders and customers ordering less than usual will appear here as they come up.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Customers' })).toHaveAttribute('href', '#/customers');
    expect(screen.queryAllByRole('heading', { level: 2 })).toHaveLength(0);
  });

  it("says why it cannot show the list, and tries again", async () => {
    core([anna]);
    invokeMock.mockRejectedValueOnce({ kind: 'already-open', field: null, message: 'Another Regulars has the store open.' });
    const user = userEvent.setup();
    render(TodayView);

    expect(await screen.findByRole('alert')).toHaveTextContent('Another Regulars has the store open.');
    expect(screen.getByText('Problem code: already-open')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Today' })).toBeInTheDocument();
  });
});

describe('complaints and asking for feedback', () => {
  const complaint = agendaItem({
    customer_name: 'Olle Sund',
    kind: 'complaint-due',
    when: 'overdue',
    date: '2025-11-18',
    label: 'Acknowledge complaint: The cake was late',
    detail: 'complained 2025-11-16; the policy says acknowledge within 2 days',
  });
  const ask = agendaItem({
    customer_name: 'Pia Lind',
    kind: 'ask-feedback',
    label: 'Ask how the order went',
    detail: 'Order on 2025-11-21: 2 × Bread, 1 × Butter',
  });

  it("shows a complaint's deadline, marked once past it, with Done, Snooze, Write message and Open customer", async () => {
    const upcoming = agendaItem({
      customer_name: 'Rut Ek',
      kind: 'complaint-due',
      when: 'upcoming',
      date: '2025-11-25',
      label: 'Resolve complaint: Wrong flavour',
      detail: 'complained 2025-11-18; the policy says resolve within 7 days',
    });
    core([complaint, upcoming]);
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Overdue' });

    const row = itemOf('Olle Sund');
    expect(row).toHaveAttribute('data-kind', 'complaint-due');
    expect(row).toHaveTextContent(`Acknowledge complaint: The cake was late · since ${shortDay('2025-11-18')}`);
    expect(within(row).getByText("Past the policy's deadline")).toHaveClass('chip');
    expect(row).toHaveTextContent(`Complained ${shortDay('2025-11-16')}; the policy says acknowledge within 2 days.`);
    expect(within(row).getAllByRole('button').map((b) => b.textContent?.trim())).toEqual(['Done', 'Snooze', 'Write message', 'Open customer']);
    expect(within(row).getByRole('button', { name: 'Done: Olle Sund’s complaint' })).toBeInTheDocument();
    expect(within(itemOf('Rut Ek')).queryByText("Past the policy's deadline")).toBeNull();

    await user.click(within(row).getByRole('button', { name: 'Open customer: Olle Sund' }));
    expect(location.hash).toBe(`#/customers/${complaint.customer_id}`);
  });

  it('writes a follow-up about a complaint, and asks for feedback after an order', async () => {
    core([complaint, ask]);
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Today' });
    expect(itemOf('Pia Lind')).toHaveTextContent(`Order on ${shortDay('2025-11-21')}: 2 × Bread, 1 × Butter`);
    expect(within(itemOf('Pia Lind')).queryByRole('button', { name: /^Open customer/ })).toBeNull();

    for (const [item, occasion] of [
      [complaint, 'follow-up'],
      [ask, 'feedback'],
    ] as const) {
      invokeMock.mockClear();
      await user.click(within(itemOf(item.customer_name)).getByRole('button', { name: /^Write message/ }));
      const dialog = screen.getByRole('dialog', { name: 'Write message' });
      expect(within(dialog).getByLabelText('Occasion')).toHaveValue(occasion);
      await waitFor(() => expect(calls('render_message')).toEqual([{ customerId: item.customer_id, occasion }]));
      await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    }
  });
});

describe('actions', () => {
  it('Done marks the reminder done, reads the list again, announces it and offers Undo', async () => {
    core([anna, bo]);
    const announce = vi.fn();
    const user = userEvent.setup();
    render(TodayView, { announce });
    await screen.findByRole('list', { name: 'Today' });
    const reads = calls('agenda').length;

    await user.click(within(itemOf('Anna Berg')).getByRole('button', { name: /^Done/ }));

    await waitFor(() => expect(screen.queryByText('Anna Berg')).toBeNull());
    expect(calls('reminder_done')).toEqual([{ key: anna.key }]);
    expect(calls('agenda').length).toBeGreaterThan(reads);
    expect(announce).toHaveBeenCalledWith('Marked done: Anna Berg’s birthday.');
    expect(screen.getByText('Marked done: Anna Berg’s birthday.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    // Focus moves on to the next item rather than dropping to the page.
    expect(itemOf('Bo Ek')).toHaveFocus();
  });

  it('moves focus to the heading when the last item is done', async () => {
    core([anna]);
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Today' });
    await user.click(within(itemOf('Anna Berg')).getByRole('button', { name: /^Done/ }));
    await screen.findByText(/Nothing due\./);
    expect(screen.getByRole('heading', { level: 1, name: 'Today' })).toHaveFocus();
  });

  it('Snooze → Tomorrow sends the day after the agenda date', async () => {
    core([anna]);
    const announce = vi.fn();
    const user = userEvent.setup();
    render(TodayView, { announce });
    await screen.findByRole('list', { name: 'Today' });

    await user.click(within(itemOf('Anna Berg')).getByRole('button', { name: /^Snooze/ }));
    const panel = screen.getByRole('group', { name: 'Snooze Anna Berg’s birthday' });
    expect(within(panel).getByRole('button', { name: 'Tomorrow' })).toHaveFocus();
    await user.click(within(panel).getByRole('button', { name: 'Tomorrow' }));

    await waitFor(() => expect(calls('reminder_snooze')).toEqual([{ key: anna.key, until: '2025-11-25' }]));
    await waitFor(() => expect(announce).toHaveBeenCalledWith(expect.stringMatching(/^Snoozed until .*: Anna Berg’s birthday\.$/)));
  });

  it('Snooze → Next week sends a week after the agenda date, across the month', async () => {
    core([anna]);
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Today' });
    await user.click(within(itemOf('Anna Berg')).getByRole('button', { name: /^Snooze/ }));
    await user.click(screen.getByRole('button', { name: 'Next week' }));
    await waitFor(() => expect(calls('reminder_snooze')).toEqual([{ key: anna.key, until: '2025-12-01' }]));
  });

  it('snoozes to a chosen day, and shows the core’s objection beside the date', async () => {
    core([anna]);
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Today' });
    await user.click(within(itemOf('Anna Berg')).getByRole('button', { name: /^Snooze/ }));

    const until = screen.getByLabelText('Snooze until');
    expect(until).toHaveAttribute('min', '2025-11-25');
    await user.click(screen.getByRole('button', { name: 'Snooze to date' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose the day to snooze until.');
    expect(calls('reminder_snooze')).toEqual([]);

    invokeMock.mockRejectedValueOnce({ kind: 'invalid', field: 'until', message: 'Choose a day after today.' });
    await fireEvent.input(until, { target: { value: '2025-11-24' } });
    await user.click(screen.getByRole('button', { name: 'Snooze to date' }));
    expect(await screen.findByText('Choose a day after today.')).toHaveAttribute('role', 'alert');
    expect(until).toHaveAttribute('aria-invalid', 'true');
    expect(calls('reminder_snooze')).toEqual([{ key: anna.key, until: '2025-11-24' }]);

    await fireEvent.input(until, { target: { value: '2025-12-24' } });
    await user.click(screen.getByRole('button', { name: 'Snooze to date' }));
    await waitFor(() => expect(calls('reminder_snooze')).toHaveLength(2));
    expect(calls('reminder_snooze')[1]).toEqual({ key: anna.key, until: '2025-12-24' });
  });

  it('Dismiss, from the Snooze panel, takes the reminder off', async () => {
    core([anna]);
    const announce = vi.fn();
    const user = userEvent.setup();
    render(TodayView, { announce });
    await screen.findByRole('list', { name: 'Today' });
    await user.click(within(itemOf('Anna Berg')).getByRole('button', { name: /^Snooze/ }));
    await user.click(screen.getByRole('button', { name: 'Dismiss: Anna Berg’s birthday' }));
    await waitFor(() => expect(calls('reminder_dismiss')).toEqual([{ key: anna.key }]));
    expect(announce).toHaveBeenCalledWith('Dismissed: Anna Berg’s birthday.');
  });

  it('Escape closes the Snooze panel and returns to the Snooze button', async () => {
    core([anna]);
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Today' });
    const snooze = within(itemOf('Anna Berg')).getByRole('button', { name: /^Snooze/ });
    await user.click(snooze);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: /^Snooze/ })).toBeNull();
    expect(snooze).toHaveFocus();
  });

  it('Write message opens the composer for the occasion the reminder calls for', async () => {
    const lars = agendaItem({ customer_name: 'Lars Ek', kind: 'keep-in-touch', label: 'Every 30 days' });
    const maja = agendaItem({ customer_name: 'Maja Sten', kind: 'order-drop', label: 'Ordering less than usual' });
    const nils = agendaItem({ customer_name: 'Nils Berg', kind: 'season', label: 'Usually orders in December' });
    core([lena, anna, bo, lars, maja, nils]);
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Today' });
    const cases: [AgendaItem, string][] = [
      [anna, 'birthday'],
      [bo, 'anniversary'],
      [lena, 'follow-up'],
      [lars, 'follow-up'],
      [maja, 'follow-up'],
      [nils, 'seasonal'],
    ];
    for (const [item, occasion] of cases) {
      invokeMock.mockClear();
      const write = within(itemOf(item.customer_name)).getByRole('button', { name: /^Write message/ });
      await user.click(write);
      const dialog = screen.getByRole('dialog', { name: 'Write message' });
      expect(within(dialog).getByRole('heading', { name: `Message to ${item.customer_name}` })).toBeInTheDocument();
      expect(within(dialog).getByLabelText('Occasion')).toHaveValue(occasion);
      await waitFor(() => expect(calls('render_message')).toEqual([{ customerId: item.customer_id, occasion }]));
      await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      expect(screen.queryByRole('dialog', { name: 'Write message' })).toBeNull();
      expect(write).toHaveFocus();
    }
    expect(calls('send_message')).toEqual([]);
    expect(location.hash).toBe('');
  });

  it('a copied message is logged for the reminder, which leaves the list', async () => {
    core([anna, bo]);
    const announce = vi.fn();
    const user = userEvent.setup();
    render(TodayView, { announce });
    await screen.findByRole('list', { name: 'Today' });
    await user.click(within(itemOf('Anna Berg')).getByRole('button', { name: /^Write message/ }));
    const dialog = screen.getByRole('dialog', { name: 'Write message' });
    await waitFor(() => expect(within(dialog).getByLabelText('Message')).toHaveValue(renderedMessage().body));

    await user.click(within(dialog).getByRole('button', { name: 'Copy message' }));

    await waitFor(() => expect(screen.queryByText('Anna Berg')).toBeNull());
    expect(screen.queryByRole('dialog', { name: 'Write message' })).toBeNull();
    expect(calls('send_message')).toEqual([
      {
        customerId: anna.customer_id,
        message: { channel: null, subject: renderedMessage().subject, body: renderedMessage().body, reminder_key: anna.key },
      },
    ]);
    expect(announce).toHaveBeenCalledWith('Copied the message and logged it to Anna Berg.');
    await waitFor(() => expect(itemOf('Bo Ek')).toHaveFocus());
  });

  it('shows why an action failed', async () => {
    core([anna]);
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Today' });
    invokeMock.mockRejectedValueOnce({ kind: 'write-failed', field: null, message: 'The disk is full.' });
    await user.click(within(itemOf('Anna Berg')).getByRole('button', { name: /^Done/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The disk is full.');
    expect(screen.getByText('Anna Berg')).toBeInTheDocument();
  });
});

describe('undo', () => {
  it('Undo calls reminder_undo, reads the list again and puts focus on what came back', async () => {
    core([anna, bo]);
    const announce = vi.fn();
    const user = userEvent.setup();
    render(TodayView, { announce });
    await screen.findByRole('list', { name: 'Today' });
    await user.click(within(itemOf('Anna Berg')).getByRole('button', { name: /^Done/ }));
    await waitFor(() => expect(screen.queryByText('Anna Berg')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('Anna Berg')).toBeInTheDocument();
    expect(calls('reminder_undo')).toHaveLength(1);
    expect(announce).toHaveBeenLastCalledWith('Undone: Anna Berg’s birthday is back on the list.');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(itemOf('Anna Berg')).toHaveFocus();
  });

  it('shows the core’s message when the undo conflicts', async () => {
    core([anna]);
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Today' });
    await user.click(within(itemOf('Anna Berg')).getByRole('button', { name: /^Done/ }));
    await screen.findByRole('button', { name: 'Undo' });

    invokeMock.mockRejectedValueOnce({ kind: 'conflict', field: null, message: 'Anna Berg was changed since; nothing was undone.' });
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Anna Berg was changed since; nothing was undone.');
  });

  it('Ctrl+Z undoes, but not while typing in a field', async () => {
    core([anna]);
    const announce = vi.fn();
    const user = userEvent.setup();
    render(TodayView, { announce });
    await screen.findByRole('list', { name: 'Today' });
    await user.click(within(itemOf('Anna Berg')).getByRole('button', { name: /^Snooze/ }));
    await fireEvent.keyDown(screen.getByLabelText('Snooze until'), { key: 'z', ctrlKey: true });
    expect(calls('reminder_undo')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Tomorrow' }));
    await screen.findByRole('button', { name: 'Undo' });
    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(calls('reminder_undo')).toHaveLength(1));
    expect(await screen.findByText('Anna Berg')).toBeInTheDocument();
  });

  it('says so when there is nothing to undo', async () => {
    core([anna]);
    const announce = vi.fn();
    render(TodayView, { announce });
    await screen.findByRole('list', { name: 'Today' });
    await fireEvent.keyDown(document.body, { key: 'z', metaKey: true });
    await waitFor(() => expect(announce).toHaveBeenCalledWith('Nothing to undo.'));
  });
});

describe('keyboard', () => {
  it('puts one item in the Tab order and moves between items, across sections, with the arrows', async () => {
    core([lena, anna, cleo]);
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Today' });
    const items = [itemOf('Lena Holm'), itemOf('Anna Berg'), itemOf('Cleo Park')];
    expect(items.map((li) => li.tabIndex)).toEqual([0, -1, -1]);

    // The header's Send all (Anna's birthday is due) comes first, then the list.
    await user.tab();
    expect(screen.getByRole('button', { name: "Send all of today's wishes (1)" })).toHaveFocus();
    await user.tab();
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[2]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[2]).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(items[1]).toHaveFocus();
    expect(items.map((li) => li.tabIndex)).toEqual([-1, 0, -1]);
  });

  it('d marks the focused item done and focus moves to the next', async () => {
    core([anna, bo]);
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Today' });
    itemOf('Anna Berg').focus();
    await user.keyboard('d');
    await waitFor(() => expect(calls('reminder_done')).toEqual([{ key: anna.key }]));
    await waitFor(() => expect(itemOf('Bo Ek')).toHaveFocus());
  });

  it('s opens Snooze and Enter opens the customer', async () => {
    core([anna]);
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Today' });
    itemOf('Anna Berg').focus();
    await user.keyboard('s');
    expect(screen.getByRole('button', { name: 'Tomorrow' })).toHaveFocus();
    await user.keyboard('{Escape}');

    itemOf('Anna Berg').focus();
    await user.keyboard('{Enter}');
    expect(location.hash).toBe(`#/customers/${anna.customer_id}`);
  });
});

describe("sending all of today's wishes", () => {
  const dora = agendaItem({ customer_name: 'Dora Lind' });
  const eva = agendaItem({ customer_name: 'Eva Sund', age: 30 });
  const sendAll = (count: number) => screen.getByRole('button', { name: `Send all of today's wishes (${count})` });
  const composer = () => screen.getByRole('dialog', { name: 'Write message' });
  /** Waits for the composer to show `progress` and the core's message. */
  async function atWish(progress: string): Promise<HTMLElement> {
    await waitFor(() => expect(composer()).toHaveAccessibleDescription(progress));
    const dialog = composer();
    expect(within(dialog).getByText(progress)).toHaveClass('progress');
    await waitFor(() => expect(within(dialog).getByLabelText('Message')).toHaveValue(renderedMessage().body));
    return dialog;
  }

  it('offers them when birthdays or anniversaries are due, counting missed ones but no follow-ups or upcoming ones', async () => {
    const missed = agendaItem({ customer_name: 'Dag Lund', when: 'overdue', date: '2025-11-22' });
    core([lena, missed, anna, bo, cleo]);
    render(TodayView);
    await screen.findByRole('list', { name: 'Today' });
    expect(sendAll(3)).toHaveAttribute('type', 'button');
  });

  it('offers nothing to send when no birthday or anniversary is due', async () => {
    core([lena, cleo]);
    render(TodayView);
    await screen.findByRole('list', { name: 'Overdue' });
    expect(screen.queryByRole('button', { name: /^Send all/ })).toBeNull();
  });

  it('walks through them one by one: copy the first, skip the second, send the third, then says how it went', async () => {
    core([lena, anna, dora, eva]);
    const announce = vi.fn();
    const user = userEvent.setup();
    render(TodayView, { announce });
    await screen.findByRole('list', { name: 'Today' });
    await user.click(sendAll(3));

    let dialog = await atWish('1 of 3 — Anna Berg');
    expect(within(dialog).getByRole('heading', { name: 'Message to Anna Berg' })).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Occasion')).toHaveValue('birthday');
    expect(within(dialog).getByRole('radio', { name: 'Email' })).toBeChecked();
    expect(within(dialog).getByLabelText('Message')).toHaveFocus();
    expect(within(dialog).getByRole('button', { name: 'Stop' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Cancel' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Copy message' }));

    dialog = await atWish('2 of 3 — Dora Lind');
    expect(within(dialog).getByLabelText('Message')).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Skip' }));

    dialog = await atWish('3 of 3 — Eva Sund');
    await user.click(within(dialog).getByRole('button', { name: 'Open in email app' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(announce).toHaveBeenLastCalledWith("Today's wishes: 2 sent, 1 skipped.");
    expect(calls('render_message')).toEqual([
      { customerId: anna.customer_id, occasion: 'birthday' },
      { customerId: dora.customer_id, occasion: 'birthday' },
      { customerId: eva.customer_id, occasion: 'birthday' },
    ]);
    const { subject, body } = renderedMessage();
    expect(calls('send_message')).toEqual([
      { customerId: anna.customer_id, message: { channel: null, subject, body, reminder_key: anna.key } },
      { customerId: eva.customer_id, message: { channel: 'email', subject, body, reminder_key: eva.key } },
    ]);
    expect(calls('plugin:opener|open_url')).toEqual([{ url: renderedMessage().links.mailto }]);
    // Skipping left Dora's birthday as it was.
    expect(calls('reminder_done')).toEqual([]);
    expect(calls('reminder_dismiss')).toEqual([]);
    expect(calls('reminder_snooze')).toEqual([]);
    expect(itemOf('Dora Lind')).toBeInTheDocument();
    expect(screen.queryByText('Anna Berg')).toBeNull();
    expect(screen.queryByText('Eva Sund')).toBeNull();
    expect(sendAll(1)).toHaveFocus();
  });

  it('passes over one done meanwhile, writes an anniversary as one, and ends on the heading once all are sent', async () => {
    const state = core([anna, dora, bo]);
    const base = invokeMock.getMockImplementation()!;
    invokeMock.mockImplementation(async (command, args) => {
      // Dora's birthday is taken care of elsewhere while Anna's wish is being sent.
      if (command === 'send_message') state.items = state.items.filter((i) => i.key !== dora.key);
      return base(command, args);
    });
    const announce = vi.fn();
    const user = userEvent.setup();
    render(TodayView, { announce });
    await screen.findByRole('list', { name: 'Today' });
    await user.click(sendAll(3));

    await user.click(within(await atWish('1 of 3 — Anna Berg')).getByRole('button', { name: 'Copy message' }));
    const dialog = await atWish('3 of 3 — Bo Ek');
    expect(within(dialog).getByLabelText('Occasion')).toHaveValue('anniversary');
    await user.click(within(dialog).getByRole('button', { name: 'Copy message' }));

    await waitFor(() => expect(announce).toHaveBeenLastCalledWith("Today's wishes: 2 sent, 0 skipped, 1 no longer due."));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls('render_message')).toEqual([
      { customerId: anna.customer_id, occasion: 'birthday' },
      { customerId: bo.customer_id, occasion: 'anniversary' },
    ]);
    expect(calls('send_message').map((a) => (a as { message: { reminder_key: string } }).message.reminder_key)).toEqual([anna.key, bo.key]);
    expect(screen.queryByRole('button', { name: /^Send all/ })).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Today' })).toHaveFocus();
  });

  it('Stop ends the round where it is, sending nothing more and leaving the rest on the list', async () => {
    core([anna, dora, eva]);
    const announce = vi.fn();
    const user = userEvent.setup();
    render(TodayView, { announce });
    await screen.findByRole('list', { name: 'Today' });
    await user.click(sendAll(3));
    await user.click(within(await atWish('1 of 3 — Anna Berg')).getByRole('button', { name: 'Copy message' }));
    await user.click(within(await atWish('2 of 3 — Dora Lind')).getByRole('button', { name: 'Stop' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(announce).toHaveBeenLastCalledWith("Today's wishes: 1 sent, 0 skipped, 2 not reached.");
    expect(calls('send_message')).toHaveLength(1);
    expect(calls('render_message')).toHaveLength(2);
    expect(itemOf('Dora Lind')).toBeInTheDocument();
    expect(itemOf('Eva Sund')).toBeInTheDocument();
    expect(sendAll(2)).toHaveFocus();
  });

  it('Escape (the dialog closing) stops the round too', async () => {
    core([anna, dora]);
    const announce = vi.fn();
    const user = userEvent.setup();
    render(TodayView, { announce });
    await screen.findByRole('list', { name: 'Today' });
    await user.click(sendAll(2));
    const dialog = (await atWish('1 of 2 — Anna Berg')) as HTMLDialogElement;

    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    dialog.close();

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(announce).toHaveBeenLastCalledWith("Today's wishes: 0 sent, 0 skipped, 2 not reached.");
    expect(calls('send_message')).toEqual([]);
    expect(sendAll(2)).toHaveFocus();
  });
});

describe('long sections, 50 at a time', () => {
  const dora = () => agendaItem({ customer_name: 'Dora Lind', kind: 'keep-in-touch', label: 'Every 30 days' });
  const late = (count: number) => agendaItems(count, 'Late', { kind: 'follow-up', when: 'overdue', date: '2025-11-20', label: 'Call back' });
  const calls_ = (count: number) => agendaItems(count, 'Call', { kind: 'follow-up', label: 'Call' });
  /** The customers of the rows on screen in the section's list, in order. */
  const shown = (section: string) =>
    Array.from(screen.getByRole('list', { name: section }).querySelectorAll(':scope > li.agenda-item')).map(
      (li) => li.querySelector('.customer-name')!.textContent,
    );
  const names = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix} ${from + i}`);
  const moreButtons = () => screen.queryAllByRole('button', { name: /^Show (\S+ more|the last)/ });
  const heading = (section: string) => screen.getByRole('heading', { level: 2, name: new RegExp(`^${section} `) });

  it('shows 50 of 120, then 50 more focusing the 51st, then the last 20, the heading counting all 120', async () => {
    core([...late(120), anna]);
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Overdue' });

    expect(heading('Overdue')).toHaveTextContent('Overdue 120');
    expect(shown('Overdue')).toEqual(names('Late', 1, 50));
    expect(shown('Today')).toEqual(['Anna Berg']);
    // A section that is shown whole has no button.
    expect(moreButtons()).toHaveLength(1);
    const more = screen.getByRole('button', { name: 'Show 50 more overdue reminders (70 not shown yet)' });
    expect(more.textContent).toBe('Show 50 more');
    expect(more).toHaveAttribute('type', 'button');
    expect(more).toHaveClass('secondary');
    // Below the section's list, inside the section.
    expect(screen.getByRole('region', { name: 'Overdue 120' })).toContainElement(more);
    expect(screen.getByRole('list', { name: 'Overdue' }).compareDocumentPosition(more) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await user.click(more);
    expect(shown('Overdue')).toEqual(names('Late', 1, 100));
    expect(itemOf('Late 51')).toHaveFocus();
    expect(itemOf('Late 51').tabIndex).toBe(0);
    expect(heading('Overdue')).toHaveTextContent('Overdue 120');
    const last = screen.getByRole('button', { name: 'Show the last 20 overdue reminders' });
    expect(last.textContent).toBe('Show the last 20');

    // The arrows move among the rows on screen, the new ones included.
    await user.keyboard('{ArrowUp}');
    expect(itemOf('Late 50')).toHaveFocus();

    await user.click(last);
    expect(shown('Overdue')).toEqual(names('Late', 1, 120));
    expect(itemOf('Late 101')).toHaveFocus();
    expect(moreButtons()).toHaveLength(0);
    expect(heading('Overdue')).toHaveTextContent('Overdue 120');
    await user.keyboard('{ArrowDown}');
    expect(itemOf('Late 102')).toHaveFocus();
  });

  it('draws only 50 rows of a section in the thousands, and writes its numbers in full', async () => {
    core([...late(1_234), ...calls_(60), cleo]);
    render(TodayView);
    await screen.findByRole('list', { name: 'Overdue' });

    expect(document.querySelectorAll('li.agenda-item')).toHaveLength(101);
    expect(heading('Overdue').querySelector('.count')?.textContent).toBe(formatNumber(1_234));
    expect(heading('Today')).toHaveTextContent('Today 60');
    expect(heading('Upcoming')).toHaveTextContent('Upcoming 1');
    expect(moreButtons().map((b) => [b.textContent, b.getAttribute('aria-label')])).toEqual([
      ['Show 50 more', `Show 50 more overdue reminders (${formatNumber(1_184)} not shown yet)`],
      ['Show the last 10', 'Show the last 10 reminders for today'],
    ]);
  });

  it('says so when just one is not shown', async () => {
    core([...calls_(51)]);
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Today' });
    const button = screen.getByRole('button', { name: 'Show the last one, a reminder for today' });
    expect(button.textContent).toBe('Show the last one');
    await user.click(button);
    expect(itemOf('Call 51')).toHaveFocus();
    expect(moreButtons()).toHaveLength(0);
  });

  it('moves the next hidden item up into view when one shown is done, and focuses it after the last shown', async () => {
    core(late(60));
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Overdue' });
    expect(screen.queryByText('Late 51')).toBeNull();

    await user.click(within(itemOf('Late 1')).getByRole('button', { name: /^Done/ }));
    await waitFor(() => expect(screen.queryByText('Late 1')).toBeNull());
    expect(shown('Overdue')).toEqual(names('Late', 2, 51));
    expect(itemOf('Late 2')).toHaveFocus();
    expect(heading('Overdue')).toHaveTextContent('Overdue 59');
    expect(screen.getByRole('button', { name: 'Show the last 9 overdue reminders' })).toBeInTheDocument();

    // The last one shown: the one that moved up into its place takes the focus.
    await user.click(within(itemOf('Late 51')).getByRole('button', { name: /^Done/ }));
    await waitFor(() => expect(screen.queryByText('Late 51')).toBeNull());
    expect(shown('Overdue')).toEqual(names('Late', 2, 50).concat('Late 52'));
    expect(itemOf('Late 52')).toHaveFocus();

    // Dismiss and Snooze leave room the same way; d on the focused item too.
    await user.keyboard('d');
    await waitFor(() => expect(screen.queryByText('Late 52')).toBeNull());
    expect(itemOf('Late 53')).toHaveFocus();
    expect(shown('Overdue')).toHaveLength(50);
    expect(heading('Overdue')).toHaveTextContent('Overdue 57');

    // Undo puts it back where it was; the one shown last goes back out of view.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Late 52')).toBeInTheDocument();
    expect(itemOf('Late 52')).toHaveFocus();
    expect(shown('Overdue')).toEqual(names('Late', 2, 50).concat('Late 52'));
  });

  it('keeps focus in place in a section below a long one, and the arrows pass over the rows not shown', async () => {
    core([...late(60), anna, bo, dora(), cleo]);
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Today' });

    await user.click(within(itemOf('Bo Ek')).getByRole('button', { name: /^Done/ }));
    await waitFor(() => expect(screen.queryByText('Bo Ek')).toBeNull());
    expect(itemOf('Dora Lind')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(itemOf('Anna Berg')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(itemOf('Late 50')).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(itemOf('Cleo Park')).toHaveFocus();
  });

  it('keeps the number shown when the list is read again, all of a section that shrank, and 50 again on another day', async () => {
    const state = core([...late(120), ...calls_(80)]);
    const list = new TodayList();
    const user = userEvent.setup();
    render(TodayView, { list });
    await screen.findByRole('list', { name: 'Overdue' });
    await user.click(screen.getByRole('button', { name: /^Show 50 more overdue/ }));
    expect(shown('Overdue')).toHaveLength(100);

    // Read again (the window regained focus): as it was.
    await list.reload();
    await tick();
    expect(shown('Overdue')).toHaveLength(100);
    expect(shown('Today')).toHaveLength(50);

    // Thirty done elsewhere: all 90 left are shown; twenty more come, and 100 are shown again.
    const gone = state.items.filter((i) => i.when === 'overdue').slice(0, 30);
    state.items = state.items.filter((i) => !gone.includes(i));
    await list.reload();
    await tick();
    expect(shown('Overdue')).toEqual(names('Late', 31, 120));
    expect(screen.queryByRole('button', { name: /overdue/ })).toBeNull();
    state.items = [...agendaItems(20, 'New', { kind: 'follow-up', when: 'overdue', date: '2025-11-23' }), ...state.items];
    await list.reload();
    await tick();
    expect(shown('Overdue')).toEqual(names('New', 1, 20).concat(names('Late', 31, 110)));
    expect(screen.getByRole('button', { name: 'Show the last 10 overdue reminders' })).toBeInTheDocument();

    // The next morning: every section starts over at 50.
    state.date = '2025-11-25';
    await list.reload();
    await tick();
    expect(shown('Overdue')).toHaveLength(50);
    expect(shown('Today')).toHaveLength(50);
    expect(screen.getByRole('button', { name: 'Show 50 more overdue reminders (60 not shown yet)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show the last 30 reminders for today' })).toBeInTheDocument();
  });

  it("sends all of today's wishes, the ones not shown included", async () => {
    const missed = agendaItem({ customer_name: 'Missed 1', when: 'overdue', date: '2025-11-22' });
    const wish1 = agendaItem({ customer_name: 'Wish 1' });
    const wish2 = agendaItem({ customer_name: 'Wish 2', kind: 'anniversary', label: 'Wedding', years: 3 });
    core([...late(55), missed, ...calls_(60), wish1, wish2]);
    const announce = vi.fn();
    const user = userEvent.setup();
    render(TodayView, { announce });
    await screen.findByRole('list', { name: 'Today' });
    expect(screen.queryByText('Missed 1')).toBeNull();
    expect(screen.queryByText('Wish 1')).toBeNull();

    await user.click(screen.getByRole('button', { name: "Send all of today's wishes (3)" }));
    const dialog = () => screen.getByRole('dialog', { name: 'Write message' });
    const at = async (progress: string) => {
      await waitFor(() => expect(dialog()).toHaveAccessibleDescription(progress));
      await waitFor(() => expect(within(dialog()).getByLabelText('Message')).toHaveValue(renderedMessage().body));
      return dialog();
    };
    await user.click(within(await at('1 of 3 — Missed 1')).getByRole('button', { name: 'Copy message' }));
    await user.click(within(await at('2 of 3 — Wish 1')).getByRole('button', { name: 'Skip' }));
    const third = await at('3 of 3 — Wish 2');
    expect(within(third).getByLabelText('Occasion')).toHaveValue('anniversary');
    await user.click(within(third).getByRole('button', { name: 'Copy message' }));

    await waitFor(() => expect(announce).toHaveBeenLastCalledWith("Today's wishes: 2 sent, 1 skipped."));
    expect(calls('send_message').map((a) => (a as { message: { reminder_key: string } }).message.reminder_key)).toEqual([missed.key, wish2.key]);
    expect(screen.getByRole('button', { name: "Send all of today's wishes (1)" })).toHaveFocus();
    expect(heading('Overdue')).toHaveTextContent('Overdue 55');
    expect(heading('Today')).toHaveTextContent('Today 61');
  });

  it('Ctrl+Z puts back an item done beyond the first page, and shows it when it comes back out of view', async () => {
    const state = core(late(60));
    const user = userEvent.setup();
    render(TodayView);
    await screen.findByRole('list', { name: 'Overdue' });
    await user.click(screen.getByRole('button', { name: 'Show the last 10 overdue reminders' }));
    expect(itemOf('Late 51')).toHaveFocus();
    await user.click(within(itemOf('Late 58')).getByRole('button', { name: /^Done/ }));
    await waitFor(() => expect(screen.queryByText('Late 58')).toBeNull());
    expect(itemOf('Late 59')).toHaveFocus();
    expect(shown('Overdue')).toHaveLength(59);

    // Meanwhile twenty new ones came ahead of it: it comes back as the 78th, and is shown.
    const base = invokeMock.getMockImplementation()!;
    invokeMock.mockImplementation(async (command, args) => {
      const answer = await base(command, args);
      if (command === 'reminder_undo') state.items = [...agendaItems(20, 'New', { kind: 'follow-up', when: 'overdue', date: '2025-11-23' }), ...state.items];
      return answer;
    });
    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(await screen.findByText('Late 58')).toBeInTheDocument();
    expect(itemOf('Late 58')).toHaveFocus();
    expect(shown('Overdue')).toEqual(names('New', 1, 20).concat(names('Late', 1, 58)));
    expect(screen.getByRole('button', { name: 'Show the last 2 overdue reminders' })).toBeInTheDocument();
  });
});
