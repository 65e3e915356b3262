// The Customers view: the list the core returned, its empty state, and a store it cannot read.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import { formatBirthday } from '../lib/format';
import { storedCustomer } from '../test-fixtures';
import CustomersView from './CustomersView.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

it('lists the customers with their details and count', async () => {
  invokeMock.mockResolvedValue([
    storedCustomer({ name: 'Anna Berg', emails: ['anna@example.com', 'a@work.example'], phones: ['+46 70 123 45 67'], birthday: '1985-11-23' }),
    storedCustomer({ name: 'Bakery Nord', kind: 'business' }),
  ]);
  render(CustomersView);

  const list = await screen.findByRole('list', { name: 'Customers' });
  const rows = within(list).getAllByRole('listitem');
  expect(rows).toHaveLength(2);
  expect(rows[0]).toHaveTextContent('Anna Berg');
  expect(rows[0]).toHaveTextContent('anna@example.com');
  expect(rows[0]).not.toHaveTextContent('a@work.example');
  expect(rows[0]).toHaveTextContent('+46 70 123 45 67');
  expect(rows[0]).toHaveTextContent(formatBirthday('1985-11-23'));
  expect(rows[0]).not.toHaveTextContent('Business');
  expect(rows[1]).toHaveTextContent('Business');
  expect(screen.getByRole('heading', { level: 1, name: 'Customers' })).toBeInTheDocument();
  expect(screen.getByText('2 customers')).toBeInTheDocument();
  expect(invokeMock).toHaveBeenCalledWith('list_customers', undefined);
});

it("links each name, exactly as stored, to the customer's page", async () => {
  const anna = storedCustomer({ name: 'Anna Berg' });
  invokeMock.mockResolvedValue([anna]);
  render(CustomersView);

  const list = await screen.findByRole('list', { name: 'Customers' });
  const name = list.querySelector('li .customer-name');
  expect(name?.tagName).toBe('A');
  expect(name?.textContent).toBe('Anna Berg');
  expect(name).toHaveAttribute('href', `#/customers/${anna.id}`);
});

it('refreshes the list when a customer was added from the Quick note', async () => {
  invokeMock.mockResolvedValue([]);
  const view = render(CustomersView, { customersAdded: 0 });
  await screen.findByText('No customers yet.');
  invokeMock.mockResolvedValue([storedCustomer({ name: 'Zed Olsen' })]);
  await view.rerender({ customersAdded: 1 });

  expect(await screen.findByRole('link', { name: 'Zed Olsen' })).toBeInTheDocument();
});

it('shows the archived customers on request, as links to their pages', async () => {
  const archived = storedCustomer({ name: 'Old Olle', archived_at: '2025-01-01T00:00:00Z' });
  invokeMock.mockImplementation(async (command) => (command === 'list_archived_customers' ? [archived] : []));
  render(CustomersView);

  const toggle = await screen.findByRole('button', { name: 'Archived customers' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await userEvent.setup().click(toggle);

  const list = await screen.findByRole('list', { name: 'Archived customers' });
  expect(within(list).getByRole('link', { name: 'Old Olle' })).toHaveAttribute('href', `#/customers/${archived.id}`);
  expect(within(screen.getByRole('list', { name: 'Customers' })).queryAllByRole('listitem')).toEqual([]);
});

it('shows user text as text, never as markup', async () => {
  invokeMock.mockResolvedValue([storedCustomer({ name: '<img src=x onerror=alert(1)>' })]);
  render(CustomersView);

  const list = await screen.findByRole('list', { name: 'Customers' });
  expect(within(list).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
  expect(list.querySelector('img')).toBeNull();
});

it('invites the owner to add a first customer when there are none', async () => {
  invokeMock.mockResolvedValue([]);
  render(CustomersView);

  expect(await screen.findByText('No customers yet.')).toBeInTheDocument();
  expect(within(screen.getByRole('list', { name: 'Customers' })).queryAllByRole('listitem')).toEqual([]);
  expect(screen.getByRole('form', { name: 'Add customer' })).toBeInTheDocument();
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

it('shows a loading state until the customers arrive', () => {
  invokeMock.mockReturnValue(new Promise(() => {}));
  render(CustomersView);

  expect(screen.getByText('Loading customers…')).toHaveAttribute('role', 'status');
  expect(screen.queryByRole('list', { name: 'Customers' })).toBeNull();
});
