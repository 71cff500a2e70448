import { medianInPlace } from "./median.js";
import { finiteNumbers, type MaybeNumber } from "./numbers.js";

/** Multiplier that makes the MAD a consistent estimator of the standard deviation for normal data. */
export const NORMAL_SCALE = 1.482602218505602;
/** Multiplier that makes the mean absolute deviation consistent for normal data (√(π/2)). */
export const MEAN_AD_SCALE = 1.253314;

export interface MadOptions {
  /** "raw" (LADE, default) or "normal" (× 1.482602218505602). */
  scale?: "raw" | "normal";
  /**
   * When the MAD is 0 (over half the councils share one value) no score exists.
   * "mean-ad" falls back to 1.253314 × mean absolute deviation instead. Off by default: LADE gave no score.
   */
  zeroFallback?: "none" | "mean-ad";
}

/** Median and MAD of one set of values, computed once and reused for every score. */
export interface Spread {
  /** How many finite values were counted. */
  count: number;
  median: number;
  /** The MAD actually used to divide (after scale and fallback); NaN when count is 0. */
  mad: number;
  /** True when the MAD came from the mean-absolute-deviation fallback. */
  fallback: boolean;
}

/** Median and MAD of the finite numbers in `values`, in O(n). */
export function spread(values: Iterable<MaybeNumber>, options: MadOptions = {}): Spread {
  const a = finiteNumbers(values);
  const count = a.length;
  if (count === 0) return { count, median: NaN, mad: NaN, fallback: false };
  const m = medianInPlace(a);
  let sumAbs = 0;
  for (let i = 0; i < count; i++) {
    a[i] = Math.abs(a[i] - m);
    sumAbs += a[i];
  }
  let mad = medianInPlace(a);
  let fallback = false;
  if (mad === 0 && options.zeroFallback === "mean-ad") {
    mad = MEAN_AD_SCALE * (sumAbs / count);
    fallback = true;
  }
  if (options.scale === "normal") mad *= NORMAL_SCALE;
  return { count, median: m, mad, fallback };
}

/** Median absolute deviation from the median: raw by default, as LADE used it. NaN for no values. */
export function mad(values: Iterable<MaybeNumber>, options: MadOptions = {}): number {
  return spread(values, options).mad;
}
