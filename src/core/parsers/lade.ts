import { parsePolarity } from "../polarity.js";
import { columns, readCsv } from "./csv.js";
import { duplicateNote, observation, uniqueRows } from "./observation.js";
import type { MetricInfo, ParsedFile } from "./types.js";

export const REQUIRED = [
  "Financial year",
  "Local authority code",
  "Local authority name",
  "Code",
  "Value",
] as const;
export const OPTIONAL = [
  "Grouping",
  "Entity_Name",
  "Region",
  "Measure",
  "MEDIAN",
  "MADs_from_median",
  "rank_order",
] as const;

/**
 * The LADE long format (one row per council, metric and year). `rank_order` desc/DESC means higher is
 * better, None no polarity; it is empty on rows with no value, so a metric takes it from any row that has one.
 */
export function parseLade(text: string): ParsedFile {
  const table = readCsv(text);
  const c = columns(table, "LADE", REQUIRED, OPTIONAL);
  const metrics = new Map<string, MetricInfo>();
  const rows = table.rows.map((r) => {
    const code = (r[c["Code"]] ?? "").trim();
    describeMetric(metrics, code, r, c);
    return observation(
      code,
      r[c["Financial year"]] ?? "",
      r[c["Local authority code"]] ?? "",
      r[c["Local authority name"]] ?? "",
      r[c["Value"]] ?? "",
    );
  });
  const { observations, lines, duplicates } = uniqueRows(rows, table.lines);
  return {
    format: "lade",
    observations,
    lines,
    metrics: [...metrics.values()],
    skipped: duplicateNote(duplicates),
  };
}

/** A metric's name (Measure of its first row) and polarity (the first rank_order that gives one). */
export function describeMetric(
  metrics: Map<string, MetricInfo>,
  code: string,
  r: readonly string[],
  c: Record<(typeof OPTIONAL)[number], number>,
): void {
  const info = metrics.get(code) ?? { code, name: c["Measure"] >= 0 ? (r[c["Measure"]] ?? "").trim() : code };
  info.polarity ??= c["rank_order"] >= 0 ? parsePolarity(r[c["rank_order"]]) : undefined;
  metrics.set(code, info);
}
