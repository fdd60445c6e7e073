// A plain static file server that behaves like GitHub Pages: files as they are (text and wasm
// gzip-compressed for a browser that accepts it, as Pages does), `index.html` for a folder, and
// `404.html` (with status 404) for anything missing. It serves one build at the root
// and again under a sub-path, so the tests cover both deployments. For the offline tests it can
// go away (`setOffline`: it stops listening, so every connection is refused, as with no
// network), refuse some files (`block`) and serve a file changed (`rewrite`, a new deploy).
import { once } from 'node:events';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
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

/** Types a static host compresses (already compressed data is sent as it is). */
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.csv', '.svg']);

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
 * Resolves to { origin, close(), setOffline(on), block(pattern), rewrite(file, change) }.
 */
export async function startServer(root, prefixes = ['/'], port = 0) {
  root = normalize(root);
  let blocked = null;
  const rewrites = new Map();
  const sockets = new Set();
  // Compressed bodies by file (a file of the build does not change while it is served).
  const gzipped = new Map();
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (blocked && blocked.test(path)) {
      request.socket.destroy();
      return;
    }
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
    let body = await readFile(file);
    const change = rewrites.get(file);
    if (change) body = Buffer.from(change(body.toString('utf8')));
    const headers = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    };
    if (COMPRESSED.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      if (change) {
        body = gzipSync(body);
      } else {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(body));
        body = gzipped.get(file);
      }
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    response.writeHead(status, headers);
    response.end(body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  port = server.address().port;
  const origin = `http://127.0.0.1:${port}`;
  let offline = false;
  return {
    origin,
    close: () => new Promise((resolve) => server.close(resolve)),
    /** Stops answering (every connection refused, open ones cut) or starts again on the same port. */
    async setOffline(on) {
      if (on === offline) return;
      offline = on;
      if (on) {
        const closed = once(server, 'close');
        server.close();
        for (const socket of sockets) socket.destroy();
        await closed;
      } else {
        await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
      }
    },
    /** Cuts the connection of every request whose path matches `pattern` (null: none). */
    block(pattern) {
      blocked = pattern;
    },
    /** Serves the build's `file` (relative to the root) through `change(text)`; null undoes it. */
    rewrite(file, change) {
      const path = normalize(join(root, file));
      if (change) rewrites.set(path, change);
      else rewrites.delete(path);
    },
  };
}
