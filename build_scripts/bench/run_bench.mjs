#!/usr/bin/env node
// `npm run bench`: single-head attention softmax(Q·Kᵀ/√d)·V, d = 64, float32, one thread,
// N ∈ {16, 64, 256, 1024}, for our engine (Node and Chromium) and its peers:
//   the same engine built natively (build/native*/engine_bench: SSE2, SSE4.1, -march=native) and
//   its C++ harness compiled to wasm (build/wasm/engine_bench.cjs), plain JS loops (Node and
//   Chromium), @tensorflow/tfjs-backend-wasm and onnxruntime-web (wasm EP) in Chromium.
// Then the lesson-sized calls (analyze() and multiHeadAttention(), N = 8…64, Node) and the
// issue-13 targets, as ratios from this one run.
// Every implementation gets the same deterministic inputs (common.mjs) and its output is
// checked against ours (Node) before it is timed. Prints one report to stdout (progress goes
// to stderr) and writes build/bench/results.json (+ report.txt).
//
// Options: --sizes=16,64   --seconds=0.4 (samples per cell and round)   --rounds=5   --no-browser
//          --no-native
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

import { D, SIZES, attentionFlops, makeInputs, maxAbsDiff, measure, plainAttention } from './common.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT_DIR = join(ROOT, 'build', 'bench');
const TOLERANCE = 1e-4;

const args = Object.fromEntries(process.argv.slice(2).map((arg) => {
  const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
  return [key, value];
}));
const sizes = args.sizes ? args.sizes.split(',').map(Number) : SIZES;
const measureOptions = { sampleSeconds: Number(args.seconds ?? 0.4), minSampleMs: 2 };
// Chromium clamps performance.now() to 100 µs without cross-origin isolation: longer batches.
const browserMeasureOptions = { ...measureOptions, minSampleMs: 10 };
const rounds = Math.max(1, Number(args.rounds ?? 5));

const log = (...parts) => console.error('[bench]', ...parts);

function run(command, commandArgs, options = {}) {
  log('$', command, ...commandArgs);
  const result = spawnSync(command, commandArgs, { cwd: ROOT, encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${commandArgs.join(' ')} failed (${result.status}):\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
  return result.stdout;
}

// ---------------------------------------------------------------------------------------
// Builds (only what is missing)
// ---------------------------------------------------------------------------------------
const WASM_FILES = ['attention_engine.mjs', 'attention_engine.wasm'].map((f) => join(ROOT, 'web', 'generated', f));

// Always run the builds: they are incremental, so an up-to-date tree costs a second, and a
// stale module or binary is never measured.
function ensureWasmModule() {
  run('bash', [join(ROOT, 'build_scripts', 'build_wasm.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const NATIVE_BUILDS = [
  { id: 'native', preset: 'native', dir: join(ROOT, 'build', 'native'), flags: [] },
  { id: 'native-sse41', preset: 'native-sse41', dir: join(ROOT, 'build', 'native-sse41'), flags: ['-msse4.1'] },
  { id: 'native-march', preset: 'native-march', dir: join(ROOT, 'build', 'native-march'), flags: ['-march=native'] },
];

function ensureNative(build) {
  const bench = join(build.dir, 'engine_bench');
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };
  run('cmake', ['--preset', build.preset], quiet);
  run('cmake', ['--build', '--preset', build.preset, '-j2', '--target', 'engine_bench'], quiet);
  // The correctness driver, linked against the very library engine_bench uses.
  const check = join(OUT_DIR, `${build.id}_check`);
  const library = join(build.dir, 'libattention_engine.a');
  const source = join(ROOT, 'build_scripts', 'bench', 'native_check.cpp');
  const stale = !existsSync(check) ||
    statSync(check).mtimeMs < Math.max(statSync(library).mtimeMs, statSync(source).mtimeMs);
  if (stale) {
    run('c++', ['-std=c++17', '-O3', '-DNDEBUG', ...build.flags, '-I', join(ROOT, 'cpp', 'engine'),
      '-I', '/usr/include/eigen3', source, library, '-o', check]);
  }
  return { bench, check };
}

// ---------------------------------------------------------------------------------------
// Machine
// ---------------------------------------------------------------------------------------
function machineInfo() {
  const cpus = os.cpus();
  let flags = '';
  try {
    flags = readFileSync('/proc/cpuinfo', 'utf8').match(/^flags\s*:(.*)$/m)?.[1] ?? '';
  } catch { /* not Linux */ }
  const has = (flag) => new RegExp(`\\b${flag}\\b`).test(flags);
  const simd = ['avx512f', 'avx2', 'fma', 'avx', 'sse4_1'].filter(has);
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    simd,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    git: gitRevision(),
  };
}

// ---------------------------------------------------------------------------------------
// Sizes
// ---------------------------------------------------------------------------------------
function fileSize(path) {
  const bytes = readFileSync(path);
  return {
    file: relative(ROOT, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

function gitRevision() {
  const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' });
  return result.status === 0 ? `${result.stdout.trim()}${dirty.stdout?.trim() ? ' (+ uncommitted changes)' : ''}` : 'unknown';
}

function downloadSizes(browserFiles, ours) {
  const peers = {};
  // Peers: the files the benchmark page actually fetched (falls back to the usual ones).
  const fallback = {
    tfjs: ['@tensorflow/tfjs-core/dist/tf-core.min.js', '@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.min.js',
      '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'],
    ort: ['onnxruntime-web/dist/ort.wasm.min.mjs', 'onnxruntime-web/dist/ort-wasm-simd-threaded.mjs',
      'onnxruntime-web/dist/ort-wasm-simd-threaded.wasm'],
  };
  for (const [peer, prefix] of [['tfjs', '@tensorflow/'], ['ort', 'onnxruntime-web/']]) {
    const fetched = (browserFiles ?? []).filter((f) => f.startsWith(`node_modules/${prefix}`));
    const files = fetched.length ? fetched : fallback[peer].map((f) => `node_modules/${f}`);
    peers[peer] = files.filter((f) => existsSync(join(ROOT, f))).map((f) => fileSize(join(ROOT, f)));
  }
  return { ours, peers };
}

// ---------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------
const results = []; // filled by finalizeResults(): one entry per implementation and N
const cells = new Map(); // `${id}@${n}` → { id, n, rounds: [timing, ...], max_abs_diff, ok }
const LEAN = { keepIntermediateSteps: false };
const referenceOutputs = new Map(); // n → ours (Node) output

// One round's timing of one cell; `output` (when given) is checked against ours (Node).
function record(id, n, timing, output) {
  const key = `${id}@${n}`;
  if (!cells.has(key)) cells.set(key, { id, n, rounds: [], max_abs_diff: null, ok: null });
  const cell = cells.get(key);
  cell.rounds.push(timing);
  if (output) {
    const diff = maxAbsDiff(output, referenceOutputs.get(n));
    if (cell.max_abs_diff === null || !(diff <= cell.max_abs_diff)) cell.max_abs_diff = diff;
    cell.ok = cell.max_abs_diff <= TOLERANCE;
  }
  const check = cell.max_abs_diff === null ? '' : `max|Δ| ${cell.max_abs_diff.toExponential(1)}${cell.ok ? '' : '  *** MISMATCH ***'}`;
  log(`${id.padEnd(15)} N=${String(n).padEnd(5)} ${timing.median_ms.toPrecision(3)} ms  ${check}`);
}

// The median of the round medians, and their spread.
function summarizeRounds(rounds) {
  const medians = rounds.map((r) => r.median_ms).sort((a, b) => a - b);
  const mid = medians.length >> 1;
  const median_ms = medians.length % 2 ? medians[mid] : (medians[mid - 1] + medians[mid]) / 2;
  return { median_ms, spread: (medians.at(-1) - medians[0]) / median_ms, round_medians_ms: rounds.map((r) => r.median_ms) };
}

// Issue 13's targets: ours ÷ peer time ratios, from this one run.
// Each twice: our results in fresh arrays on every call, and written into the arrays of the call
// before (options.into). onnxruntime-web returns fresh arrays in both: its wasm backend has no
// way to reuse them (a pre-allocated CPU output tensor passed as a fetch came back all zeros).
const LEAN_LIMITS = { 16: 0.67, 64: 0.67, 256: 0.83, 1024: 0.83 };
const FULL_LIMITS = { 16: 1.0, 64: 1.0, 256: 1.0, 1024: 1.0 };
const TARGETS = [
  { name: 'weights + output ÷ ort (Chromium), fresh arrays', subject: 'ours-lean-chromium', peer: 'ort-chromium',
    limits: LEAN_LIMITS },
  { name: 'full trace ÷ ort (Chromium), fresh arrays', subject: 'ours-chromium', peer: 'ort-chromium',
    limits: FULL_LIMITS },
  { name: 'weights + output ÷ ort (Chromium), reused arrays', subject: 'ours-lean-into-chromium', peer: 'ort-chromium',
    limits: LEAN_LIMITS },
  { name: 'full trace ÷ ort (Chromium), reused arrays', subject: 'ours-into-chromium', peer: 'ort-chromium',
    limits: FULL_LIMITS },
  { name: 'wasm ÷ native SSE4.1, same C++ harness and kernels', subject: 'wasm-harness', peer: 'native-sse41',
    limits: { 1024: 1.25 } },
];

function targetResults() {
  return TARGETS.map(({ name, subject, peer, limits }) => ({
    name, subject, peer,
    cells: Object.fromEntries(Object.entries(limits).map(([n, limit]) => {
      const ours = results.find((r) => r.id === subject && r.n === Number(n));
      const other = results.find((r) => r.id === peer && r.n === Number(n));
      const ratio = ours && other ? ours.median_ms / other.median_ms : null;
      // Chromium's clamped clock can give a fastest sample of 0: no ratio then.
      const fastestRatio = ours && other && ours.min_ms > 0 && other.min_ms > 0 ? ours.min_ms / other.min_ms : null;
      return [n, { limit, ratio, met: ratio === null ? null : ratio <= limit, fastestRatio }];
    })),
  }));
}

function lessonResults() {
  return [...lessonCells.values()].map((cell) => ({ id: cell.id, n: cell.n, ...summarizeRounds(cell.rounds) }));
}

// The reported time of a cell is the median of its round medians.
function finalizeResults() {
  for (const cell of cells.values()) {
    const medians = cell.rounds.map((r) => r.median_ms).sort((a, b) => a - b);
    const mid = medians.length >> 1;
    const median_ms = medians.length % 2 ? medians[mid] : (medians[mid - 1] + medians[mid]) / 2;
    results.push({
      id: cell.id, n: cell.n, d: D,
      median_ms,
      // The fastest sample of any round: on a shared, loaded machine the least disturbed one.
      min_ms: Math.min(...cell.rounds.map((r) => r.min_ms ?? r.median_ms)),
      gflops: attentionFlops(cell.n) / (median_ms * 1e6),
      spread: (medians.at(-1) - medians[0]) / median_ms,
      round_medians_ms: cell.rounds.map((r) => r.median_ms),
      runs: cell.rounds.reduce((sum, r) => sum + r.runs, 0),
      rounds: cell.rounds,
      max_abs_diff: cell.max_abs_diff,
      ok: cell.ok,
      ...(cell.max_abs_diff_vs_plain !== undefined ? { max_abs_diff_vs_plain: cell.max_abs_diff_vs_plain } : {}),
    });
  }
}

async function nodeSession() {
  const { loadEngine, matrix } = await import(pathToFileURL(join(ROOT, 'web', 'src', 'engine.js')).href);
  const engine = await loadEngine();
  const cases = sizes.map((n) => {
    const { q, k, v } = makeInputs(n);
    const Q = matrix(n, D, q), K = matrix(n, D, k), V = matrix(n, D, v);
    const trace = engine.attention(Q, K, V);
    if (Math.abs(trace.scale - 1 / Math.sqrt(D)) > 1e-7) throw new Error(`unexpected scale ${trace.scale}`);
    // ours (Node) is the reference for everyone; its own check is against the plain loops
    // (which accumulate in float64).
    referenceOutputs.set(n, trace.output.data);
    const plainOutput = plainAttention(q, k, v, n, n, D);
    return { n, q, k, v, Q, K, V, plainOutput, oursVsPlain: maxAbsDiff(trace.output.data, plainOutput) };
  });
  return async function round() {
    for (const { n, q, k, v, Q, K, V, plainOutput, oursVsPlain } of cases) {
      record('ours-node', n, await measure(() => engine.attention(Q, K, V).output.data, measureOptions), null);
      const cell = cells.get(`ours-node@${n}`);
      cell.max_abs_diff_vs_plain = oursVsPlain;
      cell.ok = oursVsPlain <= TOLERANCE;
      record('ours-lean-node', n, await measure(() => engine.attention(Q, K, V, LEAN).output.data, measureOptions),
        engine.attention(Q, K, V, LEAN).output.data);
      record('plain-node', n, await measure(() => plainAttention(q, k, v, n, n, D), measureOptions), plainOutput);
    }
  };
}

// Correctness of a native build on our inputs (once).
function nativeOutputs(build, binaries) {
  const outputs = new Map();
  for (const n of sizes) {
    const { q, k, v } = makeInputs(n);
    const input = join(OUT_DIR, `inputs_${n}.bin`);
    const output = join(OUT_DIR, `${build.id}_output_${n}.bin`);
    const header = Buffer.alloc(8);
    header.writeInt32LE(n, 0);
    header.writeInt32LE(D, 4);
    writeFileSync(input, Buffer.concat([header, ...[q, k, v].map((m) => Buffer.from(m.buffer))]));
    run(binaries.check, [input, output]);
    const bytes = readFileSync(output);
    outputs.set(n, new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4));
  }
  return outputs;
}

// The native harness compiled to wasm (the wasm build makes it): same C++, same kernels, run
// in Node, so wasm ÷ native compares the kernels themselves.
const WASM_HARNESS = join(ROOT, 'build', 'wasm', 'engine_bench.cjs');
function wasmHarnessRound() {
  const lines = run(process.execPath, [WASM_HARNESS, ...sizes.map(String)]).trim().split('\n').map((line) => JSON.parse(line));
  for (const line of lines) record('wasm-harness', line.n, { median_ms: line.median_ms, min_ms: line.min_ms, runs: line.runs, batch: 1 }, null);
}

// Lesson-sized calls, Node: analyze() of an N-token sentence with the shipped model (2 layers,
// every head, the whole trace: what the widget asks for), and multiHeadAttention() of N×32
// inputs with 4 heads of d_k = 8 (the model's shape), seeded weights.
// 40 is issue 11's yardstick: analyze() of a 40-word sentence in ≤ 2 ms in Chromium.
const LESSON_SIZES = [8, 16, 32, 40, 64];
const ANALYZE_TARGET = { n: 40, limitMs: 2 };
const lessonCells = new Map(); // `${id}@${n}` → { id, n, rounds: [timing, ...] }
async function lessonSession() {
  const { loadEngine, loadModel, matrix } = await import(pathToFileURL(join(ROOT, 'web', 'src', 'engine.js')).href);
  const engine = await loadEngine();
  const model = await loadModel({ bytes: readFileSync(join(ROOT, 'web', 'model', 'attention_lens_model.bin')) });
  const { dModel, headCount, maxTokens } = model.info;
  const words = 'the small cat sat on a warm mat while the old dog watched it from the door'.split(' ');
  const cases = LESSON_SIZES.filter((n) => n <= maxTokens).map((n) => {
    const sentence = Array.from({ length: n }, (_, i) => words[i % words.length]).join(' ');
    const tokens = model.analyze(sentence).tokens.length;
    if (tokens !== n) throw new Error(`lesson sentence of ${n} words gave ${tokens} tokens`);
    const { q: x } = makeInputs(n, dModel);
    const square = (seed) => makeInputs(dModel, dModel).k.map((value, i) => value * (seed + i % 3) / 8);
    const dK = dModel / headCount;
    const slice = (m, h) => matrix(dModel, dK, Float32Array.from({ length: dModel * dK },
      (_, i) => m[Math.floor(i / dK) * dModel + h * dK + (i % dK)]));
    const [wq, wk, wv] = [1, 2, 3].map(square);
    const weights = {
      heads: Array.from({ length: headCount }, (_, h) => ({ wQuery: slice(wq, h), wKey: slice(wk, h), wValue: slice(wv, h) })),
      wOutput: matrix(dModel, dModel, square(4)),
    };
    return { n, sentence, X: matrix(n, dModel, x), weights };
  });
  const record = (id, n, timing) => {
    const key = `${id}@${n}`;
    if (!lessonCells.has(key)) lessonCells.set(key, { id, n, rounds: [] });
    lessonCells.get(key).rounds.push(timing);
    log(`${id.padEnd(15)} N=${String(n).padEnd(5)} ${timing.median_ms.toPrecision(3)} ms`);
  };
  const info = { dModel, headCount, layerCount: model.info.layerCount, sizes: cases.map((c) => c.n) };
  return {
    info,
    sentences: cases.map(({ n, sentence }) => ({ n, sentence })),
    record,
    async round() {
      for (const { n, sentence, X, weights } of cases) {
        record('analyze', n, await measure(() => model.analyze(sentence), measureOptions));
        record('multi-head', n, await measure(() => engine.multiHeadAttention(X, X, weights), measureOptions));
      }
    },
  };
}

// Timing: engine_bench (its own mt19937 inputs; the work does not depend on the values).
function nativeRound(build, binaries, outputs) {
  const lines = run(binaries.bench, sizes.map(String)).trim().split('\n').map((line) => JSON.parse(line));
  for (const line of lines) {
    record(build.id, line.n, { median_ms: line.median_ms, min_ms: line.min_ms, runs: line.runs, batch: 1 }, outputs.get(line.n));
  }
}

async function browserSession() {
  const { launchChromium } = await import(pathToFileURL(join(ROOT, 'build_scripts', 'browser.mjs')).href);
  const { startStaticServer } = await import(pathToFileURL(join(ROOT, 'build_scripts', 'static_server.mjs')).href);
  const server = await startStaticServer({ root: ROOT });
  let browser;
  const close = async () => {
    await browser?.close();
    await server.close();
  };
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    const problems = [];
    const fetched = new Set();
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('requestfinished', (request) => {
      const path = decodeURIComponent(new URL(request.url()).pathname).replace(/^\//, '');
      if (path.startsWith('node_modules/') || path.startsWith('web/')) fetched.add(path);
    });
    await page.goto(`${server.url}build_scripts/bench/bench_page.html`);
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60_000 })
      .catch((error) => { throw new Error(`benchmark page did not start: ${problems.join('; ') || error.message}`); });
    const info = await page.evaluate(() => window.bench.setup());
    info.chromium = browser.version();
    log('Chromium', info.chromium, 'page ready, first load ms:', JSON.stringify(info.loadMs));

    const round = async (lesson) => {
      for (const { n, sentence } of lesson?.sentences ?? []) {
        lesson.record('analyze-chromium', n, await page.evaluate(
          ([text, options]) => window.bench.analyze(text, options), [sentence, browserMeasureOptions]));
      }
      for (const n of sizes) {
        for (const [name, id] of [['ours', 'ours-chromium'], ['oursLean', 'ours-lean-chromium'],
          ['oursInto', 'ours-into-chromium'], ['oursLeanInto', 'ours-lean-into-chromium'], ['plain', 'plain-chromium'],
          ['tfjs', 'tfjs-chromium'], ['ort', 'ort-chromium']]) {
          const { output, timing } = await page.evaluate(
            ([impl, size, options]) => window.bench.run(impl, size, options), [name, n, browserMeasureOptions]);
          record(id, n, timing, Float32Array.from(output));
        }
      }
      info.fetched = [...fetched].sort();
      if (problems.length) info.pageErrors = [...problems];
    };
    return { info, round, close };
  } catch (error) {
    await close();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------
function formatMs(ms) {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toPrecision(2);
}
const formatGflops = (g) => (g >= 10 ? g.toFixed(1) : g.toFixed(2));
const formatRatio = (r) => (r >= 10 ? r.toFixed(1) : r.toFixed(2));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function buildReport({ machine, browserInfo, labels, sizeInfo, notes, targets, lesson }) {
  const ids = Object.keys(labels).filter((id) => results.some((r) => r.id === id));
  const cell = (id, n) => results.find((r) => r.id === id && r.n === n);
  const labelWidth = Math.max(...ids.map((id) => labels[id].length)) + 2;
  const colWidth = 20;
  const lines = [];
  const header = (title) => lines.push('', title, '-'.repeat(title.length));

  lines.push('Attention Lens benchmark: single-head attention softmax(Q·Kᵀ/√d)·V, d = 64, float32, one thread');
  lines.push(`Machine: ${machine.cpu}, ${machine.cores} cores (SIMD: ${machine.simd.join(' ') || 'n/a'}), ${machine.os}, ${machine.memoryGB} GB; ` +
    `1-min load average ${machine.loadAverage.start.toFixed(2)} at start, ${machine.loadAverage.end.toFixed(2)} at end`);
  lines.push(`Node ${machine.node}; Chromium ${browserInfo?.chromium ?? '(not run)'} headless` +
    (browserInfo ? `, crossOriginIsolated = ${browserInfo.crossOriginIsolated}` : ''));
  if (browserInfo) {
    lines.push(`tfjs-backend-wasm ${browserInfo.tfjs.version}: backend ${browserInfo.tfjs.backend}, SIMD ${browserInfo.tfjs.simd}, ` +
      `multithread ${browserInfo.tfjs.multithread}${browserInfo.tfjs.threadsCount != null ? `, threads ${browserInfo.tfjs.threadsCount}` : ''}; ` +
      `onnxruntime-web ${browserInfo.ort.version ?? ''} wasm EP, numThreads ${browserInfo.ort.numThreads}`);
  }

  header(`Median time per call (ms; median of ${rounds} rounds) and GFLOP/s (FLOPs = 4·N²·d)`);
  lines.push('implementation'.padEnd(labelWidth) + sizes.map((n) => `N=${n}`.padStart(colWidth)).join(''));
  lines.push(' '.repeat(labelWidth) + sizes.map(() => 'ms    GFLOP/s'.padStart(colWidth)).join(''));
  for (const id of ids) {
    lines.push(labels[id].padEnd(labelWidth) + sizes.map((n) => {
      const r = cell(id, n);
      if (!r) return '—'.padStart(colWidth);
      const flag = r.ok === false ? '!' : ' ';
      return `${formatMs(r.median_ms)}${flag}${formatGflops(r.gflops).padStart(7)}`.padStart(colWidth);
    }).join(''));
  }
  lines.push('(! = output differs from ours by more than 1e-4: see the check below)');

  header(`Check: max |output − ours (Node)| (tolerance ${TOLERANCE})`);
  for (const id of ids) {
    lines.push(labels[id].padEnd(labelWidth) + sizes.map((n) => {
      const r = cell(id, n);
      if (!r) return '—'.padStart(colWidth);
      if (id === 'ours-node') return `(ref; vs plain ${r.max_abs_diff_vs_plain.toExponential(1)})`.padStart(colWidth);
      if (r.max_abs_diff === null) return '(checked by the tests)'.padStart(colWidth);
      return (r.ok ? `${r.max_abs_diff.toExponential(1)} ok` : `${r.max_abs_diff} MISMATCH`).padStart(colWidth);
    }).join(''));
  }

  header('Noise: spread of the round medians, (max − min) / median');
  for (const id of ids) {
    lines.push(labels[id].padEnd(labelWidth) + sizes.map((n) => {
      const r = cell(id, n);
      return (r ? `${(r.spread * 100).toFixed(0)} %` : '—').padStart(colWidth);
    }).join(''));
  }

  const ratioSection = (subject) => {
    header(`Time ratio ${labels[subject]} ÷ peer  (> 1: ours is SLOWER by that factor; < 1: ours is faster)`);
    lines.push('peer'.padEnd(labelWidth) + sizes.map((n) => `N=${n}`.padStart(10)).join(''));
    for (const id of ids.filter((i) => !i.startsWith('ours-'))) {
      lines.push(labels[id].padEnd(labelWidth) + sizes.map((n) => {
        const ours = cell(subject, n), peer = cell(id, n);
        return (ours && peer ? formatRatio(ours.median_ms / peer.median_ms) : '—').padStart(10);
      }).join(''));
    }
  };
  if (ids.includes('ours-chromium')) ratioSection('ours-chromium');
  if (ids.includes('ours-lean-chromium')) ratioSection('ours-lean-chromium');
  if (ids.includes('ours-lean-into-chromium')) ratioSection('ours-lean-into-chromium');
  if (ids.includes('ours-node')) ratioSection('ours-node');

  header('Issue 13 targets: time ratio ours ÷ peer from this run (met when ≤ the limit)');
  lines.push('Ratio of the medians above (the targets\' measure), and in brackets the ratio of the two fastest samples');
  lines.push('(less disturbed by other work on a loaded machine; not the targets\' measure)');
  lines.push('target'.padEnd(56) + sizes.map((n) => `N=${n}`.padStart(24)).join(''));
  for (const target of targets) {
    lines.push(target.name.padEnd(56) + sizes.map((n) => {
      const c = target.cells[n];
      if (!c) return ''.padStart(24);
      if (c.ratio === null) return 'not run'.padStart(24);
      const fastest = c.fastestRatio === null ? '—' : formatRatio(c.fastestRatio);
      return ` ${formatRatio(c.ratio)} ${c.met ? 'ok' : 'MISSED'} ≤${c.limit} [${fastest}]`.padStart(24);
    }).join(''));
  }

  if (lesson.results.length) {
    header(`Lesson-sized calls (ms per call, median of ${rounds} rounds, and the spread of the round medians)`);
    lines.push(`analyze(): the shipped model (${lesson.info.layerCount} layers × ${lesson.info.headCount} heads, d_model ${lesson.info.dModel}) on an N-token sentence, ` +
      'whole trace; multiHeadAttention(): N×' + `${lesson.info.dModel} input, ${lesson.info.headCount} heads, seeded weights, whole trace`);
    lines.push('call'.padEnd(38) + lesson.info.sizes.map((n) => `N=${n}`.padStart(18)).join(''));
    const chromium = browserInfo ? `Chromium ${browserInfo.chromium.split('.')[0]}` : 'Chromium';
    for (const [id, name] of [['analyze', `analyze() (Node ${machine.node})`], ['analyze-chromium', `analyze() (${chromium})`],
      ['multi-head', `multiHeadAttention() (Node ${machine.node})`]]) {
      if (!lesson.results.some((x) => x.id === id)) continue;
      lines.push(name.padEnd(38) + lesson.info.sizes.map((n) => {
        const r = lesson.results.find((x) => x.id === id && x.n === n);
        return (r ? `${formatMs(r.median_ms)} ms ±${(r.spread * 100).toFixed(0)} %` : '—').padStart(18);
      }).join(''));
    }
    const yardstick = lesson.results.find((x) => x.id === 'analyze-chromium' && x.n === ANALYZE_TARGET.n);
    if (yardstick) {
      lines.push(`Issue 11 target: analyze() of ${ANALYZE_TARGET.n} tokens in Chromium ${formatMs(yardstick.median_ms)} ms ` +
        `${yardstick.median_ms <= ANALYZE_TARGET.limitMs ? 'ok' : 'MISSED'} ≤ ${ANALYZE_TARGET.limitMs} ms`);
    }
  }

  header('Download size (gzip = node:zlib level 9)');
  const sizeLine = (name, files) => {
    const raw = files.reduce((s, f) => s + f.raw, 0), gz = files.reduce((s, f) => s + f.gzip, 0);
    lines.push(`${name.padEnd(labelWidth)}${kb(raw).padStart(12)} raw ${kb(gz).padStart(12)} gzip`);
    for (const f of files) lines.push(`  ${f.file.split('/').pop().padEnd(labelWidth - 2)}${kb(f.raw).padStart(12)} raw ${kb(f.gzip).padStart(12)} gzip`);
  };
  sizeLine('ours (JS glue + wasm)', sizeInfo.ours);
  lines.push(`  (measured module: attention_engine.wasm sha256 ${sizeInfo.ours.find((f) => f.file.endsWith('.wasm'))?.sha256.slice(0, 12)}, ` +
    `tree at ${machine.git})`);
  if (sizeInfo.peers.tfjs.length) sizeLine('tfjs-core + tfjs-backend-wasm', sizeInfo.peers.tfjs);
  if (sizeInfo.peers.ort.length) sizeLine('onnxruntime-web (wasm EP)', sizeInfo.peers.ort);
  if (browserInfo) {
    const l = browserInfo.loadMs;
    lines.push(`First load in the page (one sample: fetch from localhost + compile + init): ours ${l.ours.toFixed(0)} ms, ` +
      `tfjs setBackend('wasm') ${l.tfjs.toFixed(0)} ms, ort InferenceSession.create ${l.ort.toFixed(0)} ms`);
  }

  header('Notes');
  for (const note of notes) lines.push(`- ${note}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------
async function main() {
  const started = Date.now();
  mkdirSync(OUT_DIR, { recursive: true });
  ensureWasmModule();
  const machine = machineInfo();
  // Another build may replace the module or the native binaries while the bench runs: notice it.
  const watched = [...WASM_FILES, WASM_HARNESS, ...NATIVE_BUILDS.map((b) => join(b.dir, 'engine_bench'))];
  const fingerprint = () => watched.map((f) => (existsSync(f) ? createHash('sha256').update(readFileSync(f)).digest('hex') : '-')).join();
  log(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; sizes ${sizes.join(', ')}`);

  const nativeRuns = [];
  if (args['no-native'] !== 'true') {
    for (const build of NATIVE_BUILDS) {
      try {
        nativeRuns.push([build, ensureNative(build)]);
      } catch (error) {
        log(`skipping ${build.id}: ${error.message}`);
      }
    }
  }

  // Every round runs every cell once: Node, then native, then Chromium, one at a time so no
  // two measurements compete for the cores. Rounds spread each cell over the whole run, so a
  // burst of background load hits one round of a cell rather than the whole cell.
  const startFingerprint = fingerprint();
  const oursFiles = WASM_FILES.map(fileSize); // the module as it was when measured
  const loadAtStart = os.loadavg()[0];
  const runNodeRound = await nodeSession();
  let lesson = null;
  try {
    lesson = await lessonSession();
  } catch (error) {
    log(`lesson-sized rows skipped: ${error.message}`);
  }
  const natives = nativeRuns.map(([build, binaries]) => [build, binaries, nativeOutputs(build, binaries)]);
  let browser = null;
  let browserProblem = null;
  if (args['no-browser'] !== 'true') {
    try {
      browser = await browserSession();
    } catch (error) {
      browserProblem = error.message.split('\n')[0];
      log(`Chromium rows skipped: ${browserProblem}`);
    }
  }
  try {
    for (let r = 1; r <= rounds; r += 1) {
      log(`round ${r} of ${rounds}`);
      await runNodeRound();
      await lesson?.round();
      if (existsSync(WASM_HARNESS)) wasmHarnessRound();
      for (const [build, binaries, outputs] of natives) nativeRound(build, binaries, outputs);
      if (browser) await browser.round(lesson);
    }
  } finally {
    await browser?.close();
  }
  const browserInfo = browser?.info ?? null;
  finalizeResults();
  const changedDuringRun = fingerprint() !== startFingerprint;
  machine.loadAverage = { start: loadAtStart, end: os.loadavg()[0] };

  const chromium = browserInfo ? `Chromium ${browserInfo.chromium.split('.')[0]}` : 'Chromium';
  const march = machine.simd.includes('avx512f') ? 'AVX-512' : machine.simd.includes('avx2') ? 'AVX2+FMA' : 'this CPU';
  const labels = {
    'ours-node': `ours, full trace (Node ${process.version})`,
    'ours-chromium': `ours, full trace (${chromium})`,
    'ours-lean-node': `ours, weights + output only (Node ${process.version})`,
    'ours-lean-chromium': `ours, weights + output only (${chromium})`,
    'ours-into-chromium': `ours, full trace, reused arrays (${chromium})`,
    'ours-lean-into-chromium': `ours, weights + output, reused arrays (${chromium})`,
    'wasm-harness': `ours, C++ harness in wasm (Node ${process.version})`,
    native: 'native g++ -O3 (SSE2)',
    'native-sse41': 'native g++ -O3 -msse4.1',
    'native-march': `native g++ -O3 -march=native (${march})`,
    'plain-node': `plain JS loops (Node ${process.version})`,
    'plain-chromium': `plain JS loops (${chromium})`,
    'tfjs-chromium': `tfjs-backend-wasm (${chromium})`,
    'ort-chromium': `onnxruntime-web wasm (${chromium})`,
  };
  const notes = [
    'Ours returns the whole trace, copied back into fresh JS typed arrays on every call: scores, scaled and ' +
      'weights (N×N float32 each), the allowed mask (N×N uint8) and the output; the peers return only the output. ' +
      'Computing and copying that trace is part of what is measured (about 12 MB per call at N = 1024). ' +
      'The "weights + output only" rows pass { keepIntermediateSteps: false }: the engine then keeps and copies ' +
      'only the weights (which the widget always needs) and the output.',
    'The "reused arrays" rows pass { into: <the previous result> }: the engine writes the trace into the typed ' +
      'arrays of the call before instead of new ones (what a caller that computes again and again, like the ' +
      'lesson\'s timing chart, does). onnxruntime-web has no such mode in its wasm backend (a pre-allocated CPU ' +
      'output tensor passed as a fetch came back all zeros), so it is timed as it is used, with fresh arrays. Fresh arrays cost the browser new memory on every call: on this ' +
      'machine kind a first touch of a 4 KB page costs ~11 µs (a fresh 4 MB array ~12-20 ms in Chromium).',
    'Every timed call includes moving Q, K, V from JS into the implementation and the result back into a JS ' +
      'Float32Array (tfjs: tensor2d + dataSync inside tf.tidy; ort: new Tensor + await session.run).',
    `Timing: ${rounds} rounds over all cells (Node, native, Chromium, one at a time); in each round a cell warms up, ` +
      `then takes samples for ~${measureOptions.sampleSeconds} s (≥ 5); a sample times a batch ` +
      `of calls lasting ≥ ${measureOptions.minSampleMs} ms in Node, ≥ ${browserMeasureOptions.minSampleMs} ms in Chromium ` +
      '(its performance.now() is clamped to 100 µs without cross-origin isolation); median per call; the table ' +
      'shows the median of the round medians.',
    'Native rows come from build/native*/engine_bench (its own random inputs, ~0.3 s of single-call samples, ' +
      'the whole trace in C++, no JS); their check runs the same engine library on our inputs ' +
      '(build_scripts/bench/native_check.cpp). The engine\'s kernels are 4-wide in every build (SSE, or ' +
      'WebAssembly SIMD): -march=native only changes the instruction encoding and the compiler\'s other loops. ' +
      '"C++ harness in wasm" is that same engine_bench compiled by em++ with the module\'s flags and run in ' +
      'Node (build/wasm/engine_bench.cjs); its kernels are checked against the reference by ' +
      'tests/node/kernels_wasm.test.mjs, so it has no output column here.',
    'All single-threaded: the page is not cross-origin isolated, so neither tfjs nor ort can start threads ' +
      '(ort.env.wasm.numThreads = 1 as well).',
    `${machine.cores} vCPUs that may be shared with other work: see the noise section before trusting a ` +
      `difference under ~20 %. Total bench time: ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  ];
  if (browserProblem) notes.unshift(`Chromium rows missing: ${browserProblem}`);
  if (changedDuringRun) {
    notes.unshift('WARNING: web/generated/attention_engine.* or a native engine_bench was rebuilt while the ' +
      'benchmark ran: its rows may mix two builds. Run again.');
  }
  const sizeInfo = downloadSizes(browserInfo?.fetched, oursFiles);
  const targets = targetResults();
  const lessonSummary = { info: lesson?.info ?? null, results: lessonResults() };
  const report = buildReport({ machine, browserInfo, labels, sizeInfo, notes, targets, lesson: lessonSummary });
  console.log(report);

  const json = {
    date: new Date().toISOString(),
    benchmark: { d: D, sizes, flops: '4·N²·d', tolerance: TOLERANCE, reference: 'ours-node', measureOptions, browserMeasureOptions },
    machine: { ...machine, chromium: browserInfo?.chromium ?? null },
    browser: browserInfo,
    labels,
    results,
    ratios: Object.fromEntries(['ours-chromium', 'ours-lean-chromium', 'ours-node'].map((subject) => [subject,
      Object.fromEntries(Object.keys(labels).filter((id) => !id.startsWith('ours-')).map((id) => [id,
        Object.fromEntries(sizes.map((n) => {
          const ours = results.find((r) => r.id === subject && r.n === n);
          const peer = results.find((r) => r.id === id && r.n === n);
          return [n, ours && peer ? ours.median_ms / peer.median_ms : null];
        }))]))])),
    ratioMeaning: 'ours time ÷ peer time; > 1 means ours is slower',
    targets,
    lesson: lessonSummary,
    sizes: sizeInfo,
    notes,
  };
  writeFileSync(join(OUT_DIR, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(OUT_DIR, 'report.txt'), `${report}\n`);
  log(`wrote ${relative(ROOT, join(OUT_DIR, 'results.json'))} and report.txt`);
  if (results.some((r) => r.ok === false)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
