// The evaluation data of issue 11 (tests/data/): the lessons' example sentences, the learner
// sentences and the reference items are what a model is judged by, so they are checked here as
// data — counts, no duplicates, every index pointing at its word, every shape covered — and no
// training code may read them. The model's figures on them are printed by `npm run eval:model`,
// not asserted here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import {
  dataFileNames, seedSentences, learnerSentences, referenceItems, tokenize, isWord, normalize,
  lessonCases, positionPrefixes, withPrefix,
} from '../../build_scripts/eval/eval_data.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seedsFolder = join(root, '..', 'shared', 'seeds');  // the lesson texts, beside the project

// The shapes issue 11 lists; each needs enough items for its own figure to mean something.
const shapes = ['adjective_before_noun', 'determiner_variant', 'prefix_phrase', 'cue_before_pronoun',
  'pronoun_before_referent', 'verbs_between_names', 'he_she_names', 'it_animals_objects',
  'they_plurals', 'bank_river', 'bank_money'];
const pronouns = ['it', 'he', 'she', 'they'];

// A sentence compared with another: case, punctuation and spacing do not make it a new one.
const comparable = (sentence) => tokenize(sentence).filter(isWord).map(normalize).join(' ');
const duplicates = (list) => list.filter((x, i) => list.indexOf(x) !== i);
const wordCount = (sentence) => tokenize(sentence).filter(isWord).length;

const seeds = seedSentences();
const learners = learnerSentences();
const items = referenceItems();

test('the data is plain printable ASCII, which the index-counting tokenizer cuts as the model does', () => {
  const all = [...seeds.map((s) => s.sentence), ...learners, ...items.map((i) => i.sentence)];
  const odd = all.filter((sentence) => !/^[\x20-\x7E]+$/.test(sentence));
  assert.deepEqual(odd, [], 'sentences with characters outside printable ASCII');
});

test('the seed sentences: quotations from each of the five lesson texts, each once', () => {
  assert.ok(seeds.length >= 20, `${seeds.length} seed sentences`);
  assert.equal(new Set(seeds.map((s) => s.seed)).size, 5, 'sentences from each of the five lesson texts');
  for (const s of seeds) {
    assert.match(s.seed, /^\d{3}_[0-9a-f]{16}\.txt$/, `seed file name of "${s.sentence}"`);
    assert.ok(['example', 'minimal_pair', 'prompt', 'analogy'].includes(s.kind), `kind "${s.kind}" of "${s.sentence}"`);
  }
  assert.deepEqual(duplicates(seeds.map((s) => comparable(s.sentence))), []);
  // The career-change prompt is first: the coverage figure (1 of 11 words known) is its.
  assert.equal(seeds[0].sentence, 'Help me plan a career change from accounting to UX design.');
});

test('the seed sentences are quoted word for word from the lesson text named beside them', (t) => {
  if (!existsSync(seedsFolder)) {
    t.skip(`the lesson texts are not at ${seedsFolder}`);
    return;
  }
  // Spacing may differ (a quotation broken over two lines is joined) and so may the mark that
  // ends it (a quotation that ends in a comma ends in a full stop here).
  const collapse = (text) => text.replace(/\s+/g, ' ');
  for (const s of seeds) {
    const text = collapse(readFileSync(join(seedsFolder, s.seed), 'utf8'));
    const quotation = collapse(s.sentence).replace(/[.,!?]$/, '');
    assert.ok(text.includes(quotation), `"${s.sentence}" is not in ${s.seed}`);
  }
});

test('the learner sentences: at least 300, 4 to 20 words, none twice, none from the lesson texts', () => {
  assert.ok(learners.length >= 300, `${learners.length} learner sentences`);
  assert.deepEqual(duplicates(learners.map(comparable)), [], 'sentences written twice');
  const tooShortOrLong = learners.filter((s) => wordCount(s) < 4 || wordCount(s) > 20);
  assert.deepEqual(tooShortOrLong, [], 'sentences outside 4–20 words');
  const seedForms = new Set(seeds.map((s) => comparable(s.sentence)));
  assert.deepEqual(learners.filter((s) => seedForms.has(comparable(s))), [], 'learner sentences that are seed sentences');
  // Varied vocabulary: many distinct words, not a few templates.
  const distinct = new Set(learners.flatMap((s) => tokenize(s).filter(isWord).map(normalize)));
  assert.ok(distinct.size >= 800, `${distinct.size} distinct words`);
});

test('the reference items: at least 300, every field in place, each sentence once', () => {
  assert.ok(items.length >= 300, `${items.length} reference items`);
  assert.deepEqual(duplicates(items.map((i) => i.id)), [], 'ids used twice');
  assert.deepEqual(duplicates(items.map((i) => comparable(i.sentence))), [], 'sentences used twice');
  const seedForms = new Set(seeds.map((s) => comparable(s.sentence)));
  assert.deepEqual(items.filter((i) => seedForms.has(comparable(i.sentence))).map((i) => i.id), [],
    'items that copy a seed sentence');
  for (const item of items) {
    assert.ok(shapes.includes(item.shape), `${item.id}: shape "${item.shape}"`);
    assert.ok(['known', 'everyday'].includes(item.words), `${item.id}: words "${item.words}"`);
    assert.ok(Array.isArray(item.acceptable) && item.acceptable[0] === item.answer,
      `${item.id}: acceptable answers start with the answer`);
    if (item.shape.startsWith('bank_')) {
      assert.equal(item.query, 'bank', item.id);
      assert.equal(item.sense, item.shape.slice('bank_'.length), `${item.id}: sense`);
    } else {
      assert.ok(pronouns.includes(item.query), `${item.id}: the query "${item.query}" is a pronoun`);
    }
  }
});

test('every reference item\'s query and answer are at the given indices, and every acceptable word is in the sentence', () => {
  for (const item of items) {
    const words = tokenize(item.sentence).map(normalize);
    assert.equal(words[item.queryIndex], item.query, `${item.id}: token ${item.queryIndex} of "${item.sentence}"`);
    assert.equal(words[item.answerIndex], item.answer, `${item.id}: token ${item.answerIndex} of "${item.sentence}"`);
    assert.notEqual(item.queryIndex, item.answerIndex, item.id);
    const occurrence = words.slice(0, item.queryIndex + 1).filter((w) => w === item.query).length;
    assert.equal(item.queryOccurrence, occurrence, `${item.id}: which "${item.query}" is asked about`);
    for (const word of item.acceptable) assert.ok(words.includes(word), `${item.id}: "${word}" is not in "${item.sentence}"`);
    for (const word of ['the', ...pronouns]) assert.ok(!item.acceptable.includes(word), `${item.id}: "${word}" is no answer`);
  }
});

test('every shape has at least 20 items, and the vocabularies are mixed about half and half', () => {
  const count = (key, value) => items.filter((i) => i[key] === value).length;
  for (const shape of shapes) assert.ok(count('shape', shape) >= 20, `${shape}: ${count('shape', shape)} items`);
  for (const words of ['known', 'everyday']) {
    assert.ok(count('words', words) >= 0.4 * items.length, `words "${words}": ${count('words', words)} of ${items.length}`);
  }
  for (const pronoun of pronouns) assert.ok(count('query', pronoun) >= 20, `"${pronoun}": ${count('query', pronoun)} items`);
});

test('the position prefixes are 1 to 5 words, two of each length, and leave the lesson sentences whole', () => {
  const lengths = positionPrefixes.map((p) => tokenize(p).length);
  for (let length = 1; length <= 5; length++) {
    assert.equal(lengths.filter((l) => l === length).length, 2, `prefixes of ${length} words`);
  }
  assert.equal(lessonCases.length, 7);
  for (const lesson of lessonCases) {
    const prefixed = withPrefix('Yesterday', lesson.sentence);
    assert.deepEqual(tokenize(prefixed).slice(1).map(normalize), tokenize(lesson.sentence).map(normalize));
    assert.ok(tokenize(lesson.sentence).map(normalize).includes(lesson.query), lesson.sentence);
  }
});

// The trainer's files: every file or folder of the project named for training or its corpus
// (cpp/model/trainer.cpp, corpus.cpp, build_scripts/train.sh…). Found by name, so a trainer added
// later is checked too. Tests and docs may name the data: they describe and check it.
function trainingFiles() {
  const found = [];
  const walk = (folder, insideTraining) => {
    for (const name of readdirSync(folder)) {
      if (['node_modules', 'build', '.git', 'generated', 'tests', 'docs'].includes(name)) continue;
      const path = join(folder, name);
      const training = insideTraining || /train|corpus/i.test(name);
      if (statSync(path).isDirectory()) walk(path, training);
      else if (training) found.push(relative(root, path));
    }
  };
  walk(root, false);
  return found;
}

test('no training code names the evaluation data', () => {
  const files = trainingFiles();
  for (const expected of ['cpp/model/trainer.cpp', 'cpp/model/train_main.cpp', 'cpp/model/corpus.cpp', 'build_scripts/train.sh']) {
    assert.ok(files.includes(expected), `${expected} is among the training files checked (${files.join(', ')})`);
  }
  const names = ['tests/data', 'eval_data', ...dataFileNames, ...dataFileNames.map((n) => n.replace(/\.\w+$/, ''))];
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const name of names) assert.ok(!text.includes(name), `${file} mentions "${name}": training must not read the evaluation data`);
  }
});

test('the data loads from a checkout whose path has characters a URL treats specially (# ? % space)', async () => {
  const checkout = mkdtempSync(join(tmpdir(), 'eval data #1 ?% '));
  try {
    cpSync(join(root, 'build_scripts', 'eval', 'eval_data.mjs'), join(checkout, 'build_scripts', 'eval', 'eval_data.mjs'));
    cpSync(join(root, 'tests', 'data'), join(checkout, 'tests', 'data'), { recursive: true });
    const copy = await import(pathToFileURL(join(checkout, 'build_scripts', 'eval', 'eval_data.mjs')).href);
    assert.deepEqual(copy.learnerSentences(), learners);
    assert.equal(copy.referenceItems().length, items.length);
    assert.equal(copy.seedSentences().length, seeds.length);
  } finally {
    rmSync(checkout, { recursive: true, force: true });
  }
});
