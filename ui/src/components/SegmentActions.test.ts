// Saved segments inside the Customers view: "Save as segment" once the owner asks for
// something, the core's name message beside "Segment name", a segment's filters filled in
// when it opens, and "Update segment" once they were changed.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import type { CustomerQuery } from '../lib/bindings/CustomerQuery';
import type { Segment } from '../lib/bindings/Segment';
import CustomersView from './CustomersView.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

const lapsed: Segment = {
  id: 'seg-1',
  name: 'Lapsed in Lund',
  query: { status: 'lapsed', city: 'Lund', country: 'Sweden', sort: 'created', offset: null, limit: null },
  created_at: '2025-01-01T10:00:00Z',
};

/** The core: an empty list; segment commands answered by `segments`. */
function core(segments: (command: string, args: unknown) => unknown = () => null): void {
  invokeMock.mockImplementation(async (command, args) => {
    switch (command) {
      case 'query_customers':
        return { total: 0, items: [] };
      case 'list_archived_customers':
        return [];
      default:
        return segments(command, args);
    }
  });
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);
const lastQuery = () =>
  (calls('query_customers').at(-1) as { query: CustomerQuery } | undefined)?.query;

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

it('offers "Save as segment" only once the list asks for something', async () => {
  core();
  const user = userEvent.setup();
  render(CustomersView);
  await screen.findByText('No customers yet.');
  expect(screen.queryByRole('button', { name: 'Save as segment' })).toBeNull();

  await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Newest');
  expect(await screen.findByRole('button', { name: 'Save as segment' })).toBeInTheDocument();
  await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Name');
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Save as segment' })).toBeNull());
});

it("sends the current query, and shows the core's name message beside the field", async () => {
  const onsegmentsaved = vi.fn();
  core((command) => {
    if (command === 'save_segment') throw { kind: 'invalid', field: 'name', message: 'a segment named “VIPs” already exists' };
    return null;
  });
  const user = userEvent.setup();
  render(CustomersView, { onsegmentsaved });
  await screen.findByText('No customers yet.');
  await user.click(screen.getByRole('button', { name: 'Filters' }));
  await user.type(screen.getByRole('textbox', { name: 'Tag' }), 'vip');
  await user.type(screen.getByRole('searchbox', { name: 'Search customers' }), 'berg');

  await user.click(await screen.findByRole('button', { name: 'Save as segment' }));
  const form = screen.getByRole('form', { name: 'Save as segment' });
  const name = within(form).getByLabelText('Segment name');
  expect(name).toHaveFocus();
  await user.type(name, 'VIPs');
  await user.click(within(form).getByRole('button', { name: 'Save segment' }));

  expect(calls('save_segment')).toEqual([{ draft: { name: 'VIPs', query: { sort: 'name', text: 'berg', tag: 'vip' } } }]);
  await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
  expect(name).toHaveAccessibleDescription('a segment named “VIPs” already exists');
  expect(onsegmentsaved).not.toHaveBeenCalled();

  await user.click(within(form).getByRole('button', { name: 'Cancel' }));
  expect(screen.queryByRole('form', { name: 'Save as segment' })).toBeNull();
  expect(screen.getByRole('button', { name: 'Save as segment' })).toHaveFocus();
});

it("opens on a segment's search, filters and sort, and names it in the heading", async () => {
  core();
  render(CustomersView, { segment: lapsed });

  await waitFor(() =>
    expect(lastQuery()).toEqual({ sort: 'created', status: 'lapsed', city: 'Lund', country: 'Sweden', offset: 0, limit: 200 }),
  );
  expect(calls('query_customers')).toHaveLength(1);
  const heading = screen.getByRole('heading', { level: 1 });
  expect(heading.textContent?.replace(/\s+/g, ' ').trim()).toMatch(/^Customers.*Lapsed in Lund$/);
  expect(heading).toHaveAccessibleName('Customers: Lapsed in Lund');
  const filters = screen.getByRole('group', { name: 'Filters' });
  expect(filters).toBeVisible();
  expect(within(filters).getByLabelText('Status')).toHaveValue('lapsed');
  expect(within(filters).getByLabelText('City')).toHaveValue('Lund');
  expect(within(filters).getByLabelText('Country')).toHaveValue('Sweden');
  expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('created');
  expect(screen.queryByRole('button', { name: 'Update segment' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Save as segment' })).toBeNull();
  expect(screen.getByRole('button', { name: 'Rename segment' })).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Delete segment' })).toBeInTheDocument();
});

it('saves the changed filters into the open segment with "Update segment"', async () => {
  const announce = vi.fn();
  const onsegmentchanged = vi.fn();
  const updated = { ...lapsed, query: { status: 'lapsed' as const, city: 'Malmö', country: 'Sweden', sort: 'created' as const } };
  core((command) => (command === 'update_segment' ? updated : null));
  const user = userEvent.setup();
  const view = render(CustomersView, { segment: lapsed, announce, onsegmentchanged });
  const city = screen.getByLabelText('City');
  await user.clear(city);
  await user.type(city, 'Malmö');

  await user.click(await screen.findByRole('button', { name: 'Update segment' }));

  expect(calls('update_segment')).toEqual([
    { id: 'seg-1', draft: { name: 'Lapsed in Lund', query: { sort: 'created', status: 'lapsed', city: 'Malmö', country: 'Sweden' } } },
  ]);
  await waitFor(() => expect(onsegmentchanged).toHaveBeenCalledWith(updated));
  expect(announce).toHaveBeenCalledWith('Updated segment “Lapsed in Lund”.');
  // The parent passes the stored segment back: the filters now match it.
  await view.rerender({ segment: updated });
  expect(screen.queryByRole('button', { name: 'Update segment' })).toBeNull();
});

it('shows a rename that the core refused beside "Segment name"', async () => {
  core((command) => {
    if (command === 'update_segment') throw { kind: 'invalid', field: 'name', message: 'give the segment a name' };
    return null;
  });
  const user = userEvent.setup();
  render(CustomersView, { segment: lapsed });
  await user.click(await screen.findByRole('button', { name: 'Rename segment' }));
  const name = screen.getByLabelText('Segment name');
  await user.clear(name);
  await user.click(screen.getByRole('button', { name: 'Save name' }));

  expect(calls('update_segment')).toEqual([{ id: 'seg-1', draft: { name: '', query: lapsed.query } }]);
  await waitFor(() => expect(name).toHaveAccessibleDescription('give the segment a name'));
  await user.keyboard('{Escape}');
  expect(screen.queryByLabelText('Segment name')).toBeNull();
});
