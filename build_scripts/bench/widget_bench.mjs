#!/usr/bin/env node
// `npm run bench`, second part: the widget in headless Chromium. Prints the time from
// navigation to the first painted grid (the first load, and warm reloads) and the hover-to-paint
// latency (p50, p95) over every word of a 40-token sentence under every head of both layers;
// then the lesson page: the bytes it transfers as deployed from dist/ (and, for comparison,
// from the unbundled web/), and its first painted grid served from dist/ next to the
// single-file page opened from disk.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startStaticServer } from '../static_server.mjs';
import { launchChromium } from '../browser.mjs';
import { firstGridFiles, watchFirstGrid } from '../first_grid_files.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

// dist/ as `npm run build` makes it now, so the figures are the tree's.
execFileSync(process.execPath, [join(root, 'build_scripts', 'build_dist.mjs')], { stdio: 'ignore' });
const STANDALONE = 'attention-lens-standalone.html';
const standaloneFolder = mkdtempSync(join(tmpdir(), 'attention-lens-bench-'));
copyFileSync(join(root, 'dist', STANDALONE), join(standaloneFolder, STANDALONE));
const standaloneUrl = pathToFileURL(join(standaloneFolder, STANDALONE)).href;
const gzipLevel9 = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const server = await startStaticServer({ root });
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const url = `${server.url}build_scripts/bench/widget_page.html`;
  const loads = [];
  for (let i = 0; i < 8; i += 1) {
    await page.goto(url);
    await page.waitForFunction(() => window.widgetReady === true, null, { timeout: 60_000 });
    loads.push(await page.evaluate(() => window.firstGridMs));
  }
  const { samples, tokens } = await page.evaluate(() => window.measureHover());
  const mathSamples = await page.evaluate(() => window.measureMathAtRest());
  const floorSamples = await page.evaluate((count) => window.measureHarnessFloor(count), samples.length);

  const deployed = await lessonPageBytes(context, `${server.url}dist/`);
  const sources = await lessonPageBytes(context, `${server.url}web/`);
  const standaloneBytes = readFileSync(join(standaloneFolder, STANDALONE));

  // The lesson page's first grid: served from dist/, and the single file from disk. Cold: a
  // fresh browser context each time (empty cache); warm: reloads in one context.
  const served = await firstGridTimes(`${server.url}dist/`);
  const fromDisk = await firstGridTimes(standaloneUrl);
  // The floor under the served figures: the same page with its scripts (and the preloads they
  // use) taken out, so only its HTML, CSS and icon load, from a server of the same kind; timed to
  // its first contentful paint. The lesson's first grid cannot paint before the page does.
  const floorFolder = scriptlessLessonPage(join(root, 'dist'));
  const floorServer = await startStaticServer({ root: floorFolder });
  const floor = await firstGridTimes(floorServer.url, { probe: firstPaintProbe });
  await floorServer.close();

  const warm = loads.slice(1);
  console.log('\nWidget timings (headless Chromium %s, %d-token sentence)', browser.version(), tokens);
  console.log('------------------------------------------------------------');
  console.log(`navigation → first painted grid: first load ${loads[0].toFixed(0)} ms; warm reloads median ${quantile(warm, 0.5).toFixed(0)} ms (min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)}; ${warm.length} loads)`);
  console.log(`hover → next painted frame: p50 ${quantile(samples, 0.5).toFixed(1)} ms, p95 ${quantile(samples, 0.95).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms (${samples.length} hovers: every word under the average and each of 4 heads, in both layers)`);
  console.log(`hover → the math panel painted, the pointer resting: p50 ${quantile(mathSamples, 0.5).toFixed(1)} ms, p95 ${quantile(mathSamples, 0.95).toFixed(1)} ms (${mathSamples.length} hovers: every word under head 1 of both layers; the panel follows a pointer once it rests, in the frame after the hover's)`);
  console.log(`the harness alone, the same event on a paragraph nothing listens to: p50 ${quantile(floorSamples, 0.5).toFixed(1)} ms, p95 ${quantile(floorSamples, 0.95).toFixed(1)} ms, max ${Math.max(...floorSamples).toFixed(1)} ms (${floorSamples.length} events: the floor under the hover figures)`);
  console.log('(a frame is ~16.7 ms at 60 Hz: the next-frame wait is part of every hover sample; performance.now() is clamped to 0.1 ms)');
  console.log('\nLesson page (index.html)');
  console.log('------------------------');
  console.log(`bytes to the first grid, dist/ (what authors deploy), every file fetched: ${deployed.summary}`);
  console.log(`bytes to the first grid, web/ (unbundled sources), every file fetched: ${sources.summary}`);
  console.log(`single file ${STANDALONE}: ${kb(standaloneBytes.length)} raw, ${kb(gzipLevel9(standaloneBytes))} gzipped, one request`);
  console.log(`navigation → first painted grid, served from dist/ (127.0.0.1): ${served.summary}`);
  console.log(`navigation → first painted grid, single file from disk (file://): ${fromDisk.summary}`);
  console.log(`navigation → first contentful paint, the same page from dist/ with its scripts taken out (HTML, CSS, icon; the floor under the two lines above): ${floor.summary}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

// Every file the page fetched until its first grid was ready (build_scripts/first_grid_files.mjs),
// raw and gzipped per file (zlib level 9, what a server with compression sends), with the largest.
async function lessonPageBytes(context, url) {
  const page = await context.newPage();
  await watchFirstGrid(page);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  const { files, raw, gzipped } = await firstGridFiles(page, join(root, new URL(url).pathname), new URL(url).pathname);
  await page.close();
  const largest = [...files].sort((a, b) => b.gzipped - a.gzipped).slice(0, 4).map((file) => `${file.path.split('/').pop()} ${kb(file.gzipped)}`).join(', ');
  return { raw, gzipped, summary: `${kb(raw)} raw, ${kb(gzipped)} gzipped in ${files.length} files; largest gzipped: ${largest}` };
}

// performance.now() at the first animation frame after the page's first <attention-lens> drew
// its grid, measured by a script the page runs before its own.
function firstGridProbe() {
  window.firstGridMs = (async () => {
    if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve));
    await customElements.whenDefined('attention-lens');
    const lens = document.querySelector('attention-lens');
    await lens.ready;
    if (!lens.analysis) throw new Error(lens.shadowRoot.querySelector('.error')?.textContent ?? 'no grid');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return performance.now();
  })();
}

// performance.now() of the page's first contentful paint, as the browser reports it.
function firstPaintProbe() {
  window.firstGridMs = new Promise((resolve) => {
    new PerformanceObserver((entries) => {
      const paint = entries.getEntriesByName('first-contentful-paint')[0];
      if (paint) resolve(paint.startTime);
    }).observe({ type: 'paint', buffered: true });
  });
}

// A copy of the lesson page without its scripts, beside the stylesheets and icon it links, in a
// new temporary folder (returned).
function scriptlessLessonPage(distFolder) {
  const folder = mkdtempSync(join(tmpdir(), 'attention-lens-floor-'));
  const html = readFileSync(join(distFolder, 'index.html'), 'utf8')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');
  writeFileSync(join(folder, 'index.html'), html);
  for (const [, href] of html.matchAll(/<link rel="(?:stylesheet|icon)" href="([^"]+)"/g)) {
    mkdirSync(dirname(join(folder, href)), { recursive: true });
    copyFileSync(join(distFolder, href), join(folder, href));
  }
  return folder;
}

async function firstGridTimes(url, { coldLoads = 5, warmLoads = 7, probe = firstGridProbe } = {}) {
  const load = async (page, navigate) => {
    await navigate();
    return page.evaluate(() => window.firstGridMs);
  };
  const cold = [];
  for (let i = 0; i < coldLoads; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(probe);
    const page = await context.newPage();
    cold.push(await load(page, () => page.goto(url)));
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(probe);
  const page = await context.newPage();
  await load(page, () => page.goto(url));
  const warm = [];
  for (let i = 0; i < warmLoads; i += 1) warm.push(await load(page, () => page.reload()));
  await context.close();
  const range = (values) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
  return {
    cold,
    warm,
    summary: `cold median ${quantile(cold, 0.5).toFixed(0)} ms (${range(cold)}, ${cold.length} fresh contexts); `
      + `warm median ${quantile(warm, 0.5).toFixed(0)} ms (${range(warm)}, ${warm.length} reloads)`,
  };
}
