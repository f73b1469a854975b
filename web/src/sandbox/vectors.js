// The sandbox's words and their 2-D queries, keys and values: read from the author's attributes,
// kept on the plane, and set by the presets that each teach one idea. Pure: no DOM, no engine.
//
// A list of vectors is written like SVG points: "x,y" pairs separated by spaces,
//   queries="1.5,0 0,1.5 -1,1"
// one pair per word, in the words' order.

/** Words the sandbox takes: fewer gives no row to compare, more crowds a 360 px plane. */
export const WORD_COUNT = { min: 3, max: 5 };

/** The plane shows and allows -LIMIT..LIMIT on both axes. */
export const LIMIT = 3;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** A vector kept on the plane, rounded to 2 decimals (what the numeric inputs show). */
export function onPlane([x, y]) {
  const keep = (value) => Math.round(Math.min(LIMIT, Math.max(-LIMIT, value)) * 100) / 100 + 0;  // + 0: no -0
  return [keep(x), keep(y)];
}

/**
 * The words attribute: { words } (3 to 5 words, separated by spaces), or { problem } naming
 * what is wrong: 'too-few' | 'too-many', with the count.
 */
export function parseWords(text) {
  const words = String(text ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length < WORD_COUNT.min) return { problem: 'too-few', count: words.length };
  if (words.length > WORD_COUNT.max) return { problem: 'too-many', count: words.length };
  return { words };
}

/**
 * A vectors attribute for `count` words: { vectors } or { problem: 'not-pairs' | 'wrong-count'
 * | 'off-plane', count } — off-plane pairs are still given back, moved onto the plane.
 */
export function parseVectors(text, count) {
  const pairs = String(text).trim().split(/\s+/).filter(Boolean);
  const vectors = [];
  for (const pair of pairs) {
    const parts = pair.split(',');
    if (parts.length !== 2 || !parts.every((part) => NUMBER.test(part))) return { problem: 'not-pairs' };
    vectors.push(parts.map(Number));
  }
  if (vectors.length !== count) return { problem: 'wrong-count', count: vectors.length };
  const kept = vectors.map(onPlane);
  const moved = vectors.some(([x, y], i) => Math.abs(x - kept[i][0]) > 0.005 || Math.abs(y - kept[i][1]) > 0.005);
  return moved ? { vectors: kept, problem: 'off-plane' } : { vectors: kept };
}

/** Vectors as the attributes write them: "1.5,0 0,1.5". */
export function formatVectors(vectors) {
  return vectors.map(([x, y]) => `${x},${y}`).join(' ');
}

// Evenly spread directions, so the default keys point different ways and every row has a
// clear favourite and clear losers.
const around = (count, length, turn = 0) => Array.from({ length: count }, (_, i) => {
  const angle = turn + (2 * Math.PI * i) / count;
  return onPlane([length * Math.cos(angle), length * Math.sin(angle)]);
});

/** The vectors a sandbox starts with when the author gives none. */
export function defaultVectors(count) {
  return {
    queries: around(count, 1.5, Math.PI / 6),
    keys: around(count, 1.5),
    values: around(count, 1, Math.PI / 2),
  };
}

/**
 * The presets, each a change to the current vectors that shows one idea for the focused
 * word's row. Each takes { queries, keys, values, focus } and returns new { queries, keys }.
 *   alike:    every key the same vector → every score the same → uniform weights (1/n each)
 *   aligned:  one key along the query and long, the others across it → a sharp row
 *   long:     the same directions, vectors 3× as long → scores 9× larger: the row saturates,
 *             and turning off ÷√d_k makes it saturate further
 *   opposite: one key pointing against the query → its weight falls near zero
 */
export const PRESETS = {
  alike({ queries, keys }) {
    return { queries, keys: keys.map(() => [1, 1]) };
  },
  aligned({ queries, keys, focus }) {
    const target = (focus + 1) % keys.length;
    const query = [2, 0];
    const others = around(keys.length - 1, 1, Math.PI / 2).map(([x, y]) => onPlane([x * 0.2, y]));
    const spread = keys.map((_, i) => (i === target ? [3, 0] : others[i < target ? i : i - 1]));
    return { queries: queries.map((q, i) => (i === focus ? query : q)), keys: spread };
  },
  long({ queries, keys }) {
    const stretch = (vectors) => {
      // As long as the plane lets every vector be, up to 3×, keeping their directions.
      const longest = Math.max(...vectors.map(([x, y]) => Math.max(Math.abs(x), Math.abs(y))), 1e-9);
      const factor = Math.min(3, LIMIT / longest);
      return vectors.map(([x, y]) => onPlane([x * factor, y * factor]));
    };
    return { queries: stretch(queries), keys: stretch(keys) };
  },
  opposite({ queries, keys, focus }) {
    const target = (focus + 1) % keys.length;
    const query = [2, 0];
    return {
      queries: queries.map((q, i) => (i === focus ? query : q)),
      keys: keys.map((k, i) => (i === target ? [-3, 0] : onPlane([0.5 * Math.cos(i), 1.5 * Math.sin(i + 1)]))),
    };
  },
};
