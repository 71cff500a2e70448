// The in-memory workbook behind the fake Excel host: sheets of cells, tables and custom XML parts, with
// Excel's rules for what a written value becomes. Plain data, so it can be cloned to "save and reopen".
import { cellName, MAX_COLS, MAX_ROWS, overlaps, type Rect } from "./a1.js";
import type { ConditionalFormatState } from "./conditionalFormats.js";

export type Scalar = string | number | boolean;

export interface CellState {
  value?: Scalar;
  /** Set when the cell holds a formula (A1 style, starting with "="). */
  formula?: string;
  /** Number format; absent means "General". */
  format?: string;
  /** Text typed with a leading apostrophe ('=x, '0012): the apostrophe is not part of the value. */
  quoted?: boolean;
}

export interface SheetState {
  id: string;
  name: string;
  cells: Record<string, CellState>;
  selection: Rect;
  /** Further areas selected with Ctrl (a multi-area selection); `selection` is the first. */
  moreAreas?: Rect[];
  /** Merged cells (Home > Merge & Center). */
  merged?: Rect[];
  /** Highest priority first; absent on a sheet that never had one. */
  conditionalFormats?: ConditionalFormatState[];
}

export interface TableState extends Rect {
  id: string;
  name: string;
  sheetId: string;
  /** Set when the table shows its total row: the last row of its rect. */
  showTotals?: true;
}

export interface PartState {
  id: string;
  namespace: string;
  xml: string;
}

export interface WorkbookState {
  sheets: SheetState[];
  activeSheetId: string;
  /** Each table's rect includes its header row. */
  tables: TableState[];
  parts: PartState[];
  nextId: number;
  /** Workbook-level defined names (Formulas > Name Manager); they share one namespace with table names. */
  names?: { name: string; formula: string }[];
}

/** An error as Office.js reports it: a code such as "ItemNotFound" and a message. */
export class FakeOfficeError extends Error {
  override name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

export const GENERAL = "General";
export const TEXT = "@";

export function emptyWorkbook(firstSheet = "Sheet1"): WorkbookState {
  return {
    sheets: [{ id: "sheet1", name: firstSheet, cells: {}, selection: { row: 0, col: 0, rows: 1, cols: 1 } }],
    activeSheetId: "sheet1",
    tables: [],
    parts: [],
    nextId: 2,
  };
}

export function cloneWorkbook(state: WorkbookState): WorkbookState {
  return JSON.parse(JSON.stringify(state)) as WorkbookState;
}

export function newId(state: WorkbookState, prefix: string): string {
  return `${prefix}${state.nextId++}`;
}

export function checkRect(rect: Rect): void {
  const { row, col, rows, cols } = rect;
  if (row < 0 || col < 0 || rows < 1 || cols < 1 || row + rows > MAX_ROWS || col + cols > MAX_COLS) {
    throw new FakeOfficeError(
      "InvalidArgument",
      "The argument is invalid or missing or has an incorrect format.",
    );
  }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * What Excel stores for a value typed or written into a cell: in a text-formatted ("@") cell, the text as
 * it is; otherwise "=…" (and "+…", "-…", "@…" that are not numbers) becomes a formula, numbers and
 * TRUE/FALSE become numbers and booleans.
 */
export function enteredCell(input: Scalar, format: string | undefined): CellState {
  const keep = format === undefined ? {} : { format };
  // A leading apostrophe keeps the rest as text, as when typed.
  if (typeof input === "string" && input.startsWith("'"))
    return { ...keep, value: input.slice(1), quoted: true };
  if (typeof input !== "string" || format === TEXT) return { ...keep, value: input };
  const text = input;
  if (NUMBER.test(text.trim())) return { ...keep, value: Number(text.trim()) };
  if (/^(true|false)$/i.test(text.trim())) return { ...keep, value: text.trim().toLowerCase() === "true" };
  if (text.startsWith("=")) return { ...keep, formula: text };
  if (/^[+\-@]./.test(text)) return { ...keep, formula: `=${text}` };
  return { ...keep, value: text };
}

/**
 * A numeric index over each sheet's cells (kept beside the plain record, which stays the saved form): looking
 * cells up by "B3" keys is slow once a sheet holds a 72,000-row table. Built on first use of a record.
 */
const indexes = new WeakMap<Record<string, CellState>, Map<number, CellState>>();
const CELL_KEY = /^([A-Z]+)(\d+)$/;
const keyOf = (row: number, col: number) => row * MAX_COLS + col;

function indexOf(cells: Record<string, CellState>): Map<number, CellState> {
  let index = indexes.get(cells);
  if (!index) {
    index = new Map();
    for (const [name, cell] of Object.entries(cells)) {
      const m = CELL_KEY.exec(name)!;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
      index.set(keyOf(Number(m[2]) - 1, col - 1), cell);
    }
    indexes.set(cells, index);
  }
  return index;
}

let generation = 0;

/** Counts changes to cells anywhere: calculated results (calc.ts) are cached for one generation. */
export const cellsGeneration = (): number => generation;

export class SheetCells {
  private readonly index: Map<number, CellState>;
  constructor(private readonly sheet: SheetState) {
    this.index = indexOf(sheet.cells);
  }

  get(row: number, col: number): CellState | undefined {
    return this.index.get(keyOf(row, col));
  }

  /** Replaces a cell's whole state; an empty state removes the cell. */
  put(row: number, col: number, cell: CellState): void {
    if (cell.value === undefined && cell.formula === undefined && cell.format === undefined) {
      if (this.index.delete(keyOf(row, col))) {
        delete this.sheet.cells[cellName(row, col)];
        generation++;
      }
    } else {
      const was = this.index.get(keyOf(row, col));
      // Writing what is there already (most cells of a refresh) leaves the record alone: faster.
      if (was && was.value === cell.value && was.formula === cell.formula && was.format === cell.format)
        return;
      this.sheet.cells[cellName(row, col)] = cell;
      this.index.set(keyOf(row, col), cell);
      generation++;
    }
  }

  /** Writes a 2-D array: null leaves a cell as it is, "" empties it (keeping its format). */
  write(rect: Rect, input: unknown, enter: (row: number, col: number, value: Scalar) => void): void {
    forEachInput(rect, input, (row, col, value) => {
      if (value === null) return;
      if (value === "") {
        const format = this.get(row, col)?.format;
        this.put(row, col, format === undefined ? {} : { format });
        return;
      }
      enter(row, col, value as Scalar);
    });
  }

  enter(row: number, col: number, value: Scalar): void {
    this.put(row, col, enteredCell(value, this.get(row, col)?.format));
  }

  setFormat(row: number, col: number, format: string): void {
    const cell = this.get(row, col) ?? {};
    this.put(row, col, { ...cell, format: format === "" || format === GENERAL ? undefined : format });
  }

  clear(rect: Rect, applyTo: string): void {
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        const cell = this.get(r, c);
        if (!cell) continue;
        if (applyTo === "All") this.put(r, c, {});
        else if (applyTo === "Contents")
          this.put(r, c, cell.format === undefined ? {} : { format: cell.format });
        else if (applyTo === "Formats") this.put(r, c, { ...cell, format: undefined });
        else throw new FakeOfficeError("InvalidArgument", `The fake does not support clear("${applyTo}")`);
      }
    }
  }
}

/** Calls `each` for every cell of `rect` with the matching element of a 2-D array of exactly its size. */
export function forEachInput(
  rect: Rect,
  input: unknown,
  each: (row: number, col: number, value: unknown) => void,
): void {
  const fits =
    Array.isArray(input) &&
    input.length === rect.rows &&
    input.every((line) => Array.isArray(line) && line.length === rect.cols);
  if (!fits) {
    throw new FakeOfficeError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
  (input as unknown[][]).forEach((line, i) =>
    line.forEach((value, j) => {
      if (value !== null && !["string", "number", "boolean"].includes(typeof value)) {
        throw new FakeOfficeError("InvalidArgument", `Cell values must be strings, numbers or booleans`);
      }
      if (typeof value === "number" && !Number.isFinite(value)) {
        throw new FakeOfficeError("InvalidArgument", "Cell values must be finite numbers");
      }
      each(rect.row + i, rect.col + j, value);
    }),
  );
}

export function tablesOn(state: WorkbookState, sheetId: string): TableState[] {
  return state.tables.filter((t) => t.sheetId === sheetId);
}

export function checkNoTableOverlap(
  state: WorkbookState,
  sheetId: string,
  rect: Rect,
  except?: string,
): void {
  const clash = tablesOn(state, sheetId).find((t) => t.id !== except && overlaps(t, rect));
  if (clash) {
    throw new FakeOfficeError("InvalidOperation", `A table can't overlap another table (${clash.name}).`);
  }
}

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

export function checkTableName(state: WorkbookState, name: string, except?: string): void {
  if (!TABLE_NAME.test(name) || LOOKS_LIKE_CELL.test(name) || name.length > 255) {
    throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid table name.`);
  }
  const taken = state.tables.some((t) => t.id !== except && t.name.toLowerCase() === name.toLowerCase());
  if (taken) throw new FakeOfficeError("ItemAlreadyExists", `A table named "${name}" already exists.`);
  // Excel refuses a table name that is already a defined name ("The name entered already exists").
  if (state.names?.some((n) => n.name.toLowerCase() === name.toLowerCase()))
    throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" is already a defined name.`);
}

export function checkSheetName(state: WorkbookState, name: string, except?: string): void {
  if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name) || name === "History") {
    throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid worksheet name.`);
  }
  const taken = state.sheets.some((s) => s.id !== except && s.name.toLowerCase() === name.toLowerCase());
  if (taken) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named "${name}" already exists.`);
}

/** Excel turns a table's header cells into distinct text ("Column1" for empty ones). */
export function normaliseHeaders(cells: SheetCells, table: TableState): void {
  const seen = new Set<string>();
  for (let c = table.col; c < table.col + table.cols; c++) {
    const cell = cells.get(table.row, c);
    let name = cell?.formula ?? (cell?.value === undefined ? "" : String(cell.value));
    if (name === "") name = `Column${c - table.col + 1}`;
    let unique = name;
    for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${name}${n}`;
    seen.add(unique.toLowerCase());
    cells.put(table.row, c, {
      value: unique,
      ...(cell?.format === undefined ? {} : { format: cell.format }),
    });
  }
}
