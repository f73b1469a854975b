// xAPI from <attention-quiz> in Chromium: with xapi-activity, every check sends an `answered`
// statement and the last unchecked question a `completed` one, as a composed DOM event and,
// in a frame, to the parent named by report-origin; every statement passes xapi-validation.
// Without the attribute nothing is sent and xapi.js is never fetched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startStaticServer } from '../../build_scripts/static_server.mjs';
import { BUILT_IN_QUESTIONS } from '../../web/src/quiz/bank.js';
import { assertValidStatement } from '../node/xapi_check.mjs';
import { PROJECT_ROOT, collectProblems, serveAndLaunch } from './harness.mjs';

const lab = serveAndLaunch();
let elsewhere;  // the quiz's own site, framed by the platform's page on lab.server
before(async () => { elsewhere = await startStaticServer({ root: PROJECT_ROOT }); });
after(async () => { await elsewhere?.close(); });

const BASE = 'https://lessons.example.org/attention';
const causal = BUILT_IN_QUESTIONS.filter((q) => q.topic === 'causal');
const rightOf = (q) => q.options.flatMap((o, i) => (o.correct ? [i] : []));
const wrongOf = (q) => [q.options.findIndex((o) => !o.correct)];

// Checks `selected` on question `id` of the quiz in `frame` (a page or a frame).
async function answer(frame, id, selected, { retry = false } = {}) {
  const q = `#checks form[data-id="${id}"]`;
  if (retry) await frame.click(`${q} button.retry`);
  for (const index of selected) await frame.check(`${q} input[value="${index}"]`);
  await frame.click(`${q} button[type="submit"]`);
}

async function openQuiz(query) {
  await lab.ready;
  const page = await lab.browser.newPage();
  const problems = collectProblems(page);
  const requests = [];
  const warnings = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await page.goto(`${lab.server.url}tests/browser/fixtures/xapi_frame.html?${new URLSearchParams(query)}`);
  await page.waitForFunction(() => document.querySelector('attention-quiz')?.shadowRoot?.querySelector('form'));
  return { page, problems, requests, warnings };
}

test('answered after each check, completed once every question was checked: valid statements, as a DOM event', async () => {
  const { page, problems } = await openQuiz({ 'xapi-activity': `${BASE}/` });
  const [first, second] = causal;
  await answer(page, first.id, wrongOf(first));
  await answer(page, first.id, rightOf(first), { retry: true });
  await answer(page, second.id, rightOf(second));
  await page.waitForFunction(() => window.statements.length >= 4);
  // A later check sends one answered statement more, and no second completed.
  await answer(page, second.id, wrongOf(second), { retry: true });
  await page.waitForFunction(() => window.statements.length >= 5);
  const statements = await page.evaluate(() => window.statements);
  for (const [i, statement] of statements.entries()) assertValidStatement(statement, `statement ${i + 1}`);
  assert.deepEqual(statements.map((s) => [s.verb.id.split('/').pop(), s.object.id, s.result.success ?? null, s.result.response ?? null]), [
    ['answered', `${BASE}/checks/${first.id}`, false, wrongOf(first).join('[,]')],
    ['answered', `${BASE}/checks/${first.id}`, true, rightOf(first).join('[,]')],
    ['answered', `${BASE}/checks/${second.id}`, true, rightOf(second).join('[,]')],
    ['completed', `${BASE}/checks`, null, null],
    ['answered', `${BASE}/checks/${second.id}`, false, wrongOf(second).join('[,]')],
  ]);
  assert.deepEqual(statements[3].result.score, { min: 0, max: 2, raw: 2, scaled: 1 });
  assert.equal(new Set(statements.map((s) => JSON.stringify(s.actor))).size, 1, 'one learner throughout');
  assert.equal(statements[0].object.definition.name['en-US'], first.prompt);
  for (const s of statements) assert.match(s.result.duration, /^PT\d+(\.\d+)?S$/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('in a frame, statements go to the parent named by report-origin, beside the quiz\'s own messages', async () => {
  await lab.ready;
  const framed = new URL('tests/browser/fixtures/xapi_frame.html', elsewhere.url);
  framed.searchParams.set('xapi-activity', BASE);
  framed.searchParams.set('report-origin', new URL(lab.server.url).origin);
  const parentPage = await lab.browser.newPage();
  const problems = collectProblems(parentPage);
  await parentPage.goto(`${lab.server.url}tests/browser/fixtures/frame_parent.html?frame=${encodeURIComponent(framed)}`);
  const frame = await (await parentPage.waitForSelector('#frame')).contentFrame();
  await frame.waitForFunction(() => document.querySelector('attention-quiz')?.shadowRoot?.querySelector('form'));
  for (const question of causal) await answer(frame, question.id, rightOf(question));
  await parentPage.waitForFunction(() => window.messages.filter((m) => m.data?.type === 'attention-quiz:xapi').length >= 3);
  const messages = await parentPage.evaluate(() => window.messages);
  assert.ok(messages.every((m) => m.origin === new URL(framed).origin));
  assert.deepEqual(messages.map((m) => m.data.type).sort(), ['attention-quiz:answer', 'attention-quiz:answer',
    'attention-quiz:xapi', 'attention-quiz:xapi', 'attention-quiz:xapi']);
  const statements = messages.filter((m) => m.data.type === 'attention-quiz:xapi').map((m) => m.data.statement);
  for (const statement of statements) assertValidStatement(statement);
  assert.deepEqual(statements.map((s) => s.verb.display['en-US']), ['answered', 'answered', 'completed']);
  assert.deepEqual(problems, []);
  await parentPage.close();
});

test('without xapi-activity nothing is sent and xapi.js is not loaded; a base that is not an IRI is named in the console', async () => {
  const plain = await openQuiz({});
  await answer(plain.page, causal[0].id, rightOf(causal[0]));
  await plain.page.waitForSelector(`#checks form[data-id="${causal[0].id}"] .verdict`);
  assert.deepEqual(await plain.page.evaluate(() => window.statements), []);
  assert.deepEqual(plain.requests.filter((url) => url.includes('xapi.js')), []);
  assert.deepEqual(plain.problems, []);
  await plain.page.close();

  const bad = await openQuiz({ 'xapi-activity': 'attention lesson' });
  await answer(bad.page, causal[0].id, rightOf(causal[0]));
  await bad.page.waitForSelector(`#checks form[data-id="${causal[0].id}"] .verdict`);
  if (bad.warnings.length === 0) await bad.page.waitForEvent('console', (message) => message.type() === 'warning');
  assert.equal(bad.warnings.length, 1);
  assert.match(bad.warnings[0], /xapi-activity “attention lesson” is not an absolute IRI .*no xAPI statements are sent/);
  assert.deepEqual(await bad.page.evaluate(() => window.statements), []);
  assert.deepEqual(bad.problems, []);
  await bad.page.close();
});
