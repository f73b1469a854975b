// <attention-quiz>: quick-check questions in the style of the course slides. Single- and
// multiple-answer questions, feedback on every option saying why, an explanation, retry and
// "show answer", and a count of what was answered right (never a pass/fail verdict).
// Only draws and listens; questions are checked by schema.js. Every text goes in as text.
//
// Questions: a <script type="application/json"> child (an array, or { questions }), markup
// children (data-question, see questionFromMarkup), or
// bank="scaling causal why-heads" (built-in topics or question ids; "all" for every question). A live question
// ({ live: { lens, word } }) reads its options and answer from an <attention-lens> on the page,
// follows it when its sentence changes, and moves its focus to the word once answered.
//
// Progress is kept in localStorage per page and quiz (attribute no-storage turns it off); inside
// an iframe each result is also posted to the parent page, for lesson platforms, but only to the
// origin the author names with report-origin (or to any page with report-origin="*"): results
// are a learner's answers, so without the attribute they stay in the frame. lang: "en"/"es".
//
// Attributes, events, properties and styling: the JSDoc on the class below, which
// npm run build turns into dist/custom-elements.json for authors' editors (docs/quiz.md).
import { BUILT_IN_QUESTIONS, builtInQuestions } from './bank.js';
import { parseQuestions, validateQuestions } from './schema.js';
import { resolveLiveQuestion } from './live_question.js';
import { checkGoal, goalIndices, goalQuery } from './goal_question.js';
import { LIMIT } from '../sandbox/vectors.js';
import { quizStringsFor } from './quiz_strings.js';
import { assetUrl } from '../asset_url.js';
import { parseReportOrigin } from '../report_origin.js';

const STYLESHEET_URL = assetUrl('styles/attention-quiz.css');

const element = (tag, properties = {}, text) => {
  const node = Object.assign(document.createElement(tag), properties);
  if (text !== undefined) node.textContent = text;
  return node;
};

let quizCount = 0;  // unique input names across quizzes on one page

// A question written as markup inside the element (docs/quiz.md); only the text is read, so
// any tags inside it are dropped, never rendered.
//   <div data-question="id" data-type="multiple">
//     <p data-prompt>…</p>
//     <p data-option data-correct data-feedback="why">…</p>
//     <p data-explanation>…</p>
//   </div>
function questionFromMarkup(node) {
  const text = (selector) => node.querySelector(selector)?.textContent.trim();
  return {
    id: node.dataset.question,
    type: node.dataset.type ?? 'single',
    topic: node.dataset.topic,
    prompt: text('[data-prompt]'),
    explanation: text('[data-explanation]'),
    options: [...node.querySelectorAll('[data-option]')].map((option) => ({
      text: option.textContent.trim(),
      correct: option.hasAttribute('data-correct'),
      feedback: option.dataset.feedback,
    })),
  };
}

/**
 * Quick-check questions with feedback on every option, retry and "show answer".
 *
 * @tagname attention-quiz
 * @summary Quick-check questions: built in, written as JSON or markup, or live ones read from an <attention-lens>.
 *
 * @attr {string} bank - Built-in topics or question ids, space-separated, or "all" (used when the element has no questions of its own).
 * @attr {string} lang - The UI language, "en" or "es" (default: the nearest ancestor's lang).
 * @attr {boolean} no-storage - Present: progress is not kept in localStorage.
 * @attr {string} report-origin - The origin of the lesson platform's page that may receive results posted from a frame, or "*".
 * @attr {string} xapi-activity - An IRI: turns on xAPI statements, whose activity ids start with it.
 *
 * @fires quizanswer - Bubbling, composed CustomEvent after each check; detail: { id, correct, selected }.
 * @fires xapi - With xapi-activity set: bubbling, composed CustomEvent carrying an xAPI statement; detail: { statement } (answered after each check, completed once all are checked).
 *
 * @cssprop --quiz-ink - Text colour.
 * @cssprop --quiz-muted - Secondary text colour.
 * @cssprop --quiz-right - What marks a right answer.
 * @cssprop --quiz-wrong - What marks a wrong answer.
 * @cssprop --quiz-focus - The keyboard focus ring.
 * @cssprop --quiz-paper - The element's background.
 */
export class AttentionQuizElement extends HTMLElement {
  static get observedAttributes() {
    return ['bank', 'lang', 'no-storage', 'report-origin', 'xapi-activity'];
  }

  /**
   * How long a live question waits for its <attention-lens> to be defined and ready, in ms.
   * Bounded so that a page whose lens script never loads still gets its quiz and a message.
   */
  static lensTimeout = 10_000;

  #root;
  #content;
  #solved = new Set();
  #total = 0;
  #progress;
  #resolveReady;
  #renderCount = 0;
  #followed = new WeakSet();  // lenses whose changes re-render this quiz
  #xapi = null;  // a promise of this draw's QuizStatements, with xapi-activity (docs/lms.md)

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.append(element('link', { rel: 'stylesheet', href: STYLESHEET_URL }));
    this.#content = element('div', { className: 'quiz' });
    this.#root.append(this.#content);
    /** Resolves once the questions (or the problems with them) are drawn. */
    this.ready = new Promise((resolve) => { this.#resolveReady = resolve; });
  }

  connectedCallback() {
    this.#render();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (this.isConnected && oldValue !== newValue) this.#render();
  }

  // Its own lang, else the nearest ancestor's (the page's), as HTML's lang is inherited.
  get #text() {
    return quizStringsFor(this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
  }

  // Where this quiz's progress is kept: per page and per quiz on the page.
  get #storageKey() {
    const index = [...document.querySelectorAll(this.localName)].indexOf(this);
    return `attention-quiz:${location.pathname}:${this.id || index}`;
  }

  #loadProgress() {
    if (this.hasAttribute('no-storage')) return new Set();
    try {
      const saved = JSON.parse(localStorage.getItem(this.#storageKey) ?? '[]');
      return new Set(Array.isArray(saved) ? saved.filter((id) => typeof id === 'string') : []);
    } catch {
      return new Set();  // storage blocked (some iframes, file://) or unreadable: start afresh
    }
  }

  #saveProgress() {
    if (this.hasAttribute('no-storage')) return;
    try {
      localStorage.setItem(this.#storageKey, JSON.stringify([...this.#solved]));
    } catch {
      // storage blocked or full: progress simply is not kept
    }
  }

  // Where results may go: { target } from report-origin, { error } for a value that is not an
  // origin, {} when the author named none (then nothing is posted).
  get #reportOrigin() {
    const value = this.getAttribute('report-origin');
    return value === null ? {} : parseReportOrigin(value);
  }

  // Inside an iframe, the lesson platform around it hears every result, if the author said where
  // it is. Where the browser tells the parent's origin (Chromium, Safari) a result meant for
  // another origin is not posted at all: postMessage would drop it anyway, with a console error.
  #tellParent(detail) {
    this.#post({ type: 'attention-quiz:answer', quiz: this.id || null, ...detail,
      solved: this.#solved.size, total: this.#total });
  }

  #post(message) {
    const { target } = this.#reportOrigin;
    if (window.parent === window || !target) return;
    const parent = location.ancestorOrigins?.[0];
    if (target !== '*' && parent && parent !== target) {
      console.warn(`<attention-quiz>: report-origin is ${target}, but this page is inside a page from ${parent}, so results are not sent there.`);
      return;
    }
    window.parent.postMessage(message, target);
  }

  /** What this quiz counts: questions answered right (now or in an earlier visit) of those drawn. */
  get score() {
    return { solved: this.#solved.size, total: this.#total };
  }

  // xAPI statements only when the author names an activity IRI; the code that shapes them is
  // loaded then, so a quiz without the attribute pays nothing for it.
  #startXapi(questions) {
    const value = this.getAttribute('xapi-activity');
    if (value === null) return null;
    const quiz = this.id || `quiz-${[...document.querySelectorAll(this.localName)].indexOf(this) + 1}`;
    const options = { quiz, lang: this.getAttribute('lang'), questionIds: questions.map((q) => q.id), solvedBefore: [...this.#solved] };
    return import('./xapi.js').then(({ parseActivityBase, QuizStatements }) => {
      const { base, error } = parseActivityBase(value);
      if (!error) return new QuizStatements({ base, ...options });
      console.warn(`<attention-quiz>: xapi-activity ${error}, so no xAPI statements are sent.`);
      return null;
    });
  }

  #sendXapi(answer) {
    const score = { solved: this.#solved.size, total: this.#total };
    this.#xapi?.then((statements) => {
      for (const statement of statements?.answered({ ...answer, ...score }) ?? []) {
        this.dispatchEvent(new CustomEvent('xapi', { bubbles: true, composed: true, detail: { statement } }));
        this.#post({ type: 'attention-quiz:xapi', quiz: this.id || null, statement });
      }
    });
  }

  async #loadQuestions() {
    const json = this.querySelector('script[type="application/json"]');
    // An empty script is an empty quiz (said as such by #render), not a JSON syntax error.
    const text = this.#text;
    if (json) return json.textContent.trim() ? parseQuestions(json.textContent, text) : { questions: [], errors: [] };
    const marked = this.querySelectorAll('[data-question]');
    if (marked.length) return validateQuestions([...marked].map(questionFromMarkup), text);
    // Topics pick every question of the topic; ids pick one question (a short quick check).
    const picks = (this.getAttribute('bank') ?? 'all').split(/\s+/).filter(Boolean);
    const bank = await builtInQuestions(text.locale).catch((error) => {
      // The translation's module could not be fetched: the questions in English beat no quiz.
      console.warn(`<attention-quiz>: the ${text.locale} questions could not be loaded (${error}); showing them in English.`);
      return BUILT_IN_QUESTIONS;
    });
    const chosen = picks.includes('all') ? bank
      : bank.filter((q) => picks.includes(q.topic) || picks.includes(q.id));
    const result = validateQuestions(chosen, text);
    const unknown = picks.filter((pick) => pick !== 'all' && !BUILT_IN_QUESTIONS.some((q) => q.topic === pick || q.id === pick));
    if (unknown.length) result.errors.push(text.quizUnknownBank(unknown));
    return result;
  }

  // The element with this id once it is defined and ready: { found }, or { problem } finishing
  // the sentence "Question n is bound to a grid with id "x", but …" (text.quizBoundTo, or
  // quizGoalBoundTo for a sandbox). Only an element of the tag asked for will do: any other
  // element (this quiz included) has nothing to read, and waiting for it to become one would
  // never end. The wait is bounded by `deadline`.
  async #boundElement(id, tag, deadline) {
    const text = this.#text;
    const said = tag === 'attention-lens'
      ? { missing: text.quizLensMissing, self: text.quizLensIsThisQuiz, other: text.quizLensIsOther, undefined: text.quizLensNotDefined, notReady: text.quizLensNotReady, failed: text.quizLensFailed }
      : { missing: text.quizSandboxMissing, self: text.quizSandboxIsThisQuiz, other: text.quizSandboxIsOther, undefined: text.quizSandboxNotDefined, notReady: text.quizSandboxNotReady, failed: text.quizSandboxFailed };
    const found = this.getRootNode().getElementById?.(id) ?? document.getElementById(id);
    if (!found) return { problem: said.missing };
    if (found === this) return { problem: said.self };
    if (found.localName !== tag) return { problem: said.other(found.localName) };
    const timeout = new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now()), 'timeout'));
    const seconds = Math.round(this.constructor.lensTimeout / 100) / 10;
    if ((await Promise.race([customElements.whenDefined(tag), timeout])) === 'timeout') {
      return { problem: said.undefined(seconds) };
    }
    try {
      if ((await Promise.race([found.ready, timeout])) === 'timeout') {
        return { problem: said.notReady(seconds) };
      }
    } catch (error) {
      return { problem: said.failed(error?.message ?? error) };
    }
    return { found };
  }

  // Live questions get their options from their grid; the others pass through. Every lens is
  // waited for at once, under one deadline, so a page with several never waits several times.
  async #resolve(questions, errors) {
    const text = this.#text;
    const deadline = Date.now() + this.constructor.lensTimeout;
    const lookups = new Map();  // "tag#id" → the lookup, made once
    const lookup = (tag, id) => {
      const key = `${tag}#${id}`;
      if (!lookups.has(key)) lookups.set(key, this.#boundElement(id, tag, deadline));
      return lookups.get(key);
    };
    for (const question of questions) {
      if (question.live) lookup('attention-lens', question.live.lens);
      if (question.goal) lookup('attention-sandbox', question.goal.sandbox);
    }
    const resolved = [];
    for (const question of questions) {
      // Numbered as the author wrote it, not among the questions that passed validation.
      const name = text.quizQuestionName(question.number, question.id);
      if (question.goal) {
        const { found: sandbox, problem } = await lookup('attention-sandbox', question.goal.sandbox);
        if (!sandbox) {
          errors.push(text.quizGoalBoundTo(name, question.goal.sandbox, problem));
          continue;
        }
        const at = goalIndices(question.goal, sandbox.words, text);
        if (at.error) errors.push(text.quizLiveCannotAsk(name, at.error));
        else resolved.push({ ...question, sandbox, at });
        continue;
      }
      if (!question.live) {
        resolved.push(question);
        continue;
      }
      const { found: lens, problem } = await lookup('attention-lens', question.live.lens);
      if (!lens) {
        errors.push(text.quizBoundTo(name, question.live.lens, problem));
        continue;
      }
      if (!this.#followed.has(lens)) {
        this.#followed.add(lens);
        lens.addEventListener('attentionchange', () => this.#render());
      }
      if (!lens.analysis) {
        errors.push(text.quizLiveNoAttention(name));
        continue;
      }
      const { question: live, error } = resolveLiveQuestion(question, lens.analysis, text);
      if (error) errors.push(text.quizLiveCannotAsk(name, error));
      else resolved.push({ ...live, lens });
    }
    return resolved;
  }

  async #render() {
    const renderId = ++this.#renderCount;
    const loaded = await this.#loadQuestions();
    const errors = [...loaded.errors];
    const questions = await this.#resolve(loaded.questions, errors);
    if (renderId !== this.#renderCount) return;  // a newer render started meanwhile
    const ids = new Set(questions.map((q) => q.id));
    this.#solved = new Set([...this.#loadProgress()].filter((id) => ids.has(id)));
    this.#total = questions.length;
    this.#xapi = this.#startXapi(questions);
    const parts = [];
    const text = this.#text;
    // Notices for the author, in the page's language: a quiz that shows nothing says why.
    const notices = [];
    if (questions.length === 0 && errors.length === 0) notices.push(text.quizEmpty);
    const { error: originError } = this.#reportOrigin;
    if (originError) notices.push(text.badReportOrigin(this.getAttribute('report-origin')));
    for (const notice of notices) {
      const box = element('p', { className: 'problems notice' }, notice);
      box.setAttribute('role', 'alert');
      parts.push(box);
    }
    if (errors.length) {
      const problems = element('div', { className: 'problems' });
      problems.setAttribute('role', 'alert');
      problems.append(element('p', {}, text.quizProblems));
      const list = element('ul');
      for (const error of errors) list.append(element('li', {}, error));
      problems.append(list);
      parts.push(problems);
    }
    const quizId = ++quizCount;
    questions.forEach((question, index) => parts.push(this.#question(question, index, quizId)));
    this.#progress = element('p', { className: 'progress' });
    this.#progress.setAttribute('aria-live', 'polite');
    if (questions.length) parts.push(this.#progress);
    this.#content.replaceChildren(...parts);
    this.#updateProgress();
    this.#resolveReady();
  }

  #updateProgress() {
    if (this.#progress) this.#progress.textContent = this.#text.progress(this.#solved.size, this.#total);
  }

  #question(question, index, quizId) {
    if (question.goal) return this.#goalQuestion(question, index);
    const text = this.#text;
    const form = element('form', { className: 'question' });
    form.dataset.id = question.id;
    const fieldset = element('fieldset');
    const legend = element('legend', {}, `${index + 1}. ${question.prompt}`);
    const hint = question.type === 'multiple' ? element('p', { className: 'hint' }, text.chooseEvery) : null;
    fieldset.append(legend);
    if (hint) fieldset.append(hint);
    const inputs = [];
    const notes = [];
    question.options.forEach((option, o) => {
      const row = element('div', { className: 'option' });
      const label = element('label');
      const input = element('input', { type: question.type === 'multiple' ? 'checkbox' : 'radio', name: `quiz${quizId}-${index}`, value: String(o) });
      label.append(input, document.createTextNode(` ${option.text}`));
      // Tied to its option (aria-describedby) while it is shown.
      const note = element('p', { className: 'option-feedback', hidden: true, id: `quiz${quizId}-${index}-${o}-feedback` });
      row.append(label, note);
      fieldset.append(row);
      inputs.push(input);
      notes.push(note);
    });
    const { retry, show, status, settle, reopen } = this.#actionsFor(form, fieldset, question);

    const finish = (selected, revealed) => {
      const correct = question.options.every((option, o) => option.correct === selected.includes(o));
      question.options.forEach((option, o) => {
        // Every option chosen or right says so in words (not in colour alone), then why.
        const chosen = selected.includes(o) && !revealed;
        const relevant = selected.includes(o) || option.correct;
        const mark = option.correct ? (chosen ? text.optionChosenRight : text.optionRight) : text.optionChosenWrong;
        notes[o].hidden = !relevant;
        notes[o].replaceChildren(element('strong', { className: 'mark' }, mark), ...(option.feedback ? [` ${option.feedback}`] : []));
        notes[o].className = `option-feedback ${option.correct ? 'right' : 'wrong'}`;
        if (relevant) inputs[o].setAttribute('aria-describedby', notes[o].id);
        inputs[o].parentElement.classList.toggle('is-right', option.correct);
        inputs[o].parentElement.classList.toggle('is-wrong', selected.includes(o) && !option.correct);
        inputs[o].disabled = true;
      });
      const verdict = revealed ? text.hereIsTheAnswer : correct ? text.correct : text.notQuite;
      status.replaceChildren(element('p', { className: correct || revealed ? 'verdict right' : 'verdict wrong' }, verdict));
      if (question.explanation) status.append(element('p', { className: 'explanation' }, question.explanation));
      settle();
      // A live question shows why on its grid: the asked word's row lights up.
      if (question.lens) question.lens.setAttribute('focus', question.live.word);
      this.#recordAnswer(question, { correct, revealed, selected });
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const selected = inputs.filter((input) => input.checked).map((input) => Number(input.value));
      if (selected.length === 0) {
        status.replaceChildren(element('p', { className: 'verdict' }, text.chooseFirst));
        return;
      }
      finish(selected, false);
    });
    show.addEventListener('click', () => {
      question.options.forEach((option, o) => { inputs[o].checked = option.correct; });
      finish(question.options.flatMap((option, o) => (option.correct ? [o] : [])), true);
    });
    retry.addEventListener('click', () => {
      inputs.forEach((input, o) => {
        input.disabled = false;
        input.checked = false;
        input.parentElement.classList.remove('is-right', 'is-wrong');
        input.removeAttribute('aria-describedby');
        notes[o].hidden = true;
      });
      reopen();
      inputs[0].focus();
    });
    return form;
  }

  // What every question has below its fieldset: Check, Try again (shown once checked) and Show
  // answer, and the status where the result appears. settle() is for after Check or Show answer
  // (they hide, and the focus moves to the result); reopen() for Try again.
  #actionsFor(form, fieldset, question) {
    const text = this.#text;
    const check = element('button', { type: 'submit' }, text.check);
    const retry = element('button', { type: 'button', className: 'retry', hidden: true }, text.tryAgain);
    const show = element('button', { type: 'button', className: 'show' }, text.showAnswer);
    const actions = element('div', { className: 'actions' });
    actions.append(check, retry, show);
    const status = element('div', { className: 'status', tabIndex: -1 });
    status.setAttribute('role', 'status');
    form.append(fieldset, actions, status);
    if (this.#solved.has(question.id)) status.append(element('p', { className: 'before' }, text.answeredBefore));
    const settle = () => {
      check.hidden = true;
      show.hidden = true;
      retry.hidden = false;
      status.focus();
    };
    const reopen = () => {
      status.replaceChildren();
      check.hidden = false;
      show.hidden = false;
      retry.hidden = true;
    };
    return { check, retry, show, status, settle, reopen };
  }

  // A question checked or revealed: counted if answered right, and a checked one is reported to
  // the page (quizanswer), the lesson platform around a frame and xAPI. A goal question's
  // response is the weight it reached.
  #recordAnswer(question, { correct, revealed, selected, response }) {
    if (correct && !revealed) {
      this.#solved.add(question.id);
      this.#saveProgress();
    }
    this.#updateProgress();
    if (revealed) return;
    const answer = response === undefined ? { correct, selected } : { correct, selected, response };
    this.dispatchEvent(new CustomEvent('quizanswer', { bubbles: true, composed: true, detail: { id: question.id, ...answer } }));
    this.#tellParent({ question: question.id, ...answer });
    this.#sendXapi({ question, ...answer });
  }

  // A goal question: the prompt, what the sandbox gives now (updated as the learner moves its
  // vectors), Check, and, once checked, Try again; Show answer moves the sandbox's query to one
  // way of reaching the goal. Reported like any question (quizanswer, the parent page, xAPI).
  #goalQuestion(question, index) {
    const text = this.#text;
    const { sandbox, at, goal } = question;
    const form = element('form', { className: 'question goal' });
    form.dataset.id = question.id;
    form.dataset.sandbox = goal.sandbox;
    const fieldset = element('fieldset');
    fieldset.append(element('legend', {}, `${index + 1}. ${question.prompt}`));
    const now = element('p', { className: 'goal-now' });
    fieldset.append(now);
    const words = sandbox.words;
    const showNow = () => {
      if (!sandbox.trace) return;
      const { share } = checkGoal(goal, sandbox.trace, at, text);
      now.textContent = text.quizGoalNow(words[at.query], share, words[at.key]);
    };
    showNow();
    // Kept current while the learner drags; let go when this quiz draws again (the form is gone).
    const follow = () => { if (form.isConnected) showNow(); else sandbox.removeEventListener('vectorchange', follow); };
    sandbox.addEventListener('vectorchange', follow);
    const { check, retry, show, status, settle, reopen } = this.#actionsFor(form, fieldset, question);

    const finish = (revealed) => {
      const { weight, met, share, said } = checkGoal(goal, sandbox.trace, at, text);
      const correct = met && !revealed;
      const verdict = revealed ? text.hereIsTheAnswer : met ? text.correct : text.notQuite;
      const feedback = revealed ? (met ? text.quizGoalShown : text.quizGoalNotShown)(words[at.query], share, words[at.key])
        : met ? text.quizGoalRight(words[at.query], share, words[at.key], said)
          : text.quizGoalNotYet(words[at.query], share, words[at.key], said);
      status.replaceChildren(element('p', { className: met || revealed ? 'verdict right' : 'verdict wrong' }, verdict),
        element('p', { className: 'goal-feedback' }, feedback));
      if (question.explanation && (met || revealed)) status.append(element('p', { className: 'explanation' }, question.explanation));
      settle();
      this.#recordAnswer(question, { correct, revealed, selected: [], response: Number(weight.toFixed(4)) });
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      finish(false);
    });
    show.addEventListener('click', () => {
      // One way to the goal: the query turned toward the key (or away from it), as long as the
      // plane allows; if that is not enough, the key made as long too.
      const target = goalQuery(goal, sandbox.vectors.keys[at.key], LIMIT);
      if (target) sandbox.setVector('query', at.query, target);
      if (!checkGoal(goal, sandbox.trace, at, text).met) {
        const key = goalQuery({ atLeast: 1 }, sandbox.vectors.keys[at.key], LIMIT);
        if (key) sandbox.setVector('key', at.key, key);
      }
      finish(true);
    });
    retry.addEventListener('click', () => {
      reopen();
      check.focus();
    });
    return form;
  }
}
