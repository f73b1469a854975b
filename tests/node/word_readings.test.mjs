// Everyday vocabulary (issue 11 §1): the shipped model reads a word it has no row for as its kind
// once the word readings (generated/word_readings.tsv, from cpp/model/data/) are in the engine.
// Coverage is measured on the evaluation data of tests/data/, which no training code reads.
// One file, in order: the first test runs before the readings are loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { hasUnknownWords, loadEngine, loadModel, loadWordReadings, wordReadingsLoaded } from '../../web/src/engine.js';
import { isWord, lessonCases, learnerSentences, seedSentences } from '../../build_scripts/eval/eval_data.mjs';

const readingsPath = fileURLToPath(new URL('../../cpp/model/data/word_readings.tsv', import.meta.url));

// The share of word tokens (punctuation left out) the model does not read as unknown.
function coverage(model, sentences) {
  let known = 0;
  let words = 0;
  const missed = new Map();
  for (const sentence of sentences) {
    for (const token of model.analyze(sentence).tokens) {
      if (!isWord(token.text)) continue;
      words += 1;
      if (token.known) known += 1;
      else missed.set(token.text, (missed.get(token.text) ?? 0) + 1);
    }
  }
  return { share: known / words, known, words, missed: [...missed.keys()].slice(0, 20).join(', ') };
}

const wordOf = (analysis, text) => analysis.tokens.find((token) => token.text === text);

test('before the word readings load, a word without a row is unknown, and the lessons\' sentences need none', async () => {
  const model = await loadModel();
  assert.equal(wordReadingsLoaded(), false);
  const analysis = model.analyze('The antelope watched Lucy near the river');
  assert.equal(wordOf(analysis, 'antelope').known, false);
  assert.equal(wordOf(analysis, 'Lucy').known, false);
  assert.ok(hasUnknownWords(analysis));
  // Closed-class words and numbers need no file: their classes are in the engine.
  const closed = model.analyze('Nobody sat on it for 20 minutes');
  assert.deepEqual(closed.tokens.filter((t) => ['Nobody', 'on', 'for', '20'].includes(t.text)).map((t) => t.wordClass),
    ['pronoun', 'preposition', 'preposition', 'number']);
  assert.equal(wordOf(closed, 'it').wordClass, '');  // a word with its own row keeps it
  assert.equal(wordOf(closed, 'minutes').known, false);
  // Every word of the lessons' own sentences has a row of its own: their grids never wait for the file.
  for (const { sentence } of lessonCases) {
    const tokens = model.analyze(sentence).tokens;
    assert.ok(tokens.every((t) => t.known && t.wordClass === ''), `${sentence}: ${tokens.filter((t) => t.wordClass).map((t) => t.text)}`);
  }
  assert.equal(hasUnknownWords(model.analyze('Hello, world! 👋')), true);  // "world" has no row yet
  assert.equal(hasUnknownWords(model.analyze('The dog. 👋 ?')), false);     // marks and emoji are never words
});

test('loadWordReadings loads once, then words are read by their kinds', async () => {
  const [a, b] = await Promise.all([loadWordReadings(), loadWordReadings()]);
  assert.equal(a, b);
  assert.ok(a.lemmas > 15000 && a.names > 5000 && a.irregularForms > 1000, JSON.stringify(a));
  assert.equal(wordReadingsLoaded(), true);
  const model = await loadModel();
  const analysis = model.analyze('The antelope watched Lucy near the river');
  assert.deepEqual(analysis.tokens.map((t) => [t.text, t.known, t.wordClass]), [
    ['The', true, ''], ['antelope', true, 'noun.animal'], ['watched', true, ''],
    ['Lucy', true, 'name.female'], ['near', true, ''], ['the', true, ''], ['river', true, ''],
  ]);
  // A plural noun is read as its kind's plural row.
  assert.equal(wordOf(model.analyze('Nobody sat on it for 20 minutes'), 'minutes').wordClass, 'noun.time, plural');
  assert.equal(wordOf(model.analyze('The geese crossed the road'), 'geese').wordClass, 'noun.animal, plural');
  assert.equal(model.analyze('xqzv blorft').tokens.every((t) => !t.known && t.wordClass === ''), true);
  // An adjective is read by what WordNet's text says it of: living things, things, or neither.
  const adjectives = model.analyze('The afraid dog saw a loud curly car');
  assert.deepEqual(['afraid', 'loud', 'curly'].map((word) => wordOf(adjectives, word).wordClass),
    ['adj.living', 'adj.thing', 'adj.all']);
});

test('coverage: at least 97 % of the lesson texts\' words and 95 % of learner sentences\' words are read', async () => {
  await loadWordReadings();
  const model = await loadModel();
  const seeds = coverage(model, seedSentences().map((s) => s.sentence));
  assert.ok(seeds.share >= 0.97, `lesson texts: ${seeds.known} of ${seeds.words}; unknown: ${seeds.missed}`);
  const learners = coverage(model, learnerSentences());
  assert.ok(learners.words > 2500);
  assert.ok(learners.share >= 0.95, `learner sentences: ${learners.known} of ${learners.words}; unknown: ${learners.missed}`);
});

test('bad word readings are refused with the line and what it expected; the engine keeps working', async () => {
  const engine = await loadEngine();
  assert.throws(() => engine.loadWordReadings('L\tdog\tn\tnoun.animal'), /must be bytes/);
  assert.throws(() => engine.loadWordReadings(new TextEncoder().encode('# fine\n@irregular\nwent\tq\tgo\n')),
    /line 3: the part of speech must be n, v, a or r/);
  assert.throws(() => engine.loadWordReadings(new TextEncoder().encode('<!doctype html>')),
    /line 1: expected a section line \(@class, @irregular or @names\) before any entry/);
  // The readings loaded before are still the ones in use.
  const model = await loadModel();
  assert.equal(model.analyze('an antelope').tokens[1].wordClass, 'noun.animal');
  // And the shipped file is what the engine was given.
  const counts = engine.loadWordReadings(readFileSync(readingsPath));
  assert.ok(counts.lemmas > 15000);
});
