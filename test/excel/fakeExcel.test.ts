// The fake Excel host is as strict as Excel where the adapter's correctness depends on it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fromR1C1, toR1C1 } from "../fakes/a1.js";
import { checkXml, installFakeOffice, uninstallFakeOffice, type FakeExcelHost } from "../fakes/fakeExcel.js";

let excel: FakeExcelHost;
beforeEach(() => {
  excel = installFakeOffice(globalThis);
});
afterEach(() => uninstallFakeOffice(globalThis));

const write = (address: string, values: unknown[][], format?: string) =>
  Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Sheet1").getRange(address);
    if (format) range.numberFormat = values.map((r) => r.map(() => format));
    range.values = values as string[][];
    await context.sync();
  });

describe("fake Excel", () => {
  it("installs the Office, Excel and OfficeExtension globals", async () => {
    expect(typeof Excel.run).toBe("function");
    expect((await Office.onReady()).host).toBe("Excel");
    uninstallFakeOffice(globalThis);
    expect(typeof (globalThis as { Excel?: unknown }).Excel).toBe("undefined");
  });

  /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read,
     office-addins/call-sync-after-load -- these tests read too early on purpose */
  it("throws when a property is read before load() and sync()", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      range.load("address");
      expect(() => range.address).toThrow(/not available/);
      await context.sync();
      expect(range.address).toBe("Sheet1!A1:B2");
      expect(() => range.values).toThrow(/not available/);
    });
  });

  /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read,
     office-addins/call-sync-after-load */

  it("does nothing until sync, and drops what an Excel.run never synced", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
      expect(excel.values("Sheet1!A1")).toEqual([[""]]);
    });
    expect(excel.values("Sheet1!A1")).toEqual([[""]]);
    expect(excel.discarded).toBe(1);
  });

  it("enters text as Excel does unless the cell is formatted as text", async () => {
    const inputs = ["=1+1", "+44", "-x", "@x", "0012", "TRUE", "plain"];
    await write("A1:G1", [inputs]);
    expect(excel.formulas("Sheet1!A1:G1")[0]).toEqual([
      "=1+1",
      undefined,
      "=-x",
      "=@x",
      undefined,
      undefined,
      undefined,
    ]);
    // x is no defined name: the formulas calculate to #NAME?, as in Excel.
    expect(excel.values("Sheet1!A1:G1")[0]).toEqual([2, 44, "#NAME?", "#NAME?", 12, true, "plain"]);

    await write("A2:G2", [inputs], "@");
    expect(excel.values("Sheet1!A2:G2")[0]).toEqual(inputs);
    expect(excel.formulas("Sheet1!A2:G2")[0].every((f) => f === undefined)).toBe(true);
  });

  it("leaves cells written as null alone and empties cells written as ''", async () => {
    await write("A1:B1", [["a", "b"]]);
    await write("A1:B1", [[null, ""]]);
    expect(excel.values("Sheet1!A1:B1")).toEqual([["a", ""]]);
  });

  it("rejects arrays that do not match the range, at sync", async () => {
    await expect(write("A1:B2", [["a", "b"]])).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(write("A1", [[undefined]])).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("runs a batch up to an injected failure and no further, like Excel", async () => {
    excel.failSync({ afterOperations: 1 });
    await expect(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["first"]];
        sheet.getRange("A2").values = [["second"]];
        await context.sync();
      }),
    ).rejects.toThrow(/Injected/);
    expect(excel.values("Sheet1!A1:A2")).toEqual([["first"], [""]]);
  });

  it("refuses objects from an Excel.run that has ended", async () => {
    const range = await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
      return r;
    });
    expect(() => range.values).toThrow(/InvalidObjectPath|finished/);
  });

  it("reports a missing item at sync, or as a null object", async () => {
    /* eslint-disable office-addins/call-sync-before-read -- reading too early on purpose */
    await expect(
      Excel.run(async (context) => {
        context.workbook.tables.getItem("Nope").load("name");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await Excel.run(async (context) => {
      const t = context.workbook.tables.getItemOrNullObject("Nope");
      expect(() => t.isNullObject).toThrow();
      await context.sync();
      expect(t.isNullObject).toBe(true);
    });
    /* eslint-enable office-addins/call-sync-before-read */
  });

  it("keeps tables apart, names them as Excel allows and resizes them with their header in place", async () => {
    excel.enter("Sheet1!A1:B3", [
      ["Name", "Name"],
      ["a", 1],
      ["b", 2],
    ]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.tables.add("A1:B3", true).name = "People";
      await context.sync();
    });
    expect(excel.table("People")).toMatchObject({ headers: ["Name", "Name2"], rows: 2 });

    const attempt = (change: (context: Excel.RequestContext) => void) =>
      Excel.run(async (context) => {
        change(context);
        await context.sync();
      });
    const sheet = (context: Excel.RequestContext) => context.workbook.worksheets.getItem("Sheet1");
    await expect(attempt((c) => sheet(c).tables.add("B2:C4", true))).rejects.toMatchObject({
      code: "InvalidOperation",
    });
    await expect(attempt((c) => (c.workbook.tables.getItem("People").name = "A1"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(attempt((c) => c.workbook.tables.getItem("People").resize("A2:B5"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await attempt((c) => c.workbook.tables.getItem("People").resize(sheet(c).getRange("A1:C5")));
    expect(excel.table("People")).toMatchObject({
      address: "Sheet1!A1:C5",
      headers: ["Name", "Name2", "Column3"],
    });
  });

  it("checks custom XML the way Excel would refuse it", () => {
    expect(checkXml('<?xml version="1.0"?><a xmlns="urn:x">1 &amp; 2</a>')).toBe("urn:x");
    expect(() => checkXml('<a xmlns="urn:x">1 & 2</a>')).toThrow(/bare &/);
    expect(() => checkXml('<a xmlns="urn:x">1 < 2</a>')).toThrow();
    expect(() => checkXml('<a xmlns="urn:x"><b></a>')).toThrow();
  });

  it("converts formulas between A1 and R1C1, leaving structured references and strings alone", () => {
    expect(toR1C1("=D6*2+$A$1+[@Value]", 5, 10)).toBe("=RC[-7]*2+R1C1+[@Value]");
    expect(fromR1C1("=RC[-7]*2+R1C1+[@Value]", 9, 10)).toBe("=D10*2+$A$1+[@Value]");
    expect(toR1C1('="A1"&LOG10(B2)', 0, 0)).toBe('="A1"&LOG10(R[1]C[1])');
  });

  it("saves and reopens the workbook as data only", async () => {
    await write("A1", [["kept"]]);
    excel.saveAndReopen();
    expect(excel.values("Sheet1!A1")).toEqual([["kept"]]);
  });
});
