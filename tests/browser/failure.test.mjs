// When the widget's files do not arrive or the engine fails: the learner reads why in the page's
// language with a Retry button, never Emscripten's or the network's developer text (that goes
// to the console), and Retry draws the grid once the file comes through.
// Each failure is made by routing the request in Playwright, on a page in English and in Spanish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { stringsFor } from '../../web/src/strings.js';
import { SCREENSHOTS, serveAndLaunch } from './harness.mjs';

const lab = serveAndLaunch();

const MODULE = '**/web/generated/attention_engine.mjs';
const WASM = '**/web/generated/attention_engine.wasm';
const WEIGHTS = '**/web/model/attention_lens_model.bin';

// Each way a load can fail: the request to break, how, and which message the learner reads.
const FAILURES = [
  { name: 'the engine module answers 404', url: MODULE, said: 'loadFailed', handle: (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }) },
  { name: 'the engine module is blocked (network error)', url: MODULE, said: 'loadFailed', handle: (route) => route.abort('blockedbyclient') },
  { name: 'the engine module comes with the wrong MIME type', url: MODULE, said: 'loadFailed', handle: wrongMimeType },
  { name: 'the .wasm answers 404', url: WASM, said: 'loadFailed', handle: (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }) },
  { name: 'the weights answer 404', url: WEIGHTS, said: 'loadFailed', handle: (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }) },
  { name: 'the weights fail on the network', url: WEIGHTS, said: 'loadFailed', handle: (route) => route.abort('failed') },
  // A server that answers every path with its home page: the engine gets HTML for weights.
  { name: 'the engine refuses what came as weights', url: WEIGHTS, said: 'engineFailed', handle: (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Home</title>' }) },
];

// The real file as text/plain, without its validators (ETag, Last-Modified): with them the
// browser would keep this copy and, once the route is gone, revalidate it (304) instead of
// fetching the file anew, as the retry below needs.
async function wrongMimeType(route) {
  const response = await route.fetch();
  const headers = { ...response.headers(), 'content-type': 'text/plain' };
  delete headers.etag;
  delete headers['last-modified'];
  await route.fulfill({ response, headers });
}

// Developer text that must never reach the learner's screen.
const DEVELOPER_TEXT = /Aborted|ASSERTIONS|Failed to fetch|dynamically imported|Could not load|server answered|MIME|wasm|RuntimeError|TypeError|https?:/i;

// A lesson page in `lang`, served by a route so that each language needs no fixture file.
function lessonPage(lang) {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>Lesson</title>
<link rel="icon" href="/web/favicon.svg">
<script type="module" src="/web/attention-lens.js"></script></head>
<body><main>
<attention-lens id="first" sentence="The animal didn't cross the street because it was too tired" focus="it"></attention-lens>
<attention-lens id="second" sentence="The bank by the river was steep" focus="bank"></attention-lens>
</main></body></html>`;
}

async function openBroken(lang, failure) {
  await lab.ready;
  const context = await lab.browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  const consoleText = [];
  const pageErrors = [];
  page.on('console', (message) => consoleText.push(message.text()));
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  const pageUrl = `${lab.server.url}lesson-${lang}.html`;
  await page.route(pageUrl, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: lessonPage(lang) }));
  await page.route(failure.url, failure.handle);
  await page.goto(pageUrl);
  return { context, page, consoleText, pageErrors };
}

for (const lang of ['en', 'es']) {
  const text = stringsFor(lang);
  for (const failure of FAILURES) {
    test(`lang="${lang}": ${failure.name} — the learner reads why and can retry; the detail is in the console`, async () => {
      const { context, page, consoleText, pageErrors } = await openBroken(lang, failure);
      try {
        for (const id of ['first', 'second']) {
          await page.waitForSelector(`#${id} .failure .retry`);
          assert.equal(await page.textContent(`#${id} .failure .error`), text[failure.said]);
          assert.equal(await page.textContent(`#${id} .failure .retry`), text.retry);
          const shown = await page.$eval(`#${id}`, (lens) => lens.shadowRoot.textContent);
          assert.doesNotMatch(shown, DEVELOPER_TEXT, `developer text on screen: ${shown}`);
        }
        assert.ok(consoleText.some((line) => line.startsWith('Attention Lens could not draw its grid')), `the console says why: ${consoleText.join(' | ')}`);
        assert.deepEqual(pageErrors, [], 'no uncaught error');
        if (lang === 'es' && failure === FAILURES[0]) {
          await page.screenshot({ path: join(SCREENSHOTS, 'failure-es.png') });
        }

        // The file comes through again: one Retry redraws every element the failure stopped.
        await page.unroute(failure.url);
        await page.click('#first .failure .retry');
        for (const id of ['first', 'second']) {
          await page.waitForSelector(`#${id} .grid tbody tr.is-focus th`);
          assert.equal(await page.$$eval(`#${id} .failure`, (nodes) => nodes.length), 0);
        }
        assert.equal(await page.textContent('#first .grid tbody tr.is-focus th'), 'it');
        assert.equal(await page.textContent('#second .grid tbody tr.is-focus th'), 'bank');
        // The keyboard is where the Retry button was: on the grid's focused word.
        assert.equal(await page.evaluate(() => document.activeElement?.id === 'first' && document.getElementById('first').shadowRoot.activeElement?.textContent), 'it');
      } finally {
        await context.close();
      }
    });
  }
}

test('Retry that fails again keeps the message and the button, and the next Retry still works', async () => {
  const failure = FAILURES[4];
  const { context, page, consoleText } = await openBroken('en', failure);
  const reports = () => consoleText.filter((line) => line.startsWith('Attention Lens could not draw its grid')).length;
  try {
    await page.waitForSelector('#first .failure .retry');
    await page.waitForSelector('#second .failure .retry');
    assert.equal(reports(), 2);
    await page.click('#first .failure .retry');
    // The retry is its own load for both elements: it fails too (the route still answers 404),
    // and each says so again, with a new button.
    while (reports() < 4) await page.waitForTimeout(50);
    await page.waitForSelector('#first .failure .retry');
    // Failed again: the keyboard is on the new Retry button.
    await page.waitForFunction(() => document.getElementById('first').shadowRoot.activeElement?.classList.contains('retry'));
    assert.equal(await page.textContent('#second .failure .error'), stringsFor('en').loadFailed);
    await page.unroute(failure.url);
    await page.click('#first .failure .retry');
    await page.waitForSelector('#first .grid tbody tr.is-focus th');
    await page.waitForSelector('#second .grid tbody tr.is-focus th');
  } finally {
    await context.close();
  }
});
