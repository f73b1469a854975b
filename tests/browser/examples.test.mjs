// examples/ used the way examples/README.md and docs/embedding.md say: the lesson pages with the
// built folder copied beside them as attention-lens/, and each platform snippet pasted into an
// otherwise empty page, its folder on the address the snippet names (a second local server
// stands in for another site). Also: the guide prints exactly the files in examples/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';

import { startStaticServer } from '../../build_scripts/static_server.mjs';
import { PROJECT_ROOT, SCREENSHOTS, collectProblems, serveAndLaunch, temporaryFolder } from './harness.mjs';

const EXAMPLES = join(PROJECT_ROOT, 'examples');
const DIST = join(PROJECT_ROOT, 'dist');
const GUIDE = readFileSync(join(PROJECT_ROOT, 'docs', 'embedding.md'), 'utf8');
const PLATFORM_SNIPPETS = ['wordpress/custom-html-block.html', 'blogger/post-html.html', 'moodle/page-html.html'];

const read = (path) => readFileSync(join(EXAMPLES, path), 'utf8');
const srcsOf = (html) => [...html.matchAll(/<iframe[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));

// Every file below examples/, as a path relative to it ('/'-separated), skipping copies of dist/.
function exampleFiles(folder = EXAMPLES) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'attention-lens' ? [] : exampleFiles(path);
    return [relative(EXAMPLES, path).split(sep).join('/')];
  });
}

// The other site: a folder served by a second server on another port, so another origin.
const elsewhere = { root: temporaryFolder('other-host-'), server: null };

// The lesson site, built as the README says.
const lab = serveAndLaunch({
  root: async () => {
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'build_scripts', 'build_dist.mjs')], { stdio: 'ignore' });
    const site = temporaryFolder('examples-site-');
    cpSync(EXAMPLES, site, { recursive: true, filter: (path) => basename(path) !== 'attention-lens' });
    for (const page of ['static-site', 'iframe']) cpSync(DIST, join(site, page, 'attention-lens'), { recursive: true });
    elsewhere.server = await startStaticServer({ root: elsewhere.root });
    for (const snippet of PLATFORM_SNIPPETS) {
      let html = read(snippet);
      for (const src of srcsOf(html)) {
        const url = new URL(src, 'http://lesson.invalid/');
        // A root-relative address is the lesson site's own; an absolute one is another site.
        const host = src.startsWith('/') ? site : elsewhere.root;
        cpSync(DIST, join(host, dirname(url.pathname)), { recursive: true });
        if (!src.startsWith('/')) html = html.replaceAll(url.origin + '/', elsewhere.server.url);
      }
      writeFileSync(join(site, dirname(snippet), 'index.html'),
        `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${dirname(snippet)}</title><link rel="icon" href="data:,"></head>\n<body>\n${html}</body>\n</html>\n`);
    }
    return site;
  },
});

before(async () => {
  await lab.ready;
  // The author writes their lesson site's origin after report-origin= (docs/embedding.md §2);
  // here the lesson site is this server, known only once it listens.
  for (const snippet of PLATFORM_SNIPPETS) {
    const page = join(lab.folder, dirname(snippet), 'index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/report-origin=[^&"]+/g, `report-origin=${new URL(lab.server.url).origin}`));
  }
});
after(async () => { await elsewhere.server?.close(); });

/** Opens `path` of the lesson site, noting problems and any request that leaves 127.0.0.1. */
async function open(path) {
  const page = await lab.browser.newPage({ viewport: { width: 900, height: 800 } });
  const problems = collectProblems(page);
  const outside = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') outside.push(request.url());
  });
  // The heights each frame reported, recorded in the top page before its own scripts run.
  await page.addInitScript(() => {
    if (window.top !== window) return;
    window.reported = [];
    addEventListener('message', (event) => {
      if (event.data?.type !== 'attention-lens:height') return;
      const frames = [...document.querySelectorAll('iframe')];
      window.reported.push({ frame: frames.findIndex((f) => f.contentWindow === event.source), height: event.data.height });
    });
  });
  await page.goto(new URL(path, lab.server.url).href);
  return { page, problems, outside };
}

/** Each frame's height on the page, the last height it reported, and its content's height. */
async function measureFrames(page) {
  const outer = await page.$$eval('iframe.attention-lens-frame', (frames) => frames.map((frame, i) => ({
    height: frame.getBoundingClientRect().height,
    reported: window.reported.filter((r) => r.frame === i).at(-1)?.height,
  })));
  const frames = page.frames().filter((frame) => frame !== page.mainFrame());
  return Promise.all(outer.map(async (measure, i) => ({
    ...measure,
    content: await frames[i].evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)),
  })));
}

/**
 * Checks that every frame on the page draws its grid focused on the expected word, and ends up
 * as tall as its content, by the height it reported. The first report can come before the grid
 * is drawn, so this polls (a bounded number of times) until the heights settle.
 */
async function checkFrames(page, expectedFoci) {
  assert.equal(await page.locator('iframe.attention-lens-frame').count(), expectedFoci.length);
  const frames = page.frames().filter((frame) => frame !== page.mainFrame());
  assert.equal(frames.length, expectedFoci.length);
  for (const [i, frame] of frames.entries()) {
    await frame.waitForSelector('body[data-ready="true"]');
    assert.ok((await frame.$$eval('attention-lens .grid tbody tr', (rows) => rows.length)) > 2, `frame ${i} draws a grid`);
    assert.equal(await frame.textContent('attention-lens .grid tbody tr.is-focus th'), expectedFoci[i]);
  }
  const settled = (m) => m.reported !== undefined && Math.abs(m.height - m.reported) < 1 && Math.abs(m.height - m.content) <= 2;
  let measures = await measureFrames(page);
  for (let poll = 0; poll < 200 && !measures.every(settled); poll++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    measures = await measureFrames(page);
  }
  for (const [i, m] of measures.entries()) {
    assert.notEqual(m.reported, undefined, `frame ${i} reported its height`);
    assert.ok(Math.abs(m.height - m.reported) < 1, `frame ${i} is ${m.height}px tall, it reported ${m.reported}px`);
    assert.ok(Math.abs(m.height - m.content) <= 2, `frame ${i} is ${m.height}px tall, its content ${m.content}px`);
    assert.ok(m.height > 300, `frame ${i} is ${m.height}px tall`);
  }
  return measures.map((m) => m.height);
}

test('the snippets printed in docs/embedding.md are the files in examples/', () => {
  const checked = new Set();
  for (const fence of GUIDE.matchAll(/^```\w*\n([\s\S]*?)^```$/gm)) {
    // The paragraph just above a code block names the example file it comes from, if any.
    const paragraph = GUIDE.slice(0, fence.index).trimEnd().split(/\n\s*\n/).at(-1);
    for (const [, path] of paragraph.matchAll(/`examples\/([^`]+)`/g)) {
      const file = read(path);
      // A whole page contains the snippet; a snippet file is the snippet.
      if (/^<!doctype html>/i.test(file)) assert.ok(file.includes(fence[1]), `examples/${path} contains the block printed above it`);
      else assert.equal(file, fence[1], `examples/${path} is the block printed in the guide`);
      checked.add(path);
    }
  }
  const expected = exampleFiles().filter((path) => !['README.md', '.gitignore'].includes(path));
  assert.deepEqual([...checked].sort(), expected.sort(), 'every example file is printed in the guide');
});

test('every platform snippet uses the same frame and height script as the guide\'s §2', () => {
  const frameless = (html) => html.replace(/<iframe[\s\S]*?<\/iframe>\n/, '');
  const iframeExample = read('iframe/lesson.html');
  for (const snippet of PLATFORM_SNIPPETS) {
    const html = read(snippet);
    assert.equal(srcsOf(html).length, 1, `${snippet} has one frame`);
    assert.ok(iframeExample.includes(frameless(html)), `${snippet}'s script is the guide's`);
    assert.match(srcsOf(html)[0], /\/embed\.html\?sentence=/);
  }
});

test('static-site/lesson.html: a grid whose rows sum to 1, and a quiz that answers', async () => {
  const { page, problems, outside } = await open('static-site/lesson.html');
  await page.waitForFunction(() => document.querySelector('attention-lens')?.analysis);
  const sums = await page.evaluate(() => {
    const { layers } = document.querySelector('attention-lens').analysis;
    const rowSums = ({ rows, cols, data }) => Array.from({ length: rows }, (_, r) => data.slice(r * cols, (r + 1) * cols).reduce((a, b) => a + b, 0));
    return layers.flatMap((layer) => [layer.average, ...layer.heads.map((head) => head.weights)].flatMap(rowSums));
  });
  assert.ok(sums.length > 10 && sums.every((sum) => Math.abs(sum - 1) < 1e-5), `row sums: ${sums}`);
  const words = await page.$$eval('attention-lens .sentence .word', (buttons) => buttons.map((b) => b.textContent));
  assert.equal(await page.$$eval('attention-lens .grid tbody tr', (rows) => rows.length), words.length);
  assert.equal(await page.textContent('attention-lens .grid tbody tr.is-focus th'), 'it');

  const question = 'attention-quiz form >> nth=0';
  await page.locator(question).locator('input').first().check();
  await page.locator(question).locator('button[type="submit"]').click();
  assert.notEqual((await page.locator(question).locator('.verdict').textContent()).trim(), '');
  assert.deepEqual(outside, []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('iframe/lesson.html: both frames draw their grid and take the height they report', async () => {
  const { page, problems, outside } = await open('iframe/lesson.html');
  const heights = await checkFrames(page, ['bank', 'bank']);
  assert.ok(heights.every((height) => height !== 360), `the frames left their starting height: ${heights}`);
  await page.screenshot({ path: join(SCREENSHOTS, 'examples-iframe-lesson.png'), fullPage: true });
  assert.deepEqual(outside, []);
  assert.deepEqual(problems, []);
  await page.close();
});

for (const snippet of PLATFORM_SNIPPETS) {
  test(`${snippet}, pasted into an empty page, draws its grid and fits its frame`, async () => {
    const { page, problems, outside } = await open(`${dirname(snippet)}/index.html`);
    const focus = new URL(srcsOf(read(snippet))[0], 'http://x/').searchParams.get('focus');
    await checkFrames(page, [focus]);
    assert.deepEqual(outside, []);
    assert.deepEqual(problems, []);
    await page.close();
  });
}
