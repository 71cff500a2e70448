// The council profile: worked out here from the published files for West Suffolk and Suffolk, and the
// CLI and BENCH.PROFILE / BENCH.RANK giving the same ranks, scores and bands as the core.
import { csvParse } from "d3-dsv";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/run.js";
import { Benchmarks } from "../../src/core/benchmarks.js";
import { councilProfile, rankText, SMALL_COMPARISON } from "../../src/core/profile.js";
import { PROFILE_COLUMNS } from "../../src/core/profileTable.js";
import { useBenchmarks } from "../../src/functions/data.js";
import { excel, installCustomFunctions } from "../functions/excel.js";
import { shippedBenchmarks, wasteAsCompared } from "../excel/shipped.js";

const benchmarks = shippedBenchmarks();
const RECYCLING = "household-waste-recycling-rate";
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

beforeAll(() => {
  installCustomFunctions();
  useBenchmarks(benchmarks);
});
afterAll(() => {
  useBenchmarks();
  vi.unstubAllGlobals();
});

describe("West Suffolk among its CIPFA nearest neighbours", () => {
  const profile = councilProfile(benchmarks, "West Suffolk", { group: "nearest" });
  const row = (id: string) => profile.rows.find((r) => r.metric === id)!;

  it("ranks the recycling rate among the group's councils with a value, 1 = highest rate", () => {
    // By hand: the group's members' published 2023-24 rates; West Suffolk's rank is 1 + those above 37.1.
    const members = new Set(benchmarks.group("West Suffolk", "nearest").members);
    const published = wasteAsCompared(`waste/${RECYCLING}.csv`, "2023-24");
    const values = [...published].filter(([code, v]) => members.has(code) && v !== null).map(([, v]) => v!);
    const r = row(RECYCLING);
    expect(r).toMatchObject({ period: "2023-24", value: 37.1, compared: values.length });
    expect(r.rank).toBe(1 + values.filter((v) => v > 37.1).length);
    expect(r.groupMedian).toBe(median(values));
    // Quartile from the rank: ranks 13–16 of 16 are the bottom quarter.
    expect(r.quartile).toBe(Math.min(4, Math.floor((4 * (r.rank! - 1)) / values.length) + 1));
    expect(rankText(r)).toBe(`${r.rank} of ${values.length}`);
    expect(r.learnFrom).toHaveLength(3);
    expect(r.learnFrom.every((l) => l.value > 37.1 && l.code !== "E07000245")).toBe(true);
  });

  it("ranks lower-is-better metrics with the lowest first, and gives no rank without polarity", () => {
    const residual = row("residual-household-waste-per-household");
    const members = new Set(benchmarks.group("West Suffolk", "nearest").members);
    const values = [...wasteAsCompared("waste/residual-household-waste-per-household.csv", "2023-24")]
      .filter(([code, v]) => members.has(code) && v !== null)
      .map(([, v]) => v!);
    expect(residual.rank).toBe(1 + values.filter((v) => v < residual.value!).length);
    const context = row("net-revenue-expenditure");
    expect([context.rank, context.quartile, context.learnFrom]).toEqual([null, null, []]);
  });

  it("says not applicable for services a district does not provide, with no score", () => {
    for (const r of profile.rows.filter((x) => x.domain === "adult-social-care" || x.domain === "roads")) {
      expect(r.flags).toEqual(["not-applicable"]);
      expect([r.score, r.groupScore, r.rank]).toEqual([null, null, null]);
      expect(rankText(r)).toBe("not applicable");
    }
  });
});

describe("Suffolk (a county)", () => {
  it("gets not applicable for the waste collection metrics, and no score for them", () => {
    const profile = councilProfile(benchmarks, "Suffolk", { group: "nearest" });
    for (const id of [RECYCLING, "residual-household-waste-per-household", "recycling-contamination-rate"]) {
      const r = profile.rows.find((x) => x.metric === id)!;
      expect(r.flags).toContain("not-applicable");
      expect(r.score).toBeNull();
      expect(r.note).toMatch(/county waste disposal authority/);
    }
  });
});

it(`flags a comparison of fewer than ${SMALL_COMPARISON} councils with data`, () => {
  const small = new Benchmarks(
    benchmarks.data,
    benchmarks.directory,
    benchmarks.nearest,
    [{ name: "Suffolk pair", members: ["West Suffolk", "Ipswich", "Babergh"] }],
    true,
  );
  const r = councilProfile(small, "West Suffolk", { group: "Suffolk pair" }).rows.find(
    (x) => x.metric === RECYCLING,
  )!;
  // Babergh has no waste figures of its own (Defra lists Mid Suffolk and Babergh under Mid Suffolk): 2.
  expect(r.compared).toBe(2);
  expect(r.flags).toContain("small-comparison");
});

it("early warning: much worse, or worse in each of three periods running", () => {
  for (const r of councilProfile(benchmarks, "Suffolk").rows) {
    if (r.band === "much-worse") expect(r.flags).toContain("early-warning");
    if (!r.flags.includes("early-warning")) expect(r.band).not.toBe("much-worse");
  }
});

describe("the CLI and the functions give the same rows as the core", () => {
  const core = councilProfile(benchmarks, "West Suffolk", { group: "nearest" }).rows;

  it("cli profile --council 'West Suffolk' --group nearest", async () => {
    const { text } = await run(["profile", "--council", "West Suffolk", "--group", "nearest"]);
    const rows = csvParse(text);
    for (const col of [
      "metric",
      "metric_name",
      "period",
      "value",
      "score",
      "group_score",
      "band",
      "rank",
      "compared",
      "trend",
      "flags",
    ])
      expect(rows.columns).toContain(col);
    expect(rows.map((r) => r.metric)).toEqual(core.map((r) => r.metric));
    rows.forEach((r, i) => {
      const c = core[i];
      expect([r.rank, r.band, r.compared]).toEqual([
        c.rank === null ? "" : String(c.rank),
        c.band,
        String(c.compared),
      ]);
      expect(r.score === "" ? null : Number(r.score)).toBe(c.score);
      expect(r.group_score === "" ? null : Number(r.group_score)).toBe(c.groupScore);
    });
  });

  it("BENCH.PROFILE spills a header and the same ranks, scores and bands; BENCH.RANK gives '5 of 16' text", async () => {
    const spill = (await excel("PROFILE", "West Suffolk", "nearest", null)) as unknown[][];
    expect(spill[0]).toEqual(PROFILE_COLUMNS.map((c) => c.name));
    const at = (name: string) => spill[0].indexOf(name);
    spill.slice(1).forEach((r, i) => {
      expect(r[at("Metric")]).toBe(core[i].metricName);
      expect(r[at("Rank")]).toBe(rankText(core[i]));
      expect(r[at("MAD score")]).toBe(core[i].score ?? "");
      expect(r[at("Group score")]).toBe(core[i].groupScore ?? "");
    });
    const recycling = core.find((r) => r.metric === RECYCLING)!;
    expect(await excel("RANK", "West Suffolk", RECYCLING, "nearest", null)).toBe(
      `${recycling.rank} of ${recycling.compared}`,
    );
    const notApplicable = (await excel("RANK", "West Suffolk", "ASC3", null, null)) as {
      code: string;
      message: string;
    };
    expect(notApplicable.message).toMatch(/not applicable/);
  });
});

it("reads the trend against the MAD of the council's own comparison (districts among districts for finance)", () => {
  // Every tenth council of the reference, districts, counties and single-tier councils alike.
  const councils = benchmarks.directory
    .all()
    .filter((_, i) => i % 10 === 0)
    .map((c) => c.code);
  for (const council of councils) {
    for (const r of councilProfile(benchmarks, council).rows) {
      if (r.trend === null) continue;
      const metric = benchmarks.metric(r.metric);
      const [first, , last] = r.trendPeriods;
      const valueIn = (p: string) =>
        benchmarks.row(benchmarks.council(council), benchmarks.score(metric, p))!;
      // Half the MAD among the councils compared with this one in the latest of the three periods; a
      // context figure is compared with no one (no MAD), so no change can be called clear.
      const mad = valueIn(last).mad;
      if (mad === null) {
        expect(r.trend).toBe("no clear change");
        continue;
      }
      const threshold = 0.5 * mad;
      const sign = r.polarity === "lower" ? -1 : 1;
      const change = sign * (valueIn(last).value! - valueIn(first).value!);
      const expected =
        Math.abs(change) < threshold
          ? "no clear change"
          : r.polarity === "none"
            ? change > 0
              ? "increasing"
              : "decreasing"
            : change > 0
              ? "improving"
              : "worsening";
      expect(r.trend, `${council} ${r.metric}`).toBe(expected);
    }
  }
});
