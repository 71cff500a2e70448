// Faults during refresh (issue 22): a source cut off short, a write whose undo fails too, and text typed
// as '=… in a user's column (office-js #6687), on the fake Excel host with a fixture publisher.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TABLE_COLUMN_NAMES } from "../../src/core/table.js";
import { KEPT_LIMIT, KEPT_NAMESPACE } from "../../src/excel/keptTables.js";
import { damagedTables, restoreDamagedTables } from "../../src/excel/rewrite.js";
import { parseAddress } from "../fakes/a1.js";
import type { FakeExcelHost } from "../fakes/fakeExcel.js";
import {
  closeWorkbook,
  councilRows as rows,
  openWorkbook,
  PUBLISHER,
  sheetsAndTables,
  startPublisher,
  tidyCsv,
  typeGroupRows,
  type Harness,
  type Publisher,
} from "./harness.js";

const METRIC = "missed-bin-collections";
const FILE = "missed-bins.csv";
const RECYCLING = "household-waste-recycling-rate";
const col = (name: (typeof TABLE_COLUMN_NAMES)[number]) => TABLE_COLUMN_NAMES.indexOf(name);

let publisher: Publisher;
let h: Harness;

beforeAll(async () => {
  publisher = await startPublisher();
});
afterAll(() => publisher.close());

beforeEach(() => {
  publisher.failWith = undefined;
  publisher.publish(FILE, tidyCsv(METRIC, "2024-25", rows(6)));
  h = openWorkbook(publisher);
});
afterEach(() => {
  KEPT_LIMIT.bytes = 2_000_000;
  closeWorkbook();
});

async function insertMissedBins(): Promise<string> {
  await h.workbook.addSource({ url: `${PUBLISHER}/data/${FILE}`, format: "tidy", name: "Missed bins" });
  return (await h.workbook.insertTable({ metric: METRIC, period: "latest" })).table;
}

/** Where a table is: its sheet, header row and first column (0-based), and A1 addresses in it. */
function where(excel: FakeExcelHost, table: string) {
  const t = excel.table(table)!;
  const { rect } = parseAddress(t.address)!;
  const sheet = `'${t.sheet}'`;
  const cell = (row: number, column: number) => `${sheet}!${String.fromCharCode(65 + column)}${row + 1}`;
  const body = (cols = rect.cols) =>
    `${cell(rect.row + 1, rect.col)}:${cell(rect.row + t.rows, rect.col + cols - 1).split("!")[1]}`;
  return { ...t, rect, cell, body };
}

/** Adds a column to the right of the table, as a user does, with `cells` typed in its rows. */
function addUserColumn(excel: FakeExcelHost, table: string, cells: (r: number) => string) {
  const t = where(excel, table);
  const right = t.rect.col + t.rect.cols;
  excel.resizeTable(
    table,
    `${t.cell(t.rect.row, t.rect.col)}:${t.cell(t.rect.row + t.rows, right).split("!")[1]}`,
  );
  excel.enter(t.cell(t.rect.row, right), [["Mine"]]);
  for (let r = t.rect.row + 1; r <= t.rect.row + t.rows; r++) excel.enter(t.cell(r, right), [[cells(r)]]);
}

const keptParts = (excel: FakeExcelHost) => excel.parts().filter((p) => p.namespace === KEPT_NAMESPACE);

describe("a source that gives far fewer rows than last time", () => {
  it("refuses a 6-row table cut to 2 rows, says why, and leaves it as it was, refresh after refresh", async () => {
    const name = await insertMissedBins();
    const before = sheetsAndTables(h.excel);
    // Cut off at the end of a line (one cut mid-line is caught by the CSV reader), served with HTTP 200.
    publisher.publish(FILE, tidyCsv(METRIC, "2024-25", rows(2)));

    for (let i = 0; i < 2; i++) {
      const report = await h.workbook.refreshAll();
      expect(report.refreshed).toEqual([]);
      expect(report.failed).toEqual([
        { table: name, message: expect.stringMatching(/6 rows .* only 2 rows/) },
      ]);
      expect(report.failed[0].message).toMatch(/Missed bins may have been cut off/);
      expect(sheetsAndTables(h.excel)).toEqual(before);
    }
    // The whole file again: refreshed as usual.
    publisher.publish(FILE, tidyCsv(METRIC, "2024-25", rows(6, 99)));
    expect((await h.workbook.refreshAll()).refreshed).toEqual([
      { table: name, sheet: h.excel.table(name)!.sheet, rows: 6 },
    ]);
  });

  it("still shrinks a table from 6 rows to 3, which is no sign of a cut-off source", async () => {
    const name = await insertMissedBins();
    publisher.publish(FILE, tidyCsv(METRIC, "2024-25", rows(3)));
    const report = await h.workbook.refreshAll();
    expect(report.failed).toEqual([]);
    expect(h.excel.table(name)!.rows).toBe(3);
  });

  it("still shrinks a group-only table when the user takes councils out of the group", async () => {
    await h.workbook.createCustomGroupsTable();
    const group = ["Ipswich", "East Suffolk", "Mid Suffolk", "Babergh", "Norwich", "Colchester", "Braintree"];
    typeGroupRows(
      h.excel,
      group.map((c) => ["Suffolk and near", c]),
    );
    const { table } = await h.workbook.insertTable({
      metric: RECYCLING,
      period: "2023-24",
      group: { council: "West Suffolk", kind: "suffolk and near" },
      groupOnly: true,
    });
    expect(h.excel.table(table)!.rows).toBeGreaterThanOrEqual(6);
    // A refresh records what the source gave; then the group is cut to one council besides West Suffolk.
    expect((await h.workbook.refreshAll()).failed).toEqual([]);
    typeGroupRows(h.excel, [
      ["Suffolk and near", "Ipswich"],
      ["", ""],
      ["", ""],
      ["", ""],
      ["", ""],
      ["", ""],
      ["", ""],
    ]);

    const report = await h.workbook.refreshAll();

    expect(report.failed).toEqual([]);
    expect(h.excel.table(table)!.rows).toBe(2);
  });
});

describe("a write that fails, and then putting the table back fails too", () => {
  /** A table of 6 rows with a user's column, the source grown to 8 rows, and both failures injected. */
  async function damage(cell = (r: number) => `=D${r + 1}*2`) {
    const name = await insertMissedBins();
    addUserColumn(h.excel, name, cell);
    publisher.publish(FILE, tidyCsv(METRIC, "2024-25", rows(8, 99)));
    const before = sheetsAndTables(h.excel);
    // The write's first block runs, then Excel answers with an error; the restore's cells are refused whole.
    h.excel.failSync({ match: (op) => op === "Range.values=", afterOperations: 10_000 });
    h.excel.failSync({ match: (op) => op === "Range.formulas=" });
    const report = await h.workbook.refreshAll();
    expect(h.excel.pendingFailures()).toBe(0);
    return { name, before, report };
  }

  it("names the damaged table and its sheet, says its last good copy is kept, and keeps it", async () => {
    const { name, before, report } = await damage();
    const sheet = h.excel.table(name)!.sheet;

    expect(report.failed).toEqual([{ table: name, message: expect.any(String) }]);
    const message = report.failed[0].message;
    expect(message).toContain(`Table ${name} on sheet '${sheet}' is only partly written`);
    expect(message).toMatch(/Injected/);
    expect(message).toMatch(/last good copy is kept in the workbook/);
    expect(sheetsAndTables(h.excel)).not.toEqual(before); // really left half-written
    expect(keptParts(h.excel)).toHaveLength(1);
    expect(await damagedTables()).toEqual([
      { table: name, sheet, at: expect.any(String), reason: expect.stringMatching(/Injected/) },
    ]);
  });

  it("is mended by Restore: every cell as it was, and the copy dropped", async () => {
    // Text typed as '=… comes back as text, not as a formula (office-js #6687: the apostrophe is not read).
    const { name, before } = await damage((r) => (r % 2 ? "'=AVERAGE(D5:D7)" : `=D${r + 1}*2`));

    const restored = await restoreDamagedTables();

    expect(restored).toEqual({ restored: [{ table: name, sheet: h.excel.table(name)!.sheet }], failed: [] });
    expect(sheetsAndTables(h.excel)).toEqual(before);
    expect(keptParts(h.excel)).toEqual([]);
    expect(await damagedTables()).toEqual([]);
  });

  it("is mended by the next refresh, which puts it back and then writes the fresh rows", async () => {
    const { name } = await damage();

    const report = await h.workbook.refreshAll();

    expect(report.failed).toEqual([]);
    expect(report.refreshed).toEqual([{ table: name, sheet: h.excel.table(name)!.sheet, rows: 8 }]);
    const t = where(h.excel, name);
    const values = h.excel.values(t.body(11));
    expect(values.find((r) => r[col("Council")] === "West Suffolk")![col("Value")]).toBe(99);
    // The user's formulas on every row, as after a refresh that never failed.
    expect(h.excel.formulas(t.body(11)).map((r) => r[10])).toEqual(
      Array.from({ length: 8 }, (_, i) => `=D${t.rect.row + 2 + i}*2`),
    );
    expect(keptParts(h.excel)).toEqual([]);
  });

  it("says so when the copy is too big to keep", async () => {
    KEPT_LIMIT.bytes = 100;
    const { report } = await damage();
    expect(report.failed[0].message).toMatch(
      /partly written.*last good copy could not be kept \(the table is too big to keep a copy of\)/,
    );
    expect(keptParts(h.excel)).toEqual([]);
  });
});

describe("text typed with a leading apostrophe in a user's column (office-js #6687)", () => {
  it("is not carried into new rows as a formula", async () => {
    const name = await insertMissedBins();
    // The first row's note is text that reads like a formula; Excel on the web reads it back as =….
    addUserColumn(h.excel, name, (r) => (r === where(h.excel, name).rect.row + 1 ? "'=see the note" : "ok"));
    publisher.publish(FILE, tidyCsv(METRIC, "2024-25", rows(8)));

    const report = await h.workbook.refreshAll();

    expect(report.failed).toEqual([]);
    const t = where(h.excel, name);
    // No formula anywhere in the column: the note stays text and the new rows stay empty.
    expect(h.excel.formulas(t.body(11)).map((r) => r[10])).toEqual(Array(8).fill(undefined));
    expect(h.excel.values(t.body(11)).map((r) => r[10])).toEqual([
      "=see the note",
      ...Array<string>(5).fill("ok"),
      "",
      "",
    ]);
  });
});
