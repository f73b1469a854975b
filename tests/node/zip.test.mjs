// build_scripts/packaging/zip.mjs: what goes in comes out, names in UTF-8, the same bytes for
// the same files, and paths that would escape the folder are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { zip } from '../../build_scripts/packaging/zip.mjs';
import { unzip } from './zip_read.mjs';

const files = [
  { name: 'imsmanifest.xml', data: '<manifest/>' },
  { name: 'content/leçon.json', data: JSON.stringify({ text: 'attention '.repeat(500) }) },
  { name: 'bytes.bin', data: Buffer.from([0, 1, 2, 255]) },
];

test('a zip of text and bytes reads back file by file, in order, and deflates', () => {
  const packed = zip(files);
  const read = unzip(packed);
  assert.deepEqual([...read.keys()], files.map((f) => f.name));
  for (const { name, data } of files) assert.deepEqual(read.get(name), Buffer.from(data));
  assert.ok(packed.length < 1000, `5 KB of repeated text deflates (zip is ${packed.length} bytes)`);
  assert.deepEqual(zip(files), packed, 'the same files make the same bytes');
});

test('Info-ZIP\'s unzip, where installed, finds no error in it', (t) => {
  let unzipTool;
  try {
    unzipTool = execFileSync('sh', ['-c', 'command -v unzip'], { encoding: 'utf8' }).trim();
  } catch {
    t.skip('unzip is not installed');
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'zip-test-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  writeFileSync(join(folder, 'x.zip'), zip(files));
  assert.match(execFileSync(unzipTool, ['-t', join(folder, 'x.zip')], { encoding: 'utf8' }), /No errors detected/);
  execFileSync(unzipTool, ['-q', join(folder, 'x.zip'), '-d', join(folder, 'out')]);
  assert.equal(readFileSync(join(folder, 'out', 'imsmanifest.xml'), 'utf8'), '<manifest/>');
});

test('names that are not relative paths, or twice in the list, are refused', () => {
  for (const name of ['/etc/passwd', '../up.txt', 'a/../../b', 'a\\b', '']) {
    assert.throws(() => zip([{ name, data: 'x' }]), /not a relative path/, name);
  }
  assert.throws(() => zip([{ name: 'a', data: '1' }, { name: 'a', data: '2' }]), /twice/);
});
