// Indikatorer: the report's indicator tables, typed values, status and rules.
import { test, expect } from '@playwright/test';
import { cellAt, open, showView, valueAt } from './helpers.mjs';

const NKI = 'indicator-1';
const SICK_LEAVE = 'indicator-15';

test.beforeEach(async ({ page }) => {
  await open(page);
  await showView(page, 'indicators');
});

test('the tables show the report figures and status in words', async ({ page }) => {
  await expect(await valueAt(page, 'group-1-tertial', 'outcome')).toHaveText('Utfall T1 2023');
  await expect(await valueAt(page, NKI, 'last-year')).toHaveText('66,9 %');
  await expect(await valueAt(page, NKI, 'outcome')).toHaveText('70 %');
  await expect(await valueAt(page, NKI, 'status')).toHaveText('● Grön');
  await expect(await valueAt(page, SICK_LEAVE, 'outcome')).toHaveText('5,7 %');
  await expect(await valueAt(page, SICK_LEAVE, 'target')).toHaveText('5 %');
  await expect(await valueAt(page, SICK_LEAVE, 'status')).toHaveText('■ Röd');
  await expect(await valueAt(page, 'indicator-7', 'r12')).toHaveText('724 646');
  const status = await cellAt(page, SICK_LEAVE, 'status');
  await expect(status).toHaveAttribute('title', /Status apr 2023: ■ Röd – målet är inte nått/);
  await expect(status).toHaveAttribute('title', /Regel \(planens standardregel\): grön när målet nås, gul inom 5 % från målet/);
});

test('typing an outcome changes the status, and undo restores it', async ({ page }) => {
  await (await cellAt(page, SICK_LEAVE, 'outcome')).click();
  await page.keyboard.type('4,9');
  await page.keyboard.press('Enter');
  await expect(await valueAt(page, SICK_LEAVE, 'outcome')).toHaveText('4,9 %');
  await expect(await valueAt(page, SICK_LEAVE, 'status')).toHaveText('● Grön');
  await page.keyboard.press('Control+z');
  await expect(await valueAt(page, SICK_LEAVE, 'outcome')).toHaveText('5,7 %');
  await expect(await valueAt(page, SICK_LEAVE, 'status')).toHaveText('■ Röd');
});

test('a value that is not a number is refused and changes nothing', async ({ page }) => {
  await (await cellAt(page, SICK_LEAVE, 'outcome')).click();
  await page.keyboard.type('abc');
  await page.keyboard.press('Enter');
  await expect(page.locator('.cell-message')).toHaveText('”abc”: inte ett tal i enheten %.');
  await page.keyboard.press('Escape');
  await expect(await valueAt(page, SICK_LEAVE, 'outcome')).toHaveText('5,7 %');
});

test('the default rule and an own rule recolour, each an undoable edit', async ({ page }) => {
  await page.locator('[data-control="default-rule-margin"]').fill('20');
  await page.locator('[data-control="default-rule-margin"]').press('Tab');
  await expect(await valueAt(page, SICK_LEAVE, 'status')).toHaveText('▲ Gul');
  await page.getByRole('button', { name: 'Ångra' }).click();
  await expect(await valueAt(page, SICK_LEAVE, 'status')).toHaveText('■ Röd');

  await page.locator('[data-control="indicator"]').selectOption({ label: 'Sjukfrånvaro' });
  await page.locator('[data-control="own-rule"]').check();
  await page.locator('[data-control="own-rule-symbols"]').selectOption('arrows');
  await page.locator('[data-control="own-rule-basis"]').selectOption('change-last-year');
  // 5,7 % against 4,6 % last year, lower is better: worse.
  await expect(await valueAt(page, SICK_LEAVE, 'status')).toHaveText('↓ Försämrad');
  await expect(await cellAt(page, SICK_LEAVE, 'status')).toHaveAttribute('title', /indikatorns egen regel/);
  await expect(page.locator('#indicator-trend-15 svg title')).toHaveText('Trend: Sjukfrånvaro');
});

test('an indicator is added and removed', async ({ page }) => {
  await page.locator('[data-control="new-indicator"]').fill('Antal möten');
  await page.locator('[data-control="new-indicator"]').press('Enter');
  await expect(page.locator('[data-control="indicator-name"]')).toHaveValue('Antal möten');
  await expect(page.locator('tr[data-row="indicator-23"] th')).toContainText('Antal möten');
  await page.locator('[data-action="remove-indicator"]').click();
  await expect(page.locator('tr[data-row="indicator-23"]')).toHaveCount(0);
});

test('a computed indicator follows the budget lines it reads, and a reload keeps it', async ({ page }) => {
  const COST_PER_PAY_SLIP = 'indicator-21';
  const columns = ['outcome', 'target', 'forecast', 'annual-target'];
  const figures = async () => {
    const shown = [];
    for (const column of columns) shown.push(await (await valueAt(page, COST_PER_PAY_SLIP, column)).textContent());
    return shown.join(' | ');
  };
  const before = await figures();
  await showView(page, 'monthly');
  await (await cellAt(page, 'line-6', 'year')).click();
  await page.keyboard.type('90 000');
  await page.keyboard.press('Enter');
  await expect(await valueAt(page, 'line-6', 'year')).toHaveText('90 000');
  await showView(page, 'indicators');
  const after = await figures();
  expect(after).not.toBe(before);
  await page.waitForTimeout(1500);
  await page.reload();
  await showView(page, 'indicators');
  expect(await figures()).toBe(after);
});
