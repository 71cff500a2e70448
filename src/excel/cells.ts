// A benchmark table as the 2-D arrays Excel writes. Excel reads null in an array as "leave this cell as it
// is", so empty values are written as "" to clear whatever an earlier refresh put there.
import type { BenchmarkTable } from "../core/table.js";

export type Cell = string | number | boolean;

export function headerRow(table: BenchmarkTable): string[] {
  return table.columns.map((c) => c.name);
}

export function bodyValues(table: BenchmarkTable): Cell[][] {
  return table.rows.map((row) => row.map((v) => v ?? ""));
}

/** Each column's number format, in column order. */
export function formatLine(table: BenchmarkTable): string[] {
  return table.columns.map((c) => c.numberFormat);
}

/** Each column's number format on every row, e.g. "@" for text so no text is ever taken as a formula. */
export function bodyFormats(table: BenchmarkTable, rows = table.rows.length): string[][] {
  const line = formatLine(table);
  return Array.from({ length: rows }, () => line);
}

export function grid<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
}
