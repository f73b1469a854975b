// The lesson's N² part: on request, times attention at growing lengths on the learner's own
// device and draws the results as they arrive (chart and table). Nothing runs until the
// learner asks: on a slow phone the longest input takes a while and needs ~50 MB.
import { loadEngine, matrix } from '../engine.js';
import { formatBytes, formatMilliseconds, layoutCostChart, lengthsUpTo, measureAttentionCost } from './cost_chart.js';

const SVG = 'http://www.w3.org/2000/svg';
// The chart's drawing box. Its width follows the space on screen (a phone gets a narrower
// drawing rather than a shrunken one with unreadable labels).
const BOX = { width: 640, height: 320, left: 60, right: 18, top: 16, bottom: 44 };

const lab = document.getElementById('cost-lab');
const chart = document.getElementById('cost-chart');
const table = document.getElementById('cost-table').tBodies[0];
const status = document.getElementById('cost-status');
const runButton = document.getElementById('cost-run');
const stopButton = document.getElementById('cost-stop');
const longest = document.getElementById('cost-max');

let stopRequested = false;

function svg(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

let lastDrawn = [[], []];

function drawChart(measurements, lengths) {
  lastDrawn = [measurements, lengths];
  BOX.width = Math.round(Math.min(640, Math.max(300, chart.getBoundingClientRect().width || 640)));
  BOX.height = BOX.width < 480 ? 260 : 320;
  chart.setAttribute('viewBox', `0 0 ${BOX.width} ${BOX.height}`);
  const layout = layoutCostChart(measurements, lengths, BOX);
  const { plot } = layout;
  const title = chart.querySelector('title');
  const parts = [title];
  for (const tick of layout.yTicks) {
    parts.push(svg('line', { class: 'grid-line', x1: plot.left, x2: plot.right, y1: tick.y, y2: tick.y }));
    parts.push(svg('text', { class: 'tick', x: plot.left - 6, y: tick.y + 4, 'text-anchor': 'end' }, tick.label));
  }
  for (const tick of layout.xTicks) {
    parts.push(svg('text', { class: 'tick', x: tick.x, y: plot.bottom + 18, 'text-anchor': 'middle' }, BOX.width < 480 ? tick.label.replace(',', '') : tick.label));
  }
  parts.push(svg('line', { class: 'axis', x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom }));
  parts.push(svg('line', { class: 'axis', x1: plot.left, x2: plot.left, y1: plot.top, y2: plot.bottom }));
  parts.push(svg('text', { class: 'axis-label', x: (plot.left + plot.right) / 2, y: BOX.height - 6, 'text-anchor': 'middle' }, 'words in the input (N)'));
  if (layout.reference.length) {
    parts.push(svg('polyline', { class: 'reference', points: layout.reference.map((p) => `${p.x},${p.y}`).join(' ') }));
  }
  if (layout.points.length > 1) {
    parts.push(svg('polyline', { class: 'measured-line', points: layout.points.map((p) => `${p.x},${p.y}`).join(' ') }));
  }
  for (const point of layout.points) {
    const dot = svg('circle', { class: 'measured', cx: point.x, cy: point.y, r: 5 });
    dot.append(svg('title', {}, `${point.length} words: ${formatMilliseconds(point.milliseconds)}`));
    parts.push(dot);
  }
  chart.replaceChildren(...parts);
}

function addRow(measured, previous) {
  const row = document.createElement('tr');
  const cells = [
    measured.length.toLocaleString('en'),
    (measured.length ** 2).toLocaleString('en'),
    formatBytes(measured.length ** 2 * Float32Array.BYTES_PER_ELEMENT),
    formatMilliseconds(measured.milliseconds),
    previous ? `×${(measured.milliseconds / previous.milliseconds).toFixed(1)}` : '—',
  ];
  for (const text of cells) {
    const cell = document.createElement('td');
    cell.textContent = text;
    row.append(cell);
  }
  table.append(row);
}

function summary(results) {
  if (results.length < 2) return '';
  const [before, last] = results.slice(-2);
  return ` From ${before.length.toLocaleString('en')} to ${last.length.toLocaleString('en')} words the time grew ×${(last.milliseconds / before.milliseconds).toFixed(1)}; exact N² growth would be ×4. (Short inputs grow more slowly: fixed costs dominate.)`;
}

async function run() {
  const lengths = lengthsUpTo(Number(longest.value));
  stopRequested = false;
  runButton.disabled = true;
  longest.disabled = true;
  stopButton.hidden = false;
  table.replaceChildren();
  drawChart([], lengths);
  lab.dataset.state = 'running';
  const results = [];
  try {
    status.textContent = 'Loading the engine…';
    const engine = await loadEngine();
    status.textContent = `Measuring ${lengths[0]} words…`;
    await measureAttentionCost(engine, matrix, lengths, {
      shouldStop: () => stopRequested,
      onMeasured: (measured) => {
        addRow(measured, results.at(-1));
        results.push(measured);
        drawChart(results, lengths);
        const next = lengths[results.length];
        status.textContent = next ? `Measured ${results.length} of ${lengths.length}; now ${next.toLocaleString('en')} words…` : '';
      },
    });
    status.textContent = stopRequested
      ? `Stopped after ${results.length} of ${lengths.length} lengths.${summary(results)}`
      : `Done: ${results.length} lengths measured on this device.${summary(results)}`;
    lab.dataset.state = 'done';
  } catch (error) {
    status.textContent = `The measurement stopped: ${error.message}`;
    lab.dataset.state = 'error';
  } finally {
    runButton.disabled = false;
    longest.disabled = false;
    stopButton.hidden = true;
  }
}

runButton.addEventListener('click', run);
stopButton.addEventListener('click', () => {
  stopRequested = true;
  status.textContent = 'Stopping…';
});
drawChart([], lengthsUpTo(Number(longest.value)));
// Redraw when the width changes (rotation, resizing), not for the height the drawing itself sets.
let observedWidth = 0;
new ResizeObserver(([entry]) => {
  if (Math.round(entry.contentRect.width) === observedWidth) return;
  observedWidth = Math.round(entry.contentRect.width);
  drawChart(...lastDrawn);
}).observe(chart.parentElement);
longest.addEventListener('change', () => drawChart([], lengthsUpTo(Number(longest.value))));
