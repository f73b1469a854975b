// The quiz's built-in bank and the validation of authors' questions.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BUILT_IN_QUESTIONS, TOPICS } from '../../web/src/quiz/bank.js';
import { parseQuestions, validateQuestions } from '../../web/src/quiz/schema.js';
import { parentOrigin, parseReportOrigin } from '../../web/src/report_origin.js';

test('the built-in bank: at least 20 valid questions, every topic covered, the right number of correct options', () => {
  const { questions, errors } = validateQuestions(BUILT_IN_QUESTIONS);
  assert.deepEqual(errors, []);
  assert.ok(questions.length >= 20);
  for (const topic of TOPICS) assert.ok(questions.some((q) => q.topic === topic), `no question on ${topic}`);
  for (const q of questions) {
    assert.ok(TOPICS.includes(q.topic), `${q.id}: unknown topic ${q.topic}`);
    const correct = q.options.filter((o) => o.correct).length;
    if (q.type === 'single') assert.equal(correct, 1, q.id);
    else assert.ok(correct >= 1, q.id);
    assert.ok(q.explanation.length > 0, `${q.id} explains its answer`);
    assert.ok(q.options.every((o) => o.feedback.length > 0), `${q.id} says why for every option`);
  }
});

test('bank="…" takes topics and question ids: a word means the same questions either way', () => {
  const ids = BUILT_IN_QUESTIONS.map((q) => q.id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  assert.ok(!ids.includes('all'));
  // An id may equal a topic only if that topic has that one question.
  for (const id of ids.filter((name) => TOPICS.includes(name))) {
    assert.deepEqual(BUILT_IN_QUESTIONS.filter((q) => q.topic === id).map((q) => q.id), [id]);
  }
});

test('authors\' mistakes are named by question and field', () => {
  const good = { id: 'a', prompt: 'P?', options: [{ text: 'x', correct: true }, { text: 'y' }] };
  const cases = [
    ['{ not json', /The questions are not valid JSON/],
    ['"text"', /must be a JSON array/],
    [JSON.stringify([{ ...good, options: [{ text: 'x' }, { text: 'y' }] }]), /Question 1 \("a"\): a single-answer question needs exactly one correct option; it has 0/],
    [JSON.stringify([{ ...good, options: [{ text: 'x', correct: true }, { text: 'y', correct: true }] }]), /exactly one correct option; it has 2/],
    [JSON.stringify([good, { ...good }]), /Question 2 \("a"\): "id" "a" is used by another question too/],
    [JSON.stringify([{ ...good, options: [{ text: '' }, { text: 'y', correct: true }] }]), /options\[0\]\.text must be a non-empty string/],
    [JSON.stringify([{ ...good, type: 'essay' }]), /"type" must be "single" or "multiple", not "essay"/],
    [JSON.stringify([{ ...good, type: 'multiple', options: [{ text: 'x' }, { text: 'y' }] }]), /at least one correct option; it has none/],
    [JSON.stringify([{ id: 'b', options: [] }]), /"prompt" must be a non-empty string; "options" must be a list of 2 to 8 options/],
    [JSON.stringify([null]), /Question 1 must be an object/],
  ];
  for (const [text, message] of cases) {
    const { errors } = parseQuestions(text);
    assert.ok(errors.some((e) => message.test(e)), `${text} → ${errors}`);
  }
  const { questions, errors } = parseQuestions(JSON.stringify({ questions: [good, { id: 'bad' }] }));
  assert.equal(questions.length, 1, 'the valid question is kept');
  assert.equal(errors.length, 1);
});

test('live questions: validated, and their answer is the most-attended word of the grid', async () => {
  const { resolveLiveQuestion } = await import('../../web/src/quiz/live_question.js');
  const { questions, errors } = validateQuestions([
    { id: 'live', prompt: 'Which word does "it" look at most?', live: { lens: 'grid', word: 'it' } },
    { id: 'bad', prompt: 'x', live: { lens: '', word: 'it', head: 0 }, options: [] },
  ]);
  assert.equal(questions.length, 1);
  assert.match(errors[0], /Question 2 \("bad"\): live\.lens must be the id of an <attention-lens> on the page; live\.head must be "average" or a whole number from 1; a live question takes no "options"/);

  // A 3-token sentence where "it" (row 2) looks mostly at "dog".
  const tokens = [{ text: 'dog' }, { text: 'ran' }, { text: 'it' }];
  const average = { rows: 3, cols: 3, data: Float32Array.from([1, 0, 0, 0, 1, 0, 0.7, 0.1, 0.2]) };
  const analysis = { tokens, layers: [{ average, heads: [] }] };
  const { question } = resolveLiveQuestion(questions[0], analysis);
  assert.deepEqual(question.options.map((o) => [o.text, o.correct]), [['dog', true], ['it', false], ['ran', false]]);
  assert.match(question.options[0].feedback, /“it” gives 70% of its attention to “dog”/);
  assert.match(resolveLiveQuestion({ ...questions[0], live: { word: 'cat', layer: null, head: 'average' } }, analysis).error, /no word “cat”/);
});

test('report-origin: an http(s) origin or an explicit *, anything else a readable refusal', () => {
  assert.deepEqual(parseReportOrigin('https://moodle.example.edu'), { target: 'https://moodle.example.edu' });
  assert.deepEqual(parseReportOrigin(' https://Moodle.Example.edu/ '), { target: 'https://moodle.example.edu' }, 'a trailing slash and case are what an address bar shows');
  assert.deepEqual(parseReportOrigin('http://127.0.0.1:8080'), { target: 'http://127.0.0.1:8080' });
  assert.deepEqual(parseReportOrigin('*'), { target: '*' });
  const refused = ['', ' ', 'moodle.example.edu', 'https://moodle.example.edu/course/view.php', 'https://moodle.example.edu?x=1',
    'https://moodle.example.edu#top', 'https://user:pw@moodle.example.edu', 'javascript:alert(1)', 'file:///tmp', 'null', '**', 'https://*.example.edu'];
  for (const value of refused) {
    const result = parseReportOrigin(value);
    assert.equal(result.target, undefined, `${JSON.stringify(value)} is refused`);
    assert.match(result.error, /“.*”/, `${JSON.stringify(value)}: the message quotes what arrived`);
  }
});

test('the parent\'s origin: ancestorOrigins first, then the referrer, never an opaque "null"', () => {
  assert.equal(parentOrigin({ ancestorOrigins: ['https://a.example'] }, 'https://b.example/page'), 'https://a.example');
  assert.equal(parentOrigin({}, 'https://b.example/course/page?id=3'), 'https://b.example');
  assert.equal(parentOrigin({ ancestorOrigins: ['null'] }, ''), null);
  assert.equal(parentOrigin({ ancestorOrigins: [] }, ''), null);
  assert.equal(parentOrigin({}, 'about:blank'), null);
});

test('authors\' mistakes and live feedback are written in the quiz\'s language: Spanish for lang="es", English unchanged', async () => {
  const { quizStringsFor: stringsFor } = await import('../../web/src/quiz/quiz_strings.js');
  const { resolveLiveQuestion } = await import('../../web/src/quiz/live_question.js');
  const es = stringsFor('es');
  const good = { id: 'a', prompt: 'P?', options: [{ text: 'x', correct: true }, { text: 'y' }] };
  const cases = [
    ['{ not json', /^Las preguntas no son JSON válido: /],
    ['"text"', /^Las preguntas deben ser una lista \(array\) JSON, o un objeto con una lista "questions"\.$/],
    [JSON.stringify([{ ...good, options: [{ text: 'x' }, { text: 'y' }] }]), /^Pregunta 1 \("a"\): una pregunta de respuesta única necesita exactamente una opción correcta; tiene 0\.$/],
    [JSON.stringify([good, { ...good }]), /^Pregunta 2 \("a"\): el "id" "a" ya lo usa otra pregunta\.$/],
    [JSON.stringify([{ ...good, type: 'essay' }]), /^Pregunta 1 \("a"\): "type" debe ser "single" o "multiple", no "essay"\.$/],
    [JSON.stringify([{ id: 'b', options: [] }]), /^Pregunta 1 \("b"\): "prompt" debe ser un texto no vacío; "options" debe ser una lista de 2 a 8 opciones\.$/],
    [JSON.stringify([null]), /^Pregunta 1 debe ser un objeto con un id, un enunciado \(prompt\) y opciones\.$/],
    [JSON.stringify([{ id: 'l', prompt: 'p', live: { lens: '', word: 'it', head: 0 }, options: [] }]),
      /^Pregunta 1 \("l"\): live\.lens debe ser el id de un <attention-lens> de la página; live\.head debe ser "average" o un número entero desde 1; una pregunta en vivo no lleva "options": salen de la cuadrícula\.$/],
  ];
  for (const [json, message] of cases) {
    const spanish = parseQuestions(json, es);
    assert.equal(spanish.errors.length, 1, json);
    assert.match(spanish.errors[0], message);
    // Same problems, same count, in English by default and for stringsFor('en').
    assert.deepEqual(parseQuestions(json, stringsFor('en')).errors, parseQuestions(json).errors);
    assert.doesNotMatch(parseQuestions(json).errors[0], /Pregunta|debe ser|no son/);
  }

  const [live] = validateQuestions([{ id: 'live', prompt: '¿A qué palabra mira «it»?', live: { lens: 'grid', word: 'it' } }], es).questions;
  const tokens = [{ text: 'dog' }, { text: 'ran' }, { text: 'it' }];
  const average = { rows: 3, cols: 3, data: Float32Array.from([1, 0, 0, 0, 1, 0, 0.7, 0.1, 0.2]) };
  const analysis = { tokens, layers: [{ average, heads: [] }] };
  const { question } = resolveLiveQuestion(live, analysis, es);
  // Percentages as Spanish writes them (Intl): a no-break space before the sign.
  assert.equal(question.options[0].feedback, 'Correcto: «it» dedica el 70\u00a0% de su atención a «dog», más que a ninguna otra palabra.');
  assert.equal(question.options[1].feedback, '«it» dedica el 20\u00a0% a «it»; «dog» recibe el 70\u00a0%.');
  assert.match(question.explanation, /^La respuesta se lee de la cuadrícula/);
  assert.equal(resolveLiveQuestion({ ...live, live: { word: 'cat', layer: null, head: 'average' } }, analysis, es).error, 'la frase de la cuadrícula no tiene la palabra «cat»');
  assert.equal(resolveLiveQuestion({ ...live, live: { word: 'it', layer: 3, head: 'average' } }, analysis, es).error, 'pregunta por la capa 3, y el modelo tiene 1');
});
