// Who published the loaded data and under which licence, one entry per publisher and licence.
// Imports the catalogue's build step only, so the data generator can use it before published.ts exists.
import { shortLicence } from "./catalogue/build.js";
import type { Attribution } from "./snapshot.js";

/** Credits one metric to its publisher, with the licence's first sentence. */
export function credit(metric: string, publisher: string, licence: string): Attribution {
  return { publisher, licence: shortLicence(licence), metrics: [metric] };
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
