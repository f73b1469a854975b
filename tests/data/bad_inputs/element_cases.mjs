// The bad-input corpus for <attention-lens>: attribute values an author might write wrong, and
// sentences a learner might type into the editable box. Each case says what the learner must
// see: a grid (`grid: true`, optionally its row labels) or a refusal (`grid: false`), and a
// `message` that must appear in the element — in the element's language (`lang: 'es'` cases
// must not show the English words in `notMessage`). tests/browser/bad_inputs.test.mjs runs them
// and also checks, for every case: no uncaught error or console error, no row label without a
// visible character, no sideways scroll of the page, and that the widget then draws a good
// sentence.
export const GOOD_SENTENCE = 'The dog saw the cat';
export const GOOD_TOKENS = ['The', 'dog', 'saw', 'the', 'cat'];
const S = GOOD_SENTENCE;
const words = (count) => Array.from({ length: count }, (_, i) => ['the', 'dog', 'saw', 'a', 'cat'][i % 5]).join(' ');
const ENGLISH = /There is no|must be a number|Using 1|Showing/;

export const ATTRIBUTE_CASES = [
  // sentence
  { id: 'sentence empty', attrs: { sentence: '' }, grid: false, message: /The sentence is empty/ },
  { id: 'sentence missing', attrs: {}, grid: false, message: /The sentence is empty/ },
  { id: 'sentence of spaces', attrs: { sentence: '     ' }, grid: false, message: /The sentence is empty/ },
  { id: 'sentence of tabs and newlines', attrs: { sentence: '\t\n\t' }, grid: false, message: /The sentence is empty/ },
  { id: 'sentence of 65 words', attrs: { sentence: words(65) }, grid: false, message: /65 tokens.*at most 64/ },
  { id: 'sentence of 300 words', attrs: { sentence: words(300) }, grid: false, message: /300 tokens.*at most 64/ },
  { id: 'sentence: one 5,000-character word', attrs: { sentence: `the ${'x'.repeat(5000)} dog` }, grid: true },
  { id: 'sentence with emoji', attrs: { sentence: 'the 👋🏽 dog 👨‍👩‍👧 ran' }, grid: true },
  { id: 'sentence right-to-left', attrs: { sentence: 'שלום עולם the dog' }, grid: true },
  { id: 'sentence with combining marks', attrs: { sentence: 'cafe\u0301 nai\u0308ve dog' }, grid: true },
  { id: 'sentence with a C0 control', attrs: { sentence: 'the dog\u0001 ran' }, grid: true, tokens: ['the', 'dog', 'ran'] },
  { id: 'sentence with zero-width joiners', attrs: { sentence: 'hello\u200bworld\u200c it\u200d' }, grid: true },
  { id: 'sentence with a lone surrogate', attrs: { sentence: 'the \uD83Ddog ran' }, grid: true },
  { id: 'sentence with NUL', attrs: { sentence: 'the\u0000dog ran' }, grid: true },
  { id: 'sentence that looks like HTML', attrs: { sentence: '<b>bold</b> & <i>it</i>' }, grid: true },
  // layer, head, view, focus
  { id: 'layer 9', attrs: { sentence: S, layer: '9' }, grid: true, message: /There is no layer “9”: this model has layers 1 to 2\. Showing layer 2\./ },
  { id: 'layer 0', attrs: { sentence: S, layer: '0' }, grid: true, message: /There is no layer “0”/ },
  { id: 'layer -1', attrs: { sentence: S, layer: '-1' }, grid: true, message: /There is no layer “-1”/ },
  { id: 'layer 1.5', attrs: { sentence: S, layer: '1.5' }, grid: true, message: /There is no layer “1\.5”/ },
  { id: 'layer empty', attrs: { sentence: S, layer: '' }, grid: true, message: /There is no layer “”/ },
  { id: 'layer as a word', attrs: { sentence: S, layer: 'last' }, grid: true, message: /There is no layer “last”/ },
  { id: 'head 5', attrs: { sentence: S, head: '5' }, grid: true, message: /There is no head “5”: this model has heads 1 to 4/ },
  { id: 'head x', attrs: { sentence: S, head: 'x' }, grid: true, message: /There is no head “x”/ },
  { id: 'head 0', attrs: { sentence: S, head: '0' }, grid: true, message: /There is no head “0”/ },
  { id: 'view unknown', attrs: { sentence: S, view: 'table' }, grid: true, message: /There is no view “table”/ },
  { id: 'focus on a word not in the sentence', attrs: { sentence: S, focus: 'elephant' }, grid: true },
  { id: 'focus that looks like HTML', attrs: { sentence: S, focus: '<img src=x>' }, grid: true },
  { id: 'controls empty', attrs: { sentence: S, controls: '' }, grid: true },
  { id: 'controls unknown', attrs: { sentence: S, controls: 'rocket launch' }, grid: true },
  // temperature
  { id: 'temperature hot', attrs: { sentence: S, temperature: 'hot' }, grid: true, message: /temperature.*must be a number.*not “hot”\. Using 1\./ },
  { id: 'temperature 0', attrs: { sentence: S, temperature: '0' }, grid: true, message: /temperature.*must be a number.*not “0”/ },
  { id: 'temperature -2', attrs: { sentence: S, temperature: '-2' }, grid: true, message: /temperature.*not “-2”/ },
  { id: 'temperature empty', attrs: { sentence: S, temperature: '' }, grid: true, message: /temperature.*must be a number.*not “”/ },
  { id: 'temperature Infinity', attrs: { sentence: S, temperature: 'Infinity' }, grid: true, message: /temperature.*“Infinity”/ },
  { id: 'temperature 1e400 (overflows to Infinity)', attrs: { sentence: S, temperature: '1e400' }, grid: true, message: /temperature.*“1e400”/ },
  { id: 'temperature 2abc', attrs: { sentence: S, temperature: '2abc' }, grid: true, message: /temperature.*“2abc”/ },
  { id: 'temperature 1e-40 (too small to use)', attrs: { sentence: S, temperature: '1e-40' }, grid: true, message: /temperature.*“1e-40”/, notMessage: /query and key values/ },
  // toggles
  { id: 'scaling maybe', attrs: { sentence: S, scaling: 'maybe' }, grid: true },
  { id: 'scaling off with temperature 0.25', attrs: { sentence: S, scaling: 'off', temperature: '0.25' }, grid: true },
  { id: 'mask unknown', attrs: { sentence: S, mask: 'sideways' }, grid: true },
  { id: 'mask causal', attrs: { sentence: S, mask: 'causal' }, grid: true, tokens: ['The', 'dog', 'saw', 'the', 'cat'] },
  // the page's language
  { id: 'lang es: layer 9', attrs: { lang: 'es', sentence: S, layer: '9' }, grid: true, message: /No hay capa «9»: este modelo tiene capas de 1 a 2/, notMessage: ENGLISH },
  { id: 'lang es-MX: head x', attrs: { lang: 'es-MX', sentence: S, head: 'x' }, grid: true, message: /No hay cabeza «x»/, notMessage: ENGLISH },
  { id: 'lang es: temperature hot', attrs: { lang: 'es', sentence: S, temperature: 'hot' }, grid: true, message: /(temperatura|temperature) debe ser un número.*no «hot»\. Se usa 1\./, notMessage: ENGLISH },
  { id: 'lang es: temperature 2abc', attrs: { lang: 'es', sentence: S, temperature: '2abc' }, grid: true, message: /(temperatura|temperature).*«2abc»/, notMessage: ENGLISH },
  { id: 'lang es: sentence of 65 words', attrs: { lang: 'es', sentence: words(65) }, grid: false, message: /^La frase tiene 65 tokens \(palabras y signos de puntuación\); el modelo lee como máximo 64\./, notMessage: /tokens \(words|at most|Try a shorter/ },
  { id: 'lang es: view unknown', attrs: { lang: 'es', sentence: S, view: 'tabla' }, grid: true, message: /No hay vista «tabla»/, notMessage: ENGLISH },
  { id: 'lang es: empty sentence', attrs: { lang: 'es', sentence: '' }, grid: false, message: /La frase está vacía/, notMessage: /The sentence is empty/ },
  { id: 'lang unknown falls back to English', attrs: { lang: 'xx', sentence: S, layer: '7' }, grid: true, message: /There is no layer “7”/ },
];

// Typed into the editable box and submitted (the element has `editable` and starts on a good sentence).
export const TYPED_CASES = [
  { id: 'typed: nothing', typed: '', grid: false, message: /The sentence is empty/ },
  { id: 'typed: spaces only', typed: '      ', grid: false, message: /The sentence is empty/ },
  { id: 'typed: 5,000 characters in one word', typed: 'y'.repeat(5000), grid: true },
  { id: 'typed: 300 words', typed: words(300), grid: false, message: /300 tokens.*at most 64/ },
  { id: 'typed: emoji', typed: '🐕 chased 🐈 because it was 😡', grid: true },
  { id: 'typed: right-to-left', typed: 'الكلب رأى القطة', grid: true },
  { id: 'typed: combining marks', typed: 'Zalgo z\u0337\u0334\u0310a\u0336\u0313l\u0335\u0311g\u0334\u0308o\u0337', grid: true },
  { id: 'typed: control characters', typed: 'the\u0007 dog\u001b ran\u007f', grid: true, tokens: ['the', 'dog', 'ran'] },
  { id: 'typed: a lone surrogate', typed: 'it \uDE00was tired', grid: true },
  { id: 'typed: NUL', typed: 'the\u0000 dog', grid: true, tokens: ['the', 'dog'] },
  { id: 'typed: HTML', typed: '<script>alert(1)</script> the dog', grid: true },
  { id: 'typed: in Spanish, nothing', lang: 'es', typed: '', grid: false, message: /La frase está vacía/, notMessage: /The sentence is empty/ },
  { id: 'typed: in Spanish, 300 words', lang: 'es', typed: words(300), grid: false, message: /^La frase tiene 300 tokens \(palabras y signos de puntuación\); el modelo lee como máximo 64\./, notMessage: /tokens \(words|at most|Try a shorter/ },
  { id: 'typed: in Spanish, spaces and zero-width characters only', lang: 'es', typed: ' \u200b \u00a0 ', grid: false, message: /La frase está vacía/, notMessage: /The sentence is empty/ },
];
