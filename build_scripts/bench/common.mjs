// Shared by the Node side of the benchmark and by the benchmark page in Chromium (served from
// /build_scripts/bench/common.mjs), so both sides use byte-identical inputs, the same plain-JS
// reference and the same timing protocol. No Node or DOM APIs in here.

import { seededRandom } from '../../web/src/seeded_random.js';

export const D = 64;
export const SIZES = [16, 64, 256, 1024];

/** FLOPs of single-head attention as the benchmark counts them: Q·Kᵀ and W·V, 2·N²·d each. */
export function attentionFlops(n, d = D) {
  return 4 * n * n * d;
}

/** Deterministic Q, K, V (n×d, row-major float32, values in [-1, 1)) for size n. */
export function makeInputs(n, d = D) {
  const fill = (seed) => {
    const random = seededRandom(seed);
    const data = new Float32Array(n * d);
    for (let i = 0; i < data.length; i += 1) data[i] = random() * 2 - 1;
    return data;
  };
  return { n, d, q: fill(1000 * n + 1), k: fill(1000 * n + 2), v: fill(1000 * n + 3) };
}

/**
 * The plain-JS reference: softmax(Q·Kᵀ/√d)·V with straightforward loops and a row-max-
 * subtracted softmax. Returns only the output (n_q×d_v Float32Array), like the peers.
 */
export function plainAttention(q, k, v, nq, nk, d, dv = d) {
  const scale = 1 / Math.sqrt(d);
  const out = new Float32Array(nq * dv);
  const row = new Float64Array(nk);
  for (let i = 0; i < nq; i += 1) {
    let max = -Infinity;
    for (let j = 0; j < nk; j += 1) {
      let s = 0;
      for (let c = 0; c < d; c += 1) s += q[i * d + c] * k[j * d + c];
      s *= scale;
      row[j] = s;
      if (s > max) max = s;
    }
    let sum = 0;
    for (let j = 0; j < nk; j += 1) {
      const e = Math.exp(row[j] - max);
      row[j] = e;
      sum += e;
    }
    for (let c = 0; c < dv; c += 1) {
      let acc = 0;
      for (let j = 0; j < nk; j += 1) acc += row[j] * v[j * dv + c];
      out[i * dv + c] = acc / sum;
    }
  }
  return out;
}

/** Largest |a[i] − b[i]| (Infinity when the lengths differ, NaN if either has a NaN). */
export function maxAbsDiff(a, b) {
  if (!a || !b || a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i += 1) {
    const diff = Math.abs(a[i] - b[i]);
    if (!(diff <= worst)) worst = diff; // NaN propagates
  }
  return worst;
}

function median(sorted) {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times `fn` (sync, or async returning a promise): warm up, then take samples until about
 * `sampleSeconds` of samples (at least `minRuns`). Each sample times a batch of calls lasting
 * at least `minSampleMs`, because a page without cross-origin isolation gets a coarse
 * performance.now() (100 µs in Chromium) and one call at N = 16 lasts only microseconds.
 * Reports the median time per call.
 */
export async function measure(fn, {
  warmupSeconds = 0.25, minWarmupCalls = 2, sampleSeconds = 0.4, minRuns = 5, maxRuns = 400,
  minSampleMs = 2,
} = {}) {
  const now = () => performance.now();
  // Sync functions are called in a plain loop (no await: a microtask per call would be
  // measured too); async ones (onnxruntime-web's session.run) are awaited.
  const first = fn();
  const isAsync = Boolean(first && typeof first.then === 'function');
  if (isAsync) await first;
  const runBatch = isAsync
    ? async (count) => { for (let b = 0; b < count; b += 1) await fn(); }
    : (count) => { for (let b = 0; b < count; b += 1) fn(); };

  let calls = 1;
  const warmStart = now();
  while (calls < minWarmupCalls || now() - warmStart < warmupSeconds * 1e3) {
    await runBatch(1);
    calls += 1;
  }
  // Calibrate after the warm-up (the first calls run before the JIT/wasm tier-up): double the
  // batch until one batch lasts minSampleMs.
  let batch = 1;
  for (;;) {
    const start = now();
    await runBatch(batch);
    calls += batch;
    if (now() - start >= minSampleMs || batch >= 1 << 20) break;
    batch *= 2;
  }

  const samples = [];
  let total = 0;
  while (samples.length < minRuns || (total < sampleSeconds * 1e3 && samples.length < maxRuns)) {
    const start = now();
    const pending = runBatch(batch);
    if (isAsync) await pending;
    const elapsed = now() - start;
    samples.push(elapsed / batch);
    total += elapsed;
  }
  samples.sort((a, b) => a - b);
  return {
    median_ms: median(samples),
    min_ms: samples[0],
    p90_ms: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.9))],
    runs: samples.length,
    batch,
    warmup_calls: calls,
  };
}
