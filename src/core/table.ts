// The rows of a benchmark table: what the task pane previews and what src/excel writes into a worksheet.
// Pure, so the same definition gives the same rows in Excel, the preview page and tests.
export { TEXT_FORMAT } from "./tableFormat.js";
import { BANDS, type Band } from "./band.js";
import type { Benchmarks, MetricRef } from "./benchmarks.js";
import { LIVE_ROW_LIMIT } from "./formulas.js";
import type { Polarity } from "./model.js";
import { shortLicence } from "./catalogue/index.js";
import type { GroupKind } from "./groups.js";
import { periodLabel } from "./periods.js";
import { profileTable } from "./profileTable.js";
import type { LocalEvidence } from "./themeReport.js";
import { themeSummaryTable } from "./themeSummary.js";
import type { ScoredObservation } from "./scoring.js";
import { TEXT_FORMAT } from "./tableFormat.js";

/** The `metric` of a profile table's spec (a profile covers every metric). */
export const PROFILE_METRIC = "profile";
/** The `metric` of a Best Value summary's spec. */
export const SUMMARY_METRIC = "summary";

/** What a table shows: one metric, a period ("latest", "all" or a period such as "2023-24"), optional group. */
export interface TableSpec {
  /** A metric id, or PROFILE_METRIC for a profile table. */
  metric: string;
  period: string;
  /** Compare within this council's comparator group: tier, type, region, nearest or a custom group's name. */
  group?: { council: string; kind: GroupKind | string };
  /**
   * A council profile (one row per metric) instead of a metric table; `group.kind` then names the
   * comparator group of this council and `period` is "latest" (each metric's latest) or a period.
   */
  profile?: { council: string };
  /** A Best Value summary of the council (each theme's rating and evidence), optionally beside a second council. */
  summary?: { council: string; compare?: string };
  /** Metric tables: my council (code or name); its row is highlighted. */
  focus?: string;
  /** Metric tables: only the comparison group's councils (needs `group`). */
  groupOnly?: boolean;
  /** Metric tables: best score first after polarity (highest first with no polarity), ties by name, no score last. */
  sort?: "score";
  /**
   * Metric tables: Median, MAD, MAD score, Band and Outlier as live formulas over the table's own values
   * (core/formulas.ts), with a "Compared among" column saying which rows each is scored among. Tables saved
   * before this have plain values and keep them.
   */
  live?: boolean;
}

export type CellValue = string | number | boolean | null;

export interface TableColumn {
  name: string;
  kind: "text" | "number" | "boolean";
  /** Excel number format; "@" (text) for text columns so no text is ever read as a formula or number. */
  numberFormat: string;
}

export interface BenchmarkTable {
  columns: TableColumn[];
  /** One row per council and period, in column order; null where there is nothing to show. */
  rows: CellValue[][];
  title: string;
  /** The metric's caveats and note, to show with the values. */
  caveats: string[];
  /** Who published the values and under which licence. */
  attribution: string;
  /** What the workbook colours: absent for tables that have no Band column to colour. */
  highlight?: TableHighlight;
  /**
   * Set when Median to Outlier are to be written as the formulas of core/formulas.ts (the rows still hold
   * the core's numbers, which the formulas reproduce); absent for plain values.
   */
  formulas?: { polarity: Polarity };
  /** Metric tables: the bands its Band column can show, best (or highest) first, for a colour key. */
  legend?: readonly Band[];
  /**
   * The chart of the councils' scores in one period: the table's period, or the latest of a table of all
   * periods (its last rows). Absent when that period has too many rows to chart.
   */
  chart?: { title: string };
}

/** What src/excel highlights in a table, found by column name ("Band", "Council code"). */
export interface TableHighlight {
  /** How the Band column writes a band: as its id ("slightly-worse") or in words ("slightly worse"). */
  bandText: "id" | "words";
  /** My council's row: the codes its rows carry in the Council code column. */
  focus?: { council: string; codes: string[] };
}
const GENERAL = "General";
const SCORE_FORMAT = "0.00";
/** MAD is often a fraction of the values' precision, so it gets up to three decimals. */
const MAD_FORMAT = "#,##0.0##";

/** Column names, in order. Refresh finds its columns by these names, so renaming one breaks old workbooks. */
export const TABLE_COLUMN_NAMES = [
  "Council code",
  "Council",
  "Period",
  "Value",
  "Median",
  "MAD",
  "MAD score",
  "Band",
  "Outlier",
  "Note",
] as const;

/** The most councils a table's chart shows, one column each (all English councils are fewer than 400). */
export const CHART_ROW_LIMIT = 1_000;

/** The column a live table adds after Note: which councils a row is scored among ("" when not compared). */
export const COMPARED_AMONG = "Compared among";

/**
 * The table for a spec: a metric table, or a council's profile when `spec.profile` is set. Throws NotFound
 * naming the metric, period, council or group that is unknown.
 */
export function benchmarkTable(
  benchmarks: Benchmarks,
  spec: TableSpec,
  info: { attribution?: string; local?: readonly LocalEvidence[] } = {},
): BenchmarkTable {
  if (spec.profile) return councilProfileTable(benchmarks, spec, spec.profile.council, info);
  if (spec.summary) {
    const period = spec.period.trim().toLowerCase() === "latest" ? undefined : spec.period;
    const { council, compare } = spec.summary;
    const table = themeSummaryTable(benchmarks, council, {
      group: spec.group?.kind,
      period,
      compare,
      local: info.local,
    });
    return info.attribution ? { ...table, attribution: info.attribution } : table;
  }
  const metric = benchmarks.metric(spec.metric);
  const all = spec.period.trim().toLowerCase() === "all";
  const periods = all ? benchmarks.data.periods(metric.id) : [benchmarks.period(metric, spec.period)];
  const group = spec.group && { council: spec.group.council, kind: spec.group.kind as GroupKind };
  if (spec.groupOnly && !group) throw new Error("Showing only the group's councils needs a comparator group");
  // Resolve the group and my council once up front, so an unknown one fails before any scoring.
  const comparator = group && benchmarks.group(group.council, group.kind);
  const focus = spec.focus === undefined ? undefined : benchmarks.council(spec.focus);
  const members = spec.groupOnly && comparator ? new Set(comparator.members) : undefined;
  const order = spec.sort === "score" ? byScore(metric.polarity) : byCouncil;

  // A comparator group's councils come first in each period, the others after them for reference: so the
  // chart, which plots the last period's rows up to the first one not compared, shows only the group.
  const outside = (r: { set: string }) => (group && !members && r.set === "" ? 1 : 0);
  const withSets = periods.map((period) =>
    benchmarks
      .scoreWithSets(metric, period, { group })
      .filter(({ o }) => !members || members.has(o.areacd))
      .sort((a, b) => outside(a) - outside(b) || order(a.o, b.o)),
  );
  const scored = withSets.map((rows) => rows.map((r) => r.o));
  const rowCount = scored.reduce((n, rows) => n + rows.length, 0);
  const live = spec.live === true;
  // Each live row scans its whole table, so a very big table would take Excel minutes to recalculate.
  const formulas = live && rowCount <= LIVE_ROW_LIMIT;
  const periodText = all
    ? "all periods"
    : spec.period.trim().toLowerCase() === "latest"
      ? "latest period"
      : "";
  const periodPart = periodText || periodLabel(periods[0]);
  const groupPart = comparator
    ? `, compared within ${comparator.name}${members ? " (its councils only)" : ""}`
    : "";
  const focusCodes = focus && [
    ...new Set([focus.code, ...scored.flatMap((rows) => benchmarks.row(focus, rows)?.areacd ?? [])]),
  ];
  const caveats = "caveats" in metric ? [...metric.caveats, ...(metric.note ? [metric.note] : [])] : [];
  if (live && !formulas)
    caveats.push(
      `The scores are values, not formulas: tables of more than ${LIVE_ROW_LIMIT.toLocaleString("en-GB")} rows would take Excel too long to recalculate.`,
    );
  return {
    columns: live ? liveColumns(metric) : columns(metric),
    rows: withSets.flatMap((rows) =>
      rows.map(({ o, set }) => (live ? [...tableRow(o), comparedAmong(set)] : tableRow(o))),
    ),
    title: `${metric.name}${unitText(metric)}: ${periodPart}${groupPart}${spec.sort === "score" ? ", best first" : ""}`,
    caveats,
    attribution: info.attribution ?? defaultAttribution(metric),
    highlight: {
      bandText: "id",
      ...(focus && focusCodes ? { focus: { council: focus.shortName, codes: focusCodes } } : {}),
    },
    legend: metric.polarity === "none" ? BANDS.neutral : BANDS.judged,
    ...(formulas ? { formulas: { polarity: metric.polarity } } : {}),
    ...chartOf(`MAD scores: ${metric.name}, ${periodLabel(periods.at(-1)!)}${groupPart}`, scored),
  };
}

/** The chart of the last period's rows (periods run oldest first), when there are not too many. */
function chartOf(title: string, periods: readonly unknown[][]): Pick<BenchmarkTable, "chart"> {
  const rows = periods.at(-1)?.length ?? 0;
  return rows > 0 && rows <= CHART_ROW_LIMIT ? { chart: { title } } : {};
}

/** Data loaded into the add-in has one comparison, all its councils, which core/population calls "all". */
const comparedAmong = (set: string): string => (set === "all" ? "All councils" : set);

/** The council's profile (see profileTable.ts) as a spec asks for it. */
function councilProfileTable(
  benchmarks: Benchmarks,
  spec: TableSpec,
  council: string,
  info: { attribution?: string },
): BenchmarkTable {
  const period = spec.period.trim().toLowerCase() === "latest" ? undefined : spec.period;
  const table = profileTable(benchmarks, council, { group: spec.group?.kind, period }, info);
  return { ...table, highlight: { bandText: "words" } };
}

const textColumn = (name: string): TableColumn => ({ name, kind: "text", numberFormat: TEXT_FORMAT });

function columns(metric: MetricRef): TableColumn[] {
  const valueFormat = "numberFormat" in metric ? metric.numberFormat : GENERAL;
  const text = textColumn;
  const number = (name: string, numberFormat: string): TableColumn => ({
    name,
    kind: "number",
    numberFormat,
  });
  const [code, council, period, value, median, mad, score, band, outlier, note] = TABLE_COLUMN_NAMES;
  return [
    text(code),
    text(council),
    text(period),
    number(value, valueFormat),
    number(median, valueFormat),
    number(mad, MAD_FORMAT),
    number(score, SCORE_FORMAT),
    text(band),
    { name: outlier, kind: "boolean", numberFormat: GENERAL },
    text(note),
  ];
}

/**
 * A live table's columns: Band in General, since a formula entered in a text-formatted cell stays text; and
 * the comparison each row is scored among, which the formulas match rows on.
 */
function liveColumns(metric: MetricRef): TableColumn[] {
  const plain = columns(metric).map((c) => (c.name === "Band" ? { ...c, numberFormat: GENERAL } : c));
  return [...plain, textColumn(COMPARED_AMONG)];
}

function tableRow(o: ScoredObservation): CellValue[] {
  return [
    o.areacd,
    o.areanm,
    periodLabel(o.period),
    o.value,
    o.median,
    o.mad,
    o.score,
    o.band,
    o.outlier,
    o.reason ?? o.note ?? null,
  ];
}

const byCouncil = (a: ScoredObservation, b: ScoredObservation): number =>
  a.areanm.localeCompare(b.areanm, "en-GB") || (a.areacd < b.areacd ? -1 : a.areacd > b.areacd ? 1 : 0);

/** Best first after polarity (highest first for metrics with no polarity), ties by name; no score last. */
const byScore =
  (polarity: MetricRef["polarity"]) =>
  (a: ScoredObservation, b: ScoredObservation): number => {
    if (a.score === null || b.score === null)
      return (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0) || byCouncil(a, b);
    const sign = polarity === "lower" ? -1 : 1;
    return sign * (b.score - a.score) || byCouncil(a, b);
  };

function unitText(metric: MetricRef): string {
  return "unit" in metric && metric.unit ? ` (${metric.unit})` : "";
}

/** The catalogue's publisher and licence: the same pair the shipped snapshot's attribution lists. */
export function defaultAttribution(metric: MetricRef): string {
  if (!("publisher" in metric)) return "Source: data loaded into the add-in";
  return attributionLine(metric.publisher, shortLicence(metric.licence));
}

/** "Source: <publisher>. Licence: <licence>." */
export function attributionLine(publisher: string, licence: string): string {
  return `Source: ${sentence(publisher)} Licence: ${sentence(licence)}`;
}

const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
