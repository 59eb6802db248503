// The page's Content-Security-Policy: only the site's own scripts and
// WebAssembly run, and the app works within it.
import { test, expect } from '@playwright/test';
import { cellAt, open, showView, valueAt } from './helpers.mjs';

/** Records every policy violation of the page, from before its first script. */
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (ev) => {
      window.violations.push(`${ev.violatedDirective} ${ev.blockedURI}`);
    });
  });
  const console = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  return console;
}

test('the page allows only its own scripts and WebAssembly', async ({ page }) => {
  await open(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(directives['base-uri']).toEqual(["'none'"]);
  expect(directives['default-src']).toEqual(["'none'"]);
  // The policy is the first thing in the page, before any script or style.
  const first = await page.evaluate(() => document.head.firstElementChild.nextElementSibling.getAttribute('http-equiv'));
  expect(first).toBe('Content-Security-Policy');
  expect(await page.locator('script:not([src])').count()).toBe(0);
});

test('the app loads and is used without any policy violation', async ({ page }, testInfo) => {
  const console = await watchViolations(page);
  await open(page);
  await showView(page, 'monthly');
  await (await cellAt(page, 'line-2', 'year')).click();
  await page.keyboard.type('20 000');
  await page.keyboard.press('Enter');
  await expect(await valueAt(page, 'total-cost', 'year')).toHaveText('1 456 076');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera fil' }).click()]);
  const file = testInfo.outputPath('plan.kalkyl.json');
  await download.saveAs(file);
  await page.locator('[data-control=import]').setInputFiles(file);
  await page.getByRole('button', { name: 'Planer' }).click();
  await expect(page.locator('.library .plans li')).toHaveCount(2);
  await page.reload();
  await expect(page.getByRole('grid')).toBeVisible();
  expect(await page.evaluate(() => window.violations)).toEqual([]);
  expect(console).toEqual([]);
});

test('an inline script is refused by the policy', async ({ page }) => {
  await watchViolations(page);
  await open(page);
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.body.append(script);
    return window.injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => page.evaluate(() => window.violations)).toEqual([expect.stringMatching(/^script-src/)]);
});
