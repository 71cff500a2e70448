import { CsvChunkReader } from "./csvChunks.js";
import { FormatError } from "./formatError.js";

/** A parsed CSV: header names (BOM and surrounding spaces removed) and the data rows. */
export interface CsvTable {
  header: string[];
  rows: string[][];
  /** The file line each row starts on (1 = the header), for messages. */
  lines: number[];
}

export { FormatError } from "./formatError.js";

/**
 * Reads RFC 4180 CSV strictly: every row must have the header's number of fields, and a quote left open
 * is an error naming the line it opened on, so a damaged file fails instead of loading shifted columns.
 * Blank lines are skipped. The rows are CsvChunkReader's, given the whole text as one piece.
 */
export function readCsv(text: string): CsvTable {
  const rows: string[][] = [];
  const lines: number[] = [];
  const reader = new CsvChunkReader((row, line) => {
    rows.push(row.slice());
    lines.push(line);
  });
  reader.push(text);
  reader.end();
  const header = (rows.shift() ?? []).map((h) => h.trim());
  lines.shift();
  if (!header.length) throw new FormatError("The file is empty");
  rows.forEach((r, k) => {
    if (r.length === header.length) return;
    const problem = `Line ${lines[k]}: ${r.length} field${r.length === 1 ? "" : "s"} where the header has ${header.length}`;
    // A short last row is what a download cut off mid-line leaves: say so rather than only count fields.
    const cut = k === rows.length - 1 && r.length < header.length;
    throw new FormatError(
      cut ? `${problem} — the file ends part-way through this row, so it may have been cut off` : problem,
    );
  });
  return { header, rows, lines };
}

/**
 * Column positions by name. Unknown columns and missing required ones are errors that name them, so a
 * changed publisher file fails loudly instead of loading the wrong numbers.
 */
export function columns<R extends string, O extends string>(
  table: CsvTable,
  format: string,
  required: readonly R[],
  optional: readonly O[],
): Record<R, number> & Record<O, number> {
  const index = headerColumns(table.header, format, required, optional);
  if (!table.rows.length) throw new FormatError(`The ${format} file has a header but no data rows`);
  return index;
}

/** `columns` from the header alone (a file read in pieces knows its header before its rows); -1 when absent. */
export function headerColumns<R extends string, O extends string>(
  header: readonly string[],
  format: string,
  required: readonly R[],
  optional: readonly O[],
): Record<R, number> & Record<O, number> {
  const known = new Set<string>([...required, ...optional]);
  const unknown = header.filter((h) => !known.has(h));
  const missing = required.filter((r) => !header.includes(r));
  const problems: string[] = [];
  if (missing.length) problems.push(`missing column(s) ${missing.map(quote).join(", ")}`);
  if (unknown.length) problems.push(`unknown column(s) ${unknown.map(quote).join(", ")}`);
  if (problems.length) throw new FormatError(`Not a ${format} file: ${problems.join("; ")}`);
  const index = {} as Record<string, number>;
  for (const name of known) index[name] = header.indexOf(name);
  return index as Record<R, number> & Record<O, number>;
}

function quote(s: string): string {
  return `"${s}"`;
}
