// DfT road condition table RDC0120: % of local A-road/motorway and B/C-road length where maintenance
// should have been considered, one sheet per road class, one "FYE YYYY" column per year.
import type { Observation } from "../model.js";
import { readSpreadsheet } from "../spreadsheet/index.js";
import { findSheet, findTable } from "../spreadsheet/table.js";
import type { Cell } from "../spreadsheet/types.js";
import type { PublisherReader, ReaderOptions } from "./types.js";

const FILE = "The DfT RDC0120 table";

const SHEETS = {
  RDC0120_A_Roads_and_Motorways: "a-roads-maintenance-should-be-considered",
  RDC0120_B_and_C_Roads: "bc-roads-maintenance-should-be-considered",
} as const;

/** Local highway authorities (E06, E08–E10); also drops the England row (E92). */
const COUNCIL = /^E(0[6-9]|10)\d{6}$/;
const YEAR_HEADING = /^fye (\d{4})$/;
/** DfT appends note flags to names ("North Tyneside [note 7, 8] [r]"); the tidy files have them off. */
const NAME_FLAGS = /\s*\[(note[^\]]*|r)\]/gi;

function observation(
  metric: string,
  period: string,
  areacd: string,
  areanm: string,
  cell: Cell,
): Observation {
  if (typeof cell === "number") return { metric, period, areacd, areanm, value: cell };
  // "[x]" unavailable, "[y]" unrepresentative, "[z]" not applicable: kept as the marker.
  const marker = cell === null ? "" : String(cell).trim();
  return { metric, period, areacd, areanm, value: null, missing: marker || "empty" };
}

export const rdc0120Reader: PublisherReader = {
  id: "dft-rdc0120",
  name: "DfT RDC0120 road condition: local roads where maintenance should have been considered (ODS)",
  kind: "ods",
  metrics: Object.values(SHEETS),
  read(bytes: Uint8Array, options: ReaderOptions = {}): Observation[] {
    const wanted = new Set(Object.keys(SHEETS).map((s) => s.toLowerCase()));
    const sheets = readSpreadsheet(
      bytes,
      { sheets: (name) => wanted.has(name.trim().toLowerCase()), onProgress: options.onProgress },
      FILE,
    );
    const out: Observation[] = [];
    for (const [sheetName, metric] of Object.entries(SHEETS)) {
      const table = findTable(
        findSheet(sheets, sheetName, FILE),
        { code: "ONS Area Code", name: "Local Authority", year: YEAR_HEADING },
        FILE,
      );
      // FYE 2025 is the financial year ending March 2025, our "2024-25".
      const years = table.header.flatMap((cell, col) => {
        const m = YEAR_HEADING.exec(
          String(cell ?? "")
            .trim()
            .toLowerCase(),
        );
        return m ? [{ col, period: `${Number(m[1]) - 1}-${m[1].slice(2)}` }] : [];
      });
      for (const row of table.rows) {
        const areacd = String(row[table.columns.code] ?? "").trim();
        if (!COUNCIL.test(areacd)) continue;
        const areanm = String(row[table.columns.name] ?? "")
          .replace(NAME_FLAGS, "")
          .trim();
        for (const { col, period } of years)
          out.push(observation(metric, period, areacd, areanm, row[col] ?? null));
      }
    }
    return out;
  },
};
