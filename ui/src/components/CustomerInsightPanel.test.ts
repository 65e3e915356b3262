// What the insights say of one customer: segment and its meaning, rhythm, a drop warning,
// lifetime value, seasons and suggestions with their reasons; the empty and failed states.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { InsightState } from '../lib/customer.svelte';
import { longDate } from '../lib/insightText';
import { formatMinor } from '../lib/money';
import { customerInsightFixture, noInsight } from '../test-fixtures';
import CustomerInsightPanel from './CustomerInsightPanel.svelte';

const plain = (text: string) => text.replace(/\s+/g, ' ');

function setup(insight: InsightState) {
  const onretry = vi.fn();
  render(CustomerInsightPanel, { insight, today: '2025-11-24', onretry });
  return { onretry, panel: screen.getByRole('region', { name: 'What their orders say' }) };
}

describe('a customer with orders', () => {
  it('says their segment in words, with what it means', () => {
    const { panel } = setup({ status: 'ready', insight: customerInsightFixture(), currency: 'EUR' });
    expect(within(panel).getByText('Champion')).toHaveClass('chip');
    expect(panel).toHaveTextContent('Ordered recently, orders often and spends the most.');
  });

  it('says how often they order and when they last did', () => {
    const { panel } = setup({ status: 'ready', insight: customerInsightFixture(), currency: 'EUR' });
    expect(panel).toHaveTextContent(/Usually orders every 14 days; last order (3 Nov|Nov 3)\./);
  });

  it('shows what they are worth so far, in the business currency', () => {
    const { panel } = setup({ status: 'ready', insight: customerInsightFixture(), currency: 'EUR' });
    const figures = panel.querySelector('dl')!;
    const pairs = Array.from(figures.querySelectorAll('div')).map((d) => [d.querySelector('dt')!.textContent, plain(d.querySelector('dd')!.textContent!)]);
    expect(pairs).toEqual([
      ['Total spent', plain(formatMinor(54_000, 'EUR'))],
      ['Orders', '12'],
      ['Average order', plain(formatMinor(4500, 'EUR'))],
      ['Customer since', longDate('2024-03-02')],
    ]);
  });

  it('lists their seasons and up to three suggestions, each with the reason', () => {
    const suggestion = customerInsightFixture().suggestions[0];
    const many = [1, 2, 3, 4].map((i) => ({ ...suggestion, product: `Jam ${i}`, because: `bought Bread; reason ${i}` }));
    const { panel } = setup({ status: 'ready', insight: customerInsightFixture({ suggestions: many }), currency: 'EUR' });
    expect(within(panel).getByRole('heading', { name: 'Seasons' })).toBeInTheDocument();
    expect(panel).toHaveTextContent('Orders every November, around the 20th (3 years)');
    const ideas = within(panel).getByRole('heading', { name: 'They might also like' }).parentElement!;
    const items = within(ideas).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Jam 1 — bought Bread; reason 1');
  });

  it('warns when they are ordering less than usual, with the reason', () => {
    const drop = {
      customer_id: 'c-anna',
      customer_name: 'Anna Berg',
      usual_gap_days: 14,
      days_since_last: 70,
      explanation: 'usually every 14 days; 70 days since the last order',
      reason: 'rhythm' as const,
      reasons: ['rhythm' as const],
      threshold_days: 28,
      last_order: '2025-09-15',
      overdue_from: '2025-10-13',
      recent_minor: 0,
      usual_minor: 7000,
    };
    const { panel } = setup({ status: 'ready', insight: customerInsightFixture({ order_drop: drop }), currency: 'EUR' });
    expect(panel).toHaveTextContent('Ordering less than usual. Usually every 14 days; 70 days since the last order.');
  });

  it('says when their rhythm will show, and when there is nothing to suggest', () => {
    const { panel } = setup({
      status: 'ready',
      insight: customerInsightFixture({ rhythm: null, suggestions: [], habits: [] }),
      currency: 'EUR',
    });
    expect(panel).toHaveTextContent(`Last order ${longDate('2025-11-03')}. Their rhythm shows once they have ordered on three different days.`);
    expect(panel).toHaveTextContent('Nothing to suggest yet');
    expect(within(panel).queryByRole('heading', { name: 'Seasons' })).toBeNull();
  });
});

describe('without orders', () => {
  it('says what will appear once they order', () => {
    const { panel } = setup({ status: 'ready', insight: noInsight(), currency: 'EUR' });
    expect(panel).toHaveTextContent('No orders yet — log one after their next purchase.');
    expect(within(panel).queryByText('Champion')).toBeNull();
  });
});

describe('when the insights cannot be read', () => {
  it('says why and offers to try again', async () => {
    const { onretry, panel } = setup({ status: 'failed', report: { kind: 'io', field: null, message: 'The disk is busy.' } });
    expect(within(panel).getByRole('alert')).toHaveTextContent('The insights could not be read: The disk is busy.');
    await userEvent.setup().click(within(panel).getByRole('button', { name: 'Try again' }));
    expect(onretry).toHaveBeenCalledTimes(1);
  });
});
