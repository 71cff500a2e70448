// Which tables in the workbook are benchmark tables and how to rebuild each one: kept in the workbook (a
// custom XML part), so Refresh works after the file is saved, reopened or sent to a colleague.
import * as z from "../core/schema.js";
import { loadPart, queueRestorePart, queueSavePart, type LoadedPart } from "./xmlPart.js";
import type { TableSpec } from "../core/table.js";

export const REGISTRY_NAMESPACE = "urn:council-benchmarks:tables:v1";
const ROOT = "benchmarkTables";

const sourceSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  /** Absent for data loaded from a file: such tables are recomputed from the data kept in the workbook. */
  url: z.string().optional(),
  format: z.enum(["lade", "els", "tidy", "snapshot", "publisher"]),
  licence: z.string(),
  attribution: z.string(),
});

const specSchema = z.object({
  metric: z.string().min(1),
  period: z.string().min(1),
  group: z.object({ council: z.string().min(1), kind: z.string().min(1) }).optional(),
  // Added with profiles and "my council": optional, so lists saved before them still load.
  /** A council profile (`metric` is then "profile"). */
  profile: z.object({ council: z.string().min(1) }).optional(),
  /** A Best Value summary (`metric` is then "summary"). */
  summary: z.object({ council: z.string().min(1), compare: z.string().min(1).optional() }).optional(),
  /** My council, whose row is highlighted. */
  focus: z.string().min(1).optional(),
  /** Only the comparison group's councils. */
  groupOnly: z.boolean().optional(),
  sort: z.literal("score").optional(),
  /** Live scores: Median to Outlier as formulas over the table's values (absent: plain values, as before). */
  live: z.boolean().optional(),
});

const resultSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  message: z.string().optional(),
  rows: z.number().optional(),
  /**
   * Metric tables: the rows the source gave before the comparator group's councils were picked out, to
   * tell a source cut off short from a group made smaller (refresh.ts). Absent before it was kept.
   */
  sourceRows: z.number().optional(),
});

const tableSchema = z.object({
  table: z.string().min(1),
  /** The sheet it was put on (the table's own sheet is looked up when refreshing). */
  sheet: z.string(),
  spec: specSchema,
  source: sourceSchema,
  inserted: z.string(),
  lastRefresh: resultSchema.optional(),
  /** The last refresh that wrote the table (lastRefresh, unless a later one failed); absent in older lists. */
  lastGood: resultSchema.optional(),
});

const registrySchema = z.object({
  version: z.literal(1),
  tables: z.array(tableSchema),
  /** Sources the user added, so they are offered again when the workbook is reopened. */
  sources: z.array(sourceSchema),
});

export type TableSource = z.infer<typeof sourceSchema>;
export type RefreshResult = z.infer<typeof resultSchema>;
export type RegisteredTable = z.infer<typeof tableSchema> & { spec: TableSpec };
export type WorkbookRegistry = z.infer<typeof registrySchema>;

export const emptyRegistry = (): WorkbookRegistry => ({ version: 1, tables: [], sources: [] });

/** Reads the stored registry; a damaged one is reported rather than silently replaced. */
export function parseRegistry(text: string | undefined): WorkbookRegistry {
  if (text === undefined || text.trim() === "") return emptyRegistry();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(
      "This workbook's list of benchmark tables is damaged (not JSON), so it cannot be refreshed",
    );
  }
  const parsed = registrySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `This workbook's list of benchmark tables is damaged (${issue.path.join(".") || "file"}: ${issue.message})`,
    );
  }
  return parsed.data;
}

export interface LoadedRegistry {
  registry: WorkbookRegistry;
  part: LoadedPart;
}

export async function loadRegistry(context: Excel.RequestContext): Promise<LoadedRegistry> {
  const part = await loadPart(context, REGISTRY_NAMESPACE);
  return { registry: parseRegistry(part.text), part };
}

export function queueSaveRegistry(context: Excel.RequestContext, loaded: LoadedRegistry): void {
  queueSavePart(context, loaded.part, ROOT, JSON.stringify(loaded.registry));
}

/** Puts the registry back as it was read (after a failed change). */
export function queueRestoreRegistry(context: Excel.RequestContext, loaded: LoadedRegistry): Promise<void> {
  return queueRestorePart(context, loaded.part, ROOT);
}

export function findTable(registry: WorkbookRegistry, name: string): RegisteredTable | undefined {
  return registry.tables.find((t) => t.table.toLowerCase() === name.toLowerCase());
}
