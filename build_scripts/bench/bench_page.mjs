// The in-browser half of the benchmark: every implementation that runs in Chromium, on the
// inputs of common.mjs. run_bench.mjs calls window.bench.setup() and window.bench.run().
import { loadEngine, loadModel, matrix } from '/web/src/engine.js';
import * as ort from '/node_modules/onnxruntime-web/dist/ort.wasm.min.mjs';
import { D, makeInputs, measure, plainAttention } from './common.mjs';
import { buildAttentionModel } from './onnx_attention_model.mjs';

const tf = globalThis.tf; // UMD globals from the <script> tags (tf-core + tf.wasm)
let engine;
let session;

async function timed(load) {
  const start = performance.now();
  const value = await load();
  return [value, performance.now() - start];
}

async function setup() {
  const loadMs = {};
  [engine, loadMs.ours] = await timed(() => loadEngine());

  [, loadMs.tfjs] = await timed(async () => {
    tf.wasm.setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
    if (!(await tf.setBackend('wasm'))) throw new Error('tf.setBackend("wasm") failed');
    await tf.ready();
  });

  [session, loadMs.ort] = await timed(() => {
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.wasmPaths = '/node_modules/onnxruntime-web/dist/';
    return ort.InferenceSession.create(buildAttentionModel({ d: D }), {
      executionProviders: ['wasm'],
      graphOptimizationLevel: 'all',
    });
  });

  return {
    loadMs,
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: globalThis.crossOriginIsolated,
    tfjs: {
      version: tf.version_core,
      backend: tf.getBackend(),
      simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
      multithread: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
      threadsCount: typeof tf.wasm.getThreadsCount === 'function' ? tf.wasm.getThreadsCount() : null,
    },
    ort: { version: ort.env.versions?.web ?? null, numThreads: ort.env.wasm.numThreads },
  };
}

// Each returns a function computing the output (inputs travel JS → wasm and back on every call).
const implementations = {
  ours: ({ n, q, k, v }) => {
    const Q = matrix(n, D, q), K = matrix(n, D, k), V = matrix(n, D, v);
    return () => engine.attention(Q, K, V).output.data;
  },
  oursLean: ({ n, q, k, v }) => {
    const Q = matrix(n, D, q), K = matrix(n, D, k), V = matrix(n, D, v);
    return () => engine.attention(Q, K, V, { keepIntermediateSteps: false }).output.data;
  },
  // The same two, each call written into the arrays of the previous result (options.into): what
  // a caller that calls again and again does (the lesson's timing chart), with no new memory.
  oursInto: ({ n, q, k, v }) => {
    const Q = matrix(n, D, q), K = matrix(n, D, k), V = matrix(n, D, v);
    const into = engine.attention(Q, K, V);
    return () => engine.attention(Q, K, V, { into }).output.data;
  },
  oursLeanInto: ({ n, q, k, v }) => {
    const Q = matrix(n, D, q), K = matrix(n, D, k), V = matrix(n, D, v);
    const into = engine.attention(Q, K, V, { keepIntermediateSteps: false });
    return () => engine.attention(Q, K, V, { keepIntermediateSteps: false, into }).output.data;
  },
  plain: ({ n, q, k, v }) => () => plainAttention(q, k, v, n, n, D),
  tfjs: ({ n, q, k, v }) => () => {
    const out = tf.tidy(() => {
      const Q = tf.tensor2d(q, [n, D]), K = tf.tensor2d(k, [n, D]), V = tf.tensor2d(v, [n, D]);
      const weights = tf.softmax(tf.mul(tf.matMul(Q, K, false, true), tf.scalar(1 / Math.sqrt(D))));
      return tf.matMul(weights, V);
    });
    const data = out.dataSync();
    out.dispose();
    return data;
  },
  ort: ({ n, q, k, v }) => async () => {
    const result = await session.run({
      Q: new ort.Tensor('float32', q, [n, D]),
      K: new ort.Tensor('float32', k, [n, D]),
      V: new ort.Tensor('float32', v, [n, D]),
    });
    return result.output.data;
  },
};

async function run(name, n, measureOptions) {
  const compute = implementations[name](makeInputs(n));
  let output = compute();
  if (output && typeof output.then === 'function') output = await output;
  const timing = await measure(compute, measureOptions);
  if (name === 'tfjs') timing.tensorsAfter = tf.memory().numTensors; // leak check: 0 expected
  return { output: Array.from(output), timing };
}

// The lesson-sized call in the browser: the shipped model's analyze() of one sentence.
let model = null;
async function analyze(sentence, measureOptions) {
  model ??= await loadModel();
  return measure(() => model.analyze(sentence), measureOptions);
}

window.bench = { setup, run, analyze };
window.benchReady = true;
