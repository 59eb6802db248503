// Shared steps of the end-to-end tests.
import { expect } from '@playwright/test';

/** The cell of a row and column, by their stable keys (when the grid has rendered it). */
export const cell = (page, row, col) => page.locator(`tr[data-row="${row}"] td[data-col="${col}"]`);

/** The figure shown in a cell (without any message or note). */
export const value = (page, row, col) => cell(page, row, col).locator('.value');

/**
 * Scrolls the grid until the cell of a row and column is rendered and in
 * view: the grid renders only the rows and columns on screen.
 */
export async function reveal(page, row, col) {
  await page.locator('.grid-scroll').waitFor();
  await page.evaluate(async ([row, col]) => {
    const area = document.querySelector('.grid-scroll');
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const find = () => area.querySelector(`tr[data-row="${row}"]`);
    const search = async (done, axis, size, extent) => {
      for (let at = 0; !done(); at += area[size] / 2) {
        area[axis] = at;
        await frame();
        if (at >= area[extent]) return;
      }
    };
    if (!find()) await search(find, 'scrollTop', 'clientHeight', 'scrollHeight');
    const target = () => find()?.querySelector(`td[data-col="${col}"]`);
    if (find() && !target()) await search(target, 'scrollLeft', 'clientWidth', 'scrollWidth');
    target()?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    await frame();
  }, [row, col]);
}

/** The cell of a row and column, revealed first. */
export async function cellAt(page, row, col) {
  await reveal(page, row, col);
  return cell(page, row, col);
}

/** The figure of a cell, revealed first. */
export async function valueAt(page, row, col) {
  return (await cellAt(page, row, col)).locator('.value');
}

/**
 * Every figure of the current view as shown, by row and column, scrolling
 * the grid over the whole sheet.
 */
export async function sheetFigures(page) {
  await page.locator('.grid-scroll').waitFor();
  return page.evaluate(async () => {
    const area = document.querySelector('.grid-scroll');
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const seen = new Map();
    const label = area.querySelector('thead th.label').offsetWidth;
    for (let top = 0; ; top += area.clientHeight - 60) {
      area.scrollTop = top;
      for (let left = 0; ; left += area.clientWidth - label - 20) {
        area.scrollLeft = left;
        await frame();
        for (const td of area.querySelectorAll('tr[data-row] td[data-col]')) {
          seen.set(`${td.parentElement.dataset.row} ${td.dataset.col}`, td.querySelector('.value').textContent);
        }
        if (left + area.clientWidth >= area.scrollWidth) break;
      }
      if (top + area.clientHeight >= area.scrollHeight) break;
    }
    area.scrollTo(0, 0);
    return [...seen.entries()].sort(([a], [b]) => a.localeCompare(b));
  });
}

/** Opens the app on a fresh profile and waits for the grid. */
export async function open(page) {
  await page.goto('/');
  await expect(page.getByRole('grid')).toBeVisible();
}

/** Switches to a view by its key: result, monthly or outcome. */
export async function showView(page, key) {
  await page.locator(`[role=tab][data-view="${key}"]`).click();
  await expect(page.locator(`[role=tab][data-view="${key}"]`)).toHaveAttribute('aria-selected', 'true');
}

/** Pastes tab-separated text into the focused cell, as the browser does on Ctrl+V. */
export async function paste(page, text) {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Copies the selection, as the browser does on Ctrl+C, and returns the text. */
export async function copy(page) {
  return page.evaluate(() => {
    const data = new DataTransfer();
    document.activeElement.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
}
