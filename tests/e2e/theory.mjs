// End-to-end scenario of the theory lessons: the key numbers read from the DOM (the lecture's
// 0.3567; 292 and 312 parameters; a chain-rule gradient equal to a finite-difference estimate to 4
// significant digits), URL state, both languages, formulas typeset as MathML, accessibility scans
// and screenshots of every page in English and Korean.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { accessibility } from './scenario.mjs';
import { num, stepper, waitFor } from './util.mjs';

const js = (value) => JSON.stringify(value);
const textOf = (css) => `(document.querySelector(${js(css)})?.textContent ?? '')`;

/** The page has typeset formulas and none that failed to convert. */
async function formulas(browser, page) {
  const { math, errors } = await browser.eval(
    `({ math: document.querySelectorAll('main math').length, errors: document.querySelectorAll('.math-error').length })`,
  );
  assert.ok(math > 0, `${page}: no MathML formula`);
  assert.equal(errors, 0, `${page}: formulas that failed to convert`);
}

/** Switches the language with the header buttons and waits for `marker` in the page. */
async function language(browser, code, marker) {
  await browser.click(`.lang-switch button[lang="${code}"]`);
  await waitFor(browser, `${textOf('main')}.includes(${js(marker)})`, `the page in ${code}`);
}

/** Runs the theory scenario; returns the numbers it read (for the closing note). */
export async function theoryScenario(browser, { base, shots }) {
  const shot = (name) => browser.screenshot(join(shots, `${name}.png`));
  const step = stepper(browser);
  const read = {};

  await step('AI/ML/DL: sorter feedback, splitter counts and reseeding in the URL', async () => {
    await browser.goto(`${base}ai-ml-dl?lang=en`);
    await waitFor(browser, `${textOf('[data-testid=split-counts]')} === '12 training · 4 validation · 4 test'`, 'the split counts');
    await browser.click('[data-testid=sort-0] input[type=radio]');
    await waitFor(browser, `${textOf('[data-testid=sort-0] .sort-feedback')}.includes('Right')`, 'sorter feedback');
    await browser.click('[data-testid=sort-1] input[type=radio]');
    await waitFor(browser, `${textOf('[data-testid=sort-1] .sort-feedback')}.includes('regression')`, 'the wrong-answer hint');
    const before = await browser.eval(`Array.from(document.querySelectorAll('.split-table tbody tr')).map(tr => tr.className).join()`);
    await browser.click('#split-reshuffle');
    await waitFor(browser, `location.search.includes('seed=2')`, 'the new seed in the URL');
    const after = await browser.eval(`Array.from(document.querySelectorAll('.split-table tbody tr')).map(tr => tr.className).join()`);
    assert.notEqual(after, before, 'a new seed moves rows between sets');
    await accessibility(browser, 'ai-ml-dl');
    await shot('ai-ml-dl-en');
    await language(browser, 'ko', '훈련 12개');
    await shot('ai-ml-dl-ko');
  });

  await step('perceptron: live neuron formula, one neuron vs hidden layer on XOR', async () => {
    await browser.goto(`${base}perceptron`);
    await waitFor(browser, `${textOf('[data-testid=neuron-output]')}.includes('1.000')`, 'the step neuron fires');
    assert.match(await browser.eval(textOf('[data-testid=neuron-sum]')), /0\.500/);
    await formulas(browser, 'perceptron');
    await browser.goto(`${base}perceptron?data=xor&steps=1000`);
    await waitFor(browser, `${textOf('[data-testid=plane-status]')}.startsWith('1000')`, 'a thousand steps');
    const single = Number((await browser.eval(textOf('[data-testid=plane-status]'))).match(/([\d.]+) %/)[1]);
    await browser.eval(`(() => { document.querySelectorAll('input[name="p-model"]')[2].click(); return true; })()`);
    await waitFor(browser, `location.search.includes('hidden=4')`, 'the hidden layer in the URL');
    // A new model starts again from step 0.
    await waitFor(browser, `/^0[^0-9]/.test(${textOf('[data-testid=plane-status]')}) && ${textOf('[data-testid=plane-status]')}.includes('17')`, 'the hidden-layer model at step 0');
    await browser.click('[data-testid=plane-step-1000]');
    await waitFor(browser, `${textOf('[data-testid=plane-status]')}.startsWith('1000')`, 'a thousand steps of the hidden layer');
    const hidden = Number((await browser.eval(textOf('[data-testid=plane-status]'))).match(/([\d.]+) %/)[1]);
    assert.ok(single < 80 && hidden >= 90, `XOR accuracy: one neuron ${single} %, hidden layer ${hidden} %`);
    read.xor = { single, hidden };
    await accessibility(browser, 'perceptron');
    await shot('perceptron-ko');
    await language(browser, 'en', 'One neuron');
    await shot('perceptron-en');
  });

  await step('softmax: the lecture example gives 0.3567; only the true class survives', async () => {
    await browser.goto(`${base}softmax-cross-entropy`);
    await waitFor(browser, `${textOf('[data-testid=prob-0]')} === '0.7000'`, 'p = 0.7');
    const loss = await browser.eval(textOf('[data-testid=softmax-loss]'));
    assert.match(loss, /0\.3567$/, loss);
    assert.equal(await browser.eval(textOf('[data-testid=term-1]')), '0.0000');
    assert.equal(await browser.eval(textOf('[data-testid=grad-0]')), '−0.3000');
    await formulas(browser, 'softmax');
    await accessibility(browser, 'softmax');
    await shot('softmax-en');
    await browser.click('input[name="target"]:not(:checked)');
    await waitFor(browser, `${textOf('[data-testid=softmax-loss]')}.endsWith('2.3026')`, '−ln 0.1');
    await language(browser, 'ko', '로짓을 바꿔 보세요');
    await shot('softmax-ko');
    read.softmax = loss.match(/([\d.]+)$/)[1];
  });

  await step('backprop: chain rule = engine = finite differences; a step lowers the loss; a big rate diverges', async () => {
    await browser.goto(`${base}backprop?lang=en`);
    await waitFor(browser, `document.querySelectorAll('[data-testid=grad-table] tbody tr').length === 9`, 'the gradient table');
    const cell = async (kind, i) => String(num(await browser.eval(textOf(`[data-testid=${kind}-${i}]`))));
    for (let i = 0; i < 9; i += 1) {
      const [chain, engine, numeric] = [await cell('chain', i), await cell('engine', i), await cell('numeric', i)].map(Number);
      assert.equal(chain.toPrecision(4), numeric.toPrecision(4), `parameter ${i}: chain ${chain} vs numeric ${numeric}`);
      assert.ok(Math.abs(chain - engine) < 2e-6, `parameter ${i}: chain ${chain} vs engine ${engine}`);
    }
    read.gradient = { chain: await cell('chain', 0), engine: await cell('engine', 0), numeric: await cell('numeric', 0) };
    for (let s = 0; s < 7; s += 1) await browser.click('#stage-next');
    await waitFor(browser, `location.search.includes('stage=7')`, 'the last stage');
    assert.match(await browser.eval(textOf('[data-testid=stage-formula]')), new RegExp(Number(read.gradient.chain).toFixed(5)));
    const lossOf = async () => Number((await browser.eval(textOf('[data-testid=bp-loss]'))).match(/L = ([\d.]+)/)[1]);
    const start = await lossOf();
    await browser.click('#bp-step');
    await waitFor(browser, `location.search.includes('gd=1')`, 'one descent step');
    assert.ok((await lossOf()) < start, 'the loss fell');
    await waitFor(browser, `${textOf('[data-testid=descent-verdict]')}.startsWith('Converging')`, 'convergence at 0.1');
    await formulas(browser, 'backprop');
    await accessibility(browser, 'backprop');
    await shot('backprop-en');
    await browser.goto(`${base}backprop?lr=0.55&stage=5&lang=ko`);
    await waitFor(browser, `${textOf('[data-testid=descent-verdict]')}.startsWith('발산')`, 'divergence at 0.55');
    await shot('backprop-ko');
    // The verdict reads the whole path: 0.45 zigzags down, 0.50 bounces between two walls forever.
    for (const [rate, verdict] of [['0.45', 'Converging in a zigzag'], ['0.5', 'Oscillating: every step jumps to the other wall'], ['0.55', 'Diverging']]) {
      await browser.goto(`${base}backprop?lr=${rate}&lang=en`);
      await waitFor(browser, `${textOf('[data-testid=descent-verdict]')}.startsWith(${JSON.stringify(verdict)})`, `the verdict at ${rate}`);
    }
    assert.match(await browser.eval(textOf('[data-testid=descent-verdict]')), /the loss grew from/);
    await browser.goto(`${base}backprop?lr=0.5&lang=ko`);
    await waitFor(browser, `${textOf('[data-testid=descent-verdict]')}.startsWith('진동')`, 'oscillation in Korean');
    await browser.goto(`${base}backprop?lr=0.2&lang=ko`);
    await waitFor(browser, `/손실이 [\\d.]+에서 [\\d.]+(으로|로) 줄었습니다/.test(${textOf('[data-testid=descent-verdict]')})`, 'the particle after a number');
  });

  await step('CNN: windows of the motif filter; 312 (same) and 292 (valid) parameters', async () => {
    await browser.goto(`${base}cnn?lang=en`);
    await waitFor(browser, `${textOf('[data-testid=summary-same] [data-testid=total-params]')} === '312'`, '312 parameters');
    assert.equal(await browser.eval(textOf('[data-testid=summary-valid] [data-testid=total-params]')), '292');
    const validRows = await browser.eval(`Array.from(document.querySelectorAll('[data-testid=summary-valid] tbody tr')).map(tr => tr.textContent)`);
    assert.match(validRows[0], /\(None, 16, 10\)210/);
    assert.equal(await browser.eval(`document.querySelectorAll('[data-testid=conv-output] button').length`), 16);
    // Window 1: the sum and the bias written with real minus signs.
    assert.match(await browser.eval(textOf('[data-testid=conv-window]')), /^Window 1 of 16: z = sum \+ bias = −4\.288 − 3\.00 = −7\.288 → ReLU\(z\) = 0\.000$/);
    await browser.click('[data-testid=conv-output] [data-window="3"]');
    await waitFor(browser, `${textOf('[data-testid=conv-window]')}.startsWith('Window 3 of 16')`, 'window 3');
    assert.match(await browser.eval(textOf('[data-testid=conv-window]')), /= 6\.942 − 3\.00 = 3\.942 → ReLU\(z\) = 3\.942$/);
    // Its bar and its value stand under the window's middle letter.
    const placed = await browser.eval(`(() => {
      const [letters, bars, values] = document.querySelectorAll('table.conv-sequence tr');
      const inside = Array.from(letters.children).flatMap((td, i) => td.classList.contains('in-window') ? [i] : []);
      const bar = Array.from(bars.children).findIndex((td) => td.querySelector('[data-window="3"]'));
      return { inside, bar, value: values.children[bar].textContent };
    })()`);
    assert.deepEqual(placed, { inside: [2, 3, 4, 5, 6], bar: 4, value: '3.9' });
    await browser.click('input[name="cnn-pad"]:not(:checked)');
    await waitFor(browser, `document.querySelectorAll('[data-testid=conv-output] button').length === 20`, 'same padding keeps 20');
    await formulas(browser, 'cnn');
    await accessibility(browser, 'cnn');
    await shot('cnn-en');
    await language(browser, 'ko', '필터는 배울 수 있는 PWM');
    await shot('cnn-ko');
  });
  return read;
}
