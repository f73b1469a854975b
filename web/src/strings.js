// Every word <attention-lens> shows, in each language it speaks. Add a language by adding an
// object with the same keys; the element picks one with its lang attribute (default English).
// The engine's own error messages (an empty or too long sentence) stay in English.
const en = {
  yourSentence: 'Your sentence',
  showAttention: 'Show attention',
  noLayer: (asked, count) => `There is no layer “${asked}”: this model has layers 1 to ${count}. Showing layer ${count}.`,
  noHead: (asked, count) => `There is no head “${asked}”: this model has heads 1 to ${count}. Showing the average of its heads.`,
  noView: (asked, views) => `There is no view “${asked}”: choose ${views.join(', ')}. Showing the grid.`,
  badTemperature: (asked) => `The temperature must be a number above 0, not “${asked}”. Using 1.`,
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
  showHead: (l, h) => `Show layer ${l}, head ${h} in the grid`,
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
};

const es = {
  yourSentence: 'Tu frase',
  showAttention: 'Ver la atención',
  noLayer: (asked, count) => `No hay capa «${asked}»: este modelo tiene capas de 1 a ${count}. Se muestra la capa ${count}.`,
  noHead: (asked, count) => `No hay cabeza «${asked}»: este modelo tiene cabezas de 1 a ${count}. Se muestra el promedio de sus cabezas.`,
  noView: (asked, views) => `No hay vista «${asked}»: elige ${views.join(', ')}. Se muestra la cuadrícula.`,
  badTemperature: (asked) => `La temperatura debe ser un número mayor que 0, no «${asked}». Se usa 1.`,
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
  showHead: (l, h) => `Mostrar la capa ${l}, cabeza ${h} en la cuadrícula`,
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
};

const LANGUAGES = { en, es };

/** The strings for a BCP 47 tag ("es", "es-MX"), English when the language is not known. */
export function stringsFor(tag) {
  const language = String(tag ?? '').toLowerCase().split('-')[0];
  return LANGUAGES[language] ?? en;
}

export const SUPPORTED_LANGUAGES = Object.keys(LANGUAGES);
