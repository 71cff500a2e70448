// Issue 13: the CLI's scores from the shipped snapshot equal the LADE method applied, independently here,
// to the published files in ../shared/data over each metric's comparison population.
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { sharedFile } from "../support/paths.js";

function naiveMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Expected score per council code: the population's values, their median and MAD, by sorting. */
function expectedScores(
  rows: { code: string; value: number | null }[],
  inPopulation: (code: string) => string | null,
) {
  const sets = new Map<string, number[]>();
  for (const r of rows) {
    const set = inPopulation(r.code);
    if (set !== null && r.value !== null) sets.set(set, [...(sets.get(set) ?? []), r.value]);
  }
  const stats = new Map(
    [...sets].map(([k, xs]) => {
      const m = naiveMedian(xs);
      return [k, { median: m, mad: naiveMedian(xs.map((x) => Math.abs(x - m))) }];
    }),
  );
  return new Map(
    rows.map((r) => {
      const set = inPopulation(r.code);
      const s = set === null ? undefined : stats.get(set);
      return [r.code, r.value === null || !s || s.mad === 0 ? null : (r.value - s.median) / s.mad];
    }),
  );
}

const tidyRows = (file: string, period: string) =>
  csvParse(readFileSync(sharedFile(file), "utf8"))
    .filter((r) => r.period === period)
    .map((r) => ({ code: r.areacd!, value: r.value === "" ? null : Number(r.value) }));

const prefixIn = (prefixes: string[]) => (code: string) =>
  prefixes.includes(code.slice(0, 3)) ? "all" : null;

async function cliScores(metric: string, period: string) {
  const { text } = await run(["score", "--metric", metric, "--period", period]);
  const rows = csvParse(text);
  expect(rows.columns).toEqual([
    "metric",
    "period",
    "areacd",
    "areanm",
    "value",
    "median",
    "mad",
    "mad_score",
    "band",
    "outlier",
    "note",
  ]);
  return rows;
}

async function expectSameScores(
  metric: string,
  period: string,
  rows: ReturnType<typeof tidyRows>,
  place: (c: string) => string | null,
) {
  const expected = expectedScores(rows, place);
  const out = await cliScores(metric, period);
  expect(new Set(out.map((r) => r.areacd))).toEqual(new Set(rows.map((r) => r.code)));
  let scored = 0;
  for (const r of out) {
    const want = expected.get(r.areacd!);
    if (want === null || want === undefined) {
      expect(r.mad_score, `${r.areacd} must have no score`).toBe("");
      if (place(r.areacd!) === null) expect([r.band, r.median, r.mad]).toEqual(["not-compared", "", ""]);
      continue;
    }
    expect(Math.abs(Number(r.mad_score) - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
    scored++;
  }
  expect(scored).toBeGreaterThan(20);
  return scored;
}

describe("cli score --metric over the shipped snapshot (all six domains)", () => {
  it("waste: collection authorities that year; counties (E10) and joint authorities (E50) shown, not compared", async () => {
    // LADE's rule applied by hand to Defra's rows: Buckinghamshire Council (a unitary since April 2020) is
    // filed under the old county code E10000002; Cambridge and South Cambridgeshire report jointly as
    // E50000008, so each takes its value and the partnership itself is not compared.
    const published = tidyRows("waste/household-waste-recycling-rate.csv", "2023-24");
    const joint = published.find((r) => r.code === "E50000008")!.value;
    const rows = [
      ...published.map((r) => (r.code === "E10000002" ? { ...r, code: "E06000060" } : r)),
      { code: "E07000008", value: joint },
      { code: "E07000012", value: joint },
    ];
    const collection = (code: string) =>
      ["E06", "E07", "E08", "E09"].includes(code.slice(0, 3)) ? "all" : null;
    const scored = await expectSameScores("household-waste-recycling-rate", "2023-24", rows, collection);
    expect(scored).toBe(rows.filter((r) => r.value !== null && collection(r.code)).length);
    const out = await cliScores("household-waste-recycling-rate", "2023-24");
    expect(out.find((r) => r.areacd === "E10000029")?.band).toBe("not-compared"); // Suffolk County Council
    expect(out.find((r) => r.areacd === "E50000008")?.band).toBe("not-compared");
  });

  it("roads: highway authorities", async () => {
    const rows = tidyRows("roads/a-roads-maintenance-should-be-considered.csv", "2024-25");
    await expectSameScores(
      "a-roads-maintenance-should-be-considered",
      "2024-25",
      rows,
      prefixIn(["E06", "E08", "E09", "E10"]),
    );
  });

  it("planning: councils deciding applications, national parks and development corporations not scored", async () => {
    const rows = tidyRows("planning/non-major-planning-decisions-in-time.csv", "YE2025-03");
    expect(rows.some((r) => r.code.startsWith("E26"))).toBe(true);
    await expectSameScores(
      "non-major-planning-decisions-in-time",
      "YE2025-03",
      rows,
      prefixIn(["E06", "E07", "E08", "E09"]),
    );
  });

  it("finance: districts among districts, other councils among themselves", async () => {
    const rows = tidyRows("finance/non-ringfenced-reserves-pct-net-revenue-expenditure.csv", "2023-24");
    const place = (code: string) => (code.startsWith("E07") ? "districts" : "others");
    await expectSameScores("non-ringfenced-reserves-pct-net-revenue-expenditure", "2023-24", rows, place);
  });

  it("adult skills: upper-tier councils from the ONS file's rows for them", async () => {
    const els = csvParse(
      readFileSync(sharedFile("ons-els/further-education-and-skills-participation.csv"), "utf8").replace(
        /^\uFEFF/,
        "",
      ),
    );
    const wanted = (r: (typeof els)[number]) =>
      r.period === "2024-08-01/P1Y" &&
      ((r.geography === "County or Unitary Authority" && /^E(06|10)/.test(r.areacd!)) ||
        (r.geography === "Local Authority District" && /^E(08|09)/.test(r.areacd!)));
    const rows = els
      .filter(wanted)
      .map((r) => ({ code: r.areacd!, value: r.observation === "" ? null : Number(r.observation) }));
    expect(rows.length).toBeGreaterThan(140);
    await expectSameScores("further-education-and-skills-participation", "2024-25", rows, () => "all");
  });

  it("a council's row and its comparator group: West Suffolk among its CIPFA nearest neighbours", async () => {
    const { text } = await run([
      "score",
      "--metric",
      "household-waste-recycling-rate",
      "--period",
      "2023-24",
      "--council",
      "West Suffolk",
    ]);
    const [row] = csvParse(text);
    expect(row.value).toBe("37.1");
    const grouped = csvParse(
      (
        await run([
          "score",
          "--metric",
          "household-waste-recycling-rate",
          "--period",
          "2023-24",
          "--council",
          "E07000245",
          "--group",
          "nearest",
        ])
      ).text,
    );
    const neighbours: string[] = JSON.parse(
      readFileSync(sharedFile("cipfa-nearest-neighbours.json"), "utf8"),
    )["E07000245"];
    const compared = grouped.filter((r) => r.median !== "").map((r) => r.areacd);
    for (const code of compared) expect(neighbours.includes(code!) || code === "E06000066").toBe(true);
    expect(compared.length).toBeGreaterThan(10);
  });
});

describe("cli metrics", () => {
  it("lists at least 14 metrics with scored data spanning all six domains", async () => {
    const rows = csvParse((await run(["metrics"])).text);
    expect(rows.columns).toEqual([
      "id",
      "name",
      "domain",
      "unit",
      "polarity",
      "population",
      "latest_period",
      "scored_latest",
      "source",
      "licence",
    ]);
    const scored = rows.filter((r) => Number(r.scored_latest) > 0);
    expect(scored.length).toBeGreaterThanOrEqual(14);
    expect(new Set(scored.map((r) => r.domain))).toEqual(
      new Set(["adult-skills", "adult-social-care", "finance", "planning", "roads", "waste"]),
    );
    for (const r of rows) expect(["higher", "lower", "none"]).toContain(r.polarity);
    expect(rows.length).toBeGreaterThanOrEqual(25);
  });
});

describe("cli errors", () => {
  it("unknown metric and period name what exists", async () => {
    await expect(run(["score", "--metric", "no-such-metric"])).rejects.toThrow(
      /Unknown metric "no-such-metric".*household-waste-recycling-rate/,
    );
    await expect(
      run(["score", "--metric", "household-waste-recycling-rate", "--period", "1999-00"]),
    ).rejects.toThrow(/Periods: 2010-11/);
    await expect(
      run(["score", "--metric", "household-waste-recycling-rate", "--group", "nearest"]),
    ).rejects.toThrow(/--group needs --council/);
  });
});
