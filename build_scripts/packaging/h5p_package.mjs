// The H5P package (docs/lms.md): dist/attention-lens.h5p, a content package that carries its
// own library, so any H5P host takes it as an upload —
//   h5p.json                                the content: its title and main library
//   content/content.json                    its parameters: passPercentage (the mastery score)
//   H5P.AttentionLens-1.0/library.json      the library: one script, H5P core API 1.19
//   H5P.AttentionLens-1.0/semantics.json    what an H5P editor lets an author change
//   H5P.AttentionLens-1.0/attention-lens-h5p.js   h5p_library.js with the single-file lesson inside
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

import { BROWSERS } from './standalone_page.mjs';
import { titleOf } from './scorm_package.mjs';
import { zip } from './zip.mjs';

const LIBRARY_SOURCE = fileURLToPath(new URL('h5p_library.js', import.meta.url));
export const LIBRARY = { machineName: 'H5P.AttentionLens', majorVersion: 1, minorVersion: 0, patchVersion: 0 };
const FOLDER = `${LIBRARY.machineName}-${LIBRARY.majorVersion}.${LIBRARY.minorVersion}`;
const SCRIPT = 'attention-lens-h5p.js';

const decodeEntities = (text) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

export function libraryJson() {
  return {
    title: 'Attention Lens lesson',
    description: 'An interactive lesson on Transformer attention with quick checks; reports its score through xAPI.',
    ...LIBRARY,
    runnable: 1,
    author: 'Attention Lens',
    license: 'MIT',
    embedTypes: ['iframe'],
    fullscreen: 0,
    coreApi: { majorVersion: 1, minorVersion: 19 },
    preloadedJs: [{ path: SCRIPT }],
  };
}

export const SEMANTICS = [
  { name: 'title', type: 'text', label: 'Title', importance: 'high', default: 'Attention, step by step', optional: true },
  { name: 'passPercentage', type: 'number', label: 'Pass percentage', description: 'The share of questions answered right (0–100) at which the completed statement says success. Empty: no pass or fail.', min: 0, max: 100, optional: true },
];

/**
 * @param {{ lessonHtml: string, masteryScore: number | null }} options
 * @returns {Promise<Buffer>} the .h5p (a zip)
 */
export async function buildH5pPackage({ lessonHtml, masteryScore }) {
  const title = decodeEntities(titleOf(lessonHtml));
  // The lesson goes in as a JSON string: the script is a file, not inline HTML, so its
  // "</script>" needs no escaping. Through a function: a replacement string would read the
  // lesson's own "$'" or "$&" (minified code has them) as patterns and paste text there.
  const source = readFileSync(LIBRARY_SOURCE, 'utf8');
  const PLACE = 'var LESSON = LESSON_HTML;';
  if (source.split(PLACE).length !== 2) throw new Error(`h5p_library.js should have "${PLACE}" once.`);
  const { code } = await esbuild.transform(source.replace(PLACE, () => `var LESSON = ${JSON.stringify(lessonHtml)};`), {
    loader: 'js', minify: true, target: BROWSERS, logLevel: 'warning',
  });
  const content = { title };
  if (masteryScore !== null) content.passPercentage = masteryScore;
  return zip([
    { name: 'h5p.json', data: json({
      title,
      language: 'en',
      mainLibrary: LIBRARY.machineName,
      embedTypes: ['iframe'],
      license: 'U',
      preloadedDependencies: [{ machineName: LIBRARY.machineName, majorVersion: String(LIBRARY.majorVersion), minorVersion: String(LIBRARY.minorVersion) }],
    }) },
    { name: 'content/content.json', data: json(content) },
    { name: `${FOLDER}/library.json`, data: json(libraryJson()) },
    { name: `${FOLDER}/semantics.json`, data: json(SEMANTICS) },
    { name: `${FOLDER}/${SCRIPT}`, data: code },
  ]);
}
