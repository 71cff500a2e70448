import { asArray } from "./median.js";
import { isNumber, type MaybeNumber } from "./numbers.js";
import { centre } from "./select.js";

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

/** Median and MAD of the finite numbers in `values`, in O(n): on a large column two reads of it and no copy. */
export function spread(values: Iterable<MaybeNumber>, options: MadOptions = {}): Spread {
  const src = asArray(values);
  const { count, median: m, mad: raw } = centre(src, true);
  if (count === 0) return { count, median: NaN, mad: NaN, fallback: false };
  let mad = raw;
  let fallback = false;
  if (mad === 0 && options.zeroFallback === "mean-ad") {
    // Only needed here, so summed here, in input order, rather than on every call.
    let sumAbs = 0;
    for (let i = 0; i < src.length; i++) {
      const x = src[i];
      if (isNumber(x)) sumAbs += Math.abs(x - m);
    }
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
