import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  detectFormat,
  FormatError,
  parseEls,
  parseFile,
  parseLade,
  parseTidy,
  parseValue,
} from "../../src/core/index.js";
import { sharedFile } from "../support/paths.js";

describe("parseValue", () => {
  it.each(["", "NA", "..", ":", "x", "[c]", "[x]", "-", "*"])(
    "treats %j as missing and keeps the marker",
    (marker) => {
      const v = parseValue(marker);
      expect(v.value).toBeNull();
      expect(v.missing).toBe(marker === "" ? "empty" : marker);
    },
  );

  it("reads numbers with thousands separators, signs, exponents and a trailing %", () => {
    expect(parseValue("1,234.5").value).toBe(1234.5);
    expect(parseValue("-0.25").value).toBe(-0.25);
    expect(parseValue("1e-3").value).toBe(0.001);
    expect(parseValue("37.1%").value).toBe(37.1);
    expect(parseValue("abc")).toEqual({ value: null, missing: "not a number: abc" });
  });
});

describe("LADE long format", () => {
  const parsed = parseLade(readFileSync(sharedFile("oflog-lade-asc1-4.csv"), "utf8"));
  it("reads every row with rank_order as polarity (desc/DESC = higher is better)", () => {
    expect(parsed.observations).toHaveLength(2886);
    expect(parsed.metrics.map((m) => [m.code, m.polarity])).toEqual([
      ["ASC1", "higher"],
      ["ASC2", "higher"],
      ["ASC3", "higher"],
      ["ASC4", "higher"],
    ]);
    expect(parsed.observations.filter((o) => o.value === null).length).toBe(36);
  });

  it("reads None as no polarity", () => {
    const text =
      "Financial year,Local authority code,Local authority name,Code,Value,rank_order\n2020-21,E06000001,Hartlepool,X1,5,None\n";
    expect(parseLade(text).metrics[0].polarity).toBe("none");
  });
});

describe("ONS Explore Local Statistics", () => {
  const text = readFileSync(sharedFile("ons-els/further-education-and-skills-participation.csv"), "utf8");
  it("strips the BOM, names periods 2024-25 and keeps only English council geographies", () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = parseEls(text);
    expect(new Set(parsed.observations.map((o) => o.period))).toEqual(
      new Set(["2019-20", "2020-21", "2021-22", "2022-23", "2023-24", "2024-25"]),
    );
    for (const o of parsed.observations) expect(o.areacd).toMatch(/^E(06|07|08|09|10)/);
    expect(parsed.skipped[0].reason).toMatch(/geography other than/);
    expect(parsed.skipped[0].count).toBeGreaterThan(100);
    expect(parsed.metrics[0].code).toBe("further-education-and-skills-participation");
  });

  it("reads one geography level at a time when asked", () => {
    const counties = parseEls(text, { geography: "County or Unitary Authority" });
    expect(new Set(counties.observations.map((o) => o.areacd.slice(0, 3)))).toEqual(new Set(["E06", "E10"]));
    expect(() => parseEls(text, { geography: "Ward" })).toThrow(/no "Ward" rows/);
  });
});

describe("tidy CSV and format detection", () => {
  it("reads areacd,areanm,period,indicator,value", () => {
    const parsed = parseTidy(
      "areacd,areanm,period,indicator,value\nE07000245,West Suffolk,2023-24,x,37.1\nE07000200,Babergh,2023/24,x,\n",
    );
    expect(parsed.observations).toEqual([
      { metric: "x", period: "2023-24", areacd: "E07000245", areanm: "West Suffolk", value: 37.1 },
      {
        metric: "x",
        period: "2023-24",
        areacd: "E07000200",
        areanm: "Babergh",
        value: null,
        missing: "empty",
      },
    ]);
  });

  it("names unknown and missing columns", () => {
    expect(() => parseTidy("areacd,name,period,indicator,value,extra\n")).toThrow(
      new FormatError('Not a tidy CSV file: missing column(s) "areanm"; unknown column(s) "name", "extra"'),
    );
  });

  it("detects each format from its header", () => {
    expect(detectFormat(readFileSync(sharedFile("oflog-lade-asc1-4.csv"), "utf8"))).toBe("lade");
    expect(
      detectFormat(
        readFileSync(sharedFile("ons-els/further-education-and-skills-participation.csv"), "utf8"),
      ),
    ).toBe("els");
    expect(detectFormat(readFileSync(sharedFile("waste/household-waste-recycling-rate.csv"), "utf8"))).toBe(
      "tidy",
    );
    expect(() => parseFile("a,b\n1,2\n")).toThrow(/Cannot tell the file's format/);
  });
});
