// A synthetic plan as benches/recalc.rs builds it: 60 departments × 40
// categories, 2 400 lines, a tenth of them computed by a formula on the
// line before and a driver. Written as a Kalkyl file (format version 1).

export const DEPARTMENTS = 60;
export const CATEGORIES = 40;
export const LINES = DEPARTMENTS * CATEGORIES;
const MONTHS = [...Array(12).keys()];
const FTE = 12;

/** The amount of line `id` in month `month` (0-based), in kronor. */
const amount = (id, month, factor) => (id * 1000 + month * 37) * factor;

/** Whether line `id` is computed by a formula. */
const isFormula = (id) => id % 10 === 0;

/** The category of line `id`, and whether it is a revenue. */
const category = (id) => ((id - 1) % CATEGORIES) + 1;
export const isRevenue = (id) => category(id) > 32;

/** The full-year budget of line `id` in kronor, with `edits` (id → month → kr) applied. */
export function budgetYear(id, edits = {}) {
  const month = (line, m) => edits[line]?.[m] ?? amount(line, m, 3);
  const monthly = (m) => (isFormula(id) ? month(id - 1, m) * 0.5 + FTE * 100 : month(id, m));
  return MONTHS.reduce((sum, m) => sum + monthly(m), 0);
}

/** The plan as a file. */
export function bigPlan() {
  const lines = [];
  for (let department = 1; department <= DEPARTMENTS; department++) {
    for (let c = 1; c <= CATEGORIES; c++) {
      const id = lines.length + 1;
      const kr = (value) => `${value}.00`;
      lines.push({
        id,
        name: `Rad ${id}`,
        department,
        activity: c % 5 === 0 ? 'development' : 'operations',
        category: c,
        budget: MONTHS.map((m) => kr(amount(id, m, 3))),
        outcome: MONTHS.map((m) => kr(m < 4 ? amount(id, m, 2) : 0)),
        last_year: MONTHS.map((m) => kr(amount(id, m, 1))),
        forecast: { method: id % 2 === 0 ? 'run_rate' : 'budget' },
        ...(isFormula(id) ? { formula: `=[Rad ${id - 1}] * 0,5 + fte * 100` } : {}),
      });
    }
  }
  return {
    format: 'kalkyl',
    version: 1,
    app: '0.1.0',
    plan: {
      name: 'Syntetisk plan',
      year: 2024,
      closed_through: 4,
      departments: Array.from({ length: DEPARTMENTS }, (_, i) => ({ id: i + 1, name: `Avdelning ${i + 1}` })),
      categories: Array.from({ length: CATEGORIES }, (_, i) => ({
        id: i + 1,
        name: `Slag ${i + 1}`,
        kind: i + 1 <= 32 ? 'cost' : 'revenue',
      })),
      services: [],
      drivers: [{ id: 1, name: 'fte', unit: 'st', months: MONTHS.map(() => String(FTE)) }],
      lines,
      snapshots: [],
    },
  };
}

/** Kronor as the grid shows them in tkr: rounded half away from zero, grouped by threes. */
export function tkr(kronor) {
  const rounded = Math.sign(kronor) * Math.round(Math.abs(kronor) / 1000);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return rounded < 0 ? `−${digits}` : digits;
}
