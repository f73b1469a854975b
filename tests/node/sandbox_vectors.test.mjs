// The sandbox's attributes and presets (web/src/sandbox/vectors.js): what an author writes is
// read whole or refused with a reason; the presets set what docs/sandbox.md says they set.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { LIMIT, PRESETS, defaultVectors, formatVectors, onPlane, parseVectors, parseWords } from '../../web/src/sandbox/vectors.js';

// softmax(q·k / √2) over the keys: the row the sandbox shows (the engine is tested against this
// in tests/browser/sandbox.test.mjs).
const softmaxRow = ([qx, qy], keys) => {
  const scores = keys.map(([kx, ky]) => (qx * kx + qy * ky) / Math.SQRT2);
  const top = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / total);
};

test('words: 3 to 5, separated by any spaces', () => {
  assert.deepEqual(parseWords('  the  cat\tsat '), { words: ['the', 'cat', 'sat'] });
  assert.deepEqual(parseWords('a b'), { problem: 'too-few', count: 2 });
  assert.deepEqual(parseWords('a b c d e f'), { problem: 'too-many', count: 6 });
  assert.deepEqual(parseWords(''), { problem: 'too-few', count: 0 });
});

test('vectors: x,y pairs, one per word; anything else is refused; beyond the plane is moved to its edge', () => {
  assert.deepEqual(parseVectors('1,0 0,1.5 -1,.5', 3), { vectors: [[1, 0], [0, 1.5], [-1, 0.5]] });
  assert.deepEqual(parseVectors('1,0 0,1', 3), { problem: 'wrong-count', count: 2 });
  for (const bad of ['1;0 0,1 1,1', '1,0,2 0,1 1,1', 'a,b 0,1 1,1', '1, 0 1,1', 'Infinity,0 0,1 1,1', '0x1,0 0,1 1,1']) {
    assert.equal(parseVectors(bad, 3).problem, 'not-pairs', bad);
  }
  assert.deepEqual(parseVectors('9,0 0,-1e3 1,1', 3), { vectors: [[LIMIT, 0], [0, -LIMIT], [1, 1]], problem: 'off-plane' });
  assert.equal(formatVectors([[1, 0], [-0.5, 2]]), '1,0 -0.5,2');
  assert.deepEqual(onPlane([1.234, -0.0001]), [1.23, 0]);
  assert.ok(!Object.is(onPlane([-0.001, 0])[0], -0), 'no -0 to show as "-0"');
});

test('the default vectors are on the plane, one per word', () => {
  for (let n = 3; n <= 5; n++) {
    const { queries, keys, values } = defaultVectors(n);
    for (const list of [queries, keys, values]) {
      assert.equal(list.length, n);
      for (const [x, y] of list) assert.ok(Math.abs(x) <= LIMIT && Math.abs(y) <= LIMIT);
    }
  }
});

test('the presets set what the docs say, for every word count and focus', () => {
  for (let n = 3; n <= 5; n++) {
    for (let focus = 0; focus < n; focus++) {
      const state = { ...defaultVectors(n), focus };
      assert.ok(PRESETS.alike(state).keys.every(([x, y]) => x === 1 && y === 1));
      const target = (focus + 1) % n;
      const aligned = PRESETS.aligned(state);
      assert.deepEqual(aligned.queries[focus], [2, 0]);
      assert.deepEqual(aligned.keys[target], [3, 0]);
      assert.ok(softmaxRow(aligned.queries[focus], aligned.keys)[target] >= 0.94);
      const opposite = PRESETS.opposite(state);
      assert.deepEqual(opposite.keys[target], [-3, 0]);
      assert.ok(softmaxRow(opposite.queries[focus], opposite.keys)[target] < 0.01);
      assert.ok(softmaxRow(state.queries[focus], PRESETS.alike(state).keys).every((w) => Math.abs(w - 1 / n) < 1e-12));
      const long = PRESETS.long({ ...state, ...aligned });
      assert.ok(Math.max(...softmaxRow(long.queries[focus], long.keys)) >= 0.99);
      // Directions kept, lengths grown, still on the plane.
      long.keys.forEach(([x, y], i) => {
        const [x0, y0] = aligned.keys[i];
        assert.ok(Math.abs(x * y0 - y * x0) < 0.05, 'same direction');
        assert.ok(Math.hypot(x, y) >= Math.hypot(x0, y0) - 1e-9);
        assert.ok(Math.abs(x) <= LIMIT && Math.abs(y) <= LIMIT);
      });
    }
  }
});
