// The xAPI statements of <attention-quiz> (web/src/quiz/xapi.js): valid by xapi-validation,
// in H5P's shape (cmi.interaction choice, score 0..1 per answer, [,]-separated responses), with
// ids under the author's base IRI; completed once, when every question was checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BUILT_IN_QUESTIONS } from '../../web/src/quiz/bank.js';
import { QuizStatements, answeredStatement, completedStatement, isoDuration, parseActivityBase } from '../../web/src/quiz/xapi.js';
import { assertValidStatement } from './xapi_check.mjs';

const single = BUILT_IN_QUESTIONS.find((q) => q.type === 'single');
const multiple = BUILT_IN_QUESTIONS.find((q) => q.type === 'multiple');
const actor = { objectType: 'Agent', account: { homePage: 'https://lessons.example.org', name: 'learner-1' } };
const base = 'https://lessons.example.org/attention';

test('the base IRI: http(s), no query or fragment, a trailing slash dropped; anything else says why', () => {
  assert.deepEqual(parseActivityBase('https://lessons.example.org/attention/'), { base });
  assert.deepEqual(parseActivityBase(' https://lessons.example.org/attention '), { base });
  assert.match(parseActivityBase('attention').error, /not an absolute IRI/);
  assert.match(parseActivityBase('urn:x:attention').error, /not an http or https IRI/);
  assert.match(parseActivityBase('https://x.org/a?b=1').error, /query or a fragment/);
  assert.match(parseActivityBase('https://x.org/a#b').error, /query or a fragment/);
});

test('ISO 8601 durations to the hundredth of a second, as H5P writes them', () => {
  assert.equal(isoDuration(0), 'PT0S');
  assert.equal(isoDuration(3.14159), 'PT3.14S');
  assert.equal(isoDuration(75.5), 'PT75.5S');
  assert.equal(isoDuration(-1), 'PT0S');
});

test('answered: a valid statement for a right and a wrong answer, single and multiple choice', () => {
  const correctOf = (q) => q.options.flatMap((o, i) => (o.correct ? [i] : []));
  for (const question of [single, multiple]) {
    const right = correctOf(question);
    const wrong = [question.options.findIndex((o) => !o.correct)];
    for (const [selected, correct] of [[right, true], [wrong, false]]) {
      const statement = answeredStatement({ base, quiz: 'quiz-formula', question, selected, correct, seconds: 4.2,
        actor, lang: 'en', timestamp: '2026-12-02T15:00:00.000Z' });
      assertValidStatement(statement, `${question.id} ${correct ? 'right' : 'wrong'}`);
      assert.equal(statement.verb.id, 'http://adlnet.gov/expapi/verbs/answered');
      assert.equal(statement.object.id, `${base}/quiz-formula/${question.id}`);
      assert.equal(statement.object.definition.interactionType, 'choice');
      assert.deepEqual(statement.object.definition.correctResponsesPattern, [right.join('[,]')]);
      assert.deepEqual(statement.object.definition.choices.map((c) => c.description['en-US']), question.options.map((o) => o.text));
      assert.deepEqual(statement.result, { score: { min: 0, max: 1, raw: correct ? 1 : 0, scaled: correct ? 1 : 0 },
        success: correct, completion: true, response: selected.join('[,]'), duration: 'PT4.2S' });
      assert.deepEqual(statement.context.contextActivities.parent, [{ objectType: 'Activity', id: `${base}/quiz-formula` }]);
    }
  }
});

test('answered, for a goal question: a valid "numeric" interaction whose correct response is the goal\'s range and whose response is the weight reached', () => {
  const goalQuestion = (goal) => ({ id: 'sharp-row', prompt: 'Make “it” look at “cat”.', type: 'goal', options: [],
    goal: { sandbox: 'sb', query: 'it', key: 'cat', atLeast: null, atMost: null, ...goal } });
  for (const [goal, response, correct, pattern] of [
    [{ atLeast: 0.8 }, 0.8412, true, '0.8[:]'],
    [{ atLeast: 0.8 }, 0.31, false, '0.8[:]'],
    [{ atMost: 0.05 }, 0.012, true, '[:]0.05'],
  ]) {
    const statement = answeredStatement({ base, quiz: 'quiz-sandbox', question: goalQuestion(goal), selected: [], response, correct,
      seconds: 12, actor, lang: 'en', timestamp: '2026-12-03T10:00:00.000Z' });
    assertValidStatement(statement, `${pattern} ${response}`);
    assert.equal(statement.object.definition.interactionType, 'numeric');
    assert.deepEqual(statement.object.definition.correctResponsesPattern, [pattern]);
    assert.equal(statement.object.definition.choices, undefined);
    assert.equal(statement.result.response, String(response));
    assert.equal(statement.result.success, correct);
  }
});

test('ids are path segments: a quiz or question id with spaces or slashes stays one segment', () => {
  const question = { ...single, id: 'a b/c' };
  const statement = answeredStatement({ base, quiz: 'quiz 1', question, selected: [0], correct: false, seconds: 1, actor, lang: 'es', timestamp: '2026-12-02T15:00:00Z' });
  assertValidStatement(statement);
  assert.equal(statement.object.id, `${base}/quiz%201/a%20b%2Fc`);
  assert.equal(statement.context.language, 'es');
  assert.ok('es' in statement.object.definition.name);
});

test('completed: the quiz\'s score, scaled, valid', () => {
  const statement = completedStatement({ base, quiz: 'quiz-causal', solved: 2, total: 3, seconds: 61, actor, lang: 'en', timestamp: '2026-12-02T15:00:00Z' });
  assertValidStatement(statement);
  assert.equal(statement.verb.id, 'http://adlnet.gov/expapi/verbs/completed');
  assert.deepEqual(statement.result.score, { min: 0, max: 3, raw: 2, scaled: 2 / 3 });
  assert.equal(statement.result.duration, 'PT61S');
  // The validator does reject what breaks the rules, so a pass above means something.
  assert.throws(() => assertValidStatement({ ...statement, result: { ...statement.result, duration: '61 seconds' } }), /result\.duration/);
  assert.throws(() => assertValidStatement({ ...statement, verb: { id: 'completed' } }), /verb\.id/);
});

test('QuizStatements: time per question from the draw or its last check; completed once, after the last unchecked question', () => {
  let clock = 1000;
  const quiz = new QuizStatements({ base, quiz: 'q', lang: 'en', questionIds: [single.id, multiple.id], now: () => clock });
  assertValidStatement({ ...answeredStatement({ base, quiz: 'q', question: single, selected: [0], correct: false, seconds: 0, actor: quiz.actor, lang: 'en', timestamp: new Date(0).toISOString() }) }, 'with the anonymous actor');
  clock = 3500;
  let sent = quiz.answered({ question: single, selected: [0], correct: false, solved: 0, total: 2 });
  assert.deepEqual(sent.map((s) => [s.verb.display['en-US'], s.result.duration]), [['answered', 'PT2.5S']]);
  clock = 4000;
  sent = quiz.answered({ question: single, selected: [1], correct: true, solved: 1, total: 2 });
  assert.deepEqual(sent.map((s) => s.result.duration), ['PT0.5S']);
  clock = 11000;
  sent = quiz.answered({ question: multiple, selected: [0], correct: true, solved: 2, total: 2 });
  assert.deepEqual(sent.map((s) => [s.verb.display['en-US'], s.result.duration]), [['answered', 'PT10S'], ['completed', 'PT10S']]);
  assert.deepEqual(sent[1].result.score, { min: 0, max: 2, raw: 2, scaled: 1 });
  for (const statement of sent) assertValidStatement(statement);
  sent = quiz.answered({ question: multiple, selected: [1], correct: false, solved: 2, total: 2 });
  assert.deepEqual(sent.map((s) => s.verb.display['en-US']), ['answered'], 'completed is sent once');
});

test('QuizStatements: questions solved in an earlier visit count as checked', () => {
  const quiz = new QuizStatements({ base, quiz: 'q', lang: 'en', questionIds: [single.id, multiple.id], solvedBefore: [single.id], now: () => 0 });
  const sent = quiz.answered({ question: multiple, selected: [0], correct: true, solved: 2, total: 2 });
  assert.deepEqual(sent.map((s) => s.verb.display['en-US']), ['answered', 'completed']);
});
