import { finiteNumbers, type MaybeNumber } from "./numbers.js";
import { quickselect } from "./quickselect.js";

/**
 * Median of the finite numbers in `values` (missing values ignored); NaN when there are none.
 * Even count: the mean of the two middle values, as LADE did.
 */
export function median(values: Iterable<MaybeNumber>): number {
  return medianInPlace(finiteNumbers(values));
}

/** Median of a typed array this module may reorder (no NaN inside). */
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

/** (a + b) / 2 without overflow for huge values and without losing the exact result for ordinary ones. */
function midpoint(a: number, b: number): number {
  const sum = a + b;
  return Number.isFinite(sum) ? sum / 2 : a / 2 + b / 2;
}
