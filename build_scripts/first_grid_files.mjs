// Which files a lesson page needs for its first grid — the byte budget of issues 11 and 13
// (≤ 150 KB gzipped) — measured the same way by the benchmark (build_scripts/bench/
// widget_bench.mjs) and the test that holds the budget (tests/browser/dist.test.mjs): every file
// whose request started before the page's first grid was drawn (watchFirstGrid), by the page's
// own clock. What a page fetches afterwards (the lesson's quick checks and cost lab) is
// not part of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Call before page.goto(): notes the moment the page's first <attention-lens> has drawn its first
 * grid (its `ready`), or body[data-ready] appears, whichever comes first. The page's own script
 * sets data-ready a promise after that grid, but it is a separate module: on a busy machine it
 * ran up to ~250 ms after the grid was drawn, and files the page fetched after the grid (the
 * compare lens's code, the icon) were counted as before it.
 */
export async function watchFirstGrid(page) {
  await page.addInitScript(() => {
    const noteFirstGrid = () => { window.firstGridAt ??= performance.now(); };
    customElements.whenDefined('attention-lens')
      .then(() => document.querySelector('attention-lens')?.ready)
      .then(noteFirstGrid);
    new MutationObserver((changes, observer) => {
      if (!document.body?.dataset.ready) return;
      noteFirstGrid();
      observer.disconnect();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  });
}

/**
 * After body[data-ready]: the files fetched until then (with `all`, every file fetched so far), as files under `folder` (the folder the
 * server maps `urlPrefix` to), each with its size gzipped at zlib level 9 — what a server with
 * compression sends — and their sum.
 * @returns {Promise<{ files: Array<{ path: string, raw: number, gzipped: number }>, raw: number, gzipped: number }>}
 */
export async function firstGridFiles(page, folder, urlPrefix = '/', { all = false } = {}) {
  const paths = await page.evaluate((all) => [location.pathname, ...performance.getEntriesByType('resource')
    .filter((entry) => all || entry.startTime < window.firstGridAt).map((entry) => new URL(entry.name).pathname)], all);
  const files = [...new Set(paths.map(decodeURIComponent))].map((path) => {
    const relative = path.slice(urlPrefix.length);
    const bytes = readFileSync(join(folder, relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative));
    return { path: relative || 'index.html', raw: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, raw: files.reduce((sum, f) => sum + f.raw, 0), gzipped: files.reduce((sum, f) => sum + f.gzipped, 0) };
}
