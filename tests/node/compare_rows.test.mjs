// Minimal pairs (web/src/compare_rows.js): two token lists lined up word by word, the focused
// word found in the second sentence, and its row's changes key by key.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { alignTokens, compareRows, partnerOf } from '../../web/src/compare_rows.js';

const tokens = (sentence) => sentence.split(' ').map((text) => ({ text }));

test('a changed word is a pair of unpartnered tokens; the rest line up, case-insensitively', () => {
  const first = tokens('The animal was too tired');
  const second = tokens('the animal was too wide');
  assert.deepEqual(alignTokens(first, second), [
    { first: 0, second: 0 }, { first: 1, second: 1 }, { first: 2, second: 2 }, { first: 3, second: 3 },
    { first: 4, second: null }, { first: null, second: 4 },
  ]);
});

test('added and removed words, and a sentence with nothing in common', () => {
  const pairs = alignTokens(tokens('I went to the bank'), tokens('Yesterday I went to the river bank'));
  assert.deepEqual(pairs.filter((p) => p.first === null).map((p) => p.second), [0, 5]);
  assert.equal(pairs.filter((p) => p.first !== null && p.second !== null).length, 5);
  const apart = alignTokens(tokens('a b'), tokens('c d e'));
  assert.equal(apart.length, 5);
  assert.ok(apart.every((p) => p.first === null || p.second === null));
  // Every token of each sentence appears once, in order.
  for (const [x, y] of [['a b a c', 'a c a b'], ['it it it', 'it'], ['x', 'y']]) {
    const p = alignTokens(tokens(x), tokens(y));
    assert.deepEqual(p.map((q) => q.first).filter((v) => v !== null), [...tokens(x).keys()]);
    assert.deepEqual(p.map((q) => q.second).filter((v) => v !== null), [...tokens(y).keys()]);
  }
});

test('the focused word\'s partner: aligned, else the same occurrence of its text, else none', () => {
  const first = tokens('it saw it');
  const second = tokens('then it saw it');
  assert.equal(partnerOf(2, first, second, alignTokens(first, second)), 3);
  const changedOrder = tokens('b a');
  const original = tokens('a b');
  // "b" in "a b" is aligned with nothing when the LCS keeps "a": found by its text.
  assert.equal(partnerOf(1, original, changedOrder, alignTokens(original, changedOrder)), 0);
  assert.equal(partnerOf(0, tokens('dog'), tokens('cat'), alignTokens(tokens('dog'), tokens('cat'))), null);
});

test('the row compared key by key: second − first, a key in one sentence only counts whole, sorted by size', () => {
  const first = tokens('it was tired');
  const second = tokens('it was wide');
  const pairs = alignTokens(first, second);
  const result = compareRows({ first, second, firstRow: [0.2, 0.1, 0.7], secondRow: [0.35, 0.15, 0.5], pairs });
  assert.deepEqual(result.keys.map((k) => [k.text, k.first, k.second, Number(k.change.toFixed(6))]), [
    ['tired', 0.7, null, -0.7],
    ['wide', null, 0.5, 0.5],
    ['it', 0.2, 0.35, 0.15],
    ['was', 0.1, 0.15, 0.05],
  ]);
  assert.equal(result.gain.text, 'wide');
  assert.equal(result.loss.text, 'tired');
  assert.ok(Math.abs(result.firstSum - 1) < 1e-12 && Math.abs(result.secondSum - 1) < 1e-12);
  const same = compareRows({ first, second: first, firstRow: [0.5, 0.5, 0], secondRow: [0.5, 0.5, 0], pairs: alignTokens(first, first) });
  assert.equal(same.gain, null);
  assert.equal(same.loss, null);
});
