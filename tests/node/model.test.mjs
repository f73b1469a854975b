// The trained model through the wasm module: loading the shipped weights, analyze() on the
// lessons' sentences, unknown words, bad input, and the file's size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

import { loadEngine, loadModel } from '../../web/src/engine.js';
import { lessonCases, positionPrefixes, withPrefix } from '../../build_scripts/eval/eval_data.mjs';

const modelPath = fileURLToPath(new URL('../../web/model/attention_lens_model.bin', import.meta.url));

const topKey = (analysis, queryText, layer = analysis.layers.length - 1) => {
  const tokens = analysis.tokens;
  const query = tokens.findIndex((t) => t.text.toLowerCase() === queryText);
  assert.ok(query >= 0, `"${queryText}" is not a token`);
  const { average } = analysis.layers[layer];
  const row = average.data.slice(query * average.cols, (query + 1) * average.cols);
  return tokens[row.indexOf(Math.max(...row))].text.toLowerCase();
};

// The index of the key that query row `query` of the last layer's head average weighs most.
const topKeyIndex = (analysis, query) => {
  const { average } = analysis.layers[analysis.layers.length - 1];
  const row = Array.from(average.data.slice(query * average.cols, (query + 1) * average.cols));
  return row.indexOf(Math.max(...row));
};

test('the shipped weights are small: at most 100 KB gzipped', () => {
  const bytes = readFileSync(modelPath);
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  assert.ok(gzipped <= 100 * 1024, `${gzipped} bytes gzipped`);
});

test('loadModel loads once and names the heads', async () => {
  const [a, b] = await Promise.all([loadModel(), loadModel()]);
  assert.equal(a, b);
  assert.equal(a.info.layerCount, 2);
  assert.equal(a.info.headLabels.length, a.info.layerCount * a.info.headCount);
  assert.ok(a.info.headLabels.some((label) => label.length > 0));
});

test('the lessons\' sentences: each query word looks most at the lesson\'s answer', async () => {
  const model = await loadModel();
  const cases = [
    ["The animal didn't cross the street because it was too tired", 'it', ['animal']],
    ["The animal didn't cross the street because it was too wide", 'it', ['street']],
    ["The trophy didn't fit in the suitcase because it was too big", 'it', ['trophy']],
    ["The trophy didn't fit in the suitcase because it was too small", 'it', ['suitcase']],
    ['Arjun ate the pizza because he was hungry', 'he', ['arjun']],
    ['The bank by the river was steep', 'bank', ['river']],
    ['I went to the bank to deposit money', 'bank', ['money', 'deposit']],
  ];
  for (const [sentence, query, expected] of cases) {
    const analysis = model.analyze(sentence);
    assert.ok(expected.includes(topKey(analysis, query)), `${sentence}: ${query} → ${topKey(analysis, query)}`);
  }
});

test('the lessons\' sentences: the model\'s output at the query word (every head) names the lesson\'s answer', async () => {
  // docs/api.md: tokens[i].prediction is the model's output there, "at it: animal". The answer is
  // trained from the routed head and from the heads together; this checks the output analyze()
  // gives, every head included.
  const model = await loadModel();
  for (const lesson of lessonCases) {
    const token = model.analyze(lesson.sentence).tokens.find((t) => t.text.toLowerCase() === lesson.query);
    const answers = lesson.query === 'bank' ? lesson.expected.slice(0, 1) : lesson.expected;
    assert.ok(answers.includes(token.prediction), `${lesson.sentence}: ${lesson.query} → ${token.prediction} (${token.probability.toFixed(2)})`);
  }
});

test('position independence: known words in front of a lesson sentence leave its answer where it was (at least 95 %)', async () => {
  // issue 11: a model that learned template positions looked at the "the" where the referent
  // used to stand once one word came in front. The prefixes are eval_data.mjs's (1 to 5 words).
  const model = await loadModel();
  const changed = [];
  let cases = 0;
  for (const lesson of lessonCases) {
    const plain = model.analyze(lesson.sentence);
    const query = plain.tokens.findIndex((t) => t.text.toLowerCase() === lesson.query);
    const plainTop = topKeyIndex(plain, query);
    for (const prefix of positionPrefixes) {
      const analysis = model.analyze(withPrefix(prefix, lesson.sentence));
      const shift = analysis.tokens.length - plain.tokens.length;
      assert.ok(analysis.tokens.slice(0, shift).every((t) => t.known), `every word of "${prefix}" is known`);
      cases++;
      if (topKeyIndex(analysis, query + shift) - shift !== plainTop) changed.push(withPrefix(prefix, lesson.sentence));
    }
  }
  assert.equal(cases, 70);
  assert.ok(changed.length <= cases * 0.05, `${changed.length} of ${cases} answers moved:\n${changed.join('\n')}`);
});

test('analyze returns tokens with spans, every layer and head, rows summing to 1', async () => {
  const model = await loadModel();
  const sentence = 'Arjun ate the pizza 🍕 because he was hungry — très faim!';
  const analysis = model.analyze(sentence);
  for (const token of analysis.tokens) assert.equal(sentence.slice(token.start, token.end), token.text);
  assert.deepEqual(analysis.tokens.filter((t) => !t.known).map((t) => t.text), ['🍕', '—', 'très', 'faim', '!']);
  const n = analysis.tokens.length;
  assert.equal(analysis.layers.length, model.info.layerCount);
  for (const layer of analysis.layers) {
    assert.equal(layer.heads.length, model.info.headCount);
    for (const head of [...layer.heads, { weights: layer.average }]) {
      assert.equal(head.weights.rows, n);
      for (let i = 0; i < n; i++) {
        const sum = head.weights.data.slice(i * n, (i + 1) * n).reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(sum - 1) < 1e-5, `row ${i} sums to ${sum}`);
      }
    }
    const head = layer.heads[0];
    assert.equal(head.queries.cols, model.info.dModel / model.info.headCount);
    assert.equal(typeof head.label, 'string');
    assert.ok(head.scores.data.length === n * n);
  }
  // What the model outputs at "he", on the lesson's own sentence (words it knows).
  const lesson = model.analyze('Arjun ate the pizza because he was hungry');
  const he = lesson.tokens.find((t) => t.text === 'he');
  assert.equal(he.prediction, 'arjun');
  assert.ok(he.probability > 0.5 && he.probability <= 1);
});

test('the toggles reach every layer: causal mask, no scaling', async () => {
  const model = await loadModel();
  const sentence = "The animal didn't cross the street because it was too tired";
  const causal = model.analyze(sentence, { mask: 'causal' });
  const n = causal.tokens.length;
  for (const layer of causal.layers) for (const head of layer.heads) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) assert.equal(head.weights.data[i * n + j], 0);
  }
  const scaled = model.analyze(sentence);
  const unscaled = model.analyze(sentence, { scaleBySqrtDk: false });
  assert.equal(unscaled.layers[0].heads[0].scale, 1);
  assert.ok(Math.abs(scaled.layers[0].heads[0].scale - 1 / Math.sqrt(model.info.dModel / model.info.headCount)) < 1e-7);
});

test('bad sentences give clear errors and the model keeps working', async () => {
  const model = await loadModel();
  assert.throws(() => model.analyze(''), /The sentence is empty/);
  assert.throws(() => model.analyze('   \n'), /The sentence is empty/);
  assert.throws(() => model.analyze(null), /must be text/);
  assert.throws(() => model.analyze('word '.repeat(10_000)), /has 10000 tokens .* at most 64/);
  assert.throws(() => model.analyze('The dog saw the cat', { mask: 'key-padding', keyIsPadding: new Uint8Array(5) }),
    /analyze\(\) takes mask 'none' or 'causal'/);
  assert.throws(() => model.analyze('The dog saw the cat', { temperature: -1 }), /temperature must be a finite number above 0/);
  const html = model.analyze('<img src=x onerror=alert(1)>');
  assert.equal(html.tokens.map((t) => t.text).join(''), '<imgsrc=xonerror=alert(1)>');
  assert.ok(model.analyze('The dog saw the cat').tokens.length === 5);
});

test('a sentence too long for the model: an Error with code, count and limit, so the page can say it in its language', async () => {
  const model = await loadModel();
  let refused;
  try {
    model.analyze('the dog ran '.repeat(30));
  } catch (error) {
    refused = error;
  }
  assert.ok(refused instanceof Error);
  assert.equal(refused.code, 'too-many-tokens');
  assert.equal(refused.count, 90);
  assert.equal(refused.limit, model.info.maxTokens);
  assert.equal(refused.message, `The sentence has 90 tokens (words and punctuation marks); the model reads at most ${model.info.maxTokens}. Try a shorter sentence.`);
  // Other refusals carry no code: only this one is the learner's to fix by typing.
  assert.throws(() => model.analyze(''), (error) => error.code === undefined && /The sentence is empty/.test(error.message));
  assert.equal(model.analyze('the dog ran').tokens.length, 3, 'the model keeps working');
});

test('a broken weights file is refused with a message', async () => {
  const engine = await loadEngine();
  const bytes = new Uint8Array(readFileSync(modelPath));
  assert.throws(() => engine.loadModel(bytes.slice(0, 100)), /truncated/i);
  const flipped = bytes.slice();
  flipped[bytes.length >> 1] ^= 0x40;
  assert.throws(() => engine.loadModel(flipped), /corrupted|checksum/i);
  assert.throws(() => engine.loadModel(new TextEncoder().encode('hello, world, not a model')), /not an Attention Lens weights file/);
});

test('models can be disposed of, and analyze afterwards says so', async () => {
  const engine = await loadEngine();
  const model = engine.loadModel(readFileSync(modelPath));
  const before = engine.allocatedBytes;
  model.analyze('The dog saw the cat');
  assert.equal(engine.allocatedBytes, before, 'analyze leaked memory');
  model.dispose();
  assert.ok(engine.allocatedBytes < before, 'dispose freed the model');
  assert.throws(() => model.analyze('The dog saw the cat'), /disposed/);
});
