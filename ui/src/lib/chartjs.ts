// The parts of Chart.js the window uses, registered once: bar charts on category and linear
// scales, with tooltips and a legend. Importing only these keeps the chunk small (tree-shaking);
// Chart.js draws on a canvas and injects no stylesheet, so it runs under the strict CSP.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export { Chart };
