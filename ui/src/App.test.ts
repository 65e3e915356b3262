// The window as a whole: moving between the list and a customer's page, opening the Quick note
// from the sidebar or the keyboard, and the banner for a note left unsaved.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { storedCustomer, summaryOf } from './test-fixtures';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const anna = storedCustomer({ name: 'Anna Berg', emails: ['anna@example.com'] });

function answer(draft: string | null = null): void {
  invokeMock.mockImplementation(async (command, args) => {
    switch (command) {
      case 'query_customers':
        return { total: 1, items: [summaryOf(anna)] };
      case 'get_customer':
        return anna;
      case 'timeline':
        return [];
      case 'quick_note_draft':
        return draft;
      case 'find_customers':
        return [{ id: anna.id, name: anna.name, company: null }];
      default:
        void args;
        return null;
    }
  });
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);

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

describe('navigation', () => {
  it('opens a customer page from the list and comes back with Back', async () => {
    render(App);
    const list = await screen.findByRole('list', { name: 'Customers' });
    const link = within(list).getByRole('link', { name: 'Anna Berg' });
    expect(link).toHaveClass('customer-name');
    expect(link).toHaveAttribute('href', `#/customers/${anna.id}`);

    await goTo(link.getAttribute('href')!);
    expect(await screen.findByRole('heading', { level: 1, name: 'Anna Berg' })).toBeInTheDocument();
    expect(calls('get_customer')).toEqual([{ id: anna.id }]);
    expect(calls('timeline')).toEqual([{ id: anna.id }]);

    history.back();
    expect(await screen.findByRole('heading', { level: 1, name: 'Customers' })).toBeInTheDocument();
  });

  it('marks Customers as the current section in the sidebar', async () => {
    render(App);
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(nav).getByRole('link', { name: 'Customers' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Customers' })).toHaveAttribute('href', '#/customers');
  });
});

describe('opening the Quick note', () => {
  it('opens from the sidebar button and closes with Cancel', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(screen.getByRole('button', { name: 'Quick note' }));

    const dialog = screen.getByRole('dialog', { name: 'Quick note' });
    expect(within(dialog).getByLabelText('Customer')).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: 'Quick note' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Quick note' })).toHaveFocus();
  });

  it('opens with Ctrl+Shift+N', async () => {
    render(App);
    await fireEvent.keyDown(window, { key: 'N', ctrlKey: true, shiftKey: true });
    expect(screen.getByRole('dialog', { name: 'Quick note' })).toBeInTheDocument();
  });

  it('preselects the customer whose page is open', async () => {
    await goTo(`#/customers/${anna.id}`);
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('heading', { level: 1, name: 'Anna Berg' });
    await user.click(screen.getByRole('button', { name: 'Log a note' }));

    const dialog = screen.getByRole('dialog', { name: 'Quick note' });
    expect(within(dialog).getByLabelText('Customer')).toHaveValue('Anna Berg');
    expect(within(dialog).getByLabelText('Note')).toHaveFocus();
  });

  it('announces a saved note and shows it in the open timeline', async () => {
    await goTo(`#/customers/${anna.id}`);
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('heading', { level: 1, name: 'Anna Berg' });
    await user.click(screen.getByRole('button', { name: 'Log a note' }));
    const dialog = screen.getByRole('dialog', { name: 'Quick note' });
    await user.type(within(dialog).getByLabelText('Note'), 'Loves rye');
    const timelineReads = calls('timeline').length;
    await user.click(within(dialog).getByRole('button', { name: 'Save note' }));

    await waitFor(() => expect(screen.getByText('Note saved for Anna Berg.')).toHaveAttribute('role', 'status'));
    expect(screen.queryByRole('dialog', { name: 'Quick note' })).toBeNull();
    await waitFor(() => expect(calls('timeline').length).toBeGreaterThan(timelineReads));
  });
});

describe('an unsaved note from an earlier session', () => {
  const draft = JSON.stringify({ version: 1, customer: { id: anna.id, name: 'Anna Berg' }, kind: 'call', text: 'Wants rye', follow_up: '' });

  it('is offered in a banner; "Continue note" opens it filled in', async () => {
    answer(draft);
    const user = userEvent.setup();
    render(App);

    const banner = await screen.findByRole('region', { name: 'Unsaved note' });
    expect(banner).toHaveTextContent('You have an unsaved note for Anna Berg.');
    await user.click(within(banner).getByRole('button', { name: 'Continue note' }));

    const dialog = screen.getByRole('dialog', { name: 'Quick note' });
    expect(within(dialog).getByLabelText('Customer')).toHaveValue('Anna Berg');
    expect(within(dialog).getByLabelText('Kind')).toHaveValue('call');
    expect(within(dialog).getByLabelText('Note')).toHaveValue('Wants rye');
    expect(screen.queryByRole('region', { name: 'Unsaved note' })).toBeNull();
  });

  it('"Discard" throws it away and the banner goes', async () => {
    answer(draft);
    const user = userEvent.setup();
    render(App);

    const banner = await screen.findByRole('region', { name: 'Unsaved note' });
    await user.click(within(banner).getByRole('button', { name: 'Discard' }));

    expect(screen.queryByRole('region', { name: 'Unsaved note' })).toBeNull();
    await waitFor(() => expect(calls('save_quick_note_draft')).toEqual([{ text: '' }]));
  });

  it('is read as plain note text when it is not the expected JSON', async () => {
    answer('{not json');
    const user = userEvent.setup();
    render(App);

    const banner = await screen.findByRole('region', { name: 'Unsaved note' });
    expect(banner).toHaveTextContent('You have an unsaved note.');
    await user.click(within(banner).getByRole('button', { name: 'Continue note' }));
    expect(within(screen.getByRole('dialog', { name: 'Quick note' })).getByLabelText('Note')).toHaveValue('{not json');
  });

  it('shows no banner when there is no draft', async () => {
    render(App);
    await screen.findByRole('list', { name: 'Customers' });
    await waitFor(() => expect(calls('quick_note_draft')).toHaveLength(1));
    expect(screen.queryByRole('region', { name: 'Unsaved note' })).toBeNull();
  });
});

describe('sample data', () => {
  it('announces the sample customers in the status region once they are added', async () => {
    let seeded = false;
    invokeMock.mockImplementation(async (command) => {
      switch (command) {
        case 'query_customers':
          return seeded ? { total: 1, items: [summaryOf(anna)] } : { total: 0, items: [] };
        case 'seed_demo':
          seeded = true;
          return 200;
        case 'list_archived_customers':
          return [];
        default:
          return null;
      }
    });
    const user = userEvent.setup();
    render(App);

    await user.click(await screen.findByRole('button', { name: 'Try with sample data' }));

    await waitFor(() =>
      expect(screen.getByText('Added 200 sample customers (tagged demo).')).toHaveAttribute('role', 'status'),
    );
    expect(within(screen.getByRole('list', { name: 'Customers' })).getByRole('link', { name: 'Anna Berg' })).toBeInTheDocument();
    expect(calls('seed_demo')).toEqual([{ count: 200 }]);
  });
});
