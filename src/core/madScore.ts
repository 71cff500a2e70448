import { spread, type MadOptions, type Spread } from "./mad.js";
import { isNumber, type MaybeNumber } from "./numbers.js";

/** Why a value got no score. */
export type NoScoreReason = "missing" | "no-values" | "mad-zero" | "overflow";

export type ScoreResult = { score: number } | { score: null; reason: NoScoreReason };

/** The LADE score of one value against a precomputed spread: (value − median) / MAD. */
export function scoreAgainst(value: MaybeNumber, s: Spread): ScoreResult {
  if (!isNumber(value)) return { score: null, reason: "missing" };
  const problem = spreadProblem(s);
  if (problem !== null) return { score: null, reason: problem };
  const score = (value - s.median) / s.mad;
  return Number.isFinite(score) ? { score } : { score: null, reason: "overflow" };
}

/** Why no value at all can be scored against `s`, or null when values can be. */
function spreadProblem(s: Spread): NoScoreReason | null {
  if (s.count === 0) return "no-values";
  // Values near ±1.8e308 can push the median, MAD or score past what a number holds: no score, not ±Infinity.
  if (!Number.isFinite(s.median) || !Number.isFinite(s.mad)) return "overflow";
  if (!(s.mad > 0)) return "mad-zero";
  return null;
}

/** The LADE score of `value` against `values`; null when there is none (see `scoreAgainst` for why). */
export function madScore(
  value: MaybeNumber,
  values: Iterable<MaybeNumber>,
  options?: MadOptions,
): number | null {
  return scoreAgainst(value, spread(values, options)).score;
}

/**
 * Scores of a whole column, aligned with the input: median and MAD are computed once, so O(n) in total.
 * `null` where the value is missing or the MAD is 0.
 */
export function madScores(values: readonly MaybeNumber[], options?: MadOptions): (number | null)[] {
  const s = spread(values, options);
  const n = values.length;
  // Exactly `scoreAgainst(v, s).score` per value, without building a result object for each: when the spread
  // gives no score (no values, MAD 0, overflow), no value has one; else only the value decides.
  if (spreadProblem(s) !== null) return new Array<null>(n).fill(null);
  const { median, mad } = s;
  return n <= 4096 ? scoresOfFew(values, median, mad) : scoresOfMany(values, median, mad);
}

// The scores go into one array of doubles, unboxed: `[0.5]` with its length set is a double array of that
// length in one allocation (`new Array(n)` made an array of small integers and then converted it; pushing,
// or storing `number | null`, regrew or boxed it: each cost more than the statistics on 10⁵ values).
// Missing cells, NaN, ±Infinity and overflowing scores are exactly the non-finite scores: at the first,
// `withNulls` takes over. The loop is written twice on purpose: V8 specialises a loop on the kinds of array
// it has met, and once one loop has read arrays holding null (a real comparison of 150–350 councils has
// missing cells), it boxes every number it reads; large columns, usually all numbers, keep a loop of their own.

function scoresOfFew(values: readonly MaybeNumber[], median: number, mad: number): (number | null)[] {
  const out: number[] = [0.5];
  out.length = values.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const score = typeof v === "number" ? (v - median) / mad : NaN;
    if (!(score - score === 0)) return withNulls(values, median, mad, out, i);
    out[i] = score;
  }
  return out;
}

function scoresOfMany(values: readonly MaybeNumber[], median: number, mad: number): (number | null)[] {
  const out: number[] = [0.5];
  out.length = values.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const score = typeof v === "number" ? (v - median) / mad : NaN;
    if (!(score - score === 0)) return withNulls(values, median, mad, out, i);
    out[i] = score;
  }
  return out;
}

/**
 * The scores when some are null, from index `from` on (`out` holds those before): in an array made for mixing
 * numbers and nulls. Storing null into `out` instead would teach V8 to create every later `out` as boxed
 * values (6× slower on the next column of 10⁶).
 */
function withNulls(
  values: readonly MaybeNumber[],
  median: number,
  mad: number,
  out: readonly number[],
  from: number,
): (number | null)[] {
  const mixed = new Array<number | null>(values.length);
  for (let i = 0; i < from; i++) mixed[i] = out[i];
  for (let i = from; i < values.length; i++) {
    const v = values[i];
    const score = typeof v === "number" ? (v - median) / mad : NaN;
    mixed[i] = score - score === 0 ? score : null;
  }
  return mixed;
}
