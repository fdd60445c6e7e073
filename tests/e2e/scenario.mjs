// The end-to-end scenario, the same for every browser: what a student does on the two lessons,
// with the lecture's numbers read back from the DOM, plus deep links, a phone-sized window, an
// accessibility scan and the panic panel.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { num, stepper, waitFor } from './util.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The lecture's one-hot matrix of ATACAA (fixtures: seed_values.json, onehot). */
const ATACAA = [[1, 0, 0, 0], [0, 0, 0, 1], [1, 0, 0, 0], [0, 1, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]];
/** The lecture's PWM, pseudocount 0.5, rows A C G T (fixtures: pwm_pseudocount_0_5_rows_ACGT). */
const PWM = [
  ['0.10', '0.70', '0.10', '0.50', '0.70'],
  ['0.10', '0.10', '0.70', '0.10', '0.10'],
  ['0.10', '0.10', '0.10', '0.30', '0.10'],
  ['0.70', '0.10', '0.10', '0.10', '0.10'],
];

const js = (value) => JSON.stringify(value);
const rowsOf = (css) =>
  `Array.from(document.querySelectorAll(${js(css + ' tbody tr')})).map(tr => Array.from(tr.querySelectorAll('td')).map(td => td.textContent.trim()))`;
const textOf = (css) => `(document.querySelector(${js(css)})?.textContent ?? '')`;

/**
 * Answers the page's check question: each wrong answer (radio indices `wrong`) must show its own
 * hint after `notQuite`, different from the other wrong answers' and never the old generic
 * "look at the table above" sentence; then the right answer (`right`) must show `correct`.
 */
async function checkQuestion(browser, slug, { wrong, right, notQuite, correct }) {
  const feedback = textOf('[data-testid=check-feedback]');
  const hints = [];
  for (const i of wrong) {
    await browser.click(`#check-${slug}-${i}`);
    await browser.click('.check-question button');
    const hint = await waitFor(
      browser,
      `(() => { const t = ${feedback}; return t.startsWith(${js(notQuite)}) && !${js(hints)}.includes(t) && t; })()`,
      `a hint of its own for wrong answer ${i} of ${slug} (so far: ${js(hints)})`,
    );
    assert.doesNotMatch(hint, /table above|위의 표/, `${slug} answer ${i}`);
    hints.push(hint);
  }
  await browser.click(`#check-${slug}-${right}`);
  await browser.click('.check-question button');
  await waitFor(browser, `${feedback}.startsWith(${js(correct)})`, `the right-answer feedback of ${slug}`);
}


/** Runs axe-core on the page; fails on any serious or critical violation. */
export async function accessibility(browser, page) {
  await browser.eval(
    `(() => { if (!window.axe) { const s = document.createElement('script'); s.textContent = ${js(AXE_SOURCE)}; document.head.appendChild(s); } return !!window.axe; })()`,
  );
  const result = await browser.evalAsync(
    `axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')'))`,
  );
  assert.deepEqual(result, [], `accessibility violations on ${page}`);
}

/**
 * Runs the scenario. `base` is the app's URL (ending in '/'); `root` is the same build served at the
 * server's root; screenshots go to `shots`.
 */
/** An address three levels below the app's root (climbed by scripts/not-found-boot.js: its failed
 * loads on the way are expected console errors, see run.mjs). */
export const DEEP_MISSING = 'no/such/lesson';

export async function scenario(browser, { base, root, shots }) {
  const shot = (name) => browser.screenshot(join(shots, `${name}.png`));
  const step = stepper(browser);
  const basePath = new URL(base).pathname;

  await step('home page in English, nav built from the lessons', async () => {
    await browser.goto(base);
    await waitFor(browser, `${textOf('h1')} === 'SeqLab' && !!document.querySelector('.lesson-nav')`, 'the home page');
    assert.equal(await browser.eval(`document.getElementById('boot')`), null, 'the loading message is gone');
    assert.match(await browser.eval(textOf('main')), /Course map/);
    const links = await browser.eval(`Array.from(document.querySelectorAll('.lesson-nav a')).map(a => a.getAttribute('href'))`);
    const slugs = ['ai-ml-dl', 'perceptron', 'softmax-cross-entropy', 'backprop', 'one-hot', 'pwm', 'cnn', 'motif-lab', 'expression-lab', 'protein-lab', 'bioreactor-lab', 'overfitting'];
    assert.deepEqual(links, [basePath, ...slugs.map((slug) => basePath + slug)]);
    await accessibility(browser, 'home');
    await shot('home-en');
  });

  await step('switch to Korean', async () => {
    await browser.click('.lang-switch button[lang="ko"]');
    await waitFor(browser, `${textOf('main')}.includes('코스 지도')`, 'Korean home text');
    assert.equal(await browser.eval(`document.documentElement.lang`), 'ko');
    assert.match(await browser.eval(textOf('.lesson-nav')), /원-핫 인코딩/);
    await shot('home-ko');
  });

  await step('one-hot lesson shows the ATACAA matrix', async () => {
    await browser.click(`.lesson-nav a[href^="${basePath}one-hot"]`);
    await waitFor(browser, `document.querySelectorAll('[data-testid=onehot-table] tbody tr').length === 6`, 'six rows');
    const rows = await browser.eval(rowsOf('[data-testid=onehot-table]'));
    assert.deepEqual(rows, ATACAA.map((row) => row.map(String)));
    assert.equal(await browser.eval(`location.pathname`), `${basePath}one-hot`);
    assert.match(await browser.eval(textOf('[data-testid=onehot-shape]')), /\(6, 4\)/);
    await accessibility(browser, 'one-hot');
    await shot('one-hot-ko');
  });

  await step('one-hot check question: every wrong answer has its own hint', async () => {
    await checkQuestion(browser, 'one-hot', { wrong: [0, 2, 3], right: 1, notQuite: '아직 아닙니다. ', correct: '정답입니다!' });
  });

  await step('one-hot errors name the character and position; RNA and N are read', async () => {
    await browser.fill('#onehot-seq', 'ACGX');
    await waitFor(browser, `${textOf('.error')}.includes("'X'")`, 'the error message');
    assert.match(await browser.eval(textOf('.error')), /4번째/);
    assert.match(await browser.eval('location.search'), /seq=ACGX/);
    await shot('one-hot-error-ko');
    await browser.fill('#onehot-seq', 'acgun');
    await waitFor(browser, `document.querySelectorAll('[data-testid=onehot-table] tbody tr').length === 5`, 'five rows');
    const rows = await browser.eval(rowsOf('[data-testid=onehot-table]'));
    assert.deepEqual(rows[3], ['0', '0', '0', '1'], 'U is read as T');
    assert.deepEqual(rows[4], ['0.25', '0.25', '0.25', '0.25'], 'N is a row of quarters');
    // A protein: 21 columns (20 amino acids and the stop); X spreads 1/20 over the amino acids.
    await browser.fill('#onehot-protein', 'MKX*');
    await waitFor(browser, `document.querySelectorAll('[data-testid=protein-onehot] tbody tr').length === 4`, 'four protein rows');
    const protein = await browser.eval(rowsOf('[data-testid=protein-onehot]'));
    assert.equal(protein[0].length, 21);
    assert.equal(protein[0][10], '1', 'M is column 10 of ACDEFGHIKLMNPQRSTVWY*');
    assert.deepEqual(protein[2], [...Array(20).fill('0.05'), '0'], 'X is 0.05 over the 20 amino acids');
    assert.deepEqual(protein[3], [...Array(20).fill('0'), '1'], 'the stop is the last column');
    assert.match(await browser.eval(textOf('[data-testid=protein-shape]')), /4 × 21/);
    assert.match(await browser.eval('location.search'), /prot=MKX/);
  });

  await step('PWM lesson reproduces the lecture PWM and window scores', async () => {
    await browser.click(`.lesson-nav a[href^="${basePath}pwm"]`);
    await waitFor(browser, `document.querySelectorAll('[data-testid=scan-table] tbody tr').length === 2`, 'two windows');
    assert.deepEqual(await browser.eval(rowsOf('[data-testid=pwm-table]')), PWM);
    const scan = await browser.eval(rowsOf('[data-testid=scan-table]'));
    const forward = scan.map((row) => num(row[1]));
    assert.ok(Math.abs(forward[0] - -9.567) < 5e-4, `ATACA scores ${forward[0]}`);
    assert.ok(Math.abs(forward[1] - -2.1198) < 5e-4, `TACAA scores ${forward[1]}`);
    const exact = await browser.eval(textOf('[data-testid=exact-scores]'));
    assert.ok(exact.includes('ATACA: -9.567015315914915') && exact.includes('TACAA: -2.119846956314875'), exact);
    await waitFor(browser, `document.querySelector('[data-testid=sequence-logo]')?.width > 0`, 'the logo canvas');
    await accessibility(browser, 'pwm');
    await shot('pwm-ko');
  });

  await step('PWM in English, log-odds, check question', async () => {
    await browser.click('.lang-switch button[lang="en"]');
    await waitFor(browser, `${textOf('main')}.includes('Scanning a sequence')`, 'English PWM page');
    await shot('pwm-en');
    await browser.click('input[name="score-kind"]:not(:checked)');
    await waitFor(browser, `location.search.includes('score=lo')`, 'log-odds in the URL');
    const expected = Math.log2((0.7 * 0.7 * 0.7 * 0.5 * 0.7) / 0.25 ** 5);
    const scan = await browser.eval(rowsOf('[data-testid=scan-table]'));
    assert.ok(Math.abs(num(scan[1][1]) - expected) < 5e-5, `TACAA log-odds ${scan[1][1]} vs ${expected}`);
    await checkQuestion(browser, 'pwm', { wrong: [0, 2, 3], right: 1, notQuite: 'Not quite. ', correct: 'Correct!' });
    await waitFor(browser, `!!document.querySelector('.lesson-nav a[href^="${basePath}pwm"] .done')`, 'the ✓ in the nav');
  });

  await step('PWM with pseudocount 0: −∞ windows are shown, not dropped', async () => {
    await browser.goto(`${base}pwm?lang=en&pc=0`);
    await waitFor(browser, `!!document.querySelector('[data-testid=score-track-minus-infinity]')`, 'the −∞ legend entry');
    // ATACA starts with an A where every site has T: −∞ on the + strand, in the table and the plot.
    const scan = await browser.eval(rowsOf('[data-testid=scan-table]'));
    assert.equal(scan[0][1], '−∞', JSON.stringify(scan));
    const described = await browser.eval(`document.querySelector('[data-testid=score-track]').getAttribute('aria-label')`);
    assert.match(described, /the best is TACAA at position 1\. \d+ strand windows score −∞, marked ▼ at the bottom\./);
  });

  await step('motif export and JASPAR import', async () => {
    assert.match(await browser.eval(textOf('[data-testid=motif-export]')), /A {2}\[ 0 3 0 2 3 \]/);
    const arnt = '>MA0004.1 Arnt\nA [ 4 19 0 0 0 0 ]\nC [16 0 20 0 0 0 ]\nG [ 0 1 0 20 0 20 ]\nT [ 0 0 0 0 20 0 ]';
    await browser.fill('#motif-import', arnt);
    await browser.click('.motif-import-use');
    await waitFor(browser, `${textOf('.notice')}.includes('MA0004.1 Arnt')`, 'the imported motif notice');
    assert.deepEqual((await browser.eval(rowsOf('[data-testid=pfm-table]')))[1], ['16', '0', '20', '0', '0', '0']);
    await browser.fill('#motif-import', 'A [1 2]\nC [1 x]');
    await browser.click('.motif-import-use');
    await waitFor(browser, `${textOf('.error')}.includes("Line 2: 'x' is not a number")`, 'the import error');
    await browser.click('.notice button');
    await waitFor(browser, `document.querySelectorAll('[data-testid=pfm-table] thead th').length === 5`, 'the lecture motif back');
  });

  await step('deep links load directly and survive a reload', async () => {
    await browser.goto(`${base}one-hot?seq=GATTACA`);
    await waitFor(browser, `document.querySelectorAll('[data-testid=onehot-table] tbody tr').length === 7`, 'seven rows');
    assert.deepEqual((await browser.eval(rowsOf('[data-testid=onehot-table]')))[0], ['0', '0', '1', '0']);
    assert.match(await browser.eval(textOf('h1')), /One-hot encoding/, 'the language choice persisted');
    await shot('one-hot-en');
    await browser.reload();
    await waitFor(browser, `document.querySelectorAll('[data-testid=onehot-table] tbody tr').length === 7`, 'seven rows after reload');
    await browser.goto(`${base}pwm?lang=ko`);
    await waitFor(browser, `document.querySelectorAll('[data-testid=scan-table] tbody tr').length === 2`, 'the PWM page');
    assert.equal(await browser.eval(`document.documentElement.lang`), 'ko', '?lang=ko wins');
    assert.ok(await browser.eval(`!!document.querySelector('.lesson-nav a[href^="${basePath}pwm"] .done')`), 'progress persisted');
    await browser.goto(`${base}no-such-lesson?lang=en`);
    await waitFor(browser, `${textOf('h1')} === 'Page not found'`, 'the not-found page');
    assert.equal(await browser.eval(`document.querySelectorAll('.not-found-lessons a').length`), 12, 'every lesson listed');
    // A trailing slash loads the lesson (the address loses the slash in place).
    await browser.goto(`${base}pwm/?lang=en`);
    await waitFor(browser, `document.querySelectorAll('[data-testid=scan-table] tbody tr').length === 2`, 'the PWM page at pwm/');
    assert.equal(await browser.eval(`location.pathname + location.search`), `${basePath}pwm?lang=en`);
    // An address several levels deep ends on the not-found page, naming what was asked for.
    await browser.goto(`${base}${DEEP_MISSING}/?lang=en`);
    await waitFor(browser, `${textOf('h1')} === 'Page not found'`, 'the not-found page for a deep address');
    assert.equal(await browser.eval(textOf('[data-testid=not-found-address]')), `${basePath}${DEEP_MISSING}/`);
    await browser.click('.not-found-lessons a[href$="/one-hot"]');
    await waitFor(browser, `document.querySelectorAll('[data-testid=onehot-table] tbody tr').length > 0`, 'a lesson from the not-found list');
  });

  await step('phone-sized window: no sideways scrolling', async () => {
    await browser.setViewport(390, 844);
    await browser.goto(`${base}pwm?lang=en`);
    await waitFor(browser, `document.querySelectorAll('[data-testid=scan-table] tbody tr').length === 2`, 'the PWM page');
    const overflow = await browser.eval(`document.documentElement.scrollWidth - document.documentElement.clientWidth`);
    assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
    await shot('pwm-phone-en');
    await browser.goto(`${base}one-hot?lang=ko`);
    await waitFor(browser, `document.querySelectorAll('[data-testid=onehot-table] tbody tr').length === 6`, 'the one-hot page');
    await shot('one-hot-phone-ko');
    await browser.setViewport(1280, 900);
  });

  await step('the same build served at the root', async () => {
    await browser.goto(`${root}one-hot`);
    await waitFor(browser, `document.querySelectorAll('[data-testid=onehot-table] tbody tr').length === 6`, 'the one-hot page at the root');
    assert.equal(await browser.eval(`document.querySelector('.lesson-nav a[href^="/pwm"]') !== null`), true);
    await browser.goto(`${root}backprop/`);
    await waitFor(browser, `document.querySelector('h1') && document.querySelector('.lesson-nav a[href^="/backprop"][aria-current]') !== null`, 'the backprop page at the root with a slash');
    await browser.goto(`${root}${DEEP_MISSING}`);
    await waitFor(browser, `${textOf('[data-testid=not-found-address]')} === '/${DEEP_MISSING}'`, 'the not-found page at the root');
  });
}

/** Checks that a panic shows the error panel (run last: the app is dead afterwards). */
export async function panicScenario(browser, { base, shots }) {
  await browser.goto(`${base}?simulate-panic=1`);
  await waitFor(browser, `!!document.getElementById('seqlab-panic')`, 'the error panel');
  const text = await browser.eval(textOf('#seqlab-panic'));
  assert.match(text, /SeqLab stopped because of an error/);
  assert.match(text, /simulated panic/);
  // The panic reaches the console too, which also proves the error capture works in this browser.
  const logged = () => browser.log.errors.some(({ text }) => text.includes('simulated panic'));
  for (let waited = 0; !logged() && waited < 3000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.ok(logged(), `the panic was logged: ${JSON.stringify(browser.log.errors)}`);
  await browser.screenshot(join(shots, 'panic.png'));
  console.log(`  ✓ ${browser.name}: a panic shows the error panel`);
}
