// The SCORM 1.2 side of the lesson page, inlined by scorm_package.mjs into the copy of the
// single-file lesson that goes into the SCORM zip (never into the plain widget). It finds the
// LMS's API object (the ADL "API finder": the window's parents, then its opener's), and reports:
//   cmi.core.score.raw/min/max  questions answered right of all the page's questions, 0..100
//   cmi.core.lesson_status      passed/failed against the mastery score (the LMS's
//                               cmi.student_data.mastery_score, from the manifest), or
//                               completed once every question was checked if there is none;
//                               incomplete until then
//   cmi.core.session_time       time on the page, HHHH:MM:SS.SS
//   cmi.suspend_data            which questions were checked and answered right, so a learner
//                               who comes back (cmi.core.entry = resume) finds them answered
// It is a classic script placed at the end of <body>: it runs after the page is parsed and
// before the page's module scripts define the quizzes, so their saved progress is in place when
// they draw. Outside an LMS (no API found) it does nothing.
(function scormLesson(settings) {
  'use strict';

  // --- the API finder ---------------------------------------------------------------------
  // A parent on another origin throws on access: that is the end of the search on that side.
  function apiAbove(start) {
    let win = start;
    for (let depth = 0; win && depth < 500; depth += 1) {
      try {
        if (win.API) return win.API;
      } catch (error) {
        return null;
      }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  const api = apiAbove(window) || (window.opener ? apiAbove(window.opener) : null);
  if (!api) return;
  if (String(api.LMSInitialize('')) !== 'true') {
    console.warn(`SCORM: the LMS refused to start the session (error ${api.LMSGetLastError()}).`);
    return;
  }
  const get = (name) => String(api.LMSGetValue(name) ?? '');
  const set = (name, value) => api.LMSSetValue(name, String(value));

  // --- progress kept across sessions ----------------------------------------------------------
  // { checked: { quiz: [question ids] }, solved: { quiz: [question ids] } }
  const quizzes = [...document.querySelectorAll('attention-quiz')];
  const nameOf = (quiz) => quiz.id || String(quizzes.indexOf(quiz));
  // The quiz keeps what was answered right in localStorage under this key (attention_quiz_element.js).
  const storageKey = (quiz) => `attention-quiz:${location.pathname}:${nameOf(quiz)}`;
  let saved = {};
  if (get('cmi.core.entry') === 'resume') {
    try {
      saved = JSON.parse(get('cmi.suspend_data') || '{}');
    } catch (error) {
      console.warn('SCORM: the saved progress (cmi.suspend_data) is not ours; starting afresh.');
    }
  }
  const progress = { checked: {}, solved: {} };
  for (const quiz of quizzes) {
    const name = nameOf(quiz);
    for (const kind of ['checked', 'solved']) {
      const ids = saved[kind]?.[name];
      progress[kind][name] = new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : []);
    }
    // The LMS, not this browser, says what this learner has done: a new attempt starts empty
    // even on a computer where someone else took the lesson.
    try {
      localStorage.setItem(storageKey(quiz), JSON.stringify([...progress.solved[name]]));
    } catch (error) {
      // storage blocked: the quizzes start empty, the LMS still gets every result
    }
  }

  // --- results ------------------------------------------------------------------------------
  const started = performance.now();
  const masteryText = get('cmi.student_data.mastery_score') || String(settings.masteryScore ?? '');
  const mastery = masteryText === '' ? null : Number(masteryText);
  let total = 0;  // questions on the page, once every quiz has drawn

  const count = (kind) => Object.values(progress[kind]).reduce((sum, ids) => sum + ids.size, 0);
  function report() {
    if (total === 0) return;
    const score = Math.round((100 * count('solved')) / total);
    const allChecked = count('checked') >= total;
    set('cmi.core.score.min', 0);
    set('cmi.core.score.max', 100);
    set('cmi.core.score.raw', score);
    let status = allChecked ? 'completed' : 'incomplete';
    if (mastery !== null && Number.isFinite(mastery)) status = score >= mastery ? 'passed' : allChecked ? 'failed' : 'incomplete';
    set('cmi.core.lesson_status', status);
    set('cmi.suspend_data', JSON.stringify({
      checked: Object.fromEntries(Object.entries(progress.checked).map(([name, ids]) => [name, [...ids]])),
      solved: Object.fromEntries(Object.entries(progress.solved).map(([name, ids]) => [name, [...ids]])),
    }));
    api.LMSCommit('');
  }

  document.addEventListener('quizanswer', (event) => {
    const quiz = event.composedPath().find((node) => node.localName === 'attention-quiz');
    if (!quiz || !quizzes.includes(quiz)) return;
    const name = nameOf(quiz);
    progress.checked[name].add(event.detail.id);
    if (event.detail.correct) progress.solved[name].add(event.detail.id);
    report();
  });

  // Every quiz draws (its ready always resolves, live questions included); then the total is known.
  customElements.whenDefined('attention-quiz').then(() => Promise.all(quizzes.map((quiz) => quiz.ready))).then(() => {
    total = quizzes.reduce((sum, quiz) => sum + quiz.score.total, 0);
    if (get('cmi.core.lesson_status') === 'not attempted') set('cmi.core.lesson_status', 'incomplete');
    report();
  });

  // HHHH:MM:SS.SS, SCORM 1.2's CMITimespan.
  function timespan(milliseconds) {
    const hundredths = Math.round(milliseconds / 10);
    const pad = (n, width) => String(n).padStart(width, '0');
    const seconds = Math.floor(hundredths / 100) % 60;
    const minutes = Math.floor(hundredths / 6000) % 60;
    const hours = Math.min(9999, Math.floor(hundredths / 360000));
    return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(hundredths % 100, 2)}`;
  }

  // The session ends when the page goes away (the LMS closes the frame or the window).
  let finished = false;
  window.addEventListener('pagehide', () => {
    if (finished) return;
    finished = true;
    set('cmi.core.session_time', timespan(performance.now() - started));
    // suspend: the LMS keeps suspend_data and offers this attempt again (cmi.core.entry = resume).
    set('cmi.core.exit', 'suspend');
    api.LMSCommit('');
    api.LMSFinish('');
  });
}(SCORM_SETTINGS));
