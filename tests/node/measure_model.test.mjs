// `npm run eval:model` (build_scripts/eval/measure_model.mjs) on the shipped weights: it runs,
// counts every sentence and item of tests/data/, and reports figures in range. Of the figures it
// holds the shipped model to a floor below today's (84.0 % of reference items, 98.6 % position
// independence), so that a retrained model cannot quietly fall back; issue 11's targets (95 %, and
// a test at 90 %) are not met yet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  seedSentences, learnerSentences, referenceItems, lessonCases, positionPrefixes, tokenize, isWord,
} from '../../build_scripts/eval/eval_data.mjs';

const tool = fileURLToPath(new URL('../../build_scripts/eval/measure_model.mjs', import.meta.url));
const wordsIn = (sentences) => sentences.reduce((sum, s) => sum + tokenize(s).filter(isWord).length, 0);
const inUnitRange = (x) => Number.isFinite(x) && x >= 0 && x <= 1;

test('the measuring tool reads all the evaluation data and prints every section', () => {
  const folder = mkdtempSync(join(tmpdir(), 'measure-model-'));
  try {
    const jsonPath = join(folder, 'figures.json');
    const run = spawnSync(process.execPath, [tool, '--json', jsonPath], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    for (const section of ['1. Vocabulary coverage', '2. Reference items', '3. Position independence', '4. Heads']) {
      assert.ok(run.stdout.includes(section), `the output has no "${section}" section`);
    }
    const figures = JSON.parse(readFileSync(jsonPath, 'utf8'));

    assert.equal(figures.coverage.seeds.words, wordsIn(seedSentences().map((s) => s.sentence)));
    assert.equal(figures.coverage.learner.words, wordsIn(learnerSentences()));
    assert.equal(figures.coverage.careerChange.words, 11);
    for (const c of Object.values(figures.coverage)) assert.ok(c.known <= c.words && inUnitRange(c.rate));

    const items = referenceItems();
    assert.equal(figures.reference.all.total, items.length);
    assert.equal(Object.values(figures.reference.byShape).reduce((sum, s) => sum + s.total, 0), items.length);
    assert.ok(inUnitRange(figures.reference.all.rate));
    for (const t of [figures.reference.all, ...Object.values(figures.reference.byShape)]) {
      assert.ok(Number.isInteger(t.outputRight) && t.outputRight >= 0 && t.outputRight <= t.total);
    }
    // Issue 11: the shipped file names an acceptable answer for at least 90 % of the items.
    assert.ok(figures.reference.all.rate >= 0.90, `reference items right: ${figures.reference.all.right} of ${figures.reference.all.total}`);

    assert.equal(figures.positionIndependence.total, lessonCases.length * positionPrefixes.length);
    assert.ok(inUnitRange(figures.positionIndependence.rate));
    // Known words in front of a lesson sentence leave its answer where it was (≥ 95 %).
    assert.ok(figures.positionIndependence.rate >= 0.95, `position independence: ${JSON.stringify(figures.positionIndependence)}`);

    const { layerCount, headCount } = figures;
    assert.equal(figures.heads.length, layerCount);
    for (const layer of figures.heads) {
      assert.ok(layer.meanPairwiseCosine > -1 && layer.meanPairwiseCosine <= 1);
      assert.equal(layer.pairs.length, (headCount * (headCount - 1)) / 2);
      assert.equal(layer.previousWordShare.length, headCount);
      assert.ok(layer.previousWordShare.every(inUnitRange));
    }
    // The last layer's heads differ: mean pairwise cosine ≤ 0.5 over the learner sentences.
    assert.ok(figures.heads.at(-1).meanPairwiseCosine <= 0.5, `last layer's heads' cosine ${figures.heads.at(-1).meanPairwiseCosine}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the measuring tool refuses an option it does not know, or a weights file it cannot read, saying why', () => {
  const misspelt = spawnSync(process.execPath, [tool, '--wieghts', 'x.bin'], { encoding: 'utf8' });
  assert.equal(misspelt.status, 2);
  assert.match(misspelt.stderr, /Usage: .*--weights FILE.*\n"--wieghts" is not an option/);
  const missing = spawnSync(process.execPath, [tool, '--weights', 'no/such/model.bin'], { encoding: 'utf8' });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^Could not read the weights file no\/such\/model\.bin: ENOENT/);
});
