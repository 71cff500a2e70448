// The last good copy of a table that a failed refresh left partly written (the write failed, then putting the
// table back failed too): kept in the workbook as a custom XML part, so the next refresh, or Restore in the
// pane, can put the table back even after the file is saved and reopened. Usually the part does not exist.
import * as z from "../core/schema.js";
import { jsonBytes } from "./blocks.js";
import { loadPart, queueSavePart, type LoadedPart } from "./xmlPart.js";

export const KEPT_NAMESPACE = "urn:council-benchmarks:kept-tables:v1";
const ROOT = "keptTables";

/**
 * The most a part may hold. It goes to Excel in one request and comes back in one response, which Excel on
 * the web refuses over 5 MB (the fake models it); Office documents no lower limit for custom XML parts.
 * Escaping for XML can grow the text, so this leaves room. Tests lower it.
 */
export const KEPT_LIMIT = { bytes: 2_000_000 };

const columnSchema = z.object({
  name: z.string(),
  kind: z.enum(["text", "number", "boolean"]),
  numberFormat: z.string(),
});

const keptSchema = z.object({
  table: z.string().min(1),
  sheet: z.string(),
  /** When the table was damaged, and how (the first failure). */
  at: z.string(),
  reason: z.string(),
  /** The table as it was before the failed refresh: place, size, cells and formats (see rewrite.ts). */
  before: z.object({
    sheet: z.string(),
    top: z.number(),
    left: z.number(),
    width: z.number(),
    rows: z.number(),
    totals: z.boolean(),
    /** JSON of the grid of formulas (constants as values), checked on reading: the schema has no unions. */
    formulas: z.string(),
    formats: z.array(z.array(z.string())),
    highlighted: z.boolean(),
    sourceLine: z.object({ row: z.number(), text: z.string() }).optional(),
  }),
  /** What the table's colours and chart need besides its cells. */
  shape: z.object({
    columns: z.array(columnSchema),
    highlight: z
      .object({
        bandText: z.enum(["id", "words"]),
        focus: z.object({ council: z.string(), codes: z.array(z.string()) }).optional(),
      })
      .optional(),
    chart: z.object({ title: z.string() }).optional(),
  }),
});

const partSchema = z.object({ version: z.literal(1), tables: z.array(keptSchema) });

export type KeptTable = z.infer<typeof keptSchema>;

type Cell = string | number | boolean;
const isCell = (v: unknown): v is Cell => ["string", "number", "boolean"].includes(typeof v);

/** The kept grid of formulas, or undefined when it is not a grid of cells as the formats. */
export function keptFormulas(kept: KeptTable): Cell[][] | undefined {
  try {
    const grid: unknown = JSON.parse(kept.before.formulas);
    const rows = kept.before.formats;
    if (!Array.isArray(grid) || grid.length !== rows.length) return undefined;
    const ok = grid.every(
      (row: unknown, r) => Array.isArray(row) && row.length === rows[r].length && row.every(isCell),
    );
    return ok ? (grid as Cell[][]) : undefined;
  } catch {
    return undefined;
  }
}

export interface LoadedKept {
  tables: KeptTable[];
  part: LoadedPart;
}

/** The kept copies; a part that cannot be read is treated as none (it is only ever a safety net). */
export async function loadKept(context: Excel.RequestContext): Promise<LoadedKept> {
  const part = await loadPart(context, KEPT_NAMESPACE);
  if (!part.text) return { tables: [], part };
  try {
    const parsed = partSchema.safeParse(JSON.parse(part.text));
    if (parsed.success) return { tables: parsed.data.tables, part };
  } catch {
    // Not JSON: fall through.
  }
  console.warn("Ignoring the workbook's damaged copies of partly written tables");
  return { tables: [], part };
}

/** Queues saving `tables` (removing the part when there are none); the caller syncs. */
export function queueSaveKept(context: Excel.RequestContext, loaded: LoadedKept, tables: KeptTable[]): void {
  if (!tables.length) {
    for (const part of [loaded.part.part, ...loaded.part.extras]) part?.delete();
    return;
  }
  queueSavePart(context, loaded.part, ROOT, JSON.stringify({ version: 1, tables }));
}

/**
 * Keeps a copy of a damaged table (replacing an older one of the same table). Answers why not when it
 * cannot: the copy would be too big for the workbook's part, or Excel refused it too.
 */
export async function keepTable(copy: KeptTable): Promise<string | undefined> {
  try {
    return await Excel.run(async (context) => {
      const loaded = await loadKept(context);
      const same = (t: KeptTable) => t.table.toLowerCase() === copy.table.toLowerCase();
      // A table already kept is still damaged: its older copy is its last good one.
      if (loaded.tables.some(same)) return undefined;
      const tables = [...loaded.tables, copy];
      if (jsonBytes({ version: 1, tables }) > KEPT_LIMIT.bytes)
        return "the table is too big to keep a copy of";
      queueSaveKept(context, loaded, tables);
      await context.sync();
      return undefined;
    });
  } catch (e) {
    console.error(`Could not keep a copy of ${copy.table}`, e);
    return "Excel refused that too";
  }
}
