// One small browser interface over two automation stacks: Playwright drives Debian's Chromium,
// Selenium WebDriver (geckodriver + WebDriver BiDi) drives Firefox ESR, which Playwright cannot.
// Both record console errors, uncaught exceptions and every request URL for the assertions.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--lang=en-US',
];

/** Playwright + /usr/bin/chromium. */
export async function chromium() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const log = { errors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') {
      log.errors.push({ text: message.text(), url: message.location()?.url ?? '' });
    }
  });
  page.on('pageerror', (error) => log.errors.push({ text: String(error), url: '' }));
  page.on('request', (request) => log.requests.push(request.url()));
  return {
    name: 'chromium',
    log,
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    reload: () => page.reload({ waitUntil: 'load' }),
    url: async () => page.url(),
    eval: (expression) => page.evaluate(expression),
    evalAsync: (expression) => page.evaluate(expression),
    click: (css) => page.click(css),
    fill: (css, value) => page.fill(css, value),
    upload: (css, path) => page.setInputFiles(css, path),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    screenshot: (path) => page.screenshot({ path, fullPage: true }),
    /** A screenshot of what the window shows (not the whole page). */
    screenshotWindow: (path) => page.screenshot({ path }),
    /** The browser's own offline mode (Playwright's network emulation: the page, its workers and
     * service workers get no network). */
    setOffline: async (on) => {
      await context.setOffline(on);
      return 'context.setOffline';
    },
    /**
     * A first visit to `url` over a throttled link (Chromium's network emulation: `latencyMs` per
     * round trip, `mbps` down and up), in a context of its own (no cache, no service worker):
     * milliseconds from navigation until `ready` (a page expression) holds, the load event, and
     * the bytes transferred. Chromium only.
     */
    firstVisit: async (url, { latencyMs, mbps, ready }) => {
      const fresh = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
      try {
        const visit = await fresh.newPage();
        const cdp = await fresh.newCDPSession(visit);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        const throughput = (mbps * 1e6) / 8;
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: latencyMs, downloadThroughput: throughput, uploadThroughput: throughput });
        let bytes = 0;
        cdp.on('Network.loadingFinished', (event) => { bytes += event.encodedDataLength; });
        await visit.goto(url, { waitUntil: 'load', timeout: 120000 });
        await visit.waitForFunction(ready, null, { timeout: 120000, polling: 10 });
        const [readyMs, loadMs] = await visit.evaluate(() => [performance.now(), performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0]);
        return { readyMs: Math.round(readyMs), loadMs: Math.round(loadMs), bytes };
      } finally {
        await fresh.close();
      }
    },
    close: () => browser.close(),
  };
}

/** The geckodriver to use: $GECKODRIVER, ~/.cargo/bin/geckodriver or PATH. */
function geckodriverPath() {
  const candidates = [process.env.GECKODRIVER, join(homedir(), '.cargo/bin/geckodriver')];
  return candidates.find((p) => p && existsSync(p)) ?? 'geckodriver';
}

/** Selenium + geckodriver + /usr/bin/firefox-esr, with BiDi for console and network events. */
export async function firefox() {
  const { Builder, Browser, By } = await import('selenium-webdriver');
  const firefoxModule = await import('selenium-webdriver/firefox.js');
  const options = new firefoxModule.Options()
    .setBinary('/usr/bin/firefox-esr')
    .addArguments('-headless')
    .setPreference('intl.accept_languages', 'en-US')
    .setPreference('intl.locale.requested', 'en-US')
    .enableBidi();
  const driver = await new Builder()
    .forBrowser(Browser.FIREFOX)
    .setFirefoxOptions(options)
    .setFirefoxService(new firefoxModule.ServiceBuilder(geckodriverPath()))
    .build();
  await driver.manage().window().setRect({ width: 1280, height: 900 });
  const log = { errors: [], requests: [] };
  // Raw BiDi events (Selenium's wrappers drop events whose fields they do not expect).
  const bidi = await driver.getBidi();
  await bidi.subscribe('log.entryAdded');
  await bidi.subscribe('network.beforeRequestSent');
  (await bidi.socket).on('message', (raw) => {
    const { method, params } = JSON.parse(raw.toString());
    if (method === 'network.beforeRequestSent') log.requests.push(params.request.url);
    if (method === 'log.entryAdded' && params.level === 'error') {
      log.errors.push({ text: params.text ?? '', url: params.source?.context ?? '' });
    }
  });
  const element = (css) => driver.findElement(By.css(css));
  return {
    name: 'firefox',
    log,
    goto: (url) => driver.get(url),
    reload: () => driver.navigate().refresh(),
    url: () => driver.getCurrentUrl(),
    eval: (expression) => driver.executeScript(`return (${expression});`),
    evalAsync: (expression) =>
      driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         Promise.resolve(${expression}).then(done, (e) => done({ error: String(e) }));`,
      ),
    click: async (css) => (await element(css)).click(),
    fill: async (css, value) => {
      const field = await element(css);
      await field.clear();
      await field.sendKeys(value);
    },
    upload: async (css, path) => (await element(css)).sendKeys(path),
    setViewport: (width, height) => driver.manage().window().setRect({ width, height }),
    screenshot: async (path) => writeFile(path, Buffer.from(await driver.takeFullPageScreenshot(), 'base64')),
    screenshotWindow: async (path) => writeFile(path, Buffer.from(await driver.takeScreenshot(), 'base64')),
    /** No browser-side emulation: Firefox 153's (WebDriver BiDi emulation.setNetworkConditions)
     * sends every navigation to its own "offline mode" error page without asking the service
     * worker, which no real network loss does; the tests stop the server instead (every connection
     * refused), which is what a classroom without internet looks like. */
    setOffline: async () => 'none (the server stopped)',
    close: () => driver.quit(),
  };
}
