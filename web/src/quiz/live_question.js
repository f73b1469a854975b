// A live question's options and answer, computed from what a bound <attention-lens> shows now
// ("Which word does “it” look at most?"), so the answer stays right if the sentence or the
// model changes. Pure: takes the lens's analysis, returns a question in the usual shape.

const percent = (weight) => `${Math.round(weight * 100)}%`;

/**
 * @param {object} question a validated live question { id, prompt, explanation, live: { word, layer, head } }
 * @param {{tokens, layers}} analysis the lens's current analysis
 * @returns {{ question?: object, error?: string }}
 */
export function resolveLiveQuestion(question, analysis) {
  const { word, layer, head } = question.live;
  const layerIndex = (layer ?? analysis.layers.length) - 1;
  const chosenLayer = analysis.layers[layerIndex];
  if (!chosenLayer) return { error: `it asks about layer ${layer}, and the model has ${analysis.layers.length}` };
  const weights = head === 'average' ? chosenLayer.average : chosenLayer.heads[head - 1]?.weights;
  if (!weights) return { error: `it asks about head ${head}, and the model has ${chosenLayer.heads.length}` };
  const tokens = analysis.tokens;
  const query = tokens.findIndex((token) => token.text.toLowerCase() === word.toLowerCase());
  if (query < 0) return { error: `the grid's sentence has no word “${word}”` };

  const n = tokens.length;
  // The four most-attended different words (by text), the first of them the answer.
  const byWeight = tokens.map((token, key) => ({ text: token.text, weight: weights.data[query * n + key] }))
    .sort((a, b) => b.weight - a.weight);
  const choices = [];
  for (const choice of byWeight) {
    if (!choices.some((c) => c.text.toLowerCase() === choice.text.toLowerCase())) choices.push(choice);
    if (choices.length === 4) break;
  }
  if (choices.length < 2) return { error: 'the sentence has too few different words to ask about' };
  const answer = choices[0];
  const options = choices
    .map((choice) => ({
      text: choice.text,
      correct: choice === answer,
      feedback: choice === answer
        ? `Right: “${word}” gives ${percent(choice.weight)} of its attention to “${choice.text}”, more than to any other word.`
        : `“${word}” gives ${percent(choice.weight)} to “${choice.text}”; “${answer.text}” gets ${percent(answer.weight)}.`,
    }))
    .sort((a, b) => a.text.localeCompare(b.text));  // an order that does not give the answer away
  return {
    question: {
      ...question,
      options,
      explanation: question.explanation || 'The answer is read from the grid above, so it follows the sentence and the model.',
    },
  };
}
