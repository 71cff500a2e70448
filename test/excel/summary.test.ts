// The Best Value summary sheet on the fake Excel host: the same rows as themeSummaryTable (and so as
// THEMEREPORT and `cli themes`), the method on top, refreshed with the Evidence table as it is then.
import { afterEach, describe, expect, it } from "vitest";
import { NOT_RATED } from "../../src/core/bestValue.js";
import { METHOD_SUMMARY, SUMMARY_COLUMNS, themeSummaryTable } from "../../src/core/themeSummary.js";
import { parseAddress } from "../fakes/a1.js";
import type { FakeExcelHost } from "../fakes/fakeExcel.js";
import { closeWorkbook, openWorkbook } from "./harness.js";
import { shippedBenchmarks } from "./shipped.js";

afterEach(closeWorkbook);

function bodyValues(excel: FakeExcelHost, table: string) {
  const t = excel.table(table)!;
  const { rect } = parseAddress(t.address)!;
  const cell = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;
  return excel.values(
    `'${t.sheet}'!${cell(rect.row + 1, rect.col)}:${cell(rect.row + t.rows, rect.col + rect.cols - 1)}`,
  );
}

const ratingOf = (rows: unknown[][], theme: string) =>
  rows.find((r) => r[0] === theme && r[1] === "Theme rating")!;

describe("insertSummary", () => {
  it.each(["West Suffolk", "Suffolk"])(
    "writes %s's summary: the core's rows, the method and caveats on top",
    async (council) => {
      const h = openWorkbook();
      const inserted = await h.workbook.insertSummary({ council, compare: "Ipswich" });
      const expected = themeSummaryTable(shippedBenchmarks(), council, { compare: "Ipswich", local: [] });
      const t = h.excel.table(inserted.table)!;
      expect(t.headers).toEqual([...SUMMARY_COLUMNS.map((c) => c.name), "Ipswich score", "Ipswich rating"]);
      expect(bodyValues(h.excel, inserted.table)).toEqual(expected.rows.map((r) => r.map((v) => v ?? "")));
      const top = h.excel
        .values(`'${t.sheet}'!A1:A4`)
        .map((r) => String(r[0]))
        .join(" ");
      expect(top).toContain(expected.title);
      expect(top).toContain(METHOD_SUMMARY[0].slice(0, 60));
    },
  );

  it("a refresh reads the Evidence table again: two local Leadership metrics rate it, marked local", async () => {
    const h = openWorkbook();
    const { table } = await h.workbook.insertSummary({ council: "West Suffolk" });
    expect(ratingOf(bodyValues(h.excel, table), "Leadership")[5]).toBe(NOT_RATED);

    const sheet = await h.workbook.createEvidenceTable();
    h.excel.enter(`'${sheet}'!A2:H3`, [
      ["Leadership", "Staff survey", 80, "70, 75, 80, 85, 90", "higher", "", "", ""],
      ["Leadership", "Agency spend", 12, "10, 12, 14, 16, 18", "lower", "", "", ""],
    ]);
    h.excel.resizeTable("Evidence", `'${sheet}'!A1:H3`);
    const report = await h.workbook.refreshAll();
    expect(report.failed).toEqual([]);
    const rows = bodyValues(h.excel, table);
    expect(ratingOf(rows, "Leadership").slice(4, 7)).toEqual([
      0.5,
      "Good",
      "2 of 2 mapped metrics scored (2 local)",
    ]);
    const evidence = rows.filter((r) => r[0] === "Leadership" && r[1] !== "Theme rating");
    expect(evidence.map((r) => [r[1], r[2]])).toEqual([
      ["Staff survey", "Local (from the Evidence table)"],
      ["Agency spend", "Local (from the Evidence table)"],
    ]);
  });
});
