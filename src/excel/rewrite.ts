// Writes refreshed rows into an existing benchmark table. Everything is read and checked first (in blocks of
// rows, so no response is too big for Excel on the web); then the body is written in blocks, one sync each.
// Excel does not roll a failed batch back, so the cells a refresh touches are kept and put back if a write
// fails: a failed refresh leaves the sheet as it was. Should putting it back fail too, the table is left
// partly written: its last good copy is then kept in the workbook (keptTables.ts), and the next refresh, or
// Restore, puts it back first. The table's conditional formats (band colours, my council's row) are laid
// again over the new rows, and put back as they were on failure. A total row the user turned on keeps its
// contents and moves with the end of the table.
import type { BenchmarkTable } from "../core/table.js";
import {
  blockText,
  jsonBytes,
  readInBlocks,
  rowBlocks,
  suspendForWrite,
  type Block,
  type CellImage,
} from "./blocks.js";
import { bodyWriter, formatLine, grid, headerRow, type Cell } from "./cells.js";
import { findChart, queueChart } from "./chart.js";
import { describeError } from "./errors.js";
import { findHighlights, queueHighlights, queueRemoveHighlights } from "./highlights.js";
import { checkNoMergedCells } from "./merged.js";
import { keepTable, keptFormulas, loadKept, queueSaveKept, type KeptTable } from "./keptTables.js";

export class TableGone extends Error {
  override name = "TableGone";
}

/** A table left partly written: the refresh failed and putting the table back failed too. */
export class TableDamaged extends Error {
  override name = "TableDamaged";
}

/** What a table's colours and chart need besides its cells (kept with a damaged table's copy). */
type TableShape = Pick<BenchmarkTable, "columns" | "highlight" | "chart">;

const shapeOf = ({ columns, highlight, chart }: BenchmarkTable): TableShape => ({
  columns,
  ...(highlight ? { highlight } : {}),
  ...(chart ? { chart } : {}),
});

const asTable = (shape: TableShape): BenchmarkTable => ({
  ...shape,
  rows: [],
  title: "",
  caveats: [],
  attribution: "",
});

const sheetText = (sheet: string) => `sheet '${sheet}'`;

interface Before {
  sheet: string;
  top: number;
  left: number;
  width: number;
  /** Data rows (not counting the header or a total row). */
  rows: number;
  /** Whether the table shows a total row (its last row). */
  totals: boolean;
  /** The table and the rows it grows into: formulas (constants read back as values) and formats. */
  formulas: Cell[][];
  formats: string[][];
  /** Whether the table had our conditional formats (tables inserted before there were any have none). */
  highlighted: boolean;
  /** The source line above the table (it names the release in use), where it is still there. */
  sourceLine?: { row: number; text: string };
}

/** Our credit line: "Source: …" for one metric, "Sources: …" for a profile. */
const SOURCE_LINE = /^Sources?: /;
/** The lines above a table: title, source, caveats, then a blank row or the band colours' key. */
const LINES_ABOVE = 4;

/**
 * Rewrites the table's own columns; columns the user added to the right keep their contents. `onBlock`
 * hears of each block of rows written, when there is more than one.
 */
export async function rewriteTable(
  name: string,
  table: BenchmarkTable,
  onBlock?: (what: string) => void,
): Promise<{ sheet: string; rows: number }> {
  // Set once everything is read and checked: from then on a failure may have written part of the table.
  let before: Before | undefined;
  try {
    await Excel.run(async (context) => {
      const plan = await readTable(context, name, table);
      before = plan.before;
      await writeTable(context, plan, table, onBlock);
    });
  } catch (error) {
    if (!before) throw error;
    const restoreError = await restore(name, before, shapeOf(table)).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (restoreError === undefined) throw error;
    console.error(`Could not put ${name} back`, restoreError);
    const reason = describeError(error).replace(/\.$/, "");
    const notKept = await keepTable({
      table: name,
      sheet: before.sheet,
      at: new Date().toISOString(),
      reason,
      before: { ...before, formulas: JSON.stringify(before.formulas) },
      shape: shapeOf(table),
    });
    throw new TableDamaged(
      `Table ${name} on ${sheetText(before.sheet)} is only partly written: writing it failed (${reason}) and ` +
        `putting it back failed too. ` +
        (notKept
          ? `Its last good copy could not be kept (${notKept}): refresh it again to write it from fresh data.`
          : "Its last good copy is kept in the workbook: refresh again, or choose Restore, to put it back."),
    );
  }
  return { sheet: before!.sheet, rows: table.rows.length };
}

export interface RestoreReport {
  /** Tables put back as they were before the refresh that damaged them. */
  restored: { table: string; sheet: string }[];
  /** Tables still damaged (or whose copy could not be used), with why. */
  failed: { table: string; message: string }[];
}

/**
 * Puts back the tables a failed refresh left partly written, from the copies kept in the workbook (all of
 * them, or those named in `only`), and drops each copy once its table is back. A copy whose table was
 * deleted is dropped too. For the pane's Restore, and run by every refresh before it writes.
 */
export async function restoreDamagedTables(only?: readonly string[]): Promise<RestoreReport> {
  const report: RestoreReport = { restored: [], failed: [] };
  const wanted = only && new Set(only.map((t) => t.toLowerCase()));
  const kept = await Excel.run(async (context) => (await loadKept(context)).tables);
  const done = new Set<string>();
  for (const copy of kept.filter((t) => !wanted || wanted.has(t.table.toLowerCase()))) {
    const formulas = keptFormulas(copy);
    const still = `Table ${copy.table} on ${sheetText(copy.sheet)} is still only partly written`;
    if (!formulas) {
      report.failed.push({
        table: copy.table,
        message: `${still}, and its kept copy is damaged: insert the table again`,
      });
      continue;
    }
    try {
      const sheet = await Excel.run(async (context) => {
        const excelTable = context.workbook.tables.getItemOrNullObject(copy.table);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- a run per table: one failing leaves the rest
        await context.sync();
        if (excelTable.isNullObject) return undefined;
        return queueRestore(context, copy.table, { ...copy.before, formulas }, copy.shape);
      });
      done.add(copy.table);
      if (sheet !== undefined) report.restored.push({ table: copy.table, sheet });
    } catch (e) {
      report.failed.push({
        table: copy.table,
        message: `${still}: putting it back failed (${describeError(e).replace(/\.$/, "")}). Its last good copy is still kept: try again.`,
      });
    }
  }
  if (done.size) {
    // If this fails the copies stay: the next refresh puts their (last good) cells back again, then writes.
    await Excel.run(async (context) => {
      const loaded = await loadKept(context);
      queueSaveKept(
        context,
        loaded,
        loaded.tables.filter((t) => !done.has(t.table)),
      );
      await context.sync();
    }).catch((e: unknown) => console.error("Could not drop the kept copies of restored tables", e));
  }
  return report;
}

/** The names and sheets of the tables a failed refresh left partly written (for the pane to offer Restore). */
export async function damagedTables(): Promise<Pick<KeptTable, "table" | "sheet" | "at" | "reason">[]> {
  const kept = await Excel.run(async (context) => (await loadKept(context)).tables);
  return kept.map(({ table, sheet, at, reason }) => ({ table, sheet, at, reason }));
}

interface Plan {
  before: Before;
  worksheet: Excel.Worksheet;
  excelTable: Excel.Table;
  /** Formulas (R1C1) in the first row of the user's own columns, to carry into new rows. */
  userFormulas: (string | null)[];
  /** Our conditional formats on the table's own columns, replaced by the write. */
  highlights: Excel.ConditionalFormat[];
  /** The table's chart, unless the user deleted it. */
  chart?: Excel.Chart;
}

async function readTable(context: Excel.RequestContext, name: string, table: BenchmarkTable): Promise<Plan> {
  const excelTable = context.workbook.tables.getItemOrNullObject(name);
  excelTable.load("name,showTotals");

  await context.sync();
  if (excelTable.isNullObject)
    throw new TableGone(`There is no table named ${name} any more (deleted or renamed)`);

  const worksheet = excelTable.worksheet.load("name");
  const range = excelTable.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
  const header = excelTable.getHeaderRowRange().load("values");

  await context.sync();

  if (!table.rows.length) throw new Error(`${table.title}: there are no rows to show`);
  const ours = headerRow(table);
  const found = header.values[0].slice(0, ours.length).map(String);
  if (found.join("\u0000") !== ours.join("\u0000")) {
    throw new Error(
      `Table ${name} no longer starts with the columns ${ours.join(", ")}; put them back (or insert the table again) to refresh it`,
    );
  }
  const totals = excelTable.showTotals ? 1 : 0;
  const [top, left, width] = [range.rowIndex, range.columnIndex, range.columnCount];
  const rows = range.rowCount - 1 - totals;
  // The table as it is and the rows it grows into: header, body, total row.
  const height = Math.max(range.rowCount, 1 + table.rows.length + totals);
  const userColumns = width - ours.length;
  const firstUserRow =
    userColumns && rows > 0
      ? worksheet.getRangeByIndexes(top + 1, left + ours.length, 1, userColumns).load("formulasR1C1,values")
      : undefined;
  // (Loaded with the first block of the read below.)
  // A row reads back about as big as a new row writes, plus the user's columns.
  // (Formulas and their results both come back.)
  const estimate = 2 * bodyWriter(table, name).bytes(0) + jsonBytes(formatLine(table)) + userColumns * 24;
  const area = await readInBlocks(context, worksheet, { top, left, rows: height, width }, estimate);

  const below = area.formulas.slice(range.rowCount);
  const more = `Table ${name} needs ${table.rows.length - rows} more rows, but the cells below it`;
  if (below.some((row) => row.some((v) => v !== "")))
    throw new Error(`${more} are not empty; move them and refresh again`);
  if (below.length)
    await checkNoMergedCells(
      context,
      worksheet.getRangeByIndexes(top + range.rowCount, left, below.length, width),
      `${more} are merged; unmerge or move them and refresh again`,
    );
  const sourceLine = await findSourceLine(context, worksheet, top, left);
  // Only cells that hold formulas: a formula reads back as its text and its value as its result, but text
  // typed as '=… reads back as =… from both on Excel on the web (office-js #6687), and is no formula.
  const userFormulas = (firstUserRow?.formulasR1C1[0] ?? []).map((f, c) =>
    typeof f === "string" && f.startsWith("=") && f !== firstUserRow!.values[0][c] ? f : null,
  );
  const highlights = await findHighlights(
    context,
    worksheet.getRangeByIndexes(top + 1, left, height - 1, ours.length),
  );
  const chart = table.chart && (await findChart(context, worksheet, name));
  return {
    chart: chart || undefined,
    before: {
      sheet: worksheet.name,
      top,
      left,
      width,
      rows,
      totals: totals === 1,
      formulas: area.formulas,
      formats: area.formats,
      highlighted: highlights.length > 0,
      sourceLine,
    },
    worksheet,
    excelTable,
    userFormulas,
    highlights,
  };
}

/** The source line in the rows just above the table, if the user has not moved or deleted it. */
async function findSourceLine(
  context: Excel.RequestContext,
  worksheet: Excel.Worksheet,
  top: number,
  left: number,
): Promise<Before["sourceLine"]> {
  const first = Math.max(0, top - LINES_ABOVE);
  if (first === top) return undefined;
  const above = worksheet.getRangeByIndexes(first, left, top - first, 1).load("values");

  await context.sync();
  const at = above.values.findIndex(([v]) => typeof v === "string" && SOURCE_LINE.test(v));
  return at < 0 ? undefined : { row: first + at, text: String(above.values[at][0]) };
}

/** Runs of consecutive rows of a block that `needs`, as [first, count] pairs. */
function runs(block: Block, needs: (row: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let r = block.start; r < block.start + block.rows; r++) {
    if (!needs(r)) continue;
    const last = out.at(-1);
    if (last && last[0] + last[1] === r) last[1]++;
    else out.push([r, 1]);
  }
  return out;
}

/**
 * Writes the table: first sync the resize, the total row, the source line and the colours with the first
 * block of rows; then a sync per further block. Number formats go only to rows that lack the table's own
 * (new rows, or rows the user reformatted), always before their values.
 */
async function writeTable(
  context: Excel.RequestContext,
  plan: Plan,
  table: BenchmarkTable,
  onBlock?: (what: string) => void,
): Promise<void> {
  const { before, worksheet, excelTable, userFormulas } = plan;
  const { top, left, width, rows: oldRows } = before;
  const totals = before.totals ? 1 : 0;
  const rows = table.rows.length;
  const ours = table.columns.length;
  const oldHeight = 1 + oldRows + totals;
  const newHeight = 1 + rows + totals;
  const body = bodyWriter(table, plan.excelTable.name);
  const line = formatLine(table);
  const lineText = line.join("\u0000");
  const lineBytes = jsonBytes(line);
  // Body row r is sheet row top + 1 + r; the before-image starts at the header.
  const hasFormats = (r: number) =>
    r < oldRows && before.formats[1 + r].slice(0, ours).join("\u0000") === lineText;
  const carry = userFormulas.some((f) => f !== null);
  const userBytes = carry ? jsonBytes(userFormulas) : 0;
  const blocks = rowBlocks(
    rows,
    (r) => body.bytes(r) + (hasFormats(r) ? 0 : lineBytes) + (carry && r >= oldRows ? userBytes : 0),
  );
  const totalRow = totals
    ? { formulas: before.formulas[oldHeight - 1], formats: before.formats[oldHeight - 1] }
    : undefined;

  for (const [i, b] of blocks.entries()) {
    suspendForWrite(context, i === 0);
    if (blocks.length > 1) onBlock?.(blockText(b, rows));
    if (i === 0) {
      if (before.sourceLine && before.sourceLine.text !== table.attribution)
        worksheet.getRangeByIndexes(before.sourceLine.row, left, 1, 1).values = [[table.attribution]];
      if (rows !== oldRows) {
        // The total row moves with the end of the table (written again where it ends up, whatever Excel
        // does with it on resize): its old place becomes a body row, or is vacated.
        if (totalRow) worksheet.getRangeByIndexes(top + oldHeight - 1, left, 1, width).clear("Contents");
        excelTable.resize(worksheet.getRangeByIndexes(top, left, newHeight, width));
        if (totalRow) {
          const at = worksheet.getRangeByIndexes(top + newHeight - 1, left, 1, width);
          at.numberFormat = [totalRow.formats];
          at.formulas = [totalRow.formulas];
        }
      }
      queueRemoveHighlights(plan.highlights);
      queueHighlights(worksheet, table, { top: top + 1, left, rows, width: ours });
    }
    for (const [first, count] of runs(b, (r) => !hasFormats(r)))
      worksheet.getRangeByIndexes(top + 1 + first, left, count, ours).numberFormat = Array.from(
        { length: count },
        () => line,
      );
    body.queue(worksheet, top + 1, left, b.start, b.rows);
    if (carry) {
      // Calculated columns the user added carry on into the new rows.
      for (const [first, count] of runs(b, (r) => r >= oldRows))
        worksheet.getRangeByIndexes(top + 1 + first, left + ours, count, userFormulas.length).formulasR1C1 =
          Array.from({ length: count }, () => userFormulas);
    }
    if (i === blocks.length - 1 && plan.chart)
      queueChart(worksheet, plan.chart, table, plan.excelTable.name, { top: top + 1, left, rows, width });
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block is the point
    await context.sync();
  }

  if (newHeight < oldHeight) {
    // The rows the table no longer uses: emptied, their formats back to General, in blocks.
    const count = oldHeight - newHeight;
    const general = grid(1, width, "General")[0];
    const vacated = rowBlocks(count, () => jsonBytes(general));
    for (const [i, b] of vacated.entries()) {
      suspendForWrite(context, false);
      const range = worksheet.getRangeByIndexes(top + newHeight + b.start, left, b.rows, width);
      if (i === 0) worksheet.getRangeByIndexes(top + newHeight, left, count, width).clear("Contents");
      range.numberFormat = Array.from({ length: b.rows }, () => general);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block is the point
      await context.sync();
    }
  }
}

/** Puts the table back as it was read: its size, then every cell in blocks, then its colours. */
function restore(name: string, before: Before, shape: TableShape): Promise<string> {
  return Excel.run((context) => queueRestore(context, name, before, shape));
}

/** Puts the table back in `context` (syncing as it goes) and answers its sheet's name. */
async function queueRestore(
  context: Excel.RequestContext,
  name: string,
  before: Before,
  shape: TableShape,
): Promise<string> {
  const table = asTable(shape);
  // The table's own sheet, wherever it is now (the user may have renamed it since it was damaged).
  const excelTable = context.workbook.tables.getItem(name);
  const worksheet = excelTable.worksheet.load("name");
  const { top, left, width, rows } = before;
  const ours = table.columns.length;
  const height = before.formulas.length;
  const highlights = await findHighlights(
    context,
    worksheet.getRangeByIndexes(top + 1, left, height - 1, ours),
  );
  excelTable.resize(worksheet.getRangeByIndexes(top, left, 1 + rows + (before.totals ? 1 : 0), width));
  if (before.sourceLine)
    worksheet.getRangeByIndexes(before.sourceLine.row, left, 1, 1).values = [[before.sourceLine.text]];
  queueRemoveHighlights(highlights);
  if (before.highlighted) queueHighlights(worksheet, table, { top: top + 1, left, rows, width: ours });
  const chart = table.chart && (await findChart(context, worksheet, name));
  // Back to the rows as they were, my council's column found among them again.
  if (chart)
    queueChart(worksheet, chart, table, name, { top: top + 1, left, rows, width }, before.formulas.slice(1));
  const image: CellImage = { formulas: before.formulas, formats: before.formats };
  const blocks = rowBlocks(height, (r) => jsonBytes(image.formulas[r]) + jsonBytes(image.formats[r]));
  for (const b of blocks) {
    const area = worksheet.getRangeByIndexes(top + b.start, left, b.rows, width);
    area.numberFormat = image.formats.slice(b.start, b.start + b.rows);
    area.formulas = image.formulas.slice(b.start, b.start + b.rows);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block is the point
    await context.sync();
  }
  return worksheet.name;
}
