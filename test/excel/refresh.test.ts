// Refreshing benchmark tables on the fake Excel host, with a publisher (fixture server) whose file changes.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TABLE_COLUMN_NAMES } from "../../src/core/table.js";
import type { FakeExcelHost } from "../fakes/fakeExcel.js";
import { parseAddress } from "../fakes/a1.js";
import { wasteAsCompared } from "./shipped.js";
import {
  closeWorkbook,
  councilRows as rows,
  isVacated,
  openWorkbook,
  PUBLISHER,
  sheetsAndTables,
  startPublisher,
  tidyCsv,
  type Harness,
  type Publisher,
} from "./harness.js";

const METRIC = "missed-bin-collections";
const FILE = "missed-bins.csv";
const col = (name: (typeof TABLE_COLUMN_NAMES)[number]) => TABLE_COLUMN_NAMES.indexOf(name);

let publisher: Publisher;
let h: Harness;

beforeAll(async () => {
  publisher = await startPublisher();
});
afterAll(() => publisher.close());

beforeEach(() => {
  publisher.failWith = undefined;
  publisher.publish(FILE, tidyCsv(METRIC, "2024-25", rows(5)));
  h = openWorkbook(publisher);
});
afterEach(closeWorkbook);

/** Inserts the missed-bins table (a user source) and returns its name. */
async function insertMissedBins(placement: "new-sheet" | "selection" = "new-sheet"): Promise<string> {
  await h.workbook.addSource({ url: `${PUBLISHER}/data/${FILE}`, format: "tidy", name: "Missed bins" });
  return (await h.workbook.insertTable({ metric: METRIC, period: "latest" }, placement)).table;
}

/** Where a table is: sheet, first row and column (0-based) of its header, data rows, columns. */
function where(excel: FakeExcelHost, table: string) {
  const t = excel.table(table)!;
  const { rect } = parseAddress(t.address)!;
  const sheet = t.sheet.includes("-") ? `'${t.sheet}'` : t.sheet;
  const cell = (row: number, column: number) => `${sheet}!${String.fromCharCode(65 + column)}${row + 1}`;
  const body = (cols = rect.cols) =>
    `${cell(rect.row + 1, rect.col)}:${cell(rect.row + t.rows, rect.col + cols - 1).split("!")[1]}`;
  return { ...t, rect, cell, body };
}

/** Adds a column to the right of the table, as a user does, with a formula on every row. */
function addUserColumn(excel: FakeExcelHost, table: string) {
  const t = where(excel, table);
  const right = t.rect.col + t.rect.cols;
  excel.resizeTable(
    table,
    `${t.cell(t.rect.row, t.rect.col)}:${t.cell(t.rect.row + t.rows, right).split("!")[1]}`,
  );
  excel.enter(t.cell(t.rect.row, right), [["Double"]]);
  for (let r = t.rect.row + 1; r <= t.rect.row + t.rows; r++)
    excel.enter(t.cell(r, right), [[`=D${r + 1}*2`]]);
}

describe("refresh", () => {
  it("writes changed values and the new row count, keeping the user's column and everything else", async () => {
    const name = await insertMissedBins();
    addUserColumn(h.excel, name);
    h.excel.enter("Sheet1!B2", [["my own work"]]);
    const t = where(h.excel, name);
    h.excel.enter(t.cell(0, 14), [["beside the table"]]);
    const sheet1 = h.excel.snapshot().sheets[0];

    publisher.publish(FILE, tidyCsv(METRIC, "2024-25", rows(8, 99)));
    const report = await h.workbook.refreshAll();

    expect(report.failed).toEqual([]);
    expect(report.refreshed).toEqual([{ table: name, sheet: t.sheet, rows: 8 }]);
    const after = where(h.excel, name);
    expect(after.rows).toBe(8);
    expect(after.headers).toEqual([...TABLE_COLUMN_NAMES, "Double"]);
    const values = h.excel.values(after.body(10));
    expect(values.find((r) => r[col("Council")] === "West Suffolk")![col("Value")]).toBe(99);
    expect(values.map((r) => r[col("Council")])).toContain("Huntingdonshire");
    // The user's formulas stay on the old rows and carry on into the new ones.
    const formulas = h.excel.formulas(after.body(11)).map((r) => r[10]);
    expect(formulas).toEqual(Array.from({ length: 8 }, (_, i) => `=D${t.rect.row + 2 + i}*2`));
    expect(h.excel.values(t.cell(0, 14))).toEqual([["beside the table"]]);
    expect(h.excel.snapshot().sheets[0]).toEqual(sheet1);
  });

  it("empties a value the publisher has withdrawn, rather than leaving the old one", async () => {
    const name = await insertMissedBins();
    const missing = rows(5).map(([code, council, value]): [string, string, number | ""] =>
      council === "West Suffolk" ? [code, council, ""] : [code, council, value],
    );
    publisher.publish(FILE, tidyCsv(METRIC, "2024-25", missing));
    await h.workbook.refreshAll();
    const westSuffolk = h.excel
      .values(where(h.excel, name).body())
      .find((r) => r[col("Council")] === "West Suffolk")!;
    expect([westSuffolk[col("Value")], westSuffolk[col("MAD score")], westSuffolk[col("Band")]]).toEqual([
      "",
      "",
      "missing",
    ]);
  });

  it("shrinks the table and clears the rows it no longer uses", async () => {
    const name = await insertMissedBins();
    addUserColumn(h.excel, name);
    const t = where(h.excel, name);
    publisher.publish(FILE, tidyCsv(METRIC, "2024-25", rows(3)));
    await h.workbook.refreshAll();

    expect(h.excel.table(name)!.rows).toBe(3);
    const vacated = `${t.cell(t.rect.row + 4, 0)}:${t.cell(t.rect.row + 5, 10).split("!")[1]}`;
    expect(isVacated(h.excel, vacated)).toBe(true);
    expect(h.excel.formulas(where(h.excel, name).body(11)).map((r) => r[10])).toEqual([
      `=D${t.rect.row + 2}*2`,
      `=D${t.rect.row + 3}*2`,
      `=D${t.rect.row + 4}*2`,
    ]);
  });

  it("leaves the sheet exactly as it was when the publisher answers 500", async () => {
    const name = await insertMissedBins();
    addUserColumn(h.excel, name);
    publisher.publish(FILE, tidyCsv(METRIC, "2024-25", rows(8, 99)));
    publisher.failWith = 500;
    const before = sheetsAndTables(h.excel);

    const report = await h.workbook.refreshAll();

    expect(report.refreshed).toEqual([]);
    expect(report.failed).toEqual([{ table: name, message: expect.stringMatching(/HTTP 500/) }]);
    expect(sheetsAndTables(h.excel)).toEqual(before);
    expect(publisher.server.requests(`/data/${FILE}`)).toBeGreaterThanOrEqual(2); // retried once
    const [listed] = await h.workbook.tables();
    expect(listed.lastRefresh).toMatchObject({ ok: false, message: expect.stringMatching(/HTTP 500/) });
  });

  it.each([1, 3, 6])(
    "puts every cell back when Excel fails part-way through writing (after %i operations)",
    async (afterOperations) => {
      const name = await insertMissedBins();
      addUserColumn(h.excel, name);
      publisher.publish(FILE, tidyCsv(METRIC, "2024-25", rows(8, 99)));
      const before = sheetsAndTables(h.excel);
      h.excel.failSync({ match: (op) => op === "Table.resize", afterOperations });

      const report = await h.workbook.refreshAll();

      expect(report.failed).toEqual([{ table: name, message: expect.stringMatching(/Injected/) }]);
      expect(h.excel.pendingFailures()).toBe(0);
      expect(sheetsAndTables(h.excel)).toEqual(before);
    },
  );

  it("refuses to grow over cells below the table, and changes nothing", async () => {
    const name = await insertMissedBins();
    const t = where(h.excel, name);
    h.excel.enter(t.cell(t.rect.row + t.rows + 2, 3), [["totals"]]);
    publisher.publish(FILE, tidyCsv(METRIC, "2024-25", rows(8)));
    const before = sheetsAndTables(h.excel);

    const report = await h.workbook.refreshAll();

    expect(report.failed[0].message).toMatch(/cells below it are not empty/);
    expect(sheetsAndTables(h.excel)).toEqual(before);
  });

  it("formats only the rows a refresh adds", async () => {
    const name = await insertMissedBins();
    const width = h.excel.table(name)!.headers.length;
    const before = h.excel.values(h.excel.table(name)!.address).length - 1;
    expect(before).toBeLessThan(8);
    publisher.publish(FILE, tidyCsv(METRIC, "2024-25", rows(8)));
    h.excel.resetCounts();
    expect((await h.workbook.refreshAll()).failed).toEqual([]);
    expect(h.excel.formattedCells).toBe((8 - before) * width);
    h.excel.resetCounts();
    expect((await h.workbook.refreshAll()).failed).toEqual([]);
    expect(h.excel.formattedCells).toBe(0);
  });

  it("refuses to grow over merged cells below the table, and changes nothing", async () => {
    const name = await insertMissedBins();
    const t = where(h.excel, name);
    const sheet = h.excel.state.sheets.find((s) => s.name === h.excel.table(name)!.sheet)!;
    sheet.merged = [{ row: t.rect.row + t.rows + 1, col: t.rect.col + 1, rows: 2, cols: 2 }];
    publisher.publish(FILE, tidyCsv(METRIC, "2024-25", rows(8)));
    const before = sheetsAndTables(h.excel);

    const report = await h.workbook.refreshAll();

    expect(report.failed[0].message).toMatch(/more rows, but the cells below it are merged/);
    expect(sheetsAndTables(h.excel)).toEqual(before);
  });

  it("the fake refuses to resize a table over merged cells, as Excel does", async () => {
    const name = await insertMissedBins();
    const t = where(h.excel, name);
    const sheet = h.excel.state.sheets.find((s) => s.name === h.excel.table(name)!.sheet)!;
    sheet.merged = [{ row: t.rect.row + t.rows + 1, col: t.rect.col, rows: 1, cols: 2 }];
    const attempt = h.excel.run(async (context) => {
      const table = context.workbook.tables.getItem(name);
      const range = table.getRange().getResizedRange(3, 0);
      table.resize(range);
      await context.sync();
    });
    await expect(attempt).rejects.toThrow(/merged cells/);
  });

  it("refuses a table whose columns were renamed, and changes nothing", async () => {
    const name = await insertMissedBins();
    const t = where(h.excel, name);
    h.excel.enter(t.cell(t.rect.row, t.rect.col + col("Value")), [["Amount"]]);
    const before = sheetsAndTables(h.excel);
    const report = await h.workbook.refreshTable(name);
    expect(report.failed[0].message).toMatch(/no longer starts with the columns/);
    expect(sheetsAndTables(h.excel)).toEqual(before);
  });

  it("refreshes only the tables on the active sheet, or on a named sheet", async () => {
    const a = await insertMissedBins();
    const b = (await h.workbook.insertTable({ metric: METRIC, period: "2024-25" })).table;
    const sheetA = h.excel.table(a)!.sheet;
    const sheetB = h.excel.table(b)!.sheet;
    publisher.publish(FILE, tidyCsv(METRIC, "2024-25", rows(5, 55)));

    h.excel.activate(sheetA);
    const report = await h.workbook.refreshSheet();
    expect(report.refreshed.map((r) => r.table)).toEqual([a]);
    const westSuffolk = (table: string) =>
      h.excel.values(where(h.excel, table).body()).find((r) => r[col("Council")] === "West Suffolk")![
        col("Value")
      ];
    expect([westSuffolk(a), westSuffolk(b)]).toEqual([55, 10]);

    expect((await h.workbook.refreshSheet(sheetB)).refreshed.map((r) => r.table)).toEqual([b]);
    expect(westSuffolk(b)).toBe(55);
    expect((await h.workbook.refreshSheet("Sheet1")).refreshed).toEqual([]);
  });

  it("refreshes one table by name, and says so for a name that is not a benchmark table", async () => {
    const a = await insertMissedBins();
    const b = (await h.workbook.insertTable({ metric: METRIC, period: "2024-25" })).table;
    publisher.publish(FILE, tidyCsv(METRIC, "2024-25", rows(5, 77)));
    const report = await h.workbook.refreshTable(b);
    expect(report.refreshed.map((r) => r.table)).toEqual([b]);
    expect(h.excel.values(where(h.excel, a).body())[4][col("Value")]).toBe(10); // West Suffolk sorts last
    await expect(h.workbook.refreshTable("Table99")).rejects.toThrow(/not a benchmark table/);
  });

  it("refreshes tables of the shipped data from the shipped snapshot", async () => {
    const { table } = await h.workbook.insertTable({
      metric: "household-waste-recycling-rate",
      period: "latest",
    });
    const before = sheetsAndTables(h.excel);
    const report = await h.workbook.refreshAll();
    expect(report).toMatchObject({
      refreshed: [
        { table, rows: wasteAsCompared("waste/household-waste-recycling-rate.csv", "2023-24").size },
      ],
      failed: [],
    });
    expect(sheetsAndTables(h.excel)).toEqual(before);
  });

  it("reports a deleted table and takes it off the workbook's list", async () => {
    const name = await insertMissedBins();
    await Excel.run(async (context) => {
      context.workbook.tables.getItem(name).delete();
      await context.sync();
    });
    const report = await h.workbook.refreshAll();
    expect(report.failed).toEqual([{ table: name, message: expect.stringMatching(/no table named/) }]);
    expect(await h.workbook.tables()).toEqual([]);
  });
});
