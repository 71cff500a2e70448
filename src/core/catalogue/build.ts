import type { Placement } from "../scoring.js";
import type { Metric, MetricDefinition, Population, PublishedMetadata } from "./types.js";

/** Joins the hand-kept definitions with the published metadata; every metric must have one or the other. */
export function buildCatalogue(
  definitions: readonly MetricDefinition[],
  published: Readonly<Record<string, PublishedMetadata>>,
): Metric[] {
  return definitions.map((d) => {
    const meta = d.metadata ?? published[d.id];
    if (!meta) throw new Error(`Metric ${d.id} has no published metadata; run npm run generate-data`);
    // A metric's note (e.g. "not an official Oflog figure") travels with its name, so every place that
    // names the metric (pane, tables, CLI, docs) says it.
    const name = d.note
      ? `${meta.label} (${d.note.charAt(0).toLowerCase()}${d.note.slice(1).replace(/\.$/, "")})`
      : meta.label;
    const caveats = d.population.caveat ? [...meta.caveats, d.population.caveat] : meta.caveats;
    return { ...meta, ...d, name, caveats, hasDefaultData: d.file !== undefined };
  });
}

/** Where a council's row sits in a metric's comparison: which set of like councils, or why it is not compared. */
export function placeInPopulation(population: Population, areacd: string): Placement {
  const prefix = areacd.slice(0, 3).toUpperCase();
  const set = population.sets.find((s) => s.prefixes.includes(prefix));
  if (set) return { set: set.name };
  return { notCompared: population.notCompared[prefix] ?? population.otherwise };
}

/** A licence's first sentence, for attribution lines: "Open Government Licence v3.0 (Crown copyright, Defra)". */
export const shortLicence = (licence: string): string => licence.split(/\.\s/)[0].replace(/\.$/, "");
