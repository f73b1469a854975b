// Every word <attention-lens> shows (and what the other elements share: the locale, the list
// separator, the messages about loading), in each language it speaks. Add a language by adding an
// object with the same keys; the element picks one with its lang attribute (default English).
// The engine's errors that a learner can cause carry a code (a sentence too long to read:
// error.code 'too-many-tokens') and are said here, and so are the failures to load (error.code
// 'load-failed', 'engine-failed', or 'damaged-copy' in the single-file page: a learner sees these words and a Retry button; the developer
// detail goes to the console); the rest reach only authors and stay English.
import { formatNumber, formatPercent } from './number_format.js';

// Numbers as each language writes them (1.00 and 97% in English, 1,00 and 97 % in Spanish).
export { formatNumber, formatPercent };

const en = {
  yourSentence: 'Your sentence',
  emptySentence: 'The sentence is empty: type a few words to see their attention.',
  tooManyTokens: (count, limit) => `The sentence has ${count} tokens (words and punctuation marks); the model reads at most ${limit}. Try a shorter sentence.`,
  showAttention: 'Show attention',
  loadFailed: 'The attention grid could not be loaded: its files did not arrive. Check your connection, then try again.',
  engineFailed: 'The attention engine stopped with an error, so the grid cannot be shown. Try again; if it happens again, tell your teacher.',
  retry: 'Retry',
  locale: 'en',  // numbers as this language writes them (number_format.js)
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
  // A word the model has no row of its own for, read by its kind (docs/model.md, "Vocabulary"):
  // the kind in plain words where word_kinds.js has them ("an animal (noun.animal)").
  classWord: (kind) => `The model knows this word only by its kind: ${kind}`,
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
  // view="lines"
  linesAllWords: 'Lines for every word',
  linesHint: 'Each line joins a word on the left (the word that looks) to a word on the right (the word it looks at); the thicker the line, the more attention.',
  // compare="…": minimal pairs
  compareTitle: (word) => `The row of “${word}” in both sentences`,
  compareFirst: '1st sentence',
  compareSecond: '2nd sentence',
  compareKey: 'key',
  compareChange: 'change',
  compareChanged: '(changed)',
  compareMissing: 'not in this sentence',
  compareUnlisted: (count, share) => `${count === 1 ? '1 more word gets' : `${count} more words get`} under ${share} in both sentences (rows sum over every word).`,
  comparePoints: (signed) => `${signed} pt`,
  compareSummary: (word, gain, gainBy, loss, lossBy) => `In the 2nd sentence “${word}” looks more at “${gain}” (${gainBy}) and less at “${loss}” (${lossBy}).`,
  compareSummaryGain: (word, gain, gainBy) => `In the 2nd sentence “${word}” looks more at “${gain}” (${gainBy}).`,
  compareSummaryLoss: (word, loss, lossBy) => `In the 2nd sentence “${word}” looks less at “${loss}” (${lossBy}).`,
  compareSummarySame: (word) => `“${word}” gives every word the same attention in both sentences.`,
  compareNoWord: (word) => `The 2nd sentence has no “${word}”, so there is no row to compare. Choose a word both sentences have.`,
  compareCannot: (why) => `The 2nd sentence cannot be compared: ${why}`,
  badReportOrigin: (asked) => `report-origin must name the page around this one by its origin, such as https://lessons.example.org (scheme and host, no path), or be * for any page; “${asked}” is not one, so nothing is sent to the page around this one.`,
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
  classWord: (kind) => `El modelo conoce esta palabra solo por su clase: ${kind}`,
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
  linesAllWords: 'Líneas de todas las palabras',
  linesHint: 'Cada línea une una palabra de la izquierda (la que mira) con una de la derecha (aquella a la que mira); cuanto más gruesa la línea, más atención.',
  compareTitle: (word) => `La fila de «${word}» en las dos frases`,
  compareFirst: '1.ª frase',
  compareSecond: '2.ª frase',
  compareKey: 'clave',
  compareChange: 'cambio',
  compareChanged: '(cambiada)',
  compareMissing: 'no está en esta frase',
  compareUnlisted: (count, share) => `${count === 1 ? 'Otra palabra recibe' : `Otras ${count} palabras reciben`} menos de ${share} en las dos frases (las filas suman sobre todas las palabras).`,
  comparePoints: (signed) => `${signed} p. p.`,
  compareSummary: (word, gain, gainBy, loss, lossBy) => `En la 2.ª frase «${word}» mira más a «${gain}» (${gainBy}) y menos a «${loss}» (${lossBy}).`,
  compareSummaryGain: (word, gain, gainBy) => `En la 2.ª frase «${word}» mira más a «${gain}» (${gainBy}).`,
  compareSummaryLoss: (word, loss, lossBy) => `En la 2.ª frase «${word}» mira menos a «${loss}» (${lossBy}).`,
  compareSummarySame: (word) => `«${word}» da a cada palabra la misma atención en las dos frases.`,
  compareNoWord: (word) => `La 2.ª frase no tiene «${word}», así que no hay fila que comparar. Elige una palabra que tengan las dos frases.`,
  compareCannot: (why) => `No se puede comparar la 2.ª frase: ${why}`,
  badReportOrigin: (asked) => `report-origin debe nombrar la página que contiene a esta por su origen, como https://lessons.example.org (esquema y host, sin ruta), o ser * para cualquier página; «${asked}» no lo es, así que no se envía nada a la página que la contiene.`,
};

// What the trained model says its heads do (model.info.headLabels: "pronoun → referent 100% · …",
// written by the trainer in English), part by part. A part not listed stays as the model wrote it.
const SPANISH_HEAD_LABELS = {
  'pronoun → referent': 'pronombre → referente',
  'he/she → name': '«he»/«she» → nombre',
  'bank → context word': '«bank» → palabra de contexto',
  'the → noun': '«the» → sustantivo',
  'verb → subject': 'verbo → sujeto',
  'previous word': 'palabra anterior',
  'itself': 'sí misma',
  'next word': 'palabra siguiente',
  'first word': 'primera palabra',
};
function translatedHeadLabel(label, names, locale) {
  return label.split(' · ').map((part) => {
    const match = /^(.*) (\d+(?:\.\d+)?)%$/.exec(part);
    if (!match) return names[part] ?? part;
    return `${names[match[1]] ?? match[1]} ${formatPercent(locale, Number(match[2]) / 100)}`;
  }).join(' · ');
}

const LANGUAGES = { en, es };

/** The strings for a BCP 47 tag ("es", "es-MX"), English when the language is not known. */
export function stringsFor(tag) {
  const language = String(tag ?? '').toLowerCase().split('-')[0];
  return LANGUAGES[language] ?? en;
}

export const SUPPORTED_LANGUAGES = Object.keys(LANGUAGES);

/**
 * A component's strings on top of the shared ones: `languages` holds its own strings per language
 * ({ en, es }); the returned function is its stringsFor, English when the language is not known.
 * Each language's merge is made once.
 */
export function stringsWith(languages) {
  const merged = new Map();  // the shared strings of a language → those with the component's added
  return (tag) => {
    const shared = stringsFor(tag);
    if (!merged.has(shared)) merged.set(shared, { ...shared, ...(languages[shared.locale] ?? languages.en) });
    return merged.get(shared);
  };
}
