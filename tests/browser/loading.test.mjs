// Before the engine arrives: the element holds its place at once with the sentence's words and
// the grid's empty frame, shows how much has arrived on a slow link, and nothing below it moves
// when the grid is drawn. The link is slowed with Chromium's network emulation (400 kbit/s).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { stringsFor } from '../../web/src/strings.js';
import { SCREENSHOTS, collectProblems, serveAndLaunch } from './harness.mjs';

const lab = serveAndLaunch();

const SENTENCE = "The animal didn't cross the street because it was too tired";
const WORDS = ['The', 'animal', "didn't", 'cross', 'the', 'street', 'because', 'it', 'was', 'too', 'tired'];

// A lesson part as index.html has them: a grid (editable, the average of the heads), then a quiz.
function lessonPage(lang, lensAttributes) {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Lesson</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/web/favicon.svg">
<script type="module" src="/web/attention-lens.js"></script>
<script type="module" src="/web/attention-quiz.js"></script></head>
<body><main>
<h1>Attention</h1>
<attention-lens id="lens" ${lensAttributes} sentence="${SENTENCE}" focus="it"></attention-lens>
<attention-quiz id="quiz" bank="why-scale" no-storage></attention-quiz>
</main></body></html>`;
}

// The shadow root's stylesheet has applied (the skeleton is laid out as the grid will be).
const styled = () => {
  const root = document.getElementById('lens').shadowRoot;
  const sentence = root?.querySelector('.sentence');
  return Boolean(sentence) && getComputedStyle(sentence).display === 'flex' && Boolean(document.getElementById('quiz').shadowRoot?.querySelector('form'));
};

for (const { lang, attributes, width } of [
  { lang: 'en', attributes: 'editable', width: 1280 },
  { lang: 'es', attributes: 'editable', width: 1280 },
  { lang: 'en', attributes: 'head="1" controls="head scaling"', width: 1280 },
  { lang: 'en', attributes: 'editable', width: 360 },
  { lang: 'es', attributes: 'editable', width: 360 },
  // The lines view's skeleton: its two columns of words, without lines.
  { lang: 'en', attributes: 'view="lines"', width: 360 },
]) {
  test(`lang="${lang}", ${attributes}, ${width} px, 400 kbit/s: the words at once, a progress bar, and no layout jump when the grid arrives`, async () => {
    await lab.ready;
    const text = stringsFor(lang);
    const context = await lab.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const problems = collectProblems(page);
    try {
      const url = `${lab.server.url}loading-${lang}.html`;
      await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: lessonPage(lang, attributes) }));
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      // ≈ 400 kbit/s down, 100 ms round trip: the engine and the weights take seconds.
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 100, downloadThroughput: 50_000, uploadThroughput: 50_000 });
      await page.goto(url, { waitUntil: 'commit' });

      await page.waitForFunction(styled, null, { polling: 50, timeout: 60_000 });
      assert.equal(await page.$$eval('#lens .grid tbody tr.is-focus', (rows) => rows.length), 0, 'still loading: the grid is not drawn yet');
      assert.deepEqual(await page.$$eval('#lens .sentence .word', (words) => words.map((word) => word.textContent)), WORDS);
      if (attributes.includes('lines')) {
        assert.deepEqual(await page.$$eval('#lens .lines-words.looked-at li', (words) => words.map((word) => word.textContent)), WORDS);
        assert.equal(await page.$$eval('#lens .lines-svg line', (lines) => lines.length), 0, 'no lines before the engine');
      }
      const before = await page.evaluate(() => ({
        quiz: document.getElementById('quiz').getBoundingClientRect().top,
        lens: document.getElementById('lens').getBoundingClientRect().height,
      }));
      assert.ok(before.lens > 300, `the element holds its place at once: ${before.lens} px`);
      assert.ok((await page.textContent('#lens .loading span')).startsWith(text.loading), 'it says it is loading, in the page\'s language');

      // A bar that moves: part of the files has arrived, and the text says how much, in the page's language.
      await page.waitForFunction(() => {
        const bar = document.getElementById('lens').shadowRoot.querySelector('.loading progress');
        return bar && bar.hasAttribute('value') && bar.value > 0 && bar.value < 1;
      }, null, { polling: 50, timeout: 60_000 });
      const percentShown = await page.textContent('#lens .loading span');
      assert.match(percentShown, lang === 'es' ? /^Cargando el motor de atención… \d+\u00a0%$/ : /^Loading the attention engine… \d+%$/);
      if (width === 1280 && lang === 'en' && attributes === 'editable') {
        await page.screenshot({ path: join(SCREENSHOTS, 'loading-skeleton.png') });
      }

      await page.waitForSelector('#lens .grid tbody tr.is-focus th', { timeout: 120_000 });
      const after = await page.evaluate(() => ({
        quiz: document.getElementById('quiz').getBoundingClientRect().top,
        lens: document.getElementById('lens').getBoundingClientRect().height,
      }));
      console.log(`  ${lang} ${attributes} ${width}px: quiz top ${before.quiz.toFixed(1)} → ${after.quiz.toFixed(1)} px; element ${before.lens.toFixed(1)} → ${after.lens.toFixed(1)} px; progress shown "${percentShown}"`);
      assert.ok(Math.abs(after.quiz - before.quiz) < 1, `the quiz moved from ${before.quiz} to ${after.quiz} px`);
      assert.equal(await page.$$eval('#lens .loading', (nodes) => nodes.length), 0, 'the progress is gone');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
