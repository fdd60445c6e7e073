// End-to-end test of the motif lab (issue 5): the lecture defaults trained in the Web Worker, the
// accuracy and the learned motif read from the DOM, the in-browser wall time, main-thread
// responsiveness, Stop/Continue, export → import with identical predictions, and the Keras script
// compiled by Python.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clipped } from './lessons.mjs';
import { canvasProblems, keepsAcrossNavigation, stepper, waitFor } from './util.mjs';

const js = (value) => JSON.stringify(value);
const text = (testid) => `(document.querySelector('[data-testid=${testid}]')?.textContent ?? '')`;


/** Records every file the page offers for download: window.__files[name] = Blob. */
export const CAPTURE_DOWNLOADS = `(() => {
  if (window.__files) return true;
  window.__files = {};
  const blobs = new Map();
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob) => { const url = create(blob); blobs.set(url, blob); return url; };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download && blobs.has(this.href)) { window.__files[this.download] = blobs.get(this.href); return; }
    return click.call(this);
  };
  return true;
})()`;

/** Watches the main thread: long-task entries where supported (Chromium), and the largest gap
 * between 5 ms timer ticks (used where they are not: Firefox). */
export const WATCH_MAIN_THREAD = `(() => {
  window.__longtasks = [];
  window.__maxGap = 0;
  window.__longtaskSupported = (PerformanceObserver.supportedEntryTypes || []).includes('longtask');
  if (window.__longtaskSupported) {
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longtasks.push(Math.round(e.duration))))
      .observe({ type: 'longtask' });
  }
  // Gaps over 30 ms, with what the status line said when the thread came back (for the report).
  window.__gaps = [];
  const began = performance.now();
  let last = began;
  clearInterval(window.__gapTimer);
  window.__gapTimer = setInterval(() => {
    const now = performance.now();
    const gap = now - last;
    window.__maxGap = Math.max(window.__maxGap, gap);
    if (gap > 30 && window.__gaps.length < 20) {
      const status = document.querySelector('[data-testid=train-status]')?.textContent ?? '';
      window.__gaps.push(Math.round(gap) + ' ms at ' + Math.round(now - began) + ' ms: ' + status.slice(0, 60));
    }
    last = now;
  }, 5);
  return true;
})()`;

/** Keeps every `predict` message the page posts to a worker (parsed later, outside any timed
 * window: the page's own work is what is measured). */
export const WATCH_WORKER = `(() => {
  window.__predictRequests = [];
  if (window.__workerWatched) return true;
  window.__workerWatched = true;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (data, ...rest) {
    // Every message is addressed to a session: {"session":N,"message":{"type":…}}.
    if (typeof data === 'string' && data.startsWith('{"session":') && data.includes(',"message":{"type":"predict"')) window.__predictRequests.push(data);
    return post.call(this, data, ...rest);
  };
  return true;
})()`;

/** The predict requests since WATCH_WORKER: rows sent and whether a loss (test-set scoring) was. */
export const PREDICT_REQUESTS = `window.__predictRequests.map((t) => { const m = JSON.parse(t).message; return { rows: (m.rows.sequences ?? m.rows.variants ?? m.rows.features).length, scored: !!m.loss }; })`;

/** The longest main-thread stall the e2e accepts while training: a guard against work moving back
 * onto the page (a test set predicted there, a training loop, a synchronous upload parse: hundreds
 * of milliseconds to seconds), not a frame budget. Timed budgets are the benchmarks' job (the
 * guide's rule): on a loaded CI machine a single layout frame of the long lab pages has measured
 * 54 ms in Chromium and timer gaps of 67 ms (Firefox) and 125 ms (Chromium, with no long task at
 * all), while a laptop shows 25–40 ms. Every stall over 30 ms is printed in the scenario's report. */
export const STALL_GUARD_MS = 150;

/** No main-thread task near STALL_GUARD_MS while training (see WATCH_MAIN_THREAD). */
export function mainThreadVerdict(watch) {
  if (watch.supported) {
    // Chromium reports every task over 50 ms (with its rendering).
    const long = watch.tasks.filter((ms) => ms >= STALL_GUARD_MS);
    assert.deepEqual(long, [], `long tasks during training: ${js(watch.tasks)} ms`);
  } else {
    // Firefox has no long-task entries: the largest gap between 5 ms timer ticks bounds any task
    // (it also adds up back-to-back short tasks and paints, so it can only over-estimate).
    assert.ok(watch.gap < STALL_GUARD_MS, `the main thread stalled for ${watch.gap} ms`);
  }
}

export async function download(browser, testid, name) {
  await browser.click(`[data-testid=${testid}]`);
  return waitFor(browser, `window.__files[${js(name)}] ? window.__files[${js(name)}].text() : null`, `the file ${name}`);
}

export async function labScenario(browser, { base, shots }) {
  const shot = (name) => browser.screenshot(join(shots, `${name}.png`));
  const step = stepper(browser);
  const report = {};
  const folder = mkdtempSync(join(tmpdir(), 'seqlab-e2e-'));

  await step('lab: lecture defaults, shapes and the 312-parameter summary', async () => {
    await browser.goto(`${base}motif-lab?lang=en`);
    await waitFor(browser, `document.querySelector('[data-testid=train]')?.disabled === false`, 'the Train button');
    assert.match(await browser.eval(text('lab-shapes')), /X: \(2000, 20, 4\) · y: \(2000, 2\)/);
    assert.equal(await browser.eval(text('total-params')), '312');
    assert.match(await browser.eval(text('split-counts')), /1600/);
    // The lecture's scikit-learn split: 194 positives and 206 negatives in the test set.
    assert.match(await browser.eval(text('split-counts')), /400 \(194 \/ 206\)/);
    assert.match(await browser.eval(text('lecture-split')), /194 positives and 206 negatives/);
    // The examples mark the planted site of positives only (no empty highlight after a negative).
    const marks = await browser.eval(`Array.from(document.querySelectorAll('code.seq mark')).map((m) => m.textContent)`);
    assert.ok(marks.length > 0 && marks.every((m) => m.length === 6), JSON.stringify(marks));
  });

  await step('lab: train 20 epochs in the worker, fast, accurate, responsive', async () => {
    await browser.eval(CAPTURE_DOWNLOADS);
    await browser.eval(WATCH_WORKER);
    await browser.eval(WATCH_MAIN_THREAD);
    const started = Date.now();
    await browser.click('[data-testid=train]');
    await waitFor(browser, `${text('test-accuracy')} !== ''`, 'the test accuracy', 60000);
    report.wallMs = Date.now() - started;
    const timing = await browser.eval(text('timing'));
    const training = Number(timing.match(/training ([\d.]+) ms/)[1]);
    const simulation = Number((await browser.eval(text('lab-shapes'))).match(/([\d.]+) ms/)[1]);
    const evaluation = Number(await browser.eval(`${text('eval-ms')}.replace(/[^\\d.]/g, '')`));
    report.inAppMs = simulation + training + evaluation;
    report.samplesPerSecond = Number(timing.match(/([\d.]+) samples\/s/)[1]);
    assert.ok(report.inAppMs < 2000, `simulate + train + evaluate took ${report.inAppMs} ms`);
    report.accuracy = Number(await browser.eval(text('test-accuracy')));
    assert.ok(report.accuracy >= 0.92, `test accuracy ${report.accuracy}`);
    assert.equal((await browser.eval(text('epoch-log'))).trim().split('\n').length, 20);
    const best = await waitFor(browser, text('best-filter-text'), 'the best filter');
    // The main thread is judged over training, evaluation and the filters (as before mutagenesis).
    const watch = await browser.eval(`({ supported: window.__longtaskSupported, tasks: window.__longtasks, gap: Math.round(window.__maxGap), gaps: window.__gaps })`);
    report.mainThread = watch;
    mainThreadVerdict(watch);
    // The worker scored the 400 test rows (the page has no other way to predict them).
    report.predictRequests = await browser.eval(PREDICT_REQUESTS);
    assert.deepEqual(report.predictRequests.filter((r) => r.scored), [{ rows: 400, scored: true }]);
    const [, learned, planted, matches, of] = best.match(/consensus (\w+) \(\d+ letters\) lined up on the planted motif (\w+): (\d+) of (\d+) positions agree/) ?? [];
    report.bestFilter = best;
    assert.ok(Number(matches) >= 4 && Number(of) === 5 && learned.length === 5 && planted === 'CCGGAA', best);
    // The learned consensus is shown under the planted motif, letter by letter.
    const rows = await browser.eval(`Array.from(document.querySelectorAll('[data-testid=consensus-alignment] tr')).map(tr => Array.from(tr.querySelectorAll('td')).map(td => td.textContent).join(''))`);
    assert.equal(rows.length, 3, JSON.stringify(rows));
    assert.ok(rows[0].length === 6 && rows[1].split('|').length - 1 === Number(matches) && rows[2] === learned, JSON.stringify(rows));
    // Mutagenesis opens on a clear positive (the one the model is surest of).
    const ismScore = `Number((${text('ism-sequence')}.match(/positive score ([\\d.]+)/) ?? [0, 0])[1])`;
    await waitFor(browser, `${ismScore} >= 0.8`, 'mutagenesis on a clear positive', 10000).catch(() => {});
    const ism = await browser.eval(text('ism-sequence'));
    const [, sequence, label, score] = ism.match(/^([ACGT]+) \((positive|negative)\) · positive score ([\d.]+)/) ?? [];
    report.mutagenesis = ism;
    // Its planted site is there to see: CCGGAA (or TTCCGG) with at most one letter off.
    const near = (site) => [...Array(sequence.length - 5).keys()].some((i) => [...site].filter((c, k) => sequence[i + k] === c).length >= 5);
    assert.ok(label === 'positive' && Number(score) >= 0.8 && (near('CCGGAA') || near('TTCCGG')), ism);
    // Every chart of the trained lab (curves, logos, mutagenesis, score track) labelled legibly.
    assert.deepEqual(await browser.eval(canvasProblems), [], 'canvas labels of the trained lab');
    await shot('lab-en');
  });

  await step('lab: another lesson and back (Back button, lesson list) keeps the trained model', async () => {
    await keepsAcrossNavigation(browser, { away: 'pwm', testids: ['test-accuracy', 'train-status', 'epoch-log', 'best-filter-text'] });
  });

  await step('lab: a reload brings back the model, its curves and settings; Clear forgets them', async () => {
    // Settings that differ from the defaults, so the restored address is seen to carry them.
    await browser.goto(`${base}motif-lab?lang=en&ep=12&f=8`);
    await waitFor(browser, `document.querySelector('[data-testid=train]')?.disabled === false`, 'the Train button');
    await browser.click('[data-testid=train]');
    await waitFor(browser, `${text('test-accuracy')} !== ''`, 'the test accuracy', 60000);
    const read = () => browser.eval(`['test-accuracy', 'train-status', 'epoch-log', 'total-params'].map((id) => document.querySelector('[data-testid=' + id + ']')?.textContent ?? '')`);
    const before = await read();
    // A new visit that opens the lab without settings: they come back with the model.
    await browser.goto(`${base}motif-lab?lang=en`);
    await waitFor(browser, `!!document.querySelector('[data-testid=restored]') && ${text('test-accuracy')} !== ''`, 'the restored run', 30000);
    assert.match(await browser.eval('location.search'), /ep=12/);
    assert.match(await browser.eval('location.search'), /f=8/);
    assert.deepEqual(await read(), before);
    assert.match(await browser.eval(text('restored')), /^Restored from your last visit/);
    await browser.eval(`document.querySelector('[data-testid=restored]').scrollIntoView({ block: 'center' })`);
    await browser.screenshotWindow(join(shots, 'lab-restored-en.png'));
    await browser.click('.lang-switch button[lang="ko"]');
    await waitFor(browser, `${text('restored')}.startsWith('지난 방문에서')`, 'the Korean note');
    await browser.eval(`document.querySelector('[data-testid=restored]').scrollIntoView({ block: 'center' })`);
    await browser.screenshotWindow(join(shots, 'lab-restored-ko.png'));
    await browser.click('.lang-switch button[lang="en"]');
    // The worker of this visit does not hold those weights: Continue waits for a new run.
    assert.equal(await browser.eval(`document.querySelector('[data-testid=continue]').disabled`), true);
    await browser.click('[data-testid=forget-restored]');
    await waitFor(browser, `${text('train-status')}.startsWith('Not trained yet') && !document.querySelector('[data-testid=restored]')`, 'the cleared run');
    await browser.reload();
    await waitFor(browser, `document.querySelector('[data-testid=train]')?.disabled === false`, 'the Train button after the reload');
    assert.equal(await browser.eval(`!!document.querySelector('[data-testid=restored]')`), false, 'nothing restored after Clear');
  });

  await step('lab: a browser that refuses storage says "not saved", nothing else changes', async () => {
    await browser.goto(`${base}motif-lab?lang=en&ep=2&simulate-storage-failure`);
    await waitFor(browser, `document.querySelector('[data-testid=train]')?.disabled === false`, 'the Train button');
    await browser.click('[data-testid=train]');
    await waitFor(browser, `${text('test-accuracy')} !== '' && !!document.querySelector('[data-testid=not-saved]')`, 'the not-saved sentence', 60000);
    assert.match(await browser.eval(text('not-saved')), /^Not saved in this browser/);
    assert.match(await browser.eval(text('train-status')), /^All epochs finished/);
  });

  await step('lab: test accuracy over simulation seeds 0..4', async () => {
    report.accuracyBySeed = [report.accuracy];
    for (const seed of [1, 2, 3, 4]) {
      await browser.goto(`${base}motif-lab?lang=en&seed=${seed}`);
      await waitFor(browser, `document.querySelector('[data-testid=train]')?.disabled === false`, 'the Train button');
      await browser.click('[data-testid=train]');
      await waitFor(browser, `${text('test-accuracy')} !== ''`, 'the test accuracy', 60000);
      report.accuracyBySeed.push(Number(await browser.eval(text('test-accuracy'))));
    }
    const sorted = [...report.accuracyBySeed].sort();
    report.medianAccuracy = sorted[2];
    assert.ok(report.medianAccuracy >= 0.92, `median ${report.medianAccuracy}`);
    await browser.goto(`${base}motif-lab?lang=en`);
    await waitFor(browser, `document.querySelector('[data-testid=train]')?.disabled === false`, 'the Train button');
    await browser.eval(CAPTURE_DOWNLOADS);
    await browser.click('[data-testid=train]');
    await waitFor(browser, `${text('test-accuracy')} !== ''`, 'the test accuracy', 60000);
  });

  await step('lab: export → import gives the same predictions; the Keras script compiles', async () => {
    const predictions = await download(browser, 'export-predictions', 'seqlab-motif-predictions.csv');
    assert.equal(predictions.trim().split('\n').length, 401);
    const model = await download(browser, 'export-model', 'seqlab-motif-model.json');
    const modelPath = join(folder, 'model.json');
    writeFileSync(modelPath, model);
    const script = await download(browser, 'export-keras', 'seqlab_motif_keras.py');
    const scriptPath = join(folder, 'seqlab_motif_keras.py');
    writeFileSync(scriptPath, script);
    execFileSync('python3', ['-m', 'py_compile', scriptPath]);
    const data = await download(browser, 'export-data', 'seqlab_motif_data.csv');
    assert.equal(data.trim().split('\n').length, 2001);
    // The notebook: nbformat 4, its code cells are the script's code, the browser's test accuracy
    // printed beside Keras's.
    const notebook = JSON.parse(await download(browser, 'export-notebook', 'seqlab_motif_keras.ipynb'));
    assert.equal(notebook.nbformat, 4);
    const codes = notebook.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
    assert.ok(codes.length >= 5 && codes.every((code) => script.includes(code)), 'notebook code = script code');
    assert.ok(codes.at(-1).includes(`browser ${await browser.eval(text('test-accuracy'))}`), codes.at(-1));
    assert.match(notebook.cells[0].source.join(''), /^# A SeqLab experiment in Keras/);
    for (const [testid, name] of [['export-history', 'seqlab-motif-history.csv'], ['export-filters', 'seqlab-motif-filters.meme']]) {
      assert.ok((await download(browser, testid, name)).length > 100, name);
    }
    const accuracy = await browser.eval(text('test-accuracy'));
    await browser.eval(`(window.__files = {}, true)`);
    await browser.upload('#lab-import', modelPath);
    // The imported model is evaluated again in short tasks: wait for its accuracy.
    await waitFor(browser, `!!document.querySelector('[data-testid=imported]') && ${text('test-accuracy')} !== ''`, 'the re-evaluated import');
    assert.equal(await browser.eval(text('test-accuracy')), accuracy);
    // The status names the imported model (not "not trained yet" above its results) and the
    // previous run's curves are gone with the model they belonged to.
    assert.match(await browser.eval(text('train-status')), /^Using the model read from a file/);
    assert.equal(await browser.eval(`${text('epoch-log')}.trim()`), '');
    assert.equal(await download(browser, 'export-predictions', 'seqlab-motif-predictions.csv'), predictions);
  });

  await step('lab: Stop takes effect within a batch, Continue resumes', async () => {
    // Typed and committed at once (a driver's clear() would commit an empty box first, which the
    // field refuses and puts the value in use back).
    await browser.eval(`(() => { const f = document.querySelector('#lab-epochs'); f.value = '300'; f.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`);
    await waitFor(browser, `location.search.includes('ep=300')`, 'epochs 300 in the URL');
    await browser.click('[data-testid=train]');
    await waitFor(browser, `${text('epoch-log')}.trim().split('\\n').filter(Boolean).length >= 2`, 'two epochs');
    await browser.click('[data-testid=stop]');
    await waitFor(browser, `${text('train-status')}.startsWith('Stopped')`, 'the stopped status');
    const lines = () => browser.eval(`${text('epoch-log')}.trim().split('\\n').filter(Boolean).length`);
    const stoppedAt = await lines();
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(await lines(), stoppedAt, 'no epoch after Stop');
    assert.ok(stoppedAt < 300);
    await browser.click('[data-testid=continue]');
    await waitFor(browser, `${text('epoch-log')}.trim().split('\\n').filter(Boolean).length > ${stoppedAt}`, 'more epochs after Continue');
    await browser.click('[data-testid=stop]');
    await waitFor(browser, `${text('train-status')}.startsWith('Stopped')`, 'stopped again');
  });

  await step('lab: Korean and phone-sized screenshots', async () => {
    await browser.click('.lang-switch button[lang="ko"]');
    await waitFor(browser, `${text('train-status')}.includes('멈춤')`, 'Korean status');
    await shot('lab-ko');
    await browser.setViewport(390, 844);
    await browser.goto(`${base}motif-lab?lang=ko`);
    await waitFor(browser, `document.querySelector('[data-testid=train]')?.disabled === false`, 'the lab on a phone');
    const overflow = await browser.eval(`document.documentElement.scrollWidth - document.documentElement.clientWidth`);
    assert.ok(overflow <= 1, `the lab is ${overflow}px wider than the phone`);
    await browser.click('[data-testid=train]');
    await waitFor(browser, `${text('test-accuracy')} !== ''`, 'the test accuracy on a phone', 60000);
    // The key numbers sit inside the screen, not behind a sideways scroll.
    const keys = '[data-testid=confusion-matrix] .count, [data-testid=test-accuracy], [data-testid=total-params], [data-testid=best-filter-text]';
    await waitFor(browser, `document.querySelectorAll(${JSON.stringify(keys)}).length >= 7`, 'the results on a phone');
    assert.deepEqual(await browser.eval(clipped(keys)), [], 'key results cut off at 390 px');
    assert.deepEqual(await browser.eval(canvasProblems), [], 'canvas labels of the trained lab at 390 px');
    await shot('lab-phone-ko');
    await browser.setViewport(1280, 900);
  });
  return report;
}
