// The SCORM 1.2 package's parts (build_scripts/packaging/scorm_package.mjs): the mastery score
// as an author writes it, the manifest, and the runtime placed at the end of the lesson's body.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { buildScormPackage, parseMasteryScore, scormLessonPage, scormManifest, titleOf } from '../../build_scripts/packaging/scorm_package.mjs';
import { unzip } from './zip_read.mjs';

test('the mastery score: a percentage, or nothing; anything else stops the build saying why', () => {
  assert.equal(parseMasteryScore(undefined), null);
  assert.equal(parseMasteryScore(''), null);
  assert.equal(parseMasteryScore(' 80 '), 80);
  assert.equal(parseMasteryScore('0'), 0);
  assert.equal(parseMasteryScore('100'), 100);
  for (const bad of ['80%', '-1', '101', 'eighty']) {
    assert.throws(() => parseMasteryScore(bad), new RegExp(`a number from 0 to 100 .* it is "${bad}"`));
  }
});

test('the manifest: SCORM 1.2, one SCO, the mastery score only when set, the title escaped for XML', () => {
  const withMastery = scormManifest({ title: 'Attention &amp; heads <1>', masteryScore: 75 });
  assert.match(withMastery, /<adlcp:masteryscore>75<\/adlcp:masteryscore>/);
  assert.match(withMastery, /<title>Attention &amp; heads &lt;1&gt;<\/title>/);
  assert.match(withMastery, /adlcp:scormtype="sco" href="index.html"/);
  assert.doesNotMatch(scormManifest({ title: 'x', masteryScore: null }), /masteryscore/);
  assert.equal(titleOf('<head><title> A lesson </title></head>'), 'A lesson');
});

test('the runtime goes last in the body, with the mastery score as its setting, and the zip holds both files', async () => {
  const page = await scormLessonPage('<!doctype html><title>T</title><body><p>lesson</p></body></html>', { masteryScore: 60 });
  assert.match(page, /<p>lesson<\/p><script>\(function\(.*\}\)\(\{masteryScore:60\}\);\s*<\/script>\s*<\/body><\/html>$/s);
  await assert.rejects(scormLessonPage('<p>no body end</p>', { masteryScore: null }), /no <\/body>/);
  const files = unzip(await buildScormPackage({ lessonHtml: '<title>T</title><body></body>', masteryScore: null }));
  assert.deepEqual([...files.keys()], ['imsmanifest.xml', 'index.html']);
  assert.match(files.get('index.html').toString(), /\(\{masteryScore:null\}\)/);
});
