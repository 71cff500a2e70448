// Big tables on the fake Excel host: a 72,000-row insert and refresh stay within Excel on the web's 5 MB
// request and response limit (blocks of rows, each ≤ 4 MB here), take few syncs, keep the user's formula
// column and total row, and a write that fails part-way leaves the sheet as it was.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TABLE_COLUMN_NAMES } from "../../src/core/table.js";
import { BLOCK_BUDGET } from "../../src/excel/blocks.js";
import { parseAddress } from "../fakes/a1.js";
import {
  closeWorkbook,
  isVacated,
  openWorkbook,
  PUBLISHER,
  sheetsAndTables,
  startPublisher,
  type Harness,
  type Publisher,
} from "./harness.js";

const METRIC = "missed-bin-collections";
const FILE = "many.csv";
const FOUR_MB = 4_000_000;
const col = (name: (typeof TABLE_COLUMN_NAMES)[number]) => TABLE_COLUMN_NAMES.indexOf(name);

/** A tidy file of `councils` made-up councils × `periods` periods (1801-02 on), value = council + period. */
function manyRows(councils: number, periods: number, bump = 0): string {
  const lines = ["areacd,areanm,period,indicator,value"];
  for (let p = 0; p < periods; p++) {
    const y = 1801 + p;
    const period = `${y}-${String((y + 1) % 100).padStart(2, "0")}`;
    for (let c = 0; c < councils; c++) {
      const code = `E99${String(c).padStart(6, "0")}`;
      lines.push(`${code},Council ${String(c).padStart(3, "0")},${period},${METRIC},${c + p + bump}`);
    }
  }
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

async function insertMany(councils: number, periods: number): Promise<string> {
  publisher.publish(FILE, manyRows(councils, periods));
  await h.workbook.addSource({ url: `${PUBLISHER}/data/${FILE}`, format: "tidy", name: "Many" });
  return (await h.workbook.insertTable({ metric: METRIC, period: "all" })).table;
}

/** The table's rows as the workbook holds them: values of the body, and of the total row when shown. */
function contents(name: string) {
  const t = h.excel.table(name)!;
  const { rect } = parseAddress(t.address)!;
  const sheet = `'${t.sheet}'`;
  const a1 = (row: number, c: number) => `${String.fromCharCode(65 + c)}${row + 1}`;
  const rows = (from: number, count: number, cols = rect.cols) =>
    h.excel.values(`${sheet}!${a1(from, rect.col)}:${a1(from + count - 1, rect.col + cols - 1)}`);
  return {
    t,
    rect,
    body: (cols?: number) => rows(rect.row + 1, t.rows, cols),
    formulas: (c: number) =>
      h.excel.formulas(`${sheet}!${a1(rect.row + 1, c)}:${a1(rect.row + t.rows, c)}`).map(([f]) => f),
    // What the total row's cells hold (formulas as written: their results change with the values).
    totalRow: () => {
      const row = rect.row + rect.rows - 1;
      const range = `${sheet}!${a1(row, rect.col)}:${a1(row, rect.col + rect.cols - 1)}`;
      const formulas = h.excel.formulas(range)[0];
      return rows(row, 1)[0].map((v, i) => formulas[i] ?? v);
    },
    formats: () =>
      h.excel.numberFormats(`${sheet}!${a1(rect.row + 1, rect.col)}:${a1(rect.row + t.rows, rect.col + 9)}`),
    a1,
    sheet,
  };
}

/** The user adds a column "Double" (=Value*2 on every row), as in refresh.test.ts. */
function addUserColumn(name: string) {
  const { t, rect, a1, sheet } = contents(name);
  const right = rect.col + rect.cols;
  h.excel.resizeTable(name, `${sheet}!${a1(rect.row, rect.col)}:${a1(rect.row + t.rows, right)}`);
  h.excel.enter(`${sheet}!${a1(rect.row, right)}`, [["Double"]]);
  const formulas = Array.from({ length: t.rows }, (_, i) => [`=D${rect.row + 2 + i}*2`]);
  h.excel.enter(`${sheet}!${a1(rect.row + 1, right)}:${a1(rect.row + t.rows, right)}`, formulas);
}

function expectWithinLimits(cells: number) {
  expect(h.excel.largestRequest).toBeLessThanOrEqual(FOUR_MB);
  expect(h.excel.largestResponse).toBeLessThanOrEqual(FOUR_MB);
  expect(h.excel.syncs).toBeLessThanOrEqual(cells / 20_000 + 15);
}

const value = (row: (string | number | boolean)[]) => row[col("Value")];
const code = (row: (string | number | boolean)[]) => row[col("Council code")];

describe("a 72,000-row table", () => {
  it("inserts and refreshes within the payload limits, in few syncs, keeping the user's column and total row", async () => {
    h.excel.resetCounts();
    const name = await insertMany(400, 180);
    const inserted = contents(name);
    expect(inserted.t.rows).toBe(72_000);
    expectWithinLimits(72_000 * 10);
    const body = inserted.body();
    expect(body[0].slice(0, 4)).toEqual(["E99000000", "Council 000", "1801-02", 0]);
    expect(body.at(-1)!.slice(0, 4)).toEqual(["E99000399", "Council 399", "1980-81", 399 + 179]);
    expect(body.every((r, i) => value(r) === (i % 400) + Math.floor(i / 400))).toBe(true);
    expect(new Set(inserted.formats().map((l) => l.join(","))).size).toBe(1);
    // The text columns stay text: the codes, names and periods are not numbers or formulas.
    expect(body.every((r) => typeof code(r) === "string")).toBe(true);
    expect(inserted.formulas(0).every((f) => f === undefined)).toBe(true);

    addUserColumn(name);
    h.excel.showTotals(name, true);
    const withTotals = contents(name);
    const totalAt = withTotals.rect.row + withTotals.rect.rows - 1;
    h.excel.enter(`${inserted.sheet}!${inserted.a1(totalAt, 3)}`, [["=SUBTOTAL(101,[Value])"]]);
    const totalRow = contents(name).totalRow();
    expect(totalRow[0]).toBe("Total");

    // Refresh: more councils in every period (72,360 rows), new values.
    publisher.publish(FILE, manyRows(402, 180, 1));
    h.excel.resetCounts();
    const report = await h.workbook.refreshAll();
    expect(report.failed).toEqual([]);
    expectWithinLimits(72_360 * 11);

    const after = contents(name);
    expect(after.t.rows).toBe(72_360);
    expect(after.t.showTotals).toBe(true);
    expect(after.t.headers.at(-1)).toBe("Double");
    const rows = after.body(11);
    expect(rows.every((r, i) => value(r) === (i % 402) + Math.floor(i / 402) + 1)).toBe(true);
    expect(rows.at(-1)!.slice(0, 3)).toEqual(["E99000401", "Council 401", "1980-81"]);
    // The user's formulas stay on the old rows and carry on into the new ones; the total row moved down.
    const top = after.rect.row;
    expect(after.formulas(10)).toEqual(Array.from({ length: 72_360 }, (_, i) => `=D${top + 2 + i}*2`));
    expect(after.totalRow()).toEqual(totalRow);
    expect(new Set(after.formats().map((l) => l.join(","))).size).toBe(1);
  }, 120_000); // 72,000 rows through the fake host take 10–30 s on two busy cores
});

// Failures part-way and the total row, on small tables written in many blocks (the budget lowered so a
// 4,000-row table takes several; the code is the same as for 72,000 rows in blocks of 3.5 MB).
describe("a table written in blocks", () => {
  const saved = { ...BLOCK_BUDGET };
  beforeEach(() => Object.assign(BLOCK_BUDGET, { request: 60_000, response: 60_000 }));
  afterEach(() => Object.assign(BLOCK_BUDGET, saved));

  it("writes and reads in blocks under the budget, reporting each block's rows", async () => {
    const name = await insertMany(400, 10);
    const steps: [number, number, string][] = [];
    publisher.publish(FILE, manyRows(410, 10, 1));
    h.excel.resetCounts();
    const report = await h.workbook.refreshTable(name, (d, t, what) => steps.push([d, t, what]));
    expect(report.failed).toEqual([]);
    // Every request but the last two (the workbook's snapshot of the data, one XML part, and the full
    // calculation after it) within the budget, give or take the other operations of the first (the resize,
    // the colours).
    const requests = h.excel.syncSizes.slice(0, -2).map((x) => x.request);
    expect(Math.max(...requests)).toBeLessThanOrEqual(60_000 + 8_000);
    expect(h.excel.largestResponse).toBeLessThanOrEqual(60_000 * 1.5);
    const blocks = steps.filter(([, , w]) => /^Writing .*: rows [\d,]+–[\d,]+ of 4,100$/.test(w));
    expect(blocks.length).toBeGreaterThan(3);
    expect(blocks.every(([d, t]) => d === 1 && t === 3)).toBe(true);
    const values = contents(name).body();
    expect(values.every((r, i) => value(r) === (i % 410) + Math.floor(i / 410) + 1)).toBe(true);
    // Calculation is suspended for every write; the screen once, where the host has ExcelApi 1.9.
    const writes = h.excel.syncSizes.slice(0, -2).filter((s) => s.request > 10_000).length;
    const calc = h.excel.applied.filter((o) => o === "Application.suspendApiCalculationUntilNextSync");
    const screen = h.excel.applied.filter((o) => o === "Application.suspendScreenUpdatingUntilNextSync");
    expect(calc.length).toBeGreaterThanOrEqual(writes);
    expect(screen).toHaveLength(1);
  });

  it("on a host without ExcelApi 1.13 (Table.resize) writes no table, not even a suspension", async () => {
    h.excel.requirementSets.ExcelApi = "1.5";
    await expect(insertMany(40, 2)).rejects.toThrow(/need ExcelApi 1\.13/);
    expect(h.excel.tableNames()).toEqual([]);
    expect(h.excel.applied.filter((o) => o.startsWith("Application.") || o.startsWith("Table"))).toEqual([]);
  });

  it.each([1, 3])(
    "leaves the sheet as it was when a block of the refresh fails after %i blocks went in",
    async (skip) => {
      const name = await insertMany(400, 10);
      addUserColumn(name);
      h.excel.showTotals(name, true);
      publisher.publish(FILE, manyRows(410, 10, 1));
      const before = sheetsAndTables(h.excel);
      h.excel.failSync({ match: (op) => op === "Range.values=", skip, afterOperations: 2 });
      const report = await h.workbook.refreshAll();
      expect(report.failed).toEqual([{ table: name, message: expect.stringMatching(/Injected/) }]);
      expect(h.excel.pendingFailures()).toBe(0);
      expect(sheetsAndTables(h.excel)).toEqual(before);
    },
  );

  it("takes the half-made table out again when a block of the insert fails", async () => {
    publisher.publish(FILE, manyRows(400, 10));
    await h.workbook.addSource({ url: `${PUBLISHER}/data/${FILE}`, format: "tidy", name: "Many" });
    const before = h.excel.snapshot();
    h.excel.failSync({ match: (op) => op === "Range.values=", skip: 2 });
    await expect(h.workbook.insertTable({ metric: METRIC, period: "all" })).rejects.toThrow(/Injected/);
    const { nextId, activeSheetId } = h.excel.state;
    expect(h.excel.snapshot()).toEqual({ ...before, nextId, activeSheetId });
  });

  it("at the selected cell, a failed block puts the cells' formats back", async () => {
    publisher.publish(FILE, manyRows(400, 10));
    await h.workbook.addSource({ url: `${PUBLISHER}/data/${FILE}`, format: "tidy", name: "Many" });
    h.excel.select("Sheet1!C3");
    await Excel.run(async (context) => {
      const area = context.workbook.worksheets.getItem("Sheet1").getRange("C3:L5000");
      area.numberFormat = Array.from({ length: 4998 }, () => Array.from({ length: 10 }, () => "0.000"));
      await context.sync();
    });
    const before = h.excel.snapshot();
    h.excel.failSync({ match: (op) => op === "Range.values=", skip: 3 });
    await expect(h.workbook.insertTable({ metric: METRIC, period: "all" }, "selection")).rejects.toThrow(
      /Injected/,
    );
    // Every cell as it was, the table gone (the fake leaves an empty list of conditional formats behind).
    const after = h.excel.snapshot();
    expect(after.sheets.map((x) => x.cells)).toEqual(before.sheets.map((x) => x.cells));
    expect(after.tables).toEqual(before.tables);
    expect(after.sheets[0].conditionalFormats ?? []).toEqual([]);
  });

  it.each([
    ["grows", 410],
    ["shrinks", 390],
  ])("keeps the total row when the table %s, at the table's new end", async (_how, councils) => {
    const name = await insertMany(400, 10);
    h.excel.showTotals(name, true);
    const { rect, sheet, a1 } = contents(name);
    const at = rect.row + rect.rows - 1;
    h.excel.enter(`${sheet}!${a1(at, 3)}:${a1(at, 4)}`, [["=SUBTOTAL(101,[Value])", "my note"]]);
    const totalRow = contents(name).totalRow();
    publisher.publish(FILE, manyRows(councils, 10, 1));
    const report = await h.workbook.refreshAll();
    expect(report.failed).toEqual([]);
    const after = contents(name);
    expect(after.t).toMatchObject({ rows: councils * 10, showTotals: true });
    expect(after.rect.rows).toBe(1 + councils * 10 + 1);
    expect(after.totalRow()).toEqual(totalRow);
    expect(after.body().every((r) => r[0] !== "Total")).toBe(true);
    if (councils < 400) {
      // The rows the table no longer uses are empty, formats back to General.
      const end = rect.row + rect.rows - 1;
      const vacated = `${sheet}!${a1(after.rect.row + after.rect.rows, 0)}:${a1(end, 9)}`;
      expect(isVacated(h.excel, vacated)).toBe(true);
    }
  });
});

describe("text typed with a leading apostrophe (office-js #6687)", () => {
  it("is still text after a failed refresh puts the table back", async () => {
    const name = await insertMany(6, 1);
    const { t, rect, a1, sheet } = contents(name);
    const right = rect.col + rect.cols;
    h.excel.resizeTable(name, `${sheet}!${a1(rect.row, rect.col)}:${a1(rect.row + t.rows, right)}`);
    h.excel.enter(`${sheet}!${a1(rect.row, right)}`, [["My note"]]);
    const typed = ["'=AVERAGE(D2:D4)", "'0012", "'+44 1234", "'TRUE", "plain words", "=D2*2"];
    h.excel.enter(
      `${sheet}!${a1(rect.row + 1, right)}:${a1(rect.row + t.rows, right)}`,
      typed.map((v) => [v]),
    );
    publisher.publish(FILE, manyRows(7, 1, 1));
    const before = sheetsAndTables(h.excel);
    h.excel.failSync({ match: (op) => op === "Range.values=", afterOperations: 1 });

    const report = await h.workbook.refreshAll();

    expect(report.failed).toEqual([{ table: name, message: expect.stringMatching(/Injected/) }]);
    // Every cell as it was: the apostrophe texts are text again (not a formula, a number or TRUE), and the
    // real formula is a formula.
    expect(sheetsAndTables(h.excel)).toEqual(before);
  });
});
