// BENCH.THEMES, THEMESCORE, THEMERATING and THEMEREPORT as Excel calls them, and `cli themes` agreeing.
import { csvParse } from "d3-dsv";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/run.js";
import { NOT_RATED } from "../../src/core/bestValue.js";
import { useBenchmarks, useLocalEvidence } from "../../src/functions/data.js";
import { shippedBenchmarks } from "../excel/shipped.js";
import { excel, expectError, FakeError, installCustomFunctions } from "./excel.js";

beforeAll(() => {
  installCustomFunctions();
  useBenchmarks(shippedBenchmarks());
  useLocalEvidence([]);
});
afterAll(() => {
  useBenchmarks();
  useLocalEvidence();
  vi.unstubAllGlobals();
});

const column = (...v: unknown[]) => v.map((x) => [x]);

describe("BENCH.THEMESCORE and THEMERATING", () => {
  it("take the median of the polarity-adjusted scores, blanks ignored (example 1)", () => {
    const scores = column(0.8, 1.2, null, -0.4, 0.3);
    const polarities = column("higher", "lower", "", "higher", "lower");
    expect(excel("THEMESCORE", "Service delivery", scores, polarities)).toBeCloseTo(-0.35, 12);
    expect(excel("THEMERATING", "service delivery", scores, polarities)).toBe(
      "In line with similar councils",
    );
    expect(excel("THEMESCORE", "Use of resources", column(0.6, 0.9, 12), null)).toBe(0.9);
    expect(excel("THEMERATING", "Use of resources", column(0.6, 0.9, 12), [["higher"]])).toBe("Good");
  });

  it("say 'Not rated — insufficient evidence' below two scores; no-polarity scores are context", () => {
    expectError(excel("THEMESCORE", "Culture", column(2, 5), column("higher", "none")), "#N/A", NOT_RATED);
    expect(excel("THEMERATING", "Culture", column(2, null), null)).toBe(NOT_RATED);
  });

  it("answer a bad theme or polarity with #VALUE! and a message", () => {
    expectError(
      excel("THEMESCORE", "Finance", column(1, 2), null),
      "#VALUE!",
      /Unknown theme .*Use of resources/,
    );
    expectError(excel("THEMERATING", "Culture", column(1, 2), column("up", "down")), "#VALUE!", /polarity/);
  });

  it("return an error in the scores or the polarities as the result, not a message about its text", () => {
    const na = new FakeError("#N/A", "no polarity");
    expect(excel("THEMESCORE", "Culture", column(1, 2), column("higher", na))).toBe(na);
    expect(excel("THEMERATING", "Culture", column(1, na), null)).toBe(na);
  });

  it("BENCH.THEMES spills the seven themes", () => {
    expect((excel("THEMES") as string[][]).map((r) => r[0])).toHaveLength(7);
  });
});

describe("BENCH.THEMEREPORT and cli themes agree", () => {
  it.each(["West Suffolk", "Suffolk"])("%s", async (council) => {
    const spill = (await excel("THEMEREPORT", council, null, null)) as unknown[][];
    expect(spill[0]).toEqual(["Theme", "Score", "Rating", "Coverage", "Warning flags", "Metrics used"]);
    const { text } = await run(["themes", "--council", council]);
    const cli = csvParse(text);
    expect(cli.map((r) => r.theme)).toEqual(spill.slice(1).map((r) => r[0]));
    cli.forEach((r, i) => {
      const s = spill[i + 1];
      expect([r.rating, r.coverage]).toEqual([s[2], s[3]]);
      expect(r.score === "" ? "" : Number(r.score)).toBe(s[1]);
    });
    const leadership = spill.find((r) => r[0] === "Leadership")!;
    expect(leadership[2]).toBe(NOT_RATED);
  });
});
