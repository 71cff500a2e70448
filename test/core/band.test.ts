import { describe, expect, it } from "vitest";
import { band, isOutlier } from "../../src/core/index.js";

// The LADE band table, lower bound inclusive, from the method's published description.
const JUDGED: [number, string][] = [
  [3, "much-better"],
  [2.999, "better"],
  [1.5, "better"],
  [1.4999, "slightly-better"],
  [0.5, "slightly-better"],
  [0.4999, "similar"],
  [0, "similar"],
  [-0.5, "similar"],
  [-0.5001, "slightly-worse"],
  [-1.5, "slightly-worse"],
  [-1.5001, "worse"],
  [-3, "worse"],
  [-3.0001, "much-worse"],
  [-100, "much-worse"],
];

describe("band", () => {
  it.each(JUDGED)("higher is better: %s → %s", (score, expected) => {
    expect(band(score, "higher")).toBe(expected);
  });

  it("flips the sign for lower-is-better metrics before banding", () => {
    expect(band(-3, "lower")).toBe("much-better");
    expect(band(3.0001, "lower")).toBe("much-worse");
    expect(band(0.5, "lower")).toBe("similar");
    expect(band(-0.5, "lower")).toBe("slightly-better");
    expect(band(1.5, "lower")).toBe("slightly-worse");
  });

  it("uses neutral words for metrics with no polarity", () => {
    expect([4, 2, 1, 0, -1, -2, -4].map((s) => band(s, "none"))).toEqual([
      "much-higher",
      "higher",
      "slightly-higher",
      "similar",
      "slightly-lower",
      "lower",
      "much-lower",
    ]);
  });

  it("defaults to higher is better and refuses a non-finite score", () => {
    expect(band(2)).toBe("better");
    expect(() => band(NaN, "higher")).toThrow(RangeError);
  });

  it("flags |score| ≥ 7.5 as an outlier to check", () => {
    expect(isOutlier(7.5)).toBe(true);
    expect(isOutlier(-7.5)).toBe(true);
    expect(isOutlier(7.4999)).toBe(false);
  });
});
