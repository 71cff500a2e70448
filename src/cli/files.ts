import { readFile } from "node:fs/promises";
import { decodeText } from "../core/text.js";

/** A data file's text; UTF-16, spreadsheets and binary files are refused with what to do. */
export async function readTextFile(path: string | URL): Promise<string> {
  return decodeText(await readFile(path));
}
