// What an HTML page of web/ loads, read from its tags: the dist build bundles the module scripts
// it finds, and the single-file build replaces every tag that loads a file. Our pages are
// written by us and simple, so tags are matched with regular expressions, not a full parser;
// anything these cannot place is reported rather than guessed.

// One pass over the page, so that nothing is looked for inside a comment or a script's text
// (a quiz question may well mention <img>), nor inside what a callback put in. Groups:
// 1, 2: a <script>'s attributes and text; 3: a <link>'s attributes; 4, 5: another loading tag's
// name and attributes (a comment matches none).
const LOADING_TAG = new RegExp([
  /<!--[\s\S]*?-->/.source,
  /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/.source,
  /<link\b([^>]*?)\/?>/.source,
  /<(img|source|video|audio|iframe|embed|track|input)\b([^>]*)>/.source,
].join('|'), 'gi');
const ATTRIBUTE = /([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

/** The attributes of a tag, from the text between its name and its `>`; names in lower case. */
export function attributesOf(text) {
  const attributes = {};
  for (const [, name, doubleQuoted, singleQuoted, bare] of text.matchAll(ATTRIBUTE)) {
    attributes[name.toLowerCase()] = decodeEntities(doubleQuoted ?? singleQuoted ?? bare ?? '');
  }
  return attributes;
}

const decodeEntities = (text) => text
  .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** True for a URL that names a file beside the page (not https:, data:, #fragment, /root). */
export function isRelativeFile(url) {
  return Boolean(url) && !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(url.trim());
}

/** The page's `<script type="module" src>` paths, in document order. */
export function moduleScriptsOf(html) {
  const scripts = [];
  rewriteLoads(html, {
    moduleScript: (src) => { scripts.push(src); },
    link: () => undefined,
    source: () => undefined,
  });
  return scripts;
}

const stripQuery = (url) => url.replace(/[?#].*$/, '');

/**
 * Rewrites every tag of the page that loads a file, through callbacks that return the tag's
 * replacement (or undefined to keep it):
 *   moduleScript(src, tag)      <script type="module" src> (src without its query)
 *   link(attributes, tag)       <link href> (stylesheet, icon, preload, …)
 *   source(attributes, tag)     <img src>, <video src>, …
 * Scripts must be modules beside the page (the widget has no other kind): others throw.
 */
export function rewriteLoads(html, { moduleScript, link, source }) {
  return html.replace(LOADING_TAG, (tag, scriptAttributes, scriptText, linkAttributes, sourceName, sourceAttributes) => {
    if (scriptAttributes !== undefined) {
      const { type, src } = attributesOf(scriptAttributes);
      if (src === undefined) return tag;
      if (type?.toLowerCase() !== 'module') throw new Error(`A classic <script src="${src}">: only module scripts can be bundled.`);
      if (!isRelativeFile(src)) throw new Error(`A module script with src="${src}": the build bundles only scripts beside the page.`);
      return moduleScript(stripQuery(src), tag) ?? tag;
    }
    if (linkAttributes !== undefined) {
      const attributes = attributesOf(linkAttributes);
      return attributes.href === undefined ? tag : (link(attributes, tag) ?? tag);
    }
    if (sourceName !== undefined) {
      const attributes = attributesOf(sourceAttributes);
      return attributes.src === undefined ? tag : (source(attributes, tag) ?? tag);
    }
    return tag;  // a comment
  });
}
