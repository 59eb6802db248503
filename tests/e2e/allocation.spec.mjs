// The Fördelning tab as a controller uses it: the charges check against the
// pools, a key value edited (and pasted) changes a customer's charge, undo
// restores it, the key comparison keeps the total, billing sums to the year.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { cellAt, open, paste, showView, valueAt } from './helpers.mjs';

/** A figure as shown in kr ("1 234 567", "−6") as a number. */
const kronor = (text) => Number(text.replace(/[\s\u00a0]/g, '').replace('−', '-').replace(',', '.'));

/** Opens a page of the Fördelning tab, amounts in whole kronor. */
async function showPage(page, key) {
  await page.locator(`[role=tab][data-page="${key}"]`).click();
  await expect(page.locator(`[role=tab][data-page="${key}"]`)).toHaveAttribute('aria-selected', 'true');
  await page.locator('.grid-scroll').waitFor();
}

test.beforeEach(async ({ page }) => {
  await open(page);
  await page.locator('select[data-control="unit"]').selectOption('kr');
  await showView(page, 'allocation');
});

test('the charges sum to each pool, and a key value edited changes the charge until undone', async ({ page }) => {
  await showPage(page, 'charges');
  for (const rule of ['rule-1', 'rule-2', 'rule-3']) {
    await expect(await valueAt(page, 'check', rule)).toHaveText('Σ = pool, differens 0 kr');
    const total = await (await valueAt(page, 'total', rule)).textContent();
    await expect(await valueAt(page, 'pool', rule)).toHaveText(total);
  }
  const before = await (await valueAt(page, 'customer-1', 'rule-1')).textContent();

  await showPage(page, 'keys');
  await (await cellAt(page, 'customer-1', 'key-1-1')).click();
  await page.keyboard.type('2 400');
  await page.keyboard.press('Enter');
  await expect(await valueAt(page, 'customer-1', 'key-1-1')).toHaveText('2 400');

  await showPage(page, 'charges');
  const after = await (await valueAt(page, 'customer-1', 'rule-1')).textContent();
  expect(kronor(after)).toBeGreaterThan(kronor(before));
  await expect(await valueAt(page, 'check', 'rule-1')).toHaveText('Σ = pool, differens 0 kr');
  const total = await (await valueAt(page, 'total', 'rule-1')).textContent();
  await expect(await valueAt(page, 'pool', 'rule-1')).toHaveText(total);

  await page.getByRole('button', { name: 'Ångra' }).click();
  await expect(await valueAt(page, 'customer-1', 'rule-1')).toHaveText(before);
});

test('a column pasted from Excel is one edit, and a negative value is refused with the reason', async ({ page }) => {
  await showPage(page, 'keys');
  await (await cellAt(page, 'customer-1', 'key-2-1')).click();
  await paste(page, '1 600\r\n12 500,5\r\n');
  await expect(await valueAt(page, 'customer-1', 'key-2-1')).toHaveText('1 600');
  await expect(await valueAt(page, 'customer-2', 'key-2-1')).toHaveText('12 500,5');
  await page.getByRole('button', { name: 'Ångra' }).click();
  await expect(await valueAt(page, 'customer-1', 'key-2-1')).toHaveText('1 500');
  await expect(await valueAt(page, 'customer-2', 'key-2-1')).toHaveText('12 000');

  await (await cellAt(page, 'customer-3', 'key-2-1')).click();
  await page.keyboard.type('-5');
  await page.keyboard.press('Enter');
  await expect(page.locator('.cell-message')).toContainText('kan inte vara negativt');
  await expect(await valueAt(page, 'customer-3', 'key-2-1')).toHaveText('5 000');
});

test('a customer still given a share cannot be removed, and the form says why', async ({ page }) => {
  await showPage(page, 'keys');
  await page.locator('button[data-action="remove-customer"]').click();
  await expect(page.locator('[data-form="customer"] .allocation-message')).toContainText('kan inte tas bort');
  await page.locator('input[data-control="customer-name"]').fill('Revisionskontoret');
  await page.locator('button[data-action="add-customer"]').click();
  await expect(page.locator('tr[data-row="customer-14"]')).toContainText('Revisionskontoret');
});

test('the key comparison keeps the total, the seasonal company moving most', async ({ page }) => {
  await showPage(page, 'comparison');
  const a = await (await valueAt(page, 'total', 'a')).textContent();
  await expect(await valueAt(page, 'total', 'b')).toHaveText(a);
  await expect(await valueAt(page, 'total', 'difference')).toHaveText('0');
  await expect(page.locator('tbody tr[data-row]').first()).toContainText('Stadens Nöjespark AB');
  const seasonal = await (await valueAt(page, 'customer-9', 'difference')).textContent();
  expect(kronor(seasonal)).toBeLessThan(0);

  // Comparing with the number of computers instead moves other customers.
  await page.locator('select[data-control="variant-b"]').selectOption({ label: 'Antal datorer' });
  await expect(page.locator('thead')).toContainText('B: Antal datorer');
  await expect(await valueAt(page, 'customer-9', 'difference')).not.toHaveText(seasonal);
  const total = await (await valueAt(page, 'total', 'a')).textContent();
  await expect(await valueAt(page, 'total', 'b')).toHaveText(total);
});

test('a key value edited is kept after a reload', async ({ page }) => {
  await showPage(page, 'keys');
  await (await cellAt(page, 'customer-5', 'key-3-1')).click();
  await page.keyboard.type('4,25');
  await page.keyboard.press('Enter');
  await expect(await valueAt(page, 'customer-5', 'key-3-1')).toHaveText('4,25');
  await page.waitForTimeout(800);
  await page.reload();
  await showView(page, 'allocation');
  await showPage(page, 'keys');
  await expect(await valueAt(page, 'customer-5', 'key-3-1')).toHaveText('4,25');
  await expect(await valueAt(page, 'total', 'key-3-1')).toHaveText('100,25');
});

test('billing months sum to the year, and the page exports to CSV', async ({ page }) => {
  await showPage(page, 'billing');
  let months = 0;
  for (let m = 1; m <= 12; m++) months += kronor(await (await valueAt(page, 'total', `m${m}`)).textContent());
  expect(months).toBe(kronor(await (await valueAt(page, 'total', 'year')).textContent()));

  await showPage(page, 'charges');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV (vyn)' }).click()]);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  expect(text.startsWith('\ufeffKund (kr);Bastjänster;')).toBe(true);
  expect(text).toContain('Σ = pool, differens 0 kr');
});

test('the re-settlement shows the result before and after', async ({ page }) => {
  await showPage(page, 'settlement');
  await expect(await valueAt(page, 'result', 'first')).toHaveText('Resultat innan återreglering');
  await expect(await valueAt(page, 'result', 'second')).toHaveText('Återreglering till kund');
  const back = await (await valueAt(page, 'customers-total', 'third')).textContent();
  await expect(await valueAt(page, 'services-total', 'third')).toHaveText(back);
});
