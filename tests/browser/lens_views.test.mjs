// <attention-lens view="lines"> and compare="…": the lines are the grid's weights (one per key
// for the focused word, thicker for more), the table stays for screen readers, and a minimal
// pair shows the focused word's row in both sentences with the changes equal to the two
// analyses; English and Spanish; axe-clean in light and dark at 360 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';

import { SCREENSHOTS, openLabPage, serveAndLaunch } from './harness.mjs';

const lab = serveAndLaunch();
const PATH = 'tests/browser/fixtures/lens_views.html';
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

// The lines drawn and the weights shown: { lines: [{ query, key, width }], weights (n×n, the last
// layer's average), tokens, focus }.
const linesOf = (id) => page.evaluate((id) => {
  const lens = document.getElementById(id);
  const root = lens.shadowRoot;
  const { tokens, layers } = lens.analysis;
  return {
    tokens: tokens.map((t) => t.text),
    weights: Array.from(layers.at(-1).average.data),
    focus: [...root.querySelectorAll('.lines-words.looks li')].findIndex((li) => li.classList.contains('is-focus')),
    lines: [...root.querySelectorAll('.lines-svg line')].map((line) => ({
      query: Number(line.dataset.query), key: Number(line.dataset.key), width: Number(line.getAttribute('stroke-width')),
      className: line.getAttribute('class'), y1: Number(line.getAttribute('y1')), y2: Number(line.getAttribute('y2')),
    })),
    rows: [...root.querySelectorAll('.lines-words li')].map((li) => { const box = li.getBoundingClientRect(); return box.top + box.height / 2; }),
    boardTop: root.querySelector('.lines-board').getBoundingClientRect().top,
  };
}, id);

test('view="lines": one line from the focused word to each key it weighs ≥ 1 %, as thick as the weight, ending on the words', async () => {
  const shown = await linesOf('lines');
  const n = shown.tokens.length;
  assert.equal(shown.tokens[shown.focus], 'it');
  const row = shown.weights.slice(shown.focus * n, (shown.focus + 1) * n);
  const expected = row.map((w, key) => ({ key, w })).filter(({ w }) => w >= 0.01);
  assert.equal(shown.lines.length, expected.length);
  for (const line of shown.lines) {
    assert.equal(line.query, shown.focus);
    assert.ok(Math.abs(line.width - (0.5 + 8 * row[line.key])) < 0.01, `${shown.tokens[line.key]}: ${line.width}`);
    // Each end sits on its word, on the left and on the right.
    assert.ok(Math.abs(shown.boardTop + line.y1 - shown.rows[shown.focus]) < 1.5);
    assert.ok(Math.abs(shown.boardTop + line.y2 - shown.rows[n + line.key]) < 1.5);
  }
  // Thicker means more: the widths are in the order of the weights.
  const byWidth = [...shown.lines].sort((a, b) => b.width - a.width).map((l) => l.key);
  const byWeight = [...expected].sort((a, b) => b.w - a.w).map((e) => e.key);
  assert.deepEqual(byWidth, byWeight);
});

test('view="lines": the grid\'s table is still there for screen readers, out of sight; the picture is hidden from them', async () => {
  const table = await page.evaluate(() => {
    const lens = document.getElementById('lines');
    const root = lens.shadowRoot;
    const scroller = root.querySelector('.grid-scroll');
    const box = scroller.getBoundingClientRect();
    return {
      hidden: scroller.classList.contains('visually-hidden'),
      size: [box.width, box.height],
      display: getComputedStyle(scroller).display,
      cells: [...root.querySelectorAll('.grid tbody td[aria-label]')].length,
      n: lens.analysis.tokens.length,
      pictureHidden: root.querySelector('.lines-board').getAttribute('aria-hidden'),
    };
  });
  assert.equal(table.hidden, true);
  assert.ok(table.size[0] <= 1 && table.size[1] <= 1, `${table.size}`);
  assert.notEqual(table.display, 'none');
  assert.equal(table.cells, table.n * table.n);
  assert.equal(table.pictureHidden, 'true');
  const snapshot = await page.locator('#lines .grid').ariaSnapshot();
  assert.match(snapshot, /cell "it → trophy: \d+%"/);
});

test('view="lines": pointing at another word draws its lines; "every word" draws every row\'s lines under the focused one', async () => {
  await page.hover('#lines .lines-words.looks li:nth-child(2)');
  let shown = await linesOf('lines');
  assert.equal(shown.focus, 1);
  assert.ok(shown.lines.length > 0 && shown.lines.every((l) => l.query === 1));
  await page.hover('#lines .sentence .word:nth-child(8)');  // "because" in the sentence above
  shown = await linesOf('lines');
  assert.equal(shown.tokens[shown.focus], 'because');
  await page.locator('#lines .lines-all input').check();
  shown = await linesOf('lines');
  const n = shown.tokens.length;
  const expected = shown.weights.filter((w) => w >= 0.01).length;
  assert.equal(shown.lines.length, expected);
  const focusedLines = shown.weights.slice(shown.focus * n, (shown.focus + 1) * n).filter((w) => w >= 0.01).length;
  assert.equal(shown.lines.filter((l) => l.className === 'focused').length, focusedLines);
  assert.ok(shown.lines.slice(-focusedLines).every((l) => l.className === 'focused' && l.query === shown.focus), 'the focused word\'s lines are drawn last, on top');
  await page.locator('#lines').screenshot({ path: join(SCREENSHOTS, 'lens-lines-all-1280.png') });
  await page.locator('#lines .lines-all input').uncheck();
});

// The compare panel as shown, and the two analyses' rows for the focused word.
const pairOf = (id) => page.evaluate((id) => {
  const lens = document.getElementById(id);
  const root = lens.shadowRoot;
  return {
    summary: root.querySelector('.compare-summary')?.textContent,
    title: root.querySelector('.compare-title')?.textContent,
    marked: [...root.querySelectorAll('.compare-sentences li')].map((li) => [...li.querySelectorAll('mark')].map((m) => m.firstChild.textContent)),
    rows: [...root.querySelectorAll('.compare-table tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent)),
    sums: [...root.querySelectorAll('.compare-table tfoot td')].slice(0, 2).map((c) => c.textContent),
    message: root.querySelector('.compare-message')?.textContent ?? '',
    unlisted: root.querySelector('.compare-unlisted')?.textContent ?? '',
  };
}, id);

test('compare: the focused word\'s row in both sentences, the change second − first for every key, the largest gain and loss said', async () => {
  const expected = await page.evaluate(async () => {
    const { loadModel } = await import('/web/src/engine.js');
    const model = await loadModel();
    const rowOf = (sentence, word) => {
      const { tokens, layers } = model.analyze(sentence);
      const n = tokens.length;
      const q = tokens.findIndex((t) => t.text === word);
      return Object.fromEntries(tokens.map((t, k) => [t.text, layers.at(-1).average.data[q * n + k]]));
    };
    return {
      first: rowOf("The animal didn't cross the street because it was too tired", 'it'),
      second: rowOf("The animal didn't cross the street because it was too wide", 'it'),
    };
  });
  const shown = await pairOf('pair');
  assert.equal(shown.title, 'The row of “it” in both sentences');
  assert.deepEqual(shown.marked, [['tired'], ['wide']]);
  const percent = (w) => `${(w * 100).toFixed(1)}%`;
  const points = (change) => {
    const value = Math.round(change * 1000) / 10;
    return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(1)} pt`;
  };
  const keys = new Set([...Object.keys(expected.first), ...Object.keys(expected.second)]);
  // Keys under 0.5 % in both sentences are counted in a line, not listed.
  const listed = [...keys].filter((key) => Math.max(expected.first[key] ?? 0, expected.second[key] ?? 0) >= 0.005);
  assert.equal(shown.rows.length, listed.length);
  assert.equal(shown.unlisted, keys.size === listed.length ? '' : `${keys.size - listed.length} more words get under 0.5% in both sentences (rows sum over every word).`);
  for (const [key, first, second, change] of shown.rows) {
    const a = expected.first[key];
    const b = expected.second[key];
    assert.equal(first, a === undefined ? '—' : percent(a), key);
    assert.equal(second, b === undefined ? '—' : percent(b), key);
    assert.equal(change, points((b ?? 0) - (a ?? 0)), key);
  }
  // Sorted by the size of the change.
  const sizes = shown.rows.map(([key]) => Math.abs((expected.second[key] ?? 0) - (expected.first[key] ?? 0)));
  assert.deepEqual(sizes, [...sizes].sort((x, y) => y - x));
  // Both rows sum to 1.
  assert.deepEqual(shown.sums, ['1.00', '1.00']);
  const changes = [...keys].map((key) => ({ key, change: (expected.second[key] ?? 0) - (expected.first[key] ?? 0) }));
  const gain = changes.reduce((best, c) => (c.change > best.change ? c : best));
  const loss = changes.reduce((worst, c) => (c.change < worst.change ? c : worst));
  assert.equal(shown.summary, `In the 2nd sentence “it” looks more at “${gain.key}” (${points(gain.change)}) and less at “${loss.key}” (${points(loss.change)}).`);
  await page.locator('#pair').screenshot({ path: join(SCREENSHOTS, 'lens-compare-1280.png') });
});

test('compare: moving the focus redoes the comparison; a head chosen compares that head', async () => {
  await page.hover('#pair .sentence .word:nth-child(2)');  // "animal"
  assert.equal((await pairOf('pair')).title, 'The row of “animal” in both sentences');
  await page.selectOption('#pair select.head', '2');
  await page.waitForFunction(() => document.getElementById('pair').shadowRoot.querySelector('.compare-title'));
  const shown = await pairOf('pair');
  const expected = await page.evaluate(async () => {
    const lens = document.getElementById('pair');
    const { loadModel } = await import('/web/src/engine.js');
    const model = await loadModel();
    const second = model.analyze(lens.getAttribute('compare'));
    const n = second.tokens.length;
    const q = second.tokens.findIndex((t) => t.text === lens.shadowRoot.querySelector('.compare-title').textContent.match(/“(.*)”/)[1]);
    return Array.from(second.layers.at(-1).heads[1].weights.data.slice(q * n, (q + 1) * n)).map((w) => `${(w * 100).toFixed(1)}%`);
  });
  const shownSecond = shown.rows.map((r) => r[2]).filter((c) => c !== '—').sort();
  // Every token of the second sentence has one row (unless under 0.5 % in both): its column holds that head's row.
  const remaining = [...expected];
  for (const value of shownSecond) {
    assert.ok(remaining.includes(value), `${value} is one of that head's weights`);
    remaining.splice(remaining.indexOf(value), 1);
  }
  assert.ok(remaining.every((w) => parseFloat(w) < 0.5), `left out: ${remaining}`);
  await page.selectOption('#pair select.head', 'average');
});

test('compare, lang="es": Spanish words, comma decimals and percentage points', async () => {
  const shown = await pairOf('pair-es');
  assert.equal(shown.title, 'La fila de «bank» en las dos frases');
  assert.match(shown.summary, /^En la 2\.ª frase «bank» mira más a «[^»]+» \(\+\d+,\d p\. p\.\) y menos a «[^»]+» \(−\d+,\d p\. p\.\)\.$/);
  assert.deepEqual(shown.sums, ['1,00', '1,00']);
  assert.ok(shown.rows.every(([, a, b]) => /^(\d+,\d\s%|—)$/.test(a) && /^(\d+,\d\s%|—)$/.test(b)));
});

test('compare: a second sentence without the focused word, or too long to read, is said in words; the first grid stays', async () => {
  const missing = await pairOf('pair-missing');
  assert.equal(missing.message, 'The 2nd sentence has no “it”, so there is no row to compare. Choose a word both sentences have.');
  assert.equal(await page.locator('#pair-missing .compare-scroll').isHidden(), true);
  // A word both have: the comparison is back.
  await page.hover('#pair-missing .sentence .word:nth-child(1)');
  assert.equal((await pairOf('pair-missing')).message, '');
  const long = await pairOf('pair-long');
  assert.match(long.message, /^The 2nd sentence cannot be compared: The sentence has 70 tokens .* the model reads at most 64\./);
  assert.equal(await page.locator('#pair-long .grid').count(), 1);
});

test('compare, lang="es": a second sentence too long to read is refused in Spanish, with the count and the limit', async () => {
  await page.evaluate(() => document.getElementById('pair-long').setAttribute('lang', 'es'));
  await page.waitForFunction(() => document.getElementById('pair-long').shadowRoot.querySelector('.compare-message')?.textContent.startsWith('No se puede comparar'));
  const long = await pairOf('pair-long');
  assert.match(long.message, /^No se puede comparar la 2\.ª frase: .*70.*64/);
  assert.equal(await page.locator('#pair-long .grid').count(), 1, 'the first sentence\'s grid stays');
  await page.evaluate(() => document.getElementById('pair-long').removeAttribute('lang'));
  await page.waitForFunction(() => document.getElementById('pair-long').shadowRoot.querySelector('.compare-message')?.textContent.startsWith('The 2nd sentence'));
});

test('view="lines" at 360 px with 64 words: the columns fit, the page scrolls down and never sideways, every line ends on its words', async () => {
  await lab.ready;
  const context = await lab.browser.newContext({ viewport: { width: 360, height: 800 } });
  const narrow = await context.newPage();
  try {
    await narrow.goto(`${lab.server.url}${PATH}`);
    await narrow.waitForSelector('body[data-ready]');
    // The model's longest sentence: 64 words, each one token.
    const WORDS = 'the cat sat on the mat because it was tired and the dog ran to the park'.split(' ');
    const sentence = Array.from({ length: 64 }, (_, i) => WORDS[i % WORDS.length]).join(' ');
    await narrow.evaluate(async (sentence) => {
      const lens = Object.assign(document.createElement('attention-lens'), { id: 'long-lines' });
      lens.setAttribute('view', 'lines');
      lens.setAttribute('sentence', sentence);
      lens.setAttribute('focus', 'it');
      lens.setAttribute('controls', '');
      document.querySelector('main').append(lens);
      await lens.ready;
    }, sentence);
    const measure = () => narrow.evaluate(() => {
      const lens = document.getElementById('long-lines');
      const root = lens.shadowRoot;
      const board = root.querySelector('.lines-board').getBoundingClientRect();
      const middles = [...root.querySelectorAll('.lines-words li')].map((li) => { const box = li.getBoundingClientRect(); return box.top + box.height / 2; });
      return {
        n: lens.analysis.tokens.length,
        weights: Array.from(lens.analysis.layers.at(-1).average.data),
        focus: [...root.querySelectorAll('.lines-words.looks li')].findIndex((li) => li.classList.contains('is-focus')),
        lines: [...root.querySelectorAll('.lines-svg line')].map((line) => ({ query: Number(line.dataset.query), key: Number(line.dataset.key), y1: Number(line.getAttribute('y1')), y2: Number(line.getAttribute('y2')) })),
        middles, boardTop: board.top, boardRight: board.right, boardHeight: board.height,
        wordsHeight: root.querySelector('.lines-words.looks li:last-child').getBoundingClientRect().bottom - root.querySelector('.lines-words.looks li').getBoundingClientRect().top,
        pageWidth: document.documentElement.scrollWidth, pageHeight: document.documentElement.scrollHeight, viewport: [innerWidth, innerHeight],
      };
    });
    let shown = await measure();
    assert.equal(shown.n, 64);
    assert.ok(shown.pageWidth <= shown.viewport[0], `the page scrolls sideways: ${shown.pageWidth} px`);
    assert.ok(shown.boardRight <= shown.viewport[0] + 0.5, `the right column ends at ${shown.boardRight} px`);
    assert.ok(shown.pageHeight > shown.viewport[1], 'the 64 words run down the page');
    // The picture never holds the board taller than its words (an element added to a page draws
    // once before its stylesheet applies, when the columns are stacked).
    assert.ok(shown.boardHeight - shown.wordsHeight < 2, `the board is ${shown.boardHeight} px for ${shown.wordsHeight} px of words`);
    const ends = (state) => {
      assert.ok(state.lines.length > 0);
      for (const line of state.lines) {
        assert.ok(Math.abs(state.boardTop + line.y1 - state.middles[line.query]) < 1.5, `line ${line.query} → ${line.key} starts off its word`);
        assert.ok(Math.abs(state.boardTop + line.y2 - state.middles[state.n + line.key]) < 1.5, `line ${line.query} → ${line.key} ends off its word`);
      }
    };
    ends(shown);
    // The last word, scrolled to and pointed at: its lines, on its row.
    const last = narrow.locator('#long-lines .lines-words.looks li').last();
    await last.scrollIntoViewIfNeeded();
    await last.hover();
    shown = await measure();
    assert.equal(shown.focus, 63);
    assert.ok(shown.lines.every((line) => line.query === 63));
    assert.equal(shown.lines.length, shown.weights.slice(63 * 64).filter((w) => w >= 0.01).length);
    ends(shown);
    await narrow.locator('#long-lines').screenshot({ path: join(SCREENSHOTS, 'lens-lines-64-360.png') });
    // A wider window moves the words (the columns' middle stretches): the lines follow.
    await narrow.setViewportSize({ width: 800, height: 800 });
    await narrow.waitForFunction(() => {
      const root = document.getElementById('long-lines').shadowRoot;
      return Number(root.querySelector('.lines-svg line').getAttribute('x2')) > 300;
    });
    ends(await measure());
  } finally {
    await context.close();
  }
});

for (const [colorScheme, width] of [['light', 1280], ['dark', 360], ['light', 360], ['dark', 1280]]) {
  test(`axe: lines and minimal pairs, ${colorScheme}, ${width} px: no violations; nothing scrolls the page sideways`, async () => {
    await lab.ready;
    const context = await lab.browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const axePage = await context.newPage();
    await axePage.goto(`${lab.server.url}${PATH}`);
    await axePage.waitForSelector('body[data-ready]');
    const results = await new AxeBuilder({ page: axePage }).options({ resultTypes: ['violations'] }).analyze();
    await axePage.locator('#lines').screenshot({ path: join(SCREENSHOTS, `lens-lines-${colorScheme}-${width}.png`) });
    await axePage.locator('#pair').screenshot({ path: join(SCREENSHOTS, `lens-compare-${colorScheme}-${width}.png`) });
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), []);
    assert.ok(await axePage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling');
    await context.close();
  });
}
