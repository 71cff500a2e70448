import type { Observation } from "../model.js";
import { slug } from "../parsers/els.js";
import { credit, mergeAttribution } from "../attribution.js";
import type { Attribution } from "../snapshot.js";
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
export { buildCatalogue, placeInPopulation, shortLicence } from "./build.js";
export { DEFINITIONS, NOT_OFFICIAL } from "./definitions.js";
export { THEMES, findTheme, type ThemeInfo } from "./themes.js";

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

const byFileName = new Map(
  DEFINITIONS.flatMap((d) =>
    [d.fileMetric, ...(d.aliases ?? [])].filter((n) => n !== undefined).map((n) => [n, d.id]),
  ),
);

/**
 * The catalogue id for a metric as a file names it: an id, a file's own id (ELS slugs differ for some) or
 * a label such as "Household waste recycling rate". Unknown metrics keep their name.
 */
export function catalogueId(name: string): string {
  const key = slug(name);
  return byFileName.get(key) ?? findMetric(key)?.id ?? findMetric(name)?.id ?? name;
}

/**
 * The catalogue's publisher and licence for each catalogue metric: the same entries the shipped snapshot
 * carries, since scripts/generate-data.ts builds its attribution from this metadata.
 */
export function catalogueAttribution(metrics: Iterable<string>): Attribution[] {
  return mergeAttribution(
    [...metrics].flatMap((id) => {
      const m = findMetric(id);
      return m ? [credit(m.id, m.publisher, m.licence)] : [];
    }),
  );
}
