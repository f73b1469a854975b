// The scripts that no test runs (the benchmark and its pages, the trainer's and packager's
// tools): each must at least parse, so that a slip in one is caught before `npm run bench`
// or `npm run train` meets it. `node --check` reads a file without running it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function scriptsUnder(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return scriptsUnder(path);
    return /\.m?js$/.test(entry.name) ? [path] : [];
  });
}

test('every script under build_scripts/ parses', () => {
  const scripts = scriptsUnder(join(root, 'build_scripts'));
  assert.ok(scripts.some((path) => path.endsWith(join('bench', 'bench_page.mjs'))), 'the bench page is among them');
  for (const path of scripts) {
    try {
      execFileSync(process.execPath, ['--check', path], { stdio: 'pipe' });
    } catch (error) {
      assert.fail(`${relative(root, path)} does not parse:\n${error.stderr}`);
    }
  }
});
