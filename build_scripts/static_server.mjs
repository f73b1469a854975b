// A small static file server on 127.0.0.1, shared by `npm start`, the browser tests and the
// benchmark. Serves files below `root` only, with the MIME types a browser needs for ES
// modules and WebAssembly (application/wasm enables streaming compilation).
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Starts serving `root`. Resolves to { url, close() } once listening.
 * @param {object} options
 * @param {string} options.root folder to serve
 * @param {number} [options.port=0] 0 picks a free port
 * @param {Record<string,string>} [options.headers] extra headers on every response
 */
export function startStaticServer({ root, port = 0, headers = {} }) {
  const rootPath = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      const { pathname } = new URL(request.url, 'http://127.0.0.1');
      let filePath = normalize(join(rootPath, decodeURIComponent(pathname)));
      if (filePath !== rootPath && !filePath.startsWith(rootPath + sep)) {
        response.writeHead(403).end('Forbidden');
        return;
      }
      let info = await stat(filePath).catch(() => null);
      if (info?.isDirectory()) {
        filePath = join(filePath, 'index.html');
        info = await stat(filePath).catch(() => null);
      }
      if (!info?.isFile()) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      response.writeHead(200, {
        'Content-Type': MIME_TYPES[extname(filePath)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
        ...headers,
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(filePath).pipe(response);
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(String(error));
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actualPort } = server.address();
      resolvePromise({
        url: `http://127.0.0.1:${actualPort}/`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}
