// Comparator groups the user keeps in the workbook's ComparatorGroups table, on the fake Excel host.
import { median } from "simple-statistics";
import { afterEach, describe, expect, it } from "vitest";
import { TABLE_COLUMN_NAMES } from "../../src/core/table.js";
import { parseCustomGroups, readCustomGroups } from "../../src/excel/customGroups.js";
import { closeWorkbook, openWorkbook, typeGroupRows } from "./harness.js";
import { wasteAsCompared } from "./shipped.js";

const RECYCLING = "household-waste-recycling-rate";
const SHEET = "Comparator groups";
const col = (name: (typeof TABLE_COLUMN_NAMES)[number]) => TABLE_COLUMN_NAMES.indexOf(name);

afterEach(closeWorkbook);

/** The body rows of a table, read through the fake host. */
function bodyOf(excel: ReturnType<typeof openWorkbook>["excel"], table: string) {
  const t = excel.table(table)!;
  const [, c1, r1, c2, r2] = /!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t.address)!;
  return excel.values(`${t.sheet}!${c1}${Number(r1) + 1}:${c2}${r2}`);
}

/** The median of the published 2023-24 rates of these councils, from the publisher's CSV. */
function publishedMedian(codes: string[]): number {
  const published = wasteAsCompared(`waste/${RECYCLING}.csv`, "2023-24");
  return median(codes.map((c) => published.get(c)!));
}

describe("the ComparatorGroups table", () => {
  it("is added on its own sheet, with text columns formatted as text before anything is written", async () => {
    const { excel, workbook } = openWorkbook();
    expect(await workbook.customGroups()).toBeUndefined();

    expect(await workbook.createCustomGroupsTable()).toBe(SHEET);
    expect(excel.table("ComparatorGroups")).toMatchObject({ sheet: SHEET, headers: ["Group", "Council"] });
    expect(excel.activeSheet()).toBe(SHEET);
    const formatAt = excel.applied.indexOf("Range.numberFormat=");
    expect(formatAt).toBeGreaterThanOrEqual(0);
    expect(formatAt).toBeLessThan(excel.applied.indexOf("Range.values="));
    expect(await workbook.customGroups()).toEqual([]);

    // Typed below the table, a code-like "0012" stays text rather than becoming the number 12.
    excel.enter(`'${SHEET}'!A5:B5`, [["Mine", "0012"]]);
    expect(excel.values(`'${SHEET}'!A5:B5`)).toEqual([["Mine", "0012"]]);

    await expect(workbook.createCustomGroupsTable()).rejects.toThrow(/already has a ComparatorGroups table/);
  });

  it("puts the table on another sheet when one is already called Comparator groups", async () => {
    const { excel, workbook } = openWorkbook();
    excel.addSheet(SHEET);
    expect(await workbook.createCustomGroupsTable()).toBe(`${SHEET} (2)`);
  });

  it("reads messy rows: trimmed, blanks skipped, names matched ignoring case", async () => {
    const { excel, workbook } = openWorkbook();
    await workbook.createCustomGroupsTable();
    typeGroupRows(excel, [
      ["  Suffolk ", " Ipswich  "],
      ["", ""],
      ["SUFFOLK", "E07000244"],
      ["", "Norwich"], // no group: not counted anywhere
      ["suffolk", "ipswich"], // the same member again
      ["Norfolk", ""], // a group with no members yet
      ["Norfolk", "Norwich"],
      ["   ", "   "],
    ]);
    expect(await workbook.customGroups()).toEqual([
      { name: "Suffolk", members: ["Ipswich", "E07000244"] },
      { name: "Norfolk", members: ["Norwich"] },
    ]);
    expect(await readCustomGroups()).toEqual(await workbook.customGroups());
  });

  it("finds its columns by name, in any order, and says which are missing", () => {
    const header = ["Notes", "council", " GROUP "];
    expect(
      parseCustomGroups(header, [
        ["x", "Ipswich", "A"],
        [null, 12, "A"],
      ]),
    ).toEqual([{ name: "A", members: ["Ipswich", "12"] }]);
    expect(() => parseCustomGroups(["Group", "Members"], [])).toThrow(
      'The ComparatorGroups table needs a "Group" column and a "Council" column',
    );
  });

  it("has no groups when the workbook has no table", async () => {
    openWorkbook();
    expect(await readCustomGroups()).toEqual([]);
  });
});

describe("tables compared within a custom group", () => {
  it("scores within the group's members, and a refresh uses the group as edited since", async () => {
    const { excel, workbook } = openWorkbook();
    await workbook.createCustomGroupsTable();
    typeGroupRows(excel, [
      ["East of England", "Ipswich"],
      ["East of England", "E07000244"],
      ["East of England", "mid suffolk"],
      ["East of England", "Norwich"],
    ]);
    const spec = {
      metric: RECYCLING,
      period: "2023-24",
      group: { council: "E07000245", kind: "east of england" },
    };
    const inserted = await workbook.insertTable(spec);

    // West Suffolk's own group: the four listed and West Suffolk itself.
    const members = ["E07000202", "E07000244", "E07000203", "E07000148", "E07000245"];
    const check = (codes: string[]) => {
      const rows = bodyOf(excel, inserted.table);
      const inGroup = rows.filter((r) => r[col("Median")] !== "");
      expect(inGroup.map((r) => r[col("Council code")]).sort()).toEqual([...codes].sort());
      for (const r of inGroup) expect(r[col("Median")]).toBeCloseTo(publishedMedian(codes), 10);
      // A district outside the group keeps its value, unscored.
      const broadland = rows.find((r) => r[col("Council code")] === "E07000144")!;
      expect([broadland[col("Value")], broadland[col("Note")]]).toEqual([
        53.5,
        "not in the comparator group",
      ]);
    };
    check(members);
    expect(excel.values(`'${RECYCLING}'!A1:A1`)[0][0]).toMatch(/compared within East of England$/);

    typeGroupRows(excel, [
      ["East of England", "Ipswich"],
      ["East of England", "E07000244"],
      ["East of England", "mid suffolk"],
      ["East of England", "Norwich"],
      ["East of England", "Colchester"],
    ]);
    const report = await workbook.refreshTable(inserted.table);
    expect(report.failed).toEqual([]);
    check([...members, "E07000071"]);
  });

  it("names a member that is not a council, and inserts nothing", async () => {
    const { excel, workbook } = openWorkbook();
    await workbook.createCustomGroupsTable();
    typeGroupRows(excel, [
      ["Mine", "Ipswich"],
      ["Mine", "Atlantis"],
    ]);
    const group = { council: "West Suffolk", kind: "Mine" };
    await expect(workbook.insertTable({ metric: RECYCLING, period: "latest", group })).rejects.toThrow(
      /Custom group "Mine": No council called "Atlantis"/,
    );
    expect(excel.tableNames()).toEqual(["ComparatorGroups"]);
  });
});
