// The math panel's numbers are the engine's: scores are Q·K, scaled = score × scale, the
// weights sum to 1 and the output is their weighted sum of the values.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { loadModel } from '../../web/src/engine.js';
import { mathSteps } from '../../web/src/math_steps.js';

test('math steps for "it" in a head agree with each other as the formula says', async () => {
  const model = await loadModel();
  const analysis = model.analyze("The animal didn't cross the street because it was too tired");
  const it = analysis.tokens.findIndex((t) => t.text === 'it');
  const head = analysis.layers[1].heads[0];
  const steps = mathSteps(head, it);
  assert.equal(steps.query.length, model.info.dModel / model.info.headCount);
  assert.ok(Math.abs(steps.scale - 1 / Math.sqrt(steps.query.length)) < 1e-7);
  let weightSum = 0;
  const output = new Array(steps.output.length).fill(0);
  steps.keys.forEach((key, j) => {
    const k = Array.from(head.keys.data.subarray(j * head.keys.cols, (j + 1) * head.keys.cols));
    const dot = steps.query.reduce((sum, q, d) => sum + q * k[d], 0);
    assert.ok(Math.abs(dot - key.score) < 1e-4, `Q·K for key ${j}`);
    assert.ok(Math.abs(key.scaled - key.score * steps.scale) < 1e-5);
    weightSum += key.weight;
    key.value.forEach((v, d) => { output[d] += key.weight * v; });
  });
  assert.ok(Math.abs(weightSum - 1) < 1e-6);
  output.forEach((o, d) => assert.ok(Math.abs(o - steps.output[d]) < 1e-5, `output ${d}`));
  const top = steps.keys.reduce((a, b) => (b.weight > a.weight ? b : a));
  assert.equal(analysis.tokens[top.index].text, 'animal');
});
