// The income statement as a user sees it: figures, editing, errors, reload.
import { test, expect } from '@playwright/test';

const cell = (page, row, col) => page.locator(`tr[data-row="${row}"] td[data-col="${col}"]`);
const value = (page, row, col) => cell(page, row, col).locator('.value');

const REPORTED = {
  'total-cost': ['444 186', '456 682', '490 111', '1 415 753', '1 449 802'],
  result: ['18 145', '14 576', '−6 840', '0', '0'],
};
const COLUMNS = ['last-year-ytd', 'outcome-ytd', 'budget-ytd', 'forecast-year', 'budget-year'];

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
});

test('opens on the April 2023 report with computed totals', async ({ page }) => {
  for (const [row, figures] of Object.entries(REPORTED)) {
    for (const [i, col] of COLUMNS.entries()) {
      await expect(value(page, row, col)).toHaveText(figures[i]);
    }
  }
  await expect(page.getByRole('columnheader', { name: 'Utfall ack april 2023' })).toBeVisible();
});

test('a budget typed with the keyboard updates the total and survives a reload', async ({ page }) => {
  await cell(page, 'line-1', 'budget-year').click();
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, 'line-2', 'budget-year')).toBeFocused();
  await page.keyboard.type('150 000,4');
  await page.keyboard.press('Enter');

  await expect(value(page, 'line-2', 'budget-year')).toHaveText('150 000');
  await expect(value(page, 'total-cost', 'budget-year')).toHaveText('1 462 544');
  await expect(value(page, 'result', 'budget-year')).toHaveText('−12 742');
  await expect(cell(page, 'line-3', 'budget-year')).toBeFocused();

  await page.reload();
  await expect(value(page, 'line-2', 'budget-year')).toHaveText('150 000');
  await expect(value(page, 'total-cost', 'budget-year')).toHaveText('1 462 544');
  // F2 shows the exact amount: nothing was rounded away.
  await cell(page, 'line-2', 'budget-year').click();
  await page.keyboard.press('F2');
  await expect(page.locator('.cell-editor')).toHaveValue(/^150\s000,4$/);
});

test('input that is not a number is refused with a message and changes nothing', async ({ page }) => {
  await cell(page, 'line-2', 'budget-year').click();
  await page.keyboard.type('12,3,4');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('alert')).toHaveText('”12,3,4” är inte ett tal.');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(value(page, 'line-2', 'budget-year')).toHaveText('137 258');
  await expect(value(page, 'total-cost', 'budget-year')).toHaveText('1 449 802');

  await page.reload();
  await expect(value(page, 'total-cost', 'budget-year')).toHaveText('1 449 802');
});

test('computed cells cannot be typed over', async ({ page }) => {
  await cell(page, 'total-cost', 'budget-year').click();
  await page.keyboard.type('5');
  await expect(page.getByRole('alert')).toContainText('Beräknad cell');
  await expect(page.locator('.cell-editor')).toHaveCount(0);
  await expect(value(page, 'total-cost', 'budget-year')).toHaveText('1 449 802');
});

test('undo and redo restore the totals', async ({ page }) => {
  await cell(page, 'line-1', 'budget-year').click();
  await page.keyboard.type('600000');
  await page.keyboard.press('Enter');
  await expect(value(page, 'total-cost', 'budget-year')).toHaveText('1 452 407');

  await page.getByRole('button', { name: 'Ångra' }).click();
  await expect(value(page, 'total-cost', 'budget-year')).toHaveText('1 449 802');
  await page.getByRole('button', { name: 'Gör om' }).click();
  await expect(value(page, 'total-cost', 'budget-year')).toHaveText('1 452 407');
});

test.describe('in an English browser', () => {
  test.use({ locale: 'en-GB' });

  test('the interface is in English', async ({ page }) => {
    await expect(page.getByRole('rowheader', { name: 'Total costs' })).toBeVisible();
    await cell(page, 'line-2', 'budget-year').click();
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText('“abc” is not a number.');
  });
});
