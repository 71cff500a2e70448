// Excel builds that pass a blank cell to a custom function as 0 (office-js #1951, #4702, #5262): the fake
// runtime below sends 0 for every blank, as those builds do, with the arguments' addresses the functions ask
// for, and the fake Excel host holds the sheet so the functions can ask which cells are empty.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { installFakeOffice, uninstallFakeOffice, type FakeExcelHost } from "../fakes/fakeExcel.js";
import { excelWith, expectError, installCustomFunctions } from "./excel.js";

let host: FakeExcelHost;

/** Writes a column of cells (null = blank) at `address` on `sheet`. */
async function column(sheet: string, address: string, cells: (number | null)[]): Promise<void> {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const ws = sheets.getItemOrNullObject(sheet);
    await context.sync();
    const target = ws.isNullObject ? sheets.add(sheet) : ws;
    target.getRange(address).values = cells.map((c) => [c ?? ""]);
    await context.sync();
  });
}

/** The column as a build with the bug passes it: 0 for a blank. */
const asZeros = (cells: (number | null)[]) => cells.map((c) => [c ?? 0]);

// 10, 20, blank, 0, 40, blank: the numbers are 10, 20, 0, 40 (median 15, MAD 10). Read with its blanks as
// zeros it would be 10, 20, 0, 0, 40, 0 (median 5, MAD 5).
const DATA = [10, 20, null, 0, 40, null];
const at = (...addresses: string[]) => ({ parameterAddresses: addresses });

beforeAll(() => {
  installCustomFunctions();
  vi.stubGlobal("location", { href: "https://localhost:3000/taskpane.html" });
});
afterAll(() => {
  uninstallFakeOffice();
  vi.unstubAllGlobals();
});
beforeEach(async () => {
  host = installFakeOffice();
  await column("Sheet1", "A1:A6", DATA);
});

describe("blank cells passed as 0", () => {
  it("are left out of BENCH.MAD, as MEDIAN leaves blanks out", async () => {
    expect(await excelWith("MAD", at("Sheet1!A1:A6"), asZeros(DATA))).toBe(10);
  });

  it("are not scored by MADSCORES, and a real 0 is", async () => {
    const scores = await excelWith("MADSCORES", at("Sheet1!A1:A6"), asZeros(DATA));
    expect(scores).toEqual([[-0.5], [0.5], [""], [-1.5], [2.5], [""]]);
  });

  it("as the value to score are a blank cell, not a 0", async () => {
    await column("Sheet1", "C1:C2", [null, 0]);
    const blank = await excelWith("MADSCORE", at("Sheet1!C1", "Sheet1!A1:A6"), 0, asZeros(DATA));
    expectError(blank, "#VALUE!", "got a blank cell");
    expect(await excelWith("MADSCORE", at("Sheet1!C2", "Sheet1!A1:A6"), 0, asZeros(DATA))).toBe(-1.5);
    expectError(await excelWith("BAND", at("Sheet1!C1", ""), 0, null), "#VALUE!", "got a blank cell");
  });

  it("are not evidence in THEMESCORE and THEMERATING", async () => {
    // Scores 1, blank, 2, blank: the theme score is the median of 1 and 2, not of 1, 0, 2, 0 (0.5).
    await column("Sheet1", "E1:E4", [1, null, 2, null]);
    const scores = asZeros([1, null, 2, null]);
    const where = at("", "Sheet1!E1:E4", "");
    expect(await excelWith("THEMESCORE", where, "Use of resources", scores, null)).toBe(1.5);
    expect(await excelWith("THEMERATING", where, "Use of resources", scores, null)).toBe("Strong");
  });

  it("are found on a sheet whose name needs quotes", async () => {
    await column("Council's data", "B2:B7", DATA);
    expect(await excelWith("MAD", at("'Council''s data'!B2:B7"), asZeros(DATA))).toBe(10);
  });

  it("are found in a whole column, read in blocks within Excel on the web's response limit", async () => {
    const cells: (number | null)[] = Array<null>(1_048_576).fill(null);
    cells.splice(0, 6, ...DATA);
    host.resetCounts();
    expect(await excelWith("MAD", at("Sheet1!A:A"), asZeros(cells))).toBe(10);
    expect(host.largestResponse).toBeLessThan(host.payloadLimit);
  });
});

describe("a real 0", () => {
  it("counts when the argument is not a range in the sheet (a typed array or a formula's result)", async () => {
    expect(await excelWith("MAD", at(""), asZeros(DATA))).toBe(5);
    expect(await excelWith("MAD", {}, asZeros(DATA))).toBe(5);
  });

  it("typed into a blank cell counts at the next calculation: nothing about the cells is kept", async () => {
    expect(await excelWith("MAD", at("Sheet1!A1:A6"), asZeros(DATA))).toBe(10);
    await column("Sheet1", "A3", [0]);
    // 10, 20, 0, 0, 40 and a blank: median 10, MAD 10.
    expect(await excelWith("MAD", at("Sheet1!A1:A6"), asZeros(DATA))).toBe(10);
    await column("Sheet1", "A6", [0]);
    expect(await excelWith("MAD", at("Sheet1!A1:A6"), asZeros(DATA))).toBe(5);
  });

  it("is used as given when Excel cannot say which cells are empty (no such sheet)", async () => {
    expect(await excelWith("MAD", at("Gone!A1:A6"), asZeros(DATA))).toBe(5);
  });
});

describe("asking Excel", () => {
  it("happens once for many formulas over the same range in one calculation", async () => {
    host.resetCounts();
    const calls = Array.from({ length: 200 }, () =>
      excelWith("MADSCORE", at("", "Sheet1!A1:A6"), 40, asZeros(DATA)),
    );
    expect(await Promise.all(calls)).toEqual(Array(200).fill(2.5));
    expect(host.syncs).toBeLessThanOrEqual(2);
  });

  it("never happens for a range without a 0: the answer comes at once", () => {
    host.resetCounts();
    expect(excelWith("MAD", at("Sheet1!A1:A2"), [[10], [20]])).toBe(5);
    expect(host.syncs).toBe(0);
  });
});
