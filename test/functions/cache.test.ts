// Ten thousand MADSCORE formulas over one range must compute its median and MAD once, and changed
// values must be recomputed. `spreads.computations` counts real computations in the cache the functions
// use; the spread itself is the real one.
import fc from "fast-check";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Benchmarks } from "../../src/core/benchmarks.js";
import { spread } from "../../src/core/mad.js";
import { useBenchmarks } from "../../src/functions/data.js";
import { SpreadCache, spreads } from "../../src/functions/spreadCache.js";
import { shippedBenchmarks } from "../excel/shipped.js";
import { excel, expectError, FakeError, installCustomFunctions } from "./excel.js";

beforeAll(installCustomFunctions);
beforeEach(() => spreads.clear());
afterEach(() => {
  vi.useRealTimers();
  spreads.clear();
});

/** A column like one metric for 300 councils, with a few blanks and a note. */
const councils = (seed: number): unknown[][] =>
  Array.from({ length: 300 }, (_, i) => [
    i % 37 === 0 ? null : i === 5 ? "n/a" : ((i * 7919 + seed) % 1000) / 10,
  ]);

describe("spread cache", () => {
  it("computes the spread once for 10,000 MADSCORE calls over the same range", () => {
    const range = councils(1);
    const before = spreads.computations;
    const first = excel("MADSCORE", 50, range);
    for (let i = 0; i < 10_000; i++) {
      // Excel gives every call its own copy of the range.
      const copy = range.map((row) => [...row]);
      const value = range[i % range.length][0];
      const score = excel("MADSCORE", typeof value === "number" ? value : 50, copy);
      expect(typeof score).toBe("number");
    }
    expect(excel("MADSCORE", 50, range)).toBe(first);
    expect(spreads.computations - before).toBe(1);
  });

  it("recomputes when the range's numbers change, and only then", () => {
    const range = councils(2);
    const before = spreads.computations;
    const original = excel("MADSCORE", 50, range) as number;
    const changed = range.map((row) => [...row]);
    changed[10] = [999];
    const after = excel("MADSCORE", 50, changed) as number;
    expect(after).not.toBe(original);
    // Blank and text cells are not part of the content: changing them reuses the spread.
    const textChanged = range.map((row) => [...row]);
    textChanged[5] = ["suppressed"];
    expect(excel("MADSCORE", 50, textChanged)).toBe(original);
    expect(spreads.computations - before).toBe(2);
  });

  it("is shared by MAD and MADSCORES", () => {
    const range = councils(3);
    const before = spreads.computations;
    excel("MADSCORES", range);
    excel("MAD", range);
    excel("MAD", range, "normal");
    excel("MADSCORE", 1, range);
    expect(spreads.computations - before).toBe(1);
  });

  it("keeps a bounded number of ranges, dropping the least recently used", () => {
    const cache = new SpreadCache(2);
    cache.get([1, 2, 3]);
    cache.get([4, 5, 6]);
    cache.get([1, 2, 3]);
    cache.get([7, 8, 9]); // evicts [4, 5, 6]
    expect(cache.size).toBe(2);
    cache.get([1, 2, 3]);
    expect(cache.computations).toBe(3);
    cache.get([4, 5, 6]);
    expect(cache.computations).toBe(4);
  });

  it("lets go of everything once calls stop", () => {
    vi.useFakeTimers();
    const cache = new SpreadCache(16, 1000);
    cache.get([1, 2, 3]);
    vi.advanceTimersByTime(600);
    cache.get([1, 2, 3]); // still in use: the timer re-arms for the remaining time
    vi.advanceTimersByTime(600);
    expect(cache.size).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(cache.size).toBe(0);
    cache.get([1, 2, 3]);
    expect(cache.computations).toBe(2);
  });

  it("gives the same spread as computing directly", () => {
    const cache = new SpreadCache();
    expect(cache.get([1, 2, 3, 4, 9])).toEqual({ count: 5, median: 3, mad: 1, fallback: false });
  });
});

/** The numbers of a range as MEDIAN reads them, worked out the slow way: finite numbers, row by row. */
const naiveNumbers = (range: unknown[][]): number[] =>
  range.flat().filter((c): c is number => typeof c === "number" && Number.isFinite(c));

/** A cell as Excel passes it: numbers, blanks as "" (any) or 0 (number parameters), null, text, booleans. */
const cell = fc.oneof(
  fc.integer({ min: -50, max: 50 }).map((n) => n / 4),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  fc.constantFrom("", 0, null, "n/a", true, false, -0, Infinity),
);
const range = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 });

describe("spread cache keyed by a hash of the numbers", () => {
  it('reads a range\'s numbers as MEDIAN does, blanks as "" ignored and 0 counted', () => {
    fc.assert(
      fc.property(range, (r) => {
        const read = new SpreadCache().read(r);
        expect(Array.from(read as Float64Array)).toEqual(naiveNumbers(r));
      }),
    );
    // One value alone, and rows that are single values (callers other than Excel).
    expect(Array.from(new SpreadCache().read(4) as Float64Array)).toEqual([4]);
    expect(Array.from(new SpreadCache().read([1, [2, ""], "x"]) as Float64Array)).toEqual([1, 2]);
  });

  it("gives MADSCORE the same answer on a miss, on a hit and computed directly", () => {
    fc.assert(
      fc.property(range, fc.integer({ min: -20, max: 20 }), (r, value) => {
        spreads.clear();
        const miss = excel("MADSCORE", value, r);
        const hit = excel(
          "MADSCORE",
          value,
          r.map((row) => [...row]),
        );
        expect(hit).toEqual(miss);
        const numbers = naiveNumbers(r);
        if (!numbers.length) return expectError(miss, "#NUM!", "no numbers");
        const s = spread(numbers);
        const score = (value - s.median) / s.mad;
        if (Number.isFinite(score)) expect(miss).toBe(score);
        else expect(miss).toBeInstanceOf(FakeError);
      }),
    );
  });

  it("never serves one range's spread for another with the same hash", () => {
    // Every range hashes alike: only the comparison of the numbers tells them apart.
    const cache = new SpreadCache(16, 2000, { hash: () => 42 });
    const a = [[1], [2], [3], [4], [9]];
    const b = [[1], [2], [3], [4], [10]]; // same count, one number different
    const c = [[1], [2], [3], [4]];
    for (const r of [a, b, c, a, b, c]) {
      // read() fills the cache's own buffer: an entry that kept a view of it would see the next range.
      expect(cache.get(cache.read(r) as Float64Array)).toEqual(spread(naiveNumbers(r)));
    }
    expect(cache.computations).toBe(3);
    expect(cache.size).toBe(3);
  });

  it("tells 0 from −0 (their bits differ), and numbers in another order apart", () => {
    const cache = new SpreadCache(16, 2000, { hash: () => 0 });
    cache.get([0, 1, 2]);
    cache.get([-0, 1, 2]);
    cache.get([2, 1, 0]);
    expect(cache.computations).toBe(3);
    cache.get([0, 1, 2]);
    expect(cache.computations).toBe(3);
  });

  it("reuses the spread for a range read into a smaller buffer after a bigger one", () => {
    const cache = new SpreadCache();
    const big = Array.from({ length: 1000 }, (_, i) => [i]);
    const small = [[5], [6], [7]];
    expect(cache.get(cache.read(big) as Float64Array)).toEqual(spread(naiveNumbers(big)));
    expect(cache.get(cache.read(small) as Float64Array)).toEqual({
      count: 3,
      median: 6,
      mad: 1,
      fallback: false,
    });
    expect(cache.get(cache.read(big) as Float64Array).count).toBe(1000);
    expect(cache.computations).toBe(2);
  });

  it("returns the range's first error, not a spread", () => {
    const cache = new SpreadCache();
    const error = new FakeError("#N/A", "missing");
    expect(cache.read([[1], [error], [new FakeError("#DIV/0!")]])).toBe(error);
    expectError(excel("MADSCORE", 1, [[1], [""], [{ code: "#N/A" }]]), "#N/A");
  });

  it("bounds the numbers kept, keeping at least the newest range", () => {
    const cache = new SpreadCache(16, 2000, { maxNumbers: 5 });
    cache.get([1, 2, 3]);
    cache.get([4, 5, 6]); // 6 numbers > 5: [1, 2, 3] goes
    expect(cache.size).toBe(1);
    cache.get([4, 5, 6]);
    expect(cache.computations).toBe(2);
    cache.get([1, 2, 3]);
    expect(cache.computations).toBe(3);
    const large = Array.from({ length: 50 }, (_, i) => i);
    cache.get(large);
    cache.get(large);
    expect(cache.size).toBe(1);
    expect(cache.computations).toBe(4);
  });

  it("scores repeated calls over a 100,000-cell range from one computation", () => {
    const big = Array.from({ length: 100_000 }, (_, i) => [i % 101 === 0 ? "" : (i * 7919) % 100_003]);
    const copy = big.map((row) => [...row]);
    const before = spreads.computations;
    const first = excel("MADSCORE", 500, big);
    for (let i = 0; i < 100; i++) expect(excel("MADSCORE", 500, i % 2 ? copy : big)).toBe(first);
    expect(spreads.computations - before).toBe(1);
    copy[99_999] = [1];
    expect(excel("MADSCORE", 500, copy)).not.toBe(first);
    expect(spreads.computations - before).toBe(2);
  });
});

describe("BENCH.METRIC's scored periods", () => {
  const RECYCLING = "household-waste-recycling-rate";
  const shipped = shippedBenchmarks();
  /** The same data with an empty cache: a lookup there scores the period afresh. */
  const fresh = () => new Benchmarks(shipped.data, shipped.directory, shipped.nearest, [], true);
  afterEach(() => useBenchmarks());

  it("score a period once for a column of calls, each with the answer of a fresh scoring", async () => {
    const b = fresh();
    useBenchmarks(b);
    const councils = shipped.directory.all().map((c) => c.code);
    const expected = new Map<string, unknown>();
    for (const field of ["score", "band", "median"]) {
      for (const code of councils) {
        useBenchmarks(fresh());
        expected.set(`${code} ${field}`, await excel("METRIC", code, RECYCLING, "2023-24", field));
      }
    }
    useBenchmarks(b);
    for (let i = 0; i < 3000; i++) {
      const field = ["score", "band", "median"][i % 3];
      const code = councils[i % councils.length];
      expect(await excel("METRIC", code, RECYCLING, "2023-24", field)).toEqual(
        expected.get(`${code} ${field}`),
      );
    }
    expect(b.scoredPeriods).toBe(1);
    // The latest period (omitted) is the same period, already scored.
    expect(await excel("METRIC", "West Suffolk", RECYCLING, null, "score")).toBe(
      expected.get("E07000245 score"),
    );
    expect(b.scoredPeriods).toBe(1);
  });
});
