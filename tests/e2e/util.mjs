// Helpers shared by the end-to-end scenarios.

/** Polls `expression` in the page until it is truthy; returns its value. */
/** A number as the page prints it (real minus signs, U+2212) read as JavaScript's Number. */
export const num = (text) => Number(String(text).replace(/\u2212/g, '-'));

export async function waitFor(browser, expression, what, timeout = 30000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await browser.eval(expression);
      if (last) return last;
    } catch (error) {
      last = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what} (last value: ${JSON.stringify(last)})`);
}

/** A named step: logs a tick when it passes, prefixes the browser and step to its error. */
export function stepper(browser) {
  return async (name, body) => {
    try {
      await body();
      console.log(`  ✓ ${browser.name}: ${name}`);
    } catch (error) {
      const recent = (browser.log?.errors ?? []).slice(-5).map((e) => e.text ?? String(e));
      const logged = recent.length ? `\n  last console errors: ${JSON.stringify(recent)}` : '';
      error.message = `${browser.name}: ${name}: ${error.message}${logged}`;
      // The stack (which the runner prints) was written before the message grew.
      if (logged) console.error(`${browser.name}: ${name}:${logged}`);
      throw error;
    }
  };
}

/**
 * What is wrong with the labels drawn on the page's canvases, read from each canvas's
 * `data-drawn` log (src/ui/plots/backend.rs): a label outside its canvas (clipped), two labels on
 * top of each other (an axis title over its ticks), a negative zero ("−0", "-0.0"), a hyphen where
 * a minus sign belongs ("-4" for "−4"). Returns one sentence per problem, naming the canvas.
 */
export const canvasProblems = `Array.from(document.querySelectorAll('canvas[data-drawn]')).flatMap((canvas) => {
  if (canvas.getBoundingClientRect().width === 0) return [];
  const log = JSON.parse(canvas.dataset.drawn);
  const name = canvas.dataset.testid || canvas.getAttribute('aria-label') || 'canvas';
  const texts = log.texts.filter(([t]) => t.trim() !== '');
  const problems = [];
  for (const [t, l, top, r, b] of texts) {
    if (/^[-\\u2212]0(\\.0+)?$/.test(t)) problems.push(name + ': negative zero ' + t);
    if (/^-[0-9]/.test(t)) problems.push(name + ': a hyphen for a minus sign in ' + t);
    if (l < -1 || top < -1 || r > log.width + 1 || b > log.height + 1) problems.push(name + ': ' + t + ' clipped at [' + [l, top, r, b] + '] in ' + log.width + 'x' + log.height);
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const [a, al, at, ar, ab] = texts[i];
      const [c, cl, ct, cr, cb] = texts[j];
      const w = Math.min(ar, cr) - Math.max(al, cl);
      const h = Math.min(ab, cb) - Math.max(at, ct);
      if (w > 2 && h > 2) problems.push(name + ': ' + a + ' overlaps ' + c);
    }
  }
  return problems;
})`;

/**
 * Leaves the current lab for the lesson `away` (a click in the lesson list, as a student would),
 * comes back with the browser's Back button and then with the lesson list's link, and checks each
 * time that the page shows what it showed before: the text of every `testids` element (a trained
 * model's metrics, its status, its epoch log) — and that the whole visit still runs one training
 * worker. Returns the texts.
 */
export async function keepsAcrossNavigation(browser, { away, testids }) {
  const read = () => browser.eval(`(${JSON.stringify(testids)}).map((id) => document.querySelector('[data-testid=' + id + ']')?.textContent ?? null)`);
  const before = await read();
  if (before.some((t) => !t)) throw new Error(`nothing to keep yet: ${JSON.stringify(before)}`);
  const lab = await browser.eval('location.pathname');
  const slug = lab.split('/').filter(Boolean).pop();
  const leave = async () => {
    await browser.click(`.lesson-nav a[href*="/${away}"]`);
    await waitFor(browser, `location.pathname.endsWith('/${away}') && !document.querySelector('[data-testid=${testids[0]}]')`, `the ${away} lesson`);
  };
  const same = async (how) => {
    await waitFor(browser, `location.pathname.endsWith('/${slug}')`, `${slug} again (${how})`);
    const deadline = Date.now() + 20000;
    let after = await read();
    while (JSON.stringify(after) !== JSON.stringify(before) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await read();
    }
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      throw new Error(`${slug} after ${how}: ${JSON.stringify(after)} instead of ${JSON.stringify(before)}`);
    }
  };
  await leave();
  await browser.eval('(history.back(), true)');
  await same('Back');
  await leave();
  await browser.click(`.lesson-nav a[href*="/${slug}"]`);
  await same('the lesson list');
  const workers = await browser.eval(`document.documentElement.dataset.trainingWorkers ?? '0'`);
  if (workers !== '1') throw new Error(`${workers} training workers in one visit`);
  return before;
}
