// Accessibility as axe-core checks it: no serious or critical violation on
// any view, with a cell active and a range selected.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '@playwright/test';
import { cellAt, open, showView } from './helpers.mjs';

const ACTIVE = { result: 'category-2', monthly: 'line-2', outcome: 'line-2', indicators: 'indicator-15' };

for (const view of ['result', 'monthly', 'outcome', 'structure', 'indicators']) {
  test(`the ${view} view has no serious or critical accessibility violation`, async ({ page }) => {
    await open(page);
    await showView(page, view);
    if (ACTIVE[view]) {
      const col = await page.locator('thead th[data-col]').first().getAttribute('data-col');
      await (await cellAt(page, ACTIVE[view], col)).click();
      await page.keyboard.press('Shift+ArrowRight');
    }
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
    const found = serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`);
    expect(found).toEqual([]);
  });
}
