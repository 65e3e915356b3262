// Orders on a customer's page: the list, Log order (the draft sent row for row, the core's
// message beside the box it names), Edit, Delete (which asks first), and everything on the page
// read again after a change.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderView } from '../lib/bindings/OrderView';
import { calendarDate, isoDate } from '../lib/followUp';
import { longDate } from '../lib/insightText';
import { formatMoney } from '../lib/money';
import { QuickNoteDesk } from '../lib/quickNote.svelte';
import { customerInsightFixture, defaultSettings, noInsight, orderView, product, storedCustomer } from '../test-fixtures';
import CustomerPage from './CustomerPage.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const anna = storedCustomer({ name: 'Anna Berg' });
const today = isoDate(calendarDate(new Date()));
const bread = product({ name: 'Bread', category: 'Bakery', unit_price: { minor: 450, currency: 'SEK' } });
const butter = product({ name: 'Butter', unit_price: { minor: 320, currency: 'SEK' } });
const old = product({ name: 'Rye crispbread', active: false });

const november = orderView({
  customer_id: anna.id,
  date: '2025-11-03',
  currency: 'SEK',
  lines: [
    { product_id: bread.id, product: 'Bread', quantity: 2, unit_price_minor: 450 },
    { product_id: butter.id, product: 'Butter', quantity: 1, unit_price_minor: 320 },
  ],
  note: 'For the party',
});
const october = orderView({ customer_id: anna.id, date: '2025-10-20', currency: 'SEK' });

/** A core holding `orders` for Anna; `extra` answers (or rejects) other commands. */
function core(orders: OrderView[], extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  const state = { orders: [...orders] };
  invokeMock.mockImplementation(async (command, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    if (command in extra) return extra[command](a);
    switch (command) {
      case 'get_customer':
        return anna;
      case 'timeline':
      case 'list_feedback':
      case 'list_complaints':
        return [];
      case 'list_orders':
        return state.orders;
      case 'list_products':
        return [bread, butter, old];
      case 'customer_insight':
        return state.orders.length > 0 ? customerInsightFixture() : noInsight(anna.id);
      case 'get_settings':
        return { ...defaultSettings(), business: { ...defaultSettings().business, currency: 'SEK' } };
      case 'delete_order':
        state.orders = state.orders.filter((o) => o.id !== a.id);
        return null;
      default:
        return null;
    }
  });
  return state;
}

function setup() {
  const announce = vi.fn();
  const onorderschanged = vi.fn();
  render(CustomerPage, { id: anna.id, desk: new QuickNoteDesk(50), announce, ondeleted: vi.fn(), onorderschanged });
  return { announce, onorderschanged, user: userEvent.setup() };
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);
const ordersSection = () => screen.getByRole('region', { name: 'Orders' });
const orderForm = (name = 'Log order') => screen.getByRole('form', { name });
const line = (n: number) => within(screen.getByRole('form')).getByRole('group', { name: `Line ${n}` });
/** Text as the DOM matchers compare it: Intl's no-break spaces as plain ones. */
const plain = (text: string) => text.replace(/\s+/g, ' ');

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

describe('the list', () => {
  it('shows each order newest first: the date, what was bought, the note and the total', async () => {
    core([november, october]);
    setup();
    const table = await within(await screen.findByRole('region', { name: 'Orders' })).findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(longDate('2025-11-03'));
    expect(rows[0]).toHaveTextContent('2 × Bread, 1 × Butter');
    expect(rows[0]).toHaveTextContent('For the party');
    expect(rows[0]).toHaveTextContent(plain(formatMoney({ minor: 1220, currency: 'SEK' })));
    expect(rows[1]).toHaveTextContent(longDate('2025-10-20'));
    expect(calls('list_orders')).toEqual([{ customerId: anna.id }]);
  });

  it('invites the first order when there is none', async () => {
    core([]);
    setup();
    expect(
      await within(await screen.findByRole('region', { name: 'Orders' })).findByText(
        'No orders yet. Log one after their next purchase: the date, what they bought and the price.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the latest ten, and all of them on request', async () => {
    core(Array.from({ length: 12 }, (_, i) => orderView({ customer_id: anna.id, date: `2025-01-${String(i + 10)}` })));
    const { user } = setup();
    const section = await screen.findByRole('region', { name: 'Orders' });
    await within(section).findByRole('table');
    expect(within(section).getAllByRole('row')).toHaveLength(11);
    await user.click(within(section).getByRole('button', { name: 'Show all 12 orders' }));
    expect(within(section).getAllByRole('row')).toHaveLength(13);
  });
});

describe('logging an order', () => {
  it('sends the draft as typed, then shows the new order and reads the page again', async () => {
    const logged = orderView({
      customer_id: anna.id,
      date: today,
      currency: 'SEK',
      lines: [
        { product_id: bread.id, product: 'Bread', quantity: 3, unit_price_minor: 450 },
        { product_id: 'p-new', product: 'Oat milk', quantity: 1, unit_price_minor: 2500 },
      ],
    });
    const state = core([], {
      add_order: () => {
        state.orders = [logged];
        return logged;
      },
    });
    const { announce, onorderschanged, user } = setup();
    await user.click(await within(await screen.findByRole('region', { name: 'Orders' })).findByRole('button', { name: 'Log order' }));

    const form = orderForm();
    expect(within(form).getByRole('heading', { name: 'Log an order for Anna Berg' })).toBeInTheDocument();
    expect(within(form).getByLabelText('Date')).toHaveValue(today);
    await waitFor(() => expect(within(form).getByLabelText('Currency')).toHaveValue('SEK'));
    expect(within(line(1)).getByLabelText('Product')).toHaveFocus();
    expect(within(line(1)).getByLabelText('Quantity')).toHaveValue('1');

    await user.type(within(line(1)).getByLabelText('Product'), 'Bread');
    await user.clear(within(line(1)).getByLabelText('Quantity'));
    await user.type(within(line(1)).getByLabelText('Quantity'), '3');
    await user.click(within(form).getByRole('button', { name: 'Add a line' }));
    expect(within(line(2)).getByLabelText('Product')).toHaveFocus();
    await user.type(within(line(2)).getByLabelText('Product'), 'Oat milk');
    await user.type(within(line(2)).getByLabelText('Unit price'), '25');
    await user.type(within(line(2)).getByLabelText('Category'), 'Dairy');
    await user.type(within(form).getByLabelText('Note'), ' Collects on Friday ');
    const reads = { timeline: calls('timeline').length, insight: calls('customer_insight').length };
    await user.click(within(form).getByRole('button', { name: 'Save order' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Log order' })).toBeNull());
    expect(calls('add_order')).toEqual([
      {
        customerId: anna.id,
        draft: {
          date: today,
          currency: 'SEK',
          note: 'Collects on Friday',
          lines: [
            { product: 'Bread', quantity: '3', unit_price: null, category: null },
            { product: 'Oat milk', quantity: '1', unit_price: '25', category: 'Dairy' },
          ],
        },
      },
    ]);
    const row = within(within(ordersSection()).getByRole('table')).getAllByRole('row')[1];
    expect(row).toHaveTextContent('3 × Bread, 1 × Oat milk');
    expect(row).toHaveTextContent(plain(formatMoney(logged.total)));
    expect(calls('timeline').length).toBeGreaterThan(reads.timeline);
    expect(calls('customer_insight').length).toBeGreaterThan(reads.insight);
    expect(announce).toHaveBeenCalledWith(`Logged an order for Anna Berg: ${formatMoney(logged.total)}.`);
    expect(onorderschanged).toHaveBeenCalledTimes(1);
    expect(within(ordersSection()).getByRole('button', { name: 'Log order' })).toHaveFocus();
    // The insight panel moved with it.
    expect(screen.getByRole('region', { name: 'What their orders say' })).toHaveTextContent('Champion');
  });

  it("shows the catalogue's price as a hint, and asks a new product for its category", async () => {
    core([]);
    const { user } = setup();
    await user.click(await within(await screen.findByRole('region', { name: 'Orders' })).findByRole('button', { name: 'Log order' }));
    const price = () => within(line(1)).getByLabelText('Unit price');
    await waitFor(() => expect(orderForm().querySelectorAll('datalist option')).toHaveLength(2));
    expect(Array.from(orderForm().querySelectorAll('datalist option')).map((o) => o.getAttribute('value'))).toEqual(['Bread', 'Butter']);

    await user.type(within(line(1)).getByLabelText('Product'), 'bread');
    expect(price()).toHaveAccessibleDescription(`Catalogue price ${formatMoney(bread.unit_price)}. Leave empty to use it.`);
    expect(within(line(1)).queryByLabelText('Category')).toBeNull();

    await user.clear(within(line(1)).getByLabelText('Product'));
    await user.type(within(line(1)).getByLabelText('Product'), 'Rye');
    expect(price()).toHaveAccessibleDescription('New to the catalogue: give its price.');
    expect(within(line(1)).getByLabelText('Category')).toBeInTheDocument();
  });

  it("puts the core's message on lines[1].quantity beside the second line's quantity box, and focuses it", async () => {
    core([], {
      add_order: () => Promise.reject({ kind: 'invalid', field: 'lines[1].quantity', message: '“two” is not a whole number above 0' }),
    });
    const { user } = setup();
    await user.click(await within(await screen.findByRole('region', { name: 'Orders' })).findByRole('button', { name: 'Log order' }));
    await user.type(within(line(1)).getByLabelText('Product'), 'Bread');
    await user.click(within(orderForm()).getByRole('button', { name: 'Add a line' }));
    await user.type(within(line(2)).getByLabelText('Product'), 'Butter');
    await user.clear(within(line(2)).getByLabelText('Quantity'));
    await user.type(within(line(2)).getByLabelText('Quantity'), 'two');
    await user.click(within(orderForm()).getByRole('button', { name: 'Save order' }));

    const quantity = within(line(2)).getByLabelText('Quantity');
    await waitFor(() => expect(quantity).toHaveAttribute('aria-invalid', 'true'));
    expect(quantity).toHaveAccessibleDescription('“two” is not a whole number above 0');
    expect(quantity).toHaveFocus();
    expect(within(line(1)).getByLabelText('Quantity')).not.toHaveAttribute('aria-invalid');
    expect(within(line(2)).getByRole('alert')).toHaveTextContent('“two” is not a whole number above 0');

    // Typing in the box clears its message.
    await user.type(quantity, '{Backspace}');
    expect(quantity).not.toHaveAttribute('aria-invalid');
  });

  it('shows a message about the date beside the date, and one about nothing in particular above the buttons', async () => {
    let answerWith: unknown = { kind: 'invalid', field: 'date', message: '2030-01-01 is in the future' };
    core([], { add_order: () => Promise.reject(answerWith) });
    const { user } = setup();
    await user.click(await within(await screen.findByRole('region', { name: 'Orders' })).findByRole('button', { name: 'Log order' }));
    await user.type(within(line(1)).getByLabelText('Product'), 'Bread');
    await user.click(within(orderForm()).getByRole('button', { name: 'Save order' }));
    const date = within(orderForm()).getByLabelText('Date');
    await waitFor(() => expect(date).toHaveAccessibleDescription('2030-01-01 is in the future'));
    expect(date).toHaveFocus();

    answerWith = { kind: 'write-failed', field: null, message: 'The disk is full.' };
    await user.click(within(orderForm()).getByRole('button', { name: 'Save order' }));
    const problem = await within(orderForm()).findByText('The disk is full.');
    expect(problem).toHaveClass('form-error');
    expect(problem).toHaveFocus();
  });

  it('says beside the lines when the order has none, and removes a line on request', async () => {
    core([], { add_order: () => Promise.reject({ kind: 'invalid', field: 'lines', message: 'an order needs at least one line (a product and a quantity)' }) });
    const { user } = setup();
    await user.click(await within(await screen.findByRole('region', { name: 'Orders' })).findByRole('button', { name: 'Log order' }));
    await user.click(within(orderForm()).getByRole('button', { name: 'Add a line' }));
    await user.click(within(line(2)).getByRole('button', { name: 'Remove line 2' }));
    expect(within(orderForm()).queryByRole('group', { name: 'Line 2' })).toBeNull();
    expect(within(orderForm()).getByRole('button', { name: 'Add a line' })).toHaveFocus();

    await user.click(within(orderForm()).getByRole('button', { name: 'Save order' }));
    const problem = await within(orderForm()).findByText('an order needs at least one line (a product and a quantity)');
    expect(problem).toHaveFocus();
    expect(within(orderForm()).getByRole('group', { name: 'What they bought' })).toHaveAccessibleDescription(
      'an order needs at least one line (a product and a quantity)',
    );
    expect(calls('add_order')[0]).toMatchObject({ draft: { lines: [{ product: '', quantity: '', unit_price: null, category: null }] } });
  });

  it('Cancel sends nothing and gives focus back to Log order', async () => {
    core([]);
    const { user } = setup();
    await user.click(await within(await screen.findByRole('region', { name: 'Orders' })).findByRole('button', { name: 'Log order' }));
    await user.type(within(line(1)).getByLabelText('Product'), 'Bread');
    await user.click(within(orderForm()).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Log order' })).toBeNull();
    expect(calls('add_order')).toEqual([]);
    expect(within(ordersSection()).getByRole('button', { name: 'Log order' })).toHaveFocus();
  });
});

describe('editing an order', () => {
  it('starts from the stored order and sends update_order', async () => {
    const state = core([november], {
      update_order: (a) => {
        const changed = { ...november, note: null, lines: [{ ...november.lines[0], quantity: 4 }, november.lines[1]] };
        state.orders = [changed];
        expect(a.id).toBe(november.id);
        return changed;
      },
    });
    const { announce, user } = setup();
    await user.click(await screen.findByRole('button', { name: `Edit the order of ${longDate('2025-11-03')}` }));

    const form = orderForm('Edit order');
    expect(within(form).getByRole('heading', { name: `Edit the order of ${longDate('2025-11-03')}` })).toBeInTheDocument();
    expect(within(form).getByLabelText('Date')).toHaveValue('2025-11-03');
    expect(within(form).getByLabelText('Currency')).toHaveValue('SEK');
    expect(within(line(1)).getByLabelText('Product')).toHaveValue('Bread');
    expect(within(line(1)).getByLabelText('Unit price')).toHaveValue('4.50');
    expect(within(line(2)).getByLabelText('Quantity')).toHaveValue('1');
    expect(within(form).getByLabelText('Note')).toHaveValue('For the party');

    await user.clear(within(line(1)).getByLabelText('Quantity'));
    await user.type(within(line(1)).getByLabelText('Quantity'), '4');
    await user.clear(within(form).getByLabelText('Note'));
    await user.click(within(form).getByRole('button', { name: 'Save order' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit order' })).toBeNull());
    expect(calls('update_order')).toEqual([
      {
        id: november.id,
        draft: {
          date: '2025-11-03',
          currency: 'SEK',
          note: null,
          lines: [
            { product: 'Bread', quantity: '4', unit_price: '4.50', category: null },
            { product: 'Butter', quantity: '1', unit_price: '3.20', category: null },
          ],
        },
      },
    ]);
    expect(within(ordersSection()).getByRole('table')).toHaveTextContent('4 × Bread, 1 × Butter');
    expect(announce).toHaveBeenCalledWith(`Saved the order of ${longDate('2025-11-03')}.`);
    expect(screen.getByRole('button', { name: `Edit the order of ${longDate('2025-11-03')}` })).toHaveFocus();
  });
});

describe('deleting an order', () => {
  it('asks first; Cancel keeps it', async () => {
    core([november]);
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: `Delete the order of ${longDate('2025-11-03')}` }));
    const dialog = screen.getByRole('dialog', { name: 'Delete order' });
    expect(dialog).toHaveTextContent(`Delete the order of ${longDate('2025-11-03')}?`);
    expect(dialog).toHaveTextContent('2 × Bread, 1 × Butter');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: 'Delete order' })).toBeNull();
    expect(calls('delete_order')).toEqual([]);
  });

  it('deletes once confirmed, reads the page again and says so', async () => {
    core([november, october]);
    const { announce, onorderschanged, user } = setup();
    await user.click(await screen.findByRole('button', { name: `Delete the order of ${longDate('2025-11-03')}` }));
    await user.click(within(screen.getByRole('dialog', { name: 'Delete order' })).getByRole('button', { name: 'Delete order' }));

    await waitFor(() => expect(within(ordersSection()).getAllByRole('row')).toHaveLength(2));
    expect(calls('delete_order')).toEqual([{ id: november.id }]);
    expect(announce).toHaveBeenCalledWith(`Deleted the order of ${longDate('2025-11-03')}.`);
    expect(onorderschanged).toHaveBeenCalledTimes(1);
    expect(within(ordersSection()).getByRole('heading', { name: 'Orders' })).toHaveFocus();
  });

  it('keeps the question open and says why when deleting fails', async () => {
    core([november], { delete_order: () => Promise.reject({ kind: 'write-failed', field: null, message: 'The disk is full.' }) });
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: `Delete the order of ${longDate('2025-11-03')}` }));
    const dialog = screen.getByRole('dialog', { name: 'Delete order' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete order' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The disk is full.');
  });
});
