// Shared steps of the end-to-end tests.
import { expect } from '@playwright/test';

/** The cell of a row and column, by their stable keys. */
export const cell = (page, row, col) => page.locator(`tr[data-row="${row}"] td[data-col="${col}"]`);

/** The figure shown in a cell (without any message or note). */
export const value = (page, row, col) => cell(page, row, col).locator('.value');

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
