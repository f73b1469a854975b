// The .h5p that `npm run build` writes, played by h5p-standalone (an H5P player built on H5P's
// own core scripts) in Chromium: the lesson draws inside the H5P content, each checked question
// sends an xAPI "answered" statement with the lesson's score through H5P.externalDispatcher
// (where Moodle and the WordPress plugin read it), the last one a "completed"; every statement
// passes xapi-validation; the content's saved state brings the answers back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { unzip } from '../node/zip_read.mjs';
import { assertValidStatement } from '../node/xapi_check.mjs';
import { PROJECT_ROOT, SCREENSHOTS, answerQuizQuestion, collectProblems, quizQuestionsOf, serveAndLaunch, temporaryFolder } from './harness.mjs';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'browser', 'fixtures');
let files;

// A host's site: its page (h5p_host.html), the player under player/, the package unpacked under h5p/.
const lab = serveAndLaunch({
  root: async () => {
    // Its own copy of dist/, with its own mastery score: the shared dist/ is rebuilt by other test
    // files running beside this one.
    const built = join(temporaryFolder('dist-'), 'dist');
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'build_scripts', 'build_dist.mjs')], { stdio: 'ignore', env: { ...process.env, ATTENTION_LENS_MASTERY_SCORE: '60', ATTENTION_LENS_DIST: built } });
    files = unzip(readFileSync(join(built, 'attention-lens.h5p')));
    const site = temporaryFolder('h5p-host-');
    for (const [name, bytes] of files) {
      mkdirSync(dirname(join(site, 'h5p', name)), { recursive: true });
      writeFileSync(join(site, 'h5p', name), bytes);
    }
    cpSync(join(PROJECT_ROOT, 'node_modules', 'h5p-standalone', 'dist'), join(site, 'player'), { recursive: true });
    for (const name of ['h5p_host.html', 'h5p_host.js']) copyFileSync(join(FIXTURES, name), join(site, name));
    return site;
  },
});

test('the package: h5p.json names the library it carries; the author\'s pass percentage is in the content', async () => {
  await lab.ready;
  const h5p = JSON.parse(files.get('h5p.json'));
  assert.equal(h5p.mainLibrary, 'H5P.AttentionLens');
  assert.deepEqual(h5p.preloadedDependencies, [{ machineName: 'H5P.AttentionLens', majorVersion: '1', minorVersion: '0' }]);
  const library = JSON.parse(files.get('H5P.AttentionLens-1.0/library.json'));
  assert.deepEqual(library.preloadedJs, [{ path: 'attention-lens-h5p.js' }]);
  assert.ok(files.has('H5P.AttentionLens-1.0/attention-lens-h5p.js'));
  assert.deepEqual(JSON.parse(files.get('content/content.json')), { title: 'Attention, step by step — Attention Lens', passPercentage: 60 });
});

// The lesson's frame inside H5P's frame.
async function lessonFrame(page) {
  await page.waitForFunction(() => window.h5pStarted || window.h5pError, null, { timeout: 60_000 });
  assert.equal(await page.evaluate(() => window.h5pError), null);
  const h5pFrame = await (await page.waitForSelector('iframe.h5p-iframe')).contentFrame();
  const lesson = await (await h5pFrame.waitForSelector('.h5p-attention-lens iframe')).contentFrame();
  await lesson.waitForSelector('body[data-ready]');
  return { h5pFrame, lesson };
}

test('played in h5p-standalone: a scored answered statement per check, then completed with success, all valid; the saved state resumes', async () => {
  await lab.ready;
  const context = await lab.browser.newContext({ viewport: { width: 1200, height: 1000 } });
  const page = await context.newPage();
  const problems = collectProblems(page);
  await page.goto(`${lab.server.url}h5p_host.html`);
  const { h5pFrame, lesson } = await lessonFrame(page);
  const questions = await quizQuestionsOf(lesson);
  const total = questions.length;
  assert.ok(total >= 10);
  // All right but the first: (total - 1) of total, above the pass percentage of 60.
  for (const [index, [quiz, question]] of questions.entries()) await answerQuizQuestion(lesson, quiz, question, index > 0);
  await page.waitForFunction((n) => window.statements.length >= n, total + 1);
  const statements = await page.evaluate(() => window.statements);
  for (const [i, statement] of statements.entries()) assertValidStatement(statement, `statement ${i + 1}`);
  const scored = statements.filter((s) => s.result);
  assert.deepEqual(scored.map((s) => s.verb.id.split('/').pop()), [...Array(total).fill('answered'), 'completed']);
  assert.deepEqual(scored.map((s) => s.result.score.raw), [...[...Array(total).keys()], total - 1]);
  assert.ok(scored.every((s) => s.result.score.max === total && s.result.score.min === 0));
  const completed = scored.at(-1);
  assert.equal(completed.result.success, true, `${total - 1} of ${total} is at least 60%`);
  assert.equal(completed.result.completion, true);
  assert.equal(completed.result.score.scaled, Math.round(((total - 1) / total) * 10000) / 10000);
  assert.match(completed.object.definition.extensions?.['http://h5p.org/x-api/h5p-local-content-id'] ?? completed.object.id, /./);
  await lesson.locator('#quiz-qkv').screenshot({ path: join(SCREENSHOTS, 'h5p-lesson-quiz.png') });
  await page.screenshot({ path: join(SCREENSHOTS, 'h5p-host.png') });

  // The content's state, as a host saves it, brings the answers back in a new visit.
  const state = await h5pFrame.evaluate(() => JSON.stringify(H5P.instances[0].getCurrentState()));
  assert.deepEqual(JSON.parse(state).solved['quiz-qkv'].sort(), questions.filter(([q]) => q === 'quiz-qkv').map(([, id]) => id).sort().filter((id) => id !== questions[0][1]));
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${lab.server.url}h5p_host.html?${new URLSearchParams({ state })}`);
  const again = await lessonFrame(page);
  await quizQuestionsOf(again.lesson);
  const qkv = questions.filter(([q]) => q === 'quiz-qkv').length;
  assert.match(await again.lesson.textContent('#quiz-qkv .progress'), new RegExp(`Answered correctly: ${qkv} of ${qkv}`));
  assert.deepEqual(problems, []);
  await context.close();
});
