// Where one council stands on every metric: its value, its LADE score among England's councils that
// provide the service, its score, rank and quartile within a comparator group, its recent trend and
// flags. One function answers it for the pane, the profile sheet, BENCH.PROFILE and `cli profile`.
import type { Band } from "./band.js";
import { NotFound, type Benchmarks, type MetricRef } from "./benchmarks.js";
import { CATALOGUE, placeInPopulation } from "./catalogue/index.js";
import type { Metric } from "./catalogue/types.js";
import type { GroupKind } from "./groups.js";
import type { Council, Polarity } from "./model.js";
import type { ScoredObservation, Status } from "./scoring.js";

/** Recent direction of travel; neutral words for metrics with no polarity. */
export type Trend = "improving" | "no clear change" | "worsening" | "increasing" | "decreasing";

export type ProfileFlag = "not-applicable" | "small-comparison" | "early-warning";

/** A comparison of fewer councils with data than this is flagged: its scores are fragile. */
export const SMALL_COMPARISON = 5;

/** A change over the trend's periods smaller than this many MADs is "no clear change": the "similar" band's half-width. */
export const TREND_THRESHOLD = 0.5;

export interface ProfileOptions {
  /** A comparator group of the council: tier, type, region, nearest or a custom group's name; none = LADE's population. */
  group?: GroupKind | string;
  /** A period; each metric's latest with data where omitted or where the metric lacks it. */
  period?: string;
}

export interface LearnFrom {
  code: string;
  name: string;
  value: number;
}

export interface ProfileRow {
  metric: string;
  metricName: string;
  domain: Metric["domain"];
  unit: string;
  polarity: Polarity;
  period: string;
  value: number | null;
  /** Median among England's councils that provide the service (the metric's LADE population). */
  englandMedian: number | null;
  /** Median within the comparator group (the LADE population when there is no group). */
  groupMedian: number | null;
  /** LADE score within the metric's population. */
  score: number | null;
  /** Score within the comparator group (equal to `score` when there is no group). */
  groupScore: number | null;
  /** The LADE band of `score`, or why there is none. */
  band: Status;
  /** 1 = best after polarity; ties share the better rank; none for no-polarity metrics. */
  rank: number | null;
  /** How many councils of the comparison have a value (what `rank` is out of). */
  compared: number;
  /** 1 = the best quarter. */
  quartile: 1 | 2 | 3 | 4 | null;
  trend: Trend | null;
  /** The periods the trend is read over, oldest first. */
  trendPeriods: string[];
  /** Worse in each of those three periods than in the one before (after polarity). */
  worseningRun: boolean;
  flags: ProfileFlag[];
  /** The best three other councils of the comparison, best first (none for no-polarity metrics). */
  learnFrom: LearnFrom[];
  caveats: readonly string[];
  /** Why a figure is missing, or how the row came to be the council's. */
  note: string | null;
}

export interface CouncilProfile {
  council: Council;
  /** The comparison's name: "England (the metric's LADE population)" or the group's. */
  comparison: string;
  rows: ProfileRow[];
}

/** Every catalogue metric with loaded data, for the council, in catalogue (domain) order. */
export function councilProfile(
  benchmarks: Benchmarks,
  councilText: string,
  options: ProfileOptions = {},
): CouncilProfile {
  const council = benchmarks.council(councilText);
  const comparison = options.group ? benchmarks.group(council.code, options.group).name : ENGLAND;
  const metrics = CATALOGUE.filter((m) => benchmarks.data.has(m.id));
  if (options.period && !metrics.some((m) => periodOf(benchmarks, m, options.period) !== undefined))
    throw new NotFound(`No metric has data for the period "${options.period}"`);
  const rows = metrics.map((m) => profileRow(benchmarks, council, m, options));
  return { council, comparison, rows };
}

const ENGLAND = "England (councils that provide the service)";

/** The metric's id for a period the user wrote, if it has data then. */
function periodOf(benchmarks: Benchmarks, metric: Metric, text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    return benchmarks.period(metric, text);
  } catch {
    return undefined;
  }
}

/** One metric of the profile: in the asked period where the metric has it, else its latest. */
export function profileRow(
  benchmarks: Benchmarks,
  council: Council,
  metric: Metric,
  options: ProfileOptions = {},
): ProfileRow {
  const period = periodOf(benchmarks, metric, options.period) ?? benchmarks.period(metric);
  const polarity = metric.polarity;
  const base = {
    metric: metric.id,
    metricName: metric.name,
    domain: metric.domain,
    unit: metric.unit,
    polarity,
    period,
    caveats: [...metric.caveats, ...(metric.note ? [metric.note] : [])],
  };
  const england = benchmarks.score(metric, period);
  const own = benchmarks.row(council, england);

  const place = placeInPopulation(metric.population, council.code);
  const context = metric.population.sets.length === 0;
  if ("notCompared" in place && !context) {
    return {
      ...base,
      ...EMPTY,
      trendPeriods: [],
      worseningRun: false,
      learnFrom: [],
      value: own?.value ?? null,
      band: "not-compared",
      flags: ["not-applicable"],
      note: `Not applicable: ${place.notCompared}`,
    };
  }

  const group = options.group
    ? benchmarks.score(metric, period, { group: groupOf(council, options.group) })
    : england;
  const inGroup = group.filter((r) => r.score !== null || r.band === "no-score");
  const mine = own && benchmarks.row(council, group);
  const withValue = inGroup.filter((r) => r.value !== null);
  const judged = polarity !== "none";
  const rank = judged && mine?.value != null ? rankOf(mine.value, withValue, polarity) : null;
  const trend = trendOf(benchmarks, metric, council, period, england);
  const flags: ProfileFlag[] = [];
  if (withValue.length < SMALL_COMPARISON && !context) flags.push("small-comparison");
  if (own?.band === "much-worse" || trend.worseningRun) flags.push("early-warning");
  return {
    ...base,
    value: own?.value ?? null,
    englandMedian: own?.median ?? null,
    groupMedian: mine?.median ?? null,
    score: own?.score ?? null,
    groupScore: mine?.score ?? null,
    band: own ? own.band : "missing",
    rank,
    compared: withValue.length,
    quartile: rank === null ? null : quartileOf(rank, withValue.length),
    trend: trend.trend,
    trendPeriods: trend.periods,
    worseningRun: trend.worseningRun,
    flags,
    learnFrom: judged ? best(withValue, polarity, council.code) : [],
    note: noteOf(own, context),
  };
}

const EMPTY: Pick<
  ProfileRow,
  "englandMedian" | "groupMedian" | "score" | "groupScore" | "rank" | "compared" | "quartile" | "trend"
> = {
  englandMedian: null,
  groupMedian: null,
  score: null,
  groupScore: null,
  rank: null,
  compared: 0,
  quartile: null,
  trend: null,
};

function groupOf(council: Council, group: string): { council: string; kind: GroupKind } {
  return { council: council.code, kind: group as GroupKind };
}

function noteOf(own: ScoredObservation | undefined, context: boolean): string | null {
  if (!own) return "No value published for this council in this period";
  if (context) return own.reason ?? null;
  return own.reason ?? own.note ?? null;
}

/** Polarity-adjusted: higher is better once lower-is-better values are negated. */
const adjust = (value: number, polarity: Polarity) => (polarity === "lower" ? -value : value);

/** 1 + how many councils are strictly better: ties share the better rank. */
function rankOf(value: number, rows: readonly ScoredObservation[], polarity: Polarity): number {
  const mine = adjust(value, polarity);
  let better = 0;
  for (const r of rows) if (adjust(r.value!, polarity) > mine) better++;
  return better + 1;
}

/** Quartile of a rank out of n: 1 for the best quarter (ranks 1–4 of 16), 4 for the worst. */
function quartileOf(rank: number, n: number): 1 | 2 | 3 | 4 {
  return Math.min(4, Math.floor((4 * (rank - 1)) / n) + 1) as 1 | 2 | 3 | 4;
}

function best(rows: readonly ScoredObservation[], polarity: Polarity, self: string): LearnFrom[] {
  return rows
    .filter((r) => r.areacd !== self)
    .sort(
      (a, b) => adjust(b.value!, polarity) - adjust(a.value!, polarity) || a.areanm.localeCompare(b.areanm),
    )
    .slice(0, 3)
    .map((r) => ({ code: r.areacd, name: r.areanm, value: r.value! }));
}

/**
 * Direction of travel over the council's last three periods with a value, up to `period`: the change
 * from the first to the last, against half the MAD of the latest comparison. A smaller change is "no
 * clear change"; otherwise improving or worsening after polarity (increasing or decreasing with none).
 * `worseningRun` is true when each of the three is worse than the one before.
 */
function trendOf(
  benchmarks: Benchmarks,
  metric: MetricRef,
  council: Council,
  period: string,
  /** The period's rows already scored among England's councils (reused when it is the latest of the three). */
  scored: readonly ScoredObservation[],
): { trend: Trend | null; periods: string[]; worseningRun: boolean } {
  // Back from the chosen period to the council's last three with a value: no need to place older ones.
  const periods = benchmarks.data.periods(metric.id);
  const last: { period: string; value: number }[] = [];
  for (let i = periods.indexOf(period); i >= 0 && last.length < 3; i--) {
    const r = benchmarks.row(council, benchmarks.rows(metric, periods[i]).rows);
    if (r && r.value !== null) last.unshift({ period: periods[i], value: r.value });
  }
  if (last.length < 3) return { trend: null, periods: last.map((s) => s.period), worseningRun: false };
  // The MAD of the council's own comparison (districts and other councils differ for finance).
  const latest = last[2].period === period ? scored : benchmarks.score(metric, last[2].period);
  const mad = benchmarks.row(council, latest)?.mad ?? null;
  const change = adjust(last[2].value, metric.polarity) - adjust(last[0].value, metric.polarity);
  const judged = metric.polarity !== "none";
  const worseningRun =
    judged &&
    adjust(last[1].value, metric.polarity) < adjust(last[0].value, metric.polarity) &&
    adjust(last[2].value, metric.polarity) < adjust(last[1].value, metric.polarity);
  let trend: Trend;
  if (mad === null || Math.abs(change) < TREND_THRESHOLD * mad) trend = "no clear change";
  else if (!judged) trend = change > 0 ? "increasing" : "decreasing";
  else trend = change > 0 ? "improving" : "worsening";
  return { trend, periods: last.map((s) => s.period), worseningRun };
}

/** The band words as people read them: "slightly-worse" → "slightly worse". */
export function bandWords(band: Status | Band): string {
  if (band === "not-compared") return "not compared";
  if (band === "no-score") return "no score";
  if (band === "missing") return "no value";
  return band.replace(/-/g, " ");
}

/** "5 of 16", or why there is no rank. */
export function rankText(row: ProfileRow): string {
  if (row.flags.includes("not-applicable")) return "not applicable";
  if (row.polarity === "none") return "no rank (no better or worse)";
  if (row.rank === null) return "no rank (no value)";
  return `${row.rank} of ${row.compared}`;
}
