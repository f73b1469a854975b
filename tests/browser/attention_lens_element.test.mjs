// <attention-lens> as a course author uses it: several on one page, attributes for layer and
// head, the learner's layer and head choice, events, and input that must stay inert.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { SCREENSHOTS, collectProblems, serveAndLaunch } from './harness.mjs';

const lab = serveAndLaunch();
let page;
let problems = [];
const requested = [];

before(async () => {
  await lab.ready;
  page = await lab.browser.newPage();
  problems = collectProblems(page);
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`${lab.server.url}tests/browser/fixtures/lenses.html`);
  await page.waitForSelector('body[data-ready="true"]');
});

const focused = (id) => page.textContent(`#${id} .grid tbody tr.is-focus th`);
const focusedRow = (id) => page.$$eval(`#${id} .grid tbody tr.is-focus td:not(.row-sum)`, (cells) => cells.map((c) => Number(c.textContent)));

test('several elements on one page work on their own', async () => {
  assert.equal(await focused('tired'), 'it');
  assert.equal(await focused('bank'), 'bank');
  await page.hover('#tired .grid tbody th >> text="street"');
  assert.equal(await focused('tired'), 'street');
  assert.equal(await focused('bank'), 'bank', 'the other element did not move');
});

test('the layer and head attributes choose what the grid shows; the learner can change them', async () => {
  assert.equal(await page.$eval('#bank select.layer', (s) => s.value), '1');
  assert.equal(await page.$eval('#bank select.head', (s) => s.value), '2');
  await page.mouse.move(0, 0);  // away from the grid: a re-drawn grid under the pointer would take the focus
  await page.focus('#tired .sentence .word >> text="it"');
  const average = await focusedRow('tired');
  await page.selectOption('#tired select.head', '1');
  assert.equal(await page.getAttribute('#tired', 'head'), '1');
  assert.equal(await focused('tired'), 'it', 'the focused word stays across the switch');
  const firstHead = await focusedRow('tired');
  assert.notDeepEqual(firstHead, average);
  await page.selectOption('#tired select.layer', '1');
  assert.equal(await page.getAttribute('#tired', 'layer'), '1');
  const layerOne = await focusedRow('tired');
  assert.notDeepEqual(layerOne, firstHead);
  // Every head is offered with its label.
  const options = await page.$$eval('#tired select.head option', (o) => o.map((x) => x.textContent));
  assert.equal(options[0], 'Average of 4 heads');
  assert.equal(options.length, 5);
  await page.selectOption('#tired select.layer', '2');
  await page.selectOption('#tired select.head', 'average');
});

test('focus changes leave as bubbling, composed events with the row of weights', async () => {
  await page.evaluate(() => { window.focusEvents.length = 0; });
  await page.hover('#tired .sentence .word >> text="animal"');
  const events = await page.evaluate(() => window.focusEvents);
  const last = events.at(-1);
  assert.equal(last.target, 'tired');
  assert.equal(last.token, 'animal');
  assert.equal(last.layer, 2);
  assert.equal(last.head, 'average');
  assert.ok(Math.abs(last.weights.reduce((a, b) => a + b, 0) - 1) < 1e-5);
});

test('HTML in the sentence is shown as text and never runs', async () => {
  const words = await page.$$eval('#html .sentence .word', (buttons) => buttons.map((b) => b.textContent));
  assert.ok(words.includes('<'), `tokens: ${words}`);
  assert.equal(await page.$$eval('#html img', (images) => images.length), 0);
  const unknown = await page.$$eval('#html .sentence .word.unknown', (buttons) => buttons.length);
  assert.ok(unknown > 0, 'words the model does not know are marked');
  assert.deepEqual(problems, []);
});

test('an empty sentence gets a clear message in the element and nothing else breaks', async () => {
  assert.match(await page.textContent('#empty .error'), /The sentence is empty/);
  assert.equal(await page.getAttribute('#empty .error', 'role'), 'alert');
  await page.evaluate(() => document.getElementById('empty').setAttribute('sentence', 'Arjun ate the pizza because he was hungry'));
  await page.waitForSelector('#empty .grid');
  await page.evaluate(() => document.getElementById('empty').setAttribute('focus', 'he'));
  const row = await focusedRow('empty');
  const words = await page.$$eval('#empty .sentence .word', (b) => b.map((x) => x.textContent));
  assert.equal(words[row.indexOf(Math.max(...row))], 'Arjun');
  assert.deepEqual(problems, []);
});

test('with a head chosen, the math panel shows the engine\'s numbers for the focused word', async () => {
  await page.mouse.move(0, 0);
  await page.selectOption('#tired select.head', '1');
  await page.focus('#tired .sentence .word >> text="it"');
  assert.match(await page.textContent('#tired .math .math-title'), /The math for “it” in this head/);
  const headers = await page.$$eval('#tired .math-table thead th', (th) => th.map((x) => x.textContent));
  assert.deepEqual(headers, ['key', 'Q·K', '× 0.354', 'softmax weight']);
  // The panel's weights are the grid's row, to the digits each shows.
  const panel = await page.$$eval('#tired .math-table tbody td.weight', (cells) => cells.map((c) => Number.parseFloat(c.textContent)));
  const grid = await focusedRow('tired');
  panel.forEach((percent, i) => assert.ok(Math.abs(Math.round(percent) - grid[i]) <= 1, `key ${i}: ${percent} vs ${grid[i]}`));
  assert.ok(Math.abs(panel.reduce((a, b) => a + b, 0) - 100) < 0.6);
  await page.screenshot({ path: join(SCREENSHOTS, 'lens-math-1280.png'), fullPage: true });
});

test('under a moving pointer the math panel waits for it to rest; the sentence and the grid keep one Tab stop each', async () => {
  await page.mouse.move(0, 0);
  await page.selectOption('#tired select.head', '2');
  await page.focus('#tired .sentence .word >> text="it"');
  const mathTitle = () => page.textContent('#tired .math .math-title');
  assert.match(await mathTitle(), /“it”/, 'the keyboard updates the panel at once');
  // Three words in one task, as a fast pointer crosses them: the row, the sentence and the
  // summary follow each, the panel only the word the pointer rests on.
  const seen = await page.evaluate(() => {
    const lens = document.getElementById('tired');
    const labels = [...lens.shadowRoot.querySelectorAll('.grid tbody th')];
    const titles = [];
    for (const word of ['animal', 'street', 'tired']) {
      labels.find((label) => label.textContent === word).dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      titles.push([lens.shadowRoot.querySelector('.grid tbody tr.is-focus th').textContent, lens.shadowRoot.querySelector('.math .math-title').textContent]);
    }
    return titles;
  });
  assert.deepEqual(seen.map(([row]) => row), ['animal', 'street', 'tired']);
  assert.ok(seen.every(([, title]) => /“it”/.test(title)), `the panel waits: ${seen.map(([, title]) => title)}`);
  await page.waitForFunction(() => /“tired”/.test(document.getElementById('tired').shadowRoot.querySelector('.math .math-title').textContent));
  assert.match(await page.textContent('#tired .summary'), /“tired” looks most at/);
  // The panel then shows the engine's numbers for that word: its weights are the grid's row.
  const panel = await page.$$eval('#tired .math-table tbody td.weight', (cells) => cells.map((c) => Number.parseFloat(c.textContent)));
  const grid = await focusedRow('tired');
  panel.forEach((percent, i) => assert.ok(Math.abs(Math.round(percent) - grid[i]) <= 1, `key ${i}: ${percent} vs ${grid[i]}`));
  // One Tab stop in the sentence (the focused word) and one in the grid (its row's label).
  const stops = await page.$eval('#tired', (lens) => ({
    words: [...lens.shadowRoot.querySelectorAll('.sentence .word')].filter((word) => word.tabIndex === 0).map((word) => word.textContent),
    grid: [...lens.shadowRoot.querySelectorAll('.grid tbody th, .grid tbody td')].filter((cell) => cell.tabIndex === 0).map((cell) => cell.closest('tr').cells[0].textContent),
  }));
  assert.deepEqual(stops, { words: ['tired'], grid: ['tired'] });
  // A move, then Escape before the pointer has rested: the panel is cleared and stays so.
  await page.evaluate(() => [...document.getElementById('tired').shadowRoot.querySelectorAll('.grid tbody th')]
    .find((label) => label.textContent === 'street').dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true })));
  await page.keyboard.press('Escape');
  assert.equal(await page.$$eval('#tired .math > *', (nodes) => nodes.length), 0, 'Escape clears the panel');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
  assert.equal(await page.$$eval('#tired .math > *', (nodes) => nodes.length), 0);
  await page.selectOption('#tired select.head', '1');  // as the test before left it, for the next
  assert.equal(await focused('tired'), 'it');
});

test('the toggles change the weights as the engine says: no scaling sharpens, causal hides the future', async () => {
  await page.mouse.move(0, 0);
  const before = await focusedRow('tired');
  await page.click('#tired label.scaling input');
  assert.equal(await page.getAttribute('#tired', 'scaling'), 'off');
  assert.match(await page.textContent('#tired .math-table thead'), /× 1 \(no scaling\)/);
  const unscaled = await focusedRow('tired');
  assert.ok(Math.max(...unscaled) >= Math.max(...before), `max ${Math.max(...unscaled)} vs ${Math.max(...before)}`);
  await page.click('#tired label.scaling input');

  await page.click('#tired label.causal input');
  assert.equal(await page.getAttribute('#tired', 'mask'), 'causal');
  const rows = await page.$$eval('#tired .grid tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td:not(.row-sum)'), (c) => Number(c.textContent))));
  rows.forEach((row, i) => row.forEach((value, j) => { if (j > i) assert.equal(value, 0, `row ${i} col ${j}`); }));
  const sums = await page.$$eval('#tired .grid tbody .row-sum', (cells) => cells.map((c) => c.textContent));
  assert.ok(sums.every((sum) => sum === '1.00'));
  assert.ok((await page.$$eval('#tired .math-table tbody td', (cells) => cells.filter((c) => c.textContent === 'masked').length)) > 0);
  await page.click('#tired label.causal input');
  assert.deepEqual(problems, []);
});

test('arrow keys walk the words: up and down the rows, left and right along the sentence', async () => {
  await page.mouse.move(0, 0);
  await page.focus('#bank .grid tbody th >> text="went"');
  assert.equal(await focused('bank'), 'went');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused('bank'), 'to');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused('bank'), 'I');
  await page.keyboard.press('ArrowUp');  // stays on the first row
  assert.equal(await focused('bank'), 'I');
  await page.focus('#bank .sentence .word >> text="deposit"');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused('bank'), 'money');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused('bank'), 'deposit');
});

test('attributes out of range get a clear notice and a sensible fallback', async () => {
  const notices = await page.$$eval('#typed .notice', (p) => p.map((x) => x.textContent));
  assert.deepEqual(notices, [
    'There is no layer “9”: this model has layers 1 to 2. Showing layer 2.',
    'There is no head “x”: this model has heads 1 to 4. Showing the average of its heads.',
    'The temperature attribute must be a number from 0.05 to 20, not “hot”. Using 1.',
  ]);
  assert.equal(await page.$eval('#typed select.layer', (s) => s.value), '2');
});

test('with editable, a learner types a sentence; a refused one keeps the box to fix it', async () => {
  await page.fill('#typed .editor input', 'word '.repeat(100));
  await page.click('#typed .editor button');
  await page.waitForSelector('#typed .error');
  assert.match(await page.textContent('#typed .error'), /has 100 tokens .* at most 64/);
  await page.fill('#typed .editor input', 'The trophy didn\'t fit in the suitcase because it was too small');
  await page.press('#typed .editor input', 'Enter');
  await page.waitForSelector('#typed .grid');
  assert.equal(await page.getAttribute('#typed', 'sentence'), 'The trophy didn\'t fit in the suitcase because it was too small');
  await page.evaluate(() => document.getElementById('typed').setAttribute('focus', 'it'));
  const row = await focusedRow('typed');
  const words = await page.$$eval('#typed .sentence .word', (b) => b.map((x) => x.textContent));
  assert.equal(words[row.indexOf(Math.max(...row))], 'suitcase');
  assert.deepEqual(problems, []);
});

test('view="heads" shows every head side by side with its strongest links; choosing one opens it', async () => {
  const cards = await page.$$eval('#overview .head-card', (c) => c.map((x) => x.querySelector('.head-title').textContent));
  assert.equal(cards.length, 8);
  assert.equal(cards[4], 'Layer 2 · head 1');
  const links = await page.textContent('#overview .head-card:nth-child(5) .links');
  assert.match(links, /(^| · )he → Arjun \d+%/);  // layer 2 points the pronoun at its referent
  // controls="scaling": only that toggle is offered.
  assert.equal(await page.$$eval('#overview select', (s) => s.length), 0);
  assert.equal(await page.$$eval('#overview label.scaling', (l) => l.length), 1);
  await page.locator('#overview').screenshot({ path: join(SCREENSHOTS, 'lens-heads-overview.png') });
  await page.click('#overview .head-card:nth-child(5)');
  assert.equal(await page.getAttribute('#overview', 'view'), 'grid');
  assert.equal(await page.getAttribute('#overview', 'head'), '1');
  await page.waitForSelector('#overview .grid');
  await page.screenshot({ path: join(SCREENSHOTS, 'lens-fixtures-1280.png'), fullPage: true });
});

test('an unknown view name gets a notice and the grid', async () => {
  await page.evaluate(() => document.getElementById('overview').setAttribute('view', 'sideways'));
  await page.waitForSelector('#overview .notice');
  assert.match(await page.textContent('#overview .notice'), /There is no view “sideways”: choose grid, heads, math, lines/);
  assert.equal(await page.$$eval('#overview .grid', (g) => g.length), 1);
});

test('lang="es" speaks Spanish: controls, notices, summary and math panel', async () => {
  assert.equal(await page.$eval('#spanish select.layer', (s) => s.getAttribute('aria-label')), 'Capa');
  assert.match(await page.textContent('#spanish .notice'), /No hay capa «5»: este modelo tiene capas de 1 a 2/);
  assert.match(await page.textContent('#spanish .summary'), /«bank» mira sobre todo a: river/);
  assert.match(await page.textContent('#spanish .math .math-title'), /Las cuentas de «bank» en esta cabeza/);
  assert.match(await page.textContent('#spanish label.causal'), /Máscara causal/);
});

test('roles and accessible names: a table with row headers and named cells, named controls', async () => {
  const lens = page.locator('#bank');
  assert.equal(await lens.getByRole('table', { name: /Attention weights/ }).count(), 1);
  const grid = lens.getByRole('table', { name: /Attention weights/ });
  assert.equal(await grid.getByRole('rowheader', { name: 'deposit' }).count(), 1);
  assert.equal(await grid.getByRole('columnheader', { name: 'money' }).count(), 1);
  assert.equal(await grid.getByRole('cell', { name: /^bank → money: \d+%$/ }).count(), 1);
  assert.equal(await lens.getByRole('table', { name: /The math for “[^”]+” in this head/ }).count(), 1);
  assert.equal(await lens.getByRole('button', { name: 'deposit' }).count(), 1);
  assert.equal(await lens.getByRole('combobox', { name: 'Layer' }).count(), 1);
  assert.equal(await lens.getByRole('combobox', { name: 'Head' }).count(), 1);
  assert.equal(await lens.getByRole('checkbox', { name: /Divide by √d_k/ }).count(), 1);
  assert.equal(await lens.getByRole('checkbox', { name: /Causal mask/ }).count(), 1);
  assert.equal(await lens.getByRole('slider', { name: /Temperature/ }).count(), 1);
  assert.equal(await page.$eval('#bank .summary', (p) => p.getAttribute('aria-live')), 'polite');
  assert.match(await page.textContent('#bank .axes'), /Rows: the word that is looking \(query\) · Columns: the word it looks at \(key\)/);
  assert.match(await page.textContent('#bank .legend'), /0%100%brighter = more attention; each row adds up to 1/);
  // The sentence and the grid are one Tab stop each (roving tabindex, keyboard.test.mjs); the
  // arrow keys reach the rest.
  const stops = await page.$$eval('#bank .sentence .word, #bank .grid tbody th, #bank .grid tbody td', (nodes) => nodes.filter((n) => n.tabIndex === 0).length);
  assert.equal(stops, 2);
});

test('a tap on a touch screen focuses and pins a word', async () => {
  const context = await lab.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 320, height: 740 } });
  const phone = await context.newPage();
  await phone.goto(`${lab.server.url}tests/browser/fixtures/lenses.html`);
  await phone.waitForSelector('body[data-ready="true"]');
  await phone.tap('#tired .sentence .word >> text="street"');
  assert.equal(await phone.textContent('#tired .grid tbody tr.is-focus th'), 'street');
  await phone.tap('#tired .grid tbody th >> text="tired"');
  assert.equal(await phone.textContent('#tired .grid tbody tr.is-focus th'), 'tired');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await phone.screenshot({ path: join(SCREENSHOTS, 'lens-fixtures-320.png'), fullPage: false });
  await context.close();
});

test('every element on the page shares one download of the engine and the model', () => {
  assert.equal(requested.filter((path) => path.endsWith('/attention_engine.wasm')).length, 1);
  assert.equal(requested.filter((path) => path.endsWith('/attention_lens_model.bin')).length, 1);
  assert.ok(requested.every((path) => !path.includes('://')));
});

test('right-to-left text, emoji and HTML in any attribute are shown as text and never run', async () => {
  const words = await page.$$eval('#hostile .sentence .word', (b) => b.map((x) => x.textContent));
  assert.deepEqual(words.slice(0, 3), ['שלום', 'עולם', '👋']);
  assert.ok(words.includes('<') && words.includes('bold'));
  assert.equal(await page.$$eval('#hostile img, #hostile b, #hostile script', (n) => n.length), 0);
  const notices = await page.$$eval('#hostile .notice', (p) => p.map((x) => x.textContent));
  assert.ok(notices.some((text) => text.includes('There is no layer “<img src=x onerror=alert(3)>”')));
  assert.ok(notices.some((text) => text.includes('There is no view “<script>alert(4)</script>”')));
  assert.equal(await page.$$eval('#hostile .grid tbody tr', (rows) => rows.length), words.length);
  assert.deepEqual(problems, []);
});

// Characters XML 1.0 forbids: C0 controls, lone surrogates, U+FFFE/U+FFFF, next to ones it allows.
const NASTY_SENTENCES = [
  'the dog\u0001 ran', 'the\u0000dog', 'the \uD83Ddog ran', 'the dog\uDC00 ran', 'the dog ran\uD83D',
  'the \uFFFE dog \uFFFF', 'the\u0008dog\u000B\u000C\u001F', 'the\tdog\nran\r', 'the dog \u007F\u0085 ran',
  'the dog 👋 ran', 'the ]]> <![CDATA[ dog', 'the &amp; &#0; dog',
];

test('exportSvg() parses as XML whatever the sentence holds', async () => {
  const results = await page.evaluate(async (sentences) => {
    const parses = (svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      return doc.getElementsByTagName('parsererror').length === 0 && doc.documentElement.localName === 'svg';
    };
    const lens = document.getElementById('bank');
    const original = lens.getAttribute('sentence');
    const out = [];
    for (const sentence of sentences) {
      lens.setAttribute('sentence', sentence);
      await new Promise((resolve) => lens.addEventListener('attentionchange', resolve, { once: true }));
      out.push({ sentence, parses: parses(lens.exportSvg()) });
    }
    // The escaping itself, whatever the tokenizer lets into a token.
    const { gridSvg } = await import('/web/src/export_view.js');
    for (const sentence of sentences) {
      const tokens = sentence.split(' ').map((text) => ({ text }));
      const weights = { data: new Float32Array(tokens.length ** 2).fill(1 / tokens.length) };
      out.push({ sentence: `gridSvg: ${sentence}`, parses: parses(gridSvg({ tokens, weights, title: sentence })) });
    }
    lens.setAttribute('sentence', original);
    await new Promise((resolve) => lens.addEventListener('attentionchange', resolve, { once: true }));
    return out;
  }, NASTY_SENTENCES);
  const failing = results.filter((r) => !r.parses).map((r) => JSON.stringify(r.sentence));
  assert.deepEqual(failing, [], `these SVGs do not parse as XML: ${failing.join(', ')}`);
  assert.deepEqual(problems, []);
});

// A fresh <attention-lens> with these attributes, drawn: its notices, the weights of its grid
// (null if there is none) and its error message, then removed.
const drawLens = (attributes) => page.evaluate(async (attrs) => {
  const lens = document.createElement('attention-lens');
  for (const [name, value] of Object.entries({ sentence: 'the dog saw the cat', ...attrs })) lens.setAttribute(name, value);
  document.body.append(lens);
  await lens.ready;
  const root = lens.shadowRoot;
  const result = {
    notices: Array.from(root.querySelectorAll('.notice'), (p) => p.textContent),
    grid: root.querySelector('.grid') ? Array.from(root.querySelectorAll('.grid tbody td:not(.row-sum)'), (td) => td.style.getPropertyValue('--weight')) : null,
    error: root.querySelector('.error')?.textContent ?? null,
    layer: root.querySelector('select.layer')?.value, head: root.querySelector('select.head')?.value,
    scaling: root.querySelector('label.scaling input')?.checked, causal: root.querySelector('label.causal input')?.checked,
  };
  lens.remove();
  return result;
}, attributes);

test('temperature is read strictly: a notice names what arrived and what is allowed, and the grid stays', async () => {
  const byDefault = await drawLens({});
  const coolest = await drawLens({ temperature: '0.05' });
  const hottest = await drawLens({ temperature: '20' });
  assert.deepEqual(byDefault.notices, []);
  assert.deepEqual(coolest.notices, []);
  assert.notDeepEqual(coolest.grid, byDefault.grid);
  // Not a number, or not above 0: the default, 1.
  for (const asked of ['2abc', 'Infinity', '-Infinity', '', 'NaN', '-1', '0', '0x10', '1e', ' ', '1,5']) {
    const { notices, grid, error } = await drawLens({ temperature: asked });
    assert.deepEqual(notices, [`The temperature attribute must be a number from 0.05 to 20, not “${asked}”. Using 1.`], `temperature="${asked}"`);
    assert.equal(error, null, `temperature="${asked}": ${error}`);
    assert.deepEqual(grid, byDefault.grid, `temperature="${asked}" draws the default grid`);
  }
  // A number out of range: the nearest end, said so; never the engine's overflow message.
  for (const [asked, used, same] of [['1e-40', 0.05, coolest], ['0.0001', 0.05, coolest], ['1e5', 20, hottest], ['21', 20, hottest]]) {
    const { notices, grid, error } = await drawLens({ temperature: asked });
    assert.deepEqual(notices, [`The temperature attribute must be a number from 0.05 to 20, not “${asked}”. Using ${used}.`]);
    assert.equal(error, null, `temperature="${asked}": ${error}`);
    assert.deepEqual(grid, same.grid, `temperature="${asked}" draws the grid of ${used}`);
  }
  // Numbers written in full are taken as they are.
  for (const asked of ['2', ' 2 ', '2.0', '+2', '2e0', '.5', '5.']) {
    assert.deepEqual((await drawLens({ temperature: asked })).notices, [], `temperature="${asked}"`);
  }
  const spanish = await drawLens({ temperature: '1e-40', lang: 'es' });
  assert.deepEqual(spanish.notices, ['El atributo temperature debe ser un número de 0,05 a 20, no «1e-40». Se usa 0,05.']);
  assert.deepEqual(problems, []);
});

test('a new sentence and a focus set together: the focus is the new sentence\'s word, whatever the old grid showed', async () => {
  const focused = await page.evaluate(async () => {
    const lens = document.createElement('attention-lens');
    lens.setAttribute('sentence', "The animal didn't cross the street because it was too tired");
    lens.setAttribute('focus', 'it');
    document.body.append(lens);
    await lens.ready;
    // As the embed does with its address: the sentence, then the focus, while the old grid shows.
    const drawn = new Promise((resolve) => lens.addEventListener('attentionchange', resolve, { once: true }));
    lens.setAttribute('sentence', 'I went to the bank to deposit money');
    lens.setAttribute('focus', 'bank');
    await drawn;
    const row = lens.shadowRoot.querySelector('.grid tbody tr.is-focus th').textContent;
    lens.remove();
    return row;
  });
  assert.equal(focused, 'bank');
});

test('the temperature slider reaches the whole range the attribute allows, on a log scale, and says the temperature', async () => {
  await page.evaluate(() => {
    const lens = document.createElement('attention-lens');
    lens.id = 'slider-lens';
    lens.setAttribute('sentence', 'the dog saw the cat');
    lens.setAttribute('temperature', '0.05');
    document.body.append(lens);
    return lens.ready;
  });
  const slider = page.locator('#slider-lens').getByRole('slider', { name: /Temperature/ });
  const state = () => page.evaluate(() => {
    const lens = document.getElementById('slider-lens');
    const input = lens.shadowRoot.querySelector('.temperature input');
    return { attribute: lens.getAttribute('temperature'), value: Number(input.value), min: Number(input.min), max: Number(input.max), said: input.getAttribute('aria-valuetext') };
  });
  let now = await state();
  assert.equal(now.value, now.min, 'the coolest temperature is the slider\'s left end, not clamped to another');
  assert.equal(now.said, '0.05');
  await slider.focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.getElementById('slider-lens').getAttribute('temperature') === '20');
  now = await state();
  assert.equal(now.said, '20.00');
  await slider.fill('0');  // the middle of the scale
  await page.waitForFunction(() => document.getElementById('slider-lens').getAttribute('temperature') === '1');
  await slider.fill('0.4');
  await page.waitForFunction(() => document.getElementById('slider-lens').getAttribute('temperature') === '2.5');
  assert.equal((await state()).said, '2.50');
  await page.evaluate(() => document.getElementById('slider-lens').remove());
  assert.deepEqual(problems, []);
});

test('layer, head, scaling, mask and controls are read as strictly', async () => {
  const lastLayerAverage = await drawLens({});
  // parseInt would have read "1abc" as 1 and "1.5" as 1: the notice said one thing, the grid showed another.
  for (const asked of ['1abc', '1.5', '0', '-1', '', '1e0', 'Infinity']) {
    const { notices, layer, grid } = await drawLens({ layer: asked });
    assert.deepEqual(notices, [`There is no layer “${asked}”: this model has layers 1 to 2. Showing layer 2.`], `layer="${asked}"`);
    assert.equal(layer, '2');
    assert.deepEqual(grid, lastLayerAverage.grid);
  }
  for (const asked of ['2abc', '5', '0', 'Average', '']) {
    const { notices, head, grid } = await drawLens({ head: asked });
    assert.deepEqual(notices, [`There is no head “${asked}”: this model has heads 1 to 4. Showing the average of its heads.`], `head="${asked}"`);
    assert.equal(head, 'average');
    assert.deepEqual(grid, lastLayerAverage.grid);
  }
  assert.deepEqual((await drawLens({ layer: ' 1 ', head: '3' })).notices, []);
  const scaling = await drawLens({ scaling: 'Off' });
  assert.deepEqual(scaling.notices, ['The scaling attribute must be “on” or “off”, not “Off”. Using “on”.']);
  assert.equal(scaling.scaling, true);
  const mask = await drawLens({ mask: 'casual' });
  assert.deepEqual(mask.notices, ['The mask attribute must be “none” or “causal”, not “casual”. Using “none”.']);
  assert.equal(mask.causal, false);
  assert.deepEqual(mask.grid, lastLayerAverage.grid);
  assert.deepEqual((await drawLens({ scaling: 'off', mask: 'causal' })).notices, []);
  const controls = await drawLens({ controls: 'layer heads  temprature' });
  assert.deepEqual(controls.notices, ['The controls attribute names controls that do not exist: “heads”, “temprature”. There are layer, head, scaling, causal, temperature.']);
  assert.deepEqual(problems, []);
});

test('a 5,000-letter word never makes the page scroll sideways, and the grid stays a grid', async () => {
  for (const width of [360, 1280]) {
    const longPage = await lab.browser.newPage({ viewport: { width, height: 800 } });
    const longProblems = collectProblems(longPage);
    await longPage.goto(`${lab.server.url}tests/browser/fixtures/long_word.html`);
    await longPage.waitForSelector('body[data-ready="true"]');
    const measured = await longPage.evaluate(() => {
      const root = document.getElementById('long').shadowRoot;
      const longLabel = root.querySelectorAll('.grid tbody th')[2];
      const longWord = root.querySelectorAll('.sentence .word')[2];
      return {
        pageWidth: document.scrollingElement.scrollWidth,
        gridWidth: root.querySelector('.grid').getBoundingClientRect().width,
        gridTop: root.querySelector('.grid').getBoundingClientRect().top,
        labelText: longLabel.textContent.length,
        labelCut: longLabel.scrollWidth > longLabel.clientWidth,
        wordWidth: longWord.getBoundingClientRect().width,
        wordCut: longWord.scrollWidth > longWord.clientWidth,
        summary: root.querySelector('.summary').textContent.length,
      };
    });
    assert.ok(measured.pageWidth <= width, `at ${width} px the page is ${measured.pageWidth} px wide`);
    assert.ok(measured.gridWidth <= 360, `at ${width} px the 4-word grid is ${measured.gridWidth} px wide`);
    assert.ok(measured.gridTop < 800, `the grid starts at ${measured.gridTop} px, below the first screen`);
    assert.equal(measured.labelText, 5000, 'the label holds the whole word (for screen readers and copying)');
    assert.ok(measured.labelCut && measured.wordCut, 'the long word is cut short with an ellipsis');
    assert.ok(measured.wordWidth <= width, `the word's button is ${measured.wordWidth} px wide`);
    assert.ok(measured.summary < 300, `the summary is ${measured.summary} characters long`);
    // Still usable: the long word's row can be focused, and its row lights up.
    await longPage.hover('#long .grid tbody th >> nth=2');
    assert.equal(await longPage.$eval('#long .grid tbody tr.is-focus th', (th) => th.textContent.length), 5000);
    if (width === 360) await longPage.screenshot({ path: join(SCREENSHOTS, 'lens-long-word-360.png'), fullPage: true });
    assert.deepEqual(longProblems, []);
    await longPage.close();
  }
});

test('a click pins a word across redraws, and Escape lets the pointer lead again', async () => {
  await page.mouse.move(0, 0);
  await page.click('#bank .sentence .word >> text="money"');
  await page.selectOption('#bank select.layer', '2');  // a redraw: the pin stays
  await page.hover('#bank .sentence .word >> text="went"');
  assert.equal(await focused('bank'), 'money', 'pinned: hovering another word does not move the focus');
  await page.focus('#bank .sentence .word >> text="money"');  // the redraw took the keyboard focus with the old grid
  await page.keyboard.press('Escape');
  await page.hover('#bank .sentence .word >> text="deposit"');
  assert.equal(await focused('bank'), 'deposit', 'after Escape the focus follows the pointer');
  await page.selectOption('#bank select.layer', '1');
  assert.deepEqual(problems, []);
});

test('lang="es", editable: a paragraph too long for the model is refused in Spanish with the count and the limit, and stays in the box', async () => {
  const spanish = await lab.browser.newPage({ viewport: { width: 800, height: 600 } });
  const found = collectProblems(spanish);
  await spanish.goto(`${lab.server.url}tests/browser/fixtures/lenses.html`);
  await spanish.waitForSelector('body[data-ready="true"]');
  await spanish.evaluate(async () => {
    const lens = Object.assign(document.createElement('attention-lens'), { id: 'pasted' });
    lens.setAttribute('lang', 'es');
    lens.setAttribute('editable', '');
    lens.setAttribute('sentence', 'El perro vio al gato');
    document.body.prepend(lens);
    await lens.ready;
  });
  const paragraph = 'The animal did not cross the street because it was too tired, and the dog saw the cat. '.repeat(4).trim();
  await spanish.fill('#pasted .editor input', paragraph);
  await spanish.click('#pasted .editor button');
  await spanish.waitForSelector('#pasted .error');
  assert.equal(await spanish.textContent('#pasted .error'),
    'La frase tiene 80 tokens (palabras y signos de puntuación); el modelo lee como máximo 64. Prueba con una frase más corta.');
  assert.equal(await spanish.inputValue('#pasted .editor input'), paragraph, 'the learner\'s text stays in the box');
  await spanish.locator('#pasted').screenshot({ path: join(SCREENSHOTS, 'lens-too-long-es.png') });
  // Shortened, it is drawn.
  await spanish.fill('#pasted .editor input', 'The dog saw the cat');
  await spanish.press('#pasted .editor input', 'Enter');
  await spanish.waitForSelector('#pasted .grid');
  assert.equal(await spanish.$$eval('#pasted .grid tbody tr', (rows) => rows.length), 5);
  assert.deepEqual(found, []);
  await spanish.close();
});

test('the focused row\'s marker lies over that row: after the first draw, a hover and a new head', async () => {
  // Where the marker box is against the focused row's label and the table, in page pixels.
  const markerAgainstRow = (id) => page.$eval(`#${id}`, (lens) => {
    const marker = lens.shadowRoot.querySelector('.row-marker');
    const row = lens.shadowRoot.querySelector('.grid tbody tr.is-focus');
    const table = lens.shadowRoot.querySelector('.grid');
    const [m, r, t] = [marker, row, table].map((node) => node.getBoundingClientRect());
    return { hidden: marker.hidden, top: m.top - r.top, height: m.height - r.height, left: m.left - t.left, width: m.width - t.width };
  });
  const assertOver = async (id, what) => {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const place = await markerAgainstRow(id);
    assert.equal(place.hidden, false, `${what}: the marker is shown`);
    for (const side of ['top', 'height', 'left', 'width']) assert.ok(Math.abs(place[side]) < 1, `${what}: ${side} off by ${place[side]} px`);
  };
  await assertOver('bank', 'first draw');
  await page.hover('#bank .grid tbody th >> text="money"');
  await assertOver('bank', 'hover');
  await page.mouse.move(0, 0);
  await page.selectOption('#bank select.head', '3');
  await page.waitForSelector('#bank .grid tbody tr.is-focus');
  await assertOver('bank', 'another head');
  await page.selectOption('#bank select.head', '2');
});
