// OpenDocument spreadsheets (.ods): content.xml read as a stream of rows. Repeated empty rows and cells
// (ODS pads sheets to a million rows and 16,384 columns that way) are never materialised.
import type { SaxesTagPlain } from "saxes";
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

function repeat(tag: SaxesTagPlain, attribute: string, cap: number): number {
  const n = Number(tag.attributes[attribute] ?? 1);
  return Number.isInteger(n) && n > 0 ? Math.min(n, cap) : 1;
}

function typedValue(tag: SaxesTagPlain): Cell | undefined {
  const a = tag.attributes;
  switch (a["office:value-type"]) {
    case "float":
    case "percentage":
    case "currency": {
      const n = Number(a["office:value"]);
      return Number.isFinite(n) ? n : null;
    }
    case "date":
      return a["office:date-value"] ?? null;
    case "time":
      return a["office:time-value"] ?? null;
    case "boolean":
      return a["office:boolean-value"] === "true" ? "TRUE" : "FALSE";
    case "string":
      return a["office:string-value"]; // usually absent: the text is in the cell's paragraphs
    default:
      return undefined;
  }
}

/** Reads the sheets `options.sheets` accepts (all by default) from an .ods file's bytes. */
export function readOds(bytes: Uint8Array, options: ReadOptions = {}, what = "The file"): Sheet[] {
  const files = unzipEntries(bytes, (p) => p === "content.xml" || p === "mimetype", what);
  const content = files["content.xml"];
  if (!content) throw new SpreadsheetError(`${what} is not an ODS spreadsheet (it has no content.xml)`);
  const wanted = options.sheets ?? (() => true);
  const sheets: Sheet[] = [];
  const spend = cellBudget(what); // a row repeated a million times, 16,384 cells wide, is 17 billion cells

  let sheet: Sheet | undefined; // the sheet being read, if wanted
  let row: Cell[] = [];
  let rowRepeat = 1;
  let pendingRows = 0; // empty rows seen since the last row with content
  let pendingCells = 0;
  let cell: { repeat: number; value: Cell | undefined } | undefined;
  let text: string[] = [];
  let paragraphs = 0;
  let inParagraph = false;
  let annotation = 0; // depth inside a comment, whose text is not the cell's

  const endCell = () => {
    if (!cell) return;
    const value = cell.value !== undefined ? cell.value : text.length ? text.join("") : null;
    if (value === null || value === "") pendingCells += cell.repeat;
    else {
      for (; pendingCells > 0 && row.length < MAX_COLUMNS; pendingCells--) row.push(null);
      pendingCells = 0;
      for (let i = 0; i < cell.repeat && row.length < MAX_COLUMNS; i++) row.push(value);
    }
    cell = undefined;
  };

  parseXml(
    content,
    {
      open(tag) {
        const name = tag.name;
        if (name === "table:table") {
          const sheetName = tag.attributes["table:name"] ?? "";
          sheet = wanted(sheetName) ? { name: sheetName, rows: [] } : undefined;
          pendingRows = 0;
        } else if (!sheet) {
          return;
        } else if (name === "office:annotation") {
          annotation++;
        } else if (annotation) {
          return;
        } else if (name === "table:table-row") {
          row = [];
          pendingCells = 0;
          rowRepeat = repeat(tag, "table:number-rows-repeated", MAX_ROWS);
        } else if (name === "table:table-cell" || name === "table:covered-table-cell") {
          cell = {
            repeat: repeat(tag, "table:number-columns-repeated", MAX_COLUMNS),
            value: typedValue(tag),
          };
          text = [];
          paragraphs = 0;
        } else if (cell && name === "text:p") {
          if (paragraphs++) text.push("\n");
          inParagraph = true;
        } else if (cell && name === "text:s") {
          text.push(" ".repeat(repeat(tag, "text:c", 1000)));
        } else if (cell && name === "text:tab") {
          text.push("\t");
        } else if (cell && name === "text:line-break") {
          text.push("\n");
        }
      },
      close(name) {
        if (!sheet) return;
        if (name === "office:annotation") annotation--;
        else if (annotation) return;
        else if (name === "text:p") inParagraph = false;
        else if (name === "table:table-cell" || name === "table:covered-table-cell") endCell();
        else if (name === "table:table-row") {
          if (!row.length) pendingRows += rowRepeat;
          else {
            const padding = Math.min(pendingRows, MAX_ROWS - sheet.rows.length);
            spend(padding + Math.min(rowRepeat, MAX_ROWS - sheet.rows.length - padding) * (row.length + 1));
            for (; pendingRows > 0 && sheet.rows.length < MAX_ROWS; pendingRows--) sheet.rows.push([]);
            pendingRows = 0;
            for (let i = 0; i < rowRepeat && sheet.rows.length < MAX_ROWS; i++)
              sheet.rows.push(i ? [...row] : row);
          }
        } else if (name === "table:table") {
          sheets.push(sheet);
          sheet = undefined;
        }
      },
      text(value) {
        if (sheet && cell && inParagraph && !annotation) text.push(value);
      },
    },
    `${what} (content.xml)`,
    options.onProgress,
  );
  return sheets;
}
