// Who published the loaded data and under which licence, one entry per publisher and licence.
import { findMetric, shortLicence } from "../core/catalogue/index.js";
import type { Attribution } from "../core/snapshot.js";

/**
 * The catalogue's publisher and licence for each catalogue metric: the same entries the shipped snapshot
 * carries, since scripts/generate-data.ts builds its attribution from this metadata.
 */
export function catalogueAttribution(metrics: Iterable<string>): Attribution[] {
  return mergeAttribution(
    [...metrics].flatMap((id) => {
      const m = findMetric(id);
      return m ? [{ publisher: m.publisher, licence: shortLicence(m.licence), metrics: [m.id] }] : [];
    }),
  );
}

/** One entry per publisher and licence, metrics in first-seen order; a later entry's metrics move to it. */
export function mergeAttribution(...lists: (readonly Attribution[])[]): Attribution[] {
  const out = new Map<string, Attribution>();
  const owner = new Map<string, string>();
  for (const a of lists.flat()) {
    const key = `${a.publisher}\u0000${a.licence}`;
    const entry = out.get(key) ?? { publisher: a.publisher, licence: a.licence, metrics: [] };
    out.set(key, entry);
    for (const m of a.metrics) {
      const previous = owner.get(m);
      if (previous && previous !== key) {
        const old = out.get(previous)!;
        old.metrics = old.metrics.filter((x) => x !== m);
      }
      owner.set(m, key);
      if (!entry.metrics.includes(m)) entry.metrics.push(m);
    }
  }
  return [...out.values()].filter((a) => a.metrics.length);
}
