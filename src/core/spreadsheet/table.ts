// Finding a publisher's table by its sheet name and column headings, not by cell positions, so a moved
// column still reads and a renamed one fails saying what is missing.
import type { Cell, Sheet } from "./types.js";

/** A publisher's file no longer has the layout a reader knows; the message names what is missing. */
export class LayoutError extends Error {
  override readonly name = "LayoutError";
}

/** A heading to look for: a cell equal to the text (case and spacing ignored), or matching the pattern. */
export type Heading = string | RegExp;

export interface FoundTable<K extends string> {
  sheet: string;
  /** 0-based index of the header row in the sheet. */
  headerRow: number;
  header: Cell[];
  columns: Record<K, number>;
  /** The rows below the header. */
  rows: Cell[][];
}

/** Lower case, single spaces, no line breaks: headings wrap and change case between releases. */
export function normalise(text: Cell): string {
  return String(text ?? "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

function matches(cell: Cell, heading: Heading): boolean {
  if (cell === null) return false;
  return typeof heading === "string" ? normalise(cell) === normalise(heading) : heading.test(normalise(cell));
}

function shown(heading: Heading): string {
  return typeof heading === "string" ? `"${heading}"` : `matching ${heading.source}`;
}

export function findSheet(sheets: readonly Sheet[], name: string, file: string): Sheet {
  const sheet = sheets.find((s) => normalise(s.name) === normalise(name));
  if (sheet) return sheet;
  const names = sheets.map((s) => `"${s.name}"`).join(", ") || "none";
  throw new LayoutError(
    `${file} has no sheet named "${name}" (its sheets: ${names}). Has the publisher changed the layout?`,
  );
}

/**
 * The first row of `sheet` in which every heading matches a different cell. `headings` are tried in
 * order, each taking the leftmost matching cell not already taken.
 */
export function findTable<K extends string>(
  sheet: Sheet,
  headings: Record<K, Heading>,
  file: string,
  searchRows = 100,
): FoundTable<K> {
  const keys = Object.keys(headings) as K[];
  let best: { row: number; missing: K[] } | undefined;
  for (let r = 0; r < Math.min(sheet.rows.length, searchRows); r++) {
    const header = sheet.rows[r];
    const taken = new Set<number>();
    const columns = {} as Record<K, number>;
    const missing: K[] = [];
    for (const key of keys) {
      const c = header.findIndex((cell, i) => !taken.has(i) && matches(cell, headings[key]));
      if (c < 0) missing.push(key);
      else {
        taken.add(c);
        columns[key] = c;
      }
    }
    if (!missing.length)
      return { sheet: sheet.name, headerRow: r, header, columns, rows: sheet.rows.slice(r + 1) };
    if (missing.length < keys.length && (!best || missing.length < best.missing.length))
      best = { row: r, missing };
  }
  const missing = (best?.missing ?? keys).map((k) => shown(headings[k])).join(", ");
  const where = best ? ` (row ${best.row + 1} has the others)` : "";
  throw new LayoutError(
    `${file}: sheet "${sheet.name}" has no column headed ${missing}${where}. Has the publisher changed the layout?`,
  );
}
