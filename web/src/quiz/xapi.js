// xAPI statements for <attention-quiz>, in the shape H5P's question types emit, so that a
// learning record store or an LMS that already reads H5P results reads these too:
//   answered  — after each checked question: score 0/1, success, the chosen options as a
//               cmi.interaction "choice" response, time spent on it;
//   completed — once every question of the quiz has been checked (or was solved in an earlier
//               visit): the quiz's score, solved of total.
// Activity ids hang under the author's xapi-activity IRI: <base>/<quiz id>/<question id>.
// Loaded by the quiz only when that attribute is set, so a quiz without it pays nothing.
// Pure apart from the clock and random ids passed in: the statement builders run in Node too.

const VERB = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
};
const INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';
const ASSESSMENT = 'http://adlnet.gov/expapi/activities/assessment';
// xAPI's separator between the items of a choice response (and of a correct-response pattern).
const ITEMS = '[,]';
// xAPI's separator between the ends of a numeric range ("0.8[:]" is 0.8 or more).
const RANGE = '[:]';

/**
 * Reads an xapi-activity value: an http(s) IRI with no query or fragment (ids are made by
 * appending path segments to it).
 * @returns {{ base: string } | { error: string }}
 */
export function parseActivityBase(value) {
  const text = String(value ?? '').trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    return { error: `“${text}” is not an absolute IRI such as https://lessons.example.org/attention` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: `“${text}” is not an http or https IRI` };
  if (url.search || url.hash) return { error: `“${text}” has a query or a fragment; activity ids are made by adding path segments to it` };
  return { base: url.href.replace(/\/+$/, '') };
}

/** An activity id under `base`: each part is one encoded path segment. */
export const activityId = (base, ...parts) => [base, ...parts.map((part) => encodeURIComponent(part))].join('/');

/** Seconds as an ISO 8601 duration, to the hundredth (what H5P writes): 75.5 → "PT75.5S". */
export function isoDuration(seconds) {
  const rounded = Math.round(Math.max(0, seconds) * 100) / 100;
  return `PT${rounded}S`;
}

// H5P writes language maps as en-US; a quiz in Spanish says so with its own tag.
const languageOf = (lang) => (lang === 'es' ? 'es' : 'en-US');

/**
 * The learner as xAPI needs an actor: an anonymous account on the lesson's site, new for each
 * page load (the quiz knows no learner; an LMS or H5P host puts its own actor in place).
 */
export function anonymousActor(base, randomId) {
  return { objectType: 'Agent', account: { homePage: new URL(base).origin, name: randomId } };
}

/**
 * `answered` for one checked question.
 * @param {object} a
 * @param {string} a.base the author's activity IRI (parseActivityBase)
 * @param {string} a.quiz the quiz's name (its id, or quiz-<n>)
 * @param {{ id: string, prompt: string, type: string, options: { text: string, correct?: boolean }[] }} a.question
 * @param {number[]} a.selected the indices of the chosen options
 * @param {number} [a.response] for a goal question (question.goal): the weight reached, which is
 *   sent as a "numeric" interaction whose correct response is the goal's range
 * @param {boolean} a.correct
 * @param {number} a.seconds time spent on the question
 * @param {object} a.actor @param {string} a.lang @param {string} a.timestamp ISO 8601
 */
export function answeredStatement({ base, quiz, question, selected, response, correct, seconds, actor, lang, timestamp }) {
  const language = languageOf(lang);
  const correctIndices = question.options.flatMap((option, o) => (option.correct ? [String(o)] : []));
  // A goal question is answered with a number, the weight the learner's vectors reached.
  const interaction = question.goal
    ? { interactionType: 'numeric', correctResponsesPattern: [question.goal.atLeast !== null ? `${question.goal.atLeast}${RANGE}` : `${RANGE}${question.goal.atMost}`] }
    : { interactionType: 'choice', correctResponsesPattern: [correctIndices.join(ITEMS)],
      choices: question.options.map((option, o) => ({ id: String(o), description: { [language]: option.text } })) };
  return {
    actor,
    verb: { id: VERB.answered, display: { 'en-US': 'answered' } },
    object: {
      objectType: 'Activity',
      id: activityId(base, quiz, question.id),
      definition: {
        name: { [language]: question.prompt },
        description: { [language]: question.prompt },
        type: INTERACTION,
        ...interaction,
      },
    },
    result: {
      score: { min: 0, max: 1, raw: correct ? 1 : 0, scaled: correct ? 1 : 0 },
      success: correct,
      completion: true,
      response: question.goal ? String(response) : selected.map(String).join(ITEMS),
      duration: isoDuration(seconds),
    },
    context: {
      contextActivities: { parent: [{ objectType: 'Activity', id: activityId(base, quiz) }] },
      language,
    },
    timestamp,
  };
}

/** `completed` for a quiz whose every question was checked: `solved` of `total` right. */
export function completedStatement({ base, quiz, solved, total, seconds, actor, lang, timestamp }) {
  const language = languageOf(lang);
  return {
    actor,
    verb: { id: VERB.completed, display: { 'en-US': 'completed' } },
    object: {
      objectType: 'Activity',
      id: activityId(base, quiz),
      definition: { name: { [language]: quiz }, type: ASSESSMENT },
    },
    result: {
      score: { min: 0, max: total, raw: solved, scaled: total ? solved / total : 0 },
      completion: true,
      duration: isoDuration(seconds),
    },
    context: { language },
    timestamp,
  };
}

// A version 4 UUID, also where crypto.randomUUID is missing (pages served over plain http).
function randomUuid() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
const actors = new Map();  // one anonymous learner per page and site

/**
 * The statements of one drawn quiz. The element makes one after each draw and calls answered()
 * for every checked question; each call returns the statements to send (answered, then
 * completed the first time every question has been checked).
 */
export class QuizStatements {
  #answeredAt = new Map();  // question id → when it was last checked (time on it counts from there)
  #drawnAt;
  #completed = false;

  /**
   * @param {{ base: string, quiz: string, lang: string, questionIds: string[], solvedBefore: Iterable<string>, now?: () => number }} options
   *   now: milliseconds on a monotonic clock (performance.now by default)
   */
  constructor({ base, quiz, lang, questionIds, solvedBefore = [], now = () => performance.now() }) {
    Object.assign(this, { base, quiz, lang, questionIds, now });
    this.#drawnAt = now();
    for (const id of solvedBefore) this.#answeredAt.set(id, this.#drawnAt);
    if (!actors.has(new URL(base).origin)) actors.set(new URL(base).origin, anonymousActor(base, randomUuid()));
    this.actor = actors.get(new URL(base).origin);
  }

  answered({ question, selected, response, correct, solved, total }) {
    const now = this.now();
    const common = { base: this.base, quiz: this.quiz, actor: this.actor, lang: this.lang, timestamp: new Date().toISOString() };
    const since = this.#answeredAt.get(question.id) ?? this.#drawnAt;
    this.#answeredAt.set(question.id, now);
    const statements = [answeredStatement({ ...common, question, selected, response, correct, seconds: (now - since) / 1000 })];
    if (!this.#completed && this.questionIds.every((id) => this.#answeredAt.has(id))) {
      this.#completed = true;
      statements.push(completedStatement({ ...common, solved, total, seconds: (now - this.#drawnAt) / 1000 }));
    }
    return statements;
  }
}
