// Reading publishers' spreadsheets (.ods, .xlsx) from bytes, in Node, the pane or a worker alike.
import { Utf8Decoder } from "../text.js";
import { readOds } from "./ods.js";
import { readXlsx } from "./xlsx.js";
import { SpreadsheetError, type ReadOptions, type Sheet } from "./types.js";

export { findTable, LayoutError, type FoundTable } from "./table.js";
export { SpreadsheetError, type Cell, type ReadOptions, type Sheet, type SheetFilter } from "./types.js";
export { readOds, readXlsx };

/** ODS or XLSX, told apart by their contents (an ODS zip starts with its "mimetype" entry). */
export function readSpreadsheet(bytes: Uint8Array, options: ReadOptions = {}, what = "The file"): Sheet[] {
  const head = new Utf8Decoder().decode(bytes.subarray(30, 120));
  if (head.startsWith("mimetypeapplication/vnd.oasis.opendocument.spreadsheet"))
    return readOds(bytes, options, what);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes, options, what);
  throw new SpreadsheetError(`${what} is not an ODS or XLSX spreadsheet`);
}
