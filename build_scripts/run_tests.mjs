// `npm test`: every layer's tests in order — native build + Catch2 (ctest), the wasm build,
// the wasm module in Node, the page in headless Chromium — then one summary line
// `N passed, N failed`. Exits non-zero if anything failed, including a build.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = [];

// Runs a command, streaming its output, and resolves to { code, output }.
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
    let output = '';
    const forward = (stream, sink) => stream.on('data', (chunk) => { output += chunk; sink.write(chunk); });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function heading(text) {
  process.stdout.write(`\n=== ${text} ===\n`);
}

// A build step counts as one test: it passes or it fails.
async function build(name, script) {
  heading(name);
  const { code } = await run('bash', [script]);
  results.push({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });
  return code === 0;
}

async function ctest(preset = 'native', name = 'ctest', title = 'Catch2 tests of the C++ engine (ctest)') {
  heading(title);
  const { code, output } = await run('ctest', ['--preset', preset]);
  const match = output.match(/(\d+)% tests passed, (\d+) tests? failed out of (\d+)/);
  const total = match ? Number(match[3]) : 0;
  const failed = match ? Number(match[2]) : 1;
  results.push({ name, passed: total - failed, failed: code !== 0 && failed === 0 ? 1 : failed });
}

// A short run of each libFuzzer target (build_scripts/fuzz.mjs): each target is one test,
// passed if it ran its time without a crash or a broken invariant.
async function fuzzSmoke(seconds) {
  heading(`libFuzzer smoke run, ${seconds} s per target`);
  const { code, output } = await run(process.execPath, ['build_scripts/fuzz.mjs', String(seconds), '--no-build']);
  const passed = (output.match(/^fuzz \w+: ok/gm) ?? []).length;
  let failed = (output.match(/^fuzz \w+: FAIL/gm) ?? []).length;
  if ((code !== 0 && failed === 0) || passed + failed === 0) failed = 1;
  results.push({ name: 'libFuzzer smoke run', passed, failed });
}

async function nodeTests(name, folder, extraArgs = []) {
  heading(name);
  const { code, output } = await run(process.execPath,
    ['--test', '--test-reporter=spec', ...extraArgs, folder]);
  const count = (label) => Number(output.match(new RegExp(`ℹ ${label} (\\d+)`))?.[1] ?? 0);
  const passed = count('pass');
  let failed = count('fail') + count('cancelled');
  if (code !== 0 && failed === 0) failed = 1;  // the runner itself failed
  if (passed + failed === 0) failed = 1;       // a stage that ran no test is a failure
  results.push({ name, passed, failed });
}

if (await build('Native build (g++, Eigen, Catch2)', 'build_scripts/build_native.sh')) await ctest();
if (await build('Native build under AddressSanitizer + UBSan (g++)', 'build_scripts/build_native_asan.sh')) {
  await ctest('native-asan', 'ctest under ASan + UBSan', 'Catch2 tests under AddressSanitizer + UBSan (ctest)');
}
if (await build('libFuzzer targets (clang)', 'build_scripts/build_fuzz.sh')) await fuzzSmoke(10);
if (await build('WebAssembly build (Emscripten)', 'build_scripts/build_wasm.sh')) {
  await nodeTests('The wasm module in Node', 'tests/node/');
  await nodeTests('The page in headless Chromium (Playwright)', 'tests/browser/', ['--test-concurrency=1']);
}

heading('Summary');
for (const { name, passed, failed } of results) {
  process.stdout.write(`${failed ? 'FAIL' : 'ok  '}  ${name}: ${passed} passed, ${failed} failed\n`);
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed ? 1 : 0;
