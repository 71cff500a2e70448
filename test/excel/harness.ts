// A workbook on the fake Excel host, data from the repository, and a "publisher" (the fixture server over a
// temporary folder) whose files a test can change or make fail.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Observation } from "../../src/core/model.js";
import { buildSnapshot, serializeSnapshot } from "../../src/core/snapshot.js";
import { DataSession } from "../../src/excel/session.js";
import { SNAPSHOT_NAMESPACE } from "../../src/excel/snapshotPart.js";
import { toXml } from "../../src/excel/xmlPart.js";
import { BenchmarkWorkbook } from "../../src/excel/workbook.js";
import {
  installFakeOffice,
  uninstallFakeOffice,
  type FakeExcelHost,
  type Scalar,
  type WorkbookState,
} from "../fakes/fakeExcel.js";
import { startFixtureServer, type FixtureServer } from "../support/fixtureServer.js";
import { repoDataFetch, shippedBenchmarks } from "./shipped.js";

export const PROXY = "/api/fetch?url=";
export const PUBLISHER = "https://publisher.test";

export interface Publisher {
  server: FixtureServer;
  /** Writes a file the publisher serves at PUBLISHER/data/<name>. */
  publish(name: string, text: string | Uint8Array): void;
  /** What the stand-in GOV.UK Content API answers at PUBLISHER/api/content<path>. */
  describe(path: string, item: unknown): void;
  /** While set, every request answers this HTTP status. */
  failWith: number | undefined;
  close(): Promise<void>;
}

export async function startPublisher(): Promise<Publisher> {
  const dir = mkdtempSync(join(tmpdir(), "council-benchmarks-publisher-"));
  const server = await startFixtureServer(dir);
  return {
    server,
    failWith: undefined,
    publish: (name, text) => writeFileSync(join(dir, name), text),
    describe: (path, item) => {
      const file = join(dir, "api/content", `${path}.json`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(item));
    },
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The add-in's fetch as the data proxy would answer it: proxied publisher URLs go to the fixture server,
 * the add-in's own files (data/*.json) come from the repository.
 */
export function addinFetch(publisher?: Publisher): typeof fetch {
  return async (input, init) => {
    const raw = String(input instanceof Request ? input.url : input);
    if (!raw.startsWith(PROXY)) return repoDataFetch(input, init);
    const target = new URL(decodeURIComponent(raw.slice(PROXY.length)));
    if (target.origin !== PUBLISHER || !publisher) return new Response("host not allowed", { status: 403 });
    const status = publisher.failWith === undefined ? "" : `?status=${publisher.failWith}`;
    return fetch(`${publisher.server.url}${target.pathname}${status}`, init);
  };
}

let shipped: ReturnType<typeof shippedBenchmarks> | undefined;

/** A session over the shipped data, as the add-in opens it (the parsed data is shared between tests). */
export function openSession(publisher?: Publisher): Promise<DataSession> {
  return DataSession.open({
    baseUrl: "https://addin.test/taskpane.html",
    proxyBase: PROXY,
    fetch: addinFetch(publisher),
    fetchOptions: { attempts: 2, retryDelayMs: 1 },
    loadShipped: async () => (shipped ??= shippedBenchmarks()),
    // GOV.UK and GitHub are the fixture publisher too (unreachable without one: the proxy refuses them).
    publisherHosts: { origin: PUBLISHER, githubApi: PUBLISHER, githubRaw: `${PUBLISHER}/data` },
  });
}

export interface Harness {
  excel: FakeExcelHost;
  workbook: BenchmarkWorkbook;
}

/** Installs the fake host (with `state`, e.g. a reopened file) and an add-in workbook over it. */
export function openWorkbook(publisher?: Publisher, state?: WorkbookState, now?: () => Date): Harness {
  const excel = installFakeOffice(globalThis, state);
  return { excel, workbook: new BenchmarkWorkbook(() => openSession(publisher), now) };
}

export function closeWorkbook(): void {
  uninstallFakeOffice(globalThis);
}

/** A tidy CSV of one indicator for one period. */
export function tidyCsv(
  indicator: string,
  period: string,
  rows: [code: string, name: string, value: number | ""][],
) {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [
    "areacd,areanm,period,indicator,value",
    ...rows.map(([code, name, value]) => [code, quote(name), period, indicator, value].join(",")),
  ].join("\n");
}

/** Sheets and tables only (the registry's last-refresh notes may change when a refresh fails). */
export function sheetsAndTables(excel: FakeExcelHost): Pick<WorkbookState, "sheets" | "tables"> {
  const { sheets, tables } = excel.snapshot();
  return { sheets, tables };
}

/** Types rows under the add-in's ComparatorGroups table and stretches the table over them, as a user would. */
export function typeGroupRows(excel: FakeExcelHost, rows: Scalar[][]): void {
  const { sheet } = excel.table("ComparatorGroups")!;
  const last = 1 + rows.length;
  excel.enter(`'${sheet}'!A2:B${last}`, rows);
  excel.resizeTable("ComparatorGroups", `'${sheet}'!A1:B${last}`);
}

/** Stores a snapshot of these rows in the open workbook, as the add-in keeps the data behind its tables. */
export async function storeWorkbookSnapshot(observations: Observation[]): Promise<void> {
  const snapshot = buildSnapshot(observations, { created: "2025-01-01", attribution: [] });
  await Excel.run(async (context) => {
    context.workbook.customXmlParts.add(toXml("snapshot", SNAPSHOT_NAMESPACE, serializeSnapshot(snapshot)));
    await context.sync();
  });
}

/** Cells a table no longer uses: empty, and their number format back to General. */
export function isVacated(excel: FakeExcelHost, range: string): boolean {
  const empty = excel
    .values(range)
    .flat()
    .every((v) => v === "");
  return (
    empty &&
    excel
      .numberFormats(range)
      .flat()
      .every((f) => f === "General")
  );
}

/** Eight Suffolk and Cambridgeshire councils, for small tidy files a test publishes. */
const COUNCILS: [string, string][] = [
  ["E07000245", "West Suffolk"],
  ["E07000244", "East Suffolk"],
  ["E07000203", "Mid Suffolk"],
  ["E07000200", "Babergh"],
  ["E07000202", "Ipswich"],
  ["E07000008", "Cambridge"],
  ["E07000012", "South Cambridgeshire"],
  ["E07000011", "Huntingdonshire"],
];

/** Rows for tidyCsv: the first `n` councils, each with value 10 × its position (West Suffolk gets `first`). */
export const councilRows = (n: number, first = 10) =>
  COUNCILS.slice(0, n).map(([code, name], i): [string, string, number] => [
    code,
    name,
    i === 0 ? first : 10 * (i + 1),
  ]);
