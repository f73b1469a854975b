// Where the widget's files are. Everything it loads besides its scripts (the engine module,
// the weights, the shadow roots' stylesheets) is named by its path under the web root — the
// folder that holds attention-lens.js, styles/, generated/ and model/ — and resolved here, so
// that a bundle, which moves this code into another file, only has to say where that root is.
//
// Unbundled, this file is web/src/asset_url.js and the root is its parent folder. A bundle made
// by build_scripts/build_dist.mjs defines ATTENTION_LENS_WEB_ROOT, the web root relative to the
// file this code ended up in; the single-file page also defines ATTENTION_LENS_INLINED_ASSETS,
// data: URLs that stand in for files by path, since it has no folder to load them from.

//
// An author who bundles the package into a script of their own (docs/embedding.md, "Bundling")
// moves this code again, to a place only they know: they say where they put the web root's
// folders with <meta name="attention-lens-root" content="…">, resolved against the page's URL.

/* global ATTENTION_LENS_WEB_ROOT, ATTENTION_LENS_INLINED_ASSETS */
const DECLARED_ROOT = globalThis.document?.querySelector('meta[name="attention-lens-root"]')?.getAttribute('content');
const WEB_ROOT = DECLARED_ROOT
  ? new URL(DECLARED_ROOT, document.baseURI)
  : new URL(typeof ATTENTION_LENS_WEB_ROOT === 'string' ? ATTENTION_LENS_WEB_ROOT : '../', import.meta.url);
const INLINED = typeof ATTENTION_LENS_INLINED_ASSETS === 'object' ? ATTENTION_LENS_INLINED_ASSETS : {};

/**
 * The URL of one of the widget's files.
 * @param {string} path its path under the web root, e.g. 'styles/attention-lens.css'
 * @returns {string}
 */
export function assetUrl(path) {
  return INLINED[path] ?? new URL(path, WEB_ROOT).href;
}
