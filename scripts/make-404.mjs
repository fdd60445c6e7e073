// Trunk post-build hook: writes 404.html, the page static hosts answer unknown addresses with.
// It is index.html whose head, after <base>, is written by scripts/not-found-boot.js once that has
// pointed <base> at the app's root: a static tag with a relative URL would be fetched by the
// browser's preload scanner against the wrong folder first (/pwm/ → /pwm/seqlab-….js, a 404).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by trunk (TRUNK_STAGING_DIR is not set)');
const index = readFileSync(join(staging, 'index.html'), 'utf8');
const base = index.match(/<base [^>]*>/);
const end = index.indexOf('</head>');
if (!base || end < base.index) throw new Error('index.html has no <base> before </head>');
const afterBase = base.index + base[0].length;
const head = index.slice(afterBase, end);
const boot = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'not-found-boot.js'), 'utf8');
// The head as a JS string that cannot close the inline script.
const written = JSON.stringify(head).replace(/</g, '\\u003c');
const page =
  index.slice(0, afterBase) +
  `\n<script>\n${boot}document.write(${written});\n</script>\n` +
  index.slice(end);
writeFileSync(join(staging, '404.html'), page);
