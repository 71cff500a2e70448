// A frozen copy of the statistics core as it was before the one-pass selection (src/core median.ts,
// mad.ts, quickselect.ts, madScore.ts, numbers.ts at f401a20), so bench/stats.ts can measure "no slower
// than today" at the sizes of a real comparison. Benchmark-only: do not import from src.
type MaybeNumber = number | null | undefined;

const NORMAL_SCALE = 1.482602218505602;
const MEAN_AD_SCALE = 1.253314;

interface MadOptions {
  scale?: "raw" | "normal";
  zeroFallback?: "none" | "mean-ad";
}
interface Spread {
  count: number;
  median: number;
  mad: number;
  fallback: boolean;
}
type ScoreResult = { score: number } | { score: null; reason: string };

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function finiteNumbers(values: Iterable<MaybeNumber>): Float64Array {
  const source = Array.isArray(values) ? (values as readonly MaybeNumber[]) : [...values];
  const out = new Float64Array(source.length);
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const v = source[i];
    if (isNumber(v)) out[n++] = v;
  }
  return n === out.length ? out : out.subarray(0, n);
}

function quickselect(a: Float64Array, k: number, left = 0, right = a.length - 1): Float64Array {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      quickselect(a, k, newLeft, newRight);
    }
    const t = a[k];
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right] > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i] < t) i++;
      while (a[j] > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else swap(a, ++j, right);
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
  return a;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

function medianInPlace(a: Float64Array): number {
  const n = a.length;
  if (n === 0) return NaN;
  const k = n >> 1;
  quickselect(a, k);
  if (n % 2 === 1) return a[k];
  let lower = a[0];
  for (let i = 1; i < k; i++) if (a[i] > lower) lower = a[i];
  return midpoint(lower, a[k]);
}

function midpoint(a: number, b: number): number {
  const sum = a + b;
  return Number.isFinite(sum) ? sum / 2 : a / 2 + b / 2;
}

export function median(values: Iterable<MaybeNumber>): number {
  return medianInPlace(finiteNumbers(values));
}

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

export function mad(values: Iterable<MaybeNumber>, options: MadOptions = {}): number {
  return spread(values, options).mad;
}

function scoreAgainst(value: MaybeNumber, s: Spread): ScoreResult {
  if (!isNumber(value)) return { score: null, reason: "missing" };
  if (s.count === 0) return { score: null, reason: "no-values" };
  if (!Number.isFinite(s.median) || !Number.isFinite(s.mad)) return { score: null, reason: "overflow" };
  if (!(s.mad > 0)) return { score: null, reason: "mad-zero" };
  const score = (value - s.median) / s.mad;
  return Number.isFinite(score) ? { score } : { score: null, reason: "overflow" };
}

export function madScores(values: readonly MaybeNumber[], options?: MadOptions): (number | null)[] {
  const s = spread(values, options);
  return values.map((v) => scoreAgainst(v, s).score);
}
