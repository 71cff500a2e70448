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
import { BAND_STYLES } from "../core/bandStyles.js";
import { bandWords } from "../core/profile.js";
import type { BenchmarkTable, TableHighlight } from "../core/table.js";

export { BAND_STYLES, type BandStyle } from "../core/bandStyles.js";

/** My council's row: a pale yellow fill (the Band cell keeps its band's colour) and bold text. */
export const FOCUS_STYLE = { fill: "#FFF2CC", bold: true } as const;

const ALL_BANDS: readonly Band[] = [...new Set([...BANDS.judged, ...BANDS.neutral])];

const bandText = (band: Band, how: TableHighlight["bandText"]) => (how === "words" ? bandWords(band) : band);

/** Every band as either table kind writes it, for recognising our formats. */
const KNOWN_TEXTS = new Set(ALL_BANDS.flatMap((b) => [b, bandWords(b)].map((t) => t.toLowerCase())));

import { columnLetters } from "../core/formulas.js";

export { columnLetters };

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
    // A MAD score just left of the Band (metric tables) takes the band's colour too; both test the Band
    // cell ($ column). A profile's Band sits beside its group score, which is banded on its own.
    const col = names[band - 1] === "MAD score" ? band - 1 : band;
    const ref = `$${columnLetters(place.left + band)}${row}`;
    for (const b of [...ALL_BANDS].reverse()) {
      const { fill, font } = BAND_STYLES[b];
      const formula = `=${ref}=${quote(bandText(b, h.bandText))}`;
      rules.push({ col, cols: band - col + 1, formula, fill, font });
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

/**
 * Whether a custom format's formula is one of ours: a band word tested on the Band column (`$J6=` since
 * the MAD score shares the colour, `J6=` in tables made before), or the focus row's test of council codes.
 */
export function isOurFormula(formula: string): boolean {
  const body = formula.replace(/^=/, "");
  const or = /^OR\((.*)\)$/.exec(body);
  const parts = (or ? or[1].split(/,(?=\$?[A-Z]{1,3}\$?\d+=")/) : [body]).map((p) => EQUALITY.exec(p));
  if (parts.some((m) => !m)) return false;
  const band = !or && KNOWN_TEXTS.has(parts[0]![2].toLowerCase());
  const focus = parts.every((m) => m![1] === "$");
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
  // A rule with no formula is one of ours whose write was cut off between adding it and setting its rule
  // (Excel keeps what a failed batch did before the failure); a user cannot make one.
  return custom.filter((_, i) => !rules[i].formula || isOurFormula(rules[i].formula));
}

/** Queues deleting formats found by findHighlights. */
export function queueRemoveHighlights(found: readonly Excel.ConditionalFormat[]): void {
  for (const f of found) f.delete();
}
