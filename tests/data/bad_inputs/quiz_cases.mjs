// The bad-input corpus for <attention-quiz>: JSON an author might get wrong, markup with parts
// missing, built-in bank ids that do not exist, and live questions bound to the wrong thing.
// Each case lists the questions that must still be drawn (`questions`, in order) and a `message`
// that must appear in the quiz (the problem named, with the question and field). Every case
// with a good question beside the bad one checks that the good one still draws and answers.
// tests/browser/bad_inputs.test.mjs also checks: no uncaught or console error, no sideways scroll.
const GOOD = { id: 'good', prompt: 'What does each row of weights add up to?',
  options: [{ text: '1', correct: true, feedback: 'Softmax.' }, { text: '0' }] };
const two = [{ text: 'a', correct: true }, { text: 'b' }];
// A bad question next to a good one, as JSON text.
const beside = (bad) => JSON.stringify([bad, GOOD]);

export const QUIZ_CASES = [
  // Broken JSON and the wrong top-level shape
  { id: 'json: cut short', json: '[{ "id": ', questions: [], message: /The questions are not valid JSON/ },
  { id: 'json: trailing comma', json: '[{"id":"a","prompt":"p","options":[{"text":"a","correct":true},{"text":"b"}]},]', questions: [], message: /not valid JSON/ },
  { id: 'json: single quotes', json: "[{'id': 'a'}]", questions: [], message: /not valid JSON/ },
  { id: 'json: empty text', json: '', questions: [], message: /not valid JSON|no questions/ },
  { id: 'json: an object without questions', json: '{}', questions: [], message: /must be a JSON array, or an object with a "questions" array/ },
  { id: 'json: a string', json: '"what is attention?"', questions: [], message: /must be a JSON array/ },
  { id: 'json: null', json: 'null', questions: [], message: /must be a JSON array/ },
  { id: 'json: a number', json: '42', questions: [], message: /must be a JSON array/ },
  { id: 'json: an empty list', json: '[]', questions: [], message: /\S/ },
  { id: 'json: { questions: [] }', json: '{"questions": []}', questions: [], message: /\S/ },
  { id: 'json: { questions } object form works', json: JSON.stringify({ questions: [GOOD] }), questions: ['good'] },
  // One bad question beside a good one
  { id: 'question: null', json: beside(null), questions: ['good'], message: /Question 1 must be an object with an id, a prompt and options/ },
  { id: 'question: a number', json: beside(7), questions: ['good'], message: /Question 1 must be an object/ },
  { id: 'question: a list', json: beside(['a', 'b']), questions: ['good'], message: /Question 1 must be an object/ },
  { id: 'question: no id', json: beside({ prompt: 'p', options: two }), questions: ['good'], message: /Question 1: "id" must be a non-empty string/ },
  { id: 'question: id a number', json: beside({ id: 3, prompt: 'p', options: two }), questions: ['good'], message: /"id" must be a non-empty string/ },
  { id: 'question: duplicate id', json: JSON.stringify([GOOD, GOOD]), questions: ['good'], message: /Question 2 \("good"\): "id" "good" is used by another question too/ },
  { id: 'question: no prompt', json: beside({ id: 'q', options: two }), questions: ['good'], message: /Question 1 \("q"\): "prompt" must be a non-empty string/ },
  { id: 'question: blank prompt', json: beside({ id: 'q', prompt: '   ', options: two }), questions: ['good'], message: /"prompt" must be a non-empty string/ },
  { id: 'question: prompt a list', json: beside({ id: 'q', prompt: ['p'], options: two }), questions: ['good'], message: /"prompt" must be a non-empty string/ },
  { id: 'question: no options', json: beside({ id: 'q', prompt: 'p' }), questions: ['good'], message: /"options" must be a list of 2 to 8 options/ },
  { id: 'question: one option', json: beside({ id: 'q', prompt: 'p', options: [{ text: 'a', correct: true }] }), questions: ['good'], message: /2 to 8 options/ },
  { id: 'question: nine options', json: beside({ id: 'q', prompt: 'p', options: Array.from({ length: 9 }, (_, i) => ({ text: `o${i}`, correct: i === 0 })) }), questions: ['good'], message: /2 to 8 options/ },
  { id: 'question: options an object', json: beside({ id: 'q', prompt: 'p', options: { a: 1 } }), questions: ['good'], message: /2 to 8 options/ },
  { id: 'question: an option that is a string', json: beside({ id: 'q', prompt: 'p', options: ['a', { text: 'b', correct: true }] }), questions: ['good'], message: /options\[0\] must be an object with a "text"/ },
  { id: 'question: option text empty', json: beside({ id: 'q', prompt: 'p', options: [{ text: '', correct: true }, { text: 'b' }] }), questions: ['good'], message: /options\[0\]\.text must be a non-empty string/ },
  { id: 'question: correct as a string', json: beside({ id: 'q', prompt: 'p', options: [{ text: 'a', correct: 'yes' }, { text: 'b' }] }), questions: ['good'], message: /options\[0\]\.correct must be true or false/ },
  { id: 'question: feedback a number', json: beside({ id: 'q', prompt: 'p', options: [{ text: 'a', correct: true, feedback: 5 }, { text: 'b' }] }), questions: ['good'], message: /options\[0\]\.feedback must be a string/ },
  { id: 'question: unknown type', json: beside({ id: 'q', type: 'triple', prompt: 'p', options: two }), questions: ['good'], message: /"type" must be "single" or "multiple", not "triple"/ },
  { id: 'question: no correct option', json: beside({ id: 'q', prompt: 'p', options: [{ text: 'a' }, { text: 'b' }] }), questions: ['good'], message: /needs exactly one correct option; it has 0/ },
  { id: 'question: two correct in a single', json: beside({ id: 'q', prompt: 'p', options: [{ text: 'a', correct: true }, { text: 'b', correct: true }] }), questions: ['good'], message: /exactly one correct option; it has 2/ },
  { id: 'question: multiple with none correct', json: beside({ id: 'q', type: 'multiple', prompt: 'p', options: [{ text: 'a' }, { text: 'b' }] }), questions: ['good'], message: /multiple-answer question needs at least one correct option/ },
  { id: 'question: explanation a number', json: beside({ id: 'q', prompt: 'p', options: two, explanation: 12 }), questions: ['good'], message: /"explanation" must be a string/ },
  { id: 'question: 100,000-character prompt', json: JSON.stringify([{ ...GOOD, prompt: `${'long '.repeat(19_999)}end?` }]), questions: ['good'] },
  { id: 'question: one 20,000-character word in every field', json: JSON.stringify([{ ...GOOD, prompt: 'w'.repeat(20_000), explanation: 'e'.repeat(20_000),
    options: [{ text: 'o'.repeat(20_000), correct: true, feedback: 'f'.repeat(20_000) }, { text: 'p'.repeat(20_000) }] }]), questions: ['good'] },
  // Markup
  { id: 'markup: no prompt', markup: [{ data: { question: 'm' }, parts: [{ data: { option: '', correct: '' }, text: 'a' }, { data: { option: '' }, text: 'b' }] }], questions: [], message: /Question 1 \("m"\): "prompt" must be a non-empty string/ },
  { id: 'markup: no options', markup: [{ data: { question: 'm' }, parts: [{ data: { prompt: '' }, text: 'p?' }] }], questions: [], message: /"options" must be a list of 2 to 8 options/ },
  { id: 'markup: an empty option', markup: [{ data: { question: 'm' }, parts: [{ data: { prompt: '' }, text: 'p?' }, { data: { option: '', correct: '' }, text: '  ' }, { data: { option: '' }, text: 'b' }] }], questions: [], message: /options\[0\]\.text must be a non-empty string/ },
  { id: 'markup: no question id', markup: [{ data: { question: '' }, parts: [{ data: { prompt: '' }, text: 'p?' }, { data: { option: '', correct: '' }, text: 'a' }, { data: { option: '' }, text: 'b' }] }], questions: [], message: /"id" must be a non-empty string/ },
  { id: 'markup: unknown type', markup: [{ data: { question: 'm', type: 'essay' }, parts: [{ data: { prompt: '' }, text: 'p?' }, { data: { option: '', correct: '' }, text: 'a' }, { data: { option: '' }, text: 'b' }] }], questions: [], message: /"type" must be "single" or "multiple", not "essay"/ },
  // Built-in bank
  { id: 'bank: unknown id', attrs: { bank: 'why-scale nonsense' }, questions: ['why-scale'], message: /No built-in question has the topic or id "nonsense"/ },
  { id: 'bank: only unknown ids', attrs: { bank: 'foo bar' }, questions: [], message: /"foo", "bar"/ },
  { id: 'bank: HTML as an id', attrs: { bank: '<b>x</b>' }, questions: [], message: /"<b>x<\/b>"/ },
  { id: 'bank: empty', attrs: { bank: '' }, questions: null, message: /\S/ },
  // Live questions
  { id: 'live: a grid that is not on the page', json: beside({ id: 'l', prompt: 'p', live: { lens: 'nowhere', word: 'it' } }), questions: ['good'], message: /Question 1 \("l"\) is bound to a grid with id "nowhere"/ },
  { id: 'live: bound to an ordinary paragraph', json: beside({ id: 'l', prompt: 'p', live: { lens: 'plain-paragraph', word: 'it' } }), questions: ['good'], message: /plain-paragraph/, waitMs: 3000 },
  { id: 'live: bound to the quiz itself', attrs: { id: 'self-bound' }, json: beside({ id: 'l', prompt: 'p', live: { lens: 'self-bound', word: 'it' } }), questions: ['good'], message: /self-bound/, waitMs: 3000 },
  { id: 'live: a word not in the sentence', json: beside({ id: 'l', prompt: 'p', live: { lens: 'live-grid', word: 'elephant' } }), questions: ['good'], message: /the grid's sentence has no word “elephant”/ },
  { id: 'live: layer 9', json: beside({ id: 'l', prompt: 'p', live: { lens: 'live-grid', word: 'it', layer: 9 } }), questions: ['good'], message: /it asks about layer 9, and the model has 2/ },
  { id: 'live: head 7', json: beside({ id: 'l', prompt: 'p', live: { lens: 'live-grid', word: 'it', head: 7 } }), questions: ['good'], message: /it asks about head 7, and the model has 4/ },
  { id: 'live: layer as a string', json: beside({ id: 'l', prompt: 'p', live: { lens: 'live-grid', word: 'it', layer: '2' } }), questions: ['good'], message: /live\.layer must be a whole number from 1/ },
  { id: 'live: null', json: beside({ id: 'l', prompt: 'p', live: null }), questions: ['good'], message: /"live" must be an object/ },
  { id: 'live: with options too', json: beside({ id: 'l', prompt: 'p', live: { lens: 'live-grid', word: 'it' }, options: two }), questions: ['good'], message: /a live question takes no "options"/ },
  { id: 'live: no word', json: beside({ id: 'l', prompt: 'p', live: { lens: 'live-grid' } }), questions: ['good'], message: /live\.word must be the word/ },
  { id: 'live: a good one works', json: beside({ id: 'l', prompt: 'p', live: { lens: 'live-grid', word: 'it' } }), questions: ['l', 'good'] },
  // The quiz's own words in the page's language
  { id: 'lang es: a broken question', attrs: { lang: 'es' }, json: beside({ id: 'q', prompt: 'p' }), questions: ['good'], message: /Algunas preguntas no se pueden mostrar:/, notMessage: /Some questions could not be shown|Show answer|Check\b/ },
];
