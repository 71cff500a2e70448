// Comparison populations follow the council that had the service that period, as LADE compared them.
// LADE's own view of the waste metrics (../shared/data/waste-sample.csv, tests only) is the reference: for
// each of its 24 metric-periods, the councils we compare, their values and the median must be LADE's.
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { findMetric } from "../../src/core/index.js";
import { periodStart } from "../../src/core/periods.js";
import { shippedBenchmarks } from "../excel/shipped.js";
import { sharedFile } from "../support/paths.js";

const benchmarks = shippedBenchmarks();
const LADE_NAMES: Record<string, string> = {
  "Household waste recycling rate": "household-waste-recycling-rate",
  "Recycling contamination rate": "recycling-contamination-rate",
  "Residual household waste": "residual-household-waste-per-household",
};
const lade = csvParse(readFileSync(sharedFile("waste-sample.csv"), "utf8"));
const cases = [...new Set(lade.map((r) => `${r.indicator}|${r.period}`))].map((k) => k.split("|"));

const sortedMedian = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

describe("waste: LADE's population and values, every period it covers", () => {
  it("covers 24 metric-periods", () => expect(cases).toHaveLength(24));

  it.each(cases)("%s, %s", (indicator, period) => {
    const metric = benchmarks.metric(LADE_NAMES[indicator]);
    // LADE shows current codes (Northumberland E06000057, the recoded Hertfordshire districts): compare
    // councils, by the council each code belongs to now.
    const current = (code: string) => benchmarks.directory.byCode(code)?.code ?? code;
    const want = new Map(
      lade
        .filter((r) => r.indicator === indicator && r.period === period)
        .map((r) => [current(r.areacd!), Number(r.value)]),
    );
    const scored = benchmarks.score(metric, period).filter((r) => r.score !== null || r.band === "no-score");
    const ours = new Map(scored.map((r) => [current(r.areacd), r.value]));
    expect([...ours.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [code, value] of want) expect(ours.get(code), code).toBe(value);
    expect(scored[0].median).toBe(sortedMedian([...want.values()]));
  });

  it("the recycling rate in 2016-17 has LADE's median, 42.7, not 42.65 (Cambridge and South Cambridgeshire count)", () => {
    const rows = benchmarks.score(benchmarks.metric("household-waste-recycling-rate"), "2016-17");
    expect(rows.find((r) => r.score !== null)?.median).toBe(42.7);
    const cambridge = rows.find((r) => r.areacd === "E07000008")!;
    expect(cambridge).toMatchObject({
      value: 46.1,
      note: expect.stringMatching(/reported jointly by .*E50000008/),
    });
    expect(rows.find((r) => r.areacd === "E50000008")).toMatchObject({
      band: "not-compared",
      reason: expect.stringMatching(/joint waste partnership: .*Cambridge and South Cambridgeshire/),
    });
  });

  it("the same rule holds in 2023-24: the partnership's members and Buckinghamshire are compared", () => {
    const rows = benchmarks.score(benchmarks.metric("household-waste-recycling-rate"), "2023-24");
    const at = (code: string) => rows.find((r) => r.areacd === code);
    expect(at("E07000008")).toMatchObject({ value: 48.6 });
    expect(at("E07000012")).toMatchObject({ value: 48.6 });
    expect(at("E06000060")).toMatchObject({ value: 51.1, note: expect.stringMatching(/E10000002/) });
    for (const code of ["E07000008", "E07000012", "E06000060"]) expect(at(code)!.score).not.toBeNull();
  });

  it("says in the caveats how joint partnerships are counted", () => {
    for (const id of Object.values(LADE_NAMES)) {
      const m = findMetric(id)!;
      expect(m.population.description).toMatch(/joint collection partnership each count once/);
      expect(m.caveats.join(" ")).toMatch(
        /Cambridge and South Cambridgeshire report jointly .* each counts once/,
      );
    }
  });
});

it("cli score --council Buckinghamshire compares it as a unitary since 2020", async () => {
  const { text } = await run([
    "score",
    "--metric",
    "household-waste-recycling-rate",
    "--period",
    "2021-22",
    "--council",
    "Buckinghamshire",
  ]);
  const [row] = csvParse(text);
  expect(row).toMatchObject({ areacd: "E06000060", value: "49.2" });
  expect(row.band).not.toBe("not-compared");
  expect(row.mad_score).not.toBe("");
});

it("periods start on the day councils change: 1 April for financial years", () => {
  expect(periodStart("2020-21")).toBe("2020-04-01");
  expect(periodStart("YE2025-03")).toBe("2024-04-01");
  expect(periodStart("YE2024-12")).toBe("2024-01-01");
  expect(periodStart("Q3")).toBeUndefined();
});
