import { credit, mergeAttribution } from "../core/attribution.js";
import { CATALOGUE, findMetric } from "../core/catalogue/index.js";
import { readObservations, type DataFormat } from "../core/load.js";
import type { Observation } from "../core/model.js";
import {
  buildSnapshot,
  parseSnapshot,
  serializeSnapshot,
  snapshotObservations,
  type ReleaseInfo,
} from "../core/snapshot.js";
import { fetchText } from "../sources/fetchText.js";
import { SourceRegistry } from "../sources/registry.js";
import { UsageError } from "./args.js";
import { readTextFile } from "./files.js";
import { parsePublisherRef, readPublisherRef } from "./publisherSource.js";
import { DATA_ROOT } from "./shipped.js";

const TEXT_FORMATS: readonly string[] = ["lade", "els", "tidy", "snapshot"] satisfies DataFormat[];
const isTextFormat = (format: string): format is DataFormat => TEXT_FORMATS.includes(format);

/** A source given on the command line: a registry id, an https URL or a local file. */
async function readSource(
  ref: string,
  registry: SourceRegistry,
): Promise<{ text: string; format?: DataFormat }> {
  const known = registry.get(ref);
  if (known) {
    if (!isTextFormat(known.format))
      throw new UsageError(`${known.name} is a publisher's file the command line cannot read yet`);
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

/** One source's rows, and the publishers' releases they come from (kept when re-snapshotting a snapshot). */
async function readRef(
  ref: string,
  registry: SourceRegistry,
): Promise<{ observations: Observation[]; releases: ReleaseInfo[] }> {
  // Publishers' files first: their ids are also registry ids (where the pane looks for releases).
  const publisher = parsePublisherRef(ref);
  if (publisher) {
    const { observations, release } = await readPublisherRef(publisher);
    return { observations, releases: [release] };
  }
  const { text, format } = await readSource(ref, registry);
  if (format === "snapshot" || (format === undefined && text.trimStart().startsWith("{"))) {
    const snapshot = parseSnapshot(text);
    return { observations: snapshotObservations(snapshot), releases: snapshot.releases ?? [] };
  }
  return { observations: readObservations(text, format), releases: [] };
}

/** Builds a snapshot from sources; attribution from the catalogue for known metrics. */
export async function snapshotJson(sources: readonly string[], created: string): Promise<string> {
  if (!sources.length)
    throw new UsageError(
      "snapshot needs --sources (files, https URLs, source ids or publishers' files, comma-separated)",
    );
  const registry = new SourceRegistry();
  const observations: Observation[] = [];
  const releases: ReleaseInfo[] = [];
  for (const ref of sources) {
    const read = await readRef(ref, registry);
    observations.push(...read.observations);
    releases.push(...read.releases);
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
    releases,
    metricOrder: CATALOGUE.map((m) => m.id),
  });
  return serializeSnapshot(snapshot);
}
