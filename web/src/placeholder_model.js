// A stand-in model for the first page, until the trained model lands: every word gets a
// seeded random embedding and one head gets seeded random W_Q and W_K. The attention is
// really computed by the engine, but the weights mean nothing — the page says so.
// Pure functions, no DOM, so they can be tested on their own.
import { matrix } from './engine.js';
import { seededRandom } from './seeded_random.js';

export const PLACEHOLDER_D_MODEL = 16;

/** Words and punctuation, each with its character span in the sentence. */
export function splitWords(sentence) {
  const tokens = [];
  for (const match of sentence.matchAll(/[\p{L}\p{N}'’]+|[^\s\p{L}\p{N}]/gu)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

function hashText(text) {
  let hash = 2166136261;
  for (const ch of text.toLowerCase()) hash = Math.imul(hash ^ ch.codePointAt(0), 16777619);
  return hash >>> 0;
}

function randomMatrix(rows, cols, seed) {
  const next = seededRandom(seed);
  return matrix(rows, cols, Float32Array.from({ length: rows * cols }, () => next() * 2 - 1));
}

/**
 * The placeholder head's attention over `sentence`.
 * @returns {{tokens, trace}} tokens with spans; trace from engine.attention (weights n×n)
 */
export function placeholderAttention(engine, sentence) {
  const tokens = splitWords(sentence);
  if (tokens.length === 0) throw new Error('The sentence has no words to attend to.');
  const d = PLACEHOLDER_D_MODEL;
  const embeddings = new Float32Array(tokens.length * d);
  tokens.forEach((token, i) => {
    const vector = randomMatrix(1, d, hashText(token.text)).data;
    // A small position signal so that repeated words are not identical.
    for (let j = 0; j < d; j++) embeddings[i * d + j] = vector[j] + 0.3 * Math.sin((i + 1) * (j + 1));
  });
  const input = matrix(tokens.length, d, embeddings);
  const head = {
    wQuery: randomMatrix(d, d, 11),
    wKey: randomMatrix(d, d, 12),
    wValue: randomMatrix(d, d, 13),
  };
  const identity = matrix(d, d, Float32Array.from({ length: d * d }, (_, i) => (i % (d + 1) === 0 ? 1 : 0)));
  const { heads } = engine.multiHeadAttention(input, input, { heads: [head], wOutput: identity });
  return { tokens, trace: heads[0] };
}
