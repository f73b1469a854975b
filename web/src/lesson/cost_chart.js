// The N² lesson's measurement and chart, without the page: timing attention at growing lengths
// with the engine, and laying the results out on log–log axes. Pure functions (plus the
// engine call), so Node tests can check them; cost_lab.js puts them on the page.
import { seededRandom } from '../seeded_random.js';

/** The lengths the lesson measures: powers of two from 16 up to `longest`. */
export function lengthsUpTo(longest) {
  const lengths = [];
  for (let n = 16; n <= longest; n *= 2) lengths.push(n);
  return lengths;
}

function randomMatrix(matrix, rows, cols, random) {
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < data.length; i += 1) data[i] = random() * 2 - 1;
  return matrix(rows, cols, data);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Times one self-attention pass (N×d_k queries, keys and values, scaled, softmax, weighted sum)
 * for each length. A browser's clock is coarse (0.1 ms in Chromium without cross-origin
 * isolation) and a short pass takes microseconds, so every timing is a batch of passes long
 * enough for the clock (≥ `batchMs`), divided by its count; the figure is the median of
 * `batches` batches. Between batches it yields to the page, so it can draw and be stopped.
 *
 * @param {object} engine an AttentionEngine (from loadEngine())
 * @param {function} matrix engine.js's matrix()
 * @param {number[]} lengths
 * @param {object} [options]
 * @param {number} [options.keyLength=64]
 * @param {number} [options.batches=5]
 * @param {number} [options.batchMs=25]
 * @param {function} [options.onMeasured] called with each {length, milliseconds, passes}
 * @param {function} [options.shouldStop] checked between batches; true ends the run early
 * @param {function} [options.now] the clock (performance.now)
 * @param {function} [options.pause] resolves when the page has had a turn
 * @returns {Promise<Array<{length, milliseconds, passes}>>} the lengths measured, in order
 */
export async function measureAttentionCost(engine, matrix, lengths, {
  keyLength = 64, batches = 5, batchMs = 25, onMeasured = () => {}, shouldStop = () => false,
  now = () => performance.now(), pause = () => new Promise((resolve) => setTimeout(resolve, 0)),
} = {}) {
  // Seeded: the same random inputs on every run and device, so learners compare the same work.
  const random = seededRandom(2048);
  const results = [];
  const lean = { keepIntermediateSteps: false };
  for (const length of lengths) {
    const queries = randomMatrix(matrix, length, keyLength, random);
    const keys = randomMatrix(matrix, length, keyLength, random);
    const values = randomMatrix(matrix, length, keyLength, random);
    // Each pass writes into the arrays of the pass before (`into`): the chart times attention,
    // not the browser finding fresh memory for an N×N result on every pass.
    const into = engine.attention(queries, keys, values, lean);
    const pass = () => engine.attention(queries, keys, values, { ...lean, into });

    // Warm up for one batch's time (the first calls pay for compilation tiers and memory
    // growth), counting passes: that count is the batch size. Then batches of equal passes.
    let start = now();
    let passesPerBatch = 0;
    do {
      pass();
      passesPerBatch += 1;
    } while (now() - start < batchMs);
    const perPass = [];
    for (let batch = 0; batch < batches; batch += 1) {
      await pause();
      if (shouldStop()) return results;
      start = now();
      for (let i = 0; i < passesPerBatch; i += 1) pass();
      perPass.push((now() - start) / passesPerBatch);
    }
    const measured = { length, milliseconds: median(perPass), passes: passesPerBatch * batches };
    results.push(measured);
    onMeasured(measured);
  }
  return results;
}

// Powers of ten from below `low` to above `high`: the ticks of a log axis.
function decades(low, high) {
  const ticks = [];
  for (let exponent = Math.floor(Math.log10(low)); exponent <= Math.ceil(Math.log10(high)); exponent += 1) {
    ticks.push(10 ** exponent);
  }
  return ticks;
}

/**
 * Where everything goes on the chart. x: the number of words, log₂ scale over all planned
 * lengths (so the axis does not move while results arrive); y: milliseconds, log₁₀ scale over
 * whole decades that hold every measurement.
 * The reference line is exact N² growth through the longest input measured so far,
 * t·(N/N_longest)²: short inputs are dominated by fixed costs (calls, copies), so a line through
 * them would say little, while the long ones show the square law. It is clipped to the plot.
 *
 * @param {Array<{length, milliseconds}>} measurements so far (maybe none), shortest first
 * @param {number[]} lengths every length of the run
 * @param {{width, height, left, right, top, bottom}} box the SVG's size and margins
 * @returns {{xTicks: Array<{x, label}>, yTicks: Array<{y, label}>, points: Array<{x, y, length, milliseconds}>,
 *            reference: Array<{x, y}>, plot: {left, right, top, bottom}}}
 */
export function layoutCostChart(measurements, lengths, box) {
  const plot = { left: box.left, right: box.width - box.right, top: box.top, bottom: box.height - box.bottom };
  const times = measurements.map((m) => m.milliseconds);
  const yTickValues = times.length ? decades(Math.min(...times), Math.max(...times)) : [0.01, 0.1, 1, 10, 100];
  if (yTickValues.length < 2) yTickValues.push(yTickValues[0] * 10);
  const [yLow, yHigh] = [yTickValues[0], yTickValues.at(-1)];
  const [xLow, xHigh] = [Math.min(...lengths), Math.max(...lengths)];

  const x = (length) => plot.left + (plot.right - plot.left)
    * (xHigh === xLow ? 0.5 : Math.log2(length / xLow) / Math.log2(xHigh / xLow));
  const y = (ms) => plot.bottom - (plot.bottom - plot.top) * Math.log10(ms / yLow) / Math.log10(yHigh / yLow);

  // On log–log axes N² growth is a straight line: its two ends are where it enters and leaves
  // the plot (t·(N/N_a)² = the bottom or top of the y axis), within the planned lengths.
  const reference = [];
  const anchor = measurements.at(-1);
  if (anchor && measurements.length > 1) {
    const lengthAt = (ms) => anchor.length * Math.sqrt(ms / anchor.milliseconds);
    const square = (length) => anchor.milliseconds * (length / anchor.length) ** 2;
    const from = Math.max(xLow, lengthAt(yLow));
    const to = Math.min(xHigh, lengthAt(yHigh));
    if (from < to) reference.push({ x: x(from), y: y(square(from)) }, { x: x(to), y: y(square(to)) });
  }
  return {
    plot,
    xTicks: lengths.map((length) => ({ x: x(length), label: length.toLocaleString('en') })),
    yTicks: yTickValues.map((ms) => ({ y: y(ms), label: formatMilliseconds(ms) })),
    points: measurements.map((m) => ({ ...m, x: x(m.length), y: y(m.milliseconds) })),
    reference,
  };
}

/** "0.012 ms", "3.40 ms", "1.2 s": three significant figures, plain units. */
export function formatMilliseconds(ms) {
  if (ms >= 1000) return `${(ms / 1000).toPrecision(3)} s`;
  if (ms >= 1) return `${Number(ms.toPrecision(3))} ms`;
  return `${Number(ms.toPrecision(2))} ms`;
}

/** Bytes as the lesson talks about them: "1 KB", "16 MB" (binary units). */
export function formatBytes(bytes) {
  if (bytes >= 1024 ** 2) return `${Number((bytes / 1024 ** 2).toPrecision(3))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toPrecision(3))} KB`;
  return `${bytes} B`;
}
