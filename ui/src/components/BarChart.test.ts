// A bar chart hands its numbers to Chart.js in the theme's colours and always has them in a
// table: behind "Show as table", beside it, or shown at once when nothing can be drawn.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { ChartConfiguration } from 'chart.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BarChartSpec } from '../lib/barChart';
import { drawBarChart } from '../lib/chartCanvas';
import BarChart from './BarChart.svelte';

vi.mock('../lib/chartCanvas', () => ({ drawBarChart: vi.fn() }));

const drawMock = vi.mocked(drawBarChart);
const update = vi.fn();
const destroy = vi.fn();

const spec: BarChartSpec = {
  categories: ['Jan', 'Feb', 'Mar'],
  series: [
    { label: 'New customers', values: [1, 0, 2], tone: 'accent' },
    { label: 'Returning customers', values: [3, 4, 5], tone: 'quiet' },
  ],
  stacked: true,
  format: (n) => `${n} people`,
};

beforeEach(() => {
  drawMock.mockReset();
  update.mockReset();
  destroy.mockReset();
  drawMock.mockResolvedValue({ update, destroy });
});

describe('drawing', () => {
  it('hands the categories, the series and their colours to the chart', async () => {
    render(BarChart, { label: 'New and returning customers', spec, categoryHeading: 'Month' });
    await waitFor(() => expect(drawMock).toHaveBeenCalledTimes(1));
    const config = drawMock.mock.calls[0][1] as ChartConfiguration<'bar'>;
    expect(config.type).toBe('bar');
    expect(config.data.labels).toEqual(['Jan', 'Feb', 'Mar']);
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['New customers', [1, 0, 2]],
      ['Returning customers', [3, 4, 5]],
    ]);
    expect(config.data.datasets[0].backgroundColor).not.toEqual(config.data.datasets[1].backgroundColor);
    expect(config.options?.plugins?.legend?.display).toBe(true);
    expect(screen.getByRole('img', { name: 'New and returning customers. Show as table for the numbers.' })).toBeInTheDocument();
  });

  it('redraws the same chart with new numbers', async () => {
    const { rerender } = render(BarChart, { label: 'Customers', spec, categoryHeading: 'Month' });
    await waitFor(() => expect(drawMock).toHaveBeenCalledTimes(1));
    await rerender({ label: 'Customers', spec: { ...spec, categories: ['Apr', 'May', 'Jun'] }, categoryHeading: 'Month' });
    await waitFor(() => expect(update.mock.calls.at(-1)?.[0].data.labels).toEqual(['Apr', 'May', 'Jun']));
    expect(drawMock).toHaveBeenCalledTimes(1);
  });

  it('lets the chart go when it leaves the page', async () => {
    const { unmount } = render(BarChart, { label: 'Customers', spec, categoryHeading: 'Month' });
    await waitFor(() => expect(drawMock).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    unmount();
    expect(destroy).toHaveBeenCalledTimes(1);
  });
});

describe('the numbers behind it', () => {
  it('"Show as table" reveals a table with the same numbers, formatted the same way', async () => {
    const user = userEvent.setup();
    render(BarChart, { label: 'New and returning customers', spec, categoryHeading: 'Month' });
    const toggle = await screen.findByRole('button', { name: 'Show as table' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('table')).toBeNull();

    await user.click(toggle);
    const table = screen.getByRole('table', { name: 'New and returning customers' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveTextContent('Hide table');
    const rows = within(table).getAllByRole('row').map((r) => Array.from(r.children).map((c) => c.textContent));
    expect(rows).toEqual([
      ['Month', 'New customers', 'Returning customers'],
      ['Jan', '1 people', '3 people'],
      ['Feb', '0 people', '4 people'],
      ['Mar', '2 people', '5 people'],
    ]);
  });

  it('shows the table at once when nothing can be drawn', async () => {
    drawMock.mockResolvedValue(null);
    render(BarChart, { label: 'Customers', spec, categoryHeading: 'Month' });
    expect(await screen.findByRole('table', { name: 'Customers' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show as table' })).toBeNull();
  });

  it('points to the table beside it instead of repeating it', async () => {
    render(BarChart, { label: 'Customers per segment', spec, categoryHeading: 'Segment', tableId: 'segments' });
    await waitFor(() => expect(drawMock).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('img', { name: 'Customers per segment. The numbers are in the table below.' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show as table' })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
