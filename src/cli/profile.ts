import type { Benchmarks } from "../core/benchmarks.js";
import { csvLine } from "../core/csvOut.js";
import { councilProfile, type ProfileOptions } from "../core/profile.js";

const HEADER = [
  "metric",
  "metric_name",
  "domain",
  "period",
  "value",
  "unit",
  "england_median",
  "group_median",
  "score",
  "group_score",
  "band",
  "rank",
  "compared",
  "quartile",
  "trend",
  "flags",
  "learn_from",
  "note",
];

/** The council profile as CSV: one row per metric, from the same core function as the pane and BENCH.PROFILE. */
export function profileCsv(benchmarks: Benchmarks, council: string, options: ProfileOptions): string {
  const lines = [HEADER.join(",")];
  for (const r of councilProfile(benchmarks, council, options).rows) {
    lines.push(
      csvLine([
        r.metric,
        r.metricName,
        r.domain,
        r.period,
        r.value,
        r.unit,
        r.englandMedian,
        r.groupMedian,
        r.score,
        r.groupScore,
        r.band,
        r.rank,
        r.compared,
        r.quartile,
        r.trend,
        r.flags.join(";"),
        r.learnFrom.map((l) => l.name).join(";"),
        r.note,
      ]),
    );
  }
  return lines.join("\n") + "\n";
}
