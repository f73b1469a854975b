// The bad-input corpus (tests/data/bad_inputs/) run against the wasm engine in Node: every case
// gives its right result or a message a person can read, the engine answers a good call right
// after, and nothing is left behind — no JS handle and no byte of wasm heap per refused call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { loadEngine, loadModel } from '../../web/src/engine.js';
import { ANALYZE_CASES, ATTENTION_CASES, MULTI_HEAD_CASES } from '../data/bad_inputs/engine_cases.mjs';
import { weightsCases } from '../data/bad_inputs/weights_cases.mjs';

const GOOD_WEIGHTS = new Uint8Array(readFileSync(new URL('../../web/model/attention_lens_model.bin', import.meta.url)));
const GOOD_SENTENCE = 'The dog saw the cat';

// What a case did: its value, or the message it threw (and whether that was a real Error).
function outcome(run) {
  try {
    return { value: run() };
  } catch (error) {
    return { thrown: error };
  }
}

function assertOutcome(c, { value, thrown }) {
  if (c.error) {
    assert.ok(thrown, `expected a refusal matching ${c.error}; it returned ${value === undefined ? 'nothing' : 'a result'}`);
    assert.ok(thrown instanceof Error, `threw ${typeof thrown} ${String(thrown)}, not an Error`);
    assert.match(thrown.message, c.error);
    // Embind's own wording would mean the binding let a value through unchecked.
    assert.doesNotMatch(thrown.message, /BindingError|emval|std::|Cannot convert|__|\bwire\b/i);
  } else {
    assert.ok(!thrown, `expected a result; it threw: ${thrown?.message ?? thrown}`);
    c.result(value);
  }
}

// Repeats a case: a leak grows with every run. The first run may grow caches, and malloc's count of
// bytes in use may move a few bytes once later, as its blocks settle (4 bytes in the third of 20
// 64-word analyses once the weights changed, and never again): so the heap must stay flat over runs
// 21-40, and may have moved over runs 1-20 by less than one block a run (8 bytes) would leave.
async function assertLeavesNothing(engine, run) {
  run();
  const handles = engine.liveHandles;
  const start = engine.allocatedBytes;
  for (let i = 0; i < 20; i++) run();
  const settled = engine.allocatedBytes;
  for (let i = 0; i < 20; i++) run();
  assert.equal(engine.liveHandles - handles, 0, 'JS handles left behind by 40 runs');
  assert.equal(engine.allocatedBytes - settled, 0, 'wasm bytes left allocated by runs 21-40');
  assert.ok(Math.abs(settled - start) < 20 * 8, `wasm bytes left allocated by runs 1-20: ${settled - start}`);
}

const quietly = (run) => () => { try { run(); } catch { /* the refusal is checked above */ } };

test('attention() refuses bad shapes, NaN, Infinity and wrong option types with readable messages', async (t) => {
  const engine = await loadEngine();
  assert.ok(ATTENTION_CASES.length >= 25);
  for (const c of ATTENTION_CASES) {
    await t.test(c.id, async () => {
      assertOutcome(c, outcome(() => c.run(engine)));
      await assertLeavesNothing(engine, quietly(() => c.run(engine)));
    });
  }
});

test('multiHeadAttention() refuses weights that do not fit together', async (t) => {
  const engine = await loadEngine();
  for (const c of MULTI_HEAD_CASES) {
    await t.test(c.id, async () => {
      assertOutcome(c, outcome(() => c.run(engine)));
      await assertLeavesNothing(engine, quietly(() => c.run(engine)));
    });
  }
});

test('analyze() reads hostile sentences into visible tokens, or refuses them in words; the model works after each', async (t) => {
  const engine = await loadEngine();
  const model = await loadModel();
  const good = model.analyze(GOOD_SENTENCE);
  for (const c of ANALYZE_CASES) {
    const run = c.run ? () => c.run(model) : () => model.analyze(c.sentence);
    await t.test(c.id, async () => {
      assertOutcome(c, outcome(run));
      await assertLeavesNothing(engine, quietly(run));
      // Still works: the good sentence gives the same numbers as before the bad one.
      const after = model.analyze(GOOD_SENTENCE);
      assert.deepEqual(after.tokens.map((token) => token.text), good.tokens.map((token) => token.text));
      assert.deepEqual([...after.layers[1].average.data], [...good.layers[1].average.data]);
    });
  }
});

test('the weights loader refuses truncated, mislabelled, bit-flipped and non-byte files, leaking nothing', async (t) => {
  const engine = await loadEngine();
  const cases = weightsCases(GOOD_WEIGHTS);
  assert.ok(cases.length >= 45);
  for (const c of cases) {
    await t.test(c.id, async () => {
      assertOutcome(c, outcome(() => engine.loadModel(c.bytes())));
      await assertLeavesNothing(engine, quietly(() => engine.loadModel(c.bytes()).dispose()));
    });
  }
  // The good file still loads, as bytes or as an ArrayBuffer, after all of that.
  for (const bytes of [GOOD_WEIGHTS, GOOD_WEIGHTS.slice().buffer]) {
    const model = engine.loadModel(bytes);
    assert.equal(model.analyze(GOOD_SENTENCE).tokens.length, 5);
    model.dispose();
  }
});
