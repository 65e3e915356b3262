// The Insights overview on its own: a long list of customers ordering less than usual shows 50
// at a time, in the core's order, with the total still stated, and starts over on new insights.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { OrderDrop } from '../lib/bindings/OrderDrop';
import { formatNumber } from '../lib/money';
import { insightsFixture } from '../test-fixtures';
import InsightsOverview from './InsightsOverview.svelte';

/** `count` drops named Customer 1, Customer 2, … in that order (the core's, most overdue first). */
function drops(count: number, prefix = 'Customer'): OrderDrop[] {
  const bo = insightsFixture().order_drops[0];
  return Array.from({ length: count }, (_, i) => ({
    ...bo,
    customer_id: `c-${prefix}-${i + 1}`,
    customer_name: `${prefix} ${i + 1}`,
    days_since_last: 1000 - i,
  }));
}

const table = () => screen.getByRole('table', { name: 'Customers ordering less than usual, most overdue first' });
/** The customer names of the table's body rows, in order. */
const names = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('rowheader').textContent);
const range = (from: number, to: number, prefix = 'Customer') =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix} ${from + i}`);
const moreButton = () => screen.queryByRole('button', { name: /^Show .* more of / });
const drifting = () => {
  const figure = Array.from(document.querySelectorAll('.figures div')).find((d) => d.querySelector('dt')!.textContent === 'Ordering less than usual');
  return figure!.querySelector('dd')!.textContent;
};

describe('Ordering less than usual, a page at a time', () => {
  it('shows the first 50 in order, then 50 more, then the last 20, always stating the total', async () => {
    const user = userEvent.setup();
    render(InsightsOverview, { insights: insightsFixture({ order_drops: drops(120) }) });

    expect(drifting()).toBe(formatNumber(120));
    expect(names()).toEqual(range(1, 50));
    expect(moreButton()).toHaveTextContent(`Show ${formatNumber(50)} more of ${formatNumber(120)}`);

    await user.click(moreButton()!);
    expect(names()).toEqual(range(1, 100));
    expect(moreButton()).toHaveTextContent(`Show ${formatNumber(20)} more of ${formatNumber(120)}`);
    expect(drifting()).toBe(formatNumber(120));

    await user.click(moreButton()!);
    expect(names()).toEqual(range(1, 120));
    expect(moreButton()).not.toBeInTheDocument();
    expect(drifting()).toBe(formatNumber(120));
  });

  it('states a total in the thousands in full, with only the first 50 shown', () => {
    render(InsightsOverview, { insights: insightsFixture({ order_drops: drops(5378) }) });
    expect(drifting()).toBe(formatNumber(5378));
    expect(names()).toHaveLength(50);
    expect(moreButton()).toHaveTextContent(`Show ${formatNumber(50)} more of ${formatNumber(5378)}`);
  });

  it('has no button when 50 or fewer are ordering less', () => {
    render(InsightsOverview, { insights: insightsFixture({ order_drops: drops(50) }) });
    expect(names()).toEqual(range(1, 50));
    expect(moreButton()).not.toBeInTheDocument();
  });

  it('goes back to the first 50 when the insights change', async () => {
    const user = userEvent.setup();
    const { rerender } = render(InsightsOverview, { insights: insightsFixture({ order_drops: drops(120) }) });
    await user.click(moreButton()!);
    expect(names()).toHaveLength(100);

    await rerender({ insights: insightsFixture({ as_of: '2025-10-01', order_drops: drops(80, 'Earlier') }) });
    expect(names()).toEqual(range(1, 50, 'Earlier'));
    expect(moreButton()).toHaveTextContent(`Show ${formatNumber(30)} more of ${formatNumber(80)}`);
    expect(drifting()).toBe(formatNumber(80));
  });
});
