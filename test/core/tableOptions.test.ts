// benchmarkTable's options for my council: only the group, sorted by score, focus; and profile specs.
import { describe, expect, it } from "vitest";
import { profileTable } from "../../src/core/profileTable.js";
import { benchmarkTable, TABLE_COLUMN_NAMES, type CellValue } from "../../src/core/table.js";
import { shippedBenchmarks } from "../excel/shipped.js";

const benchmarks = shippedBenchmarks();
const col = (name: (typeof TABLE_COLUMN_NAMES)[number]) => TABLE_COLUMN_NAMES.indexOf(name);
const NEAREST = { council: "West Suffolk", kind: "nearest" };

/** Checks rows are best first (after `sign`), ties by council name, rows without a score last by name. */
function expectScoreOrder(rows: CellValue[][], sign: 1 | -1) {
  const score = (r: CellValue[]) => r[col("MAD score")] as number | null;
  const name = (r: CellValue[]) => r[col("Council")] as string;
  const firstUnscored = rows.findIndex((r) => score(r) === null);
  if (firstUnscored >= 0) expect(rows.slice(firstUnscored).every((r) => score(r) === null)).toBe(true);
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    if (score(a) !== null && score(b) !== null && score(a) !== score(b))
      expect(sign * (score(a)! - score(b)!)).toBeGreaterThan(0);
    else if (score(a) === score(b) || (score(a) === null && score(b) === null))
      expect(name(a).localeCompare(name(b), "en-GB")).toBeLessThanOrEqual(0);
  }
}

describe("benchmarkTable options", () => {
  it("keeps today's table when no option is given", () => {
    const t = benchmarkTable(benchmarks, { metric: "household-waste-recycling-rate", period: "latest" });
    expect(t.highlight).toEqual({ bandText: "id" });
    const names = t.rows.map((r) => r[col("Council")] as string);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en-GB")));
  });

  it("shows only the group's councils when asked, and needs a group for it", () => {
    const all = benchmarkTable(benchmarks, {
      metric: "household-waste-recycling-rate",
      period: "latest",
      group: NEAREST,
    });
    const only = benchmarkTable(benchmarks, {
      metric: "household-waste-recycling-rate",
      period: "latest",
      group: NEAREST,
      groupOnly: true,
    });
    const members = new Set(benchmarks.group("West Suffolk", "nearest").members);
    expect(only.rows).toEqual(all.rows.filter((r) => members.has(r[col("Council code")] as string)));
    expect(only.rows.some((r) => r[col("Note")] === "not in the comparator group")).toBe(false);
    expect(() =>
      benchmarkTable(benchmarks, {
        metric: "household-waste-recycling-rate",
        period: "latest",
        groupOnly: true,
      }),
    ).toThrow(/needs a comparator group/);
  });

  it("sorts best first after polarity: highest recycling, lowest residual waste; unscored last", () => {
    const higher = benchmarkTable(benchmarks, {
      metric: "household-waste-recycling-rate",
      period: "latest",
      sort: "score",
    });
    expectScoreOrder(higher.rows, 1);
    expect(higher.rows.at(-1)![col("MAD score")]).toBeNull();
    const lower = benchmarkTable(benchmarks, {
      metric: "residual-household-waste-per-household",
      period: "latest",
      sort: "score",
    });
    expect(benchmarks.metric("residual-household-waste-per-household").polarity).toBe("lower");
    expectScoreOrder(lower.rows, -1);
    expect(lower.title).toMatch(/best first$/);
  });

  it("sorts each period of 'all periods' on its own, oldest period first", () => {
    const t = benchmarkTable(benchmarks, { metric: "ASC1", period: "all", sort: "score" });
    const periods = t.rows.map((r) => r[col("Period")]);
    const blocks = [...new Set(periods)];
    expect(blocks.length).toBeGreaterThan(1);
    for (const p of blocks)
      expectScoreOrder(
        t.rows.filter((r) => r[col("Period")] === p),
        1,
      );
    expect(periods).toEqual(blocks.flatMap((p) => periods.filter((x) => x === p)));
  });

  it("names my council's codes for highlighting, and refuses a council it does not know", () => {
    const t = benchmarkTable(benchmarks, {
      metric: "household-waste-recycling-rate",
      period: "latest",
      focus: "west suffolk",
    });
    expect(t.highlight).toEqual({
      bandText: "id",
      focus: { council: "West Suffolk", codes: ["E07000245"] },
    });
    expect(() =>
      benchmarkTable(benchmarks, {
        metric: "household-waste-recycling-rate",
        period: "latest",
        focus: "Atlantis",
      }),
    ).toThrow(/Atlantis/);
  });

  it("gives a profile spec the council's profile, band words coloured", () => {
    const t = benchmarkTable(benchmarks, {
      metric: "profile",
      period: "latest",
      profile: { council: "E07000245" },
      group: { council: "E07000245", kind: "nearest" },
    });
    const expected = profileTable(benchmarks, "West Suffolk", { group: "nearest" });
    expect(t).toEqual({ ...expected, highlight: { bandText: "words" } });
    const inPeriod = benchmarkTable(benchmarks, {
      metric: "profile",
      period: "2022-23",
      profile: { council: "West Suffolk" },
    });
    expect(inPeriod.rows).toEqual(profileTable(benchmarks, "West Suffolk", { period: "2022-23" }).rows);
  });
});
