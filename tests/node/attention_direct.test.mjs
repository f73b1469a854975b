// engine.attention() has two ways into the module: the direct one (plain numbers and heap
// addresses, for well-formed matrices with no mask or a causal one) and Embind's (every other
// call, and every error). Both must give the same result, bit for bit, and `into` must reuse
// the caller's arrays on either.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { loadEngine, matrix } from '../../web/src/engine.js';
import { seededRandom } from '../../web/src/seeded_random.js';

function randomMatrix(rows, cols, seed, magnitude = 1) {
  const random = seededRandom(seed);
  return matrix(rows, cols, Float32Array.from({ length: rows * cols }, () => (random() * 2 - 1) * magnitude));
}

// The same call through Embind: a 'custom' mask (which only Embind takes) allowing what the
// direct call's mask allows.
function allowedFlags(nQuery, nKey, causal) {
  const flags = new Uint8Array(nQuery * nKey);
  for (let i = 0; i < nQuery; i++) for (let j = 0; j < nKey; j++) flags[i * nKey + j] = !causal || j <= i ? 1 : 0;
  return flags;
}

const SHAPES = [
  { nQuery: 1, nKey: 1, dKey: 1, dValue: 1 },
  { nQuery: 3, nKey: 17, dKey: 7, dValue: 5 },
  { nQuery: 17, nKey: 17, dKey: 64, dValue: 64 },
  { nQuery: 40, nKey: 33, dKey: 8, dValue: 3 },
  { nQuery: 130, nKey: 130, dKey: 32, dValue: 16 },
];

test('the direct way and Embind\'s give the same trace, bit for bit', async () => {
  const engine = await loadEngine();
  let seed = 1;
  for (const { nQuery, nKey, dKey, dValue } of SHAPES) {
    const Q = randomMatrix(nQuery, dKey, seed++, 3);
    const K = randomMatrix(nKey, dKey, seed++, 3);
    const V = randomMatrix(nKey, dValue, seed++);
    const variants = [
      {}, { scaleBySqrtDk: false }, { temperature: 0.5 }, { keepIntermediateSteps: false },
      ...(nQuery === nKey ? [{ mask: 'causal' }, { mask: 'causal', temperature: 2, keepIntermediateSteps: false }] : []),
    ];
    for (const options of variants) {
      const direct = engine.attention(Q, K, V, options);
      const viaEmbind = engine.attention(Q, K, V, {
        ...options, mask: 'custom', allowed: allowedFlags(nQuery, nKey, options.mask === 'causal'),
      });
      const what = `${nQuery}×${nKey}, d_k ${dKey}, d_v ${dValue}, ${JSON.stringify(options)}`;
      assert.deepEqual(Object.keys(direct), Object.keys(viaEmbind), what);
      assert.deepEqual(direct, viaEmbind, what);
      assert.equal(direct.weights.data.length, nQuery * nKey, what);
      assert.equal(direct.output.data.length, nQuery * dValue, what);
    }
  }
});

test('the direct way refuses nothing silently: bad values get the engine\'s message', async () => {
  const engine = await loadEngine();
  const Q = randomMatrix(2, 4, 1);
  const K = randomMatrix(3, 4, 2);
  const V = randomMatrix(3, 2, 3);
  assert.throws(() => engine.attention(Q, K, V, { temperature: 0 }), /temperature must be a finite number above 0/);
  assert.throws(() => engine.attention(Q, K, V, { temperature: Infinity }), /temperature must be a finite number above 0/);
  const withNaN = matrix(2, 4, [1, 2, 3, NaN, 5, 6, 7, 8]);
  assert.throws(() => engine.attention(withNaN, K, V), /Q \(queries\) has NaN at row 0, column 3/);
  assert.throws(() => engine.attention(Q, randomMatrix(3, 5, 4), V), /Q is 2×4 and K is 3×5/);
  assert.throws(() => engine.attention(Q, K, randomMatrix(2, 2, 5)), /V/);
  assert.throws(() => engine.attention(matrix(0, 4, []), K, V), /Q|queries/);
  assert.throws(() => engine.attention(Q, K, V, { into: 42 }), /options\.into must be an earlier result of attention\(\); got a number \(42\)/);
  assert.throws(() => engine.attention(Q, K, V, { into: null }), /options\.into .* got null/);
  // After a refused call the next one is right.
  const good = engine.attention(Q, K, V);
  assert.equal(good.weights.data.length, 6);
});

test('results are the caller\'s own: a later call, larger or not, changes none of them', async () => {
  const engine = await loadEngine();
  const first = engine.attention(randomMatrix(5, 8, 10), randomMatrix(5, 8, 11), randomMatrix(5, 8, 12));
  const copy = structuredClone(first);
  engine.attention(randomMatrix(5, 8, 13), randomMatrix(5, 8, 14), randomMatrix(5, 8, 15));
  // Past 1024×1024 scores the engine's kept buffers are let go, and the heap grows.
  const big = engine.attention(randomMatrix(1100, 8, 16), randomMatrix(1100, 8, 17), randomMatrix(1100, 8, 18),
    { keepIntermediateSteps: false });
  assert.deepEqual(first, copy);
  for (let row = 0; row < 1100; row += 99) {
    const sum = big.weights.data.subarray(row * 1100, (row + 1) * 1100).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-4, `row ${row} of the 1100×1100 weights sums to ${sum}`);
  }
});

test('into: the same arrays are filled again, and hold what a fresh call returns', async () => {
  const engine = await loadEngine();
  const Q = randomMatrix(6, 4, 20);
  const K = randomMatrix(6, 4, 21);
  const V = randomMatrix(6, 3, 22);
  const reused = engine.attention(Q, K, V);
  const arrays = ['scores', 'scaled', 'allowed', 'weights', 'output'].map((key) => reused[key].data);

  const Q2 = randomMatrix(6, 4, 23);
  for (const options of [{ mask: 'causal' }, { mask: 'custom', allowed: allowedFlags(6, 6, true) }]) {
    const returned = engine.attention(Q2, K, V, { ...options, into: reused });
    assert.equal(returned, reused);
    assert.deepEqual(['scores', 'scaled', 'allowed', 'weights', 'output'].map((key) => reused[key].data), arrays,
      `${options.mask}: the arrays are the same objects`);
    assert.deepEqual({ ...reused }, engine.attention(Q2, K, V, options), `${options.mask}: the values are a fresh call's`);
  }

  // Fewer steps: the left-out ones are removed; another shape: fresh arrays of the right size.
  engine.attention(Q, K, V, { keepIntermediateSteps: false, into: reused });
  assert.deepEqual(Object.keys(reused).filter((key) => key !== 'scale').sort(), ['output', 'weights']);
  assert.equal(reused.weights.data, arrays[3]);
  engine.attention(randomMatrix(2, 4, 24), K, V, { into: reused });
  assert.equal(reused.weights.rows, 2);
  assert.equal(reused.weights.data.length, 12);
  assert.notEqual(reused.weights.data, arrays[3]);
  assert.deepEqual({ ...reused }, engine.attention(randomMatrix(2, 4, 24), K, V));
});

test('10 000 direct calls leak neither memory nor handles', async () => {
  const engine = await loadEngine();
  const Q = randomMatrix(12, 16, 30);
  const K = randomMatrix(12, 16, 31);
  const V = randomMatrix(12, 16, 32);
  const into = engine.attention(Q, K, V);
  const [bytes, handles] = [engine.allocatedBytes, engine.liveHandles];
  for (let i = 0; i < 5000; i++) engine.attention(Q, K, V);
  for (let i = 0; i < 5000; i++) engine.attention(Q, K, V, { mask: 'causal', into });
  assert.equal(engine.allocatedBytes, bytes);
  assert.equal(engine.liveHandles, handles);
});
