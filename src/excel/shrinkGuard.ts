// A refresh refuses a metric table whose source suddenly gives far fewer rows than last time: a file cut off
// mid-way can still arrive whole as far as HTTP can tell (status 200), and would shrink a table of every
// council to a handful while reporting success.
//
// What is compared is the source's rows for the table's metric and period(s) before a comparator group's
// councils are picked out, not the table's own rows: a table showing only its group's councils shrinks
// legitimately when the user takes councils out of the group, and that is no sign of a cut-off source.
// The rule: refuse when the last good refresh had at least MIN_ROWS such rows and now there are fewer than
// half. Councils do merge (a reorganisation turns a few districts into one unitary) and a new release may
// lack a few councils' returns, but neither comes near halving England's councils; tables of 2 or 3 rows
// are too small to judge.
import type { Benchmarks } from "../core/benchmarks.js";
import type { GroupKind } from "../core/groups.js";
import type { TableSpec } from "../core/table.js";
import type { RegisteredTable } from "./registry.js";

const MIN_ROWS = 4;

/** The source's rows behind a metric table (every council, before any group filter); undefined otherwise. */
export function sourceRows(benchmarks: Benchmarks, spec: TableSpec): number | undefined {
  if (spec.profile || spec.summary) return undefined;
  const metric = benchmarks.metric(spec.metric);
  const all = spec.period.trim().toLowerCase() === "all";
  const periods = all ? benchmarks.data.periods(metric.id) : [benchmarks.period(metric, spec.period)];
  // The same options as the table's own scoring, so the scored rows come from its cache.
  const group = spec.group && { council: spec.group.council, kind: spec.group.kind as GroupKind };
  return periods.reduce((n, period) => n + benchmarks.scoreWithSets(metric, period, { group }).length, 0);
}

/** The source's rows at the table's last good refresh, where known. */
function lastGoodRows(entry: RegisteredTable): number | undefined {
  const good = entry.lastGood ?? (entry.lastRefresh?.ok ? entry.lastRefresh : undefined);
  if (good?.sourceRows !== undefined) return good.sourceRows;
  // Recorded before source rows were: a table of every council has one row per source row.
  return entry.spec.groupOnly ? undefined : good?.rows;
}

/** Why the table is refused, or undefined when its new rows are plausible. */
export function cutOffReason(entry: RegisteredTable, now: number | undefined): string | undefined {
  const before = lastGoodRows(entry);
  if (now === undefined || before === undefined || before < MIN_ROWS || now * 2 >= before) return undefined;
  const rows = (n: number) => `${n.toLocaleString("en-GB")} row${n === 1 ? "" : "s"}`;
  return (
    `Table ${entry.table} was left as it was: its source gave ${rows(before)} at the last refresh but only ` +
    `${rows(now)} now, so ${entry.source.name} may have been cut off. Refresh again later; if it really ` +
    "has fewer councils now, insert the table again"
  );
}
