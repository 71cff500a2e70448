// Bad files get a clear error or the right answer, never a silent wrong one.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildSnapshot,
  Dataset,
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
import { mergeAttribution } from "../../src/core/attribution.js";
import { csvCell } from "../../src/core/csvOut.js";
import { parseEls, parseLade } from "../../src/core/parsers/index.js";
import { decodeText } from "../../src/core/text.js";
import { sharedFile } from "../support/paths.js";

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

describe("an ONS file listing a unitary at both council levels", () => {
  const els = (...rows: string[]) =>
    [
      "areacd,areanm,geography,indicator,period,observation,measure,unit,lci_95,uci_95,status,notes",
      ...rows.map((r) => `${r},Rate,Rate,,,,`),
    ].join("\n") + "\n";
  const CUA = "County or Unitary Authority";
  const LAD = "Local Authority District";

  it("keeps one row per council and level, each with its level, when the values agree", () => {
    const parsed = parseEls(
      els(
        `E06000001,Hartlepool,${CUA},Widgets,2023-08-01/P1Y,8000`,
        `E06000001,Hartlepool,${LAD},Widgets,2023-08-01/P1Y,8000`,
        `E06000001,Hartlepool,${LAD},Widgets,2023-08-01/P1Y,8000`,
        `E07000008,Cambridge,${LAD},Widgets,2023-08-01/P1Y,2000`,
      ),
    );
    expect(parsed.observations.map((o) => [o.areacd, o.geography, o.value])).toEqual([
      ["E06000001", CUA, 8000],
      ["E06000001", LAD, 8000],
      ["E07000008", LAD, 2000],
    ]);
    expect(parsed.lines).toEqual([2, 3, 5]);
    expect(parsed.skipped).toEqual([{ count: 1, reason: expect.stringMatching(/exact duplicate/) }]);
  });

  it("refuses a council with one value at one level and another (or none) at the other", () => {
    expect(() =>
      parseEls(
        els(
          `E06000001,Hartlepool,${CUA},Widgets,2023-08-01/P1Y,8000`,
          `E07000008,Cambridge,${LAD},Widgets,2023-08-01/P1Y,2000`,
          `E06000001,Hartlepool,${LAD},Widgets,2023-08-01/P1Y,7000`,
        ),
      ),
    ).toThrow(
      /Lines 2 and 4 give Hartlepool \(E06000001\) two values for "widgets" in 2023-24: 8000 and 7000/,
    );
    expect(() =>
      parseEls(
        els(
          `E06000001,Hartlepool,${CUA},Widgets,2023-08-01/P1Y,8000`,
          `E06000001,Hartlepool,${LAD},Widgets,2023-08-01/P1Y,`,
        ),
      ),
    ).toThrow(/8000 and no value \(empty\)/);
  });
});

describe("any id works in the dataset and attribution", () => {
  it("indexes __proto__ and constructor as metric, period and council like any other id", () => {
    const data = new Dataset([
      { metric: "__proto__", period: "constructor", areacd: "__proto__", areanm: "A", value: 1 },
      { metric: "constructor", period: "__proto__", areacd: "toString", areanm: "B", value: 2 },
    ]);
    expect(data.metrics()).toEqual(["__proto__", "constructor"]);
    expect(data.has("hasOwnProperty")).toBe(false);
    expect(data.periods("__proto__")).toEqual(["constructor"]);
    expect(data.observation("__proto__", "constructor", "__proto__")?.value).toBe(1);
    expect(data.observation("constructor", "__proto__", "toString")?.value).toBe(2);
    expect(data.areas().map((a) => a.code)).toEqual(["__proto__", "toString"]);
  });

  it("credits __proto__ and constructor metrics to their publisher", () => {
    expect(
      mergeAttribution(
        [{ publisher: "A", licence: "L", metrics: ["__proto__", "constructor"] }],
        [{ publisher: "B", licence: "L", metrics: ["constructor"] }],
      ),
    ).toEqual([
      { publisher: "A", licence: "L", metrics: ["__proto__"] },
      { publisher: "B", licence: "L", metrics: ["constructor"] },
    ]);
  });
});

describe("which bytes are not a text file", () => {
  it("names real spreadsheets (xlsx, ods) and an xls workbook", () => {
    for (const f of ["mhclg-rs-2022-23.xlsx", "dft-rdc0120-2025.ods"]) {
      expect(() => decodeText(readFileSync(sharedFile("publisher-files", f)))).toThrow(/spreadsheet or zip/);
    }
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(() => decodeText(xls)).toThrow(/Excel \.xls workbook/);
  });

  it("reads a CSV whose first column starts with PK as text", () => {
    expect(decodeText(new TextEncoder().encode("PKID,areacd\n1,E1\n"))).toBe("PKID,areacd\n1,E1\n");
  });

  it("tells big-endian UTF-16 without a BOM from other files holding NUL bytes", () => {
    expect(() => decodeText(new Uint8Array([0, 0x61, 0, 0x2c, 0, 0x62, 0, 0x0a]))).toThrow(/UTF-16/);
    const binary = new Uint8Array([0x61, 0, 0, 0x62, 0x63, 0x64, 0, 0, 0x65, 0x66]);
    expect(() => decodeText(binary)).toThrow(/not text \(it holds NUL bytes\)/);
  });
});

describe("the strict CSV reader", () => {
  it("parses the whole LADE file in well under 100 ms", () => {
    const text = readFileSync(sharedFile("oflog-lade-asc1-4.csv"), "utf8");
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      parseLade(text);
      times.push(performance.now() - t);
    }
    expect(times.sort((a, b) => a - b)[2]).toBeLessThan(100);
  });
});
