// What every browser test file needs: a static server and Debian's Chromium for the file's
// tests, and a list of what would mean the page is broken.
import { before, after } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startStaticServer } from '../../build_scripts/static_server.mjs';
import { launchChromium } from '../../build_scripts/browser.mjs';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

// Folders made by temporaryFolder(), removed when the test file's process exits (each file runs
// in a process of its own), so that runs do not pile sites and builds up in the temp folder.
const temporaryFolders = [];
process.on('exit', () => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

/**
 * A new empty folder in the system's temp folder, named `prefix` + random characters, removed
 * with all it holds when the test file ends (symlinks in it are removed, not followed).
 */
export function temporaryFolder(prefix) {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  temporaryFolders.push(folder);
  return folder;
}

/**
 * Serves `root` (a folder, or an async function that prepares one and returns it) with
 * `headers`, and launches Chromium, before the file's tests; stops both after them. With
 * `serve: false` the folder is prepared but not served (for pages opened from file://).
 * @returns {{ server, browser, folder, ready }} filled in once `ready` resolves (a
 *   file's own before() hook must await lab.ready: Node does not promise to run hooks in order)
 */
export function serveAndLaunch({ root = PROJECT_ROOT, headers, serve = true } = {}) {
  let started;
  let failed;
  const lab = { server: null, browser: null, folder: null, ready: new Promise((resolve, reject) => { started = resolve; failed = reject; }) };
  lab.ready.catch(() => {});  // reported by the hook itself; waiters see the rejection too
  before(async () => {
    try {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const folder = typeof root === 'function' ? await root() : root;
      lab.folder = folder;
      if (serve) lab.server = await startStaticServer({ root: folder, headers });
      lab.browser = await launchChromium();
      started();
    } catch (error) {
      failed(error);
      throw error;
    }
  });
  after(async () => {
    await lab.browser?.close();
    await lab.server?.close();
  });
  return lab;
}

/** Uncaught errors, console errors and any dialog (an alert() would mean injected code ran). */
export function collectProblems(page) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('dialog', (dialog) => { problems.push(`a dialog opened: ${dialog.message()}`); dialog.dismiss(); });
  return problems;
}

/**
 * Opens the lab's page in a fresh context (its own cache and storage) and waits until the page
 * says it is ready; any console error, page error, dialog or request that leaves the lab's
 * server lands in `problems`.
 * @returns {Promise<{ page, problems: string[], close: () => Promise<void> }>}
 */
export async function openLabPage(lab, { path = '', viewport = { width: 1280, height: 900 }, colorScheme = 'light' } = {}) {
  await lab.ready;
  const context = await lab.browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const problems = collectProblems(page);
  page.on('request', (request) => {
    if (!request.url().startsWith(lab.server.url)) problems.push(`request left the page's server: ${request.url()}`);
  });
  await page.goto(`${lab.server.url}${path}`);
  await page.waitForSelector('body[data-ready]');
  return { page, problems, close: () => context.close() };
}

/**
 * Every question of every <attention-quiz> in `frame` (a page or a frame), as [quiz id,
 * question id], once each quiz has drawn (the lesson page defines the quiz element only after
 * its first grid).
 */
export async function quizQuestionsOf(frame) {
  await frame.waitForFunction(() => [...document.querySelectorAll('attention-quiz')]
    .every((quiz) => quiz.shadowRoot?.querySelector('.progress')), null, { timeout: 60_000 });
  return frame.$$eval('attention-quiz', (quizzes) => quizzes.flatMap((quiz) =>
    [...quiz.shadowRoot.querySelectorAll('form.question')].map((form) => [quiz.id, form.dataset.id])));
}

/**
 * Answers one question of a quiz in `frame` as a learner would, rightly or wrongly: "Show
 * answer" reveals which options are right, "Try again" clears it, then the options are chosen
 * and checked, and the verdict is waited for. A goal question (a sandbox to move) is answered
 * on its sandbox.
 */
export async function answerQuizQuestion(frame, quizId, questionId, right) {
  const q = `#${quizId} form[data-id="${questionId}"]`;
  const sandbox = await frame.getAttribute(q, 'data-sandbox');
  if (sandbox !== null) {
    // A goal question: "Show answer" moves the sandbox to a state that meets the goal; for a
    // wrong answer, every key alike gives every word 1/n, short of any goal worth asking.
    await frame.click(`${q} button.show`);
    await frame.click(`${q} button.retry`);
    if (!right) await frame.evaluate((id) => document.getElementById(id).applyPreset('alike'), sandbox);
    await frame.click(`${q} button[type="submit"]`);
    await frame.waitForSelector(`${q} .verdict`);
    return;
  }
  await frame.click(`${q} button.show`);
  const correct = await frame.$$eval(`${q} .option`, (rows) => rows.flatMap((row, i) => (row.querySelector('label').classList.contains('is-right') ? [i] : [])));
  await frame.click(`${q} button.retry`);
  const chosen = right ? correct : [[...Array(8).keys()].find((i) => !correct.includes(i))];
  for (const index of chosen) await frame.check(`${q} input[value="${index}"]`);
  await frame.click(`${q} button[type="submit"]`);
  await frame.waitForSelector(`${q} .verdict`);
}
