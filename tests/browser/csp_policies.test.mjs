// The Content-Security-Policies docs/embedding.md prints ("Under a Content-Security-Policy"):
// the dist/ folder's pages and the single-file page each work under theirs with nothing blocked,
// every source in them is needed (take one away and something is blocked or no grid is drawn),
// and the single file does not work under the folder's policy, because it is inline by design.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT, collectProblems, serveAndLaunch } from './harness.mjs';

const GUIDE = readFileSync(join(PROJECT_ROOT, 'docs', 'embedding.md'), 'utf8');
const FOLDER_POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'";
const SINGLE_FILE_POLICY = "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline' data:; img-src data:";
const SINGLE_FILE = 'attention-lens-standalone.html';

const lab = serveAndLaunch({
  root: async () => {
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'build_scripts', 'build_dist.mjs')], { stdio: 'ignore' });
    return join(PROJECT_ROOT, 'dist');
  },
});

/**
 * Opens `path` of dist/ with `policy` as its Content-Security-Policy header (added to every
 * response, as a server would), and reports what was blocked and whether the grid was drawn.
 */
async function openUnder(policy, path) {
  await lab.ready;
  const page = await lab.browser.newPage();
  const problems = collectProblems(page);
  await page.route('**/*', async (route) => {
    try {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
    } catch {
      // the page was closed while this file was on its way (a blocked page is closed early)
    }
  });
  await page.goto(`${lab.server.url}${path}`);
  // Ready, or a first thing blocked (then there is no need to wait for the rest), or neither
  // within the time (a blocked script never marks the page ready).
  let poll;
  const blocked = new Promise((resolve) => { poll = setInterval(() => problems.length && resolve(false), 50); });
  const ready = await Promise.race([
    page.waitForSelector('body[data-ready]', { timeout: 15_000 }).then(() => true, () => false),
    blocked,
  ]);
  clearInterval(poll);
  const rows = await page.$$eval('attention-lens .grid tbody tr', (found) => found.length);
  const close = async () => {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.close();
  };
  return { page, problems, close, works: ready && rows > 0 && problems.length === 0 };
}

// The policy with one source (or a whole directive) taken out, for each one it has.
function weakenings(policy) {
  const directives = policy.split('; ').map((directive) => directive.split(' '));
  return directives.flatMap(([name, ...sources], d) => (name === 'default-src' ? [] : sources.map((source) => {
    const kept = directives.map((directive, i) => (i === d ? directive.filter((word) => word !== source) : directive))
      .filter((directive) => directive.length > 1 || directive[0] === 'default-src');
    return { without: `${source} in ${name}`, policy: kept.map((directive) => directive.join(' ')).join('; ') };
  })));
}

test('docs/embedding.md prints both policies as they are tested here', () => {
  assert.ok(GUIDE.includes(`Content-Security-Policy: ${FOLDER_POLICY}`), 'the folder\'s policy');
  assert.ok(GUIDE.includes(`Content-Security-Policy: ${SINGLE_FILE_POLICY}`), 'the single file\'s policy');
  assert.match(GUIDE, /single file \(`attention-lens-standalone\.html`\) needs `'unsafe-inline'`/);
});

test('the folder\'s pages work under its policy, the grid exports, and nothing is blocked', async () => {
  for (const path of ['index.html', 'embed.html']) {
    const { page, problems, close, works } = await openUnder(FOLDER_POLICY, path);
    assert.deepEqual(problems, [], path);
    assert.ok(works, `${path} draws its grid`);
    if (path === 'index.html') {
      const exported = await page.evaluate(async () => {
        const lens = document.querySelector('attention-lens');
        return { png: (await lens.exportPng()).size, svg: lens.exportSvg().length };
      });
      assert.ok(exported.png > 2000 && exported.svg > 2000, `exports: ${JSON.stringify(exported)}`);
    }
    await close();
  }
});

test('the single file works under its policy (with \'unsafe-inline\'), not under the folder\'s', async () => {
  const inline = await openUnder(SINGLE_FILE_POLICY, SINGLE_FILE);
  assert.deepEqual(inline.problems, []);
  assert.ok(inline.works, 'draws its grid');
  assert.ok(await inline.page.$$eval('attention-quiz form', (forms) => forms.length) >= 2, 'and its quizzes');
  await inline.close();
  const strict = await openUnder(FOLDER_POLICY, SINGLE_FILE);
  assert.ok(!strict.works, 'the folder\'s policy blocks the single file');
  assert.ok(strict.problems.some((problem) => /inline script/.test(problem)), `blocked: ${strict.problems.join(' | ')}`);
  await strict.close();
});

test('every source in both policies is needed', async () => {
  // embed.html, the folder's lightest page, loads every kind of file the lesson page does.
  for (const [policy, path] of [[FOLDER_POLICY, 'embed.html'], [SINGLE_FILE_POLICY, SINGLE_FILE]]) {
    for (const { without, policy: weaker } of weakenings(policy)) {
      const { close, works } = await openUnder(weaker, path);
      assert.ok(!works, `${path} without ${without} still works: that source is not needed`);
      await close();
    }
  }
});
