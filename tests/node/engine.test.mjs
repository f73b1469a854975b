// The WebAssembly module, tested in Node: the same numbers as the native engine, errors as
// JS Errors with the engine's message, copied results, and no leaks over 10 000 calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { loadEngine, matrix } from '../../web/src/engine.js';

const goldenPath = process.env.ATTENTION_GOLDEN ??
  fileURLToPath(new URL('../../build/native/golden.json', import.meta.url));
const TOLERANCE = 1e-5;

function loadGolden() {
  assert.ok(existsSync(goldenPath),
    `golden values missing at ${goldenPath}: run the native build (build_scripts/build_native.sh) first`);
  return JSON.parse(readFileSync(goldenPath, 'utf8'));
}

const asMatrix = ({ rows, cols, data }) => matrix(rows, cols, data);

// Largest |a - b| over two matrices, with where it is, for a readable failure.
function assertClose(actual, expected, what) {
  assert.equal(actual.rows, expected.rows, `${what}: rows`);
  assert.equal(actual.cols, expected.cols, `${what}: cols`);
  let worst = 0;
  let where = 0;
  for (let i = 0; i < expected.data.length; i++) {
    const difference = Math.abs(actual.data[i] - expected.data[i]);
    if (!(difference <= worst)) { worst = difference; where = i; }
  }
  assert.ok(worst <= TOLERANCE,
    `${what}: largest difference ${worst} at index ${where} (${actual.data[where]} vs ${expected.data[where]})`);
}

function maskOptions(golden) {
  const options = { scaleBySqrtDk: golden.scaleBySqrtDk, temperature: golden.temperature };
  if (golden.mask === 'causal') options.mask = 'causal';
  if (golden.mask === 'padding-last-two') {
    options.mask = 'key-padding';
    options.keyIsPadding = new Uint8Array(golden.k.rows);
    options.keyIsPadding.fill(1, golden.k.rows - 2);
  }
  return options;
}

test('loadEngine returns one engine for every caller', async () => {
  const [first, second] = await Promise.all([loadEngine(), loadEngine({ moduleUrl: 'ignored-once-loaded' })]);
  assert.equal(first, second);
  assert.equal(await loadEngine(), first);
});

test('every attention case gives the native engine\'s numbers within 1e-5', async (t) => {
  const engine = await loadEngine();
  const golden = loadGolden();
  assert.ok(golden.attention.length >= 7);
  for (const c of golden.attention) {
    await t.test(c.name, () => {
      const trace = engine.attention(asMatrix(c.q), asMatrix(c.k), asMatrix(c.v), maskOptions(c));
      assert.ok(Math.abs(trace.scale - c.trace.scale) <= TOLERANCE, 'scale');
      for (const step of ['scores', 'scaled', 'weights', 'output']) {
        assertClose(trace[step], c.trace[step], `${c.name}: ${step}`);
      }
    });
  }
});

test('multi-head attention gives the native engine\'s numbers within 1e-5', async () => {
  const engine = await loadEngine();
  const { multiHead: golden } = loadGolden();
  const input = asMatrix(golden.input);
  const weights = {
    heads: golden.heads.map((h) => ({ wQuery: asMatrix(h.wQuery), wKey: asMatrix(h.wKey), wValue: asMatrix(h.wValue) })),
    wOutput: asMatrix(golden.wOutput),
  };
  const trace = engine.multiHeadAttention(input, input, weights);
  assert.equal(trace.heads.length, golden.heads.length);
  trace.heads.forEach((head, h) => {
    for (const step of ['scores', 'scaled', 'weights', 'output']) {
      assertClose(head[step], golden.heads[h].trace[step], `head ${h}: ${step}`);
    }
    assert.equal(head.queries.cols, golden.input.cols / golden.heads.length);
  });
  assertClose(trace.concatenated, golden.concatenated, 'concatenated');
  assertClose(trace.output, golden.output, 'output');
});

test('the hand-worked lesson example', async () => {
  const engine = await loadEngine();
  const trace = engine.attention(
    matrix(2, 4, [1, 1, 1, 1, 0, 0, 2, 2]),
    matrix(3, 4, [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]),
    matrix(3, 2, [1, 0, 0, 1, 10, 10]));
  assert.equal(trace.scale, 0.5);
  assert.deepEqual(Array.from(trace.scores.data), [4, 2, 0, 4, 0, 0]);
  const expected = [0.6652410, 0.2447285, 0.0900306, 0.7869860, 0.1065070, 0.1065070];
  trace.weights.data.forEach((w, i) => assert.ok(Math.abs(w - expected[i]) < 1e-6, `weight ${i}: ${w}`));
  assert.ok(trace.allowed.data instanceof Uint8Array);
});

test('keepIntermediateSteps: false returns the same weights and output, without the steps', async () => {
  const engine = await loadEngine();
  const { attention: cases } = loadGolden();
  const c = cases.find((x) => x.mask === 'causal');
  const lean = engine.attention(asMatrix(c.q), asMatrix(c.k), asMatrix(c.v), { ...maskOptions(c), keepIntermediateSteps: false });
  assert.equal(lean.scores, undefined);
  assert.equal(lean.scaled, undefined);
  assert.equal(lean.allowed, undefined);
  assertClose(lean.weights, c.trace.weights, 'weights');
  assertClose(lean.output, c.trace.output, 'output');
});

test('errors arrive as Error objects carrying the engine\'s message', async () => {
  const engine = await loadEngine();
  const q = matrix(2, 4, new Float32Array(8).fill(1));
  const k = matrix(3, 4, new Float32Array(12).fill(1));
  const v = matrix(3, 2, new Float32Array(6).fill(1));
  const cases = [
    [() => engine.attention(q, matrix(3, 3, new Float32Array(9)), v), /same number of columns d_k.*Q is 2×4 and K is 3×3/],
    [() => engine.attention(q, k, matrix(2, 2, new Float32Array(4))), /same number of rows n_k.*K is 3×4 and V is 2×2/],
    [() => engine.attention(matrix(0, 4, []), k, v), /Q \(queries\) is empty \(0×4\)/],
    [() => engine.attention(matrix(2, 4, [1, 1, 1, 1, 1, NaN, 1, 1]), k, v), /Q \(queries\) has NaN at row 1, column 1/],
    [() => engine.attention(q, k, matrix(3, 2, [1, 1, Infinity, 1, 1, 1])), /V \(values\) has Infinity at row 1, column 0/],
    [() => engine.attention(q, k, v, { temperature: 0 }), /temperature must be a finite number above 0/],
    [() => engine.attention(q, k, v, { mask: 'sideways' }), /options.mask must be one of "none", "causal", "key-padding", "custom"; got the string "sideways"/],
    [() => engine.attention(q, k, v, { mask: 'key-padding', keyIsPadding: new Uint8Array(2) }), /one entry per key \(n_k = 3\); it has 2/],
    [() => engine.attention(q, k, v, { mask: 'custom', allowed: [1, 0] }), /options.allowed must be a Uint8Array/],
    [() => engine.attention({ rows: 2, cols: 4, data: [1, 2] }, k, v), /queries.data must be a Float32Array/],
    [() => engine.attention({ rows: 2, cols: 4, data: new Float32Array(3) }, k, v), /queries.data must hold rows×cols = 2×4 = 8 numbers; it holds 3/],
    [() => engine.attention(null, k, v), /queries must be an object/],
    [() => engine.attention({ rows: 1.5, cols: 4, data: new Float32Array(4) }, k, v), /queries.rows must be a whole number/],
    [() => engine.multiHeadAttention(matrix(2, 10, new Float32Array(20)), matrix(2, 10, new Float32Array(20)),
      { heads: [0, 1, 2].map(() => ({ wQuery: matrix(10, 3, new Float32Array(30)), wKey: matrix(10, 3, new Float32Array(30)), wValue: matrix(10, 3, new Float32Array(30)) })), wOutput: matrix(9, 10, new Float32Array(90)) }),
    /3 heads do not divide d_model = 10/],
    [() => engine.multiHeadAttention(q, q, { heads: 'two' }), /weights must be an object \{ heads/],
  ];
  for (const [call, message] of cases) {
    assert.throws(call, (error) => error instanceof Error && message.test(error.message),
      `expected an Error matching ${message}`);
  }
  // The engine still works after every refusal.
  assert.equal(engine.attention(q, k, v).weights.rows, 2);
});

test('results are copies that stay valid when the wasm heap grows', async () => {
  const engine = await loadEngine();
  const small = engine.attention(matrix(1, 1, [1]), matrix(2, 1, [1, 2]), matrix(2, 1, [3, 4]));
  const before = Array.from(small.weights.data);
  // A 2048×2048 trace needs more memory than the module starts with.
  const n = 2048;
  const x = matrix(n, 8, Float32Array.from({ length: n * 8 }, (_, i) => Math.sin(i)));
  const big = engine.attention(x, x, x);
  assert.equal(big.weights.data.length, n * n);
  assert.deepEqual(Array.from(small.weights.data), before);
  assert.equal(small.weights.data.length, 2);
});

test('10 000 calls do not grow the wasm heap or leak handles', async () => {
  const engine = await loadEngine();
  const n = 32;
  const q = matrix(n, 16, Float32Array.from({ length: n * 16 }, (_, i) => Math.cos(i)));
  const bad = matrix(n, 15, new Float32Array(n * 15));
  // Warm up so the heap reaches its working size, then measure.
  for (let i = 0; i < 100; i++) engine.attention(q, q, q, { mask: 'causal' });
  const heapBefore = engine.heapBytes;
  const allocatedBefore = engine.allocatedBytes;
  const handlesBefore = engine.liveHandles;
  for (let i = 0; i < 10_000; i++) {
    const trace = engine.attention(q, q, q, { mask: i % 2 ? 'causal' : 'none' });
    if (trace.weights.data.length !== n * n) assert.fail('wrong result during the loop');
    if (i % 100 === 0) assert.throws(() => engine.attention(q, bad, q));  // errors must not leak either
  }
  assert.equal(engine.heapBytes, heapBefore, 'the wasm heap grew');
  assert.equal(engine.allocatedBytes, allocatedBefore, 'memory allocated by the calls was not freed');
  assert.equal(engine.liveHandles, handlesBefore, 'JS handles were left behind');
});
