// The Best Value summary sheet's table: each theme's rating row equals THEMEREPORT's, its evidence under it.
import { describe, expect, it } from "vitest";
import { themeReport } from "../../src/core/themeReport.js";
import { METHOD_SUMMARY, themeSummaryTable } from "../../src/core/themeSummary.js";
import { shippedBenchmarks } from "../excel/shipped.js";

const benchmarks = shippedBenchmarks();

describe.each(["West Suffolk", "Suffolk"])("the summary for %s", (council) => {
  const table = themeSummaryTable(benchmarks, council, { compare: "Ipswich" });
  const col = (name: string) => table.columns.findIndex((c) => c.name === name);

  it("has a rating row per theme, agreeing with the theme report, and its evidence under it", () => {
    const report = themeReport(benchmarks, council);
    const ratingRows = table.rows.filter((r) => r[col("Evidence")] === "Theme rating");
    expect(ratingRows.map((r) => r[col("Theme")])).toEqual(report.map((t) => t.theme.title));
    ratingRows.forEach((r, i) => {
      expect([r[col("Score")], r[col("Rating")], r[col("Coverage")]]).toEqual([
        report[i].rating.score,
        report[i].rating.rating,
        report[i].rating.coverage,
      ]);
    });
    const evidenceRows = table.rows.length - ratingRows.length;
    expect(evidenceRows).toBe(report.reduce((n, t) => n + t.evidence.length, 0));
  });

  it("puts the second council's score and rating beside, and the method and caveats on top", () => {
    const ipswich = themeReport(benchmarks, "Ipswich");
    const first = table.rows.find((r) => r[col("Evidence")] === "Theme rating")!;
    expect(first[col("Ipswich rating")]).toBe(ipswich[0].rating.rating);
    expect(table.caveats).toEqual(METHOD_SUMMARY);
    expect(table.title).toBe(`Best Value summary: ${council} beside Ipswich`);
  });
});
