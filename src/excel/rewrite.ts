// Writes refreshed rows into an existing benchmark table. Everything is read and checked first (in blocks of
// rows, so no response is too big for Excel on the web); then the body is written in blocks, one sync each.
// Excel does not roll a failed batch back, so the cells a refresh touches are kept and put back if a write
// fails: a failed refresh leaves the sheet as it was. The table's conditional formats (band colours, my
// council's row) are laid again over the new rows, and put back as they were on failure. A total row the
// user turned on keeps its contents and moves with the end of the table.
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
import { findHighlights, queueHighlights, queueRemoveHighlights } from "./highlights.js";

export class TableGone extends Error {
  override name = "TableGone";
}

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
      ? worksheet.getRangeByIndexes(top + 1, left + ours.length, 1, userColumns).load("formulasR1C1")
      : undefined;
  // (Loaded with the first block of the read below.)
  // A row reads back about as big as a new row writes, plus the user's columns.
  // (Formulas and their results both come back.)
  const estimate = 2 * bodyWriter(table, name).bytes(0) + jsonBytes(formatLine(table)) + userColumns * 24;
  const area = await readInBlocks(context, worksheet, { top, left, rows: height, width }, estimate);

  const below = area.formulas.slice(range.rowCount);
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
async function restore(name: string, before: Before, table: BenchmarkTable): Promise<void> {
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(before.sheet);
    const { top, left, width, rows } = before;
    const ours = table.columns.length;
    const height = before.formulas.length;
    const highlights = await findHighlights(
      context,
      worksheet.getRangeByIndexes(top + 1, left, height - 1, ours),
    );
    context.workbook.tables
      .getItem(name)
      .resize(worksheet.getRangeByIndexes(top, left, 1 + rows + (before.totals ? 1 : 0), width));
    if (before.sourceLine)
      worksheet.getRangeByIndexes(before.sourceLine.row, left, 1, 1).values = [[before.sourceLine.text]];
    queueRemoveHighlights(highlights);
    if (before.highlighted) queueHighlights(worksheet, table, { top: top + 1, left, rows, width: ours });
    const chart = table.chart && (await findChart(context, worksheet, name));
    // Back to the rows as they were, my council's column found among them again.
    if (chart)
      queueChart(
        worksheet,
        chart,
        table,
        name,
        { top: top + 1, left, rows, width },
        before.formulas.slice(1),
      );
    const image: CellImage = { formulas: before.formulas, formats: before.formats };
    const blocks = rowBlocks(height, (r) => jsonBytes(image.formulas[r]) + jsonBytes(image.formats[r]));
    for (const b of blocks) {
      const area = worksheet.getRangeByIndexes(top + b.start, left, b.rows, width);
      area.numberFormat = image.formats.slice(b.start, b.start + b.rows);
      area.formulas = image.formulas.slice(b.start, b.start + b.rows);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block is the point
      await context.sync();
    }
  });
}
