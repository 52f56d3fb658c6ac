// What the browser test scripts share: Debian's Chromium via playwright-core (no browser download), a tiny
// test runner whose `ok`/`FAIL` lines the JUnit side reads (BrowserScript), and assert.
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const SHOT_DIR = process.env.SHOT_DIR ?? '';

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Registers tests with `test(name, fn)`, then `run()` runs them in order (ONLY=part-of-name filters). */
export function suite() {
  const tests = [];
  return {
    test: (name, fn) => tests.push({ name, fn }),
    async run() {
      if (!existsSync(CHROMIUM)) {
        console.error(`Chromium not found at ${CHROMIUM}. Install it: apt-get update && apt-get install -y chromium chromium-driver`);
        process.exit(2);
      }
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      if (SHOT_DIR) mkdirSync(SHOT_DIR, { recursive: true });
      let failed = 0;
      let ran = 0;
      const only = process.env.ONLY;
      for (const t of tests) {
        if (only && !t.name.includes(only)) continue;
        ran += 1;
        const started = Date.now();
        try {
          await t.fn(browser);
          console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
        } catch (e) {
          failed += 1;
          console.log(`FAIL ${t.name}\n     ${e.stack ?? e}`);
        }
      }
      await browser.close();
      console.log(failed === 0 ? `browser tests: all ${ran} passed` : `browser tests: ${failed} failed`);
      process.exit(failed === 0 ? 0 : 1);
    },
  };
}
