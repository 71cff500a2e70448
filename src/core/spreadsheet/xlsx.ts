// Office Open XML workbooks (.xlsx): the workbook's sheet list, shared strings and the wanted sheets,
// each read as a stream of rows.
import { parseXml } from "./xml.js";
import {
  cellBudget,
  MAX_COLUMNS,
  MAX_ROWS,
  SpreadsheetError,
  type Cell,
  type ReadOptions,
  type Sheet,
} from "./types.js";
import { unzipEntries } from "./zip.js";

/** "BC12" -> 54 (0-based column), -1 if there is no reference; past XFD it stops counting (>= MAX_COLUMNS). */
function columnOf(ref: string | undefined): number {
  if (!ref) return -1;
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90 || n > MAX_COLUMNS) break;
    n = n * 26 + code - 64;
  }
  return n - 1;
}

/** A name from the file, cut short for a message. */
const shown = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

function sheetList(files: Record<string, Uint8Array>, what: string): { name: string; path: string }[] {
  const workbook = files["xl/workbook.xml"];
  const rels = files["xl/_rels/workbook.xml.rels"];
  if (!workbook || !rels)
    throw new SpreadsheetError(`${what} is not an XLSX workbook (it has no xl/workbook.xml)`);
  const targets = new Map<string, string>();
  parseXml(
    rels,
    {
      open: (t) => {
        if (t.name === "Relationship") targets.set(t.attributes.Id, t.attributes.Target);
      },
      close() {},
      text() {},
    },
    what,
  );
  const sheets: { name: string; path: string }[] = [];
  parseXml(
    workbook,
    {
      open(t) {
        if (t.name !== "sheet") return;
        const target = targets.get(t.attributes["r:id"]) ?? "";
        const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
        sheets.push({ name: t.attributes.name ?? "", path }); // a damaged file can leave it out
      },
      close() {},
      text() {},
    },
    what,
  );
  return sheets;
}

function sharedStrings(bytes: Uint8Array | undefined, what: string): string[] {
  const strings: string[] = [];
  if (!bytes) return strings;
  let parts: string[] = [];
  let inText = false;
  let phonetic = 0; // <rPh> holds reading aids, not the text
  parseXml(
    bytes,
    {
      open(t) {
        if (t.name === "si") parts = [];
        else if (t.name === "rPh") phonetic++;
        else if (t.name === "t" && !phonetic) inText = true;
      },
      close(name) {
        if (name === "si") strings.push(parts.join(""));
        else if (name === "rPh") phonetic--;
        else if (name === "t") inText = false;
      },
      text(value) {
        if (inText) parts.push(value);
      },
    },
    `${what} (shared strings)`,
  );
  return strings;
}

function readSheet(
  bytes: Uint8Array,
  name: string,
  strings: string[],
  what: string,
  spend: (cells: number) => void,
  onProgress?: (f: number) => void,
): Sheet {
  const damaged = (problem: string) =>
    new SpreadsheetError(`${what} is damaged: sheet "${shown(name)}" has ${problem}`);
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let rowIndex = -1;
  let cell: { column: number; type: string } | undefined;
  let text: string[] = [];
  let inValue = false;
  const put = (value: Cell) => {
    if (!cell || value === null || value === "") return;
    const column = cell.column >= 0 ? cell.column : row.length;
    while (row.length < column) row.push(null);
    row[column] = value;
  };
  parseXml(
    bytes,
    {
      open(t) {
        if (t.name === "row") {
          const r = Number(t.attributes.r);
          rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
          // Padding up to a row or column past the sheet's end would fill memory, not read a cell.
          if (rowIndex >= MAX_ROWS)
            throw damaged(
              `a row numbered ${shown(String(t.attributes.r ?? rowIndex + 1))}, past the last row (1,048,576)`,
            );
          row = [];
        } else if (t.name === "c") {
          cell = { column: columnOf(t.attributes.r), type: t.attributes.t ?? "n" };
          if (cell.column >= MAX_COLUMNS)
            throw damaged(`a cell at ${shown(t.attributes.r)}, past the last column (XFD)`);
          text = [];
        } else if (cell && (t.name === "v" || t.name === "t")) inValue = true;
      },
      close(tag) {
        if (tag === "v" || tag === "t") inValue = false;
        else if (tag === "c" && cell) {
          const raw = text.join("");
          if (raw !== "") {
            if (cell.type === "s") put(strings[Number(raw)] ?? null);
            else if (cell.type === "n") put(Number.isFinite(Number(raw)) ? Number(raw) : raw);
            else if (cell.type === "b") put(raw === "1" ? "TRUE" : "FALSE");
            else put(raw); // str, inlineStr, e (an error such as #N/A), d
          }
          cell = undefined;
        } else if (tag === "row" && row.length) {
          spend(Math.max(0, rowIndex - rows.length) + row.length + 1);
          while (rows.length < rowIndex) rows.push([]);
          rows[rowIndex] = row;
        }
      },
      text(value) {
        if (inValue) text.push(value);
      },
    },
    `${what} (sheet ${name})`,
    onProgress,
  );
  return { name, rows };
}

/** Reads the sheets `options.sheets` accepts (all by default) from an .xlsx file's bytes. */
export function readXlsx(bytes: Uint8Array, options: ReadOptions = {}, what = "The file"): Sheet[] {
  const meta = unzipEntries(
    bytes,
    (p) => p === "xl/workbook.xml" || p === "xl/_rels/workbook.xml.rels" || p === "xl/sharedStrings.xml",
    what,
  );
  const wanted = sheetList(meta, what).filter((s) => (options.sheets ?? (() => true))(s.name));
  const paths = new Set(wanted.map((s) => s.path));
  const files = wanted.length ? unzipEntries(bytes, (p) => paths.has(p), what) : {};
  const strings = sharedStrings(meta["xl/sharedStrings.xml"], what);
  const spend = cellBudget(what);
  return wanted.map((s, i) => {
    // Own entries only: a sheet's path can be any text, "constructor" included.
    const file = Object.hasOwn(files, s.path) ? files[s.path] : undefined;
    const sheet = s.name ? `sheet "${shown(s.name)}"` : "a sheet with no name";
    if (!file) throw new SpreadsheetError(`${what} lists ${sheet} but does not contain it`);
    const progress = options.onProgress && ((f: number) => options.onProgress?.((i + f) / wanted.length));
    return readSheet(file, s.name, strings, what, spend, progress);
  });
}
