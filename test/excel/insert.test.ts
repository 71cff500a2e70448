// Inserting benchmark tables into a workbook on the fake Excel host.
import { afterEach, describe, expect, it } from "vitest";
import { BANDS } from "../../src/core/band.js";
import { BAND_STYLES } from "../../src/core/bandStyles.js";
import { TABLE_COLUMN_NAMES } from "../../src/core/table.js";
import { cellStyle } from "../fakes/cellStyles.js";
import { closeWorkbook, openWorkbook, sheetsAndTables } from "./harness.js";
import { wasteAsCompared } from "./shipped.js";

const RECYCLING = "household-waste-recycling-rate";
const col = (name: (typeof TABLE_COLUMN_NAMES)[number]) => TABLE_COLUMN_NAMES.indexOf(name);

afterEach(closeWorkbook);

/** The table's body rows as the fake workbook holds them. */
function body(excel: ReturnType<typeof openWorkbook>["excel"], table: string) {
  const t = excel.table(table)!;
  const start = /!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t.address)!;
  const address = `${t.sheet}!${start[1]}${Number(start[2]) + 1}:${start[3]}${start[4]}`;
  return {
    values: excel.values(address),
    formats: excel.numberFormats(address),
    formulas: excel.formulas(address),
  };
}

describe("insertTable", () => {
  it("writes a real Excel table on a new sheet with the published values", async () => {
    const { excel, workbook } = openWorkbook();
    const inserted = await workbook.insertTable({ metric: RECYCLING, period: "latest" });

    expect(inserted).toMatchObject({ sheet: RECYCLING, table: "Bench_household_waste_recycling_rate" });
    const t = excel.table(inserted.table)!;
    expect(t.headers).toEqual([...TABLE_COLUMN_NAMES]);
    expect(t.address).toBe(`'${RECYCLING}'!A5:J${5 + inserted.rows}`);
    expect(excel.activeSheet()).toBe(RECYCLING);

    const published = wasteAsCompared(`waste/${RECYCLING}.csv`, "2023-24");
    const { values } = body(excel, inserted.table);
    expect(values).toHaveLength(published.size);
    for (const row of values) {
      const value = published.get(row[col("Council code")] as string);
      expect(row[col("Value")]).toBe(value === null ? "" : value);
      expect(row[col("Period")]).toBe("2023-24");
    }
    const westSuffolk = values.find((r) => r[col("Council code")] === "E07000245")!;
    expect(westSuffolk.slice(0, 4)).toEqual(["E07000245", "West Suffolk", "2023-24", 37.1]);
    expect(typeof westSuffolk[col("MAD score")]).toBe("number");
    expect(westSuffolk[col("Outlier")]).toBe(false);
  });

  it("formats each column: text as text, values in the metric's format, scores to two places", async () => {
    const { excel, workbook } = openWorkbook();
    const { table } = await workbook.insertTable({ metric: RECYCLING, period: "latest" });
    const { formats, formulas } = body(excel, table);
    for (const line of formats) {
      expect(line).toEqual(["@", "@", "@", "0.0", "0.0", "#,##0.0##", "0.00", "@", "General", "@"]);
    }
    expect(formulas.flat().every((f) => f === undefined)).toBe(true);
  });

  it("puts the title, source and caveats above the table, as text", async () => {
    const { excel, workbook } = openWorkbook();
    await workbook.insertTable({ metric: RECYCLING, period: "all" });
    const lines = excel.values(`'${RECYCLING}'!A1:A4`).map((r) => r[0]);
    expect(lines[0]).toMatch(/household waste.*: all periods$/i);
    expect(lines[1]).toMatch(/^Source: Department for Environment, Food & Rural Affairs/);
    expect(lines[2]).toMatch(/provisional/);
    expect(excel.numberFormats(`'${RECYCLING}'!A1:A3`).flat()).toEqual(["@", "@", "@"]);
  });

  it("keys the band colours in the row above the header, each band in the colour its cells take", async () => {
    const { excel, workbook } = openWorkbook();
    await workbook.insertTable({ metric: RECYCLING, period: "latest" });
    const key = excel.values(`'${RECYCLING}'!A4:H4`)[0];
    expect(key).toEqual(["Band colours:", ...BANDS.judged]);
    const sheet = excel.state.sheets.find((s) => s.name === RECYCLING)!;
    BANDS.judged.forEach((band, i) =>
      expect(cellStyle(sheet, 3, 1 + i)).toEqual({
        fill: BAND_STYLES[band].fill,
        font: BAND_STYLES[band].font,
      }),
    );
    // The Band column's conditional formats give a cell of each band the same colour as its key.
    const bands = excel.values(`'${RECYCLING}'!H6:H400`).map((r) => r[0]);
    const styles = excel.conditionalStyles(`'${RECYCLING}'!H6:H400`).map((r) => r[0]);
    const seen = bands.findIndex((b) => b === "much-worse");
    expect(styles[seen]?.fill).toBe(BAND_STYLES["much-worse"].fill);
  });

  it("keys a metric with no better direction in neutral words and colours, none of them red or blue", async () => {
    const { excel, workbook } = openWorkbook();
    const { sheet } = await workbook.insertTable({ metric: "ASC6", period: "latest" });
    const key = excel.values(`'${sheet}'!A4:H4`)[0];
    expect(key).toEqual(["Band colours:", ...BANDS.neutral]);
    expect(key.join(" ")).not.toMatch(/better|worse/);
    const state = excel.state.sheets.find((s) => s.name === sheet)!;
    const judged = new Set(BANDS.judged.filter((b) => b !== "similar").map((b) => BAND_STYLES[b].fill));
    BANDS.neutral.forEach((_, i) => expect(judged.has(cellStyle(state, 3, 1 + i)!.fill!)).toBe(false));
    const bands = excel.values(`'${sheet}'!H6:H400`).map((r) => r[0]);
    const styles = excel.conditionalStyles(`'${sheet}'!H6:H400`).map((r) => r[0]);
    const higher = bands.findIndex((b) => b === "higher");
    expect(higher).toBeGreaterThanOrEqual(0);
    expect(styles[higher]?.fill).toBe(cellStyle(state, 3, 1 + BANDS.neutral.indexOf("higher"))!.fill);
  });

  it("gives each table and sheet its own name", async () => {
    const { excel, workbook } = openWorkbook();
    const a = await workbook.insertTable({ metric: RECYCLING, period: "latest" });
    const b = await workbook.insertTable({ metric: RECYCLING, period: "2019-20" });
    expect([a.table, b.table]).toEqual([
      "Bench_household_waste_recycling_rate",
      "Bench_household_waste_recycling_rate_2",
    ]);
    expect(excel.sheetNames()).toEqual(["Sheet1", RECYCLING, `${RECYCLING.slice(0, 27)} (2)`]);
  });

  it("inserts at the selected cell when asked, and refuses when the cells there are not empty", async () => {
    const { excel, workbook } = openWorkbook();
    excel.select("Sheet1!C3");
    const { table, sheet } = await workbook.insertTable({ metric: "ASC1", period: "latest" }, "selection");
    expect(sheet).toBe("Sheet1");
    expect(excel.table(table)!.address).toMatch(/^Sheet1!C7:L\d+$/);

    excel.enter("Sheet1!Q40", [["my note"]]);
    excel.select("Sheet1!Q2");
    const before = sheetsAndTables(excel);
    await expect(workbook.insertTable({ metric: "ASC1", period: "latest" }, "selection")).rejects.toThrow(
      /empty cells/,
    );
    expect(sheetsAndTables(excel)).toEqual(before);
  });

  it("changes nothing when the metric, period or council is unknown", async () => {
    const { excel, workbook } = openWorkbook();
    const before = excel.snapshot();
    await expect(workbook.insertTable({ metric: "nope", period: "latest" })).rejects.toThrow(
      /Unknown metric "nope"/,
    );
    await expect(workbook.insertTable({ metric: RECYCLING, period: "1990-91" })).rejects.toThrow(/No period/);
    await expect(
      workbook.insertTable({
        metric: RECYCLING,
        period: "latest",
        group: { council: "Atlantis", kind: "region" },
      }),
    ).rejects.toThrow(/Atlantis/);
    expect(excel.snapshot()).toEqual(before);
  });

  it.each([
    ["part-way through", 5],
    ["after Excel applied it all but the answer was lost", 99],
  ])("takes a half-made table out again when saving fails %s", async (_when, afterOperations) => {
    const { excel, workbook } = openWorkbook();
    await workbook.insertTable({ metric: "ASC1", period: "latest" });
    const before = excel.snapshot();
    excel.failSync({ match: (op) => op === "TableCollection.add", afterOperations });
    await expect(workbook.insertTable({ metric: RECYCLING, period: "latest" })).rejects.toThrow(/Injected/);
    expect(excel.pendingFailures()).toBe(0);
    const { nextId, activeSheetId } = excel.state; // ids move on; Excel picks which sheet to show
    expect(excel.snapshot()).toEqual({ ...before, nextId, activeSheetId });
  });

  it("writes every row for every period of 'all periods', oldest first", async () => {
    const { excel, workbook } = openWorkbook();
    const { table, rows } = await workbook.insertTable({ metric: RECYCLING, period: "all" });
    const periods = [...new Set(body(excel, table).values.map((r) => r[col("Period")]))];
    expect(periods[0]).toBe("2010-11");
    expect(periods.at(-1)).toBe("2023-24");
    expect(excel.table(table)!.rows).toBe(rows);
  });
});
