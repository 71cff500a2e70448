// The fake's conditional formats are as strict as Excel where the add-in depends on them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installFakeOffice, uninstallFakeOffice, type FakeExcelHost } from "../fakes/fakeExcel.js";

let excel: FakeExcelHost;
beforeEach(() => {
  excel = installFakeOffice(globalThis);
  excel.enter("Sheet1!A1:B4", [
    ["E1", "better"],
    ["E2", "much better"],
    ["E3", "worse"],
    ["E4", ""],
  ]);
});
afterEach(() => uninstallFakeOffice(globalThis));

const run = (change: (sheet: Excel.Worksheet, context: Excel.RequestContext) => void | Promise<void>) =>
  Excel.run(async (context) => {
    await change(context.workbook.worksheets.getItem("Sheet1"), context);
    await context.sync();
  });

const addCustom = (range: string, formula: string, fill = "#67A9CF") =>
  run((sheet) => {
    const format = sheet.getRange(range).conditionalFormats.add("Custom");
    format.custom.rule.formula = formula;
    format.custom.format.fill.color = fill;
  });

describe("fake conditional formats", () => {
  it("applies a custom formula to each cell relative to the range's top-left cell, exactly", async () => {
    await addCustom("B1:B4", '=B1="better"');
    expect(excel.conditionalFormats("Sheet1")).toEqual([
      {
        type: "Custom",
        address: "Sheet1!B1:B4",
        formula: '=B1="better"',
        format: { fill: "#67A9CF" },
        stopIfTrue: false,
      },
    ]);
    // "much better" contains "better" but is not equal to it.
    expect(excel.conditionalStyles("Sheet1!B1:B4").map((r) => r[0])).toEqual([
      { fill: "#67A9CF" },
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("puts each new format at the top priority; a property comes from the highest format that sets it", async () => {
    await run((sheet) => {
      const row = sheet.getRange("A1:B4").conditionalFormats.add("Custom");
      row.custom.rule.formula = '=$A1="E2"';
      row.custom.format.fill.color = "#FFF2CC";
      row.custom.format.font.bold = true;
      const band = sheet.getRange("B1:B4").conditionalFormats.add("Custom");
      band.custom.rule.formula = '=B1="much better"';
      band.custom.format.fill.color = "#2166AC";
      band.custom.format.font.color = "#FFFFFF";
    });
    expect(excel.conditionalFormats("Sheet1").map((f) => f.formula)).toEqual([
      '=B1="much better"',
      '=$A1="E2"',
    ]);
    expect(excel.conditionalStyles("Sheet1!A2:B2")).toEqual([
      [
        { fill: "#FFF2CC", bold: true },
        { fill: "#2166AC", fontColor: "#FFFFFF", bold: true },
      ],
    ]);
  });

  it("refuses types it does not model, rules of another type and bad formulas or colours, at sync", async () => {
    await expect(run((s) => void s.getRange("B1").conditionalFormats.add("DataBar"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(
      run((s) => void s.getRange("B1").conditionalFormats.add("Sparkles" as "Custom")),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      run((s) => {
        s.getRange("B1").conditionalFormats.add("Custom").cellValue.rule = {
          formula1: "=1",
          operator: "EqualTo",
        };
      }),
    ).rejects.toThrow(/is Custom, so it has no cell value rule/);
    await expect(addCustom("B1", 'B1="x"')).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(addCustom("B1", '=B1="x"', "blue-ish")).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  /* eslint-disable office-addins/load-object-before-read */
  it("reads formats only after load and sync, as the ranges they overlap", async () => {
    await addCustom("B1:B4", '=B1="better"');
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const formats = sheet.getRange("B3:C9").conditionalFormats.load("items/type");
      const none = sheet.getRange("D1").conditionalFormats.getCount();
      expect(() => formats.items).toThrow(/not available/);
      await context.sync();
      expect(none.value).toBe(0);
      expect(formats.items.map((f) => f.type)).toEqual(["Custom"]);
      const rule = formats.items[0].custom.rule;
      expect(() => rule.formula).toThrow(/not available/);
      rule.load("formula");
      await context.sync();
      expect(rule.formula).toBe('=B1="better"');
      formats.items[0].delete();
      await context.sync();
    });
    expect(excel.conditionalFormats("Sheet1")).toEqual([]);
  });
  /* eslint-enable office-addins/load-object-before-read */

  it("clearAll takes the range out of each format, keeping its formula on the same cells", async () => {
    await addCustom("B1:B4", '=B1="worse"');
    await run((sheet) => sheet.getRange("B1:B2").conditionalFormats.clearAll());
    expect(excel.conditionalFormats("Sheet1")).toMatchObject([
      { address: "Sheet1!B3:B4", formula: '=B3="worse"' },
    ]);
    expect(excel.conditionalStyles("Sheet1!B3")).toEqual([[{ fill: "#67A9CF" }]]);
    await run((sheet) => sheet.getRange("A1:C9").conditionalFormats.clearAll());
    expect(excel.conditionalFormats("Sheet1")).toEqual([]);
  });

  it("clearing formats takes conditional formats off; clearing contents keeps them", async () => {
    await addCustom("B1:B4", '=B1="worse"');
    await run((sheet) => sheet.getRange("B1:B4").clear("Contents"));
    expect(excel.conditionalFormats("Sheet1")).toHaveLength(1);
    await run((sheet) => sheet.getRange("B1:B4").clear("Formats"));
    expect(excel.conditionalFormats("Sheet1")).toEqual([]);
  });

  it("models cell value and text rules, and keeps formats when the file is saved and reopened", async () => {
    await run((sheet) => {
      const equal = sheet.getRange("B1:B4").conditionalFormats.add("CellValue");
      equal.cellValue.rule = { formula1: '="worse"', operator: "EqualTo" };
      equal.cellValue.format.fill.color = "#EF8A62";
      const text = sheet.getRange("B1:B4").conditionalFormats.add("ContainsText");
      text.textComparison.rule = { operator: "Contains", text: "BETTER" };
      text.textComparison.format.font.color = "#2166AC";
    });
    excel.saveAndReopen();
    expect(excel.conditionalStyles("Sheet1!B1:B4").map((r) => r[0])).toEqual([
      { fontColor: "#2166AC" },
      { fontColor: "#2166AC" },
      { fill: "#EF8A62" },
      undefined,
    ]);
  });
});
