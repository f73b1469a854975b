// A goal question ("make “it” give at least 80 % of its attention to “cat”"), checked on what an
// <attention-sandbox> shows now. Pure: takes the sandbox's words, trace and vectors, returns
// numbers and words in the language of the strings given; the quiz element draws them.
import { formatPercent } from '../strings.js';
import { quizStringsFor } from './quiz_strings.js';

const ENGLISH = quizStringsFor('en');

/**
 * Where the goal's words are among the sandbox's words: { query, key } (indices) or { error }.
 * @param {{ query: string, key: string }} goal
 * @param {string[]} words
 */
export function goalIndices(goal, words, text = ENGLISH) {
  const find = (word) => words.findIndex((w) => w.toLowerCase() === word.toLowerCase());
  const query = find(goal.query);
  if (query < 0) return { error: text.quizGoalNoWord(goal.query) };
  const key = find(goal.key);
  if (key < 0) return { error: text.quizGoalNoWord(goal.key) };
  return { query, key };
}

/**
 * The goal checked on a trace: { weight, met, share, said } — the weight the query gives the key
 * now, whether it meets the goal, that weight in words (to 0.1 %, rounded away from the goal, so
 * 79.96 % is never shown as a goal-reaching 80.0 %), and the goal in words ("at least 80%").
 * @param {{ atLeast: number|null, atMost: number|null }} goal
 * @param {{ weights: { cols: number, data: Float32Array } }} trace the sandbox's attention() trace
 * @param {{ query: number, key: number }} at goalIndices()
 */
export function checkGoal(goal, trace, at, text = ENGLISH) {
  const weight = trace.weights.data[at.query * trace.weights.cols + at.key];
  const met = goal.atLeast !== null ? weight >= goal.atLeast : weight <= goal.atMost;
  const said = goal.atLeast !== null
    ? text.quizGoalAtLeast(formatPercent(text.locale, goal.atLeast))
    : text.quizGoalAtMost(formatPercent(text.locale, goal.atMost));
  const tenths = weight * 1000;
  const shown = (goal.atLeast !== null ? Math.floor(tenths + 1e-9) : Math.ceil(tenths - 1e-9)) / 1000;
  return { weight, met, share: formatPercent(text.locale, shown, 1), said };
}

/**
 * One way to reach the goal, for "Show answer": the query turned toward the key (for atLeast)
 * or away from it (for atMost), as long as the plane allows. Returns the new query [x, y], or
 * null when the key is at the origin (then no query direction helps).
 * @param {{ atLeast: number|null }} goal
 * @param {[number, number]} key the key's vector
 * @param {number} limit the plane's edge
 */
export function goalQuery(goal, key, limit) {
  const [x, y] = key;
  const longest = Math.max(Math.abs(x), Math.abs(y));
  if (longest === 0) return null;
  const sign = goal.atLeast !== null ? 1 : -1;
  const stretch = (sign * limit) / longest;
  return [Math.round(x * stretch * 100) / 100 + 0, Math.round(y * stretch * 100) / 100 + 0];  // + 0: no -0
}
