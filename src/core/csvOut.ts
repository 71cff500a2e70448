/** Numbers at full precision in the shortest form that reads back exactly; empty for none. */
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? "" : String(n);
}

/**
 * Text that a spreadsheet would run as a formula when the CSV is opened (OWASP, CSV injection): starting
 * with =, +, -, @, a tab or a carriage return. Such text gets a leading ' so it stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: text neutralised against formulas, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let s: string;
  if (typeof value === "number") s = formatNumber(value);
  else if (value === null || value === undefined) s = "";
  else s = FORMULA_START.test(String(value)) ? `'${String(value)}` : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(",");
}
