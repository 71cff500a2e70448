// Best Value theme ratings. The worked examples are the ones in docs/best-value-ratings.md, computed by
// hand here; the properties hold for any evidence.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adjustScore, NOT_RATED, rateTheme, ratingOf, type Evidence } from "../../src/core/bestValue.js";
import { findTheme, THEMES } from "../../src/core/catalogue/themes.js";
import { themeReport } from "../../src/core/themeReport.js";
import { shippedBenchmarks } from "../excel/shipped.js";

const scored = (name: string, raw: number, polarity: "higher" | "lower" = "higher"): Evidence => ({
  name,
  score: adjustScore(raw, polarity),
  status: "scored",
  local: false,
});

describe("worked examples (docs/best-value-ratings.md)", () => {
  it("Example 1, Service delivery: the median of the polarity-adjusted scores", () => {
    // Recycling 0.8 (higher is better) → 0.8; residual waste 1.2 (lower is better) → −1.2; planning −0.4
    // → −0.4; contamination 0.3 (lower) → −0.3. Sorted −1.2, −0.4, −0.3, 0.8: median (−0.4 − 0.3) / 2 = −0.35,
    // which is between −0.5 and 0.5: "In line with similar councils".
    const r = rateTheme([
      scored("Recycling rate", 0.8),
      scored("Residual waste", 1.2, "lower"),
      scored("Planning decisions in time", -0.4),
      scored("Contamination", 0.3, "lower"),
    ]);
    expect(r.score).toBeCloseTo(-0.35, 12);
    expect(r.rating).toBe("In line with similar councils");
    expect(r.coverage).toBe("4 of 4 mapped metrics scored");
  });

  it("Example 2, Use of resources: one extreme value does not carry the theme", () => {
    // 0.6, 0.9, 12: median 0.9 → "Good" (0.5 to 1.5); their mean, 4.5, would have read "Strong".
    const r = rateTheme([scored("a", 0.6), scored("b", 0.9), scored("c", 12)]);
    expect([r.score, r.rating]).toEqual([0.9, "Good"]);
  });

  it("Example 3: fewer than two scored pieces of evidence is not rated, never guessed", () => {
    // One score (2.0) and one no-polarity metric (context, listed, not rated): 1 of 2 scored.
    const r = rateTheme([scored("a", 2), { name: "ASC6", score: null, status: "context", local: false }]);
    expect([r.score, r.rating, r.coverage]).toEqual([
      null,
      NOT_RATED,
      "1 of 2 mapped metrics scored (1 context)",
    ]);
  });

  it("Example 4: a much-worse piece of evidence raises a warning whatever the score", () => {
    // 1.0, 2.0, −3.2: median 1.0 → "Good", and −3.2 ≤ −3 is much worse: a warning flag.
    const r = rateTheme([scored("a", 1), scored("b", 2), scored("Roads", -3.2)]);
    expect([r.score, r.rating]).toEqual([1, "Good"]);
    expect(r.warnings).toEqual(["Roads: much worse"]);
  });

  it("Example 5: services the council does not provide are not applicable, never averaged in", () => {
    const r = rateTheme([
      scored("a", 0.2),
      scored("b", 0.4),
      { name: "Adult social care", score: null, status: "not-applicable", local: false },
    ]);
    expect([r.score, r.coverage]).toEqual([0.30000000000000004, "2 of 2 mapped metrics scored"]);
  });

  it("Example 6: two local metrics rate Leadership, labelled local", () => {
    // Staff survey 80 against 70, 75, 80, 85, 90: median 80, MAD 5, score 0. Agency spend 12 (lower is
    // better) against 10, 12, 14, 16, 18: median 14, MAD 2, score −1 → adjusted +1. Median 0.5 → "Good".
    const [report] = themeReport(shippedBenchmarks(), "West Suffolk", {
      local: [
        {
          theme: "leadership",
          name: "Staff survey",
          value: 80,
          compareWith: [70, 75, 80, 85, 90],
          polarity: "higher",
        },
        {
          theme: "leadership",
          name: "Agency spend",
          value: 12,
          compareWith: [10, 12, 14, 16, 18],
          polarity: "lower",
        },
      ],
    }).filter((t) => t.theme.id === "leadership");
    expect(report.rating).toMatchObject({
      score: 0.5,
      rating: "Good",
      coverage: "2 of 2 mapped metrics scored (2 local)",
    });
    expect(report.evidence.map((e) => [e.name, e.local, e.score])).toEqual([
      ["Staff survey", true, 0],
      ["Agency spend", true, 1],
    ]);
  });

  it("a local 'concern' judgement is a warning, never a number", () => {
    const r = rateTheme([
      scored("a", 1),
      scored("b", 1),
      {
        name: "Audit committee",
        score: null,
        status: "context",
        local: true,
        judgement: { value: "concern", note: "x", date: "2026-11-01" },
      },
    ]);
    expect([r.score, r.coverage]).toEqual([1, "2 of 2 mapped metrics scored"]);
    expect(r.warnings).toEqual(["Audit committee (local): judged a concern (2026-11-01)"]);
  });

  it("labels follow LADE's cut-offs, lower bound inclusive", () => {
    expect([1.5, 1.49, 0.5, -0.5, -0.51, -1.5, -1.51].map(ratingOf)).toEqual([
      "Strong",
      "Good",
      "Good",
      "In line with similar councils",
      "Some concern",
      "Some concern",
      "Concern",
    ]);
  });
});

describe("properties", () => {
  const score = fc.double({ min: -20, max: 20, noNaN: true });
  const evidence = fc.array(score, { minLength: 2, maxLength: 30 });
  const rate = (xs: number[]) => rateTheme(xs.map((x, i) => scored(`m${i}`, x))).score!;

  it("improving one piece of evidence never lowers the theme score", () => {
    fc.assert(
      fc.property(evidence, fc.nat(), fc.double({ min: 0, max: 10, noNaN: true }), (xs, i, up) => {
        const k = i % xs.length;
        const better = xs.map((x, j) => (j === k ? x + up : x));
        expect(rate(better)).toBeGreaterThanOrEqual(rate(xs));
      }),
    );
  });

  it("flipping a metric's polarity and negating its score gives the same result", () => {
    fc.assert(
      fc.property(evidence, fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (xs, flips) => {
        const a = rateTheme(xs.map((x, i) => scored(`m${i}`, x, "higher")));
        const b = rateTheme(xs.map((x, i) => (flips[i] ? scored(`m${i}`, -x, "lower") : scored(`m${i}`, x))));
        expect(b.score).toBe(a.score);
        expect(b.rating).toBe(a.rating);
      }),
    );
  });

  it("no evidence, no rating; below two scores, no rating; from two, always a rating", () => {
    fc.assert(
      fc.property(fc.array(score, { maxLength: 6 }), fc.nat({ max: 4 }), (xs, context) => {
        const list: Evidence[] = [
          ...xs.map((x, i) => scored(`m${i}`, x)),
          ...Array.from({ length: context }, (_, i) => ({
            name: `c${i}`,
            score: null,
            status: "context" as const,
            local: false,
          })),
        ];
        const r = rateTheme(list);
        expect(r.rating === NOT_RATED).toBe(xs.length < 2);
        expect(r.score === null).toBe(xs.length < 2);
        expect(r.coverage).toMatch(new RegExp(`^${xs.length} of ${xs.length + context} mapped`));
      }),
    );
  });

  it("one outlier moves the score no further than the next value (robustness)", () => {
    fc.assert(
      fc.property(
        fc.array(score, { minLength: 3, maxLength: 20 }),
        fc.double({ min: 1e3, max: 1e9, noNaN: true }),
        (xs, big) => {
          const sorted = [...xs].sort((a, b) => a - b);
          const r = rate([...xs, big]);
          expect(r).toBeLessThanOrEqual(sorted[sorted.length - 1]);
          expect(r).toBeGreaterThanOrEqual(sorted[0]);
        },
      ),
    );
  });
});

describe("themes", () => {
  it("are the guidance's seven, in its order, found by name or id", () => {
    expect(THEMES.map((t) => t.title)).toEqual([
      "Continuous improvement",
      "Leadership",
      "Governance",
      "Culture",
      "Use of resources",
      "Service delivery",
      "Partnerships and community engagement",
    ]);
    expect(findTheme("use of resources")?.id).toBe("use-of-resources");
    expect(findTheme("Use-of-Resources")?.title).toBe("Use of resources");
    expect(findTheme("Finance")).toBeUndefined();
  });

  it("West Suffolk (a district) and Suffolk (a county): themes without published evidence are not rated", () => {
    for (const council of ["West Suffolk", "Suffolk"]) {
      const report = themeReport(shippedBenchmarks(), council);
      expect(report).toHaveLength(7);
      for (const id of ["leadership", "governance"])
        expect(report.find((t) => t.theme.id === id)!.rating.rating).toBe(NOT_RATED);
      const service = report.find((t) => t.theme.id === "service-delivery")!;
      expect(service.rating.rating).not.toBe(NOT_RATED);
      // A district's service delivery never counts adult social care (not applicable).
      if (council === "West Suffolk")
        expect(
          service.evidence
            .filter((e) => e.status === "scored")
            .every((e) => !/ASC|Ease of finding/.test(e.name)),
        ).toBe(true);
    }
  });
});
