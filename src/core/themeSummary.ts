// The "Best Value summary" sheet's table: each theme's rating, then its evidence under it, for a council,
// optionally beside a second council. The same themeReport as THEMEREPORT and `cli themes`.
import type { Benchmarks } from "./benchmarks.js";
import type { BenchmarkTable, CellValue, TableColumn } from "./table.js";
import { TEXT_FORMAT } from "./tableFormat.js";
import { themeReport, type ThemeOptions } from "./themeReport.js";
import { themeEvidenceCells, themeReportCells } from "./themeTable.js";

/** Shown above the table: the method in one paragraph, and what it is not. */
export const METHOD_SUMMARY = [
  "Each theme's score is the median of its evidence's polarity-adjusted MAD scores (positive is better): published LADE metrics mapped to the theme, among England's councils that provide the service or within the chosen group, and the council's own evidence from the Evidence table (marked local). Continuous improvement uses each metric's change in score over its last three periods. Fewer than two scored pieces of evidence: not rated. Ratings use LADE's cut-offs: 1.5 Strong, 0.5 Good, -0.5 to 0.5 In line with similar councils, -1.5 Some concern, below Concern. See docs/best-value-ratings.md.",
  "Not an official Oflog or MHCLG judgement, never one score across themes and never a ranking of councils; services the council does not provide are not applicable; themes with little published data need the council's own evidence.",
];

const text = (name: string): TableColumn => ({ name, kind: "text", numberFormat: TEXT_FORMAT });
const score = (name: string): TableColumn => ({ name, kind: "number", numberFormat: "0.00" });

export const SUMMARY_COLUMNS: readonly TableColumn[] = [
  text("Theme"),
  text("Evidence"),
  text("Source"),
  text("Status"),
  score("Score"),
  text("Rating"),
  text("Coverage"),
  text("Warning flags"),
  text("Detail"),
];

export interface SummaryOptions extends ThemeOptions {
  /** A second council shown beside the first: its score and rating per theme. */
  compare?: string;
}

/** The summary as a table: a row per theme (its rating), then a row per piece of its evidence. */
export function themeSummaryTable(
  benchmarks: Benchmarks,
  council: string,
  options: SummaryOptions = {},
): BenchmarkTable {
  const name = benchmarks.council(council).shortName;
  const report = themeReport(benchmarks, council, options);
  const other = options.compare
    ? {
        name: benchmarks.council(options.compare).shortName,
        report: themeReport(benchmarks, options.compare, { ...options, local: [] }),
      }
    : undefined;
  const columns = [
    ...SUMMARY_COLUMNS,
    ...(other ? [score(`${other.name} score`), text(`${other.name} rating`)] : []),
  ];
  const rows: CellValue[][] = [];
  report.forEach((theme, i) => {
    const [title, s, rating, coverage, warnings] = themeReportCells(theme);
    const beside = other ? [other.report[i].rating.score, other.report[i].rating.rating] : [];
    rows.push([
      title,
      "Theme rating",
      null,
      null,
      s,
      rating,
      coverage,
      warnings,
      theme.theme.evidence,
      ...beside,
    ]);
    for (const e of theme.evidence) {
      const [, evidence, source, status, value, detail] = themeEvidenceCells(theme, e);
      rows.push([
        title,
        evidence,
        source,
        status,
        value,
        null,
        null,
        null,
        detail,
        ...(other ? [null, null] : []),
      ]);
    }
  });
  return {
    columns,
    rows,
    title: `Best Value summary: ${name}${other ? ` beside ${other.name}` : ""}`,
    caveats: METHOD_SUMMARY,
    attribution:
      "Source: the publishers listed in the add-in's Data section, and the council's own Evidence table. Ratings calculated by this add-in.",
  };
}
