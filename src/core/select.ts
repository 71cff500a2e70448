// Exact median (and median absolute deviation) of a column without sorting it or partitioning a full copy.
//
// Why: quickselect on a copy (what we did, and what simple-statistics and mathjs do) copies every value and
// then partitions the copy several times over. Floyd–Rivest's observation is that a small sample pins the
// median between two sample values almost surely. Done out of place: one read of the column drops missing
// values, counts those below the bracket and gathers the few inside it into a scratch buffer; the exact
// selection then runs on that buffer only (by the same method while it is large), and yields both middle
// values of an even count at once. The MAD takes a second read, computing each |x − median| on the fly,
// bracketed by the same sample's deviations. When a bracket misses (about 1 call in 2,000 on random data,
// or on data built to defeat the sample) we fall back to a full selection, so the answer is always the exact
// order statistic, never an estimate. Sorted columns are recognised (and confirmed in one read) and need no
// selection at all; columns of up to SMALL cells are copied and quickselected in the reused scratch.
import type { MaybeNumber } from "./numbers.js";
import { quickselect } from "./quickselect.js";

/** Up to this many cells a copy and quickselect win: sampling has a fixed cost. */
const SMALL = 1500;
/** Bracket half-width in standard deviations of the middle rank in the sample (miss chance ≈ 2.3e-4 a side). */
const WIDTH = 3.5;
/** Fewer finite values than this in a column's sample (mostly missing cells): skip the bracket. */
const MIN_SAMPLE = 64;
/** Scratch sizes: 1 MiB of gathered values, 128 KiB per sample. */
const CAPACITY = 1 << 17;
const SAMPLE_CAPACITY = 1 << 14;

// Scratch reused between calls. Fixed size and `const` on purpose: V8 then compiles the gather loops against
// one known array (no reloading its length and data pointer per value), which measured about 30% faster than
// a buffer that grows. A column whose bracket overflows it (beyond about four million values) takes the
// fallback. 1.25 MiB in all, allocated once.
// It only ever holds copies: nothing here keeps a reference to the caller's values.
const work = new Float64Array(CAPACITY);
const sample = new Float64Array(SAMPLE_CAPACITY);
const sourceSample = new Float64Array(SAMPLE_CAPACITY);

// Results passed between the helpers below without allocating: the two middle order statistics, the pivots
// of the last bracket, and the counts of the last gather pass.
let low = 0;
let high = 0;
let pivotLo = 0;
let pivotHi = 0;
let below = 0; // values < pivotLo
let upToLo = 0; // values ≤ pivotLo (= below when copies of pivotLo went into the buffer)
let between = 0; // values gathered into the buffer: above the copies counted in upToLo, up to pivotHi
let upToHi = 0; // values ≤ pivotHi (the buffer holds only those < pivotHi when the copies are counted apart)
let finite = 0; // finite values read
let sourceSampled = 0; // values in sourceSample

export interface Centre {
  /** How many finite values were counted. */
  count: number;
  /** NaN when count is 0. */
  median: number;
  /** Median of |x − median|; NaN when count is 0 or it was not asked for. */
  mad: number;
}

/** Median (and, with `withMad`, MAD) of the finite numbers in `src`; the array is only read. */
export function centre(src: readonly MaybeNumber[], withMad: boolean): Centre {
  if (src.length <= SMALL) return smallCentre(src, withMad);
  const n = sampleSource(src);
  // A sample in order hints at a sorted column (common: tables sorted by value); confirming it costs one
  // cheap pass that stops at the first value out of order, and then nothing needs selecting.
  const order = n === sampleSize(src.length) ? sampleOrder(n) : 0;
  if (order !== 0 && isMonotone(src, order)) return sortedCentre(src, order, withMad);
  const count = selectMiddle(src, n);
  if (count === 0) return { count, median: NaN, mad: NaN };
  const median = middleValue(count);
  return { count, median, mad: withMad ? selectDeviation(src, median, count) : NaN };
}

/** (a + b) / 2 without overflow for huge values and without losing the exact result for ordinary ones. */
export function midpoint(a: number, b: number): number {
  const sum = a + b;
  return Number.isFinite(sum) ? sum / 2 : a / 2 + b / 2;
}

function middleValue(count: number): number {
  return count % 2 === 1 ? high : midpoint(low, high);
}

/** Ranks of the two middle values (equal for an odd count). */
function upperRank(count: number): number {
  return count >> 1;
}
function lowerRank(count: number): number {
  return count % 2 === 1 ? count >> 1 : (count >> 1) - 1;
}

function smallCentre(src: readonly MaybeNumber[], withMad: boolean): Centre {
  const w = work;
  let count = 0;
  for (let i = 0; i < src.length; i++) {
    const x = src[i];
    if (typeof x === "number" && x - x === 0) w[count++] = x;
  }
  if (count === 0) return { count, median: NaN, mad: NaN };
  selectInPlace(w, 0, count, lowerRank(count), upperRank(count));
  const median = middleValue(count);
  if (!withMad) return { count, median, mad: NaN };
  for (let i = 0; i < count; i++) w[i] = Math.abs(w[i] - median);
  selectInPlace(w, 0, count, lowerRank(count), upperRank(count));
  return { count, median, mad: middleValue(count) };
}

/** Leaves the middle values in `low`/`high`; returns the finite count. `n`: values in sourceSample. */
function selectMiddle(src: readonly MaybeNumber[], n: number): number {
  if (n >= MIN_SAMPLE) {
    const tied = bracket(sourceSample, n, 0.5, src.length);
    const lo = pivotLo;
    const hi = pivotHi;
    const ok = tied ? gatherSourceTied(src, lo, hi) : gatherSourceWide(src, lo, hi);
    if (!ok) gatherSourceCarefully(src, lo, hi);
    const count = finite;
    if (count === 0 || resolve(lowerRank(count), upperRank(count), lo, hi, 0)) return count;
  }
  // Full selection: a missed or overflowing bracket, or a column of mostly missing cells.
  return selectAll(src, 0, false);
}

/** Median of |x − center| over the `count` finite numbers of `src`. */
function selectDeviation(src: readonly MaybeNumber[], center: number, count: number): number {
  // The column's sample, as deviations, brackets the MAD just as it bracketed the median.
  const n = sourceSampled;
  for (let i = 0; i < n; i++) sample[i] = Math.abs(sourceSample[i] - center);
  if (n >= MIN_SAMPLE) {
    const tied = bracket(sample, n, 0.5, src.length);
    const lo = pivotLo;
    const hi = pivotHi;
    // An infinite pivot (deviations that overflow) would let missing ±Infinity cells into the counts.
    if (hi < Infinity) {
      gatherDeviations(src, center, lo, hi, tied);
      if (resolve(lowerRank(count), upperRank(count), lo, hi, 0)) return middleValue(count);
    }
  }
  selectAll(src, center, true);
  return middleValue(count);
}

/**
 * Full selection over a copy of the finite values (or of their deviations from `center`), leaving the middle
 * two in `low`/`high`; returns their count. The copy goes to the scratch when it leaves room to recurse there;
 * for a larger column (stores past the scratch's end are dropped, but still counted) it is made again in a
 * fresh array, as every call did before.
 */
function selectAll(src: readonly MaybeNumber[], center: number, deviations: boolean): number {
  const w = work;
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    const x = src[i];
    if (typeof x === "number" && x - x === 0) w[n++] = deviations ? Math.abs(x - center) : x;
  }
  if (n === 0) return 0;
  if (2 * n <= CAPACITY) {
    selectPair(0, n, lowerRank(n), upperRank(n));
    return n;
  }
  const a = new Float64Array(n);
  n = 0;
  for (let i = 0; i < src.length; i++) {
    const x = src[i];
    if (typeof x === "number" && x - x === 0) a[n++] = deviations ? Math.abs(x - center) : x;
  }
  selectInPlace(a, 0, n, lowerRank(n), upperRank(n));
  return n;
}

/**
 * Ranks r1 ≤ r2 ≤ r1 + 1 among work[from, from + len): leaves them in `low` and `high`. Large ranges are
 * bracketed from a sample and gathered into work[from + len, …), so the range itself is never reordered.
 */
function selectPair(from: number, len: number, r1: number, r2: number): void {
  if (len > SMALL && from + 2 * len <= CAPACITY) {
    const n = sampleWork(from, len);
    // Counting copies apart also guarantees progress on a range of one repeated value.
    const tied = bracket(sample, n, (r1 + r2 + 1) / (2 * len), len);
    const lo = pivotLo;
    const hi = pivotHi;
    if (tied) gatherWork(from, len, lo, hi, from + len);
    else gatherWorkWide(from, len, lo, hi, from + len);
    if (resolve(r1, r2, lo, hi, from + len)) return;
  }
  selectInPlace(work, from, len, r1, r2);
}

/** Quickselect for r2, then the lower middle is the largest value left of it. */
function selectInPlace(a: Float64Array, from: number, len: number, r1: number, r2: number): void {
  quickselect(a, from + r2, from, from + len - 1);
  high = a[from + r2];
  if (r1 === r2) {
    low = high;
    return;
  }
  let v = a[from];
  for (let i = from + 1; i < from + r2; i++) if (a[i] > v) v = a[i];
  low = v;
}

/**
 * After a gather pass, sorted, the values are: [`below` values < lo][copies of lo up to rank `upToLo`]
 * [`between` values in the buffer at `buf`][copies of hi up to rank `upToHi`][the rest]. Finds ranks r1, r2
 * there, selecting inside the buffer when needed. False if the bracket missed them or the buffer overflowed.
 */
function resolve(r1: number, r2: number, lo: number, hi: number, buf: number): boolean {
  const b = upToLo;
  const m = between;
  if (r1 < below || r2 >= upToHi || buf + m > CAPACITY) return false;
  const in1 = r1 >= b && r1 < b + m;
  const in2 = r2 >= b && r2 < b + m;
  if (in1 && in2) {
    selectPair(buf, m, r1 - b, r2 - b);
    return true;
  }
  // At most one rank is inside, and then it is the buffer's first (after a copy of lo) or last (before hi).
  const w = work;
  low = r1 < b ? lo : hi;
  high = r2 < b ? lo : hi;
  if (in1) {
    low = w[buf];
    for (let i = buf + 1; i < buf + m; i++) if (w[i] > low) low = w[i];
  } else if (in2) {
    high = w[buf];
    for (let i = buf + 1; i < buf + m; i++) if (w[i] < high) high = w[i];
  }
  return true;
}

function sampleSize(len: number): number {
  // ≈ len^(2/3) / 2 balances the cost of the sample against that of the buffer it leaves (~3.5/√size of len).
  return Math.min(SAMPLE_CAPACITY, len >> 2, Math.max(256, Math.ceil(0.5 * Math.cbrt(len * len))));
}

/**
 * Sets pivotLo ≤ pivotHi: the sample values WIDTH standard deviations either side of quantile q. Returns
 * whether to gather by counting the copies of the pivots apart ("tied", two more comparisons a value) rather
 * than gathering all of [lo, hi]: when copies would fill over 15% of the column (integer data: the buffer
 * would be mostly copies, selected over again), or when [lo, hi] would not leave room to recurse in the
 * scratch (20% of 10⁶ values overflows it).
 */
function bracket(s: Float64Array, n: number, q: number, len: number): boolean {
  const t = q * n;
  const d = WIDTH * Math.sqrt(n * q * (1 - q)) + 1;
  const iHi = Math.min(n - 1, Math.ceil(t + d));
  const iLo = Math.max(0, Math.floor(t - d));
  quickselect(s, iHi, 0, n - 1);
  const hi = s[iHi];
  quickselect(s, iLo, 0, iHi);
  const lo = s[iLo];
  pivotLo = lo;
  pivotHi = hi;
  let inside = 0;
  let copies = 0;
  for (let i = 0; i < n; i++) {
    const x = s[i];
    inside += +(x >= lo) & +(x <= hi);
    copies += +(x === lo) | +(x === hi);
  }
  return copies > 0.15 * n || inside * len > n * (CAPACITY / 2);
}

/** 1 if the sample, in column order, never decreases; −1 if it never increases; else 0. */
function sampleOrder(n: number): number {
  const s = sourceSample;
  let up = 0;
  let down = 0;
  for (let i = 1; i < n; i++) {
    up += +(s[i] > s[i - 1]);
    down += +(s[i] < s[i - 1]);
  }
  return down === 0 ? 1 : up === 0 ? -1 : 0;
}

/** True if every cell is a number, in order `order` (ties allowed), and the ends (so all) are finite. */
function isMonotone(src: readonly MaybeNumber[], order: number): boolean {
  const last = src.length - 1;
  const first = src[0];
  const end = src[last];
  if (typeof first !== "number" || typeof end !== "number") return false;
  if (!(Number.isFinite(first) && Number.isFinite(end))) return false;
  // NaN fails both comparisons, so it stops the loop too.
  if (order > 0) {
    let prev = first;
    for (let i = 1; i <= last; i++) {
      const x = src[i];
      if (typeof x !== "number" || !(x >= prev)) return false;
      prev = x;
    }
  } else {
    let prev = first;
    for (let i = 1; i <= last; i++) {
      const x = src[i];
      if (typeof x !== "number" || !(x <= prev)) return false;
      prev = x;
    }
  }
  return true;
}

/**
 * Median and MAD of a sorted column by index. The deviations |x − median| fall towards the median and rise
 * after it: two sorted runs, whose middle values a binary search finds in O(log n).
 */
function sortedCentre(src: readonly MaybeNumber[], order: number, withMad: boolean): Centre {
  const count = src.length;
  const at = order > 0 ? (i: number) => src[i] as number : (i: number) => src[count - 1 - i] as number;
  const r1 = lowerRank(count);
  const r2 = upperRank(count);
  const median = r1 === r2 ? at(r2) : midpoint(at(r1), at(r2));
  if (!withMad) return { count, median, mad: NaN };
  // Values before `split` are below the median: their deviations, read backwards, rise from the median.
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(mid) < median) lo = mid + 1;
    else hi = mid;
  }
  const split = lo;
  const left = (j: number) => Math.abs(at(split - 1 - j) - median);
  const right = (j: number) => Math.abs(at(split + j) - median);
  const d2 = kthOfTwo(r2, left, split, right, count - split);
  const mad = r1 === r2 ? d2 : midpoint(kthOfTwo(r1, left, split, right, count - split), d2);
  return { count, median, mad };
}

/** The k-th smallest (from 0) of two non-decreasing sequences a (length na) and b (length nb). */
function kthOfTwo(
  k: number,
  a: (j: number) => number,
  na: number,
  b: (j: number) => number,
  nb: number,
): number {
  // Find how many of the k + 1 smallest come from a: the first i with a(i) ≥ b(k − i).
  let lo = Math.max(0, k + 1 - nb);
  let hi = Math.min(k + 1, na);
  while (lo < hi) {
    const i = (lo + hi) >> 1;
    if (a(i) < b(k - i)) lo = i + 1;
    else hi = i;
  }
  const fromA = lo > 0 ? a(lo - 1) : -Infinity;
  const fromB = k + 1 - lo > 0 ? b(k - lo) : -Infinity;
  return fromA > fromB ? fromA : fromB;
}

// xorshift32: cheap positions for sampling. Any sequence gives exact results; only the speed depends on it.
let seed = 0x2545f491;
function random(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}

/**
 * Finite values at evenly strided positions from a random start. A constant stride lets the CPU prefetch
 * (random positions cost a cache miss each: 4× slower on 10⁶ values) and sees a sorted column evenly; a prime
 * stride cannot fall in step with a column that repeats with any shorter period.
 */
function sampleSource(src: readonly MaybeNumber[]): number {
  const want = sampleSize(src.length);
  const step = primeAtMost(Math.floor(src.length / want));
  const s = sourceSample;
  let n = 0;
  for (let j = 0, i = Math.floor(random() * (src.length - step * (want - 1))); j < want; j++, i += step) {
    const x = src[i];
    if (typeof x === "number" && x - x === 0) s[n++] = x;
  }
  sourceSampled = n;
  return n;
}

function primeAtMost(k: number): number {
  for (let p = k; p > 2; p--) {
    let d = 2;
    while (d * d <= p && p % d !== 0) d++;
    if (d * d > p) return p;
  }
  return Math.max(1, Math.min(k, 2));
}

function sampleWork(from: number, len: number): number {
  const want = sampleSize(len);
  const s = sample;
  const w = work;
  for (let j = 0; j < want; j++) s[j] = w[from + Math.floor(random() * len)];
  return want;
}

// The gather passes. Branch-free on purpose: whether a value falls below, inside or above the bracket is
// a coin toss the CPU cannot predict on unsorted data, so every value is stored at the buffer's end and
// the end only advances (by 0 or 1) when it belongs. `+(bool)` compiles to a flag, not a jump. Each leaves
// `below`, `upToLo`, `between` and `upToHi` for `resolve`. The "tied" forms count the copies of lo and of hi
// apart and gather only what lies strictly between (on integer data: nothing); the others gather [lo, hi],
// two comparisons less per value.

/**
 * Gathers from the caller's column. Missing cells are skipped by a (predictable) branch; instead of testing
 * every number for NaN/±Infinity, their sum is: it is finite only when they all are (or it overflows, which
 * merely sends us to the careful pass).
 */
function gatherSourceWide(src: readonly MaybeNumber[], lo: number, hi: number): boolean {
  const w = work;
  let a = 0;
  let m = 0;
  let skipped = 0;
  let sum = 0;
  for (let i = 0; i < src.length; i++) {
    const x = src[i];
    if (typeof x !== "number") {
      skipped++;
      continue;
    }
    w[m] = x;
    sum += x;
    const under = +(x < lo);
    m += +(x <= hi) - under;
    a += under;
  }
  below = a;
  upToLo = a;
  upToHi = a + m;
  between = m;
  finite = src.length - skipped;
  return sum - sum === 0;
}

function gatherSourceTied(src: readonly MaybeNumber[], lo: number, hi: number): boolean {
  const w = work;
  let a = 0;
  let b = 0;
  let c = 0;
  let m = 0;
  let skipped = 0;
  let sum = 0;
  for (let i = 0; i < src.length; i++) {
    const x = src[i];
    if (typeof x !== "number") {
      skipped++;
      continue;
    }
    w[m] = x;
    sum += x;
    const atLo = +(x <= lo);
    m += +(x < hi) & (1 - atLo);
    a += +(x < lo);
    b += atLo;
    c += +(x <= hi);
  }
  below = a;
  upToLo = b;
  upToHi = c;
  between = m;
  finite = src.length - skipped;
  return sum - sum === 0;
}

/** The same with every number tested: for columns holding NaN or ±Infinity. */
function gatherSourceCarefully(src: readonly MaybeNumber[], lo: number, hi: number): void {
  const w = work;
  let a = 0;
  let b = 0;
  let c = 0;
  let m = 0;
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    const x = src[i];
    if (typeof x !== "number" || x - x !== 0) continue;
    n++;
    w[m] = x;
    const atLo = +(x <= lo);
    const upHi = +(x < hi);
    m += upHi & (1 - atLo);
    a += +(x < lo);
    b += atLo;
    c += +(x <= hi);
  }
  below = a;
  upToLo = b;
  upToHi = c;
  between = m;
  finite = n;
}

/** Gathers |x − center| on the fly: NaN and ±Infinity cells give NaN or Infinity, beyond finite pivots. */
function gatherDeviations(
  src: readonly MaybeNumber[],
  center: number,
  lo: number,
  hi: number,
  tied: boolean,
): void {
  const w = work;
  let a = 0;
  let b = 0;
  let c = 0;
  let m = 0;
  if (tied) {
    for (let i = 0; i < src.length; i++) {
      const x = src[i];
      if (typeof x !== "number") continue;
      const d = Math.abs(x - center);
      w[m] = d;
      const atLo = +(d <= lo);
      const upHi = +(d < hi);
      m += upHi & (1 - atLo);
      a += +(d < lo);
      b += atLo;
      c += +(d <= hi);
    }
  } else {
    for (let i = 0; i < src.length; i++) {
      const x = src[i];
      if (typeof x !== "number") continue;
      const d = Math.abs(x - center);
      w[m] = d;
      const under = +(d < lo);
      m += +(d <= hi) - under;
      a += under;
    }
    b = a;
    c = a + m;
  }
  below = a;
  upToLo = b;
  upToHi = c;
  between = m;
}

function gatherWorkWide(from: number, len: number, lo: number, hi: number, dst: number): void {
  const w = work;
  let a = 0;
  let m = dst;
  for (let i = from; i < from + len; i++) {
    const x = w[i];
    w[m] = x;
    const under = +(x < lo);
    m += +(x <= hi) - under;
    a += under;
  }
  below = a;
  upToLo = a;
  upToHi = a + m - dst;
  between = m - dst;
}

/** Gathers work[from, from + len) into work[dst, …), counting the copies of lo and hi apart. */
function gatherWork(from: number, len: number, lo: number, hi: number, dst: number): void {
  const w = work;
  let a = 0;
  let b = 0;
  let c = 0;
  let m = dst;
  for (let i = from; i < from + len; i++) {
    const x = w[i];
    w[m] = x;
    const atLo = +(x <= lo);
    const upHi = +(x < hi);
    m += upHi & (1 - atLo);
    a += +(x < lo);
    b += atLo;
    c += +(x <= hi);
  }
  below = a;
  upToLo = b;
  upToHi = c;
  between = m - dst;
}
