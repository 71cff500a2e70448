import type { Benchmarks } from "../core/benchmarks.js";
import { csvLine } from "../core/csvOut.js";

/** The loaded data as tidy CSV (areacd,areanm,period,indicator,value), one metric or all of them. */
export function exportCsv(benchmarks: Benchmarks, metricId?: string, periodText?: string): string {
  const metrics = metricId ? [benchmarks.metric(metricId).id] : benchmarks.data.metrics();
  const lines = ["areacd,areanm,period,indicator,value"];
  for (const metric of metrics) {
    const ref = benchmarks.metric(metric);
    const periods = periodText ? [benchmarks.period(ref, periodText)] : benchmarks.data.periods(metric);
    for (const period of periods) {
      for (const o of benchmarks.data.observations(metric, period)) {
        lines.push(csvLine([o.areacd, o.areanm, o.period, o.metric, o.value]));
      }
    }
  }
  return lines.join("\n") + "\n";
}
