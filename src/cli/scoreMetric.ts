import type { Benchmarks } from "../core/benchmarks.js";
import type { GroupKind } from "../core/groups.js";
import { UsageError } from "./args.js";
import { scoreCsv } from "./scoreOutput.js";

export interface ScoreMetricOptions {
  metric: string;
  period?: string;
  council?: string;
  group?: GroupKind;
}

/**
 * Scores one metric and period of the loaded data among the metric's comparison population, narrowed to
 * the council's comparator group when asked. With a council and no group, only that council's row.
 */
export function scoreMetricCsv(benchmarks: Benchmarks, options: ScoreMetricOptions): string {
  const metric = benchmarks.metric(options.metric);
  const period = benchmarks.period(metric, options.period);
  if (options.group && !options.council)
    throw new UsageError("--group needs --council (whose comparator group)");
  const council = options.council ? benchmarks.council(options.council) : undefined;
  const group = options.group && council ? { council: council.code, kind: options.group } : undefined;
  const rows = benchmarks.score(metric, period, { group });
  if (council && !group) {
    const row = benchmarks.row(council, rows);
    if (!row) throw new UsageError(benchmarks.noRowMessage(metric, council, period));
    return scoreCsv([row]);
  }
  return scoreCsv(rows);
}
