// What the bindings do with values of the wrong type (issue 10): each gives our own readable
// Error, naming what was expected and what arrived, and leaks neither wasm memory nor JS
// handles; a lone UTF-16 surrogate is not glued to the next character; loadModel() says when
// it was not given bytes at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { loadEngine, loadModel, matrix } from '../../web/src/engine.js';

const MASK_CHOICES = 'options.mask must be one of "none", "causal", "key-padding", "custom"; got ';
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const q = matrix(2, 2, [1, 0, 0, 1]);

// [options, what the message must say it got]
const badMasks = [
  [{ mask: 5 }, 'a number'],
  [{ mask: null }, 'null'],
  [{ mask: {} }, 'an object'],
  [{ mask: true }, 'a boolean'],
  [{ mask: ['causal'] }, 'an array'],
  [{ mask: 'sideways' }, 'the string "sideways"'],
];

test('a mask that is not one of the four names is refused with our message', async () => {
  const engine = await loadEngine();
  const model = await loadModel();
  for (const [options, got] of badMasks) {
    const expected = new RegExp(`^${escape(MASK_CHOICES + got)}\\.$`);
    assert.throws(() => engine.attention(q, q, q, options), (error) => error instanceof Error && expected.test(error.message),
      `attention with ${JSON.stringify(options)}`);
    assert.throws(() => model.analyze('the dog ran', options), (error) => error instanceof Error && expected.test(error.message),
      `analyze with ${JSON.stringify(options)}`);
  }
});

test('booleans, numbers, flags and the options object are checked before they are read', async () => {
  const engine = await loadEngine();
  const cases = [
    [{ scaleBySqrtDk: 'yes' }, /^Error: options\.scaleBySqrtDk must be true or false; got the string "yes"\.$/],
    [{ keepIntermediateSteps: 1 }, /^Error: options\.keepIntermediateSteps must be true or false; got a number\.$/],
    [{ scaleBySqrtDk: null }, /^Error: options\.scaleBySqrtDk must be true or false; got null\.$/],
    [{ temperature: '2' }, /^Error: options\.temperature must be a number; got the string "2"\.$/],
    [{ mask: 'key-padding', keyIsPadding: [0, 1] }, /^Error: options\.keyIsPadding must be a Uint8Array \(1 = yes, 0 = no\); got an array\.$/],
    ['causal', /^Error: options must be an object such as \{ mask: "causal" \}; got the string "causal"\.$/],
    [7, /^Error: options must be an object such as \{ mask: "causal" \}; got a number\.$/],
  ];
  for (const [options, expected] of cases) {
    assert.throws(() => engine.attention(q, q, q, options), expected, JSON.stringify(options));
  }
  // Sizes past what an int holds, or NaN, are refused, not converted.
  for (const rows of [1e20, NaN, 2 ** 31]) {
    assert.throws(() => engine.attention({ rows, cols: 2, data: new Float32Array(4) }, q, q),
      /queries\.rows must be a whole number ≥ 0/);
  }
  // The right types still work.
  const trace = engine.attention(q, q, q, { scaleBySqrtDk: false, keepIntermediateSteps: false, temperature: 2, mask: 'causal' });
  assert.equal(trace.weights.data[1], 0);
});

test('1,000 calls with wrong types leak no wasm memory and no JS handles', async () => {
  const engine = await loadEngine();
  const model = await loadModel();
  const wrong = [{ mask: 5 }, { mask: null }, { mask: {} }, { scaleBySqrtDk: 'yes' }, { temperature: '2' }, 'causal'];
  // Whether each call throws is the tests above; here only what it leaves behind counts.
  const attempt = (call) => { try { call(); } catch { /* expected */ } };
  const once = (i) => {
    const options = wrong[i % wrong.length];
    attempt(() => engine.attention(q, q, q, options));
    attempt(() => model.analyze('the dog ran', options));
    attempt(() => engine.loadModel(new Uint8Array([1, 2, 3])));
  };
  for (let i = 0; i < 50; i++) once(i);  // warm up: the heap reaches its working size
  const allocatedBefore = engine.allocatedBytes;
  const handlesBefore = engine.liveHandles;
  for (let i = 0; i < 1000; i++) once(i);
  assert.equal(engine.allocatedBytes - allocatedBefore, 0, 'bytes left allocated in the wasm heap');
  assert.equal(engine.liveHandles - handlesBefore, 0, 'JS handles left behind');
});

test('a lone surrogate becomes U+FFFD, a token of its own, and spans still index the caller\'s string', async () => {
  const model = await loadModel();
  const sentence = 'the \uD83Ddog ran';
  const { tokens } = model.analyze(sentence);
  assert.deepEqual(tokens.map((t) => t.text), ['the', '\uFFFD', 'dog', 'ran']);
  assert.deepEqual(tokens.map((t) => sentence.slice(t.start, t.end)), ['the', '\uD83D', 'dog', 'ran']);
  assert.equal(tokens[2].known, true, '"dog" is still the word the model knows');

  const lowFirst = 'a\uDC36b cat';  // a low surrogate with no high one before it
  const low = model.analyze(lowFirst).tokens;
  assert.deepEqual(low.map((t) => t.text), ['a', '\uFFFD', 'b', 'cat']);
  assert.deepEqual(low.map((t) => lowFirst.slice(t.start, t.end)), ['a', '\uDC36', 'b', 'cat']);

  // A real pair is left alone.
  const emoji = 'the 🐶 ran';
  const whole = model.analyze(emoji).tokens;
  assert.deepEqual(whole.map((t) => t.text), ['the', '🐶', 'ran']);
  assert.equal(emoji.slice(whole[1].start, whole[1].end), '🐶');
});

test('loadModel says the weights must be bytes, and what it got instead', async () => {
  const engine = await loadEngine();
  const cases = [
    ['x', 'the string "x"'], [null, 'null'], [42, 'a number (42)'], [undefined, 'undefined'],
    [{}, 'an object'], [[1, 2], 'an array'], [new Float32Array(4), 'a Float32Array'],
  ];
  for (const [value, got] of cases) {
    assert.throws(() => engine.loadModel(value),
      new RegExp(`^Error: The weights must be bytes \\(an ArrayBuffer or Uint8Array\\); got ${escape(got)}\\.$`),
      String(value));
  }
  assert.throws(() => engine.loadModel(new Uint8Array(0)), /is empty/);
  assert.throws(() => engine.loadModel(new ArrayBuffer(0)), /is empty/);
});
