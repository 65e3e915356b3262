// The Insights view over a fixture of three customers: each tab's tables from the core's
// numbers, the data handed to each chart, the As of day that replays history, and the empty and
// failed states.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke, isTauri } from '@tauri-apps/api/core';
import type { ChartConfiguration } from 'chart.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Insights } from '../lib/bindings/Insights';
import { drawBarChart } from '../lib/chartCanvas';
import { longDate, monthName, monthOfYear } from '../lib/insightText';
import { formatMinor } from '../lib/money';
import type { InsightsTab } from '../lib/router.svelte';
import { feedbackSummaryFixture, insightsFixture } from '../test-fixtures';
import InsightsView from './InsightsView.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(), isTauri: vi.fn(() => true) }));
vi.mock('../lib/chartCanvas', () => ({ drawBarChart: vi.fn() }));

const invokeMock = vi.mocked(invoke);
const drawMock = vi.mocked(drawBarChart);
const plain = (text: string) => text.replace(/\s+/g, ' ');
const euros = (minor: number) => plain(formatMinor(minor, 'EUR'));

function core(answer: (asOf: string | null) => Insights | Promise<Insights> = () => insightsFixture()) {
  invokeMock.mockImplementation(async (command, args) => {
    if (command === 'insights') return answer((args as { asOf: string | null }).asOf);
    if (command === 'list_products') return [];
    return null;
  });
}

function setup(tab: InsightsTab) {
  render(InsightsView, { tab });
  return userEvent.setup();
}

const calls = (command: string) => invokeMock.mock.calls.filter(([c]) => c === command).map(([, args]) => args);
/** The cells of a table's rows, header row first, as text. */
const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.children).map((cell) => plain(cell.textContent ?? '').trim()));
/** The configurations handed to the charts drawn so far. */
const charts = () => drawMock.mock.calls.map(([, config]) => config as ChartConfiguration<'bar'>);

beforeEach(() => {
  invokeMock.mockReset();
  vi.mocked(isTauri).mockReturnValue(true);
  drawMock.mockReset();
  drawMock.mockResolvedValue({ update: vi.fn(), destroy: vi.fn() });
  core();
});

describe('the tabs', () => {
  it('are links, the open one marked as the current page', async () => {
    setup('segments');
    const nav = screen.getByRole('navigation', { name: 'Insights' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Overview', '#/insights'],
      ['Segments', '#/insights/segments'],
      ['Seasons', '#/insights/seasons'],
      ['Cross-sell', '#/insights/cross-sell'],
      ['Breakdowns', '#/insights/breakdowns'],
      ['Feedback', '#/insights/feedback'],
      ['Products', '#/insights/products'],
      ['Import orders', '#/insights/import'],
    ]);
    expect(links[1]).toHaveAttribute('aria-current', 'page');
    expect(links[0]).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('heading', { level: 1, name: 'Insights' })).toBeInTheDocument();
  });
});

describe('Overview', () => {
  it('gives the figures, who is ordering less than usual and why, and what is coming up', async () => {
    setup('overview');
    const drops = await screen.findByRole('table', { name: 'Customers ordering less than usual, most overdue first' });
    expect(calls('insights')).toEqual([{ asOf: null }]);
    expect(screen.getByText(`As of today, ${longDate('2025-11-24')}`)).toBeInTheDocument();

    const figures = Array.from(document.querySelectorAll('.figures div')).map((d) => [
      d.querySelector('dt')!.textContent,
      plain(d.querySelector('dd')!.textContent!),
    ]);
    expect(figures).toEqual([
      ['Customers who have ordered', '3'],
      ['Orders', '19'],
      ['Revenue', euros(76_200)],
      ['Ordering less than usual', '1'],
    ]);

    expect(cells(drops)).toEqual([
      ['Customer', 'Usually orders', 'Since the last order', 'Why'],
      ['Bo Ek', 'every 14 days', '70 days', 'Usually every 14 days; 70 days since the last order.'],
    ]);
    expect(within(drops).getByRole('link', { name: 'Bo Ek' })).toHaveAttribute('href', '#/customers/c-bo');
    expect(within(screen.getByRole('list', { name: `Coming up in ${monthName(12)}` })).getByText('Stollen')).toBeInTheDocument();
  });

  it('says no one is drifting when no one is', async () => {
    core(() => insightsFixture({ order_drops: [] }));
    setup('overview');
    expect(await screen.findByText(/^No one is ordering less than usual\./)).toBeInTheDocument();
  });
});

describe('As of', () => {
  it('asks the core again as of the day picked, and back to today', async () => {
    core((asOf) => insightsFixture({ as_of: asOf ?? '2025-11-24' }));
    const user = setup('overview');
    await screen.findByText(`As of today, ${longDate('2025-11-24')}`);

    const asOf = screen.getByLabelText('As of');
    expect(asOf).toHaveAccessibleDescription('Pick a past day to see the insights as they were then.');
    await fireEvent.input(asOf, { target: { value: '2024-12-31' } });
    await fireEvent.change(asOf);
    await waitFor(() => expect(calls('insights')).toEqual([{ asOf: null }, { asOf: '2024-12-31' }]));
    expect(await screen.findByText(`As it was on ${longDate('2024-12-31')}`)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back to today' }));
    await waitFor(() => expect(calls('insights').at(-1)).toEqual({ asOf: null }));
    expect(asOf).toHaveValue('');
    expect(await screen.findByText(`As of today, ${longDate('2025-11-24')}`)).toBeInTheDocument();
  });

  it("shows the core's refusal of a day beside the box, keeping what was shown", async () => {
    core((asOf) => (asOf === null ? insightsFixture() : Promise.reject({ kind: 'invalid', field: 'as_of', message: 'is before 1900' })));
    setup('overview');
    await screen.findByRole('table', { name: 'Customers ordering less than usual, most overdue first' });
    const asOf = screen.getByLabelText('As of');
    await fireEvent.input(asOf, { target: { value: '1850-01-01' } });
    await fireEvent.change(asOf);
    await waitFor(() => expect(asOf).toHaveAttribute('aria-invalid', 'true'));
    expect(asOf).toHaveAccessibleDescription(/is before 1900/);
    expect(screen.getByRole('table', { name: 'Customers ordering less than usual, most overdue first' })).toBeInTheDocument();
  });
});

describe('Segments', () => {
  it('charts the customers per segment with the counts and meanings in a table beside it', async () => {
    setup('segments');
    const counts = await screen.findByRole('table', { name: 'Customers per segment' });
    expect(cells(counts).slice(0, 6)).toEqual([
      ['Segment', 'Customers', 'What it means'],
      ['Champion', '1', 'Ordered recently, orders often and spends the most.'],
      ['Loyal', '0', 'Orders often and spends well, and has ordered fairly recently.'],
      ['Promising', '0', 'A recent customer who already buys a fair amount: could become loyal.'],
      ['New', '1', 'Ordered recently, but only a little so far.'],
      ['At risk', '1', 'Used to buy a fair amount, but has not ordered lately.'],
    ]);
    await waitFor(() => expect(charts()).toHaveLength(1));
    expect(charts()[0].data.labels).toEqual(['Champion', 'Loyal', 'Promising', 'New', 'At risk', "Can't lose", 'Hibernating', 'Lost']);
    expect(charts()[0].data.datasets[0].data).toEqual([1, 0, 0, 1, 1, 0, 0, 0]);
    expect(screen.getByRole('img', { name: 'Customers per segment. The numbers are in the table below.' })).toBeInTheDocument();
  });

  it('lists the customers of the segment chosen', async () => {
    const user = setup('segments');
    const customers = await screen.findByRole('table', { name: 'All customers who have ordered' });
    expect(cells(customers)).toEqual([
      ['Customer', 'Segment', 'Since the last order', 'Orders', 'Spent', 'R · F · M'],
      ['Anna Berg', 'Champion', '21 days', '12', euros(54_000), '5 · 5 · 5'],
      ['Bo Ek', 'At risk', '70 days', '6', euros(21_000), '2 · 4 · 4'],
      ['Cleo Park', 'New', '4 days', '1', euros(1200), '5 · 1 · 1'],
    ]);

    await user.selectOptions(screen.getByLabelText('Show'), 'At risk (1)');
    const atRisk = screen.getByRole('table', { name: 'Customers in At risk' });
    expect(cells(atRisk).slice(1).map((row) => row[0])).toEqual(['Bo Ek']);

    await user.selectOptions(screen.getByLabelText('Show'), 'Lost (0)');
    expect(screen.getByText('No one is in Lost as of this day.')).toBeInTheDocument();
  });
});

describe('Seasons', () => {
  it('charts the best seller month by month, with its peak and the table behind the chart', async () => {
    const user = setup('seasons');
    expect(await screen.findByLabelText('Product or category')).toHaveValue('product/Bread');
    expect(screen.getByText(/sells most in/).closest('p')).toHaveTextContent(`Bread sells most in ${monthName(11)}: 76 sold in all, ${euros(34_200)}.`);
    await waitFor(() => expect(charts()).toHaveLength(1));
    expect(charts()[0].data.labels).toHaveLength(12);
    expect(charts()[0].data.datasets[0].data).toEqual([4, 4, 5, 5, 6, 6, 5, 5, 6, 8, 12, 10]);

    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table', { name: 'Bread: quantity sold per month' });
    expect(cells(table)).toHaveLength(13);
    expect(cells(table)[11]).toEqual([charts()[0].data.labels![10], '12']);
  });

  it('switches to another product or a category', async () => {
    const user = setup('seasons');
    const pick = await screen.findByLabelText('Product or category');
    await user.selectOptions(pick, 'Stollen');
    expect(screen.getByText(/sells most in/).closest('p')).toHaveTextContent(`Stollen sells most in ${monthName(12)}`);
    await user.selectOptions(pick, 'Bakery');
    expect(pick).toHaveValue('category/Bakery');
    expect(screen.getByText(/sells most in/).closest('p')).toHaveTextContent(`Bakery sells most in ${monthName(11)}`);
    expect(within(screen.getByRole('list', { name: `Coming up in ${monthName(12)}` })).getByText('Stollen')).toBeInTheDocument();
  });
});

describe('Cross-sell', () => {
  it('lists the pairs with support, confidence and lift, and the ideas per customer with the reason', async () => {
    setup('cross-sell');
    const pairs = await screen.findByRole('table', { name: 'Products bought together, strongest first' });
    expect(cells(pairs)).toEqual([
      ['Customers who buy', 'also buy', 'Customers', 'Support', 'Confidence', 'Lift'],
      ['Bread', 'Butter', '2', '66.7%', '80%', '1.6×'],
    ]);
    const ideas = screen.getByRole('table', { name: 'Products to suggest to each customer, with the reason' });
    expect(cells(ideas)[1]).toEqual(['Cleo Park', 'Butter', 'bought Bread; 80% of customers who buy Bread also buy Butter']);
    expect(within(ideas).getByRole('link', { name: 'Cleo Park' })).toHaveAttribute('href', '#/customers/c-cleo');
  });

  it('says what will appear when nothing goes together yet', async () => {
    core(() => insightsFixture({ pairs: [], cross_sell: [] }));
    setup('cross-sell');
    expect(await screen.findByText(/^Nothing stands out yet\./)).toBeInTheDocument();
    expect(screen.getByText(/^No ideas yet\./)).toBeInTheDocument();
  });
});

describe('Breakdowns', () => {
  it('breaks revenue and customers down by city, then by another dimension picked', async () => {
    const user = setup('breakdowns');
    const byCity = await screen.findByRole('table', { name: 'Revenue and customers by city' });
    expect(cells(byCity)).toEqual([
      ['City', 'Customers', 'Who ordered', 'Revenue'],
      ['Stockholm', '2', '1', euros(54_000)],
      ['Malmö', '1', '1', euros(21_000)],
      ['No city', '1', '1', euros(1200)],
    ]);
    await waitFor(() => expect(charts().length).toBeGreaterThanOrEqual(2));
    const revenue = charts().find((c) => c.data.datasets[0].label === 'Revenue')!;
    expect(revenue.data.labels).toEqual(['Stockholm', 'Malmö', 'No city']);
    expect(revenue.data.datasets[0].data).toEqual([54_000, 21_000, 1200]);

    await user.click(screen.getByLabelText('Preferred channel'));
    const byChannel = screen.getByRole('table', { name: 'Revenue and customers by preferred channel' });
    expect(cells(byChannel).slice(1).map((row) => row[0])).toEqual(['WhatsApp', 'No preferred channel']);
  });

  it('lists the top customers, and charts new against returning customers per month', async () => {
    const user = setup('breakdowns');
    const top = await screen.findByRole('table', { name: 'Top customers by what they spent' });
    expect(cells(top)[1]).toEqual(['Anna Berg', '12', euros(54_000), euros(4500), longDate('2025-11-03')]);

    await waitFor(() => expect(charts().some((c) => c.data.datasets.length === 2)).toBe(true));
    const months = charts().find((c) => c.data.datasets.length === 2)!;
    expect(months.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['New customers', [0, 1]],
      ['Returning customers', [2, 1]],
    ]);
    expect(months.options?.scales?.x?.stacked).toBe(true);

    const section = screen.getByRole('region', { name: 'New and returning customers' });
    await user.click(within(section).getByRole('button', { name: 'Show as table' }));
    const table = within(section).getByRole('table', { name: 'New and returning customers per month' });
    expect(cells(table).map((row) => row.slice(1))).toEqual([
      ['New customers', 'Returning customers'],
      ['0', '2'],
      ['1', '1'],
    ]);
  });
});

describe('Feedback', () => {
  it('gives the count, the average rating and the rounded NPS with who promotes and who detracts', async () => {
    core(() => insightsFixture({ feedback: feedbackSummaryFixture() }));
    setup('feedback');
    await screen.findByRole('heading', { name: 'Who would recommend you' });
    const figures = Array.from(document.querySelectorAll('.figures div')).map((d) =>
      Array.from(d.querySelectorAll('dt, dd')).map((e) => plain(e.textContent!)),
    );
    expect(figures).toEqual([
      ['Feedback', '6'],
      ['Average rating', '3.8 out of 5', '5 ratings'],
      ['Net Promoter Score', '+17', '6 scores'],
    ]);
    const split = Array.from(document.querySelectorAll('.split div')).map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);
    expect(split).toEqual([
      ['Promoters', '3'],
      ['Passives', '1'],
      ['Detractors', '2'],
    ]);
  });

  it('charts the NPS and the average rating by month, with every month in a table', async () => {
    core(() => insightsFixture({ feedback: feedbackSummaryFixture() }));
    setup('feedback');
    const table = await screen.findByRole('table', { name: 'Feedback per month' });
    expect(cells(table)).toEqual([
      ['Month', 'Feedback', 'Average rating', 'NPS'],
      [monthOfYear('2025-10'), '2', '4.5', '+50'],
      [monthOfYear('2025-11'), '4', '3.3', '0'],
    ]);
    await waitFor(() => expect(charts()).toHaveLength(3));
    const nps = charts().find((c) => c.data.datasets[0].label === 'NPS')!;
    expect(nps.data.labels).toEqual([monthOfYear('2025-10'), monthOfYear('2025-11')]);
    expect(nps.data.datasets[0].data).toEqual([50, 0]);
    const average = charts().find((c) => c.data.datasets[0].label === 'Average rating')!;
    expect(average.data.datasets[0].data).toEqual([4.5, 3.3333333333333335]);
    expect(screen.getByRole('img', { name: 'Net Promoter Score per month. The numbers are in the table below.' })).toBeInTheDocument();
  });

  it('lists the low ratings to listen to with the customer and their words as plain text', async () => {
    core(() => insightsFixture({ feedback: feedbackSummaryFixture() }));
    setup('feedback');
    const list = await screen.findByRole('list', { name: 'Low ratings, newest first' });
    const item = within(list).getAllByRole('listitem')[0];
    expect(within(item).getByRole('link', { name: 'Bo Ek' })).toHaveAttribute('href', '#/customers/c-bo');
    expect(within(item).getByRole('img', { name: '2 out of 5' })).toHaveTextContent('★★☆☆☆');
    expect(item).toHaveTextContent('would recommend 3/10');
    expect(item).toHaveTextContent(longDate('2025-11-18'));
    expect(within(item).getByText('The <b>cake</b> was late')).toBeInTheDocument();
    expect(item.querySelector('b')).toBeNull();
  });

  it('counts customers by how they heard about you, in a chart and a table', async () => {
    core(() => insightsFixture({ feedback: feedbackSummaryFixture() }));
    setup('feedback');
    const table = await screen.findByRole('table', { name: 'Customers by how they heard about you' });
    expect(cells(table)).toEqual([
      ['Source', 'Customers'],
      ['Farmers market', '5'],
      ['Instagram', '2'],
      ['Not recorded', '1'],
    ]);
    await waitFor(() => expect(charts().some((c) => c.data.datasets[0].label === 'Customers')).toBe(true));
    const heard = charts().find((c) => c.data.datasets[0].label === 'Customers')!;
    expect(heard.data.labels).toEqual(['Farmers market', 'Instagram', 'Not recorded']);
    expect(heard.data.datasets[0].data).toEqual([5, 2, 1]);
  });

  it('invites feedback when there is none, even with no orders, and still says how customers heard about you', async () => {
    core(() =>
      insightsFixture({
        lifetime: [],
        feedback: { ...feedbackSummaryFixture({ count: 0, ratings: 0, scores: 0, by_month: [], listen_to: [] }), average_rating: null, nps: null },
      }),
    );
    setup('feedback');
    expect(await screen.findByText('No feedback yet — ask after their next order.')).toBeInTheDocument();
    expect(screen.queryByText(/^No orders yet/)).toBeNull();
    expect(screen.getByRole('table', { name: 'Customers by how they heard about you' })).toBeInTheDocument();
  });
});

describe('empty and failed', () => {
  it('says what will appear once there are orders, with a way to import them', async () => {
    core(() => insightsFixture({ lifetime: [], rfm: [], order_drops: [], top_customers: [] }));
    setup('segments');
    expect(await screen.findByText(/^No orders yet\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'import orders from a CSV file' })).toHaveAttribute('href', '#/insights/import');
  });

  it('says why the insights could not be read, and tries again', async () => {
    let fail = true;
    core(() => (fail ? Promise.reject({ kind: 'io', field: null, message: 'The disk is busy.' }) : insightsFixture()));
    const user = setup('overview');
    expect(await screen.findByRole('alert')).toHaveTextContent('The insights could not be read: The disk is busy.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Customers ordering less than usual, most overdue first' })).toBeInTheDocument();
  });

  it('shows the catalogue and the import without the As of day', async () => {
    setup('products');
    expect(await screen.findByRole('heading', { name: 'Products' })).toBeInTheDocument();
    expect(screen.queryByLabelText('As of')).toBeNull();
  });
});
