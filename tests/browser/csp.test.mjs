// The page under the strict Content-Security-Policy a careful lesson platform sets: no inline
// script or style, no eval; WebAssembly allowed to compile. Nothing may be blocked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { PROJECT_ROOT, collectProblems, serveAndLaunch } from './harness.mjs';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const lab = serveAndLaunch({ root: join(PROJECT_ROOT, 'web'), headers: { 'Content-Security-Policy': STRICT_CSP } });

test('the page, the grid and the quiz work under a strict Content-Security-Policy', async () => {
  const page = await lab.browser.newPage();
  const problems = collectProblems(page);
  const response = await page.goto(lab.server.url);
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.getAttribute('body', 'data-ready'), 'true');
  assert.equal(await page.$$eval('#lesson-lens .grid tbody tr', (rows) => rows.length), 11);
  // The stylesheet inside the shadow root applied (a CSP block would leave the cells unstyled).
  const cellBackground = await page.$eval('#lesson-lens .grid tbody tr.is-focus td:nth-child(3)', (td) => getComputedStyle(td).backgroundColor);
  assert.notEqual(cellBackground, 'rgba(0, 0, 0, 0)');
  assert.ok(await page.$$eval('attention-quiz form', (forms) => forms.length) >= 2);
  // Export of the current view, PNG and SVG, also under the policy.
  const exported = await page.evaluate(async () => {
    const lens = document.getElementById('lesson-lens');
    const png = await lens.exportPng();
    const svg = lens.exportSvg();
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return { pngType: png.type, pngBytes: png.size, svgOk: !parsed.querySelector('parsererror'), rects: parsed.querySelectorAll('rect').length };
  });
  assert.equal(exported.pngType, 'image/png');
  assert.ok(exported.pngBytes > 2000, `PNG of ${exported.pngBytes} bytes`);
  assert.ok(exported.svgOk);
  assert.equal(exported.rects, 1 + 11 * 11);  // the background and one cell per weight
  assert.deepEqual(problems, [], 'nothing was blocked');
  await page.close();
});
