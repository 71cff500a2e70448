// BENCH.MAD, MADSCORE, MADSCORES and BAND called as Excel calls them: ranges as 2-D arrays, null for
// blank cells and omitted arguments.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { vi } from "vitest";
import { spreads } from "../../src/functions/spreadCache.js";
import { expectClose, LADE_FILES, ladeGroups, num, PUBLISHED_SCORES, TOLERANCE } from "../support/lade.js";
import { excel, expectError, FakeError, installCustomFunctions } from "./excel.js";

beforeAll(installCustomFunctions);
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => spreads.clear());

const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

describe.each(LADE_FILES)("BENCH.MADSCORE reproduces every published LADE score in %s", (file) => {
  it(`matches MADs_from_median for all ${PUBLISHED_SCORES[file]} council-years`, () => {
    let compared = 0;
    for (const group of ladeGroups(file)) {
      // One column per measure and year, blank cells where a council has no value.
      const range = column(...group.map((r) => num(r["Value"])));
      for (const r of group) {
        const value = num(r["Value"]);
        const published = num(r["MADs_from_median"]);
        if (value === null) {
          expect(published).toBeNull();
          continue;
        }
        expectClose(excel("MADSCORE", value, range), published as number, TOLERANCE[file]);
        compared++;
      }
    }
    expect(compared).toBe(PUBLISHED_SCORES[file]);
  });
});

describe("BENCH.MAD", () => {
  // Median 3; distances 2,1,0,1,6 → MAD 1.
  const range = column(1, 2, 3, 4, 9);

  it("gives the raw MAD by default and the normal-consistent MAD on request", () => {
    expect(excel("MAD", range)).toBe(1);
    expect(excel("MAD", range, "raw")).toBe(1);
    expect(excel("MAD", range, "Normal")).toBe(1.482602218505602);
    expect(excel("MAD", column(1, 2, 3, 4))).toBe(1); // even count: median 2.5, distances 1.5,0.5,0.5,1.5
  });

  it("ignores blanks, text and booleans in a range of any shape, like MEDIAN", () => {
    expect(
      excel("MAD", [
        [1, "", "n/a", 2],
        [null, true, 3, false],
        [4, 9, null, "9"],
      ]),
    ).toBe(1);
  });

  it("returns 0 for a range whose values mostly agree, and #NUM! for a range without numbers", () => {
    expect(excel("MAD", column(5, 5, 5, 8))).toBe(0);
    expectError(excel("MAD", column(null, "", "text")), "#NUM!", "no numbers");
  });

  it("rejects an unknown scale with #VALUE! naming the choices", () => {
    expectError(excel("MAD", range, "robust"), "#VALUE!", /scale must be "raw", "normal".*"robust"/);
  });
});

describe("BENCH.MADSCORE", () => {
  it("scores a value against a range: (value − median) / MAD", () => {
    expect(excel("MADSCORE", 9, column(1, 2, 3, 4, 9))).toBe(6);
    expect(excel("MADSCORE", 0, column(1, 2, 3, 4, 9))).toBe(-3);
    // The value need not be in the range.
    expect(excel("MADSCORE", 3.5, [[1, 2, 3, 4, 9]])).toBe(0.5);
  });

  it("returns #VALUE! with a message for a value that is not a number", () => {
    expectError(excel("MADSCORE", "12", column(1, 2, 3)), "#VALUE!", 'text "12"');
    expectError(excel("MADSCORE", null, column(1, 2, 3)), "#VALUE!", "a blank cell");
    expectError(excel("MADSCORE", true, column(1, 2, 3)), "#VALUE!", "TRUE");
  });

  it("returns #DIV/0! with a message when the MAD is 0", () => {
    expectError(excel("MADSCORE", 5, column(5, 5, 5, 8)), "#DIV/0!", /MAD is 0.*median \(5\)/);
  });

  it("returns #NUM! for a range without numbers", () => {
    expectError(excel("MADSCORE", 5, column("a", null)), "#NUM!");
  });
});

describe("scores too large to represent", () => {
  // Median 2e-300, MAD 1e-300: (1e308 − 2e-300) / 1e-300 is past the largest number.
  const range = column(1e308, 1e-300, 2e-300, 3e-300, 2e-300);

  it("MADSCORE gives #NUM! with a message, never Infinity", () => {
    expectError(excel("MADSCORE", 1e308, range), "#NUM!", /too large to represent/);
    expect(excel("MADSCORE", 1e-300, range)).toBe(-1);
  });

  it("MADSCORES puts #NUM! in that cell alone and scores the others", async () => {
    const out = (await excel("MADSCORES", range)) as unknown[][];
    expectError(out[0][0], "#NUM!", /too large/);
    expect(out[1][0]).toBe(-1);
    expect(out[2][0]).toBe(0);
  });
});

describe("BENCH.MADSCORES", () => {
  it("spills a score for every cell in the range's shape, blank where a cell has no number", async () => {
    const range = [
      [1, 2, ""],
      [3, null, 4],
      ["x", 9, true],
    ];
    expect(await excel("MADSCORES", range)).toEqual([
      [-2, -1, ""],
      [0, "", 1],
      ["", 6, ""],
    ]);
  });

  it("agrees with MADSCORE cell by cell", async () => {
    const range = column(3.2, 7.7, null, 1.05, 9.9, 4.4, 4.4, "", 12);
    const spilled = (await excel("MADSCORES", range)) as unknown[][];
    range.forEach(([v], i) => {
      expect(spilled[i]).toHaveLength(1);
      if (typeof v === "number") expect(spilled[i][0]).toBe(excel("MADSCORE", v, range));
      else expect(spilled[i][0]).toBe("");
    });
  });

  it("gives one error, as a 1×1 spill, when the range has no numbers or a MAD of 0", async () => {
    const none = (await excel("MADSCORES", column("a", null))) as unknown[][];
    expect(none).toHaveLength(1);
    expectError(none[0][0], "#NUM!");
    const flat = (await excel("MADSCORES", column(5, 5, 5, 8))) as unknown[][];
    expect(flat).toHaveLength(1);
    expectError(flat[0][0], "#DIV/0!", "MAD is 0");
  });
});

describe("an error value inside a range", () => {
  const na = new FakeError("#N/A", "missing lookup");

  it("is returned by MAD, MADSCORE and MADSCORES", async () => {
    const range = column(1, 2, na, 4);
    expect(excel("MAD", range)).toBe(na);
    expect(excel("MADSCORE", 1, range)).toBe(na);
    expect(await excel("MADSCORES", range)).toEqual([[na]]);
  });

  it("is rebuilt from a plain object carrying the code, as the runtime may pass it", () => {
    expectError(excel("MAD", column(1, { code: "#DIV/0!" })), "#DIV/0!");
    expectError(excel("MAD", column(1, { errorCode: "#N/A" })), "#N/A");
    // Excel cannot return #REF! from a custom function: #VALUE! naming it instead.
    expectError(excel("MAD", column(1, { code: "#REF!" })), "#VALUE!", "#REF!");
  });

  it("is read from an Excel error cell value, as data types (on in the metadata) pass it", async () => {
    const div0 = { type: "Error", basicType: "Error", basicValue: "#DIV/0!", errorType: "Div0" };
    expectError(excel("MAD", column(1, div0)), "#DIV/0!");
    expectError(excel("MADSCORE", div0, column(1, 2, 3)), "#DIV/0!");
    const ref = { type: "Error", basicValue: "#REF!", errorType: "Ref" };
    expectError(((await excel("MADSCORES", column(1, ref))) as unknown[][])[0][0], "#VALUE!", "#REF!");
  });

  it("as the value to score, is returned too", () => {
    expect(excel("MADSCORE", na, column(1, 2, 3))).toBe(na);
    expect(excel("BAND", na)).toBe(na);
  });
});

describe("BENCH.BAND", () => {
  const judged: Array<[number, string]> = [
    [7.5, "much-better"],
    [3, "much-better"],
    [2.999, "better"],
    [1.5, "better"],
    [1.49, "slightly-better"],
    [0.5, "slightly-better"],
    [0.49, "similar"],
    [0, "similar"],
    [-0.5, "similar"],
    [-0.51, "slightly-worse"],
    [-1.5, "slightly-worse"],
    [-1.51, "worse"],
    [-3, "worse"],
    [-3.01, "much-worse"],
  ];

  it("bands a score with higher-is-better by default, boundaries inclusive on the upper band", () => {
    for (const [score, expected] of judged) {
      expect(excel("BAND", score), String(score)).toBe(expected);
      expect(excel("BAND", score, "higher"), String(score)).toBe(expected);
    }
  });

  it("flips the sign for lower-is-better (so the inclusive bound moves to the other side)", () => {
    expect(excel("BAND", 3.01, "lower")).toBe("much-worse");
    expect(excel("BAND", 3, "lower")).toBe("worse");
    expect(excel("BAND", -3, "lower")).toBe("much-better");
    expect(excel("BAND", 0.5, "LOWER")).toBe("similar");
    expect(excel("BAND", -0.5, "lower")).toBe("slightly-better");
  });

  it("uses neutral words for no polarity", () => {
    expect(excel("BAND", 3, "none")).toBe("much-higher");
    expect(excel("BAND", -1.5, "none")).toBe("slightly-lower");
    expect(excel("BAND", 0, "none")).toBe("similar");
  });

  it("returns #VALUE! for a bad polarity or a score that is not a number", () => {
    expectError(excel("BAND", 1, "sideways"), "#VALUE!", /polarity must be .*"sideways"/);
    expectError(excel("BAND", "1.2"), "#VALUE!", 'text "1.2"');
    expectError(excel("BAND", null), "#VALUE!", "blank");
  });
});
