import type { Polarity } from "./model.js";

export type Direction = "improving" | "worsening" | "no-change" | "increasing" | "decreasing";

export interface Travel {
  from: number;
  to: number;
  change: number;
  direction: Direction;
}

/**
 * Direction of travel between two periods' values. Judged words (improving/worsening) follow the metric's
 * polarity; metrics with no polarity only go up or down. Null when either value is missing.
 */
export function directionOfTravel(from: number | null, to: number | null, polarity: Polarity): Travel | null {
  if (from === null || to === null || !Number.isFinite(from) || !Number.isFinite(to)) return null;
  const change = to - from;
  let direction: Direction;
  if (change === 0) direction = "no-change";
  else if (polarity === "none") direction = change > 0 ? "increasing" : "decreasing";
  else direction = change > 0 === (polarity === "higher") ? "improving" : "worsening";
  return { from, to, change, direction };
}
