// The N² lesson part without a browser: how it times attention (with a fake clock, so the
// arithmetic is checked exactly) and where the chart puts things.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { formatBytes, formatMilliseconds, layoutCostChart, lengthsUpTo, measureAttentionCost } from '../../web/src/lesson/cost_chart.js';
import { loadEngine, matrix } from '../../web/src/engine.js';

const BOX = { width: 640, height: 320, left: 60, right: 20, top: 20, bottom: 40 };

test('the lesson measures powers of two from 16 to the chosen length', () => {
  assert.deepEqual(lengthsUpTo(2048), [16, 32, 64, 128, 256, 512, 1024, 2048]);
  assert.deepEqual(lengthsUpTo(100), [16, 32, 64]);
});

// An engine whose every pass "takes" N²/1000 ms on a clock it controls: the measurement must
// report exactly that, however it batches.
function fakeEngineAndClock() {
  let time = 0;
  const calls = [];
  const engine = {
    attention(queries, keys, values, options) {
      calls.push({ n: queries.rows, d: queries.cols, options });
      assert.equal(keys.rows, queries.rows);
      assert.equal(values.rows, queries.rows);
      time += queries.rows ** 2 / 1000;
    },
  };
  return { engine, calls, now: () => time };
}

test('each figure is one pass\'s time: batches long enough for a coarse clock, divided by their size', async () => {
  const { engine, calls, now } = fakeEngineAndClock();
  const seen = [];
  const results = await measureAttentionCost(engine, matrix, [16, 64, 256], {
    now, pause: async () => {}, batches: 3, batchMs: 10, onMeasured: (m) => seen.push(m),
  });
  assert.deepEqual(results.map((r) => r.length), [16, 64, 256]);
  assert.deepEqual(seen, results);
  for (const { length, milliseconds, passes } of results) {
    assert.ok(Math.abs(milliseconds - length ** 2 / 1000) < 1e-9, `${length}: ${milliseconds}`);
    // A batch lasts at least batchMs: 16² / 1000 = 0.256 ms per pass → 40 passes per batch.
    const perBatch = passes / 3;
    assert.ok(perBatch * (length ** 2 / 1000) >= 10 - 1e-9);
    assert.equal(perBatch, Math.max(1, Math.ceil(10 / (length ** 2 / 1000))));
  }
  assert.ok(calls.every((call) => call.d === 64 && call.options.keepIntermediateSteps === false));
});

test('stopping between batches keeps what was measured and ends the run', async () => {
  const { engine, now } = fakeEngineAndClock();
  let measuredCount = 0;
  const results = await measureAttentionCost(engine, matrix, [16, 32, 64, 128], {
    now, pause: async () => {}, batchMs: 1, onMeasured: () => { measuredCount += 1; },
    shouldStop: () => measuredCount >= 2,
  });
  assert.deepEqual(results.map((r) => r.length), [16, 32]);
});

test('with the real engine, every length gets a positive, finite time', async () => {
  const engine = await loadEngine();
  const results = await measureAttentionCost(engine, matrix, [16, 32, 64], { batches: 2, batchMs: 2 });
  assert.deepEqual(results.map((r) => r.length), [16, 32, 64]);
  for (const r of results) assert.ok(Number.isFinite(r.milliseconds) && r.milliseconds > 0, JSON.stringify(r));
});

test('the chart: log₂ lengths left to right, log₁₀ time upwards, whole decades, the N² line with slope 2', () => {
  const lengths = [16, 32, 64, 128];
  const measurements = [
    { length: 16, milliseconds: 0.05 }, { length: 32, milliseconds: 0.1 },
    { length: 64, milliseconds: 0.2 }, { length: 128, milliseconds: 0.4 },
  ];
  const layout = layoutCostChart(measurements, lengths, BOX);
  assert.deepEqual(layout.plot, { left: 60, right: 620, top: 20, bottom: 280 });
  assert.deepEqual(layout.xTicks.map((t) => t.label), ['16', '32', '64', '128']);
  assert.equal(layout.xTicks[0].x, 60);
  assert.equal(layout.xTicks[3].x, 620);
  // 0.05 … 0.4 ms → decades 0.01 … 1 ms, the lowest at the bottom.
  assert.deepEqual(layout.yTicks.map((t) => t.label), ['0.01 ms', '0.1 ms', '1 ms']);
  assert.equal(layout.yTicks[0].y, 280);
  assert.equal(layout.yTicks[2].y, 20);
  const decade = (280 - 20) / 2;
  const doubling = (620 - 60) / 3;
  // Points sit where their values are: 0.1 ms is on the 0.1 ms tick.
  assert.ok(Math.abs(layout.points[1].y - layout.yTicks[1].y) < 1e-9);
  assert.ok(layout.points.every((p, i) => i === 0 || (p.x > layout.points[i - 1].x && p.y < layout.points[i - 1].y)));
  // The reference passes through the longest input and rises two doublings' worth of time
  // (×4 = log₁₀4 decades) per doubling of N.
  const [start, end] = layout.reference;
  const slope = ((start.y - end.y) / decade) / ((end.x - start.x) / doubling);
  assert.ok(Math.abs(slope - Math.log10(4)) < 1e-9, `slope ${slope}`);
  assert.ok(Math.abs(end.x - 620) < 1e-9 && Math.abs(end.y - layout.points[3].y) < 1e-9);
  // It is clipped to the plot: 0.4 ms·(N/128)² reaches 0.01 ms at N ≈ 20, on the bottom edge.
  assert.ok(Math.abs(start.y - 280) < 1e-9, `starts at y ${start.y}`);
  assert.ok(Math.abs(start.x - (60 + doubling * Math.log2(128 * Math.sqrt(0.01 / 0.4) / 16))) < 1e-9);
});

test('an empty chart still has axes; one measurement has no reference line yet', () => {
  const empty = layoutCostChart([], [16, 32], BOX);
  assert.equal(empty.points.length, 0);
  assert.equal(empty.reference.length, 0);
  assert.ok(empty.yTicks.length >= 2);
  const one = layoutCostChart([{ length: 16, milliseconds: 1 }], [16, 32], BOX);
  assert.equal(one.reference.length, 0);
  assert.ok(one.yTicks.length >= 2 && one.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)));
});

test('numbers as the lesson prints them', () => {
  assert.equal(formatMilliseconds(0.0123), '0.012 ms');
  assert.equal(formatMilliseconds(3.4), '3.4 ms');
  assert.equal(formatMilliseconds(144.4), '144 ms');
  assert.equal(formatMilliseconds(1234), '1.23 s');
  assert.equal(formatBytes(1024), '1 KB');
  assert.equal(formatBytes(2048 ** 2 * 4), '16 MB');
  assert.equal(formatBytes(12), '12 B');
});
