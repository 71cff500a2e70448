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

/** "B2", "$B$2:C9", "Sheet1!A1:B2" or "'My sheet'!A1"; undefined when it is none of those. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } | undefined {
  const bang = address.lastIndexOf("!");
  let sheet: string | undefined;
  if (bang >= 0) {
    const raw = address.slice(0, bang);
    sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  }
  const [first, last = first, extra] = address.slice(bang + 1).split(":");
  if (extra !== undefined) return undefined;
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

/**
 * Applies `replace` to the parts of a formula outside string literals and, with `brackets`, outside
 * [structured references] (R1C1 offsets such as R[1]C[-2] use brackets too, so they keep them).
 */
function mapOutsideLiterals(formula: string, replace: (part: string) => string, brackets = true): string {
  let out = "";
  let plain = "";
  let depth = 0;
  let inString = false;
  const flush = () => {
    out += replace(plain);
    plain = "";
  };
  for (const ch of formula) {
    if (inString) {
      out += ch;
      if (ch === '"') inString = false;
    } else if (ch === '"' && depth === 0) {
      flush();
      out += ch;
      inString = true;
    } else if (brackets && (ch === "[" || depth > 0)) {
      if (depth === 0) flush();
      out += ch;
      if (ch === "[") depth++;
      if (ch === "]") depth--;
    } else {
      plain += ch;
    }
  }
  flush();
  return out;
}

const A1_REF = /(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;
const R1C1_REF = /(?<![A-Za-z0-9_.])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(])/g;

/** A formula in A1 style as Excel shows it in R1C1 style for the cell at (row, col). */
export function toR1C1(formula: string, row: number, col: number): string {
  return mapOutsideLiterals(formula, (part) =>
    part.replace(A1_REF, (_m, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const r = Number(digits) - 1;
      const c = columnIndex(letters);
      const rowPart = rowAbs ? `R${r + 1}` : r === row ? "R" : `R[${r - row}]`;
      const colPart = colAbs ? `C${c + 1}` : c === col ? "C" : `C[${c - col}]`;
      return rowPart + colPart;
    }),
  );
}

/** An R1C1 formula as A1 for the cell at (row, col). */
export function fromR1C1(formula: string, row: number, col: number): string {
  const part = (spec: string | undefined, base: number): { index: number; abs: boolean } => {
    if (spec === undefined) return { index: base, abs: false };
    if (spec.startsWith("[")) return { index: base + Number(spec.slice(1, -1)), abs: false };
    return { index: Number(spec) - 1, abs: true };
  };
  return mapOutsideLiterals(
    formula,
    (text) =>
      text.replace(R1C1_REF, (_m, rowSpec: string | undefined, colSpec: string | undefined) => {
        const r = part(rowSpec, row);
        const c = part(colSpec, col);
        return `${c.abs ? "$" : ""}${columnLetters(c.index)}${r.abs ? "$" : ""}${r.index + 1}`;
      }),
    false,
  );
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}
