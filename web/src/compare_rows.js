// Minimal pairs: two sentences that differ in a word or two, and how one word's row of attention
// changes from the first to the second. Pure: no DOM, no engine; the element draws what this
// returns (lens_compare.js).

/**
 * The two token lists lined up by a longest common subsequence of their texts (case-insensitive):
 * every token of each appears once, in order, as { first, second } — an index, or null where a
 * token has no partner (a word changed, added or removed).
 * @param {{ text: string }[]} first
 * @param {{ text: string }[]} second
 * @returns {{ first: number|null, second: number|null }[]}
 */
export function alignTokens(first, second) {
  const a = first.map((token) => token.text.toLowerCase());
  const b = second.map((token) => token.text.toLowerCase());
  // common[i][j]: the longest common subsequence of a[i..] and b[j..] (at most 64 × 64 tokens).
  const common = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const pairs = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) pairs.push({ first: i++, second: j++ });
    else if (j >= b.length || (i < a.length && common[i + 1][j] >= common[i][j + 1])) pairs.push({ first: i++, second: null });
    else pairs.push({ first: null, second: j++ });
  }
  return pairs;
}

/**
 * Where the first sentence's token `index` is in the second: its partner in the alignment, else
 * the token with the same text and the same occurrence number (the 2nd "it" → the 2nd "it"),
 * else null.
 */
export function partnerOf(index, first, second, pairs) {
  const paired = pairs.find((pair) => pair.first === index);
  if (paired?.second !== null && paired?.second !== undefined) return paired.second;
  const text = first[index].text.toLowerCase();
  const occurrence = first.slice(0, index).filter((token) => token.text.toLowerCase() === text).length;
  const matches = second.map((token, j) => (token.text.toLowerCase() === text ? j : -1)).filter((j) => j >= 0);
  return matches[occurrence] ?? null;
}

/**
 * The focused word's row in both sentences, key by key.
 * @param {object} a
 * @param {{ text: string }[]} a.first the first sentence's tokens
 * @param {{ text: string }[]} a.second the second sentence's tokens
 * @param {ArrayLike<number>} a.firstRow the focused word's weights in the first sentence
 * @param {ArrayLike<number>} a.secondRow its partner's weights in the second
 * @param {{ first, second }[]} a.pairs alignTokens(first, second)
 * @returns {{ keys: { text: string, first: number|null, second: number|null, change: number }[],
 *             gain: object|null, loss: object|null, firstSum: number, secondSum: number }}
 *   keys sorted by the size of the change, largest first (a key only in one sentence counts
 *   its whole weight as the change); gain and loss: the key that gained most and lost most
 *   (null when none did)
 */
export function compareRows({ first, second, firstRow, secondRow, pairs }) {
  const keys = pairs.map((pair) => {
    const before = pair.first === null ? null : firstRow[pair.first];
    const after = pair.second === null ? null : secondRow[pair.second];
    return {
      text: pair.second === null ? first[pair.first].text : second[pair.second].text,
      firstText: pair.first === null ? null : first[pair.first].text,
      first: before,
      second: after,
      change: (after ?? 0) - (before ?? 0),
    };
  });
  const sorted = keys.map((key, order) => ({ key, order }))
    .sort((x, y) => Math.abs(y.key.change) - Math.abs(x.key.change) || x.order - y.order)
    .map(({ key }) => key);
  const gain = sorted.find((key) => key.change > 0) ?? null;
  const loss = sorted.find((key) => key.change < 0) ?? null;
  const sum = (row) => Array.from(row).reduce((total, weight) => total + weight, 0);
  return { keys: sorted, gain, loss, firstSum: sum(firstRow), secondSum: sum(secondRow) };
}
