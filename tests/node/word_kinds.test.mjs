// The kinds a word is read by, said in plain words (web/src/word_kinds.js): every kind the shipped
// model has a row for gets a name in each language the widget speaks, with the model's own name
// for it beside the plain one, so a learner reads "an animal, in the plural" where the model's
// row is "noun.animal, plural".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { loadEngine } from '../../web/src/engine.js';
import { SUPPORTED_LANGUAGES } from '../../web/src/strings.js';
import { kindInWords } from '../../web/src/word_kinds.js';

const WEIGHTS = new URL('../../web/model/attention_lens_model.bin', import.meta.url);
const READINGS = new URL('../../cpp/model/data/word_readings.tsv', import.meta.url);

// The vocabulary of a weights file: after the 8-byte magic, the version and 7 header words, a
// u32 count and that many (u32 byte length, UTF-8 bytes) strings (docs/model.md, "Layout").
function vocabularyOf(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 40;
  const count = view.getUint32(offset, true);
  offset += 4;
  const words = [];
  for (let i = 0; i < count; i += 1) {
    const length = view.getUint32(offset, true);
    words.push(new TextDecoder().decode(bytes.subarray(offset + 4, offset + 4 + length)));
    offset += 4 + length;
  }
  return words;
}

// The kind names analyze() gives, from the vocabulary's rows ("[noun.animal, plural]"), which are
// lower-cased (and "[unk]", the row of unknown words, is none): analyze() says "noun.Tops" as WordNet spells it.
const kindRows = vocabularyOf(readFileSync(WEIGHTS)).filter((word) => /^\[[a-z]/.test(word) && word !== '[unk]').map((row) => row.slice(1, -1));
const asAnalyzeSaysIt = (row) => row.replace('noun.tops', 'noun.Tops');

test('the shipped model has the kind rows this test expects to name', () => {
  assert.equal(kindRows.length, 88, kindRows.join(' '));
  assert.ok(kindRows.includes('noun.animal, plural') && kindRows.includes('adj.living') && kindRows.includes('preposition'));
});

for (const language of SUPPORTED_LANGUAGES) {
  test(`every kind is said in plain words (${language})`, () => {
    const named = (kind) => kindInWords(kind, language);
    const unnamed = kindRows.map(asAnalyzeSaysIt).filter((kind) => named(kind) === kind);
    assert.deepEqual(unnamed, []);
    // The model's own name stays beside a WordNet-style one, as docs/model.md writes it.
    assert.match(named('noun.animal, plural'), /^[^(]+, [^(]+ \(noun\.animal, plural\)$/);
    assert.ok(!named('preposition').includes('(preposition)'));
    // Every plain name differs, so no two kinds read alike.
    const said = kindRows.map((kind) => named(asAnalyzeSaysIt(kind)));
    assert.equal(new Set(said).size, said.length);
  });
}

test('a kind not listed is said by its own name, and a language not spoken in English', () => {
  assert.equal(kindInWords('noun.future', 'en'), 'noun.future');
  assert.equal(kindInWords('constructor', 'es'), 'constructor');  // not Object.prototype's
  assert.equal(kindInWords('noun.animal', 'es'), 'un animal (noun.animal)');
  assert.equal(kindInWords('noun.animal', 'fr'), 'an animal (noun.animal)');
});

test('the kinds analyze() gives for a typed sentence are named', async () => {
  const engine = await loadEngine();
  engine.loadWordReadings(readFileSync(READINGS));
  const model = engine.loadModel(readFileSync(WEIGHTS));
  const { tokens } = model.analyze('Lucy and the entities saw 20 antelopes and a grandmother in a meadow, afraid of nothing');
  const kinds = tokens.filter((token) => token.wordClass).map((token) => token.wordClass);
  assert.ok(kinds.includes('noun.Tops, plural') && kinds.includes('name.female') && kinds.includes('number'), kinds.join(' | '));
  for (const kind of kinds) assert.notEqual(kindInWords(kind, 'es'), kind);
  model.dispose();
});
