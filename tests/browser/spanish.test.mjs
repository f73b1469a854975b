// lang="es" from top to bottom: every string a learner can see or hear (text, options, names,
// titles; inside the shadow roots too) in a page of grids and quizzes is Spanish. The walk fails
// on an English word. Quoted words («it», “bank”) are mentions, formulas (softmax(…)) notation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { SCREENSHOTS, collectProblems, serveAndLaunch } from './harness.mjs';

const lab = serveAndLaunch();

// English words that Spanish prose never uses.
const ENGLISH = ['the', 'and', 'of', 'to', 'is', 'are', 'was', 'with', 'each', 'every', 'this', 'that', 'which', 'what',
  'why', 'how', 'when', 'from', 'not', 'only', 'more', 'most', 'does', 'here', 'before', 'after', 'again', 'answer',
  'question', 'check', 'correct', 'loading', 'average', 'layer', 'head', 'heads', 'weights', 'word', 'words', 'row',
  'rows', 'sentence', 'grid', 'show', 'try', 'pick', 'choose', 'looks', 'sum', 'engine', 'scaling', 'mask'];
const ENGLISH_WORD = new RegExp(`\\b(${ENGLISH.join('|')})\\b`, 'i');

const SENTENCE = 'El perro vio al gato porque tenía hambre';
const PAGE = `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>Lección</title>
<link rel="icon" href="/web/favicon.svg">
<script type="module" src="/web/attention-lens.js"></script>
<script type="module" src="/web/attention-quiz.js"></script>
<script type="module" src="/web/attention-sandbox.js"></script></head>
<body><main>
<attention-lens id="grid" editable sentence="${SENTENCE}" focus="gato"></attention-lens>
<attention-lens id="one-head" head="1" sentence="${SENTENCE}" focus="gato"></attention-lens>
<attention-lens id="heads" view="heads" sentence="${SENTENCE}"></attention-lens>
<attention-lens id="lines" view="lines" sentence="${SENTENCE}" focus="gato"></attention-lens>
<attention-lens id="pair" sentence="${SENTENCE}" compare="El perro vio al gato porque tenía sueño" focus="gato"></attention-lens>
<attention-sandbox id="sandbox" words="el gato duerme ella" focus="ella"></attention-sandbox>
<attention-quiz id="goal" no-storage>
  <script type="application/json">
    [{ "id": "apunta", "prompt": "Mueve los vectores hasta que «ella» dé al menos el 80 % de su atención a «gato».",
       "goal": { "sandbox": "sandbox", "query": "ella", "key": "gato", "atLeast": 0.8 } }]
  </script>
</attention-quiz>
<attention-quiz id="live" no-storage>
  <script type="application/json">
    [{ "id": "mira", "prompt": "¿A qué palabra mira más «gato»?", "live": { "lens": "grid", "word": "gato" } }]
  </script>
</attention-quiz>
<attention-quiz id="bank" bank="all" no-storage></attention-quiz>
</main></body></html>`;

// Every visible text and every name, description and title, through open shadow roots.
function visibleStrings() {
  const found = [];
  const visible = (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const walk = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) walk(element.shadowRoot);
      if (['SCRIPT', 'STYLE', 'LINK'].includes(element.tagName)) continue;
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
        if (element.hasAttribute(attribute)) found.push(element.getAttribute(attribute));
      }
      if (element.tagName === 'OPTION') { found.push(element.textContent); continue; }
      if (!visible(element)) continue;
      for (const node of element.childNodes) if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) found.push(node.textContent.trim());
    }
  };
  walk(document);
  return found;
}

test('lang="es": no English anywhere a learner looks — grids, heads, math, lines, minimal pairs, the sandbox, live, goal and built-in quizzes, feedback', async () => {
  await lab.ready;
  const context = await lab.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = collectProblems(page);
  try {
    const url = `${lab.server.url}espanol.html`;
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE }));
    await page.goto(url);
    await page.waitForSelector('#grid .grid tbody tr.is-focus th');
    await page.waitForSelector('#one-head .math-table');
    await page.waitForSelector('#heads .head-card');
    await page.waitForSelector('#live form');
    await page.waitForSelector('#bank form');
    await page.waitForSelector('#lines .lines-svg line');
    await page.waitForSelector('#pair .compare-table tbody tr');
    await page.waitForSelector('#sandbox .steps-table');
    await page.waitForSelector('#goal form');
    // The sandbox's preset note, its typed vectors and a goal checked (not yet met), then revealed.
    await page.click('#sandbox [data-preset="opposite"]');
    await page.click('#sandbox details.typed summary');
    await page.click('#goal form button[type="submit"]');
    await page.click('#goal form button.retry');
    await page.click('#goal form button.show');
    // Feedback: a question checked with no answer, then every question answered (some wrongly).
    await page.click('#bank form:first-of-type button[type="submit"]');
    for (const form of await page.$$('#bank form, #live form')) {
      const option = await form.$('input');
      await option.check();
      const check = await form.$('button[type="submit"]');
      if (check && await check.isVisible()) await check.click();
    }
    const strings = await page.evaluate(visibleStrings);
    assert.ok(strings.length > 200, `walked ${strings.length} strings`);
    const english = strings
      .map((text) => text.replace(/«[^»]*»|“[^”]*”|"[^"]*"|\b\w+\(/g, ' '))
      .filter((text) => ENGLISH_WORD.test(text));
    assert.deepEqual(english, [], `English under lang="es": ${english.join(' | ')}`);
    // Numbers the Spanish way: a decimal comma, a space before %.
    assert.equal(await page.textContent('#grid .grid tbody tr:first-child .row-sum'), '1,00');
    assert.match(await page.textContent('#grid .summary'), /\d+\u00a0%/);
    assert.match(await page.textContent('#one-head .math-table thead'), /× 0,354/);
    await page.screenshot({ path: join(SCREENSHOTS, 'spanish-page.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1600 } });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
