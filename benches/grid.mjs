// How fast the grid feels, measured in headless Chromium on the release
// build in dist/: opening a plan of 2 400 lines, edit → repaint on the
// example and on that plan, and frame times while scrolling it.
//
// Run with `trunk build --release --offline=true && node benches/grid.mjs`
// (KALKYL_BENCH_PORT sets the port, 8093 by default). A benchmark, not a
// test: it prints medians and asserts nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { LINES, bigPlan } from '../tests/e2e/big-plan.mjs';

const port = Number(process.env.KALKYL_BENCH_PORT ?? 8093);
const base = `http://127.0.0.1:${port}`;
const RUNS = 21;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(1).padStart(7)} ms`;

function report(name, values) {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(`${name.padEnd(58)} median ${ms(median(values))}   fastest ${ms(sorted[0])}   (${values.length} runs)`);
}

async function serve() {
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', 'dist'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return server;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('the server did not start');
}

/** The cell of a row and column. */
const cell = (page, row, col) => page.locator(`tr[data-row="${row}"] td[data-col="${col}"]`);

/**
 * Types `text` into the cell and times Enter: to the DOM showing the new
 * figure of `watch` (the script's work), and to the animation frame that
 * paints it (which also waits for the display's next frame, up to 16,7 ms).
 */
async function timedEdit(page, [row, col], text, [watchRow, watchCol]) {
  await cell(page, row, col).click();
  await page.keyboard.type(text);
  await page.evaluate(([row, col]) => {
    const target = document.querySelector(`tr[data-row="${row}"] td[data-col="${col}"] .value`);
    window.__timing = new Promise((resolve) => {
      let start = 0;
      document.addEventListener('keydown', () => (start = performance.now()), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        observer.disconnect();
        const updated = performance.now() - start;
        requestAnimationFrame(() => resolve([updated, performance.now() - start]));
      });
      observer.observe(target, { characterData: true, childList: true, subtree: true });
    });
  }, [watchRow, watchCol]);
  await page.keyboard.press('Enter');
  return page.evaluate(() => window.__timing);
}

/** Times a click on a view's tab to the frame that shows its grid with `rows` rows. */
async function timedView(page, view, rows) {
  await page.evaluate(([view, rows]) => {
    const tab = document.querySelector(`[role=tab][data-view="${view}"]`);
    window.__timing = new Promise((resolve) => {
      let start = 0;
      tab.addEventListener('click', () => (start = performance.now()), { capture: true, once: true });
      const check = () => {
        const grid = document.querySelector('[role=grid]');
        if (grid?.getAttribute('aria-rowcount') === rows) resolve(performance.now() - start);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  }, [view, rows]);
  await page.locator(`[role=tab][data-view="${view}"]`).click();
  return page.evaluate(() => window.__timing);
}

async function edits(page, name, at, watch, values) {
  const updated = [];
  const painted = [];
  for (let run = 0; run < RUNS; run++) {
    const [dom, frame] = await timedEdit(page, at, values[run % values.length], watch);
    updated.push(dom);
    painted.push(frame);
  }
  report(`${name}: Enter → figure updated in the DOM`, updated);
  report(`${name}: Enter → frame that shows it`, painted);
}

/** Frame times while the grid scrolls a screen at a time, as a wheel does. */
async function scrolling(page) {
  const frames = await page.evaluate(async () => {
    const area = document.querySelector('.grid-scroll');
    const times = [];
    let last = await new Promise((resolve) => requestAnimationFrame(resolve));
    for (let step = 0; step < 60; step++) {
      area.scrollTop += area.clientHeight;
      const now = await new Promise((resolve) => requestAnimationFrame(resolve));
      times.push(now - last);
      last = now;
    }
    return times;
  });
  report('2 400 lines: frame while scrolling a screen a frame', frames);
  console.log(`${''.padEnd(58)} slowest ${ms(Math.max(...frames))}`);
}

async function main() {
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(base);
    await page.locator('[role=tab][data-view="monthly"]').click();
    await cell(page, 'line-2', 'm5').waitFor();
    await edits(page, 'example', ['line-2', 'm5'], ['department-1', 'm5'], ['1 000', '2 000']);

    const file = path.join(os.tmpdir(), 'kalkyl-bench-2400.kalkyl.json');
    fs.writeFileSync(file, JSON.stringify(bigPlan()));
    const rows = String(60 + LINES + 3 + 1);
    await page.evaluate((rows) => {
      const input = document.querySelector('[data-control=import]');
      const grid = document.querySelector('[role=grid]');
      window.__opened = new Promise((resolve) => {
        let start = 0;
        input.addEventListener('change', () => (start = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (grid.getAttribute('aria-rowcount') !== rows) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(grid, { attributes: true, attributeFilter: ['aria-rowcount'] });
      });
    }, rows);
    await page.locator('[data-control=import]').setInputFiles(file);
    report('2 400 lines: import the file → grid shown', [await page.evaluate(() => window.__opened)]);

    // Reopened from browser storage, the plan shows its result view.
    await page.addInitScript(() => {
      window.__shown = new Promise((resolve) => {
        const check = () => {
          const grid = document.querySelector('[role=grid]');
          if (grid?.getAttribute('aria-rowcount') === '44') resolve(performance.now());
          else requestAnimationFrame(check);
        };
        check();
      });
    });
    const opened = [];
    for (let run = 0; run < 5; run++) {
      await page.reload();
      opened.push(await page.evaluate(() => window.__shown));
    }
    report('2 400 lines: open from browser storage → grid shown', opened);

    const shown = [];
    for (let run = 0; run < 5; run++) {
      await page.locator('[role=tab][data-view="result"]').click();
      await page.locator('[role=grid][aria-rowcount="44"]').waitFor();
      shown.push(await timedView(page, 'monthly', rows));
    }
    report('2 400 lines: show the monthly budget → grid shown', shown);

    await page.locator('.grid-scroll').evaluate((area) => area.scrollTo(0, area.scrollHeight));
    await cell(page, 'line-2399', 'm5').waitFor();
    await edits(page, '2 400 lines', ['line-2399', 'm5'], ['total-revenue', 'm5'], ['10 000', '20 000']);
    await page.locator('.grid-scroll').evaluate((area) => area.scrollTo(0, 0));
    await scrolling(page);
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
