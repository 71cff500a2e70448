import { csvLine } from "../core/csvOut.js";
import type { ScoredObservation } from "../core/scoring.js";

export const SCORE_HEADER = "metric,period,areacd,areanm,value,median,mad,mad_score,band,outlier,note";

/** The score command's CSV: one row per observation, numbers at full precision, and why a row has no score. */
export function scoreCsv(rows: readonly ScoredObservation[]): string {
  const lines = [SCORE_HEADER];
  for (const r of rows) lines.push(scoreLine(r));
  return lines.join("\n") + "\n";
}

/** One row of the score CSV, without its line break. */
export function scoreLine(r: ScoredObservation): string {
  return csvLine([
    r.metric,
    r.period,
    r.areacd,
    r.areanm,
    r.value,
    r.median,
    r.mad,
    r.score,
    r.band,
    r.outlier ?? "",
    r.reason ?? r.note ?? "",
  ]);
}
