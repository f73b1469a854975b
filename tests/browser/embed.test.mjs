// The iframe embed: attributes from the query string, and a height reported to the parent that
// the parent uses to fit the frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { collectProblems, serveAndLaunch } from './harness.mjs';

const lab = serveAndLaunch();

test('the embed takes its sentence from the link and reports its height to the parent', async () => {
  const page = await lab.browser.newPage();
  const problems = collectProblems(page);
  await page.goto(`${lab.server.url}tests/browser/fixtures/embed_parent.html`);
  await page.waitForFunction(() => window.heights.length > 0);
  const frame = page.frame({ url: /embed\.html/ });
  await frame.waitForSelector('body[data-ready="true"]');
  assert.equal(await frame.textContent('attention-lens .grid tbody tr.is-focus th'), 'he');
  assert.equal(await frame.$$eval('attention-lens select.layer', (s) => s.length), 0, 'controls=head offers only the head');
  await page.waitForFunction(() => {
    const frameElement = document.getElementById('lens-frame');
    return Math.abs(frameElement.getBoundingClientRect().height - window.heights.at(-1)) < 1;
  });
  const height = await page.evaluate(() => window.heights.at(-1));
  const content = await frame.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height >= 300, `reported ${height}px`);
  assert.ok(Math.abs(height - content) <= 2, `reported ${height}px, content ${content}px`);

  // A frame taller than its content (a platform's default height) is told to shrink: make the
  // frame tall, change the content, and the report is the content's height, not the frame's.
  await page.evaluate(() => { document.getElementById('lens-frame').style.height = '2000px'; });
  await frame.evaluate(() => document.getElementById('lens').setAttribute('sentence', 'Arjun ate because he was hungry'));
  await page.waitForFunction(() => window.heights.at(-1) < 1500);
  await page.waitForFunction(() => Math.abs(document.getElementById('lens-frame').getBoundingClientRect().height - window.heights.at(-1)) < 1);
  const shrunk = await page.evaluate(() => window.heights.at(-1));
  const shrunkContent = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  assert.ok(Math.abs(shrunk - shrunkContent) <= 2 && shrunk < height, `reported ${shrunk}px for ${shrunkContent}px of content (was ${height}px)`);
  assert.deepEqual(problems, []);
  await page.close();
});
