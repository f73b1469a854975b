// With JavaScript off (or the module scripts blocked), every page, example and docs snippet still
// shows what its elements hold: each <attention-lens> its sentence and a sentence saying what the
// grid would show, each <attention-quiz> a line saying what it would ask, each <attention-sandbox>
// a line saying what it would let the learner do. Nothing says "Loading".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT, SCREENSHOTS, serveAndLaunch } from './harness.mjs';

const lab = serveAndLaunch();

// Every ```html block of the docs that has one of the elements, as one page (as an author pastes them).
const DOCS = ['README.md', 'docs/element.md', 'docs/embedding.md', 'docs/quiz.md', 'docs/sandbox.md'];
const snippets = DOCS.flatMap((path) => [...readFileSync(join(PROJECT_ROOT, path), 'utf8').matchAll(/^ *```html\n([\s\S]*?)^ *```$/gm)]
  .map((fence) => fence[1]).filter((html) => /<attention-(lens|quiz|sandbox)[\s>]/.test(html)).map((html) => ({ path, html })));
const docsPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The docs' snippets</title></head><body>
${snippets.map(({ path, html }) => `<section data-from="${path}">\n${html}</section>`).join('\n')}
</body></html>`;

const PAGES = ['web/index.html', 'web/embed.html', 'examples/static-site/lesson.html', 'docs-snippets.html'];

for (const path of PAGES) {
  test(`JavaScript off: ${path} shows every element's fallback`, async () => {
    await lab.ready;
    const context = await lab.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    try {
      if (path === 'docs-snippets.html') {
        await page.route(`${lab.server.url}${path}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: docsPage }));
      }
      await page.goto(`${lab.server.url}${path}`);
      const elements = await page.$$eval('attention-lens, attention-quiz, attention-sandbox', (nodes) => nodes.map((node) => ({
        tag: node.localName,
        where: node.closest('[data-from]')?.dataset.from ?? '',
        sentence: node.getAttribute('sentence'),
        shown: node.innerText.trim(),
        height: node.getBoundingClientRect().height,
        defined: Boolean(node.shadowRoot),
      })));
      assert.ok(elements.length > 0, 'the page has elements');
      if (path === 'docs-snippets.html') {
        for (const doc of DOCS) assert.ok(elements.some((e) => e.where === doc), `${doc} has a snippet with an element`);
      }
      for (const element of elements) {
        const name = `${element.where} <${element.tag}${element.sentence ? ` sentence="${element.sentence}"` : ''}>`;
        assert.equal(element.defined, false, 'no script ran');
        assert.ok(element.height > 0, `${name} takes space`);
        if (element.tag === 'attention-lens') {
          // The embed's sentence comes from its address, which only a script can read.
          if (path !== 'web/embed.html') assert.ok(element.shown.includes(element.sentence), `${name} shows its sentence: ${element.shown}`);
          assert.match(element.shown, /interactive grid/, `${name} says what it would show`);
        } else if (element.tag === 'attention-sandbox') {
          assert.match(element.shown, /JavaScript/, `${name} says what it would show`);
        } else {
          assert.match(element.shown, /quick check/i, `${name} says what it would ask`);
        }
      }
      assert.doesNotMatch(await page.innerText('body'), /Loading/, 'nothing waits for a script that will not run');
      if (path === 'web/index.html') await page.screenshot({ path: join(SCREENSHOTS, 'no-javascript-index.png') });
    } finally {
      await context.close();
    }
  });
}
