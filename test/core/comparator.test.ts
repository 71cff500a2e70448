// Scores against a comparator group use the group's own median and MAD, inside the metric's population.
import { describe, expect, it } from "vitest";
import { scoreObservations, type Observation } from "../../src/core/index.js";

const obs = (areacd: string, value: number | null): Observation => ({
  metric: "m",
  period: "2023-24",
  areacd,
  areanm: areacd,
  value,
});

describe("scoreObservations", () => {
  const rows = [
    obs("E07000001", 10),
    obs("E07000002", 20),
    obs("E07000003", 30),
    obs("E07000004", 100),
    obs("E10000001", 50),
    obs("E07000005", null),
  ];
  const place = (o: Observation) =>
    o.areacd.startsWith("E10") ? { notCompared: "county" } : { set: "districts" };

  it("scores the population, keeps others as not-compared with the reason, and missing values as missing", () => {
    const scored = scoreObservations(rows, { polarity: () => "higher", place });
    // districts 10, 20, 30, 100: median 25, deviations 15, 5, 5, 75 → MAD 10.
    expect(scored.map((r) => r.score)).toEqual([-1.5, -0.5, 0.5, 7.5, null, null]);
    expect(scored[3]).toMatchObject({ band: "much-better", outlier: true, median: 25, mad: 10 });
    expect(scored[4]).toMatchObject({ band: "not-compared", reason: "county", median: null });
    expect(scored[5]).toMatchObject({ band: "missing", median: 25 });
  });

  it("a comparator group narrows the comparison and never widens it", () => {
    const group = new Set(["E07000001", "E07000002", "E07000003", "E10000001"]);
    const scored = scoreObservations(rows, { polarity: () => "lower", place, inGroup: (c) => group.has(c) });
    // group districts 10, 20, 30: median 20, MAD 10.
    expect(scored.map((r) => r.score)).toEqual([-1, 0, 1, null, null, null]);
    expect(scored[0].band).toBe("slightly-better");
    expect(scored[3]).toMatchObject({ band: "not-compared", reason: "not in the comparator group" });
    expect(scored[4].band).toBe("not-compared");
  });

  it("gives no score when the MAD is 0, with the reason", () => {
    const scored = scoreObservations([obs("a", 1), obs("b", 1), obs("c", 2)], { polarity: () => "higher" });
    expect(scored[2]).toMatchObject({ score: null, band: "no-score" });
    expect(scored[2].reason).toMatch(/MAD is 0/);
  });
});
