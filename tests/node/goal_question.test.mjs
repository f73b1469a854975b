// Goal questions (web/src/quiz/goal_question.js): the goal's words found among the sandbox's,
// the weight read from the trace and said without rounding across the goal, and "Show answer"'s
// query pointing toward (or away from) the key as far as the plane allows.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { checkGoal, goalIndices, goalQuery } from '../../web/src/quiz/goal_question.js';
import { quizStringsFor as stringsFor } from '../../web/src/quiz/quiz_strings.js';

const words = ['cat', 'sat', 'mat', 'it'];
// A 4×4 trace whose row 3 ("it") is [w, rest spread evenly].
const traceWith = (weight) => {
  const data = new Float32Array(16).fill(0.25);
  data.set([weight, (1 - weight) / 3, (1 - weight) / 3, (1 - weight) / 3], 12);
  return { weights: { rows: 4, cols: 4, data } };
};

test('the goal\'s words are found among the sandbox\'s, case-insensitively; a missing one is named', () => {
  assert.deepEqual(goalIndices({ query: 'It', key: 'cat' }, words), { query: 3, key: 0 });
  assert.deepEqual(goalIndices({ query: 'it', key: 'dog' }, words), { error: 'the sandbox has no word “dog”' });
  assert.deepEqual(goalIndices({ query: 'perro', key: 'cat' }, words, stringsFor('es')), { error: 'el laboratorio no tiene la palabra «perro»' });
});

test('at least / at most: met or not, from the trace; the share never rounds across the goal', () => {
  const at = { query: 3, key: 0 };
  const atLeast = { atLeast: 0.8, atMost: null };
  assert.deepEqual(checkGoal(atLeast, traceWith(0.85), at), { weight: Math.fround(0.85), met: true, share: '85.0%', said: 'at least 80%' });
  const below = checkGoal(atLeast, traceWith(0.79996), at);
  assert.equal(below.met, false);
  assert.equal(below.share, '79.9%', 'not shown as 80.0 %');
  const atMost = { atLeast: null, atMost: 0.05 };
  const above = checkGoal(atMost, traceWith(0.05004), at);
  assert.equal(above.met, false);
  assert.equal(above.share, '5.1%', 'not shown as 5.0 %');
  assert.equal(checkGoal(atMost, traceWith(0.01), at).met, true);
  assert.equal(checkGoal(atMost, traceWith(0.01), at, stringsFor('es')).said, 'como mucho 5\u00a0%');
});

test('"Show answer": the query along the key (or against it) to the plane\'s edge; none for a key at the origin', () => {
  assert.deepEqual(goalQuery({ atLeast: 0.8 }, [1.5, 0], 3), [3, 0]);
  assert.deepEqual(goalQuery({ atLeast: 0.8 }, [1, -0.5], 3), [3, -1.5]);
  assert.deepEqual(goalQuery({ atLeast: null, atMost: 0.05 }, [0, 1.5], 3), [0, -3]);
  assert.equal(goalQuery({ atLeast: 0.8 }, [0, 0], 3), null);
});
