// Draws a bar chart on a canvas with Chart.js, loaded only when a chart is first shown (its own
// chunk, so the rest of the window starts without it). Where the canvas has no 2D context (the
// test DOM, a broken GPU), nothing is drawn and the caller shows the numbers as a table instead.
import type { ChartConfiguration } from 'chart.js';

export type DrawnChart = {
  /** Redraws with new data or colours. */
  update: (config: ChartConfiguration<'bar'>) => void;
  destroy: () => void;
};

export async function drawBarChart(canvas: HTMLCanvasElement, config: ChartConfiguration<'bar'>): Promise<DrawnChart | null> {
  if (!canvas.getContext('2d')) return null;
  const { Chart } = await import('./chartjs');
  const chart = new Chart(canvas, config);
  return {
    update(next) {
      chart.data = next.data;
      chart.options = next.options ?? {};
      chart.update();
    },
    destroy: () => chart.destroy(),
  };
}
