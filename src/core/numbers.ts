/** A cell as it reaches the statistics: a number, or nothing usable. */
export type MaybeNumber = number | null | undefined;

/** True for a finite number: the only values the LADE method counts. */
export function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Copies the finite numbers once into a typed array we may reorder; the caller's array is never touched. */
export function finiteNumbers(values: Iterable<MaybeNumber>): Float64Array {
  const source = Array.isArray(values) ? (values as readonly MaybeNumber[]) : [...values];
  const out = new Float64Array(source.length);
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const v = source[i];
    if (isNumber(v)) out[n++] = v;
  }
  return n === out.length ? out : out.subarray(0, n);
}
