import { columns, readCsv } from "./csv.js";
import { duplicateNote, observation, uniqueRows } from "./observation.js";
import type { ParsedFile } from "./types.js";

const REQUIRED = ["areacd", "areanm", "period", "indicator", "value"] as const;

/** The tidy format: `areacd,areanm,period,indicator,value`, one row per area, period and metric. */
export function parseTidy(text: string): ParsedFile {
  const table = readCsv(text);
  const c = columns(table, "tidy CSV", REQUIRED, []);
  const codes = new Set<string>();
  const rows = table.rows.map((r) => {
    const o = observation(
      r[c.indicator] ?? "",
      r[c.period] ?? "",
      r[c.areacd] ?? "",
      r[c.areanm] ?? "",
      r[c.value] ?? "",
    );
    codes.add(o.metric);
    return o;
  });
  const { observations, lines, duplicates } = uniqueRows(rows, table.lines);
  return {
    format: "tidy",
    observations,
    lines,
    metrics: [...codes].map((code) => ({ code, name: code })),
    skipped: duplicateNote(duplicates),
  };
}
