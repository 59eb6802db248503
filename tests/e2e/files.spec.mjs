// Files and storage as a user meets them: export, import, the library and
// a second tab (storage.spec.mjs: a full or blocked storage).
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { cellAt, open, sheetFigures, showView, valueAt } from './helpers.mjs';

/** Every figure of the result, budget and outcome views, as shown. */
async function figures(page) {
  const all = [];
  for (const view of ['result', 'monthly', 'outcome']) {
    await showView(page, view);
    all.push(...(await sheetFigures(page)));
  }
  return all;
}

async function editBudget(page, row, amount) {
  await showView(page, 'monthly');
  await (await cellAt(page, row, 'year')).click();
  await page.keyboard.type(amount);
  await page.keyboard.press('Enter');
}

test('a plan exported here opens with every figure in a fresh browser profile', async ({ page, browser }, testInfo) => {
  await open(page);
  await editBudget(page, 'line-2', '20 000');
  const expected = await figures(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera fil' }).click()]);
  expect(download.suggestedFilename()).toBe('Månadsrapport april 2023.kalkyl.json');
  const file = testInfo.outputPath('plan.kalkyl.json');
  await download.saveAs(file);
  expect(fs.readFileSync(file, 'utf8')).toContain('"format":"kalkyl"');
  await expect(page.locator('.exported')).toContainText('Senast exporterad');

  const fresh = await browser.newContext({ locale: 'sv-SE' });
  const other = await fresh.newPage();
  await open(other);
  await expect(await valueAt(other, 'total-cost', 'budget-year')).toHaveText('1 449 802');
  await other.locator('[data-control=import]').setInputFiles(file);
  await expect(await valueAt(other, 'total-cost', 'budget-year')).toHaveText('1 456 076');
  expect(await figures(other)).toEqual(expected);
  // Imported as a new plan: the library holds both.
  await other.getByRole('button', { name: 'Planer' }).click();
  await expect(other.locator('.library .plans li')).toHaveCount(2);
  await fresh.close();
});

test('a broken file is refused with every problem and the plan unchanged', async ({ page }, testInfo) => {
  await open(page);
  const before = await figures(page);
  const broken = JSON.parse(fs.readFileSync('tests/golden/v1.kalkyl.json', 'utf8'));
  broken.plan.lines[12].budget[3] = '12,3,4';
  broken.plan.lines[2].department = 77;
  const file = testInfo.outputPath('broken.kalkyl.json');
  fs.writeFileSync(file, JSON.stringify(broken));
  await page.locator('[data-control=import]').setInputFiles(file);
  const report = page.locator('.import-report');
  await expect(report).toContainText('Filen har 2 fel och öppnades inte:');
  await expect(report).toContainText('lines[12].budget[3]: ”12,3,4” är inte ett tal');
  await expect(report).toContainText('lines[2].department: okänt avdelnings-id 77 i raden ”IT-tjänster, IT-program och licenser Ekonomi”');
  expect(await figures(page)).toEqual(before);

  fs.writeFileSync(file, 'this is not json');
  await page.locator('[data-control=import]').setInputFiles(file);
  await expect(report).toContainText('Filen är inte en läsbar Kalkyl-fil');
});

test('importing over the open plan is one undoable step', async ({ page }, testInfo) => {
  await open(page);
  const plan = JSON.parse(fs.readFileSync('tests/golden/v1.kalkyl.json', 'utf8'));
  plan.plan.name = 'Reviderad';
  plan.plan.lines[1].budget = Array(12).fill('1000000.00');
  const file = testInfo.outputPath('over.kalkyl.json');
  fs.writeFileSync(file, JSON.stringify(plan));
  await page.getByLabel('Ersätt den öppna planen vid import').check();
  await page.locator('[data-control=import]').setInputFiles(file);
  await expect(page.locator('.plan-name')).toHaveValue('Reviderad');
  await page.getByRole('button', { name: 'Ångra' }).click();
  await expect(page.locator('.plan-name')).toHaveValue('Månadsrapport april 2023');
});

test('plans are duplicated, opened and deleted, and a deletion can be undone', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Planer' }).click();
  const plans = page.locator('.library .plans li');
  await expect(plans).toHaveCount(1);
  await plans.first().getByRole('button', { name: 'Kopiera' }).click();
  await expect(plans).toHaveCount(2);
  await expect(plans.nth(1).locator('.name')).toHaveValue('Månadsrapport april 2023 (kopia)');
  // A plan that is not open is renamed from the list.
  await plans.nth(1).locator('.name').fill('Scenario 2024');
  await plans.nth(1).locator('.name').press('Enter');
  await expect(plans.nth(1).locator('.name')).toHaveValue('Scenario 2024');
  await plans.nth(1).getByRole('button', { name: 'Öppna' }).click();
  await expect(page.locator('.plan-name')).toHaveValue('Scenario 2024');
  await plans.nth(0).getByRole('button', { name: 'Ta bort' }).click();
  await expect(plans).toHaveCount(1);
  await page.locator('.library .deleted').getByRole('button', { name: 'Ångra' }).click();
  await expect(plans).toHaveCount(2);
});

test('a second tab on the same plan never silently overwrites the first', async ({ context }) => {
  const first = await context.newPage();
  await open(first);
  const second = await context.newPage();
  await open(second);
  await editBudget(first, 'line-2', '20 000');
  await expect(second.locator('.notice.storage')).toContainText('Planen har sparats i en annan flik');
  await editBudget(second, 'line-3', '1');
  await second.getByRole('button', { name: 'Ladda sparad version' }).click();
  await expect(await valueAt(second, 'line-2', 'year')).toHaveText('20 000');
  await expect(await valueAt(second, 'line-3', 'year')).not.toHaveText('1');
  await first.reload();
  await showView(first, 'monthly');
  await expect(await valueAt(first, 'line-3', 'year')).not.toHaveText('1');
});

test('outcome is imported from a CSV: mapped, previewed, unmatched rows listed, one undo', async ({ page }, testInfo) => {
  await open(page);
  const file = testInfo.outputPath('utfall.csv');
  fs.writeFileSync(file, '\ufeffKonto;jan;feb;mar;apr\r\nPersonalkostnader Ekonomi;4 000 000;4 000 000;4 000 000;4 000 000\r\nLokalhyra;5;5;5;5\r\n');
  await page.locator('[data-control=import-outcome]').setInputFiles(file);
  const panel = page.getByRole('dialog', { name: 'Importera utfall från tabell' });
  await expect(panel.locator('.summary')).toHaveText('1 rader matchar, 4 celler får nytt utfall.');
  await expect(panel.locator('.problems')).toContainText('Rad 3: ”Lokalhyra” finns inte i planen och importeras inte.');
  await panel.getByRole('button', { name: 'Verkställ' }).click();
  await expect(panel).toHaveCount(0);
  await showView(page, 'outcome');
  await expect(await valueAt(page, 'line-1', 'outcome-ytd')).toHaveText('16 000');
  await page.getByRole('button', { name: 'Ångra' }).click();
  await expect(await valueAt(page, 'line-1', 'outcome-ytd')).toHaveText('17 998');
});

test('the view downloads as CSV for Excel and the plan as a workbook', async ({ page }) => {
  await open(page);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV (vyn)' }).click()]);
  expect(csv.suggestedFilename()).toBe('Månadsrapport april 2023.csv');
  const text = fs.readFileSync(await csv.path(), 'utf8');
  expect(text.startsWith('\ufeffRad (kr);')).toBe(true);
  expect(text).toContain('Summa kostnader;444186000;456682000;490111000;');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel' }).click()]);
  expect(xlsx.suggestedFilename()).toBe('Månadsrapport april 2023.xlsx');
  expect(fs.readFileSync(await xlsx.path()).subarray(0, 2).toString()).toBe('PK');
});

test('an earlier version is restored from the backups, as one undoable step', async ({ page }) => {
  await open(page);
  await editBudget(page, 'line-2', '20 000');
  await page.waitForTimeout(800);
  await editBudget(page, 'line-2', '30 000');
  await page.waitForTimeout(800);
  await page.getByRole('button', { name: 'Planer' }).click();
  const backups = page.locator('.library .backups li');
  await expect(backups.filter({ hasText: 'Sparning 2' })).toHaveCount(1);
  await backups.filter({ hasText: 'Sparning 2' }).getByRole('button', { name: 'Återställ' }).click();
  await expect(await valueAt(page, 'line-2', 'year')).toHaveText('20 000');
  await page.getByRole('button', { name: 'Ångra' }).click();
  await expect(await valueAt(page, 'line-2', 'year')).toHaveText('30 000');
});
