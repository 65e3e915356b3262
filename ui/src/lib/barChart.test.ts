// A bar chart's Chart.js configuration: the data as given, the theme's colours, the axes the
// right way round, numbers written as the view writes them, and no animation when motion is reduced.
import type { TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { barChartConfig, chartPalette, type ChartPalette } from './barChart';

const palette: ChartPalette = { accent: '#a84f27', quiet: '#948676', text: '#2b2521', muted: '#675e56', grid: '#e6ddd1', font: 'system-ui' };
const spec = {
  categories: ['Stockholm', 'Malmö'],
  series: [{ label: 'Revenue', values: [54_000, 21_000], tone: 'accent' as const }],
  horizontal: true,
  format: (n: number) => `€${(n / 100).toFixed(2)}`,
  axisFormat: (n: number) => `€${Math.round(n / 100_000)}k`,
};

describe('barChartConfig', () => {
  it('hands the data over as given, in the accent colour', () => {
    const config = barChartConfig(spec, palette, false);
    expect(config.data.labels).toEqual(['Stockholm', 'Malmö']);
    expect(config.data.datasets[0]).toMatchObject({ label: 'Revenue', data: [54_000, 21_000], backgroundColor: '#a84f27' });
    expect(config.options?.plugins?.legend?.display).toBe(false);
  });

  it('runs horizontal bars along x, with the short format on the axis and the full one in the tooltip', () => {
    const config = barChartConfig(spec, palette, false);
    expect(config.options?.indexAxis).toBe('y');
    const ticks = config.options?.scales?.x?.ticks as { callback: (value: number) => string };
    expect(ticks.callback(100_000)).toBe('€1k');
    const label = config.options?.plugins?.tooltip?.callbacks?.label as (item: TooltipItem<'bar'>) => string;
    expect(label({ dataset: { label: 'Revenue' }, parsed: { x: 54_000, y: 0 } } as unknown as TooltipItem<'bar'>)).toBe('Revenue: €540.00');
  });

  it('does not animate when the owner prefers less motion', () => {
    expect(barChartConfig(spec, palette, true).options?.animation).toBe(false);
    expect(barChartConfig(spec, palette, false).options?.animation).not.toBe(false);
  });
});

describe('chartPalette', () => {
  it("reads the theme's colours from its custom properties", () => {
    document.documentElement.style.setProperty('--accent', '#123456');
    expect(chartPalette(document.documentElement).accent).toBe('#123456');
    document.documentElement.style.removeProperty('--accent');
    expect(chartPalette(document.documentElement).accent).toBe('#a84f27');
  });
});
