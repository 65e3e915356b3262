// The Log order form's values become the core's draft row for row, so the core's field names
// (`lines[1].quantity`) point at the form's own boxes.
import { describe, expect, it } from 'vitest';
import type { OrderView } from './bindings/OrderView';
import type { Product } from './bindings/Product';
import {
  blankLine,
  catalogueProduct,
  lineField,
  linesSummary,
  newOrderValues,
  orderDraft,
  orderFieldFor,
  orderValuesFrom,
} from './orderForm';

const bread: Product = {
  id: 'p1',
  name: 'Sourdough  Bread',
  category: 'Bakery',
  unit_price: { minor: 450, currency: 'EUR' },
  active: true,
  created_at: '2025-01-01T10:00:00Z',
  updated_at: '2025-01-01T10:00:00Z',
};

describe('orderDraft', () => {
  it('starts on today, the business currency and one line of one', () => {
    expect(newOrderValues('2025-11-24', 'SEK')).toEqual({
      date: '2025-11-24',
      currency: 'SEK',
      note: '',
      lines: [{ product: '', quantity: '1', unit_price: '', category: '' }],
    });
    expect(newOrderValues('2025-11-24', null).currency).toBe('');
  });

  it('trims the boxes and sends an empty one as not given', () => {
    const values = newOrderValues('2025-11-24', 'EUR');
    values.lines = [{ product: ' Bread ', quantity: ' 2 ', unit_price: '', category: '' }];
    values.note = '  ';
    expect(orderDraft(values)).toEqual({
      date: '2025-11-24',
      currency: 'EUR',
      note: null,
      lines: [{ product: 'Bread', quantity: '2', unit_price: null, category: null }],
    });
  });

  it('keeps every row in place, sending an untouched one empty so the core leaves it out', () => {
    const values = newOrderValues('', '');
    values.lines = [blankLine(), { product: 'Butter', quantity: 'two', unit_price: '3,20', category: 'Dairy' }];
    const draft = orderDraft(values);
    expect(draft.date).toBeNull();
    expect(draft.lines).toEqual([
      { product: '', quantity: '', unit_price: null, category: null },
      { product: 'Butter', quantity: 'two', unit_price: '3,20', category: 'Dairy' },
    ]);
  });

  it('sends a quantity typed on a line without a product, for the core to ask for the product', () => {
    const values = newOrderValues('2025-11-24', 'EUR');
    values.lines = [{ product: '', quantity: '5', unit_price: '', category: '' }];
    expect(orderDraft(values).lines[0].quantity).toBe('5');
  });
});

describe('editing', () => {
  it('starts from the stored order, prices in its own currency', () => {
    const order: OrderView = {
      id: 'o1',
      customer_id: 'c1',
      date: '2025-11-03',
      currency: 'JPY',
      lines: [{ product_id: 'p1', product: 'Mochi', quantity: 3, unit_price_minor: 250 }],
      note: 'For the party',
      created_at: '2025-11-03T11:00:00Z',
      updated_at: '2025-11-03T11:00:00Z',
      total: { minor: 750, currency: 'JPY' },
    };
    expect(orderValuesFrom(order)).toEqual({
      date: '2025-11-03',
      currency: 'JPY',
      note: 'For the party',
      lines: [{ product: 'Mochi', quantity: '3', unit_price: '250', category: '' }],
    });
  });
});

describe('fields', () => {
  it('shows the core message beside the box it names', () => {
    expect(orderFieldFor('lines[1].quantity', 2)).toBe('lines[1].quantity');
    expect(orderFieldFor('date', 1)).toBe('date');
    expect(orderFieldFor('lines', 1)).toBe('lines');
    expect(lineField(0, 'unit_price')).toBe('lines[0].unit_price');
  });

  it('puts anything else above the buttons', () => {
    expect(orderFieldFor(null, 1)).toBeNull();
    expect(orderFieldFor('lines[3].quantity', 2)).toBeNull();
    expect(orderFieldFor('customer', 1)).toBeNull();
  });
});

describe('the catalogue', () => {
  it('finds a product whatever the case and spacing', () => {
    expect(catalogueProduct([bread], 'sourdough bread ')).toBe(bread);
    expect(catalogueProduct([bread], 'Rye')).toBeUndefined();
    expect(catalogueProduct([bread], '  ')).toBeUndefined();
  });
});

describe('linesSummary', () => {
  it('says how many of what', () => {
    const lines = [
      { product_id: 'p1', product: 'Bread', quantity: 2, unit_price_minor: 450 },
      { product_id: 'p2', product: 'Butter', quantity: 1200, unit_price_minor: 320 },
    ];
    expect(linesSummary(lines, 'en-GB')).toBe('2 × Bread, 1,200 × Butter');
  });
});
