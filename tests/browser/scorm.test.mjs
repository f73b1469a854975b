// The SCORM 1.2 package that `npm run build` writes, played in Chromium inside an LMS page whose
// API is scorm-again (the SCORM runtime real LMSes embed): the score, status, session time and
// suspend_data it records after a session; a second session resumes with the answers in place;
// a new attempt on the same computer starts empty; the mastery score decides passed or failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { unzip } from '../node/zip_read.mjs';
import { PROJECT_ROOT, SCREENSHOTS, answerQuizQuestion, collectProblems, quizQuestionsOf, serveAndLaunch, temporaryFolder } from './harness.mjs';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'browser', 'fixtures');
let files;  // the package's files, as the LMS unpacked them

// An LMS's site: its page (scorm_lms.html with scorm-again) and the package unpacked under sco/.
const lab = serveAndLaunch({
  root: async () => {
    // Its own copy of dist/, with its own mastery score: the shared dist/ is rebuilt by other test
    // files running beside this one.
    const built = join(temporaryFolder('dist-'), 'dist');
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'build_scripts', 'build_dist.mjs')], { stdio: 'ignore', env: { ...process.env, ATTENTION_LENS_MASTERY_SCORE: '', ATTENTION_LENS_DIST: built } });
    files = unzip(readFileSync(join(built, 'attention-lens-scorm12.zip')));
    const site = temporaryFolder('lms-site-');
    for (const [name, bytes] of files) {
      mkdirSync(dirname(join(site, 'sco', name)), { recursive: true });
      writeFileSync(join(site, 'sco', name), bytes);
    }
    for (const name of ['scorm_lms.html', 'scorm_lms.js']) copyFileSync(join(FIXTURES, name), join(site, name));
    copyFileSync(join(PROJECT_ROOT, 'node_modules', 'scorm-again', 'dist', 'scorm12.js'), join(site, 'scorm12.js'));
    return site;
  },
});

test('the zip holds the manifest and the lesson page, and the manifest names the page as its one SCO', async () => {
  await lab.ready;
  assert.deepEqual([...files.keys()], ['imsmanifest.xml', 'index.html']);
  const manifest = files.get('imsmanifest.xml').toString('utf8');
  assert.match(manifest, /<schemaversion>1\.2<\/schemaversion>/);
  assert.match(manifest, /<resource identifier="lesson-page" type="webcontent" adlcp:scormtype="sco" href="index.html">/);
  assert.match(manifest, /<title>Attention, step by step — Attention Lens<\/title>/);
  assert.doesNotMatch(manifest, /masteryscore/, 'no mastery score unless the author sets one');
});

/**
 * One session: the LMS page with `cmi` as the learner's stored data, the lesson in its frame,
 * `act(frame)` as what the learner does; then the LMS closes the frame.
 * @returns {{ commits, last, frame }} every commit's data, the last one (after LMSFinish)
 */
async function session(context, cmi, act) {
  const page = await context.newPage();
  const problems = collectProblems(page);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const query = new URLSearchParams({ sco: 'sco/index.html', cmi: JSON.stringify(cmi) });
  await page.goto(`${lab.server.url}scorm_lms.html?${query}`);
  const frame = await (await page.waitForSelector('#sco')).contentFrame();
  await frame.waitForSelector('body[data-ready]');
  // Every quiz has drawn and the runtime has reported the first time.
  await page.waitForFunction(() => window.commits.length >= 1, null, { timeout: 60_000 });
  const result = await act(frame, page);
  await page.evaluate(() => { document.getElementById('sco').src = 'about:blank'; });
  await page.waitForFunction(() => window.finished);
  const commits = await page.evaluate(() => window.commits);
  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter((url) => !url.startsWith(lab.server.url) && url !== 'about:blank'), [], 'the package asks for nothing else');
  await page.close();
  return { commits, last: commits.at(-1), result };
}

// Answers a question right (or wrong) whatever it asks: Show answer marks the right options,
// Try again clears them, then the learner chooses.
test('a session reports score, status, time and progress; the next one resumes; a new attempt starts empty; mastery decides', async () => {
  await lab.ready;
  const context = await lab.browser.newContext({ viewport: { width: 1200, height: 1000 } });
  const LEARNER = { core: { student_id: 'learner-7', student_name: 'Learner, Seven' }, student_data: { mastery_score: '80' } };

  // Session 1: both questions of quiz-qkv right, one question of quiz-formula wrong.
  const first = await session(context, LEARNER, async (frame) => {
    const questions = await quizQuestionsOf(frame);
    await answerQuizQuestion(frame, 'quiz-qkv', 'qkv-roles', true);
    await answerQuizQuestion(frame, 'quiz-qkv', 'dot-product', true);
    await answerQuizQuestion(frame, 'quiz-formula', 'why-scale', false);
    return questions;
  });
  const total = first.result.length;
  assert.ok(total >= 10, `the lesson's quizzes hold ${total} questions`);
  const core = first.last.core;
  assert.equal(core.score.raw, String(Math.round((100 * 2) / total)));
  assert.equal(core.score.min, '0');
  assert.equal(core.score.max, '100');
  assert.equal(core.lesson_status, 'incomplete', 'below the mastery score with questions left: not failed yet');
  assert.equal(core.exit, 'suspend');
  // Sent as HHHH:MM:SS.SS; scorm-again keeps it as HH:MM:SS for the LMS.
  assert.match(core.session_time, /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  const suspended = JSON.parse(first.last.suspend_data);
  assert.deepEqual(suspended.solved['quiz-qkv'].sort(), ['dot-product', 'qkv-roles']);
  assert.deepEqual(suspended.checked['quiz-formula'], ['why-scale']);
  assert.deepEqual(suspended.solved['quiz-formula'], []);

  // Session 2: the LMS resumes the attempt; the answers are there; the rest answered wrong → failed.
  const second = await session(context, { ...LEARNER, core: { ...LEARNER.core, entry: 'resume' }, suspend_data: first.last.suspend_data }, async (frame) => {
    const shown = {
      progress: await frame.textContent('#quiz-qkv .progress'),
      before: await frame.$$eval('#quiz-qkv form', (forms) => forms.map((f) => Boolean(f.querySelector('.before')))),
    };
    await frame.locator('#quiz-qkv').screenshot({ path: join(SCREENSHOTS, 'scorm-resumed-quiz.png') });
    for (const [quiz, question] of first.result) {
      if (quiz === 'quiz-qkv' || question === 'why-scale') continue;
      await answerQuizQuestion(frame, quiz, question, false);
    }
    return shown;
  });
  assert.match(second.result.progress, /Answered correctly: 2 of 2/);
  assert.deepEqual(second.result.before, [true, true], 'each question answered right before says so');
  assert.equal(second.last.core.score.raw, String(Math.round((100 * 2) / total)));
  assert.equal(second.last.core.lesson_status, 'failed', 'every question checked, below 80');

  // Session 3: a new attempt in the same browser: nothing from before; all right → passed, 100.
  const third = await session(context, LEARNER, async (frame) => {
    const progress = await frame.textContent('#quiz-qkv .progress');
    for (const [quiz, question] of first.result) await answerQuizQuestion(frame, quiz, question, true);
    return progress;
  });
  assert.match(third.result, /Answered correctly: 0 of 2/, 'a new attempt does not show the last learner\'s answers');
  assert.equal(third.last.core.score.raw, '100');
  assert.equal(third.last.core.lesson_status, 'passed');
  await context.close();
});

test('without a mastery score the lesson is completed once every question was checked, whatever the score', async () => {
  await lab.ready;
  const context = await lab.browser.newContext({ viewport: { width: 1200, height: 1000 } });
  const { last, result: total } = await session(context, { core: { student_id: 'learner-8' } }, async (frame) => {
    const questions = await quizQuestionsOf(frame);
    for (const [index, [quiz, question]] of questions.entries()) await answerQuizQuestion(frame, quiz, question, index % 2 === 0);
    return questions.length;
  });
  assert.equal(last.core.lesson_status, 'completed');
  assert.equal(last.core.score.raw, String(Math.round((100 * Math.ceil(total / 2)) / total)));
  await context.close();
});
