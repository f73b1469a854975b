// `npm run build`: the WebAssembly build, then dist/ — a self-contained folder (HTML, JS, wasm,
// CSS, weights) with relative URLs only, that works from any static host and any sub-path —
// and dist/attention-lens-standalone.html, the lesson page as one file that works offline,
// and the same page packaged for course platforms (docs/lms.md): dist/attention-lens-scorm12.zip
// and dist/attention-lens.h5p. ATTENTION_LENS_MASTERY_SCORE=80 (percent right to pass) puts a
// mastery score in both.
//
// The scripts are bundled and minified by esbuild: every entry point (the two elements, the
// engine for the package, and each module script of the pages) becomes one small file, and the
// code they share goes into chunks/, so a page with both elements loads that code once.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve } from 'node:path';
import * as esbuild from 'esbuild';

import { moduleScriptsOf } from './packaging/html_page.mjs';
import { BROWSERS, buildStandalonePage } from './packaging/standalone_page.mjs';
import { buildScormPackage, parseMasteryScore } from './packaging/scorm_package.mjs';
import { buildH5pPackage } from './packaging/h5p_package.mjs';
import { customElementsManifest } from './packaging/custom_elements_manifest.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'web');
// ATTENTION_LENS_DIST=/some/folder builds there instead (a test that needs its own mastery score
// builds its own copy, so that it does not race the other tests' dist/).
const finalDist = process.env.ATTENTION_LENS_DIST ? resolve(process.env.ATTENTION_LENS_DIST) : join(root, 'dist');
// Built in a folder of its own beside dist/, then put in dist/'s place by renames: a test that
// serves dist/ while another test file rebuilds it (npm test runs two at a time) sees the old
// folder or the new one, never one half written.
mkdirSync(dirname(finalDist), { recursive: true });
const dist = mkdtempSync(join(dirname(finalDist), '.dist-building-'));
process.on('exit', () => rmSync(dist, { recursive: true, force: true }));  // a build that stopped half way
const STANDALONE = 'attention-lens-standalone.html';
const SCORM12 = 'attention-lens-scorm12.zip';
const H5P = 'attention-lens.h5p';
// Read first: a mistake in it should stop the build before the slow part.
const masteryScore = parseMasteryScore(process.env.ATTENTION_LENS_MASTERY_SCORE);

execFileSync('bash', [join(root, 'build_scripts', 'build_wasm.sh')], { stdio: 'inherit' });

const PAGES = readdirSync(web).filter((name) => name.endsWith('.html'));
// Copied as they are: what the pages and the elements load besides scripts.
const STATIC = [...PAGES, 'favicon.svg', 'attention-lens.d.ts', 'attention-sandbox.d.ts', 'attention-quiz.schema.json', 'styles', 'generated', 'model'];
// What authors and the package import, then whatever the pages load as module scripts.
const ENTRY_POINTS = [...new Set(['attention-lens.js', 'attention-quiz.js', 'attention-sandbox.js', 'src/engine.js',
  ...PAGES.flatMap((page) => moduleScriptsOf(readFileSync(join(web, page), 'utf8')))])];

for (const entry of STATIC) cpSync(join(web, entry), join(dist, entry), { recursive: true });

// --- the scripts: bundled, split, minified --------------------------------------------------
const ASSET_URL_MODULE = 'web/src/asset_url.js';
const bundleOptions = (webRoot) => ({
  absWorkingDir: root,
  entryPoints: ENTRY_POINTS.map((entry) => join('web', entry)),
  outbase: 'web',
  outdir: relative(root, dist),
  entryNames: '[dir]/[name]',  // the same paths as in web/, so the pages' <script src> stay right
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  target: BROWSERS,
  minify: true,
  // Maps are not fetched unless developer tools are open; they carry the sources, so a
  // reader of the minified code can see ours.
  sourcemap: 'linked',
  sourcesContent: true,
  external: ['node:*'],  // engine.js reads files with node:fs only when it runs in Node
  define: { ATTENTION_LENS_WEB_ROOT: JSON.stringify(webRoot) },
  metafile: true,
  logLevel: 'warning',
});
// asset_url.js resolves every asset against the web root, relative to the file its code is in;
// where esbuild puts that code is known only after bundling, so a first pass finds the file and
// the second tells the code how far the root is from there.
const firstPass = await esbuild.build({ ...bundleOptions('./'), write: false });
const assetUrlOutput = outputHolding(firstPass.metafile, ASSET_URL_MODULE);
const webRootFromThere = `${relative(dirname(join(root, assetUrlOutput)), dist).replaceAll('\\', '/') || '.'}/`;
const bundled = await esbuild.build(bundleOptions(webRootFromThere));
if (dirname(outputHolding(bundled.metafile, ASSET_URL_MODULE)) !== dirname(assetUrlOutput)) {
  throw new Error(`esbuild moved ${ASSET_URL_MODULE} between the two passes: the asset URLs would be wrong.`);
}

function outputHolding(metafile, input) {
  const outputs = Object.entries(metafile.outputs).filter(([, output]) => input in output.inputs);
  if (outputs.length !== 1) throw new Error(`${input} should be bundled into one file; it is in ${outputs.length}.`);
  return outputs[0][0];
}

// The stylesheets and the engine's glue, minified in place (the glue comes from Emscripten
// unminified; it stays its own file, loaded when the first element needs the engine).
for (const name of readdirSync(join(dist, 'styles')).filter((file) => file.endsWith('.css'))) {
  await minifyInPlace(join(dist, 'styles', name), { loader: 'css' });
}
await minifyInPlace(join(dist, 'generated', 'attention_engine.mjs'), { loader: 'js', format: 'esm', target: BROWSERS });

async function minifyInPlace(path, options) {
  const { code } = await esbuild.transform(readFileSync(path, 'utf8'), { ...options, minify: true, logLevel: 'warning' });
  writeFileSync(path, code);
}

// --- what the pages can ask for at once ----------------------------------------------------------
// A page's module scripts import chunks, which import chunks; the engine's glue, its .wasm and the
// weights are asked for only once the element runs. Each is a round trip the browser could have
// made while the HTML was still arriving: <link rel="modulepreload"> and <link rel="preload">
// tags in dist/'s pages let it (the single-file page has nothing to fetch, and web/ stays as it is).
const ENGINE_FILES = [
  '<link rel="preload" href="styles/attention-lens.css" as="style">',  // each element's shadow root links it
  '<link rel="modulepreload" href="generated/attention_engine.mjs">',
  // as="fetch" with crossorigin: the same mode and credentials as engine.js's fetch(), so the
  // browser hands that fetch the preloaded response instead of asking again.
  '<link rel="preload" href="generated/attention_engine.wasm" as="fetch" type="application/wasm" crossorigin>',
  '<link rel="preload" href="model/attention_lens_model.bin" as="fetch" crossorigin>',
];
const outputName = (path) => relative(dist, join(root, path)).replaceAll('\\', '/');
const staticImports = (outputPath, seen = new Set()) => {
  for (const entry of bundled.metafile.outputs[outputPath]?.imports ?? []) {
    if (entry.kind !== 'import-statement' || seen.has(entry.path)) continue;
    seen.add(entry.path);
    staticImports(entry.path, seen);
  }
  return seen;
};
for (const page of PAGES) {
  const html = readFileSync(join(dist, page), 'utf8');
  const scripts = moduleScriptsOf(html);
  if (scripts.length === 0) continue;
  const outputs = Object.keys(bundled.metafile.outputs);
  const chunks = new Set();
  for (const script of scripts) {
    const output = outputs.find((path) => outputName(path) === script);
    if (output) for (const imported of staticImports(output)) chunks.add(outputName(imported));
  }
  const links = [...chunks].sort().map((chunk) => `<link rel="modulepreload" href="${chunk}">`);
  if (scripts.includes('attention-lens.js')) links.push(...ENGINE_FILES);
  const first = html.indexOf('<script type="module"');
  writeFileSync(join(dist, page), `${html.slice(0, first)}${links.join('\n  ')}\n  ${html.slice(first)}`);
}

// --- the single-file page --------------------------------------------------------------------
const standalone = await buildStandalonePage({ web, page: 'index.html' });
writeFileSync(join(dist, STANDALONE), standalone);

// --- the packages for course platforms (docs/lms.md) --------------------------------------------
const scorm12 = await buildScormPackage({ lessonHtml: standalone, masteryScore });
writeFileSync(join(dist, SCORM12), scorm12);
const h5p = await buildH5pPackage({ lessonHtml: standalone, masteryScore });
writeFileSync(join(dist, H5P), h5p);
const PLATFORM_PACKAGES = new Set([STANDALONE, SCORM12, H5P]);

// --- the npm package ---------------------------------------------------------------------------
// dist/ is also the package: what a bundler or a plain import needs to find its parts. The
// single-file page and the course-platform packages are for people who download them, not for
// projects that install the package.
writeFileSync(join(dist, 'custom-elements.json'), `${JSON.stringify(customElementsManifest(web), null, 2)}\n`);
const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packageJson = {
  name: project.name,
  version: project.version,
  description: project.description,
  license: project.license,
  type: 'module',
  main: './attention-lens.js',
  types: './attention-lens.d.ts',
  exports: {
    '.': { types: './attention-lens.d.ts', default: './attention-lens.js' },
    './quiz': './attention-quiz.js',
    './sandbox': { types: './attention-sandbox.d.ts', default: './attention-sandbox.js' },
    './engine': './src/engine.js',
    './embed.html': './embed.html',
    './attention-quiz.schema.json': './attention-quiz.schema.json',  // for authors' editors (docs/quiz.md)
    './custom-elements.json': './custom-elements.json',
    './package.json': './package.json',
  },
  files: readdirSync(dist).filter((name) => !PLATFORM_PACKAGES.has(name)).sort(),
  // The Custom Elements Manifest, where editors and tools look for it (docs/element.md).
  customElements: 'custom-elements.json',
  // engine.js reads its files with node:fs only when it runs in Node; a bundler building for
  // the browser leaves that module out instead of failing on it (docs/embedding.md, "Bundling").
  browser: { 'node:fs/promises': false },
  sideEffects: ['./attention-lens.js', './attention-quiz.js', './attention-sandbox.js'],
  keywords: ['attention', 'transformer', 'teaching', 'web-component', 'webassembly'],
};
writeFileSync(join(dist, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);

// dist/ replaced: the old one renamed aside first (a rename cannot replace a folder that has files).
const previous = existsSync(finalDist) ? `${dist}-previous` : null;
if (previous) renameSync(finalDist, previous);
renameSync(dist, finalDist);
if (previous) rmSync(previous, { recursive: true, force: true });

const sizeOf = (path) => (statSync(path).isDirectory()
  ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0)
  : statSync(path).size);
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
console.log(`dist/ written: ${kb(sizeOf(finalDist))}; scripts bundled from ${ENTRY_POINTS.length} entry points; serve it from any folder.`);
console.log(`dist/${STANDALONE}: ${kb(Buffer.byteLength(standalone))}, the lesson page in one file (works offline).`);
console.log(`dist/${SCORM12}: ${kb(scorm12.length)}, the lesson as a SCORM 1.2 package (mastery score: ${masteryScore ?? 'none'}).`);
console.log(`dist/${H5P}: ${kb(h5p.length)}, the lesson as H5P content with its library (pass percentage: ${masteryScore ?? 'none'}).`);
