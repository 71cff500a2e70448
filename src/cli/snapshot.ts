import { credit, mergeAttribution } from "../core/attribution.js";
import { CATALOGUE, findMetric } from "../core/catalogue/index.js";
import { readObservations, type DataFormat } from "../core/load.js";
import type { Observation } from "../core/model.js";
import { buildSnapshot, serializeSnapshot } from "../core/snapshot.js";
import { fetchText } from "../sources/fetchText.js";
import { SourceRegistry } from "../sources/registry.js";
import { UsageError } from "./args.js";
import { readTextFile } from "./files.js";
import { DATA_ROOT } from "./shipped.js";

/** A source given on the command line: a registry id, an https URL or a local file. */
async function readSource(
  ref: string,
  registry: SourceRegistry,
): Promise<{ text: string; format?: DataFormat }> {
  const known = registry.get(ref);
  if (known) {
    const local = !/^https:\/\//.test(known.url);
    const text = local
      ? await readTextFile(new URL(known.url, DATA_ROOT))
      : (await fetchText(known.url)).text;
    return { text, format: known.format };
  }
  if (/^https:\/\//.test(ref)) return { text: (await fetchText(ref)).text };
  if (/^[a-z]+:\/\//i.test(ref)) throw new UsageError(`Only https URLs can be sources: ${ref}`);
  return { text: await readTextFile(ref) };
}

/** Builds a snapshot from sources; attribution from the catalogue for known metrics. */
export async function snapshotJson(sources: readonly string[], created: string): Promise<string> {
  if (!sources.length)
    throw new UsageError("snapshot needs --sources (files, https URLs or source ids, comma-separated)");
  const registry = new SourceRegistry();
  const observations: Observation[] = [];
  for (const ref of sources) {
    const { text, format } = await readSource(ref, registry);
    observations.push(...readObservations(text, format));
  }
  const attribution = mergeAttribution(
    [...new Set(observations.map((o) => o.metric))].map((id) => {
      const m = findMetric(id);
      return m
        ? credit(id, m.publisher, m.licence)
        : { publisher: "unknown publisher (user source)", licence: "see the source", metrics: [id] };
    }),
  );
  const snapshot = buildSnapshot(observations, {
    created,
    attribution,
    metricOrder: CATALOGUE.map((m) => m.id),
  });
  return serializeSnapshot(snapshot);
}
