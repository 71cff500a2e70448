// Excel.Range in the fake: values, formulas and number formats of a rectangle of cells.
import { formatAddress, fromR1C1, overlaps, toR1C1, type Rect } from "./a1.js";
import { clearConditionalFormats, FakeConditionalFormatCollection } from "./conditionalFormats.js";
import { rangeFormat } from "./cellStyles.js";
import { FakeObject, type FakeRequestContext } from "./context.js";
import { calculated, checkFormula } from "./calc.js";
import { FakeWorksheet } from "./sheets.js";
import {
  checkRect,
  enteredCell,
  FakeOfficeError,
  forEachInput,
  GENERAL,
  normaliseHeaders,
  SheetCells,
  tablesOn,
  type Scalar,
  type SheetState,
  type WorkbookState,
} from "./workbook.js";

export interface RangeRef {
  sheet: SheetState;
  rect: Rect;
}

const PROPS = [
  "address",
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
  "values",
  "formulas",
  "formulasR1C1",
  "numberFormat",
  "valueTypes",
] as const;

type Grid = Scalar[][];

const ERROR_CODES = new Set([
  "#DIV/0!",
  "#N/A",
  "#NAME?",
  "#NULL!",
  "#NUM!",
  "#REF!",
  "#VALUE!",
  "#SPILL!",
  "#CALC!",
]);
const typeOf = (v: Scalar): string =>
  typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";

function grid<T>(rect: Rect, cell: (row: number, col: number) => T): T[][] {
  return Array.from({ length: rect.rows }, (_, i) =>
    Array.from({ length: rect.cols }, (_, j) => cell(rect.row + i, rect.col + j)),
  );
}

/**
 * Excel checks a formula when it is written: one that does not parse, names an unknown function or refers to
 * a table or column that is not there fails the write (checked when the write runs, so a table made earlier
 * in the same batch counts).
 */
export function checkFormulas(
  state: WorkbookState,
  sheet: SheetState,
  rect: Rect,
  input: unknown,
  entry: (row: number, col: number, value: Scalar) => Scalar = (_r, _c, v) => v,
): void {
  const cells = new SheetCells(sheet);
  forEachInput(rect, input, (r, c, v) => {
    if (v === null || v === "") return;
    const formula = enteredCell(entry(r, c, v as Scalar), cells.get(r, c)?.format).formula;
    if (formula !== undefined) checkFormula(state, sheet, r, c, formula);
  });
}

/** Locates the range once, the first time an operation needs it. */
export function bindRange(
  ctx: FakeRequestContext,
  find: () => RangeRef | undefined,
): () => RangeRef | undefined {
  let bound: { sheetId: string; rect: Rect } | undefined;
  return () => {
    if (!bound) {
      const found = find();
      if (!found) return undefined;
      checkRect(found.rect);
      bound = { sheetId: found.sheet.id, rect: found.rect };
    }
    const sheet = ctx.state.sheets.find((s) => s.id === bound!.sheetId);
    return sheet && { sheet, rect: bound.rect };
  };
}

export class FakeRange extends FakeObject<RangeRef> {
  protected readonly scalarProps = PROPS;

  constructor(
    context: FakeRequestContext,
    private readonly find: () => RangeRef | undefined,
  ) {
    super(context, find, "Range");
  }

  static at(context: FakeRequestContext, find: () => RangeRef | undefined): FakeRange {
    return new FakeRange(context, bindRange(context, find));
  }

  protected read({ sheet, rect }: RangeRef, prop: string): unknown {
    const cells = new SheetCells(sheet);
    let result: ((row: number, col: number) => Scalar) | undefined;
    switch (prop) {
      case "address":
        return formatAddress(sheet.name, rect);
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.col;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.cols;
      case "values":
        // A formula cell reads back as its result (calc.ts), never as its formula text.
        return grid(rect, (r, c) => {
          const cell = cells.get(r, c);
          return cell?.formula !== undefined
            ? (result ??= calculated(this.context.state, sheet))(r, c)
            : (cell?.value ?? "");
        });
      case "formulas":
        // Text typed with a leading apostrophe comes back without it, as on Excel on the web (office-js
        // #6687): written back as it reads, '=x would become a formula and '0012 a number.
        return grid(rect, (r, c) => cells.get(r, c)?.formula ?? cells.get(r, c)?.value ?? "");
      case "formulasR1C1":
        return grid(rect, (r, c) => {
          const cell = cells.get(r, c);
          return cell?.formula !== undefined ? toR1C1(cell.formula, r, c) : (cell?.value ?? "");
        });
      case "numberFormat":
        return grid(rect, (r, c) => cells.get(r, c)?.format ?? GENERAL);
      case "valueTypes":
        // Excel.RangeValueType: "Empty" only for a cell with nothing in it (a formula giving "" is a String).
        return grid(rect, (r, c) => {
          const cell = cells.get(r, c);
          if (cell?.formula === undefined)
            return cell?.value === undefined || cell.value === "" ? "Empty" : typeOf(cell.value);
          const v = (result ??= calculated(this.context.state, sheet))(r, c);
          return typeof v === "string" && ERROR_CODES.has(v) ? "Error" : typeOf(v);
        });
    }
    throw new Error(`unreachable: ${prop}`);
  }

  get address(): string {
    return this.prop("address");
  }

  /** ExcelApi 1.13: the merged areas in the range, or a null object when it has none. */
  getMergedAreasOrNullObject(): { isNullObject: boolean; load(option?: string): unknown } {
    const context = this.context;
    const find = this.find;
    let none: boolean | undefined;
    const result = {
      load: () => {
        context.enqueue("Range.getMergedAreasOrNullObject", () => {
          const ref = find();
          none = !ref || !(ref.sheet.merged ?? []).some((m) => overlaps(m, ref.rect));
        });
        return result;
      },
      get isNullObject(): boolean {
        if (none === undefined)
          throw new Error("isNullObject is not loaded: call load and context.sync() first.");
        return none;
      },
    };
    return result;
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }

  get values(): Grid {
    return this.prop("values");
  }
  set values(input: Grid) {
    this.setProp("values", input, (ref) => this.write(ref, input, (_r, _c, v) => v));
  }

  get formulas(): Grid {
    return this.prop("formulas");
  }
  set formulas(input: Grid) {
    this.setProp("formulas", input, (ref) => this.write(ref, input, (_r, _c, v) => v));
  }

  get formulasR1C1(): Grid {
    return this.prop("formulasR1C1");
  }
  set formulasR1C1(input: Grid) {
    this.setProp("formulasR1C1", input, (ref) =>
      this.write(ref, input, (r, c, v) =>
        typeof v === "string" && v.startsWith("=") ? fromR1C1(v, r, c) : v,
      ),
    );
  }

  get numberFormat(): string[][] {
    return this.prop("numberFormat");
  }

  /** ExcelApi 1.1: each cell's Excel.RangeValueType. */
  get valueTypes(): string[][] {
    return this.prop("valueTypes");
  }
  set numberFormat(input: string[][]) {
    this.setProp("numberFormat", input, ({ sheet, rect }) => {
      const host = this.context.runner as { formattedCells?: number };
      if (host.formattedCells !== undefined) host.formattedCells += rect.rows * rect.cols;
      const cells = new SheetCells(sheet);
      forEachInput(rect, input, (r, c, v) => {
        if (v === null) return;
        if (typeof v !== "string") throw new FakeOfficeError("InvalidArgument", "Number formats are text");
        cells.setFormat(r, c, v);
      });
    });
  }

  /** Enters `input` (each value through `entry`, e.g. from R1C1), refusing the whole write for one bad formula. */
  private write(
    { sheet, rect }: RangeRef,
    input: unknown,
    entry: (row: number, col: number, value: Scalar) => Scalar,
  ): void {
    const cells = new SheetCells(sheet);
    checkFormulas(this.context.state, sheet, rect, input, entry);
    cells.write(rect, input, (r, c, v) => cells.enter(r, c, entry(r, c, v)));
    // Writing over a table's header changes its column names, which Excel keeps distinct.
    for (const table of tablesOn(this.context.state, sheet.id)) {
      if (rect.row <= table.row && table.row < rect.row + rect.rows) normaliseHeaders(cells, table);
    }
  }

  /** Where the range is now, for another fake object's operation (not part of the Office API). */
  locateNow(): RangeRef {
    return this.target();
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.call(`clear(${applyTo})`, ({ sheet, rect }) => {
      new SheetCells(sheet).clear(rect, applyTo);
      // Clearing formats takes conditional formats off the cells too, as Clear Formats does in Excel.
      if (applyTo !== "Contents") clearConditionalFormats(sheet, rect);
    });
  }

  /** The conditional formats that overlap the range (ExcelApi 1.6). */
  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.context, () => this.target());
  }

  /** Only autofitColumns(), which changes nothing the fake keeps. */
  get format(): ReturnType<typeof rangeFormat> {
    return rangeFormat(this.context, () => this.target());
  }

  get worksheet(): FakeWorksheet {
    return FakeWorksheet.bound(this.context, () => this.find()?.sheet);
  }

  private derived(change: (rect: Rect) => Rect): FakeRange {
    return FakeRange.at(this.context, () => {
      const ref = this.find();
      return ref && { sheet: ref.sheet, rect: change(ref.rect) };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived((r) => ({ row: r.row + row, col: r.col + column, rows: 1, cols: 1 }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived((r) => ({ ...r, rows: r.rows + deltaRows, cols: r.cols + deltaColumns }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived((r) => ({ ...r, row: r.row + rowOffset, col: r.col + columnOffset }));
  }
}
