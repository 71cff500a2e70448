// The fake Excel calculates: formulas of the shapes the add-in writes (core/formulas.ts) and tests type, with
// Excel's semantics (blanks, coercion, error values, broadcasting over arrays, structured references). Pure
// TS (no Node imports): it is also bundled into a browser page. A function or syntax the fake does not
// calculate throws an Error naming it: a test bug, never a silent value.
//
// Results are cached per workbook until anything changes (a cell, a table, a sheet): the cache is dropped
// when the cells' generation (workbook.ts) or the tables' and sheets' layout differ from when it was made.
import { formatAddress, MAX_COLS, type Rect } from "./a1.js";
import {
  FormulaSyntaxError,
  parseFormula,
  UnsupportedFormula,
  type BinaryOp,
  type ErrorCode,
  type Node,
} from "./calcParse.js";
import {
  cellsGeneration,
  FakeOfficeError,
  SheetCells,
  type Scalar,
  type SheetState,
  type TableState,
  type WorkbookState,
} from "./workbook.js";

export { UnsupportedFormula };

/** An error value (#DIV/0! …): one object per code, so results compare with ===. */
export class XlError {
  private static readonly all = new Map<string, XlError>();
  private constructor(readonly code: ErrorCode) {}
  static of(code: ErrorCode): XlError {
    let e = XlError.all.get(code);
    if (!e) XlError.all.set(code, (e = new XlError(code)));
    return e;
  }
}

const DIV0 = XlError.of("#DIV/0!");
const VALUE = XlError.of("#VALUE!");
const NUM = XlError.of("#NUM!");
const NA = XlError.of("#N/A");
const REF = XlError.of("#REF!");
const NAME = XlError.of("#NAME?");

/** A cell's value while calculating; null is a blank cell (0 in arithmetic, "" against text). */
export type Value = number | string | boolean | XlError | null;

class Arr {
  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly data: Value[],
  ) {}
}

class Ref {
  constructor(
    readonly sheet: SheetState,
    readonly rect: Rect,
  ) {}
}

type Result = Value | Arr | Ref;

interface Book {
  state: WorkbookState;
  generation: number;
  layout: string;
  cells: Map<string, SheetCells>;
  /** Formula results by sheet id, then row * MAX_COLS + col. */
  results: Map<string, Map<number, Value>>;
  busy: Set<string>;
  arrays: Map<string, Arr>;
  /** Results of formula parts that do not depend on the formula's cell, by sheet id. */
  free: Map<string, Map<Node, Result>>;
  headers: Map<string, Map<string, number>>;
  /** Results of parts that depend on [@…] cells, by those cells' values (sharedKey). */
  shared: Map<Node, Map<string, Result>>;
}

interface Ctx {
  book: Book;
  sheet: SheetState;
  row: number;
  col: number;
  memo: Map<Node, Result>;
  /** sharedKey's part for each [@…] reference, once per formula. */
  depKeys: Map<Node, string>;
}

const books = new WeakMap<WorkbookState, Book>();

/** What formulas can see besides cells: tables' places and names, sheets' names, defined names. */
function layoutOf(state: WorkbookState): string {
  const tables = state.tables.map(
    (t) => `${t.id}:${t.name}:${t.sheetId}:${t.row}:${t.col}:${t.rows}:${t.cols}:${t.showTotals ?? ""}`,
  );
  const sheets = state.sheets.map((s) => `${s.id}:${s.name}`);
  const names = (state.names ?? []).map((n) => `${n.name}:${n.formula}`);
  return [tables.join("|"), sheets.join("|"), names.join("|")].join("#");
}

function bookOf(state: WorkbookState): Book {
  const layout = layoutOf(state);
  let book = books.get(state);
  if (!book || book.generation !== cellsGeneration() || book.layout !== layout) {
    book = {
      state,
      generation: cellsGeneration(),
      layout,
      cells: new Map(),
      results: new Map(),
      busy: new Set(),
      arrays: new Map(),
      free: new Map(),
      headers: new Map(),
      shared: new Map(),
    };
    books.set(state, book);
  }
  return book;
}

const perSheet = <V>(map: Map<string, V>, sheet: SheetState, make: () => V): V => {
  let v = map.get(sheet.id);
  if (v === undefined) map.set(sheet.id, (v = make()));
  return v;
};

const cellsOf = (book: Book, sheet: SheetState) => perSheet(book.cells, sheet, () => new SheetCells(sheet));

function cellValue(book: Book, sheet: SheetState, row: number, col: number): Value {
  const cell = cellsOf(book, sheet).get(row, col);
  if (cell?.formula === undefined) return cell?.value ?? null;
  const results = perSheet(book.results, sheet, () => new Map<number, Value>());
  const key = row * MAX_COLS + col;
  const known = results.get(key);
  if (known !== undefined) return known;
  const where = `${sheet.id}!${key}`;
  if (book.busy.has(where))
    throw new UnsupportedFormula(
      `A circular reference at ${formatAddress(sheet.name, { row, col, rows: 1, cols: 1 })}: the fake does not iterate`,
    );
  book.busy.add(where);
  try {
    const ctx: Ctx = { book, sheet, row, col, memo: new Map(), depKeys: new Map() };
    const value = final(evaluate(parseFormula(cell.formula), ctx), ctx, cell.formula);
    results.set(key, value);
    return value;
  } finally {
    book.busy.delete(where);
  }
}

/** A cell's result: a single value (a blank shows as 0); the fake does not spill arrays. */
function final(result: Result, ctx: Ctx, formula: string): Exclude<Value, null> {
  let v: Value | Arr = deref(result, ctx.book);
  if (v instanceof Arr) {
    if (v.data.length !== 1)
      throw new UnsupportedFormula(`${formula} gives a ${v.rows}×${v.cols} array: the fake does not spill`);
    v = v.data[0];
  }
  return v ?? 0;
}

function refArray(book: Book, ref: Ref): Arr {
  const { row, col, rows, cols } = ref.rect;
  const key = `${ref.sheet.id}!${row},${col},${rows},${cols}`;
  let arr = book.arrays.get(key);
  if (!arr) {
    const data: Value[] = new Array(rows * cols);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) data[i * cols + j] = cellValue(book, ref.sheet, row + i, col + j);
    book.arrays.set(key, (arr = new Arr(rows, cols, data)));
  }
  return arr;
}

/** A reference as its value (one cell) or array (more). */
function deref(r: Result, book: Book): Value | Arr {
  if (!(r instanceof Ref)) return r;
  if (r.rect.rows === 1 && r.rect.cols === 1) return cellValue(book, r.sheet, r.rect.row, r.rect.col);
  return refArray(book, r);
}

const asArr = (v: Value | Arr): Arr => (v instanceof Arr ? v : new Arr(1, 1, [v]));

// ---- Scalar semantics ----

const PLAIN_NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;

/** Text as a number where Excel would read it as one (only plain numbers in the fake). */
function toNumber(v: Value): number | XlError {
  if (typeof v === "number") return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof XlError) return v;
  return PLAIN_NUMBER.test(v) ? Number(v) : VALUE;
}

function toBool(v: Value): boolean | XlError {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v === null) return false;
  if (v instanceof XlError) return v;
  const t = v.trim().toUpperCase();
  return t === "TRUE" ? true : t === "FALSE" ? false : VALUE;
}

/** A number as text (=1/4&"" is "0.25"): 15 significant digits as Excel keeps. */
function numberText(n: number): string {
  return String(Number(n.toPrecision(15))).replace("e", "E");
}

function toText(v: Value): string | XlError {
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v ?? "";
}

const checked = (n: number): number | XlError => (Number.isFinite(n) ? n : NUM);

function arithmetic(f: (x: number, y: number) => number | XlError) {
  return (a: Value, b: Value): Value => {
    const x = toNumber(a);
    if (x instanceof XlError) return x;
    const y = toNumber(b);
    if (y instanceof XlError) return y;
    const r = f(x, y);
    return r instanceof XlError ? r : checked(r);
  };
}

function power(x: number, y: number): number | XlError {
  if (x === 0 && y === 0) return NUM;
  if (x === 0 && y < 0) return DIV0;
  if (x < 0 && !Number.isInteger(y)) return NUM;
  return x ** y;
}

/** Types order numbers < text < booleans; a blank takes the other side's type. */
const rank = (v: number | string | boolean) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
const blankLike = (other: Value): number | string | boolean =>
  typeof other === "string" ? "" : typeof other === "boolean" ? false : 0;

/** Compares as Excel does: text without regard to case; -1, 0 or 1, or the first error. */
function compare(a: Value, b: Value): number | XlError {
  if (a instanceof XlError) return a;
  if (b instanceof XlError) return b;
  const x = a ?? blankLike(b);
  const y = b ?? blankLike(a);
  if (x === y) return 0;
  if (rank(x) !== rank(y)) return rank(x) < rank(y) ? -1 : 1;
  if (typeof x !== "string") return x < y ? -1 : 1;
  const [p, q] = [x.toLowerCase(), (y as string).toLowerCase()];
  return p < q ? -1 : p > q ? 1 : 0;
}

const comparison = (test: (c: number) => boolean) => (a: Value, b: Value) => {
  const c = compare(a, b);
  return c instanceof XlError ? c : test(c);
};

const OPS: Record<BinaryOp, (a: Value, b: Value) => Value> = {
  "+": arithmetic((x, y) => x + y),
  "-": arithmetic((x, y) => x - y),
  "*": arithmetic((x, y) => x * y),
  "/": arithmetic((x, y) => (y === 0 ? DIV0 : x / y)),
  "^": arithmetic(power),
  "&": (a, b) => {
    const x = toText(a);
    if (x instanceof XlError) return x;
    const y = toText(b);
    return y instanceof XlError ? y : x + y;
  },
  "=": comparison((c) => c === 0),
  "<>": comparison((c) => c !== 0),
  "<": comparison((c) => c < 0),
  ">": comparison((c) => c > 0),
  "<=": comparison((c) => c <= 0),
  ">=": comparison((c) => c >= 0),
};

// ---- Elementwise: an array and a scalar, or arrays (a single row or column stretches, as in Excel) ----

function map1(v: Value | Arr, f: (x: Value) => Value): Value | Arr {
  return v instanceof Arr ? new Arr(v.rows, v.cols, v.data.map(f)) : f(v);
}

function pick(a: Arr, i: number, j: number): Value {
  const r = a.rows === 1 ? 0 : i;
  const c = a.cols === 1 ? 0 : j;
  return r < a.rows && c < a.cols ? a.data[r * a.cols + c] : NA;
}

function mapN(values: (Value | Arr)[], f: (...x: Value[]) => Value): Value | Arr {
  if (!values.some((v) => v instanceof Arr)) return f(...(values as Value[]));
  const arrays = values.map(asArr);
  const rows = Math.max(...arrays.map((a) => a.rows));
  const cols = Math.max(...arrays.map((a) => a.cols));
  const data: Value[] = new Array(rows * cols);
  if (arrays.length === 2) {
    // The common case, kept tight: a whole column against a value or another column.
    const [a, b] = arrays;
    if (a.rows === rows && a.cols === cols && b.data.length === 1) {
      const y = b.data[0];
      for (let k = 0; k < data.length; k++) data[k] = f(a.data[k], y);
      return new Arr(rows, cols, data);
    }
    if (b.rows === rows && b.cols === cols && a.data.length === 1) {
      const x = a.data[0];
      for (let k = 0; k < data.length; k++) data[k] = f(x, b.data[k]);
      return new Arr(rows, cols, data);
    }
    if (a.rows === b.rows && a.cols === b.cols) {
      for (let k = 0; k < data.length; k++) data[k] = f(a.data[k], b.data[k]);
      return new Arr(rows, cols, data);
    }
  }
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) data[i * cols + j] = f(...arrays.map((a) => pick(a, i, j)));
  return new Arr(rows, cols, data);
}

// ---- Evaluation ----

function evaluate(node: Node, ctx: Ctx): Result {
  if (node.t === "num" || node.t === "str" || node.t === "bool") return node.v;
  if (node.t === "err") return XlError.of(node.v);
  if (node.t === "missing") return null;
  const [memo, key] = cacheOf(node, ctx);
  let r = memo.get(key);
  if (r === undefined) {
    r = compute(node, ctx);
    memo.set(key, r);
  }
  return r;
}

/** Where a part's result is kept: for the sheet, for rows alike, or for this formula only. */
function cacheOf(node: Node, ctx: Ctx): [Map<unknown, Result>, unknown] {
  if (node.free) return [perSheet(ctx.book.free, ctx.sheet, () => new Map<Node, Result>()), node];
  // Rows whose [@…] cells hold the same values share the result (e.g. one median per period).
  const key = node.deps && node.t !== "struct" ? sharedKey(node.deps, ctx) : undefined;
  if (key === undefined) return [ctx.memo, node];
  let byKey = ctx.book.shared.get(node);
  if (!byKey) ctx.book.shared.set(node, (byKey = new Map()));
  return [byKey, key];
}

/** The values of the [@…] cells a part depends on, as a key; undefined when one is not a single cell. */
function sharedKey(deps: Node[], ctx: Ctx): string | undefined {
  let key = ctx.sheet.id;
  for (const dep of deps) {
    let part = ctx.depKeys.get(dep);
    if (part === undefined) {
      const r = evaluate(dep, ctx);
      if (r instanceof XlError) part = `E${r.code}`;
      else if (r instanceof Ref && r.rect.rows === 1 && r.rect.cols === 1) {
        const v = cellValue(ctx.book, r.sheet, r.rect.row, r.rect.col);
        const formula = cellsOf(ctx.book, r.sheet).get(r.rect.row, r.rect.col)?.formula ?? "";
        // AGGREGATE options 0–3 look at whether a cell is itself a total.
        const total = /\b(SUBTOTAL|AGGREGATE)\(/i.test(formula) ? "!" : "";
        part =
          v instanceof XlError
            ? `e${v.code}`
            : v === null
              ? "_"
              : `${typeof v}${Object.is(v, -0) ? "-0" : String(v)}${total}`;
      } else part = "";
      ctx.depKeys.set(dep, part);
    }
    if (part === "") return undefined;
    key += `\u0001${part}`;
  }
  return key;
}

const value = (node: Node, ctx: Ctx): Value | Arr => deref(evaluate(node, ctx), ctx.book);

function compute(node: Node, ctx: Ctx): Result {
  switch (node.t) {
    case "ref": {
      const sheet = node.sheet === undefined ? ctx.sheet : sheetNamed(ctx.book.state, node.sheet);
      return sheet ? new Ref(sheet, node.rect) : REF;
    }
    case "struct":
      return structRef(node, ctx);
    case "name": {
      const named = ctx.book.state.names?.find((n) => n.name.toLowerCase() === node.name.toLowerCase());
      return named ? evaluate(parseFormula(named.formula), ctx) : NAME;
    }
    case "unary":
      if (node.op === "@") return intersect(evaluate(node.a, ctx), ctx);
      if (node.op === "+") return evaluate(node.a, ctx);
      return map1(value(node.a, ctx), (x) => {
        const n = toNumber(x);
        return n instanceof XlError ? n : -n;
      });
    case "percent":
      return map1(value(node.a, ctx), (x) => {
        const n = toNumber(x);
        return n instanceof XlError ? n : n / 100;
      });
    case "bin":
      return mapN([value(node.a, ctx), value(node.b, ctx)], OPS[node.op]);
    case "call": {
      const f = FUNCTIONS[node.name];
      if (!f) throw new UnsupportedFormula(`The fake does not calculate ${node.name}()`);
      return f.run(node.args, ctx);
    }
  }
  throw new Error(`unreachable: ${node.t}`);
}

/** The @ operator: the cell of a range in the formula's own row (or column). */
function intersect(r: Result, ctx: Ctx): Result {
  if (r instanceof Arr) return r.data[0];
  if (!(r instanceof Ref)) return r;
  const { row, col, rows, cols } = r.rect;
  const at = {
    row: rows === 1 ? row : ctx.row,
    col: cols === 1 ? col : ctx.col,
  };
  if (at.row < row || at.row >= row + rows || at.col < col || at.col >= col + cols) return VALUE;
  return new Ref(r.sheet, { ...at, rows: 1, cols: 1 });
}

const sheetNamed = (state: WorkbookState, name: string) =>
  state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());

function tableAt(state: WorkbookState, sheet: SheetState, row: number, col: number) {
  return state.tables.find(
    (t) =>
      t.sheetId === sheet.id && row >= t.row && row < t.row + t.rows && col >= t.col && col < t.col + t.cols,
  );
}

const tableNamed = (state: WorkbookState, name: string) =>
  state.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());

/** A table's column names (lower case) and their offsets. */
function headersOf(book: Book, table: TableState): Map<string, number> {
  let map = book.headers.get(table.id);
  if (!map) {
    const sheet = book.state.sheets.find((s) => s.id === table.sheetId)!;
    const cells = cellsOf(book, sheet);
    map = new Map();
    for (let j = 0; j < table.cols; j++)
      map.set(String(cells.get(table.row, table.col + j)?.value ?? "").toLowerCase(), j);
    book.headers.set(table.id, map);
  }
  return map;
}

type StructNode = Extract<Node, { t: "struct" }>;

function structRef(node: StructNode, ctx: Ctx): Ref | XlError {
  const { state } = ctx.book;
  const table =
    node.table === undefined ? tableAt(state, ctx.sheet, ctx.row, ctx.col) : tableNamed(state, node.table);
  if (!table) return REF;
  const sheet = state.sheets.find((s) => s.id === table.sheetId)!;
  let col = table.col;
  let cols = table.cols;
  if (node.columns.length) {
    const headers = headersOf(ctx.book, table);
    const [a, b] = [node.columns[0], node.columns.at(-1)!].map((c) => headers.get(c.toLowerCase()));
    if (a === undefined || b === undefined) return REF;
    col = table.col + Math.min(a, b);
    cols = Math.abs(a - b) + 1;
  }
  const last = table.row + table.rows - 1;
  const dataTop = table.row + 1;
  const dataEnd = table.showTotals ? last - 1 : last;
  const rows = (from: number, to: number) => new Ref(sheet, { row: from, col, rows: to - from + 1, cols });
  if (node.thisRow) return ctx.row < dataTop || ctx.row > dataEnd ? VALUE : rows(ctx.row, ctx.row);
  switch (node.specials.join(",")) {
    case "#All":
      return rows(table.row, last);
    case "#Headers":
      return rows(table.row, table.row);
    case "#Totals":
      return table.showTotals ? rows(last, last) : REF;
    case "#Data,#Headers":
      return rows(table.row, dataEnd);
    case "#Data,#Totals":
      return rows(dataTop, last);
    default:
      return rows(dataTop, dataEnd);
  }
}

// ---- Functions ----

interface Fn {
  min: number;
  max: number;
  run: (args: Node[], ctx: Ctx) => Result;
}

const fn = (min: number, max: number, run: Fn["run"]): Fn => ({ min, max, run });
const elementwise = (f: (x: Value) => Value) => fn(1, 1, ([a], ctx) => map1(value(a, ctx), f));
const numeric = (f: (n: number) => number) =>
  elementwise((x) => {
    const n = toNumber(x);
    return n instanceof XlError ? n : checked(f(n));
  });

/**
 * The values of a function's arguments: those typed or calculated as one value are coerced (`direct`);
 * those of references and arrays are passed as they are, for the function to skip what it ignores.
 */
function eachValue(args: Node[], ctx: Ctx, each: (v: Value, direct: boolean) => XlError | void) {
  for (const a of args) {
    const r = evaluate(a, ctx);
    const v = deref(r, ctx.book);
    const direct = !(r instanceof Ref) && !(v instanceof Arr);
    for (const x of v instanceof Arr ? v.data : [v]) {
      const stop = each(x, direct);
      if (stop) return stop;
    }
  }
  return undefined;
}

/** The numbers of the arguments as SUM and MEDIAN count them (text and logicals of ranges skipped). */
function numbers(args: Node[], ctx: Ctx): number[] | XlError {
  const out: number[] = [];
  const stop = eachValue(args, ctx, (v, direct) => {
    if (v instanceof XlError) return v;
    if (direct) {
      const n = toNumber(v);
      if (n instanceof XlError) return n;
      out.push(n);
    } else if (typeof v === "number") out.push(v);
  });
  return stop ?? out;
}

function logical(args: Node[], ctx: Ctx, all: boolean): Value {
  let seen = false;
  let result = all;
  const stop = eachValue(args, ctx, (v, direct) => {
    if (v instanceof XlError) return v;
    if (!direct && (typeof v === "string" || v === null)) return;
    const b = toBool(v);
    if (b instanceof XlError) return b;
    seen = true;
    if (b !== all) result = b;
  });
  return stop ?? (seen ? result : VALUE);
}

function median(list: number[]): number | XlError {
  if (!list.length) return NUM;
  const s = [...list].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/** A number argument that must be one value (a function number, k). */
function scalarNumber(node: Node, ctx: Ctx, what: string): number | XlError {
  const v = value(node, ctx);
  if (v instanceof Arr) throw new UnsupportedFormula(`The fake takes ${what} as one value, not an array`);
  return toNumber(v);
}

function aggregate(args: Node[], ctx: Ctx): Result {
  const f = scalarNumber(args[0], ctx, "AGGREGATE's function");
  if (f instanceof XlError) return f;
  const option = scalarNumber(args[1], ctx, "AGGREGATE's options");
  if (option instanceof XlError) return option;
  const [fnum, opt] = [Math.trunc(f), Math.trunc(option)];
  if (fnum < 1 || fnum > 19 || opt < 0 || opt > 7) return VALUE;
  if (fnum !== 14 && fnum !== 15)
    throw new UnsupportedFormula(`The fake calculates AGGREGATE(14 or 15, …) only, not ${fnum}`);
  if (args.length !== 4) return VALUE;
  // Options 2, 3, 6 and 7 skip errors; the fake has no hidden rows, and nested SUBTOTALs are not looked for.
  const skipErrors = [2, 3, 6, 7].includes(opt);
  if (opt < 4 && hasNestedTotals(evaluate(args[2], ctx), ctx))
    throw new UnsupportedFormula("The fake does not skip nested SUBTOTAL/AGGREGATE cells");
  const list: number[] = [];
  const stop = eachValue([args[2]], ctx, (v) => {
    if (v instanceof XlError) return skipErrors ? undefined : v;
    if (typeof v === "number") list.push(v);
  });
  if (stop) return stop;
  const kv = scalarNumber(args[3], ctx, "AGGREGATE's k");
  if (kv instanceof XlError) return kv;
  if (!Number.isInteger(kv))
    throw new UnsupportedFormula(`The fake does not know how Excel rounds k = ${kv}`);
  if (kv < 1 || kv > list.length) return NUM;
  list.sort((a, b) => (fnum === 15 ? a - b : b - a));
  return list[kv - 1];
}

function hasNestedTotals(r: Result, ctx: Ctx): boolean {
  if (!(r instanceof Ref)) return false;
  const cells = cellsOf(ctx.book, r.sheet);
  for (let i = 0; i < r.rect.rows; i++)
    for (let j = 0; j < r.rect.cols; j++)
      if (/\b(SUBTOTAL|AGGREGATE)\(/i.test(cells.get(r.rect.row + i, r.rect.col + j)?.formula ?? ""))
        return true;
  return false;
}

/** SUBTOTAL over references (no hidden rows in the fake), skipping cells that are SUBTOTALs themselves. */
function subtotal(args: Node[], ctx: Ctx): Result {
  const f = scalarNumber(args[0], ctx, "SUBTOTAL's function");
  if (f instanceof XlError) return f;
  const kind = Math.trunc(f) % 100;
  if (![1, 2, 3, 4, 5, 9].includes(kind) || Math.trunc(f) > 111)
    throw new UnsupportedFormula(`The fake calculates SUBTOTAL 1–5 and 9 (101–105, 109) only, not ${f}`);
  const list: number[] = [];
  let count = 0;
  for (const a of args.slice(1)) {
    const r = evaluate(a, ctx);
    if (!(r instanceof Ref)) return VALUE;
    const cells = cellsOf(ctx.book, r.sheet);
    for (let i = 0; i < r.rect.rows; i++)
      for (let j = 0; j < r.rect.cols; j++) {
        const [row, col] = [r.rect.row + i, r.rect.col + j];
        if (/\bSUBTOTAL\(/i.test(cells.get(row, col)?.formula ?? "")) continue;
        const v = cellValue(ctx.book, r.sheet, row, col);
        if (v !== null) count++;
        if (v instanceof XlError && kind !== 2 && kind !== 3) return v;
        if (typeof v === "number") list.push(v);
      }
  }
  const sum = list.reduce((s, x) => s + x, 0);
  if (kind === 1) return list.length ? sum / list.length : DIV0;
  if (kind === 2) return list.length;
  if (kind === 3) return count;
  if (kind === 4) return list.length ? Math.max(...list) : 0;
  if (kind === 5) return list.length ? Math.min(...list) : 0;
  return sum;
}

function sumproduct(args: Node[], ctx: Ctx): Result {
  const arrays = args.map((a) => asArr(value(a, ctx)));
  const [first] = arrays;
  if (arrays.some((a) => a.rows !== first.rows || a.cols !== first.cols)) return VALUE;
  let sum = 0;
  for (let k = 0; k < first.data.length; k++) {
    let product = 1;
    for (const a of arrays) {
      const v = a.data[k];
      if (v instanceof XlError) return v;
      // Text, logicals and blanks count as 0 (so SUMPRODUCT(--(range="x")) needs its --).
      product *= typeof v === "number" ? v : 0;
    }
    sum += product;
  }
  return checked(sum);
}

const FUNCTIONS: Record<string, Fn> = {
  IF: fn(2, 3, (args, ctx) => {
    const cond = value(args[0], ctx);
    const otherwise = (): Result => (args.length > 2 ? evaluate(args[2], ctx) : false);
    if (cond instanceof Arr) {
      const then = value(args[1], ctx);
      const other = deref(otherwise(), ctx.book);
      return mapN([cond, then, other], (c, a, b) => {
        const t = toBool(c);
        return t instanceof XlError ? t : t ? a : b;
      });
    }
    const t = toBool(cond);
    return t instanceof XlError ? t : t ? evaluate(args[1], ctx) : otherwise();
  }),
  IFERROR: fn(2, 2, (args, ctx) => {
    const v = value(args[0], ctx);
    if (v instanceof Arr) return mapN([v, value(args[1], ctx)], (x, y) => (x instanceof XlError ? y : x));
    return v instanceof XlError ? evaluate(args[1], ctx) : v;
  }),
  ISNUMBER: elementwise((x) => typeof x === "number"),
  ABS: numeric(Math.abs),
  INT: numeric(Math.floor),
  NOT: elementwise((x) => {
    const b = toBool(x);
    return b instanceof XlError ? b : !b;
  }),
  AND: fn(1, 255, (args, ctx) => logical(args, ctx, true)),
  OR: fn(1, 255, (args, ctx) => logical(args, ctx, false)),
  SUM: fn(1, 255, (args, ctx) => {
    const list = numbers(args, ctx);
    return list instanceof XlError ? list : checked(list.reduce((s, x) => s + x, 0));
  }),
  MEDIAN: fn(1, 255, (args, ctx) => {
    const list = numbers(args, ctx);
    return list instanceof XlError ? list : median(list);
  }),
  SUMPRODUCT: fn(1, 255, sumproduct),
  AGGREGATE: fn(3, 255, aggregate),
  SUBTOTAL: fn(2, 255, subtotal),
};

/** Excel functions the fake accepts in a formula but does not calculate (reading the result throws). */
const OTHER_EXCEL_FUNCTIONS = new Set(
  (
    "AVERAGE AVERAGEA AVERAGEIF AVERAGEIFS CEILING CHOOSE COLUMN COLUMNS CONCAT CONCATENATE COUNT COUNTA " +
    "COUNTBLANK COUNTIF COUNTIFS DATE DAY EXACT EXP FILTER FIND FLOOR HLOOKUP HYPERLINK IFNA IFS INDEX " +
    "INDIRECT ISBLANK ISERR ISERROR ISEVEN ISLOGICAL ISNA ISNONTEXT ISODD ISTEXT LARGE LEFT LEN LET LN LOG " +
    "LOG10 LOOKUP LOWER MATCH MAX MAXA MAXIFS MID MIN MINA MINIFS MOD MONTH N NA NOW OFFSET PERCENTILE " +
    "PERCENTILE.INC PERCENTILE.EXC POWER PRODUCT QUARTILE RANK RANK.EQ REPT RIGHT ROUND ROUNDDOWN ROUNDUP " +
    "ROW ROWS SEARCH SIGN SMALL SORT SQRT STDEV STDEV.P STDEV.S SUBSTITUTE SUMIF SUMIFS SWITCH T TEXT " +
    "TEXTJOIN TODAY TRIM TRUE FALSE TRUNC UNIQUE UPPER VALUE VLOOKUP XLOOKUP XOR YEAR"
  ).split(" "),
);

// ---- What the rest of the fake calls ----

/**
 * What Range.values shows for formula cells of `sheet` (as it is now): a cell's result, an error as its
 * text ("#DIV/0!").
 */
export function calculated(state: WorkbookState, sheet: SheetState): (row: number, col: number) => Scalar {
  const book = bookOf(state);
  return (row, col) => {
    const v = cellValue(book, sheet, row, col);
    return v instanceof XlError ? v.code : (v ?? 0);
  };
}

/** A formula's result as if it were in the cell at (row, col) (conditional formats), errors as XlError. */
export function evaluateAt(
  state: WorkbookState,
  sheet: SheetState,
  row: number,
  col: number,
  formula: string,
): Exclude<Value, null> {
  const ctx: Ctx = { book: bookOf(state), sheet, row, col, memo: new Map(), depKeys: new Map() };
  return final(evaluate(parseFormula(formula), ctx), ctx, formula);
}

/** A cell's value while calculating (a formula cell's result), errors as XlError, blank as "". */
export function valueAt(
  state: WorkbookState,
  sheet: SheetState,
  row: number,
  col: number,
): Exclude<Value, null> {
  return cellValue(bookOf(state), sheet, row, col) ?? "";
}

const refused = (detail: string) =>
  new FakeOfficeError(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format. (The fake: ${detail}.)`,
  );

/**
 * Refuses a formula written into the cell at (row, col) as Excel would (a FakeOfficeError "InvalidArgument"):
 * bad syntax, an unknown function or a wrong number of arguments, a table or column that does not exist,
 * [@…] outside a table. Only names are checked, not results. Syntax the fake cannot read throws an Error.
 */
export function checkFormula(
  state: WorkbookState,
  sheet: SheetState,
  row: number,
  col: number,
  formula: string,
) {
  let node: Node;
  try {
    node = parseFormula(formula);
  } catch (e) {
    if (e instanceof FormulaSyntaxError) throw refused(e.message);
    throw e;
  }
  const book = bookOf(state);
  const check = (n: Node): void => {
    if (n.t === "call") {
      const f = FUNCTIONS[n.name];
      if (!f && !OTHER_EXCEL_FUNCTIONS.has(n.name))
        throw refused(`${n.name} is not an Excel function, in ${formula}`);
      if (f && (n.args.length < f.min || n.args.length > f.max))
        throw refused(`${n.name} takes ${f.min}–${f.max} arguments, in ${formula}`);
      n.args.forEach(check);
    } else if (n.t === "bin") {
      check(n.a);
      check(n.b);
    } else if (n.t === "unary" || n.t === "percent") check(n.a);
    else if (n.t === "ref" && n.sheet !== undefined && !sheetNamed(state, n.sheet))
      throw refused(`there is no sheet ${n.sheet}, in ${formula}`);
    else if (n.t === "struct") {
      const table = n.table === undefined ? tableAt(state, sheet, row, col) : tableNamed(state, n.table);
      if (!table)
        throw refused(
          n.table === undefined
            ? `${n.src} outside a table (${formatAddress(sheet.name, { row, col, rows: 1, cols: 1 })})`
            : `there is no table ${n.table}, in ${formula}`,
        );
      const headers = headersOf(book, table);
      const missing = n.columns.find((c) => !headers.has(c.toLowerCase()));
      if (missing !== undefined) throw refused(`the table ${table.name} has no column "${missing}"`);
    }
  };
  check(node);
}
