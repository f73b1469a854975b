// The SCORM 1.2 package (docs/lms.md): a zip that any LMS imports as one activity —
//   imsmanifest.xml  one organization, one SCO, the mastery score if the author set one;
//   index.html       the single-file lesson with scorm12_runtime.js inlined at the end of its
//                    body (the API finder and the reporting); nothing else is requested.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

import { BROWSERS } from './standalone_page.mjs';
import { zip } from './zip.mjs';

const RUNTIME = fileURLToPath(new URL('scorm12_runtime.js', import.meta.url));

const escapeXml = (text) => String(text).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);

/**
 * Reads a mastery score as an author writes it (ATTENTION_LENS_MASTERY_SCORE): a number from 0
 * to 100, or nothing for none.
 * @returns {number | null}
 */
export function parseMasteryScore(value) {
  if (value === undefined || value === null || String(value).trim() === '') return null;
  const score = Number(String(value).trim());
  if (!Number.isFinite(score) || score < 0 || score > 100) {
    throw new Error(`The mastery score must be a number from 0 to 100 (the percentage of questions answered right to pass); it is "${value}".`);
  }
  return score;
}

/** The lesson's title, from its <title>, with entities as they are written. */
export const titleOf = (html) => html.match(/<title>([^<]*)<\/title>/i)?.[1].trim() || 'Attention Lens lesson';

export function scormManifest({ title, masteryScore }) {
  const mastery = masteryScore === null ? '' : `\n        <adlcp:masteryscore>${masteryScore}</adlcp:masteryscore>`;
  // The title is already HTML text (entities included); XML wants its own escaping of the characters.
  const xmlTitle = escapeXml(title.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'"));
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="attention-lens-lesson" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="attention-lens">
    <organization identifier="attention-lens">
      <title>${xmlTitle}</title>
      <item identifier="lesson" identifierref="lesson-page" isvisible="true">
        <title>${xmlTitle}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="lesson-page" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>
`;
}

/** The lesson page with the SCORM runtime as the last thing in its body. */
export async function scormLessonPage(lessonHtml, { masteryScore }) {
  // The settings go in as the IIFE's argument (esbuild's define would hoist them into a global).
  const source = readFileSync(RUNTIME, 'utf8');
  const CALL = '}(SCORM_SETTINGS));';
  if (source.split(CALL).length !== 2) throw new Error(`scorm12_runtime.js should end with ${CALL}`);
  const { code } = await esbuild.transform(source.replace(CALL, () => `}(${JSON.stringify({ masteryScore })}));`), {
    loader: 'js', minify: true, target: BROWSERS, logLevel: 'warning',
  });
  if (/<\/script|<!--/i.test(code)) throw new Error('scorm12_runtime.js contains "</script" or "<!--", which would break its inline <script>.');
  const end = lessonHtml.lastIndexOf('</body>');
  if (end < 0) throw new Error('The lesson page has no </body>: there is nowhere to put the SCORM runtime.');
  return `${lessonHtml.slice(0, end)}<script>${code}</script>\n${lessonHtml.slice(end)}`;
}

/**
 * @param {{ lessonHtml: string, masteryScore: number | null }} options
 * @returns {Promise<Buffer>} the zip
 */
export async function buildScormPackage({ lessonHtml, masteryScore }) {
  return zip([
    { name: 'imsmanifest.xml', data: scormManifest({ title: titleOf(lessonHtml), masteryScore }) },
    { name: 'index.html', data: await scormLessonPage(lessonHtml, { masteryScore }) },
  ]);
}
