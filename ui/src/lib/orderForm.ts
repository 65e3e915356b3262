// The Log order form's values and how they become the core's `OrderDraft`; how an order's
// lines read ("2 × Bread, 1 × Butter"); and which catalogue product a typed name is, for the
// price hint. It never judges a date, a quantity or a price: the core does, and names the field
// (`lines[1].quantity`), which is the same row of this form because every row is sent, blank ones
// included (the core leaves those out but keeps counting them).
import type { OrderDraft } from './bindings/OrderDraft';
import type { OrderLine } from './bindings/OrderLine';
import type { OrderView } from './bindings/OrderView';
import type { Product } from './bindings/Product';
import { formatNumber, priceText } from './money';

type Locales = string | string[] | undefined;

export type LineValues = { product: string; quantity: string; unit_price: string; category: string };

export type OrderValues = { date: string; currency: string; note: string; lines: LineValues[] };

/** The quantity a new line starts with. */
const FIRST_QUANTITY = '1';

export function blankLine(): LineValues {
  return { product: '', quantity: FIRST_QUANTITY, unit_price: '', category: '' };
}

/** A new order: today, the business currency (empty when it is not known: the core then uses it), one line. */
export function newOrderValues(today: string, currency: string | null): OrderValues {
  return { date: today, currency: currency ?? '', note: '', lines: [blankLine()] };
}

/** The form's values for editing `order`: its prices as typed in its own currency. */
export function orderValuesFrom(order: OrderView): OrderValues {
  return {
    date: order.date,
    currency: order.currency,
    note: order.note ?? '',
    lines: order.lines.map((line) => ({
      product: line.product,
      quantity: String(line.quantity),
      unit_price: priceText({ minor: line.unit_price_minor, currency: order.currency }),
      category: '',
    })),
  };
}

/**
 * The draft to send. Text is trimmed and an empty box is null (the core's "not given": today,
 * the business currency, the catalogue price). A line nobody touched — no product, no price, the
 * starting quantity — is sent empty, so the core leaves it out instead of asking for a product.
 */
export function orderDraft(values: OrderValues): OrderDraft {
  return {
    date: blankToNull(values.date),
    currency: blankToNull(values.currency),
    note: blankToNull(values.note),
    lines: values.lines.map((line) => {
      const untouched = line.product.trim() === '' && line.unit_price.trim() === '' && line.quantity.trim() === FIRST_QUANTITY;
      return {
        product: line.product.trim(),
        quantity: untouched ? '' : line.quantity.trim(),
        unit_price: blankToNull(line.unit_price),
        category: blankToNull(line.category),
      };
    }),
  };
}

/** The fields the form shows the core's message beside; anything else goes above the buttons. */
export function orderFieldFor(field: string | null, lineCount: number): string | null {
  if (field === null) return null;
  if (field === 'date' || field === 'currency' || field === 'note' || field === 'lines') return field;
  const line = /^lines\[(\d+)\]\.(product|quantity|unit_price|category)$/.exec(field);
  return line && Number(line[1]) < lineCount ? field : null;
}

/** The core's name for one box of line `index` ("lines[1].quantity"). */
export function lineField(index: number, part: keyof LineValues): string {
  return `lines[${index}].${part}`;
}

/** A product name as the catalogue compares names: spaces collapsed, case ignored. */
export function productKey(name: string): string {
  return name.trim().split(/\s+/).join(' ').toLowerCase();
}

/** The catalogue's product with the typed name, if there is one. */
export function catalogueProduct(products: readonly Product[], name: string): Product | undefined {
  const key = productKey(name);
  return key === '' ? undefined : products.find((p) => productKey(p.name) === key);
}

/** What was bought, in the order's own words: "2 × Bread, 1 × Butter". */
export function linesSummary(lines: readonly OrderLine[], locales?: Locales): string {
  return lines.map((line) => `${formatNumber(line.quantity, locales)} × ${line.product}`).join(', ');
}

function blankToNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
