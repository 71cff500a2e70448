import { readFile } from "node:fs/promises";
import { CATALOGUE, findMetric, shortLicence } from "../core/catalogue/index.js";
import { readObservations, type DataFormat } from "../core/load.js";
import type { Observation } from "../core/model.js";
import { buildSnapshot, serializeSnapshot, type Attribution } from "../core/snapshot.js";
import { fetchText } from "../sources/fetchText.js";
import { SourceRegistry } from "../sources/registry.js";
import { UsageError } from "./args.js";
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
      ? await readFile(new URL(known.url, DATA_ROOT), "utf8")
      : (await fetchText(known.url)).text;
    return { text, format: known.format };
  }
  if (/^https:\/\//.test(ref)) return { text: (await fetchText(ref)).text };
  if (/^[a-z]+:\/\//i.test(ref)) throw new UsageError(`Only https URLs can be sources: ${ref}`);
  return { text: await readFile(ref, "utf8") };
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
  const attribution = new Map<string, Attribution>();
  for (const id of new Set(observations.map((o) => o.metric))) {
    const m = findMetric(id);
    const publisher = m?.publisher ?? "unknown publisher (user source)";
    const licence = m ? shortLicence(m.licence) : "see the source";
    const key = `${publisher}\u0000${licence}`;
    const entry = attribution.get(key) ?? { publisher, licence, metrics: [] };
    entry.metrics.push(id);
    attribution.set(key, entry);
  }
  const snapshot = buildSnapshot(observations, {
    created,
    attribution: [...attribution.values()],
    metricOrder: CATALOGUE.map((m) => m.id),
  });
  return serializeSnapshot(snapshot);
}
