// The slide's four steps for one focused word in one head, read straight from the engine's
// trace (no arithmetic of our own, so every number shown is a number the engine computed).
// Pure: no DOM, tested in Node.

/**
 * @param {object} head one head of analyze(): { queries, keys, values, scale, scores, scaled, weights, output }
 * @param {number} query the focused token's index
 * @returns {{ query: number[], scale: number, keys: Array<{index, score, scaled, weight, value: number[]}>, output: number[] }}
 */
export function mathSteps(head, query) {
  const row = (matrix, i) => Array.from(matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols));
  const n = head.weights.cols;
  const keys = [];
  for (let key = 0; key < n; key++) {
    const at = query * n + key;
    keys.push({
      index: key,
      score: head.scores.data[at],
      scaled: head.scaled.data[at],
      weight: head.weights.data[at],
      value: row(head.values, key),
    });
  }
  return { query: row(head.queries, query), scale: head.scale, keys, output: row(head.output, query) };
}
