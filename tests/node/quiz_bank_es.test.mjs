// The built-in questions in Spanish: every question translated, option for option, and the
// translated bank passes the same checks as the English one.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BUILT_IN_QUESTIONS, builtInQuestions } from '../../web/src/quiz/bank.js';
import { SPANISH_QUESTIONS } from '../../web/src/quiz/bank_es.js';
import { validateQuestions } from '../../web/src/quiz/schema.js';
import { quizStringsFor as stringsFor } from '../../web/src/quiz/quiz_strings.js';

test('every built-in question has its Spanish, with as many options, and nothing else is there', () => {
  assert.deepEqual(Object.keys(SPANISH_QUESTIONS).sort(), BUILT_IN_QUESTIONS.map((q) => q.id).sort());
  for (const question of BUILT_IN_QUESTIONS) {
    const spanish = SPANISH_QUESTIONS[question.id];
    assert.equal(spanish.options.length, question.options.length, question.id);
    for (const [text, feedback] of spanish.options) {
      assert.ok(text.trim() && feedback.trim(), `${question.id}: an option without its text or feedback`);
    }
    assert.ok(spanish.prompt.trim() && spanish.explanation.trim(), question.id);
  }
});

test('builtInQuestions("es") keeps ids, topics, types and which options are correct, and passes validation', async () => {
  const spanish = await builtInQuestions('es');
  assert.equal(spanish.length, BUILT_IN_QUESTIONS.length);
  spanish.forEach((question, i) => {
    const english = BUILT_IN_QUESTIONS[i];
    assert.equal(question.id, english.id);
    assert.equal(question.topic, english.topic);
    assert.equal(question.type, english.type);
    assert.deepEqual(question.options.map((o) => Boolean(o.correct)), english.options.map((o) => Boolean(o.correct)));
    assert.notEqual(question.prompt, english.prompt, `${question.id} is translated`);
  });
  const { errors } = validateQuestions(spanish, stringsFor('es'));
  assert.deepEqual(errors, []);
  assert.equal(await builtInQuestions('en'), BUILT_IN_QUESTIONS, 'English is the bank itself');
});
