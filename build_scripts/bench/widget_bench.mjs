#!/usr/bin/env node
// `npm run bench`, second part: the widget in headless Chromium. Prints the time from
// navigation to the first painted grid (the first load, and warm reloads) and the hover-to-paint
// latency (p50, p95) over every word of a 40-token sentence under every head of both layers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../static_server.mjs';
import { launchChromium } from '../browser.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

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

  // The lesson page (web/index.html): every file it fetches, raw and gzipped (what a server
  // with compression sends), weights included.
  const lessonPage = await context.newPage();
  const fetched = new Set();
  lessonPage.on('requestfinished', (request) => fetched.add(decodeURIComponent(new URL(request.url()).pathname)));
  await lessonPage.goto(`${server.url}web/`);
  await lessonPage.waitForSelector('body[data-ready="true"]');
  let raw = 0;
  let gzipped = 0;
  const files = [];
  for (const path of fetched) {
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    const bytes = readFileSync(file);
    const gz = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzipped += gz;
    files.push([path, gz]);
  }
  const warm = loads.slice(1);
  console.log('\nWidget timings (headless Chromium %s, %d-token sentence)', browser.version(), tokens);
  console.log('------------------------------------------------------------');
  console.log(`navigation → first painted grid: first load ${loads[0].toFixed(0)} ms; warm reloads median ${quantile(warm, 0.5).toFixed(0)} ms (min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)}; ${warm.length} loads)`);
  console.log(`hover → next painted frame: p50 ${quantile(samples, 0.5).toFixed(1)} ms, p95 ${quantile(samples, 0.95).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms (${samples.length} hovers: every word under the average and each of 4 heads, in both layers)`);
  console.log('(a frame is ~16.7 ms at 60 Hz: the next-frame wait is part of every hover sample; performance.now() is clamped to 0.1 ms)');
  console.log(`lesson page (web/index.html), every file fetched: ${(raw / 1024).toFixed(1)} KB raw, ${(gzipped / 1024).toFixed(1)} KB gzipped in ${files.length} files; largest gzipped: ${files.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([f, gz]) => `${f.split('/').pop()} ${(gz / 1024).toFixed(1)} KB`).join(', ')}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
