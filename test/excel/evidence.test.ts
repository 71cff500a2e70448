// The Evidence table: the council's own Best Value evidence, kept in the workbook and read through the
// fake Excel host, feeding BENCH.THEMEREPORT's Leadership rating as local evidence.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { NOT_RATED } from "../../src/core/bestValue.js";
import { EVIDENCE_COLUMNS, numberList, parseEvidence } from "../../src/excel/evidence.js";
import { useBenchmarks, useLocalEvidence } from "../../src/functions/data.js";
import { excel as call, installCustomFunctions } from "../functions/excel.js";
import { closeWorkbook, openWorkbook } from "./harness.js";
import { shippedBenchmarks } from "./shipped.js";

afterEach(closeWorkbook);
beforeAll(installCustomFunctions);
afterAll(() => {
  useBenchmarks();
  useLocalEvidence();
  vi.unstubAllGlobals();
});

const header = [...EVIDENCE_COLUMNS];

describe("parseEvidence", () => {
  it("reads measures and judgements by column name, and names the row of a bad theme or judgement", () => {
    const rows = parseEvidence(header, [
      ["Leadership", "Staff survey", 80, "70, 75, 80, 85, 90", "higher", "", "", ""],
      ["", "", "", "", "", "", "", ""],
      ["governance", "Audit committee", "", "", "", "Concern", "Two qualified opinions", "2026-11-01"],
    ]);
    expect(rows).toEqual([
      {
        theme: "leadership",
        name: "Staff survey",
        comparedWith: "70, 75, 80, 85, 90",
        value: 80,
        polarity: "higher",
      },
      {
        theme: "governance",
        name: "Audit committee",
        comparedWith: "",
        judgement: "concern",
        note: "Two qualified opinions",
        date: "2026-11-01",
      },
    ]);
    expect(() => parseEvidence(header, [["Finance", "x", 1, "", "", "", "", ""]])).toThrow(
      /row 1: unknown theme "Finance"/,
    );
    expect(() => parseEvidence(header, [["Culture", "x", "", "", "", "poor", "", ""]])).toThrow(
      /row 1: judgement must be/,
    );
    expect(numberList("1, 2;3 4")).toEqual([1, 2, 3, 4]);
    expect(numberList("Data!B2:B17")).toBeUndefined();
  });
});

describe("the Evidence table in the workbook", () => {
  it("adding two local metrics to Leadership gives Leadership a rating that lists them as local", async () => {
    const { excel, workbook } = openWorkbook();
    useBenchmarks(shippedBenchmarks());
    const before = (await call("THEMEREPORT", "West Suffolk", null, null)) as unknown[][];
    const leadership = () => before.find((r) => r[0] === "Leadership")!;
    expect(leadership()[2]).toBe(NOT_RATED);

    const sheet = await workbook.createEvidenceTable();
    expect(excel.table("Evidence")).toMatchObject({ sheet, headers: header });
    // The comparison values of the second measure are on another sheet, referenced by address.
    excel.enter(`'${sheet}'!K1:K5`, [[10], [12], [14], [16], [18]]);
    excel.enter(`'${sheet}'!A2:H3`, [
      ["Leadership", "Staff survey", 80, "70, 75, 80, 85, 90", "higher", "", "", ""],
      ["Leadership", "Agency spend", 12, `'${sheet}'!K1:K5`, "lower", "", "", ""],
    ]);
    excel.resizeTable("Evidence", `'${sheet}'!A1:H3`);
    const local = await workbook.localEvidence();
    expect(local.map((l) => [l.name, l.compareWith])).toEqual([
      ["Staff survey", [70, 75, 80, 85, 90]],
      ["Agency spend", [10, 12, 14, 16, 18]],
    ]);

    useLocalEvidence(local);
    const after = (await call("THEMEREPORT", "West Suffolk", null, null)) as unknown[][];
    const row = after.find((r) => r[0] === "Leadership")!;
    // Staff survey scores 0, agency spend +1 after polarity (see docs/best-value-ratings.md, example 6).
    expect(row.slice(1, 4)).toEqual([0.5, "Good", "2 of 2 mapped metrics scored (2 local)"]);
    expect(row[5]).toBe("Staff survey (local) (0.00); Agency spend (local) (1.00)");
    const evidence = (await call("THEMEEVIDENCE", "West Suffolk", "Leadership", null, null)) as unknown[][];
    expect(evidence.slice(1).map((r) => r[2])).toEqual([
      "Local (from the Evidence table)",
      "Local (from the Evidence table)",
    ]);
  });
});
