/** A cell as it reaches the statistics: a number, or nothing usable. */
export type MaybeNumber = number | null | undefined;

/** True for a finite number: the only values the LADE method counts. */
export function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Copies the finite numbers once into a typed array we may reorder; the caller's array is never touched. */
export function finiteNumbers(values: Iterable<MaybeNumber>): Float64Array {
  const out: number[] = [];
  for (const v of values) if (isNumber(v)) out.push(v);
  return Float64Array.from(out);
}
