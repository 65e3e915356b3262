// A bar chart as data: the categories, one or more series and how their numbers read, turned
// into a Chart.js configuration with the theme's colours (read from app.css's variables when the
// chart is drawn, so light and dark follow the OS). Pure: drawing is lib/chartCanvas.ts's job, and
// the numbers behind every chart are also shown as a table by components/BarChart.svelte.
import type { ChartConfiguration } from 'chart.js';

/** `accent` for the main series, `quiet` for a second one (returning beside new customers). */
export type Tone = 'accent' | 'quiet';

export type BarSeries = { label: string; values: readonly number[]; tone: Tone };

export type BarChartSpec = {
  categories: readonly string[];
  series: readonly BarSeries[];
  /** Bars run left to right, categories down the side (long names, many buckets). */
  horizontal?: boolean;
  /** Series stack on one bar per category. */
  stacked?: boolean;
  /** How a value reads in the table and the tooltip ("€12.50", "3"). */
  format: (value: number) => string;
  /** How a value reads on the axis, when shorter than `format` ("€1.2k"). */
  axisFormat?: (value: number) => string;
};

export type ChartPalette = { accent: string; quiet: string; text: string; muted: string; grid: string; font: string };

/** The theme's colours and font, from the CSS custom properties in force on `root`. */
export function chartPalette(root: Element): ChartPalette {
  const style = getComputedStyle(root);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    accent: read('--accent', '#a84f27'),
    quiet: read('--line-strong', '#948676'),
    text: read('--text', '#2b2521'),
    muted: read('--muted', '#675e56'),
    grid: read('--line', '#e6ddd1'),
    font: style.fontFamily || 'system-ui, sans-serif',
  };
}

export function barChartConfig(spec: BarChartSpec, palette: ChartPalette, reducedMotion: boolean): ChartConfiguration<'bar'> {
  const valueAxis = spec.horizontal ? 'x' : 'y';
  const categoryAxis = spec.horizontal ? 'y' : 'x';
  const stacked = spec.stacked ?? false;
  const axisFormat = spec.axisFormat ?? spec.format;
  const font = { family: palette.font, size: 12 };
  return {
    type: 'bar',
    data: {
      labels: [...spec.categories],
      datasets: spec.series.map((series) => ({
        label: series.label,
        data: [...series.values],
        backgroundColor: palette[series.tone],
        hoverBackgroundColor: palette[series.tone],
        borderRadius: 4,
        maxBarThickness: 40,
      })),
    },
    options: {
      indexAxis: categoryAxis,
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion ? false : { duration: 250 },
      scales: {
        [valueAxis]: {
          beginAtZero: true,
          stacked,
          grid: { color: palette.grid },
          border: { display: false },
          ticks: { color: palette.muted, font, precision: 0, callback: (value: string | number) => axisFormat(Number(value)) },
        },
        [categoryAxis]: {
          stacked,
          grid: { display: false },
          border: { color: palette.grid },
          ticks: { color: palette.text, font },
        },
      },
      plugins: {
        legend: { display: spec.series.length > 1, position: 'bottom', labels: { color: palette.text, font, boxWidth: 12 } },
        tooltip: {
          titleFont: font,
          bodyFont: font,
          callbacks: {
            label: (item) => `${item.dataset.label ?? ''}: ${spec.format(Number(item.parsed[valueAxis]))}`,
          },
        },
      },
    },
  };
}
