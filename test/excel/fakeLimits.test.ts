// The fake host's model of Excel on the web's payload limit, the calls that suspend work until the next
// sync, and a table's total row.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  installFakeOffice,
  PAYLOAD_LIMIT,
  uninstallFakeOffice,
  type FakeExcelHost,
} from "../fakes/fakeExcel.js";

let excel: FakeExcelHost;
beforeEach(() => {
  excel = installFakeOffice(globalThis);
});
afterEach(() => uninstallFakeOffice(globalThis));

const text = (rows: number, cols: number, cell: string) =>
  Array.from({ length: rows }, () => Array.from({ length: cols }, () => cell));

describe("the fake's payload limit", () => {
  it("refuses a request over 5 MB before running any of it, as Excel on the web does", async () => {
    const big = text(60_000, 10, "x".repeat(8)); // about 6.6 MB of JSON
    const error = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["first"]];
      sheet.getRangeByIndexes(1, 0, 60_000, 10).values = big;
      await context.sync();
    }).catch((e: unknown) => e as OfficeExtension.Error);
    expect(error).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(String((error as Error).message)).toMatch(/request payload size has exceeded the limit/);
    expect(excel.values("Sheet1!A1")).toEqual([[""]]);
    expect(excel.largestRequest).toBeGreaterThan(PAYLOAD_LIMIT);
  });

  it("refuses a response over 5 MB, and measures each sync", async () => {
    excel.enter("Sheet1!A1:J60000", text(60_000, 10, "y".repeat(8)));
    excel.resetCounts();
    const error = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:J60000").load("values");
      await context.sync();
    }).catch((e: unknown) => e as OfficeExtension.Error);
    expect(error).toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(excel.syncs).toBe(1);
    expect(excel.largestResponse).toBeGreaterThan(PAYLOAD_LIMIT);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:J10000").load("values");
      await context.sync();
    });
    expect(excel.syncSizes[1].response).toBeGreaterThan(10_000 * 10 * 10);
    expect(excel.syncSizes[1].response).toBeLessThan(PAYLOAD_LIMIT);
  });

  it("records the suspend calls, and fails them at sync on a host without their requirement set", async () => {
    await Excel.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      context.application.suspendScreenUpdatingUntilNextSync();
      await context.sync();
    });
    expect(excel.applied).toEqual([
      "Application.suspendApiCalculationUntilNextSync",
      "Application.suspendScreenUpdatingUntilNextSync",
    ]);
    excel.requirementSets.ExcelApi = "1.8";
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.6")).toBe(true);
    await expect(
      Excel.run(async (context) => {
        context.application.suspendScreenUpdatingUntilNextSync();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("the fake's total row", () => {
  it("adds a row at the bottom of the table's range, outside its data body, that moves on resize", async () => {
    excel.enter("Sheet1!A1:B3", [
      ["Name", "Value"],
      ["a", 1],
      ["b", 2],
    ]);
    await Excel.run(async (context) => {
      context.workbook.tables.add("Sheet1!A1:B3", true).name = "T";
      await context.sync();
    });
    excel.showTotals("T", true);
    expect(excel.table("T")).toMatchObject({ address: "Sheet1!A1:B4", rows: 2, showTotals: true });
    expect(excel.formulas("Sheet1!A4:B4")).toEqual([[undefined, "=SUBTOTAL(103,[Value])"]]);
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItem("T");
      const body = t.getDataBodyRange().load("address");
      const total = t.getTotalRowRange().load("address");
      t.load("showTotals");
      await context.sync();
      expect([t.showTotals, body.address, total.address]).toEqual([true, "Sheet1!A2:B3", "Sheet1!A4:B4"]);
      t.resize("A1:B6");
      await context.sync();
    });
    expect(excel.formulas("Sheet1!B6")).toEqual([["=SUBTOTAL(103,[Value])"]]);
    // SUBTOTAL 103 counts the two values left in the body.
    expect(excel.values("Sheet1!A4:B6")).toEqual([
      ["", ""],
      ["", ""],
      ["Total", 2],
    ]);
    excel.showTotals("T", false);
    expect(excel.table("T")).toMatchObject({ address: "Sheet1!A1:B5", rows: 4 });
    expect(excel.values("Sheet1!A6:B6")).toEqual([["", ""]]);
  });
});
