// An in-memory Office/Excel host for tests and for a browser page without Excel. Pure TypeScript (no Node
// imports), strict where Excel is strict: operations only run on context.sync(), properties must be loaded
// before they are read, text written to a cell that is not formatted as text ("@") is entered as Excel would
// enter it ("=…" becomes a formula, "0012" a number), a formula Excel would refuse fails the write, formulas
// are calculated (calc.ts: what the add-in writes, with Excel's semantics), and a sync can be made to fail on
// demand.
//
//   const excel = installFakeOffice(globalThis);   // sets globalThis.Excel, Office and OfficeExtension
//   excel.values("Sheet1!A1:B2");                  // what is in the workbook (formulas calculated), without the Office API
//   excel.failSync({ match: (op) => op.endsWith("=") });  // the next sync that writes fails
import { formatAddress, parseAddress, type Rect } from "./a1.js";
import {
  describeFormat,
  evaluate,
  formatsOf,
  type ConditionalFormatInfo,
  type ConditionalStyle,
} from "./conditionalFormats.js";
import {
  FakeRequestContext,
  jsonBytes,
  LoadedItems,
  type BatchRunner,
  type LoadOption,
  type Operation,
} from "./context.js";
import { calculated } from "./calc.js";
import { checkFormulas, FakeRange } from "./range.js";
import { FakeWorksheetCollection } from "./sheets.js";
import { FakeTableCollection, setShowTotals } from "./tables.js";
import {
  checkSheetName,
  cloneWorkbook,
  emptyWorkbook,
  FakeOfficeError,
  GENERAL,
  newId,
  normaliseHeaders,
  SheetCells,
  type CellState,
  type PartState,
  type Scalar,
  type SheetState,
  type WorkbookState,
} from "./workbook.js";
import { FakeCustomXmlPartCollection } from "./xmlParts.js";
import { fakeSettings } from "./settings.js";

export { FakeOfficeError, type CellState, type PartState, type Scalar, type WorkbookState };
export type { ConditionalFormatInfo, ConditionalStyle };
export { checkXml } from "./xmlParts.js";

/** context.workbook */
class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  readonly names: FakeNamedItemCollection;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly host: FakeExcelHost,
  ) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context);
    this.customXmlParts = new FakeCustomXmlPartCollection(context);
    this.names = new FakeNamedItemCollection(context);
  }

  /** Office.js: "If there are multiple ranges selected, this method will throw an error." */
  getSelectedRange(): FakeRange {
    const state = this.context.state;
    this.context.enqueue("Workbook.getSelectedRange", () => {
      const sheet = state.sheets.find((s) => s.id === state.activeSheetId)!;
      if (sheet.moreAreas?.length)
        throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
    });
    return FakeRange.at(this.context, () => {
      const sheet = state.sheets.find((s) => s.id === state.activeSheetId)!;
      return { sheet, rect: sheet.selection };
    });
  }

  getSelectedRanges(): FakeSelectedAreas {
    if (!this.host.supports("ExcelApi", "1.9"))
      throw new FakeOfficeError("ApiNotFound", "getSelectedRanges needs ExcelApi 1.9.");
    return new FakeSelectedAreas(this.context);
  }
}

/** Workbook.getSelectedRanges() (ExcelApi 1.9): only its areaCount. */
class FakeSelectedAreas {
  private count: number | undefined;
  constructor(private readonly context: FakeRequestContext) {}
  load(_option?: LoadOption): this {
    this.context.enqueue("RangeAreas.load", () => {
      const state = this.context.state;
      const sheet = state.sheets.find((s) => s.id === state.activeSheetId)!;
      this.count = 1 + (sheet.moreAreas?.length ?? 0);
      return this.count;
    });
    return this;
  }
  get areaCount(): number {
    if (this.count === undefined) throw new FakeOfficeError("PropertyNotLoaded", "areaCount is not loaded.");
    return this.count;
  }
}

/** context.workbook.names: the defined names, read as `items/name` (adding them is the user's business). */
class FakeNamedItemCollection {
  private readonly loaded: LoadedItems<{ name: string }>;
  constructor(private readonly context: FakeRequestContext) {
    this.loaded = new LoadedItems(context, "NamedItemCollection");
  }
  load(option?: LoadOption): this {
    this.loaded.load(option, () => (this.context.state.names ?? []).map((n) => ({ name: n.name })));
    return this;
  }
  get items(): { name: string }[] {
    return this.loaded.items;
  }
}

/** context.application: only the calls that suspend work until the next sync (recorded, otherwise no-ops). */
class FakeApplication {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly host: FakeExcelHost,
  ) {}

  private suspend(what: string, since: string): void {
    this.context.enqueue(`Application.${what}`, () => {
      if (!this.host.supports("ExcelApi", since))
        throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi ${since}, which this host lacks.`);
    });
  }

  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void {
    this.suspend("suspendApiCalculationUntilNextSync", "1.6");
  }

  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void {
    this.suspend("suspendScreenUpdatingUntilNextSync", "1.9");
  }

  /** ExcelApi 1.1: recorded in host.calculations ("Full", "Recalculate" or "FullRebuild"); nothing is recomputed. */
  calculate(type: string): void {
    this.context.enqueue("Application.calculate", () => {
      if (!["Full", "Recalculate", "FullRebuild"].includes(type))
        throw new FakeOfficeError("InvalidArgument", `calculate has no calculation type "${type}".`);
      this.host.calculations.push(type);
    });
  }
}

class FakeExcelContext extends FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  constructor(host: FakeExcelHost) {
    super(host);
    this.workbook = new FakeWorkbook(this, host);
    this.application = new FakeApplication(this, host);
  }
}

/**
 * Excel on the web refuses a request or response over 5 MB ("Excel on the web limits requests and responses
 * to 5 MB", Office Add-ins docs, resource limits). Whether that is 5,000,000 or 5 × 2^20 bytes is not
 * documented; the fake takes the stricter.
 */
export const PAYLOAD_LIMIT = 5_000_000;

const LIMITS_DOC =
  "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins";

/** What one context.sync() sent and got back. */
export interface SyncSize {
  /** Bytes of the request (about the JSON of what its operations send: values, formats, XML). */
  request: number;
  /** Bytes of the response (about the JSON of what its loads read). */
  response: number;
  operations: number;
}

/** Makes a later sync fail, as when Excel rejects a request or the connection to it drops. */
export interface SyncFailure {
  /** Fail the first sync with an operation this matches (e.g. `(op) => op.endsWith("=")`); default: the next sync. */
  match?: (operation: string) => boolean;
  /** How many of that batch's operations run before it fails (Excel does not roll back); default 0. */
  afterOperations?: number;
  /** Let this many matching syncs through first: `skip: 2` fails the third; default 0. */
  skip?: number;
  code?: string;
  message?: string;
}

export interface TableInfo {
  name: string;
  sheet: string;
  address: string;
  headers: string[];
  /** Data rows (not counting the header or a total row). */
  rows: number;
  /** Present (true) when the table shows its total row. */
  showTotals?: true;
}

export class FakeExcelHost implements BatchRunner {
  /** Operations applied so far, in order (e.g. "Range.numberFormat=", "Range.values="). */
  readonly applied: string[] = [];
  /** Cells given a number format so far (Range.numberFormat= writes), to check what a refresh rewrites. */
  formattedCells = 0;
  /** Office.actions.associate() registrations, so tests can press a ribbon button. */
  readonly actions = new Map<string, (event: unknown) => unknown>();
  syncs = 0;
  /** The size of every sync's request and response, in order. */
  readonly syncSizes: SyncSize[] = [];
  /** Requests or responses larger than this fail as in Excel on the web (set Infinity to model desktop). */
  payloadLimit = PAYLOAD_LIMIT;
  /** Requirement sets the host supports, as Office.context.requirements.isSetSupported answers. */
  readonly requirementSets: Record<string, string> = { ExcelApi: "1.17" };
  /** Every Application.calculate, in order. */
  readonly calculations: string[] = [];
  /** Operations queued but never synced before their Excel.run ended (lost in real Excel too). */
  discarded = 0;
  private failures: SyncFailure[] = [];

  constructor(public state: WorkbookState = emptyWorkbook()) {}

  /** The largest request and response of any sync so far, in bytes. */
  get largestRequest(): number {
    return Math.max(0, ...this.syncSizes.map((s) => s.request));
  }
  get largestResponse(): number {
    return Math.max(0, ...this.syncSizes.map((s) => s.response));
  }

  /** Forgets the syncs counted so far (e.g. after setting a workbook up), so a test measures one action. */
  resetCounts(): void {
    this.syncs = 0;
    this.syncSizes.length = 0;
    this.applied.length = 0;
    this.formattedCells = 0;
  }

  supports(set: string, version = "1.1"): boolean {
    const have = this.requirementSets[set];
    if (have === undefined) return false;
    const [a, b] = [have, version].map((v) => v.split(".").map(Number));
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
    }
    return true;
  }

  runBatch(batch: Operation[]): void {
    this.syncs++;
    const size: SyncSize = {
      request: batch.reduce((n, op) => n + op.requestBytes, 0),
      response: 0,
      operations: batch.length,
    };
    this.syncSizes.push(size);
    // Excel on the web refuses the whole request before running any of it.
    if (size.request > this.payloadLimit) {
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit. Please refer to the documentation: "${LIMITS_DOC}".`,
      );
    }
    const failure = this.failures[0];
    let hit =
      failure !== undefined && (failure.match ? batch.some((op) => failure.match!(op.describe)) : true);
    if (hit && failure.skip) {
      failure.skip--;
      hit = false;
    }
    if (hit) this.failures.shift();
    const limit = hit ? (failure.afterOperations ?? 0) : Infinity;
    for (const [i, op] of batch.entries()) {
      if (i >= limit) break;
      const response = op.apply();
      if (response !== undefined) size.response += jsonBytes(response);
      this.applied.push(op.describe);
    }
    if (hit) {
      throw new FakeOfficeError(
        failure.code ?? "GeneralException",
        failure.message ?? "Injected sync failure",
      );
    }
    // The operations ran (Excel does not roll back); only the answer is refused.
    if (size.response > this.payloadLimit) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The size of the payload exceeded the limit. Read the documentation: ${LIMITS_DOC}.`,
      );
    }
  }

  run = async <T>(batch: (context: FakeExcelContext) => Promise<T>): Promise<T> => {
    if (typeof batch !== "function")
      throw new FakeOfficeError("InvalidArgument", "The fake supports Excel.run(batch)");
    const context = new FakeExcelContext(this);
    try {
      return await batch(context);
    } finally {
      this.discarded += context.close();
    }
  };

  failSync(failure: SyncFailure = {}): void {
    this.failures.push(failure);
  }

  /** Failures armed but not yet triggered. */
  pendingFailures(): number {
    return this.failures.length;
  }

  // ---- Looking at and editing the workbook as a user would, without the Office API ----

  private sheet(name: string): SheetState {
    const sheet = this.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) throw new Error(`No worksheet "${name}" (sheets: ${this.sheetNames().join(", ")})`);
    return sheet;
  }

  private at(address: string): { sheet: SheetState; rect: Rect } {
    const parsed = parseAddress(address);
    if (!parsed?.sheet) throw new Error(`Give a sheet and a range, e.g. "Sheet1!A1:B2", not "${address}"`);
    return { sheet: this.sheet(parsed.sheet), rect: parsed.rect };
  }

  private grid<T>(address: string, read: (cell: CellState | undefined) => T): T[][] {
    const { sheet, rect } = this.at(address);
    const cells = new SheetCells(sheet);
    return Array.from({ length: rect.rows }, (_, i) =>
      Array.from({ length: rect.cols }, (_, j) => read(cells.get(rect.row + i, rect.col + j))),
    );
  }

  /**
   * Values as Range.values reads them: "" for empty cells, a formula cell's calculated result (an error as
   * its text, "#DIV/0!"). The formulas themselves: `formulas`.
   */
  values(address: string): Scalar[][] {
    const { sheet, rect } = this.at(address);
    const cells = new SheetCells(sheet);
    const result = calculated(this.state, sheet);
    return Array.from({ length: rect.rows }, (_, i) =>
      Array.from({ length: rect.cols }, (_, j) => {
        const [r, c] = [rect.row + i, rect.col + j];
        const cell = cells.get(r, c);
        return cell?.formula !== undefined ? result(r, c) : (cell?.value ?? "");
      }),
    );
  }

  /** The formula of each cell, or undefined where the cell holds a constant or nothing. */
  formulas(address: string): (string | undefined)[][] {
    return this.grid(address, (c) => c?.formula);
  }

  numberFormats(address: string): string[][] {
    return this.grid(address, (c) => c?.format ?? GENERAL);
  }

  /**
   * Types values into cells as a user would: formats apply, "=…" becomes a formula, "" empties a cell. A
   * formula Excel would refuse throws (FakeOfficeError "InvalidArgument") and nothing is entered.
   */
  enter(address: string, rows: Scalar[][]): void {
    const { sheet, rect } = this.at(address);
    checkFormulas(this.state, sheet, rect, rows);
    const cells = new SheetCells(sheet);
    cells.write(rect, rows, (r, c, v) => cells.enter(r, c, v));
  }

  /** The sheet's conditional formats, highest priority first. */
  conditionalFormats(sheet: string): ConditionalFormatInfo[] {
    const s = this.sheet(sheet);
    return formatsOf(s).map((f) => describeFormat(s, f));
  }

  /** What conditional formatting shows in each cell (undefined where none applies), as Excel would draw it. */
  conditionalStyles(address: string): (ConditionalStyle | undefined)[][] {
    const { sheet, rect } = this.at(address);
    return Array.from({ length: rect.rows }, (_, i) =>
      Array.from({ length: rect.cols }, (_, j) => evaluate(this.state, sheet, rect.row + i, rect.col + j)),
    );
  }

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  addSheet(name: string): void {
    checkSheetName(this.state, name);
    const selection = { row: 0, col: 0, rows: 1, cols: 1 };
    this.state.sheets.push({ id: newId(this.state, "sheet"), name, cells: {}, selection });
  }

  activate(sheet: string): void {
    this.state.activeSheetId = this.sheet(sheet).id;
  }

  activeSheet(): string {
    return this.state.sheets.find((s) => s.id === this.state.activeSheetId)!.name;
  }

  /** Selects a range ("Sheet1!C5") and activates its sheet. */
  select(address: string): void {
    const { sheet, rect } = this.at(address);
    sheet.selection = rect;
    this.state.activeSheetId = sheet.id;
  }

  tableNames(): string[] {
    return this.state.tables.map((t) => t.name);
  }

  table(name: string): TableInfo | undefined {
    const t = this.state.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) return undefined;
    const sheet = this.state.sheets.find((s) => s.id === t.sheetId)!;
    const headers = this.values(formatAddress(sheet.name, { ...t, rows: 1 }))[0].map(String);
    return {
      name: t.name,
      sheet: sheet.name,
      address: formatAddress(sheet.name, t),
      headers,
      rows: t.rows - 1 - (t.showTotals ? 1 : 0),
      ...(t.showTotals ? { showTotals: true as const } : {}),
    };
  }

  /** Turns a table's total row on or off, as the user does with Table Design > Total Row. */
  showTotals(name: string, on: boolean): void {
    const t = this.state.tables.find((x) => x.name === name);
    if (!t) throw new Error(`No table "${name}"`);
    const sheet = this.state.sheets.find((s) => s.id === t.sheetId)!;
    setShowTotals(this.state, sheet, t, on);
  }

  /** Resizes a table as the user does by dragging its corner (Excel extends tables like this when typing beside them). */
  resizeTable(name: string, address: string): void {
    const t = this.state.tables.find((x) => x.name === name);
    if (!t) throw new Error(`No table "${name}"`);
    const { sheet, rect } = this.at(address);
    Object.assign(t, rect);
    normaliseHeaders(new SheetCells(sheet), t);
  }

  parts(): PartState[] {
    return this.state.parts.map((p) => ({ ...p }));
  }

  /** A deep copy of the workbook, e.g. to check later that nothing changed. */
  snapshot(): WorkbookState {
    return cloneWorkbook(this.state);
  }

  /** Keeps only what a saved file keeps (the workbook's data), as closing and reopening it would. */
  saveAndReopen(): void {
    this.state = cloneWorkbook(this.state);
  }

  excelNamespace() {
    return {
      run: this.run,
      ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
      CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
      ConditionalFormatType: {
        custom: "Custom",
        dataBar: "DataBar",
        colorScale: "ColorScale",
        iconSet: "IconSet",
        topBottom: "TopBottom",
        presetCriteria: "PresetCriteria",
        containsText: "ContainsText",
        cellValue: "CellValue",
      },
      ConditionalCellValueOperator: {
        between: "Between",
        notBetween: "NotBetween",
        equalTo: "EqualTo",
        notEqualTo: "NotEqualTo",
        greaterThan: "GreaterThan",
        lessThan: "LessThan",
        greaterThanOrEqual: "GreaterThanOrEqual",
        lessThanOrEqual: "LessThanOrEqual",
      },
      ConditionalTextOperator: {
        contains: "Contains",
        notContains: "NotContains",
        beginsWith: "BeginsWith",
        endsWith: "EndsWith",
      },
      ErrorCodes: {
        generalException: "GeneralException",
        invalidArgument: "InvalidArgument",
        itemNotFound: "ItemNotFound",
        itemAlreadyExists: "ItemAlreadyExists",
        responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
      },
    };
  }

  officeNamespace() {
    const info = { host: "Excel", platform: "OfficeOnline" };
    return {
      HostType: { Excel: "Excel" },
      PlatformType: { OfficeOnline: "OfficeOnline" },
      context: {
        host: "Excel",
        requirements: {
          isSetSupported: (name: string, version?: string | number) =>
            this.supports(name, version === undefined ? undefined : String(version)),
        },
        document: { settings: fakeSettings() },
      },
      onReady: (callback?: (i: typeof info) => void) => {
        callback?.(info);
        return Promise.resolve(info);
      },
      actions: {
        associate: (id: string, handler: (event: unknown) => unknown) => this.actions.set(id, handler),
      },
    };
  }
}

/**
 * Sets the globals Excel, Office and OfficeExtension on `target` (globalThis in tests, window in a page,
 * before the add-in's scripts run) and returns the host for looking at and steering the workbook.
 */
export function installFakeOffice(target: object = globalThis, state?: WorkbookState): FakeExcelHost {
  const host = new FakeExcelHost(state ?? emptyWorkbook());
  Object.assign(target, {
    Excel: host.excelNamespace(),
    Office: host.officeNamespace(),
    OfficeExtension: { Error: FakeOfficeError },
  });
  return host;
}

export function uninstallFakeOffice(target: object = globalThis): void {
  for (const name of ["Excel", "Office", "OfficeExtension"]) delete (target as Record<string, unknown>)[name];
}
