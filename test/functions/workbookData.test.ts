// Inside Excel the functions answer from the add-in's data: the workbook's own snapshot over the shipped
// one, so formulas work offline and agree with the workbook's tables.
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createGroupsTable } from "../../src/excel/customGroups.js";
import { useBenchmarks } from "../../src/functions/data.js";
import { resetShippedBenchmarks } from "../../src/sources/shipped.js";
import { installFakeOffice, uninstallFakeOffice, type FakeExcelHost } from "../fakes/fakeExcel.js";
import { storeWorkbookSnapshot, typeGroupRows } from "../excel/harness.js";
import { repoRoot } from "../support/paths.js";
import { excel, expectError, installCustomFunctions } from "./excel.js";

const RECYCLING = "household-waste-recycling-rate";
const ADDIN = Symbol.for("council-benchmarks.addin");
let host: FakeExcelHost;

beforeEach(() => {
  host = installFakeOffice(globalThis);
  installCustomFunctions();
  useBenchmarks();
  resetShippedBenchmarks();
  vi.stubGlobal("location", { href: "https://example.org/addin/taskpane.html" });
  vi.stubGlobal("fetch", async (input: string | URL | Request) => {
    const file = String(input).match(/data\/([a-z-]+\.json)$/)?.[1];
    return file
      ? new Response(readFileSync(`${repoRoot}/data/${file}`, "utf8"))
      : new Response("", { status: 404 });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  uninstallFakeOffice(globalThis);
  delete (globalThis as Record<symbol, unknown>)[ADDIN];
  resetShippedBenchmarks();
});

describe("functions inside Excel", () => {
  it("read the workbook's stored snapshot over the shipped data", async () => {
    await storeWorkbookSnapshot([
      { metric: RECYCLING, period: "2023-24", areacd: "E07000245", areanm: "West Suffolk", value: 99.9 },
    ]);
    expect(await excel("METRIC", "West Suffolk", RECYCLING, "2023-24")).toBe(99.9);
    // The rest still comes from the shipped snapshot (East Suffolk's published 2023-24 rate).
    expect(await excel("METRIC", "East Suffolk", RECYCLING, "2023-24")).toBe(41.4);
  });

  it("spill a custom group from the workbook's ComparatorGroups table, as it is at each call", async () => {
    await Excel.run(createGroupsTable);
    typeGroupRows(host, [
      ["Suffolk", "Ipswich"],
      ["suffolk", "E07000244"],
    ]);
    expect(await excel("COMPARATORS", "West Suffolk", " SUFFOLK ")).toEqual([
      ["E07000202", "Ipswich"],
      ["E07000244", "East Suffolk"],
      ["E07000245", "West Suffolk"],
    ]);

    typeGroupRows(host, [
      ["Suffolk", "Ipswich"],
      ["Suffolk", "Atlantis"],
    ]);
    const [[error]] = (await excel("COMPARATORS", "West Suffolk", "Suffolk")) as unknown[][];
    expectError(error, "#N/A", /Custom group "Suffolk": No council called "Atlantis"/);
    const [[unknown]] = (await excel("COMPARATORS", "West Suffolk", "Norfolk")) as unknown[][];
    expectError(
      unknown,
      "#N/A",
      'Unknown comparator group "Norfolk". Groups: tier, type, region, nearest, Suffolk',
    );
  });

  it("rank in a custom group as it is at each call, though the scored periods are kept", async () => {
    await Excel.run(createGroupsTable);
    typeGroupRows(host, [
      ["Suffolk", "Ipswich"],
      ["Suffolk", "East Suffolk"],
    ]);
    const rank = () => excel("RANK", "West Suffolk", RECYCLING, "Suffolk", "2023-24");
    // West Suffolk 37.1, Ipswich 33.7, East Suffolk 41.4 (higher is better).
    expect(await rank()).toBe("2 of 3");
    expect(await rank()).toBe("2 of 3");
    // METRIC in between, from the same data.
    expect(await excel("METRIC", "West Suffolk", RECYCLING, "2023-24")).toBe(37.1);
    typeGroupRows(host, [
      ["Suffolk", "Ipswich"],
      ["Suffolk", "East Suffolk"],
      ["Suffolk", "Babergh"],
      ["Suffolk", "Mid Suffolk"],
    ]);
    // Babergh has no 2023-24 value; Mid Suffolk's is above West Suffolk's.
    expect(await rank()).toBe("3 of 4");
    typeGroupRows(host, [["Suffolk", "Ipswich"]]);
    expect(await rank()).toBe("1 of 2");
  });
});
