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
      error.message = `${browser.name}: ${name}: ${error.message}`;
      throw error;
    }
  };
}
