// A small static file server on 127.0.0.1, shared by `npm start`, the browser tests and the
// benchmark. Serves files below `root` only, with the MIME types a browser needs for ES
// modules and WebAssembly (application/wasm enables streaming compilation), and the validators
// (ETag, Last-Modified) that let a reload revalidate instead of fetching everything again.
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
      // As any web server does for a static file: validators, so that a page loaded again asks
      // "changed?" and gets a bodiless 304 when not. no-cache makes the browser ask every time,
      // so an edited file is never served stale.
      // (A copy that arrived with a wrong Content-Type stays wrong after a 304 in Chromium: the
      // loading test that fakes one strips these validators from it.)
      const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const fileHeaders = {
        'Content-Type': MIME_TYPES[extname(filePath)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        ETag: etag,
        'Last-Modified': info.mtime.toUTCString(),
      };
      if (request.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
        response.writeHead(304, { ...fileHeaders, ...headers }).end();
        return;
      }
      response.writeHead(200, { ...fileHeaders, 'Content-Length': info.size, ...headers });
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
