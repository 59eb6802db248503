// The result view: the April 2023 report as computed by the engine.
import { test, expect } from '@playwright/test';
import { open, valueAt } from './helpers.mjs';

const COLUMNS = ['last-year-ytd', 'outcome-ytd', 'budget-ytd', 'forecast-year', 'budget-year'];
const REPORTED = {
  'total-cost': ['444 186', '456 682', '490 111', '1 415 753', '1 449 802'],
  'category-1': ['179 371', '179 983', '205 993', '540 354', '597 395'],
  'category-2': ['46 197', '40 254', '45 502', '139 305', '137 258'],
  'category-3': ['112 879', '112 833', '120 367', '371 402', '361 101'],
  'category-4': ['42 333', '29 107', '30 486', '71 510', '91 510'],
  result: ['18 145', '14 576', '−6 840', '0', '0'],
};

test('opens on the April 2023 report with computed totals', async ({ page }) => {
  await open(page);
  for (const [row, figures] of Object.entries(REPORTED)) {
    for (const [i, col] of COLUMNS.entries()) {
      await expect(await valueAt(page, row, col)).toHaveText(figures[i]);
    }
  }
  await expect(await valueAt(page, 'result', 'deviation-ytd')).toHaveText('21 416');
  await expect(page.getByRole('columnheader', { name: 'Utfall ack april 2023' })).toBeVisible();
});

test('computed cells cannot be typed over', async ({ page }) => {
  await open(page);
  await page.locator('tr[data-row="total-cost"] td[data-col="budget-year"]').click();
  await page.keyboard.type('5');
  await expect(page.getByRole('alert')).toContainText('Beräknad cell');
  await expect(page.locator('.cell-editor')).toHaveCount(0);
  await expect(await valueAt(page, 'total-cost', 'budget-year')).toHaveText('1 449 802');
});

test('amounts switch between tkr, mnkr and kr', async ({ page }) => {
  await open(page);
  await page.locator('[data-control=unit]').selectOption('mnkr');
  await expect(await valueAt(page, 'total-cost', 'budget-year')).toHaveText('1 449,8');
  await expect(await valueAt(page, 'result', 'budget-ytd')).toHaveText('−6,8');
  await page.locator('[data-control=unit]').selectOption('kr');
  await expect(await valueAt(page, 'total-cost', 'budget-year')).toHaveText('1 449 802 000');
  await page.reload();
  await expect(await valueAt(page, 'total-cost', 'budget-year')).toHaveText('1 449 802 000');
});

test('the language is switched and remembered', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('rowheader', { name: 'Summa kostnader' })).toBeVisible();
  await page.locator('[data-control=language]').selectOption('en');
  await expect(page.getByRole('rowheader', { name: 'Total costs' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Outcome YTD April 2023' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('rowheader', { name: 'Total costs' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('in an English browser', () => {
  test.use({ locale: 'en-GB' });

  test('the interface starts in English', async ({ page }) => {
    await open(page);
    await expect(page.getByRole('rowheader', { name: 'Total costs' })).toBeVisible();
  });
});
