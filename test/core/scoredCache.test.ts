// Benchmarks keeps each period it scores, so BENCH.METRIC's thousands of lookups score a period once.
// Every answer is checked against a Benchmarks with an empty cache (a new one scores afresh), and every
// change a score depends on (rows added, other custom groups, other options) must give fresh scores.
import { describe, expect, it } from "vitest";
import { Benchmarks, NotFound, type ScoreOptions } from "../../src/core/benchmarks.js";
import { findMetric } from "../../src/core/catalogue/index.js";
import type { Metric } from "../../src/core/catalogue/types.js";
import { Dataset } from "../../src/core/dataset.js";
import type { CustomGroup, GroupKind } from "../../src/core/groups.js";
import type { Observation } from "../../src/core/model.js";
import { ScoredPeriods } from "../../src/core/scoredCache.js";
import { DataSession } from "../../src/excel/session.js";
import { shippedBenchmarks } from "../excel/shipped.js";

const RECYCLING = "household-waste-recycling-rate";
const PERIOD = "2023-24";
const WEST_SUFFOLK = "E07000245";
const shipped = shippedBenchmarks();
const recycling = shipped.metric(RECYCLING);

/** A Benchmarks over the same data with its own, empty cache: what scoring without a cache gives. */
const uncached = (b: Benchmarks, groups: readonly CustomGroup[] = b.customGroups) =>
  new Benchmarks(b.data, b.directory, b.nearest, groups, true);

/** Its own copy of the shipped rows, to change in place. */
const ownData = () =>
  new Benchmarks(new Dataset(shipped.data.all()), shipped.directory, shipped.nearest, [], true);

const districts = shipped
  .score(recycling, PERIOD)
  .filter((r) => r.score !== null && r.areacd.startsWith("E07"))
  .map((r) => r.areacd);

describe("scored periods", () => {
  it("are scored once for every council's lookup, with the answers of a fresh scoring", () => {
    const b = uncached(shipped);
    const codes = b
      .score(recycling, PERIOD)
      .map((r) => r.areacd)
      .filter((code) => b.directory.byCode(code)); // not a joint partnership's code
    expect(codes.length).toBeGreaterThan(300);
    for (const code of [...codes, ...codes]) {
      expect(b.lookup(code, RECYCLING, PERIOD)).toEqual(uncached(shipped).lookup(code, RECYCLING, PERIOD));
    }
    expect(b.scoredPeriods).toBe(1);
  });

  it("keep periods, spread options and groups apart, each as a fresh scoring gives it", () => {
    const b = uncached(shipped);
    const asked: [string, ScoreOptions][] = [
      [PERIOD, {}],
      ["2022-23", {}],
      [PERIOD, { scale: "normal" }],
      [PERIOD, { zeroFallback: "mean-ad" }],
      [PERIOD, { group: { council: WEST_SUFFOLK, kind: "nearest" } }],
      [PERIOD, { group: { council: "E07000244", kind: "nearest" } }],
      [PERIOD, { group: { council: WEST_SUFFOLK, kind: "region" } }],
      [PERIOD, { group: { council: "West Suffolk", kind: "region" } }],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [period, options] of asked) {
        expect(b.score(recycling, period, options)).toEqual(
          uncached(shipped).score(recycling, period, options),
        );
        expect(b.scoreWithSets(recycling, period, options)).toEqual(
          uncached(shipped).scoreWithSets(recycling, period, options),
        );
      }
    }
    expect(b.scoredPeriods).toBe(asked.length);
    // Not the same answer under another key: the normal-consistent MAD is 1.4826 times the raw one.
    const mad = (o: ScoreOptions) => b.lookup(WEST_SUFFOLK, RECYCLING, PERIOD, o).mad!;
    expect(mad({ scale: "normal" }) / mad({})).toBeCloseTo(1.482602218505602, 12);
  });

  it("are scored again for a metric with the same id but another polarity", () => {
    const b = uncached(shipped);
    const lower: Metric = { ...findMetric(RECYCLING)!, polarity: "lower" };
    const higher = b.lookup(WEST_SUFFOLK, RECYCLING, PERIOD);
    const asLower = b.row(b.council(WEST_SUFFOLK), b.score(lower, PERIOD))!;
    expect(asLower).toEqual(
      uncached(shipped).row(b.council(WEST_SUFFOLK), uncached(shipped).score(lower, PERIOD)),
    );
    expect(asLower.band).not.toBe(higher.band);
  });

  it("are dropped when rows are added to the data in place", () => {
    const b = ownData();
    const before = b.lookup(WEST_SUFFOLK, RECYCLING, PERIOD);
    const row = b.data.observation(RECYCLING, PERIOD, WEST_SUFFOLK)!;
    b.data.add([{ ...row, value: 90 }]);
    const after = b.lookup(WEST_SUFFOLK, RECYCLING, PERIOD);
    expect(after.value).toBe(90);
    expect(after.score).toBeGreaterThan(before.score!);
    expect(after).toEqual(uncached(b).lookup(WEST_SUFFOLK, RECYCLING, PERIOD));
    // The latest period is worked out again too.
    expect(b.period(recycling)).toBe(PERIOD);
    b.data.add([{ ...row, period: "2024-25", value: 50 }]);
    expect(b.period(recycling)).toBe("2024-25");
    expect(b.data.periods(RECYCLING).at(-1)).toBe("2024-25");
  });

  it("start empty in a new Benchmarks, as new data loaded make", async () => {
    const session = await DataSession.open({
      baseUrl: "https://addin.test/",
      loadShipped: async () => ownData(),
    });
    const before = session.benchmarks.lookup(WEST_SUFFOLK, RECYCLING, PERIOD);
    const row = session.benchmarks.data.observation(RECYCLING, PERIOD, WEST_SUFFOLK)!;
    session.add({ observations: [{ ...row, value: 12.5 }], attribution: [] }, { replace: false });
    const after = session.benchmarks.lookup(WEST_SUFFOLK, RECYCLING, PERIOD);
    expect(before.value).not.toBe(12.5);
    expect(after.value).toBe(12.5);
    expect(after.score).toBeLessThan(before.score!);
  });

  it("follow the custom groups: another group's members, or members edited in place, are scored afresh", () => {
    const mine = (members: string[]): CustomGroup[] => [{ name: "Mine", members }];
    const asked = { group: { council: WEST_SUFFOLK, kind: "mine" as GroupKind } };
    const first = mine([WEST_SUFFOLK, ...districts.slice(0, 4)]);
    const b1 = uncached(shipped, first);
    const one = b1.lookup(WEST_SUFFOLK, RECYCLING, PERIOD, asked);
    expect(one).toEqual(uncached(shipped, first).lookup(WEST_SUFFOLK, RECYCLING, PERIOD, asked));

    // The workbook's groups read again: a new Benchmarks over the same data, sharing the scored periods.
    const second = mine([WEST_SUFFOLK, ...districts.slice(10, 17)]);
    const b2 = b1.withCustomGroups(second);
    const two = b2.lookup(WEST_SUFFOLK, RECYCLING, PERIOD, asked);
    expect(two).toEqual(uncached(shipped, second).lookup(WEST_SUFFOLK, RECYCLING, PERIOD, asked));
    expect(two.median).not.toBe(one.median);
    expect(b1.lookup(WEST_SUFFOLK, RECYCLING, PERIOD, asked)).toEqual(one);

    second[0].members.push(...districts.slice(20, 30));
    const edited = b2.lookup(WEST_SUFFOLK, RECYCLING, PERIOD, asked);
    expect(edited).toEqual(uncached(shipped, second).lookup(WEST_SUFFOLK, RECYCLING, PERIOD, asked));
    expect(edited.median).not.toBe(two.median);

    // Groups gone: an error, not the scores kept from when the group existed.
    expect(() => b1.withCustomGroups([]).lookup(WEST_SUFFOLK, RECYCLING, PERIOD, asked)).toThrow(NotFound);
  });

  it("are not kept for a question that fails", () => {
    const b = uncached(shipped);
    const nowhere = { group: { council: "Atlantis", kind: "tier" as GroupKind } };
    expect(() => b.score(recycling, PERIOD, nowhere)).toThrow(NotFound);
    expect(() => b.score(recycling, PERIOD, nowhere)).toThrow(NotFound);
    expect(b.scoredPeriods).toBe(0);
  });

  it("hand out the caller's own array of frozen rows", () => {
    const b = uncached(shipped);
    const rows = b.score(recycling, PERIOD);
    const order = rows.map((r) => r.areacd);
    rows.reverse();
    expect(b.score(recycling, PERIOD).map((r) => r.areacd)).toEqual(order);
    expect(() => {
      (rows[0] as Observation).value = 1;
    }).toThrow(TypeError);
    expect(b.scoreWithSets(recycling, PERIOD)[0]).toEqual(
      uncached(shipped).scoreWithSets(recycling, PERIOD)[0],
    );
  });

  it("are bounded, the least recently used going first", () => {
    const cache = new ScoredPeriods(2);
    const metric = { polarity: "none" as const };
    const data = { version: 1 };
    const get = (key: string) => cache.get(key, data, metric, () => []);
    get("a");
    get("b");
    get("a");
    get("c"); // drops b
    expect(cache.size).toBe(2);
    get("a");
    expect(cache.computations).toBe(3);
    get("b");
    expect(cache.computations).toBe(4);
    // Other data, or the same data changed: everything goes.
    cache.get("b", { version: 1 }, metric, () => []);
    expect(cache.computations).toBe(5);
    data.version = 2;
    get("b");
    get("b");
    expect(cache.computations).toBe(6);
  });
});
