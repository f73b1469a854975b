// `npm run eval:model`: measures a trained model on the evaluation data of tests/data/ (issue 11),
// through the built wasm module (run `bash build_scripts/build_wasm.sh` first), and prints:
//
//   1. vocabulary coverage: the share of word tokens (punctuation left out) that are not unknown,
//      on the lessons' example sentences and on the learner sentences, and the words most often
//      unknown;
//   2. reference: the share of the hand-written pronoun and bank items whose query word's
//      most-attended key is an acceptable answer, by shape and by vocabulary, and beside it how
//      often the model's output there (analyze()'s `prediction`, every head) names one;
//   3. position independence: 1–5 known words put in front of each of the 7 lesson sentences,
//      and how often the query's most-attended word stays the same;
//   4. heads: per layer, the mean pairwise cosine similarity of the heads' attention weight
//      matrices over the learner sentences, how often two heads share a row's top key, and each
//      head's "previous word" share (rows whose top key is the word just before).
//
// "Most-attended key" is everywhere what the widget's "looks most at" shows first: the largest
// weight of the query's row in the head average (or one head), **the word itself included**, the
// earlier key on a tie. Section 2 also gives the figure without the word itself, beside it.
//
//   npm run eval:model                                  the shipped weights, web/model/
//   npm run eval:model -- --weights path/to/model.bin   another weights file (e.g. a candidate)
//   npm run eval:model -- --json figures.json           also write every figure as JSON
//
// Prints figures; it asserts nothing about them (today's model fails issue 11's targets).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { loadEngine } from '../../web/src/engine.js';
import {
  seedSentences, learnerSentences, referenceItems, tokenize, isWord, normalize,
  lessonCases, positionPrefixes, withPrefix,
} from './eval_data.mjs';

const usage = 'Usage: node build_scripts/eval/measure_model.mjs [--weights FILE] [--json FILE]';
const options = { weights: fileURLToPath(new URL('../../web/model/attention_lens_model.bin', import.meta.url)), json: null };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const name = argv[i].replace(/^--/, '');
  if (!(name in options) || argv[i + 1] === undefined) {
    console.error(`${usage}\n"${argv[i]}" is not an option this tool takes with a value.`);
    process.exit(2);
  }
  options[name] = argv[i + 1];
}

let weightsBytes;
try {
  weightsBytes = readFileSync(options.weights);
} catch (error) {
  console.error(`Could not read the weights file ${options.weights}: ${error.message}`);
  process.exit(1);
}
const engine = await loadEngine();
const model = engine.loadModel(weightsBytes);
// As the widget reads a sentence with words the model has no row for: by their classes.
engine.loadWordReadings(readFileSync(fileURLToPath(new URL('../../cpp/model/data/word_readings.tsv', import.meta.url))));
const { layerCount, headCount, headLabels } = model.info;
const lastLayer = layerCount - 1;
const figures = { weights: options.weights, layerCount, headCount };

// ---- helpers -----------------------------------------------------------------------------------

const percent = (part, whole) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '—');
const ratio = (part, whole) => `${percent(part, whole).padStart(6)}  (${part}/${whole})`;

// Runs the model, after checking that its tokens are the ones the data's indices count.
function analyze(sentence) {
  const analysis = model.analyze(sentence);
  const expected = tokenize(sentence);
  const actual = analysis.tokens.map((t) => t.text);
  if (actual.join('\u0001') !== expected.join('\u0001')) {
    throw new Error(`The module cut "${sentence}" into [${actual.join(' | ')}]; the evaluation data counts [${expected.join(' | ')}]. ` +
      'Update tokenize() in build_scripts/eval/eval_data.mjs and the indices in tests/data/ together.');
  }
  return analysis;
}

// The row of query `i` in an n×n weights matrix (the head average, or one head's weights).
const rowOf = (weights, i) => weights.data.subarray(i * weights.cols, (i + 1) * weights.cols);

// The widget's "looks most at": the largest weight, the earlier key on a tie, `skip` left out.
function topKey(row, skip = -1) {
  let best = -1;
  for (let k = 0; k < row.length; k++) if (k !== skip && (best < 0 || row[k] > row[best])) best = k;
  return best;
}

function heading(text) {
  console.log(`\n== ${text} ${'='.repeat(Math.max(0, 96 - text.length))}`);
}

// ---- 1. vocabulary coverage --------------------------------------------------------------------

function coverage(sentences) {
  const unknownCounts = new Map();
  let words = 0, known = 0;
  for (const sentence of sentences) {
    for (const token of analyze(sentence).tokens) {
      if (!isWord(token.text)) continue;
      words++;
      if (token.known) known++;
      else unknownCounts.set(normalize(token.text), (unknownCounts.get(normalize(token.text)) ?? 0) + 1);
    }
  }
  const unknown = [...unknownCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { words, known, rate: words ? known / words : 0, distinctUnknown: unknown.length, unknown };
}

heading('1. Vocabulary coverage (word tokens that are not unknown; punctuation left out)');
const seeds = seedSentences();
const learners = learnerSentences();
const seedCoverage = coverage(seeds.map((s) => s.sentence));
const learnerCoverage = coverage(learners);
console.log(`  lesson texts' example sentences (${seeds.length})`.padEnd(52) + ratio(seedCoverage.known, seedCoverage.words));
for (const file of [...new Set(seeds.map((s) => s.seed))]) {
  const c = coverage(seeds.filter((s) => s.seed === file).map((s) => s.sentence));
  console.log(`    ${file}`.padEnd(52) + ratio(c.known, c.words));
}
for (const kind of [...new Set(seeds.map((s) => s.kind))]) {
  const c = coverage(seeds.filter((s) => s.kind === kind).map((s) => s.sentence));
  console.log(`    kind: ${kind}`.padEnd(52) + ratio(c.known, c.words));
}
console.log(`  learner sentences (${learners.length})`.padEnd(52) + ratio(learnerCoverage.known, learnerCoverage.words));
const career = coverage([seeds[0].sentence]);
console.log(`  "${seeds[0].sentence}": ${career.known} of ${career.words} words known`);
const itemsCoverage = coverage(referenceItems().map((item) => item.sentence));
console.log(`  reference items' sentences`.padEnd(52) + ratio(itemsCoverage.known, itemsCoverage.words));
const showUnknown = (label, c) => console.log(`  most often unknown, ${label} (${c.distinctUnknown} distinct): ` +
  c.unknown.slice(0, 30).map(([word, count]) => `${word} ${count}`).join(', '));
showUnknown('seeds', seedCoverage);
showUnknown('learner', learnerCoverage);
const brief = ({ words, known, rate, distinctUnknown }) => ({ words, known, rate, distinctUnknown });
figures.coverage = { seeds: brief(seedCoverage), learner: brief(learnerCoverage), careerChange: brief(career), referenceItems: brief(itemsCoverage) };

// ---- 2. reference ------------------------------------------------------------------------------

heading(`2. Reference items: query's most-attended key in layer ${layerCount}, average over heads`);
const items = referenceItems();
const tally = () => ({ right: 0, rightWithoutSelf: 0, total: 0, wrongAtThe: 0, wrongAtSelf: 0, outputRight: 0, heads: new Array(headCount).fill(0) });
// The class the model names an answer word with: its own row, or the kind it was read as.
const classOf = (token) => (token.wordClass ? `[${token.wordClass}]` : normalize(token.text));
const byShape = new Map();
const byWords = new Map();
const overall = tally();
const misses = [];
for (const item of items) {
  const analysis = analyze(item.sentence);
  const texts = analysis.tokens.map((t) => normalize(t.text));
  if (texts[item.queryIndex] !== item.query || texts[item.answerIndex] !== item.answer) {
    throw new Error(`Item ${item.id}: token ${item.queryIndex} is "${texts[item.queryIndex]}" and token ${item.answerIndex} is "${texts[item.answerIndex]}"; the item says "${item.query}" and "${item.answer}".`);
  }
  const layer = analysis.layers[lastLayer];
  const row = rowOf(layer.average, item.queryIndex);
  const top = topKey(row);
  const right = item.acceptable.includes(texts[top]);
  const rightWithoutSelf = item.acceptable.includes(texts[topKey(row, item.queryIndex)]);
  const headRight = layer.heads.map((head) => item.acceptable.includes(texts[topKey(rowOf(head.weights, item.queryIndex))]));
  const answerClasses = analysis.tokens.filter((_, k) => item.acceptable.includes(texts[k])).map(classOf);
  const outputRight = answerClasses.includes(analysis.tokens[item.queryIndex].prediction);
  for (const t of [overall,
    byShape.get(item.shape) ?? byShape.set(item.shape, tally()).get(item.shape),
    byWords.get(item.words) ?? byWords.set(item.words, tally()).get(item.words)]) {
    t.total++;
    t.right += right;
    t.rightWithoutSelf += rightWithoutSelf;
    if (!right && texts[top] === 'the') t.wrongAtThe++;
    if (!right && top === item.queryIndex) t.wrongAtSelf++;
    t.outputRight += outputRight;
    headRight.forEach((ok, h) => { t.heads[h] += ok; });
  }
  if (!right) misses.push(`${item.id}: "${item.query}" → "${analysis.tokens[top].text}" (want ${item.acceptable.join('/')})  ${item.sentence}`);
}
const headColumns = Array.from({ length: headCount }, (_, h) => `head ${h + 1}`.padStart(8)).join('');
console.log(`  ${'shape'.padEnd(26)}${'n'.padStart(4)}${'right (self incl.)'.padStart(20)}${'self excl.'.padStart(12)}${'wrong → the'.padStart(13)}${'→ itself'.padStart(10)}${'output right'.padStart(14)}   one head alone: ${headColumns}`);
const line = (label, t) => console.log(`  ${label.padEnd(26)}${String(t.total).padStart(4)}${percent(t.right, t.total).padStart(20)}` +
  `${percent(t.rightWithoutSelf, t.total).padStart(12)}${String(t.wrongAtThe).padStart(13)}${String(t.wrongAtSelf).padStart(10)}${percent(t.outputRight, t.total).padStart(14)}   ${''.padEnd(16)}` +
  t.heads.map((c) => percent(c, t.total).padStart(8)).join(''));
for (const [shape, t] of byShape) line(shape, t);
for (const [words, t] of byWords) line(`words: ${words}`, t);
line('all items', overall);
console.log(`  ${misses.length} items wrong; the first 15:`);
for (const miss of misses.slice(0, Number(process.env.MISSES ?? 15))) console.log(`    ${miss}`);
const summary = ({ right, rightWithoutSelf, total, wrongAtThe, wrongAtSelf, outputRight, heads }) =>
  ({ right, rightWithoutSelf, total, rate: total ? right / total : 0, wrongAtThe, wrongAtSelf, outputRight, headRates: heads.map((c) => c / total) });
figures.reference = {
  all: summary(overall),
  byShape: Object.fromEntries([...byShape].map(([k, t]) => [k, summary(t)])),
  byWords: Object.fromEntries([...byWords].map(([k, t]) => [k, summary(t)])),
};

// ---- 3. position independence ------------------------------------------------------------------

heading('3. Position independence: known words put in front of the 7 lesson sentences');
let unchanged = 0, stillRight = 0, cases = 0;
const unknownPrefixWords = new Set();
const byLength = new Map();
const changes = [];
for (const lesson of lessonCases) {
  const plain = analyze(lesson.sentence);
  const query = plain.tokens.findIndex((t) => normalize(t.text) === lesson.query);
  const plainTop = topKey(rowOf(plain.layers[lastLayer].average, query));
  for (const prefix of positionPrefixes) {
    const sentence = withPrefix(prefix, lesson.sentence);
    const analysis = analyze(sentence);
    const shift = tokenize(prefix).length;
    analysis.tokens.slice(0, shift).filter((t) => !t.known).forEach((t) => unknownPrefixWords.add(t.text));
    const top = topKey(rowOf(analysis.layers[lastLayer].average, query + shift));
    const same = top - shift === plainTop;
    const right = lesson.expected.includes(normalize(analysis.tokens[top].text));
    const t = byLength.get(shift) ?? byLength.set(shift, { unchanged: 0, right: 0, total: 0 }).get(shift);
    t.total++, cases++;
    t.unchanged += same, unchanged += same;
    t.right += right, stillRight += right;
    if (!same) changes.push(`"${lesson.query}" → "${analysis.tokens[top].text}" (was "${plain.tokens[plainTop].text}")  ${sentence}`);
  }
}
if (unknownPrefixWords.size) console.log(`  note: this model does not know the prefix words ${[...unknownPrefixWords].join(', ')}`);
console.log(`  ${'words in front'.padEnd(18)}${'answer unchanged'.padStart(22)}${'right'.padStart(22)}`);
for (const [length, t] of [...byLength].sort((a, b) => a[0] - b[0])) {
  console.log(`  ${String(length).padEnd(18)}${ratio(t.unchanged, t.total).padStart(22)}${ratio(t.right, t.total).padStart(22)}`);
}
console.log(`  ${'all'.padEnd(18)}${ratio(unchanged, cases).padStart(22)}${ratio(stillRight, cases).padStart(22)}`);
console.log(`  ${changes.length} changed; the first 10:`);
for (const change of changes.slice(0, 10)) console.log(`    ${change}`);
figures.positionIndependence = { unchanged, right: stillRight, total: cases, rate: cases ? unchanged / cases : 0,
  byPrefixLength: Object.fromEntries(byLength) };

// ---- 4. heads ----------------------------------------------------------------------------------

heading(`4. Heads, over the ${learners.length} learner sentences`);
function cosine(a, b) {
  let dot = 0, aa = 0, bb = 0;
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i], aa += a[i] * a[i], bb += b[i] * b[i];
  return aa && bb ? dot / Math.sqrt(aa * bb) : 0;
}
const pairs = [];
for (let a = 0; a < headCount; a++) for (let b = a + 1; b < headCount; b++) pairs.push([a, b]);
const headFigures = Array.from({ length: layerCount }, () => ({
  cosineSum: pairs.map(() => 0), sameTop: pairs.map(() => 0),
  previous: new Array(headCount).fill(0), self: new Array(headCount).fill(0), rows: 0, rowsWithPrevious: 0,
}));
for (const sentence of learners) {
  const analysis = analyze(sentence);
  const n = analysis.tokens.length;
  analysis.layers.forEach((layer, l) => {
    const f = headFigures[l];
    const weights = layer.heads.map((head) => head.weights.data);
    pairs.forEach(([a, b], p) => { f.cosineSum[p] += cosine(weights[a], weights[b]); });
    for (let i = 0; i < n; i++) {
      const tops = layer.heads.map((head) => topKey(rowOf(head.weights, i)));
      pairs.forEach(([a, b], p) => { f.sameTop[p] += tops[a] === tops[b]; });
      tops.forEach((top, h) => {
        f.self[h] += top === i;
        if (i > 0) f.previous[h] += top === i - 1;
      });
      f.rows++;
      if (i > 0) f.rowsWithPrevious++;
    }
  });
}
figures.heads = headFigures.map((f, l) => {
  const meanCosine = f.cosineSum.reduce((s, c) => s + c, 0) / (pairs.length * learners.length);
  const sameTop = f.sameTop.map((c) => c / f.rows);
  console.log(`  layer ${l + 1}: mean pairwise cosine of the heads' weight matrices ${meanCosine.toFixed(3)}` +
    ` (per sentence, n×n flattened, averaged over ${pairs.length} pairs and the sentences)`);
  console.log(`    per pair: ${pairs.map(([a, b], p) => `${a + 1}–${b + 1} ${(f.cosineSum[p] / learners.length).toFixed(2)}`).join(', ')}`);
  console.log(`    same top key (share of rows): ${pairs.map(([a, b], p) => `${a + 1}–${b + 1} ${percent(sameTop[p] * f.rows, f.rows)}`).join(', ')}`);
  for (let h = 0; h < headCount; h++) {
    const label = headLabels[l * headCount + h];
    console.log(`    head ${h + 1}: top key is the previous word in ${percent(f.previous[h], f.rowsWithPrevious).padStart(6)} of rows, ` +
      `itself in ${percent(f.self[h], f.rows).padStart(6)}   label: ${label ? `"${label}"` : '(none)'}`);
  }
  return {
    layer: l + 1, meanPairwiseCosine: meanCosine,
    pairs: pairs.map(([a, b], p) => ({ heads: [a + 1, b + 1], cosine: f.cosineSum[p] / learners.length, sameTopKey: sameTop[p] })),
    previousWordShare: f.previous.map((c) => c / f.rowsWithPrevious),
    selfShare: f.self.map((c) => c / f.rows),
  };
});

if (options.json) {
  writeFileSync(options.json, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`\nEvery figure: ${options.json}`);
}
