// dist/attention-lens-standalone.html: the lesson page in one file. Copied alone into an empty
// folder and opened from disk (file://), as a teacher would after downloading it, it computes
// the grid, runs the quiz and asks for nothing but itself; a damaged copy says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { PROJECT_ROOT, SCREENSHOTS, collectProblems, serveAndLaunch, temporaryFolder } from './harness.mjs';

const STANDALONE = 'attention-lens-standalone.html';

const lab = serveAndLaunch({
  serve: false,
  root: async () => {
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'build_scripts', 'build_dist.mjs')], { stdio: 'ignore' });
    const folder = temporaryFolder('downloaded-lesson-');
    copyFileSync(join(PROJECT_ROOT, 'dist', STANDALONE), join(folder, STANDALONE));
    return folder;
  },
});

// Opens a file of the folder from disk, recording every request the page makes.
async function openFromDisk(name) {
  const page = await lab.browser.newPage({ viewport: { width: 1100, height: 1400 } });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const problems = collectProblems(page);
  const url = pathToFileURL(join(lab.folder, name)).href;
  await page.goto(url);
  await page.waitForSelector('body[data-ready]');
  return { page, url, requests, problems };
}

test('opened from disk, the single file computes the grid, runs the quiz and requests nothing else', async () => {
  const { page, url, requests, problems } = await openFromDisk(STANDALONE);
  assert.equal(await page.getAttribute('body', 'data-ready'), 'true');

  // The first grid, with the model's numbers: every row of weights sums to 1, on screen and in
  // the analysis, and the focused word attends to one word far more than to the average one.
  const grid = await page.$eval('attention-lens', (lens) => {
    const { tokens, layers } = lens.analysis;
    const n = tokens.length;
    const weights = layers[layers.length - 1].average.data;
    const rowSums = Array.from({ length: n }, (_, q) => weights.slice(q * n, (q + 1) * n).reduce((a, b) => a + b, 0));
    const focus = lens.shadowRoot.querySelector('.grid tbody tr.is-focus');
    const focusIndex = [...focus.parentElement.children].indexOf(focus);
    return {
      n,
      rows: lens.shadowRoot.querySelectorAll('.grid tbody tr').length,
      shownSums: [...lens.shadowRoot.querySelectorAll('.grid tbody td.row-sum')].map((td) => td.textContent),
      rowSums,
      focusMax: Math.max(...weights.slice(focusIndex * n, (focusIndex + 1) * n)),
      cellBackground: getComputedStyle(lens.shadowRoot.querySelector('.grid tbody tr.is-focus td:nth-child(3)')).backgroundColor,
    };
  });
  assert.ok(grid.n >= 5, `${grid.n} tokens`);
  assert.equal(grid.rows, grid.n);
  assert.deepEqual(grid.shownSums, Array(grid.n).fill('1.00'));
  for (const sum of grid.rowSums) assert.ok(Math.abs(sum - 1) < 1e-5, `a row sums to ${sum}`);
  assert.ok(grid.focusMax > 3 / grid.n, `the focused word's strongest weight is ${grid.focusMax}`);
  // The shadow root's stylesheet, inlined, applied.
  assert.notEqual(grid.cellBackground, 'rgba(0, 0, 0, 0)');

  // A quiz question: choose, check, get a verdict and feedback.
  const form = page.locator('attention-quiz form').first();
  await form.locator('input').first().check();
  await form.locator('button[type="submit"]').click();
  assert.match(await form.locator('.verdict').textContent(), /Correct|Not quite/);

  await page.screenshot({ path: join(SCREENSHOTS, 'standalone-file.png') });
  assert.deepEqual(requests, [url], 'the page asked for nothing but itself');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a damaged copy says so instead of showing nothing, and still requests nothing else', async () => {
  // Ten characters of the inlined wasm changed, as a text-mangling program might: still base64,
  // of the right length, but not the engine that was built.
  const html = readFileSync(join(lab.folder, STANDALONE), 'utf8');
  const wasmStart = html.indexOf('AGFzbQ');  // "\0asm", the start of every WebAssembly module in base64
  assert.ok(wasmStart > 0, 'the page carries the wasm as base64');
  const at = wasmStart + 5000;
  const damaged = `${html.slice(0, at)}${html.slice(at, at + 10) === 'AAAAAAAAAA' ? 'BBBBBBBBBB' : 'AAAAAAAAAA'}${html.slice(at + 10)}`;
  writeFileSync(join(lab.folder, 'damaged.html'), damaged);

  const { page, url, requests, problems } = await openFromDisk('damaged.html');
  assert.equal(await page.getAttribute('body', 'data-ready'), 'error');
  // The learner reads what to do; which file and how it is damaged is for the console.
  const message = await page.$eval('attention-lens', (lens) => lens.shadowRoot.querySelector('.error[role="alert"]')?.textContent);
  assert.match(message ?? '', /damaged.*Download attention-lens-standalone\.html again/s);
  assert.ok(problems.some((line) => /attention_engine\.wasm.*damaged.*checksum/s.test(line)), problems.join(' | '));
  assert.deepEqual(requests, [url]);
  await page.close();
});
