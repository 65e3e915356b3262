// The Complaints view over the core's overview: what waits for a step (overdue first, marked),
// each with its customer and next step, resolution times, repeat complainers, the policy as
// customers read it with Copy policy, every complaint, and the empty and failed states.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { longDay, shortDay } from '../lib/agendaText';
import type { ComplaintsOverview } from '../lib/bindings/ComplaintsOverview';
import { longDate } from '../lib/insightText';
import { complaintsOverviewFixture } from '../test-fixtures';
import ComplaintsView from './ComplaintsView.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

function core(overview: () => ComplaintsOverview | Promise<ComplaintsOverview> = () => complaintsOverviewFixture()) {
  invokeMock.mockImplementation(async (command) => {
    if (command === 'complaints_overview') return overview();
    return null;
  });
}

function setup() {
  const announce = vi.fn();
  const onchanged = vi.fn();
  render(ComplaintsView, { announce, onchanged });
  return { announce, onchanged, user: userEvent.setup() };
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.children).map((cell) => plain(cell.textContent ?? '')));

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

describe('what waits for a step', () => {
  it('lists the overdue ones first, marked, each with its customer, age, deadline and next step', async () => {
    core();
    setup();
    const table = await screen.findByRole('table', { name: 'Complaints waiting for a step, overdue first, then oldest first' });
    expect(screen.getByRole('heading', { level: 1, name: 'Complaints' })).toBeInTheDocument();
    expect(screen.getByText(`As of ${longDay('2025-11-24')}`)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Waiting for a step 2' })).toBeInTheDocument();
    expect(screen.getByText("1 complaint is past the policy's deadline.")).toBeInTheDocument();

    const [bo, anna] = rowsOf(table);
    expect(bo).toHaveClass('overdue');
    expect(within(bo).getByRole('link', { name: 'Bo Ek' })).toHaveAttribute('href', '#/customers/c-bo');
    expect(bo).toHaveTextContent('Bread was stale');
    expect(bo).toHaveTextContent('High severity');
    expect(bo).toHaveTextContent(longDate('2025-11-19'));
    expect(bo).toHaveTextContent('5 days ago');
    expect(bo).toHaveTextContent(`Acknowledge by ${shortDay('2025-11-21')}`);
    expect(within(bo).getByText('Overdue')).toBeInTheDocument();
    expect(within(bo).getByRole('button', { name: 'Acknowledge Bo Ek’s complaint: Bread was stale' })).toBeInTheDocument();

    expect(anna).not.toHaveClass('overdue');
    expect(within(anna).queryByText('Overdue')).toBeNull();
    expect(anna).toHaveTextContent(`Resolve by ${shortDay('2025-11-25')}`);
    expect(within(anna).queryByRole('button', { name: /^Acknowledge/ })).toBeNull();
    expect(within(anna).getByRole('button', { name: 'Resolve Anna Berg’s complaint: Wrong cake flavour' })).toBeInTheDocument();
  });

  it('acknowledges one with its id, reads the overview again and lets the window read the daily list', async () => {
    let overview = complaintsOverviewFixture();
    core(() => overview);
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'complaints_overview') return overview;
      if (command === 'acknowledge_complaint') {
        const bo = overview.pending[1];
        expect(args).toEqual({ id: bo.id });
        overview = {
          ...overview,
          pending: [overview.pending[0], { ...bo, status: 'acknowledged', next: 'resolve', overdue: false }],
        };
        return { ...bo, status: 'acknowledged' };
      }
      return null;
    });
    const { announce, onchanged, user } = setup();
    const table = await screen.findByRole('table', { name: /^Complaints waiting for a step/ });
    await user.click(within(table).getByRole('button', { name: 'Acknowledge Bo Ek’s complaint: Bread was stale' }));

    await waitFor(() => expect(onchanged).toHaveBeenCalledTimes(1));
    expect(calls('acknowledge_complaint')).toHaveLength(1);
    expect(calls('complaints_overview')).toHaveLength(2);
    expect(announce).toHaveBeenCalledWith('Acknowledged Bo Ek’s complaint: Bread was stale.');
    expect(screen.queryByText(/past the policy's deadline/)).toBeNull();
    // Still pending, now waiting to be resolved: focus is on that step.
    const bo = rowsOf(table).find((row) => within(row).queryByRole('link', { name: 'Bo Ek' }))!;
    await waitFor(() => expect(within(bo).getByRole('button', { name: 'Resolve Bo Ek’s complaint: Bread was stale' })).toHaveFocus());
  });

  it('says when nothing waits', async () => {
    core(() => ({ ...complaintsOverviewFixture(), pending: [] }));
    setup();
    expect(await screen.findByText('Nothing waiting: every complaint has been resolved.')).toBeInTheDocument();
  });

  it('has good news when there are no complaints at all', async () => {
    core(() => ({
      ...complaintsOverviewFixture(),
      pending: [],
      all: [],
      resolved: 0,
      average_resolution_days: null,
      median_resolution_days: null,
      within_policy: null,
      repeat_complainers: [],
    }));
    setup();
    expect(await screen.findByText('No complaints — good news.')).toBeInTheDocument();
    expect(screen.getByText('Nothing resolved yet. Once complaints are, how long resolving takes appears here.')).toBeInTheDocument();
    expect(screen.getByText('No one has complained more than once.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'All complaints' })).toBeNull();
  });
});

describe('the figures', () => {
  it('give the resolution times and the share within the policy', async () => {
    core();
    setup();
    await screen.findByRole('heading', { name: 'How quickly they are resolved' });
    const figures = Array.from(document.querySelectorAll('.figures div')).map((d) => [
      plain(d.querySelector('dt')!.textContent!),
      plain(d.querySelector('dd')!.textContent!),
    ]);
    expect(figures).toEqual([
      ['Resolved', '2'],
      ['Average time', '6.5 days'],
      ['Median time', '6.5 days'],
      ["Within the policy's 7 days", '50%'],
    ]);
  });

  it('list who complained more than once, with how many still wait', async () => {
    core();
    setup();
    const table = await screen.findByRole('table', { name: 'Customers who complained more than once, most complaints first' });
    expect(cells(table)).toEqual([
      ['Customer', 'Complaints', 'Still waiting'],
      ['Bo Ek', '2', '1'],
    ]);
    expect(within(table).getByRole('link', { name: 'Bo Ek' })).toHaveAttribute('href', '#/customers/c-bo');
  });

  it('list every complaint newest first, with its status and how resolving went', async () => {
    core();
    setup();
    const table = await screen.findByRole('table', { name: 'All complaints, newest first' });
    expect(cells(table).slice(1).map((row) => [row[0], row[1], row[3], row[4]])).toEqual([
      ['Bo Ek', 'Bread was stale', 'Open', `Acknowledge by ${shortDay('2025-11-21')}`],
      ['Anna Berg', 'Wrong cake flavour', 'Acknowledged', `Resolve by ${shortDay('2025-11-25')}`],
      ['Bo Ek', 'Missing butter', 'Closed', 'Resolved in 3 days, within the policy'],
      ['Cleo Park', 'Order mixed up', 'Resolved', 'Resolved in 10 days, later than the policy'],
    ]);
  });
});

describe('the policy', () => {
  it('shows the text as customers will read it and copies it', async () => {
    core();
    const { announce, user } = setup();
    const text = await screen.findByText('We acknowledge within 2 days and resolve within 7.');
    expect(text.tagName).toBe('BLOCKQUOTE');
    expect(screen.getByRole('link', { name: 'Change it in Settings' })).toHaveAttribute('href', '#/settings');
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');

    await user.click(screen.getByRole('button', { name: 'Copy policy' }));

    expect(writeText).toHaveBeenCalledWith('We acknowledge within 2 days and resolve within 7.');
    expect(await navigator.clipboard.readText()).toBe('We acknowledge within 2 days and resolve within 7.');
    expect(announce).toHaveBeenCalledWith('Copied the complaints policy.');
  });

  it('says so when it cannot copy', async () => {
    core();
    const { user } = setup();
    await screen.findByText('We acknowledge within 2 days and resolve within 7.');
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('Not allowed'));
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    try {
      await user.click(screen.getByRole('button', { name: 'Copy policy' }));
      expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't copy the policy. Select the text and copy it yourself.");
    } finally {
      delete (document as unknown as Record<string, unknown>).execCommand;
    }
  });
});

it('says why the complaints could not be read, and tries again', async () => {
  let fail = true;
  core(() => (fail ? Promise.reject({ kind: 'store-unreadable', field: null, message: 'The store cannot be read.' }) : complaintsOverviewFixture()));
  const user = userEvent.setup();
  render(ComplaintsView);
  expect(await screen.findByRole('alert')).toHaveTextContent('The store cannot be read.');
  fail = false;
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByRole('table', { name: /^Complaints waiting for a step/ })).toBeInTheDocument();
});
