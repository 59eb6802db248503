// Derived interface state follows the plan that is open: nothing computed
// for the plan shown before an import survives into the imported one.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { open, showView } from './helpers.mjs';

/** The example plan with its categories renumbered, as another tool may write it. */
function renumbered(file) {
  const plan = JSON.parse(fs.readFileSync('tests/golden/v1.kalkyl.json', 'utf8'));
  plan.plan.name = 'Omnumrerad';
  for (const category of plan.plan.categories) category.id += 10;
  for (const line of plan.plan.lines) line.category += 10;
  fs.writeFileSync(file, JSON.stringify(plan));
}

test('right after an import the totals carry no rounding note of the plan shown before', async ({ page }, testInfo) => {
  await open(page);
  const total = page.locator('tr[data-row="total-cost"]');
  await expect(total.locator('td .value').first()).toHaveText('444 186');
  await expect(total.locator('.rounding-note')).toHaveCount(0);
  const file = testInfo.outputPath('renumbered.kalkyl.json');
  renumbered(file);
  await page.locator('[data-control=import]').setInputFiles(file);
  await expect(page.locator('.plan-name')).toHaveValue('Omnumrerad');
  await expect(page.locator('tr[data-row="category-11"]')).toBeVisible();
  await expect(total.locator('td .value').first()).toHaveText('444 186');
  await expect(total.locator('.rounding-note')).toHaveCount(0);
  // The same holds for the outcome view's totals, and after switching views.
  await showView(page, 'outcome');
  await showView(page, 'result');
  await expect(total.locator('.rounding-note')).toHaveCount(0);
});

test('a member added to a structure list can be moved past the one that was last', async ({ page }) => {
  await open(page);
  await showView(page, 'structure');
  const departments = page.locator('section[data-dimension="department"] li');
  await expect(departments).toHaveCount(8);
  await expect(departments.nth(7).locator('button[title="Flytta ned"]')).toBeDisabled();
  await page.locator('section[data-dimension="department"]').getByPlaceholder('Nytt namn').fill('Säkerhet');
  await page.locator('section[data-dimension="department"]').getByRole('button', { name: 'Lägg till' }).click();
  await expect(departments).toHaveCount(9);
  await expect(departments.nth(7).locator('button[title="Flytta ned"]')).toBeEnabled();
  await expect(departments.nth(8).locator('button[title="Flytta ned"]')).toBeDisabled();
});
