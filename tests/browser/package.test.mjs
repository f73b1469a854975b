// The npm package: `npm pack` of dist/, installed into an empty project, loads in a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PROJECT_ROOT, collectProblems, serveAndLaunch } from './harness.mjs';

let app;

// dist/ packed, and the tarball installed into an empty project that a page then uses.
const lab = serveAndLaunch({
  root: async () => {
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'build_scripts', 'build_dist.mjs')], { stdio: 'ignore' });
    const work = mkdtempSync(join(tmpdir(), 'attention-lens-pack-'));
    // As docs/embedding.md §3 says, in the project's folder: `npm pack ./dist`.
    const tarball = execFileSync('npm', ['pack', './dist', '--silent', '--pack-destination', work], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim().split('\n').pop();
    app = join(work, 'lesson');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "lesson", "version": "1.0.0", "private": true }\n');
    // A local tarball with no dependencies: nothing is fetched.
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, tarball)], { cwd: app, stdio: 'ignore' });
    writeFileSync(join(app, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lesson</title>
<link rel="icon" href="node_modules/attention-lens/favicon.svg">
<script type="module" src="node_modules/attention-lens/attention-lens.js"></script>
<script type="module" src="node_modules/attention-lens/attention-quiz.js"></script></head>
<body>
<attention-lens sentence="Arjun ate the pizza because he was hungry" focus="he"></attention-lens>
<attention-quiz bank="cost" no-storage></attention-quiz>
</body></html>
`);
    return app;
  },
});

test('the packed package has an exports map, types and only the files a page needs', () => {
  const manifest = JSON.parse(readFileSync(join(app, 'node_modules', 'attention-lens', 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'attention-lens');
  assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
  assert.equal(manifest.types, './attention-lens.d.ts');
  assert.equal(manifest.exports['.'].default, './attention-lens.js');
  assert.equal(manifest.exports['./quiz'], './attention-quiz.js');
  assert.ok(manifest.files.includes('generated') && manifest.files.includes('model'));
  assert.equal(manifest.exports['./attention-quiz.schema.json'], './attention-quiz.schema.json');
  const schema = JSON.parse(readFileSync(join(app, 'node_modules', 'attention-lens', 'attention-quiz.schema.json'), 'utf8'));
  assert.equal(schema.title, 'Questions for <attention-quiz>');
  // The Custom Elements Manifest, where editors look for it.
  assert.equal(manifest.customElements, 'custom-elements.json');
  const elements = JSON.parse(readFileSync(join(app, 'node_modules', 'attention-lens', 'custom-elements.json'), 'utf8'));
  assert.deepEqual(elements.modules.flatMap((m) => m.declarations.map((d) => d.tagName)).sort(), ['attention-lens', 'attention-quiz']);
  assert.ok(!manifest.devDependencies, 'no development dependencies travel with it');
});

test('installed into an empty project, it renders the grid and the quiz', async () => {
  const page = await lab.browser.newPage();
  const problems = collectProblems(page);
  await page.goto(lab.server.url);
  await page.waitForFunction(() => document.querySelector('attention-lens')?.shadowRoot?.querySelector('.grid tbody tr.is-focus th'));
  assert.equal(await page.textContent('attention-lens .grid tbody tr.is-focus th'), 'he');
  await page.waitForSelector('attention-quiz form');
  assert.deepEqual(problems, []);
  await page.close();
});
