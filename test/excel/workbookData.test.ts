// What the add-in keeps inside the workbook (its tables, sources and a snapshot of the data), user sources
// and snapshot files, on the fake Excel host.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildSnapshot, parseSnapshot, serializeSnapshot } from "../../src/core/snapshot.js";
import { TABLE_COLUMN_NAMES } from "../../src/core/table.js";
import { REGISTRY_NAMESPACE } from "../../src/excel/registry.js";
import { SNAPSHOT_NAMESPACE } from "../../src/excel/snapshotPart.js";
import { fromXml, toXml } from "../../src/excel/xmlPart.js";
import { wasteAsCompared } from "./shipped.js";
import {
  closeWorkbook,
  storeWorkbookSnapshot,
  openWorkbook,
  PUBLISHER,
  startPublisher,
  tidyCsv,
  type Harness,
  type Publisher,
} from "./harness.js";

const METRIC = "missed-bin-collections";
const FILE = "missed-bins.csv";
const RECYCLING = "household-waste-recycling-rate";
const URL = `${PUBLISHER}/data/${FILE}`;

let publisher: Publisher;
let h: Harness;

beforeAll(async () => {
  publisher = await startPublisher();
});
afterAll(() => publisher.close());
beforeEach(() => {
  publisher.failWith = undefined;
  publisher.publish(
    FILE,
    tidyCsv(METRIC, "2024-25", [
      ["E07000245", "West Suffolk", 12],
      ["E07000244", "East Suffolk", 30],
    ]),
  );
  h = openWorkbook(publisher);
});
afterEach(closeWorkbook);

const part = (namespace: string) => h.excel.parts().find((p) => p.namespace === namespace);

/** Closes the workbook and opens the saved file again with a fresh add-in (no data in memory). */
function reopen(): void {
  h.excel.saveAndReopen();
  const state = h.excel.state;
  closeWorkbook();
  h = openWorkbook(publisher, state);
}

describe("the workbook's own data", () => {
  it("keeps its list of tables in the workbook, so the reopened file lists and refreshes them", async () => {
    await h.workbook.addSource({ url: URL, format: "tidy", name: "Missed bins" });
    const mine = await h.workbook.insertTable({ metric: METRIC, period: "latest" });
    const shipped = await h.workbook.insertTable({
      metric: RECYCLING,
      period: "latest",
      group: { council: "West Suffolk", kind: "nearest" },
    });
    expect(part(REGISTRY_NAMESPACE)).toBeDefined();

    reopen();
    const listed = await h.workbook.tables();
    expect(listed.map((t) => [t.table, t.currentSheet, t.spec.metric])).toEqual([
      [mine.table, mine.sheet, METRIC],
      [shipped.table, shipped.sheet, RECYCLING],
    ]);
    expect(listed[0].source).toMatchObject({ url: URL, format: "tidy" });
    expect(listed[1].spec.group).toEqual({ council: "West Suffolk", kind: "nearest" });
    expect(await h.workbook.userSources()).toEqual([expect.objectContaining({ url: URL })]);

    publisher.publish(FILE, tidyCsv(METRIC, "2024-25", [["E07000245", "West Suffolk", 14]]));
    const report = await h.workbook.refreshAll();
    expect(report.failed).toEqual([]);
    expect(report.refreshed.map((r) => [r.table, r.rows])).toEqual([
      [mine.table, 1],
      [shipped.table, wasteAsCompared(`waste/${RECYCLING}.csv`, "2023-24").size],
    ]);
  });

  it("stores a snapshot of just the metrics in its tables, with their publishers", async () => {
    await h.workbook.addSource({ url: URL, format: "tidy", name: "Missed bins" });
    await h.workbook.insertTable({ metric: METRIC, period: "latest" });
    await h.workbook.insertTable({ metric: RECYCLING, period: "2022-23" });
    const snapshot = parseSnapshot(fromXml(part(SNAPSHOT_NAMESPACE)!.xml));
    expect(Object.keys(snapshot.metrics)).toEqual([METRIC, RECYCLING]);
    expect(Object.keys(snapshot.metrics[RECYCLING])).toContain("2010-11"); // every period, not just the table's
    expect(snapshot.attribution.map((a) => [a.publisher, a.metrics])).toEqual([
      ["Department for Environment, Food & Rural Affairs (Defra)", [RECYCLING]],
      ["publisher.test", [METRIC]],
    ]);
  });

  it("works with no network after reopening, from the workbook's snapshot", async () => {
    await h.workbook.addSource({ url: URL, format: "tidy", name: "Missed bins" });
    await h.workbook.insertTable({ metric: METRIC, period: "latest" });
    publisher.failWith = 503;
    const requests = publisher.server.requests(`/data/${FILE}`);

    reopen();
    const session = await h.workbook.data();
    expect(session.benchmarks.lookup("West Suffolk", METRIC).value).toBe(12);
    expect(session.sourceOf(METRIC)).toMatchObject({ url: URL });
    expect(session.sources.list().map((s) => s.url)).toContain(URL);
    expect(publisher.server.requests(`/data/${FILE}`)).toBe(requests); // nothing fetched
  });

  it("prefers the workbook's values over the shipped ones, keeping the rest of the shipped data", async () => {
    await storeWorkbookSnapshot([
      { metric: RECYCLING, period: "2023-24", areacd: "E07000245", areanm: "West Suffolk", value: 99.9 },
    ]);
    const { benchmarks } = await h.workbook.data();
    expect(benchmarks.lookup("West Suffolk", RECYCLING, "2023-24").value).toBe(99.9);
    expect(benchmarks.lookup("East Suffolk", RECYCLING, "2023-24").value).toBe(41.4);
  });

  it("says so when its list of tables is damaged, rather than losing it", async () => {
    await Excel.run(async (context) => {
      context.workbook.customXmlParts.add(toXml("benchmarkTables", REGISTRY_NAMESPACE, "{not json"));
      await context.sync();
    });
    await expect(h.workbook.tables()).rejects.toThrow(/list of benchmark tables is damaged/);
    await expect(h.workbook.refreshAll()).rejects.toThrow(/damaged/);
    expect((await h.workbook.data()).benchmarks.data.has(RECYCLING)).toBe(true); // the data still loads
  });
});

describe("sources and snapshot files", () => {
  it("keeps names that look like formulas as text, whatever the source", async () => {
    const names = ['=HYPERLINK("https://evil.test","click")', "+44 20 7946 0000", "@SUM(A1)", "-x", "0012"];
    const codes = ["E07000245", "E07000244", "E07000203", "E07000200", "E07000202"];
    const file = serializeSnapshot(
      buildSnapshot(
        names.map((areanm, i) => ({
          metric: "odd-names",
          period: "2024-25",
          areacd: codes[i],
          areanm,
          value: i,
        })),
        {
          created: "2025-01-01",
          attribution: [{ publisher: "A test", licence: "OGL", metrics: ["odd-names"] }],
        },
      ),
    );
    const loaded = await h.workbook.loadSnapshotFile(file, "odd names.json");
    expect(loaded.metrics).toEqual(["odd-names"]);
    const { table } = await h.workbook.insertTable({ metric: "odd-names", period: "latest" });

    const t = h.excel.table(table)!;
    const body = t.address.replace(/!A(\d+):/, (_m, row: string) => `!A${Number(row) + 1}:`);
    const council = TABLE_COLUMN_NAMES.indexOf("Council");
    expect(
      h.excel
        .values(body)
        .map((r) => r[council])
        .sort(),
    ).toEqual([...names].sort());
    expect(
      h.excel
        .formulas(body)
        .flat()
        .filter((f) => f !== undefined),
    ).toEqual([]);
  });

  it("rejects a source that is not https, and one the data proxy will not fetch", async () => {
    await expect(
      h.workbook.addSource({ url: "http://publisher.test/x.csv", format: "tidy" }),
    ).rejects.toThrow(/must be a full https:\/\/ address/);
    await expect(
      h.workbook.addSource({ url: "https://elsewhere.test/x.csv", format: "tidy" }),
    ).rejects.toThrow(/HTTP 403/);
    expect(await h.workbook.userSources()).toEqual([]);
    expect((await h.workbook.data()).sources.list().map((x) => x.url)).not.toContain(
      "https://elsewhere.test/x.csv",
    );
  });

  it("rejects a snapshot file that is not one", async () => {
    await expect(h.workbook.loadSnapshotFile("{}", "x.json")).rejects.toThrow(/Not a valid snapshot/);
  });

  it("reads an ONS Explore Local Statistics file from a source", async () => {
    publisher.publish(
      "els.csv",
      [
        "areacd,areanm,geography,indicator,period,unit,observation",
        "E07000245,West Suffolk,Local Authority District,Bins emptied,2024-01-01/P1Y,%,5",
        "E07000244,East Suffolk,Local Authority District,Bins emptied,2024-01-01/P1Y,%,7",
        "E12000006,East of England,Region,Bins emptied,2024-01-01/P1Y,%,6",
      ].join("\n"),
    );
    const added = await h.workbook.addSource({ url: `${PUBLISHER}/data/els.csv`, format: "els" });
    expect(added.source.name).toBe("els.csv");
    expect(added.metrics).toEqual(["bins-emptied"]);
    expect((await h.workbook.data()).benchmarks.lookup("West Suffolk", "bins-emptied").value).toBe(5);
  });

  it("feeds a catalogue metric from a publisher's file that names it in its own words", async () => {
    publisher.publish(
      "fe.csv",
      [
        "areacd,areanm,geography,indicator,period,observation",
        "E10000029,Suffolk,County or Unitary Authority,Further education and skills learner achievements,2025-08-01/P1Y,1234",
      ].join("\n"),
    );
    const added = await h.workbook.addSource({ url: `${PUBLISHER}/data/fe.csv`, format: "els" });
    expect(added.metrics).toEqual(["further-education-and-skills-achievements"]);
    const { benchmarks } = await h.workbook.data();
    expect(benchmarks.lookup("Suffolk", "further-education-and-skills-achievements", "2025-26").value).toBe(
      1234,
    );
  });
});
