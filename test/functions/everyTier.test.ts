// Issue 13: the functions read the shipped snapshot offline, agree with the command line, and work for
// councils of every tier and domain.
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { benchmarksFromFiles } from "../../src/core/benchmarks.js";
import { useBenchmarks } from "../../src/functions/data.js";
import { repoRoot, sharedFile } from "../support/paths.js";
import { excel, installCustomFunctions } from "./excel.js";

const repoFile = (name: string) => readFileSync(`${repoRoot}/data/${name}`, "utf8");

beforeAll(() => {
  installCustomFunctions();
  useBenchmarks(
    benchmarksFromFiles({
      snapshot: repoFile("default-snapshot.json"),
      councils: repoFile("councils.json"),
      nearest: repoFile("nearest-neighbours.json"),
    }),
  );
});
afterAll(() => useBenchmarks());

/** One council of each tier and type, with a metric of a domain its tier provides. */
const CASES = [
  {
    council: "West Suffolk",
    code: "E07000245",
    metric: "household-waste-recycling-rate",
    file: "waste/household-waste-recycling-rate.csv",
  },
  {
    council: "Suffolk",
    code: "E10000029",
    metric: "a-roads-maintenance-should-be-considered",
    file: "roads/a-roads-maintenance-should-be-considered.csv",
  },
  {
    council: "Bristol, City of",
    code: "E06000023",
    metric: "bc-roads-maintenance-should-be-considered",
    file: "roads/bc-roads-maintenance-should-be-considered.csv",
  },
  {
    council: "Manchester",
    code: "E08000003",
    metric: "non-major-planning-decisions-in-time",
    file: "planning/non-major-planning-decisions-in-time.csv",
  },
  {
    council: "Camden",
    code: "E09000007",
    metric: "non-ringfenced-reserves-pct-net-revenue-expenditure",
    file: "finance/non-ringfenced-reserves-pct-net-revenue-expenditure.csv",
  },
];

describe("functions over the shipped snapshot, every tier", () => {
  it.each(CASES)("METRIC's score for $council equals the CLI's score, for the latest period", async (c) => {
    const cli = csvParse((await run(["score", "--metric", c.metric, "--council", c.code])).text)[0];
    expect(await excel("METRIC", c.council, c.metric, null, "score")).toBe(Number(cli.mad_score));
    expect(await excel("METRIC", c.council, c.metric, null, "value")).toBe(Number(cli.value));
  });

  it.each(CASES)("SERIES for $council has every published period of $metric, oldest first", async (c) => {
    const published = csvParse(readFileSync(sharedFile(c.file), "utf8")).filter((r) => r.areacd === c.code);
    const series = (await excel("SERIES", c.council, c.metric)) as unknown[][];
    expect(series.map((row) => row[1])).toEqual(
      published.map((r) => (r.value === "" ? "" : Number(r.value))),
    );
    expect(series.length).toBeGreaterThan(3);
  });

  it.each(CASES)("COMPARATORS for $council (nearest) includes the council and 15 others", async (c) => {
    const group = (await excel("COMPARATORS", c.council, "nearest")) as unknown[][];
    expect(group.map((row) => row[0])).toContain(c.code);
    expect(group.length).toBeGreaterThanOrEqual(16);
  });
});
