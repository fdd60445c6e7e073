// Trunk post-build hook. Trunk runs the hooks of one stage at the same time, so the steps that
// depend on each other run from here in order: 404.html first (scripts/make-404.mjs), then the
// service worker (scripts/make-sw.mjs), whose precache list and version cover every file of the
// build, 404.html included.
import { writeServiceWorker } from './make-sw.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by trunk (TRUNK_STAGING_DIR is not set)');
await import('./make-404.mjs');
const version = writeServiceWorker(staging);
console.log(`post-build: 404.html and sw.js (version ${version}) written`);
