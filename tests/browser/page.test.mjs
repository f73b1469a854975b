// The lesson page in real headless Chromium: its first grid renders from the engine, hovering
// or tabbing to a word lights its row, and screenshots are saved to test-results/ to look at.
// (The lesson's parts, its N² lab and its print view: lesson.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { PROJECT_ROOT, SCREENSHOTS, openLabPage, serveAndLaunch } from './harness.mjs';

const screenshots = SCREENSHOTS;
const lab = serveAndLaunch({ root: join(PROJECT_ROOT, 'web') });

// Opens the page; it must say it is ready, not that the engine failed.
async function openPage(viewport = { width: 1280, height: 900 }, colorScheme = 'light') {
  const opened = await openLabPage(lab, { viewport, colorScheme });
  assert.equal(await opened.page.getAttribute('body', 'data-ready'), 'true', await opened.page.textContent('#status'));
  return opened;
}

const focusedRowLabel = (page) => page.textContent('#lesson-lens .grid tbody tr.is-focus th');

test('the page renders a grid computed by the engine, every row summing to 1', async () => {
  const { page, problems, close } = await openPage();
  const words = await page.$$eval('#lesson-lens .sentence .word', (buttons) => buttons.map((b) => b.textContent));
  assert.deepEqual(words, ['The', 'animal', "didn't", 'cross', 'the', 'street', 'because', 'it', 'was', 'too', 'tired']);
  const rowCount = await page.$$eval('#lesson-lens .grid tbody tr', (rows) => rows.length);
  assert.equal(rowCount, words.length);
  const cellsPerRow = await page.$$eval('#lesson-lens .grid tbody tr', (rows) => rows.map((r) => r.querySelectorAll('td:not(.row-sum)').length));
  assert.ok(cellsPerRow.every((count) => count === words.length));
  const sums = await page.$$eval('#lesson-lens .grid tbody .row-sum', (cells) => cells.map((c) => c.textContent));
  assert.ok(sums.every((sum) => sum === '1.00'), `row sums: ${sums}`);
  // The weights are real numbers from the engine, not all equal.
  const shown = await page.$$eval('#lesson-lens .grid tbody td:not(.row-sum)', (cells) => new Set(cells.map((c) => c.textContent)).size);
  assert.ok(shown > 5);
  assert.match(await page.textContent('#model-notice'), /tiny model that learned this/);
  // The trained model resolves "it" to "animal" (the lesson's point).
  const itRow = await page.$$eval('#lesson-lens .grid tbody tr.is-focus td:not(.row-sum)', (cells) => cells.map((c) => Number(c.textContent)));
  assert.equal(words[itRow.indexOf(Math.max(...itRow))], 'animal');
  assert.equal(await focusedRowLabel(page), 'it', 'the page opens focused on "it"');
  assert.deepEqual(problems, []);
  await close();
});

test('hovering a word lights its row and colours the sentence', async () => {
  const { page, problems, close } = await openPage();
  await page.hover('#lesson-lens .grid tbody th >> text="animal"');
  assert.equal(await focusedRowLabel(page), 'animal');
  assert.equal(await page.$$eval('#lesson-lens .grid tbody tr.is-focus', (rows) => rows.length), 1);

  await page.hover('#lesson-lens .sentence .word >> text="street"');
  assert.equal(await focusedRowLabel(page), 'street');
  const sentenceWeights = await page.$$eval('#lesson-lens .sentence .word', (words) => words.map((w) => Number(w.style.getPropertyValue('--weight'))));
  assert.ok(Math.abs(sentenceWeights.reduce((a, b) => a + b, 0) - 1) < 0.01, `sentence highlights sum to ${sentenceWeights}`);
  assert.match(await page.textContent('#lesson-lens .summary'), /“street” looks most at:/);
  await page.screenshot({ path: `${screenshots}index-1280.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await close();
});

test('the keyboard reaches every word, and a click pins the focus until Escape', async () => {
  const { page, problems, close } = await openPage({ width: 360, height: 800 });
  await page.focus('#lesson-lens .sentence .word >> text="The"');
  assert.equal(await focusedRowLabel(page), 'The');
  await page.keyboard.press('ArrowRight');  // the sentence is one Tab stop; arrows walk it
  assert.equal(await focusedRowLabel(page), 'animal');

  await page.click('#lesson-lens .sentence .word >> text="tired"');
  await page.hover('#lesson-lens .grid tbody th >> text="cross"');
  assert.equal(await focusedRowLabel(page), 'tired', 'a pinned word keeps its row while hovering elsewhere');
  await page.keyboard.press('Escape');
  await page.hover('#lesson-lens .grid tbody th >> text="because"');
  assert.equal(await focusedRowLabel(page), 'because');
  await page.screenshot({ path: `${screenshots}index-360.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await close();
});

test('in Chromium too, bad input gives an Error with the engine\'s message and the engine keeps working', async () => {
  const { page, problems, close } = await openPage();
  const outcome = await page.evaluate(async () => {
    const { loadEngine, matrix } = await import('./src/engine.js');
    const engine = await loadEngine();
    let message = null;
    try {
      engine.attention(matrix(1, 2, [1, 2]), matrix(1, 3, [1, 2, 3]), matrix(1, 1, [1]));
    } catch (error) {
      message = error instanceof Error ? error.message : `not an Error: ${error}`;
    }
    const after = engine.attention(matrix(1, 1, [1]), matrix(2, 1, [1, 2]), matrix(2, 1, [3, 4]));
    return { message, rows: after.weights.rows };
  });
  assert.match(outcome.message, /Q and K must have the same number of columns d_k.*Q is 1×2 and K is 1×3/);
  assert.equal(outcome.rows, 1);
  assert.deepEqual(problems, []);
  await close();
});

test('dark mode at 360 px and 1280 px: screenshots, and the page never scrolls sideways', async () => {
  for (const width of [360, 1280]) {
    const { page, problems, close } = await openPage({ width, height: 900 }, 'dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(background, 'rgb(255, 255, 255)', 'the page follows prefers-color-scheme: dark');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await page.screenshot({ path: `${screenshots}index-dark-${width}.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await close();
  }
});

test('a shared link restores the sentence, layer, head and focus, and the link follows the view', async () => {
  const context = await lab.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const view = new URLSearchParams({ sentence: 'The bank by the river was steep', layer: '1', head: '3', focus: 'river' });
  await page.goto(`${lab.server.url}#${view}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => document.getElementById('lesson-lens').shadowRoot.querySelector('.grid tbody tr.is-focus th')?.textContent === 'river');
  assert.equal(await page.$eval('#lesson-lens select.layer', (s) => s.value), '1');
  assert.equal(await page.$eval('#lesson-lens select.head', (s) => s.value), '3');
  await page.hover('#lesson-lens .sentence .word >> text="steep"');
  const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
  assert.equal(hash.get('focus'), 'steep');
  assert.equal(hash.get('sentence'), 'The bank by the river was steep');
  assert.equal(hash.get('head'), '3');
  await context.close();
});
