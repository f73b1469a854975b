// The lesson page as a learner goes through it: every part's grid is drawn by the engine, every
// part ends with a short quick check, the causal part really hides the future, the N² lab
// measures on this machine and draws what it measured, and the page prints without its buttons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { PROJECT_ROOT, SCREENSHOTS, openLabPage, serveAndLaunch } from './harness.mjs';

const lab = serveAndLaunch({ root: join(PROJECT_ROOT, 'web') });

async function openLesson(viewport = { width: 1280, height: 900 }) {
  const opened = await openLabPage(lab, { viewport });
  assert.equal(await opened.page.getAttribute('body', 'data-ready'), 'true');
  return opened;
}

// Each lens's grid as numbers, once it has drawn: { words, rows }.
async function gridOf(page, id) {
  await page.evaluate((lensId) => document.getElementById(lensId).ready, id);
  return page.$eval(`#${id}`, (lens) => {
    const root = lens.shadowRoot;
    return {
      words: [...root.querySelectorAll('.grid thead th[scope="col"]')].map((th) => th.textContent).filter((w) => w !== 'sum'),
      rows: [...root.querySelectorAll('.grid tbody tr')].map((tr) => [...tr.querySelectorAll('td:not(.row-sum)')].map((td) => Number(td.textContent))),
      sums: [...root.querySelectorAll('.grid tbody .row-sum')].map((td) => td.textContent),
      focus: root.querySelector('.grid tbody tr.is-focus th')?.textContent,
    };
  });
}

test('every part of the lesson is there, in order, each with its own quick check', async () => {
  const { page, problems, close } = await openLesson();
  const parts = await page.$$eval('main section.part[id]', (sections) => sections.map((s) => s.id));
  assert.deepEqual(parts, ['problem', 'qkv', 'sandbox', 'formula', 'heads', 'causal', 'cost']);
  const contents = await page.$$eval('nav.contents a', (links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(contents, parts.map((id) => `#${id}`));
  for (const id of parts) {
    const quiz = await page.$(`#${id} attention-quiz`);
    assert.ok(quiz, `part ${id} ends with a quick check`);
    await quiz.evaluate((element) => element.ready);
    const questions = await quiz.$$eval('fieldset', (sets) => sets.length);
    assert.ok(questions >= 1 && questions <= 3, `part ${id}: ${questions} questions (a quick check is short)`);
    assert.equal(await quiz.$$eval('.problems li', (errors) => errors.length), 0, `part ${id}: the quiz reports no mistakes`);
  }
  assert.deepEqual(problems, []);
  await close();
});

test('the problem: "bank" looks at the word that decides its sense, and the live checks ask exactly that', async () => {
  const { page, problems, close } = await openLesson();
  for (const [id, decidingWord] of [['bank-river', 'river'], ['bank-money', 'money']]) {
    const grid = await gridOf(page, id);
    assert.equal(grid.focus, 'bank');
    assert.ok(grid.sums.every((sum) => sum === '1.00'), `${id} rows: ${grid.sums}`);
    const bankRow = grid.rows[grid.words.indexOf('bank')];
    assert.equal(grid.words[bankRow.indexOf(Math.max(...bankRow))], decidingWord);
    // Without a head picker the lens does not tell the learner to pick a head.
    assert.equal(await page.$$eval(`#${id} select.head, #${id} .math .hint`, (nodes) => nodes.length), 0);
  }
  // The first live question's right answer is the grid's top word: choose it and check.
  const firstQuestion = page.locator('#quiz-problem fieldset').first();
  await firstQuestion.getByLabel('river', { exact: true }).check();
  await page.locator('#quiz-problem').getByRole('button', { name: 'Check' }).first().click();
  assert.equal(await page.textContent('#quiz-problem .progress'), 'Answered correctly: 1 of 2');
  assert.deepEqual(problems, []);
  await close();
});

test('part 1\'s minimal pairs: "it" looks most at "animal" with "tired" and at "street" with "wide", as the text says', async () => {
  const { page, problems, close } = await openLesson();
  await page.evaluate(() => document.getElementById('pair-tired-wide').ready);
  const compared = await page.$eval('#pair-tired-wide', (lens) => ({
    marked: [...lens.shadowRoot.querySelectorAll('.compare-sentences mark')].map((m) => m.firstChild.textContent),
    rows: [...lens.shadowRoot.querySelectorAll('.compare-table tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent)),
  }));
  assert.deepEqual(compared.marked, ['tired', 'wide']);
  const top = (column) => compared.rows.filter((r) => r[column] !== '—').reduce((best, r) => (parseFloat(r[column]) > parseFloat(best[column]) ? r : best))[0];
  assert.equal(top(1), 'animal');
  assert.equal(top(2), 'street');
  // The bank grids' comparison: the row of "bank" in both sentences.
  assert.match(await page.textContent('#bank-money >> .compare-title'), /The row of “bank” in both sentences/);
  assert.deepEqual(problems, []);
  await close();
});

test('part 3: the sandbox computes with the engine, and its goal question is reached with the keyboard', async () => {
  const { page, problems, close } = await openLesson();
  await page.waitForFunction(() => document.querySelector('#quiz-sandbox')?.shadowRoot?.querySelector('.progress'));
  const sandbox = page.locator('#lesson-sandbox');
  assert.deepEqual(await sandbox.evaluate((element) => element.words), ['cat', 'sat', 'mat', 'it']);
  const weightToCat = () => sandbox.evaluate((element) => element.trace.weights.data[3 * 4 + 0]);
  assert.ok(await weightToCat() < 0.8, 'the goal is not met as the page opens');
  // The query of "it" (the first plane's fifth dot), moved with Shift + arrows toward the key of "cat".
  await sandbox.locator('.plane-svg >> nth=0').locator('.handle >> nth=4').focus();
  for (const key of ['ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(`Shift+${key}`);
  const reached = await weightToCat();
  assert.ok(reached >= 0.8, `reached ${reached}`);
  const question = page.locator('#quiz-sandbox form[data-id="aim-the-query"]');
  await question.locator('button[type="submit"]').click();
  assert.equal(await question.locator('.verdict').textContent(), 'Correct!');
  // The second question's answer is what the preset shows: a quarter each.
  await sandbox.locator('[data-preset="alike"]').click();
  const row = await sandbox.evaluate((element) => Array.from(element.trace.weights.data.slice(12, 16)));
  for (const weight of row) assert.ok(Math.abs(weight - 0.25) < 1e-6);
  await page.locator('#quiz-sandbox form[data-id="keys-alike"]').getByLabel('A quarter each').check();
  await page.locator('#quiz-sandbox form[data-id="keys-alike"] button[type="submit"]').click();
  assert.equal(await page.textContent('#quiz-sandbox .progress'), 'Answered correctly: 2 of 2');
  await page.locator('#sandbox').screenshot({ path: join(SCREENSHOTS, 'lesson-sandbox.png') });
  assert.deepEqual(problems, []);
  await close();
});

test('the formula part shows one head\'s numbers; the heads part every head; the causal part a triangle', async () => {
  const { page, problems, close } = await openLesson();
  await gridOf(page, 'formula-lens');
  assert.equal(await page.$eval('#formula-lens select.head', (select) => select.value), '1');
  const mathRows = await page.$$eval('#formula-lens .math-table tbody tr', (rows) => rows.length);
  assert.equal(mathRows, 8, 'one row of Q·K, scaling and softmax per word of the sentence');

  await page.evaluate(() => document.getElementById('heads-lens').ready);
  const headPanels = await page.$$eval('#heads-lens .heads .head-card', (nodes) => nodes.length);
  assert.ok(headPanels >= 8, `every head of both layers is offered (${headPanels})`);

  const causal = await gridOf(page, 'causal-lens');
  causal.rows.forEach((row, i) => row.forEach((weight, j) => {
    if (j > i) assert.equal(weight, 0, `${causal.words[i]} may not look ahead at ${causal.words[j]}`);
  }));
  assert.ok(causal.sums.every((sum) => sum === '1.00'));
  const itRow = causal.rows[causal.words.indexOf('it')];
  assert.equal(causal.words[itRow.indexOf(Math.max(...itRow))], 'animal', 'under the mask, "it" still finds the earlier animal');
  assert.deepEqual(problems, []);
  await close();
});

test('the N² lab measures this machine on request and draws each length it measured', async () => {
  const { page, problems, close } = await openLesson({ width: 360, height: 800 });
  assert.match(await page.textContent('#cost-status'), /Not measured yet/);
  assert.equal(await page.$$eval('#cost-table tbody tr', (rows) => rows.length), 0, 'nothing runs until asked');
  await page.selectOption('#cost-max', '512');
  await page.click('#cost-run');
  await page.waitForSelector('#cost-lab[data-state="done"]', { timeout: 120_000 });
  const rows = await page.$$eval('#cost-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  assert.deepEqual(rows.map((cells) => cells[0]), ['16', '32', '64', '128', '256', '512']);
  assert.deepEqual(rows.map((cells) => cells[1]), ['256', '1,024', '4,096', '16,384', '65,536', '262,144']);
  assert.ok(rows.every((cells) => /^\d+(\.\d+)? (ms|s)$/.test(cells[3])), `times: ${rows.map((c) => c[3])}`);
  assert.equal(await page.$$eval('#cost-chart circle.measured', (dots) => dots.length), 6);
  assert.equal(await page.$$eval('#cost-chart polyline.reference', (lines) => lines.length), 1);
  assert.match(await page.textContent('#cost-status'), /Done: 6 lengths measured.*From 256 to 512 words the time grew ×\d/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than a phone`);
  await page.locator('#cost').screenshot({ path: `${SCREENSHOTS}lesson-cost-360.png` });
  assert.deepEqual(problems, []);
  await close();
});

test('printed, the lesson keeps its text, grids and questions and drops its buttons', async () => {
  const { page, problems, close } = await openLesson();
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.$$eval('nav.contents, .cost-controls, #status', (nodes) => nodes.map((n) => getComputedStyle(n).display));
  assert.deepEqual(hidden, ['none', 'none', 'none']);
  assert.equal(await page.$eval('.cost-figure', (figure) => getComputedStyle(figure).display), 'none', 'an empty chart is not printed');
  assert.notEqual(await page.$eval('#bank-river', (lens) => getComputedStyle(lens).display), 'none');
  // Inside the elements: the grid's colours print; the lens controls and quiz buttons do not.
  assert.equal(await page.$eval('#lesson-lens .grid td', (cell) => getComputedStyle(cell).printColorAdjust), 'exact');
  assert.equal(await page.$eval('#lesson-lens .controls', (controls) => getComputedStyle(controls).display), 'none');
  assert.equal(await page.$eval('#quiz-qkv .actions', (actions) => getComputedStyle(actions).display), 'none');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 50_000, `the PDF has ${pdf.length} bytes`);
  assert.deepEqual(problems, []);
  await close();
});
