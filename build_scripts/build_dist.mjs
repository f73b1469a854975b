// `npm run build`: the WebAssembly build, then dist/ — a self-contained folder (HTML, JS, wasm,
// CSS, weights) with relative URLs only, that works from any static host and any sub-path.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
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

const sizeOf = (path) => (statSync(path).isDirectory()
  ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0)
  : statSync(path).size);
console.log(`dist/ written: ${(sizeOf(dist) / 1024).toFixed(0)} KB in ${SHIPPED.length} entries; serve it from any folder.`);
