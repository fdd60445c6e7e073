// End-to-end tests: serves the release build in dist/ with a plain static server (at the root
// and under /sub/seqlab/) and runs the scenarios in headless Chromium and headless Firefox (the
// course scenario also takes the server offline).
// Screenshots land in tests/e2e/artifacts/<browser>/. Usage: node tests/e2e/run.mjs [chromium|firefox]
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { courseScenario } from './course.mjs';
import { chromium, firefox } from './drivers.mjs';
import { bioreactorScenario } from './bioreactor.mjs';
import { expressionScenario } from './expression.mjs';
import { hostileScenario } from './hostile.mjs';
import { labScenario } from './lab.mjs';
import { lessonsScenario } from './lessons.mjs';
import { overfittingScenario } from './overfitting.mjs';
import { proteinScenario } from './protein.mjs';
import { DEEP_MISSING, panicScenario, scenario } from './scenario.mjs';
import { startServer } from './server.mjs';
import { theoryScenario } from './theory.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '../../dist');
const SUB = '/sub/seqlab/';

/** Console errors that are not the app's fault. */
function unexpectedErrors(errors) {
  return errors.filter(({ text, url }) => {
    // A deep link is answered by 404.html with status 404, as on GitHub Pages; Chromium logs it.
    const documentNotFound = /status of 404/.test(text) && !/\.(js|wasm|css)$/.test(url);
    // 404.html's boot script finds the root of a deep address by failing to load one level down.
    const climbing = `${url} ${text}`.includes(`/${DEEP_MISSING.split('/')[0]}/`);
    return !documentNotFound && !climbing;
  });
}

/** `E2E_ONLY=lab,expression` runs only those scenarios (for a quick look while working; CI runs
 * all of them and the checks that need every page). */
const only = process.env.E2E_ONLY ? process.env.E2E_ONLY.split(',') : null;
const wants = (name) => !only || only.includes(name);

async function runIn(launch, server) {
  const { origin } = server;
  const browser = await launch();
  const shots = join(here, 'artifacts', browser.name);
  await rm(shots, { recursive: true, force: true });
  await mkdir(shots, { recursive: true });
  try {
    const named = [
      ['theory', theoryScenario, 'theory lessons'],
      ['lessons', lessonsScenario, 'lesson feedback'],
      ['overfitting', overfittingScenario, 'overfitting'],
      ['lab', labScenario, 'motif lab'],
      ['expression', expressionScenario, 'expression lab'],
      ['protein', proteinScenario, 'protein lab'],
      ['bioreactor', bioreactorScenario, 'bioreactor lab'],
      ['hostile', hostileScenario, 'hostile input'],
      ['course', courseScenario, 'course (offline, pager, progress, phone navigation)'],
    ];
    if (wants('basics')) await scenario(browser, { base: origin + SUB, root: origin + '/', shots });
    for (const [name, run, title] of named) {
      if (!wants(name)) continue;
      const report = await run(browser, { base: origin + SUB, root: origin + '/', server, shots });
      console.log(`  ${browser.name} ${title}: ${JSON.stringify(report)}`);
    }
    assert.deepEqual(unexpectedErrors(browser.log.errors), [], `${browser.name}: console errors`);
    const foreign = browser.log.requests.filter((url) => {
      const { protocol, origin: o } = new URL(url);
      return !['data:', 'blob:'].includes(protocol) && o !== origin;
    });
    assert.deepEqual(foreign, [], `${browser.name}: requests to other origins`);
    assert.ok(browser.log.requests.some((url) => url.endsWith('_bg.wasm')), 'requests are being recorded');
    console.log(`  ✓ ${browser.name}: no console errors, no request to another origin (${browser.log.requests.length} requests)`);
    if (only) return;
    await panicScenario(browser, { base: origin + SUB, shots });
  } finally {
    await browser.close();
  }
}

if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, '404.html'))) {
  console.error('dist/index.html and dist/404.html are missing: run `trunk build --release` first');
  process.exit(1);
}
const server = await startServer(dist, ['/', SUB]);
const wanted = process.argv[2];
const browsers = { chromium, firefox };
let failed = false;
try {
  for (const [name, launch] of Object.entries(browsers)) {
    if (wanted && wanted !== name) continue;
    const started = Date.now();
    console.log(`e2e in ${name} against ${server.origin}`);
    try {
      await runIn(launch, server);
      console.log(`e2e ${name}: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      failed = true;
      console.error(`e2e ${name}: FAILED\n${error.stack ?? error}`);
    }
  }
} finally {
  await server.close();
}
process.exit(failed ? 1 : 0);
