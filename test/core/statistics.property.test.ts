// median, mad and madScores against a naive sort-based reference, over thousands of generated inputs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mad, madScores, median, NORMAL_SCALE } from "../../src/core/index.js";

function naiveMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
function naiveMad(xs: number[]): number {
  const m = naiveMedian(xs);
  return naiveMedian(xs.map((x) => Math.abs(x - m)));
}

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
const tiny = fc.double({ noNaN: true, min: -1e-300, max: 1e-300 });
const value = fc.oneof(finite, tiny, fc.integer({ min: -5, max: 5 }));
const column = fc.array(value, { minLength: 1, maxLength: 1500 });
const RUNS = { numRuns: 2000, endOnFailure: true };

const close = (a: number, b: number): boolean =>
  a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

describe("median and MAD match a sort-based reference", () => {
  it("median: odd and even counts, duplicates, negatives, huge and tiny values", () => {
    fc.assert(
      fc.property(column, (xs) => median(xs) === naiveMedian(xs)),
      RUNS,
    );
  });

  it("mad equals the naive MAD, and 'normal' scales it by 1.482602218505602", () => {
    fc.assert(
      fc.property(
        column,
        (xs) => mad(xs) === naiveMad(xs) && close(mad(xs, { scale: "normal" }), naiveMad(xs) * NORMAL_SCALE),
      ),
      RUNS,
    );
  });

  it("is invariant to the order of the values and never mutates the caller's array", () => {
    fc.assert(
      fc.property(
        fc
          .array(value, { minLength: 1, maxLength: 300 })
          .chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))),
        ([xs, shuffled]) => {
          const copy = [...xs];
          const same = median(xs) === median(shuffled) && mad(xs) === mad(shuffled);
          return same && xs.every((x, i) => Object.is(x, copy[i]));
        },
      ),
      RUNS,
    );
  });

  it("is shift and scale equivariant (median(a·x+b) = a·median(x)+b, mad(a·x+b) = |a|·mad(x))", () => {
    const ints = fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 400 });
    fc.assert(
      fc.property(
        ints,
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        (xs, a, b) => {
          const moved = xs.map((x) => a * x + b);
          return close(median(moved), a * median(xs) + b) && close(mad(moved), Math.abs(a) * mad(xs));
        },
      ),
      RUNS,
    );
  });

  it("madScores aligns with the input, null for missing values, and equals (x − median) / MAD", () => {
    const cell = fc.oneof(value, fc.constant(null), fc.constant(undefined), fc.constant(NaN));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 500 }), (cells) => {
        const nums = cells.filter((c): c is number => typeof c === "number" && Number.isFinite(c));
        const m = naiveMedian(nums);
        const d = naiveMad(nums);
        const scores = madScores(cells);
        return (
          scores.length === cells.length &&
          cells.every((c, i) => {
            const usable = typeof c === "number" && Number.isFinite(c);
            if (!usable || !(d > 0)) return scores[i] === null;
            return close(scores[i] as number, (c - m) / d);
          })
        );
      }),
      RUNS,
    );
  });
});

describe("median and MAD edge cases", () => {
  it("empty input gives NaN, a single value is its own median with MAD 0", () => {
    expect(median([])).toBeNaN();
    expect(mad([])).toBeNaN();
    expect(median([null, undefined, NaN])).toBeNaN();
    expect(median([4])).toBe(4);
    expect(mad([4])).toBe(0);
  });

  it("the even-count median is the mean of the two middle values", () => {
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([1e308, 1.5e308])).toBe(1.25e308);
  });

  it("MAD 0 gives no score unless the mean-absolute-deviation fallback is asked for", () => {
    const xs = [5, 5, 5, 5, 9];
    expect(madScores(xs)).toEqual([null, null, null, null, null]);
    // mean |x − 5| = 4/5; fallback MAD = 1.253314 × 0.8
    const withFallback = madScores(xs, { zeroFallback: "mean-ad" });
    expect(withFallback[4]).toBeCloseTo(4 / (1.253314 * 0.8), 12);
  });
});

describe("selection on large columns (Floyd–Rivest sampling path)", () => {
  it("matches the reference on 20,000 values with many ties", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 601, maxLength: 20000 }), (xs) => {
        return median(xs) === naiveMedian(xs) && mad(xs) === naiveMad(xs);
      }),
      { numRuns: 50, endOnFailure: true },
    );
  });

  it("matches the reference on 100,001 distinct doubles", () => {
    const xs = Array.from({ length: 100001 }, (_, i) => Math.sin(i) * 1e6);
    expect(median(xs)).toBe(naiveMedian(xs));
    expect(mad(xs)).toBe(naiveMad(xs));
  });
});
