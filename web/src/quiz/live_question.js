// A live question's options and answer, computed from what a bound <attention-lens> shows now
// ("Which word does “it” look at most?"), so the answer stays right if the sentence or the
// model changes. Pure: takes the lens's analysis, returns a question in the usual shape, its
// feedback and problems in the language of the strings given (English by default).
import { formatPercent } from '../strings.js';
import { quizStringsFor } from './quiz_strings.js';

const ENGLISH = quizStringsFor('en');

const percent = (weight, text) => formatPercent(text.locale, weight);

/**
 * @param {object} question a validated live question { id, prompt, explanation, live: { word, layer, head } }
 * @param {{tokens, layers}} analysis the lens's current analysis
 * @param {object} [text] the strings to write in: quizStringsFor(lang) from quiz_strings.js
 * @returns {{ question?: object, error?: string }}
 */
export function resolveLiveQuestion(question, analysis, text = ENGLISH) {
  const { word, layer, head } = question.live;
  const layerIndex = (layer ?? analysis.layers.length) - 1;
  const chosenLayer = analysis.layers[layerIndex];
  if (!chosenLayer) return { error: text.quizLiveNoLayer(layer, analysis.layers.length) };
  const weights = head === 'average' ? chosenLayer.average : chosenLayer.heads[head - 1]?.weights;
  if (!weights) return { error: text.quizLiveNoHead(head, chosenLayer.heads.length) };
  const tokens = analysis.tokens;
  const query = tokens.findIndex((token) => token.text.toLowerCase() === word.toLowerCase());
  if (query < 0) return { error: text.quizLiveNoWord(word) };

  const n = tokens.length;
  // The four most-attended different words (by text), the first of them the answer.
  const byWeight = tokens.map((token, key) => ({ text: token.text, weight: weights.data[query * n + key] }))
    .sort((a, b) => b.weight - a.weight);
  const choices = [];
  for (const choice of byWeight) {
    if (!choices.some((c) => c.text.toLowerCase() === choice.text.toLowerCase())) choices.push(choice);
    if (choices.length === 4) break;
  }
  if (choices.length < 2) return { error: text.quizLiveTooFewWords };
  const answer = choices[0];
  const options = choices
    .map((choice) => ({
      text: choice.text,
      correct: choice === answer,
      feedback: choice === answer
        ? text.quizLiveRight(word, percent(choice.weight, text), choice.text)
        : text.quizLiveWrong(word, percent(choice.weight, text), choice.text, answer.text, percent(answer.weight, text)),
    }))
    .sort((a, b) => a.text.localeCompare(b.text));  // an order that does not give the answer away
  return {
    question: {
      ...question,
      options,
      explanation: question.explanation || text.quizLiveExplanation,
    },
  };
}
