// The LADE method as spreadsheet formulas, so a workbook rescores itself when a value is corrected, with
// or without the add-in. One generator for the add-in's tables (structured references) and the .xlsx
// export (A1 ranges); a real engine (LibreOffice) checks them against the core in the tests.
//
// Missing values are excluded as LADE excluded them: a naive MEDIAN(ABS(range − median)) turns blanks into
// 0. Each median is (SMALL(k) + LARGE(k)) / 2 over the row's own comparison and period, k = ⌈n/2⌉, which is
// the core's median bit for bit: the middle value twice for odd n, the mean of the two middle ones for even.
// AGGREGATE (14 LARGE, 15 SMALL, option 6 skipping errors) and SUMPRODUCT take array expressions without
// Ctrl+Shift+Enter in every Excel since 2010, so the same formula works with or without dynamic arrays:
// other rows, blanks and text are divided by 0 (or fail to subtract) and so are skipped as errors.
import { BANDS } from "./band.js";
import type { Polarity } from "./model.js";

/**
 * The most rows a table gets live formulas for. Each row's formulas scan the whole table, so the work grows
 * with the square of the rows: LibreOffice here recalculates 3,000 rows in 30 s and 10,000 in 330 s (Excel
 * is faster, not measured). Every one-period table of English councils (about 400) is well within it.
 */
export const LIVE_ROW_LIMIT = 3_000;

/** The columns the formulas read or fill. "Compared among" is empty for a row that is not compared. */
export type FormulaColumn = "Period" | "Compared among" | "Value" | "Median" | "MAD" | "MAD score";

export interface ColumnRefs {
  /** The whole column, e.g. `Bench_x[Value]` or `$D$2:$D$400`. */
  column(name: FormulaColumn): string;
  /** This row's cell of the column, e.g. `[@Value]` or `D2`. */
  cell(name: FormulaColumn): string;
}

export interface ScoreFormulas {
  median: string;
  mad: string;
  score: string;
  band: string;
  outlier: string;
}

// Inclusive lower bounds of the first six bands on the polarity-adjusted score (core/band.ts).
const LOWER_BOUNDS = [3, 1.5, 0.5, -0.5, -1.5, -3];
/** |score| at or beyond which a value is flagged for checking (core/band.ts). */
const OUTLIER = 7.5;

const text = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The formulas of one row (each starting with "="). Rows outside the comparison, missing values and a MAD of
 * 0 give the core's statuses ("not-compared", "missing", "no-score") in Band and empty cells elsewhere.
 */
export function scoreFormulas(polarity: Polarity, r: ColumnRefs): ScoreFormulas {
  const set = r.cell("Compared among");
  const value = r.cell("Value");
  const median = r.cell("Median");
  const mad = r.cell("MAD");
  const score = r.cell("MAD score");
  const values = r.column("Value");
  // 1 for each numeric value of the row's own comparison and period, else 0.
  const same = `(${r.column("Period")}=${r.cell("Period")})*(${r.column("Compared among")}=${set})*ISNUMBER(${values})`;
  const k = `INT((SUMPRODUCT(${same})+1)/2)`;
  const middle = (array: string) =>
    `(AGGREGATE(15,6,${array}/(${same}),${k})+AGGREGATE(14,6,${array}/(${same}),${k}))/2`;
  const bands = polarity === "none" ? BANDS.neutral : BANDS.judged;
  const adjusted = polarity === "lower" ? `-${score}` : score;
  const banded = LOWER_BOUNDS.reduceRight(
    (otherwise, lower, i) => `IF(${adjusted}>=${lower},${text(bands[i])},${otherwise})`,
    text(bands[6]),
  );
  return {
    // IFERROR: a comparison with no values at all (k = 0) has no median; the core leaves it empty too.
    median: `=IF(${set}="","",IFERROR(${middle(values)},""))`,
    mad: `=IF(ISNUMBER(${median}),${middle(`ABS(${values}-${median})`)},"")`,
    score: `=IF(AND(ISNUMBER(${value}),ISNUMBER(${mad})),IF(${mad}=0,"",(${value}-${median})/${mad}),"")`,
    band:
      `=IF(${set}="","not-compared",IF(NOT(ISNUMBER(${value})),"missing",` +
      `IF(NOT(ISNUMBER(${score})),"no-score",${banded})))`,
    outlier: `=IF(ISNUMBER(${score}),ABS(${score})>=${OUTLIER},"")`,
  };
}

/** References into an Excel table by column name: `Bench_x[Value]` and `[@Value]`. */
export function tableRefs(table: string): ColumnRefs {
  const name = (n: string) => n.replace(/['#[\]]/g, "'$&");
  const inner = (n: string) => (/^[A-Za-z0-9_]+$/.test(n) ? name(n) : `[${name(n)}]`);
  return {
    column: (n) => `${table}[${name(n)}]`,
    cell: (n) => `[@${inner(n)}]`,
  };
}

/** "A", "B", … "AA": the letters of a 0-based column index. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * A1 references for plain ranges: `columns` gives each column's 0-based index; the data run from sheet
 * row `first` to `last` (1-based) and the formulas are for sheet row `row`.
 */
export function rangeRefs(
  columns: Readonly<Record<FormulaColumn, number>>,
  first: number,
  last: number,
  row: number,
): ColumnRefs {
  return {
    column: (n) => `$${columnLetters(columns[n])}$${first}:$${columnLetters(columns[n])}$${last}`,
    cell: (n) => `${columnLetters(columns[n])}${row}`,
  };
}
