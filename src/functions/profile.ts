// BENCH.PROFILE and BENCH.RANK: where a council stands, from the same core function as the profile sheet,
// the pane and `cli profile`.
import { profileRow, rankText } from "../core/profile.js";
import { profileTable } from "../core/profileTable.js";
import type { Metric } from "../core/catalogue/types.js";
import { spillCell, text } from "./cells.js";
import { excelError, type ErrorValue } from "./errors.js";
import { groupArgument, load, loaded } from "./lookups.js";

/** The profile with a header row, one row per metric; "" for empty cells. */
export async function profile(
  council: unknown,
  group: unknown,
  period: unknown,
): Promise<(string | number | ErrorValue)[][]> {
  const g = groupArgument(group);
  const b = await load({ customGroups: g.custom });
  if (!loaded(b)) return [[b]];
  const p = text(period);
  const table = profileTable(b, text(council), { group: g.group, period: p === "" ? undefined : p });
  return [table.columns.map((c) => c.name), ...table.rows.map((r) => r.map(spillCell))];
}

/** "5 of 16": the council's rank on one metric within the comparison, 1 = best. */
export async function rank(
  council: unknown,
  metricId: unknown,
  group: unknown,
  period: unknown,
): Promise<string | ErrorValue> {
  const g = groupArgument(group);
  const b = await load({ customGroups: g.custom });
  if (!loaded(b)) return b;
  const metric = b.metric(text(metricId));
  if (!("domain" in metric))
    return excelError(
      "notAvailable",
      `"${metric.name}" is not a catalogue metric: it has no comparison to rank in`,
    );
  const p = text(period);
  const chosen = b.period(metric, p); // an unknown period is #N/A naming it, never another period's rank
  const row = profileRow(b, b.council(text(council)), metric as Metric, { group: g.group, period: chosen });
  if (row.rank === null) return excelError("notAvailable", `No rank for ${row.metricName}: ${rankText(row)}`);
  return rankText(row);
}
