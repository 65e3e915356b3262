// The catalogue: products by name with category, price and whether they are offered; adding and
// editing them, with the core's message beside the field it names.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Product } from '../lib/bindings/Product';
import { formatMoney } from '../lib/money';
import { product } from '../test-fixtures';
import ProductCatalogue from './ProductCatalogue.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));

const invokeMock = vi.mocked(invoke);
const plain = (text: string) => text.replace(/\s+/g, ' ');

const bread = product({ name: 'Bread', category: 'Bakery', unit_price: { minor: 450, currency: 'EUR' } });
const mochi = product({ name: 'Mochi', unit_price: { minor: 250, currency: 'JPY' }, active: false });

function core(products: Product[], extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  const state = { products: [...products] };
  invokeMock.mockImplementation(async (command, args) => {
    if (command in extra) return extra[command]((args ?? {}) as Record<string, unknown>);
    if (command === 'list_products') return state.products;
    return null;
  });
  return state;
}

function setup() {
  const announce = vi.fn();
  render(ProductCatalogue, { announce });
  return { announce, user: userEvent.setup() };
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);
const rows = () =>
  within(screen.getByRole('table', { name: 'The catalogue, by name' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.children).slice(0, 4).map((cell) => plain(cell.textContent ?? '').trim()));

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
});

describe('the list', () => {
  it('shows each product with its category, price in its currency and whether it is offered', async () => {
    core([bread, mochi]);
    setup();
    await screen.findByRole('table', { name: 'The catalogue, by name' });
    expect(rows()).toEqual([
      ['Bread', 'Bakery', plain(formatMoney(bread.unit_price)), 'Yes'],
      ['Mochi', '', plain(formatMoney(mochi.unit_price)), 'No longer offered'],
    ]);
  });

  it('says how products get here when there are none', async () => {
    core([]);
    setup();
    expect(await screen.findByText(/^No products yet\. Add what you sell here, or log an order/)).toBeInTheDocument();
  });
});

describe('adding and editing', () => {
  it('adds a product and shows the catalogue as the core has it', async () => {
    const rye = product({ name: 'Rye', unit_price: { minor: 520, currency: 'EUR' } });
    const state = core([bread], {
      add_product: () => {
        state.products = [bread, rye];
        return rye;
      },
    });
    const { announce, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Add product' }));
    const form = screen.getByRole('form', { name: 'Add product' });
    expect(within(form).getByLabelText('Name')).toHaveFocus();
    expect(within(form).getByLabelText('Offered for new orders')).toBeChecked();
    await user.type(within(form).getByLabelText('Name'), 'Rye');
    await user.type(within(form).getByLabelText('Price'), '5.20');
    await user.click(within(form).getByRole('button', { name: 'Save product' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Add product' })).toBeNull());
    expect(calls('add_product')).toEqual([{ draft: { name: 'Rye', category: null, unit_price: '5.20', currency: null, active: true } }]);
    expect(rows().map((r) => r[0])).toEqual(['Bread', 'Rye']);
    expect(announce).toHaveBeenCalledWith('Added Rye to the catalogue.');
    expect(screen.getByRole('button', { name: 'Add product' })).toHaveFocus();
  });

  it("edits a product from what is stored, and shows the core's message beside the field it names", async () => {
    let refuse = true;
    const state = core([bread, mochi], {
      update_product: (a) =>
        refuse
          ? Promise.reject({ kind: 'invalid', field: 'unit_price', message: '4.505 has 3 decimals; EUR has 2' })
          : (() => {
              const renamed = { ...bread, name: 'Sourdough', active: false };
              state.products = [mochi, renamed];
              expect(a.id).toBe(bread.id);
              return renamed;
            })(),
    });
    const { announce, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Edit Bread' }));
    const form = screen.getByRole('form', { name: 'Edit product' });
    expect(within(form).getByLabelText('Name')).toHaveValue('Bread');
    expect(within(form).getByLabelText('Category')).toHaveValue('Bakery');
    expect(within(form).getByLabelText('Price')).toHaveValue('4.50');
    expect(within(form).getByLabelText('Currency')).toHaveValue('EUR');

    const price = within(form).getByLabelText('Price');
    await user.clear(price);
    await user.type(price, '4.505');
    await user.click(within(form).getByRole('button', { name: 'Save product' }));
    await waitFor(() => expect(price).toHaveAttribute('aria-invalid', 'true'));
    expect(price).toHaveAccessibleDescription(/4\.505 has 3 decimals; EUR has 2/);
    expect(price).toHaveFocus();
    expect(within(form).getByLabelText('Name')).not.toHaveAttribute('aria-invalid');

    refuse = false;
    await user.clear(price);
    await user.type(price, '4.50');
    await user.clear(within(form).getByLabelText('Name'));
    await user.type(within(form).getByLabelText('Name'), 'Sourdough');
    await user.click(within(form).getByLabelText('Offered for new orders'));
    await user.click(within(form).getByRole('button', { name: 'Save product' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit product' })).toBeNull());
    expect(calls('update_product').at(-1)).toEqual({
      id: bread.id,
      draft: { name: 'Sourdough', category: 'Bakery', unit_price: '4.50', currency: 'EUR', active: false },
    });
    expect(rows().map((r) => [r[0], r[3]])).toEqual([
      ['Mochi', 'No longer offered'],
      ['Sourdough', 'No longer offered'],
    ]);
    expect(announce).toHaveBeenCalledWith('Saved Sourdough.');
    expect(screen.getByRole('button', { name: 'Edit Sourdough' })).toHaveFocus();
  });

  it('shows a name already in the catalogue beside the name', async () => {
    core([bread], { add_product: () => Promise.reject({ kind: 'invalid', field: 'name', message: '“Bread” is already in the catalogue' }) });
    const { user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Add product' }));
    const form = screen.getByRole('form', { name: 'Add product' });
    await user.type(within(form).getByLabelText('Name'), 'bread');
    await user.type(within(form).getByLabelText('Price'), '4');
    await user.click(within(form).getByRole('button', { name: 'Save product' }));
    const name = within(form).getByLabelText('Name');
    await waitFor(() => expect(name).toHaveAccessibleDescription('“Bread” is already in the catalogue'));
    expect(name).toHaveFocus();
  });
});
