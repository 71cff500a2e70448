// Writes refreshed rows into an existing benchmark table. Everything is read and checked first; then one
// batch writes. Excel does not roll a failed batch back, so the cells it touches are kept and put back if
// the write fails: a failed refresh leaves the sheet as it was. The table's conditional formats (band
// colours, my council's row) are laid again over the new rows, and put back as they were on failure.
import type { BenchmarkTable } from "../core/table.js";
import { bodyFormats, bodyValues, grid, headerRow, type Cell } from "./cells.js";
import { findHighlights, queueHighlights, queueRemoveHighlights } from "./highlights.js";

export class TableGone extends Error {
  override name = "TableGone";
}

interface Before {
  sheet: string;
  top: number;
  left: number;
  width: number;
  rows: number;
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
/** The title lines above a table: title, source, caveats, then a blank row. */
const LINES_ABOVE = 4;

/** Rewrites the table's own columns; columns the user added to the right keep their contents. */
export async function rewriteTable(
  name: string,
  table: BenchmarkTable,
): Promise<{ sheet: string; rows: number }> {
  // Set once everything is read and checked: from then on a failure may have written part of the batch.
  let before: Before | undefined;
  try {
    await Excel.run(async (context) => {
      const plan = await readTable(context, name, table);
      before = plan.before;
      queueWrite(plan, table);
      await context.sync();
    });
  } catch (error) {
    if (before)
      await restore(name, before, table).catch((e: unknown) => console.error(`Could not restore ${name}`, e));
    throw error;
  }
  return { sheet: before!.sheet, rows: table.rows.length };
}

interface Plan {
  before: Before;
  worksheet: Excel.Worksheet;
  excelTable: Excel.Table;
  /** Formulas (R1C1) in the first row of the user's own columns, to carry into new rows. */
  userFormulas: (string | null)[];
  /** Our conditional formats on the table's own columns, replaced by the write. */
  highlights: Excel.ConditionalFormat[];
}

async function readTable(context: Excel.RequestContext, name: string, table: BenchmarkTable): Promise<Plan> {
  const excelTable = context.workbook.tables.getItemOrNullObject(name);
  excelTable.load("name");
  await context.sync();
  if (excelTable.isNullObject)
    throw new TableGone(`There is no table named ${name} any more (deleted or renamed)`);

  const worksheet = excelTable.worksheet.load("name");
  const range = excelTable.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
  const header = excelTable.getHeaderRowRange().load("values");
  await context.sync();

  const ours = headerRow(table);
  const found = header.values[0].slice(0, ours.length).map(String);
  if (found.join("\u0000") !== ours.join("\u0000")) {
    throw new Error(
      `Table ${name} no longer starts with the columns ${ours.join(", ")}; put them back (or insert the table again) to refresh it`,
    );
  }
  const [top, left, width, rows] = [range.rowIndex, range.columnIndex, range.columnCount, range.rowCount - 1];
  const span = Math.max(rows, table.rows.length);
  const area = worksheet.getRangeByIndexes(top, left, 1 + span, width).load("formulas,numberFormat");
  const userColumns = width - ours.length;
  const firstUserRow = userColumns
    ? worksheet.getRangeByIndexes(top + 1, left + ours.length, 1, userColumns).load("formulasR1C1")
    : undefined;
  await context.sync();

  const below = area.formulas.slice(1 + rows);
  if (below.some((row) => row.some((v) => v !== ""))) {
    throw new Error(
      `Table ${name} needs ${table.rows.length - rows} more rows, but the cells below it are not empty; move them and refresh again`,
    );
  }
  const sourceLine = await findSourceLine(context, worksheet, top, left);
  const userFormulas = (firstUserRow?.formulasR1C1[0] ?? []).map((f) =>
    typeof f === "string" && f.startsWith("=") ? f : null,
  );
  const highlights = await findHighlights(
    context,
    worksheet.getRangeByIndexes(top + 1, left, span, ours.length),
  );
  return {
    before: {
      sheet: worksheet.name,
      top,
      left,
      width,
      rows,
      formulas: area.formulas,
      formats: area.numberFormat,
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

function queueWrite(plan: Plan, table: BenchmarkTable): void {
  const { before, worksheet, excelTable, userFormulas } = plan;
  const { top, left, width, rows: oldRows } = before;
  if (before.sourceLine && before.sourceLine.text !== table.attribution)
    worksheet.getRangeByIndexes(before.sourceLine.row, left, 1, 1).values = [[table.attribution]];
  const rows = table.rows.length;
  const ours = table.columns.length;
  if (rows !== oldRows) excelTable.resize(worksheet.getRangeByIndexes(top, left, 1 + rows, width));
  const body = worksheet.getRangeByIndexes(top + 1, left, rows, ours);
  body.numberFormat = bodyFormats(table);
  body.values = bodyValues(table);
  if (rows < oldRows) {
    const vacated = worksheet.getRangeByIndexes(top + 1 + rows, left, oldRows - rows, width);
    vacated.clear("Contents");
    vacated.numberFormat = grid(oldRows - rows, width, "General");
  }
  if (rows > oldRows && userFormulas.some((f) => f !== null)) {
    // Calculated columns the user added carry on into the new rows.
    const added = worksheet.getRangeByIndexes(
      top + 1 + oldRows,
      left + ours,
      rows - oldRows,
      userFormulas.length,
    );
    added.formulasR1C1 = Array.from({ length: rows - oldRows }, () => userFormulas);
  }
  queueRemoveHighlights(plan.highlights);
  queueHighlights(worksheet, table, { top: top + 1, left, rows, width: ours });
}

async function restore(name: string, before: Before, table: BenchmarkTable): Promise<void> {
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(before.sheet);
    const { top, left, width, rows } = before;
    const ours = table.columns.length;
    const body = before.formulas.length - 1;
    const highlights = await findHighlights(context, worksheet.getRangeByIndexes(top + 1, left, body, ours));
    context.workbook.tables.getItem(name).resize(worksheet.getRangeByIndexes(top, left, 1 + rows, width));
    const area = worksheet.getRangeByIndexes(top, left, before.formulas.length, width);
    area.numberFormat = before.formats;
    area.formulas = before.formulas;
    if (before.sourceLine)
      worksheet.getRangeByIndexes(before.sourceLine.row, left, 1, 1).values = [[before.sourceLine.text]];
    queueRemoveHighlights(highlights);
    if (before.highlighted) queueHighlights(worksheet, table, { top: top + 1, left, rows, width: ours });
    await context.sync();
  });
}
