// `npm run build` → dist/: served from a sub-path of another site under a strict
// Content-Security-Policy, the page works, loads its scripts bundled and asks for nothing
// outside its own folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT, collectProblems, serveAndLaunch, temporaryFolder } from './harness.mjs';
import { moduleScriptsOf } from '../../build_scripts/packaging/html_page.mjs';
import { firstGridFiles, watchFirstGrid } from '../../build_scripts/first_grid_files.mjs';

const SUB_PATH = '/courses/module-2/attention-lens/';
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// Another site's tree, with a fresh dist/ mounted deep inside it.
const lab = serveAndLaunch({
  root: async () => {
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'build_scripts', 'build_dist.mjs')], { stdio: 'ignore' });
    const site = temporaryFolder('lesson-site-');
    mkdirSync(join(site, 'courses', 'module-2'), { recursive: true });
    symlinkSync(join(PROJECT_ROOT, 'dist'), join(site, 'courses', 'module-2', 'attention-lens'));
    return site;
  },
  headers: { 'Content-Security-Policy': STRICT_CSP },
});

test('dist/ works from a sub-path under a strict CSP, bundled, and requests only its own files', async () => {
  const page = await lab.browser.newPage();
  const outside = [];
  const scripts = [];
  const failed = [];
  const problems = collectProblems(page);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== new URL(lab.server.url).origin || !url.pathname.startsWith(SUB_PATH)) outside.push(request.url());
    else if (/\.m?js$/.test(url.pathname)) scripts.push(url.pathname.slice(SUB_PATH.length));
  });
  page.on('response', (response) => { if (!response.ok()) failed.push(`${response.status()} ${response.url()}`); });
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname.slice(SUB_PATH.length)));
  await page.goto(new URL(SUB_PATH, lab.server.url).href);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.getAttribute('body', 'data-ready'), 'true');
  assert.equal(await page.textContent('attention-lens .grid tbody tr.is-focus th'), 'it');
  // The shadow root's stylesheet applied under style-src 'self'.
  const cellBackground = await page.$eval('attention-lens .grid tbody tr.is-focus td:nth-child(3)', (td) => getComputedStyle(td).backgroundColor);
  assert.notEqual(cellBackground, 'rgba(0, 0, 0, 0)');
  // Only bundles: the page's own module scripts, the chunks they share and the engine's glue;
  // no source module of web/src.
  // (The page's demo.js imports the quiz's and the sandbox's entries once the first grid is drawn.)
  const entryScripts = [...moduleScriptsOf(readFileSync(join(PROJECT_ROOT, 'dist', 'index.html'), 'utf8')), 'attention-quiz.js', 'attention-sandbox.js'];
  const unbundled = scripts.filter((path) => !entryScripts.includes(path) && !path.startsWith('chunks/') && path !== 'generated/attention_engine.mjs');
  assert.deepEqual(unbundled, []);
  // The page asks early for what its first grid needs (preload tags written by the build), and the
  // engine uses those responses: each of its files is requested once.
  const html = readFileSync(join(PROJECT_ROOT, 'dist', 'index.html'), 'utf8');
  for (const file of ['generated/attention_engine.mjs', 'generated/attention_engine.wasm', 'model/attention_lens_model.bin', 'styles/attention-lens.css']) {
    assert.match(html, new RegExp(`<link rel="(module)?preload" href="${file}"`), `index.html preloads ${file}`);
    assert.equal(requested.filter((path) => path === file).length, 1, `${file} is requested once`);
  }
  assert.deepEqual(outside, []);
  assert.deepEqual(failed, []);
  assert.deepEqual(problems, []);
  await page.close();
});

// The lesson's budget (issues 11 and 13): everything the page fetches until its first grid is
// drawn — page, styles, scripts, engine, weights — at most 150 KB gzipped (zlib level 9, what a
// compressing server sends). Bytes, not time, so this is exact on any machine.
const FIRST_GRID_BUDGET = 150 * 1024;
// More vocabulary may load after the first grid, when a sentence needs it; with it, and with
// every later part of the lesson, at most 300 KB gzipped.
const EVERYTHING_BUDGET = 300 * 1024;

test('the lesson page from dist/ fetches at most 150 KB gzipped before its first grid and 300 KB in all, in English and in Spanish', async (t) => {
  for (const lang of ['en', 'es']) {
    const page = await lab.browser.newPage();
    await watchFirstGrid(page);
    // The Spanish page: the same lesson with lang="es", as an author would translate it.
    if (lang === 'es') {
      await page.route('**/index.html*', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).replace(/<html lang="en"/, '<html lang="es"') });
      });
    }
    await page.goto(new URL(`${SUB_PATH}index.html`, lab.server.url).href);
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    const { files, gzipped } = await firstGridFiles(page, join(PROJECT_ROOT, 'dist'), SUB_PATH);
    const listed = files.map((file) => `${file.path} ${file.gzipped}`);
    for (const needed of ['index.html', 'attention-lens.js', 'generated/attention_engine.wasm', 'model/attention_lens_model.bin']) {
      assert.ok(files.some((file) => file.path === needed), `${needed} is among the files: ${listed}`);
    }
    t.diagnostic(`${lang}: ${(gzipped / 1024).toFixed(1)} KB gzipped before the first grid in ${files.length} files (${FIRST_GRID_BUDGET - gzipped} bytes under the limit)`);
    assert.ok(gzipped <= FIRST_GRID_BUDGET, `${lang}: ${gzipped} bytes gzipped > ${FIRST_GRID_BUDGET}: ${listed.join(', ')}`);
    // ...and the rest of the lesson still arrives: the quick checks are drawn.
    await page.waitForFunction(() => customElements.get('attention-quiz') && document.querySelector('attention-quiz').shadowRoot?.querySelector('fieldset'));
    // Everything, once a learner has typed a sentence of everyday words (the word readings) and
    // the lesson's later parts have loaded: at most 300 KB gzipped (issue 11 §5).
    await page.evaluate(() => document.querySelector('attention-lens').setAttribute('sentence', 'My grandmother baked bread in the kitchen'));
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/word_readings.tsv')) &&
      !document.querySelector('attention-lens').shadowRoot.querySelector('.sentence .word.unknown'));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(() => customElements.get('attention-sandbox'));
    const everything = await firstGridFiles(page, join(PROJECT_ROOT, 'dist'), SUB_PATH, { all: true });
    t.diagnostic(`${lang}: ${(everything.gzipped / 1024).toFixed(1)} KB gzipped in all, ${everything.files.length} files`);
    assert.ok(everything.gzipped <= EVERYTHING_BUDGET,
      `${lang}: ${everything.gzipped} bytes gzipped in all > ${EVERYTHING_BUDGET}: ${everything.files.map((file) => `${file.path} ${file.gzipped}`).join(', ')}`);
    await page.close();
  }
});
