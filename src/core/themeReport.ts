// A council's Best Value theme ratings from its profile and the evidence it adds itself, for THEMEREPORT,
// THEMEEVIDENCE, the summary sheet, the pane and `cli themes`.
import { adjustScore, rateTheme, type Evidence, type Judgement, type ThemeRating } from "./bestValue.js";
import type { Benchmarks } from "./benchmarks.js";
import { CATALOGUE } from "./catalogue/index.js";
import { THEMES, type ThemeInfo } from "./catalogue/themes.js";
import type { Metric, Theme } from "./catalogue/types.js";
import type { GroupKind } from "./groups.js";
import { madScore } from "./madScore.js";
import type { Council, Polarity } from "./model.js";
import { periodLabel } from "./periods.js";
import { profileRow, type ProfileOptions, type ProfileRow } from "./profile.js";

/** One row of the workbook's Evidence table: a local measure (value against comparators) or a judgement. */
export interface LocalEvidence {
  theme: Theme;
  name: string;
  value?: number | null;
  /** The values it is compared with (e.g. the comparator councils' figures), from any range. */
  compareWith?: readonly (number | null)[];
  polarity?: Polarity;
  judgement?: Judgement;
  note?: string;
  date?: string;
}

export interface ThemeReportRow {
  theme: ThemeInfo;
  rating: ThemeRating;
  evidence: Evidence[];
}

export interface ThemeOptions extends ProfileOptions {
  local?: readonly LocalEvidence[];
}

/** All seven themes for a council, in the guidance's order. */
export function themeReport(
  benchmarks: Benchmarks,
  councilText: string,
  options: ThemeOptions = {},
): ThemeReportRow[] {
  const council = benchmarks.council(councilText);
  const rows = new Map(
    CATALOGUE.filter((m) => benchmarks.data.has(m.id)).map((m) => [
      m.id,
      profileRow(benchmarks, council, m, options),
    ]),
  );
  return THEMES.map((theme) => {
    const published =
      theme.id === "continuous-improvement"
        ? CATALOGUE.flatMap((m) =>
            rows.has(m.id) ? [travelEvidence(benchmarks, council, m, rows.get(m.id)!, options)] : [],
          )
        : CATALOGUE.filter((m) => m.themes.includes(theme.id) && rows.has(m.id)).map((m) =>
            metricEvidence(rows.get(m.id)!, options),
          );
    const local = (options.local ?? []).filter((l) => l.theme === theme.id).map(localEvidence);
    const evidence = [...published, ...local];
    return { theme, rating: rateTheme(evidence), evidence };
  });
}

function comparisonWords(options: ProfileOptions): string {
  return options.group ? `within the ${options.group} group` : "among England's councils that provide it";
}

function metricEvidence(row: ProfileRow, options: ProfileOptions): Evidence {
  const base = { name: row.metricName, local: false, worseningRun: row.worseningRun };
  const when = `${periodLabel(row.period)}, ${comparisonWords(options)}`;
  if (row.flags.includes("not-applicable"))
    return { ...base, score: null, status: "not-applicable", detail: row.note ?? undefined };
  if (row.polarity === "none")
    return { ...base, score: null, status: "context", detail: `no polarity: context (${when})` };
  const raw = options.group ? row.groupScore : row.score;
  if (raw === null)
    return { ...base, score: null, status: "no-data", detail: row.note ?? `no score (${when})` };
  return { ...base, score: adjustScore(raw, row.polarity), status: "scored", detail: when };
}

/**
 * Continuous improvement: a metric's change in polarity-adjusted score from the first to the last of
 * its last three periods with a value, in the same comparison.
 */
function travelEvidence(
  benchmarks: Benchmarks,
  council: Council,
  metric: Metric,
  row: ProfileRow,
  options: ProfileOptions,
): Evidence {
  const base = { name: metric.name, local: false };
  if (row.flags.includes("not-applicable"))
    return { ...base, score: null, status: "not-applicable", detail: row.note ?? undefined };
  if (row.polarity === "none")
    return { ...base, score: null, status: "context", detail: "no polarity: context" };
  const [first, , last] = row.trendPeriods;
  if (row.trendPeriods.length < 3)
    return { ...base, score: null, status: "no-data", detail: "fewer than three periods with a value" };
  const scoreIn = (period: string) => {
    const group = options.group ? { council: council.code, kind: options.group as GroupKind } : undefined;
    return benchmarks.row(council, benchmarks.score(metric, period, { group }))?.score ?? null;
  };
  const from = scoreIn(first);
  const to = scoreIn(last);
  if (from === null || to === null)
    return { ...base, score: null, status: "no-data", detail: "no score in one of the periods" };
  const change = adjustScore(to, row.polarity)! - adjustScore(from, row.polarity)!;
  return {
    ...base,
    score: change,
    status: "scored",
    detail: `change in score from ${periodLabel(first)} to ${periodLabel(last)}`,
    worseningRun: row.worseningRun,
  };
}

function localEvidence(l: LocalEvidence): Evidence {
  const base = { name: l.name, local: true };
  if (l.judgement)
    return {
      ...base,
      score: null,
      status: "context",
      judgement: { value: l.judgement, note: l.note ?? "", date: l.date ?? "" },
      detail: l.note,
    };
  const polarity = l.polarity ?? "higher";
  if (polarity === "none") return { ...base, score: null, status: "context", detail: "no polarity: context" };
  const raw = l.value === undefined || l.value === null ? null : madScore(l.value, l.compareWith ?? []);
  if (raw === null)
    return {
      ...base,
      score: null,
      status: "no-data",
      detail: "no score (no value, no comparison values, or a MAD of 0)",
    };
  return {
    ...base,
    score: adjustScore(raw, polarity),
    status: "scored",
    detail: `local: against ${l.compareWith?.length ?? 0} values`,
  };
}
