// `npm run build` → dist/: served from a sub-path of another site, the page works and asks for
// nothing outside its own folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PROJECT_ROOT, collectProblems, serveAndLaunch } from './harness.mjs';

const SUB_PATH = '/courses/module-2/attention-lens/';

// Another site's tree, with a fresh dist/ mounted deep inside it.
const lab = serveAndLaunch({
  root: async () => {
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'build_scripts', 'build_dist.mjs')], { stdio: 'ignore' });
    const site = mkdtempSync(join(tmpdir(), 'lesson-site-'));
    mkdirSync(join(site, 'courses', 'module-2'), { recursive: true });
    symlinkSync(join(PROJECT_ROOT, 'dist'), join(site, 'courses', 'module-2', 'attention-lens'));
    return site;
  },
});

test('dist/ works from a sub-path and requests only its own files', async () => {
  const page = await lab.browser.newPage();
  const outside = [];
  const problems = collectProblems(page);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== new URL(lab.server.url).origin || !url.pathname.startsWith(SUB_PATH)) outside.push(request.url());
  });
  await page.goto(new URL(SUB_PATH, lab.server.url).href);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.getAttribute('body', 'data-ready'), 'true');
  assert.equal(await page.textContent('attention-lens .grid tbody tr.is-focus th'), 'it');
  assert.deepEqual(outside, []);
  assert.deepEqual(problems, []);
  await page.close();
});
