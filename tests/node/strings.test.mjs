// Every UI language has every string the element uses, of the same kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { stringsFor, SUPPORTED_LANGUAGES } from '../../web/src/strings.js';

test('every language has the same strings as English, and unknown languages fall back to it', () => {
  const english = stringsFor('en');
  assert.ok(SUPPORTED_LANGUAGES.length >= 2);
  for (const language of SUPPORTED_LANGUAGES) {
    const strings = stringsFor(language);
    assert.deepEqual(Object.keys(strings).sort(), Object.keys(english).sort(), language);
    for (const [key, value] of Object.entries(english)) {
      assert.equal(typeof strings[key], typeof value, `${language}.${key}`);
      if (typeof value === 'function') assert.equal(strings[key].length, value.length, `${language}.${key} arguments`);
    }
  }
  assert.equal(stringsFor('es-MX'), stringsFor('es'));
  assert.equal(stringsFor('xx'), english);
  assert.equal(stringsFor(null), english);
});
