// BENCH.METRIC, SERIES and COMPARATORS: published values and comparator groups from the loaded data.
import type { Benchmarks } from "../core/benchmarks.js";
import type { GroupKind } from "../core/groups.js";
import { periodLabel } from "../core/periods.js";
import type { ScoredObservation } from "../core/scoring.js";
import { choice, text } from "./cells.js";
import { getBenchmarks } from "./data.js";
import { excelError, type ErrorValue } from "./errors.js";

const FIELDS = ["value", "median", "mad", "score", "band"] as const;
type Field = (typeof FIELDS)[number];
export const KINDS: readonly string[] = ["tier", "type", "region", "nearest"] satisfies GroupKind[];

/**
 * An optional comparator-group argument: blank = each metric's LADE population; a kind ignores case;
 * anything else is a custom group's name, read from the workbook (`custom`).
 */
export function groupArgument(group: unknown): { group?: string; custom: boolean } {
  const g = text(group);
  if (g === "") return { custom: false };
  return KINDS.includes(g.toLowerCase())
    ? { group: g.toLowerCase(), custom: false }
    : { group: g, custom: true };
}

/** Loads the data; a failure is #N/A saying why (Excel's "not available"), not an unexpected #VALUE!. */
export async function load(options?: { customGroups?: boolean }): Promise<Benchmarks | ErrorValue> {
  try {
    return await getBenchmarks(options);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return excelError("notAvailable", `Could not load the benchmark data: ${detail}`);
  }
}

export const loaded = (b: Benchmarks | ErrorValue): b is Benchmarks => "lookup" in b;

/** Lets a cancelled call stop after the (shared, uncancellable) data load instead of doing its lookup. */
export function cancellation(invocation?: CustomFunctions.CancelableInvocation): () => boolean {
  let cancelled = false;
  if (invocation) invocation.onCanceled = () => (cancelled = true);
  return () => cancelled;
}

export async function metric(
  council: unknown,
  metricId: unknown,
  period: unknown,
  field: unknown,
  cancelled: () => boolean = () => false,
): Promise<number | string | ErrorValue> {
  const f = choice(field, "field", FIELDS, "value");
  if (typeof f !== "string") return f;
  const b = await load();
  if (!loaded(b)) return b;
  // Excel ignores the result of a cancelled call; skip the work.
  if (cancelled()) return excelError("notAvailable", "Cancelled");
  const row = b.lookup(text(council), text(metricId), text(period));
  // The council as the directory names it ("Bristol"), not as the publisher spelt it ("Bristol, City of").
  const councilName = b.directory.byCode(row.areacd)?.shortName ?? row.areanm;
  return fieldOf(row, b.metric(row.metric).name, councilName, f);
}

function fieldOf(
  row: ScoredObservation,
  metricName: string,
  councilName: string,
  field: Field,
): number | string | ErrorValue {
  const what = `"${metricName}" for ${councilName} (${row.areacd}) in ${periodLabel(row.period)}`;
  if (field === "value") {
    return row.value ?? excelError("notAvailable", `No ${what}: ${row.reason ?? "no value"}`);
  }
  if (row.score === null) {
    // The comparison's median and MAD can exist without a score (a missing value, or a MAD of 0).
    if (field === "median" && row.median !== null) return row.median;
    if (field === "mad" && row.mad !== null) return row.mad;
    // #DIV/0! only for a MAD of 0; otherwise #N/A with the reason (no value, not compared).
    const kind = row.mad === 0 ? "divisionByZero" : "notAvailable";
    return excelError(kind, `No ${field} of ${what}: ${row.reason ?? "not scored"}`);
  }
  if (field === "band") return row.band;
  return row[field]!;
}

/** Rows of [period, value], oldest first; "" where the council's row has no value. */
export async function series(
  council: unknown,
  metricId: unknown,
): Promise<(string | number | ErrorValue)[][]> {
  const b = await load();
  if (!loaded(b)) return [[b]];
  const m = b.metric(text(metricId));
  const c = b.council(text(council));
  const rows = b.series(c.code, m.id);
  if (!rows.length)
    return [[excelError("notAvailable", `No "${m.name}" values for ${c.shortName} (${c.code})`)]];
  return rows.map((r) => [periodLabel(r.period), r.value ?? ""]);
}

/** Rows of [code, short name] of the comparator group, by code; the council itself included. */
export async function comparators(council: unknown, group: unknown): Promise<(string | ErrorValue)[][]> {
  const g = text(group);
  // Kinds ignore case; anything else is a custom group's name (which Benchmarks matches ignoring case),
  // read from the workbook's table on each call so an edited group spills its new members on recalculation.
  const kind = g === "" ? "tier" : KINDS.includes(g.toLowerCase()) ? g.toLowerCase() : g;
  const b = await load({ customGroups: !KINDS.includes(kind) });
  if (!loaded(b)) return [[b]];
  const found = b.group(text(council), kind);
  return found.councils.map((code) => [code, b.directory.byCode(code)?.shortName ?? code]);
}
