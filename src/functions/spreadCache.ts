// Median and MAD of a range, computed once per distinct content. A sheet with one MADSCORE per council
// calls the function thousands of times with the same range, and Excel hands each call its own copy of
// the array, so the cache is keyed by the numbers themselves, not by the array.
import { spread, type Spread } from "../core/mad.js";

export class SpreadCache {
  /** How many spreads were actually computed (cache misses): lets tests prove the reuse. */
  computations = 0;
  private readonly entries = new Map<string, Spread>();
  private lastUse = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** Distinct ranges kept at once; the least recently used goes first. */
    private readonly maxEntries = 16,
    /** Everything is dropped after this long without a call, so big ranges are not kept between recalcs. */
    private readonly idleMs = 2000,
  ) {}

  /** The raw (unscaled) spread of `numbers`, which must all be finite. */
  get(numbers: readonly number[]): Spread {
    // Number-to-string is exact (shortest round-trip form), so equal keys mean equal numbers in order.
    const key = numbers.join(",");
    this.touch();
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    this.computations++;
    const computed = spread(numbers);
    this.entries.set(key, computed);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return computed;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  // One pending timer at most, re-armed for the remaining time while calls keep coming.
  private touch(): void {
    this.lastUse = Date.now();
    if (this.timer !== undefined || typeof setTimeout !== "function") return;
    const check = () => {
      const idle = Date.now() - this.lastUse;
      if (idle >= this.idleMs) this.clear();
      else this.timer = setTimeout(check, this.idleMs - idle);
    };
    this.timer = setTimeout(check, this.idleMs);
  }
}

/** The cache every statistics function shares. */
export const spreads = new SpreadCache();
