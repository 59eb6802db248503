// Hostile and unusual files met through the import buttons: a very wide
// outcome table, a spreadsheet spanning the whole sheet, plan files with a
// byte-order mark or in Latin-1.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { open, showView, value } from './helpers.mjs';

test('an outcome table of 200 000 columns shows its panel; a month is chosen by its letter', async ({ page }, testInfo) => {
  await open(page);
  const width = 200_000;
  // Headings k1 … k199999, but "jan" far out, which the first guess maps.
  const headings = Array.from({ length: width - 1 }, (_, c) => (c === 149_998 ? 'jan' : `k${c + 1}`));
  const figures = Array.from({ length: width - 1 }, (_, c) => (c === 2 ? '4 000 000' : '7'));
  const file = testInfo.outputPath('bred.csv');
  fs.writeFileSync(file, `Konto;${headings.join(';')}\nPersonalkostnader Ekonomi;${figures.join(';')}\nLokalhyra;${figures.join(';')}\n`);
  expect(fs.statSync(file).size).toBeGreaterThan(1_900_000);
  await page.locator('[data-control=import-outcome]').setInputFiles(file);
  const panel = page.getByRole('dialog', { name: 'Importera utfall från tabell' });
  await expect(panel).toBeVisible({ timeout: 20_000 });
  await expect(panel.locator('.counts')).toHaveText('2 rader, 2 visas; 200 000 kolumner.');
  await expect(panel.locator('.summary')).toHaveText('1 rader matchar, 1 celler får nytt utfall.');
  const january = panel.locator('label.column', { hasText: 'jan' }).locator('input');
  await expect(january).toHaveValue('HMWF · jan');
  // Column D holds k3; typed by letter into January instead.
  await january.fill('D');
  await january.press('Enter');
  await expect(january).toHaveValue('D · k3');
  await expect(panel.locator('.sample thead th')).toHaveText(['Rad', 'A · Konto', 'D · k3']);
  await expect(panel.locator('.summary')).toHaveText('1 rader matchar, 1 celler får nytt utfall.');
  await expect(panel.locator('.problems')).toContainText('Rad 3: ”Lokalhyra” finns inte i planen och importeras inte.');
  // A heading that is not there is said so and changes nothing.
  const february = panel.locator('label.column', { hasText: 'feb' }).locator('input');
  await february.fill('finns inte');
  await february.press('Enter');
  await expect(panel.locator('label.column', { hasText: 'feb' }).locator('.error')).toHaveText('Ingen kolumn heter ”finns inte”.');
  await panel.getByRole('button', { name: 'Verkställ' }).click();
  await expect(panel).toHaveCount(0);
  await showView(page, 'outcome');
  await expect(value(page, 'line-1', 'outcome-ytd')).toHaveText('17 499');
});

test('a workbook with values in its first and last cell is refused with its size', async ({ page }) => {
  await open(page);
  await page.locator('[data-control=import-outcome]').setInputFiles('tests/hostile/sparse.xlsx');
  await expect(page.locator('.import-report')).toContainText(
    'Tabellen är för stor: dess värden spänner över 1 048 576 rader × 16 384 kolumner; högst 2 000 000 celler kan importeras.',
  );
  await expect(page.getByRole('dialog', { name: 'Importera utfall från tabell' })).toHaveCount(0);
});

test('a plan file with a byte-order mark opens; one in Latin-1 is refused with the position', async ({ page }) => {
  await open(page);
  await page.locator('[data-control=import]').setInputFiles('tests/hostile/bom.kalkyl.json');
  await expect(page.locator('.plan-name')).toHaveValue('Månadsrapport');
  await page.locator('[data-control=import]').setInputFiles('tests/hostile/latin1.kalkyl.json');
  await expect(page.locator('.import-report')).toContainText('Filen är inte UTF-8-text (ogiltig byte på position 62)');
  await expect(page.locator('.plan-name')).toHaveValue('Månadsrapport');
});
