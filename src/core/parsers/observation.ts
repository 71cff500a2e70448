import { FormatError } from "./csv.js";
import type { Observation } from "../model.js";
import { periodId } from "../periods.js";
import { parseValue } from "../values.js";

/** One observation from raw cells: trims text, normalises the period, parses the value. */
export function observation(
  metric: string,
  period: string,
  areacd: string,
  areanm: string,
  raw: string,
): Observation {
  const parsed = parseValue(raw);
  const o: Observation = {
    metric: metric.trim(),
    period: periodId(period),
    areacd: areacd.trim(),
    areanm: areanm.trim(),
    value: parsed.value,
  };
  if (parsed.missing !== undefined) o.missing = parsed.missing;
  return o;
}

/**
 * One row per metric, period and council. A row repeated exactly counts once and is reported; the same
 * council given two different values is an error naming both lines, never a median over both.
 */
export function uniqueRows(
  rows: readonly Observation[],
  lines: readonly number[],
  key: (o: Observation) => string = (o) => `${o.metric}\u0000${o.period}\u0000${o.areacd}`,
): { observations: Observation[]; lines: number[]; duplicates: number } {
  const seen = new Map<string, number>();
  const observations: Observation[] = [];
  const kept: number[] = [];
  let duplicates = 0;
  rows.forEach((o, i) => {
    const k = key(o);
    const at = seen.get(k);
    if (at === undefined) {
      seen.set(k, i);
      observations.push(o);
      kept.push(lines[i]);
      return;
    }
    const first = rows[at];
    if (first.value === o.value) {
      duplicates++;
      return;
    }
    const shown = (v: Observation) => (v.value === null ? `no value (${v.missing})` : String(v.value));
    throw new FormatError(
      `Lines ${lines[at]} and ${lines[i]} give ${o.areanm || o.areacd} (${o.areacd}) two values for ` +
        `"${o.metric}" in ${o.period}: ${shown(first)} and ${shown(o)}. Keep one row per council and period.`,
    );
  });
  return { observations, lines: kept, duplicates };
}

/** The skipped-rows note for exact duplicates, when there are any. */
export function duplicateNote(count: number): { count: number; reason: string }[] {
  return count
    ? [{ count, reason: "exact duplicate rows (same council, metric, period and value), counted once" }]
    : [];
}
