import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { p153PeriodOf, p153Reader } from "../../../src/core/publishers/p153.js";
import { LayoutError } from "../../../src/core/spreadsheet/table.js";
import { fixture, sharedFile } from "../../support/paths.js";

const METRIC = "non-major-planning-decisions-in-time";
const info = JSON.parse(readFileSync(sharedFile("planning", `${METRIC}.json`), "utf8")) as {
  source_commits_by_period: Record<string, { commit_date: string }>;
};
const tidy = csvParse(readFileSync(sharedFile("planning", `${METRIC}.csv`), "utf8"));
// The mirror's data/p153.csv at each commit the tidy file names (github.com/digital-land/performance).
const mirrored = (period: string) => new Uint8Array(readFileSync(fixture("p153", `p153-${period}.csv`)));

describe("p153Reader", () => {
  it.each(Object.keys(info.source_commits_by_period))("reproduces every tidy row of %s", (period) => {
    const read = p153Reader.read(mirrored(period), { period });
    const rows = tidy.filter((t) => t.period === period);
    const mine = new Map(read.map((o) => [o.areacd, o]));
    const wrong = rows.filter((t) => {
      const o = mine.get(t.areacd);
      const want = t.value === "" ? null : Number(t.value);
      return !o || o.areanm !== t.areanm || o.value !== want || o.period !== period || o.metric !== METRIC;
    });
    expect(wrong, `${wrong.length} of ${rows.length} differ`).toEqual([]);
    expect(read.length).toBe(rows.length);
  });

  it("keeps a council with no decisions as missing, not zero", () => {
    const allerdale = p153Reader
      .read(mirrored("YE2024-09"), { period: "YE2024-09" })
      .find((o) => o.areacd === "E07000026");
    expect(allerdale).toMatchObject({ value: null, missing: "empty" });
  });

  it("asks for the period, which the mirror does not carry", () => {
    expect(() => p153Reader.read(mirrored("YE2025-12"))).toThrow(/give the period, e\.g\. YE2025-12/);
    expect(() => p153Reader.read(mirrored("YE2025-12"), { period: "2024-25" })).toThrow(/rolling 12 months/);
  });

  it("names a renamed column", () => {
    const renamed = new TextEncoder().encode(
      new TextDecoder().decode(mirrored("YE2025-12")).replace("percentage", "percent"),
    );
    expect(() => p153Reader.read(renamed, { period: "YE2025-12" })).toThrow(LayoutError);
    expect(() => p153Reader.read(renamed, { period: "YE2025-12" })).toThrow(/no column "percentage"/);
  });
});

describe("p153PeriodOf", () => {
  it.each(Object.entries(info.source_commits_by_period))(
    "%s: the window the mirror's commit of %o covered",
    (period, { commit_date }) => expect(p153PeriodOf(commit_date)).toBe(period),
  );
});
