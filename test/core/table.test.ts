// benchmarkTable over the shipped data, checked against the published CSV read independently.
import { describe, expect, it } from "vitest";
import { median as independentMedian } from "simple-statistics";
import { Benchmarks, NotFound } from "../../src/core/benchmarks.js";
import { Dataset } from "../../src/core/dataset.js";
import { LIVE_ROW_LIMIT } from "../../src/core/formulas.js";
import type { Observation } from "../../src/core/model.js";
import { benchmarkTable, COMPARED_AMONG, TABLE_COLUMN_NAMES } from "../../src/core/table.js";
import { shippedBenchmarks, wasteAsCompared } from "../excel/shipped.js";

const benchmarks = shippedBenchmarks();
const RECYCLING = "household-waste-recycling-rate";
const col = (name: (typeof TABLE_COLUMN_NAMES)[number]) => TABLE_COLUMN_NAMES.indexOf(name);

describe("benchmarkTable", () => {
  const table = benchmarkTable(benchmarks, { metric: RECYCLING, period: "latest" });

  it("has the ten columns, text columns formatted as text and values in the metric's format", () => {
    expect(table.columns.map((c) => c.name)).toEqual([...TABLE_COLUMN_NAMES]);
    for (const name of ["Council code", "Council", "Period", "Band", "Note"] as const) {
      expect(table.columns[col(name)]).toMatchObject({ kind: "text", numberFormat: "@" });
    }
    expect(table.columns[col("Value")]).toMatchObject({ kind: "number", numberFormat: "0.0" });
    expect(table.columns[col("Outlier")].kind).toBe("boolean");
  });

  it("keeps one row per council in the published file, with its published value", () => {
    const published = wasteAsCompared(`waste/${RECYCLING}.csv`, "2023-24");
    expect(table.rows).toHaveLength(published.size);
    for (const row of table.rows) {
      expect(row[col("Period")]).toBe("2023-24");
      expect(published.get(row[col("Council code")] as string)).toBe(row[col("Value")]);
    }
    const westSuffolk = table.rows.find((r) => r[col("Council code")] === "E07000245")!;
    expect(westSuffolk[col("Council")]).toBe("West Suffolk");
    expect(westSuffolk[col("Value")]).toBe(37.1);
  });

  it("scores compared councils against the median of the compared values; others say why not", () => {
    const compared = table.rows.filter((r) => r[col("Band")] !== "not-compared");
    const values = compared.map((r) => r[col("Value")]).filter((v): v is number => typeof v === "number");
    expect(compared[0][col("Median")]).toBeCloseTo(independentMedian(values), 10);
    const county = table.rows.find((r) => r[col("Council code")] === "E10000029")!; // Suffolk
    expect(county[col("Band")]).toBe("not-compared");
    expect(county[col("MAD score")]).toBeNull();
    expect(county[col("Note")]).toMatch(/not compared/);
    const bristol = table.rows.find((r) => r[col("Council code")] === "E06000023")!;
    expect([bristol[col("Value")], bristol[col("Band")]]).toEqual([null, "missing"]);
  });

  it("names the metric, its caveats and its publisher", () => {
    expect(table.title).toMatch(/household waste.*latest period/i);
    expect(table.caveats.length).toBeGreaterThan(0);
    expect(table.attribution).toMatch(/^Source: Department for Environment, Food & Rural Affairs/);
    expect(table.attribution).not.toMatch(/\.\.$/);
  });

  it("lists every period oldest first for period 'all'", () => {
    const all = benchmarkTable(benchmarks, { metric: RECYCLING, period: "all" });
    const periods = [...new Set(all.rows.map((r) => r[col("Period")]))];
    expect(periods).toEqual(benchmarks.data.periods(RECYCLING));
    expect(periods[0]).toBe("2010-11");
    expect(all.title).toMatch(/all periods/);
  });

  it("reads a period as users write it and shows it with its label", () => {
    const t = benchmarkTable(benchmarks, { metric: RECYCLING, period: "2019/20" });
    expect(new Set(t.rows.map((r) => r[col("Period")]))).toEqual(new Set(["2019-20"]));
    expect(t.title).toMatch(/2019-20$/);
  });

  it("narrows scoring to a comparator group but keeps every row", () => {
    const t = benchmarkTable(benchmarks, {
      metric: RECYCLING,
      period: "2023-24",
      group: { council: "West Suffolk", kind: "nearest" },
    });
    expect(t.rows).toHaveLength(table.rows.length);
    const outside = t.rows.filter((r) => r[col("Note")] === "not in the comparator group");
    const scored = t.rows.filter((r) => typeof r[col("MAD score")] === "number");
    expect(scored.length).toBeGreaterThan(5);
    expect(scored.length).toBeLessThan(30);
    expect(outside.length + scored.length).toBeLessThanOrEqual(t.rows.length);
    expect(t.title).toMatch(/compared within CIPFA nearest neighbours of West Suffolk/);
  });

  it("throws NotFound naming what is unknown", () => {
    expect(() => benchmarkTable(benchmarks, { metric: "no-such-metric", period: "latest" })).toThrow(
      NotFound,
    );
    expect(() => benchmarkTable(benchmarks, { metric: RECYCLING, period: "1999-00" })).toThrow(/1999-00/);
    expect(() =>
      benchmarkTable(benchmarks, {
        metric: RECYCLING,
        period: "latest",
        group: { council: "Atlantis", kind: "tier" },
      }),
    ).toThrow(/Atlantis/);
  });
});

describe("benchmarkTable with live scores", () => {
  const live = benchmarkTable(benchmarks, { metric: RECYCLING, period: "latest", live: true });
  const names = live.columns.map((c) => c.name);

  it("adds the comparison each row is scored among, and asks for formulas and a chart", () => {
    expect(names).toEqual([...TABLE_COLUMN_NAMES, COMPARED_AMONG]);
    // A formula typed into a text-formatted cell stays text, so the Band column is General.
    expect(live.columns[names.indexOf("Band")].numberFormat).toBe("General");
    expect(live.formulas).toEqual({ polarity: "higher" });
    expect(live.chart?.title).toMatch(/^MAD scores: /);
    const among = new Set(live.rows.map((r) => r[names.indexOf(COMPARED_AMONG)]));
    // Not compared (a county, for a district service) is "", the rest a population set's name.
    expect(among.has("")).toBe(true);
    expect([...among].every((s) => s === "" || /\w/.test(String(s)))).toBe(true);
    // The rows are the plain table's rows, with the comparison added.
    const plain = benchmarkTable(benchmarks, { metric: RECYCLING, period: "latest" });
    expect(live.rows.map((r) => r.slice(0, TABLE_COLUMN_NAMES.length))).toEqual(plain.rows);
  });

  it(`writes values instead, with a caveat saying why, past ${LIVE_ROW_LIMIT.toLocaleString("en-GB")} rows`, () => {
    const many: Observation[] = [];
    for (let c = 0; c <= LIVE_ROW_LIMIT; c++)
      many.push({
        metric: "made-up",
        period: "2023-24",
        areacd: `E99${String(c).padStart(6, "0")}`,
        areanm: `Council ${c}`,
        value: c,
      });
    const big = new Benchmarks(new Dataset(many), benchmarks.directory, benchmarks.nearest);
    const t = benchmarkTable(big, { metric: "made-up", period: "latest", live: true });
    expect(t.rows).toHaveLength(LIVE_ROW_LIMIT + 1);
    expect(t.formulas).toBeUndefined();
    expect(t.chart).toBeUndefined();
    expect(t.columns.map((c) => c.name)).toContain(COMPARED_AMONG);
    expect(t.caveats.at(-1)).toMatch(/values, not formulas: tables of more than 3,000 rows/);
  });
});
