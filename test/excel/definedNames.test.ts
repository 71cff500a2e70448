// A workbook whose defined names (Name Manager) include the name a new table would take: Excel refuses a
// table name that is a defined name, so the add-in picks the next free one.
import { afterEach, describe, expect, it } from "vitest";
import { emptyWorkbook } from "../fakes/workbook.js";
import { closeWorkbook, openWorkbook } from "./harness.js";

afterEach(closeWorkbook);

describe("inserting beside defined names", () => {
  it("does not take a table name that is already a defined name", async () => {
    const state = emptyWorkbook();
    state.names = [{ name: "bench_household_waste_recycling_rate", formula: "=Sheet1!$A$1" }];
    const h = openWorkbook(undefined, state);
    const { table } = await h.workbook.insertTable({
      metric: "household-waste-recycling-rate",
      period: "2023-24",
    });
    expect(table).toBe("Bench_household_waste_recycling_rate_2");
    expect(h.excel.table(table)).toBeDefined();
  });

  it("the fake refuses the clash as Excel does", async () => {
    const state = emptyWorkbook();
    state.names = [{ name: "Results", formula: "=Sheet1!$A$1" }];
    openWorkbook(undefined, state);
    const attempt = Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:B2").values = [
        ["a", "b"],
        [1, 2],
      ];
      sheet.tables.add("A1:B2", true).name = "results";
      await context.sync();
    });
    await expect(attempt).rejects.toThrow(/already a defined name/);
  });
});
