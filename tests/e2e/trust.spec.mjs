// Figures a controller can trust: formula errors never hide, closing a month
// asks when its outcome is missing, a full year goes to the open months.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { cellAt, open, showView, valueAt } from './helpers.mjs';

test('a division by zero is refused when entered, with its position', async ({ page }) => {
  await open(page);
  await showView(page, 'monthly');
  await (await cellAt(page, 'line-2', 'm5')).click();
  await page.keyboard.type('=100 / 0');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('division med noll på position 5 i jan');
  await page.keyboard.press('Escape');
  await expect(await valueAt(page, 'line-2', 'year')).toHaveText('13 726');
  await expect(page.locator('.formula-errors')).toHaveCount(0);
});

test('a formula error from a file marks every total it reaches and the header counts it', async ({ page }, testInfo) => {
  await open(page);
  const plan = JSON.parse(fs.readFileSync('tests/golden/v1.kalkyl.json', 'utf8'));
  plan.plan.lines[1].formula = '=1 / 0';
  plan.plan.lines[2].formula = '=[Konsultkostnader Ekonomi] * 2';
  const file = testInfo.outputPath('broken-formula.kalkyl.json');
  fs.writeFileSync(file, JSON.stringify(plan));
  await page.locator('[data-control=import]').setInputFiles(file);
  await expect(page.locator('.plan-name')).toHaveValue('Månadsrapport april 2023');

  await expect(page.locator('.formula-errors')).toHaveText('⚠ 2 formler har fel');
  await expect(page.locator('.formula-errors')).toHaveAttribute('title', /”Konsultkostnader Ekonomi”: division med noll/);
  for (const row of ['category-2', 'total-cost', 'result']) {
    const mark = (await cellAt(page, row, 'budget-year')).locator('.incomplete');
    await expect(mark).toHaveAttribute('title', /Ofullständig summa: .*”Konsultkostnader Ekonomi”/);
  }
  // Outcome is not computed from the budget: it stays complete.
  await expect((await cellAt(page, 'total-cost', 'outcome-ytd')).locator('.incomplete')).toHaveCount(0);
  await expect((await cellAt(page, 'total-revenue', 'budget-year')).locator('.incomplete')).toHaveCount(0);

  await showView(page, 'monthly');
  await expect(await valueAt(page, 'line-2', 'm1')).toHaveText('#FEL');
  await expect(await valueAt(page, 'line-3', 'm1')).toHaveText('#FEL');
  await expect(await cellAt(page, 'line-3', 'm1')).toHaveAttribute('title', /”Konsultkostnader Ekonomi” som formeln använder har själv ett fel/);
});

test('closing a month with no outcome says so and asks; closing is undoable', async ({ page }) => {
  await open(page);
  const closed = page.locator('.toolbar .closed');
  await expect(closed).toHaveText('Stängd t.o.m. april');
  await page.locator('[data-control=close-month]').click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Inget utfall är bokfört för maj');
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(closed).toHaveText('Stängd t.o.m. april');

  await page.locator('[data-control=close-month]').click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Stäng ändå' }).click();
  await expect(closed).toHaveText('Stängd t.o.m. maj');
  await page.getByRole('button', { name: 'Ångra' }).click();
  await expect(closed).toHaveText('Stängd t.o.m. april');
});

test('the outcome view shows a monthly trend as an accessible chart with its figures as a table', async ({ page }) => {
  await open(page);
  await showView(page, 'outcome');
  const chart = page.locator('.trend-panel figure.chart');
  await expect(chart.locator('svg[role=img] title')).toHaveText('Månadstrend: Summa kostnader');
  await expect(chart.locator('svg desc')).toHaveText('Summa kostnader: budget helår 1 449 802 tkr, utfall jan–april 456 682 tkr, prognos helår 1 415 753 tkr.');
  // Budget, outcome, forecast and last year: four lines, outcome through April only.
  await expect(chart.locator('g.series')).toHaveCount(4);
  await expect(chart.locator('g.series.s1 .marker')).toHaveCount(4 + 1);
  await chart.getByText('Visa som tabell').click();
  await expect(chart.locator('table tbody tr')).toHaveCount(12);
  await page.locator('[data-control=trend-row]').selectOption({ label: 'Resultat' });
  await expect(chart.locator('svg title')).toHaveText('Månadstrend: Resultat');
});
