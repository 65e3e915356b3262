// Your data in the window: reached from Settings (which stays the current section) and from the
// palette; a restore makes the window read again what it holds (the daily list, the segments,
// the Quick note's draft); erasing a customer leaves their page for the refreshed list.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { backupInfo, defaultSettings, noInsight, storedCustomer, summaryOf } from './test-fixtures';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const anna = storedCustomer({ name: 'Anna Berg' });
const counts = { customers: 812, interactions: 2304, orders: 120, products: 14, feedback: 0, complaints: 0 };

function answer(): void {
  invokeMock.mockImplementation(async (command) => {
    switch (command) {
      case 'agenda':
        return { date: '2026-12-01', items: [] };
      case 'get_settings':
        return defaultSettings();
      case 'query_customers':
        return { total: 1, items: [summaryOf(anna)] };
      case 'get_customer':
        return anna;
      case 'customer_insight':
        return noInsight(anna.id);
      case 'list_backups':
        return [backupInfo()];
      case 'restore_preview':
        return { backup: counts, current: counts };
      case 'restore_backup':
        return counts;
      case 'erase_customer':
        return { customer_name: 'Anna Berg', backups_with_customer: [] };
      case 'quick_note_draft':
        return null;
      case 'find_customers':
        return [];
      case 'list_segments':
      case 'list_imports':
      case 'timeline':
      case 'list_orders':
      case 'list_products':
      case 'list_feedback':
      case 'list_complaints':
        return [];
      default:
        return null;
    }
  });
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command);

async function goTo(hash: string): Promise<void> {
  location.hash = hash;
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(async () => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  answer();
  await goTo('');
});

afterEach(async () => {
  await goTo('');
});

describe('Your data', () => {
  it('is linked from Settings, which stays the current section', async () => {
    await goTo('#/settings');
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('link', { name: 'Your data' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Your data' })).toBeInTheDocument();
    expect(location.hash).toBe('#/data');
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(nav).getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'true');
  });

  it('is reached from the palette by what it holds', async () => {
    const user = userEvent.setup();
    render(App);
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    const palette = screen.getByRole('dialog', { name: 'Search and commands' });
    await user.type(within(palette).getByRole('combobox'), 'backup');
    await waitFor(() => expect(within(palette).getByRole('option', { name: /Your data/ })).toHaveAttribute('aria-selected', 'true'));
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: 'Your data' })).toBeInTheDocument();
    expect(location.hash).toBe('#/data');
  });

  it('after a restore, reads again the daily list, the segments and the draft', async () => {
    await goTo('#/data');
    const user = userEvent.setup();
    render(App);
    const backups = await screen.findByRole('list', { name: 'Saved backups' });
    await waitFor(() => expect(calls('agenda')).toHaveLength(1));
    const before = { agenda: calls('agenda').length, segments: calls('list_segments').length, draft: calls('quick_note_draft').length };
    await user.click(within(backups).getByRole('button', { name: /^Restore/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore backup' });
    await user.click(within(dialog).getByRole('button', { name: 'Replace everything' }));

    await waitFor(() => expect(calls('agenda').length).toBeGreaterThan(before.agenda));
    expect(calls('list_segments').length).toBeGreaterThan(before.segments);
    expect(calls('quick_note_draft').length).toBeGreaterThan(before.draft);
    expect(await screen.findByText(/^Restored the backup of .*: 812 customers, 2,304 notes, 120 orders and 14 products\.$/)).toHaveAttribute(
      'role',
      'status',
    );
  });
});

describe('erasing a customer', () => {
  it('leaves their page for the customer list, read again, and says so', async () => {
    await goTo(`#/customers/${anna.id}`);
    const user = userEvent.setup();
    render(App);
    await user.click(await screen.findByRole('button', { name: 'Erase (privacy request)' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Erase customer' })).getByRole('button', { name: 'Erase Anna Berg' }));
    const agendaReads = calls('agenda').length;
    await user.click(within(await screen.findByRole('dialog', { name: 'Anna Berg is erased' })).getByRole('button', { name: 'Back to customers' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Customers' })).toBeInTheDocument();
    expect(location.hash).toBe('#/customers');
    expect(calls('query_customers').length).toBeGreaterThan(0);
    expect(screen.getByText('Erased Anna Berg.')).toHaveAttribute('role', 'status');
    await waitFor(() => expect(calls('agenda').length).toBeGreaterThan(agendaReads));
  });
});
