// Ten thousand MADSCORE formulas over one range must compute its median and MAD once, and changed
// values must be recomputed. `spreads.computations` counts real computations in the cache the functions
// use; the spread itself is the real one.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SpreadCache, spreads } from "../../src/functions/spreadCache.js";
import { excel, installCustomFunctions } from "./excel.js";

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
