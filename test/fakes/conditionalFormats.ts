// Excel.ConditionalFormatCollection and Excel.ConditionalFormat in the fake (ExcelApi 1.6): Custom
// (formula), CellValue and ContainsText formats with a fill and font; other types are refused. A format
// belongs to its sheet and applies to one or more rectangles; the collection a range hands out holds the
// formats that overlap it. Custom formulas are kept relative to the format's top-left cell, as Excel keeps
// them, and `evaluate` works out which formats apply to a cell for tests (calculating custom formulas and
// formula cells with calc.ts).
import { formatAddress, fromR1C1, overlaps, toR1C1, type Rect } from "./a1.js";
import { evaluateAt, valueAt, XlError } from "./calc.js";
import {
  FakeClientResult,
  FakeObject,
  LoadedItems,
  type FakeRequestContext,
  type LoadOption,
} from "./context.js";
import { FakeOfficeError, type SheetState, type WorkbookState } from "./workbook.js";

export type SupportedType = "Custom" | "CellValue" | "ContainsText";
const SUPPORTED: readonly string[] = ["Custom", "CellValue", "ContainsText"];
const EXCEL_TYPES: readonly string[] = [
  ...SUPPORTED,
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
];
const CELL_VALUE_OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqual",
  "LessThanOrEqual",
];
const TEXT_OPERATORS = ["Contains", "NotContains", "BeginsWith", "EndsWith"];

export interface ConditionalStyle {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface ConditionalFormatState {
  type: SupportedType;
  /** Where it applies; the first rectangle's top-left cell is the one its formulas are written for. */
  ranges: Rect[];
  /** Custom: the formula in R1C1 style, relative to the top-left cell. */
  formulaR1C1?: string;
  cellValue?: { formula1: string; formula2?: string; operator: string };
  text?: { operator: string; text: string };
  format: ConditionalStyle;
  stopIfTrue: boolean;
}

interface Located {
  sheet: SheetState;
  format: ConditionalFormatState;
}

export const formatsOf = (sheet: SheetState): ConditionalFormatState[] => (sheet.conditionalFormats ??= []);

const anchor = (f: ConditionalFormatState) => f.ranges[0];

/** The custom formula as Excel reads it back: A1 style for the format's top-left cell. */
export function formulaOf(f: ConditionalFormatState): string | undefined {
  return f.formulaR1C1 === undefined ? undefined : fromR1C1(f.formulaR1C1, anchor(f).row, anchor(f).col);
}

/** `rect` minus `cut`: up to four rectangles (above, below, left, right of the cut). */
function subtract(rect: Rect, cut: Rect): Rect[] {
  if (!overlaps(rect, cut)) return [rect];
  const out: Rect[] = [];
  const top = Math.max(rect.row, cut.row);
  const bottom = Math.min(rect.row + rect.rows, cut.row + cut.rows);
  if (cut.row > rect.row) out.push({ ...rect, rows: cut.row - rect.row });
  if (rect.row + rect.rows > bottom) out.push({ ...rect, row: bottom, rows: rect.row + rect.rows - bottom });
  if (cut.col > rect.col) out.push({ row: top, col: rect.col, rows: bottom - top, cols: cut.col - rect.col });
  const right = cut.col + cut.cols;
  if (rect.col + rect.cols > right)
    out.push({ row: top, col: right, rows: bottom - top, cols: rect.col + rect.cols - right });
  return out;
}

/**
 * Takes `rect` out of every conditional format on the sheet (what clearAll() and clearing a range's formats
 * do); a format left with no cells is deleted. Each remaining cell keeps the test it had (the R1C1 formula
 * is unchanged; read in A1 style it is now written for the new top-left cell).
 */
export function clearConditionalFormats(sheet: SheetState, rect: Rect): void {
  for (const f of formatsOf(sheet)) f.ranges = f.ranges.flatMap((r) => subtract(r, rect));
  sheet.conditionalFormats = formatsOf(sheet).filter((f) => f.ranges.length > 0);
}

const overlapping = (sheet: SheetState, rect: Rect) =>
  formatsOf(sheet).filter((f) => f.ranges.some((r) => overlaps(r, rect)));

function checkColor(value: unknown): string {
  if (typeof value !== "string" || !/^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/.test(value)) {
    throw new FakeOfficeError("InvalidArgument", `"${String(value)}" is not a colour ("#RRGGBB" or a name)`);
  }
  return value.startsWith("#") ? value.toUpperCase() : value;
}

/** A part of a conditional format (its rule or its format) that exists only for one type. */
function part(parent: () => Located | undefined, type: SupportedType, what: string) {
  return (): Located | undefined => {
    const found = parent();
    if (found && found.format.type !== type) {
      throw new FakeOfficeError(
        "InvalidArgument",
        `This conditional format is ${found.format.type}, so it has no ${what} (a ${type} format's)`,
      );
    }
    return found;
  };
}

class FakeConditionalRangeFill extends FakeObject<Located> {
  protected readonly scalarProps = ["color"] as const;
  constructor(context: FakeRequestContext, locate: () => Located | undefined) {
    super(context, locate, "ConditionalRangeFill");
  }
  protected read({ format }: Located): unknown {
    return format.format.fill ?? null;
  }
  get color(): string {
    return this.prop("color");
  }
  set color(value: string) {
    this.setProp("color", value, ({ format }) => (format.format.fill = checkColor(value)));
  }
  clear(): void {
    this.call("clear", ({ format }) => delete format.format.fill);
  }
}

class FakeConditionalRangeFont extends FakeObject<Located> {
  protected readonly scalarProps = ["color", "bold"] as const;
  constructor(context: FakeRequestContext, locate: () => Located | undefined) {
    super(context, locate, "ConditionalRangeFont");
  }
  protected read({ format }: Located, prop: string): unknown {
    return (prop === "color" ? format.format.fontColor : format.format.bold) ?? null;
  }
  get color(): string {
    return this.prop("color");
  }
  set color(value: string) {
    this.setProp("color", value, ({ format }) => (format.format.fontColor = checkColor(value)));
  }
  get bold(): boolean {
    return this.prop("bold");
  }
  set bold(value: boolean) {
    this.setProp("bold", value, ({ format }) => {
      if (typeof value !== "boolean") throw new FakeOfficeError("InvalidArgument", "bold is true or false");
      format.format.bold = value;
    });
  }
  clear(): void {
    this.call("clear", ({ format }) => {
      delete format.format.fontColor;
      delete format.format.bold;
    });
  }
}

/** ConditionalRangeFormat: only fill and font (no borders or number format in the fake). */
class FakeConditionalRangeFormat {
  readonly fill: FakeConditionalRangeFill;
  readonly font: FakeConditionalRangeFont;
  constructor(context: FakeRequestContext, locate: () => Located | undefined) {
    this.fill = new FakeConditionalRangeFill(context, locate);
    this.font = new FakeConditionalRangeFont(context, locate);
  }
}

/** ConditionalFormatRule (a Custom format's rule): the formula for the format's top-left cell. */
class FakeConditionalFormatRule extends FakeObject<Located> {
  protected readonly scalarProps = ["formula"] as const;
  constructor(context: FakeRequestContext, locate: () => Located | undefined) {
    super(context, locate, "ConditionalFormatRule");
  }
  protected read({ format }: Located): unknown {
    return formulaOf(format) ?? "";
  }
  get formula(): string {
    return this.prop("formula");
  }
  set formula(value: string) {
    this.setProp("formula", value, ({ format }) => {
      if (typeof value !== "string" || !value.startsWith("="))
        throw new FakeOfficeError(
          "InvalidArgument",
          `A conditional format formula starts with "=": "${value}"`,
        );
      format.formulaR1C1 = toR1C1(value, anchor(format).row, anchor(format).col);
    });
  }
}

class FakeCustomConditionalFormat {
  readonly rule: FakeConditionalFormatRule;
  readonly format: FakeConditionalRangeFormat;
  constructor(context: FakeRequestContext, locate: () => Located | undefined) {
    this.rule = new FakeConditionalFormatRule(context, locate);
    this.format = new FakeConditionalRangeFormat(context, locate);
  }
}

interface CellValueRule {
  formula1: string;
  formula2?: string;
  operator: string;
}

class FakeCellValueConditionalFormat extends FakeObject<Located> {
  protected readonly scalarProps = ["rule"] as const;
  readonly format: FakeConditionalRangeFormat;
  constructor(context: FakeRequestContext, locate: () => Located | undefined) {
    super(context, locate, "CellValueConditionalFormat");
    this.format = new FakeConditionalRangeFormat(context, locate);
  }
  protected read({ format }: Located): unknown {
    return format.cellValue ? { ...format.cellValue } : null;
  }
  get rule(): CellValueRule {
    return this.prop("rule");
  }
  set rule(value: CellValueRule) {
    this.setProp("rule", value, ({ format }) => {
      const between = value?.operator === "Between" || value?.operator === "NotBetween";
      if (
        !CELL_VALUE_OPERATORS.includes(value?.operator) ||
        typeof value.formula1 !== "string" ||
        (between && typeof value.formula2 !== "string")
      ) {
        throw new FakeOfficeError("InvalidArgument", "A cell value rule needs an operator and its formulas");
      }
      format.cellValue = { ...value };
    });
  }
}

interface TextRule {
  operator: string;
  text: string;
}

class FakeTextConditionalFormat extends FakeObject<Located> {
  protected readonly scalarProps = ["rule"] as const;
  readonly format: FakeConditionalRangeFormat;
  constructor(context: FakeRequestContext, locate: () => Located | undefined) {
    super(context, locate, "TextConditionalFormat");
    this.format = new FakeConditionalRangeFormat(context, locate);
  }
  protected read({ format }: Located): unknown {
    return format.text ? { ...format.text } : null;
  }
  get rule(): TextRule {
    return this.prop("rule");
  }
  set rule(value: TextRule) {
    this.setProp("rule", value, ({ format }) => {
      if (!TEXT_OPERATORS.includes(value?.operator) || typeof value.text !== "string")
        throw new FakeOfficeError("InvalidArgument", "A text rule needs an operator and a text");
      format.text = { ...value };
    });
  }
}

const PROPS = ["type", "priority", "stopIfTrue"] as const;

export class FakeConditionalFormat extends FakeObject<Located> {
  protected readonly scalarProps = PROPS;

  constructor(
    context: FakeRequestContext,
    private readonly locateFormat: () => Located | undefined,
  ) {
    super(context, locateFormat, "ConditionalFormat");
  }

  static loaded(context: FakeRequestContext, found: Located, props: readonly string[] | undefined) {
    const proxy = new FakeConditionalFormat(context, locateSame(found));
    proxy.remember(props ?? PROPS, found);
    return proxy;
  }

  protected read({ sheet, format }: Located, prop: string): unknown {
    if (prop === "type") return format.type;
    if (prop === "priority") return formatsOf(sheet).indexOf(format);
    return format.stopIfTrue;
  }

  get type(): string {
    return this.prop("type");
  }
  get priority(): number {
    return this.prop("priority");
  }
  get stopIfTrue(): boolean {
    return this.prop("stopIfTrue");
  }
  set stopIfTrue(value: boolean) {
    this.setProp("stopIfTrue", value, ({ format }) => (format.stopIfTrue = value === true));
  }

  get custom(): FakeCustomConditionalFormat {
    return new FakeCustomConditionalFormat(this.context, part(this.locateFormat, "Custom", "custom rule"));
  }
  get cellValue(): FakeCellValueConditionalFormat {
    return new FakeCellValueConditionalFormat(
      this.context,
      part(this.locateFormat, "CellValue", "cell value rule"),
    );
  }
  get textComparison(): FakeTextConditionalFormat {
    return new FakeTextConditionalFormat(this.context, part(this.locateFormat, "ContainsText", "text rule"));
  }

  delete(): void {
    this.call("delete", ({ sheet, format }) => {
      sheet.conditionalFormats = formatsOf(sheet).filter((f) => f !== format);
    });
  }
}

/** Finds the same format later, while it is still on its sheet. */
function locateSame(found: Located): () => Located | undefined {
  return () => (formatsOf(found.sheet).includes(found.format) ? found : undefined);
}

/** range.conditionalFormats: the formats that overlap the range; add() puts a new one at the top priority. */
export class FakeConditionalFormatCollection {
  private readonly loadedItems: LoadedItems<FakeConditionalFormat>;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly locateRange: () => { sheet: SheetState; rect: Rect },
  ) {
    this.loadedItems = new LoadedItems(context, "ConditionalFormatCollection");
  }

  add(type: string): FakeConditionalFormat {
    let created: Located | undefined;
    this.context.enqueue("ConditionalFormatCollection.add", () => {
      if (!EXCEL_TYPES.includes(type))
        throw new FakeOfficeError("InvalidArgument", `"${type}" is not a conditional format type`);
      if (!SUPPORTED.includes(type))
        throw new FakeOfficeError("InvalidArgument", `The fake does not support ${type} conditional formats`);
      const { sheet, rect } = this.locateRange();
      const format: ConditionalFormatState = {
        type: type as SupportedType,
        ranges: [{ ...rect }],
        format: {},
        stopIfTrue: false,
      };
      formatsOf(sheet).unshift(format);
      created = { sheet, format };
    });
    return new FakeConditionalFormat(this.context, () => created && locateSame(created)());
  }

  clearAll(): void {
    this.context.enqueue("ConditionalFormatCollection.clearAll", () => {
      const { sheet, rect } = this.locateRange();
      clearConditionalFormats(sheet, rect);
    });
  }

  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.context, "ConditionalFormatCollection.getCount", () => {
      const { sheet, rect } = this.locateRange();
      return overlapping(sheet, rect).length;
    });
  }

  load(option?: LoadOption): this {
    this.loadedItems.load(option, (props) => {
      const { sheet, rect } = this.locateRange();
      return overlapping(sheet, rect).map((format) =>
        FakeConditionalFormat.loaded(this.context, { sheet, format }, props),
      );
    });
    return this;
  }

  get items(): FakeConditionalFormat[] {
    return this.loadedItems.items;
  }
}

// ---- Which formats apply to a cell (for tests; Excel works this out when it draws the sheet) ----

type Value = string | number | boolean;

function literal(text: string): Value {
  const t = text.trim();
  if (/^"(?:[^"]|"")*"$/.test(t)) return t.slice(1, -1).replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(t)) return t.toUpperCase() === "TRUE";
  if (t !== "" && Number.isFinite(Number(t))) return Number(t);
  throw new Error(`The fake cannot read the constant ${text}`);
}

/** Excel's "=": text without regard to case, numbers and booleans by value. */
const equal = (a: Value, b: Value) =>
  typeof a === "string" && typeof b === "string" ? a.toLowerCase() === b.toLowerCase() : a === b;

function compare(value: Value, rule: CellValueRule): boolean {
  const a = literal(rule.formula1.replace(/^=/, ""));
  if (rule.operator === "EqualTo") return equal(value, a);
  if (rule.operator === "NotEqualTo") return !equal(value, a);
  if (typeof value !== "number" || typeof a !== "number") return false;
  const b = rule.formula2 === undefined ? NaN : Number(literal(rule.formula2.replace(/^=/, "")));
  const inside = value >= Math.min(a, b) && value <= Math.max(a, b);
  const tests: Record<string, boolean> = {
    Between: inside,
    NotBetween: !inside,
    GreaterThan: value > a,
    LessThan: value < a,
    GreaterThanOrEqual: value >= a,
    LessThanOrEqual: value <= a,
  };
  return tests[rule.operator];
}

function textMatches(value: Value, rule: TextRule): boolean {
  const text = String(value).toLowerCase();
  const wanted = rule.text.toLowerCase();
  if (rule.operator === "Contains") return text.includes(wanted);
  if (rule.operator === "NotContains") return !text.includes(wanted);
  if (rule.operator === "BeginsWith") return text.startsWith(wanted);
  return text.endsWith(wanted);
}

function applies(
  f: ConditionalFormatState,
  state: WorkbookState,
  sheet: SheetState,
  row: number,
  col: number,
): boolean {
  if (f.type === "Custom") {
    if (f.formulaR1C1 === undefined) throw new Error("A custom conditional format has no formula");
    // The formula as written for this cell; TRUE or a number other than 0 applies the format, an error not.
    const result = evaluateAt(state, sheet, row, col, fromR1C1(f.formulaR1C1, row, col));
    return result === true || (typeof result === "number" && result !== 0);
  }
  // The cell's value, a formula's result where it holds one; an error value matches no rule.
  const cell = valueAt(state, sheet, row, col);
  if (cell instanceof XlError) return false;
  if (f.type === "CellValue") {
    if (!f.cellValue) throw new Error("A cell value conditional format has no rule");
    return compare(cell, f.cellValue);
  }
  if (!f.text) throw new Error("A text conditional format has no rule");
  return textMatches(cell, f.text);
}

/**
 * The conditional formatting Excel shows in a cell: formats in priority order, each property taken from the
 * highest-priority format that applies and sets it; a format with stopIfTrue that applies ends the search.
 */
export function evaluate(
  state: WorkbookState,
  sheet: SheetState,
  row: number,
  col: number,
): ConditionalStyle | undefined {
  const style: ConditionalStyle = {};
  let any = false;
  for (const f of formatsOf(sheet)) {
    if (!f.ranges.some((r) => overlaps(r, { row, col, rows: 1, cols: 1 }))) continue;
    if (!applies(f, state, sheet, row, col)) continue;
    any = true;
    style.fill ??= f.format.fill;
    style.fontColor ??= f.format.fontColor;
    style.bold ??= f.format.bold;
    if (f.stopIfTrue) break;
  }
  if (!any) return undefined;
  return Object.fromEntries(Object.entries(style).filter(([, v]) => v !== undefined)) as ConditionalStyle;
}

/** A conditional format as a test reads it. */
export interface ConditionalFormatInfo {
  type: SupportedType;
  /** Where it applies, e.g. "Sheet1!J6:J40" (several rectangles joined by ","). */
  address: string;
  formula?: string;
  cellValue?: CellValueRule;
  text?: TextRule;
  format: ConditionalStyle;
  stopIfTrue: boolean;
}

export function describeFormat(sheet: SheetState, f: ConditionalFormatState): ConditionalFormatInfo {
  return {
    type: f.type,
    address: f.ranges.map((r) => formatAddress(sheet.name, r)).join(","),
    ...(f.formulaR1C1 === undefined ? {} : { formula: formulaOf(f) }),
    ...(f.cellValue ? { cellValue: { ...f.cellValue } } : {}),
    ...(f.text ? { text: { ...f.text } } : {}),
    format: { ...f.format },
    stopIfTrue: f.stopIfTrue,
  };
}
