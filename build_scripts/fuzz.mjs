// `npm run fuzz [-- seconds]`: builds the libFuzzer targets of tests/fuzz (build_fuzz.sh) and
// runs each for the given time (default 60 s, or FUZZ_SECONDS), then prints, per target, the
// inputs it ran, the code edges it covered and whether it found a crash. `npm test` runs it
// with 10 s each as a smoke run (build_scripts/run_tests.mjs).
//
//   node build_scripts/fuzz.mjs [seconds] [--no-build] [--only=tokenizer,analyze]
//
// Each target starts from its committed seeds (tests/fuzz/corpus/<target>/, read only) and
// writes what it learns to build/fuzz/corpus/<target>/, so a longer run picks up where the
// last one stopped and git stays clean. A crash leaves its input in build/fuzz/artifacts/ and
// the command that replays it is printed. Exits non-zero if a target crashed.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const seconds = Number(args.find((a) => /^\d+$/.test(a)) ?? process.env.FUZZ_SECONDS ?? 60);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');

// -max_len: the tokenizer and analyze() read sentences (analyze refuses more than 64 tokens,
// so longer inputs only test the refusal); the loader needs room for the shipped model
// (52 KB), which seeds it so that mutations start from a file that loads.
const targets = [
  { name: 'tokenizer', maxLen: 4096 },
  { name: 'weights_loader', maxLen: 65536, extraSeeds: ['web/model/attention_lens_model.bin'] },
  { name: 'analyze', maxLen: 1024 },
].filter((t) => !only || only.includes(t.name));

function run(command, commandArgs, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      if (!quiet) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

if (!args.includes('--no-build')) {
  const { code } = await run('bash', ['build_scripts/build_fuzz.sh']);
  if (code !== 0) {
    process.stdout.write('fuzz: the build failed; nothing was run.\n');
    process.exit(1);
  }
}

let failed = 0;
for (const { name, maxLen, extraSeeds = [] } of targets) {
  const corpus = `build/fuzz/corpus/${name}`;
  const artifacts = 'build/fuzz/artifacts/';
  mkdirSync(`${root}${corpus}`, { recursive: true });
  mkdirSync(`${root}${artifacts}`, { recursive: true });
  for (const seed of extraSeeds) copyFileSync(`${root}${seed}`, `${root}${corpus}/${seed.split('/').pop()}`);
  const binary = `build/fuzz/tests/fuzz/${name}_fuzz`;
  const { code, output } = await run(binary, [
    `-max_total_time=${seconds}`, `-max_len=${maxLen}`, '-timeout=10', '-print_final_stats=1',
    `-artifact_prefix=${artifacts}${name}-`, corpus, `tests/fuzz/corpus/${name}`,
  ], { quiet: true });
  const runs = output.match(/stat::number_of_executed_units:\s*(\d+)/)?.[1] ?? '?';
  const perSecond = output.match(/stat::average_exec_per_sec:\s*(\d+)/)?.[1] ?? '?';
  const coverage = [...output.matchAll(/\bcov: (\d+) ft: (\d+) corp: (\d+)/g)].pop();
  const [cov, features, corpusSize] = coverage ? coverage.slice(1) : ['?', '?', '?'];
  if (code === 0) {
    process.stdout.write(`fuzz ${name}: ok — ${runs} runs in ${seconds} s (${perSecond}/s), ` +
      `coverage ${cov} edges, ${features} features, corpus ${corpusSize} inputs\n`);
  } else {
    failed += 1;
    const crash = output.match(/Test unit written to (\S+)/)?.[1];
    // The sanitizer's report and the broken invariant: the part of the log worth reading.
    const report = output.split('\n').filter((line) => /ERROR|INVARIANT|SUMMARY|#\d+ 0x/.test(line)).slice(0, 30);
    process.stdout.write(`fuzz ${name}: FAIL (exit ${code}) after ${runs} runs\n${report.join('\n')}\n` +
      (crash ? `  replay: ${binary} ${crash}\n` : output.slice(-3000)));
  }
}
process.stdout.write(`fuzz: ${targets.length - failed} passed, ${failed} failed\n`);
process.exitCode = failed ? 1 : 0;
