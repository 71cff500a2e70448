// `cli export FILE --out OUT.xlsx`: the benchmark tables as a workbook that stands on its own, one sheet per
// metric, its Median, MAD, MAD score, Band and Outlier as live formulas (core/formulas.ts, the add-in's
// generator) with the band colours and a legend. Written with exceljs, the maintained .xlsx writer.
import type ExcelJS from "exceljs";
import { BANDS, type Band } from "../core/band.js";
import { BAND_STYLES } from "../core/bandStyles.js";
import { catalogueId, findMetric } from "../core/catalogue/index.js";
import type { Polarity } from "../core/model.js";
import { periodLabel } from "../core/periods.js";
import {
  columnLetters,
  LIVE_ROW_LIMIT,
  rangeRefs,
  scoreFormulas,
  type FormulaColumn,
} from "../core/formulas.js";
import type { ScoredObservation } from "../core/scoring.js";
import { TABLE_COLUMN_NAMES } from "../core/table.js";
import { NOT_A_NUMBER } from "../core/values.js";

export interface ExportRow {
  o: ScoredObservation;
  /** The comparison it is scored in; "" when it is not compared. */
  comparedAmong: string;
}

// The add-in's table columns, and the comparison each row is scored in (the formulas need it).
const HEADER = [...TABLE_COLUMN_NAMES, "Compared among"] as const;
const COLUMN = Object.fromEntries(HEADER.map((h, i) => [h, i])) as Record<(typeof HEADER)[number], number>;
const FIRST = 5; // title, source line, blank, header, then the rows
const TEXT = "@";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const fill = (hex: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: argb(hex) },
});

/** What the file had in place of a value: its marker ("[c]"), or the text that is not a number. */
function publishedText(missing: string | undefined): string | null {
  if (!missing || missing === "empty") return null;
  return missing.startsWith(`${NOT_A_NUMBER}: `) ? missing.slice(NOT_A_NUMBER.length + 2) : missing;
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(wanted: string, used: Set<string>): string {
  const clean =
    wanted
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/\s+/g, " ")
      .trim() || "Metric";
  // Cut at a word, leaving room for " 2" should two metrics start alike.
  const base = clean.length <= 28 ? clean : `${clean.slice(0, 27).replace(/\s+\S*$/, "")}…`;
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  used.add(name.toLowerCase());
  return name;
}

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  rows: readonly ExportRow[],
  polarity: Polarity,
  valueFormat: string,
): void {
  const ws = workbook.addWorksheet(name);
  ws.getCell("A1").value = title;
  ws.getCell("A1").font = { bold: true, size: 13 };
  // Each row's formulas scan the sheet: beyond the limit the scores are values, as in the add-in's tables.
  const live = rows.length <= LIVE_ROW_LIMIT;
  ws.getCell("A2").value =
    (live
      ? "Median, MAD, MAD score, Band and Outlier are formulas: correct a value and they recalculate. "
      : `Median, MAD, MAD score, Band and Outlier are values: more than ${LIVE_ROW_LIMIT.toLocaleString("en-GB")} rows of formulas would take too long to recalculate. `) +
    "Scores calculated with the LADE method, not official Oflog figures.";
  const header = ws.getRow(FIRST - 1);
  HEADER.forEach((h, i) => (header.getCell(i + 1).value = h));
  header.font = { bold: true };
  const last = FIRST + rows.length - 1;
  const formulaColumns = Object.fromEntries(
    (["Period", "Compared among", "Value", "Median", "MAD", "MAD score"] as FormulaColumn[]).map((c) => [
      c,
      COLUMN[c],
    ]),
  ) as Record<FormulaColumn, number>;

  rows.forEach(({ o, comparedAmong }, i) => {
    const r = FIRST + i;
    const f = scoreFormulas(polarity, rangeRefs(formulaColumns, FIRST, last, r));
    const row = ws.getRow(r);
    const set = (col: number, value: ExcelJS.CellValue) => (row.getCell(col + 1).value = value);
    // Text as text (numFmt "@", string cells): a name or marker is never read as a formula.
    set(COLUMN["Council code"], o.areacd);
    set(COLUMN.Council, o.areanm);
    set(COLUMN.Period, periodLabel(o.period));
    // A suppressed value keeps its marker ("[c]", ".."), as text: the formulas pass it over.
    set(COLUMN.Value, o.value ?? publishedText(o.missing));
    // The file format names functions newer than Excel 2007 with the _xlfn. prefix.
    const formula = (col: number, text: string, value: ExcelJS.CellValue) =>
      set(
        col,
        live
          ? ({ formula: text.slice(1).replace(/\bAGGREGATE\(/g, "_xlfn.AGGREGATE(") } as ExcelJS.CellValue)
          : value,
      );
    formula(COLUMN.Median, f.median, o.median);
    formula(COLUMN.MAD, f.mad, o.mad);
    formula(COLUMN["MAD score"], f.score, o.score);
    formula(COLUMN.Band, f.band, o.band);
    formula(COLUMN.Outlier, f.outlier, o.outlier);
    set(COLUMN.Note, o.reason ?? o.note ?? null);
    set(COLUMN["Compared among"], comparedAmong === "all" ? "All councils in the file" : comparedAmong);
  });

  const formats: [number, string][] = [
    [COLUMN["Council code"], TEXT],
    [COLUMN.Council, TEXT],
    [COLUMN.Period, TEXT],
    [COLUMN.Value, valueFormat],
    [COLUMN.Median, valueFormat],
    [COLUMN.MAD, "#,##0.0##"],
    [COLUMN["MAD score"], "0.00"],
    [COLUMN.Note, TEXT],
    [COLUMN["Compared among"], TEXT],
  ];
  for (const [col, numFmt] of formats) ws.getColumn(col + 1).numFmt = numFmt;
  [12, 28, 10, 10, 10, 10, 10, 16, 9, 40, 24].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: FIRST - 1 }];
  ws.autoFilter = { from: { row: FIRST - 1, column: 1 }, to: { row: FIRST - 1, column: HEADER.length } };

  const bands = polarity === "none" ? BANDS.neutral : BANDS.judged;
  if (rows.length) bandColours(ws, bands, last);
  legend(ws, bands, polarity);
}

/** The MAD score and Band cells of each row take their band's colour (conditional formats, so edits follow). */
function bandColours(ws: ExcelJS.Worksheet, bands: readonly Band[], last: number): void {
  const band = `$${columnLetters(COLUMN.Band)}${FIRST}`;
  ws.addConditionalFormatting({
    ref: `${columnLetters(COLUMN["MAD score"])}${FIRST}:${columnLetters(COLUMN.Band)}${last}`,
    rules: bands.map((b, i) => ({
      type: "expression",
      priority: i + 1,
      formulae: [`${band}="${b}"`],
      style: { fill: fill(BAND_STYLES[b].fill), font: { color: { argb: argb(BAND_STYLES[b].font) } } },
    })),
  });
}

/** The MAD scores of each band, best (or highest) first: a lower-is-better metric's best scores are negative. */
const SCORE_RANGES: Readonly<Record<"up" | "down", readonly string[]>> = {
  up: ["3 or more", "1.5 to 3", "0.5 to 1.5", "−0.5 to 0.5", "−1.5 to −0.5", "−3 to −1.5", "below −3"],
  down: ["−3 or less", "−3 to −1.5", "−1.5 to −0.5", "−0.5 to 0.5", "0.5 to 1.5", "1.5 to 3", "above 3"],
};

/** What the colours mean, beside the table. */
function legend(ws: ExcelJS.Worksheet, bands: readonly Band[], polarity: Polarity): void {
  const col = HEADER.length + 2;
  ws.getCell(FIRST - 1, col).value = "Band (MAD score)";
  ws.getCell(FIRST - 1, col).font = { bold: true };
  const ranges = SCORE_RANGES[polarity === "lower" ? "down" : "up"];
  ws.getColumn(col).width = 18;
  ws.getColumn(col + 1).width = 16;
  bands.forEach((b, i) => {
    const cell = ws.getCell(FIRST + i, col);
    cell.value = b;
    cell.fill = fill(BAND_STYLES[b].fill);
    cell.font = { color: { argb: argb(BAND_STYLES[b].font) } };
    ws.getCell(FIRST + i, col + 1).value = ranges[i];
  });
  ws.getCell(FIRST + bands.length, col).value = "Outlier: |MAD score| of 7.5 or more";
}

/** The workbook's bytes: one sheet per metric, rows in the order given. */
export async function exportWorkbook(
  rows: readonly ExportRow[],
  polarity: (metric: string) => Polarity,
): Promise<Uint8Array> {
  // Loaded here, not at start-up: importing exceljs takes half a second, and only export needs it.
  const { Workbook } = (await import("exceljs")).default;
  const workbook = new Workbook();
  workbook.creator = "Council Benchmarks";
  // No cached results are written: every spreadsheet computes the formulas when it opens the file.
  workbook.calcProperties.fullCalcOnLoad = true;
  const byMetric = new Map<string, ExportRow[]>();
  for (const r of rows) {
    const list = byMetric.get(r.o.metric);
    if (list) list.push(r);
    else byMetric.set(r.o.metric, [r]);
  }
  const used = new Set<string>();
  for (const [metric, list] of byMetric) {
    const known = findMetric(catalogueId(metric));
    const name = known?.name ?? metric;
    const format = known && "numberFormat" in known ? known.numberFormat : "General";
    addSheet(workbook, sheetName(name, used), name, list, polarity(metric), format);
  }
  if (!byMetric.size) throw new Error("There are no rows to export");
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
