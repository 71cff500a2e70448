/** A parsed CSV: header names (BOM and surrounding spaces removed) and the data rows. */
export interface CsvTable {
  header: string[];
  rows: string[][];
  /** The file line each row starts on (1 = the header), for messages. */
  lines: number[];
}

export class FormatError extends Error {
  override name = "FormatError";
}

/**
 * Reads RFC 4180 CSV strictly: every row must have the header's number of fields, and a quote left open
 * is an error naming the line it opened on, so a damaged file fails instead of loading shifted columns.
 * Blank lines are skipped.
 */
export function readCsv(text: string): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const start = line;
    const row: string[] = [];
    for (;;) {
      let field = "";
      if (src.charCodeAt(i) === 34 /* " */) {
        let j = i + 1;
        for (;;) {
          const q = src.indexOf('"', j);
          if (q === -1) throw new FormatError(`Line ${start}: a quote opened here is never closed`);
          field += src.slice(j, q);
          if (src.charCodeAt(q + 1) === 34) {
            field += '"';
            j = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        line += countNewlines(field);
        const c = src.charCodeAt(i);
        if (i < n && c !== 44 && c !== 10 && c !== 13)
          throw new FormatError(`Line ${line}: text after a closing quote; quote the whole field`);
      } else {
        let j = i;
        while (j < n) {
          const c = src.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          j++;
        }
        field = src.slice(i, j);
        if (field.includes('"')) throw new FormatError(`Line ${start}: a quote inside an unquoted field`);
        i = j;
      }
      row.push(field);
      if (i < n && src.charCodeAt(i) === 44) {
        i++;
        continue;
      }
      // End of the row: \r\n, \n, \r or the end of the text.
      if (src.charCodeAt(i) === 13) i++;
      if (src.charCodeAt(i) === 10) i++;
      line++;
      break;
    }
    if (row.length === 1 && row[0].trim() === "") continue; // a blank line
    rows.push(row);
    lines.push(start);
  }
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

function countNewlines(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) k++;
  }
  return k;
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
