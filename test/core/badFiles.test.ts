// Bad files get a clear error or the right answer, never a silent wrong one.
import { describe, expect, it } from "vitest";
import {
  buildSnapshot,
  FormatError,
  madScore,
  madScores,
  parseFile,
  parseSnapshot,
  parseTidy,
  parseValue,
  scoreObservations,
  serializeSnapshot,
  snapshotObservations,
} from "../../src/core/index.js";
import { csvCell } from "../../src/core/csvOut.js";
import { decodeText } from "../../src/core/text.js";

const tidy = (...lines: string[]) => ["areacd,areanm,period,indicator,value", ...lines].join("\n") + "\n";

describe("the same council twice", () => {
  it("counts exact duplicates once and says so: three West Suffolk rows do not move the median", () => {
    // Values 10, 20, 25, 30, 40 → median 25. Counted three times, 10 10 10 20 25 30 40 would give 20;
    // two more copies of the 10 give 10 10 10 20 25 30 40 → 20; we must stay at 25.
    const parsed = parseTidy(
      tidy(
        "E07000245,West Suffolk,2023-24,x,10",
        "E07000245,West Suffolk,2023-24,x,10",
        "E07000245,West Suffolk,2023-24,x,10",
        "E07000200,Babergh,2023-24,x,20",
        "E07000202,Ipswich,2023-24,x,25",
        "E07000203,Mid Suffolk,2023-24,x,30",
        "E07000244,East Suffolk,2023-24,x,40",
      ),
    );
    expect(parsed.observations).toHaveLength(5);
    expect(parsed.skipped).toEqual([{ count: 2, reason: expect.stringMatching(/exact duplicate/) }]);
    const scored = scoreObservations(parsed.observations, { polarity: () => "higher" });
    expect(scored[0].median).toBe(25);
  });

  it("refuses two different values for one council and period, naming both lines", () => {
    const text = tidy(
      "E07000245,West Suffolk,2023-24,x,10",
      "E07000200,Babergh,2023-24,x,20",
      "E07000245,West Suffolk,2023-24,x,12",
    );
    expect(() => parseTidy(text)).toThrow(FormatError);
    expect(() => parseTidy(text)).toThrow(
      /Lines 2 and 4 .*West Suffolk \(E07000245\).*"x" in 2023-24: 10 and 12/,
    );
  });
});

describe("damaged CSV", () => {
  it("names the line with too few or too many fields", () => {
    expect(() =>
      parseTidy(tidy("E07000245,West Suffolk,2023-24,x,10", "E07000200,Babergh,2023-24,x")),
    ).toThrow(/Line 3: 4 fields where the header has 5/);
    expect(() => parseTidy(tidy("E07000245,West Suffolk,2023-24,x,10,11"))).toThrow(
      /Line 2: 6 fields where the header has 5/,
    );
  });

  it("names the line where a quote opens and never closes, instead of swallowing the file", () => {
    const text = tidy(
      'E07000245,"West Suffolk,2023-24,x,10',
      "E07000200,Babergh,2023-24,x,20",
      "E07000202,Ipswich,2023-24,x,25",
    );
    expect(() => parseTidy(text)).toThrow(/Line 2: a quote opened here is never closed/);
  });

  it("counts lines inside quoted fields, so later lines are named right", () => {
    const text = tidy('E07000245,"West\nSuffolk",2023-24,x,10', "E07000200,Babergh,2023-24,x");
    expect(() => parseTidy(text)).toThrow(/Line 4: 4 fields/);
  });

  it("refuses a header-only file: no data rows", () => {
    expect(() => parseTidy(tidy())).toThrow(/no data rows/);
    expect(() => parseFile("Financial year,Local authority code,Local authority name,Code,Value\n")).toThrow(
      /no data rows/,
    );
  });
});

describe("numbers", () => {
  it("reads thousands separators only in groups of three", () => {
    expect(parseValue("1,234").value).toBe(1234);
    expect(parseValue("12,345,678.5").value).toBe(12345678.5);
    expect(parseValue("1,23")).toEqual({ value: null, missing: "not a number: 1,23" });
    expect(parseValue("12,34,567")).toEqual({ value: null, missing: "not a number: 12,34,567" });
  });

  it("flags numbers too large to hold as not a number", () => {
    expect(parseValue("1e400")).toEqual({ value: null, missing: "not a number: 1e400" });
    expect(parseValue("-1e400")).toEqual({ value: null, missing: "not a number: -1e400" });
    expect(parseValue("1e308").value).toBe(1e308);
  });

  it("gives no score with a reason where a score overflows, and scores everything else", () => {
    // Values 1e308, 1e-300, 2e-300, 3e-300, 2e-300: median 2e-300; deviations 1e308, 1e-300, 0, 1e-300,
    // 0 → MAD 1e-300; (1e308 − 2e-300) / 1e-300 is past the largest number: no score for it alone.
    const rows = [1e308, 1e-300, 2e-300, 3e-300, 2e-300].map((value, i) => ({
      metric: "x",
      period: "2023-24",
      areacd: `E0700000${i}`,
      areanm: `Council ${i}`,
      value,
    }));
    const out = scoreObservations(rows, { polarity: () => "higher" });
    expect(out[0]).toMatchObject({
      score: null,
      band: "no-score",
      reason: expect.stringMatching(/too large/),
    });
    expect(out[1]).toMatchObject({ score: -1, band: "slightly-worse" });
    expect(out[2]).toMatchObject({ score: 0, band: "similar" });
    const scores = madScores(rows.map((r) => r.value));
    expect(scores[0]).toBeNull();
    expect(scores.slice(1).map((x) => Math.round(x!))).toEqual([-1, 0, 1, 0]); // (3e-300 − 2e-300) / 1e-300 ≈ 1
    expect(
      madScore(
        1e308,
        rows.map((r) => r.value),
      ),
    ).toBeNull();
    // Near the largest number even the median (the mean of 1.6e308 and 1.7e308) can overflow: never ±Infinity.
    const huge = madScores([1.7e308, 1.5e308, 1.7e308, 1.6e308]);
    expect(
      huge.every((s) => s === null || Number.isFinite(s)),
      String(huge),
    ).toBe(true);
  });
});

describe("any id round-trips through a snapshot", () => {
  it("keeps __proto__, constructor and toString as metric, period and area ids", () => {
    const observations = [
      { metric: "__proto__", period: "constructor", areacd: "__proto__", areanm: "A", value: 1 },
      { metric: "toString", period: "__proto__", areacd: "hasOwnProperty", areanm: "B", value: 2 },
      { metric: "x", period: "2023-24", areacd: "E07000245", areanm: "West Suffolk", value: null },
    ];
    const snapshot = buildSnapshot(observations, { created: "2026-01-01", attribution: [] });
    const text = serializeSnapshot(snapshot);
    const back = snapshotObservations(parseSnapshot(text));
    expect(back.map((o) => [o.metric, o.period, o.areacd, o.value]).sort()).toEqual(
      [
        ["__proto__", "constructor", "__proto__", 1],
        ["toString", "__proto__", "hasOwnProperty", 2],
        ["x", "2023-24", "E07000245", null],
      ].sort(),
    );
    expect(serializeSnapshot(parseSnapshot(text))).toBe(text);
  });

  it("still validates what it reads under such keys", () => {
    const bad =
      '{"format":"council-benchmarks-snapshot","version":1,"created":"x","attribution":[],"areas":[["E1","A"]],"metrics":{"__proto__":{"p":[0,"ten"]}}}';
    expect(() => parseSnapshot(bad)).toThrow(/metrics\.__proto__\.p/);
  });
});

describe("text that is not a UTF-8 file", () => {
  it("names UTF-16 and binary files instead of reading them", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0, 0x72, 0, 0x65, 0, 0x61, 0]);
    expect(() => decodeText(utf16)).toThrow(/UTF-16; save it as UTF-8/);
    const noBom = new Uint8Array([...Buffer.from("areacd,areanm", "utf16le")]);
    expect(() => decodeText(noBom)).toThrow(/UTF-16/);
    expect(() => decodeText(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toThrow(/spreadsheet or zip/);
    expect(() => decodeText(new Uint8Array([0x61, 0x1b, 0x5b, 0x32, 0x4a]))).toThrow(/control characters/);
    expect(() => decodeText(new Uint8Array([0x61, 0xc3, 0x28]))).toThrow(/not UTF-8/);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x2c, 0x62]))).toBe("a,b"); // BOM dropped
  });
});

describe("CSV written for spreadsheets", () => {
  it.each(["=1+1", "+44", "-2", "@SUM(A1)", "\tx", "\rx"])(
    "neutralises text %j that would run as a formula",
    (t) => {
      expect(csvCell(t).replace(/^"|"$/g, "")).toMatch(/^'/);
    },
  );

  it("leaves numbers, including negative ones, and ordinary text as they are", () => {
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell("West Suffolk")).toBe("West Suffolk");
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell("=a,b")).toBe(`"'=a,b"`);
  });
});
