// Big tables go to Excel in blocks of rows. Excel on the web refuses a request or a response over 5 MB
// (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), so each block's data stays under a
// budget with room to spare for the rest of the request; a block is as big as the budget allows, so a write
// takes few syncs (at most one per 20,000 cells for tables of ordinary numbers and codes).

/**
 * Bytes of cell data one request may carry (well under Excel on the web's 5 MB, leaving room for the rest
 * of the request), and bytes a read may ask back for (less: a read's size is only estimated). Tests lower
 * them to write small tables in many blocks.
 */
export const BLOCK_BUDGET = { request: 3_500_000, response: 3_000_000 };

/** UTF-8 bytes of a value as JSON: about what Office.js sends or receives for it. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) bytes += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** Rows [start, start + rows) of a table body. */
export interface Block {
  start: number;
  rows: number;
}

/** Splits rows into consecutive blocks whose bytes (`bytesOf(row)`) stay within `budget`; at least one row each. */
export function rowBlocks(
  count: number,
  bytesOf: (row: number) => number,
  budget = BLOCK_BUDGET.request,
): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  let bytes = 0;
  for (let row = 0; row < count; row++) {
    const b = bytesOf(row);
    if (row > start && bytes + b > budget) {
      blocks.push({ start, rows: row - start });
      start = row;
      bytes = 0;
    }
    bytes += b;
  }
  if (count > start) blocks.push({ start, rows: count - start });
  return blocks;
}

/** Blocks of about `rowsPerBlock` rows (for reads, whose size is only estimated). */
export function evenBlocks(count: number, rowsPerBlock: number): Block[] {
  const per = Math.max(1, Math.floor(rowsPerBlock));
  const blocks: Block[] = [];
  for (let start = 0; start < count; start += per) blocks.push({ start, rows: Math.min(per, count - start) });
  return blocks;
}

/** "rows 1–20,000 of 72,000" for the progress bar. */
export function blockText(block: Block, count: number): string {
  const n = (x: number) => x.toLocaleString("en-GB");
  return `rows ${n(block.start + 1)}–${n(block.start + block.rows)} of ${n(count)}`;
}

/**
 * Suspends calculation for the next sync (ExcelApi 1.6), and screen updating too when `screen` (ExcelApi 1.9;
 * once per write, since repeated calls make the window flicker). Each only where the host has it.
 */
export function suspendForWrite(context: Excel.RequestContext, screen: boolean): void {
  if (supports("1.6")) context.application.suspendApiCalculationUntilNextSync();
  if (screen && supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
}

/** Whether the host has this ExcelApi requirement set (false where Office cannot say). */
export function supports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

/** Formulas (constants read back as values) and number formats of a rectangle. */
export interface CellImage {
  formulas: (string | number | boolean)[][];
  formats: string[][];
}

const tooBig = (e: unknown) =>
  typeof e === "object" && e !== null && (e as { code?: string }).code === "ResponsePayloadSizeLimitExceeded";

/** Text Excel would read again as something else: a formula, a number, a date or TRUE/FALSE. */
const REREAD =
  /^(?:[=+\-@]|\s*[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:e[-+]?\d+)?%?\s*$|\s*(?:true|false)\s*$|\d{1,4}[/-]\d{1,2}(?:[/-]\d{1,4})?$)/i;

/**
 * What to write back so a cell holds what it held. Excel on the web reads text typed with a leading
 * apostrophe ('=x, '0012) back from `formulas` without it (office-js #6687); a text cell is one whose
 * formula reads the same as its value (a formula's value is its result). Text-formatted cells keep text
 * anyway; in others such text gets its apostrophe back, or it would return as a formula or a number.
 */
export function asTyped(
  formula: string | number | boolean,
  value: unknown,
  format: string,
): string | number | boolean {
  if (typeof formula !== "string" || formula !== value || format === "@" || !REREAD.test(formula))
    return formula;
  return `'${formula}`;
}

/**
 * Reads the formulas and number formats of `rows` rows from `top`, in blocks sized from what the rows
 * read so far took (the first from `estimate` bytes a row), so no response comes near the limit; a block
 * refused as too big anyway is read again in halves.
 */
export async function readInBlocks(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  place: { top: number; left: number; rows: number; width: number },
  estimate: number,
): Promise<CellImage> {
  const out: CellImage = { formulas: [], formats: [] };
  // The first block from the estimate, with room for it being low; later ones from what came back.
  let perRow = Math.max(estimate * 1.5, place.width * 4);
  for (let done = 0; done < place.rows;) {
    const rows = Math.min(place.rows - done, Math.max(1, Math.floor(BLOCK_BUDGET.response / perRow)));
    const range = sheet
      .getRangeByIndexes(place.top + done, place.left, rows, place.width)
      .load("formulas,values,numberFormat");
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block is the point
      await context.sync();
    } catch (e) {
      if (!tooBig(e) || rows === 1) throw e;
      perRow *= 2;
      continue;
    }
    const formats = range.numberFormat as string[][];
    const formulas = (range.formulas as CellImage["formulas"]).map((line, r) =>
      line.map((f, c) => asTyped(f, range.values[r][c], formats[r][c])),
    );
    for (const line of formulas) out.formulas.push(line);
    for (const line of formats) out.formats.push(line);
    perRow = Math.max(perRow, (jsonBytes(range.values) + jsonBytes(formulas) + jsonBytes(formats)) / rows);
    done += rows;
  }
  return out;
}
