// axe-core (every rule, open shadow roots and frames included) on every page a learner meets:
// the lesson (index.html), the embed, each example in examples/ as examples/README.md sets it up,
// and a page made of the snippets printed in docs/element.md and docs/quiz.md. Scanned once the
// grids are drawn, with a word pinned, a quiz answered, the heads view and the math panel open.
//
// Every theme × width pair (light and dark, 360 and 1280 px) for the pages whose elements are
// the widget's every state: the lesson, the embed with the math panel and with the heads view,
// and the docs' snippets. A scan of the lesson takes 15–80 s on a 2-core machine (1,700 nodes for
// the contrast rule, more under load), so the example pages, which hold the same elements in
// their own page styles, are scanned in one or two pairs that between them cover both themes and
// both widths. The platform snippets frame the same embed as the iframe lesson: their scan skips
// the frame's inside, which is scanned there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';

import { PROJECT_ROOT, SCREENSHOTS, collectProblems, serveAndLaunch, temporaryFolder } from './harness.mjs';

const WEB = join(PROJECT_ROOT, 'web');
const read = (path) => readFileSync(join(PROJECT_ROOT, path), 'utf8');
const PLATFORM_SNIPPETS = ['wordpress/custom-html-block.html', 'blogger/post-html.html', 'moodle/page-html.html'];

// The snippets of a docs page, in order (```html blocks).
const snippetsOf = (path) => [...read(path).matchAll(/^```html\n([\s\S]*?)^```$/gm)].map((m) => m[1]);

// A page around pasted snippets, standing for the author's page: a main landmark and a heading.
const pageAround = (title, body) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="icon" href="data:,"></head>
<body>
<main>
<h1>${title}</h1>
${body}</main>
</body>
</html>
`;

// The site: web/ where each page expects the folder (attention-lens/ beside the examples, as
// examples/README.md says; the platform snippets' frames pointed at it), linked, not copied.
const lab = serveAndLaunch({
  root: async () => {
    const site = temporaryFolder('a11y-site-');
    symlinkSync(WEB, join(site, 'web'));
    for (const folder of ['static-site', 'iframe']) {
      mkdirSync(join(site, folder));
      writeFileSync(join(site, folder, 'lesson.html'), read(`examples/${folder}/lesson.html`));
      symlinkSync(WEB, join(site, folder, 'attention-lens'));
    }
    for (const snippet of PLATFORM_SNIPPETS) {
      const html = read(`examples/${snippet}`).replace(/src="[^"]*\/embed\.html\?/g, 'src="/web/embed.html?');
      mkdirSync(join(site, dirname(snippet)));
      writeFileSync(join(site, dirname(snippet), 'index.html'), pageAround(`A ${dirname(snippet)} page`, html));
    }
    mkdirSync(join(site, 'docs'));
    symlinkSync(WEB, join(site, 'docs', 'attention-lens'));
    const docs = ['docs/element.md', 'docs/quiz.md', 'docs/sandbox.md'].flatMap((path) => snippetsOf(path)
      .map((snippet, i) => `<section aria-label="${path}, snippet ${i + 1}">\n${snippet}</section>\n`));
    writeFileSync(join(site, 'docs', 'index.html'), pageAround('The snippets of docs/element.md, docs/quiz.md and docs/sandbox.md', docs.join('')));
    return site;
  },
});

// Every frame of the page (the top one first) once its elements are ready.
async function readyFrames(page) {
  for (const frame of page.frames()) {
    await frame.waitForFunction(() => ['attention-lens', 'attention-sandbox'].every((tag) => customElements.get(tag) || !document.querySelector(tag)));
    await frame.evaluate(() => Promise.all([...document.querySelectorAll('attention-lens, attention-quiz, attention-sandbox')].map((e) => e.ready)));
  }
  return page.frames();
}

// The states the issue asks to be scanned in: in every frame, the first grid's first word is
// pinned (aria-pressed) and the first quiz has an answer checked (verdict and feedback shown).
async function interact(page) {
  for (const frame of await readyFrames(page)) {
    const word = frame.locator('attention-lens .sentence .word').first();
    if (await word.count()) {
      await word.click();
      assert.equal(await word.getAttribute('aria-pressed'), 'true');
    }
    const question = frame.locator('attention-quiz form').first();
    if (await question.count()) {
      await question.locator('input').last().check();
      await question.locator('button[type="submit"]').click();
      await question.locator('.verdict').waitFor();
    }
  }
}

const EVERY_PAIR = [['light', 1280], ['dark', 1280], ['light', 360], ['dark', 360]];
const PAGES = [
  { path: 'web/index.html', scans: EVERY_PAIR },
  // A head chosen, so the math panel is open; then the heads view.
  { path: 'web/embed.html?head=1&focus=it', scans: EVERY_PAIR },
  { path: 'web/embed.html?view=heads', scans: EVERY_PAIR },
  { path: 'static-site/lesson.html', scans: [['dark', 360]] },
  { path: 'iframe/lesson.html', scans: [['light', 1280], ['dark', 360]] },
  { path: 'wordpress/index.html', scans: [['dark', 360]], frames: false },
  { path: 'blogger/index.html', scans: [['light', 1280]], frames: false },
  { path: 'moodle/index.html', scans: [['dark', 1280]], frames: false },
  { path: 'docs/index.html', scans: EVERY_PAIR },
];

// A violation as a line that says where and why.
const describe = (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) =>
  `${node.target.join(' ')} — ${[...node.any, ...node.all, ...node.none].map((check) => check.message).join('; ')}`).join(' | ')}`;

for (const { path, scans, frames = true } of PAGES) {
  for (const [colorScheme, width] of scans) {
    test(`axe: ${path}, ${colorScheme}, ${width} px${frames ? '' : ' (not inside its frame)'}: no violations`, async () => {
      await lab.ready;
      const context = await lab.browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const page = await context.newPage();
      const problems = collectProblems(page);
      await page.goto(new URL(path, lab.server.url).href);
      await interact(page);
      if (path.startsWith('web/index.html')) {
        // The heads view and the math panel are on the page already; check that they are drawn.
        assert.ok(await page.locator('#heads-lens .head-card').count() > 0);
        assert.ok(await page.locator('#formula-lens .math-table').count() > 0);
      }
      const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'], iframes: frames }).analyze();
      await page.screenshot({ path: join(SCREENSHOTS, `axe-${path.replace(/[^\w]+/g, '-')}-${colorScheme}-${width}.png`), fullPage: true });
      assert.deepEqual(results.violations.map(describe), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}
