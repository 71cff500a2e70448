import type { Benchmarks } from "../core/benchmarks.js";
import { csvLine } from "../core/csvOut.js";
import { themeReport, type ThemeOptions } from "../core/themeReport.js";
import { themeReportCells } from "../core/themeTable.js";

const HEADER = "theme,score,rating,coverage,warnings,metrics_used";

/** The council's Best Value theme ratings as CSV, from the same core function as BENCH.THEMEREPORT. */
export function themesCsv(benchmarks: Benchmarks, council: string, options: ThemeOptions): string {
  const rows = themeReport(benchmarks, council, options).map((r) => csvLine(themeReportCells(r)));
  return [HEADER, ...rows].join("\n") + "\n";
}
