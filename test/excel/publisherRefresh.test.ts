// Refreshing from the publisher itself: the stand-in GOV.UK Content API lists a new ENV18 release (the
// real file with one value changed), and refresh brings in exactly that value and names the release.
import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseSnapshot } from "../../src/core/snapshot.js";
import { SNAPSHOT_NAMESPACE } from "../../src/excel/snapshotPart.js";
import { fromXml } from "../../src/excel/xmlPart.js";
import type { FakeExcelHost } from "../fakes/fakeExcel.js";
import { sharedFile } from "../support/paths.js";
import {
  closeWorkbook,
  openWorkbook,
  PUBLISHER,
  startPublisher,
  type Harness,
  type Publisher,
} from "./harness.js";

const PAGE = "/government/statistics/local-authority-collected-waste-management-annual-results";
const ENV18 = readFileSync(sharedFile("publisher-files", "defra-env18-la-and-regional-2023-24.ods"));
const COUNCIL = "E07000179"; // South Oxfordshire: the highest rate in 2023-24 (62.9%), far above the median

/** The ENV18 file with content.xml edited (mimetype first and stored, as an ODS must be). */
function editEnv18(edit: (xml: string) => string): Uint8Array {
  const { mimetype, ...rest } = unzipSync(new Uint8Array(ENV18));
  rest["content.xml"] = strToU8(edit(strFromU8(rest["content.xml"])));
  return zipSync({ mimetype: [mimetype, { level: 0 }], ...rest });
}

/** South Oxfordshire's 2023-24 recycling rate in Table 3 raised from 62.9% to 64.1%. */
function revised(xml: string): string {
  const table = xml.indexOf('table:name="Table_3"');
  let at = xml.indexOf(`>${COUNCIL}<`, table);
  for (;;) {
    const start = xml.lastIndexOf("<table:table-row", at);
    const end = xml.indexOf("</table:table-row>", at);
    const row = xml.slice(start, end);
    if (row.includes(">2023-24<")) {
      const changed = row.replace(
        /office:value-type="percentage" office:value="0\.629[0-9]*"/,
        'office:value-type="percentage" office:value="0.641"',
      );
      if (changed === row) throw new Error("the 2023-24 row has no 62.9% cell");
      return xml.slice(0, start) + changed + xml.slice(end);
    }
    at = xml.indexOf(`>${COUNCIL}<`, end);
  }
}

/** The Content API's page, listing one LA and regional spreadsheet. */
function listRelease(
  file: string,
  updated: string,
  title = "LA and regional spreadsheet 2023-24 (revised)",
): void {
  publisher.describe(PAGE, {
    base_path: PAGE,
    title: "Local authority collected waste management - annual results",
    document_type: "official_statistics",
    public_updated_at: updated,
    details: {
      attachments: [
        { attachment_type: "html", title: "Statistical notice", url: "/government/statistics/notice" },
        {
          attachment_type: "file",
          title: "ENV18 - Local authority collected waste: annual results tables 2023-24",
          filename: "ENV18_annual_results_2023-24.ods",
          url: `${PUBLISHER}/data/ENV18_annual_results_2023-24.ods`,
        },
        {
          attachment_type: "file",
          title,
          filename: file,
          url: `${PUBLISHER}/data/${file}`,
        },
      ],
    },
  });
}

let publisher: Publisher;
let h: Harness;
let excel: FakeExcelHost;

beforeAll(async () => {
  publisher = await startPublisher();
  publisher.publish("as-published.ods", new Uint8Array(ENV18));
  publisher.publish("revised.ods", editEnv18(revised));
  publisher.publish(
    "renamed.ods",
    editEnv18((xml) => xml.replace('table:name="Table_3"', 'table:name="Table 3"')),
  );
});
afterAll(() => publisher.close());
beforeEach(() => {
  publisher.failWith = undefined;
  h = openWorkbook(publisher);
  excel = h.excel;
});
afterEach(closeWorkbook);

/** Every cell of the table's sheet, by address. */
function cells(table: string): Record<string, unknown> {
  const t = excel.table(table)!;
  const sheet = excel.snapshot().sheets.find((s) => s.name === t.sheet)!;
  return Object.fromEntries(Object.entries(sheet.cells).map(([a, c]) => [a, c.value]));
}

function changed(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return Object.fromEntries(
    [...keys].filter((k) => before[k] !== after[k]).map((k) => [k, [before[k], after[k]]]),
  );
}

async function insertRecycling(): Promise<string> {
  const { table } = await h.workbook.insertTable({
    metric: "household-waste-recycling-rate",
    period: "2023-24",
  });
  return table;
}

describe("refresh from the publisher (stand-in GOV.UK)", () => {
  it("brings in the new release: exactly the changed value (and its score), and the source line names it", async () => {
    const table = await insertRecycling();
    const shipped = cells(table);
    expect(shipped.A2).toMatch(/^Source: .*Release: .*2023-24, published 27 Mar 2025/);
    // First the release the shipped data came from: the same values, suppressed ones with Defra's marker.
    listRelease("as-published.ods", "2025-03-27T09:30:00.000+00:00", "LA and regional spreadsheet 2023-24");
    await h.workbook.refreshTable(table);
    const before = cells(table);
    expect(changed(shipped, before)).toEqual({
      A2: [
        shipped.A2,
        expect.stringMatching(/Release: LA and regional spreadsheet 2023-24, published 27 Mar 2025/),
      ],
      J61: ["no value (empty)", "no value (:)"], // Bristol 2023-24, incomplete at publication
    });
    const line = before.A2 as string;

    listRelease("revised.ods", "2026-11-30T09:30:00.000+00:00");

    const steps: string[] = [];
    const report = await h.workbook.refreshTable(table, (_done, _total, what) => steps.push(what));
    expect(report).toMatchObject({ refreshed: [{ table }], failed: [], notes: [] });
    // The progress bar follows the reading of the 22 MB sheet.
    const reading = steps.filter((w) =>
      w.startsWith("Reading Defra local authority collected waste (ENV18): "),
    );
    expect(reading.length).toBeGreaterThan(10);
    expect(reading.at(-1)).toMatch(/: 100%$/);

    const diff = changed(before, cells(table));
    const rowOf = Object.keys(before)
      .find((a) => before[a] === COUNCIL)!
      .replace(/^[A-Z]+/, "");
    const rows = new Set(Object.keys(diff).map((a) => a.replace(/^[A-Z]+/, "")));
    const sourceRow = Object.keys(before).find((a) => before[a] === line)!;
    // South Oxfordshire's row and the source line; nothing else (the median and MAD are unchanged).
    expect([...rows].sort()).toEqual([rowOf, sourceRow.replace(/^[A-Z]+/, "")].sort());
    expect(Object.values(diff).map(([, after]) => after)).toContain(64.1);
    expect(Object.values(diff).map(([was]) => was)).toContain(62.9);
    expect(diff[sourceRow][1]).toMatch(
      /Release: LA and regional spreadsheet 2023-24 \(revised\), published 30 Nov 2026; checked \d+ \w+ \d{4}\./,
    );
    expect(publisher.server.requests("/data/revised.ods")).toBe(1);
    // The workbook keeps the values and which release they are, for the saved file and its functions.
    const part = excel.snapshot().parts.find((p) => p.namespace === SNAPSHOT_NAMESPACE)!;
    const kept = parseSnapshot(fromXml(part.xml));
    expect(kept.releases).toContainEqual(
      expect.objectContaining({
        source: "defra-env18",
        title: "LA and regional spreadsheet 2023-24 (revised)",
      }),
    );
  });

  it("leaves the data as it was when the new file's table is renamed, naming the table and the release in use", async () => {
    const table = await insertRecycling();
    const before = cells(table);
    listRelease("renamed.ods", "2026-11-30T09:30:00.000+00:00");

    const report = await h.workbook.refreshTable(table);

    expect(report.notes).toEqual([
      {
        source: "defra-env18",
        message: expect.stringMatching(
          /no sheet named "Table_3".*Still using .*2023-24, published 27 Mar 2025\./,
        ),
      },
    ]);
    const diff = changed(before, cells(table));
    // Every value and the source line stay as they were.
    expect(diff).toEqual({});
  });

  it("leaves the data as it was when GOV.UK cannot be reached, with the reason and the release in use", async () => {
    const table = await insertRecycling();
    const before = cells(table);
    publisher.failWith = 503;

    const report = await h.workbook.refreshTable(table);

    expect(report.failed).toEqual([]);
    expect(report.notes[0].message).toMatch(
      /^Could not check Defra local authority collected waste \(ENV18\) for a newer release: HTTP 503.*\. Still using .*2023-24, published 27 Mar 2025\.$/,
    );
    expect(changed(before, cells(table))).toEqual({});
  });
});
