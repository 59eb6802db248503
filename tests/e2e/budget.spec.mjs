// The budget by month: keyboard editing, paste, fill, clear, undo and reload.
import { test, expect } from '@playwright/test';
import { cellAt, open, paste, showView, valueAt } from './helpers.mjs';

// Line 2 is "Konsultkostnader – Gemensamma tjänster – Ekonomi": 10 % of the
// 137 258 tkr consultants budget, 13 725,8 tkr.
test.beforeEach(async ({ page }) => {
  await open(page);
  await showView(page, 'monthly');
});

test('a budget typed with the keyboard updates the totals and survives a reload', async ({ page }) => {
  const april = await (await valueAt(page, 'line-2', 'm4')).textContent();
  const may = await (await valueAt(page, 'line-2', 'm5')).textContent();
  await (await cellAt(page, 'line-1', 'year')).click();
  await page.keyboard.press('ArrowDown');
  await expect(await cellAt(page, 'line-2', 'year')).toBeFocused();
  await page.keyboard.type('20 000');
  await page.keyboard.press('Enter');

  await expect(await valueAt(page, 'line-2', 'year')).toHaveText('20 000');
  // January–April are closed and keep their budget; May–December share the
  // rest following the line's profile.
  await expect(await valueAt(page, 'line-2', 'm4')).toHaveText(april);
  await expect(await valueAt(page, 'line-2', 'm5')).not.toHaveText(may);
  await expect(page.locator('.status-line')).toContainText('Helåret fördelades på de öppna månaderna maj–dec efter radens profil');
  await expect(await valueAt(page, 'total-cost', 'year')).toHaveText('1 456 076');
  await expect(await cellAt(page, 'line-3', 'year')).toBeFocused();
  // Outside the editor, Enter and Shift+Enter move as in a spreadsheet.
  await page.keyboard.press('Enter');
  await expect(await cellAt(page, 'line-4', 'year')).toBeFocused();
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Tab');
  await expect(await cellAt(page, 'line-3', 't3')).toBeFocused();

  await page.reload();
  await expect(await valueAt(page, 'category-2', 'budget-year')).toHaveText('143 532');
  await expect(await valueAt(page, 'total-cost', 'budget-year')).toHaveText('1 456 076');
  await expect(await valueAt(page, 'result', 'budget-year')).toHaveText('−6 274');
});

test('F2 edits the exact amount and Escape cancels', async ({ page }) => {
  await (await cellAt(page, 'line-2', 'year')).click();
  await page.keyboard.press('F2');
  await expect(page.locator('.cell-editor')).toHaveValue(/^13\s725,8$/);
  await page.keyboard.type('999');
  await page.keyboard.press('Escape');
  await expect(page.locator('.cell-editor')).toHaveCount(0);
  await expect(await valueAt(page, 'line-2', 'year')).toHaveText('13 726');
});

test('input that is not a number is refused with a message and changes nothing', async ({ page }) => {
  await (await cellAt(page, 'line-2', 'm1')).click();
  await page.keyboard.type('12,3,4');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('alert')).toHaveText('”12,3,4” är inte ett tal.');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(await valueAt(page, 'total-cost', 'year')).toHaveText('1 449 802');
  await page.reload();
  await expect(await valueAt(page, 'total-cost', 'budget-year')).toHaveText('1 449 802');
});

const row = (amount) => Array(12).fill(amount).join('\t');

test('a 3 × 12 block pasted from a spreadsheet is one undoable edit', async ({ page }) => {
  // Lines 1–3 of Ekonomi: personnel 59 739,5, consultants 13 725,8 and IT 36 110,1 tkr.
  await (await cellAt(page, 'line-1', 'm1')).click();
  await paste(page, [row('1 000,5'), row('2 000'), row('−500')].join('\r\n') + '\r\n');

  await expect(await valueAt(page, 'line-1', 'year')).toHaveText('12 006');
  await expect(await valueAt(page, 'line-2', 'year')).toHaveText('24 000');
  await expect(await valueAt(page, 'line-3', 'year')).toHaveText('−6 000');
  await expect(await valueAt(page, 'total-cost', 'year')).toHaveText('1 370 233');
  await expect(await cellAt(page, 'line-3', 'm12')).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Control+z');
  await expect(await valueAt(page, 'total-cost', 'year')).toHaveText('1 449 802');
  await expect(await valueAt(page, 'line-1', 'year')).toHaveText('59 740');
  await page.keyboard.press('Control+y');
  await expect(await valueAt(page, 'total-cost', 'year')).toHaveText('1 370 233');
});

test('Ctrl+C copies the selection as tab-separated exact amounts', async ({ page }) => {
  await (await cellAt(page, 'line-2', 'm1')).click();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  const copied = await page.evaluate(() => {
    const data = new DataTransfer();
    document.activeElement.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
  // Konsultkostnader and IT Ekonomi, January and February, in tkr with every decimal.
  expect(copied).toBe('1137,55\t1137,55\r\n3009,175\t3009,175');
});

test('a pasted block with a non-number or that does not fit changes nothing', async ({ page }) => {
  await (await cellAt(page, 'line-1', 'm1')).click();
  await paste(page, '1\t2\n3\tx');
  await expect(page.getByRole('alert')).toContainText('rad 2, kolumn 2: ”x” är inte ett tal.');
  await expect(await valueAt(page, 'line-1', 'm1')).not.toHaveText('1');

  await (await cellAt(page, 'line-1', 'm12')).click();
  await paste(page, '1\t2\t3');
  await expect(page.getByRole('alert')).toContainText('får inte plats');
  await expect(await valueAt(page, 'total-cost', 'year')).toHaveText('1 449 802');
});

test('a range selected with Shift+arrows is cleared by Delete', async ({ page }) => {
  await (await cellAt(page, 'line-1', 'm1')).click();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(await cellAt(page, 'line-2', 'm2')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Delete');
  for (const [r, c] of [['line-1', 'm1'], ['line-1', 'm2'], ['line-2', 'm1'], ['line-2', 'm2']]) {
    await expect(await valueAt(page, r, c)).toHaveText('0');
  }
  await page.getByRole('button', { name: 'Ångra' }).click();
  await expect(await valueAt(page, 'line-1', 'm1')).not.toHaveText('0');
  await expect(await valueAt(page, 'line-2', 'm2')).not.toHaveText('0');
});

test('a department folds away and back', async ({ page }) => {
  const toggle = page.locator('tr[data-row="department-1"] button.toggle');
  await expect(page.locator('tr[data-row="line-1"]')).toBeVisible();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('tr[data-row="line-1"]')).toHaveCount(0);
  await expect(await valueAt(page, 'department-1', 'year')).toHaveText('0');
  await toggle.click();
  await expect(page.locator('tr[data-row="line-1"]')).toBeVisible();
});

test('a formula computes a line, looks different and is refused when wrong', async ({ page }) => {
  // Line 2 (Konsultkostnader Ekonomi) as a tenth of line 1 (Personalkostnader Ekonomi, 59 739,5 tkr).
  await (await cellAt(page, 'line-2', 'm1')).click();
  await page.keyboard.type('=[Personalkostnader Ekonomi] * 0,1');
  await page.keyboard.press('Enter');
  await expect(await valueAt(page, 'line-2', 'year')).toHaveText('5 974');
  await expect(await cellAt(page, 'line-2', 'm1')).toHaveClass(/formula/);

  await (await cellAt(page, 'line-2', 'm3')).click();
  await page.keyboard.type('=fte * pris');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Formeln ändrades inte: okänt namn ”fte” på position 1.');
  await page.keyboard.press('Escape');

  await (await cellAt(page, 'line-2', 'm3')).click();
  await page.keyboard.press('F2');
  await expect(page.locator('.cell-editor')).toHaveValue('=[Personalkostnader Ekonomi] * 0,1');
  await page.keyboard.press('Escape');

  // The formula follows the line it names.
  await (await cellAt(page, 'line-1', 'year')).click();
  await page.keyboard.type('100 000');
  await page.keyboard.press('Enter');
  await expect(await valueAt(page, 'line-2', 'year')).toHaveText('10 000');

  // Delete removes the formula and brings back the typed budget.
  await (await cellAt(page, 'line-2', 'm1')).click();
  await page.keyboard.press('Delete');
  await expect(await valueAt(page, 'line-2', 'year')).toHaveText('13 726');
  await expect(await cellAt(page, 'line-2', 'm1')).not.toHaveClass(/formula/);
});
