// MHCLG Revenue Outturn Summary (RS): each year's workbook has one sheet of every authority's RS lines,
// "RS_LA_Data_2022-23" (earlier years "RS LA Data 2016-17"), read for reserves and spending lines.
import type { Observation } from "../model.js";
import { periodId } from "../periods.js";
import { readSpreadsheet } from "../spreadsheet/index.js";
import { findTable, LayoutError, normalise } from "../spreadsheet/table.js";
import type { Cell } from "../spreadsheet/types.js";
import { PUBLISHER_METRICS } from "./metrics.js";
import type { PublisherReader, ReaderOptions } from "./types.js";

const FILE = "The MHCLG Revenue Outturn (RS) workbook";
const SHEET = /^rs[ _]la[ _]data[ _](\d{4}-\d{2})$/i;

/**
 * Text headings, not the "C3R916" / "RS-resunall-end-cy" code rows above them: the tidy files' sources
 * name each year's lines by text (source_files_and_columns, 2015-16 to 2023-24), and the codes are not
 * known for older years. "Estimated" came and went (2016-17 has none); "at 31 March" keeps the 1 April
 * columns out.
 */
const HEADINGS = {
  code: "ONS Code",
  name: "Local authority",
  class: "Class",
  unallocated: /^(estimated )?unallocated financial reserves level at 31 march$/,
  // The plain line until 2020-21; from 2021-22 the "(adjusted)" one is preferred (see earmarkedColumn).
  earmarked: /^(estimated )?other earmarked financial reserves level at 31 march( \(adjusted\))?$/,
  nre: "NET REVENUE EXPENDITURE",
  tse: /^total service expenditure( \(total of lines 190 to 698\))?$/,
  asc: "Adult Social Care",
  csc: /^children('s)? social care$/,
} as const;

/**
 * From 2021-22 MHCLG adds an "(adjusted)" earmarked line netting off COVID business-rate relief balances
 * (items 1028/1029), comparable with earlier years; the tidy series uses it wherever it exists.
 */
function earmarkedColumn(header: Cell[], found: number): number {
  const adjusted = header.findIndex((c) =>
    /other earmarked financial reserves level at 31 march \(adjusted\)$/.test(normalise(c)),
  );
  return adjusted >= 0 ? adjusted : found;
}

/**
 * Councils only (E06–E10), as the tidy files: class "O" bodies (fire, police, GLA, combined authorities),
 * the class subtotals ("E06") and England are not.
 */
const COUNCIL = /^E(0[6-9]|10)\d{6}$/;

type Read = { value: number; missing?: undefined } | { value: null; missing: string };

function cellValue(cell: Cell | undefined): Read {
  if (typeof cell === "number") return { value: cell };
  // "[x]": the authority had not submitted its return ("…" in 2016-17).
  const marker = cell === null || cell === undefined ? "" : String(cell).trim();
  return { value: null, missing: marker || "empty" };
}

/** (unallocated + earmarked) as % of the denominator, 1 dp, as the tidy files derived it. */
function reservesPct(unallocated: Read, earmarked: Read, denominator: Read): Read {
  // A missing component passes its own marker on ("[x]": not submitted), so the reason stays visible.
  for (const part of [unallocated, earmarked, denominator]) if (part.value === null) return part;
  const d = denominator.value as number;
  if (d <= 0) return { value: null, missing: "denominator not positive" };
  const pct = (((unallocated.value as number) + (earmarked.value as number)) / d) * 100;
  // 1 dp as the tidy files; 2022-23 has no exact .x5 ties, so half-up vs half-even never shows.
  return { value: Math.round(pct * 10) / 10 };
}

export const revenueOutturnReader: PublisherReader = {
  id: "mhclg-revenue-outturn-rs",
  name: "MHCLG Revenue Outturn Summary (RS) data by local authority (XLSX)",
  kind: "xlsx",
  metrics: PUBLISHER_METRICS["mhclg-revenue-outturn-rs"],
  read(bytes: Uint8Array, options: ReaderOptions = {}): Observation[] {
    const names: string[] = [];
    const sheets = readSpreadsheet(
      bytes,
      { sheets: (name) => (names.push(name), SHEET.test(name.trim())), onProgress: options.onProgress },
      FILE,
    );
    const sheet = sheets[0];
    if (!sheet) {
      const listed = names.map((n) => `"${n}"`).join(", ") || "none";
      throw new LayoutError(
        `${FILE} has no sheet named RS_LA_Data_YYYY-YY (its sheets: ${listed}). Has the publisher changed the layout?`,
      );
    }
    // The sheet name carries the year; the title row says the same ("Revenue Outturn (RO) 2022-23").
    const period = periodId((SHEET.exec(sheet.name.trim()) as RegExpExecArray)[1]);
    const table = findTable(sheet, HEADINGS, FILE);
    const col = { ...table.columns, earmarked: earmarkedColumn(table.header, table.columns.earmarked) };

    const out: Observation[] = [];
    for (const row of table.rows) {
      const areacd = String(row[col.code] ?? "").trim();
      if (
        !COUNCIL.test(areacd) ||
        String(row[col.class] ?? "")
          .trim()
          .toUpperCase() === "O"
      )
        continue;
      const areanm = String(row[col.name] ?? "").trim();
      const unallocated = cellValue(row[col.unallocated]);
      const earmarked = cellValue(row[col.earmarked]);
      const nre = cellValue(row[col.nre]);
      const tse = cellValue(row[col.tse]);
      const values: Record<string, Read> = {
        "unallocated-reserves": unallocated,
        "earmarked-reserves": earmarked,
        "net-revenue-expenditure": nre,
        "total-service-expenditure": tse,
        "adult-social-care-net-current-expenditure": cellValue(row[col.asc]),
        "childrens-social-care-net-current-expenditure": cellValue(row[col.csc]),
        "non-ringfenced-reserves-pct-net-revenue-expenditure": reservesPct(unallocated, earmarked, nre),
        "non-ringfenced-reserves-pct-total-service-expenditure": reservesPct(unallocated, earmarked, tse),
      };
      for (const [metric, v] of Object.entries(values)) out.push({ metric, period, areacd, areanm, ...v });
    }
    return out;
  },
};
