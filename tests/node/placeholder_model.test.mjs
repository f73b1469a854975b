// The first page's stand-in model: word splitting with spans, and real engine weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { loadEngine } from '../../web/src/engine.js';
import { splitWords, placeholderAttention } from '../../web/src/placeholder_model.js';

test('splitWords keeps contractions whole, splits punctuation, and records spans', () => {
  const sentence = "The animal didn't cross — it was tired.";
  const tokens = splitWords(sentence);
  assert.deepEqual(tokens.map((t) => t.text), ['The', 'animal', "didn't", 'cross', '—', 'it', 'was', 'tired', '.']);
  for (const { text, start, end } of tokens) assert.equal(sentence.slice(start, end), text);
});

test('splitWords handles non-Latin text and emoji without losing characters', () => {
  const sentence = 'Привет мир 👋 שלום';
  const tokens = splitWords(sentence);
  assert.deepEqual(tokens.map((t) => t.text), ['Привет', 'мир', '👋', 'שלום']);
  for (const { text, start, end } of tokens) assert.equal(sentence.slice(start, end), text);
  assert.deepEqual(splitWords('   '), []);
});

test('the placeholder head gives rows that sum to 1, the same for the same sentence', async () => {
  const engine = await loadEngine();
  const { tokens, trace } = placeholderAttention(engine, 'Arjun ate the pizza because he was hungry');
  const n = tokens.length;
  assert.equal(trace.weights.rows, n);
  for (let i = 0; i < n; i++) {
    const sum = trace.weights.data.slice(i * n, i * n + n).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-6, `row ${i} sums to ${sum}`);
  }
  const again = placeholderAttention(engine, 'Arjun ate the pizza because he was hungry');
  assert.deepEqual(again.trace.weights.data, trace.weights.data);
  assert.throws(() => placeholderAttention(engine, '  '), /no words/);
});
