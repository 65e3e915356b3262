// The window as a whole: Today as the first screen, moving between the sections and a customer's
// page, the saved segments under Customers, opening the Quick note from the sidebar or the
// keyboard, the banner for a note left unsaved, and the command palette (Ctrl+K) running what it
// reaches.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import type { AgendaItem } from './lib/bindings/AgendaItem';
import type { CustomerQuery } from './lib/bindings/CustomerQuery';
import type { Segment } from './lib/bindings/Segment';
import {
  agendaItem,
  complaintsOverviewFixture,
  complaintView,
  defaultSettings,
  insightsFixture,
  noInsight,
  renderedMessage,
  storedCustomer,
  summaryOf,
} from './test-fixtures';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const anna = storedCustomer({ name: 'Anna Berg', emails: ['anna@example.com'] });

function answer(draft: string | null = null, reminders: AgendaItem[] = [], segments: Segment[] = []): void {
  invokeMock.mockImplementation(async (command, args) => {
    switch (command) {
      case 'list_segments':
        return segments;
      case 'agenda':
        return { date: '2025-11-24', items: reminders };
      case 'get_settings':
        return defaultSettings();
      case 'query_customers':
        return { total: 1, items: [summaryOf(anna)] };
      case 'get_customer':
        return anna;
      case 'timeline':
      case 'list_orders':
      case 'list_products':
      case 'list_feedback':
      case 'list_complaints':
        return [];
      case 'customer_insight':
        return noInsight(anna.id);
      case 'insights':
        return insightsFixture();
      case 'quick_note_draft':
        return draft;
      case 'find_customers':
        return [{ id: anna.id, name: anna.name, company: null }];
      case 'render_message':
        return renderedMessage();
      case 'list_templates':
        return [
          {
            id: 'builtin/birthday',
            name: 'Regulars’ template',
            template: { occasion: 'birthday', subject: 'Happy birthday', body: 'Dear {first_name}' },
            is_default: true,
            built_in: true,
          },
        ];
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
    await goTo('#/customers');
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
    await goTo('#/customers');
    render(App);
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(nav).getByRole('link', { name: 'Customers' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Customers' })).toHaveAttribute('href', '#/customers');
  });
});

describe('saved segments', () => {
  const vips: Segment = {
    id: 'seg-vip',
    name: 'VIPs in Malmö',
    query: { tag: 'vip', city: 'Malmö', sort: 'last-contacted' },
    created_at: '2025-01-01T10:00:00Z',
  };
  const lapsed: Segment = { id: 'seg-lapsed', name: 'Lapsed', query: { status: 'lapsed', sort: 'name' }, created_at: '2025-01-02T10:00:00Z' };
  const queries = () => calls('query_customers').map((args) => (args as { query: CustomerQuery }).query);

  it('are listed under Customers, as links to their own route', async () => {
    answer(null, [], [lapsed, vips]);
    await goTo('#/customers');
    render(App);

    const list = await screen.findByRole('list', { name: 'Segments' });
    const links = within(list).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['Lapsed', 'VIPs in Malmö']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#/segments/seg-lapsed', '#/segments/seg-vip']);
    expect(links[0]).not.toHaveAttribute('aria-current');
    // Nested inside the Customers item of the Sections navigation.
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(nav).getByRole('link', { name: 'Customers' }).parentElement).toContainElement(list);
    expect(calls('list_segments')).toHaveLength(1);
  });

  it('open the customer list with their filters and sort, named in the heading', async () => {
    answer(null, [], [lapsed, vips]);
    await goTo('#/customers');
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('list', { name: 'Customers' });

    await user.click(within(await screen.findByRole('list', { name: 'Segments' })).getByRole('link', { name: 'VIPs in Malmö' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Customers: VIPs in Malmö' });
    expect(heading.textContent?.trim().startsWith('Customers')).toBe(true);
    await waitFor(() =>
      expect(queries().at(-1)).toEqual({ tag: 'vip', city: 'Malmö', sort: 'last-contacted', offset: 0, limit: 200 }),
    );
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('last-contacted');
    expect(screen.getByLabelText('City')).toHaveValue('Malmö');
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(nav).getByRole('link', { name: 'VIPs in Malmö' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Customers' })).toHaveAttribute('aria-current', 'true');
    // Nothing changed yet: nothing to update.
    expect(screen.queryByRole('button', { name: 'Update segment' })).toBeNull();
  });

  it('are saved from the current search, then opened and listed', async () => {
    const saved: Segment = { id: 'seg-new', name: 'Annas', query: { text: 'anna', sort: 'name' }, created_at: '2025-01-03T10:00:00Z' };
    let segments: Segment[] = [];
    answer(null, [], segments);
    const base = invokeMock.getMockImplementation()!;
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'save_segment') {
        segments = [saved];
        return saved;
      }
      if (command === 'list_segments') return segments;
      return base(command, args);
    });
    await goTo('#/customers');
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('list', { name: 'Customers' });
    expect(screen.queryByRole('button', { name: 'Save as segment' })).toBeNull();

    await user.type(screen.getByRole('searchbox', { name: 'Search customers' }), 'anna');
    await user.click(await screen.findByRole('button', { name: 'Save as segment' }));
    await user.type(screen.getByLabelText('Segment name'), 'Annas');
    await user.click(screen.getByRole('button', { name: 'Save segment' }));

    expect(calls('save_segment')).toEqual([{ draft: { name: 'Annas', query: { text: 'anna', sort: 'name' } } }]);
    await waitFor(() => expect(location.hash).toBe('#/segments/seg-new'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Customers: Annas' })).toBeInTheDocument();
    expect(screen.getByText('Saved segment “Annas”.')).toHaveAttribute('role', 'status');
    const list = screen.getByRole('list', { name: 'Segments' });
    expect(within(list).getByRole('link', { name: 'Annas' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('searchbox', { name: 'Search customers' })).toHaveValue('anna');
  });

  it('are renamed with update_segment, keeping their filters', async () => {
    let segments = [lapsed];
    answer(null, [], segments);
    const base = invokeMock.getMockImplementation()!;
    invokeMock.mockImplementation(async (command, args) => {
      if (command === 'update_segment') {
        segments = [{ ...lapsed, name: 'Gone quiet' }];
        return segments[0];
      }
      return command === 'list_segments' ? segments : base(command, args);
    });
    await goTo('#/segments/seg-lapsed');
    const user = userEvent.setup();
    render(App);

    await user.click(await screen.findByRole('button', { name: 'Rename segment' }));
    const name = screen.getByLabelText('Segment name');
    expect(name).toHaveValue('Lapsed');
    expect(name).toHaveFocus();
    await user.clear(name);
    await user.type(name, 'Gone quiet');
    await user.click(screen.getByRole('button', { name: 'Save name' }));

    expect(calls('update_segment')).toEqual([{ id: 'seg-lapsed', draft: { name: 'Gone quiet', query: lapsed.query } }]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Customers: Gone quiet' })).toBeInTheDocument();
    expect(screen.getByText('Renamed segment to “Gone quiet”.')).toBeInTheDocument();
    await waitFor(() => expect(calls('list_segments').length).toBeGreaterThan(1));
  });

  it('are deleted after asking, returning to all customers', async () => {
    answer(null, [], [lapsed]);
    await goTo('#/segments/seg-lapsed');
    const user = userEvent.setup();
    render(App);

    await user.click(await screen.findByRole('button', { name: 'Delete segment' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete segment' });
    expect(dialog).toHaveTextContent('Delete segment “Lapsed”?');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(calls('delete_segment')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Delete segment' }));

    expect(calls('delete_segment')).toEqual([{ id: 'seg-lapsed' }]);
    await waitFor(() => expect(location.hash).toBe('#/customers'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Customers' })).toBeInTheDocument();
    expect(screen.getByText('Deleted segment “Lapsed”.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('Messages', () => {
  it('opens from #/messages, between Customers and Settings in the sidebar', async () => {
    await goTo('#/messages');
    render(App);

    expect(await screen.findByRole('heading', { level: 1, name: 'Messages' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Templates' });
    expect(within(list).getByRole('button', { name: /Regulars’ template/ })).toBeInTheDocument();
    expect(calls('list_templates')).toEqual([{ occasion: 'birthday' }]);
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    const link = within(nav).getByRole('link', { name: 'Messages' });
    expect(link).toHaveAttribute('href', '#/messages');
    expect(link).toHaveAttribute('aria-current', 'page');
  });
});

describe('Complaints', () => {
  it('opens from #/complaints, right after Customers in the sidebar', async () => {
    invokeMock.mockImplementation(async (command) => {
      if (command === 'complaints_overview') return complaintsOverviewFixture();
      if (command === 'agenda') return { date: '2025-11-24', items: [] };
      return command === 'list_segments' ? [] : null;
    });
    await goTo('#/complaints');
    render(App);

    expect(await screen.findByRole('heading', { level: 1, name: 'Complaints' })).toBeInTheDocument();
    expect((await screen.findAllByRole('link', { name: 'Bo Ek' }))[0]).toHaveAttribute('href', '#/customers/c-bo');
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    const names = within(nav).getAllByRole('link').map((a) => a.textContent);
    expect(names.indexOf('Complaints')).toBe(names.indexOf('Customers') + 1);
    expect(within(nav).getByRole('link', { name: 'Complaints' })).toHaveAttribute('aria-current', 'page');
  });

  it("reads the daily list again when a complaint is acknowledged on a customer's page, so Today's count moves", async () => {
    const open = complaintView({ customer_id: anna.id, customer_name: anna.name });
    const due = agendaItem({
      customer_name: anna.name,
      customer_id: anna.id,
      kind: 'complaint-due',
      key: `complaint/${anna.id}/${open.id}/acknowledge`,
      label: 'Acknowledge complaint: The cake was late',
    });
    let acknowledged = false;
    answer(null, [due]);
    const base = invokeMock.getMockImplementation()!;
    invokeMock.mockImplementation(async (command, args) => {
      switch (command) {
        case 'list_complaints':
          return [acknowledged ? { ...open, status: 'acknowledged', acknowledged_at: '2025-11-17T09:00:00Z', next: 'resolve' } : open];
        case 'acknowledge_complaint':
          acknowledged = true;
          return { ...open, status: 'acknowledged' };
        case 'agenda':
          return { date: '2025-11-24', items: acknowledged ? [] : [due] };
        default:
          return base(command, args);
      }
    });
    await goTo(`#/customers/${anna.id}`);
    const user = userEvent.setup();
    render(App);
    const today = within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('link', { name: /^Today/ });
    await waitFor(() => expect(today).toHaveAccessibleName('Today, 1 due'));

    const complaints = await screen.findByRole('region', { name: /Complaints/ });
    await user.click(await within(complaints).findByRole('button', { name: /^Acknowledge/ }));

    await waitFor(() => expect(today).toHaveAccessibleName('Today'));
    expect(calls('acknowledge_complaint')).toEqual([{ id: open.id }]);
  });
});

describe('Insights', () => {
  it('opens from #/insights, between Complaints and Messages in the sidebar', async () => {
    await goTo('#/insights');
    render(App);

    expect(await screen.findByRole('heading', { level: 1, name: 'Insights' })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Customers ordering less than usual, most overdue first' })).toBeInTheDocument();
    expect(calls('insights')).toEqual([{ asOf: null }]);
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    const names = within(nav).getAllByRole('link').map((a) => a.textContent);
    expect(names.indexOf('Insights')).toBe(names.indexOf('Complaints') + 1);
    expect(names.indexOf('Messages')).toBe(names.indexOf('Insights') + 1);
    expect(within(nav).getByRole('link', { name: 'Insights' })).toHaveAttribute('aria-current', 'page');
  });

  it('keeps Insights current in the sidebar on one of its tabs, and keeps the insights read across tabs', async () => {
    await goTo('#/insights/products');
    render(App);
    expect(await screen.findByRole('heading', { name: 'Products' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(nav).getByRole('link', { name: 'Insights' })).toHaveAttribute('aria-current', 'true');

    await goTo('#/insights/segments');
    expect(await screen.findByRole('table', { name: 'Customers per segment' })).toBeInTheDocument();
    expect(calls('insights')).toHaveLength(1);
  });
});

describe('Today', () => {
  it('is the first screen, the first section in the sidebar, and shows the due count', async () => {
    const due = [
      agendaItem({ customer_name: 'Anna Berg', age: 41 }),
      agendaItem({ customer_name: 'Bo Ek', when: 'overdue', date: '2025-11-20' }),
      agendaItem({ customer_name: 'Cleo Park', when: 'upcoming', date: '2025-11-26' }),
    ];
    answer(null, due);
    await goTo('#/');
    render(App);

    expect(await screen.findByRole('list', { name: 'Today' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#/today', '#/customers', '#/complaints', '#/insights', '#/messages', '#/settings']);
    await waitFor(() => expect(links[0]).toHaveAccessibleName('Today, 2 due'));
    expect(links[0]).toHaveAttribute('aria-current', 'page');
    expect(links[1]).not.toHaveAttribute('aria-current');
  });

  it('opens when a notification sets #/today, from another screen', async () => {
    await goTo('#/customers');
    render(App);
    await screen.findByRole('list', { name: 'Customers' });
    await goTo('#/today');
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    expect(await screen.findByText(/^Nothing due\./)).toBeInTheDocument();
  });

  it('reads the list again when the window regains focus', async () => {
    render(App);
    await screen.findByText(/^Nothing due\./);
    const reads = calls('agenda').length;
    await fireEvent.focus(window);
    await waitFor(() => expect(calls('agenda').length).toBe(reads + 1));
  });
});

describe('Settings', () => {
  it('opens from the sidebar', async () => {
    const user = userEvent.setup();
    render(App);
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    await user.click(within(nav).getByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(await screen.findByLabelText('Missed birthdays stay for (days)')).toHaveValue(3);
    expect(within(nav).getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
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
    await goTo('#/customers');
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
        case 'list_segments':
          return [];
        case 'agenda':
          return { date: '2025-11-24', items: [] };
        default:
          return null;
      }
    });
    await goTo('#/customers');
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

describe('the command palette', () => {
  const palette = () => screen.getByRole('dialog', { name: 'Search and commands' });
  const box = () => within(palette()).getByRole('combobox');
  const ctrlK = () => fireEvent.keyDown(window, { key: 'k', ctrlKey: true });

  it('opens with Ctrl+K, and Escape closes it and gives focus back', async () => {
    await goTo('#/customers');
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('list', { name: 'Customers' });
    const link = within(screen.getByRole('navigation', { name: 'Sections' })).getByRole('link', { name: 'Messages' });
    link.focus();

    await ctrlK();
    expect(box()).toHaveFocus();
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog', { name: 'Search and commands' })).toBeNull();
    expect(link).toHaveFocus();
    expect(location.hash).toBe('#/customers');
  });

  it('is offered in the sidebar with its shortcut', async () => {
    const user = userEvent.setup();
    render(App);
    const button = screen.getByRole('button', { name: 'Search…' });
    expect(button).toHaveAttribute('aria-keyshortcuts', 'Control+K');
    expect(button).toHaveTextContent('Ctrl+K');
    await user.click(button);
    expect(box()).toHaveFocus();
  });

  it('does not open over another dialog', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(screen.getByRole('button', { name: 'Quick note' }));
    await ctrlK();
    expect(screen.queryByRole('dialog', { name: 'Search and commands' })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Quick note' })).toBeInTheDocument();
  });

  it('goes to a section picked with the arrows and Enter, and hands the keyboard to it', async () => {
    const user = userEvent.setup();
    render(App);
    await screen.findByText(/^Nothing due\./);
    await ctrlK();
    // Today, Customers, Complaints, Insights, Messages, Settings…
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(location.hash).toBe('#/settings');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('opens a customer found by name', async () => {
    const user = userEvent.setup();
    render(App);
    await ctrlK();
    await user.type(box(), 'anna');
    await waitFor(() => expect(within(palette()).getByRole('option', { name: /Anna Berg/ })).toHaveAttribute('aria-selected', 'true'));
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: 'Anna Berg' })).toBeInTheDocument();
    expect(location.hash).toBe(`#/customers/${anna.id}`);
    expect(calls('find_customers')).toEqual([{ query: 'anna', limit: 8 }]);
  });

  it('writes a message to a customer from anywhere, and their open page shows it', async () => {
    await goTo(`#/customers/${anna.id}`);
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('heading', { level: 1, name: 'Anna Berg' });
    await ctrlK();
    await user.type(box(), 'write');
    expect(within(palette()).getAllByRole('option').map((o) => o.querySelector('.label')?.textContent)).toEqual([
      'Write message to Anna Berg',
      'Write message to…',
    ]);
    await user.keyboard('{Enter}');

    const composer = screen.getByRole('dialog', { name: 'Write message' });
    expect(within(composer).getByRole('heading', { name: 'Message to Anna Berg' })).toBeInTheDocument();
    await waitFor(() => expect(within(composer).getByLabelText('Message')).toHaveValue(renderedMessage().body));
    const reads = calls('timeline').length;
    await user.click(within(composer).getByRole('button', { name: 'Copy message' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Write message' })).toBeNull());
    expect(calls('send_message')).toEqual([
      {
        customerId: anna.id,
        message: { channel: null, subject: renderedMessage().subject, body: renderedMessage().body, reminder_key: null },
      },
    ]);
    await waitFor(() => expect(calls('timeline').length).toBeGreaterThan(reads));
  });

  it('Add customer goes to Customers with the cursor in the form’s Name', async () => {
    const user = userEvent.setup();
    render(App);
    await ctrlK();
    await user.type(box(), 'add cu{Enter}');

    const form = await screen.findByRole('form', { name: 'Add customer' });
    expect(location.hash).toBe('#/customers');
    await waitFor(() => expect(within(form).getByLabelText(/^Name/)).toHaveFocus());
  });

  it('Quick note opens the Quick note', async () => {
    const user = userEvent.setup();
    render(App);
    await ctrlK();
    await user.type(box(), 'quick note{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Quick note' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Search and commands' })).toBeNull();
  });

  it("Send all of today's wishes opens Today with the first wish in the composer", async () => {
    const wishes = [agendaItem({ customer_name: 'Anna Berg', age: 41 }), agendaItem({ customer_name: 'Bo Ek' })];
    answer(null, wishes);
    await goTo('#/customers');
    const user = userEvent.setup();
    render(App);
    await screen.findByRole('list', { name: 'Customers' });
    await ctrlK();
    await user.type(box(), 'send');
    expect(within(palette()).getByRole('option', { name: /Send all of today's wishes/ })).toHaveTextContent('2 due');
    await user.keyboard('{Enter}');

    await waitFor(() => expect(location.hash).toBe('#/today'));
    const composer = await screen.findByRole('dialog', { name: 'Write message' });
    expect(composer).toHaveAccessibleDescription('1 of 2 — Anna Berg');
    await waitFor(() => expect(within(composer).getByLabelText('Message')).toHaveFocus());
    await user.click(within(composer).getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(screen.getByText("Today's wishes: 0 sent, 0 skipped, 2 not reached.")).toHaveAttribute('role', 'status'));
    expect(screen.getByRole('button', { name: "Send all of today's wishes (2)" })).toHaveFocus();
  });

  it("says so when no wishes are due", async () => {
    const user = userEvent.setup();
    render(App);
    await screen.findByText(/^Nothing due\./);
    await ctrlK();
    await user.type(box(), 'send all{Enter}');
    await waitFor(() =>
      expect(screen.getByText('No birthdays or anniversaries are waiting for a wish today.')).toHaveAttribute('role', 'status'),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
