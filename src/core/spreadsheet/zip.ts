// The few zip entries a spreadsheet reader needs, inflated with fflate (small, pure JS, runs in workers).
import { unzipSync } from "fflate";
import { SpreadsheetError } from "./types.js";

/** Inflates the entries `wanted` accepts; throws SpreadsheetError if the bytes are not a zip file. */
export function unzipEntries(
  bytes: Uint8Array,
  wanted: (path: string) => boolean,
  what: string,
): Record<string, Uint8Array> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new SpreadsheetError(`${what} is not an ODS or XLSX spreadsheet (it is not a zip file)`);
  }
  try {
    return unzipSync(bytes, { filter: (file) => wanted(file.name) });
  } catch (e) {
    throw new SpreadsheetError(`${what} is damaged and cannot be unzipped: ${(e as Error).message}`);
  }
}
