// Ticking customers in the Customers view and changing them all at once: the checkboxes on
// the windowed rows, "Select all" across every page, the Bulk actions toolbar and its forms,
// the confirmation before archiving, and what happens after (announced, ticks cleared, list
// read again).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, expect, it, vi } from 'vitest';
import type { CustomerSummary } from '../lib/bindings/CustomerSummary';
import { customerSummary } from '../test-fixtures';
import CustomersView from './CustomersView.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);

const anna = customerSummary({ name: 'Anna Berg' });
const bo = customerSummary({ name: 'Bo Ek' });
const cleo = customerSummary({ name: 'Cleo Park' });

/**
 * The core: three customers on the first page, `total` in all (the rest never fetched);
 * `bulk_edit` answered by `bulk` (default: every id changed).
 */
function core({
  items = [anna, bo, cleo],
  total = items.length,
  matching = items.map((c) => c.id),
  bulk = (ids: string[]) => ({ changed: ids.length }) as unknown,
}: {
  items?: CustomerSummary[];
  total?: number;
  matching?: string[];
  bulk?: (ids: string[]) => unknown;
} = {}): void {
  invokeMock.mockImplementation(async (command, args) => {
    switch (command) {
      case 'query_customers':
        return { total, items };
      case 'matching_customer_ids':
        return matching;
      case 'bulk_edit':
        return bulk((args as { ids: string[] }).ids);
      case 'list_archived_customers':
        return [];
      default:
        return null;
    }
  });
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);
const toolbar = () => screen.getByRole('toolbar', { name: 'Bulk actions' });

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

async function tick(...names: string[]): Promise<ReturnType<typeof userEvent.setup>> {
  const user = userEvent.setup();
  for (const name of names) await user.click(await screen.findByRole('checkbox', { name: `Select ${name}` }));
  return user;
}

it('gives each row a checkbox named after the customer, and no toolbar until one is ticked', async () => {
  core();
  render(CustomersView);
  const list = await screen.findByRole('list', { name: 'Customers' });

  const boxes = within(list).getAllByRole('checkbox');
  expect(boxes.map((b) => b.getAttribute('aria-label'))).toEqual(['Select Anna Berg', 'Select Bo Ek', 'Select Cleo Park']);
  expect(boxes.every((b) => b instanceof HTMLInputElement && b.type === 'checkbox')).toBe(true);
  // The row's link is unchanged.
  expect(list.querySelector('li .customer-name')).toHaveAttribute('href', `#/customers/${anna.id}`);
  expect(screen.queryByRole('toolbar', { name: 'Bulk actions' })).toBeNull();
});

it('adds a tag to the ticked customers, says so, clears the ticks and reads the list again', async () => {
  const announce = vi.fn();
  const oncustomerschanged = vi.fn();
  core();
  render(CustomersView, { announce, oncustomerschanged });
  const user = await tick('Anna Berg', 'Cleo Park');

  expect(toolbar()).toHaveTextContent('2 selected');
  const reads = calls('query_customers').length;
  await user.click(within(toolbar()).getByRole('button', { name: 'Add tag' }));
  const form = screen.getByRole('form', { name: 'Add tag' });
  const tag = within(form).getByLabelText('Tag');
  expect(tag).toHaveFocus();
  await user.type(tag, 'vip');
  await user.click(within(form).getByRole('button', { name: 'Apply' }));

  expect(calls('bulk_edit')).toEqual([{ ids: [anna.id, cleo.id], change: { action: 'add-tag', tag: 'vip' } }]);
  await waitFor(() => expect(announce).toHaveBeenCalledWith('Added tag “vip” to 2 customers.'));
  expect(screen.queryByRole('toolbar', { name: 'Bulk actions' })).toBeNull();
  expect(screen.getByRole('checkbox', { name: 'Select Anna Berg' })).not.toBeChecked();
  await waitFor(() => expect(calls('query_customers').length).toBe(reads + 1));
  expect(oncustomerschanged).toHaveBeenCalledOnce();
});

it('removes a tag and sets or clears the keep-in-touch cadence', async () => {
  const announce = vi.fn();
  core();
  render(CustomersView, { announce });
  let user = await tick('Bo Ek');

  await user.click(within(toolbar()).getByRole('button', { name: 'Remove tag' }));
  await user.type(within(screen.getByRole('form', { name: 'Remove tag' })).getByLabelText('Tag'), 'old');
  await user.click(screen.getByRole('button', { name: 'Apply' }));
  await waitFor(() => expect(announce).toHaveBeenCalledWith('Removed tag “old” from 1 customer.'));

  user = await tick('Bo Ek');
  await user.click(within(toolbar()).getByRole('button', { name: 'Set cadence' }));
  await user.type(screen.getByLabelText('Keep in touch every (days)'), '30');
  await user.click(screen.getByRole('button', { name: 'Apply' }));
  await waitFor(() => expect(announce).toHaveBeenCalledWith('Set keep in touch every 30 days for 1 customer.'));

  user = await tick('Bo Ek');
  await user.click(within(toolbar()).getByRole('button', { name: 'Set cadence' }));
  await user.click(screen.getByRole('button', { name: 'Apply' }));

  await waitFor(() => expect(calls('bulk_edit')).toHaveLength(3));
  expect(calls('bulk_edit')).toEqual([
    { ids: [bo.id], change: { action: 'remove-tag', tag: 'old' } },
    { ids: [bo.id], change: { action: 'set-cadence', days: 30 } },
    { ids: [bo.id], change: { action: 'set-cadence', days: null } },
  ]);
});

it("shows the core's message about the tag beside the field, keeping the ticks", async () => {
  core({
    bulk: () => {
      throw { kind: 'invalid', field: 'tag', message: 'type the tag to add' };
    },
  });
  render(CustomersView);
  const user = await tick('Anna Berg');
  await user.click(within(toolbar()).getByRole('button', { name: 'Add tag' }));
  await user.click(screen.getByRole('button', { name: 'Apply' }));

  const tag = screen.getByRole('textbox', { name: 'Tag' });
  await waitFor(() => expect(tag).toHaveAttribute('aria-invalid', 'true'));
  expect(tag).toHaveAccessibleDescription('type the tag to add');
  expect(toolbar()).toHaveTextContent('1 selected');
});

it('says in an alert why a change failed when it is not about a field', async () => {
  core({
    bulk: () => {
      throw { kind: 'invalid', field: 'ids', message: 'Select at most 20000 customers at once.' };
    },
  });
  render(CustomersView);
  const user = await tick('Anna Berg');
  await user.click(within(toolbar()).getByRole('button', { name: 'Add tag' }));
  await user.type(screen.getByRole('textbox', { name: 'Tag' }), 'vip');
  await user.click(screen.getByRole('button', { name: 'Apply' }));

  expect(await screen.findByRole('alert')).toHaveTextContent('Select at most 20000 customers at once.');
});

it('closes an open form with Escape, giving focus back to its button', async () => {
  core();
  render(CustomersView);
  const user = await tick('Anna Berg');
  const addTag = within(toolbar()).getByRole('button', { name: 'Add tag' });
  await user.click(addTag);
  expect(addTag).toHaveAttribute('aria-expanded', 'true');

  await user.keyboard('{Escape}');

  expect(screen.queryByRole('form', { name: 'Add tag' })).toBeNull();
  expect(addTag).toHaveFocus();
  expect(addTag).toHaveAttribute('aria-expanded', 'false');
});

it('asks before archiving, and archives only when confirmed', async () => {
  const announce = vi.fn();
  core();
  render(CustomersView, { announce });
  const user = await tick('Anna Berg', 'Bo Ek');

  await user.click(within(toolbar()).getByRole('button', { name: 'Archive' }));
  let dialog = screen.getByRole('dialog', { name: 'Archive customers' });
  expect(dialog).toHaveTextContent('Archive 2 customers?');
  expect(dialog).toHaveTextContent(/hidden from lists and reminders/);
  expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(calls('bulk_edit')).toEqual([]);

  await user.click(within(toolbar()).getByRole('button', { name: 'Archive' }));
  dialog = screen.getByRole('dialog', { name: 'Archive customers' });
  await user.click(within(dialog).getByRole('button', { name: 'Archive' }));

  expect(calls('bulk_edit')).toEqual([{ ids: [anna.id, bo.id], change: { action: 'archive' } }]);
  await waitFor(() => expect(announce).toHaveBeenCalledWith('Archived 2 customers.'));
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(screen.queryByRole('toolbar', { name: 'Bulk actions' })).toBeNull();
});

it('selects every match, on every page, with "Select all N customers"', async () => {
  const rest = Array.from({ length: 997 }, (_, i) => `id-${i}`);
  core({ total: 1000, matching: [anna.id, bo.id, cleo.id, ...rest] });
  render(CustomersView);
  const all = await screen.findByRole('checkbox', { name: 'Select all 1,000 customers' });
  expect(all).not.toBeChecked();

  const user = await tick('Bo Ek');
  expect(all).toHaveProperty('indeterminate', true);
  await user.click(all);

  expect(calls('matching_customer_ids')).toEqual([{ query: { sort: 'name' } }]);
  await waitFor(() => expect(toolbar()).toHaveTextContent('1,000 selected'));
  expect(all).toBeChecked();
  expect(all).toHaveProperty('indeterminate', false);
  expect(screen.getByRole('checkbox', { name: 'Select Cleo Park' })).toBeChecked();

  await user.click(within(toolbar()).getByRole('button', { name: 'Add tag' }));
  await user.type(screen.getByRole('textbox', { name: 'Tag' }), 'vip');
  await user.click(screen.getByRole('button', { name: 'Apply' }));
  await waitFor(() => expect(calls('bulk_edit')).toHaveLength(1));
  expect((calls('bulk_edit')[0] as { ids: string[] }).ids).toHaveLength(1000);

  // Unticking "Select all" when everything is ticked clears the selection.
  await user.click(all);
  await waitFor(() => expect(toolbar()).toHaveTextContent('1,000 selected'));
  await user.click(all);
  expect(screen.queryByRole('toolbar', { name: 'Bulk actions' })).toBeNull();
});

it('clears the ticks when the search changes', async () => {
  core();
  render(CustomersView);
  const user = await tick('Anna Berg');
  expect(toolbar()).toBeInTheDocument();

  await user.type(screen.getByRole('searchbox', { name: 'Search customers' }), 'a');

  await waitFor(() => expect(screen.queryByRole('toolbar', { name: 'Bulk actions' })).toBeNull());
  expect(screen.getByRole('checkbox', { name: 'Select Anna Berg' })).not.toBeChecked();
});

it('keeps a tick on a row scrolled out of view and back', async () => {
  const items = Array.from({ length: 200 }, (_, i) => customerSummary({ name: `Customer ${i + 1}` }));
  core({ items });
  render(CustomersView);
  const list = await screen.findByRole('list', { name: 'Customers' });
  await tick('Customer 1');
  const scroller = list.parentElement!;

  scroller.scrollTop = 150 * 88;
  await fireEvent.scroll(scroller);
  await waitFor(() => expect(screen.queryByRole('checkbox', { name: 'Select Customer 1' })).toBeNull());
  expect(toolbar()).toHaveTextContent('1 selected');

  scroller.scrollTop = 0;
  await fireEvent.scroll(scroller);
  expect(await screen.findByRole('checkbox', { name: 'Select Customer 1' })).toBeChecked();
});
