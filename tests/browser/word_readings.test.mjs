// Everyday words in <attention-lens> (issue 11 §1): the lesson's sentences draw without the word
// readings; a sentence with words the model has no row for fetches them once, and those words are
// then read by their kinds (not marked unknown, a title saying the kind); if the file cannot be
// fetched the grid is still drawn, with those words marked unknown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { openLabPage, serveAndLaunch } from './harness.mjs';

const lab = serveAndLaunch();
const PATH = 'tests/browser/fixtures/word_readings.html';
const READINGS = /\/generated\/word_readings\.tsv$/;
let page;
let problems;
let close;
const readingsRequests = [];

before(async () => {
  await lab.ready;
  ({ page, problems, close } = await openLabPage(lab, { path: PATH }));
});
after(async () => {
  assert.deepEqual(problems, []);
  await close();
});

const wordsOf = (id) => page.$$eval(`#${id}`, ([lens]) => [...lens.shadowRoot.querySelectorAll('.sentence .word')]
  .map((button) => ({ text: button.textContent, unknown: button.classList.contains('unknown'), title: button.title })));

// Sets a lens's sentence and waits until its words are drawn (a grid is drawn once its words
// are read: after the word readings arrived or failed to).
async function setSentence(id, sentence, target = page) {
  await target.evaluate(([id, sentence]) => document.getElementById(id).setAttribute('sentence', sentence), [id, sentence]);
  await target.waitForFunction(([id, words]) => {
    const buttons = document.getElementById(id).shadowRoot.querySelectorAll('.sentence .word');
    return [...buttons].map((button) => button.textContent).join(' ') === words;
  }, [id, sentence.split(' ').join(' ')]);
}

test('the lesson\'s sentences draw without fetching the word readings', async () => {
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  assert.equal(fetched.filter((url) => READINGS.test(url)).length, 0, fetched.join('\n'));
  assert.ok((await wordsOf('lesson')).every((word) => !word.unknown && word.title === ''));
});

test('a typed sentence with everyday words fetches the readings once and reads the words by their kinds', async () => {
  page.on('request', (request) => { if (READINGS.test(request.url())) readingsRequests.push(request.url()); });
  await Promise.all([
    setSentence('lesson', 'The antelope walked to the kitchen because it was sleepy'),
    setSentence('typed', 'Lucy ate the cucumber sandwich in the garden'),
  ]);
  assert.equal(readingsRequests.length, 1, readingsRequests.join('\n'));
  const lesson = await wordsOf('lesson');
  const antelope = lesson.find((word) => word.text === 'antelope');
  assert.deepEqual(antelope, { text: 'antelope', unknown: false, title: 'The model knows this word only by its kind: an animal (noun.animal)' });
  assert.ok(lesson.every((word) => !word.unknown), JSON.stringify(lesson));
  // In the element's language.
  const lucy = (await wordsOf('typed')).find((word) => word.text === 'Lucy');
  assert.deepEqual(lucy, { text: 'Lucy', unknown: false, title: 'El modelo conoce esta palabra solo por su clase: un nombre de mujer (name.female)' });
  // The grid is the model's attention on those words: every row sums to 1.
  const sums = await page.$eval('#lesson', (lens) => {
    const { average } = lens.analysis.layers.at(-1);
    return Array.from({ length: average.rows }, (_, i) => average.data.slice(i * average.cols, (i + 1) * average.cols).reduce((a, b) => a + b, 0));
  });
  assert.ok(sums.every((sum) => Math.abs(sum - 1) < 1e-5), sums.join(', '));
  // A word in no class stays unknown, said as before.
  await setSentence('lesson', 'The antelope saw a flibbertigibbetzz');
  const made = (await wordsOf('lesson')).find((word) => word.text === 'flibbertigibbetzz');
  assert.deepEqual(made, { text: 'flibbertigibbetzz', unknown: true, title: 'The model does not know this word' });
  assert.equal(readingsRequests.length, 1);
});

test('when the readings cannot be fetched, the grid is still drawn with those words unknown', async () => {
  const context = await lab.browser.newContext();
  const failing = await context.newPage();
  const errors = [];
  failing.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await failing.route(READINGS, (route) => route.fulfill({ status: 404, body: 'not here' }));
  await failing.goto(`${lab.server.url}${PATH}`);
  await failing.waitForSelector('body[data-ready]');
  await setSentence('lesson', 'The antelope walked to the kitchen', failing);
  const words = await failing.$eval('#lesson', (lens) => [...lens.shadowRoot.querySelectorAll('.sentence .word')]
    .map((button) => [button.textContent, button.classList.contains('unknown')]));
  assert.deepEqual(words.find(([text]) => text === 'antelope'), ['antelope', true]);
  assert.ok(await failing.$eval('#lesson', (lens) => Boolean(lens.shadowRoot.querySelector('.grid'))));
  assert.ok(errors.some((text) => /could not load its word readings/.test(text)), errors.join('\n'));
  await context.close();
});
