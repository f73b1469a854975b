// Checks questions an author wrote (JSON, or built in) before the quiz shows them. Every
// message names the question and the field, so an author can find and fix it, in the language of
// the strings given (the quiz's lang; English by default). Pure: no DOM.
//
// A question: { id, type: 'single' | 'multiple', prompt, options: [{ text, correct?, feedback? }],
//               explanation?, topic? }, or in place of options a live: { lens, word } (read from a
//               grid) or a goal: { sandbox, query, key, atLeast | atMost } (reached by moving
//               vectors in a sandbox) — docs/quiz.md.

import { quizStringsFor } from './quiz_strings.js';

const ENGLISH = quizStringsFor('en');
const isText = (value) => typeof value === 'string' && value.trim().length > 0;

/**
 * @param {unknown} value the parsed JSON: an array of questions, or { questions: [...] }
 * @param {object} [text] the strings to write the problems in: quizStringsFor(lang) from quiz_strings.js
 * @returns {{ questions: object[], errors: string[] }} the usable questions (normalised) and
 *   every problem found; a question with a problem is left out.
 */
export function validateQuestions(value, text = ENGLISH) {
  const list = Array.isArray(value) ? value : value?.questions;
  if (!Array.isArray(list)) {
    return { questions: [], errors: [text.quizNotAList] };
  }
  const errors = [];
  const questions = [];
  const seen = new Set();
  list.forEach((question, index) => {
    const name = text.quizQuestionName(index + 1, isText(question?.id) ? question.id : undefined);
    const problems = [];
    if (question === null || typeof question !== 'object' || Array.isArray(question)) {
      errors.push(text.quizNotAnObject(name));
      return;
    }
    if (!isText(question.id)) problems.push(text.quizIdMissing);
    else if (seen.has(question.id)) problems.push(text.quizIdTaken(question.id));
    const type = question.type ?? 'single';
    if (type !== 'single' && type !== 'multiple') problems.push(text.quizBadType(JSON.stringify(question.type)));
    if (!isText(question.prompt)) problems.push(text.quizPromptMissing);
    if (question.explanation !== undefined && typeof question.explanation !== 'string') problems.push(text.quizExplanationNotText);
    const live = question.live;
    if (live !== undefined) {
      // A live question: its options and answer are read from a grid on the page.
      if (live === null || typeof live !== 'object') problems.push(text.quizLiveNotObject);
      else {
        if (!isText(live.lens)) problems.push(text.quizLiveLensMissing);
        if (!isText(live.word)) problems.push(text.quizLiveWordMissing);
        if (live.layer !== undefined && !(Number.isInteger(live.layer) && live.layer >= 1)) problems.push(text.quizLiveBadLayer);
        if (live.head !== undefined && live.head !== 'average' && !(Number.isInteger(live.head) && live.head >= 1)) problems.push(text.quizLiveBadHead);
      }
      if (question.options !== undefined) problems.push(text.quizLiveWithOptions);
      if (question.goal !== undefined) problems.push(text.quizLiveAndGoal);
      if (isText(question.id)) seen.add(question.id);
      if (problems.length) {
        errors.push(text.quizProblemsOf(name, problems));
        return;
      }
      // number: where the author wrote it (1-based), so a later problem with it names that place.
      questions.push({ id: question.id, number: index + 1, topic: question.topic ?? '', type: 'single', prompt: question.prompt,
        explanation: question.explanation ?? '', live: { lens: live.lens, word: live.word, layer: live.layer ?? null, head: live.head ?? 'average' }, options: [] });
      return;
    }
    const goal = question.goal;
    if (goal !== undefined) {
      // A goal question: the learner moves vectors in an <attention-sandbox> until a weight
      // reaches the goal; Check reads it from the sandbox (goal_question.js).
      if (goal === null || typeof goal !== 'object' || Array.isArray(goal)) problems.push(text.quizGoalNotObject);
      else {
        if (!isText(goal.sandbox)) problems.push(text.quizGoalSandboxMissing);
        if (!isText(goal.query)) problems.push(text.quizGoalWordMissing('query'));
        if (!isText(goal.key)) problems.push(text.quizGoalWordMissing('key'));
        const bounds = ['atLeast', 'atMost'].filter((bound) => goal[bound] !== undefined);
        if (bounds.length !== 1) problems.push(text.quizGoalOneBound);
        else if (!(typeof goal[bounds[0]] === 'number' && goal[bounds[0]] > 0 && goal[bounds[0]] < 1)) problems.push(text.quizGoalBadBound(bounds[0]));
      }
      if (question.options !== undefined) problems.push(text.quizGoalWithOptions);
      if (question.type !== undefined && question.type !== 'single') problems.push(text.quizBadType(JSON.stringify(question.type)));
      if (isText(question.id)) seen.add(question.id);
      if (problems.length) {
        errors.push(text.quizProblemsOf(name, [...new Set(problems)]));
        return;
      }
      questions.push({ id: question.id, number: index + 1, topic: question.topic ?? '', type: 'goal', prompt: question.prompt,
        explanation: question.explanation ?? '', options: [],
        goal: { sandbox: goal.sandbox, query: goal.query, key: goal.key, atLeast: goal.atLeast ?? null, atMost: goal.atMost ?? null } });
      return;
    }
    const options = question.options;
    if (!Array.isArray(options) || options.length < 2 || options.length > 8) {
      problems.push(text.quizOptionsCount);
    } else {
      options.forEach((option, o) => {
        if (option === null || typeof option !== 'object') problems.push(text.quizOptionNotObject(o));
        else {
          if (!isText(option.text)) problems.push(text.quizOptionTextMissing(o));
          if (option.correct !== undefined && typeof option.correct !== 'boolean') problems.push(text.quizOptionCorrectNotBoolean(o));
          if (option.feedback !== undefined && typeof option.feedback !== 'string') problems.push(text.quizOptionFeedbackNotText(o));
        }
      });
      const correct = options.filter((option) => option?.correct === true).length;
      if (type === 'single' && correct !== 1) problems.push(text.quizSingleNeedsOne(correct));
      if (type === 'multiple' && correct < 1) problems.push(text.quizMultipleNeedsOne);
    }
    if (isText(question.id)) seen.add(question.id);
    if (problems.length) {
      errors.push(text.quizProblemsOf(name, problems));
      return;
    }
    questions.push({
      id: question.id,
      number: index + 1,
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
export function parseQuestions(jsonText, text = ENGLISH) {
  let value;
  try {
    value = JSON.parse(jsonText);
  } catch (error) {
    return { questions: [], errors: [text.quizNotJson(error.message)] };
  }
  return validateQuestions(value, text);
}
