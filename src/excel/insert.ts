// Puts a new benchmark table into the workbook: a title, source and caveat line, then a real Excel table
// whose text columns are formatted as text before any value is written.
import type { BenchmarkTable } from "../core/table.js";
import { bodyFormats, bodyValues, grid, headerRow } from "./cells.js";
import { findHighlights, queueHighlights, queueRemoveHighlights } from "./highlights.js";
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

/**
 * Checks there is room and queues writing the table; the caller adds its own operations (the registry)
 * and syncs, so the table and its registration are saved together.
 */
export async function queueNewTable(
  context: Excel.RequestContext,
  table: BenchmarkTable,
  naming: TableNaming,
  placement: Placement,
): Promise<PlannedTable> {
  const names = typeof naming === "string" ? { sheet: naming, table: naming } : naming;
  if (!table.rows.length) throw new Error(`${table.title}: there are no rows to show`);
  const workbook = context.workbook;
  const tables = workbook.tables.load("items/name");
  const sheets = workbook.worksheets.load("items/name");
  const selected = placement === "selection" ? workbook.getSelectedRange() : undefined;
  const selectedSheet = selected?.worksheet;
  selected?.load("rowIndex,columnIndex");
  selectedSheet?.load("name");
  await context.sync();

  const lines = titleLines(table);
  const width = table.columns.length;
  const height = lines.length + 1 + 1 + table.rows.length; // lines, a blank row, header, body
  const name = tableName(
    names.table,
    tables.items.map((t) => t.name),
  );
  let sheet: Excel.Worksheet;
  let top = 0;
  let left = 0;
  let undo: (context: Excel.RequestContext) => Promise<void>;
  let onSheet: string;

  if (selected && selectedSheet) {
    sheet = selectedSheet;
    top = selected.rowIndex;
    left = selected.columnIndex;
    const area = sheet.getRangeByIndexes(top, left, height, width);
    area.load("formulas,numberFormat");
    await context.sync();
    if (area.formulas.some((row) => row.some((v) => v !== ""))) {
      throw new Error(
        `The table needs ${height} rows by ${width} columns of empty cells from the selected cell; choose an empty area or a new sheet`,
      );
    }
    const formats = area.numberFormat;
    onSheet = selectedSheet.name;
    undo = async (ctx) => {
      const back = ctx.workbook.worksheets.getItem(onSheet).getRangeByIndexes(top, left, height, width);
      queueRemoveHighlights(await findHighlights(ctx, back));
      back.clear("Contents");
      back.numberFormat = formats;
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
  const range = sheet.getRangeByIndexes(tableTop, left, 1 + table.rows.length, width);
  // Formats first: a value written into a cell not yet formatted as text could become a formula.
  range.numberFormat = [grid(1, width, "@")[0], ...bodyFormats(table)];
  range.values = [headerRow(table), ...bodyValues(table)];
  const created = sheet.tables.add(range, true);
  created.name = name;
  queueHighlights(sheet, table, { top: tableTop + 1, left, rows: table.rows.length, width });
  range.format.autofitColumns();
  sheet.activate();
  return { table: name, sheet: onSheet, rows: table.rows.length, undo };
}
