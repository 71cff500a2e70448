// A council's profile sheet on the fake Excel host: written from profileTable, band cells coloured by
// conditional formats, refreshed like the other tables, and left as it was when writing fails.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Band } from "../../src/core/band.js";
import { BANDS } from "../../src/core/band.js";
import { bandWords } from "../../src/core/profile.js";
import { PROFILE_COLUMNS, profileTable } from "../../src/core/profileTable.js";
import { BAND_STYLES } from "../../src/excel/highlights.js";
import { parseAddress } from "../fakes/a1.js";
import type { FakeExcelHost } from "../fakes/fakeExcel.js";
import {
  closeWorkbook,
  openWorkbook,
  PUBLISHER,
  sheetsAndTables,
  startPublisher,
  type Harness,
  type Publisher,
} from "./harness.js";
import { shippedBenchmarks } from "./shipped.js";

const NAMES = PROFILE_COLUMNS.map((c) => c.name);
const BAND = NAMES.indexOf("Band");
const WORDS = new Map<string, Band>(
  [...BANDS.judged, ...BANDS.neutral].map((b): [string, Band] => [bandWords(b), b]),
);

afterEach(closeWorkbook);

/** The table's body: its address, values and the conditional formatting each cell shows. */
function body(excel: FakeExcelHost, table: string) {
  const t = excel.table(table)!;
  const { rect } = parseAddress(t.address)!;
  const sheet = `'${t.sheet}'`;
  const cell = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;
  const address = `${sheet}!${cell(rect.row + 1, rect.col)}:${cell(rect.row + t.rows, rect.col + rect.cols - 1)}`;
  return { ...t, rect, address, values: excel.values(address), styles: excel.conditionalStyles(address) };
}

/** A clock that moves on a minute at every reading. */
function clock(start = Date.parse("2025-03-01T09:00:00Z")) {
  let n = 0;
  return () => new Date(start + 60_000 * n++);
}

describe("insertProfile", () => {
  let h: Harness;

  it("writes West Suffolk's profile within its nearest neighbours: profileTable's rows, coloured by band", async () => {
    h = openWorkbook();
    const inserted = await h.workbook.insertProfile({ council: "West Suffolk", group: "nearest" });

    expect(inserted).toMatchObject({ sheet: "Profile West Suffolk", table: "Bench_Profile_West_Suffolk" });
    const expected = profileTable(shippedBenchmarks(), "West Suffolk", { group: "nearest" });
    const t = body(h.excel, inserted.table);
    expect(t.headers).toEqual(NAMES);
    expect(t.values).toEqual(expected.rows.map((r) => r.map((v) => v ?? "")));
    expect(inserted.rows).toBe(expected.rows.length);
    expect(h.excel.values(`'${t.sheet}'!A1`)[0][0]).toBe(expected.title);
    expect(h.excel.values(`'${t.sheet}'!A2`)[0][0]).toMatch(
      /^Sources: .*Defra.*not official Oflog figures\.$/,
    );

    // One exact rule per band word on the Band column, nothing else.
    const bandColumn = `'${t.sheet}'!${String.fromCharCode(65 + t.rect.col + BAND)}${t.rect.row + 2}:${String.fromCharCode(65 + t.rect.col + BAND)}${t.rect.row + 1 + t.rows}`;
    const rules = h.excel.conditionalFormats(t.sheet);
    expect(rules).toHaveLength(WORDS.size);
    for (const [words, band] of WORDS) {
      expect(rules).toContainEqual({
        type: "Custom",
        address: bandColumn,
        formula: `=$${bandColumn.split("!")[1].split(":")[0]}="${words}"`,
        format: { fill: BAND_STYLES[band].fill, fontColor: BAND_STYLES[band].font },
        stopIfTrue: false,
      });
    }
    // Each Band cell shows its band's colour; "not compared" and the other columns stay plain.
    t.values.forEach((row, i) => {
      const band = WORDS.get(row[BAND] as string);
      expect(t.styles[i][BAND]).toEqual(
        band ? { fill: BAND_STYLES[band].fill, fontColor: BAND_STYLES[band].font } : undefined,
      );
      expect(t.styles[i].filter((_, j) => j !== BAND).every((s) => s === undefined)).toBe(true);
    });
    expect(t.values.some((r) => r[BAND] === "slightly worse")).toBe(true);
  });

  it("is kept in the workbook's list and refreshes to the same rows and rules, its time moving on", async () => {
    h = openWorkbook(undefined, undefined, clock());
    const { table } = await h.workbook.insertProfile({ council: "E07000245", group: "nearest" });
    const before = sheetsAndTables(h.excel);
    const [listed] = await h.workbook.tables();
    expect(listed.spec).toEqual({
      metric: "profile",
      period: "latest",
      profile: { council: "E07000245" },
      group: { council: "E07000245", kind: "nearest" },
    });

    const first = await h.workbook.refreshAll();
    expect(first).toMatchObject({ refreshed: [{ table, rows: before.tables[0].rows - 1 }], failed: [] });
    expect(sheetsAndTables(h.excel)).toEqual(before);
    const second = await h.workbook.refreshTable(table);
    expect(second.refreshed.map((r) => r.table)).toEqual([table]);

    const [after] = await h.workbook.tables();
    // No publisher answers here: the data in use stays, and the refresh says which release that is.
    expect(after.lastRefresh).toEqual({
      at: second.at,
      ok: true,
      rows: listed.lastRefresh!.rows,
      message: expect.stringMatching(
        /^Could not check Defra local authority collected waste \(ENV18\) for a newer release: HTTP 403\. Still using .*2023-24, published 27 Mar 2025\./,
      ),
    });
    expect(new Set([listed.lastRefresh!.at, first.at, second.at]).size).toBe(3);

    // The saved file refreshes it too, from the data kept inside it.
    h.excel.saveAndReopen();
    const state = h.excel.state;
    closeWorkbook();
    h = openWorkbook(undefined, state);
    expect((await h.workbook.refreshAll()).refreshed.map((r) => r.table)).toEqual([table]);
    expect(sheetsAndTables(h.excel)).toEqual(before);
  });

  it.each([0, 2, 7])(
    "leaves the sheet as it was when Excel fails while laying the colours again (after %i operations)",
    async (afterOperations) => {
      h = openWorkbook();
      const { table } = await h.workbook.insertProfile({ council: "West Suffolk" });
      const before = sheetsAndTables(h.excel);
      h.excel.failSync({ match: (op) => op === "ConditionalFormatCollection.add", afterOperations });
      const report = await h.workbook.refreshAll();
      expect(report.failed).toEqual([{ table, message: expect.stringMatching(/Injected/) }]);
      expect(h.excel.pendingFailures()).toBe(0);
      expect(sheetsAndTables(h.excel)).toEqual(before);
    },
  );

  it("takes the half-made sheet out again when saving the insert fails", async () => {
    h = openWorkbook();
    const before = h.excel.snapshot();
    h.excel.failSync({ match: (op) => op === "ConditionalFormatCollection.add", afterOperations: 40 });
    await expect(h.workbook.insertProfile({ council: "West Suffolk" })).rejects.toThrow(/Injected/);
    const { nextId, activeSheetId } = h.excel.state;
    expect(h.excel.snapshot()).toEqual({ ...before, nextId, activeSheetId });
  });

  it("at the selected cell, a failed insert takes out its colours but not the user's", async () => {
    h = openWorkbook();
    await Excel.run(async (context) => {
      const mine = context.workbook.worksheets.getItem("Sheet1").getRange("A1:Z200").conditionalFormats;
      const rule = mine.add("Custom");
      rule.custom.rule.formula = "=A1>100";
      rule.custom.format.font.color = "#B2182B";
      await context.sync();
    });
    h.excel.select("Sheet1!C3");
    const before = h.excel.snapshot();
    h.excel.failSync({ match: (op) => op === "ConditionalFormatCollection.add", afterOperations: 60 });
    await expect(h.workbook.insertProfile({ council: "West Suffolk" }, "selection")).rejects.toThrow(
      /Injected/,
    );
    const { nextId } = h.excel.state;
    expect(h.excel.snapshot()).toEqual({ ...before, nextId });
  });

  it("names sheets within Excel's limits, one per profile", async () => {
    h = openWorkbook();
    const a = await h.workbook.insertProfile({ council: "Bournemouth, Christchurch and Poole" });
    const b = await h.workbook.insertProfile({
      council: "Bournemouth, Christchurch and Poole",
      group: "region",
    });
    expect(a.sheet).toBe("Profile Bournemouth, Christchur");
    expect(b.sheet).toBe("Profile Bournemouth, Christ (2)");
    expect([a.sheet, b.sheet].every((s) => s.length <= 31 && !/[[\]:*?/\\]/.test(s))).toBe(true);
    expect(a.table).not.toBe(b.table);
  });

  it("changes nothing for an unknown council, group or period", async () => {
    h = openWorkbook();
    const before = h.excel.snapshot();
    await expect(h.workbook.insertProfile({ council: "Atlantis" })).rejects.toThrow(/Atlantis/);
    await expect(h.workbook.insertProfile({ council: "West Suffolk", group: "moons" })).rejects.toThrow(
      /Unknown comparator group "moons"/,
    );
    await expect(h.workbook.insertProfile({ council: "West Suffolk", period: "1990-91" })).rejects.toThrow(
      /No metric has data/,
    );
    expect(h.excel.snapshot()).toEqual(before);
  });

  it("reports progress: computed, written, and one step per table on refresh", async () => {
    h = openWorkbook();
    const calls: [number, number, string][] = [];
    const onProgress = (done: number, total: number, what: string) => calls.push([done, total, what]);
    const { table } = await h.workbook.insertProfile({ council: "West Suffolk" }, "new-sheet", onProgress);
    expect(calls.map(([d, t]) => [d, t])).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    expect(calls[2][2]).toBe(`Inserted ${table}`);

    const other = await h.workbook.insertTable({
      metric: "household-waste-recycling-rate",
      period: "latest",
    });
    calls.length = 0;
    await h.workbook.refreshAll(onProgress);
    expect(calls.map(([d, t]) => [d, t])).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    expect(calls.slice(2, 4).map((c) => c[2])).toEqual([`Refreshed ${table}`, `Refreshed ${other.table}`]);

    calls.length = 0;
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const broken = await h.workbook.refreshAll(() => {
      throw new Error("a broken progress bar");
    });
    expect(broken.refreshed).toHaveLength(2);
    expect(logged).toHaveBeenCalledWith("The progress callback failed", expect.any(Error));
    logged.mockRestore();
    await h.workbook.refreshSheet("Sheet1", onProgress);
    expect(calls).toEqual([[1, 1, "No benchmark tables to refresh"]]);
  });
});

describe("a profile fed by a publisher's file", () => {
  const FE = "further-education-and-skills-achievements";
  const file = (value: number) =>
    [
      "areacd,areanm,geography,indicator,period,observation",
      `E10000029,Suffolk,County or Unitary Authority,Further education and skills learner achievements,2025-08-01/P1Y,${value}`,
    ].join("\n");
  let publisher: Publisher;
  beforeAll(async () => {
    publisher = await startPublisher();
  });
  afterAll(() => publisher.close());

  it("fetches that file again on refresh, and is left as it was when the publisher fails", async () => {
    publisher.failWith = undefined;
    publisher.publish("fe.csv", file(1234));
    const h = openWorkbook(publisher);
    await h.workbook.addSource({ url: `${PUBLISHER}/data/fe.csv`, format: "els" });
    const { table } = await h.workbook.insertProfile({ council: "Suffolk" });
    const feRow = () =>
      body(h.excel, table).values.find(
        (r) => r[NAMES.indexOf("Metric")] === shippedBenchmarks().metric(FE).name,
      )!;
    expect(feRow()[NAMES.indexOf("Value")]).toBe(1234);
    expect(h.excel.values(`'Profile Suffolk'!A2`)[0][0]).toMatch(/publisher\.test/);

    publisher.publish("fe.csv", file(4321));
    const requests = publisher.server.requests("/data/fe.csv");
    expect((await h.workbook.refreshAll()).failed).toEqual([]);
    expect(publisher.server.requests("/data/fe.csv")).toBeGreaterThan(requests);
    expect(feRow()[NAMES.indexOf("Value")]).toBe(4321);

    publisher.failWith = 500;
    const before = sheetsAndTables(h.excel);
    const report = await h.workbook.refreshAll();
    expect(report.failed).toEqual([{ table, message: expect.stringMatching(/HTTP 500/) }]);
    expect(sheetsAndTables(h.excel)).toEqual(before);
  });
});
