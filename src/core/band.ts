import type { Polarity } from "./model.js";

export type Band =
  | "much-better"
  | "better"
  | "slightly-better"
  | "similar"
  | "slightly-worse"
  | "worse"
  | "much-worse"
  | "much-higher"
  | "higher"
  | "slightly-higher"
  | "slightly-lower"
  | "lower"
  | "much-lower";

/** |score| at or beyond which LADE asked users to check the value. */
export const OUTLIER_THRESHOLD = 7.5;

// Inclusive lower bounds on the polarity-adjusted score of the first six bands; below -3 is the seventh.
const LOWER_BOUNDS = [3, 1.5, 0.5, -0.5, -1.5, -3];
const JUDGED: readonly Band[] = [
  "much-better",
  "better",
  "slightly-better",
  "similar",
  "slightly-worse",
  "worse",
  "much-worse",
];
const NEUTRAL: readonly Band[] = [
  "much-higher",
  "higher",
  "slightly-higher",
  "similar",
  "slightly-lower",
  "lower",
  "much-lower",
];

/**
 * The band of a LADE score. For lower-is-better metrics the sign flips first, so a low value is "better";
 * metrics with no polarity get neutral words. Throws RangeError for a non-finite score.
 */
export function band(score: number, polarity: Polarity = "higher"): Band {
  if (!Number.isFinite(score)) throw new RangeError(`A band needs a finite score, got ${score}`);
  const adjusted = polarity === "lower" ? -score : score;
  const found = LOWER_BOUNDS.findIndex((lower) => adjusted >= lower);
  const index = found === -1 ? 6 : found;
  return (polarity === "none" ? NEUTRAL : JUDGED)[index];
}

/** True when the value is far enough from the median to be worth checking (|score| ≥ 7.5). */
export function isOutlier(score: number): boolean {
  return Math.abs(score) >= OUTLIER_THRESHOLD;
}

/** Every band label, best (or highest) first, for documentation and validation. */
export const BANDS: Readonly<Record<"judged" | "neutral", readonly Band[]>> = {
  judged: JUDGED,
  neutral: NEUTRAL,
};
