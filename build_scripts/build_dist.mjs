// `npm run build`: the WebAssembly build, then dist/ — a self-contained folder (HTML, JS, wasm,
// CSS, weights) with relative URLs only, that works from any static host and any sub-path.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'web');
const dist = join(root, 'dist');

execFileSync('bash', [join(root, 'build_scripts', 'build_wasm.sh')], { stdio: 'inherit' });

// What a page needs, and nothing else (no tests, no sources of the engine).
const SHIPPED = ['index.html', 'embed.html', 'favicon.svg', 'attention-lens.js', 'attention-lens.d.ts', 'attention-quiz.js',
  'src', 'styles', 'generated', 'model'];
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
for (const entry of SHIPPED) cpSync(join(web, entry), join(dist, entry), { recursive: true });

// dist/ is also the npm package: what a bundler or a plain import needs to find its parts.
const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packageJson = {
  name: project.name,
  version: project.version,
  description: project.description,
  license: project.license,
  type: 'module',
  main: './attention-lens.js',
  types: './attention-lens.d.ts',
  exports: {
    '.': { types: './attention-lens.d.ts', default: './attention-lens.js' },
    './quiz': './attention-quiz.js',
    './engine': './src/engine.js',
    './embed.html': './embed.html',
    './package.json': './package.json',
  },
  files: SHIPPED,
  sideEffects: ['./attention-lens.js', './attention-quiz.js'],
  keywords: ['attention', 'transformer', 'teaching', 'web-component', 'webassembly'],
};
writeFileSync(join(dist, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);

const sizeOf = (path) => (statSync(path).isDirectory()
  ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0)
  : statSync(path).size);
console.log(`dist/ written: ${(sizeOf(dist) / 1024).toFixed(0)} KB in ${SHIPPED.length} entries; serve it from any folder.`);
