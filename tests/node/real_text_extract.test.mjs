// build_scripts/train/real_text.mjs: what `npm run train` reads as real text. WordNet is not
// installed where the tests run, so this runs the script on a small folder laid out as WordNet's
// data files are (a licence header, then one synset a line, its gloss after "|").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../build_scripts/train/real_text.mjs', import.meta.url));
const header = '  1 This software and database is being provided to you, the LICENSEE, by\n  2 Princeton University "under the following license"\n';

test('the real text is every distinct quoted example of WordNet\'s glosses, one a line, in file order', () => {
  const folder = mkdtempSync(join(tmpdir(), 'real-text-'));
  try {
    writeFileSync(join(folder, 'data.noun'), header +
      '02084071 05 n 01 dog 0 000 | a member of the genus Canis; "the dog barked all night"\n' +
      '02121620 05 n 01 cat 0 000 | feline mammal; "the cat  sat\ton the mat"; "the dog barked all night"\n');
    writeFileSync(join(folder, 'data.verb'), header +
      '01835496 38 v 01 cross 0 000 | travel across; "We crossed the Alps"\n');
    writeFileSync(join(folder, 'data.adj'), header + '00001740 00 a 01 able 0 000 | having the means (no example)\n');
    writeFileSync(join(folder, 'data.adv'), header + '00001740 02 r 01 very 0 000 | to a high degree; "very tired"\n');
    const out = join(folder, 'out', 'real_text.txt');
    const run = spawnSync(process.execPath, [script, '--wordnet', folder, '--out', out], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /4 example sentences/);
    assert.deepEqual(readFileSync(out, 'utf8').split('\n'),
      ['the dog barked all night', 'the cat sat on the mat', 'We crossed the Alps', 'very tired', '']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('without WordNet it says how to install it, and it refuses an unknown option', () => {
  const missing = spawnSync(process.execPath, [script, '--wordnet', '/no/such/wordnet', '--out', '/tmp/never.txt'], { encoding: 'utf8' });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /Cannot read \/no\/such\/wordnet\/data\.noun \(ENOENT\): install WordNet 3\.0 with 'apt-get install wordnet-base'/);
  const misspelt = spawnSync(process.execPath, [script, '--wordnte', 'x'], { encoding: 'utf8' });
  assert.equal(misspelt.status, 2);
  assert.match(misspelt.stderr, /"--wordnte" is not an option/);
});
