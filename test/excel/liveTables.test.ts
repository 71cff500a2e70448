// Live tables on the fake Excel host: Median, MAD, MAD score, Band and Outlier are the generator's formulas
// over the table's own Value column, they calculate to the core's numbers, a corrected value rescores at
// once, and a refresh keeps them, the user's formula column and the total row. Each table of one period
// has a native chart of its scores with my council's column marked.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { median } from "../../src/core/median.js";
import { scoreFormulas, tableRefs } from "../../src/core/formulas.js";
import { COMPARED_AMONG, TABLE_COLUMN_NAMES } from "../../src/core/table.js";
import { CHART_FILLS, chartName } from "../../src/excel/chart.js";
import { parseAddress } from "../fakes/a1.js";
import { describeCharts } from "../fakes/charts.js";
import {
  closeWorkbook,
  openWorkbook,
  PUBLISHER,
  sheetsAndTables,
  startPublisher,
  type Harness,
  type Publisher,
} from "./harness.js";

const HEADER = [...TABLE_COLUMN_NAMES, COMPARED_AMONG];
const col = (name: (typeof HEADER)[number]) => HEADER.indexOf(name);
const RECYCLING = "household-waste-recycling-rate";
const METRIC = "missed-bin-collections";
const FILE = "few.csv";

type Row = (string | number | boolean)[];

/** A tidy file: `values[p][c]` is council c's value in period p ("" blank, "[c]" suppressed). */
function tidy(values: (number | string)[][]): string {
  const lines = ["areacd,areanm,period,indicator,value"];
  values.forEach((row, p) =>
    row.forEach((v, c) => {
      const code = `E99${String(c).padStart(6, "0")}`;
      lines.push(`${code},Council ${c},${2001 + p}-${String(2 + p).padStart(2, "0")},${METRIC},${v}`);
    }),
  );
  return lines.join("\n");
}

let publisher: Publisher;
let h: Harness;
beforeAll(async () => {
  publisher = await startPublisher();
});
afterAll(() => publisher.close());
beforeEach(() => {
  h = openWorkbook(publisher);
});
afterEach(closeWorkbook);

/** The table's body and where it is. */
function table(name: string) {
  const t = h.excel.table(name)!;
  const { rect } = parseAddress(t.address)!;
  const a1 = (row: number, c: number) => `${String.fromCharCode(65 + c)}${row + 1}`;
  const area = (c0: number, c1: number, rows = t.rows) =>
    `'${t.sheet}'!${a1(rect.row + 1, rect.col + c0)}:${a1(rect.row + rows, rect.col + c1)}`;
  return {
    t,
    rect,
    a1,
    area,
    values: (): Row[] => h.excel.values(area(0, t.headers.length - 1)),
    formulas: () => h.excel.formulas(area(col("Median"), col("Outlier"))),
  };
}

/** The core's median and MAD of the numbers in `values`, missing ones left out as LADE left them out. */
function expected(values: readonly (number | string)[]) {
  const numbers = values.filter((v): v is number => typeof v === "number");
  const m = median(numbers);
  return { median: m, mad: median(numbers.map((v) => Math.abs(v - m))) };
}

async function insertFew(values: (number | string)[][], period = "all") {
  publisher.publish(FILE, tidy(values));
  await h.workbook.addSource({ url: `${PUBLISHER}/data/${FILE}`, format: "tidy", name: "Few" });
  return (await h.workbook.insertTable({ metric: METRIC, period, live: true })).table;
}

describe("a live table", () => {
  it("holds the generator's formulas over its own Value column, giving the core's numbers exactly", async () => {
    const { table: name } = await h.workbook.insertTable({
      metric: RECYCLING,
      period: "latest",
      live: true,
      focus: "West Suffolk",
    });
    const t = table(name);
    expect(t.t.headers).toEqual(HEADER);
    const f = scoreFormulas("higher", tableRefs(name));
    const wanted = [f.median, f.mad, f.score, f.band, f.outlier];
    expect(t.formulas().every((row) => row.join("\n") === wanted.join("\n"))).toBe(true);

    // The same spec as plain values: the core's own numbers, which the formulas must give exactly.
    const plain = await h.workbook.insertTable({
      metric: RECYCLING,
      period: "latest",
      focus: "West Suffolk",
    });
    const core = table(plain.table).values();
    const live = t.values();
    expect(live).toHaveLength(core.length);
    const scored = ["Median", "MAD", "MAD score", "Band", "Outlier"] as const;
    live.forEach((row, i) => {
      for (const c of scored) expect([row[0], c, row[col(c)]]).toEqual([core[i][0], c, core[i][col(c)]]);
    });
    expect(live.filter((r) => typeof r[col("MAD score")] === "number").length).toBeGreaterThan(250);
    expect(live.every((r) => !String(r[col("MAD score")]).startsWith("#"))).toBe(true);
  });

  it("rescores at once when a value is corrected or blanked, leaving out blanks and markers", async () => {
    const values = [
      [10, 12, "", 15, "[c]", 20, 11, 13],
      [30, 31, 32, 33, 34, 35, 36, 80],
    ];
    const name = await insertFew(values);
    const t = table(name);
    const rows = t.values();
    const check = (current: (number | string)[][]) => {
      const now = t.values();
      current.forEach((period, p) => {
        const { median: m, mad } = expected(period);
        period.forEach((v, c) => {
          const row = now[p * period.length + c];
          if (typeof v !== "number") {
            expect(row[col("Band")]).toBe("missing");
            expect(row[col("MAD score")]).toBe("");
            return;
          }
          expect([row[col("Median")], row[col("MAD")], row[col("MAD score")]]).toEqual([
            m,
            mad,
            (v - m) / mad,
          ]);
        });
      });
    };
    expect(rows.map((r) => r[col(COMPARED_AMONG)])).toEqual(rows.map(() => "All councils"));
    check(values);

    // Council 1 corrected in the first period, council 3 blanked: only that period rescores.
    const valueCell = (p: number, c: number) =>
      `'${t.t.sheet}'!${t.a1(t.rect.row + 1 + p * 8 + c, col("Value"))}`;
    h.excel.enter(valueCell(0, 1), [[19]]);
    h.excel.enter(valueCell(0, 3), [[""]]);
    check([[10, 19, "", "", "[c]", 20, 11, 13], values[1]]);
  });

  it("keeps its formulas, the user's formula column and the total row through a refresh", async () => {
    const name = await insertFew([[1, 2, 3, 4, 5, 6]], "2001-02");
    const t = table(name);
    const right = t.rect.col + t.rect.cols;
    const sheet = `'${t.t.sheet}'`;
    h.excel.resizeTable(name, `${sheet}!${t.a1(t.rect.row, t.rect.col)}:${t.a1(t.rect.row + 6, right)}`);
    h.excel.enter(`${sheet}!${t.a1(t.rect.row, right)}`, [["Double"]]);
    h.excel.enter(
      `${sheet}!${t.a1(t.rect.row + 1, right)}:${t.a1(t.rect.row + 6, right)}`,
      Array.from({ length: 6 }, (_, i) => [`=D${t.rect.row + 2 + i}*2`]),
    );
    h.excel.showTotals(name, true);
    // The total row as the user set it up (its SUBTOTALs count the new row once it has moved).
    const totalRow = (at: ReturnType<typeof table>) => {
      const row = at.rect.row + at.rect.rows - 1;
      const a = `${sheet}!${at.a1(row, at.rect.col)}:${at.a1(row, at.rect.col + at.rect.cols - 1)}`;
      return h.excel.values(a)[0].map((v, c) => h.excel.formulas(a)[0][c] ?? v);
    };
    const totalBefore = totalRow(table(name));
    expect(totalBefore[0]).toBe("Total");

    publisher.publish(FILE, tidy([[1, 2, 3, 4, 5, 6, 100]]));
    const report = await h.workbook.refreshAll();
    expect(report.failed).toEqual([]);
    const after = table(name);
    expect(after.t.rows).toBe(7);
    expect(after.t.showTotals).toBe(true);
    const f = scoreFormulas("none", tableRefs(name));
    expect(after.formulas()).toEqual(
      Array.from({ length: 7 }, () => [f.median, f.mad, f.score, f.band, f.outlier]),
    );
    const doubles = h.excel.formulas(after.area(right - t.rect.col, right - t.rect.col, 7)).map(([x]) => x);
    expect(doubles).toEqual(Array.from({ length: 7 }, (_, i) => `=D${t.rect.row + 2 + i}*2`));
    const { median: m, mad } = expected([1, 2, 3, 4, 5, 6, 100]);
    const last = after.values().at(-1)!;
    expect([last[col("Median")], last[col("MAD")], last[col("MAD score")]]).toEqual([
      m,
      mad,
      (100 - m) / mad,
    ]);
    expect(totalRow(after)).toEqual(totalBefore);
  });

  it("is put back, formulas and all, when a refresh fails part-way", async () => {
    const name = await insertFew([[1, 2, 3, 4, 5, 6]], "2001-02");
    publisher.publish(FILE, tidy([[1, 2, 3, 4, 5, 6, 7, 8]]));
    const before = sheetsAndTables(h.excel);
    const formulas = table(name).formulas();
    h.excel.failSync({ match: (op) => op === "Range.formulas=", afterOperations: 1 });
    const report = await h.workbook.refreshAll();
    expect(report.failed).toEqual([{ table: name, message: expect.stringMatching(/Injected/) }]);
    expect(sheetsAndTables(h.excel)).toEqual(before);
    expect(table(name).formulas()).toEqual(formulas);
  });
});

describe("a table's chart", () => {
  it("plots every council's MAD score, my council's column in its own colour", async () => {
    const { table: name, sheet } = await h.workbook.insertTable({
      metric: RECYCLING,
      period: "latest",
      live: true,
      focus: "West Suffolk",
    });
    const t = table(name);
    const [chart] = describeCharts(h.excel.state.sheets.find((s) => s.name === sheet)!);
    expect(chart).toMatchObject({
      name: chartName(name),
      type: "ColumnClustered",
      values: t.area(col("MAD score"), col("MAD score")),
      categories: t.area(col("Council"), col("Council")),
      seriesName: "MAD score",
      legendVisible: false,
      seriesFill: CHART_FILLS.council,
    });
    expect(chart.title).toMatch(/^MAD scores: .*recycling.*, 2023-24$/i);
    const westSuffolk = t.values().findIndex((r) => r[col("Council code")] === "E07000245");
    expect(chart.pointFills).toEqual({ [westSuffolk]: CHART_FILLS.focus });
  });

  it("plots only a comparator group's councils when the table shows every council", async () => {
    const { table: name, sheet } = await h.workbook.insertTable({
      metric: RECYCLING,
      period: "latest",
      live: true,
      group: { council: "West Suffolk", kind: "nearest" },
      focus: "West Suffolk",
    });
    const t = table(name);
    const rows = t.values();
    const inGroup = rows.filter((r) => r[col(COMPARED_AMONG)] !== "").length;
    expect(inGroup).toBeGreaterThan(10);
    expect(rows.length).toBeGreaterThan(3 * inGroup);
    // The group's councils first, in council order, then the others for reference.
    expect(rows.slice(0, inGroup).every((r) => r[col(COMPARED_AMONG)] !== "")).toBe(true);
    const names = rows.slice(0, inGroup).map((r) => String(r[col("Council")]));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en-GB")));
    const [chart] = describeCharts(h.excel.state.sheets.find((s) => s.name === sheet)!);
    expect(chart.values).toBe(t.area(col("MAD score"), col("MAD score"), inGroup));
    expect(chart.categories).toBe(t.area(col("Council"), col("Council"), inGroup));
    expect(h.excel.values(chart.values).every(([v]) => typeof v === "number")).toBe(true);
    const westSuffolk = rows.findIndex((r) => r[col("Council code")] === "E07000245");
    expect(chart.pointFills).toEqual({ [westSuffolk]: CHART_FILLS.focus });
  });

  it("follows the table's rows on refresh, and stays deleted once the user deletes it", async () => {
    const name = await insertFew([[1, 2, 3, 4, 5, 6]], "2001-02");
    const sheet = () => h.excel.state.sheets.find((s) => s.name === h.excel.table(name)!.sheet)!;
    expect(describeCharts(sheet())[0].values).toBe(table(name).area(col("MAD score"), col("MAD score")));

    publisher.publish(FILE, tidy([[1, 2, 3, 4, 5, 6, 7, 8]]));
    expect((await h.workbook.refreshAll()).failed).toEqual([]);
    const [chart] = describeCharts(sheet());
    expect(chart.values).toBe(table(name).area(col("MAD score"), col("MAD score"), 8));
    expect(chart.categories).toBe(table(name).area(col("Council"), col("Council"), 8));

    await h.excel.run(async (context) => {
      const charts = context.workbook.worksheets.getItem(sheet().name).charts.load("items/name");
      await context.sync();
      charts.items[0].delete();
      await context.sync();
    });
    expect((await h.workbook.refreshAll()).failed).toEqual([]);
    expect(describeCharts(sheet())).toEqual([]);
  });

  it("shows the latest period of a table of all periods", async () => {
    const name = await insertFew([
      [1, 2, 3],
      [4, 5, 6, 7],
    ]);
    const t = table(name);
    const [chart] = describeCharts(h.excel.state.sheets.find((s) => s.name === t.t.sheet)!);
    // The body's last four rows: 2002-03, the later period.
    const { rect } = t;
    const sheet = `'${t.t.sheet}'`;
    const scores = `${sheet}!${t.a1(rect.row + 4, col("MAD score"))}:${t.a1(rect.row + 7, col("MAD score"))}`;
    expect(chart.values).toBe(scores);
    expect(chart.title).toMatch(/, 2002-03$/);
  });
});
