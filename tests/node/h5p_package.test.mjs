// The H5P package's library script carries the lesson page exactly as built: text in the page
// that looks like a replacement pattern ($', $&, $` — minified code has them) stays as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';

import { buildH5pPackage } from '../../build_scripts/packaging/h5p_package.mjs';
import { unzip } from './zip_read.mjs';

test('the lesson inside the library script is the page, byte for byte, "$" patterns included', async () => {
  const lessonHtml = '<!doctype html><html><head><title>T</title></head><body><script type="module">'
    + "const a = x.replace(/'/g, \"$'\"), b = `$&`, c = '$`', d = '$1$$';</script></body></html>";
  const files = unzip(await buildH5pPackage({ lessonHtml, masteryScore: null }));
  const script = files.get('H5P.AttentionLens-1.0/attention-lens-h5p.js').toString('utf8');
  // Run the library script with a stand-in H5P and page, attach the content, and read the page
  // it puts in its frame.
  let framed = null;
  const frame = { style: {}, addEventListener() {}, set srcdoc(html) { framed = html; } };
  const container = { classList: { add() {} }, appendChild() {} };
  const context = {
    H5P: { EventDispatcher: function EventDispatcher() {} },
    document: { createElement: () => frame },
    window: { localStorage: { setItem() {} } },
  };
  vm.runInNewContext(script, context);
  new context.H5P.AttentionLens({}, 1).attach({ get: () => container });
  assert.equal(framed, lessonHtml);
});
