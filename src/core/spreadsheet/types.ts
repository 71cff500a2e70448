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
