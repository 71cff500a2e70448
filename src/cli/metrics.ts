import type { Benchmarks } from "../core/benchmarks.js";
import { CATALOGUE, shortLicence } from "../core/catalogue/index.js";
import { csvLine } from "../core/csvOut.js";

export const METRICS_HEADER =
  "id,name,domain,unit,polarity,population,latest_period,scored_latest,source,licence";

/** One row per catalogue metric, with how many councils the default data scores in its latest period. */
export function metricsCsv(benchmarks: Benchmarks): string {
  const lines = [METRICS_HEADER];
  for (const m of CATALOGUE) {
    const latest = benchmarks.data.latestPeriod(m.id);
    const scored = latest ? benchmarks.score(m, latest).filter((r) => r.score !== null).length : 0;
    lines.push(
      csvLine([
        m.id,
        m.name,
        m.domain,
        m.unit,
        m.polarity,
        m.population.description,
        latest ?? "",
        scored,
        `${m.publisher}: ${m.publication}`,
        shortLicence(m.licence),
      ]),
    );
  }
  return lines.join("\n") + "\n";
}
