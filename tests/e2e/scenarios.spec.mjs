// Scenarios as a controller builds them: measures through the form and
// the grid, the comparison, goal seek to a frame, and a scenario file
// opened in another browser.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { open, showView } from './helpers.mjs';

/** The figure of a cell of one of the scenario view's grids. */
const figure = (page, grid, row, col) => page.locator(`#${grid} tr[data-row="${row}"] td[data-col="${col}"] .value`);

/** Parses a Swedish figure as shown ("1 430 123", "−512") into a number. */
const number = (text) => Number(text.replace(/[\s\u00a0]/g, '').replace('−', '-').replace(',', '.'));

async function addMeasure(page, { name, kind, category, size, cost, consequence }) {
  const form = page.locator('.measure-form');
  if (!(await form.evaluate((d) => d.open))) await form.locator('summary').click();
  await form.locator('[data-field=name]').fill(name);
  await form.locator('[data-field=kind]').selectOption(kind);
  await form.locator('[data-field=category]').selectOption({ label: category });
  await form.locator('[data-field=size]').fill(size);
  if (cost) await form.locator('[data-field=cost-per-fte]').fill(cost);
  await form.locator('[data-field=consequence]').fill(consequence);
  await form.locator('[data-action=add-measure]').click();
  await expect(page.locator('.scenario-message')).toHaveCount(0);
}

/** The figures a colleague must see the same: the steps and the comparison's totals. */
async function figures(page) {
  const out = [];
  for (const row of ['result', 'revenue', 'costs']) {
    for (const col of ['value-0', 'value-1', 'diff-1', 'percent-1']) out.push(await figure(page, 'comparison', row, col).textContent());
  }
  for (const row of await page.locator('#measures tr[data-row]').all()) {
    out.push(await row.locator('td[data-col=effect] .value').textContent());
  }
  return out;
}

test('a scenario built through the UI is compared, goal-sought and opens the same elsewhere', async ({ page, browser }, testInfo) => {
  await open(page);
  await showView(page, 'scenarios');
  await page.locator('[data-field=scenario-name]').fill('Ram −30 mnkr');
  await page.getByRole('button', { name: 'Nytt scenario' }).click();
  await expect(page.locator('.scenario-list li')).toHaveCount(1);

  await addMeasure(page, { name: 'Konsulter −10 %', kind: 'percent', category: 'Konsultkostnader', size: '-10', consequence: 'Mindre specialiststöd' });
  await addMeasure(page, { name: 'Övrigt −500 tkr', kind: 'amount', category: 'Övriga kostnader', size: '-500', consequence: 'Färre resor' });
  await addMeasure(page, { name: 'Två färre årsarbetare', kind: 'fte', category: 'Personalkostnader', size: '-2', cost: '650', consequence: 'Längre handläggning' });
  await expect(page.locator('#measures tr[data-row^="measure-"]')).toHaveCount(3);
  await expect(figure(page, 'measures', 'measure-2', 'effect')).toHaveText('−500');
  await expect(figure(page, 'measures', 'measure-3', 'effect')).toHaveText('−1 300');

  // The grid's keyboard edits a measure: a new consequence, then undo and redo.
  await page.locator('#measures tr[data-row="measure-1"] td[data-col=consequence]').click();
  await page.keyboard.type('Kompetens byggs internt');
  await page.keyboard.press('Enter');
  await expect(figure(page, 'measures', 'measure-1', 'consequence')).toHaveText('Kompetens byggs internt');

  // The steps sum to the scenario's difference, the comparison says the same.
  const total = await figure(page, 'measures', 'total', 'effect').textContent();
  await expect(figure(page, 'scenario-result', 'costs', 'diff-1')).toHaveText(total);
  await expect(figure(page, 'comparison', 'costs', 'diff-1')).toHaveText(total);
  await expect(page.locator('#scenario-waterfall g.bar')).toHaveCount(5);
  await expect(page.locator('#comparison tr[data-row=costs] td[data-col=value-1] .value')).not.toHaveText('');

  // Goal seek: total costs 3 000 tkr below the scenario's, on personnel costs.
  const costs = number(await figure(page, 'comparison', 'costs', 'value-1').textContent());
  const goal = page.locator('.goal-seek');
  await goal.locator('summary').click();
  await goal.locator('[data-field=goal-target]').fill(String(costs - 3000));
  await goal.locator('[data-field=category]').selectOption({ label: 'Personalkostnader' });
  await goal.locator('[data-action=seek]').click();
  await expect(goal.locator('[data-field=goal-residual]')).toContainText(/Restbelopp efter avrundning till öre: −?0(,\d+)? kr/);
  await expect(goal.locator('[data-field=goal-percent]')).toContainText('%');
  await goal.locator('[data-action=accept-goal]').click();
  await expect(page.locator('#measures tr[data-row^="measure-"]')).toHaveCount(4);
  await expect(figure(page, 'comparison', 'costs', 'value-1')).toHaveText((costs - 3000).toLocaleString('sv-SE').replace(/-/, '−'));

  // The scenario file opens, in a fresh browser, with the same figures.
  const expected = await figures(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action=export-scenario]').click()]);
  expect(download.suggestedFilename()).toBe('Månadsrapport april 2023 – Ram −30 mnkr.kalkyl.json');
  const file = testInfo.outputPath('scenario.kalkyl.json');
  await download.saveAs(file);
  expect(fs.readFileSync(file, 'utf8')).toContain('Kompetens byggs internt');

  const fresh = await browser.newContext({ locale: 'sv-SE' });
  const other = await fresh.newPage();
  await open(other);
  await other.locator('[data-control=import]').setInputFiles(file);
  await expect(other.locator('.plan-name')).toHaveValue('Månadsrapport april 2023 – Ram −30 mnkr');
  await showView(other, 'scenarios');
  await expect(other.locator('#measures tr[data-row^="measure-"]')).toHaveCount(4);
  expect(await figures(other)).toEqual(expected);
  await fresh.close();
});

test('the example scenarios, a refusal, and next year as a new plan', async ({ page }) => {
  await open(page);
  await showView(page, 'scenarios');
  await page.locator('[data-action=open-example]').click();
  await expect(page.locator('.scenario-list li')).toHaveCount(2);
  await expect(page.locator('#scenario-waterfall g.bar')).toHaveCount(7);
  await expect(figure(page, 'comparison', 'costs', 'value-2')).not.toHaveText('');
  // The indicators come last: scroll the comparison down to them.
  await page.locator('#comparison .grid-scroll').evaluate((area) => area.scrollTo(0, area.scrollHeight));
  const status = page.locator('#comparison tr[data-row^="indicator-"] td[data-col=status-1]').first();
  await expect(status).toHaveText(/Uppfyllt|Delvis uppfyllt|Ej uppfyllt|Kan inte bedömas/);

  // A measure switched off in the grid stops counting, and the step says so.
  await page.locator('#measures .grid-scroll').evaluate((area) => area.scrollTo(area.scrollWidth, 0));
  await page.locator('#measures tr[data-row="measure-1"] td[data-col=enabled]').click();
  await page.keyboard.press('n');
  await page.keyboard.press('Enter');
  await page.locator('#measures .grid-scroll').evaluate((area) => area.scrollTo(0, 0));
  await expect(figure(page, 'measures', 'measure-1', 'effect')).toHaveText('0');

  // A scenario another stands on cannot be removed; the refusal says why.
  await page.locator('[data-field=scenario-name]').fill('Ovanpå IT');
  await page.locator('[data-field=scenario-base]').selectOption({ label: 'Ram −60 mnkr: IT och utveckling' });
  await page.getByRole('button', { name: 'Nytt scenario' }).click();
  await page.locator('.scenario-list li[data-scenario="2"] [data-action=remove]').click();
  await expect(page.locator('.scenario-message')).toContainText('Ovanpå IT');
  await expect(page.locator('.scenario-list li')).toHaveCount(3);

  await page.locator('[data-action=next-year]').click();
  await expect(page.locator('[data-field=next-name]')).toHaveValue('Budget 2025');
  await page.locator('[data-action=create-next-year]').click();
  await expect(page.locator('.plan-name')).toHaveValue('Budget 2025');
});
