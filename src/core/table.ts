// The rows of a benchmark table: what the task pane previews and what src/excel writes into a worksheet.
// Pure, so the same definition gives the same rows in Excel, the preview page and tests.
import type { Benchmarks, MetricRef } from "./benchmarks.js";
import { shortLicence } from "./catalogue/index.js";
import type { GroupKind } from "./groups.js";
import { periodLabel } from "./periods.js";
import type { ScoredObservation } from "./scoring.js";

/** What a table shows: one metric, a period ("latest", "all" or a period such as "2023-24"), optional group. */
export interface TableSpec {
  metric: string;
  period: string;
  /** Compare within this council's comparator group: tier, type, region, nearest or a custom group's name. */
  group?: { council: string; kind: GroupKind | string };
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
}

export const TEXT_FORMAT = "@";
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

/** The table for a spec; throws NotFound naming the metric, period, council or group that is unknown. */
export function benchmarkTable(
  benchmarks: Benchmarks,
  spec: TableSpec,
  info: { attribution?: string } = {},
): BenchmarkTable {
  const metric = benchmarks.metric(spec.metric);
  const all = spec.period.trim().toLowerCase() === "all";
  const periods = all ? benchmarks.data.periods(metric.id) : [benchmarks.period(metric, spec.period)];
  const group = spec.group && { council: spec.group.council, kind: spec.group.kind as GroupKind };
  // Resolve the group once up front, so an unknown council or group fails before any scoring.
  const groupName = group && benchmarks.group(group.council, group.kind).name;

  const rows = periods.flatMap((period) =>
    benchmarks
      .score(metric, period, { group })
      .sort(byCouncil)
      .map((o) => tableRow(o)),
  );
  const periodText = all
    ? "all periods"
    : spec.period.trim().toLowerCase() === "latest"
      ? "latest period"
      : "";
  const periodPart = periodText || periodLabel(periods[0]);
  return {
    columns: columns(metric),
    rows,
    title: `${metric.name}${unitText(metric)}: ${periodPart}${groupName ? `, compared within ${groupName}` : ""}`,
    caveats: "caveats" in metric ? [...metric.caveats, ...(metric.note ? [metric.note] : [])] : [],
    attribution: info.attribution ?? defaultAttribution(metric),
  };
}

function columns(metric: MetricRef): TableColumn[] {
  const valueFormat = "numberFormat" in metric ? metric.numberFormat : GENERAL;
  const text = (name: string): TableColumn => ({ name, kind: "text", numberFormat: TEXT_FORMAT });
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
