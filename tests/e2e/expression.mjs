// End-to-end test of the expression lab (issue 6): the built-in real data trained with the default
// preset (test r² and wall time), the page's responsiveness while training, uploads good and bad,
// the learning curve, predictions, and export → import.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canvasProblems, keepsAcrossNavigation, stepper, waitFor } from './util.mjs';
import { CAPTURE_DOWNLOADS, PREDICT_REQUESTS, WATCH_MAIN_THREAD, WATCH_WORKER, download, mainThreadVerdict } from './lab.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '../fixtures/csv');
const text = (testid) => `(document.querySelector('[data-testid=${testid}]')?.textContent ?? '')`;
const trainReady = `document.querySelector('[data-testid=train]')?.disabled === false`;

export async function expressionScenario(browser, { base, shots }) {
  const shot = (name) => browser.screenshot(join(shots, `${name}.png`));
  const step = stepper(browser);
  const report = {};
  const folder = mkdtempSync(join(tmpdir(), 'seqlab-expr-'));

  await step('expression: real data, default preset, r² ≥ 0.55 within 90 s', async () => {
    // The lab opens on the real data (no `data=` in the link).
    await browser.goto(`${base}expression-lab?lang=en`);
    await waitFor(browser, trainReady, 'the real data and the worker', 60000);
    assert.ok(await browser.eval(`document.querySelectorAll('input[name="expr-source"]')[1]?.checked === true && !location.search.includes('data=')`), 'the real data is chosen by default');
    assert.match(await browser.eval(text('expr-summary')), /^15000 rows · length 50 nt/);
    assert.match(await browser.eval(text('expr-split-counts')), /training 12000 rows .*test 3000 rows/);
    await browser.eval(CAPTURE_DOWNLOADS);
    await browser.eval(WATCH_WORKER);
    await browser.eval(WATCH_MAIN_THREAD);
    const started = Date.now();
    await browser.click('[data-testid=train]');
    await waitFor(browser, `${text('test-r2')} !== ''`, 'the test r²', 120000);
    report.wallMs = Date.now() - started;
    report.r2 = Number(await browser.eval(text('test-r2')));
    report.pearson = Number(await browser.eval(text('test-pearson')));
    report.status = await browser.eval(text('train-status'));
    report.timing = await browser.eval(text('timing'));
    report.mainThread = await browser.eval(`({ supported: window.__longtaskSupported, tasks: window.__longtasks, gap: Math.round(window.__maxGap), gaps: window.__gaps })`);
    assert.ok(report.r2 >= 0.55, `test r² ${report.r2}`);
    // The mean baseline has its MAE, and the model beats it.
    report.mae = Number(await browser.eval(text('test-mae')));
    report.baselineMae = Number(await browser.eval(text('baseline-mae')));
    assert.ok(report.baselineMae > 0 && report.mae < report.baselineMae, `MAE ${report.mae} vs baseline ${report.baselineMae}`);
    assert.ok(report.wallMs < 90000, `training took ${report.wallMs} ms`);
    mainThreadVerdict(report.mainThread);
    // The worker predicted the 3,000 test rows.
    assert.ok((await browser.eval(PREDICT_REQUESTS)).some((r) => r.rows === 3000), 'the test set went to the worker');
    await waitFor(browser, `${text('expr-ism-sequence')}.includes('predicted')`, 'the mutagenesis map');
    await waitFor(browser, `!document.querySelector('[data-testid=expr-ism-heatmap-empty]')`, 'the mutagenesis map drawn, not its card');
    assert.deepEqual(await browser.eval(canvasProblems), [], 'canvas labels of the trained lab');
    await shot('expression-real-en');
  });

  await step('expression: another lesson and back keeps the 15,000-row run', async () => {
    await keepsAcrossNavigation(browser, { away: 'cnn', testids: ['test-r2', 'test-pearson', 'train-status', 'timing', 'epoch-log'] });
  });

  await step('expression: predictions, export → import', async () => {
    await browser.click('[data-testid=insert-examples]');
    await waitFor(browser, `document.querySelector('#expr-predict').value.split('\\n').length === 2`, 'the examples');
    await browser.eval(WATCH_WORKER);
    await browser.click('[data-testid=predict]');
    await waitFor(browser, `document.querySelectorAll('[data-testid=new-predictions] tbody tr').length === 2`, 'two predictions');
    // Predicted by the worker too (first the two rows; the mutagenesis map asks for its own after).
    assert.deepEqual((await browser.eval(PREDICT_REQUESTS)).map((r) => r.rows).slice(0, 1), [2]);
    const predictions = await download(browser, 'export-new-predictions', 'seqlab-expression-new-predictions.csv');
    assert.equal(predictions.trim().split('\n').length, 3);
    const model = await download(browser, 'export-model', 'seqlab-expression-model.json');
    const modelPath = join(folder, 'model.json');
    writeFileSync(modelPath, model);
    const tested = await download(browser, 'export-predictions', 'seqlab-expression-predictions.csv');
    assert.equal(tested.trim().split('\n').length, 3001);
    assert.ok((await download(browser, 'export-keras', 'seqlab_expression_keras.py')).includes('MEAN, STD ='));
    const r2 = await browser.eval(text('test-r2'));
    await browser.upload('#expr-import', modelPath);
    await waitFor(browser, `!!document.querySelector('[data-testid=imported]') && ${text('test-r2')} !== ''`, 'the re-evaluated import');
    assert.equal(await browser.eval(text('test-r2')), r2);
  });

  await step('expression: uploads — mixed rows counted and explained, bad files one message each', async () => {
    await browser.goto(`${base}expression-lab?lang=en&data=upload`);
    await waitFor(browser, `!!document.querySelector('#upload-file')`, 'the upload field');
    await browser.upload('#upload-file', join(fixtures, 'mixed.csv'));
    await waitFor(browser, `${text('upload-counts')} !== ''`, 'the row counts');
    assert.equal(await browser.eval(text('upload-counts')), '13 lines: 3 rows accepted · 8 rejected · 1 empty · 1 header');
    const rejected = await browser.eval(text('upload-rejected'));
    for (const expected of ["line 5: the value 'abc' is not a number.", 'line 6: the sequence is empty.', "line 7: letter 4 of the sequence, 'X', is not a base",
      'line 8: same sequence and value as line 2', 'line 9: same sequence as line 2 with another value', 'line 10: column 2 is missing', "line 11: the value 'NaN' is not finite"]) {
      assert.ok(rejected.includes(expected), `missing "${expected}" in ${rejected}`);
    }
    assert.match(await browser.eval(text('expr-summary')) + await browser.eval(`document.querySelector('.error')?.textContent ?? ''`), /Only 3 rows were accepted/);
    await shot('expression-upload-en');
    // The file comes back with the next visit (saved in the browser), rows and verdicts alike.
    await browser.reload();
    await waitFor(browser, `${text('upload-counts')} === '13 lines: 3 rows accepted · 8 rejected · 1 empty · 1 header'`, 'the restored upload');
    const big = join(folder, 'too-big.csv');
    writeFileSync(big, Buffer.alloc(51_000_000, 'A'));
    for (const [file, message] of [[join(fixtures, 'empty.csv'), 'The file is empty.'], [join(fixtures, 'binary.bin'), 'This is not a text file.'], [big, 'The file is too large (51.0 MB); the limit is 50 MB.']]) {
      await browser.upload('#upload-file', file);
      await waitFor(browser, `(document.querySelector('.error')?.textContent ?? '').includes(${JSON.stringify(message)})`, message, 60000);
      assert.equal(await browser.eval(`document.querySelector('h1')?.textContent`), 'Expression lab: predict expression from sequence', 'the page is not blank');
    }
  });

  await step('expression: learning curve on simulated data', async () => {
    await browser.goto(`${base}expression-lab?lang=ko&data=sim&n=1500`);
    await waitFor(browser, `document.querySelector('[data-testid=run-curve]')?.disabled === false`, 'the experiment button', 60000);
    await browser.click('[data-testid=run-curve]');
    await waitFor(browser, `Array.from(document.querySelectorAll('[data-testid=curve-table] tbody td')).filter(td => /\\d\\.\\d{4}/.test(td.textContent)).length === 2`, 'two points', 120000);
    report.curve = await browser.eval(`Array.from(document.querySelectorAll('[data-testid=curve-table] tbody tr')).map(tr => tr.textContent)`);
    await shot('expression-curve-ko');
    await browser.setViewport(390, 844);
    await browser.goto(`${base}expression-lab?lang=ko&data=sim`);
    await waitFor(browser, `!!document.querySelector('[data-testid=expr-summary]')?.textContent`, 'the lab on a phone');
    const overflow = await browser.eval(`document.documentElement.scrollWidth - document.documentElement.clientWidth`);
    assert.ok(overflow <= 1, `the lab is ${overflow}px wider than the phone`);
    await shot('expression-phone-ko');
    await browser.setViewport(1280, 900);
  });
  return report;
}
