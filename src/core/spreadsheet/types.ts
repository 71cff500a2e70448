// A spreadsheet as readers of publishers' files see it: named sheets of rows of plain cells.

/** A cell's value: a number, text (including markers such as "[x]"), or null when the cell is empty. */
export type Cell = string | number | null;

export interface Sheet {
  name: string;
  /** Rows from the sheet's first row, trailing empty rows and cells dropped; rows[r][c] is at row r+1, column c+1. */
  rows: Cell[][];
}

/** Which sheets to read (the others are skipped, not kept in memory). */
export type SheetFilter = (name: string) => boolean;

export interface ReadOptions {
  sheets?: SheetFilter;
  /** Called as the XML is read, with the fraction done (0 to 1). */
  onProgress?: (fraction: number) => void;
}

/** The file is not a spreadsheet this reader understands (not a zip, no workbook inside, damaged XML). */
export class SpreadsheetError extends Error {
  override readonly name = "SpreadsheetError";
}

/** A sheet's size in Excel and LibreOffice: no cell lies beyond row 1,048,576 or column 16,384 (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/**
 * Cells (and rows) one file may fill: 65 times the largest file read (ENV18: 153,219 cells), while a
 * small damaged file whose repeat counts or cell references spell billions of cells is refused, not
 * allowed to fill the memory of the pane or worker.
 */
export const MAX_CELLS = 10_000_000;

/** Counts the cells a reader keeps; throws once a file has more than MAX_CELLS. */
export function cellBudget(what: string): (cells: number) => void {
  let left = MAX_CELLS;
  return (cells) => {
    left -= cells;
    if (left < 0)
      throw new SpreadsheetError(
        `${what} is too large to read (more than 10 million cells); it may be damaged: download it again`,
      );
  };
}
