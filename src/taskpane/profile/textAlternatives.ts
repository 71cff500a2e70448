// What the charts say, in words: the label of each chart (role="img") and the words beside colours.
import { periodLabel } from "../../core/periods.js";
import type { ProfileRow } from "../../core/profile.js";
import { rankText } from "../../core/profile.js";
import type { Distribution, TrendPoint } from "./distribution.js";
import { formatValue } from "./format.js";

/** "15 of 16 in the group", "150 of 294 councils compared", or why there is no rank. */
export function rankPhrase(row: ProfileRow, grouped: boolean): string {
  if (row.rank === null) return rankText(row);
  return `${rankText(row)} ${grouped ? "in the group" : "councils compared"}`;
}

/**
 * The strip chart's label: "West Suffolk 37.1%, England median 42.3%, group median 49.5%, 15 of 16 in
 * the group". Without a group the median is England's and the rank is among all councils compared.
 */
export function stripSummary(
  row: ProfileRow,
  councilName: string,
  d: Distribution,
  grouped: boolean,
): string {
  const v = (x: number | null | undefined) => formatValue(x, row.metric, row.unit);
  const parts = [`${councilName} ${v(d.mine?.value ?? row.value)}`];
  if (grouped && d.groupMedian !== undefined) {
    parts.push(`England median ${v(d.median)}`, `group median ${v(d.groupMedian)}`);
  } else {
    parts.push(`median ${v(d.median)}`);
  }
  parts.push(
    row.polarity === "none"
      ? `${d.points.length} councils compared (no better or worse)`
      : rankPhrase(row, grouped),
  );
  return parts.join(", ");
}

/** The trend chart's label: first and latest values, and the medians in the latest period. */
export function trendSummary(
  row: ProfileRow,
  councilName: string,
  points: readonly TrendPoint[],
  grouped: boolean,
): string {
  const v = (x: number | null | undefined) => formatValue(x, row.metric, row.unit);
  const valued = points.filter((p) => p.value !== null);
  if (!valued.length) return `${councilName} has no values for this metric`;
  const first = valued[0];
  const last = valued[valued.length - 1];
  const lastPoint = points.find((p) => p.period === last.period)!;
  const medians = [
    grouped && lastPoint.groupMedian !== null ? `group median ${v(lastPoint.groupMedian)}` : "",
    lastPoint.englandMedian !== null ? `England median ${v(lastPoint.englandMedian)}` : "",
  ].filter(Boolean);
  const span =
    first === last
      ? `${councilName} ${v(last.value)} in ${periodLabel(last.period)}`
      : `${councilName} ${v(first.value)} in ${periodLabel(first.period)}, ${v(last.value)} in ${periodLabel(last.period)}`;
  return `${span}${medians.length ? `; ${medians.join(", ")} in ${periodLabel(last.period)}` : ""}`;
}
