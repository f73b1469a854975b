// The widget's "looks most at" for a word of a sentence, as the model tests read it: the key with
// the largest weight in the word's row of the last layer, average over heads, the word itself
// included. Shared by the tests that hold the shipped weights to hand-written sentences.
import assert from 'node:assert/strict';

export function lookedAtMost(model, sentence, word) {
  const analysis = model.analyze(sentence);
  const texts = analysis.tokens.map((token) => token.text.toLowerCase());
  const query = texts.indexOf(word);
  assert.ok(query >= 0, `"${word}" is not a token of "${sentence}"`);
  const { data, cols } = analysis.layers[model.info.layerCount - 1].average;
  const row = data.subarray(query * cols, (query + 1) * cols);
  let top = 0;
  for (let key = 1; key < cols; key += 1) if (row[key] > row[top]) top = key;
  return { text: texts[top], weight: row[top] };
}

// Every [sentence, word, answer] the word does not look at most, as lines a failure can print.
export function wrongAnswers(model, items) {
  const wrong = [];
  for (const [sentence, word, answer] of items) {
    const { text, weight } = lookedAtMost(model, sentence, word);
    if (text !== answer) wrong.push(`${sentence}: "${word}" → "${text}" (${(100 * weight).toFixed(0)} %), not "${answer}"`);
  }
  return wrong;
}

// Asserts that at least `share` of the items are right, printing the wrong ones when not.
export function assertShareRight(model, items, share) {
  const wrong = wrongAnswers(model, items);
  const right = items.length - wrong.length;
  assert.ok(right >= share * items.length,
    `${right} of ${items.length} right (at least ${Math.ceil(share * items.length)} needed):\n${wrong.join('\n')}`);
}
