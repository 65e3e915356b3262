// Complaints on a customer's page: what each says of the policy (the deadline, Overdue, how
// resolving went, each step's time), Open a complaint, then Acknowledge, Resolve (which asks how)
// and Close — each sent with the complaint's id, the page and the daily list read again after it.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { shortDay } from '../lib/agendaText';
import type { Complaint } from '../lib/bindings/Complaint';
import type { ComplaintView } from '../lib/bindings/ComplaintView';
import { formatMoment } from '../lib/format';
import { calendarDate, isoDate } from '../lib/followUp';
import { longDate } from '../lib/insightText';
import { QuickNoteDesk } from '../lib/quickNote.svelte';
import { complaintView, defaultSettings, noInsight, storedCustomer } from '../test-fixtures';
import CustomerPage from './CustomerPage.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const anna = storedCustomer({ name: 'Anna Berg' });
const today = isoDate(calendarDate(new Date()));

/** The stored complaint of a view (what the lifecycle commands answer with). */
function stored(view: ComplaintView): Complaint {
  return {
    id: view.id,
    customer_id: view.customer_id,
    opened_on: view.opened_on,
    channel: view.channel,
    summary: view.summary,
    severity: view.severity,
    status: view.status,
    opened_at: view.opened_at,
    acknowledged_at: view.acknowledged_at,
    resolved_at: view.resolved_at,
    resolution: view.resolution,
    closed_at: view.closed_at,
  };
}

/**
 * A core holding Anna's `complaints` that takes them through the policy as the real one does:
 * open → acknowledged → resolved (with words) → closed, and refuses a step out of turn.
 */
function core(complaints: ComplaintView[], extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  const state = { complaints: [...complaints] };
  const change = (id: unknown, update: (c: ComplaintView) => ComplaintView) => {
    state.complaints = state.complaints.map((c) => (c.id === id ? update(c) : c));
    return stored(state.complaints.find((c) => c.id === id)!);
  };
  invokeMock.mockImplementation(async (command, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    if (command in extra) return extra[command](a);
    switch (command) {
      case 'get_customer':
        return anna;
      case 'list_complaints':
        return state.complaints;
      case 'timeline':
      case 'list_orders':
      case 'list_feedback':
        return [];
      case 'customer_insight':
        return noInsight(anna.id);
      case 'get_settings':
        return defaultSettings();
      case 'acknowledge_complaint':
        return change(a.id, (c) => ({ ...c, status: 'acknowledged', acknowledged_at: '2025-11-17T09:30:00Z', next: 'resolve', overdue: false }));
      case 'resolve_complaint':
        if (String(a.resolution).trim() === '') throw { kind: 'invalid', field: 'resolution', message: 'say how it was resolved' };
        return change(a.id, (c) => ({
          ...c,
          status: 'resolved',
          resolved_at: '2025-11-18T14:00:00Z',
          resolution: String(a.resolution).trim(),
          next: null,
          overdue: false,
          resolution_days: 2,
          within_policy: true,
        }));
      case 'close_complaint':
        return change(a.id, (c) => ({ ...c, status: 'closed', closed_at: '2025-11-19T08:00:00Z' }));
      default:
        return null;
    }
  });
  return state;
}

function setup() {
  const announce = vi.fn();
  const oncomplaintschanged = vi.fn();
  render(CustomerPage, { id: anna.id, desk: new QuickNoteDesk(50), announce, ondeleted: vi.fn(), oncomplaintschanged });
  return { announce, oncomplaintschanged, user: userEvent.setup() };
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);
const section = () => screen.getByRole('region', { name: 'Complaints' });
const item = () => within(within(section()).getByRole('list', { name: 'Complaints of Anna Berg, newest first' })).getAllByRole('listitem')[0];

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

describe('the list', () => {
  it('says what the policy asks next, marks an overdue one, and shows each step with its time', async () => {
    const late = complaintView({ customer_id: anna.id, summary: 'Bread was stale', severity: 'high', overdue: true, acknowledge_by: '2025-11-18' });
    const done = complaintView({
      customer_id: anna.id,
      summary: 'Missing butter',
      status: 'closed',
      acknowledged_at: '2025-10-02T09:00:00Z',
      resolved_at: '2025-10-04T09:00:00Z',
      closed_at: '2025-10-05T09:00:00Z',
      resolution: 'Delivered it with an apology',
      next: null,
      resolution_days: 3,
      within_policy: true,
    });
    core([late, done]);
    setup();
    const list = await within(await screen.findByRole('region', { name: 'Complaints' })).findByRole('list', {
      name: 'Complaints of Anna Berg, newest first',
    });
    const [first, second] = within(list).getAllByRole('listitem').filter((li) => li.parentElement === list);

    expect(first).toHaveTextContent('Bread was stale');
    expect(first).toHaveTextContent('Open');
    expect(first).toHaveTextContent('High severity');
    expect(first).toHaveTextContent(`Acknowledge by ${shortDay('2025-11-18')}`);
    expect(within(first).getByText('Overdue')).toBeInTheDocument();
    expect(first).toHaveClass('overdue');
    expect(within(first).getByRole('list', { name: 'Steps' })).toHaveTextContent(`Complained ${longDate('2025-11-16')} · Phone`);
    expect(within(first).getByRole('button', { name: 'Acknowledge Anna Berg’s complaint: Bread was stale' })).toBeInTheDocument();

    expect(second).not.toHaveClass('overdue');
    expect(second).toHaveTextContent('Closed');
    expect(second).toHaveTextContent('Resolved in 3 days, within the policy');
    expect(second).toHaveTextContent('How it was resolved: Delivered it with an apology');
    const steps = within(within(second).getByRole('list', { name: 'Steps' })).getAllByRole('listitem').map((li) => li.textContent?.trim());
    expect(steps).toEqual([
      `Complained ${longDate('2025-11-16')} · Phone`,
      `Acknowledged ${formatMoment('2025-10-02T09:00:00Z')}`,
      `Resolved ${formatMoment('2025-10-04T09:00:00Z')}`,
      `Closed ${formatMoment('2025-10-05T09:00:00Z')}`,
    ]);
    expect(within(second).queryByRole('button')).toBeNull();
    expect(within(section()).getByText('1 pending')).toBeInTheDocument();
  });

  it('has good news when there are none', async () => {
    core([]);
    setup();
    expect(await within(await screen.findByRole('region', { name: 'Complaints' })).findByText('No complaints — good news.')).toBeInTheDocument();
  });
});

describe('a complaint through the policy', () => {
  it('is opened, acknowledged, resolved with how and closed, each step sent with its id and shown', async () => {
    const opened = complaintView({ customer_id: anna.id, summary: 'The cake was late', severity: 'high', opened_on: today, channel: 'email' });
    const state = core([], {
      open_complaint: () => {
        state.complaints = [opened];
        return stored(opened);
      },
    });
    const { announce, oncomplaintschanged, user } = setup();

    // Open a complaint.
    await user.click(await within(await screen.findByRole('region', { name: 'Complaints' })).findByRole('button', { name: 'Open a complaint' }));
    const form = screen.getByRole('form', { name: 'Open a complaint' });
    expect(within(form).getByLabelText('What went wrong')).toHaveFocus();
    expect(within(form).getByLabelText('When they complained')).toHaveValue(today);
    expect(within(form).getByRole('radio', { name: 'Medium' })).toBeChecked();
    await user.type(within(form).getByLabelText('What went wrong'), 'The cake was late');
    await user.click(within(form).getByRole('radio', { name: 'High' }));
    await user.selectOptions(within(form).getByLabelText('How they told you'), 'Email');
    await user.click(within(form).getByRole('button', { name: 'Open complaint' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Open a complaint' })).toBeNull());
    expect(calls('open_complaint')).toEqual([
      { customerId: anna.id, draft: { date: today, channel: 'email', summary: 'The cake was late', severity: 'high' } },
    ]);
    expect(announce).toHaveBeenCalledWith('Opened a complaint for Anna Berg.');
    expect(oncomplaintschanged).toHaveBeenCalledTimes(1);
    expect(item()).toHaveTextContent(`Acknowledge by ${shortDay(opened.acknowledge_by)}`);

    // Acknowledge.
    const timelineReads = calls('timeline').length;
    await user.click(within(item()).getByRole('button', { name: /^Acknowledge/ }));
    await waitFor(() => expect(item()).toHaveTextContent('Acknowledged'));
    expect(calls('acknowledge_complaint')).toEqual([{ id: opened.id }]);
    expect(item()).toHaveTextContent(`Resolve by ${shortDay(opened.resolve_by)}`);
    expect(within(within(item()).getByRole('list', { name: 'Steps' })).getAllByRole('listitem')[1]).toHaveTextContent(
      `Acknowledged ${formatMoment('2025-11-17T09:30:00Z')}`,
    );
    expect(calls('timeline').length).toBeGreaterThan(timelineReads);
    expect(oncomplaintschanged).toHaveBeenCalledTimes(2);
    expect(announce).toHaveBeenCalledWith('Acknowledged Anna Berg’s complaint: The cake was late.');
    // Focus moves on to the next step.
    const resolveButton = within(item()).getByRole('button', { name: /^Resolve/ });
    expect(resolveButton).toHaveFocus();

    // Resolve: it asks how, and an empty answer gets the core's message beside the box.
    await user.click(resolveButton);
    const dialog = screen.getByRole('dialog', { name: 'Resolve complaint' });
    const how = within(dialog).getByLabelText('How was it resolved?');
    expect(how).toHaveFocus();
    expect(how).toBeRequired();
    await user.click(within(dialog).getByRole('button', { name: 'Resolve complaint' }));
    await waitFor(() => expect(how).toHaveAttribute('aria-invalid', 'true'));
    expect(how).toHaveAccessibleDescription(/say how it was resolved/);
    await user.type(how, 'Baked a new one and delivered it');
    expect(how).not.toHaveAttribute('aria-invalid');
    await user.click(within(dialog).getByRole('button', { name: 'Resolve complaint' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Resolve complaint' })).toBeNull());
    expect(calls('resolve_complaint')).toEqual([
      { id: opened.id, resolution: '' },
      { id: opened.id, resolution: 'Baked a new one and delivered it' },
    ]);
    expect(item()).toHaveTextContent('Resolved in 2 days, within the policy');
    expect(item()).toHaveTextContent('How it was resolved: Baked a new one and delivered it');
    expect(oncomplaintschanged).toHaveBeenCalledTimes(3);
    const closeButton = within(item()).getByRole('button', { name: 'Close Anna Berg’s complaint: The cake was late' });
    await waitFor(() => expect(closeButton).toHaveFocus());

    // Close.
    await user.click(closeButton);
    await waitFor(() => expect(calls('close_complaint')).toEqual([{ id: opened.id }]));
    await waitFor(() => expect(within(item()).getByText('Closed', { selector: '.status' })).toBeInTheDocument());
    expect(within(item()).queryByRole('button')).toBeNull();
    expect(oncomplaintschanged).toHaveBeenCalledTimes(4);
    // Nothing left to do on it: focus goes to the section's heading.
    expect(within(section()).getByRole('heading', { name: 'Complaints' })).toHaveFocus();
  });

  it("shows the core's message about the summary beside it", async () => {
    core([], { open_complaint: () => Promise.reject({ kind: 'invalid', field: 'summary', message: 'is required' }) });
    const { user } = setup();
    await user.click(await within(await screen.findByRole('region', { name: 'Complaints' })).findByRole('button', { name: 'Open a complaint' }));
    const form = screen.getByRole('form', { name: 'Open a complaint' });
    await user.click(within(form).getByRole('button', { name: 'Open complaint' }));
    const summary = within(form).getByLabelText('What went wrong');
    await waitFor(() => expect(summary).toHaveAttribute('aria-invalid', 'true'));
    expect(summary).toHaveAccessibleDescription('is required');
    expect(summary).toHaveFocus();
  });

  it('says so when a step was already taken elsewhere, and shows where the complaint stands now', async () => {
    const open = complaintView({ customer_id: anna.id });
    const state = core([open], {
      acknowledge_complaint: () => {
        state.complaints = [{ ...open, status: 'acknowledged', acknowledged_at: '2025-11-17T08:00:00Z', next: 'resolve' }];
        return Promise.reject({ kind: 'invalid', field: 'status', message: 'the complaint is already acknowledged' });
      },
    });
    const { user } = setup();
    await user.click(await within(await screen.findByRole('region', { name: 'Complaints' })).findByRole('button', { name: /^Acknowledge/ }));
    expect(await within(item()).findByRole('alert')).toHaveTextContent('the complaint is already acknowledged');
    await waitFor(() => expect(item()).toHaveTextContent(`Resolve by ${shortDay(open.resolve_by)}`));
    expect(within(item()).queryByRole('button', { name: /^Acknowledge/ })).toBeNull();
  });

  it('Cancel in the resolve dialog sends nothing and gives focus back to Resolve', async () => {
    core([complaintView({ customer_id: anna.id, status: 'acknowledged', next: 'resolve' })]);
    const { user } = setup();
    const resolve = await within(await screen.findByRole('region', { name: 'Complaints' })).findByRole('button', { name: /^Resolve/ });
    await user.click(resolve);
    await user.click(within(screen.getByRole('dialog', { name: 'Resolve complaint' })).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: 'Resolve complaint' })).toBeNull();
    expect(calls('resolve_complaint')).toEqual([]);
    expect(resolve).toHaveFocus();
  });
});
