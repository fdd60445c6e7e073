// A plain static file server that behaves like GitHub Pages: files as they are, `index.html` for a
// folder, and `404.html` (with status 404) for anything missing. It serves one build at the root
// and again under a sub-path, so the tests cover both deployments.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gz': 'application/gzip',
};

async function fileAt(root, relative) {
  const path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fileAt(root, join(relative, 'index.html'));
    return path;
  } catch {
    return null;
  }
}

/**
 * Serves `root` at every prefix in `prefixes` (each starting and ending with '/') on 127.0.0.1.
 * Resolves to { origin, close() }.
 */
export async function startServer(root, prefixes = ['/'], port = 0) {
  root = normalize(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const prefix = prefixes
      .filter((p) => path === p.slice(0, -1) || path.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix && path === prefix.slice(0, -1)) {
      response.writeHead(301, { Location: prefix });
      return response.end();
    }
    let status = 200;
    let file = prefix ? await fileAt(root, path.slice(prefix.length)) : null;
    if (!file) {
      status = 404;
      file = await fileAt(root, '404.html');
    }
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      return response.end('not found');
    }
    const body = await readFile(file);
    response.writeHead(status, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((resolve) => server.close(resolve)) };
}
