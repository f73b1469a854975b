// <attention-sandbox>: the numbers it shows are the engine's attention() of the vectors it
// shows (and agree with a softmax written here), every row sums to 1, and the learner moves
// vectors with a mouse, a finger, the arrow keys and typed numbers; the presets show what they
// say; an author's mistakes are said in words; English and Spanish; axe-clean in light and dark
// at 360 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';

import { SCREENSHOTS, openLabPage, serveAndLaunch } from './harness.mjs';

const lab = serveAndLaunch();
const PATH = 'tests/browser/fixtures/sandbox.html';
let page;
let problems;
let close;

before(async () => {
  ({ page, problems, close } = await openLabPage(lab, { path: PATH }));
});
after(async () => {
  assert.deepEqual(problems, []);
  await close();
});

// What a sandbox shows, and the engine's attention() of its vectors called afresh, and a
// softmax of q·k/√2 written here: { shown, engine, reference, vectors, words, focus }.
async function stateOf(id) {
  return page.evaluate(async (id) => {
    const { loadEngine, matrix } = await import('/web/src/engine.js');
    const sandbox = document.getElementById(id);
    const { queries, keys, values } = sandbox.vectors;
    const n = queries.length;
    const scaled = sandbox.shadowRoot.querySelector('.scaling input').checked;
    const engine = await loadEngine();
    const fresh = engine.attention(matrix(n, 2, queries.flat()), matrix(n, 2, keys.flat()), matrix(n, 2, values.flat()), { scaleBySqrtDk: scaled });
    const reference = queries.map(([qx, qy]) => {
      const scores = keys.map(([kx, ky]) => (qx * kx + qy * ky) / (scaled ? Math.SQRT2 : 1));
      const top = Math.max(...scores);
      const e = scores.map((s) => Math.exp(s - top));
      const total = e.reduce((a, b) => a + b, 0);
      return e.map((x) => x / total);
    });
    const root = sandbox.shadowRoot;
    return {
      words: sandbox.words,
      focus: sandbox.focusIndex,
      vectors: sandbox.vectors,
      trace: { weights: Array.from(sandbox.trace.weights.data), scores: Array.from(sandbox.trace.scores.data), output: Array.from(sandbox.trace.output.data) },
      engine: { weights: Array.from(fresh.weights.data), scores: Array.from(fresh.scores.data), output: Array.from(fresh.output.data) },
      reference,
      shown: {
        grid: [...root.querySelectorAll('.weights tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)),
        steps: [...root.querySelectorAll('.steps-table tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent.trim())),
        output: root.querySelector('.output-line').textContent,
        summary: root.querySelector('.summary').textContent,
      },
    };
  }, id);
}

function assertConsistent(state) {
  const n = state.words.length;
  // The element's trace is the engine's, exactly; the engine agrees with a plain softmax.
  assert.deepEqual(state.trace, state.engine);
  state.reference.forEach((row, q) => row.forEach((weight, k) => {
    assert.ok(Math.abs(state.engine.weights[q * n + k] - weight) < 1e-5, `weight ${q},${k}: ${state.engine.weights[q * n + k]} vs ${weight}`);
  }));
  // Every row sums to 1, in the trace and in the grid's sum column.
  for (let q = 0; q < n; q++) {
    const sum = state.engine.weights.slice(q * n, (q + 1) * n).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-5, `row ${q} sums to ${sum}`);
    assert.equal(state.shown.grid[q][n], '1.00');
    // The grid shows the trace's weights, rounded.
    state.shown.grid[q].slice(0, n).forEach((cell, k) => assert.equal(cell, `${Math.round(state.engine.weights[q * n + k] * 100)}%`));
  }
  // The steps show the focused row: q·k, and its weight to 0.1 %.
  const f = state.focus;
  state.shown.steps.forEach(([score, , weight], k) => {
    assert.equal(score, state.engine.scores[f * n + k].toFixed(2).replace(/^-0\.00$/, '0.00').replace(/^-/, '-'));
    assert.equal(weight, `${(state.engine.weights[f * n + k] * 100).toFixed(1)}%`);
  });
  const [ox, oy] = state.engine.output.slice(f * 2, f * 2 + 2);
  assert.ok(state.shown.output.includes(`[${ox.toFixed(2)}, ${oy.toFixed(2)}]`), state.shown.output);
}

// The centre of a handle on screen, and where a plane point is on screen.
async function handleCenter(id, plane, index) {
  return page.evaluate(({ id, plane, index }) => {
    const root = document.getElementById(id).shadowRoot;
    const svg = root.querySelectorAll('.plane-svg')[plane];
    const handle = svg.querySelectorAll('.handle')[index];
    const box = handle.querySelector('.dot').getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }, { id, plane, index });
}
async function screenPoint(id, plane, [x, y]) {
  return page.evaluate(({ id, plane, x, y }) => {
    const svg = document.getElementById(id).shadowRoot.querySelectorAll('.plane-svg')[plane];
    const point = new DOMPoint(x, -y).matrixTransform(svg.getScreenCTM());
    return { x: point.x, y: point.y };
  }, { id, plane, x, y });
}
const close2 = (a, b, tolerance = 0.06) => Math.abs(a - b) <= tolerance;

test('the default sandbox shows the engine\'s attention() of its vectors; every row sums to 1', async () => {
  const state = await stateOf('sandbox');
  assert.deepEqual(state.words, ['cat', 'sat', 'mat', 'it']);
  assertConsistent(state);
  assert.match(state.shown.summary, /^“cat” looks most at “\w+”: \d+\.\d%\.$/);
});

test('dragging a key with the mouse moves it, fires vectorchange and recomputes every number', async () => {
  await page.evaluate(() => {
    window.changes = [];
    document.getElementById('sandbox').addEventListener('vectorchange', (event) => window.changes.push(event.detail));
  });
  const before = await stateOf('sandbox');
  // Handles on the first plane: the four keys, then the query.
  const from = await handleCenter('sandbox', 0, 2);  // the key of "mat"
  const to = await screenPoint('sandbox', 0, [1.2, 1.6]);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 3 });
  await page.mouse.up();
  const after = await stateOf('sandbox');
  const [x, y] = after.vectors.keys[2];
  assert.ok(close2(x, 1.2) && close2(y, 1.6), `the key of mat is at ${x}, ${y}`);
  assert.notDeepEqual(after.engine.weights, before.engine.weights);
  assertConsistent(after);
  const changes = await page.evaluate(() => window.changes);
  assert.ok(changes.length >= 2);
  const last = changes.at(-1);
  assert.equal(last.kind, 'key');
  assert.equal(last.word, 'mat');
  assert.deepEqual(last.vector, [x, y]);
  assert.deepEqual(last.weights, after.engine.weights.slice(0, 4));
});

test('a finger drags the query (touch events) without scrolling the page', async () => {
  const context = await lab.browser.newContext({ viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true });
  const touchPage = await context.newPage();
  await touchPage.goto(`${lab.server.url}${PATH}`);
  await touchPage.waitForSelector('body[data-ready]');
  const points = await touchPage.evaluate(() => {
    const svg = document.getElementById('sandbox').shadowRoot.querySelector('.plane-svg');
    svg.scrollIntoView({ block: 'center' });
    const dot = svg.querySelectorAll('.handle')[4].querySelector('.dot').getBoundingClientRect();  // the query
    const to = new DOMPoint(-2, -1).matrixTransform(svg.getScreenCTM());  // plane (-2, 1)
    return { from: { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 }, to: { x: to.x, y: to.y }, scroll: window.scrollY };
  });
  const client = await context.newCDPSession(touchPage);
  const touch = (type, point) => client.send('Input.dispatchTouchEvent', { type, touchPoints: point ? [{ x: point.x, y: point.y }] : [] });
  await touch('touchStart', points.from);
  for (let i = 1; i <= 6; i++) {
    await touch('touchMove', { x: points.from.x + ((points.to.x - points.from.x) * i) / 6, y: points.from.y + ((points.to.y - points.from.y) * i) / 6 });
  }
  await touch('touchEnd');
  const after = await touchPage.evaluate(() => ({ query: document.getElementById('sandbox').vectors.queries[0], scroll: window.scrollY }));
  assert.ok(close2(after.query[0], -2, 0.1) && close2(after.query[1], 1, 0.1), `the query is at ${after.query}`);
  assert.equal(after.scroll, points.scroll, 'the page did not scroll while dragging');
  await touchPage.screenshot({ path: join(SCREENSHOTS, 'sandbox-touch-360.png') });
  await context.close();
});

test('the arrow keys move a focused handle by 0.1 (Shift: 0.5), and its name says where it is', async () => {
  const before = (await stateOf('sandbox')).vectors.keys[1];
  const handle = page.locator('#sandbox .plane-svg >> nth=0').locator('.handle >> nth=1');
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowUp');
  const after = await stateOf('sandbox');
  const [x, y] = after.vectors.keys[1];
  assert.ok(close2(x, before[0] + 0.2, 0.001) && close2(y, before[1] + 0.5, 0.001), `${before} → ${x}, ${y}`);
  assertConsistent(after);
  assert.equal(await handle.getAttribute('aria-label'), `key of “sat”: ${x.toFixed(2)}, ${y.toFixed(2)}`);
  assert.equal(await handle.getAttribute('role'), 'application');
  // Tab reaches the handles in order, and the arrow keys do not scroll the page.
  const scroll = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => window.scrollY), scroll);
});

test('typed numbers move a vector; a field that is not a number says so and loses nothing; beyond the plane the edge is used', async () => {
  const root = page.locator('#sandbox');
  await root.locator('details.typed summary').click();
  const queryX = root.getByLabel('query of “cat”, x');
  await queryX.fill('2.5');
  let state = await stateOf('sandbox');
  assert.equal(state.vectors.queries[0][0], 2.5);
  assertConsistent(state);
  // type=number holds no letters: an unfinished "-" reads as no number.
  await queryX.fill('');
  await queryX.pressSequentially('-');
  assert.equal(await queryX.getAttribute('aria-invalid'), 'true');
  assert.match(await root.locator('.typed-message').textContent(), /Type a number from −3 to 3/);
  state = await stateOf('sandbox');
  assert.equal(state.vectors.queries[0][0], 2.5, 'the last good value is kept');
  await queryX.fill('7');
  state = await stateOf('sandbox');
  assert.equal(state.vectors.queries[0][0], 3);
  assert.match(await root.locator('.typed-message').textContent(), /nearest end/);
  await queryX.blur();
  assert.equal(await queryX.inputValue(), '3');
});

test('the presets show what they say: alike → uniform, one matching key → sharp, opposite → near zero, long → saturation', async () => {
  const row = (state) => state.engine.weights.slice(state.focus * 4, state.focus * 4 + 4);
  await page.click('#sandbox [data-preset="alike"]');
  let state = await stateOf('sandbox');
  assertConsistent(state);
  for (const weight of row(state)) assert.ok(Math.abs(weight - 0.25) < 1e-6, `alike: ${row(state)}`);
  assert.match(await page.locator('#sandbox .preset-note').textContent(), /same weight/);

  await page.click('#sandbox [data-preset="aligned"]');
  state = await stateOf('sandbox');
  assertConsistent(state);
  assert.ok(row(state)[1] >= 0.94, `aligned: ${row(state)}`);

  await page.click('#sandbox [data-preset="opposite"]');
  state = await stateOf('sandbox');
  assertConsistent(state);
  assert.ok(row(state)[1] < 0.01, `opposite: ${row(state)}`);

  await page.click('#sandbox [data-preset="aligned"]');
  const sharp = Math.max(...row(await stateOf('sandbox')));
  await page.click('#sandbox [data-preset="long"]');
  state = await stateOf('sandbox');
  assertConsistent(state);
  const saturated = Math.max(...row(state));
  assert.ok(saturated > sharp && saturated > 0.99, `long: ${sharp} → ${saturated}`);
  // Without ÷√d_k the scores are √2 times larger: the row is sharper still.
  await page.locator('#sandbox .scaling input').uncheck();
  state = await stateOf('sandbox');
  assertConsistent(state);
  assert.ok(Math.max(...row(state)) > saturated);
  assert.match(await page.locator('#sandbox .steps-table th >> nth=2').textContent(), /no scaling/);
  await page.locator('#sandbox .scaling input').check();
});

test('choosing the word that looks puts its query on the plane and explains its row', async () => {
  await page.click('#sandbox .words button:has-text("it")');
  const state = await stateOf('sandbox');
  assert.equal(state.focus, 3);
  assertConsistent(state);
  assert.equal(await page.locator('#sandbox figcaption >> nth=0').textContent(), 'The query of “it” and every key');
  assert.equal(await page.getAttribute('#sandbox .words button:has-text("it")', 'aria-pressed'), 'true');
});

test('an author\'s words and vectors are used; mistakes are said in words and the example is shown', async () => {
  const authored = await stateOf('authored');
  assert.deepEqual(authored.words, ['the', 'bank', 'river', 'money']);
  assert.equal(authored.focus, 1);
  assert.deepEqual(authored.vectors.keys, [[0.5, 0.5], [0, 1], [2, 1], [-1, 1.5]]);
  assertConsistent(authored);
  const notices = await page.locator('#wrong .notice').allTextContents();
  assert.deepEqual(notices, [
    'The words attribute needs at least 3 words separated by spaces; it has 2. Showing the example words.',
    'The keys attribute must be x,y pairs separated by spaces, such as “1,0 0,1.5 -1,0.5”. Using the example vectors.',
    'The scaling attribute must be “on” or “off”, not “maybe”. Using “on”.',
  ]);
  assertConsistent(await stateOf('wrong'));
});

test('lang="es": Spanish words and numbers with a decimal comma', async () => {
  const state = await stateOf('spanish');
  assert.equal(state.focus, 1);
  assert.match(state.shown.summary, /^«gato» mira sobre todo a «\w+»: \d+,\d\s%\.$/);
  assert.match(await page.locator('#spanish .steps-table th >> nth=3').textContent(), /peso softmax/);
  const [ox, oy] = state.engine.output.slice(2, 4);
  const es = (v) => v.toFixed(2).replace('.', ',');
  assert.ok(state.shown.output.includes(`[${es(ox)}; ${es(oy)}]`), state.shown.output);
});

test('a goal question is answered by moving a vector: Check reads the weight from the sandbox', async () => {
  const quiz = page.locator('#goal-quiz');
  await page.evaluate(() => {
    window.answers = [];
    window.statements = [];
    const quiz = document.getElementById('goal-quiz');
    quiz.addEventListener('quizanswer', (event) => window.answers.push(event.detail));
    quiz.addEventListener('xapi', (event) => window.statements.push(event.detail.statement));
  });
  // The author's mistakes are said, the good questions drawn.
  const problems = await quiz.locator('.problems li').allTextContents();
  assert.deepEqual(problems, [
    'Question 3 ("nowhere") is bound to a sandbox with id "no-such-sandbox", but the page has no <attention-sandbox> with that id.',
    'Question 4 ("no-word") cannot be asked: the sandbox has no word “dog”.',
  ]);
  const toward = quiz.locator('form[data-id="toward"]');
  const weightOf = (query, key) => page.evaluate(({ query, key }) => {
    const sandbox = document.getElementById('goal-sandbox');
    const n = sandbox.words.length;
    return sandbox.trace.weights.data[sandbox.words.indexOf(query) * n + sandbox.words.indexOf(key)];
  }, { query, key });
  const start = await weightOf('it', 'cat');
  assert.ok(start < 0.8);
  assert.equal(await toward.locator('.goal-now').textContent(), `Now: “it” gives ${(Math.floor(start * 1000) / 10).toFixed(1)}% of its attention to “cat”.`);
  // Checked as it is: not yet.
  await toward.locator('button[type="submit"]').click();
  assert.equal(await toward.locator('.verdict').textContent(), 'Not quite.');
  assert.match(await toward.locator('.goal-feedback').textContent(), /the goal is at least 80%\. Keep moving the vectors/);
  await toward.locator('button.retry').click();
  // The learner drags the query of "it" (on the first plane, after the four keys) toward the key of "cat".
  await page.locator('#goal-sandbox').scrollIntoViewIfNeeded();
  const from = await handleCenter('goal-sandbox', 0, 4);
  const to = await screenPoint('goal-sandbox', 0, [2.9, 0.1]);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  const reached = await weightOf('it', 'cat');
  assert.ok(reached >= 0.8, `reached ${reached}`);
  assert.match(await toward.locator('.goal-now').textContent(), new RegExp(`gives ${(Math.floor(reached * 1000) / 10).toFixed(1)}% of its`));
  await toward.locator('button[type="submit"]').click();
  assert.equal(await toward.locator('.verdict').textContent(), 'Correct!');
  assert.match(await toward.locator('.explanation').textContent(), /largest score/);
  assert.equal(await quiz.locator('.progress').textContent(), 'Answered correctly: 1 of 2');
  // "Show answer" on the second moves the sandbox to one way of reaching it, and counts nothing.
  const away = quiz.locator('form[data-id="away"]');
  await away.locator('button.show').click();
  assert.equal(await away.locator('.verdict').textContent(), 'Here is the answer.');
  assert.ok(await weightOf('it', 'sat') <= 0.02);
  assert.match(await away.locator('.goal-feedback').textContent(), /^The sandbox now shows one way: “it” gives \d+\.\d% of its attention to “sat”\.$/);
  assert.equal(await quiz.locator('.progress').textContent(), 'Answered correctly: 1 of 2');
  const answers = await page.evaluate(() => window.answers);
  assert.deepEqual(answers.map((a) => [a.id, a.correct]), [['toward', false], ['toward', true]]);
  assert.ok(Math.abs(answers[1].response - reached) < 1e-4);
  // xAPI: a numeric interaction with the goal's range.
  await page.waitForFunction(() => window.statements.length >= 2);
  const statements = await page.evaluate(() => window.statements);
  assert.equal(statements[1].object.definition.interactionType, 'numeric');
  assert.deepEqual(statements[1].object.definition.correctResponsesPattern, ['0.8[:]']);
  assert.equal(statements[1].result.success, true);
});

test('when the engine does not arrive: a message in the page\'s language and Retry, which draws the sandbox once it does', async () => {
  await lab.ready;
  const context = await lab.browser.newContext();
  const broken = await context.newPage();
  const wasm = `${lab.server.url}web/generated/attention_engine.wasm`;
  await broken.route(wasm, (route) => route.fulfill({ status: 404, body: 'missing' }));
  broken.on('console', () => {});  // the developer's detail goes to the console
  await broken.goto(`${lab.server.url}${PATH}`);
  await broken.waitForSelector('#sandbox .retry');
  assert.equal(await broken.textContent('#sandbox .error'), 'The sandbox could not be loaded: its files did not arrive. Check your connection, then try again.');
  assert.equal(await broken.textContent('#spanish .error'), 'No se pudo cargar el laboratorio: sus archivos no llegaron. Comprueba tu conexión y vuelve a intentarlo.');
  await broken.unroute(wasm);
  await broken.click('#sandbox .retry');
  await broken.waitForSelector('#sandbox .steps-table');
  assert.equal(await broken.evaluate(() => document.getElementById('sandbox').shadowRoot.activeElement?.dataset.preset), 'alike');
  await context.close();
});

for (const [colorScheme, width] of [['light', 1280], ['dark', 360], ['light', 360], ['dark', 1280]]) {
  test(`axe: the sandbox page, ${colorScheme}, ${width} px: no violations`, async () => {
    await lab.ready;
    const context = await lab.browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const axePage = await context.newPage();
    await axePage.goto(`${lab.server.url}${PATH}`);
    await axePage.waitForSelector('body[data-ready]');
    await axePage.click('#sandbox [data-preset="aligned"]');
    await axePage.click('#goal-quiz form[data-id="toward"] button[type="submit"]');
    await axePage.locator('#sandbox details.typed summary').click();
    await axePage.locator('#sandbox .handle >> nth=0').focus();
    const results = await new AxeBuilder({ page: axePage }).options({ resultTypes: ['violations'] }).analyze();
    await axePage.locator('#sandbox').screenshot({ path: join(SCREENSHOTS, `sandbox-${colorScheme}-${width}.png`) });
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), []);
    await context.close();
  });
}
