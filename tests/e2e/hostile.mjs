// End-to-end test of hostile and messy input (issue "nothing lost, nothing crashes"): uploads that
// used to lose rows, a file error shown once, values with no spread, a diverging run that must
// finish on the page, link settings out of range, a run at chance diagnosed, Continue that says
// what it does, and hostile model files — in both languages, every page staying alive.
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stepper, waitFor } from './util.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const csv = (name) => join(here, '../fixtures/csv', name);
const model = (name) => join(here, '../fixtures/models', name);
const js = (value) => JSON.stringify(value);
const text = (testid) => `(document.querySelector('[data-testid=${testid}]')?.textContent ?? '')`;
const mainText = `(document.querySelector('main')?.textContent ?? '')`;
/** How many elements directly show `message` (a message shown once is in exactly one). */
const shownCount = (message) =>
  `Array.from(document.querySelectorAll('main *')).filter(e => Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.includes(${js(message)}))).length`;

export async function hostileScenario(browser, { base, shots }) {
  const shot = (name) => browser.screenshot(join(shots, `${name}.png`));
  const step = stepper(browser);
  const report = {};

  const upload = async (file) => {
    await browser.upload('#upload-file', file);
    // The page names the file it read: wait for this one (the previous file's verdict is on the
    // page until then).
    const name = file.split('/').pop();
    await waitFor(browser, `(document.querySelector('.file-name')?.textContent ?? '').startsWith(${JSON.stringify(name + ' (')}) && (${text('upload-counts')} !== '' || !!document.querySelector('.error'))`, `the verdict on ${file}`);
  };

  await step('hostile uploads: unclosed quote, semicolons + decimal commas, UTF-16, CR line ends', async () => {
    await browser.goto(`${base}expression-lab?lang=en&data=upload`);
    await waitFor(browser, `!!document.querySelector('#upload-file')`, 'the upload field');
    await upload(csv('unclosed_quote.csv'));
    assert.equal(await browser.eval(text('upload-counts')), '61 lines: 59 rows accepted · 1 rejected · 0 empty · 1 header');
    assert.ok((await browser.eval(text('upload-rejected'))).includes('line 21: a quote (") opens in field 2 and is not closed on this line.'));
    await upload(csv('semicolon_decimal_comma.csv'));
    assert.equal(await browser.eval(text('upload-counts')), '7 lines: 6 rows accepted · 0 rejected · 0 empty · 1 header');
    assert.match(await browser.eval(text('upload-assumed')), /semicolon-separated · decimal commas \(3,139 = 3\.139\) · first line is a header/);
    await shot('hostile-upload-semicolon-en');
    // Untick the decimal comma: every row is refused, and the page says why.
    await browser.click('[data-testid=decimal-comma]');
    await waitFor(browser, `${text('upload-main-problem')} !== ''`, 'the main problem');
    assert.match(await browser.eval(text('upload-main-problem')), /5 of 6 data rows were rejected for the same reason/);
    await upload(csv('cr_only.csv'));
    assert.equal(await browser.eval(text('upload-counts')), '6 lines: 4 rows accepted · 1 rejected · 0 empty · 1 header');
    assert.match(await browser.eval(text('upload-rejected')), /line 4: letter 6 of the sequence, 'X'/);
    await upload(csv('separator_rows.csv'));
    assert.equal(await browser.eval(text('upload-counts')), '7 lines: 2 rows accepted · 0 rejected · 4 empty · 1 header');
  });

  await step('hostile uploads in Korean: UTF-16, header only shown once, values without spread', async () => {
    await browser.goto(`${base}expression-lab?lang=ko&data=upload`);
    await waitFor(browser, `!!document.querySelector('#upload-file')`, 'the upload field');
    await upload(csv('utf16le_bom.txt'));
    assert.equal(await browser.eval(text('upload-counts')), '6줄: 받아들인 행 5 · 거부한 행 0 · 빈 행 0 · 머리줄 1');
    assert.match(await browser.eval(text('upload-assumed')), /UTF-16 텍스트/);
    await upload(csv('header_only.csv'));
    const headerOnly = '파일에 열 이름 줄(머리줄)만 있고 데이터 행이 없습니다.';
    await waitFor(browser, `${mainText}.includes(${js(headerOnly)})`, 'the header-only message');
    assert.equal(await browser.eval(shownCount(headerOnly)), 1, 'a file error is shown once');
    await upload(csv('zero_variance.csv'));
    await waitFor(browser, `${mainText}.includes('훈련 세트 값이 모두 6.1입니다')`, 'the no-spread message');
    assert.equal(await browser.eval(`document.querySelector('[data-testid=train]')?.disabled`), true, 'Train is off');
    assert.ok(!(await browser.eval(mainText)).includes('/ 0.000'), 'no division by a zero sd');
    await shot('hostile-upload-zero-variance-ko');
  });

  await step('a diverging run (SGD, learning rate 1) finishes on the page as diverged', async () => {
    await browser.goto(`${base}expression-lab?lang=en&data=sim&n=2000&opt=sgd&lr=1&ep=5&pat=0`);
    await waitFor(browser, `document.querySelector('[data-testid=train]')?.disabled === false`, 'the worker', 60000);
    await browser.click('[data-testid=train]');
    await waitFor(browser, `${text('train-status')}.includes('diverged')`, 'the diverged status', 60000);
    report.diverged = await browser.eval(text('train-status'));
    assert.match(report.diverged, /Training stopped at epoch \d+, batch \d+: .*(NaN|infinite|∞)/);
    assert.equal(await browser.eval(`document.querySelector('[data-testid=train]')?.disabled`), false, 'Train again is possible');
    assert.equal(await browser.eval(`document.querySelector('[data-testid=continue]')?.disabled`), true, 'no Continue after divergence');
    await shot('hostile-diverged-en');
  });

  await step('link settings out of range are clamped with a notice, never a blank page', async () => {
    await browser.goto(`${base}motif-lab?lang=en&test=1.5&ep=0&lr=NaN&f=4000000000&pad=banana`);
    await waitFor(browser, `${text('url-notices')} !== ''`, 'the link notices');
    const notices = await browser.eval(text('url-notices'));
    for (const expected of ['test=1.5 is outside what is allowed (0.05–0.5), so 0.5 is used', 'ep=0 is outside', 'lr=NaN', 'f=4000000000', 'pad=banana']) {
      assert.ok(notices.includes(expected), `missing "${expected}" in ${notices}`);
    }
    assert.match(await browser.eval(`document.querySelector('h1')?.textContent ?? ''`), /Motif lab/);
    assert.equal(await browser.eval(`document.querySelector('#lab-epochs')?.value`), '1');
    await browser.goto(`${base}motif-lab?lang=ko&bs=0`);
    await waitFor(browser, `${text('url-notices')}.includes('bs=0')`, 'the Korean notice');
    assert.match(await browser.eval(text('url-notices')), /링크의 설정 bs=0은 허용 범위\(1–5000\) 밖이라 1을 씁니다/);
    await shot('hostile-url-notices-ko');
  });

  await step('learning rate 1 ends at chance and is diagnosed; Continue says what it adds', async () => {
    await browser.goto(`${base}motif-lab?lang=en&lr=1&ep=8`);
    await waitFor(browser, `document.querySelector('[data-testid=train]')?.disabled === false`, 'the worker', 60000);
    await browser.click('[data-testid=train]');
    await waitFor(browser, `${text('diagnosis')} !== ''`, 'the diagnosis', 60000);
    report.chance = await browser.eval(text('diagnosis'));
    assert.match(report.chance, /^not learning: Training accuracy \d+ % is about what always guessing the most common class gives \(50 %\)/);
    assert.equal((await browser.eval(text('continue'))).trim(), 'Train 8 more epochs');
    await shot('hostile-not-learning-en');
  });

  await step('hostile model files: each a sentence, nothing replaced', async () => {
    for (const [file, message] of [
      ['too_many_params.json', 'This model has 81,000,000 parameters, more than the 5,000,000 the browser builds.'],
      // 4,000,000,000 filters: too many parameters natively, a product too large for wasm32.
      ['huge_filters.json', 'Layer 1: a size (or a product of sizes) is too large to compute with.'],
      ['not_json.json', 'This is not a JSON file'],
      ['other_format.json', "This file is of format 'seqlab-expression-model'"],
      ['version_7.json', 'cannot read model files of version 7'],
    ]) {
      await browser.upload('#lab-import', model(file));
      await waitFor(browser, `${mainText}.includes(${js(message)})`, message);
      assert.equal(await browser.eval(`!!document.querySelector('[data-testid=imported]')`), false, `${file} replaced the model`);
    }
    assert.match(await browser.eval(`document.querySelector('h1')?.textContent ?? ''`), /Motif lab/);
  });
  return report;
}
