// The attention engine for JS: loads the WebAssembly module once per page and wraps its calls.
//
//   import { loadEngine, matrix } from './engine.js';
//   const engine = await loadEngine();             // the same promise for every caller
//   const trace = engine.attention(matrix(2, 4, q), matrix(3, 4, k), matrix(3, 2, v));
//   trace.weights.data                               // Float32Array, n_q·n_k, row-major
//
// Works in browsers (the module and its .wasm are fetched from generated/ under the web root
// unless told otherwise) and in Node (the .wasm is read from disk). See docs/api.md.
import { assetUrl } from './asset_url.js';

const DEFAULT_MODULE_URL = assetUrl('generated/attention_engine.mjs');
const DEFAULT_MODEL_URL = assetUrl('model/attention_lens_model.bin');
const DEFAULT_WORD_READINGS_URL = assetUrl('generated/word_readings.tsv');

// How much of the engine's .wasm and the weights has arrived, for a widget's progress bar:
// 'progress' events on loadEvents, and loadProgress() for the sums so far.
export const loadEvents = new EventTarget();
const arriving = new Map();  // URL → { loaded, total } (total null when the server does not say)

/**
 * The bytes of the .wasm and the weights that have arrived, and how many are expected.
 * @returns {{ loaded: number, total: number|null }} total is null while any file's size is
 *   unknown (no Content-Length, or a compressed response, whose length is not what arrives)
 */
export function loadProgress() {
  let loaded = 0;
  let total = 0;
  for (const file of arriving.values()) {
    loaded += file.loaded;
    total = total === null || file.total === null ? null : total + file.total;
  }
  return { loaded, total };
}

// The response, with a body that reports each chunk as it arrives.
function counted(response, href) {
  const encoded = response.headers.get('Content-Encoding');
  const length = Number(response.headers.get('Content-Length'));
  const total = !encoded && length > 0 ? length : null;
  const report = (loaded) => {
    arriving.set(href, { loaded, total });
    loadEvents.dispatchEvent(new Event('progress'));
  };
  report(0);
  if (!response.body) return response;
  let loaded = 0;
  const body = response.body.pipeThrough(new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      report(loaded);
      controller.enqueue(chunk);
    },
  }));
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

let enginePromise = null;
let lastEngineOptions = {};  // the options last given: a retry by a caller that gives none loads the same way
const modelPromises = new Map();  // model URL → Promise<AttentionModel>
const givenModelBytes = new Map();  // model URL → the bytes a caller gave for it, kept for retries

/**
 * Loads the engine, once. Every later call returns the same promise, whatever its options,
 * so a page with several widgets downloads and compiles the module once. If loading fails the
 * promise rejects and the next call tries again, with the options last given if it gives none
 * (so a widget's retry loads the engine the way the page said to).
 *
 * @param {object} [options]
 * @param {string|URL} [options.moduleUrl] where attention_engine.mjs is (default: generated/ under the web root)
 * @param {function(object): Promise<object>} [options.createModule] the module's factory (the default
 *   export of attention_engine.mjs), for a caller that imported it already, e.g. a bundle that holds
 *   it: then moduleUrl is not fetched
 * @param {string|URL} [options.wasmUrl] where attention_engine.wasm is (default: beside the module)
 * @param {ArrayBuffer|Uint8Array|Promise<ArrayBuffer|Uint8Array>} [options.wasmBinary] the .wasm
 *   bytes, if the caller has them already: then nothing is fetched (a rejected promise makes
 *   loadEngine() reject with its error)
 * @returns {Promise<AttentionEngine>}
 */
export function loadEngine(options) {
  if (!enginePromise) {
    if (options) lastEngineOptions = options;
    enginePromise = instantiate(lastEngineOptions).catch((error) => {
      enginePromise = null;
      throw error;
    });
  }
  return enginePromise;
}

/**
 * Loads the trained model (and the engine, if it is not loaded yet), once per URL: every
 * widget on the page that asks for the same model shares one.
 *
 * @param {object} [options]
 * @param {string|URL} [options.url] the weights file (default: model/attention_lens_model.bin under the web root)
 * @param {Uint8Array|ArrayBuffer|Promise<Uint8Array|ArrayBuffer>} [options.bytes] the weights
 *   file's bytes, if the caller has them already: then nothing is fetched, and `url` only names
 *   the model, so that later calls for the same url (by default, every widget's) share this one,
 *   and retry with these bytes if it fails
 * @param {object} [options.engine] options for loadEngine()
 * @returns {Promise<AttentionModel>} rejects with an Error whose `code` says why: 'load-failed'
 *   (a file could not be fetched or compiled) or 'engine-failed' (the engine refused the weights);
 *   the next call tries again
 */
export function loadModel({ url = DEFAULT_MODEL_URL, bytes, engine: engineOptions } = {}) {
  const href = new URL(url, isNode ? undefined : globalThis.location?.href).href;
  if (!modelPromises.has(href)) {
    if (bytes !== undefined) givenModelBytes.set(href, bytes);
    const given = givenModelBytes.get(href);
    const promise = (async () => {
      // The weights download while the engine compiles (a first visit waits for the slower of
      // the two, not both), and are awaited together, so bytes that fail fail this load at once.
      let engine;
      let data;
      try {
        [engine, data] = await Promise.all([loadEngine(engineOptions), given ?? readBytes(href)]);
      } catch (error) {
        throw withCode(error, 'load-failed');
      }
      try {
        return engine.loadModel(data);
      } catch (error) {
        throw withCode(error, 'engine-failed');
      }
    })();
    modelPromises.set(href, promise);
    promise.catch(() => modelPromises.delete(href));
  }
  return modelPromises.get(href);
}

let wordReadingsPromise = null;
let wordReadingsInEngine = false;

/**
 * Loads the word readings (WordNet's word classes and first names, ~130 KB gzipped) into the
 * engine, once per page: from then on every model reads a word it has no row of its own for as
 * its class ("donkey" as noun.animal, "Lucy" as name.female) instead of as unknown. The lesson's
 * first grid never waits for them: a widget asks only when a sentence has unknown words
 * (docs/model.md, "Vocabulary"). If loading fails the promise rejects and the next call tries again.
 *
 * @param {object} [options]
 * @param {string|URL} [options.url] word_readings.tsv (default: generated/ under the web root)
 * @param {object} [options.engine] options for loadEngine()
 * @returns {Promise<{lemmas: number, irregularForms: number, names: number}>}
 */
export function loadWordReadings({ url = DEFAULT_WORD_READINGS_URL, engine: engineOptions } = {}) {
  if (!wordReadingsPromise) {
    const href = new URL(url, isNode ? undefined : globalThis.location?.href).href;
    wordReadingsPromise = (async () => {
      const [engine, bytes] = await Promise.all([loadEngine(engineOptions), readBytes(href, { counted: false })]);
      const counts = engine.loadWordReadings(bytes);
      wordReadingsInEngine = true;
      return counts;
    })();
    wordReadingsPromise.catch(() => { wordReadingsPromise = null; });
  }
  return wordReadingsPromise;
}

/** Whether the engine reads words by their classes yet (loadWordReadings() finished). */
export function wordReadingsLoaded() {
  return wordReadingsInEngine;
}

/**
 * Whether an analysis has words the model read as unknown that the word readings might know:
 * tokens with a letter, marked known: false. (Punctuation and emoji are never in a class.)
 * @param {{tokens: Array<{text: string, known: boolean}>}} analysis
 */
export function hasUnknownWords(analysis) {
  return analysis.tokens.some((token) => !token.known && /\p{L}/u.test(token.text));
}

// Why a load failed, for a widget to say in the learner's language (the message stays the
// developer's): 'load-failed' — the module, the .wasm or the weights could not be fetched or
// compiled (404, network error, a module sent with the wrong MIME type); 'engine-failed' — they
// arrived, and the engine refused them (damaged weights). A code already set is kept.
function withCode(error, code) {
  const marked = error instanceof Error ? error : new Error(String(error), { cause: error });
  if (marked.code === undefined) marked.code = code;
  return marked;
}

// `counted`: whether its bytes count in loadProgress(); files that arrive after the first grid
// (the word readings) are not part of a widget's loading progress bar.
async function readBytes(href, { counted: isCounted = true } = {}) {
  if (isNode && href.startsWith('file:')) {
    const { readFile } = await import('node:fs/promises');
    return new Uint8Array(await readFile(new URL(href)));
  }
  const response = await fetch(href);
  if (!response.ok) throw new Error(`Could not load ${href}: the server answered ${response.status}.`);
  return new Uint8Array(await (isCounted ? counted(response, href) : response).arrayBuffer());
}

// The engine's .wasm, fetched and compiled here rather than by Emscripten's glue, so that its
// bytes are counted as they arrive (a progress bar on a slow link), and so that it downloads and
// compiles while the glue (attention_engine.mjs) is still being fetched: compiling needs no
// imports, only instantiating does. Compiled while it downloads when the server says
// application/wasm, as the glue would; from the whole file otherwise.
async function compileCounting(href) {
  const response = await fetch(href, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Could not load ${href}: the server answered ${response.status}.`);
  const body = counted(response, href);
  if (response.headers.get('Content-Type')?.split(';')[0].trim() === 'application/wasm') {
    return WebAssembly.compileStreaming(body);
  }
  return WebAssembly.compile(await body.arrayBuffer());
}

const isNode = typeof process !== 'undefined' && Boolean(process.versions?.node);

async function instantiate({ moduleUrl = DEFAULT_MODULE_URL, createModule, wasmUrl, wasmBinary } = {}) {
  const moduleHref = new URL(moduleUrl, isNode ? undefined : globalThis.location?.href).href;
  const wasmHref = new URL(wasmUrl ?? moduleHref.replace(/\.m?js$/, '.wasm'), moduleHref).href;
  const givenBinary = await wasmBinary;  // first, so that a rejected promise is this call's error at once
  // In a browser the .wasm starts downloading and compiling now, beside the glue's import.
  const compiling = givenBinary || isNode ? null : compileCounting(wasmHref);
  compiling?.catch(() => {});  // its failure is reported below, once the glue asks for it
  const factory = createModule ?? (await import(moduleHref)).default;

  const moduleOptions = { locateFile: () => wasmHref };
  // The glue reports a failure of instantiateWasm only to the console: this makes it ours.
  let wasmFailed;
  const failure = new Promise((resolve, reject) => { wasmFailed = reject; });
  if (givenBinary) {
    moduleOptions.wasmBinary = givenBinary;
  } else if (isNode) {
    // The module is built for the web; in Node hand it the bytes (fetch cannot read file URLs).
    const { readFile } = await import('node:fs/promises');
    moduleOptions.wasmBinary = await readFile(new URL(wasmHref));
  } else {
    moduleOptions.instantiateWasm = (imports, receiveInstance) => {
      compiling.then(async (module) => receiveInstance(await WebAssembly.instantiate(module, imports), module)).catch(wasmFailed);
      return {};  // the exports come later, through receiveInstance
    };
  }
  return new AttentionEngine(await Promise.race([factory(moduleOptions), failure]));
}

/**
 * A row-major matrix as the engine takes and returns it.
 * @param {number} rows
 * @param {number} cols
 * @param {Float32Array|ArrayLike<number>} data rows·cols numbers, row by row
 * @returns {{rows: number, cols: number, data: Float32Array}}
 */
export function matrix(rows, cols, data) {
  const values = data instanceof Float32Array ? data : Float32Array.from(data ?? []);
  if (values.length !== rows * cols) {
    throw new Error(`A ${rows}×${cols} matrix needs ${rows * cols} numbers; ${values.length} were given.`);
  }
  return { rows, cols, data: values };
}

export class AttentionEngine {
  #module;

  constructor(wasmModule) {
    this.#module = wasmModule;
  }

  /**
   * Scaled dot-product attention with its whole trace.
   * @param {{rows,cols,data}} queries n_q×d_k
   * @param {{rows,cols,data}} keys n_k×d_k
   * @param {{rows,cols,data}} values n_k×d_v
   * @param {object} [options] { scaleBySqrtDk = true, temperature = 1,
   *   mask: 'none' | 'causal' | 'key-padding' | 'custom', keyIsPadding: Uint8Array(n_k),
   *   allowed: Uint8Array(n_q·n_k), keepIntermediateSteps = true, into }
   *   into: an earlier result of attention() to write this one into, for a caller that calls
   *   again and again (a timing chart): its typed arrays are overwritten in place wherever their
   *   type and length fit, so repeated calls of one shape allocate nothing; fields this call
   *   does not produce are removed. The same object is returned.
   * @returns {{scores, scale: number, scaled, allowed, weights, output}} fresh copies, or `into`
   *   (scores, scaled and allowed are left out with keepIntermediateSteps: false)
   * @throws {Error} with the engine's message when the input cannot be used
   */
  attention(queries, keys, values, options = {}) {
    const into = options?.into;
    if (into !== undefined && (into === null || typeof into !== 'object' || Array.isArray(into))) {
      throw new Error(`options.into must be an earlier result of attention(); got ${describeValue(into)}.`);
    }
    const direct = this.#directAttention(queries, keys, values, options, into);
    if (direct) return direct;
    // Every other call, and any the direct way refused, goes through Embind, which checks each
    // argument and words the error.
    const result = throwIfError(this.#module.attention(queries, keys, values, options));
    return into ? writeTrace(into, result.scale, result) : result;
  }

  // attention() for the common call, without Embind's per-argument traffic (see the exports at
  // the end of cpp/bindings/wasm_bindings.cpp): Q, K and V are written straight into the
  // engine's memory and the trace is copied straight out of it. null when the call is not one it
  // takes (a mask other than none or causal, a malformed argument) or the engine refused it.
  #directAttention(queries, keys, values, options, into) {
    const settings = directSettings(options);
    if (!settings || !isMatrixObject(queries) || !isMatrixObject(keys) || !isMatrixObject(values) ||
        keys.cols !== queries.cols || values.rows !== keys.rows) {
      return null;
    }
    const wasm = this.#module;
    const [nQuery, nKey, dValue] = [queries.rows, keys.rows, values.cols];
    const inputs = wasm._attention_direct_inputs(nQuery, nKey, queries.cols, dValue) >>> 2;
    if (!inputs) return null;
    const [queriesAt, keysAt, valuesAt] = wasm.HEAPU32.subarray(inputs, inputs + 3);
    wasm.HEAPF32.set(queries.data, queriesAt >>> 2);  // after the call: the heap may have grown
    wasm.HEAPF32.set(keys.data, keysAt >>> 2);
    wasm.HEAPF32.set(values.data, valuesAt >>> 2);
    const traceAt = wasm._attention_direct_run(settings.mask, settings.scaleBySqrtDk, settings.temperature,
      settings.keepIntermediateSteps) >>> 2;
    if (!traceAt) return null;
    // DirectTrace: scale (f32), then the heap addresses of scores, scaled, allowed, weights, output.
    const [, scoresAt, scaledAt, allowedAt, weightsAt, outputAt] = wasm.HEAPU32.subarray(traceAt, traceAt + 6);
    // Views of the engine's memory, copied by writeTrace() before anything can move them.
    const floats = (at, cols) => ({ rows: nQuery, cols, data: wasm.HEAPF32.subarray(at >>> 2, (at >>> 2) + nQuery * cols) });
    const result = writeTrace(into ?? {}, wasm.HEAPF32[traceAt], {
      scores: scoresAt ? floats(scoresAt, nKey) : undefined,
      scaled: scaledAt ? floats(scaledAt, nKey) : undefined,
      allowed: allowedAt ? { rows: nQuery, cols: nKey, data: wasm.HEAPU8.subarray(allowedAt, allowedAt + nQuery * nKey) } : undefined,
      weights: floats(weightsAt, nKey),
      output: floats(outputAt, dValue),
    });
    wasm._attention_direct_done();
    return result;
  }

  /**
   * Multi-head attention: every head's trace (with its projected queries, keys and values),
   * the concatenation and the output after W_O.
   * @param {{rows,cols,data}} queryInput n_q×d_model
   * @param {{rows,cols,data}} keyValueInput n_k×d_model (the same object for self-attention)
   * @param {{heads: Array<{wQuery, wKey, wValue}>, wOutput}} weights each W d_model×d_k; W_O (h·d_k)×d_model
   * @param {object} [options] as for attention()
   */
  multiHeadAttention(queryInput, keyValueInput, weights, options = {}) {
    return throwIfError(this.#module.multiHeadAttention(queryInput, keyValueInput, weights, options));
  }

  /**
   * A trained model from the bytes of its weights file.
   * @param {Uint8Array|ArrayBuffer} bytes
   * @returns {AttentionModel}
   * @throws {Error} when the file is not a weights file, is truncated, corrupted or inconsistent
   */
  loadModel(bytes) {
    // Checked here: new Uint8Array('x'), (null) or (42) would quietly make empty or zeroed
    // bytes, and the message would blame the file instead of the call.
    if (!(bytes instanceof Uint8Array) && !(bytes instanceof ArrayBuffer)) {
      throw new Error(`The weights must be bytes (an ArrayBuffer or Uint8Array); got ${describeValue(bytes)}.`);
    }
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    return new AttentionModel(this.#module, throwIfError(this.#module.loadModel(data)));
  }

  /**
   * Gives the engine the word readings (the bytes of word_readings.tsv): every model then reads a
   * word it has no row for as its class. Most pages call loadWordReadings() instead.
   * @param {Uint8Array|ArrayBuffer} bytes
   * @returns {{lemmas: number, irregularForms: number, names: number}}
   * @throws {Error} naming the line, when the file is not word readings
   */
  loadWordReadings(bytes) {
    if (!(bytes instanceof Uint8Array) && !(bytes instanceof ArrayBuffer)) {
      throw new Error(`The word readings must be bytes (an ArrayBuffer or Uint8Array); got ${describeValue(bytes)}.`);
    }
    return throwIfError(this.#module.loadWordReadings(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)));
  }

  /** Bytes of wasm memory the engine has now (it grows, never shrinks). */
  get heapBytes() {
    return this.#module.HEAPU8.byteLength;
  }

  /** Bytes the engine has allocated and not freed: for leak checks. */
  get allocatedBytes() {
    return this.#module.allocatedBytes();
  }

  /** Live JS handles the engine holds (Embind's count): for leak checks. */
  get liveHandles() {
    return this.#module.count_emval_handles();
  }
}

/**
 * A loaded model: analyze() runs it on a sentence. Get one from loadModel().
 */
export class AttentionModel {
  #module;
  #id;

  constructor(wasmModule, info) {
    this.#module = wasmModule;
    this.#id = info.id;
    /** { vocabularySize, classCount, dModel, headCount, layerCount, maxTokens, headLabels } */
    this.info = Object.freeze({ ...info, headLabels: Object.freeze([...info.headLabels]) });
  }

  /**
   * Splits the sentence into tokens and runs the model on it.
   * @param {string} sentence
   * @param {object} [options] scaleBySqrtDk, temperature, mask ('none' | 'causal'),
   *   keepIntermediateSteps: as for engine.attention(), applied to every layer
   * @returns {{tokens: Array<{text, start, end, known, wordClass, prediction, probability}>,
   *            layers: Array<{average, heads: Array<{label, queries, keys, values, scale,
   *                                                  scores, scaled, allowed, weights, output}>}>}}
   *   start/end index the sentence string (UTF-16, as String.prototype.slice does); wordClass is
   *   '' for a word the model has a row of its own for, else the class it was read as
   *   ('noun.animal', 'name.female', 'preposition'…; see loadWordReadings())
   * @throws {Error} for an empty sentence, one longer than info.maxTokens tokens (that Error has
   *   code 'too-many-tokens', count and limit, to be said in any language), or after dispose()
   */
  analyze(sentence, options = {}) {
    if (typeof sentence !== 'string') {
      throw new Error(`The sentence must be text; it is ${sentence === null ? 'null' : typeof sentence}.`);
    }
    if (this.#id === null) throw new Error('This model was disposed of; load it again.');
    return throwIfError(this.#module.analyze(this.#id, withoutLoneSurrogates(sentence), options));
  }

  /** Frees the model's memory in the engine. */
  dispose() {
    if (this.#id !== null) this.#module.unloadModel(this.#id);
    this.#id = null;
  }
}

// A lone UTF-16 surrogate (half of an emoji, cut by a careless slice) becomes U+FFFD: the
// module's UTF-8 conversion (Emscripten 3.1.6) would otherwise pair it with the character after
// it and garble both. One code unit replaces one, so token spans still index the caller's string.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function withoutLoneSurrogates(text) {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

// What a value is, for messages: "a number (42)", "null", "the string \"x\"", "an object".
function describeValue(value) {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return `a number (${value})`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const kind = value.constructor?.name;
    return !kind || kind === 'Object' ? 'an object' : `a ${kind}`;
  }
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}

// The matrices of an attention trace, in the order the engine writes them.
const TRACE_MATRICES = ['scores', 'scaled', 'allowed', 'weights', 'output'];

// Writes a trace (scale, and the matrices of `steps` that are present) into `target`: each
// matrix into the typed array already there when its type and length fit (attention()'s
// `into`), else into a fresh copy; a matrix `steps` lacks is removed. The data may be views of
// the engine's memory, so they are always copied, never kept.
function writeTrace(target, scale, steps) {
  target.scale = scale;
  for (const key of TRACE_MATRICES) {
    const step = steps[key];
    const present = target[key];
    if (!step) {
      delete target[key];
    } else if (present !== null && typeof present === 'object' &&
        present.data?.constructor === step.data.constructor && present.data.length === step.data.length) {
      present.rows = step.rows;
      present.cols = step.cols;
      present.data.set(step.data);
    } else {
      target[key] = { rows: step.rows, cols: step.cols, data: step.data.slice() };
    }
  }
  return target;
}

// A { rows, cols, data: Float32Array } whose data holds rows·cols numbers.
function isMatrixObject(value) {
  return value !== null && typeof value === 'object' &&
    Number.isInteger(value.rows) && value.rows >= 0 && value.rows <= 0x7fffffff &&
    Number.isInteger(value.cols) && value.cols >= 0 && value.cols <= 0x7fffffff &&
    value.data instanceof Float32Array && value.data.length === value.rows * value.cols;
}

// attention()'s options as plain numbers for the direct way in, or null when it does not take
// them: only a missing mask, 'none' or 'causal', and options of the types the engine reads.
// (Their values, such as a temperature of 0, are checked by the engine, which refuses them.)
function directSettings(options) {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) return null;
  const { mask = 'none', scaleBySqrtDk = true, temperature = 1, keepIntermediateSteps = true } = options;
  if ((mask !== 'none' && mask !== 'causal') || typeof scaleBySqrtDk !== 'boolean' ||
      typeof temperature !== 'number' || typeof keepIntermediateSteps !== 'boolean') {
    return null;
  }
  return {
    mask: mask === 'causal' ? 1 : 0,
    scaleBySqrtDk: scaleBySqrtDk ? 1 : 0,
    temperature,
    keepIntermediateSteps: keepIntermediateSteps ? 1 : 0,
  };
}

// The module returns an Error instead of throwing it (see cpp/bindings/wasm_bindings.cpp).
function throwIfError(result) {
  if (result instanceof Error) throw result;
  return result;
}
