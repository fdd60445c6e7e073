// End-to-end checks that every lesson tells the truth and shows it at a glance: one Korean
// vocabulary (the term list in src/lang/terms.rs) on every page, Korean line breaking between
// words, particles and counters after numbers, real minus signs, no empty chart axes, the softmax
// fields saying what they accept, the perceptron's Play / Pause, network diagram, untrained note and
// "try this" promises performed, and no key number clipped at phone width.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canvasProblems, stepper, waitFor } from './util.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const js = (value) => JSON.stringify(value);
const textOf = (css) => `(document.querySelector(${js(css)})?.textContent ?? '')`;
const PAGES = ['', 'ai-ml-dl', 'perceptron', 'softmax-cross-entropy', 'backprop', 'one-hot', 'pwm', 'cnn', 'motif-lab', 'expression-lab', 'protein-lab', 'bioreactor-lab', 'overfitting'];

/** The term list: each Korean term and the variants it avoids, read from the Rust source. */
function terms() {
  const source = readFileSync(join(here, '../../src/lang/terms.rs'), 'utf8');
  const list = [];
  for (const [, ko, avoid] of source.matchAll(/ko: "([^"]+)",\s*avoid: &\[([^\]]*)\]/g)) {
    list.push({ ko, avoid: [...avoid.matchAll(/"([^"]+)"/g)].map((m) => m[1]) });
  }
  assert.ok(list.length >= 20, `only ${list.length} terms read`);
  return list;
}

/** The variants of `text` the vocabulary avoids (after removing every term it uses). */
function variants(text, list) {
  let kept = text;
  for (const { ko } of list) kept = kept.split(ko).join(' ');
  return list.flatMap(({ avoid }) => avoid.filter((v) => kept.includes(v)));
}

/** Elements matching `css` that are cut off: outside the viewport or a scrolling ancestor's box. */
export const clipped = (css) => `Array.from(document.querySelectorAll(${js(css)})).filter((el) => {
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return false;
  if (r.right > document.documentElement.clientWidth + 1 || r.left < -1) return true;
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(a).overflowX)) {
      const b = a.getBoundingClientRect();
      if (r.right > b.right + 1 || r.left < b.left - 1) return true;
    }
  }
  return false;
}).map((el) => el.dataset.testid || el.className || el.tagName)`;

/** Sets a number field as a student does (type, then leave the field). */
const typeInto = (css, value) => `(() => { const el = document.querySelector(${js(css)}); el.value = ${js(value)}; el.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`;

export async function lessonsScenario(browser, { base, shots }) {
  const shot = (name) => browser.screenshot(join(shots, `${name}.png`));
  const step = stepper(browser);
  const read = {};
  const list = terms();

  await step('one Korean vocabulary, word-keeping line breaks, particles and counters on every page', async () => {
    for (const page of PAGES) {
      await browser.goto(`${base}${page}?lang=ko`);
      await waitFor(browser, `document.documentElement.lang === 'ko' && ${textOf('main h1')} !== ''`, `${page || 'home'} in Korean`);
      const text = await browser.eval(`document.querySelector('main').innerText`);
      assert.deepEqual(variants(text, list), [], `${page || 'home'}: words outside the term list`);
      // Particles chosen by sound, not "은(는)" after a number; counters attached ("80행", "3번").
      assert.doesNotMatch(text, /\d(은\(는\)|이\(가\)|을\(를\)|\(으\)로)/, `${page}: a particle pair after a number`);
      assert.doesNotMatch(text, /\d (행|개|번|줄|걸음)(?![가-힣])/, `${page}: a counter set apart from its number`);
      assert.doesNotMatch(text, /[-−]0\.0+(?![0-9])/, `${page}: a negative zero`);
      // Canvas labels: none clipped, none on top of another, no negative zero.
      assert.deepEqual(await browser.eval(canvasProblems), [], `${page || 'home'}: canvas labels`);
      const breaking = await browser.eval(`getComputedStyle(document.querySelector('main p') ?? document.querySelector('main')).wordBreak`);
      assert.equal(breaking, 'keep-all', `${page}: Korean breaks inside words`);
      // Every "show me" after a try-this suggestion leads to a control on the page.
      const dead = await browser.eval(`Array.from(document.querySelectorAll('button.show-me')).map((b) => b.dataset.target).filter((t) => !document.querySelector(t))`);
      assert.deepEqual(dead, [], `${page}: "show me" buttons without their control`);
      read.showMe = (read.showMe ?? 0) + await browser.eval(`document.querySelectorAll('button.show-me').length`);
    }
    // The last page's last suggestion: its control comes into view, focused, from the page's end.
    await browser.eval(`window.scrollTo(0, document.body.scrollHeight)`);
    await browser.eval(`Array.from(document.querySelectorAll('button.show-me')).pop().click()`);
    await waitFor(browser, `(() => {
      const target = document.querySelector(Array.from(document.querySelectorAll('button.show-me')).pop().dataset.target);
      const box = target.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight && document.activeElement === target && target.classList.contains('flash');
    })()`, 'the control in view, focused and flashed');
  });

  await step('softmax: fields say what they accept and show the value used; minus signs; try this', async () => {
    await browser.goto(`${base}softmax-cross-entropy?lang=en`);
    await waitFor(browser, `${textOf('[data-testid=prob-0]')} === '0.7000'`, 'the lecture example');
    assert.equal(await browser.eval(textOf('[data-testid=grad-0]')), '−0.3000');
    // The range is shown before anything is typed, and tied to the box for screen readers.
    assert.equal(await browser.eval(textOf('[data-testid=logit-0-range]')), '−10 to 10');
    assert.equal(await browser.eval(`document.querySelector('#logit-0').getAttribute('aria-describedby')`), 'logit-0-range');
    await browser.eval(typeInto('#logit-0', '100'));
    const refused = await waitFor(browser, textOf('[data-testid=logit-0-error]'), 'the range message');
    assert.match(refused, /^100 cannot be used: allowed −10 to 10, so −0\.3567 is still used\.$/, refused);
    // A number box holds ASCII digits: the value used, −0.3567, reads '-0.3567' there.
    assert.equal(await browser.eval(`document.querySelector('#logit-0').value`), '-0.3567', 'the box shows the value used');
    await browser.eval(typeInto('#logit-0', '1e'));
    await waitFor(browser, `${textOf('[data-testid=logit-0-error]')}.startsWith('What was typed is not a number')`, 'the not-a-number message');
    assert.equal(await browser.eval(`document.querySelector('#logit-0').value`), '-0.3567', 'the box still shows the value used after 1e');
    // Try this: raise z₀ to 10 — p₀ → 1, the loss → 0, the gradient → 0.
    await browser.eval(typeInto('#logit-0', '10'));
    await waitFor(browser, `${textOf('[data-testid=prob-0]')} === '1.0000'`, 'p₀ → 1');
    assert.equal(await browser.eval(`document.querySelector('[data-testid=logit-0-error]')`), null, 'the message goes');
    assert.match(await browser.eval(textOf('[data-testid=softmax-loss]')), /0\.0000$/);
    const table = await browser.eval(textOf('.softmax-table'));
    assert.doesNotMatch(table, /[-−]0\.0000/, 'no negative zero in the table');
    // Try this: the same number added to every logit leaves the probabilities alone.
    await browser.goto(`${base}softmax-cross-entropy?lang=en&z=1,2,3`);
    await waitFor(browser, `${textOf('[data-testid=prob-2]')} !== ''`, 'z = 1, 2, 3');
    const before = await browser.eval(`[0, 1, 2].map(j => document.querySelector('[data-testid=prob-' + j + ']').textContent).join()`);
    await browser.goto(`${base}softmax-cross-entropy?lang=en&z=2,3,4`);
    await waitFor(browser, `${textOf('[data-testid=prob-2]')} !== ''`, 'z = 2, 3, 4');
    assert.equal(await browser.eval(`[0, 1, 2].map(j => document.querySelector('[data-testid=prob-' + j + ']').textContent).join()`), before);
    // Try this: class 1 as the truth gives −ln 0.1 = 2.3026.
    await browser.goto(`${base}softmax-cross-entropy?lang=en&t=1`);
    await waitFor(browser, `${textOf('[data-testid=softmax-loss]')}.endsWith('2.3026')`, '−ln 0.1');
  });

  await step('perceptron: untrained note, Play / Pause, network diagram, boundary, try-this promises', async () => {
    // Try this (neuron): with the step activation, b moves the output from 0 straight to 1.
    await browser.goto(`${base}perceptron?lang=en&b=-3`);
    await waitFor(browser, `${textOf('[data-testid=neuron-output]')}.trim().endsWith('0.000')`, 'the step neuron silent at b = −3');
    await browser.goto(`${base}perceptron?lang=en&b=-0.1`);
    await waitFor(browser, `${textOf('[data-testid=neuron-output]')}.trim().endsWith('1.000')`, 'the step neuron firing at b = −0.1');
    // The "try this" cards sit in the panels they talk about, and make no promise a test disproves.
    assert.equal(await browser.eval(`document.querySelectorAll('.panel .try-this').length`), 2);
    assert.doesNotMatch(await browser.eval(`document.querySelector('main').innerText`), /wobbly/);
    await browser.goto(`${base}perceptron?lang=en`);
    const note = await waitFor(browser, textOf('[data-testid=plane-untrained]'), 'the untrained note');
    assert.match(note, /always answering the more common class scores [\d.]+ %/, note);
    assert.ok(await browser.eval(`!!document.querySelector('[data-testid=plane-loss-empty]')`), 'a card, not empty axes');
    assert.match(await browser.eval(`document.querySelector('[data-testid=plane-network]').getAttribute('aria-label')`), /2 → 1 neurons/);
    await browser.click('[data-testid=plane-play]');
    await waitFor(browser, `Number(${textOf('[data-testid=plane-status]')}.match(/^(\\d+)/)[1]) >= 50`, 'training while playing');
    assert.equal(await browser.eval(`document.querySelector('[data-testid=plane-untrained]')`), null, 'the note goes once trained');
    // Changing the learning rate while playing starts again from step 0 and keeps playing.
    const steps = () => browser.eval(`Number(${textOf('[data-testid=plane-status]')}.match(/^(\\d+)/)[1])`);
    const before = await steps();
    await browser.eval(`(() => { const s = document.querySelector('#p-lr'); s.value = '2'; s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`);
    await waitFor(browser, `Number(${textOf('[data-testid=plane-status]')}.match(/^(\\d+)/)[1]) < ${before}`, 'the reset to step 0');
    const afterChange = await steps();
    await waitFor(browser, `Number(${textOf('[data-testid=plane-status]')}.match(/^(\\d+)/)[1]) > ${afterChange}`, 'still playing');
    await browser.click('[data-testid=plane-play]');
    await waitFor(browser, `/[?&]steps=\\d+/.test(location.search)`, 'the steps in the URL after Pause');
    // Paused: the count stays where it is.
    read.playedSteps = await steps();
    assert.equal(await browser.eval(`new Promise((done) => setTimeout(() => done(Number(${textOf('[data-testid=plane-status]')}.match(/^(\\d+)/)[1])), 200))`), read.playedSteps);
    // The decision boundary is drawn as a line across the plane, the high-yield runs as circles
    // 10 px across (the low-yield ones as squares), read from the canvas's drawing log.
    const drawn = await browser.eval(`JSON.parse(document.querySelector('[data-testid=plane-plot]').dataset.drawn)`);
    const ratio = await browser.eval('window.devicePixelRatio');
    const [, longest, width] = drawn.paths['#000000'] ?? [0, 0, 0];
    assert.ok(longest > drawn.width * 0.3 && width >= 2, `boundary line ${longest} px of ${drawn.width}, ${width} px wide`);
    const [count, radius] = drawn.circles['#be1e2d'] ?? [0, 0];
    assert.ok(count >= 10 && (2 * radius) / ratio >= 8, `${count} circles, radius ${radius}`);
    const boundary = await browser.eval(textOf('[data-testid=plane-boundary]'));
    assert.doesNotMatch(boundary, /\(\s*[-−]/, `a sum written with its signs: ${boundary}`);
    // The hidden layer: four neurons in the diagram; the model change resets the counter.
    await browser.eval(`(() => { document.querySelectorAll('input[name="p-model"]')[2].click(); return true; })()`);
    await waitFor(browser, `/2 → 4 → 1 neurons/.test(document.querySelector('[data-testid=plane-network]').getAttribute('aria-label'))`, 'the hidden layer in the diagram');
    assert.match(await browser.eval(textOf('[data-testid=plane-status]')), /^0 steps/);
    await shot('perceptron-play-en');
    // Try this (learning rate), performed: 100 steps at 0.05 leave the loss near 0.5; at 10 below 0.1.
    const lossAt = async (rate) => {
      await browser.goto(`${base}perceptron?lang=en&lr=${rate}&steps=100`);
      const status = await waitFor(browser, `${textOf('[data-testid=plane-status]')}.startsWith('100 steps') && ${textOf('[data-testid=plane-status]')}`, `100 steps at ${rate}`);
      return Number(status.match(/loss ([\d.]+)/)[1]);
    };
    read.lossAt = { slow: await lossAt('0.05'), fast: await lossAt('10') };
    assert.ok(read.lossAt.slow > 0.4 && read.lossAt.slow < 0.6 && read.lossAt.fast < 0.1, JSON.stringify(read.lossAt));
    // Try this (XOR): one neuron stays far below 100 %, four hidden neurons separate it.
    await browser.goto(`${base}perceptron?lang=en&data=xor&steps=1000&hidden=4`);
    const xor = await waitFor(browser, `${textOf('[data-testid=plane-status]')}.startsWith('1000') && ${textOf('[data-testid=plane-status]')}`, 'XOR with a hidden layer');
    assert.ok(Number(xor.match(/accuracy ([\d.]+) %/)[1]) >= 90, xor);
    await browser.goto(`${base}perceptron?lang=ko&data=xor&steps=1000&hidden=4`);
    await waitFor(browser, `${textOf('[data-testid=plane-status]')}.startsWith('1000')`, 'the page in Korean');
    await shot('perceptron-xor-ko');
  });

  await step('phone width: no key number clipped', async () => {
    await browser.setViewport(390, 844);
    const pages = [
      ['softmax-cross-entropy?lang=ko', '[data-testid^=prob-], [data-testid^=term-], [data-testid^=grad-], [data-testid=softmax-loss] math, .formula-parts > .math'],
      ['perceptron?lang=en&steps=100', '[data-testid=plane-status], [data-testid=neuron-sum] .math, [data-testid=plane-boundary] math'],
      ['overfitting?lang=ko', '.formula-parts > .math, [data-testid=over-implied]'],
      ['backprop?lang=en', '[data-testid=descent-verdict], [data-testid=bp-loss]'],
    ];
    for (const [page, keys] of pages) {
      await browser.goto(`${base}${page}`);
      await waitFor(browser, `document.querySelectorAll(${js(keys)}).length > 0`, `${page} on a phone`);
      assert.deepEqual(await browser.eval(clipped(keys)), [], `${page}: key results cut off at 390 px`);
    }
    await shot('softmax-phone-ko-clip');
    await browser.setViewport(1280, 900);
  });

  await step('phone width: every page in both languages fits, its canvas labels readable', async () => {
    await browser.setViewport(390, 844);
    for (const page of PAGES) {
      for (const lang of ['ko', 'en']) {
        await browser.goto(`${base}${page}?lang=${lang}`);
        await waitFor(browser, `document.documentElement.lang === '${lang}' && ${textOf('main h1')} !== ''`, `${page || 'home'} (${lang}) on a phone`);
        const overflow = await browser.eval(`document.documentElement.scrollWidth - document.documentElement.clientWidth`);
        assert.ok(overflow <= 1, `${page || 'home'} (${lang}) is ${overflow}px wider than the phone`);
        assert.deepEqual(await browser.eval(canvasProblems), [], `${page || 'home'} (${lang}): canvas labels at 390 px`);
        await shot(`phone-${page || 'home'}-${lang}`);
      }
    }
    await browser.setViewport(1280, 900);
  });
  return read;
}
