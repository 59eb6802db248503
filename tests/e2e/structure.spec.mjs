// The structure view: dimensions, drivers and lines, and formulas that use them.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { cellAt, open, showView, valueAt } from './helpers.mjs';

const list = (page, dimension) => page.locator(`section[data-dimension="${dimension}"]`);

test.beforeEach(async ({ page }) => {
  await open(page);
  await showView(page, 'structure');
});

test('a driver typed here drives a formula in the budget', async ({ page }) => {
  const drivers = list(page, 'driver');
  await drivers.getByPlaceholder('Nytt namn').fill('fte');
  await drivers.getByRole('button', { name: 'Lägg till' }).click();
  await expect(drivers.locator('li input')).toHaveValue('fte');
  for (let month = 1; month <= 12; month++) {
    await page.locator(`.drivers input[data-month="${month}"]`).fill(month === 12 ? '12' : '10');
    await page.locator(`.drivers input[data-month="${month}"]`).press('Tab');
  }

  await showView(page, 'monthly');
  await (await cellAt(page, 'line-1', 'm1')).click();
  await page.keyboard.type('=fte * 55000');
  await page.keyboard.press('Enter');
  await expect(await valueAt(page, 'line-1', 'm1')).toHaveText('550');
  await expect(await valueAt(page, 'line-1', 'year')).toHaveText('6 710');

  // Renaming the driver carries into the formula.
  await showView(page, 'structure');
  await drivers.locator('li input').fill('Årsarbetare');
  await drivers.locator('li input').press('Enter');
  await showView(page, 'monthly');
  await (await cellAt(page, 'line-1', 'm1')).click();
  await page.keyboard.press('F2');
  await expect(page.locator('.cell-editor')).toHaveValue('=Årsarbetare * 55000');
});

test('a department in use is not removed, a new one is added, renamed and removed', async ({ page }) => {
  const departments = list(page, 'department');
  await departments.locator('li').first().getByRole('button', { name: '✕' }).click();
  await expect(page.getByRole('alert')).toContainText('Kan inte tas bort: den används på 7 ställen, bland dem ”Personalkostnader Ekonomi”.');
  await expect(departments.locator('li')).toHaveCount(8);

  await departments.getByPlaceholder('Nytt namn').fill('Säkerhet');
  await departments.getByRole('button', { name: 'Lägg till' }).click();
  await expect(departments.locator('li')).toHaveCount(9);
  await departments.locator('li').last().locator('input').fill('IT-säkerhet');
  await departments.locator('li').last().locator('input').press('Enter');
  await expect(departments.locator('li').last().locator('input')).toHaveValue('IT-säkerhet');
  await departments.locator('li').last().getByRole('button', { name: '✕' }).click();
  await expect(departments.locator('li')).toHaveCount(8);
  await page.getByRole('button', { name: 'Ångra' }).click();
  await expect(departments.locator('li')).toHaveCount(9);
});

test('a new line appears in the budget and moves the totals', async ({ page }) => {
  const services = list(page, 'service');
  await services.getByPlaceholder('Nytt namn').fill('Bastjänster');
  await services.getByRole('button', { name: 'Lägg till' }).click();
  const form = page.locator('form.new-line');
  await form.getByPlaceholder('Nytt namn').fill('Lokalhyra Ekonomi');
  await form.getByLabel('Tjänst').selectOption({ label: 'Bastjänster' });
  await form.getByRole('button', { name: 'Lägg till' }).click();
  await showView(page, 'monthly');
  const row = page.locator('tr[data-row="line-45"]');
  await expect(row.locator('th')).toHaveText('Lokalhyra Ekonomi');
  await (await cellAt(page, 'line-45', 'year')).click();
  await page.keyboard.type('1 200');
  await page.keyboard.press('Enter');
  await expect(await valueAt(page, 'total-cost', 'year')).toHaveText('1 451 002');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera fil' }).click()]);
  const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(saved.plan.lines.at(-1)).toMatchObject({ name: 'Lokalhyra Ekonomi', service: 1 });
});
