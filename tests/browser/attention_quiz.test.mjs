// <attention-quiz> in Chromium: right and wrong answers with feedback, retry, show answer,
// keyboard only, authored JSON with mistakes, and HTML that must stay text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { startStaticServer } from '../../build_scripts/static_server.mjs';
import { PROJECT_ROOT, SCREENSHOTS, collectProblems, serveAndLaunch } from './harness.mjs';

const lab = serveAndLaunch();
// Another origin (the same files on another port): the site of a framed quiz, while the lesson
// platform's page around it comes from lab.server.
let elsewhere;
before(async () => { elsewhere = await startStaticServer({ root: PROJECT_ROOT }); });
after(async () => { await elsewhere?.close(); });
let page;
let problems = [];

before(async () => {
  await lab.ready;
  page = await lab.browser.newPage();
  problems = collectProblems(page);
  await page.goto(`${lab.server.url}tests/browser/fixtures/quiz.html`);
  await page.waitForSelector('body[data-ready="true"]');
});

const question = (quiz, id) => `#${quiz} form[data-id="${id}"]`;

test('bank="scaling" shows the scaling questions as radio groups with labelled options', async () => {
  const ids = await page.$$eval('#scaling form', (forms) => forms.map((f) => f.dataset.id));
  assert.deepEqual(ids, ['why-scale', 'scale-number', 'no-scale-effect']);
  const quiz = page.locator('#scaling');
  assert.equal(await quiz.getByRole('group', { name: /Why are the scores divided by √d_k/ }).count(), 1);
  assert.equal(await quiz.getByRole('radio', { name: /1\/√8 ≈ 0.354/ }).count(), 1);
  assert.match(await page.textContent('#scaling .progress'), /Answered correctly: 0 of 3/);
});

test('a wrong answer says why, a retry clears it, a right answer is counted and reported', async () => {
  const q = question('scaling', 'why-scale');
  await page.check(`${q} input[value="0"]`);
  await page.click(`${q} button[type="submit"]`);
  assert.match(await page.textContent(`${q} .verdict`), /Not quite/);
  assert.match(await page.textContent(`${q} .status`), /spread of a dot product/);
  const feedback = await page.$$eval(`${q} .option-feedback:not([hidden])`, (p) => p.map((x) => x.textContent));
  assert.ok(feedback.some((text) => /speed is not the point/.test(text)), 'the chosen option says why it is wrong');
  assert.ok(feedback.some((text) => /rows saturate/.test(text)), 'the right option says why it is right');
  await page.click(`${q} button.retry`);
  assert.equal(await page.$$eval(`${q} .option-feedback:not([hidden])`, (p) => p.length), 0);
  await page.check(`${q} input[value="1"]`);
  await page.click(`${q} button[type="submit"]`);
  assert.match(await page.textContent(`${q} .verdict`), /Correct/);
  assert.match(await page.textContent('#scaling .progress'), /Answered correctly: 1 of 3/);
  const answers = await page.evaluate(() => window.answers);
  assert.deepEqual(answers.map((a) => [a.id, a.correct]), [['why-scale', false], ['why-scale', true]]);
});

test('show answer marks the right option without counting it', async () => {
  const q = question('scaling', 'no-scale-effect');
  await page.click(`${q} button.show`);
  assert.match(await page.textContent(`${q} .verdict`), /Here is the answer/);
  assert.equal(await page.$eval(`${q} input[value="1"]`, (i) => i.checked), true);
  assert.match(await page.textContent('#scaling .progress'), /Answered correctly: 1 of 3/);
});

test('keyboard only: Tab to the group, arrows to choose, Enter to check', async () => {
  const q = question('scaling', 'scale-number');
  await page.focus(`${q} input[value="0"]`);
  await page.keyboard.press('ArrowDown');  // radio groups move with the arrow keys
  assert.equal(await page.$eval(`${q} input[value="1"]`, (i) => i.checked), true);
  await page.keyboard.press('Enter');  // submits the form
  assert.match(await page.textContent(`${q} .verdict`), /Correct/);
  assert.match(await page.textContent('#scaling .progress'), /Answered correctly: 2 of 3/);
});

test('authored questions: mistakes are listed by question and field, HTML stays text', async () => {
  assert.match(await page.textContent('#authored .problems'), /Question 2 \("broken"\): a single-answer question needs exactly one correct option; it has 0/);
  assert.equal(await page.$$eval('#authored form', (f) => f.length), 1);
  assert.match(await page.textContent('#authored legend'), /Is <img src=x onerror=alert\(1\)> shown as text\?/);
  assert.equal(await page.$$eval('#authored img, #authored b', (n) => n.length), 0);
  assert.equal(await page.locator('#authored').getByRole('checkbox', { name: '<b>yes</b>' }).count(), 1);
  assert.match(await page.textContent('#bad-json .problems'), /The questions are not valid JSON/);
  assert.deepEqual(problems, []);
});

test('a live question reads its answer from the grid, moves the grid to show why, and follows the sentence', async () => {
  const q = question('live', 'it-looks-at');
  const options = await page.$$eval(`${q} label`, (labels) => labels.map((l) => l.textContent.trim()));
  assert.equal(options.length, 4);
  assert.ok(options.includes('animal'));
  const animal = options.indexOf('animal');
  await page.check(`${q} input[value="${animal}"]`);
  await page.click(`${q} button[type="submit"]`);
  assert.match(await page.textContent(`${q} .verdict`), /Correct/);
  assert.match(await page.textContent(`${q} .option-feedback:not([hidden])`), /“it” gives \d+% of its attention to “animal”/);
  assert.equal(await page.textContent('#grid .grid tbody tr.is-focus th'), 'it', 'the grid now shows the row of "it"');

  // The lesson's other sentence: the answer moves to "street" without anyone retyping it.
  await page.evaluate(() => document.getElementById('grid').setAttribute('sentence', "The animal didn't cross the street because it was too wide"));
  await page.waitForFunction(() => {
    const form = document.getElementById('live').shadowRoot.querySelector('form[data-id="it-looks-at"]');
    return form && !form.querySelector('.verdict');
  });
  const after = await page.$$eval(`${q} label`, (labels) => labels.map((l) => l.textContent.trim()));
  const street = after.indexOf('street');
  assert.ok(street >= 0, `options now: ${after}`);
  await page.check(`${q} input[value="${street}"]`);
  await page.click(`${q} button[type="submit"]`);
  assert.match(await page.textContent(`${q} .verdict`), /Correct/);
});

test('a live question bound to a missing grid says so', async () => {
  assert.match(await page.textContent('#live .problems'), /Question 2 \("nowhere"\) is bound to a grid with id "missing-grid", but the page has no <attention-lens> with that id/);
  assert.deepEqual(problems, []);
});

test('questions written as markup inside the element work like JSON ones, tags dropped', async () => {
  const q = question('markup', 'markup-sum');
  assert.equal(await page.textContent(`${q} legend`), '1. Each row of the grid adds up to what?');
  assert.equal(await page.$eval('#markup', (quiz) => quiz.shadowRoot.querySelectorAll('em').length), 0);
  assert.equal(await page.$eval('#markup [data-question]', (node) => node.checkVisibility()), false, 'the author\'s markup itself is not shown');
  await page.check(`${q} input[value="0"]`);
  await page.click(`${q} button[type="submit"]`);
  assert.match(await page.textContent(`${q} .verdict`), /Correct/);
  assert.match(await page.textContent(`${q} .explanation`), /sum to 1/);
});

test('screenshots at 360 px and 1280 px, and no sideways scrolling', async () => {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${width}px: the page is ${overflow}px too wide`);
    await page.screenshot({ path: join(SCREENSHOTS, `quiz-${width}.png`), fullPage: true });
  }
});

test('progress is kept for the page: after a reload the count and the answered questions remain', async () => {
  const before = await page.textContent('#scaling .progress');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.textContent('#scaling .progress'), before);
  assert.match(await page.textContent(`${question('scaling', 'why-scale')} .before`), /You answered this one correctly before/);
});

/** Opens a fixture in a page of its own and waits (a bounded time) for it to say it is ready. */
async function openFixture(name, { timeout = 20_000 } = {}) {
  const fresh = await lab.browser.newPage();
  const found = collectProblems(fresh);
  await fresh.goto(`${lab.server.url}tests/browser/fixtures/${name}`);
  await fresh.waitForSelector('body[data-ready="true"]', { timeout });
  return { page: fresh, problems: found };
}

const originOf = (url) => new URL(url).origin;

/**
 * Opens the lesson platform's page (lab.server) around quiz_frame.html served from the other
 * origin, with `reportOrigin` as the quiz's report-origin (none when undefined), answers one
 * question, and returns what the parent received before a marker the frame posts afterwards
 * (messages from one frame arrive in order, so a result not received by then was not sent).
 */
async function answerInFrame(reportOrigin) {
  const framed = new URL('tests/browser/fixtures/quiz_frame.html', elsewhere.url);
  if (reportOrigin !== undefined) framed.searchParams.set('report-origin', reportOrigin);
  const parentPage = await lab.browser.newPage();
  const found = collectProblems(parentPage);
  await parentPage.goto(`${lab.server.url}tests/browser/fixtures/frame_parent.html?frame=${encodeURIComponent(framed)}`);
  const frame = await (await parentPage.waitForSelector('#frame')).contentFrame();
  await frame.waitForFunction(() => document.querySelector('attention-quiz')?.shadowRoot?.querySelector('form'));
  const q = '#framed form[data-id="cost-count"]';
  assert.equal(await frame.textContent(`${q} button[type="submit"]`), 'Comprobar');
  await frame.check(`${q} input[value="2"]`);
  await frame.click(`${q} button[type="submit"]`);
  assert.match(await frame.textContent(`${q} .verdict`), /¡Correcto!/);
  await frame.evaluate(() => window.parent.postMessage({ type: 'marker' }, '*'));
  await parentPage.waitForFunction(() => window.messages.some((m) => m.data?.type === 'marker'));
  const received = await parentPage.evaluate(() => window.messages.slice(0, window.messages.findIndex((m) => m.data?.type === 'marker')));
  return { parentPage, frame, received, problems: found };
}

test('report-origin names the lesson platform: a framed result goes to that origin, in the page\'s language', async () => {
  const { parentPage, frame, received, problems: found } = await answerInFrame(originOf(lab.server.url));
  assert.match(await frame.textContent('#framed .progress'), /Respuestas correctas: 1 de 2/);
  assert.deepEqual(received, [{ origin: originOf(elsewhere.url),
    data: { type: 'attention-quiz:answer', quiz: 'framed', question: 'cost-count', correct: true, selected: [2], solved: 1, total: 2 } }]);
  assert.deepEqual(found, []);
  await parentPage.close();
});

test('a framed result is not posted to a page on another origin than report-origin, nor without report-origin', async () => {
  for (const reportOrigin of ['http://127.0.0.1:9', 'https://lessons.example.org', undefined]) {
    const { parentPage, frame, received, problems: found } = await answerInFrame(reportOrigin);
    assert.deepEqual(received, [], `report-origin ${reportOrigin}: nothing reaches the parent`);
    assert.equal(await frame.$$eval('#framed .notice', (n) => n.length), 0, 'a valid origin (or none) is not a mistake');
    assert.deepEqual(found, []);
    await parentPage.close();
  }
});

test('report-origin="*" posts to any parent, because the author asked for it', async () => {
  const { parentPage, received, problems: found } = await answerInFrame('*');
  assert.equal(received.length, 1);
  assert.equal(received[0].data.question, 'cost-count');
  assert.deepEqual(found, []);
  await parentPage.close();
});

test('a report-origin that is not an origin: a notice in the quiz\'s language, nothing posted, the questions still drawn', async () => {
  const { parentPage, frame, received, problems: found } = await answerInFrame('moodle.example.edu');
  assert.deepEqual(received, []);
  assert.match(await frame.textContent('#framed .notice'), /report-origin debe nombrar la página .* «moodle\.example\.edu» no lo es/);
  assert.deepEqual(found, []);
  await parentPage.close();

  const { page: notices, problems: noticeProblems } = await openFixture('quiz_notices.html');
  assert.match(await notices.textContent('#bad-origin .notice'), /report-origin must name the page around this one by its origin, such as https:\/\/lessons\.example\.org .* “moodle\.example\.edu” is not one/);
  assert.match(await notices.textContent('#bad-origin-es .notice'), /«https:\/\/moodle\.example\.edu\/course\/view\.php\?id=3» no lo es/);
  assert.equal(await notices.$$eval('#bad-origin form', (forms) => forms.length), 1, 'the question is drawn below the notice');
  assert.deepEqual(noticeProblems, []);
  await notices.close();
});

test('an empty quiz says so, in the page\'s language, instead of drawing nothing', async () => {
  const { page: notices, problems: found } = await openFixture('quiz_notices.html');
  for (const id of ['empty-array', 'empty-object', 'empty-script', 'empty-bank']) {
    assert.match(await notices.textContent(`#${id} .notice`), /^This quiz has no questions\. Write them inside the element/, id);
    assert.equal(await notices.$$eval(`#${id} form, #${id} .progress`, (n) => n.length), 0, `${id} draws no questions and no count`);
    assert.ok(await notices.locator(`#${id} .notice`).isVisible(), `${id}'s notice is visible`);
  }
  assert.match(await notices.textContent('#empty-es .notice'), /^Este cuestionario no tiene preguntas\./);
  await notices.setViewportSize({ width: 800, height: 900 });
  await notices.screenshot({ path: join(SCREENSHOTS, 'quiz-notices.png'), fullPage: true });
  assert.deepEqual(found, []);
  await notices.close();
});

test('a live question bound to a <p> or to the quiz itself is named as such; the rest of the quiz draws', async () => {
  const { page: bound, problems: found } = await openFixture('quiz_bindings.html');
  const listed = await bound.$$eval('#self', (quizzes) => [...quizzes[0].shadowRoot.querySelectorAll('.problems li')].map((li) => li.textContent));
  assert.deepEqual(listed, [
    'Question 1 ("on-a-paragraph") is bound to a grid with id "status", but that is a <p>, not an <attention-lens>.',
    'Question 2 ("on-itself") is bound to a grid with id "self", but that is this quiz itself, not an <attention-lens>.',
  ]);
  assert.deepEqual(await bound.$$eval('#self form', (forms) => forms.map((f) => f.dataset.id)), ['on-the-grid', 'plain']);
  assert.deepEqual(found, []);
  await bound.close();
});

test('a grid whose script never loads, whose start fails, or that never gets ready: a bounded wait and a clear message', async () => {
  const { page: unloaded, problems: unloadedProblems } = await openFixture('quiz_lens_waits.html');
  const messages = async (p) => p.$eval('#waits', (quiz) => [...quiz.shadowRoot.querySelectorAll('.problems li')].map((li) => li.textContent));
  assert.deepEqual(await messages(unloaded), [
    'Question 1 ("on-failing") is bound to a grid with id "failing", but that <attention-lens> was still not defined after 0.5 s: is attention-lens.js loaded on the page?',
    'Question 2 ("on-stuck") is bound to a grid with id "stuck", but that <attention-lens> was still not defined after 0.5 s: is attention-lens.js loaded on the page?',
  ]);
  assert.deepEqual(await unloaded.$$eval('#waits form', (forms) => forms.map((f) => f.dataset.id)), ['plain']);
  assert.deepEqual(unloadedProblems, []);
  await unloaded.close();

  const { page: faked, problems: fakedProblems } = await openFixture('quiz_lens_waits.html?fake-lenses');
  assert.deepEqual(await messages(faked), [
    'Question 1 ("on-failing") is bound to a grid with id "failing", but that <attention-lens> could not start: its engine could not be loaded',
    'Question 2 ("on-stuck") is bound to a grid with id "stuck", but that <attention-lens> was still not ready after 0.5 s.',
  ]);
  assert.deepEqual(await faked.$$eval('#waits form', (forms) => forms.map((f) => f.dataset.id)), ['plain']);
  assert.deepEqual(fakedProblems, []);
  await faked.close();
});

test('when the grid cannot load its engine, its live question says so and the quiz still draws', async () => {
  const broken = await lab.browser.newPage();
  await broken.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await broken.goto(`${lab.server.url}tests/browser/fixtures/quiz.html`);
  await broken.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  assert.ok(await broken.$eval('#grid', (lens) => lens.analysis === null), 'the grid shows its own error');
  assert.match(await broken.textContent('#live .problems'), /Question 1 \("it-looks-at"\): its grid shows no attention right now/);
  assert.equal(await broken.$$eval('#scaling form', (forms) => forms.length), 3, 'the other quizzes are unaffected');
  await broken.close();
});

test('lang="es": every author mistake is listed in Spanish, and the good questions still work', async () => {
  const { page: spanish, problems: found } = await openFixture('quiz_es.html');
  const listed = (id) => spanish.$eval(`#${id}`, (quiz) => [...quiz.shadowRoot.querySelectorAll('.problems li')].map((li) => li.textContent));
  assert.deepEqual(await listed('mistakes'), [
    'Pregunta 1 debe ser un objeto con un id, un enunciado (prompt) y opciones.',
    'Pregunta 2: "id" debe ser un texto no vacío.',
    'Pregunta 3 ("two-right"): una pregunta de respuesta única necesita exactamente una opción correcta; tiene 2.',
    'Pregunta 4 ("essay"): "type" debe ser "single" o "multiple", no "essay"; options[0].text debe ser un texto no vacío; options[0].correct debe ser true o false; options[1] debe ser un objeto con un "text".',
    'Pregunta 10 ("plain"): el "id" "plain" ya lo usa otra pregunta.',
    'Pregunta 5 ("on-a-paragraph") está enlazada a una cuadrícula con id "status", pero ese es un <p>, no un <attention-lens>.',
    'Pregunta 6 ("on-nothing") está enlazada a una cuadrícula con id "missing", pero la página no tiene ningún <attention-lens> con ese id.',
    'Pregunta 7 ("no-word") no se puede plantear: la frase de la cuadrícula no tiene la palabra «elephant».',
  ]);
  assert.match((await listed('bad-json'))[0], /^Las preguntas no son JSON válido: /);
  assert.deepEqual(await listed('bad-bank'), ['Ninguna pregunta incluida tiene el tema o id "nonsense".']);
  assert.equal(await spanish.$eval('#mistakes', (quiz) => quiz.shadowRoot.querySelector('.problems p').textContent), 'Algunas preguntas no se pueden mostrar:');

  // The good questions draw and answer, in Spanish too.
  assert.deepEqual(await spanish.$$eval('#mistakes form', (forms) => forms.map((f) => f.dataset.id)), ['it-looks-at', 'plain']);
  await spanish.locator('#mistakes form[data-id="it-looks-at"] button[type="submit"]').click();
  assert.equal(await spanish.textContent('#mistakes form[data-id="it-looks-at"] .status'), 'Elige primero una respuesta.');
  await spanish.locator('#mistakes form[data-id="it-looks-at"] button.show').click();
  const feedback = await spanish.$$eval('#mistakes form[data-id="it-looks-at"] .option-feedback:not([hidden])', (notes) => notes.map((n) => n.textContent));
  assert.equal(feedback.length, 1);
  assert.match(feedback[0], /^Una respuesta correcta\. Correcto: «it» dedica el \d+\u00a0% de su atención a «\S+», más que a ninguna otra palabra\.$/);
  assert.match(await spanish.textContent('#mistakes form[data-id="it-looks-at"] .explanation'), /^La respuesta se lee de la cuadrícula/);
  await spanish.locator('#mistakes form[data-id="plain"] label', { hasText: 'sí' }).click();
  await spanish.locator('#mistakes form[data-id="plain"] button[type="submit"]').click();
  assert.match(await spanish.textContent('#mistakes form[data-id="plain"] .status'), /^¡Correcto!/);
  assert.equal(await spanish.textContent('#mistakes .progress'), 'Respuestas correctas: 1 de 2');

  await spanish.setViewportSize({ width: 800, height: 900 });
  await spanish.locator('#mistakes').screenshot({ path: join(SCREENSHOTS, 'quiz-errors-es.png') });
  assert.deepEqual(found, []);
  await spanish.close();
});
