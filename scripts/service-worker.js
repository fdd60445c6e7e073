// SeqLab's service worker: the app keeps working without a network after the first visit.
// scripts/make-sw.mjs writes it into dist/sw.js at build time, replacing MANIFEST below with every
// built file, its SHA-256 and a version made of all of them — so a new deploy is a new sw.js, the
// browser installs it, and the old cache is deleted. Registered by the page (src/ui/offline.rs)
// next to index.html, so its scope is the app's folder (`/` or a sub-path) and nothing above it.
//
// Strategy:
// - install: download every file of the manifest (bypassing the HTTP cache, checked against its
//   hash) into a cache named after the scope and the version; a file that fails makes the install
//   fail, so a half-updated deployment is never cached (the old version stays in use).
// - files whose name carries Trunk's content hash (seqlab-<hash>.js, …_bg.wasm, main-<hash>.css)
//   never change: cache first.
// - everything else (the page, 404.html, worker.js, worker_bg.wasm, data/*.gz): network first, so an
//   online visit always gets the newest deployment and the page matches its worker; the cache
//   answers only when the network does not.
// - a navigation inside the scope that the network cannot answer gets the cached index.html (the
//   app's root) or 404.html (every other address: it finds the app's root itself, drops trailing
//   slashes and climbs out of deep addresses, as on a static host).
'use strict';

const MANIFEST = /* MANIFEST */ { version: 'unbuilt', files: [] };

const SCOPE = self.registration.scope;
const CACHE_PREFIX = `seqlab ${SCOPE} `;
const CACHE = CACHE_PREFIX + MANIFEST.version;
const FILES = new Map(MANIFEST.files.map(([path, integrity]) => [path, integrity]));
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

/** The path of `url` inside the scope ('' for the root), or null outside it. */
function inScope(url) {
  return url.startsWith(SCOPE) ? url.slice(SCOPE.length).split(/[?#]/)[0] : null;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        await Promise.all(
          MANIFEST.files.map(async ([path, integrity]) => {
            const url = new URL(path, SCOPE).href;
            const response = await fetch(new Request(url, { cache: 'reload', integrity }));
            if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
            await cache.put(url, response);
          }),
        );
      } catch (error) {
        await caches.delete(CACHE);
        throw error;
      }
      // The new version takes over at once: an online page already runs the newest files (network
      // first), and the cache is complete.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

async function fromCache(path) {
  const cache = await caches.open(CACHE);
  return cache.match(new URL(path, SCOPE).href);
}

async function cacheFirst(request, path) {
  return (await fromCache(path)) ?? fetch(request);
}

async function networkFirst(request, path) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await fromCache(path);
    if (cached) return cached;
    throw error;
  }
}

async function navigate(request, path) {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = path === '' || path === 'index.html' ? 'index.html' : '404.html';
    const cached = await fromCache(shell);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const path = inScope(request.url);
  if (path === null) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request, path));
  } else if (FILES.has(path)) {
    event.respondWith(HASHED.test(path) ? cacheFirst(request, path) : networkFirst(request, path));
  }
  // Anything else (an address the 404 page tries while climbing, a file the app does not ship)
  // goes to the network untouched.
});
