import { csvParseRows } from "d3-dsv";

/** A parsed CSV: header names (BOM and surrounding spaces removed) and the data rows. */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

export class FormatError extends Error {
  override name = "FormatError";
}

export function readCsv(text: string): CsvTable {
  const rows = csvParseRows(text.replace(/^\uFEFF/, ""));
  const header = (rows.shift() ?? []).map((h) => h.trim());
  // A trailing newline or blank lines give rows of one empty cell: not data.
  return { header, rows: rows.filter((r) => !(r.length === 1 && r[0].trim() === "")) };
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
  const known = new Set<string>([...required, ...optional]);
  const unknown = table.header.filter((h) => !known.has(h));
  const missing = required.filter((r) => !table.header.includes(r));
  const problems: string[] = [];
  if (missing.length) problems.push(`missing column(s) ${missing.map(quote).join(", ")}`);
  if (unknown.length) problems.push(`unknown column(s) ${unknown.map(quote).join(", ")}`);
  if (problems.length) throw new FormatError(`Not a ${format} file: ${problems.join("; ")}`);
  const index = {} as Record<string, number>;
  for (const name of known) index[name] = table.header.indexOf(name);
  return index as Record<R, number> & Record<O, number>;
}

function quote(s: string): string {
  return `"${s}"`;
}
