// Metric tables showing only the comparison group, best first, with my council's row highlighted.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TABLE_COLUMN_NAMES } from "../../src/core/table.js";
import { BAND_STYLES, FOCUS_STYLE } from "../../src/excel/highlights.js";
import { parseAddress } from "../fakes/a1.js";
import type { FakeExcelHost } from "../fakes/fakeExcel.js";
import {
  closeWorkbook,
  openWorkbook,
  PUBLISHER,
  sheetsAndTables,
  startPublisher,
  tidyCsv,
  type Harness,
  type Publisher,
} from "./harness.js";
import { shippedBenchmarks } from "./shipped.js";

const RECYCLING = "household-waste-recycling-rate";
const WEST_SUFFOLK = "E07000245";
const col = (name: (typeof TABLE_COLUMN_NAMES)[number]) => TABLE_COLUMN_NAMES.indexOf(name);

let publisher: Publisher;
let h: Harness;
beforeAll(async () => {
  publisher = await startPublisher();
});
afterAll(() => publisher.close());
afterEach(closeWorkbook);

function body(excel: FakeExcelHost, table: string) {
  const t = excel.table(table)!;
  const { rect } = parseAddress(t.address)!;
  const letter = (c: number) => String.fromCharCode(65 + c);
  const sheet = `'${t.sheet}'`;
  const address = `${sheet}!${letter(rect.col)}${rect.row + 2}:${letter(rect.col + 9)}${rect.row + 1 + t.rows}`;
  return { ...t, rect, values: excel.values(address), styles: excel.conditionalStyles(address) };
}

/** Which rows show the focus fill (in a column other than Band). */
const highlightedCodes = (t: ReturnType<typeof body>) =>
  t.values.filter((_, i) => t.styles[i][col("Council")]?.fill === FOCUS_STYLE.fill).map((r) => r[0]);

describe("metric tables for my council", () => {
  it("shows only the nearest neighbours, best score first, with West Suffolk's row highlighted", async () => {
    h = openWorkbook();
    const inserted = await h.workbook.insertTable({
      metric: RECYCLING,
      period: "latest",
      group: { council: "West Suffolk", kind: "nearest" },
      groupOnly: true,
      sort: "score",
      focus: "West Suffolk",
    });
    const t = body(h.excel, inserted.table);

    const members = new Set(shippedBenchmarks().group("West Suffolk", "nearest").members);
    expect(t.values.length).toBeGreaterThan(10);
    expect(t.values.every((r) => members.has(r[col("Council code")] as string))).toBe(true);
    const scores = t.values.map((r) => r[col("MAD score")]);
    const scored = scores.filter((s): s is number => typeof s === "number");
    expect(scored).toEqual([...scored].sort((a, b) => b - a)); // higher is better for recycling
    expect(scores.slice(0, scored.length)).toEqual(scored); // any rows without a score come last
    expect(h.excel.values(`'${t.sheet}'!A1`)[0][0]).toMatch(
      /nearest neighbours.*\(its councils only\), best first$/,
    );

    // The focus rule covers the table's columns and tests the Council code column, so it follows the rows.
    const rules = h.excel.conditionalFormats(t.sheet);
    const focus = rules.filter((r) => r.format.bold);
    expect(focus).toEqual([
      {
        type: "Custom",
        address: `'${t.sheet}'!A6:J${5 + t.rows}`,
        formula: `=$A6="${WEST_SUFFOLK}"`,
        format: { fill: FOCUS_STYLE.fill, bold: true },
        stopIfTrue: false,
      },
    ]);
    expect(rules.indexOf(focus[0])).toBe(rules.length - 1); // beneath the band colours
    expect(highlightedCodes(t)).toEqual([WEST_SUFFOLK]);
    const mine = t.values.findIndex((r) => r[0] === WEST_SUFFOLK);
    const band = t.values[mine][col("Band")] as keyof typeof BAND_STYLES;
    expect(t.styles[mine][col("Band")]).toEqual({
      fill: BAND_STYLES[band].fill,
      fontColor: BAND_STYLES[band].font,
      bold: true,
    });
    expect(t.styles[mine].every((s) => s?.bold === true)).toBe(true);
  });

  it("keeps the highlight on my council when a refresh moves its row", async () => {
    const metric = "missed-bin-collections";
    const rows = (westSuffolk: number): [string, string, number][] => [
      [WEST_SUFFOLK, "West Suffolk", westSuffolk],
      ["E07000244", "East Suffolk", 20],
      ["E07000203", "Mid Suffolk", 30],
      ["E07000200", "Babergh", 40],
      ["E07000202", "Ipswich", 50],
    ];
    publisher.publish("bins.csv", tidyCsv(metric, "2024-25", rows(10)));
    h = openWorkbook(publisher);
    await h.workbook.addSource({ url: `${PUBLISHER}/data/bins.csv`, format: "tidy" });
    const { table } = await h.workbook.insertTable({
      metric,
      period: "latest",
      sort: "score",
      focus: WEST_SUFFOLK,
    });
    let t = body(h.excel, table);
    expect(t.values.map((r) => r[col("Council")])).toEqual([
      "Ipswich",
      "Babergh",
      "Mid Suffolk",
      "East Suffolk",
      "West Suffolk",
    ]); // no polarity: highest first
    expect(highlightedCodes(t)).toEqual([WEST_SUFFOLK]);

    publisher.publish("bins.csv", tidyCsv(metric, "2024-25", rows(99)));
    const report = await h.workbook.refreshAll();
    expect(report.failed).toEqual([]);
    t = body(h.excel, table);
    expect(t.values[0][col("Council")]).toBe("West Suffolk");
    expect(highlightedCodes(t)).toEqual([WEST_SUFFOLK]);
    expect(h.excel.conditionalFormats(t.sheet).filter((r) => r.format.bold)).toHaveLength(1);
  });

  it("grows and shrinks the colours with the table, leaving the user's own formats alone", async () => {
    const metric = "missed-bin-collections";
    const codes = ["E07000245", "E07000244", "E07000203", "E07000200", "E07000202", "E07000008"];
    const data = (n: number) =>
      codes.slice(0, n).map((c, i): [string, string, number] => [c, `Council ${i}`, i * 10]);
    publisher.publish("bins2.csv", tidyCsv(metric, "2024-25", data(4)));
    h = openWorkbook(publisher);
    await h.workbook.addSource({ url: `${PUBLISHER}/data/bins2.csv`, format: "tidy" });
    const { table, sheet } = await h.workbook.insertTable({ metric, period: "latest", focus: WEST_SUFFOLK });
    await Excel.run(async (context) => {
      const rule = context.workbook.worksheets
        .getItem(sheet)
        .getRange("D6:D20")
        .conditionalFormats.add("CellValue");
      rule.cellValue.rule = { formula1: "=25", operator: "GreaterThan" };
      rule.cellValue.format.font.color = "#B2182B";
      await context.sync();
    });

    publisher.publish("bins2.csv", tidyCsv(metric, "2024-25", data(6)));
    await h.workbook.refreshAll();
    const ours = () => h.excel.conditionalFormats(sheet).filter((r) => r.type === "Custom");
    /** The last row (1-based) each of our formats reaches. */
    const lastRows = () => new Set(ours().map((r) => Number(/(\d+)$/.exec(r.address)![1])));
    const header = parseAddress(h.excel.table(table)!.address)!.rect.row + 1;
    expect(h.excel.table(table)!.rows).toBe(6);
    expect(lastRows()).toEqual(new Set([header + 6]));
    expect(ours()).toHaveLength(14); // 13 band words and the focus row

    // 3 of 6: fewer than half would be refused as a cut-off file (test/excel/refreshFaults.test.ts).
    publisher.publish("bins2.csv", tidyCsv(metric, "2024-25", data(3)));
    const before = sheetsAndTables(h.excel);
    await h.workbook.refreshAll();
    expect(before).not.toEqual(sheetsAndTables(h.excel));
    expect(lastRows()).toEqual(new Set([header + 3]));
    expect(ours()).toHaveLength(14);
    expect(h.excel.conditionalFormats(sheet).filter((r) => r.type === "CellValue")).toEqual([
      expect.objectContaining({ address: `'${sheet}'!D6:D20` }),
    ]);
  });

  it("refuses groupOnly without a group, and an unknown focus council, changing nothing", async () => {
    h = openWorkbook();
    const before = h.excel.snapshot();
    await expect(
      h.workbook.insertTable({ metric: RECYCLING, period: "latest", groupOnly: true }),
    ).rejects.toThrow(/needs a comparator group/);
    await expect(
      h.workbook.insertTable({ metric: RECYCLING, period: "latest", focus: "Atlantis" }),
    ).rejects.toThrow(/Atlantis/);
    expect(h.excel.snapshot()).toEqual(before);
  });
});
