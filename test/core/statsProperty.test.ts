// median, mad, spread and madScores against a reference that sorts, on seeded random columns: the one-pass
// selection (src/core/select.ts) must give exactly (===) what sorting gives, on every path it can take —
// small columns, sampled brackets, ties, sorted columns, missing cells, NaN and ±Infinity, overflow, and the
// fallback when a bracket misses.
import { describe, expect, it } from "vitest";
import {
  mad,
  madScores,
  median,
  spread,
  MEAN_AD_SCALE,
  NORMAL_SCALE,
  type MadOptions,
} from "../../src/core/index.js";

type Cell = number | null | undefined;

// ---- The reference: filter, sort, index ----

const isFiniteNumber = (x: Cell): x is number => typeof x === "number" && Number.isFinite(x);
const ascending = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);

/** The middle of a sorted array; an even count averages the two middle values, halving first on overflow. */
function middle(sorted: number[]): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (n % 2 === 1) return sorted[(n - 1) / 2];
  const a = sorted[n / 2 - 1];
  const b = sorted[n / 2];
  return Number.isFinite(a + b) ? (a + b) / 2 : a / 2 + b / 2;
}

function referenceSpread(cells: readonly Cell[], options: MadOptions = {}) {
  const values = cells.filter(isFiniteNumber);
  const count = values.length;
  if (count === 0) return { count, median: NaN, mad: NaN, fallback: false };
  const m = middle([...values].sort(ascending));
  const deviations = values.map((x) => Math.abs(x - m));
  let d = middle([...deviations].sort(ascending));
  let fallback = false;
  if (d === 0 && options.zeroFallback === "mean-ad") {
    let sum = 0;
    for (const x of deviations) sum += x;
    d = MEAN_AD_SCALE * (sum / count);
    fallback = true;
  }
  if (options.scale === "normal") d *= NORMAL_SCALE;
  return { count, median: m, mad: d, fallback };
}

function referenceScores(cells: readonly Cell[], options: MadOptions = {}): (number | null)[] {
  const s = referenceSpread(cells, options);
  const scorable = s.count > 0 && Number.isFinite(s.median) && Number.isFinite(s.mad) && s.mad > 0;
  return cells.map((v) => {
    if (!scorable || !isFiniteNumber(v)) return null;
    const z = (v - s.median) / s.mad;
    return Number.isFinite(z) ? z : null;
  });
}

// ---- Seeded columns ----

/** mulberry32 */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = {
  doubles: (r: () => number) => (r() - 0.5) * 2e6,
  smallInts: (r: () => number) => Math.floor(r() * 11) - 5,
  fewValues: (r: () => number) => Math.floor(r() * 3),
  lognormal: (r: () => number) =>
    Math.exp(3 * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r())),
  tiny: (r: () => number) => (r() - 0.5) * 1e-300,
  huge: (r: () => number) => (r() < 0.5 ? -1 : 1) * (1 + r()) * 8e307,
  // Two far clusters: deviations from the median overflow to Infinity for almost half the values.
  farApart: (r: () => number) => (r() < 0.47 ? -1.7e308 : 1.7e308 * (1 - r() * 1e-3)),
  mixed: (r: () => number) => {
    const u = r();
    if (u < 0.3) return Math.floor(r() * 7) - 3;
    if (u < 0.35) return u < 0.325 ? 0 : -0;
    if (u < 0.4) return (r() - 0.5) * 1e-300;
    if (u < 0.45) return (r() < 0.5 ? -1 : 1) * 1.7e308;
    return (r() - 0.5) * 1000;
  },
} as const;
type Kind = keyof typeof KINDS;

/** A column of `n` cells of one kind, with a share of missing cells (null, undefined, NaN, ±Infinity). */
function column(r: () => number, n: number, kind: Kind, missing: number): Cell[] {
  const cells: Cell[] = [];
  for (let i = 0; i < n; i++) {
    if (r() < missing) {
      const u = r();
      cells.push(u < 0.4 ? null : u < 0.6 ? undefined : u < 0.8 ? NaN : u < 0.9 ? Infinity : -Infinity);
    } else cells.push(KINDS[kind](r));
  }
  return cells;
}

function sorted(cells: Cell[], descending = false): number[] {
  const xs = cells.filter(isFiniteNumber).sort(ascending);
  return descending ? xs.reverse() : xs;
}

// ---- Checks ----

const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/** Everything the four functions return for `cells`, against the reference; `what` names the case. */
function check(what: string, cells: Cell[], withScores = true): void {
  const before = [...cells];
  const expected = referenceSpread(cells);
  const m = median(cells);
  expect(same(m, expected.median), `${what}: median ${m} ≠ ${expected.median}`).toBe(true);
  const d = mad(cells);
  expect(same(d, expected.mad), `${what}: mad ${d} ≠ ${expected.mad}`).toBe(true);
  const s = spread(cells);
  expect(s.count, `${what}: count`).toBe(expected.count);
  expect(same(s.median, expected.median) && same(s.mad, expected.mad), `${what}: spread`).toBe(true);
  expect(s.fallback).toBe(false);
  if (withScores) {
    const scores = madScores(cells);
    const want = referenceScores(cells);
    expect(scores.length).toBe(cells.length);
    const bad = scores.findIndex((z, i) => z !== want[i]);
    expect(bad, `${what}: score ${bad}: ${scores[bad]} ≠ ${want[bad]}`).toBe(-1);
  }
  // The caller's column is read, never reordered or written.
  expect(
    cells.every((c, i) => Object.is(c, before[i])),
    `${what}: input changed`,
  ).toBe(true);
}

function checkOptions(what: string, cells: Cell[]): void {
  for (const options of [
    { scale: "normal" },
    { zeroFallback: "mean-ad" },
    { scale: "normal", zeroFallback: "mean-ad" },
  ] as MadOptions[]) {
    const expected = referenceSpread(cells, options);
    const s = spread(cells, options);
    const label = `${what} ${JSON.stringify(options)}`;
    expect(s.count, label).toBe(expected.count);
    expect(same(s.median, expected.median), `${label}: median`).toBe(true);
    expect(same(s.mad, expected.mad), `${label}: mad ${s.mad} ≠ ${expected.mad}`).toBe(true);
    expect(s.fallback, label).toBe(expected.fallback);
    expect(same(mad(cells, options), expected.mad), `${label}: mad()`).toBe(true);
    const scores = madScores(cells, options);
    const want = referenceScores(cells, options);
    const bad = scores.findIndex((z, i) => z !== want[i]);
    expect(bad, `${label}: score ${bad}: ${scores[bad]} ≠ ${want[bad]}`).toBe(-1);
  }
}

// ---- Cases ----

describe("median, mad, spread and madScores equal a sort-based reference", () => {
  it("on 1,500 random columns of 0–5,000 cells: ties, negatives, ±0, tiny and huge values, missing cells", () => {
    const r = generator(20240611);
    const kinds = Object.keys(KINDS) as Kind[];
    // Sizes at and around the edges: empty, one value, the quickselect and sampling thresholds.
    const edges = [0, 1, 2, 3, 4, 5, 599, 600, 601, 602, 1499, 1500, 1501, 1502, 5000];
    for (let t = 0; t < 1500; t++) {
      const n = t < edges.length * 4 ? edges[t % edges.length] : Math.floor(r() ** 2 * 5001);
      const kind = kinds[t % kinds.length];
      const missing = [0, 0, 0.05, 0.3, 0.9][t % 5];
      const cells = column(r, n, kind, missing);
      check(`#${t} n=${n} ${kind} missing=${missing}`, cells, t % 3 === 0);
      if (t % 10 === 0) checkOptions(`#${t} n=${n} ${kind}`, cells);
    }
  });

  it("on sorted, reverse-sorted, all-equal and nearly sorted columns", () => {
    const r = generator(7);
    for (const n of [1, 2, 3, 10, 600, 1501, 1502, 4096, 5000]) {
      for (const kind of ["doubles", "smallInts", "fewValues", "lognormal", "mixed"] as Kind[]) {
        const up = sorted(column(r, n, kind, 0));
        check(`ascending n=${n} ${kind}`, up);
        check(`descending n=${n} ${kind}`, [...up].reverse());
        // One value out of place, early, in the middle, at the end: "sorted" must be confirmed, not assumed.
        for (const at of [1, up.length >> 1, up.length - 1]) {
          if (up.length < 3) continue;
          const nearly = [...up];
          [nearly[at - 1], nearly[at]] = [nearly[at], nearly[at - 1] - 1];
          check(`nearly sorted n=${n} ${kind} at ${at}`, nearly);
        }
        // Sorted but with missing cells in it, or an infinite end: not a clean sorted column.
        const holes: Cell[] = [...up];
        holes[up.length >> 1] = null;
        check(`ascending with a hole n=${n} ${kind}`, holes);
        check(`ascending from -Infinity n=${n} ${kind}`, [-Infinity, ...up]);
        check(`ascending to NaN n=${n} ${kind}`, [...up, NaN]);
      }
      check(`all equal n=${n}`, new Array(n).fill(3.25));
      check(`all equal ints n=${n}`, new Array(n).fill(7));
      check(
        `all zero with -0 n=${n}`,
        Array.from({ length: n }, (_, i) => (i % 2 ? -0 : 0)),
      );
      checkOptions(`all equal n=${n}`, [...new Array(n).fill(3.25), 4]);
    }
  });

  it("on large columns (10⁵): random, tied, skewed, sorted, mostly missing, non-finite, overflowing", () => {
    const r = generator(99);
    const n = 100_000;
    const cases: [string, Cell[]][] = [
      ["uniform", column(r, n, "doubles", 0)],
      ["uniform, odd count", column(r, n + 1, "doubles", 0)],
      ["integers 0–2", column(r, n, "fewValues", 0)],
      ["integers −5–5, 5% missing", column(r, n, "smallInts", 0.05)],
      ["lognormal", column(r, n, "lognormal", 0)],
      ["mixed with huge and tiny", column(r, n, "mixed", 0.02)],
      ["huge values (midpoint and deviations overflow)", column(r, n, "huge", 0)],
      ["two far clusters (infinite deviations)", column(r, n, "farApart", 0.01)],
      ["NaN and ±Infinity among 30% missing", column(r, n, "doubles", 0.3)],
      ["99.9% missing (too few to sample)", column(r, n, "doubles", 0.999)],
      ["sorted", sorted(column(r, n, "doubles", 0))],
      ["reverse sorted ties", sorted(column(r, n, "smallInts", 0), true)],
      ["all equal", new Array(n).fill(-2.5)],
      ["half one value", Array.from({ length: n }, (_, i) => (i % 2 ? 5 : r()))],
    ];
    // Columns that repeat: a sample taken at a fixed stride can land on one phase of the pattern, miss the
    // median, and fall back to a full selection. The answers must not change.
    for (const period of [2, 7, 89, 97, 1009]) {
      cases.push([`period ${period}`, Array.from({ length: n }, (_, i) => (i % period) + i / 1e7)]);
    }
    for (const [what, cells] of cases) check(`10⁵ ${what}`, cells);
    checkOptions("10⁵ integers 0–2", cases[2][1]);
  });

  it("reads any iterable once: generators, Sets, typed arrays", () => {
    const r = generator(3);
    for (const n of [0, 1, 7, 1600, 20_000]) {
      const cells = column(r, n, "smallInts", 0.1);
      const expected = referenceSpread(cells);
      function* cellsOf() {
        yield* cells;
      }
      expect(same(median(cellsOf()), expected.median)).toBe(true);
      expect(same(mad(cellsOf()), expected.mad)).toBe(true);
      const values = cells.filter(isFiniteNumber);
      expect(same(median(new Float64Array(values)), expected.median)).toBe(true);
      const distinct = [...new Set(values)];
      expect(same(median(new Set(values)), referenceSpread(distinct).median)).toBe(true);
    }
  });

  it("keeps its edge cases: no values, one value, MAD 0", () => {
    expect(median([])).toBeNaN();
    expect(mad([])).toBeNaN();
    expect(spread([null, undefined, NaN])).toEqual({ count: 0, median: NaN, mad: NaN, fallback: false });
    expect(madScores([null, 1, NaN])).toEqual([null, null, null]);
    expect(median([4])).toBe(4);
    expect(mad([4])).toBe(0);
    expect(median([1e308, 1.5e308])).toBe(1.25e308);
    expect(madScores([5, 5, 5, 9])).toEqual([null, null, null, null]);
  });
});
