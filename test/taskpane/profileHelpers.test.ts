// The profile's pure helpers: council search, chart scales, palette contrast, number words, the charts'
// text alternatives and the numbers behind them.
import { describe, expect, it } from "vitest";
import { BANDS } from "../../src/core/band.js";
import { councilProfile } from "../../src/core/profile.js";
import { codeOfOption, exactCouncil, searchCouncils } from "../../src/taskpane/profile/councilSearch.js";
import { distributionOf, trendOf } from "../../src/taskpane/profile/distribution.js";
import { formatValue, trendArrow } from "../../src/taskpane/profile/format.js";
import { browserMemory, MEMORY_KEY, parseRemembered } from "../../src/taskpane/profile/memory.js";
import { BAND_SWATCHES, CHART, contrast } from "../../src/taskpane/profile/palette.js";
import {
  clamp,
  extent,
  jitter,
  linePath,
  linearScale,
  robustExtent,
  stripScale,
  ticks,
  trendScale,
} from "../../src/taskpane/profile/scales.js";
import { rankPhrase, stripSummary, trendSummary } from "../../src/taskpane/profile/textAlternatives.js";
import { shippedBenchmarks } from "../excel/shipped.js";

const benchmarks = shippedBenchmarks();
const directory = benchmarks.directory;
const texts = (q: string) => searchCouncils(directory, q).map((o) => o.text);

describe("council search", () => {
  it("offers every current council, and only current ones, when nothing is typed", () => {
    const all = searchCouncils(directory, "");
    expect(all.length).toBe(directory.all().length);
    expect(new Set(all.map((o) => o.value)).size).toBe(all.length);
  });

  it("finds by name, start of a word, former name and code, best first", () => {
    expect(texts("West Suff")[0]).toBe("West Suffolk");
    expect(texts("suffolk")).toEqual(
      expect.arrayContaining(["Suffolk", "West Suffolk", "East Suffolk", "Mid Suffolk"]),
    );
    expect(texts("suffolk")[0]).toBe("Suffolk");
    expect(texts("St Edmundsbury")).toEqual(["West Suffolk (formerly St Edmundsbury)"]);
    expect(texts("forest heath")).toEqual(["West Suffolk (formerly Forest Heath)"]);
    expect(texts("e07000245")).toEqual(["West Suffolk"]);
    expect(searchCouncils(directory, "St Edmundsbury").map((o) => codeOfOption(o.value))).toEqual([
      "E07000245",
    ]);
  });

  it("finds a council by its other names (mySociety alt-names)", () => {
    expect(texts("Shepway District Council")).toContain("Folkestone and Hythe");
    expect(exactCouncil(directory, "St Edmundsbury")?.code).toBe("E07000245");
    expect(exactCouncil(directory, "Cumbria")).toBeUndefined(); // two successors: the user chooses
  });
});

describe("scales", () => {
  it("maps linearly, and flips the strip chart for lower-is-better so better is always right", () => {
    const x = linearScale([0, 10], [0, 100]);
    expect(x(5)).toBe(50);
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
    expect(stripScale([0, 10], 10, 110, "higher")(10)).toBe(110);
    expect(stripScale([0, 10], 10, 110, "lower")(0)).toBe(110);
    expect(stripScale([0, 10], 10, 110, "none")(0)).toBe(10);
    expect(trendScale([0, 10], 0, 100, "higher")(10)).toBe(0); // better up
    expect(trendScale([0, 10], 0, 100, "lower")(0)).toBe(0);
  });

  it("finds extents, round ticks, stable jitter and broken lines", () => {
    expect(extent([3, null, 1, 7])).toEqual([1, 7]);
    expect(extent([5, 5])).toEqual([4.75, 5.25]);
    expect(extent([null])).toBeUndefined();
    // A few extreme councils do not squeeze the rest into a corner; the values that must show still do.
    const values = [...Array.from({ length: 98 }, (_, i) => i), 5000, 9000];
    expect(robustExtent(values, [])).toEqual([2, 97]);
    expect(robustExtent(values, [9000, -1])).toEqual([-1, 9000]);
    expect(clamp(120, 0, 100)).toBe(100);
    expect(ticks(0, 100, 4)).toEqual([0, 20, 40, 60, 80, 100]); // as d3.ticks
    expect(ticks(37.1, 57.2, 4)).toEqual([40, 45, 50, 55]);
    expect(Math.abs(jitter(3, 10))).toBeLessThanOrEqual(5);
    expect(jitter(3, 10)).toBe(jitter(3, 10));
    expect(linePath([{ x: 0, y: 1 }, { x: 2, y: 3 }, null, { x: 4, y: 5 }])).toBe("M0 1 L2 3 M4 5");
  });
});

describe("palette", () => {
  it("gives every band text a contrast of at least 4.5:1, and chart marks at least 3:1 on white", () => {
    for (const [band, s] of Object.entries(BAND_SWATCHES))
      expect(contrast(s.foreground, s.background), band).toBeGreaterThanOrEqual(4.5);
    for (const key of ["other", "group", "median", "groupMedian", "england", "council", "axis"] as const)
      expect(contrast(CHART[key], "#ffffff"), key).toBeGreaterThanOrEqual(3);
    expect(contrast(CHART.text, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });

  it("colours better and worse differently from no-polarity bands", () => {
    const judged = new Set(
      BANDS.judged.filter((b) => b !== "similar").map((b) => BAND_SWATCHES[b].background),
    );
    for (const b of BANDS.neutral.filter((x) => x !== "similar"))
      expect(judged.has(BAND_SWATCHES[b].background), b).toBe(false);
  });
});

describe("numbers in words", () => {
  it("formats with the metric's decimals and its unit", () => {
    expect(formatValue(37.1, "household-waste-recycling-rate", "percent")).toBe("37.1%");
    expect(formatValue(5516, "unallocated-reserves", "GBP thousand")).toBe("£5,516k");
    expect(formatValue(506, "residual-household-waste-per-household", "kg per household")).toBe(
      "506.0 kg per household",
    );
    expect(formatValue(6, "a-roads-maintenance-should-be-considered", "percent of road length")).toBe(
      "6% of road length",
    );
    expect(formatValue(null, "ASC1", "score")).toBe("no value");
    expect(trendArrow("improving")).toBe("↗");
    expect(trendArrow(null)).toBe("");
  });
});

describe("the charts' numbers and words", () => {
  const ws = directory.find("West Suffolk")!;
  const profile = councilProfile(benchmarks, "West Suffolk", { group: "nearest" });
  const recycling = profile.rows.find((r) => r.metric === "household-waste-recycling-rate")!;

  it("places every council compared, the median, MAD and group", () => {
    const d = distributionOf(benchmarks, recycling.metric, recycling.period, ws, "nearest")!;
    expect(d.points.length).toBe(
      benchmarks.score(benchmarks.metric(recycling.metric), "2023-24").filter((r) => r.score !== null).length,
    );
    expect(d.median).toBe(recycling.englandMedian);
    expect(d.groupMedian).toBe(recycling.groupMedian);
    expect(d.mine?.value).toBe(37.1);
    expect(d.points.filter((p) => p.inGroup).length).toBe(recycling.compared);
    // Memoised: the list and the detail share one computation.
    expect(distributionOf(benchmarks, recycling.metric, recycling.period, ws, "nearest")).toBe(d);
    expect(stripSummary(recycling, "West Suffolk", d, true)).toBe(
      "West Suffolk 37.1%, England median 42.3%, group median 49.5%, 15 of 16 in the group",
    );
    expect(rankPhrase(recycling, false)).toBe("15 of 16 councils compared");
  });

  it("compares a district's finance ratio among districts only", () => {
    const row = profile.rows.find((r) => r.metric === "non-ringfenced-reserves-pct-net-revenue-expenditure")!;
    const d = distributionOf(benchmarks, row.metric, row.period, ws)!;
    expect(d.points.every((p) => p.code.startsWith("E07"))).toBe(true);
  });

  it("has no distribution where the council is not compared", () => {
    const asc = profile.rows.find((r) => r.metric === "ASC1")!;
    expect(distributionOf(benchmarks, asc.metric, asc.period, ws)).toBeUndefined();
    expect(distributionOf(benchmarks, "unallocated-reserves", "2023-24", ws)).toBeUndefined();
  });

  it("follows the council over every period with the group's and England's medians", () => {
    const trend = trendOf(benchmarks, recycling.metric, ws, "nearest");
    expect(trend.at(-1)).toEqual({
      period: "2023-24",
      value: 37.1,
      groupMedian: recycling.groupMedian,
      englandMedian: recycling.englandMedian,
    });
    // Before West Suffolk existed (April 2019) it has no value of its own.
    expect(trend.find((p) => p.period === "2015-16")?.value ?? null).toBeNull();
    expect(trendSummary(recycling, "West Suffolk", trend, true)).toMatch(
      /^West Suffolk [\d.]+% in 20\d\d-\d\d, 37\.1% in 2023-24; group median 49\.5%, England median 42\.3% in 2023-24$/,
    );
  });
});

describe("remembering my council", () => {
  it("reads back only a well-formed choice", () => {
    expect(parseRemembered({ council: "E07000245", group: "nearest" })).toEqual({
      council: "E07000245",
      group: "nearest",
    });
    expect(parseRemembered('{"council":"E07000245"}')).toEqual({ council: "E07000245", group: "" });
    expect(parseRemembered("not json")).toBeUndefined();
    expect(parseRemembered({ group: "x" })).toBeUndefined();
    expect(parseRemembered(null)).toBeUndefined();
  });

  it("keeps it in the browser's storage on the preview page", async () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    } as unknown as Storage;
    const memory = browserMemory(() => storage);
    expect(await memory.load()).toBeUndefined();
    await memory.save({ council: "E10000029", group: "" });
    expect(JSON.parse(store.get(MEMORY_KEY)!)).toEqual({ council: "E10000029", group: "" });
    expect(await memory.load()).toEqual({ council: "E10000029", group: "" });
    expect(await browserMemory(() => undefined).load()).toBeUndefined();
  });
});
