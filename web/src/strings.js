// Every word <attention-lens> and <attention-quiz> show, in each language it speaks. Add a language by adding an
// object with the same keys; the element picks one with its lang attribute (default English).
// The engine's errors that a learner can cause carry a code (a sentence too long to read:
// error.code 'too-many-tokens') and are said here, and so are the failures to load (error.code
// 'load-failed', 'engine-failed', or 'damaged-copy' in the single-file page: a learner sees these words and a Retry button; the developer
// detail goes to the console); the rest reach only authors and stay English.
const en = {
  yourSentence: 'Your sentence',
  emptySentence: 'The sentence is empty: type a few words to see their attention.',
  tooManyTokens: (count, limit) => `The sentence has ${count} tokens (words and punctuation marks); the model reads at most ${limit}. Try a shorter sentence.`,
  showAttention: 'Show attention',
  loadFailed: 'The attention grid could not be loaded: its files did not arrive. Check your connection, then try again.',
  engineFailed: 'The attention engine stopped with an error, so the grid cannot be shown. Try again; if it happens again, tell your teacher.',
  retry: 'Retry',
  locale: 'en',  // for Intl: numbers as this language writes them
  listSeparator: ', ',
  headLabel: (label) => label,
  loading: 'Loading the attention engine…',
  loadingPercent: (share) => `Loading the attention engine… ${share}`,
  damagedCopy: 'This page’s copy of the attention engine is damaged, so the grid cannot be shown. Download attention-lens-standalone.html again, and open it without editing it.',
  noLayer: (asked, count) => `There is no layer “${asked}”: this model has layers 1 to ${count}. Showing layer ${count}.`,
  noHead: (asked, count) => `There is no head “${asked}”: this model has heads 1 to ${count}. Showing the average of its heads.`,
  noView: (asked, views) => `There is no view “${asked}”: choose ${views.join(', ')}. Showing the grid.`,
  badTemperature: (asked) => `The temperature must be a number above 0, not “${asked}”. Using 1.`,
  temperatureNotAllowed: (asked, min, max, used) => `The temperature attribute must be a number from ${min} to ${max}, not “${asked}”. Using ${used}.`,
  notAChoice: (attribute, asked, choices, used) => `The ${attribute} attribute must be ${choices.map((c) => `“${c}”`).join(' or ')}, not “${asked}”. Using “${used}”.`,
  unknownControls: (asked, controls) => `The controls attribute names controls that do not exist: ${asked.map((c) => `“${c}”`).join(', ')}. There are ${controls.join(', ')}.`,
  layer: 'Layer',
  head: 'Head',
  layerNumber: (l) => `Layer ${l}`,
  headNumber: (h) => `Head ${h}`,
  averageOfHeads: (count) => `Average of ${count} heads`,
  divideBySqrtDk: 'Divide by √d_k',
  causalMask: 'Causal mask (no looking ahead)',
  temperature: 'Temperature',
  unknownWord: 'The model does not know this word',
  gridCaption: 'Attention weights: each row is a word looking at every word; each row adds up to 1',
  sum: 'sum',
  axes: 'Rows: the word that is looking (query) · Columns: the word it looks at (key)',
  legend: 'brighter = more attention; each row adds up to 1',
  looksMostAt: (word, top) => `“${word}” looks most at: ${top}`,
  headsHint: 'Choose a head to open it in the grid.',
  headTitle: (l, h) => `Layer ${l} · head ${h}`,
  pickAHead: 'Pick a head to see the math behind its weights: an average of heads has no single Q and K.',
  noScaling: '× 1 (no scaling)',
  key: 'key',
  softmaxWeight: 'softmax weight',
  masked: 'masked',
  mathTitle: (word) => `The math for “${word}” in this head`,
  mathQuery: (word, vector) => `1. Query of “${word}”: q = ${vector}`,
  mathScores: '2–3. Score each key (Q·K), scale it, and softmax the row into weights that sum to 1:',
  mathOutput: (vector) => `4. Output = Σ weight × V = ${vector}`,
  // <attention-quiz>
  quizProblems: 'Some questions could not be shown:',
  chooseEvery: 'Choose every answer that is right.',
  check: 'Check',
  tryAgain: 'Try again',
  showAnswer: 'Show answer',
  hereIsTheAnswer: 'Here is the answer.',
  correct: 'Correct!',
  notQuite: 'Not quite.',
  optionChosenRight: 'Your answer: right.',
  optionChosenWrong: 'Your answer: wrong.',
  optionRight: 'A right answer.',
  chooseFirst: 'Choose an answer first.',
  progress: (solved, total) => `Answered correctly: ${solved} of ${total}`,
  answeredBefore: 'You answered this one correctly before.',
  quizEmpty: 'This quiz has no questions. Write them inside the element (as JSON or as data-question markup), or choose topics with bank="…": see docs/quiz.md.',
  badReportOrigin: (asked) => `report-origin must name the page around this one by its origin, such as https://lessons.example.org (scheme and host, no path), or be * for any page; “${asked}” is not one, so nothing is sent to the page around this one.`,
  // <attention-quiz>: an author's mistakes in the questions (schema.js, live_question.js and the element)
  quizQuestionName: (number, id) => `Question ${number}${id === undefined ? '' : ` ("${id}")`}`,
  quizNotJson: (detail) => `The questions are not valid JSON: ${detail}`,
  quizNotAList: 'The questions must be a JSON array, or an object with a "questions" array.',
  quizNotAnObject: (name) => `${name} must be an object with an id, a prompt and options.`,
  quizProblemsOf: (name, problems) => `${name}: ${problems.join('; ')}.`,
  quizIdMissing: '"id" must be a non-empty string',
  quizIdTaken: (id) => `"id" "${id}" is used by another question too`,
  quizBadType: (asked) => `"type" must be "single" or "multiple", not ${asked}`,
  quizPromptMissing: '"prompt" must be a non-empty string',
  quizExplanationNotText: '"explanation" must be a string',
  quizLiveNotObject: '"live" must be an object { lens, word, layer?, head? }',
  quizLiveLensMissing: 'live.lens must be the id of an <attention-lens> on the page',
  quizLiveWordMissing: 'live.word must be the word whose attention the question asks about',
  quizLiveBadLayer: 'live.layer must be a whole number from 1',
  quizLiveBadHead: 'live.head must be "average" or a whole number from 1',
  quizLiveWithOptions: 'a live question takes no "options": they come from the grid',
  quizOptionsCount: '"options" must be a list of 2 to 8 options',
  quizOptionNotObject: (o) => `options[${o}] must be an object with a "text"`,
  quizOptionTextMissing: (o) => `options[${o}].text must be a non-empty string`,
  quizOptionCorrectNotBoolean: (o) => `options[${o}].correct must be true or false`,
  quizOptionFeedbackNotText: (o) => `options[${o}].feedback must be a string`,
  quizSingleNeedsOne: (count) => `a single-answer question needs exactly one correct option; it has ${count}`,
  quizMultipleNeedsOne: 'a multiple-answer question needs at least one correct option; it has none',
  quizUnknownBank: (picks) => `No built-in question has the topic or id ${picks.map((pick) => `"${pick}"`).join(', ')}.`,
  quizBoundTo: (name, lens, problem) => `${name} is bound to a grid with id "${lens}", but ${problem}`,
  quizLensMissing: 'the page has no <attention-lens> with that id.',
  quizLensIsThisQuiz: 'that is this quiz itself, not an <attention-lens>.',
  quizLensIsOther: (tag) => `that is a <${tag}>, not an <attention-lens>.`,
  quizLensNotDefined: (seconds) => `that <attention-lens> was still not defined after ${seconds} s: is attention-lens.js loaded on the page?`,
  quizLensNotReady: (seconds) => `that <attention-lens> was still not ready after ${seconds} s.`,
  quizLensFailed: (detail) => `that <attention-lens> could not start: ${detail}`,
  quizLiveNoAttention: (name) => `${name}: its grid shows no attention right now (no sentence, or the message in its place).`,
  quizLiveCannotAsk: (name, reason) => `${name} cannot be asked: ${reason}.`,
  quizLiveNoLayer: (layer, count) => `it asks about layer ${layer}, and the model has ${count}`,
  quizLiveNoHead: (head, count) => `it asks about head ${head}, and the model has ${count}`,
  quizLiveNoWord: (word) => `the grid's sentence has no word “${word}”`,
  quizLiveTooFewWords: 'the sentence has too few different words to ask about',
  quizLiveRight: (word, share, answer) => `Right: “${word}” gives ${share} of its attention to “${answer}”, more than to any other word.`,
  quizLiveWrong: (word, share, choice, answer, answerShare) => `“${word}” gives ${share} to “${choice}”; “${answer}” gets ${answerShare}.`,
  quizLiveExplanation: 'The answer is read from the grid above, so it follows the sentence and the model.',
};

const es = {
  yourSentence: 'Tu frase',
  emptySentence: 'La frase está vacía: escribe unas palabras para ver su atención.',
  tooManyTokens: (count, limit) => `La frase tiene ${count} tokens (palabras y signos de puntuación); el modelo lee como máximo ${limit}. Prueba con una frase más corta.`,
  showAttention: 'Ver la atención',
  loadFailed: 'No se pudo cargar la cuadrícula de atención: sus archivos no llegaron. Comprueba tu conexión y vuelve a intentarlo.',
  engineFailed: 'El motor de atención se detuvo con un error, así que no se puede mostrar la cuadrícula. Vuelve a intentarlo; si se repite, avisa a tu profesor.',
  retry: 'Reintentar',
  locale: 'es',
  listSeparator: '; ',  // the comma is the decimal mark: [0,12; 0,35]
  headLabel: (label) => translatedHeadLabel(label, SPANISH_HEAD_LABELS, 'es'),
  loading: 'Cargando el motor de atención…',
  loadingPercent: (share) => `Cargando el motor de atención… ${share}`,
  damagedCopy: 'La copia del motor de atención de esta página está dañada, así que no se puede mostrar la cuadrícula. Vuelve a descargar attention-lens-standalone.html y ábrelo sin editarlo.',
  noLayer: (asked, count) => `No hay capa «${asked}»: este modelo tiene capas de 1 a ${count}. Se muestra la capa ${count}.`,
  noHead: (asked, count) => `No hay cabeza «${asked}»: este modelo tiene cabezas de 1 a ${count}. Se muestra el promedio de sus cabezas.`,
  noView: (asked, views) => `No hay vista «${asked}»: elige ${views.join(', ')}. Se muestra la cuadrícula.`,
  badTemperature: (asked) => `La temperatura debe ser un número mayor que 0, no «${asked}». Se usa 1.`,
  temperatureNotAllowed: (asked, min, max, used) => `El atributo temperature debe ser un número de ${min.toLocaleString('es')} a ${max.toLocaleString('es')}, no «${asked}». Se usa ${used.toLocaleString('es')}.`,
  notAChoice: (attribute, asked, choices, used) => `El atributo ${attribute} debe ser ${choices.map((c) => `«${c}»`).join(' o ')}, no «${asked}». Se usa «${used}».`,
  unknownControls: (asked, controls) => `El atributo controls nombra controles que no existen: ${asked.map((c) => `«${c}»`).join(', ')}. Hay ${controls.join(', ')}.`,
  layer: 'Capa',
  head: 'Cabeza',
  layerNumber: (l) => `Capa ${l}`,
  headNumber: (h) => `Cabeza ${h}`,
  averageOfHeads: (count) => `Promedio de ${count} cabezas`,
  divideBySqrtDk: 'Dividir entre √d_k',
  causalMask: 'Máscara causal (sin mirar adelante)',
  temperature: 'Temperatura',
  unknownWord: 'El modelo no conoce esta palabra',
  gridCaption: 'Pesos de atención: cada fila es una palabra que mira a todas las demás; cada fila suma 1',
  sum: 'suma',
  axes: 'Filas: la palabra que mira (consulta) · Columnas: la palabra a la que mira (clave)',
  legend: 'más brillante = más atención; cada fila suma 1',
  looksMostAt: (word, top) => `«${word}» mira sobre todo a: ${top}`,
  headsHint: 'Elige una cabeza para abrirla en la cuadrícula.',
  headTitle: (l, h) => `Capa ${l} · cabeza ${h}`,
  pickAHead: 'Elige una cabeza para ver las cuentas detrás de sus pesos: un promedio de cabezas no tiene un único Q ni K.',
  noScaling: '× 1 (sin escalar)',
  key: 'clave',
  softmaxWeight: 'peso softmax',
  masked: 'oculta',
  mathTitle: (word) => `Las cuentas de «${word}» en esta cabeza`,
  mathQuery: (word, vector) => `1. Consulta de «${word}»: q = ${vector}`,
  mathScores: '2–3. Puntúa cada clave (Q·K), escálala y aplica softmax a la fila para obtener pesos que suman 1:',
  mathOutput: (vector) => `4. Salida = Σ peso × V = ${vector}`,
  quizProblems: 'Algunas preguntas no se pueden mostrar:',
  chooseEvery: 'Elige todas las respuestas correctas.',
  check: 'Comprobar',
  tryAgain: 'Intentar de nuevo',
  showAnswer: 'Ver la respuesta',
  hereIsTheAnswer: 'Esta es la respuesta.',
  correct: '¡Correcto!',
  notQuite: 'No del todo.',
  optionChosenRight: 'Tu respuesta: correcta.',
  optionChosenWrong: 'Tu respuesta: incorrecta.',
  optionRight: 'Una respuesta correcta.',
  chooseFirst: 'Elige primero una respuesta.',
  progress: (solved, total) => `Respuestas correctas: ${solved} de ${total}`,
  answeredBefore: 'Ya respondiste bien esta pregunta.',
  quizEmpty: 'Este cuestionario no tiene preguntas. Escríbelas dentro del elemento (en JSON o con marcado data-question), o elige temas con bank="…": consulta docs/quiz.md.',
  badReportOrigin: (asked) => `report-origin debe nombrar la página que contiene a esta por su origen, como https://lessons.example.org (esquema y host, sin ruta), o ser * para cualquier página; «${asked}» no lo es, así que no se envía nada a la página que la contiene.`,
  quizQuestionName: (number, id) => `Pregunta ${number}${id === undefined ? '' : ` ("${id}")`}`,
  quizNotJson: (detail) => `Las preguntas no son JSON válido: ${detail}`,
  quizNotAList: 'Las preguntas deben ser una lista (array) JSON, o un objeto con una lista "questions".',
  quizNotAnObject: (name) => `${name} debe ser un objeto con un id, un enunciado (prompt) y opciones.`,
  quizProblemsOf: (name, problems) => `${name}: ${problems.join('; ')}.`,
  quizIdMissing: '"id" debe ser un texto no vacío',
  quizIdTaken: (id) => `el "id" "${id}" ya lo usa otra pregunta`,
  quizBadType: (asked) => `"type" debe ser "single" o "multiple", no ${asked}`,
  quizPromptMissing: '"prompt" debe ser un texto no vacío',
  quizExplanationNotText: '"explanation" debe ser un texto',
  quizLiveNotObject: '"live" debe ser un objeto { lens, word, layer?, head? }',
  quizLiveLensMissing: 'live.lens debe ser el id de un <attention-lens> de la página',
  quizLiveWordMissing: 'live.word debe ser la palabra sobre cuya atención trata la pregunta',
  quizLiveBadLayer: 'live.layer debe ser un número entero desde 1',
  quizLiveBadHead: 'live.head debe ser "average" o un número entero desde 1',
  quizLiveWithOptions: 'una pregunta en vivo no lleva "options": salen de la cuadrícula',
  quizOptionsCount: '"options" debe ser una lista de 2 a 8 opciones',
  quizOptionNotObject: (o) => `options[${o}] debe ser un objeto con un "text"`,
  quizOptionTextMissing: (o) => `options[${o}].text debe ser un texto no vacío`,
  quizOptionCorrectNotBoolean: (o) => `options[${o}].correct debe ser true o false`,
  quizOptionFeedbackNotText: (o) => `options[${o}].feedback debe ser un texto`,
  quizSingleNeedsOne: (count) => `una pregunta de respuesta única necesita exactamente una opción correcta; tiene ${count}`,
  quizMultipleNeedsOne: 'una pregunta de respuesta múltiple necesita al menos una opción correcta; no tiene ninguna',
  quizUnknownBank: (picks) => `Ninguna pregunta incluida tiene el tema o id ${picks.map((pick) => `"${pick}"`).join(', ')}.`,
  quizBoundTo: (name, lens, problem) => `${name} está enlazada a una cuadrícula con id "${lens}", pero ${problem}`,
  quizLensMissing: 'la página no tiene ningún <attention-lens> con ese id.',
  quizLensIsThisQuiz: 'ese es este mismo cuestionario, no un <attention-lens>.',
  quizLensIsOther: (tag) => `ese es un <${tag}>, no un <attention-lens>.`,
  quizLensNotDefined: (seconds) => `ese <attention-lens> seguía sin definirse tras ${seconds.toLocaleString('es')} s: ¿está cargado attention-lens.js en la página?`,
  quizLensNotReady: (seconds) => `ese <attention-lens> seguía sin estar listo tras ${seconds.toLocaleString('es')} s.`,
  quizLensFailed: (detail) => `ese <attention-lens> no pudo arrancar: ${detail}`,
  quizLiveNoAttention: (name) => `${name}: su cuadrícula no muestra atención ahora mismo (no hay frase, o hay un mensaje en su lugar).`,
  quizLiveCannotAsk: (name, reason) => `${name} no se puede plantear: ${reason}.`,
  quizLiveNoLayer: (layer, count) => `pregunta por la capa ${layer}, y el modelo tiene ${count}`,
  quizLiveNoHead: (head, count) => `pregunta por la cabeza ${head}, y el modelo tiene ${count}`,
  quizLiveNoWord: (word) => `la frase de la cuadrícula no tiene la palabra «${word}»`,
  quizLiveTooFewWords: 'la frase tiene muy pocas palabras distintas para preguntar',
  quizLiveRight: (word, share, answer) => `Correcto: «${word}» dedica el ${share} de su atención a «${answer}», más que a ninguna otra palabra.`,
  quizLiveWrong: (word, share, choice, answer, answerShare) => `«${word}» dedica el ${share} a «${choice}»; «${answer}» recibe el ${answerShare}.`,
  quizLiveExplanation: 'La respuesta se lee de la cuadrícula de arriba, así que sigue a la frase y al modelo.',
};

// What the trained model says its heads do (model.info.headLabels: "pronoun → referent 100% · …",
// written by the trainer in English), part by part. A part not listed stays as the model wrote it.
const SPANISH_HEAD_LABELS = {
  'pronoun → referent': 'pronombre → referente',
  'he/she → name': '«he»/«she» → nombre',
  'bank → context word': '«bank» → palabra de contexto',
  'the → noun, verb → subject': '«the» → sustantivo, verbo → sujeto',
};
function translatedHeadLabel(label, names, locale) {
  return label.split(' · ').map((part) => {
    const match = /^(.*) (\d+(?:\.\d+)?)%$/.exec(part);
    if (!match) return names[part] ?? part;
    return `${names[match[1]] ?? match[1]} ${formatPercent(locale, Number(match[2]) / 100)}`;
  }).join(' · ');
}

const LANGUAGES = { en, es };

/**
 * A number as the language writes it (1.00 in English, 1,00 in Spanish), through Intl.
 * @param {string} locale a language's own tag (strings.locale), so an odd lang attribute never reaches Intl
 */
export function formatNumber(locale, value, digits) {
  return formatter(locale, 'decimal', digits).format(value);
}

/** A share (0.97) as a percentage the language's way: 97% in English, 97 % in Spanish. */
export function formatPercent(locale, share, digits = 0) {
  return formatter(locale, 'percent', digits).format(share);
}

// One Intl.NumberFormat per (locale, style, digits), made once: a grid of 43 words formats
// about 3,800 numbers, and making a formatter costs far more than using one.
const formatters = new Map();
function formatter(locale, style, digits) {
  const key = `${locale} ${style} ${digits}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.NumberFormat(locale, { style, minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, made);
  }
  return made;
}

/** The strings for a BCP 47 tag ("es", "es-MX"), English when the language is not known. */
export function stringsFor(tag) {
  const language = String(tag ?? '').toLowerCase().split('-')[0];
  return LANGUAGES[language] ?? en;
}

export const SUPPORTED_LANGUAGES = Object.keys(LANGUAGES);
