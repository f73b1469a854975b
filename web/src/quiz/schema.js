// Checks questions an author wrote (JSON, or built in) before the quiz shows them. Every
// message names the question and the field, so an author can find and fix it. Pure: no DOM.
//
// A question: { id, type: 'single' | 'multiple', prompt, options: [{ text, correct?, feedback? }],
//               explanation?, topic? } — docs/quiz.md.

const isText = (value) => typeof value === 'string' && value.trim().length > 0;

/**
 * @param {unknown} value the parsed JSON: an array of questions, or { questions: [...] }
 * @returns {{ questions: object[], errors: string[] }} the usable questions (normalised) and
 *   every problem found; a question with a problem is left out.
 */
export function validateQuestions(value) {
  const list = Array.isArray(value) ? value : value?.questions;
  if (!Array.isArray(list)) {
    return { questions: [], errors: ['The questions must be a JSON array, or an object with a "questions" array.'] };
  }
  const errors = [];
  const questions = [];
  const seen = new Set();
  list.forEach((question, index) => {
    const name = `Question ${index + 1}${isText(question?.id) ? ` ("${question.id}")` : ''}`;
    const problems = [];
    if (question === null || typeof question !== 'object' || Array.isArray(question)) {
      errors.push(`${name} must be an object with an id, a prompt and options.`);
      return;
    }
    if (!isText(question.id)) problems.push('"id" must be a non-empty string');
    else if (seen.has(question.id)) problems.push(`"id" "${question.id}" is used by another question too`);
    const type = question.type ?? 'single';
    if (type !== 'single' && type !== 'multiple') problems.push(`"type" must be "single" or "multiple", not ${JSON.stringify(question.type)}`);
    if (!isText(question.prompt)) problems.push('"prompt" must be a non-empty string');
    if (question.explanation !== undefined && typeof question.explanation !== 'string') problems.push('"explanation" must be a string');
    const live = question.live;
    if (live !== undefined) {
      // A live question: its options and answer are read from a grid on the page.
      if (live === null || typeof live !== 'object') problems.push('"live" must be an object { lens, word, layer?, head? }');
      else {
        if (!isText(live.lens)) problems.push('live.lens must be the id of an <attention-lens> on the page');
        if (!isText(live.word)) problems.push('live.word must be the word whose attention the question asks about');
        if (live.layer !== undefined && !(Number.isInteger(live.layer) && live.layer >= 1)) problems.push('live.layer must be a whole number from 1');
        if (live.head !== undefined && live.head !== 'average' && !(Number.isInteger(live.head) && live.head >= 1)) problems.push('live.head must be "average" or a whole number from 1');
      }
      if (question.options !== undefined) problems.push('a live question takes no "options": they come from the grid');
      if (isText(question.id)) seen.add(question.id);
      if (problems.length) {
        errors.push(`${name}: ${problems.join('; ')}.`);
        return;
      }
      questions.push({ id: question.id, topic: question.topic ?? '', type: 'single', prompt: question.prompt,
        explanation: question.explanation ?? '', live: { lens: live.lens, word: live.word, layer: live.layer ?? null, head: live.head ?? 'average' }, options: [] });
      return;
    }
    const options = question.options;
    if (!Array.isArray(options) || options.length < 2 || options.length > 8) {
      problems.push('"options" must be a list of 2 to 8 options');
    } else {
      options.forEach((option, o) => {
        if (option === null || typeof option !== 'object') problems.push(`options[${o}] must be an object with a "text"`);
        else {
          if (!isText(option.text)) problems.push(`options[${o}].text must be a non-empty string`);
          if (option.correct !== undefined && typeof option.correct !== 'boolean') problems.push(`options[${o}].correct must be true or false`);
          if (option.feedback !== undefined && typeof option.feedback !== 'string') problems.push(`options[${o}].feedback must be a string`);
        }
      });
      const correct = options.filter((option) => option?.correct === true).length;
      if (type === 'single' && correct !== 1) problems.push(`a single-answer question needs exactly one correct option; it has ${correct}`);
      if (type === 'multiple' && correct < 1) problems.push('a multiple-answer question needs at least one correct option; it has none');
    }
    if (isText(question.id)) seen.add(question.id);
    if (problems.length) {
      errors.push(`${name}: ${problems.join('; ')}.`);
      return;
    }
    questions.push({
      id: question.id,
      topic: question.topic ?? '',
      type,
      prompt: question.prompt,
      explanation: question.explanation ?? '',
      options: options.map((option) => ({ text: option.text, correct: option.correct === true, feedback: option.feedback ?? '' })),
    });
  });
  return { questions, errors };
}

/** Parses an author's JSON text and validates it; a syntax error becomes one readable error. */
export function parseQuestions(jsonText) {
  let value;
  try {
    value = JSON.parse(jsonText);
  } catch (error) {
    return { questions: [], errors: [`The questions are not valid JSON: ${error.message}`] };
  }
  return validateQuestions(value);
}
