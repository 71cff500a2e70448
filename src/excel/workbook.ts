// The add-in's view of one workbook: inserting benchmark tables, refreshing them, and the data kept inside
// the file (which tables exist, the sources the user added, a snapshot of the values behind the tables).
import {
  benchmarkTable,
  PROFILE_METRIC,
  SUMMARY_METRIC,
  type BenchmarkTable,
  type TableSpec,
} from "../core/table.js";
import type { CustomGroup } from "../core/groups.js";
import type { LocalEvidence } from "../core/themeReport.js";
import { snapshotObservations } from "../core/snapshot.js";
import { createGroupsTable, loadCustomGroups, readCustomGroups } from "./customGroups.js";
import { describeError } from "./errors.js";
import { createEvidenceTable, loadLocalEvidence } from "./evidence.js";
import { queueNewTable, type Placement, type TableNaming } from "./insert.js";
import { progressReporter, type Progress } from "./progress.js";
import { refreshTables, type RefreshReport } from "./refresh.js";
import {
  emptyRegistry,
  loadRegistry,
  queueRestoreRegistry,
  queueSaveRegistry,
  type RegisteredTable,
  type TableSource,
} from "./registry.js";
import type { DataSession, SourceInput } from "./session.js";
import {
  loadSnapshotPart,
  queueRestoreSnapshot,
  queueSaveSnapshot,
  workbookSnapshot,
} from "./snapshotPart.js";
import { metricsOfTables, tableAttribution } from "./tableData.js";
import { tooOldForTables } from "./requirements.js";
import { damagedTables, restoreDamagedTables } from "./rewrite.js";

export interface InsertedTable {
  table: string;
  sheet: string;
  rows: number;
}

/** A registered table as the pane lists it: where it is now, or that it is gone. */
export interface WorkbookTable extends RegisteredTable {
  /** The sheet the table is on now; undefined when the table was deleted or renamed. */
  currentSheet?: string;
}

export class BenchmarkWorkbook {
  private session: Promise<DataSession> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly openSession: () => Promise<DataSession>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One change at a time: a ribbon refresh and a pane click never write the same table together. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** serial, for work that writes tables: refused at once on an Excel without what the writes need. */
  private writing<T>(work: () => Promise<T>): Promise<T> {
    const old = tooOldForTables();
    return old ? Promise.reject(new Error(old)) : this.serial(work);
  }

  /** The data, with the workbook's own snapshot merged over the shipped one and its sources restored. */
  data(): Promise<DataSession> {
    this.session ??= (async () => {
      const session = await this.openSession();
      await Excel.run(async (context) => {
        // A damaged list of tables must not stop the data loading; refreshing reports it.
        const { registry } = await loadRegistry(context).catch(() => ({ registry: emptyRegistry() }));
        const { snapshot } = await loadSnapshotPart(context);
        if (snapshot) {
          const observations = snapshotObservations(snapshot);
          session.add(
            { observations, attribution: snapshot.attribution, releases: snapshot.releases },
            { replace: false },
          );
        }
        for (const t of registry.tables) session.setSourceOf(t.spec.metric, t.source);
        for (const s of registry.sources) session.restoreSource(s);
      });
      return session;
    })().catch((e: unknown) => {
      this.session = undefined;
      throw e;
    });
    return this.session;
  }

  /** The data with the workbook's comparator groups as they are now: users edit that table at any time. */
  async dataWithGroups(): Promise<DataSession> {
    const session = await this.data();
    session.setCustomGroups(await readCustomGroups());
    return session;
  }

  /** The custom comparator groups in the workbook; undefined when it has no ComparatorGroups table. */
  customGroups(): Promise<CustomGroup[] | undefined> {
    return Excel.run(loadCustomGroups);
  }

  /** Adds the ComparatorGroups table for the user to fill in; returns the sheet it is on. */
  createCustomGroupsTable(): Promise<string> {
    return this.serial(() => Excel.run(createGroupsTable));
  }

  /** The council's own Best Value evidence (the Evidence table), read afresh: users edit it at any time. */
  localEvidence(): Promise<LocalEvidence[]> {
    return Excel.run(loadLocalEvidence);
  }

  /** Adds the Evidence table for the user to fill in; returns the sheet it is on. */
  createEvidenceTable(): Promise<string> {
    return this.serial(() => Excel.run(createEvidenceTable));
  }

  /** The workbook's benchmark tables, with the sheet each is on now. */
  tables(): Promise<WorkbookTable[]> {
    return Excel.run(async (context) => {
      const { registry } = await loadRegistry(context);
      const found = registry.tables.map((t) => {
        const table = context.workbook.tables.getItemOrNullObject(t.table);
        table.load("name");
        return table;
      });
      await context.sync();
      const sheets = found.map((t) => (t.isNullObject ? undefined : t.worksheet.load("name")));
      await context.sync();
      return registry.tables.map((t, i) => ({ ...t, currentSheet: sheets[i]?.name }));
    });
  }

  /** The sources the user added to this workbook. */
  userSources(): Promise<TableSource[]> {
    return Excel.run(async (context) => (await loadRegistry(context)).registry.sources);
  }

  /**
   * Inserts a metric table (or, with `spec.profile`, a profile) and registers it for refresh. `onProgress`
   * counts two steps: computed, then written.
   */
  insertTable(
    spec: TableSpec,
    placement: Placement = "new-sheet",
    onProgress?: Progress,
  ): Promise<InsertedTable> {
    if (spec.profile) {
      const { council } = spec.profile;
      const options = { council, group: spec.group?.kind, period: spec.period };
      return this.insertProfile(options, placement, onProgress);
    }
    return this.writing(async () => {
      const progress = progressReporter(onProgress);
      progress(0, 2, "Computing the table");
      const session = await this.dataWithGroups();
      const metric = session.benchmarks.metric(spec.metric);
      const stored = { ...spec, metric: metric.id };
      const table = benchmarkTable(session.benchmarks, stored, {
        attribution: tableAttribution(session, stored),
      });
      return this.insert(session, stored, table, metric.id, placement, progress);
    });
  }

  /**
   * Inserts a council's profile (one row per metric, see core/profileTable.ts) on a new sheet named like
   * "Profile West Suffolk", registered so refreshes recompute it. `group` is a comparator group of the
   * council (tier, type, region, nearest or a custom group's name); `period` a period, or each metric's
   * latest when omitted. `onProgress` counts two steps: computed, then written.
   */
  insertProfile(
    options: { council: string; group?: string; period?: string },
    placement: Placement = "new-sheet",
    onProgress?: Progress,
  ): Promise<InsertedTable> {
    return this.writing(async () => {
      const progress = progressReporter(onProgress);
      progress(0, 2, "Computing the profile");
      const session = await this.dataWithGroups();
      const council = session.benchmarks.council(options.council);
      const spec: TableSpec = {
        metric: PROFILE_METRIC,
        period: options.period?.trim() || "latest",
        profile: { council: council.code },
        ...(options.group ? { group: { council: council.code, kind: options.group } } : {}),
      };
      const table = benchmarkTable(session.benchmarks, spec, {
        attribution: tableAttribution(session, spec),
      });
      const name = `Profile ${council.shortName}`;
      return this.insert(session, spec, table, { sheet: name, table: name }, placement, progress);
    });
  }

  /**
   * Inserts a Best Value summary of a council (each theme's rating, its evidence under it, the method on
   * top) on a new sheet named like "Best Value West Suffolk", optionally with a second council beside it,
   * registered so refreshes recompute it with the Evidence table as it is then.
   */
  insertSummary(
    options: { council: string; compare?: string; group?: string; period?: string },
    placement: Placement = "new-sheet",
    onProgress?: Progress,
  ): Promise<InsertedTable> {
    return this.writing(async () => {
      const progress = progressReporter(onProgress);
      progress(0, 2, "Computing the Best Value summary");
      const session = await this.dataWithGroups();
      const council = session.benchmarks.council(options.council);
      const compare = options.compare ? session.benchmarks.council(options.compare).code : undefined;
      const spec: TableSpec = {
        metric: SUMMARY_METRIC,
        period: options.period?.trim() || "latest",
        summary: { council: council.code, ...(compare ? { compare } : {}) },
        ...(options.group ? { group: { council: council.code, kind: options.group } } : {}),
      };
      const local = await Excel.run(loadLocalEvidence);
      const table = benchmarkTable(session.benchmarks, spec, {
        attribution: tableAttribution(session, spec),
        local,
      });
      const name = `Best Value ${council.shortName}`;
      return this.insert(session, spec, table, { sheet: name, table: name }, placement, progress);
    });
  }

  /** Writes a computed table and its registration together; a failure takes the half-made table out again. */
  private async insert(
    session: DataSession,
    spec: TableSpec,
    table: BenchmarkTable,
    naming: TableNaming,
    placement: Placement,
    progress: Progress,
  ): Promise<InsertedTable> {
    const at = this.now();
    progress(1, 2, `Writing ${table.title}`);
    // Set once the checks pass: from then on a failure may have left part of the table behind.
    let undo: ((context: Excel.RequestContext) => Promise<void>) | undefined;
    try {
      const inserted = await Excel.run(async (context) => {
        const registry = await loadRegistry(context);
        const snapshot = await loadSnapshotPart(context);
        const planned = await queueNewTable(context, table, naming, placement, (what) =>
          progress(1, 2, `Writing ${table.title}: ${what}`),
        );
        undo = async (ctx) => {
          await queueRestoreRegistry(ctx, registry);
          await queueRestoreSnapshot(ctx, snapshot);
          await planned.undo(ctx);
        };
        registry.registry.tables.push({
          table: planned.table,
          sheet: planned.sheet,
          spec,
          source: session.sourceOf(spec.metric),
          inserted: at.toISOString(),
          lastRefresh: { at: at.toISOString(), ok: true, rows: planned.rows },
        });
        queueSaveRegistry(context, registry);
        const metrics = metricsOfTables(
          session.benchmarks,
          registry.registry.tables.map((t) => t.spec),
        );
        queueSaveSnapshot(
          context,
          snapshot,
          workbookSnapshot(session.benchmarks, metrics, session.attribution(), at, session.releases()),
        );
        await context.sync();
        return { table: planned.table, sheet: planned.sheet, rows: planned.rows };
      });
      progress(2, 2, `Inserted ${inserted.table}`);
      return inserted;
    } catch (error) {
      const takeOut = undo;
      if (takeOut) {
        await Excel.run(async (context) => {
          await takeOut(context);
          await context.sync();
        }).catch((e: unknown) => console.error("Could not take the half-made table out again", e));
      }
      throw error;
    }
  }

  /** Refreshes every benchmark table; `onProgress` counts tables + 2 steps (see refreshTables). */
  refreshAll(onProgress?: Progress): Promise<RefreshReport> {
    return this.refresh(async (_context, tables) => tables, onProgress);
  }

  /** The benchmark tables on one sheet (the active sheet when none is named). */
  refreshSheet(sheetName?: string, onProgress?: Progress): Promise<RefreshReport> {
    return this.refresh(async (context, tables) => {
      const sheets = context.workbook.worksheets;
      const sheet = sheetName ? sheets.getItem(sheetName) : sheets.getActiveWorksheet();
      const onSheet = sheet.tables.load("items/name");
      await context.sync();
      const names = new Set(onSheet.items.map((t) => t.name.toLowerCase()));
      return tables.filter((t) => names.has(t.table.toLowerCase()));
    }, onProgress);
  }

  refreshTable(tableName: string, onProgress?: Progress): Promise<RefreshReport> {
    return this.refresh(async (_context, tables) => {
      const found = tables.filter((t) => t.table.toLowerCase() === tableName.toLowerCase());
      if (!found.length) throw new Error(`${tableName} is not a benchmark table in this workbook`);
      return found;
    }, onProgress);
  }

  private refresh(
    choose: (context: Excel.RequestContext, tables: RegisteredTable[]) => Promise<RegisteredTable[]>,
    onProgress?: Progress,
  ): Promise<RefreshReport> {
    return this.writing(async () => {
      const session = await this.dataWithGroups();
      const { chosen, local } = await Excel.run(async (context) => {
        const chosen = await choose(context, (await loadRegistry(context)).registry.tables);
        // Summaries read the Evidence table as it is now; other tables do not need it.
        const local = chosen.some((t) => t.spec.summary) ? await loadLocalEvidence(context) : [];
        return { chosen, local };
      });
      const report = await refreshTables(session, chosen, this.now(), onProgress, local);
      // METRIC, SERIES, COMPARATORS and the profile and theme functions read the data afresh only when
      // Excel calculates them again: none of them depends on a cell the refresh wrote.
      if (report.refreshed.length) await recalculate();
      return report;
    });
  }

  /** The tables a failed refresh left partly written, whose last good copies are kept in the workbook. */
  damagedTables(): ReturnType<typeof damagedTables> {
    return this.serial(damagedTables);
  }

  /** Puts the damaged tables back from their kept copies (the pane's Restore). */
  restoreDamagedTables(): ReturnType<typeof restoreDamagedTables> {
    return this.writing(() => restoreDamagedTables());
  }

  /**
   * Recalculates every formula, custom functions included (a full calculation, as Ctrl+Alt+F9): after the
   * user edits ComparatorGroups or Evidence, which the functions read without Excel knowing.
   */
  recalculate(): Promise<void> {
    return this.serial(recalculate);
  }

  /** Adds a publisher's https file to the data, and keeps the source in the workbook for next time. */
  addSource(input: SourceInput): Promise<{ source: TableSource; metrics: string[] }> {
    return this.serial(async () => {
      const session = await this.data();
      const added = await session.addSource(input);
      await Excel.run(async (context) => {
        const loaded = await loadRegistry(context);
        loaded.registry.sources = [
          ...loaded.registry.sources.filter((s) => s.id !== added.source.id),
          added.source,
        ];
        queueSaveRegistry(context, loaded);
        await context.sync();
      }).catch((e: unknown) => {
        throw new Error(`The source was loaded but could not be saved in the workbook: ${describeError(e)}`);
      });
      return added;
    });
  }

  /** Adds a snapshot file's data; it is kept in the workbook once a table uses it. */
  loadSnapshotFile(text: string, fileName: string): Promise<{ source: TableSource; metrics: string[] }> {
    return this.serial(async () => (await this.data()).loadSnapshotFile(text, fileName));
  }
}

function recalculate(): Promise<void> {
  return Excel.run(async (context) => {
    context.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}
