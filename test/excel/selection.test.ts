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

  it("the fake's getSelectedRange throws with several areas, as Office.js documents", async () => {
    openWorkbook(undefined, twoAreas());
    const attempt = Excel.run(async (context) => {
      context.workbook.getSelectedRange().load("address");
      await context.sync();
    });
    await expect(attempt).rejects.toThrow(/selection is invalid/);
  });
});
