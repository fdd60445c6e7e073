// End-to-end scenario of the overfitting lesson: the guided experiments trained in the worker
// (100 rows overfit, 5,000 rows do not, early stopping stops early), the numbers read from the runs
// table, settings in the URL, both languages, accessibility, screenshots; then every theory page at
// phone width (no sideways scrolling) with a screenshot.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { accessibility } from './scenario.mjs';
import { clipped } from './lessons.mjs';
import { canvasProblems, keepsAcrossNavigation, stepper, waitFor } from './util.mjs';

const js = (value) => JSON.stringify(value);
const textOf = (css) => `(document.querySelector(${js(css)})?.textContent ?? '')`;
const rowCount = `document.querySelectorAll('[data-testid=runs-table] tbody tr').length`;

/** The cells of run `n` (1-based) of the runs table, by column name. */
async function run(browser, n) {
  const cells = await browser.eval(
    `Array.from(document.querySelectorAll('[data-testid=runs-table] tbody tr:nth-child(${n}) td, [data-testid=runs-table] tbody tr:nth-child(${n}) th')).map(c => c.textContent)`,
  );
  const [, id, test, diagnosis, gap, rows, lr, filters, kernel, batch, es, epochs, loss, valLoss, best] = cells;
  return {
    id, rows: Number(rows), lr: Number(lr), filters: Number(filters), kernel: Number(kernel), batch: Number(batch), es,
    epochs: Number(epochs), loss: Number(loss), valLoss: Number(valLoss), best, gap: Number(gap.replace('−', '-')), test: Number(test), diagnosis,
  };
}

/** Clicks `button` and waits until the runs table has `rows` rows; returns the last row. */
async function trainRun(browser, button, rows, timeout = 120000) {
  await waitFor(browser, `document.querySelector('[data-testid=${button}]')?.disabled === false`, `${button} enabled`, 60000);
  const started = Date.now();
  await browser.click(`[data-testid=${button}]`);
  await waitFor(browser, `${rowCount} === ${rows}`, `run ${rows} in the table`, timeout);
  return { ...(await run(browser, rows)), seconds: (Date.now() - started) / 1000 };
}

/** Runs the overfitting scenario and the phone-width pass; returns the numbers it read. */
export async function overfittingScenario(browser, { base, shots }) {
  const shot = (name) => browser.screenshot(join(shots, `${name}.png`));
  const step = stepper(browser);
  const read = {};

  await step('overfitting: 100 rows split the curves, 5,000 rows do not, early stopping stops', async () => {
    await browser.goto(`${base}overfitting?lang=en`);
    await waitFor(browser, `${textOf('[data-testid=over-implied]')}.startsWith('80 rows fitted · 20 rows for validation · 3 weight updates per epoch · 562 parameters')`, 'the implied numbers');
    const few = await trainRun(browser, 'exp-rows-0', 1);
    assert.equal(few.rows, 100);
    assert.equal(few.diagnosis, 'overfitting', JSON.stringify(few));
    assert.match(await browser.eval(textOf('[data-testid=over-verdict]')), /^#1 · overfitting: Training accuracy \d+ % against \d+ % on the validation rows/);
    const enough = await trainRun(browser, 'exp-rows-1', 2);
    assert.equal(enough.rows, 5000);
    assert.equal(enough.diagnosis, 'good fit', JSON.stringify(enough));
    assert.ok(few.gap > enough.gap + 0.2 && enough.gap < 0.2, `gap: 100 rows ${few.gap}, 5,000 rows ${enough.gap}`);
    assert.ok(enough.test > few.test + 0.15, `test accuracy: 100 rows ${few.test}, 5,000 rows ${enough.test}`);
    const early = await trainRun(browser, 'exp-early-0', 3);
    assert.equal(early.diagnosis, 'stopped early', JSON.stringify(early));
    assert.ok(early.epochs < few.epochs, `early stopping ran ${early.epochs} of ${few.epochs} epochs`);
    await waitFor(browser, `location.search.includes('es=true')`, 'early stopping in the URL');
    const legend = await browser.eval(`Array.from(document.querySelectorAll('.legend li')).map(li => li.textContent).join('|')`);
    assert.match(legend, /#1 validation \(100 rows\)/);
    read.few = few;
    read.enough = enough;
    read.early = early;
    await accessibility(browser, 'overfitting');
    assert.deepEqual(await browser.eval(canvasProblems), [], 'canvas labels of the runs');
    await shot('overfitting-en');
  });

  await step('overfitting: another lesson and back keeps the runs table', async () => {
    await keepsAcrossNavigation(browser, { away: 'backprop', testids: ['runs-table', 'over-verdict', 'test-accuracy'] });
  });

  await step('overfitting: settings from the URL, Korean', async () => {
    await browser.goto(`${base}overfitting?rows=200&bs=32&lr=0.001&seed=3&lang=ko`);
    await waitFor(browser, `${textOf('[data-testid=over-implied]')}.startsWith('훈련 160행 · 검증 40행 · 에포크마다 가중치 갱신 5번')`, 'the implied numbers in Korean');
    assert.equal(await browser.eval(`document.querySelector('#over-seed').value`), '3');
    assert.equal(await browser.eval(`document.querySelectorAll('main math').length > 0 && document.querySelectorAll('.math-error').length === 0`), true);
    const ko = await trainRun(browser, 'train', 1);
    assert.equal(ko.rows, 200);
    assert.match(await browser.eval(textOf('[data-testid=over-verdict]')), /^#1 · /);
    assert.match(await browser.eval(textOf('[data-testid=runs-table] thead')), /테스트 정확도/);
    read.rows200 = ko.test;
    // The key columns (test accuracy, diagnosis, gap) come first: visible without scrolling.
    const keys = '[data-testid=runs-table] [data-testid=test-accuracy]';
    assert.deepEqual(await browser.eval(clipped(keys)), [], 'test accuracy hidden in the runs table at 1280 px');
    await shot('overfitting-ko');
  });

  await step('theory pages at phone width: no sideways scrolling', async () => {
    await browser.setViewport(390, 844);
    const pages = [
      ['ai-ml-dl', 'ko', '[data-testid=split-counts]'],
      ['perceptron', 'en', '[data-testid=plane-status]'],
      ['softmax-cross-entropy', 'ko', '[data-testid=softmax-loss]'],
      ['backprop', 'en', '[data-testid=grad-table]'],
      ['cnn', 'ko', '[data-testid=summary-same]'],
      ['overfitting', 'en', '[data-testid=over-implied]'],
    ];
    for (const [page, lang, marker] of pages) {
      await browser.goto(`${base}${page}?lang=${lang}`);
      await waitFor(browser, `!!document.querySelector(${js(marker)})?.textContent`, `${page} on a phone`);
      const overflow = await browser.eval(`document.documentElement.scrollWidth - document.documentElement.clientWidth`);
      assert.ok(overflow <= 1, `${page} is ${overflow}px wider than the phone`);
      await shot(`${page}-phone-${lang}`);
    }
    await browser.setViewport(1280, 900);
  });
  return read;
}
