// Every UI language has every string the element uses, of the same kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { stringsFor, SUPPORTED_LANGUAGES } from '../../web/src/strings.js';
import { QUIZ_STRINGS, quizStringsFor } from '../../web/src/quiz/quiz_strings.js';

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

test('the quiz\'s strings: the same keys in every language, added to the shared ones, for the same tags', () => {
  assert.deepEqual(Object.keys(QUIZ_STRINGS).sort(), [...SUPPORTED_LANGUAGES].sort());
  const english = QUIZ_STRINGS.en;
  for (const language of SUPPORTED_LANGUAGES) {
    const strings = QUIZ_STRINGS[language];
    assert.deepEqual(Object.keys(strings).sort(), Object.keys(english).sort(), language);
    for (const [key, value] of Object.entries(english)) {
      assert.equal(typeof strings[key], typeof value, `${language}.${key}`);
      if (typeof value === 'function') assert.equal(strings[key].length, value.length, `${language}.${key} arguments`);
    }
    // None of them hides a shared string of the same name.
    for (const key of Object.keys(strings)) assert.ok(!(key in stringsFor(language)), `${language}.${key} is in strings.js too`);
  }
  assert.equal(quizStringsFor('es-MX'), quizStringsFor('es'));
  assert.equal(quizStringsFor('es').check, 'Comprobar');
  assert.equal(quizStringsFor('es').locale, 'es');
  assert.equal(quizStringsFor('xx').check, 'Check');
});
