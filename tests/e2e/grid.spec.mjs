// The grid as a spreadsheet user meets it: the keys of Excel, the selection,
// the method list, the editor's hints, and a plan of 2 400 lines.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { LINES, bigPlan, budgetYear, isRevenue, tkr } from './big-plan.mjs';
import { cell, cellAt, copy, open, paste, showView, value, valueAt } from './helpers.mjs';

/** The focused cell: its row key and column key. */
async function focused(page) {
  return page.evaluate(() => {
    const cell = document.activeElement.closest('td[data-col]');
    return cell && `${cell.parentElement.dataset.row} ${cell.dataset.col}`;
  });
}

/** Whether the focused cell is fully inside the grid's scroll area, below the header and right of the labels. */
async function focusedInView(page) {
  return page.evaluate(() => {
    const area = document.querySelector('.grid-scroll').getBoundingClientRect();
    const head = document.querySelector('.grid thead').getBoundingClientRect();
    const label = document.querySelector('.grid thead th.label').getBoundingClientRect();
    const cell = document.activeElement.getBoundingClientRect();
    return cell.top >= head.bottom - 1 && cell.bottom <= area.bottom + 1 && cell.left >= label.right - 1 && cell.right <= area.right + 1;
  });
}

const selected = (page) => page.locator('td[aria-selected=true]');

test.describe('on the example', () => {
  test.beforeEach(async ({ page }) => {
    await open(page);
    await showView(page, 'monthly');
  });

  test('Home, End, Ctrl+Home and Ctrl+End go to the row’s and the sheet’s ends; Shift extends', async ({ page }) => {
    await (await cellAt(page, 'line-2', 'm5')).click();
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('line-2 year');
    expect(await focusedInView(page)).toBe(true);
    await page.keyboard.press('Home');
    expect(await focused(page)).toBe('line-2 m1');
    await page.keyboard.press('Shift+End');
    expect(await focused(page)).toBe('line-2 m1');
    await expect(selected(page)).toHaveCount(16);
    await page.keyboard.press('Control+End');
    expect(await focused(page)).toBe('result year');
    expect(await focusedInView(page)).toBe(true);
    await page.keyboard.press('Control+Home');
    expect(await focused(page)).toBe('department-1 m1');
    await page.keyboard.press('Control+Shift+End');
    await expect(cell(page, 'department-1', 'm1')).toHaveAttribute('aria-selected', 'true');
    await expect(cell(page, 'result', 'year')).toHaveAttribute('aria-selected', 'true');
    expect(await focused(page)).toBe('department-1 m1');
  });

  test('PageDown and PageUp move a screen and keep the active cell in view', async ({ page }) => {
    await (await cellAt(page, 'line-1', 'm1')).click();
    const index = () => page.evaluate(() => Number(document.activeElement.parentElement.getAttribute('aria-rowindex')));
    const start = await index();
    await page.keyboard.press('PageDown');
    const down = await index();
    expect(down - start).toBeGreaterThan(10);
    expect(await focusedInView(page)).toBe(true);
    await page.keyboard.press('Shift+PageDown');
    expect(await index()).toBe(down);
    expect(await selected(page).count()).toBeGreaterThan(10);
    await page.keyboard.press('PageUp');
    expect(await index()).toBe(start);
    expect(await focusedInView(page)).toBe(true);
    await expect(selected(page)).toHaveCount(1);
  });

  test('Ctrl+arrows jump to the edge of the data, Shift extends', async ({ page }) => {
    await (await cellAt(page, 'line-2', 'm3')).click();
    await page.keyboard.press('Control+ArrowRight');
    expect(await focused(page)).toBe('line-2 year');
    await page.keyboard.press('Control+ArrowDown');
    expect(await focused(page)).toBe('result year');
    await page.keyboard.press('Control+Shift+ArrowUp');
    expect(await focused(page)).toBe('result year');
    await expect(cell(page, 'department-1', 'year')).toHaveAttribute('aria-selected', 'true');

    // In the outcome view the method column is blank on group rows: the
    // jump stops at the last line of the department.
    await showView(page, 'outcome');
    await (await cellAt(page, 'line-1', 'method')).click();
    await page.keyboard.press('Control+ArrowDown');
    const stop = await focused(page);
    const [row] = stop.split(' ');
    const next = await page.locator(`tr[data-row="${row}"] + tr`).getAttribute('data-row');
    expect(stop).toMatch(/^line-\d+ method$/);
    expect(next).toBe('unit-2-operations');
    await page.keyboard.press('Control+ArrowDown');
    expect(await focused(page)).toMatch(/^line-\d+ method$/);
    expect(await page.evaluate(() => document.activeElement.parentElement.previousElementSibling.dataset.row)).toBe('unit-2-operations');
  });

  test('a single click after a pasted block selects one cell, and Delete clears only it', async ({ page }) => {
    await (await cellAt(page, 'line-1', 'm1')).click();
    await paste(page, ['1\t2\t3', '4\t5\t6'].join('\n'));
    await expect(selected(page)).toHaveCount(6);
    await cell(page, 'line-1', 'm1').click();
    await expect(selected(page)).toHaveCount(1);
    await cell(page, 'line-2', 'm2').click();
    await expect(selected(page)).toHaveCount(1);
    await page.keyboard.press('Delete');
    await expect(value(page, 'line-2', 'm2')).toHaveText('0');
    await expect(value(page, 'line-1', 'm1')).toHaveText('1');
    await expect(value(page, 'line-2', 'm3')).toHaveText('6');
  });

  test('the editor says what a formula does and which unit its numbers are in', async ({ page }) => {
    await (await cellAt(page, 'line-2', 'm1')).click();
    await page.keyboard.type('=');
    const hint = page.locator('.editor-hint');
    await expect(hint).toContainText('hela radens budget, alla tolv månader');
    await expect(hint).toContainText('tal i en formel är kronor');
    await expect(page.locator('.cell-editor')).toHaveAttribute('aria-describedby', 'editor-hint');
    await page.keyboard.press('Escape');
    await page.locator('[data-control=unit]').selectOption('mnkr');
    await (await cellAt(page, 'line-2', 'm1')).click();
    await page.keyboard.press('F2');
    await expect(hint).toContainText('Belopp i mnkr');
  });

  test('typing into a forecast computed by a method says which method and how to change it', async ({ page }) => {
    await showView(page, 'outcome');
    await (await cellAt(page, 'line-2', 'method')).click();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Snitt av utfall' }).click();
    await expect(value(page, 'line-2', 'method')).toHaveText('Snitt av utfall');
    await showView(page, 'monthly');
    await page.locator('[data-control=series]').selectOption({ label: 'Prognos' });
    await (await cellAt(page, 'line-2', 'm6')).click();
    await page.keyboard.type('5');
    await expect(page.getByRole('alert')).toContainText('metoden ”Snitt av utfall”');
    await expect(page.getByRole('alert')).toContainText('Välj ”Manuell” i kolumnen Prognosmetod');
    await expect(page.locator('.cell-editor')).toHaveCount(0);
  });

  test('a long label is cut short in its column and shown whole on hover and for the active cell', async ({ page }) => {
    await showView(page, 'outcome');
    const label = page.locator('tr[data-row="unit-8-operations"] th');
    await (await cellAt(page, 'unit-8-operations', 'outcome-ytd')).click();
    const full = 'Ej fördelat – differens mot rapportens resultattabell (exempeldata) – förvaltning';
    await expect(label).toHaveAttribute('title', full);
    expect(await label.evaluate((th) => th.scrollWidth > th.clientWidth)).toBe(true);
    await expect(page.locator('.active-ref')).toContainText(full);
    // Every figure column of the report starts on screen at 1 280 px.
    const header = await page.locator('thead th[data-col="outcome-ytd"]').boundingBox();
    expect(header.x).toBeLessThan(300);
  });
});

test('the forecast method is chosen from a list that arrows do not change while moving', async ({ page }) => {
  await open(page);
  await showView(page, 'outcome');
  await (await cellAt(page, 'line-1', 'method')).click();
  await page.keyboard.press('ArrowDown');
  expect(await focused(page)).toBe('line-2 method');
  await page.keyboard.press('ArrowUp');
  expect(await focused(page)).toBe('line-1 method');
  await expect(value(page, 'line-1', 'method')).toHaveText('Manuell');
  await expect(value(page, 'line-2', 'method')).toHaveText('Manuell');

  const forecast = value(page, 'line-1', 'forecast-year');
  const before = await forecast.textContent();
  await page.keyboard.press('Enter');
  const list = page.getByRole('listbox');
  await expect(list).toBeFocused();
  await expect(list.getByRole('option', { selected: true })).toHaveText('Manuell');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(value(page, 'line-1', 'method')).toHaveText('Manuell');
  expect(await focused(page)).toBe('line-1 method');

  await page.keyboard.press('F2');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
  await expect(list.getByRole('option', { selected: true })).toHaveText('Budget');
  await page.keyboard.press('Enter');
  await expect(value(page, 'line-1', 'method')).toHaveText('Budget');
  await expect(forecast).not.toHaveText(before);
  expect(await focused(page)).toBe('line-1 method');
  await page.keyboard.press('Control+z');
  await expect(value(page, 'line-1', 'method')).toHaveText('Manuell');
  await expect(forecast).toHaveText(before);
});

test('a skip link takes the keyboard to the grid, which has a name', async ({ page }) => {
  await open(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Till tabellen' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await focused(page)).toBe('category-1 last-year-ytd');
  await expect(page.getByRole('grid', { name: 'Resultat, belopp i tkr' })).toBeVisible();
});

test('at 1 280 × 720 the header takes at most 80 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  for (const view of ['result', 'monthly', 'outcome']) {
    await showView(page, view);
    const main = await page.locator('main').boundingBox();
    expect(main.y).toBeLessThanOrEqual(80);
  }
});

test.describe('a plan of 2 400 lines', () => {
  test.beforeEach(async ({ page }, testInfo) => {
    await open(page);
    const file = testInfo.outputPath('syntetisk.kalkyl.json');
    fs.writeFileSync(file, JSON.stringify(bigPlan()));
    await page.locator('[data-control=import]').setInputFiles(file);
    await expect(page.locator('.plan-name')).toHaveValue('Syntetisk plan');
    await showView(page, 'monthly');
  });

  test('scrolls to its last line, where an edit updates its totals; the DOM holds a screenful', async ({ page }) => {
    const grid = page.getByRole('grid');
    // 60 department headings, 2 400 lines, three totals and the header row.
    await expect(grid).toHaveAttribute('aria-rowcount', String(60 + LINES + 3 + 1));
    expect(await page.locator('tr[data-row]').count()).toBeLessThan(80);

    await page.locator('.grid-scroll').evaluate((area) => area.scrollTo(0, area.scrollHeight));
    await expect(page.locator('tr[data-row="line-2400"]')).toBeVisible();
    await expect(page.locator('tr[data-row="line-2400"]')).toHaveAttribute('aria-rowindex', String(60 + LINES + 1));
    expect(await page.locator('tr[data-row]').count()).toBeLessThan(80);

    // Line 2 399 (a revenue) and line 2 400, a formula on it: half of it plus fte × 100.
    expect(isRevenue(2399) && isRevenue(2400)).toBe(true);
    const revenue = (edits) => {
      let sum = 0;
      for (let id = 1; id <= LINES; id++) if (isRevenue(id)) sum += budgetYear(id, edits);
      return sum;
    };
    await expect(await valueAt(page, 'line-2399', 'year')).toHaveText(tkr(budgetYear(2399)));
    await expect(await valueAt(page, 'line-2400', 'year')).toHaveText(tkr(budgetYear(2400)));
    await expect(await valueAt(page, 'total-revenue', 'year')).toHaveText(tkr(revenue({})));

    await (await cellAt(page, 'line-2399', 'm5')).click();
    await page.keyboard.type('10 000');
    await page.keyboard.press('Enter');
    const edits = { 2399: { 4: 10_000_000 } };
    expect(await focused(page)).toBe('line-2400 m5');
    await expect(await valueAt(page, 'line-2399', 'year')).toHaveText(tkr(budgetYear(2399, edits)));
    await expect(await valueAt(page, 'line-2400', 'year')).toHaveText(tkr(budgetYear(2400, edits)));
    await expect(await valueAt(page, 'total-revenue', 'year')).toHaveText(tkr(revenue(edits)));
    expect(await page.locator('tr[data-row]').count()).toBeLessThan(80);
  });

  test('the keyboard reaches the end and back, and copies and pastes blocks larger than the screen', async ({ page }) => {
    await cell(page, 'department-1', 'm1').click();
    await page.keyboard.press('Control+End');
    expect(await focused(page)).toBe('result year');
    expect(await focusedInView(page)).toBe(true);
    await page.keyboard.press('Control+Home');
    expect(await focused(page)).toBe('department-1 m1');
    expect(await focusedInView(page)).toBe(true);

    // All of it, copied: a line of text per row.
    await page.keyboard.press('Control+a');
    const all = await copy(page);
    expect(all.split('\r\n')).toHaveLength(60 + LINES + 3);

    // 40 lines × 2 closed months of outcome, pasted and undone as one edit.
    await page.locator('[data-control=series]').selectOption({ label: 'Utfall' });
    await (await cellAt(page, 'line-1', 'm1')).click();
    const block = Array.from({ length: 40 }, (_, i) => `${i + 1}\t${i + 2}`).join('\r\n');
    await paste(page, block);
    await expect(cell(page, 'line-1', 'm1')).toHaveAttribute('aria-selected', 'true');
    await expect(await valueAt(page, 'line-40', 'm2')).toHaveText('41');
    await expect(await valueAt(page, 'line-40', 'm1')).toHaveText('40');
    await (await cellAt(page, 'line-1', 'm1')).click();
    await page.keyboard.press('Shift+ArrowRight');
    for (let i = 0; i < 39; i++) await page.keyboard.press('Shift+ArrowDown');
    expect(await copy(page)).toBe(block);
    await page.keyboard.press('Control+z');
    await expect(await valueAt(page, 'line-40', 'm2')).toHaveText(tkr((40 * 1000 + 37) * 2));
  });
});
