// Refreshing benchmark tables: fetch every source once, recompute every table, and only then write, table
// by table. A table whose data could not be fetched or computed is not touched, nor one whose source gave far
// fewer rows than last time (shrinkGuard.ts). Tables an earlier refresh left partly written are put back
// from their kept copies first (rewrite.ts).
import type { LocalEvidence } from "../core/themeReport.js";
import { benchmarkTable, type BenchmarkTable } from "../core/table.js";
import { describeError } from "./errors.js";
import { stillInUse } from "./releaseText.js";
import { SourceError } from "../sources/sourceError.js";
import { progressReporter, type Progress } from "./progress.js";
import {
  loadRegistry,
  queueSaveRegistry,
  type RefreshResult,
  type RegisteredTable,
  type TableSource,
} from "./registry.js";
import { restoreDamagedTables, rewriteTable, TableGone } from "./rewrite.js";
import { cutOffReason, sourceRows } from "./shrinkGuard.js";
import type { DataSession } from "./session.js";
import { loadSnapshotPart, queueSaveSnapshot, workbookSnapshot } from "./snapshotPart.js";
import { metricsOfTables, tableAttribution, tableSources } from "./tableData.js";

export interface RefreshReport {
  at: string;
  refreshed: { table: string; sheet: string; rows: number; note?: string }[];
  /** Tables left as they were, with why. Deleted tables are also taken off the workbook's list. */
  failed: { table: string; message: string }[];
  /**
   * Publishers that could not be checked for a newer release: their data stayed as it was and the tables
   * were recomputed from it (groups and Evidence still apply), each message naming the release in use.
   */
  notes: { source: string; message: string }[];
}

type Computed =
  | { entry: RegisteredTable; table: BenchmarkTable; sourceRows?: number }
  | { entry: RegisteredTable; error: string };

/**
 * Fetches each source once. A user's source that fails fails its tables (kept by source id); a publisher
 * that cannot be checked only leaves its data as it was, noted with the release still in use.
 */
async function fetchSources(
  session: DataSession,
  sources: TableSource[],
  /** What is being read, as the file is read (a publisher's 22 MB sheet takes a moment). */
  reading: (what: string) => void,
): Promise<{ failures: Map<string, string>; notes: Map<string, string> }> {
  const distinct = [...new Map(sources.filter((s) => s.url).map((s) => [s.id, s])).values()];
  const results = await Promise.all(
    distinct.map((source) =>
      session
        .fetch(source, (f) => reading(`Reading ${source.name}: ${Math.round(f * 100)}%`))
        .then(
          (data) => ({ source, data }),
          (error: unknown) => ({
            source,
            error: describeError(error),
            // A publisher's page address says little to users; its name and the reason do.
            detail: error instanceof SourceError ? error.detail : describeError(error),
          }),
        ),
    ),
  );
  const failures = new Map<string, string>();
  const notes = new Map<string, string>();
  for (const r of results) {
    if (!("error" in r)) session.refreshFrom(r.source, r.data);
    else if (r.source.format !== "publisher") failures.set(r.source.id, r.error);
    else
      notes.set(
        r.source.id,
        `Could not check ${r.source.name} for a newer release: ${r.detail.replace(/\.$/, "")}. ${stillInUse(session.releaseOfSource(r.source.id))}`,
      );
  }
  return { failures, notes };
}

function compute(
  session: DataSession,
  entry: RegisteredTable,
  sourceError: string | undefined,
  local: readonly LocalEvidence[],
): Computed {
  if (sourceError) return { entry, error: sourceError };
  try {
    const attribution = tableAttribution(session, entry.spec);
    const table = benchmarkTable(session.benchmarks, entry.spec, { attribution, local });
    const rows = sourceRows(session.benchmarks, entry.spec);
    const cutOff = cutOffReason(entry, rows);
    return cutOff ? { entry, error: cutOff } : { entry, table, sourceRows: rows };
  } catch (e) {
    return { entry, error: describeError(e) };
  }
}

/**
 * Refreshes the chosen tables. `onProgress` counts one step for fetching and computing, one per table
 * (written or left as it was) and one for recording the results: chosen.length + 2 steps.
 */
export async function refreshTables(
  session: DataSession,
  chosen: RegisteredTable[],
  now: Date,
  onProgress?: Progress,
  /** The workbook's Evidence table, for Best Value summaries. */
  local: readonly LocalEvidence[] = [],
): Promise<RefreshReport> {
  const progress = progressReporter(onProgress);
  const at = now.toISOString();
  const report: RefreshReport = { at, refreshed: [], failed: [], notes: [] };
  if (!chosen.length) {
    progress(1, 1, "No benchmark tables to refresh");
    return report;
  }
  const total = chosen.length + 2;
  progress(0, total, "Fetching the data");
  // Tables an earlier refresh left partly written are put back from their kept copies before anything else.
  const mended = await restoreDamagedTables(chosen.map((t) => t.table)).catch((e: unknown) => {
    console.error("Could not look for partly written tables", e);
    return { restored: [], failed: [] };
  });
  const damaged = new Map(mended.failed.map((f) => [f.table.toLowerCase(), f.message]));

  // A profile depends on every source of its metrics; any of them failing leaves it as it was.
  const sources = chosen.map((t) => tableSources(session, t));
  const { failures, notes } = await fetchSources(session, sources.flat(), (what) => progress(0, total, what));
  report.notes = [...notes].map(([source, message]) => ({ source, message }));
  const computed = chosen.map((entry, i) =>
    compute(
      session,
      entry,
      sources[i].map((s) => failures.get(s.id)).find((e) => e !== undefined),
      local,
    ),
  );
  const noteOf = (i: number) =>
    sources[i]
      .map((s) => notes.get(s.id))
      .filter(Boolean)
      .join(" ") || undefined;
  progress(1, total, "Computed the tables");

  const gone = new Set<string>();
  const sourceRowsOf = new Map<string, number>();
  for (const [i, c] of computed.entries()) {
    const stillDamaged = damaged.get(c.entry.table.toLowerCase());
    if (stillDamaged !== undefined) {
      report.failed.push({ table: c.entry.table, message: stillDamaged });
    } else if ("error" in c) {
      report.failed.push({ table: c.entry.table, message: c.error });
    } else {
      if (c.sourceRows !== undefined) sourceRowsOf.set(c.entry.table, c.sourceRows);
      try {
        const written = await rewriteTable(c.entry.table, c.table, (what) =>
          progress(1 + i, total, `Writing ${c.entry.table}: ${what}`),
        );
        const note = noteOf(i);
        report.refreshed.push({ table: c.entry.table, ...written, ...(note ? { note } : {}) });
      } catch (e) {
        if (e instanceof TableGone) gone.add(c.entry.table);
        report.failed.push({ table: c.entry.table, message: describeError(e) });
      }
    }
    const ok = report.refreshed.at(-1)?.table === c.entry.table;
    progress(2 + i, total, `${ok ? "Refreshed" : "Could not refresh"} ${c.entry.table}`);
  }

  await recordResults(session, report, gone, sourceRowsOf, now).catch((e: unknown) =>
    console.error("Could not record the refresh in the workbook", e),
  );
  progress(total, total, `Refreshed ${report.refreshed.length} of ${chosen.length} tables`);
  return report;
}

/** Notes each table's last refresh, drops deleted tables and keeps the data behind the tables. */
async function recordResults(
  session: DataSession,
  report: RefreshReport,
  gone: Set<string>,
  sourceRowsOf: Map<string, number>,
  now: Date,
) {
  await Excel.run(async (context) => {
    const loaded = await loadRegistry(context);
    const snapshot = await loadSnapshotPart(context);
    const results = new Map<string, RefreshResult>([
      ...report.refreshed.map((r): [string, RefreshResult] => [
        r.table,
        {
          at: report.at,
          ok: true,
          rows: r.rows,
          ...(sourceRowsOf.has(r.table) ? { sourceRows: sourceRowsOf.get(r.table) } : {}),
          ...(r.note ? { message: r.note } : {}),
        },
      ]),
      ...report.failed.map((f): [string, RefreshResult] => [
        f.table,
        { at: report.at, ok: false, message: f.message },
      ]),
    ]);
    const tables = loaded.registry.tables.filter((t) => !gone.has(t.table));
    loaded.registry.tables = tables.map((t) => {
      const result = results.get(t.table);
      // The last good result outlives failures: a table refused as cut off is judged against it next time.
      const lastGood = result?.ok ? result : (t.lastGood ?? (t.lastRefresh?.ok ? t.lastRefresh : undefined));
      return { ...t, lastRefresh: result ?? t.lastRefresh, ...(lastGood ? { lastGood } : {}) };
    });
    queueSaveRegistry(context, loaded);
    if (report.refreshed.length) {
      const metrics = metricsOfTables(
        session.benchmarks,
        tables.map((t) => t.spec),
      );
      queueSaveSnapshot(
        context,
        snapshot,
        workbookSnapshot(session.benchmarks, metrics, session.attribution(), now, session.releases()),
      );
    }
    await context.sync();
  });
}
