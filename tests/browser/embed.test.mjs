// The iframe embed: attributes from the query string, and a height reported to the parent that
// the parent uses to fit the frame, only to the origin report-origin names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { startStaticServer } from '../../build_scripts/static_server.mjs';
import { PROJECT_ROOT, SCREENSHOTS, collectProblems, serveAndLaunch } from './harness.mjs';

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

// report-origin: the lesson platform's page on lab.server, the embed on another origin.
let elsewhere;
before(async () => { elsewhere = await startStaticServer({ root: PROJECT_ROOT }); });
after(async () => { await elsewhere?.close(); });

/**
 * Opens the platform's page around embed.html from the other origin, with `reportOrigin` as its
 * report-origin (none when undefined), waits until the embed is drawn and has reported, and
 * returns the heights the parent received before a marker the frame posts afterwards (messages
 * from one frame arrive in order, so a height not received by then was not sent).
 */
async function embedFromElsewhere(reportOrigin, extra = '') {
  const embed = new URL(`web/embed.html?sentence=Arjun%20ate%20because%20he%20was%20hungry&focus=he${extra}`, elsewhere.url);
  if (reportOrigin !== undefined) embed.searchParams.set('report-origin', reportOrigin);
  const page = await lab.browser.newPage();
  const problems = collectProblems(page);
  await page.goto(`${lab.server.url}tests/browser/fixtures/frame_parent.html?frame=${encodeURIComponent(embed)}`);
  const frame = await (await page.waitForSelector('#frame')).contentFrame();
  await frame.waitForSelector('body[data-ready="true"]');
  await frame.evaluate(() => window.parent.postMessage({ type: 'marker' }, '*'));
  await page.waitForFunction(() => window.messages.some((m) => m.data?.type === 'marker'));
  const received = await page.evaluate(() => window.messages.slice(0, window.messages.findIndex((m) => m.data?.type === 'marker')));
  return { page, frame, received, problems };
}

const originOf = (url) => new URL(url).origin;

test('report-origin names the parent: the height goes to that origin, and from another origin\'s frame', async () => {
  for (const reportOrigin of [originOf(lab.server.url), `${originOf(lab.server.url)}/`, '*', undefined]) {
    const { page, received, problems } = await embedFromElsewhere(reportOrigin);
    assert.ok(received.length >= 1, `report-origin ${reportOrigin}: the parent hears the height`);
    for (const { origin, data } of received) {
      assert.equal(origin, originOf(elsewhere.url));
      assert.equal(data.type, 'attention-lens:height');
    }
    // The first report can come before the grid is drawn; the last one is the drawn widget's.
    assert.ok(received.at(-1).data.height > 200, `${received.at(-1).data.height}px`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('a parent on another origin than report-origin hears nothing', async () => {
  for (const reportOrigin of ['http://127.0.0.1:9', 'https://lessons.example.org']) {
    const { page, frame, received, problems } = await embedFromElsewhere(reportOrigin);
    assert.deepEqual(received, [], `report-origin ${reportOrigin}`);
    assert.equal(await frame.$$eval('.notice', (n) => n.length), 0, 'a valid origin is not a mistake');
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('a report-origin that is not an origin: a notice above the grid, in its language, and no height sent', async () => {
  const { page, frame, received, problems } = await embedFromElsewhere('lessons.example.org', '&lang=es');
  assert.deepEqual(received, []);
  assert.match(await frame.textContent('.notice'), /report-origin debe nombrar la página .* «lessons\.example\.org» no lo es/);
  assert.equal(await frame.getAttribute('.notice', 'role'), 'alert');
  assert.ok((await frame.$$eval('attention-lens .grid tbody tr', (rows) => rows.length)) > 2, 'the grid is drawn below it');
  await page.setViewportSize({ width: 760, height: 560 });
  await page.screenshot({ path: join(SCREENSHOTS, 'embed-bad-report-origin.png') });
  assert.deepEqual(problems, []);

  // An author checks the frame's address by opening it on its own (docs/embedding.md §4).
  await page.goto(`${elsewhere.url}web/embed.html?sentence=the%20dog%20ran&report-origin=https://lessons.example.org/course/3`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await page.textContent('.notice'), /“https:\/\/lessons\.example\.org\/course\/3” is not one/);
  assert.deepEqual(problems, []);
  await page.close();
});
