// A1 addresses and R1C1 formulas for the fake Excel host. Pure TS (no Node imports): it is also bundled into
// a browser page.

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

function parseCell(text: string): { row: number; col: number } | undefined {
  const m = CELL.exec(text);
  if (!m) return undefined;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  return row >= 0 && row < MAX_ROWS && col >= 0 && col < MAX_COLS ? { row, col } : undefined;
}

/** Whole columns ("D:D", "$B:$C") or whole rows ("3:5"), as Excel's getRange reads them. */
function wholeLines(first: string, last: string): Rect | undefined {
  const col = /^\$?([A-Za-z]{1,3})$/;
  const row = /^\$?(\d+)$/;
  const [c1, c2] = [col.exec(first), col.exec(last)];
  if (c1 && c2) {
    const [a, b] = [columnIndex(c1[1]), columnIndex(c2[1])];
    if (Math.max(a, b) >= MAX_COLS) return undefined;
    return { row: 0, col: Math.min(a, b), rows: MAX_ROWS, cols: Math.abs(a - b) + 1 };
  }
  const [r1, r2] = [row.exec(first), row.exec(last)];
  if (!r1 || !r2) return undefined;
  const [a, b] = [Number(r1[1]) - 1, Number(r2[1]) - 1];
  if (Math.min(a, b) < 0 || Math.max(a, b) >= MAX_ROWS) return undefined;
  return { row: Math.min(a, b), col: 0, rows: Math.abs(a - b) + 1, cols: MAX_COLS };
}

/** "B2", "$B$2:C9", "D:D", "3:5", "Sheet1!A1:B2" or "'My sheet'!A1"; undefined when it is none of those. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } | undefined {
  const bang = address.lastIndexOf("!");
  let sheet: string | undefined;
  if (bang >= 0) {
    const raw = address.slice(0, bang);
    sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  }
  const [first, last = first, extra] = address.slice(bang + 1).split(":");
  if (extra !== undefined) return undefined;
  const whole = address.slice(bang + 1).includes(":") ? wholeLines(first, last) : undefined;
  if (whole) return { sheet, rect: whole };
  const a = parseCell(first);
  const b = parseCell(last);
  if (!a || !b) return undefined;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return {
    sheet,
    rect: { row, col, rows: Math.abs(a.row - b.row) + 1, cols: Math.abs(a.col - b.col) + 1 },
  };
}

const letters: string[] = [];

/** "B3" for row 2, column 1 (column letters cached: big tables look up hundreds of thousands of cells). */
export function cellName(row: number, col: number): string {
  return (letters[col] ??= columnLetters(col)) + (row + 1);
}

/** As Excel writes addresses: sheet name quoted unless it is a plain word. */
export function formatAddress(sheet: string, rect: Rect): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const start = cellName(rect.row, rect.col);
  const end = cellName(rect.row + rect.rows - 1, rect.col + rect.cols - 1);
  return `${name}!${start === end ? start : `${start}:${end}`}`;
}

/** The end of a quoted run ("text" or 'sheet name') starting at `i`; a doubled quote stays inside it. */
function quotedEnd(formula: string, i: number): number {
  const quote = formula[i];
  let j = i + 1;
  while (j < formula.length && !(formula[j] === quote && formula[j + 1] !== quote))
    j += formula[j] === quote ? 2 : 1;
  return j + 1;
}

/** The end of a [structured reference] starting at `i`: brackets nest, ' escapes the next character. */
function bracketEnd(formula: string, i: number): number {
  let depth = 0;
  for (let j = i; j < formula.length; j++) {
    if (formula[j] === "'") j++;
    else if (formula[j] === "[") depth++;
    else if (formula[j] === "]" && --depth === 0) return j + 1;
  }
  return formula.length;
}

// Sticky patterns, tried where a token starts. A reference is not followed by what would make it part of a
// name, a function call, a table name or a sheet name.
const NOT_AFTER_REF = "(?![A-Za-z0-9_.\\\\([!])";
const A1_AT = new RegExp(`(\\$?)([A-Za-z]{1,3})(\\$?)(\\d+)${NOT_AFTER_REF}`, "y");
const R1C1_AT = new RegExp(`R(\\[-?\\d+\\]|\\d+)?C(\\[-?\\d+\\]|\\d+)?${NOT_AFTER_REF}`, "iy");
const NAME_AT = /[A-Za-z_\\][A-Za-z0-9_.\\]*/y;
const NUMBER_AT = /(\d+\.?\d*|\.\d+)(E[+-]?\d+)?/iy;

function matchAt(pattern: RegExp, text: string, i: number): RegExpExecArray | null {
  pattern.lastIndex = i;
  return pattern.exec(text);
}

/**
 * Rewrites each cell reference of a formula (`ref` gets the match and returns the new text, or undefined
 * to keep it), token by token: strings, quoted sheet names, [structured references], names (functions,
 * tables, sheets: `Bench_asc5_7[Value]` holds no cell "asc5") and numbers ("1E5") are kept as they are.
 */
function mapCellRefs(
  formula: string,
  pattern: RegExp,
  ref: (m: RegExpExecArray) => string | undefined,
): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    let end = i + 1;
    if (ch === '"' || ch === "'") end = quotedEnd(formula, i);
    else if (ch === "[") end = bracketEnd(formula, i);
    else {
      const m = matchAt(pattern, formula, i);
      const replaced = m ? ref(m) : undefined;
      if (m && replaced !== undefined) {
        out += replaced;
        i += m[0].length;
        continue;
      }
      const word = matchAt(NAME_AT, formula, i) ?? matchAt(NUMBER_AT, formula, i);
      if (word) end = i + word[0].length;
    }
    out += formula.slice(i, end);
    i = end;
  }
  return out;
}

/** A formula in A1 style as Excel shows it in R1C1 style for the cell at (row, col). */
export function toR1C1(formula: string, row: number, col: number): string {
  return mapCellRefs(formula, A1_AT, ([, colAbs, letters, rowAbs, digits]) => {
    const r = Number(digits) - 1;
    const c = columnIndex(letters);
    if (r < 0 || r >= MAX_ROWS || c >= MAX_COLS) return undefined; // a name such as ZZZ1, not a cell
    const rowPart = rowAbs ? `R${r + 1}` : r === row ? "R" : `R[${r - row}]`;
    const colPart = colAbs ? `C${c + 1}` : c === col ? "C" : `C[${c - col}]`;
    return rowPart + colPart;
  });
}

/** An R1C1 formula as A1 for the cell at (row, col). */
export function fromR1C1(formula: string, row: number, col: number): string {
  const part = (spec: string | undefined, base: number): { index: number; abs: boolean } => {
    if (spec === undefined) return { index: base, abs: false };
    if (spec.startsWith("[")) return { index: base + Number(spec.slice(1, -1)), abs: false };
    return { index: Number(spec) - 1, abs: true };
  };
  return mapCellRefs(formula, R1C1_AT, ([, rowSpec, colSpec]) => {
    const r = part(rowSpec, row);
    const c = part(colSpec, col);
    return `${c.abs ? "$" : ""}${columnLetters(c.index)}${r.abs ? "$" : ""}${r.index + 1}`;
  });
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}
