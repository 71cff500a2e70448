// A benchmark table as the 2-D arrays Excel writes. Excel reads null in an array as "leave this cell as it
// is", so empty values are written as "" to clear whatever an earlier refresh put there.
import { scoreFormulas, tableRefs } from "../core/formulas.js";
import { jsonBytes } from "./blocks.js";
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

/** The columns a live table writes as formulas; together, in this order, in every metric table. */
const FORMULA_COLUMNS = ["Median", "MAD", "MAD score", "Band", "Outlier"] as const;

/** How a table's body rows are written: as values, or for a live table with its score columns as formulas. */
export interface BodyWriter {
  /** About the bytes of body row `r` as written. */
  bytes(r: number): number;
  /** Queues body rows start … start + count − 1, body row 0 at sheet row `top`: values, then formulas. */
  queue(sheet: Excel.Worksheet, top: number, left: number, start: number, count: number): void;
}

export function bodyWriter(table: BenchmarkTable, tableName: string): BodyWriter {
  const values = bodyValues(table);
  const width = table.columns.length;
  const json = jsonBytes;
  const writeValues =
    (sheet: Excel.Worksheet, top: number, left: number, start: number, count: number) =>
    (col: number, cols: number) => {
      if (cols > 0)
        sheet.getRangeByIndexes(top + start, left + col, count, cols).values = values
          .slice(start, start + count)
          .map((row) => row.slice(col, col + cols));
    };
  if (!table.formulas) {
    return {
      bytes: (r) => json(values[r]),
      queue: (sheet, top, left, start, count) => writeValues(sheet, top, left, start, count)(0, width),
    };
  }
  const names = headerRow(table);
  const first = names.indexOf(FORMULA_COLUMNS[0]);
  if (FORMULA_COLUMNS.some((name, i) => names[first + i] !== name))
    throw new Error(`The live table's columns are not in the order ${FORMULA_COLUMNS.join(", ")}`);
  const f = scoreFormulas(table.formulas.polarity, tableRefs(tableName));
  const formulas = [f.median, f.mad, f.score, f.band, f.outlier];
  const formulaBytes = json(formulas);
  const after = first + FORMULA_COLUMNS.length;
  return {
    bytes: (r) => json(values[r].slice(0, first)) + formulaBytes + json(values[r].slice(after)),
    queue: (sheet, top, left, start, count) => {
      const write = writeValues(sheet, top, left, start, count);
      write(0, first);
      write(after, width - after);
      sheet.getRangeByIndexes(top + start, left + first, count, formulas.length).formulas = Array.from(
        { length: count },
        () => formulas,
      );
    },
  };
}
