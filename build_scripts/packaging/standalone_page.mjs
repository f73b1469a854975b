// The single-file page: one of web/'s pages with everything it loads inside it, so it works
// when opened from disk (file://) and asks nothing of any server. Made generically from the
// page's tags (html_page.mjs), so it follows the page as the page changes:
//   - its module scripts → one inline <script type="module">, bundled and minified by esbuild,
//     after standalone_engine.js, which hands the engine its glue, wasm and weights (base64);
//   - its stylesheets → <style>, with what they reference as data: URLs;
//   - its icon, images and other linked files → data: URLs; preload hints are dropped;
//   - the files the scripts name through assetUrl() (the shadow roots' stylesheets) → data:
//     URLs that asset_url.js returns instead of file URLs.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

import { isRelativeFile, rewriteLoads } from './html_page.mjs';

// The browsers the scripts are written for: the engine's native wasm exceptions need these
// (docs/benchmarks.md), so nothing older could run the page anyway. esbuild then leaves
// private methods and top-level await as they are.
export const BROWSERS = ['chrome95', 'edge95', 'firefox100', 'safari15.2'];

const ENGINE_PRELUDE = fileURLToPath(new URL('standalone_engine.js', import.meta.url));
// Files the prelude hands the engine as bytes (or, the glue, bundles): not inlined twice.
const SUPPLIED_BY_PRELUDE = new Set(['generated/attention_engine.mjs', 'model/attention_lens_model.bin']);
// An asset named in the scripts as assetUrl('styles/x.css'); the argument must be a plain string
// for the build to see it.
const ASSET_URL_CALL = /\bassetUrl\(\s*(?:'([^']*)'|"([^"]*)"|([^)]*))\s*\)/g;

const MIME_TYPES = {
  '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.json': 'application/json', '.txt': 'text/plain', '.tsv': 'text/tab-separated-values',
};
// What a stylesheet may reference (url(…)): inlined as data: URLs by esbuild.
const CSS_REFERENCE_LOADERS = Object.fromEntries(Object.keys(MIME_TYPES)
  .filter((extension) => extension !== '.css').map((extension) => [extension, 'dataurl']));

/**
 * @param {object} options
 * @param {string} options.web the web root (absolute)
 * @param {string} options.page the page's path under it, e.g. 'index.html'
 * @returns {Promise<string>} the page as one HTML document
 */
export async function buildStandalonePage({ web, page }) {
  const pageDirectory = join(web, page, '..');
  const html = readFileSync(join(web, page), 'utf8');
  const fileOf = (url) => join(pageDirectory, decodeURIComponent(url.replace(/[?#].*$/, '')));

  const scripts = [];
  const styles = new Map();  // stylesheet path → its bundled CSS, filled below
  rewriteLoads(html, {
    moduleScript: (src) => { scripts.push(src); },
    link: ({ rel = '', href }) => { if (isStylesheet(rel) && isRelativeFile(href)) styles.set(href, null); },
    source: () => undefined,
  });
  if (scripts.length === 0) throw new Error(`${page} has no module script: there is nothing to make a single-file page of.`);
  for (const href of styles.keys()) styles.set(href, await bundleCss(fileOf(href)));

  const script = await bundleScripts({ web, scripts: scripts.map(fileOf) });
  let scriptPlaced = false;
  const standalone = rewriteLoads(html, {
    moduleScript: () => {
      // Where the first module script was; the others are in it.
      if (scriptPlaced) return '';
      scriptPlaced = true;
      return `<script type="module">${script}</script>`;
    },
    link: ({ rel = '', href }, tag) => {
      if (!isRelativeFile(href)) return undefined;
      if (isStylesheet(rel)) return `<style>${styles.get(href)}</style>`;
      // Hints to fetch a file early: the file is in the page already.
      if (/\b(modulepreload|preload|prefetch)\b/i.test(rel)) return '';
      return withAttribute(tag, 'href', dataUrl(fileOf(href)));
    },
    source: ({ src }, tag) => (isRelativeFile(src) ? withAttribute(tag, 'src', dataUrl(fileOf(src))) : undefined),
  });
  // Whatever still names a file beside the page would be a request, and fail from disk.
  rewriteLoads(standalone, {
    moduleScript: (src) => { throw new Error(`${page}: the script ${src} was left out of the single-file page.`); },
    link: ({ href }) => { if (isRelativeFile(href)) throw new Error(`${page}: <link href="${href}"> was left in the single-file page.`); },
    source: ({ src }) => { if (isRelativeFile(src)) throw new Error(`${page}: src="${src}" was left in the single-file page.`); },
  });
  return standalone.replace(/^(<!doctype html>\s*)/i, `$1<!-- The lesson page (web/${page}) in one file, made by build_scripts/build_dist.mjs: `
    + 'its scripts, styles, engine and model are inside it, so it works offline. -->\n');
}

// The tag with one attribute's value replaced.
const withAttribute = (tag, name, value) => tag.replace(
  new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*'|[^\\s"'>]+)`, 'i'), (match, prefix) => `${prefix}"${value}"`);

const isStylesheet = (rel) => rel.toLowerCase().split(/\s+/).includes('stylesheet');

// A stylesheet with its @imports and url()s resolved, minified.
async function bundleCss(file) {
  const result = await esbuild.build({
    entryPoints: [file], bundle: true, minify: true, charset: 'utf8', write: false, target: BROWSERS,
    loader: CSS_REFERENCE_LOADERS, logLevel: 'warning',
  });
  const css = result.outputFiles[0].text;
  if (/<\/style/i.test(css)) throw new Error(`${file} contains "</style", which would end its inline <style> early.`);
  return css;
}

// The prelude, then the page's scripts in document order, as one module. Unlike separate
// module scripts, a script's top-level await then holds back the scripts after it, so the
// page's scripts do not await at top level (demo.js waits for the first grid with .then()).
const ENTRY_NAME = '<the page\'s scripts>';

async function bundleScripts({ web, scripts }) {
  const entry = [ENGINE_PRELUDE, ...scripts].map((file) => `import ${JSON.stringify(file)};`).join('\n');
  const options = (inlined) => ({
    absWorkingDir: web,
    stdin: { contents: entry, resolveDir: web, sourcefile: ENTRY_NAME, loader: 'js' },
    bundle: true, format: 'esm', target: BROWSERS, minify: true, write: false, metafile: true,
    // The file is read uncompressed from disk: "→" as 3 bytes of UTF-8, not 6 of "\u2192" (the
    // page declares UTF-8; gzip made the difference vanish for dist/, which keeps the default).
    charset: 'utf8',
    external: ['node:*'],
    define: { ATTENTION_LENS_WEB_ROOT: '"./"', ATTENTION_LENS_INLINED_ASSETS: JSON.stringify(inlined) },
    plugins: [inlinedBytesPlugin(web)],
    logLevel: 'warning',
  });
  // The first pass tells which source files are in the page, and so which assets they name.
  const { metafile } = await esbuild.build(options({}));
  const inlined = {};
  for (const input of Object.keys(metafile.inputs)) {
    if (input === ENTRY_NAME || !input.endsWith('.js') || input.includes(':')) continue;
    for (const [call, single, double] of readFileSync(join(web, input), 'utf8').matchAll(ASSET_URL_CALL)) {
      const path = single ?? double;
      if (path === undefined) {
        if (input.endsWith('asset_url.js')) continue;  // its own documentation
        throw new Error(`${input}: ${call} — the single-file build can inline only assets named by a plain string (assetUrl('styles/x.css')).`);
      }
      if (SUPPLIED_BY_PRELUDE.has(path)) continue;
      const file = join(web, path);
      inlined[path] = extname(path) === '.css'
        ? `data:text/css;base64,${Buffer.from(await bundleCss(file)).toString('base64')}`
        : dataUrl(file);
    }
  }
  const result = await esbuild.build(options(inlined));
  const code = result.outputFiles[0].text;
  // esbuild escapes "</script" in strings for inline scripts; this checks it did, everywhere.
  if (/<\/script|<!--/i.test(code)) throw new Error('The bundled script contains "</script" or "<!--", which would break its inline <script>.');
  return code;
}

// import x from 'inlined-bytes:model/attention_lens_model.bin' → { base64, byteLength, sha256 }
// of that file under the web root.
function inlinedBytesPlugin(web) {
  return {
    name: 'inlined-bytes',
    setup(build) {
      build.onResolve({ filter: /^inlined-bytes:/ }, ({ path }) => ({
        path: join(web, path.slice('inlined-bytes:'.length)), namespace: 'inlined-bytes',
      }));
      build.onLoad({ filter: /.*/, namespace: 'inlined-bytes' }, ({ path }) => {
        const bytes = readFileSync(path);
        return {
          contents: JSON.stringify({
            base64: bytes.toString('base64'),
            byteLength: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
          }),
          loader: 'json',
        };
      });
    },
  };
}

function dataUrl(file) {
  const type = MIME_TYPES[extname(file).toLowerCase()];
  if (!type) throw new Error(`${file}: the single-file build does not know its type; add it to MIME_TYPES.`);
  return `data:${type};base64,${readFileSync(file).toString('base64')}`;
}
