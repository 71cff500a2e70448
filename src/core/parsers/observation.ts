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
