// The npm package: `npm pack` of dist/, installed into an empty project, loads in a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT, collectProblems, serveAndLaunch, temporaryFolder } from './harness.mjs';

let app;

// dist/ packed, and the tarball installed into an empty project that a page then uses.
const lab = serveAndLaunch({
  root: async () => {
    execFileSync(process.execPath, [join(PROJECT_ROOT, 'build_scripts', 'build_dist.mjs')], { stdio: 'ignore' });
    const work = temporaryFolder('attention-lens-pack-');
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
    bundleAsTheDocsSay(app);
    return app;
  },
});

// docs/embedding.md, "Bundling it into your own script": its sh block, line by line, in the
// project. `npm install --save-dev esbuild` would need the registry, so the project's own esbuild
// is linked in its place (the same command `npx esbuild` then finds).
function bundleAsTheDocsSay(project) {
  const guide = readFileSync(join(PROJECT_ROOT, 'docs', 'embedding.md'), 'utf8');
  const section = guide.slice(guide.indexOf('### Bundling it into your own script'));
  const commands = section.match(/```sh\n([\s\S]*?)```/)[1].trim().split('\n');
  const [html] = section.match(/```html\n([\s\S]*?)```/).slice(1);
  assert.equal(commands[0], 'npm install --save-dev esbuild');
  mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules', 'esbuild', 'bin', 'esbuild'), join(project, 'node_modules', '.bin', 'esbuild'));
  writeFileSync(join(project, 'main.js'), "import 'attention-lens'; import 'attention-lens/quiz';\n");
  for (const command of commands.slice(1)) execFileSync('bash', ['-c', command], { cwd: project, stdio: 'pipe' });
  const page = (head) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bundled lesson</title><link rel="icon" href="data:,">
${head}</head>
<body>
<attention-lens sentence="The trophy didn't fit in the suitcase because it was too big" focus="it"></attention-lens>
<attention-quiz bank="softmax" no-storage></attention-quiz>
</body></html>
`;
  writeFileSync(join(project, 'public', 'index.html'), page(html.trim()));
  // The same bundle without the meta tag: what an author sees who skipped it.
  writeFileSync(join(project, 'public', 'no-root.html'), page('<script type="module" src="app.js"></script>'));
}

test('the packed package has an exports map, types and only the files a page needs', () => {
  const manifest = JSON.parse(readFileSync(join(app, 'node_modules', 'attention-lens', 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'attention-lens');
  assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
  assert.equal(manifest.types, './attention-lens.d.ts');
  assert.equal(manifest.exports['.'].default, './attention-lens.js');
  assert.equal(manifest.exports['./quiz'], './attention-quiz.js');
  assert.deepEqual(manifest.exports['./sandbox'], { types: './attention-sandbox.d.ts', default: './attention-sandbox.js' });
  assert.ok(manifest.files.includes('generated') && manifest.files.includes('model'));
  assert.equal(manifest.exports['./attention-quiz.schema.json'], './attention-quiz.schema.json');
  const schema = JSON.parse(readFileSync(join(app, 'node_modules', 'attention-lens', 'attention-quiz.schema.json'), 'utf8'));
  assert.equal(schema.title, 'Questions for <attention-quiz>');
  // The Custom Elements Manifest, where editors look for it.
  assert.equal(manifest.customElements, 'custom-elements.json');
  const elements = JSON.parse(readFileSync(join(app, 'node_modules', 'attention-lens', 'custom-elements.json'), 'utf8'));
  assert.deepEqual(elements.modules.flatMap((m) => m.declarations.map((d) => d.tagName)).sort(), ['attention-lens', 'attention-quiz', 'attention-sandbox']);
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

test('bundled with esbuild as docs/embedding.md says, the grid and the quiz render from the bundle', async () => {
  const page = await lab.browser.newPage();
  const problems = collectProblems(page);
  page.on('response', (response) => { if (!response.ok()) problems.push(`${response.status()} ${response.url()}`); });
  const fetched = [];
  page.on('requestfinished', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(`${lab.server.url}public/`);
  await page.waitForFunction(() => document.querySelector('attention-lens')?.shadowRoot?.querySelector('.grid tbody tr.is-focus th'));
  assert.equal(await page.textContent('attention-lens .grid tbody tr.is-focus th'), 'it');
  const sums = await page.$$eval('attention-lens .grid tbody tr', (rows) => rows.map((row) =>
    [...row.querySelectorAll('td:not(.row-sum)')].reduce((sum, cell) => sum + Number(cell.textContent), 0)));
  for (const sum of sums) assert.ok(Math.abs(sum - 100) <= 6, `a row's percentages add up to about 100: ${sum}`);
  await page.waitForSelector('attention-quiz form');
  // Its scripts are the bundle alone; the files it fetched are the ones copied beside it.
  const scripts = fetched.filter((path) => path.endsWith('.js') || path.endsWith('.mjs'));
  assert.deepEqual(scripts.filter((path) => !path.startsWith('/public/')), []);
  for (const needed of ['/public/app.js', '/public/attention-lens/generated/attention_engine.mjs', '/public/attention-lens/model/attention_lens_model.bin', '/public/attention-lens/styles/attention-lens.css']) {
    assert.ok(fetched.includes(needed), `${needed} was fetched: ${fetched}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('bundled without the meta tag, the element says it could not load its files', async () => {
  const page = await lab.browser.newPage();
  await page.goto(`${lab.server.url}public/no-root.html`);
  await page.waitForFunction(() => document.querySelector('attention-lens')?.shadowRoot?.querySelector('.error'), null, { timeout: 30_000 });
  assert.ok(await page.$('attention-lens button.retry, attention-lens .error button'), 'a Retry button is offered');
  await page.close();
});
