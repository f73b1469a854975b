// The evaluation data of tests/data/ (issue 11), read the one way the measuring tool
// (measure_model.mjs) and the data's own test (tests/node/eval_data.test.mjs) both use.
//
// These files judge the model; they are never training data. The trainer must not read them, and
// tests/node/eval_data.test.mjs fails if any training code names them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const dataDirectory = fileURLToPath(new URL('../../tests/data/', import.meta.url));
export const dataFileNames = ['seed_sentences.json', 'learner_sentences.txt', 'reference_items.json'];

const readData = (name) => readFileSync(join(dataDirectory, name), 'utf8');

/** @returns {Array<{seed: string, kind: string, sentence: string}>} the lesson texts' example sentences */
export function seedSentences() {
  return JSON.parse(readData('seed_sentences.json')).sentences;
}

/** @returns {string[]} the learner sentences: every line that is not blank or a # comment */
export function learnerSentences() {
  return readData('learner_sentences.txt').split('\n').map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * @returns {Array<{id, shape, words, sentence, query, queryIndex, queryOccurrence, answer,
 *   answerIndex, acceptable: string[], sense?: string}>} the hand-written reference items
 */
export function referenceItems() {
  return JSON.parse(readData('reference_items.json')).items;
}

/**
 * The model's tokens, as cpp/model/tokenizer.hpp cuts them, for the text this data holds: a word
 * is letters and digits with apostrophes kept between two of them (didn't, sister's), and every
 * other non-space character is a token of its own. Indices in reference_items.json count these
 * tokens from 0. (The C++ tokenizer also keeps an emoji with its modifiers whole; the data has
 * none, and measure_model.mjs checks that the module's tokens are these.)
 * @param {string} sentence
 * @returns {string[]}
 */
export function tokenize(sentence) {
  return sentence.match(/[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*|\S/gu) ?? [];
}

/** A word token (not punctuation): the ones vocabulary coverage counts. */
export const isWord = (token) => /[\p{L}\p{N}]/u.test(token);

/** The form a vocabulary looks words up in: lower case, ’ read as '. */
export const normalize = (word) => word.toLowerCase().replaceAll('’', "'");

/**
 * The lessons' 7 sentences, the word each asks about and the words it should look at most (as in
 * tests/node/model.test.mjs and cpp/model/evaluation.cpp lesson_cases()).
 */
export const lessonCases = [
  { sentence: "The animal didn't cross the street because it was too tired", query: 'it', expected: ['animal'] },
  { sentence: "The animal didn't cross the street because it was too wide", query: 'it', expected: ['street'] },
  { sentence: "The trophy didn't fit in the suitcase because it was too big", query: 'it', expected: ['trophy'] },
  { sentence: "The trophy didn't fit in the suitcase because it was too small", query: 'it', expected: ['suitcase'] },
  { sentence: 'Arjun ate the pizza because he was hungry', query: 'he', expected: ['arjun'] },
  { sentence: 'The bank by the river was steep', query: 'bank', expected: ['river'] },
  { sentence: 'I went to the bank to deposit money', query: 'bank', expected: ['money', 'deposit'] },
];

/**
 * Words put in front of a lesson sentence to test that its answer does not depend on where the
 * sentence starts: 1 to 5 words, two of each length, every word one the model shipped when this
 * was written knows, none that is a cue for any lesson's answer (no attribute such as "old", no
 * river or money word, which would change what decides "bank"; "the" is there on purpose: a
 * model that learned slots looks at the "the" where the referent used to be).
 */
export const positionPrefixes = [
  'Yesterday', 'So',
  'So yesterday', 'Yesterday so',
  'At the farm', 'Near the park',
  'Yesterday at the farm', 'Yesterday near the park',
  'So yesterday at the farm', 'So yesterday near the park',
];

/** `prefix` put before `sentence`, whose first word is lower-cased when it is "The". */
export function withPrefix(prefix, sentence) {
  return `${prefix} ${sentence.replace(/^The\b/, 'the')}`;
}
