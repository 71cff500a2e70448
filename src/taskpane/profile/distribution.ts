// The numbers behind the profile's charts: where every council of the comparison stands on a metric in a
// period (the strip chart), and the council's values over all periods beside its group's and England's
// medians (the trend chart). Both are memoised per data, since the list and the detail ask for the same.
import type { Benchmarks, ScoreOptions } from "../../core/benchmarks.js";
import type { GroupKind } from "../../core/groups.js";
import type { Council, Polarity } from "../../core/model.js";
import type { ScoredObservation, Status } from "../../core/scoring.js";

export interface DistributionPoint {
  code: string;
  name: string;
  value: number;
  band: Status;
  /** In the comparator group (every point when there is none). */
  inGroup: boolean;
  /** The council the profile is of. */
  mine: boolean;
}

export interface Distribution {
  /** Every council compared with the council on this metric (its LADE population), with a value. */
  points: DistributionPoint[];
  median: number;
  mad: number | null;
  /** The comparator group's median; undefined when there is no group. */
  groupMedian?: number;
  polarity: Polarity;
  /** The council's own point, when it has a value. */
  mine?: DistributionPoint;
}

export interface TrendPoint {
  period: string;
  value: number | null;
  groupMedian: number | null;
  englandMedian: number | null;
}

const cache = new WeakMap<Benchmarks, Map<string, unknown>>();

function memo<T>(benchmarks: Benchmarks, key: string, make: () => T): T {
  let map = cache.get(benchmarks);
  if (!map) cache.set(benchmarks, (map = new Map()));
  if (!map.has(key)) map.set(key, make());
  return map.get(key) as T;
}

const groupOption = (council: Council, group: string): ScoreOptions =>
  group ? { group: { council: council.code, kind: group as GroupKind } } : {};

/** Rows that take part in the comparison: scored, or valued but unscorable (a MAD of 0). */
const compared = (r: ScoredObservation) => r.value !== null && (r.score !== null || r.band === "no-score");

/**
 * Where the council stands on a metric in a period, among the councils its LADE population compares it
 * with (for finance, districts among districts); undefined when it is not compared (a district on adult
 * social care, a context figure) or has no median.
 */
export function distributionOf(
  benchmarks: Benchmarks,
  metricId: string,
  period: string,
  council: Council,
  group = "",
): Distribution | undefined {
  return memo(benchmarks, `d\u0000${metricId}\u0000${period}\u0000${council.code}\u0000${group}`, () => {
    const metric = benchmarks.metric(metricId);
    const england = benchmarks.score(metric, period);
    const own = benchmarks.row(council, england);
    const reference = own?.median != null ? own : undefined;
    if (!reference) return undefined;
    // Rows of one set of like councils share the set's median and MAD exactly.
    const inSet = england.filter(
      (r) => compared(r) && r.median === reference.median && r.mad === reference.mad,
    );
    let groupCodes: Set<string> | undefined;
    let groupMedian: number | undefined;
    if (group) {
      const rows = benchmarks.score(metric, period, groupOption(council, group));
      groupCodes = new Set(rows.filter(compared).map((r) => r.areacd));
      groupMedian = benchmarks.row(council, rows)?.median ?? undefined;
    }
    const points = inSet.map((r): DistributionPoint => ({
      code: r.areacd,
      name: r.areanm,
      value: r.value!,
      band: r.band,
      inGroup: groupCodes ? groupCodes.has(r.areacd) : true,
      mine: r === own,
    }));
    return {
      points,
      median: reference.median!,
      mad: reference.mad,
      groupMedian,
      polarity: metric.polarity,
      mine: points.find((p) => p.mine),
    };
  });
}

/** The council's value in every period of the metric, with the group's and England's medians then. */
export function trendOf(
  benchmarks: Benchmarks,
  metricId: string,
  council: Council,
  group = "",
): TrendPoint[] {
  return memo(benchmarks, `t\u0000${metricId}\u0000${council.code}\u0000${group}`, () => {
    const metric = benchmarks.metric(metricId);
    return benchmarks.data.periods(metric.id).flatMap((period) => {
      const england = benchmarks.row(council, benchmarks.score(metric, period));
      let groupMedian: number | null = null;
      if (group) {
        try {
          groupMedian =
            benchmarks.row(council, benchmarks.score(metric, period, groupOption(council, group)))?.median ??
            null;
        } catch {
          groupMedian = null;
        }
      }
      const point: TrendPoint = {
        period,
        value: england?.value ?? null,
        englandMedian: england?.median ?? null,
        groupMedian,
      };
      return point.value === null && point.englandMedian === null && point.groupMedian === null
        ? []
        : [point];
    });
  });
}
