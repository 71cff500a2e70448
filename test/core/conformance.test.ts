// Every published LADE adult social care score and median (ASC1–ASC7), reproduced from the values alone:
// by the statistics, by the parser and scoring, and by the library over the shipped default snapshot.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { benchmarksFromFiles, findMetric, madScores, median } from "../../src/core/index.js";
import { parseLade } from "../../src/core/parsers/index.js";
import { scoreObservations } from "../../src/core/scoring.js";
import { SHIPPED_FILES } from "../../src/sources/shipped.js";
import {
  expectClose,
  LADE_FILES,
  ladeGroups,
  ladeRows,
  ladeText,
  num,
  PUBLISHED_SCORES,
  TOLERANCE,
} from "../support/lade.js";
import { repoRoot } from "../support/paths.js";

const shipped = () => {
  const read = (p: string) => readFileSync(`${repoRoot}/${p}`, "utf8");
  return benchmarksFromFiles({
    snapshot: read(SHIPPED_FILES.snapshot),
    councils: read(SHIPPED_FILES.councils),
    nearest: read(SHIPPED_FILES.nearest),
  });
};

describe.each(LADE_FILES)("LADE conformance (%s)", (file) => {
  const published = PUBLISHED_SCORES[file];
  const close = (actual: unknown, want: number) => expectClose(actual, want, TOLERANCE[file]);

  it(`reproduces all ${published} published scores and every median with madScores and median`, () => {
    let scores = 0;
    for (const group of ladeGroups(file)) {
      const values = group.map((r) => num(r["Value"]));
      const ours = madScores(values);
      const m = median(values);
      group.forEach((r, i) => {
        const score = num(r["MADs_from_median"]);
        if (values[i] === null) {
          expect(score).toBeNull();
          expect(ours[i]).toBeNull();
          return;
        }
        close(ours[i], score as number);
        close(m, num(r["MEDIAN"]) as number);
        scores++;
      });
    }
    expect(scores).toBe(published);
  });

  it("gives the same scores through the LADE parser and scoreObservations, with bands from rank_order", () => {
    const rows = ladeRows(file);
    const parsed = parseLade(ladeText(file));
    const polarity = new Map(parsed.metrics.map((m) => [m.code, m.polarity ?? "none"]));
    const scored = scoreObservations(parsed.observations, { polarity: (m) => polarity.get(m)! });
    expect(scored).toHaveLength(rows.length);
    let compared = 0;
    scored.forEach((s, i) => {
      const score = num(rows[i]["MADs_from_median"]);
      if (score === null) return expect(s.band).toBe("missing");
      close(s.score, score);
      close(s.median, num(rows[i]["MEDIAN"]) as number);
      // rank_order DESC: ≥ 3 reads "much-better"; None: neutral words, never "better" or "worse".
      const order = rows[i]["rank_order"]?.toLowerCase();
      if (order === "desc" && score >= 3) expect(s.band).toBe("much-better");
      if (order === "desc" && score < -3) expect(s.band).toBe("much-worse");
      if (order === "none") expect(s.band).not.toMatch(/better|worse/);
      compared++;
    });
    expect(compared).toBe(published);
  });

  it("gives the same scores from the shipped default snapshot, among upper-tier councils", () => {
    const benchmarks = shipped();
    let compared = 0;
    for (const group of ladeGroups(file)) {
      const metric = benchmarks.metric(group[0]["Code"]!);
      const rows = benchmarks.score(metric, group[0]["Financial year"]!);
      const byCode = new Map(rows.map((r) => [r.areacd, r]));
      expect(rows.filter((r) => r.value !== null)).toHaveLength(
        group.filter((r) => num(r["Value"]) !== null).length,
      );
      for (const r of group) {
        const score = num(r["MADs_from_median"]);
        const ours = byCode.get(r["Local authority code"]!);
        expect(ours, `${r["Local authority name"]} ${r["Code"]} ${r["Financial year"]}`).toBeDefined();
        if (score === null) {
          expect(ours!.score).toBeNull();
          continue;
        }
        close(ours!.score, score);
        compared++;
      }
    }
    expect(compared).toBe(published);
  });
});

it("ASC5–ASC7 carry LADE's own definitions and polarity", () => {
  const benchmarks = shipped();
  const asc = (id: string) => benchmarks.metric(id);
  expect(asc("ASC5")).toMatchObject({
    name: "Outcome of short-term services: sequel to service",
    polarity: "higher",
    unit: "percent",
  });
  expect(asc("ASC6")).toMatchObject({ name: "Requests resulting in a service", polarity: "none" });
  expect(asc("ASC7")).toMatchObject({ name: "Workforce turnover rate", polarity: "none", unit: "percent" });
  // LADE has ASC7 values for about 110 of 152 councils a year before 2022-23: the caveat says so.
  expect(findMetric("ASC7")!.caveats.join(" ")).toMatch(/Many councils have no value in 2016-17/);
  // Every period of the file: 2015-16 to 2022-23, and ASC7 from 2016-17.
  expect(benchmarks.data.periods("ASC5")).toHaveLength(8);
  expect(benchmarks.data.periods("ASC6")).toHaveLength(8);
  expect(benchmarks.data.periods("ASC7")).toEqual([
    "2016-17",
    "2017-18",
    "2018-19",
    "2019-20",
    "2020-21",
    "2021-22",
    "2022-23",
  ]);
});
