// Browser storage as a user meets it: plans in IndexedDB, what earlier
// versions stored, edits that are not saved yet, a full disk, blocked site
// data, and a large plan.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { cellAt, open, showView, valueAt } from './helpers.mjs';

async function editBudget(page, row, amount) {
  await showView(page, 'monthly');
  await (await cellAt(page, row, 'year')).click();
  await page.keyboard.type(amount);
  await page.keyboard.press('Enter');
  await expect(await valueAt(page, row, 'year')).toHaveText(amount);
}

/** The example plan as the file format has it, named `name`. */
function examplePlan(name) {
  const file = JSON.parse(fs.readFileSync('tests/golden/v1.kalkyl.json', 'utf8'));
  file.plan.name = name;
  return file;
}

/** Reloads the page by script, as a user would press F5, without waiting for it. */
function startReload(page) {
  page.evaluate(() => location.reload()).catch(() => {});
}

/** Counts the beforeunload questions the page asks, answering `answer`. */
function countQuestions(page, answer) {
  const asked = [];
  page.on('dialog', async (dialog) => {
    asked.push(dialog.type());
    await (answer === 'stay' ? dialog.dismiss() : dialog.accept());
  });
  return asked;
}

test('plans that an earlier version kept in local storage open as before, moved to IndexedDB', async ({ page }) => {
  // Local storage as the previous version left it, written before the app first runs.
  await page.goto('/boot.js');
  const old = examplePlan('Gamla planen');
  old.plan.lines[1].budget = Array(12).fill('1000000.00');
  await page.evaluate((text) => {
    const index = { plans: [{ id: 'old', name: 'Gamla planen', revision: 4, saved: '2026-11-20 09:00', exported: null, days: [] }], last_open: 'old' };
    localStorage.setItem('kalkyl.library', JSON.stringify(index));
    localStorage.setItem('kalkyl.plan.old.r4', text);
    localStorage.setItem('kalkyl.prefs', JSON.stringify({ lang: 'sv', unit: 'tkr' }));
  }, JSON.stringify(old));
  await open(page);
  await expect(page.locator('.plan-name')).toHaveValue('Gamla planen');
  await showView(page, 'monthly');
  await expect(await valueAt(page, 'line-2', 'year')).toHaveText('12 000');
  const left = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(left).toEqual(['kalkyl.prefs']);
  await editBudget(page, 'line-2', '24 000');
  await page.reload();
  await expect(page.locator('.plan-name')).toHaveValue('Gamla planen');
  await showView(page, 'monthly');
  await expect(await valueAt(page, 'line-2', 'year')).toHaveText('24 000');
  await page.getByRole('button', { name: 'Planer' }).click();
  await expect(page.locator('.library .plans li')).toHaveCount(1);
  await expect(page.locator('.library .backups li').filter({ hasText: 'Sparning 5' })).toHaveCount(1);
});

test('closing the page right after an edit loses nothing', async ({ context }) => {
  test.setTimeout(120_000);
  for (let attempt = 0; attempt < 5; attempt++) {
    const page = await context.newPage();
    await open(page);
    const amount = `${20 + attempt} 000`;
    await editBudget(page, 'line-2', amount);
    await page.close();
    const next = await context.newPage();
    await open(next);
    await showView(next, 'monthly');
    await expect(await valueAt(next, 'line-2', 'year')).toHaveText(amount);
    await next.close();
  }
});

test('a full disk is reported at once; the edits stay, export is at hand, and a reload asks first', async ({ page }) => {
  await open(page);
  // A disk with no room: IndexedDB aborts a save's transaction with a
  // QuotaExceededError once it is sent, as Chromium does.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    window.diskFull = true;
    IDBObjectStore.prototype.put = function (value, key) {
      const request = put.call(this, value, key);
      const transaction = this.transaction;
      if (window.diskFull && String(key).startsWith('kalkyl.plan.')) {
        Object.defineProperty(transaction, 'error', { get: () => full });
        queueMicrotask(() => transaction.abort());
      }
      return request;
    };
  });
  await editBudget(page, 'line-2', '20 000');
  const notice = page.locator('.notice.storage');
  await expect(notice).toContainText('lagring är full', { timeout: 3000 });
  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Exportera fil' }).click()]);
  expect(download.suggestedFilename()).toBe('Månadsrapport april 2023.kalkyl.json');
  // Exported: the edits are kept in a file, so leaving asks nothing. A new edit is unsaved again.
  await editBudget(page, 'line-2', '30 000');
  await expect(notice).toContainText('lagring är full');

  const asked = countQuestions(page, 'stay');
  startReload(page);
  await expect.poll(() => asked).toEqual(['beforeunload']);
  await expect(await valueAt(page, 'line-2', 'year')).toHaveText('30 000');

  // Room again: the edits are saved and leaving asks nothing.
  await page.evaluate(() => (window.diskFull = false));
  await editBudget(page, 'line-2', '40 000');
  await expect(notice).toHaveCount(0, { timeout: 3000 });
  await page.reload();
  await showView(page, 'monthly');
  await expect(await valueAt(page, 'line-2', 'year')).toHaveText('40 000');
  expect(asked).toEqual(['beforeunload']);
});

test('edits that storage refused are still there after the user reloads anyway', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (String(key).startsWith('kalkyl.plan.')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  await editBudget(page, 'line-2', '20 000');
  await expect(page.locator('.notice.storage')).toContainText('lagring är full', { timeout: 3000 });
  const asked = countQuestions(page, 'leave');
  const loaded = page.waitForEvent('load');
  startReload(page);
  await loaded;
  expect(asked).toEqual(['beforeunload']);
  // Kept in local storage as the page closed, saved now that storage takes it.
  await showView(page, 'monthly');
  await expect(await valueAt(page, 'line-2', 'year')).toHaveText('20 000');
  await expect(page.locator('.notice.storage')).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('kalkyl.unsaved')))).toEqual([]);
});

test.describe('with site data blocked', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const refuse = () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      };
      Object.defineProperty(window, 'localStorage', { configurable: true, get: refuse });
      IDBFactory.prototype.open = refuse;
    });
  });

  test('the app starts with the example, says nothing will be saved and offers export', async ({ page }) => {
    await open(page);
    await expect(page.locator('.plan-name')).toHaveValue('Månadsrapport april 2023');
    const notice = page.locator('.notice.storage');
    await expect(notice).toContainText('inget sparas');
    await editBudget(page, 'line-2', '20 000');
    await expect(await valueAt(page, 'total-cost', 'year')).toHaveText('1 456 076');
    const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Exportera fil' }).click()]);
    const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    const year = file.plan.lines.find((line) => line.id === 2).budget.reduce((sum, month) => sum + Number(month), 0);
    expect(Math.round(year)).toBe(20_000_000);
    // Unsaved edits after the export: leaving asks first.
    await editBudget(page, 'line-2', '30 000');
    const asked = countQuestions(page, 'stay');
    startReload(page);
    await expect.poll(() => asked).toEqual(['beforeunload']);
  });

  test('in English too', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { configurable: true, get: () => { throw new DOMException('denied', 'SecurityError'); } });
      IDBFactory.prototype.open = () => { throw new DOMException('denied', 'SecurityError'); };
    });
    await open(page);
    await expect(page.locator('.notice.storage')).toContainText('nothing will be saved');
    await expect(page.locator('.notice.storage').getByRole('button', { name: 'Export file' })).toBeVisible();
    await context.close();
  });
});

/** A plan file of `count` lines: the example's lines repeated, each its own. */
function largePlan(count) {
  const file = examplePlan('Stor plan');
  const template = file.plan.lines.map((line) => ({ ...line, formula: undefined, service: undefined }));
  file.plan.snapshots = [];
  file.plan.lines = Array.from({ length: count }, (_, i) => ({ ...template[i % template.length], id: i + 1, name: `${template[i % template.length].name} ${i + 1}` }));
  return file;
}

// The grid renders only the rows on screen, so 20 000 lines scroll and edit
// at once; tests/browser_storage.rs times the save itself.
test('a plan of 20 000 lines is imported, kept across a reload and edited', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await open(page);
  const file = testInfo.outputPath('large.kalkyl.json');
  fs.writeFileSync(file, JSON.stringify(largePlan(20_000)));
  await page.locator('[data-control=import]').setInputFiles(file);
  await expect(page.locator('.plan-name')).toHaveValue('Stor plan');
  await page.waitForTimeout(2000);
  await page.reload();
  await expect(page.locator('.plan-name')).toHaveValue('Stor plan');
  // The first line on screen: the grid renders only the rows in view.
  await showView(page, 'monthly');
  const row = await page.locator('#grid tr[data-row^="line-"]').first().getAttribute('data-row');
  await editBudget(page, row, '20 000');
  await page.waitForTimeout(2000);
  await page.reload();
  await showView(page, 'monthly');
  await expect(await valueAt(page, row, 'year')).toHaveText('20 000');
  await expect(page.locator('.plan-name')).toHaveValue('Stor plan');
});
