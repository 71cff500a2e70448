// BENCH.THEMES, THEMESCORE, THEMERATING, THEMEREPORT and THEMEEVIDENCE: Best Value theme ratings.
import { adjustScore, NOT_RATED, rateTheme, type Evidence } from "../core/bestValue.js";
import { findTheme, THEMES, type ThemeInfo } from "../core/catalogue/themes.js";
import { isNumber } from "../core/numbers.js";
import { parsePolarity } from "../core/polarity.js";
import { themeReport, type ThemeOptions } from "../core/themeReport.js";
import {
  THEME_EVIDENCE_COLUMNS,
  THEME_REPORT_COLUMNS,
  themeEvidenceCells,
  themeReportCells,
} from "../core/themeTable.js";
import { asRange, describeCell, spillCell, text } from "./cells.js";
import { getLocalEvidence } from "./data.js";
import { asErrorValue, excelError, type ErrorValue } from "./errors.js";
import { groupArgument, load, loaded } from "./lookups.js";

export function themes(): string[][] {
  return THEMES.map((t) => [t.title]);
}

function theme(value: unknown): ThemeInfo | ErrorValue {
  const found = findTheme(text(value));
  return (
    found ??
    excelError(
      "invalidValue",
      `Unknown theme ${describeCell(value)}. Themes: ${THEMES.map((t) => t.title).join(", ")}`,
    )
  );
}

/** Scores from a range with their polarities (a range of the same shape, or one word for all; default higher). */
function evidenceOf(scores: unknown, polarities: unknown): Evidence[] | ErrorValue {
  const cells = asRange(scores);
  const words = polarities === null || polarities === undefined ? null : asRange(polarities);
  const single = words && words.length === 1 && words[0].length === 1;
  const out: Evidence[] = [];
  for (let i = 0; i < cells.length; i++) {
    for (let j = 0; j < cells[i].length; j++) {
      const cell = cells[i][j];
      const error = asErrorValue(cell);
      if (error) return error;
      if (!isNumber(cell)) continue; // blanks (and text) are not evidence, as MEDIAN ignores them
      const word = words ? (single ? words[0][0] : words[i]?.[j]) : "";
      const wordError = asErrorValue(word);
      if (wordError) return wordError;
      const polarity = text(word) === "" ? "higher" : parsePolarity(text(word));
      if (!polarity)
        return excelError(
          "invalidValue",
          `polarity must be "higher", "lower" or "none"; got ${describeCell(word)}`,
        );
      const adjusted = adjustScore(cell, polarity);
      out.push({
        name: `score ${i + 1},${j + 1}`,
        score: adjusted,
        status: adjusted === null ? "context" : "scored",
        local: true,
      });
    }
  }
  return out;
}

export function themeScore(themeName: unknown, scores: unknown, polarities: unknown): number | ErrorValue {
  const t = theme(themeName);
  if ("code" in t) return t;
  const evidence = evidenceOf(scores, polarities);
  if (!Array.isArray(evidence)) return evidence;
  const r = rateTheme(evidence);
  return r.score ?? excelError("notAvailable", `${NOT_RATED} for ${t.title}: ${r.coverage}`);
}

export function themeRating(themeName: unknown, scores: unknown, polarities: unknown): string | ErrorValue {
  const t = theme(themeName);
  if ("code" in t) return t;
  const evidence = evidenceOf(scores, polarities);
  if (!Array.isArray(evidence)) return evidence;
  return rateTheme(evidence).rating;
}

async function report(council: unknown, group: unknown, period: unknown) {
  const g = groupArgument(group);
  const b = await load({ customGroups: g.custom });
  if (!loaded(b)) return b;
  const options: ThemeOptions = {
    group: g.group,
    period: text(period) || undefined,
    local: await getLocalEvidence(),
  };
  return themeReport(b, text(council), options);
}

type Spill = (string | number | ErrorValue)[][];

export async function themeReportSpill(council: unknown, group: unknown, period: unknown): Promise<Spill> {
  const rows = await report(council, group, period);
  if (!Array.isArray(rows)) return [[rows]];
  return [[...THEME_REPORT_COLUMNS], ...rows.map((r) => themeReportCells(r).map(spillCell))];
}

export async function themeEvidenceSpill(
  council: unknown,
  themeName: unknown,
  group: unknown,
  period: unknown,
): Promise<Spill> {
  const t = theme(themeName);
  if ("code" in t) return [[t]];
  const rows = await report(council, group, period);
  if (!Array.isArray(rows)) return [[rows]];
  const row = rows.find((r) => r.theme.id === t.id)!;
  if (!row.evidence.length)
    return [[excelError("notAvailable", `No evidence for ${t.title}: ${t.evidence}`)]];
  return [[...THEME_EVIDENCE_COLUMNS], ...row.evidence.map((e) => themeEvidenceCells(row, e).map(spillCell))];
}
