// Colour in benchmark tables, as Excel conditional formats (ExcelApi 1.6): each Band cell filled by its
// band, and my council's row highlighted. The band words stay in the cells, so colour is never the only
// cue; the focus row is also bold. Conditional formats test the cells' current values, so the colours
// follow the rows when the user sorts or filters the table; refresh lays them again over the new rows.
//
// One Custom (formula) format per band word, e.g. =J6="slightly worse": an exact match, where a
// ContainsText "Contains better" would also colour "much better". The formats are ours by their shape
// (REF="band word" on the Band column; $REF="code" for the focus row), which is how a refresh or a
// failed write finds and replaces them without touching conditional formats the user added.
import { BANDS, type Band } from "../core/band.js";
import { bandWords } from "../core/profile.js";
import type { BenchmarkTable, TableHighlight } from "../core/table.js";

export interface BandStyle {
  fill: string;
  font: string;
}

const DARK = "#000000";
const LIGHT = "#FFFFFF";

/**
 * Better and worse: ColorBrewer's 7-class RdBu (colour-blind safe), blue for better, red for worse.
 * No polarity: purples for higher, greys for lower, so nothing reads as good or bad. Text is black or
 * white, whichever gives at least 4.5:1 contrast (checked in test/excel/highlights.test.ts).
 */
export const BAND_STYLES: Readonly<Record<Band, BandStyle>> = {
  "much-better": { fill: "#2166AC", font: LIGHT },
  better: { fill: "#67A9CF", font: DARK },
  "slightly-better": { fill: "#D1E5F0", font: DARK },
  similar: { fill: "#F7F7F7", font: DARK },
  "slightly-worse": { fill: "#FDDBC7", font: DARK },
  worse: { fill: "#EF8A62", font: DARK },
  "much-worse": { fill: "#B2182B", font: LIGHT },
  "much-higher": { fill: "#54278F", font: LIGHT },
  higher: { fill: "#9E9AC8", font: DARK },
  "slightly-higher": { fill: "#DADAEB", font: DARK },
  "slightly-lower": { fill: "#E0E0E0", font: DARK },
  lower: { fill: "#969696", font: DARK },
  "much-lower": { fill: "#525252", font: LIGHT },
};

/** My council's row: a pale yellow fill (the Band cell keeps its band's colour) and bold text. */
export const FOCUS_STYLE = { fill: "#FFF2CC", bold: true } as const;

const ALL_BANDS: readonly Band[] = [...new Set([...BANDS.judged, ...BANDS.neutral])];

const bandText = (band: Band, how: TableHighlight["bandText"]) => (how === "words" ? bandWords(band) : band);

/** Every band as either table kind writes it, for recognising our formats. */
const KNOWN_TEXTS = new Set(ALL_BANDS.flatMap((b) => [b, bandWords(b)].map((t) => t.toLowerCase())));

/** "A", "B", … "AA": the column letters of a 0-based column index. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Where a table's body is on its sheet (0-based), and how many of its columns are ours. */
export interface BodyPlace {
  top: number;
  left: number;
  rows: number;
  width: number;
}

interface Rule {
  /** Columns from the table's left edge. */
  col: number;
  cols: number;
  formula: string;
  fill: string;
  font?: string;
  bold?: boolean;
}

/** The conditional formats a table gets, lowest priority first (each add() goes on top of the last). */
export function highlightRules(table: BenchmarkTable, place: BodyPlace): Rule[] {
  const h = table.highlight;
  if (!h || place.rows < 1) return [];
  const names = table.columns.map((c) => c.name);
  const row = place.top + 1;
  const rules: Rule[] = [];
  const code = names.indexOf("Council code");
  if (h.focus && h.focus.codes.length && code >= 0) {
    const ref = `$${columnLetters(place.left + code)}${row}`;
    const tests = h.focus.codes.map((c) => `${ref}=${quote(c)}`);
    const formula = `=${tests.length === 1 ? tests[0] : `OR(${tests.join(",")})`}`;
    rules.push({ col: 0, cols: place.width, formula, ...FOCUS_STYLE });
  }
  const band = names.indexOf("Band");
  if (band >= 0) {
    const ref = `${columnLetters(place.left + band)}${row}`;
    for (const b of [...ALL_BANDS].reverse()) {
      const { fill, font } = BAND_STYLES[b];
      rules.push({ col: band, cols: 1, formula: `=${ref}=${quote(bandText(b, h.bandText))}`, fill, font });
    }
  }
  return rules;
}

/** Queues the table's conditional formats over its body. */
export function queueHighlights(sheet: Excel.Worksheet, table: BenchmarkTable, place: BodyPlace): void {
  for (const rule of highlightRules(table, place)) {
    const range = sheet.getRangeByIndexes(place.top, place.left + rule.col, place.rows, rule.cols);
    const format = range.conditionalFormats.add("Custom");
    format.custom.rule.formula = rule.formula;
    format.custom.format.fill.color = rule.fill;
    if (rule.font) format.custom.format.font.color = rule.font;
    if (rule.bold) format.custom.format.font.bold = true;
  }
}

const EQUALITY = /^(\$?)[A-Z]{1,3}\$?\d+="((?:[^"]|"")*)"$/;

/** Whether a custom format's formula is one of ours: a band word on the Band column, or the focus row's test. */
export function isOurFormula(formula: string): boolean {
  const body = formula.replace(/^=/, "");
  const or = /^OR\((.*)\)$/.exec(body);
  const parts = (or ? or[1].split(/,(?=\$?[A-Z]{1,3}\$?\d+=")/) : [body]).map((p) => EQUALITY.exec(p));
  if (parts.some((m) => !m)) return false;
  const focus = parts.every((m) => m![1] === "$");
  const band = !or && parts[0]![1] === "" && KNOWN_TEXTS.has(parts[0]![2].toLowerCase());
  return focus || band;
}

/** Reads the conditional formats over `range` and returns ours (two syncs). */
export async function findHighlights(
  context: Excel.RequestContext,
  range: Excel.Range,
): Promise<Excel.ConditionalFormat[]> {
  const formats = range.conditionalFormats.load("items/type");
  await context.sync();
  const custom = formats.items.filter((f) => f.type === "Custom");
  const rules = custom.map((f) => f.custom.rule.load("formula"));
  await context.sync();
  return custom.filter((_, i) => isOurFormula(rules[i].formula));
}

/** Queues deleting formats found by findHighlights. */
export function queueRemoveHighlights(found: readonly Excel.ConditionalFormat[]): void {
  for (const f of found) f.delete();
}
