// The Customers view: the page of the list the core returned, its search box, sort and filters
// (all done by the core: the view only asks), its empty states, and a store it cannot read.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import type { CustomerPage } from '../lib/bindings/CustomerPage';
import type { CustomerQuery } from '../lib/bindings/CustomerQuery';
import { customerCount, formatBirthday } from '../lib/format';
import { customerSummary, storedCustomer } from '../test-fixtures';
import CustomersView from './CustomersView.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

type Answer = (query: CustomerQuery) => CustomerPage | Promise<CustomerPage>;

/** The core: `query_customers` answered by `answer`, no archived customers, seed_demo adds 200. */
function core(answer: Answer): void {
  invokeMock.mockImplementation(async (command, args) => {
    switch (command) {
      case 'query_customers':
        return answer((args as { query: CustomerQuery }).query);
      case 'seed_demo':
        return 200;
      case 'list_archived_customers':
        return [];
      default:
        return null;
    }
  });
}

const page = (...names: string[]): CustomerPage => ({
  total: names.length,
  items: names.map((name) => customerSummary({ name })),
});

const queries = () =>
  invokeMock.mock.calls.filter(([c]) => c === 'query_customers').map(([, args]) => (args as { query: CustomerQuery }).query);
const lastQuery = () => queries().at(-1);
const rowNames = () =>
  within(screen.getByRole('list', { name: 'Customers' }))
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('.customer-name')?.textContent);

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

it('lists the customers with their details and count', async () => {
  core(() => ({
    total: 2,
    items: [
      customerSummary({
        name: 'Anna Berg',
        email: 'anna@example.com',
        phone: '+46 70 123 45 67',
        birthday: '1985-11-23',
        tags: ['vip', 'bakery'],
        last_contacted: '2020-01-01T10:00:00Z',
      }),
      customerSummary({ name: 'Bakery Nord', kind: 'business' }),
    ],
  }));
  render(CustomersView);

  const list = await screen.findByRole('list', { name: 'Customers' });
  const rows = within(list).getAllByRole('listitem');
  expect(rows).toHaveLength(2);
  expect(rows[0]).toHaveTextContent('Anna Berg');
  expect(rows[0]).toHaveTextContent('anna@example.com');
  expect(rows[0]).toHaveTextContent('+46 70 123 45 67');
  expect(rows[0]).toHaveTextContent(formatBirthday('1985-11-23'));
  expect(rows[0]).toHaveTextContent('vip');
  expect(rows[0]).toHaveTextContent('bakery');
  expect(rows[0]).toHaveTextContent(/Last contacted .*ago/);
  expect(rows[0]).not.toHaveTextContent('Business');
  expect(rows[1]).toHaveTextContent('Business');
  expect(rows[1]).not.toHaveTextContent('Last contacted');
  expect(rows[0]).toHaveAttribute('aria-posinset', '1');
  expect(rows[1]).toHaveAttribute('aria-posinset', '2');
  expect(rows[1]).toHaveAttribute('aria-setsize', '2');
  expect(screen.getByRole('heading', { level: 1, name: 'Customers' })).toBeInTheDocument();
  expect(screen.getByText('2 customers')).toBeInTheDocument();
  expect(queries()).toEqual([{ sort: 'name', offset: 0, limit: 200 }]);
});

it("links each name, exactly as stored, to the customer's page", async () => {
  const anna = customerSummary({ name: 'Anna Berg' });
  core(() => ({ total: 1, items: [anna] }));
  render(CustomersView);

  const list = await screen.findByRole('list', { name: 'Customers' });
  const name = list.querySelector('li .customer-name');
  expect(name?.tagName).toBe('A');
  expect(name?.textContent).toBe('Anna Berg');
  expect(name).toHaveAttribute('href', `#/customers/${anna.id}`);
});

it('shows the total of every match, and renders only the rows in view', async () => {
  const items = Array.from({ length: 200 }, (_, i) => customerSummary({ name: `Customer ${i + 1}` }));
  core(() => ({ total: 1234, items }));
  render(CustomersView);

  expect(await screen.findByText(customerCount(1234))).toBeInTheDocument();
  const rows = within(screen.getByRole('list', { name: 'Customers' })).getAllByRole('listitem');
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.length).toBeLessThan(50);
  expect(rows[0]).toHaveAttribute('aria-setsize', '1234');
  expect(rows[0]).toHaveAttribute('aria-posinset', '1');
  expect(queries()).toHaveLength(1);
});

it('fetches the next page, after the rows already fetched, when scrolled near their end', async () => {
  core((query) => ({
    total: 1000,
    items: Array.from({ length: 200 }, (_, i) => customerSummary({ name: `Customer ${(query.offset ?? 0) + i + 1}` })),
  }));
  render(CustomersView);
  const list = await screen.findByRole('list', { name: 'Customers' });
  const scroller = list.parentElement!;

  scroller.scrollTop = 190 * 88;
  await fireEvent.scroll(scroller);

  await waitFor(() => expect(queries()).toHaveLength(2));
  expect(lastQuery()).toEqual({ sort: 'name', offset: 200, limit: 200 });
  await waitFor(() => expect(rowNames()).toContain('Customer 201'));
  expect(rowNames()).toContain('Customer 191');
  const first = within(list).getAllByRole('listitem')[0];
  expect(Number(first.getAttribute('aria-posinset'))).toBeGreaterThan(150);
});

it('refreshes the list when a customer was added from the Quick note', async () => {
  core(() => page());
  const view = render(CustomersView, { customersAdded: 0 });
  await screen.findByText('No customers yet.');
  core(() => page('Zed Olsen'));
  await view.rerender({ customersAdded: 1 });

  expect(await screen.findByRole('link', { name: 'Zed Olsen' })).toBeInTheDocument();
});

it('refreshes the list after a customer is added with the form', async () => {
  const user = userEvent.setup();
  core(() => page());
  render(CustomersView);
  await screen.findByText('No customers yet.');
  invokeMock.mockImplementation(async (command) => {
    if (command === 'add_customer') return storedCustomer({ name: 'Ny Kund' });
    if (command === 'query_customers') return page('Ny Kund');
    return [];
  });

  const form = screen.getByRole('form', { name: 'Add customer' });
  await user.type(within(form).getByLabelText(/^Name/), 'Ny Kund');
  await user.click(within(form).getByRole('button', { name: /Add customer/ }));

  expect(await screen.findByRole('link', { name: 'Ny Kund' })).toBeInTheDocument();
});

it('shows the archived customers on request, as links to their pages', async () => {
  const archived = storedCustomer({ name: 'Old Olle', archived_at: '2025-01-01T00:00:00Z' });
  invokeMock.mockImplementation(async (command) =>
    command === 'list_archived_customers' ? [archived] : command === 'query_customers' ? page() : null,
  );
  render(CustomersView);

  const toggle = await screen.findByRole('button', { name: 'Archived customers' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await userEvent.setup().click(toggle);

  const list = await screen.findByRole('list', { name: 'Archived customers' });
  expect(within(list).getByRole('link', { name: 'Old Olle' })).toHaveAttribute('href', `#/customers/${archived.id}`);
  expect(within(screen.getByRole('list', { name: 'Customers' })).queryAllByRole('listitem')).toEqual([]);
});

it('shows user text as text, never as markup', async () => {
  core(() => page('<img src=x onerror=alert(1)>'));
  render(CustomersView);

  const list = await screen.findByRole('list', { name: 'Customers' });
  expect(within(list).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
  expect(list.querySelector('img')).toBeNull();
});

it('invites the owner to add a first customer when there are none', async () => {
  core(() => page());
  render(CustomersView);

  expect(await screen.findByText('No customers yet.')).toBeInTheDocument();
  expect(within(screen.getByRole('list', { name: 'Customers' })).queryAllByRole('listitem')).toEqual([]);
  expect(screen.getByRole('form', { name: 'Add customer' })).toBeInTheDocument();
  expect(screen.getByText('0 customers')).toBeInTheDocument();
});

it('adds sample customers on request, then reloads the list and says so', async () => {
  const user = userEvent.setup();
  const announce = vi.fn();
  let seeded = false;
  core(() => (seeded ? page('Sample One', 'Sample Two') : page()));
  render(CustomersView, { announce });
  const button = await screen.findByRole('button', { name: 'Try with sample data' });
  invokeMock.mockImplementationOnce(async (command, args) => {
    expect(command).toBe('seed_demo');
    expect(args).toEqual({ count: 200 });
    seeded = true;
    return 200;
  });

  await user.click(button);

  expect(await screen.findByRole('link', { name: 'Sample One' })).toBeInTheDocument();
  expect(invokeMock).toHaveBeenCalledWith('seed_demo', { count: 200 });
  expect(queries()).toHaveLength(2);
  expect(announce).toHaveBeenCalledWith('Added 200 sample customers (tagged demo).');
  expect(screen.queryByRole('button', { name: 'Try with sample data' })).toBeNull();
});

it('says why the sample customers could not be added', async () => {
  const user = userEvent.setup();
  core(() => page());
  render(CustomersView);
  const button = await screen.findByRole('button', { name: 'Try with sample data' });
  invokeMock.mockImplementationOnce(async () => {
    throw { kind: 'storage', field: null, message: 'The disk is full.' };
  });

  await user.click(button);

  expect(await screen.findByRole('alert')).toHaveTextContent('The disk is full.');
});

it('searches through the core as the owner types, showing the rows exactly as returned', async () => {
  const user = userEvent.setup();
  // Rows that do not contain the words and are not in name order: the view must not care.
  core((query) => (query.text ? page('Zed', 'Bo') : page('Anna', 'Bo', 'Zed')));
  render(CustomersView);
  await screen.findByRole('link', { name: 'Zed' });

  const search = screen.getByRole('searchbox', { name: 'Search customers' });
  expect(search).toHaveAttribute('type', 'search');
  await user.type(search, '  anna ');

  await waitFor(() => expect(lastQuery()).toEqual({ sort: 'name', text: 'anna', offset: 0, limit: 200 }));
  await waitFor(() => expect(rowNames()).toEqual(['Zed', 'Bo']));
  // Debounced: the typing did not send one query per key.
  expect(queries().length).toBeLessThan(4);
});

it('asks the core for the chosen sort', async () => {
  const user = userEvent.setup();
  core(() => page('Anna'));
  render(CustomersView);
  await screen.findByRole('link', { name: 'Anna' });
  const sort = screen.getByRole('combobox', { name: 'Sort by' });
  expect(within(sort).getAllByRole('option').map((o) => o.textContent)).toEqual([
    'Name',
    'Longest without contact',
    'Newest',
  ]);

  await user.selectOptions(sort, 'Longest without contact');
  await waitFor(() => expect(lastQuery()).toEqual({ sort: 'last-contacted', offset: 0, limit: 200 }));
  await user.selectOptions(sort, 'Newest');
  await waitFor(() => expect(lastQuery()).toEqual({ sort: 'created', offset: 0, limit: 200 }));
});

it('says when nothing matches the search, and clears it', async () => {
  const user = userEvent.setup();
  core((query) => (query.text ? page() : page('Anna')));
  render(CustomersView);
  await screen.findByRole('link', { name: 'Anna' });

  const search = screen.getByRole('searchbox', { name: 'Search customers' });
  await user.type(search, 'zzz');
  expect(await screen.findByText('No customers match “zzz”.')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Try with sample data' })).toBeNull();

  await user.click(screen.getByRole('button', { name: 'Clear search' }));
  expect(search).toHaveValue('');
  expect(search).toHaveFocus();
  expect(await screen.findByRole('link', { name: 'Anna' })).toBeInTheDocument();
  expect(lastQuery()).toEqual({ sort: 'name', offset: 0, limit: 200 });
});

it('sends each filter to the core, counts them on the Filters button, and clears them', async () => {
  const user = userEvent.setup();
  core((query) => (Object.keys(query).length > 3 ? page('Zed') : page('Anna', 'Zed')));
  render(CustomersView);
  await screen.findByRole('link', { name: 'Anna' });

  const toggle = screen.getByRole('button', { name: 'Filters' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const filters = screen.getByRole('group', { name: 'Filters' });

  const expectQuery = (fields: Partial<CustomerQuery>) =>
    waitFor(() => expect(lastQuery()).toEqual({ sort: 'name', offset: 0, limit: 200, ...fields }));

  await user.type(within(filters).getByLabelText('Tag'), 'vip');
  await expectQuery({ tag: 'vip' });
  const status = within(filters).getByLabelText('Status');
  expect(within(status).getAllByRole('option').map((o) => o.textContent)).toEqual([
    'Any',
    'Lead',
    'Active',
    'Lapsed',
    'Former',
  ]);
  await user.selectOptions(status, 'Lapsed');
  await expectQuery({ tag: 'vip', status: 'lapsed' });
  const channel = within(filters).getByLabelText('Preferred channel');
  expect(within(channel).getAllByRole('option')[0]).toHaveTextContent('Any');
  await user.selectOptions(channel, 'WhatsApp');
  await expectQuery({ tag: 'vip', status: 'lapsed', channel: 'whatsapp' });
  await user.type(within(filters).getByLabelText('City'), 'Malmö');
  await expectQuery({ tag: 'vip', status: 'lapsed', channel: 'whatsapp', city: 'Malmö' });
  await user.type(within(filters).getByLabelText('Source'), 'Fair');
  await expectQuery({ tag: 'vip', status: 'lapsed', channel: 'whatsapp', city: 'Malmö', source: 'Fair' });
  await user.type(within(filters).getByLabelText('Birthday within (days)'), '7');
  await expectQuery({
    tag: 'vip',
    status: 'lapsed',
    channel: 'whatsapp',
    city: 'Malmö',
    source: 'Fair',
    birthday_within_days: 7,
  });
  await user.type(within(filters).getByLabelText('Not contacted for (days)'), '30');
  const all = {
    tag: 'vip',
    status: 'lapsed',
    channel: 'whatsapp',
    city: 'Malmö',
    source: 'Fair',
    birthday_within_days: 7,
    not_contacted_for_days: 30,
  } as const;
  await expectQuery(all);
  expect(toggle).toHaveAccessibleName('Filters: 7 active');
  // What the core returned, as it returned it.
  await waitFor(() => expect(rowNames()).toEqual(['Zed']));

  await user.click(within(filters).getByRole('button', { name: 'Clear filters' }));
  await expectQuery({});
  expect(within(filters).getByLabelText('Tag')).toHaveValue('');
  expect(within(filters).getByLabelText('Status')).toHaveValue('');
  expect(within(filters).getByLabelText('Birthday within (days)')).toHaveValue(null);
  expect(toggle).toHaveAccessibleName('Filters');
  await waitFor(() => expect(rowNames()).toEqual(['Anna', 'Zed']));
});

it('offers to clear the filters when nothing matches them', async () => {
  const user = userEvent.setup();
  core((query) => (query.city ? page() : page('Anna')));
  render(CustomersView);
  await screen.findByRole('link', { name: 'Anna' });
  await user.click(screen.getByRole('button', { name: 'Filters' }));
  await user.type(screen.getByLabelText('City'), 'Nowhere');

  expect(await screen.findByText('No customers match these filters.')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Try with sample data' })).toBeNull();
  const clears = screen.getAllByRole('button', { name: 'Clear filters' });
  await user.click(clears.at(-1)!);

  expect(await screen.findByRole('link', { name: 'Anna' })).toBeInTheDocument();
  expect(screen.getByLabelText('City')).toHaveValue('');
});

it('says in full when the customers cannot be read, instead of an empty list', async () => {
  const message = 'Another copy of Regulars is already using your customer book.';
  invokeMock.mockRejectedValue({ kind: 'already-open', field: null, message });
  render(CustomersView);

  expect(await screen.findByRole('alert')).toHaveTextContent(message);
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent("Regulars can't show your customers");
  expect(screen.queryByRole('list', { name: 'Customers' })).toBeNull();
  expect(screen.queryByRole('form', { name: 'Add customer' })).toBeNull();
});

it('tries again on request, and shows the list once it can be read', async () => {
  const user = userEvent.setup();
  invokeMock.mockRejectedValue({ kind: 'already-open', field: null, message: 'In use.' });
  render(CustomersView);
  await screen.findByRole('alert');
  core(() => page('Anna'));

  await user.click(screen.getByRole('button', { name: 'Try again' }));

  expect(await screen.findByRole('link', { name: 'Anna' })).toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: 'Customers' })).toBeInTheDocument();
  expect(queries()).toHaveLength(2);
});

it('shows a loading state until the customers arrive', () => {
  invokeMock.mockReturnValue(new Promise(() => {}));
  render(CustomersView);

  expect(screen.getByText('Loading customers…')).toHaveAttribute('role', 'status');
  expect(screen.queryByRole('list', { name: 'Customers' })).toBeNull();
});
