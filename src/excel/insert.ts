// Puts a new benchmark table into the workbook: a title, source and caveat line, then a real Excel table
// whose text columns are formatted as text before any value is written. A big table's body goes in blocks
// of rows (see blocks.ts), each its own sync; a failure part-way takes out what was made.
import type { BenchmarkTable } from "../core/table.js";
import {
  blockText,
  jsonBytes,
  readInBlocks,
  rowBlocks,
  supports,
  suspendForWrite,
  type Block,
} from "./blocks.js";
import { bodyFormats, bodyWriter, grid, headerRow } from "./cells.js";
import { findChart, queueChart } from "./chart.js";
import { queueLegend } from "./legend.js";
import { findHighlights, queueHighlights, queueRemoveHighlights } from "./highlights.js";
import { checkNoMergedCells } from "./merged.js";
import { sheetName, tableName } from "./names.js";

/** Where a new table goes: on a new sheet, or at the selected cell (which must have room for it). */
export type Placement = "new-sheet" | "selection";

export interface PlannedTable {
  table: string;
  sheet: string;
  /** Rows of the table's data body. */
  rows: number;
  /** How to take the table out again if saving it fails (queued; the caller syncs). */
  undo: (context: Excel.RequestContext) => Promise<void>;
}

/** What the new sheet and table are named after (a metric id, or e.g. "Profile West Suffolk"). */
export type TableNaming = string | { sheet: string; table: string };

/** Lines above the table: what it shows, who published it, and the metric's caveats. */
export function titleLines(table: BenchmarkTable): string[] {
  return [table.title, table.attribution, ...(table.caveats.length ? [table.caveats.join(" ")] : [])];
}

const SEVERAL_AREAS =
  "Several areas are selected: select the one cell where the table should start, or insert it on a new sheet";

/**
 * getSelectedRange throws when several areas are selected (Ctrl+click); where the host can count them
 * (ExcelApi 1.9) that is said plainly before anything is queued.
 */
async function checkSingleArea(context: Excel.RequestContext): Promise<void> {
  if (!supports("1.9")) return;
  const areas = context.workbook.getSelectedRanges().load("areaCount");
  await context.sync();
  if (areas.areaCount > 1) throw new Error(SEVERAL_AREAS);
}

/**
 * Checks there is room and writes the table, its body in blocks of rows (one sync each; `onBlock` hears of
 * each when there is more than one). A failure on the way takes out what was made, then throws. The caller
 * then saves its own parts (the registry) in a sync of its own, and on failure calls `undo`.
 */
export async function queueNewTable(
  context: Excel.RequestContext,
  table: BenchmarkTable,
  naming: TableNaming,
  placement: Placement,
  onBlock?: (what: string) => void,
): Promise<PlannedTable> {
  const names = typeof naming === "string" ? { sheet: naming, table: naming } : naming;
  if (!table.rows.length) throw new Error(`${table.title}: there are no rows to show`);
  const workbook = context.workbook;
  const tables = workbook.tables.load("items/name");
  // Table names and defined names share one namespace: a clash fails the insert.
  const definedNames = workbook.names.load("items/name");
  const sheets = workbook.worksheets.load("items/name");
  if (placement === "selection") await checkSingleArea(context);
  const selected = placement === "selection" ? workbook.getSelectedRange() : undefined;
  const selectedSheet = selected?.worksheet;
  selected?.load("rowIndex,columnIndex");
  selectedSheet?.load("name");

  await context.sync();

  const lines = titleLines(table);
  const width = table.columns.length;
  const height = lines.length + 1 + 1 + table.rows.length; // lines, a blank row (or the key), header, body
  const name = tableName(names.table, [
    ...tables.items.map((t) => t.name),
    ...definedNames.items.map((n) => n.name),
  ]);
  let sheet: Excel.Worksheet;
  let top = 0;
  let left = 0;
  let undo: (context: Excel.RequestContext) => Promise<void>;
  let onSheet: string;

  if (selected && selectedSheet) {
    sheet = selectedSheet;
    top = selected.rowIndex;
    left = selected.columnIndex;
    // Read in blocks: a big table's area would not come back in one response from Excel on the web.
    const area = await readInBlocks(context, sheet, { top, left, rows: height, width }, width * 12);
    if (area.formulas.some((row) => row.some((v) => v !== ""))) {
      throw new Error(
        `The table needs ${height} rows by ${width} columns of empty cells from the selected cell; choose an empty area or a new sheet`,
      );
    }
    await checkNoMergedCells(
      context,
      sheet.getRangeByIndexes(top, left, height, width),
      "Some of the cells from the selected cell are merged; unmerge them or choose another place or a new sheet",
    );
    const formats = area.formats;
    onSheet = selectedSheet.name;
    undo = async (ctx) => {
      const sheetNow = ctx.workbook.worksheets.getItem(onSheet);
      const back = sheetNow.getRangeByIndexes(top, left, height, width);
      queueRemoveHighlights(await findHighlights(ctx, back));
      const chart = await findChart(ctx, sheetNow, name);
      chart?.delete();
      back.clear("Contents");
      // The formats as they were, in blocks; the last block goes with the caller's sync.
      const blocks = rowBlocks(height, (r) => jsonBytes(formats[r]));
      for (const [i, b] of blocks.entries()) {
        sheetNow.getRangeByIndexes(top + b.start, left, b.rows, width).numberFormat = formats.slice(
          b.start,
          b.start + b.rows,
        );

        if (i < blocks.length - 1) await ctx.sync();
      }
      // Last: it fails when the table was never made, and nothing after a failure runs.
      ctx.workbook.tables.getItem(name).delete();
    };
  } else {
    onSheet = sheetName(
      names.sheet,
      sheets.items.map((s) => s.name),
    );
    sheet = workbook.worksheets.add(onSheet);
    undo = async (ctx) => ctx.workbook.worksheets.getItem(onSheet).delete();
  }

  const title = sheet.getRangeByIndexes(top, left, lines.length, 1);
  title.numberFormat = grid(lines.length, 1, "@");
  title.values = lines.map((line) => [line]);

  const tableTop = top + lines.length + 1;
  queueLegend(sheet, table, tableTop - 1, left);
  const rows = table.rows.length;
  const header = sheet.getRangeByIndexes(tableTop, left, 1, width);
  // Formats first: a value written into a cell not yet formatted as text could become a formula.
  header.numberFormat = grid(1, width, "@");
  header.values = [headerRow(table)];
  const body = bodyWriter(table, name);
  const lineBytes = jsonBytes(bodyFormats(table, 1)[0]);
  const blocks = rowBlocks(rows, (r) => body.bytes(r) + lineBytes);
  const range = sheet.getRangeByIndexes(tableTop, left, 1 + rows, width);
  const writeBlock = (b: Block) => {
    sheet.getRangeByIndexes(tableTop + 1 + b.start, left, b.rows, width).numberFormat = bodyFormats(
      table,
      b.rows,
    );
    body.queue(sheet, tableTop + 1, left, b.start, b.rows);
  };
  const place = { top: tableTop + 1, left, rows, width };
  try {
    for (const [i, b] of blocks.entries()) {
      suspendForWrite(context, i === 0);
      if (blocks.length > 1) onBlock?.(blockText(b, rows));
      if (i === 0) {
        // The table first: a live table's formulas refer to it by name.
        const created = sheet.tables.add(range, true);
        created.name = name;
        queueHighlights(sheet, table, place);
      }
      writeBlock(b);
      if (i === blocks.length - 1) {
        queueChart(sheet, "new", table, name, place);
        range.format.autofitColumns();
        sheet.activate();
      }
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block is the point
      await context.sync();
    }
  } catch (error) {
    // Excel keeps what a failed sync did; take the half-made table out again.
    await Excel.run(async (ctx) => {
      await undo(ctx);

      await ctx.sync();
    }).catch((e: unknown) => console.error("Could not take the half-made table out again", e));
    throw error;
  }
  return { table: name, sheet: onSheet, rows, undo };
}
