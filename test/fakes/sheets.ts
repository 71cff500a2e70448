// Excel.Worksheet and Excel.WorksheetCollection in the fake.
import { parseAddress, type Rect } from "./a1.js";
import { bindById, FakeObject, LoadedItems, type FakeRequestContext, type LoadOption } from "./context.js";
import { FakeChartCollection } from "./charts.js";
import { FakeRange, type RangeRef } from "./range.js";
import { FakeTableCollection } from "./tables.js";
import { checkSheetName, FakeOfficeError, newId, type SheetState, type WorkbookState } from "./workbook.js";

const PROPS = ["id", "name", "position"] as const;

const sheetById = (state: WorkbookState) => (id: string) => state.sheets.find((s) => s.id === id);

export class FakeWorksheet extends FakeObject<SheetState> {
  protected readonly scalarProps = PROPS;

  private constructor(
    context: FakeRequestContext,
    private readonly locateSheet: () => SheetState | undefined,
    nullable: boolean,
  ) {
    super(context, locateSheet, "Worksheet", nullable);
  }

  /** A worksheet proxy that stays on the sheet it first finds. */
  static bound(
    context: FakeRequestContext,
    find: () => SheetState | undefined,
    nullable = false,
  ): FakeWorksheet {
    return new FakeWorksheet(context, bindById(find, sheetById(context.state)), nullable);
  }

  /** A proxy for an item a collection has just loaded. */
  static loaded(
    context: FakeRequestContext,
    sheet: SheetState,
    props: readonly string[] | undefined,
  ): FakeWorksheet {
    const proxy = FakeWorksheet.bound(context, () => sheet);
    proxy.remember(props ?? PROPS, sheet);
    return proxy;
  }

  protected read(sheet: SheetState, prop: string): unknown {
    if (prop === "position") return this.context.state.sheets.indexOf(sheet);
    return prop === "id" ? sheet.id : sheet.name;
  }

  get id(): string {
    return this.prop("id");
  }
  get name(): string {
    return this.prop("name");
  }
  set name(value: string) {
    this.setProp("name", value, (sheet) => {
      checkSheetName(this.context.state, value, sheet.id);
      sheet.name = value;
    });
  }

  activate(): void {
    this.call("activate", (sheet) => (this.context.state.activeSheetId = sheet.id));
  }

  delete(): void {
    this.call("delete", (sheet) => {
      const state = this.context.state;
      if (state.sheets.length === 1) {
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
        );
      }
      state.tables = state.tables.filter((t) => t.sheetId !== sheet.id);
      state.sheets = state.sheets.filter((s) => s.id !== sheet.id);
      if (state.activeSheetId === sheet.id) state.activeSheetId = state.sheets[0].id;
    });
  }

  getRange(address?: string): FakeRange {
    return FakeRange.at(this.context, () => {
      const sheet = this.target();
      if (address === undefined) return { sheet, rect: { row: 0, col: 0, rows: 1_048_576, cols: 16_384 } };
      const parsed = parseAddress(address);
      if (
        !parsed ||
        (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase())
      ) {
        throw new FakeOfficeError("InvalidArgument", `The fake cannot read the address "${address}"`);
      }
      return { sheet, rect: parsed.rect };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const rect: Rect = { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
    return FakeRange.at(this.context, () => ({ sheet: this.target(), rect }));
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, () => this.target());
  }

  get charts(): FakeChartCollection {
    // A range proxy's target is protected; the chart needs where it points when the batch runs.
    const locate = (range: FakeRange) => (range as unknown as { target(): RangeRef }).target();
    return new FakeChartCollection(this.context, () => this.target(), locate);
  }
}

export class FakeWorksheetCollection {
  private readonly loadedItems: LoadedItems<FakeWorksheet>;

  constructor(private readonly context: FakeRequestContext) {
    this.loadedItems = new LoadedItems(context, "WorksheetCollection");
  }

  private byName(name: string): SheetState | undefined {
    return this.context.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  add(name?: string): FakeWorksheet {
    let created: SheetState | undefined;
    this.context.enqueue("WorksheetCollection.add", () => {
      const state = this.context.state;
      let sheetName = name;
      for (let n = state.sheets.length + 1; sheetName === undefined; n++) {
        if (!this.byName(`Sheet${n}`)) sheetName = `Sheet${n}`;
      }
      checkSheetName(state, sheetName);
      created = {
        id: newId(state, "sheet"),
        name: sheetName,
        cells: {},
        selection: { row: 0, col: 0, rows: 1, cols: 1 },
      };
      state.sheets.push(created);
    });
    return FakeWorksheet.bound(this.context, () => created);
  }

  getItem(name: string): FakeWorksheet {
    return FakeWorksheet.bound(this.context, () => this.byName(name));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return FakeWorksheet.bound(this.context, () => this.byName(name), true);
  }

  getActiveWorksheet(): FakeWorksheet {
    const state = this.context.state;
    return FakeWorksheet.bound(this.context, () => sheetById(state)(state.activeSheetId));
  }

  load(option?: LoadOption): this {
    this.loadedItems.load(option, (props) =>
      this.context.state.sheets.map((s) => FakeWorksheet.loaded(this.context, s, props)),
    );
    return this;
  }

  get items(): FakeWorksheet[] {
    return this.loadedItems.items;
  }
}
