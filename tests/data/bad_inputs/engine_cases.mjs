// The bad-input corpus for the engine in Node (web/src/engine.js): attention(),
// multiHeadAttention() and model.analyze() given what a careless or hostile caller might pass.
// Each case says what the right outcome is: `error` (a RegExp the thrown message must match, a
// message a person can act on, never Embind's own) or `result` (a check of what comes back).
// tests/node/bad_inputs.test.mjs runs every case, then checks that the engine still answers a
// good call and that no JS handle or wasm byte was left behind.
import assert from 'node:assert/strict';

import { matrix } from '../../../web/src/engine.js';

// A rows×cols matrix of small distinct numbers (all finite).
const filled = (rows, cols, value = (i) => ((i % 7) - 3) / 4) =>
  matrix(rows, cols, Float32Array.from({ length: rows * cols }, (_, i) => value(i)));
const q = () => filled(2, 4);
const k = () => filled(3, 4);
const v = () => filled(3, 2);
const withOne = (m, index, number) => {
  m.data[index] = number;
  return m;
};
// One head, d_model 4, d_k 4: the smallest multi-head weights that fit together.
const headWeights = (overrides = {}) => ({
  heads: [{ wQuery: filled(4, 4), wKey: filled(4, 4), wValue: filled(4, 4) }],
  wOutput: filled(4, 4),
  ...overrides,
});

const GOOD_SENTENCE = 'The dog saw the cat';

// Every token is a slice of the sentence (start/end index it) and says something visible: no
// row label made only of control or zero-width characters, and no character the sentence does
// not hold (a lone surrogate must not be paired with its neighbour into a new emoji).
const visible = (text) => text.replace(/[\p{Cc}\p{Cf}\p{Z}\p{Cs}]/gu, '').length > 0;
export function assertTokensAreSlices(sentence, analysis) {
  assert.ok(analysis.tokens.length > 0, 'at least one token');
  const characters = new Set(sentence);
  for (const token of analysis.tokens) {
    assert.ok(token.start >= 0 && token.start < token.end && token.end <= sentence.length,
      `token ${JSON.stringify(token.text)} spans ${token.start}..${token.end} of ${sentence.length}`);
    assert.ok(visible(token.text), `token ${JSON.stringify(token.text)} has no visible character`);
    for (const character of token.text) {
      assert.ok(characters.has(character) || character === '\uFFFD',
        `token ${JSON.stringify(token.text)} holds ${JSON.stringify(character)}, which the sentence does not`);
    }
  }
  const n = analysis.tokens.length;
  for (const layer of analysis.layers) {
    for (let row = 0; row < n; row++) {
      const sum = layer.average.data.slice(row * n, (row + 1) * n).reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(sum - 1) < 1e-4, `row ${row} sums to ${sum}`);
    }
  }
}
const slices = (sentence) => ({ sentence, result: (analysis) => assertTokensAreSlices(sentence, analysis) });

export const ATTENTION_CASES = [
  // Shapes
  { id: 'attention: Q and K with different d_k', run: (e) => e.attention(q(), filled(3, 3), v()), error: /Q and K must have the same number of columns d_k.*Q is 2×4 and K is 3×3/ },
  { id: 'attention: K and V with different n_k', run: (e) => e.attention(q(), k(), filled(2, 2)), error: /K and V must have the same number of rows n_k.*K is 3×4 and V is 2×2/ },
  { id: 'attention: data shorter than rows×cols', run: (e) => e.attention({ rows: 2, cols: 4, data: new Float32Array(7) }, k(), v()), error: /queries\.data must hold rows×cols = 2×4 = 8 numbers; it holds 7/ },
  { id: 'attention: data longer than rows×cols', run: (e) => e.attention(q(), { rows: 3, cols: 4, data: new Float32Array(13) }, v()), error: /keys\.data must hold rows×cols = 3×4 = 12 numbers; it holds 13/ },
  { id: 'attention: data as a plain array', run: (e) => e.attention({ rows: 2, cols: 4, data: [1, 2, 3, 4, 5, 6, 7, 8] }, k(), v()), error: /queries\.data must be a Float32Array/ },
  { id: 'attention: data as a Float64Array', run: (e) => e.attention({ rows: 2, cols: 4, data: new Float64Array(8) }, k(), v()), error: /queries\.data must be a Float32Array/ },
  { id: 'attention: rows as a string', run: (e) => e.attention({ rows: '2', cols: 4, data: new Float32Array(8) }, k(), v()), error: /queries\.rows must be a whole number; it is string/ },
  { id: 'attention: negative rows', run: (e) => e.attention({ rows: -2, cols: -4, data: new Float32Array(8) }, k(), v()), error: /queries\.rows must be a whole number ≥ 0/ },
  { id: 'attention: fractional cols', run: (e) => e.attention({ rows: 2, cols: 2.5, data: new Float32Array(5) }, k(), v()), error: /queries\.cols must be a whole number ≥ 0/ },
  { id: 'attention: NaN rows', run: (e) => e.attention({ rows: NaN, cols: 4, data: new Float32Array(8) }, k(), v()), error: /queries\.rows must be a whole number/ },
  { id: 'attention: null keys', run: (e) => e.attention(q(), null, v()), error: /keys must be an object \{ rows, cols, data: Float32Array \}/ },
  { id: 'attention: a string as values', run: (e) => e.attention(q(), k(), 'values'), error: /values must be an object/ },
  { id: 'attention: no arguments', run: (e) => e.attention(), error: /queries must be an object/ },
  { id: 'attention: empty matrices (N = 0)', run: (e) => e.attention(filled(0, 4), filled(0, 4), filled(0, 2)), error: /Q \(queries\) is empty \(0×4\); it needs at least one row and one column/ },
  { id: 'attention: N = 20,000 (400 M scores)', run: (e) => e.attention(filled(20000, 1), filled(20000, 1), filled(20000, 1)), error: /Too many scores: n_q×n_k = 20000×20000/ },
  // Numbers that are not numbers
  { id: 'attention: NaN in Q', run: (e) => e.attention(withOne(q(), 3, NaN), k(), v()), error: /Q \(queries\) has NaN at row 0, column 3; every entry must be a finite number/ },
  { id: 'attention: Infinity in K', run: (e) => e.attention(q(), withOne(k(), 5, Infinity), v()), error: /K \(keys\) has Infinity at row 1, column 1/ },
  { id: 'attention: -Infinity in V', run: (e) => e.attention(q(), k(), withOne(v(), 0, -Infinity)), error: /V \(values\) has -Infinity at row 0, column 0/ },
  { id: 'attention: scores that overflow float32', run: (e) => e.attention(filled(2, 4, () => 1e20), filled(3, 4, () => 1e20), v()), error: /overflowed float32/ },
  // Options of the wrong type or value
  { id: 'attention: temperature as a string', run: (e) => e.attention(q(), k(), v(), { temperature: '2' }), error: /options\.temperature must be a number/ },
  { id: 'attention: temperature 0', run: (e) => e.attention(q(), k(), v(), { temperature: 0 }), error: /temperature must be a finite number above 0; it was 0/ },
  { id: 'attention: temperature -1', run: (e) => e.attention(q(), k(), v(), { temperature: -1 }), error: /temperature must be a finite number above 0/ },
  { id: 'attention: temperature NaN', run: (e) => e.attention(q(), k(), v(), { temperature: NaN }), error: /temperature must be a finite number above 0/ },
  { id: 'attention: temperature Infinity', run: (e) => e.attention(q(), k(), v(), { temperature: Infinity }), error: /temperature must be a finite number above 0/ },
  { id: 'attention: unknown mask', run: (e) => e.attention(q(), k(), v(), { mask: 'sideways' }), error: /options\.mask must be .*none.*causal.*key-padding.*custom.*sideways/ },
  { id: 'attention: mask as a number', run: (e) => e.attention(q(), k(), v(), { mask: 5 }), error: /options\.mask must be/ },
  { id: 'attention: mask as an object', run: (e) => e.attention(q(), k(), v(), { mask: { kind: 'causal' } }), error: /options\.mask must be/ },
  { id: 'attention: key-padding without flags', run: (e) => e.attention(q(), k(), v(), { mask: 'key-padding' }), error: /options\.keyIsPadding must be a Uint8Array/ },
  { id: 'attention: key-padding with the wrong count', run: (e) => e.attention(q(), k(), v(), { mask: 'key-padding', keyIsPadding: new Uint8Array(2) }), error: /one entry per key \(n_k = 3\); it has 2/ },
  { id: 'attention: custom mask of the wrong size', run: (e) => e.attention(q(), k(), v(), { mask: 'custom', allowed: new Uint8Array(5) }), error: /options\.allowed must hold n_q×n_k flags/ },
  { id: 'attention: custom mask as an array', run: (e) => e.attention(q(), k(), v(), { mask: 'custom', allowed: [1, 1, 1, 1, 1, 1] }), error: /options\.allowed must be a Uint8Array/ },
  // Booleans and the options object itself: a string 'no' must not silently mean yes.
  { id: 'attention: scaleBySqrtDk as the string "no"', run: (e) => e.attention(q(), k(), v(), { scaleBySqrtDk: 'no' }), error: /options\.scaleBySqrtDk must be true or false/ },
  { id: 'attention: keepIntermediateSteps as the string "no"', run: (e) => e.attention(q(), k(), v(), { keepIntermediateSteps: 'no' }), error: /options\.keepIntermediateSteps must be true or false/ },
  { id: 'attention: scaleBySqrtDk null', run: (e) => e.attention(q(), k(), v(), { scaleBySqrtDk: null }), error: /options\.scaleBySqrtDk must be true or false/ },
  { id: 'attention: options as a string', run: (e) => e.attention(q(), k(), v(), 'causal'), error: /options must be an object/ },
  { id: 'attention: a fully masked row is zero, not NaN', run: (e) => e.attention(q(), k(), v(), { mask: 'custom', allowed: Uint8Array.of(0, 0, 0, 1, 1, 1) }),
    result: (trace) => {
      assert.deepEqual([...trace.weights.data.slice(0, 3)], [0, 0, 0]);
      assert.ok(trace.weights.data.every(Number.isFinite) && trace.output.data.every(Number.isFinite));
    } },
];

export const MULTI_HEAD_CASES = [
  { id: 'multiHead: weights null', run: (e) => e.multiHeadAttention(filled(3, 4), filled(3, 4), null), error: /weights must be an object \{ heads/ },
  { id: 'multiHead: heads not an array', run: (e) => e.multiHeadAttention(filled(3, 4), filled(3, 4), { heads: 'four', wOutput: filled(4, 4) }), error: /weights must be an object \{ heads/ },
  { id: 'multiHead: no heads', run: (e) => e.multiHeadAttention(filled(3, 4), filled(3, 4), headWeights({ heads: [] })), error: /at least one head; it was given 0/ },
  { id: 'multiHead: a head that is a number', run: (e) => e.multiHeadAttention(filled(3, 4), filled(3, 4), headWeights({ heads: [7] })), error: /weights\.heads\[0\] must be an object/ },
  { id: 'multiHead: 3 heads for d_model 4', run: (e) => e.multiHeadAttention(filled(3, 4), filled(3, 4), headWeights({ heads: [0, 1, 2].map(() => ({ wQuery: filled(4, 1), wKey: filled(4, 1), wValue: filled(4, 1) })), wOutput: filled(3, 4) })), error: /3 heads do not divide d_model = 4/ },
  { id: 'multiHead: W_Q of the wrong shape', run: (e) => e.multiHeadAttention(filled(3, 4), filled(3, 4), headWeights({ heads: [{ wQuery: filled(4, 3), wKey: filled(4, 4), wValue: filled(4, 4) }] })), error: /Head 0's W_Q/ },
  { id: 'multiHead: W_O missing', run: (e) => e.multiHeadAttention(filled(3, 4), filled(3, 4), headWeights({ wOutput: undefined })), error: /weights\.wOutput must be an object/ },
  { id: 'multiHead: inputs with different d_model', run: (e) => e.multiHeadAttention(filled(3, 4), filled(3, 5), headWeights()), error: /d_model|columns/ },
  { id: 'multiHead: NaN in the input', run: (e) => e.multiHeadAttention(withOne(filled(3, 4), 2, NaN), filled(3, 4), headWeights()), error: /(NaN|not a number|finite)/i },
  { id: 'multiHead: temperature as a string', run: (e) => e.multiHeadAttention(filled(3, 4), filled(3, 4), headWeights(), { temperature: 'hot' }), error: /options\.temperature must be a number/ },
  { id: 'multiHead: mask as a number', run: (e) => e.multiHeadAttention(filled(3, 4), filled(3, 4), headWeights(), { mask: 1 }), error: /options\.mask must be/ },
];

const words = (count) => Array.from({ length: count }, (_, i) => ['the', 'dog', 'saw', 'a', 'cat'][i % 5]).join(' ');

export const ANALYZE_CASES = [
  { id: 'analyze: empty sentence', sentence: '', error: /The sentence is empty/ },
  { id: 'analyze: spaces only', sentence: '    ', error: /The sentence is empty/ },
  { id: 'analyze: tabs and newlines only', sentence: '\t\n\r\n', error: /The sentence is empty/ },
  { id: 'analyze: zero-width characters only', sentence: '\u200b\u200c\u200d\ufeff', error: /The sentence is empty/ },
  { id: 'analyze: 65 words', sentence: words(65), error: /The sentence has 65 tokens.*at most 64/ },
  { id: 'analyze: 300 words', sentence: words(300), error: /The sentence has 300 tokens.*at most 64/ },
  { id: 'analyze: 100,000 characters of words', sentence: words(20000), error: /The sentence has 20000 tokens/ },
  { id: 'analyze: exactly 64 words', ...slices(words(64)) },
  { id: 'analyze: one 5,000-character word', ...slices('a'.repeat(5000)) },
  { id: 'analyze: emoji with skin tone and ZWJ family', ...slices('the 👋🏽 dog 👨‍👩‍👧 ran 🐕') },
  { id: 'analyze: right-to-left text', ...slices('שלום עולם the dog مرحبا') },
  { id: 'analyze: combining marks', ...slices('cafe\u0301 nai\u0308ve the dog') },
  { id: 'analyze: C0 control inside a word', ...slices('the dog\u0001 ran') },
  { id: 'analyze: NUL between words', ...slices('the\u0000dog ran') },
  { id: 'analyze: zero-width (non-)joiners between words', ...slices('hello\u200bworld\u200c it\u200d') },
  { id: 'analyze: a lone high surrogate', ...slices('the \uD83Ddog ran') },
  { id: 'analyze: a lone low surrogate', ...slices('the \uDC00dog ran') },
  { id: 'analyze: HTML-looking text', ...slices('<img src=x onerror=alert(1)> the dog') },
  { id: 'analyze: punctuation only', ...slices('!!! ??? ...') },
  { id: 'analyze: a number', run: (m) => m.analyze(42), error: /The sentence must be text; it is number/ },
  { id: 'analyze: null', run: (m) => m.analyze(null), error: /The sentence must be text; it is null/ },
  { id: 'analyze: nothing', run: (m) => m.analyze(), error: /The sentence must be text; it is undefined/ },
  { id: 'analyze: an array of words', run: (m) => m.analyze(['the dog']), error: /The sentence must be text; it is object/ },
  { id: 'analyze: mask as a number', run: (m) => m.analyze(GOOD_SENTENCE, { mask: 5 }), error: /mask/ },
  { id: 'analyze: mask as an object', run: (m) => m.analyze(GOOD_SENTENCE, { mask: { causal: true } }), error: /mask/ },
  { id: 'analyze: mask key-padding', run: (m) => m.analyze(GOOD_SENTENCE, { mask: 'key-padding', keyIsPadding: new Uint8Array(5) }), error: /analyze\(\) takes mask 'none' or 'causal'/ },
  { id: 'analyze: unknown mask', run: (m) => m.analyze(GOOD_SENTENCE, { mask: 'future' }), error: /options\.mask must be .*future/ },
  { id: 'analyze: temperature as a string', run: (m) => m.analyze(GOOD_SENTENCE, { temperature: '0.5' }), error: /options\.temperature must be a number/ },
  { id: 'analyze: temperature 0', run: (m) => m.analyze(GOOD_SENTENCE, { temperature: 0 }), error: /temperature must be a finite number above 0/ },
  { id: 'analyze: temperature NaN', run: (m) => m.analyze(GOOD_SENTENCE, { temperature: NaN }), error: /temperature must be a finite number above 0/ },
  { id: 'analyze: temperature -Infinity', run: (m) => m.analyze(GOOD_SENTENCE, { temperature: -Infinity }), error: /temperature must be a finite number above 0/ },
  { id: 'analyze: scaleBySqrtDk as the string "off"', run: (m) => m.analyze(GOOD_SENTENCE, { scaleBySqrtDk: 'off' }), error: /options\.scaleBySqrtDk must be true or false/ },
  { id: 'analyze: options as a number', run: (m) => m.analyze(GOOD_SENTENCE, 5), error: /options must be an object/ },
  { id: 'analyze: causal mask hides later words', run: (m) => m.analyze(GOOD_SENTENCE, { mask: 'causal' }),
    result: (analysis) => {
      const n = analysis.tokens.length;
      for (const layer of analysis.layers) for (let qi = 0; qi < n; qi++) for (let ki = qi + 1; ki < n; ki++) assert.equal(layer.average.data[qi * n + ki], 0);
    } },
];
