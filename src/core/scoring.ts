import { band, isOutlier, type Band } from "./band.js";
import { spread, type MadOptions, type Spread } from "./mad.js";
import { scoreAgainst } from "./madScore.js";
import type { Observation, Polarity } from "./model.js";

/** What a row shows where it has no band: why there is no score. */
export type Status = Band | "missing" | "no-score" | "not-compared";

export interface ScoredObservation extends Observation {
  median: number | null;
  mad: number | null;
  score: number | null;
  band: Status;
  outlier: boolean | null;
  /** Why there is no score, in words, where there is none. */
  reason?: string;
}

/** Which comparison a row belongs to: a named set of like councils, or a reason it is not compared. */
export type Placement = { set: string } | { notCompared: string };

export interface ScoringOptions extends MadOptions {
  polarity: (metric: string) => Polarity;
  /** Places each row among like councils (a metric's comparison population); default: all rows together. */
  place?: (o: Observation) => Placement;
  /** A comparator group narrows the comparison to its members; it never widens it. */
  inGroup?: (areacd: string) => boolean;
}

const TOGETHER: Placement = { set: "all" };

/**
 * LADE scores for every row, in input order: for each metric, period and set of like councils, the median
 * and MAD over rows with a value, computed once; rows outside the comparison keep their value, unscored.
 */
export function scoreObservations(
  observations: readonly Observation[],
  options: ScoringOptions,
): ScoredObservation[] {
  const placements = observations.map((o) => placeRow(o, options));
  // Each row's comparison as a key ("" when not compared). Rows come in runs of one comparison, and a run
  // shares one key string: built and hashed once, not twice a row (a third of scoring a million rows).
  let last = { metric: "", period: "", set: "", key: "" };
  const keys = observations.map((o, i) => {
    const p = placements[i];
    if (!("set" in p)) return "";
    if (o.metric !== last.metric || o.period !== last.period || p.set !== last.set || !last.key)
      last = { metric: o.metric, period: o.period, set: p.set, key: setKey(o, p.set) };
    return last.key;
  });
  const values = new Map<string, number[]>();
  observations.forEach((o, i) => {
    const key = keys[i];
    if (!key || o.value === null) return;
    const list = values.get(key);
    if (list) list.push(o.value);
    else values.set(key, [o.value]);
  });
  const spreads = new Map<string, Spread>();
  for (const [key, list] of values) spreads.set(key, spread(list, options));

  return observations.map((o, i) => {
    const p = placements[i];
    if ("notCompared" in p) return unscored(o, "not-compared", p.notCompared);
    const s = spreads.get(keys[i]) ?? spread([], options);
    const median = finite(s.median);
    const mad = finite(s.mad);
    const result = scoreAgainst(o.value, s);
    if (result.score === null) {
      if (result.reason === "missing")
        return unscored(o, "missing", `no value (${o.missing ?? "empty"})`, median, mad);
      return unscored(o, "no-score", NO_SCORE[result.reason], median, mad);
    }
    const { score } = result;
    const polarity = options.polarity(o.metric);
    return withFields(o, { median, mad, score, band: band(score, polarity), outlier: isOutlier(score) });
  });
}

const NO_SCORE = {
  "no-values": "no council in the comparison has a value",
  "mad-zero": "MAD is 0 (over half the councils have the same value), so no score",
  overflow: "the score is too large to represent (values of extreme size in the comparison)",
} as const;

function placeRow(o: Observation, options: ScoringOptions): Placement {
  const p = options.place?.(o) ?? TOGETHER;
  if ("set" in p && options.inGroup && !options.inGroup(o.areacd))
    return { notCompared: "not in the comparator group" };
  return p;
}

function setKey(o: Observation, set: string): string {
  return `${o.metric}\u0000${o.period}\u0000${set}`;
}

function unscored(
  o: Observation,
  status: Status,
  reason: string,
  median: number | null = null,
  mad: number | null = null,
): ScoredObservation {
  return withFields(o, { median, mad, score: null, band: status, outlier: null, reason });
}

/**
 * A copy of the row with its statistics. Object.assign with a plain literal, not object spread: in V8 that
 * cut scoring one period of 320 councils from 1.5 ms to 0.25 ms, and BENCH.METRIC scores a period per call.
 */
function withFields(o: Observation, fields: Omit<ScoredObservation, keyof Observation>): ScoredObservation {
  return Object.assign({}, o, fields);
}

function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}
