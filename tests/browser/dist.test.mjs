// `npm run build` → dist/: served from a sub-path of another site, the page works and asks for
// nothing outside its own folder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startStaticServer } from '../../build_scripts/static_server.mjs';
import { launchChromium } from '../../build_scripts/browser.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SUB_PATH = '/courses/module-2/attention-lens/';
let server;
let browser;

before(async () => {
  execFileSync(process.execPath, [join(root, 'build_scripts', 'build_dist.mjs')], { stdio: 'ignore' });
  // Another site's tree, with dist/ mounted deep inside it.
  const site = mkdtempSync(join(tmpdir(), 'lesson-site-'));
  mkdirSync(join(site, 'courses', 'module-2'), { recursive: true });
  symlinkSync(join(root, 'dist'), join(site, 'courses', 'module-2', 'attention-lens'));
  server = await startStaticServer({ root: site });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('dist/ works from a sub-path and requests only its own files', async () => {
  const page = await browser.newPage();
  const outside = [];
  const problems = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== new URL(server.url).origin || !url.pathname.startsWith(SUB_PATH)) outside.push(request.url());
  });
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.goto(new URL(SUB_PATH, server.url).href);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.getAttribute('body', 'data-ready'), 'true');
  assert.equal(await page.textContent('attention-lens .grid tbody tr.is-focus th'), 'it');
  assert.deepEqual(outside, []);
  assert.deepEqual(problems, []);
  await page.close();
});
