// The kernel tests of tests/cpp/kernels_test.cpp, compiled to WebAssembly (the kernel_tests
// target of the wasm build) and run here in Node: the WebAssembly SIMD kernels against the
// reference implementation, on the same shapes, masks and magnitudes as the native SSE ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const program = fileURLToPath(new URL('../../build/wasm/kernel_tests.cjs', import.meta.url));

test('the WebAssembly SIMD kernels equal the reference implementation within 1e-5', () => {
  assert.ok(existsSync(program), `${program} is missing: run build_scripts/build_wasm.sh first`);
  const run = spawnSync(process.execPath, [program, '--use-colour', 'no'], { encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`;
  assert.equal(run.status, 0, `kernel_tests failed:\n${output.slice(-4000)}`);
  const summary = output.match(/All tests passed \((\d+) assertions? in (\d+) test cases?\)/);
  assert.ok(summary, `no Catch2 summary in the output:\n${output.slice(-2000)}`);
  assert.ok(Number(summary[2]) >= 6, `expected the 6 kernel test cases, ran ${summary[2]}`);
  assert.ok(Number(summary[1]) >= 1000, `expected thousands of comparisons, made ${summary[1]}`);
});
