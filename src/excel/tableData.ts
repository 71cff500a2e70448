// What a registered table depends on: the metrics it shows (a profile shows every catalogue metric with
// data), the sources a refresh fetches again for it, and the publishers it credits.
import type { Benchmarks } from "../core/benchmarks.js";
import { CATALOGUE } from "../core/catalogue/index.js";
import type { TableSpec } from "../core/table.js";
import type { TableSource } from "./registry.js";
import { SHIPPED_SOURCE, type DataSession } from "./session.js";

/** A profile or a Best Value summary: a table over every metric rather than one. */
export const coversAllMetrics = (spec: TableSpec): boolean =>
  spec.profile !== undefined || spec.summary !== undefined;

/** The metrics behind a table: its own, or for a profile every catalogue metric with loaded data. */
export function tableMetrics(benchmarks: Benchmarks, spec: TableSpec): string[] {
  if (!coversAllMetrics(spec)) return [spec.metric];
  return CATALOGUE.filter((m) => benchmarks.data.has(m.id)).map((m) => m.id);
}

/** The metrics behind all these tables, each once, in first-seen order (what the workbook's snapshot keeps). */
export function metricsOfTables(benchmarks: Benchmarks, specs: readonly TableSpec[]): string[] {
  return [...new Set(specs.flatMap((spec) => tableMetrics(benchmarks, spec)))];
}

/** The sources a refresh fetches for a table: the one it was made from, or each source of a profile's metrics. */
export function tableSources(session: DataSession, entry: { spec: TableSpec; source: TableSource }) {
  // Tables made before a metric could be refreshed from its publisher named the built-in snapshot.
  if (!coversAllMetrics(entry.spec))
    return [entry.source.id === SHIPPED_SOURCE.id ? session.sourceOf(entry.spec.metric) : entry.source];
  const sources = tableMetrics(session.benchmarks, entry.spec).map((m) => session.sourceOf(m));
  return [...new Map(sources.map((s) => [s.id, s])).values()];
}

/** The table's credit line: its metric's publisher, or for a profile every publisher of its metrics. */
export function tableAttribution(session: DataSession, spec: TableSpec): string | undefined {
  if (!coversAllMetrics(spec)) return session.attributionOf(spec.metric);
  const metrics = new Set(tableMetrics(session.benchmarks, spec));
  const credits = session.attribution().filter((a) => a.metrics.some((m) => metrics.has(m)));
  if (!credits.length) return undefined;
  const trim = (text: string) => text.trim().replace(/\.$/, "");
  const list = credits.map((a) => `${trim(a.publisher)} (licence: ${trim(a.licence)})`).join("; ");
  return `Sources: ${list}. Scores calculated by this add-in, not official Oflog figures.`;
}
