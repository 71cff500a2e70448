// Median and MAD of a range, computed once per distinct content. A sheet with one MADSCORE per council
// calls the function thousands of times with the same range, and Excel hands each call its own copy of
// the array, so the cache is keyed by the numbers themselves, not by the array. A hash of their bits
// finds the entry and a comparison of every number confirms it: a collision costs a recomputation, never
// a wrong answer. (The old key, numbers.join(","), cost 46 µs per call on 300 cells and 7.7 MB on 10⁶.)
import { spread, type Spread } from "../core/mad.js";
import { rangeNumbersInto } from "./cells.js";
import type { ErrorValue } from "./errors.js";

/** A 32-bit hash of `words[0..length)`: the Float64 bits of the numbers, two words each. */
export type WordHash = (words: Uint32Array, length: number) => number;

/** MurmurHash3-style mixing of each word, seeded with the length (so the count is part of the hash). */
export const hashWords: WordHash = (words, length) => {
  let h = length | 0;
  for (let i = 0; i < length; i++) {
    let k = Math.imul(words[i], 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

interface Entry {
  hash: number;
  /** The numbers' bits, compared word by word on a hit (exact: 0 and −0 differ, as their bits do). */
  words: Uint32Array;
  spread: Spread;
}

const bitsOf = (numbers: Float64Array): Uint32Array =>
  new Uint32Array(numbers.buffer, numbers.byteOffset, numbers.length * 2);

function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface SpreadCacheOptions {
  /** Replaces hashWords (tests force collisions with it). */
  hash?: WordHash;
  /** Numbers kept over all entries; the least recently used go first, though the newest entry always stays. */
  maxNumbers?: number;
}

export class SpreadCache {
  /** How many spreads were actually computed (cache misses): lets tests prove the reuse. */
  computations = 0;
  /** Least recently used first. A short list: a linear scan of the hashes is cheaper than a map. */
  private entries: Entry[] = [];
  private stored = 0;
  /** Where each range is read, reused from call to call. */
  private scratch: Float64Array = new Float64Array(0);
  private readonly hash: WordHash;
  private readonly maxNumbers: number;
  private lastUse = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** Distinct ranges kept at once; the least recently used goes first. */
    private readonly maxEntries = 16,
    /** Everything is dropped after this long without a call, so big ranges are not kept between recalcs. */
    private readonly idleMs = 2000,
    options: SpreadCacheOptions = {},
  ) {
    this.hash = options.hash ?? hashWords;
    // 4M numbers (32 MB): sixteen 300-cell ranges are nothing, a few 10⁶-cell ones are the limit.
    this.maxNumbers = options.maxNumbers ?? 1 << 22;
  }

  /**
   * The numbers of a range as the statistics read them (see rangeNumbersInto), or its first error. The
   * array is this cache's buffer: valid until the next call, and only to be passed to `get`.
   */
  read(values: unknown): Float64Array | ErrorValue {
    const r = rangeNumbersInto(values, this.scratch);
    if (!("count" in r)) return r;
    this.scratch = r.buffer;
    return r.buffer.subarray(0, r.count);
  }

  /** The raw (unscaled) spread of `numbers`, which must all be finite. */
  get(numbers: readonly number[] | Float64Array): Spread {
    const values = numbers instanceof Float64Array ? numbers : Float64Array.from(numbers);
    const words = bitsOf(values);
    const hash = this.hash(words, words.length) >>> 0;
    this.touch();
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (e.hash !== hash || !sameWords(e.words, words)) continue;
      if (i !== this.entries.length - 1) this.entries.push(...this.entries.splice(i, 1));
      return e.spread;
    }
    this.computations++;
    const computed = spread(values);
    // A copy: `numbers` may be the scratch buffer, rewritten by the next read.
    this.entries.push({ hash, words: words.slice(), spread: computed });
    this.stored += values.length;
    while (
      this.entries.length > 1 &&
      (this.entries.length > this.maxEntries || this.stored > this.maxNumbers)
    ) {
      this.stored -= this.entries.shift()!.words.length / 2;
    }
    return computed;
  }

  get size(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries = [];
    this.stored = 0;
    this.scratch = new Float64Array(0);
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
