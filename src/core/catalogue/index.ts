import type { Observation } from "../model.js";
import type { Placement } from "../scoring.js";
import { buildCatalogue, placeInPopulation } from "./build.js";
import { DEFINITIONS } from "./definitions.js";
import { PUBLISHED } from "./published.js";
import type { Metric } from "./types.js";

export type {
  ComparisonSet,
  Metric,
  MetricDefinition,
  Population,
  PublishedMetadata,
  Theme,
} from "./types.js";
export { buildCatalogue, placeInPopulation } from "./build.js";
export { DEFINITIONS, NOT_OFFICIAL } from "./definitions.js";
export { THEMES } from "./themes.js";

export const CATALOGUE: readonly Metric[] = buildCatalogue(DEFINITIONS, PUBLISHED);

const byId = new Map(CATALOGUE.map((m) => [m.id.toLowerCase(), m]));

/** A catalogue metric by id, ignoring case and surrounding spaces. */
export function findMetric(id: string): Metric | undefined {
  return byId.get(id.trim().toLowerCase());
}

/** The `place` option of scoreObservations for catalogue metrics; unknown metrics compare all rows. */
export function placeObservation(o: Observation): Placement {
  const metric = findMetric(o.metric);
  return metric ? placeInPopulation(metric.population, o.areacd) : { set: "all" };
}
