// Every word <attention-sandbox> shows, in each language it speaks (the same languages as
// strings.js, picked the same way). Apart from strings.js so that a lesson's first grid does not
// download the sandbox's words.
import { stringsWith } from '../strings.js';

const en = {
  loadFailed: 'The sandbox could not be loaded: its files did not arrive. Check your connection, then try again.',
  engineFailed: 'The attention engine stopped with an error. Try again; if it happens again, tell your teacher.',
  presets: 'Try an idea',
  presetNames: { alike: 'Every key alike', aligned: 'One key matches', long: 'Long vectors', opposite: 'Opposite vectors' },
  presetNotes: {
    alike: (word) => `Every key is the same vector, so every score in the row of “${word}” is the same and softmax gives every word the same weight.`,
    aligned: (word, key) => `The key of “${key}” points the way the query of “${word}” points, and is long: its score stands far above the others, so the row is sharp.`,
    long: () => 'The same directions, longer vectors: every score grows with both lengths, and softmax turns large gaps into an almost all-or-nothing row. Turn off ÷√d_k to see it saturate further.',
    opposite: (word, key) => `The key of “${key}” points against the query of “${word}”: its score is negative, and its weight falls near zero.`,
  },
  lookingWord: 'The word that looks (its query is on the plane)',
  queryPlane: (word) => `The query of “${word}” and every key`,
  valuePlane: 'The values, and the output',
  planeHelp: 'Drag a dot, or focus it and use the arrow keys (Shift: larger steps).',
  query: 'query',
  key: 'key',
  value: 'value',
  output: 'output',
  handle: (kind, word, x, y) => `${kind} of “${word}”: ${x}, ${y}`,
  handleRole: 'movable vector',
  stepsTitle: (word) => `The row of “${word}”, step by step`,
  stepsKey: 'key',
  stepsScore: 'q·k',
  stepsScaled: (scale) => `× ${scale}`,
  stepsNoScaling: '× 1 (no scaling)',
  stepsWeight: 'softmax weight',
  stepsOutput: (vector) => `Output = Σ weight × value = ${vector}`,
  weightsTitle: 'Every word’s row of weights (each row adds up to 1)',
  weightsCaption: 'Attention weights: rows are the word that looks, columns the word it looks at',
  summary: (word, top, share) => `“${word}” looks most at “${top}”: ${share}.`,
  typeVectors: 'Type the vectors',
  word: 'word',
  axis: (kind, word, axis) => `${kind} of “${word}”, ${axis}`,
  notANumber: (limit) => `Type a number from −${limit} to ${limit}; the vector keeps its last value until then.`,
  clamped: (limit) => `The plane goes from −${limit} to ${limit}: the nearest end is used.`,
  // An author's attributes
  wordsTooFew: (count, min) => `The words attribute needs at least ${min} words separated by spaces; it has ${count}. Showing the example words.`,
  wordsTooMany: (count, max) => `The words attribute takes at most ${max} words; it has ${count}. Showing the example words.`,
  vectorsNotPairs: (name) => `The ${name} attribute must be x,y pairs separated by spaces, such as “1,0 0,1.5 -1,0.5”. Using the example vectors.`,
  vectorsWrongCount: (name, count, words) => `The ${name} attribute has ${count} pairs for ${words} words. Using the example vectors.`,
  vectorsOffPlane: (name, limit) => `Some of the ${name} go beyond the plane (−${limit} to ${limit}): they were moved to its edge.`,
  noFocus: (word) => `There is no word “${word}” among the words. Starting with the first.`,
};

const es = {
  loadFailed: 'No se pudo cargar el laboratorio: sus archivos no llegaron. Comprueba tu conexión y vuelve a intentarlo.',
  engineFailed: 'El motor de atención se detuvo con un error. Vuelve a intentarlo; si se repite, avisa a tu profesor.',
  presets: 'Prueba una idea',
  presetNames: { alike: 'Todas las claves iguales', aligned: 'Una clave coincide', long: 'Vectores largos', opposite: 'Vectores opuestos' },
  presetNotes: {
    alike: (word) => `Todas las claves son el mismo vector: todas las puntuaciones de la fila de «${word}» son iguales y softmax da a cada palabra el mismo peso.`,
    aligned: (word, key) => `La clave de «${key}» apunta hacia donde apunta la consulta de «${word}» y es larga: su puntuación queda muy por encima de las demás y la fila es nítida.`,
    long: () => 'Las mismas direcciones, vectores más largos: cada puntuación crece con ambas longitudes, y softmax convierte las diferencias grandes en una fila casi de todo o nada. Desactiva ÷√d_k para verla saturarse aún más.',
    opposite: (word, key) => `La clave de «${key}» apunta en contra de la consulta de «${word}»: su puntuación es negativa y su peso cae casi a cero.`,
  },
  lookingWord: 'La palabra que mira (su consulta está en el plano)',
  queryPlane: (word) => `La consulta de «${word}» y todas las claves`,
  valuePlane: 'Los valores y la salida',
  planeHelp: 'Arrastra un punto, o enfócalo y usa las flechas (Mayús: pasos más grandes).',
  query: 'consulta',
  key: 'clave',
  value: 'valor',
  output: 'salida',
  handle: (kind, word, x, y) => `${kind} de «${word}»: ${x}; ${y}`,
  handleRole: 'vector movible',
  stepsTitle: (word) => `La fila de «${word}», paso a paso`,
  stepsKey: 'clave',
  stepsScore: 'q·k',
  stepsScaled: (scale) => `× ${scale}`,
  stepsNoScaling: '× 1 (sin escalar)',
  stepsWeight: 'peso softmax',
  stepsOutput: (vector) => `Salida = Σ peso × valor = ${vector}`,
  weightsTitle: 'La fila de pesos de cada palabra (cada fila suma 1)',
  weightsCaption: 'Pesos de atención: las filas son la palabra que mira, las columnas la palabra a la que mira',
  summary: (word, top, share) => `«${word}» mira sobre todo a «${top}»: ${share}.`,
  typeVectors: 'Escribe los vectores',
  word: 'palabra',
  axis: (kind, word, axis) => `${kind} de «${word}», ${axis}`,
  notANumber: (limit) => `Escribe un número de −${limit} a ${limit}; el vector conserva su último valor hasta entonces.`,
  clamped: (limit) => `El plano va de −${limit} a ${limit}: se usa el extremo más cercano.`,
  wordsTooFew: (count, min) => `El atributo words necesita al menos ${min} palabras separadas por espacios; tiene ${count}. Se muestran las palabras de ejemplo.`,
  wordsTooMany: (count, max) => `El atributo words admite como máximo ${max} palabras; tiene ${count}. Se muestran las palabras de ejemplo.`,
  vectorsNotPairs: (name) => `El atributo ${name} debe ser pares x,y separados por espacios, como «1,0 0,1.5 -1,0.5». Se usan los vectores de ejemplo.`,
  vectorsWrongCount: (name, count, words) => `El atributo ${name} tiene ${count} pares para ${words} palabras. Se usan los vectores de ejemplo.`,
  vectorsOffPlane: (name, limit) => `Algunos de los vectores de ${name} salen del plano (−${limit} a ${limit}): se llevaron a su borde.`,
  noFocus: (word) => `No hay ninguna palabra «${word}» entre las palabras. Se empieza por la primera.`,
};

/**
 * The sandbox's strings for a BCP 47 tag, on top of the shared ones (strings.js: the locale, the
 * list separator, "Retry", "Divide by √d_k", "sum", the message for an attribute that is not one
 * of its words…).
 */
export const sandboxStringsFor = stringsWith({ en, es });
