// Outcome and forecast: the report's department table, methods and closing.
import { test, expect } from '@playwright/test';
import { cellAt, open, showView, valueAt } from './helpers.mjs';

test.beforeEach(async ({ page }) => {
  await open(page);
  await showView(page, 'outcome');
});

test('the department table matches the report and shows its rounding', async ({ page }) => {
  await expect(await valueAt(page, 'unit-4-operations', 'outcome-ytd')).toHaveText('9 929');
  await expect(await valueAt(page, 'unit-4-operations', 'deviation-ytd')).toHaveText('10 275');
  await expect(await valueAt(page, 'unit-4-operations', 'deviation-change')).toHaveText('−818');
  await expect(await valueAt(page, 'total-operations', 'deviation-ytd')).toHaveText('22 331');
  await expect(await valueAt(page, 'total-development', 'deviation-ytd')).toHaveText('−915');
  await expect(await valueAt(page, 'result', 'deviation-ytd')).toHaveText('21 416');
  await expect(await valueAt(page, 'result', 'deviation-change')).toHaveText('548');
  const note = (await cellAt(page, 'total-operations', 'deviation-ytd')).locator('.rounding-note');
  await expect(note).toHaveAttribute('title', /raderna till 22\s332/);
});

test('changing a forecast method is one undoable step', async ({ page }) => {
  const forecast = await valueAt(page, 'line-1', 'forecast-year');
  const before = await forecast.textContent();
  // The method is chosen from the cell's list, which Enter opens.
  await (await cellAt(page, 'line-1', 'method')).click();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: 'Budget' }).click();
  await expect(forecast).not.toHaveText(before);
  await page.getByRole('button', { name: 'Ångra' }).click();
  await expect(forecast).toHaveText(before);
});

test('closing a month moves the year to date', async ({ page }) => {
  await expect(page.getByText('Stängd t.o.m. april')).toBeVisible();
  await expect(page.locator('.accuracy')).toContainText('Ingen månad har stängts');
  await page.getByRole('button', { name: 'Stäng månad' }).click();
  // The example has no outcome for May: closing asks first.
  await page.getByRole('alertdialog').getByRole('button', { name: 'Stäng ändå' }).click();
  await expect(page.getByText('Stängd t.o.m. maj')).toBeVisible();
  await expect(page.locator('.accuracy tbody tr')).toHaveCount(1);
  await expect(page.locator('.accuracy tbody th')).toHaveText('maj');
  await expect(page.locator('.accuracy tbody td').first()).toHaveText('1 415 753');
  await expect(page.getByRole('columnheader', { name: 'Utfall ack maj 2023' })).toBeVisible();
  await page.getByRole('button', { name: 'Ångra' }).click();
  await expect(page.getByText('Stängd t.o.m. april')).toBeVisible();
});
