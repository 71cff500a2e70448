// Reading arguments as Excel passes them: ranges as 2-D arrays (null or "" for blank cells), omitted
// optional arguments as null.
import { isNumber } from "../core/numbers.js";
import { asErrorValue, excelError, type ErrorValue } from "./errors.js";

/** A range argument: rows of cells. */
export type Range = readonly (readonly unknown[])[];

/** A range as given, or a single value wrapped as a 1×1 range (callers other than Excel may pass one). */
export function asRange(values: unknown): Range {
  if (!Array.isArray(values)) return [[values]];
  return values.map((row: unknown) => (Array.isArray(row) ? row : [row]));
}

/**
 * The numbers in a range as Excel's MEDIAN reads them: blanks, text and booleans are ignored, and the
 * first error value in the range is the result. Written into `buffer` (a new, larger one when it is too
 * small) so that a range read thousands of times allocates nothing: the numbers are `buffer[0..count)`.
 */
export function rangeNumbersInto(
  values: unknown,
  buffer: Float64Array,
): { buffer: Float64Array; count: number } | ErrorValue {
  let out = buffer;
  let n = 0;
  // The same cells as asRange gives (a value alone is one cell; a row that is not an array is one cell),
  // without copying the rows.
  const rows: readonly unknown[] = Array.isArray(values) ? values : [values];
  for (let i = 0; i < rows.length; i++) {
    const row: unknown = rows[i];
    const cells: readonly unknown[] = Array.isArray(row) ? row : [row];
    for (let j = 0; j < cells.length; j++) {
      const cell = cells[j];
      if (isNumber(cell)) {
        if (n === out.length) out = grown(out, n);
        out[n++] = cell;
      } else if (typeof cell === "object" && cell !== null) {
        const error = asErrorValue(cell);
        if (error) return error;
      }
    }
  }
  return { buffer: out, count: n };
}

function grown(buffer: Float64Array, used: number): Float64Array {
  const next = new Float64Array(Math.max(64, buffer.length * 2));
  next.set(buffer.subarray(0, used));
  return next;
}

/** A cell for a message: `text "abc"`, `TRUE`, `a blank cell`. */
export function describeCell(cell: unknown): string {
  if (cell === null || cell === undefined || cell === "") return "a blank cell";
  if (typeof cell === "string") return `text "${cell}"`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell);
}

/** A table cell as a spilled result: "" for an empty cell, TRUE/FALSE as text. */
export function spillCell(cell: string | number | boolean | null): string | number {
  return cell === null ? "" : typeof cell === "boolean" ? String(cell) : cell;
}

/** Text of a text argument; a number typed into the cell reads as its digits, blank as "". */
export function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value.trim() : String(value);
}

/**
 * One of a fixed set of words (ignoring case), `fallback` when omitted or blank, else #VALUE! naming the
 * choices.
 */
export function choice<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T | ErrorValue {
  const t = text(value).toLowerCase();
  if (t === "") return fallback;
  const found = allowed.find((a) => a === t);
  if (found) return found;
  return excelError(
    "invalidValue",
    `${name} must be ${allowed.map((a) => `"${a}"`).join(", ")} or omitted; got ${describeCell(value)}`,
  );
}
