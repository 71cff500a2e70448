// The band palette and the conditional format rules the add-in lays over its tables.
import { describe, expect, it } from "vitest";
import { BANDS } from "../../src/core/band.js";
import { bandWords } from "../../src/core/profile.js";
import type { BenchmarkTable } from "../../src/core/table.js";
import {
  BAND_STYLES,
  columnLetters,
  FOCUS_STYLE,
  highlightRules,
  isOurFormula,
} from "../../src/excel/highlights.js";

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

const table = (names: string[], highlight: BenchmarkTable["highlight"]): BenchmarkTable => ({
  columns: names.map((name) => ({ name, kind: "text", numberFormat: "@" })),
  rows: [],
  title: "",
  caveats: [],
  attribution: "",
  highlight,
});

describe("band colours", () => {
  it("gives every band a fill with text of at least 4.5:1 contrast", () => {
    for (const band of [...BANDS.judged, ...BANDS.neutral]) {
      const { fill, font } = BAND_STYLES[band];
      expect(contrast(fill, font), band).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(FOCUS_STYLE.fill, "#000000")).toBeGreaterThanOrEqual(4.5);
  });

  it("runs from dark blue (much better) through light to dark red (much worse), all distinct", () => {
    const fills = BANDS.judged.map((b) => BAND_STYLES[b].fill);
    expect(new Set(fills).size).toBe(7);
    const light = fills.map(luminance);
    expect(light[0]).toBeLessThan(light[1]);
    expect(light[1]).toBeLessThan(light[2]);
    expect(light[6]).toBeLessThan(light[5]);
    expect(light[5]).toBeLessThan(light[4]);
    const neutral = BANDS.neutral.map((b) => BAND_STYLES[b].fill);
    expect(new Set([...fills, ...neutral]).size).toBe(13); // "similar" is shared
  });
});

describe("highlight rules", () => {
  it("writes one exact rule per band word on the Band column, and the focus row's rule beneath them", () => {
    const t = table(["Council code", "Council", "Band"], {
      bandText: "words",
      focus: { council: "West Suffolk", codes: ["E07000245", "E07000201"] },
    });
    const rules = highlightRules(t, { top: 5, left: 2, rows: 10, width: 3 });
    expect(rules[0]).toEqual({
      col: 0,
      cols: 3,
      formula: '=OR($C6="E07000245",$C6="E07000201")',
      ...FOCUS_STYLE,
    });
    const bands = rules.slice(1);
    expect(bands).toHaveLength(13);
    expect(bands.every((r) => r.col === 2 && r.cols === 1)).toBe(true);
    expect(bands.map((r) => r.formula)).toContain('=$E6="slightly worse"');
    expect(bands.at(-1)).toMatchObject({
      formula: '=$E6="much better"',
      fill: BAND_STYLES["much-better"].fill,
    });
    const ids = highlightRules(
      { ...t, highlight: { bandText: "id" } },
      { top: 5, left: 2, rows: 10, width: 3 },
    );
    expect(ids.map((r) => r.formula)).toContain('=$E6="slightly-worse"');
  });

  it("colours the MAD score beside the Band too, both by the Band cell", () => {
    const t = table(["Council code", "MAD score", "Band"], { bandText: "id" });
    const rules = highlightRules(t, { top: 5, left: 0, rows: 10, width: 3 });
    expect(rules).toHaveLength(13);
    expect(rules.every((r) => r.col === 1 && r.cols === 2 && r.formula.startsWith("=$C6="))).toBe(true);
  });

  it("lays nothing on a table without a highlight or without rows", () => {
    expect(highlightRules(table(["Band"], undefined), { top: 1, left: 0, rows: 3, width: 1 })).toEqual([]);
    expect(
      highlightRules(table(["Band"], { bandText: "id" }), { top: 1, left: 0, rows: 0, width: 1 }),
    ).toEqual([]);
  });

  it("knows its own formulas and leaves the user's alone", () => {
    for (const band of [...BANDS.judged, ...BANDS.neutral]) {
      expect(isOurFormula(`=J6="${band}"`)).toBe(true);
      expect(isOurFormula(`=AB12="${bandWords(band)}"`)).toBe(true);
    }
    expect(isOurFormula('=$J6="much-better"')).toBe(true);
    expect(isOurFormula('=$A6="E07000245"')).toBe(true);
    expect(isOurFormula('=OR($A6="E07000245",$A6="E07000201")')).toBe(true);
    expect(isOurFormula('=J6="great"')).toBe(false);
    expect(isOurFormula("=J6>3")).toBe(false);
    expect(isOurFormula('=AND($A6="x",B6>1)')).toBe(false);
  });

  it("names columns as Excel does", () => {
    expect([0, 9, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(["A", "J", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});
