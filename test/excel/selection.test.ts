// Inserting at the selection when several areas are selected (Ctrl+click): Office.js's getSelectedRange
// throws then; the add-in says what to do and changes nothing.
import { afterEach, describe, expect, it } from "vitest";
import { emptyWorkbook } from "../fakes/workbook.js";
import { closeWorkbook, openWorkbook, sheetsAndTables } from "./harness.js";

afterEach(closeWorkbook);

function twoAreas() {
  const state = emptyWorkbook();
  state.sheets[0].selection = { row: 2, col: 1, rows: 1, cols: 1 };
  state.sheets[0].moreAreas = [{ row: 10, col: 5, rows: 2, cols: 2 }];
  return state;
}

describe("insert at the selection", () => {
  it("with several areas selected, says to select one cell and leaves the workbook as it was", async () => {
    const h = openWorkbook(undefined, twoAreas());
    const before = sheetsAndTables(h.excel);
    await expect(h.workbook.insertTable({ metric: "ASC1", period: "latest" }, "selection")).rejects.toThrow(
      /^Several areas are selected: select the one cell where the table should start/,
    );
    expect(sheetsAndTables(h.excel)).toEqual(before);
  });

  it("over merged cells, says so and leaves the workbook as it was", async () => {
    const state = emptyWorkbook();
    state.sheets[0].selection = { row: 2, col: 1, rows: 1, cols: 1 };
    state.sheets[0].merged = [{ row: 40, col: 3, rows: 1, cols: 3 }];
    const h = openWorkbook(undefined, state);
    const before = sheetsAndTables(h.excel);
    await expect(h.workbook.insertTable({ metric: "ASC1", period: "latest" }, "selection")).rejects.toThrow(
      /^Some of the cells from the selected cell are merged/,
    );
    expect(sheetsAndTables(h.excel)).toEqual(before);
  });

  it("with another table in the way, asks for empty cells and leaves the workbook as it was", async () => {
    const h = openWorkbook();
    await h.workbook.insertTable({ metric: "ASC1", period: "latest" }, "selection");
    const before = sheetsAndTables(h.excel);
    await expect(h.workbook.insertTable({ metric: "ASC2", period: "latest" }, "selection")).rejects.toThrow(
      /of empty cells from the selected cell; choose an empty area or a new sheet$/,
    );
    expect(sheetsAndTables(h.excel)).toEqual(before);
  });

  it("the fake refuses a table over merged cells, as Excel does", async () => {
    const state = emptyWorkbook();
    state.sheets[0].merged = [{ row: 1, col: 0, rows: 1, cols: 2 }];
    openWorkbook(undefined, state);
    const attempt = Excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().tables.add("A1:B3", true);
      await context.sync();
    });
    await expect(attempt).rejects.toThrow(/merged cells/);
  });

  it("the fake's getSelectedRange throws with several areas, as Office.js documents", async () => {
    openWorkbook(undefined, twoAreas());
    const attempt = Excel.run(async (context) => {
      context.workbook.getSelectedRange().load("address");
      await context.sync();
    });
    await expect(attempt).rejects.toThrow(/selection is invalid/);
  });
});
