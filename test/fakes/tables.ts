// Excel.Table and Excel.TableCollection in the fake: a named rectangle with a header row.
import { overlaps, parseAddress, type Rect } from "./a1.js";
import { bindById, FakeObject, LoadedItems, type FakeRequestContext, type LoadOption } from "./context.js";
import { FakeRange, type RangeRef } from "./range.js";
import { FakeWorksheet } from "./sheets.js";
import {
  checkNoTableOverlap,
  checkRect,
  checkTableName,
  FakeOfficeError,
  newId,
  normaliseHeaders,
  SheetCells,
  type SheetState,
  type TableState,
  type WorkbookState,
} from "./workbook.js";

const PROPS = ["id", "name", "showHeaders", "showTotals"] as const;

const totalRows = (table: TableState) => (table.showTotals ? 1 : 0);

/**
 * Shows or hides a table's total row, in the row below its body. Turning it on labels the first column
 * "Total" and counts the last (Excel picks the function by the column's data; the fake always counts); the
 * row below must be empty, where Excel would ask. Turning it off empties the row (Excel remembers the
 * functions for next time; the fake does not).
 */
export function setShowTotals(state: WorkbookState, sheet: SheetState, table: TableState, on: boolean): void {
  if (on === !!table.showTotals) return;
  const cells = new SheetCells(sheet);
  if (on) {
    const row = table.row + table.rows;
    const rect = { row, col: table.col, rows: 1, cols: table.cols };
    checkRect(rect);
    checkNoTableOverlap(state, sheet.id, rect, table.id);
    for (let c = table.col; c < table.col + table.cols; c++) {
      const cell = cells.get(row, c);
      if (cell?.value !== undefined || cell?.formula !== undefined)
        throw new FakeOfficeError("InvalidOperation", "The row below the table is not empty.");
    }
    table.rows += 1;
    table.showTotals = true;
    const last = cells.get(table.row, table.col + table.cols - 1)?.value;
    cells.enter(row, table.col, "Total");
    if (table.cols > 1) cells.enter(row, table.col + table.cols - 1, `=SUBTOTAL(103,[${String(last)}])`);
  } else {
    const row = table.row + table.rows - 1;
    cells.clear({ row, col: table.col, rows: 1, cols: table.cols }, "Contents");
    table.rows -= 1;
    delete table.showTotals;
  }
}

const tableById = (state: WorkbookState) => (id: string) => state.tables.find((t) => t.id === id);
const sheetOf = (state: WorkbookState, table: TableState): SheetState =>
  state.sheets.find((s) => s.id === table.sheetId)!;

/** A range proxy or an address ("A1:B2" on `sheet`, or "Sheet1!A1:B2"), where an operation runs. */
function resolveTarget(state: WorkbookState, target: FakeRange | string, sheet?: () => SheetState): RangeRef {
  if (typeof target !== "string") return target.locateNow();
  const parsed = parseAddress(target);
  const named =
    parsed?.sheet && state.sheets.find((s) => s.name.toLowerCase() === parsed.sheet!.toLowerCase());
  const on = named || (parsed?.sheet === undefined ? sheet?.() : undefined);
  if (!parsed || !on)
    throw new FakeOfficeError("InvalidArgument", `The fake cannot read the address "${target}"`);
  return { sheet: on, rect: parsed.rect };
}

export class FakeTable extends FakeObject<TableState> {
  protected readonly scalarProps = PROPS;

  private constructor(
    context: FakeRequestContext,
    private readonly locateTable: () => TableState | undefined,
    nullable: boolean,
  ) {
    super(context, locateTable, "Table", nullable);
  }

  static bound(context: FakeRequestContext, find: () => TableState | undefined, nullable = false): FakeTable {
    return new FakeTable(context, bindById(find, tableById(context.state)), nullable);
  }

  static loaded(
    context: FakeRequestContext,
    table: TableState,
    props: readonly string[] | undefined,
  ): FakeTable {
    const proxy = FakeTable.bound(context, () => table);
    proxy.remember(props ?? PROPS, table);
    return proxy;
  }

  protected read(table: TableState, prop: string): unknown {
    if (prop === "showHeaders") return true;
    if (prop === "showTotals") return !!table.showTotals;
    return prop === "id" ? table.id : table.name;
  }

  get id(): string {
    return this.prop("id");
  }
  get name(): string {
    return this.prop("name");
  }
  set name(value: string) {
    this.setProp("name", value, (table) => {
      checkTableName(this.context.state, value, table.id);
      table.name = value;
    });
  }

  get showTotals(): boolean {
    return this.prop("showTotals");
  }
  set showTotals(value: boolean) {
    this.setProp("showTotals", value, (table) =>
      setShowTotals(this.context.state, sheetOf(this.context.state, table), table, value),
    );
  }

  get worksheet(): FakeWorksheet {
    return FakeWorksheet.bound(this.context, () => {
      const table = this.locateTable();
      return table && sheetOf(this.context.state, table);
    });
  }

  private range(part: (table: TableState) => Rect): FakeRange {
    return FakeRange.at(this.context, () => {
      const table = this.target();
      return { sheet: sheetOf(this.context.state, table), rect: part(table) };
    });
  }

  getRange(): FakeRange {
    return this.range((t) => ({ row: t.row, col: t.col, rows: t.rows, cols: t.cols }));
  }

  getHeaderRowRange(): FakeRange {
    return this.range((t) => ({ row: t.row, col: t.col, rows: 1, cols: t.cols }));
  }

  getDataBodyRange(): FakeRange {
    return this.range((t) => ({ row: t.row + 1, col: t.col, rows: t.rows - 1 - totalRows(t), cols: t.cols }));
  }

  /** The total row; like Excel, an error at sync when the table does not show one. */
  getTotalRowRange(): FakeRange {
    return this.range((t) => {
      if (!t.showTotals)
        throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist (total row).");
      return { row: t.row + t.rows - 1, col: t.col, rows: 1, cols: t.cols };
    });
  }

  /**
   * As Excel: the header stays in its row, the new range overlaps the old and no other table. A total row
   * is the new range's last row and its contents move there (as when the user drags the table's corner;
   * what Table.resize does with a total row is not documented).
   */
  resize(newRange: FakeRange | string): void {
    this.call("resize", (table) => {
      const host = this.context.runner as { supports?: (set: string, v: string) => boolean };
      if (host.supports && !host.supports("ExcelApi", "1.13"))
        throw new FakeOfficeError("ApiNotFound", "Table.resize needs ExcelApi 1.13.");
      const state = this.context.state;
      const sheet = sheetOf(state, table);
      const to = resolveTarget(state, newRange, () => sheet);
      checkRect(to.rect);
      if (
        to.sheet.id !== sheet.id ||
        to.rect.row !== table.row ||
        !overlaps(to.rect, table) ||
        to.rect.rows < 2 + totalRows(table)
      ) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The new range must overlap the table, keep its header in the same row and have at least one data row.",
        );
      }
      checkNoTableOverlap(state, sheet.id, to.rect, table.id);
      checkNoMerged(sheet, to.rect);
      const cells = new SheetCells(sheet);
      const from = table.row + table.rows - 1;
      const moved = table.showTotals
        ? Array.from({ length: table.cols }, (_, j) => cells.get(from, table.col + j))
        : undefined;
      Object.assign(table, to.rect);
      if (moved) {
        const row = table.row + table.rows - 1;
        if (row !== from) {
          moved.forEach((_, j) => cells.put(from, table.col + j, {}));
          for (let j = 0; j < table.cols; j++) cells.put(row, table.col + j, moved[j] ? { ...moved[j] } : {});
        }
      }
      normaliseHeaders(cells, table);
    });
  }

  delete(): void {
    this.call("delete", (table) => {
      const state = this.context.state;
      state.tables = state.tables.filter((t) => t.id !== table.id);
    });
  }
}

export class FakeTableCollection {
  private readonly loadedItems: LoadedItems<FakeTable>;

  /** `sheet` scopes the collection to one worksheet; without it, every table in the workbook. */
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet?: () => SheetState,
  ) {
    this.loadedItems = new LoadedItems(context, "TableCollection");
  }

  private list(): TableState[] {
    const all = this.context.state.tables;
    if (!this.sheet) return all;
    const id = this.sheet().id;
    return all.filter((t) => t.sheetId === id);
  }

  private byName(name: string): TableState | undefined {
    return this.list().find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let created: TableState | undefined;
    this.context.enqueue("TableCollection.add", () => {
      if (!hasHeaders) throw new FakeOfficeError("InvalidArgument", "The fake only adds tables with headers");
      const state = this.context.state;
      const { sheet, rect } = resolveTarget(state, address, this.sheet);
      checkRect(rect);
      if (rect.rows < 2)
        throw new FakeOfficeError("InvalidArgument", "A table needs a header and a data row.");
      checkNoTableOverlap(state, sheet.id, rect);
      checkNoMerged(sheet, rect);
      let n = state.tables.length + 1;
      while (state.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      created = { id: newId(state, "table"), name: `Table${n}`, sheetId: sheet.id, ...rect };
      state.tables.push(created);
      normaliseHeaders(new SheetCells(sheet), created);
    });
    return FakeTable.bound(this.context, () => created);
  }

  getItem(name: string): FakeTable {
    return FakeTable.bound(this.context, () => this.byName(name));
  }

  getItemOrNullObject(name: string): FakeTable {
    return FakeTable.bound(this.context, () => this.byName(name), true);
  }

  load(option?: LoadOption): this {
    this.loadedItems.load(option, (props) =>
      this.list().map((t) => FakeTable.loaded(this.context, t, props)),
    );
    return this;
  }

  get items(): FakeTable[] {
    return this.loadedItems.items;
  }
}

/** Excel refuses a table, made or resized, over merged cells. */
function checkNoMerged(sheet: SheetState, rect: Rect): void {
  if (sheet.merged?.some((m) => overlaps(m, rect)))
    throw new FakeOfficeError(
      "InvalidOperation",
      "A table can't overlap a range that contains merged cells.",
    );
}
