// The add-in's view of one workbook: inserting benchmark tables, refreshing them, and the data kept inside
// the file (which tables exist, the sources the user added, a snapshot of the values behind the tables).
import { benchmarkTable, type TableSpec } from "../core/table.js";
import type { CustomGroup } from "../core/groups.js";
import type { LocalEvidence } from "../core/themeReport.js";
import { snapshotObservations } from "../core/snapshot.js";
import { createGroupsTable, loadCustomGroups, readCustomGroups } from "./customGroups.js";
import { describeError } from "./errors.js";
import { createEvidenceTable, loadLocalEvidence } from "./evidence.js";
import { queueNewTable, type Placement } from "./insert.js";
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
          session.add({ observations, attribution: snapshot.attribution }, { replace: false });
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

  insertTable(spec: TableSpec, placement: Placement = "new-sheet"): Promise<InsertedTable> {
    return this.serial(async () => {
      const session = await this.dataWithGroups();
      const metric = session.benchmarks.metric(spec.metric);
      const table = benchmarkTable(session.benchmarks, spec, {
        attribution: session.attributionOf(metric.id),
      });
      const at = this.now();
      // Set once the checks pass: from then on a failure may have left part of the table behind.
      let undo: ((context: Excel.RequestContext) => Promise<void>) | undefined;
      try {
        return await Excel.run(async (context) => {
          const registry = await loadRegistry(context);
          const snapshot = await loadSnapshotPart(context);
          const planned = await queueNewTable(context, table, metric.id, placement);
          undo = async (ctx) => {
            await queueRestoreRegistry(ctx, registry);
            await queueRestoreSnapshot(ctx, snapshot);
            planned.undo(ctx);
          };
          registry.registry.tables.push({
            table: planned.table,
            sheet: planned.sheet,
            spec: { ...spec, metric: metric.id },
            source: session.sourceOf(metric.id),
            inserted: at.toISOString(),
            lastRefresh: { at: at.toISOString(), ok: true, rows: planned.rows },
          });
          queueSaveRegistry(context, registry);
          const metrics = [...new Set(registry.registry.tables.map((t) => t.spec.metric))];
          queueSaveSnapshot(
            context,
            snapshot,
            workbookSnapshot(session.benchmarks, metrics, session.attribution(), at),
          );
          await context.sync();
          return { table: planned.table, sheet: planned.sheet, rows: planned.rows };
        });
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
    });
  }

  refreshAll(): Promise<RefreshReport> {
    return this.refresh(async (_context, tables) => tables);
  }

  /** The benchmark tables on one sheet (the active sheet when none is named). */
  refreshSheet(sheetName?: string): Promise<RefreshReport> {
    return this.refresh(async (context, tables) => {
      const sheets = context.workbook.worksheets;
      const sheet = sheetName ? sheets.getItem(sheetName) : sheets.getActiveWorksheet();
      const onSheet = sheet.tables.load("items/name");
      await context.sync();
      const names = new Set(onSheet.items.map((t) => t.name.toLowerCase()));
      return tables.filter((t) => names.has(t.table.toLowerCase()));
    });
  }

  refreshTable(tableName: string): Promise<RefreshReport> {
    return this.refresh(async (_context, tables) => {
      const found = tables.filter((t) => t.table.toLowerCase() === tableName.toLowerCase());
      if (!found.length) throw new Error(`${tableName} is not a benchmark table in this workbook`);
      return found;
    });
  }

  private refresh(
    choose: (context: Excel.RequestContext, tables: RegisteredTable[]) => Promise<RegisteredTable[]>,
  ): Promise<RefreshReport> {
    return this.serial(async () => {
      const session = await this.dataWithGroups();
      const chosen = await Excel.run(async (context) =>
        choose(context, (await loadRegistry(context)).registry.tables),
      );
      return refreshTables(session, chosen, this.now());
    });
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
