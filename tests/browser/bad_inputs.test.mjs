// The bad-input corpus (tests/data/bad_inputs/) in Chromium: every <attention-lens> attribute
// case, every sentence typed into the editable box and every <attention-quiz> case gives the
// right result or a clear message in the element's language, raises no uncaught error or
// console error, never makes the page scroll sideways, and leaves the widget working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { collectProblems, serveAndLaunch } from './harness.mjs';
import { ATTRIBUTE_CASES, GOOD_SENTENCE, GOOD_TOKENS, TYPED_CASES } from '../data/bad_inputs/element_cases.mjs';
import { QUIZ_CASES } from '../data/bad_inputs/quiz_cases.mjs';

const lab = serveAndLaunch();
let page;
let problems = [];

before(async () => {
  await lab.ready;
  page = await lab.browser.newPage({ viewport: { width: 1024, height: 800 } });
  problems = collectProblems(page);
  await page.goto(`${lab.server.url}tests/browser/fixtures/bad_inputs.html`);
  await page.waitForSelector('body[data-ready="true"]');
});
after(() => page?.close());

// Only what the page can take: the case's inputs, not its expectations (RegExps, in Node).
const inputsOf = ({ id, attrs, typed, lang, json, markup, waitMs }) => ({ id, attrs, typed, lang, json, markup, waitMs });
const caseProblems = (id) => page.evaluate((caseId) => window.caseProblems.filter((p) => p.id === caseId).map((p) => p.problem), id);

function checkLens(c, seen) {
  assert.equal(seen.runnerError, undefined, seen.runnerError);
  const shown = `${seen.error} ${seen.notices}`;
  if (c.grid) {
    assert.ok(seen.rowLabels.length > 0, `a grid was expected; the element shows: ${shown.trim() || '(nothing)'}`);
    assert.equal(seen.error, '', 'no error message beside a grid');
  } else {
    assert.equal(seen.rowLabels.length, 0, 'no grid was expected');
    assert.notEqual(seen.error, '', 'a refusal needs a message');
  }
  if (c.tokens) assert.deepEqual(seen.rowLabels, c.tokens);
  if (c.message) assert.match(shown, c.message);
  if (c.notMessage) assert.doesNotMatch(shown, c.notMessage);
  if (c.typed !== undefined) assert.ok(seen.hasEditor, 'the box stays, so the learner can fix the sentence');
  assert.equal(seen.blankLabels, 0, `rows or words with no visible label: ${JSON.stringify(seen.rowLabels)}`);
  assert.deepEqual(seen.foreignCharacters, [], 'labels hold only characters of the sentence');
  assert.ok(seen.pageOverflow <= 0, `the page scrolls sideways by ${seen.pageOverflow} px (element ${seen.elementWidth} px wide)`);
  assert.deepEqual(seen.recovered, GOOD_TOKENS, 'afterwards, a good sentence draws its grid');
}

test('<attention-lens> attributes: the right grid or a message in the page\'s language, and it still works', async (t) => {
  assert.ok(ATTRIBUTE_CASES.length >= 40);
  for (const c of ATTRIBUTE_CASES) {
    await t.test(c.id, async () => {
      const seen = await page.evaluate(([input, good]) => window.runLensCase(input, good), [inputsOf(c), GOOD_SENTENCE]);
      checkLens(c, seen);
      assert.deepEqual(await caseProblems(c.id), []);
    });
  }
});

test('the editable box: typed sentences give a grid or a message, the box stays, and the next sentence draws', async (t) => {
  for (const c of TYPED_CASES) {
    await t.test(c.id, async () => {
      const seen = await page.evaluate(([input, good]) => window.runLensCase(input, good), [inputsOf(c), GOOD_SENTENCE]);
      checkLens(c, seen);
      assert.deepEqual(await caseProblems(c.id), []);
    });
  }
});

test('<attention-quiz>: broken JSON, markup, bank ids and live bindings are named; good questions still work', async (t) => {
  assert.ok(QUIZ_CASES.length >= 40);
  for (const c of QUIZ_CASES) {
    await t.test(c.id, async () => {
      const seen = await page.evaluate((input) => window.runQuizCase(input), inputsOf(c));
      assert.equal(seen.runnerError, undefined, seen.runnerError);
      if (c.questions) assert.deepEqual(seen.questions, c.questions);
      if (c.message) assert.match(seen.text, c.message);
      if (c.notMessage) assert.doesNotMatch(seen.text, c.notMessage);
      if (seen.questions.length) assert.match(seen.answerShown, /Here is the answer|Esta es la respuesta/, 'the first question still answers');
      assert.ok(seen.pageOverflow <= 0, `the page scrolls sideways by ${seen.pageOverflow} px`);
      assert.deepEqual(await caseProblems(c.id), []);
    });
  }
});

test('the whole corpus ran without an uncaught error, console error or dialog', () => {
  assert.deepEqual(problems, []);
});
