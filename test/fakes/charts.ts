// Excel.ChartCollection, Chart, ChartSeries and ChartPoint in the fake: only what a benchmark table's chart
// uses. A chart remembers the ranges it plots (not their values, which Excel reads as it draws), its fills and
// where it sits. Point and series indexes are checked as Excel checks them, when the batch runs.
import { formatAddress, type Rect } from "./a1.js";
import { FakeObject, LoadedItems, type FakeRequestContext, type LoadOption } from "./context.js";
import type { FakeRange } from "./range.js";
import { FakeOfficeError, type SheetState } from "./workbook.js";

export interface ChartState {
  id: number;
  name: string;
  type: string;
  /** The series' values: one column (series by columns) of the sheet. */
  values: Rect;
  /** The category (x-axis) labels, once set. */
  categories?: Rect;
  seriesName?: string;
  title?: string;
  legendVisible: boolean;
  seriesFill?: string;
  /** Fills set on single points, by index. */
  pointFills: Map<number, string>;
  position?: { from: string; to?: string };
}

// Excel.ChartType values the fake knows (a few of many: an unknown one fails as in Excel).
const TYPES = ["ColumnClustered", "BarClustered", "XYScatter", "Line", "ColumnStacked"];

const chartsBySheet = new WeakMap<SheetState, ChartState[]>();
let nextId = 1;

export function chartsOf(sheet: SheetState): ChartState[] {
  let list = chartsBySheet.get(sheet);
  if (!list) chartsBySheet.set(sheet, (list = []));
  return list;
}

/** The sheet and rectangle a range proxy points at, when the batch runs. */
type Locate = (range: FakeRange) => { sheet: SheetState; rect: Rect };

function singleColumn(rect: Rect, what: string): Rect {
  if (rect.cols !== 1 || rect.rows < 1)
    throw new FakeOfficeError("InvalidArgument", `The fake charts one column of values; ${what} is not one`);
  return { ...rect };
}

export class FakeChartCollection {
  private readonly loadedItems: LoadedItems<FakeChart>;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: () => SheetState,
    private readonly locate: Locate,
  ) {
    this.loadedItems = new LoadedItems(context, "ChartCollection");
  }

  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChart {
    let created: ChartState | undefined;
    this.context.enqueue("ChartCollection.add", () => {
      if (!TYPES.includes(type))
        throw new FakeOfficeError("InvalidArgument", `"${type}" is not a chart type`);
      if (seriesBy !== "Columns")
        throw new FakeOfficeError("InvalidArgument", "The fake makes charts only with series by columns");
      const { rect } = this.locate(sourceData);
      const list = chartsOf(this.sheet());
      created = {
        id: nextId++,
        name: `Chart ${list.length + 1}`,
        type,
        values: singleColumn(rect, "the source"),
        legendVisible: true,
        pointFills: new Map(),
      };
      list.push(created);
    });
    return new FakeChart(this.context, () => created, this.locate);
  }

  load(option?: LoadOption): this {
    this.loadedItems.load(option, () =>
      chartsOf(this.sheet()).map((c) => FakeChart.loaded(this.context, c, this.locate)),
    );
    return this;
  }

  get items(): FakeChart[] {
    return this.loadedItems.items;
  }
}

class FakeFill {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly what: string,
    private readonly apply: (color: string) => void,
  ) {}
  setSolidColor(color: string): void {
    this.context.enqueue(`${this.what}.setSolidColor`, () => this.apply(color), color);
  }
}

export class FakeChart extends FakeObject<ChartState> {
  protected readonly scalarProps = ["name", "id"] as const;

  constructor(
    context: FakeRequestContext,
    private readonly find: () => ChartState | undefined,
    private readonly locateRange: Locate,
  ) {
    super(context, find, "Chart");
  }

  static loaded(context: FakeRequestContext, chart: ChartState, locate: Locate): FakeChart {
    const proxy = new FakeChart(context, () => chart, locate);
    proxy.remember(["name", "id"], chart);
    return proxy;
  }

  protected read(chart: ChartState, prop: string): unknown {
    return prop === "id" ? String(chart.id) : chart.name;
  }

  get name(): string {
    return this.prop("name");
  }
  set name(value: string) {
    this.setProp("name", value, (c) => (c.name = value));
  }

  get title() {
    const set = (text: string) => this.setProp("title.text", text, (c) => (c.title = text));
    return {
      set text(text: string) {
        set(text);
      },
    };
  }

  get legend() {
    const set = (on: boolean) => this.setProp("legend.visible", on, (c) => (c.legendVisible = on));
    return {
      set visible(on: boolean) {
        set(on);
      },
    };
  }

  setData(sourceData: FakeRange, seriesBy = "Auto"): void {
    this.call("setData", (c) => {
      if (seriesBy !== "Columns")
        throw new FakeOfficeError("InvalidArgument", "The fake sets chart data only with series by columns");
      // New data make a new series: its categories and fills are gone.
      c.values = singleColumn(this.locateRange(sourceData).rect, "the source");
      c.categories = undefined;
      c.seriesName = undefined;
      c.seriesFill = undefined;
      c.pointFills = new Map();
    });
  }

  setPosition(startCell: FakeRange, endCell?: FakeRange): void {
    this.call("setPosition", (c) => {
      const from = this.locateRange(startCell);
      const to = endCell && this.locateRange(endCell);
      c.position = {
        from: formatAddress(from.sheet.name, from.rect),
        ...(to ? { to: formatAddress(to.sheet.name, to.rect) } : {}),
      };
    });
  }

  delete(): void {
    this.call("delete", () => {
      const chart = this.find();
      for (const s of this.context.state.sheets) {
        const list = chartsOf(s);
        const at = chart ? list.indexOf(chart) : -1;
        if (at >= 0) list.splice(at, 1);
      }
    });
  }

  get series() {
    return {
      getItemAt: (index: number) =>
        new FakeChartSeries(this.context, () => this.target(), index, this.locateRange),
    };
  }
}

class FakeChartSeries {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly chart: () => ChartState,
    private readonly index: number,
    private readonly locate: Locate,
  ) {}

  /** The chart, checking this series exists (a chart of one column has one series). */
  private target(): ChartState {
    const chart = this.chart();
    if (this.index !== 0)
      throw new FakeOfficeError(
        "InvalidArgument",
        `The chart has 1 series; there is no series ${this.index}`,
      );
    return chart;
  }

  set name(value: string) {
    this.context.enqueue("ChartSeries.name=", () => (this.target().seriesName = value), value);
  }

  /** ExcelApi 1.7. */
  setXAxisValues(sourceData: FakeRange): void {
    this.context.enqueue("ChartSeries.setXAxisValues", () => {
      const host = this.context.runner as { supports?: (set: string, v: string) => boolean };
      if (host.supports && !host.supports("ExcelApi", "1.7"))
        throw new FakeOfficeError("ApiNotFound", "setXAxisValues needs ExcelApi 1.7.");
      this.target().categories = singleColumn(this.locate(sourceData).rect, "the categories");
    });
  }

  get format() {
    return {
      fill: new FakeFill(
        this.context,
        "ChartSeries.format.fill",
        (color) => (this.target().seriesFill = color),
      ),
    };
  }

  get points() {
    return {
      getItemAt: (index: number) => ({
        format: {
          fill: new FakeFill(this.context, "ChartPoint.format.fill", (color) => {
            const chart = this.target();
            if (index < 0 || index >= chart.values.rows)
              throw new FakeOfficeError(
                "InvalidArgument",
                `The series has ${chart.values.rows} points; there is no point ${index}`,
              );
            chart.pointFills.set(index, color);
          }),
        },
      }),
    };
  }
}

/** A chart as a test reads it: where its values and labels come from, and its colours. */
export interface ChartInfo {
  name: string;
  type: string;
  title?: string;
  values: string;
  categories?: string;
  seriesName?: string;
  legendVisible: boolean;
  seriesFill?: string;
  /** Point index → fill, for points given their own. */
  pointFills: Record<number, string>;
  position?: { from: string; to?: string };
}

export function describeCharts(sheet: SheetState): ChartInfo[] {
  return chartsOf(sheet).map((c) => ({
    name: c.name,
    type: c.type,
    ...(c.title === undefined ? {} : { title: c.title }),
    values: formatAddress(sheet.name, c.values),
    ...(c.categories ? { categories: formatAddress(sheet.name, c.categories) } : {}),
    ...(c.seriesName === undefined ? {} : { seriesName: c.seriesName }),
    legendVisible: c.legendVisible,
    ...(c.seriesFill === undefined ? {} : { seriesFill: c.seriesFill }),
    pointFills: Object.fromEntries(c.pointFills),
    ...(c.position ? { position: c.position } : {}),
  }));
}
