// Used by the Trunk post-build hook (scripts/post-build.mjs, after make-404.mjs): writes sw.js, the
// service worker that keeps SeqLab working offline, from scripts/service-worker.js. Its precache
// list is every file in the build (the page, 404.html, the page's and the training worker's
// scripts and wasm, the CSS, data/*.gz), each with its SHA-256 as a subresource-integrity value,
// and its version is a hash of all of them: any change to any file is a new sw.js, which the
// browser installs in place of the old one and its cache. Never a hand-kept list.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The service worker's own file name (src/ui/offline.rs registers it). */
export const SW_FILE = 'sw.js';

/** Every file under `dir`, as paths relative to `root` with forward slashes, sorted. */
function filesUnder(dir, root = dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(path, root) : [relative(root, path).split(sep).join('/')];
    })
    .sort();
}

/** The manifest of the build in `dir`: { version, files: [[path, 'sha256-…'], …] }. */
export function manifestOf(dir) {
  const files = filesUnder(dir)
    .filter((path) => path !== SW_FILE && !path.endsWith('.map'))
    .map((path) => [path, 'sha256-' + createHash('sha256').update(readFileSync(join(dir, path))).digest('base64')]);
  const version = createHash('sha256')
    .update(files.map(([path, integrity]) => `${path} ${integrity}\n`).join(''))
    .digest('hex')
    .slice(0, 16);
  return { version, files };
}

/** sw.js for the build in `dir`. */
export function serviceWorkerFor(dir) {
  const template = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'service-worker.js'), 'utf8');
  const marker = /\/\* MANIFEST \*\/ \{[^\n]*\};/;
  if (!marker.test(template)) throw new Error('scripts/service-worker.js has no MANIFEST line');
  const manifest = manifestOf(dir);
  if (!manifest.files.some(([path]) => path === 'index.html')) throw new Error(`${dir} has no index.html`);
  return template.replace(marker, () => `${JSON.stringify(manifest)};`);
}

/** Writes sw.js into the build in `dir`; returns its manifest's version. */
export function writeServiceWorker(dir) {
  const sw = serviceWorkerFor(dir);
  writeFileSync(join(dir, SW_FILE), sw);
  return manifestOf(dir).version;
}
