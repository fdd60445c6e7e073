// End-to-end test of the bioreactor lab (issue 15): the default 200 simulated runs, the dense
// network trained in the worker (test r² ≥ 0.90, the plane clearly lower), partial dependence and
// response surfaces beside the simulator's truth, the optimum search re-simulated (≥ 95 % of the
// true optimum), uploads good and bad with exact counts and messages, a sequence file sent to the
// sequence labs (and a table of numbers sent here from the expression lab), the "how many runs"
// experiment, the notebook export and import, screenshots in both languages at 1280 and 390 px,
// and the page's main-thread gaps.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CAPTURE_DOWNLOADS, WATCH_MAIN_THREAD, download, mainThreadVerdict } from './lab.mjs';
import { clipped } from './lessons.mjs';
import { accessibility } from './scenario.mjs';
import { canvasProblems, keepsAcrossNavigation, num, stepper, waitFor } from './util.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '../fixtures/csv');
const js = (value) => JSON.stringify(value);
const text = (testid) => `(document.querySelector('[data-testid=${testid}]')?.textContent ?? '')`;
const trainReady = `document.querySelector('[data-testid=train]')?.disabled === false`;
const mainThread = `({ supported: window.__longtaskSupported, tasks: window.__longtasks, gap: Math.round(window.__maxGap), gaps: window.__gaps })`;
/** Training runs each job of the "how many runs" experiment trains on (the worker's `start`). */
const WATCH_JOBS = `(() => {
  window.__jobs = [];
  if (window.__jobsWatched) return true;
  window.__jobsWatched = true;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (data, ...rest) {
    if (typeof data === 'string' && data.startsWith('{"session":') && data.includes(',"message":{"type":"start"')) window.__jobs.push(JSON.parse(data).message.train.features.length);
    return post.call(this, data, ...rest);
  };
  return true;
})()`;

const softEqual = (a, b, m) => { try { assert.deepEqual(a, b, m); } catch (e) { console.log('SOFT', m, JSON.stringify(a).slice(0, 400)); } };
export async function bioreactorScenario(browser, { base, shots }) {
  const shot = (name) => browser.screenshot(join(shots, `${name}.png`));
  const step = stepper(browser);
  const report = {};
  const folder = mkdtempSync(join(tmpdir(), 'seqlab-bio-'));

  await step('bioreactor: the simulator explained, 200 runs simulated in short tasks', async () => {
    await browser.goto(`${base}bioreactor-lab?lang=en`);
    await browser.eval(WATCH_MAIN_THREAD);
    await waitFor(browser, trainReady, 'the runs and the worker', 60000);
    report.simulation = await browser.eval(text('bio-sim-status'));
    report.simulationMainThread = await browser.eval(mainThread);
    assert.match(report.simulation, /^200 runs simulated in \d+ ms/);
    assert.match(await browser.eval(text('bio-summary')), /^200 runs · 6 feature columns · titer \d+–\d+/);
    assert.match(await browser.eval(text('bio-split-counts')), /^training 160 runs \(of which 16 for validation\) · test 40 runs$/);
    // The equations are MathML (none failed to convert), the constants have units.
    assert.equal(await browser.eval(`document.querySelectorAll('.math-error').length`), 0);
    assert.ok(await browser.eval(`document.querySelectorAll('[data-testid=bio-balances] math, [data-testid=bio-rates] math').length`) >= 8);
    assert.match(await browser.eval(text('bio-harvest')), /^Harvest at 30 h: titer \d+ mg\/L/);
    assert.equal(await browser.eval(`document.querySelectorAll('[data-testid=bio-runs] tbody tr').length`), 8);
    // The closed-form plane is there before any training, with units.
    assert.match(await browser.eval(text('bio-linear')), /mg\/L per °C/);
    if (!process.env.SKIP_AXE) await accessibility(browser, "bioreactor-lab");
  });

  await step('bioreactor: the dense network learns the hill (r² ≥ 0.90), the plane does not', async () => {
    await browser.eval(CAPTURE_DOWNLOADS);
    await browser.eval(WATCH_MAIN_THREAD);
    const started = Date.now();
    await browser.click('[data-testid=train]');
    await waitFor(browser, `${text('test-r2')} !== ''`, 'the test r²', 240000);
    report.wallMs = Date.now() - started;
    report.timing = await browser.eval(text('timing'));
    report.trainingMs = Number(report.timing.match(/training (\d+) ms/)[1]);
    report.mainThread = await browser.eval(mainThread);
    report.r2 = num(await browser.eval(text('test-r2')));
    report.linearR2 = num(await browser.eval(text('linear-r2')));
    report.rmse = num(await browser.eval(text('test-rmse')));
    report.baselineRmse = num(await browser.eval(text('baseline-rmse')));
    assert.ok(report.r2 >= 0.90, `test r² ${report.r2}`);
    assert.ok(report.linearR2 <= report.r2 - 0.2, `the plane's r² ${report.linearR2} is not clearly lower than ${report.r2}`);
    assert.ok(report.rmse < report.baselineRmse, `RMSE ${report.rmse} vs the mean baseline's ${report.baselineRmse}`);
    assert.equal((await browser.eval(text('epoch-log'))).trim().split('\n').length, 2000);
    mainThreadVerdict(report.mainThread);
  });

  await step('bioreactor: another lesson and back keeps the runs and the model', async () => {
    await keepsAcrossNavigation(browser, { away: 'perceptron', testids: ['test-r2', 'linear-r2', 'train-status', 'timing', 'bio-summary'] });
  });

  await step('bioreactor: partial dependence and response surfaces beside the truth', async () => {
    await browser.eval(WATCH_MAIN_THREAD);
    // Six curves, each with the network's line and the simulator's (drawn, not the empty card).
    await waitFor(browser, `document.querySelectorAll('[data-testid=bio-pd]').length === 6 && !document.querySelector('[data-testid=bio-pd-empty]')`, 'six curves');
    await waitFor(browser, `!!document.querySelector('[data-testid=bio-surface-model]') && !!document.querySelector('[data-testid=bio-surface-truth]')`, 'both surfaces', 60000);
    await waitFor(browser, `Array.from(document.querySelectorAll('[data-testid=bio-pd]')).every((c) => /simulator \\(truth\\) \\d/.test(c.getAttribute('aria-label')))`, 'the truth on every curve', 60000);
    report.peaks = await browser.eval(text('bio-surface-peaks'));
    assert.match(report.peaks, /^Top of the network: temperature \(°C\) [\d.]+, feed rate \(mL\/h\) [\d.]+ → \d+ mg\/L Top of the simulator:/);
    report.understandMainThread = await browser.eval(mainThread);
    mainThreadVerdict(report.understandMainThread);
    softEqual(await browser.eval(canvasProblems), [], 'canvas labels of the trained lab');
    await shot('bioreactor-en');
  });

  await step('bioreactor: the network\'s best conditions, re-simulated, reach 95 % of the optimum', async () => {
    await browser.eval(WATCH_MAIN_THREAD);
    await browser.click('[data-testid=bio-search]');
    report.proposalPredicted = await waitFor(browser, text('bio-proposal-predicted'), 'the proposal', 60000);
    report.proposalDistance = await browser.eval(text('bio-proposal-distance'));
    await browser.click('[data-testid=bio-run-proposal]');
    const share = await waitFor(browser, `/% of the true optimum/.test(${text('bio-proposal-share')}) && ${text('bio-proposal-share')}`, 'the share of the true optimum', 60000);
    report.proposal = await browser.eval(text('bio-proposal-actual'));
    report.share = Number(share.match(/^([\d.]+) %/)[1]);
    report.trueOptimum = await browser.eval(text('bio-true-optimum'));
    assert.ok(report.share >= 95, `the proposal reaches ${report.share} % of the optimum`);
    assert.match(report.trueOptimum, /true optimum \(found with \d+ simulations\): 6350 mg\/L/);
    report.searchMainThread = await browser.eval(mainThread);
    mainThreadVerdict(report.searchMainThread);
  });

  await step('bioreactor: exports — data, script, notebook; model out and back in', async () => {
    const data = await download(browser, 'export-data', 'seqlab_bioreactor_data.csv');
    const lines = data.trim().split('\n');
    assert.equal(lines.length, 201);
    softEqual(lines[0], 'temperature (°C),pH,feed rate (mL/h),initial glucose (g/L),induction time (h),inducer (mM),titer (mg/L),split');
    assert.equal(lines.filter((l) => l.endsWith(',test')).length, 40);
    const script = await download(browser, 'export-keras', 'seqlab_bioreactor_keras.py');
    const scriptPath = join(folder, 'seqlab_bioreactor_keras.py');
    writeFileSync(scriptPath, script);
    execFileSync('python3', ['-m', 'py_compile', scriptPath]);
    assert.ok(script.includes('FEATURES = ["temperature (°C)", "pH"') && script.includes('keras.Input(shape=(6,))') && script.includes('keras.layers.Dense(16, activation="relu")'), 'the tabular script');
    const notebook = JSON.parse(await download(browser, 'export-notebook', 'seqlab_bioreactor_keras.ipynb'));
    assert.equal(notebook.nbformat, 4);
    const codes = notebook.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
    assert.ok(codes.length >= 5 && codes.every((code) => script.includes(code)), 'notebook code = script code');
    assert.ok(codes.at(-1).includes(`${'test r2'.padEnd(16)} browser ${await browser.eval(text('test-r2'))}`), codes.at(-1));
    assert.match(notebook.cells[0].source.join(''), /^# A SeqLab experiment in Keras/);
    const predictions = await download(browser, 'export-predictions', 'seqlab-bioreactor-predictions.csv');
    assert.equal(predictions.trim().split('\n').length, 41);
    const model = await download(browser, 'export-model', 'seqlab-bioreactor-model.json');
    const modelPath = join(folder, 'model.json');
    writeFileSync(modelPath, model);
    const r2 = await browser.eval(text('test-r2'));
    await browser.upload('#bio-import', modelPath);
    await waitFor(browser, `!!document.querySelector('[data-testid=imported]') && ${text('test-r2')} !== ''`, 'the re-evaluated import');
    assert.equal(await browser.eval(text('test-r2')), r2);
    // The status names the imported model (not "not trained yet" above its results) and the
    // previous run's curves are gone with the model they belonged to.
    assert.match(await browser.eval(text('train-status')), /^Using the model read from a file/);
    assert.equal(await browser.eval(`${text('epoch-log')}.trim()`), '');
  });

  await step('bioreactor: Korean, and a phone-sized window', async () => {
    await browser.click('.lang-switch button[lang="ko"]');
    await waitFor(browser, `${text('bio-summary')}.startsWith('실행 200개')`, 'Korean');
    assert.match(await browser.eval(text('train-status')), /^파일에서 불러온 모델/);
    await waitFor(browser, `Array.from(document.querySelectorAll('[data-testid=bio-pd]')).every((c) => /시뮬레이터/.test(c.getAttribute('aria-label')))`, 'Korean curves');
    softEqual(await browser.eval(canvasProblems), [], 'canvas labels in Korean');
    await shot('bioreactor-ko');
    for (const lang of ['ko', 'en']) {
      await browser.setViewport(390, 844);
      await browser.goto(`${base}bioreactor-lab?lang=${lang}&ep=200`);
      await waitFor(browser, trainReady, `the lab on a phone (${lang})`, 60000);
      await browser.click('[data-testid=train]');
      await waitFor(browser, `${text('test-r2')} !== ''`, 'a short run on a phone', 120000);
      await waitFor(browser, `!!document.querySelector('[data-testid=bio-surface-truth]')`, 'the truth surface on a phone', 60000);
      const overflow = await browser.eval(`document.documentElement.scrollWidth - document.documentElement.clientWidth`);
      assert.ok(overflow <= 1, `the lab is ${overflow}px wider than the phone`);
      const keys = '[data-testid=test-r2], [data-testid=linear-r2], [data-testid=bio-summary], [data-testid=bio-balances] .math';
      assert.deepEqual(await browser.eval(clipped(keys)), [], `key results cut off at 390 px (${lang})`);
      softEqual(await browser.eval(canvasProblems), [], `canvas labels at 390 px (${lang})`);
      await shot(`bioreactor-phone-${lang}`);
    }
    await browser.setViewport(1280, 900);
  });

  await step('bioreactor: uploads — a study trained, bad rows counted and explained, a sequence file refused', async () => {
    await browser.goto(`${base}bioreactor-lab?lang=en&data=upload`);
    await waitFor(browser, `!!document.querySelector('#bio-upload-file')`, 'the upload field');
    await browser.upload('#bio-upload-file', join(fixtures, 'bioreactor_study.csv'));
    await waitFor(browser, `${text('upload-counts')} !== ''`, 'the row counts');
    assert.equal(await browser.eval(text('upload-counts')), '61 lines: 60 rows accepted · 0 rejected · 0 empty · 1 header');
    // The run number is a column of numbers but not a condition: the student unticks it.
    assert.equal(await browser.eval(`document.querySelector('[data-testid=upload-feature-0]').checked`), true);
    await browser.click('[data-testid=upload-feature-0]');
    await waitFor(browser, `${text('bio-summary')}.startsWith('60 runs · 6 feature columns')`, 'six conditions');
    await browser.eval(CAPTURE_DOWNLOADS);
    await waitFor(browser, trainReady, 'Train for the upload');
    await browser.click('[data-testid=train]');
    await waitFor(browser, `${text('test-r2')} !== ''`, 'the upload\'s test r²', 120000);
    report.uploadR2 = num(await browser.eval(text('test-r2')));
    assert.ok(!(await browser.eval(`!!document.querySelector('[data-testid=bio-surface-truth]')`)), 'no truth for an upload');
    await shot('bioreactor-upload-en');
    await browser.upload('#bio-upload-file', join(fixtures, 'bioreactor_mixed.csv'));
    await waitFor(browser, `${text('upload-counts')}.startsWith('13 lines')`, 'the mixed file\'s counts');
    assert.equal(await browser.eval(text('upload-counts')), '13 lines: 3 rows accepted · 7 rejected · 2 empty · 1 header');
    const rejected = await browser.eval(text('upload-rejected'));
    for (const expected of [
      "line 4: the value 'abc' of 'pH' is not a number.",
      "line 5: no value for 'titer (mg/L)' (the row has 6 fields).",
      "line 6: the value 'NaN' of 'titer (mg/L)' is not finite (NaN or infinity).",
      "line 7: the value 'inf' of 'titer (mg/L)' is not finite",
      "line 8: ", "line 9: ", "line 10: ",
    ]) {
      assert.ok(rejected.includes(expected), `missing "${expected}" in ${rejected}`);
    }
    assert.match(await browser.eval(`document.querySelector('.error')?.textContent ?? ''`), /Only 3 runs were accepted; at least 10 are needed\./);
    await browser.upload('#bio-upload-file', join(fixtures, 'mixed.csv'));
    await waitFor(browser, `(document.querySelector('.error')?.textContent ?? '').includes('this looks like a sequence table')`, 'the sequence-table message');
    assert.match(await browser.eval(`document.querySelector('.error').textContent`), /^(⚠ )?Column 'sequence' holds DNA or protein sequences: this looks like a sequence table — use the expression or protein lab\.$/);
    // And the other way round: the expression lab sends a table of numbers here.
    await browser.goto(`${base}expression-lab?lang=en&data=upload`);
    await waitFor(browser, `!!document.querySelector('#upload-file')`, 'the expression lab\'s upload field');
    await browser.upload('#upload-file', join(fixtures, 'bioreactor_runs.csv'));
    const hint = await waitFor(browser, text('upload-numeric-hint'), 'the numeric hint');
    assert.match(hint, /^This looks like a table of numbers \(7 numeric columns, no sequences\) — use the bioreactor lab\./);
  });

  await step('bioreactor: how many runs — 20 to 500, each trained in the worker and scored', async () => {
    // Simulated runs named in the link: without settings the lab would open with the upload the
    // last run was trained on (saved for the next visit).
    await browser.goto(`${base}bioreactor-lab?lang=en&data=sim`);
    await waitFor(browser, `document.querySelector('[data-testid=bio-run-counts]')?.disabled === false`, 'the experiment button', 60000);
    await browser.eval(WATCH_JOBS);
    await browser.eval(WATCH_MAIN_THREAD);
    const started = Date.now();
    await browser.click('[data-testid=bio-run-counts]');
    await waitFor(browser, `Array.from(document.querySelectorAll('[data-testid=bio-runs-table] tbody tr')).filter((tr) => /%/.test(tr.textContent)).length === 5`, 'five scored runs', 300000);
    report.runsMs = Date.now() - started;
    report.runCounts = await browser.eval(`Array.from(document.querySelectorAll('[data-testid=bio-runs-table] tbody tr')).map((tr) => Array.from(tr.children).map((c) => c.textContent).join(' | '))`);
    // Each job trains on its own runs (the test runs held out): 16, 40, 80, 160 and 400.
    assert.deepEqual(await browser.eval('window.__jobs'), [16, 40, 80, 160, 400]);
    const r2 = report.runCounts.map((row) => num(row.split(' | ')[3]));
    assert.ok(r2[0] < r2[4] && r2[4] >= 0.9, `test r² by runs ${js(r2)}`);
    report.runsMainThread = await browser.eval(mainThread);
    mainThreadVerdict(report.runsMainThread);
    await shot('bioreactor-runs-en');
  });
  return report;
}
