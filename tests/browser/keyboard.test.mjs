// The keyboard and a screen reader's view of <attention-lens> and <attention-quiz>: one Tab stop
// per word list (roving tabindex), arrows and Home/End, the pinned word's pressed state, Escape,
// every cell of a narrow grid reachable and visible beside its sticky row label, head cards
// named by what they show, and a quiz whose result takes the focus and says right or wrong in words.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { SCREENSHOTS, collectProblems, serveAndLaunch } from './harness.mjs';

const lab = serveAndLaunch();
let page;
let problems = [];

// The fixture at a width, in a context of its own: { page, problems }.
async function openAt(width) {
  const context = await lab.browser.newContext({ viewport: { width, height: 900 } });
  const opened = await context.newPage();
  const found = collectProblems(opened);
  await opened.goto(`${lab.server.url}tests/browser/fixtures/keyboard.html`);
  await opened.waitForSelector('body[data-ready="true"]');
  await opened.evaluate(() => Promise.all([...document.querySelectorAll('attention-lens')].map((lens) => lens.ready)));
  return { page: opened, problems: found };
}

before(async () => {
  await lab.ready;
  ({ page, problems } = await openAt(1280));
});

// What has the keyboard focus, seen through shadow roots: { host, className, text, index, tag }.
const active = (on = page) => on.evaluate(() => {
  let host = null;
  let node = document.activeElement;
  while (node?.shadowRoot?.activeElement) {
    host = node;
    node = node.shadowRoot.activeElement;
  }
  return { host: host?.id ?? null, className: node.className, text: node.textContent, tag: node.localName, id: node.id };
});
const focusedRow = (id) => page.$$eval(`#${id} .grid tbody tr.is-focus th`, (ths) => ths.map((th) => th.textContent));
const pressed = (id) => page.$$eval(`#${id} .sentence .word`, (words) => words.filter((w) => w.getAttribute('aria-pressed') === 'true').map((w) => w.textContent));

test('one Tab stop for the sentence and one for the grid, whatever the number of words', async () => {
  await page.focus('#before');
  const stops = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const now = await active();
    if (now.id === 'after') break;
    stops.push(now);
  }
  assert.equal((await active()).id, 'after', 'Tab leaves the element');
  const words = stops.filter((stop) => /\bword\b/.test(stop.className));
  const grid = stops.filter((stop) => ['th', 'td'].includes(stop.tag));
  assert.equal(words.length, 1, `words among the Tab stops: ${JSON.stringify(words)}`);
  assert.equal(grid.length, 1, `grid cells among the Tab stops: ${JSON.stringify(grid)}`);
  // The stop of each list is its focused word: "it", the row the element opened on.
  assert.equal(words[0].text, 'it');
  assert.equal(grid[0].text, 'it');
  // The rest: layer, head, two toggles, temperature, and the math table's scrolling region.
  assert.equal(stops.length, 5 + 1 + 1 + 1, JSON.stringify(stops.map((s) => s.className || s.tag)));
  assert.ok(stops.some((stop) => stop.className === 'scroll-x'), 'the math table region is a Tab stop');
});

test('arrow keys, Home and End walk the sentence; the Tab stop follows', async () => {
  await page.mouse.move(0, 0);
  await page.focus('#lens .sentence .word >> text="it"');
  await page.keyboard.press('ArrowRight');
  assert.equal((await active()).text, 'was');
  assert.deepEqual(await focusedRow('lens'), ['was']);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await active()).text, 'because');
  await page.keyboard.press('End');
  assert.equal((await active()).text, 'tired');
  await page.keyboard.press('Home');
  assert.equal((await active()).text, 'The');
  await page.keyboard.press('ArrowLeft');  // stays on the first word
  assert.equal((await active()).text, 'The');
  const stops = await page.$$eval('#lens .sentence .word', (words) => words.filter((w) => w.tabIndex === 0).map((w) => w.textContent));
  assert.deepEqual(stops, ['The']);
});

test('the pinned word is a pressed toggle; Escape unpins and clears the row, the highlights and the summary', async () => {
  await page.mouse.move(0, 0);
  await page.focus('#lens .sentence .word >> text="street"');
  await page.keyboard.press('Enter');
  assert.deepEqual(await pressed('lens'), ['street']);
  const words = await page.$$eval('#lens .sentence .word', (w) => w.length);
  assert.equal(await page.$$eval('#lens .sentence .word[aria-pressed="false"]', (w) => w.length), words - 1, 'every other word is a toggle, not pressed');
  await page.hover('#lens .sentence .word >> text="animal"');
  assert.deepEqual(await focusedRow('lens'), ['street'], 'pinned');
  await page.focus('#lens .sentence .word >> text="street"');
  await page.keyboard.press('Escape');
  assert.deepEqual(await pressed('lens'), []);
  assert.deepEqual(await focusedRow('lens'), [], 'no row is lit');
  assert.equal(await page.$$eval('#lens .sentence .word.is-focus', (w) => w.length), 0);
  assert.equal(await page.textContent('#lens .summary'), '');
  assert.equal(await page.$$eval('#lens .math > *', (nodes) => nodes.length), 0, 'the math panel is cleared');
  // A click pins and presses, a second click on the same word releases it.
  await page.click('#lens .sentence .word >> text="it"');
  assert.deepEqual(await pressed('lens'), ['it']);
  await page.click('#lens .sentence .word >> text="it"');
  assert.deepEqual(await pressed('lens'), []);
  assert.deepEqual(problems, []);
});

test('at 360 px every cell is reached by the keyboard and shown beside its sticky row label', async () => {
  const { page: narrow, problems: narrowProblems } = await openAt(360);
  const lens = '#lens';
  // The grid is wider than the screen: it scrolls sideways.
  assert.ok(await narrow.$eval(`${lens} .grid-scroll`, (s) => s.scrollWidth > s.clientWidth + 50));
  await narrow.focus(`${lens} .grid tbody th >> text="The"`);
  // Where the focused cell is: its column, and whether it is fully in view, clear of its label.
  const where = () => narrow.evaluate(() => {
    const root = document.getElementById('lens').shadowRoot;
    const cell = root.activeElement;
    const scroller = root.querySelector('.grid-scroll').getBoundingClientRect();
    const box = cell.getBoundingClientRect();
    const label = cell.parentElement.cells[0].getBoundingClientRect();
    const atCentre = root.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      row: cell.parentElement.cells[0].textContent,
      column: cell.cellIndex,
      visible: box.left >= scroller.left - 0.5 && box.right <= scroller.right + 0.5 && (atCentre === cell || cell.contains(atCentre)),
      clearOfLabel: cell.cellIndex === 0 || box.left >= label.right - 0.5,
      labelShown: label.left >= scroller.left - 0.5 && label.right <= scroller.right,
    };
  });
  const rows = await narrow.$$eval(`${lens} .grid tbody th`, (ths) => ths.map((th) => th.textContent));
  const columns = rows.length + 2;  // label, one cell per word, the row sum
  const seen = new Set();
  for (let r = 0; r < rows.length; r++) {
    // Along the row one way, then the next row and back the other way: every cell once.
    for (let step = 0; step < columns; step++) {
      const now = await where();
      assert.equal(now.row, rows[r]);
      assert.ok(now.visible && now.clearOfLabel && now.labelShown, `row ${r}, column ${now.column}: ${JSON.stringify(now)}`);
      seen.add(`${r}:${now.column}`);
      if (step < columns - 1) await narrow.keyboard.press(r % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    }
    assert.deepEqual((await narrow.$$eval(`${lens} .grid tbody tr.is-focus th`, (ths) => ths.map((th) => th.textContent))), [rows[r]], 'the row in focus is lit');
    if (r < rows.length - 1) await narrow.keyboard.press('ArrowDown');
  }
  assert.equal(seen.size, rows.length * columns, 'every cell, every label and every sum was reached');
  // Home and End: the label and the row sum.
  await narrow.keyboard.press('Home');
  assert.equal((await where()).column, 0);
  await narrow.keyboard.press('End');
  assert.equal((await where()).column, columns - 1);
  // Only one cell of the grid is a Tab stop: the one last reached.
  assert.equal(await narrow.$$eval(`${lens} .grid tbody th, ${lens} .grid tbody td`, (cells) => cells.filter((c) => c.tabIndex === 0).length), 1);
  await narrow.screenshot({ path: join(SCREENSHOTS, 'keyboard-grid-360.png'), fullPage: true });
  assert.deepEqual(narrowProblems, []);
  await narrow.context().close();
});

test('head cards are named by the text they show and described by what they do', async () => {
  const heads = page.locator('#heads');
  assert.equal(await page.$$eval('#heads .head-card[aria-label]', (cards) => cards.length), 0);
  assert.equal(await heads.getByRole('button', { name: /^Layer 1 · head 1\b/ }).count(), 1);
  const described = await page.$$eval('#heads .head-card', (cards) => cards.map((card) => card.getRootNode().getElementById(card.getAttribute('aria-describedby'))?.textContent));
  assert.ok(described.length > 1 && described.every((text) => text === 'Choose a head to open it in the grid.'), JSON.stringify(described));
  assert.equal(await page.isVisible('#heads .heads-hint'), true);
});

test('the math table\'s scrolling region is named and focusable', async () => {
  const region = page.locator('#lens').getByRole('region', { name: /The math for “[^”]+” in this head/ });
  assert.equal(await region.count(), 1);
  assert.equal(await region.getAttribute('tabindex'), '0');
});

// The note an option is described by, as a screen reader would read it after the option.
const descriptionOf = (quiz, id, value) => page.$eval(`#${quiz} form[data-id="${id}"] input[value="${value}"]`, (input) => {
  const note = input.getRootNode().getElementById(input.getAttribute('aria-describedby') ?? '');
  return note && !note.hidden ? note.textContent : null;
});

test('quiz: after Check the focus moves to the result, and each option says right or wrong in words', async () => {
  const q = '#quiz form[data-id="sum"]';
  await page.focus(`${q} input[value="0"]`);
  await page.keyboard.press('ArrowDown');  // chooses "The number of words"
  await page.keyboard.press('Enter');
  const now = await active();
  assert.equal(now.host, 'quiz');
  assert.match(now.className, /\bstatus\b/, `focus is on the result, not on the page: ${JSON.stringify(now)}`);
  assert.match(now.text, /^Not quite\./);
  assert.equal(await descriptionOf('quiz', 'sum', 1), 'Your answer: wrong. That would be a row of ones.');
  assert.equal(await descriptionOf('quiz', 'sum', 0), 'A right answer. Softmax makes every row a distribution.');
  assert.equal(await descriptionOf('quiz', 'sum', 2), null, 'an option neither chosen nor right says nothing');
  await page.click(`${q} button.retry`);
  assert.equal((await active()).tag, 'input', 'Try again puts the focus on the first option');
  assert.equal(await descriptionOf('quiz', 'sum', 1), null, 'the old feedback is no longer read');
  await page.check(`${q} input[value="0"]`);
  await page.click(`${q} button[type="submit"]`);
  assert.match((await active()).text, /^Correct!/);
  assert.equal(await descriptionOf('quiz', 'sum', 0), 'Your answer: right. Softmax makes every row a distribution.');
});

test('quiz: Show answer also moves the focus to the result and marks every right option in words', async () => {
  const q = '#quiz form[data-id="both"]';
  await page.click(`${q} button.show`);
  const now = await active();
  assert.match(now.className, /\bstatus\b/);
  assert.match(now.text, /^Here is the answer\./);
  assert.equal(await descriptionOf('quiz', 'both', 0), 'A right answer.');
  assert.equal(await descriptionOf('quiz', 'both', 1), 'A right answer.');
  assert.equal(await descriptionOf('quiz', 'both', 2), null);
});

test('quiz in Spanish: right and wrong said in Spanish', async () => {
  const q = '#quiz-es form[data-id="why-scale"]';
  await page.check(`${q} input[value="0"]`);
  await page.click(`${q} button[type="submit"]`);
  assert.match(await descriptionOf('quiz-es', 'why-scale', 0), /^Tu respuesta: incorrecta\./);
  assert.match(await descriptionOf('quiz-es', 'why-scale', 1), /^Una respuesta correcta\./);
  await page.screenshot({ path: join(SCREENSHOTS, 'keyboard-quiz-1280.png'), fullPage: true });
  assert.deepEqual(problems, []);
});
