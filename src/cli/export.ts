import type { Benchmarks } from "../core/benchmarks.js";
import { findMetric } from "../core/catalogue/index.js";
import { csvLine } from "../core/csvOut.js";
import { choice, type ParsedArgs } from "./args.js";
import { exportWorkbook } from "./exportXlsx.js";
import { scoreFileRows } from "./scoreFile.js";
import { shippedBenchmarks } from "./shipped.js";

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

/** A file's tables (or, without FILE, a metric of the shipped data) as a workbook with live formulas. */
export async function exportXlsx(file: string | undefined, args: ParsedArgs): Promise<Uint8Array> {
  const metric = args.flags.get("metric");
  const period = args.flags.get("period");
  if (file) {
    const { scored, comparedAmong, polarity } = await scoreFileRows(file, {
      format: choice(args, "format", ["lade", "els", "tidy"] as const),
      polarity: choice(args, "polarity", ["higher", "lower", "none"] as const),
      metric,
      period,
    });
    return exportWorkbook(
      scored.map((o, i) => ({ o, comparedAmong: comparedAmong[i] })),
      polarity,
    );
  }
  const benchmarks = await shippedBenchmarks();
  const ref = benchmarks.metric(metric ?? "");
  const periods = period ? [benchmarks.period(ref, period)] : benchmarks.data.periods(ref.id);
  const rows = periods.flatMap((p) =>
    benchmarks.scoreWithSets(ref, p).map(({ o, set }) => ({ o, comparedAmong: set })),
  );
  return exportWorkbook(rows, (m) => findMetric(m)?.polarity ?? ref.polarity);
}
