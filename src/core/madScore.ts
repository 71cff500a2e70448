import { spread, type MadOptions, type Spread } from "./mad.js";
import { isNumber, type MaybeNumber } from "./numbers.js";

/** Why a value got no score. */
export type NoScoreReason = "missing" | "no-values" | "mad-zero" | "overflow";

export type ScoreResult = { score: number } | { score: null; reason: NoScoreReason };

/** The LADE score of one value against a precomputed spread: (value − median) / MAD. */
export function scoreAgainst(value: MaybeNumber, s: Spread): ScoreResult {
  if (!isNumber(value)) return { score: null, reason: "missing" };
  if (s.count === 0) return { score: null, reason: "no-values" };
  // Values near ±1.8e308 can push the median, MAD or score past what a number holds: no score, not ±Infinity.
  if (!Number.isFinite(s.median) || !Number.isFinite(s.mad)) return { score: null, reason: "overflow" };
  if (!(s.mad > 0)) return { score: null, reason: "mad-zero" };
  const score = (value - s.median) / s.mad;
  return Number.isFinite(score) ? { score } : { score: null, reason: "overflow" };
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
  return values.map((v) => scoreAgainst(v, s).score);
}
