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

const PROPS = ["id", "name", "showHeaders"] as const;

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
    return this.range((t) => ({ row: t.row + 1, col: t.col, rows: t.rows - 1, cols: t.cols }));
  }

  /** As Excel: the header stays in its row, the new range overlaps the old and no other table. */
  resize(newRange: FakeRange | string): void {
    this.call("resize", (table) => {
      const state = this.context.state;
      const sheet = sheetOf(state, table);
      const to = resolveTarget(state, newRange, () => sheet);
      checkRect(to.rect);
      if (
        to.sheet.id !== sheet.id ||
        to.rect.row !== table.row ||
        !overlaps(to.rect, table) ||
        to.rect.rows < 2
      ) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The new range must overlap the table, keep its header in the same row and have at least one data row.",
        );
      }
      checkNoTableOverlap(state, sheet.id, to.rect, table.id);
      Object.assign(table, to.rect);
      normaliseHeaders(new SheetCells(sheet), table);
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
