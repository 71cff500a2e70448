import type { MaybeNumber } from "./numbers.js";
import { quickselect } from "./quickselect.js";
import { centre, midpoint } from "./select.js";

/**
 * Median of the finite numbers in `values` (missing values ignored); NaN when there are none.
 * Even count: the mean of the two middle values, as LADE did. O(n), mostly one read of `values`; see select.ts.
 */
export function median(values: Iterable<MaybeNumber>): number {
  return centre(asArray(values), false).median;
}

/** Arrays are read where they are; any other iterable is read once into one. */
export function asArray(values: Iterable<MaybeNumber>): readonly MaybeNumber[] {
  return Array.isArray(values) ? (values as readonly MaybeNumber[]) : [...values];
}

/** Median of a typed array this module may reorder (no NaN inside): for callers that own such an array. */
export function medianInPlace(a: Float64Array): number {
  const n = a.length;
  if (n === 0) return NaN;
  const k = n >> 1;
  quickselect(a, k);
  if (n % 2 === 1) return a[k];
  // After selecting k, everything left of k is ≤ a[k]: the lower middle is their maximum.
  let lower = a[0];
  for (let i = 1; i < k; i++) if (a[i] > lower) lower = a[i];
  return midpoint(lower, a[k]);
}
