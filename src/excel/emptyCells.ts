// Which cells of a range are empty, for the custom functions. Some Excel builds pass a blank cell to a custom
// function as 0, not null (office-js #1951, #4702, #5262), and only the Excel API tells the two apart: a cell's
// valueTypes entry is "Empty" for a blank and "Double" for a 0 (a formula giving "" is "String").

/** valueTypes of at most this many cells per request: ~0.6 MB, well under Excel on the web's 5 MB limit. */
const BLOCK_CELLS = 50_000;

/** "Sheet1!B2:C9" or "'Council''s data'!B2" as sheet name and cells; undefined for anything else. */
export function splitAddress(address: string): { sheet: string; cells: string } | undefined {
  const bang = address.lastIndexOf("!");
  if (bang <= 0) return undefined;
  const sheetPart = address.slice(0, bang);
  const cells = address.slice(bang + 1);
  // A cell, a range, whole columns or rows ("D:D", "3:5"); Excel itself refuses anything else.
  if (!/^[$A-Z0-9]+(:[$A-Z0-9]+)?$/i.test(cells)) return undefined;
  // Another workbook's cells ("[Book2]Sheet1!A1") cannot be read from this one.
  if (sheetPart.includes("[")) return undefined;
  const quoted = /^'(.*)'$/s.exec(sheetPart);
  return { sheet: quoted ? quoted[1].replace(/''/g, "'") : sheetPart, cells };
}

/**
 * For a range of `rows` × `columns` cells at `address`, true where a cell is empty; undefined when Excel
 * cannot say (no such sheet, another workbook, a shape that does not match).
 */
export async function emptyCells(
  address: string,
  rows: number,
  columns: number,
): Promise<boolean[][] | undefined> {
  const where = splitAddress(address);
  if (!where || rows < 1 || columns < 1) return undefined;
  try {
    return await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(where.sheet).getRange(where.cells);
      range.load("rowCount,columnCount");
      await context.sync();
      if (range.rowCount !== rows || range.columnCount !== columns) return undefined;
      const blockRows = Math.max(1, Math.floor(BLOCK_CELLS / columns));
      const out: boolean[][] = [];
      for (let top = 0; top < rows; top += blockRows) {
        const height = Math.min(blockRows, rows - top);
        const block = range.getCell(top, 0).getResizedRange(height - 1, columns - 1);
        block.load("valueTypes");
        // One request per block, on purpose: together they would pass the response limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        for (const row of block.valueTypes) out.push(row.map((type) => type === "Empty"));
      }
      return out;
    });
  } catch {
    return undefined;
  }
}
