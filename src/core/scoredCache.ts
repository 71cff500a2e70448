// Scored periods, kept by the Benchmarks that scored them. Excel calls BENCH.METRIC once per cell, and
// each call wants one council's row of a period: scoring the whole period again (~320 councils, 0.19 ms)
// made 10,000 cells take 1.9 s. A score depends on the rows, the directory, the nearest neighbours and the
// custom groups: the cache empties itself when it is asked about another Dataset or the Dataset's version
// moves (rows added in place), the key holds the custom group's members, and the rest never changes for one
// Benchmarks (withCustomGroups shares its cache: same data, directory and neighbours).
import type { Population } from "./catalogue/types.js";
import type { Polarity } from "./model.js";
import type { ScoredObservation } from "./scoring.js";

/** A period's rows as Benchmarks.scoreWithSets gives them; the rows are frozen, as every caller shares them. */
export interface ScoredPeriod {
  readonly withSets: readonly { readonly o: ScoredObservation; readonly set: string }[];
  readonly rows: readonly ScoredObservation[];
}

/** What a score depends on in the metric beyond its id (a hand-made MetricRef can differ from the catalogue's). */
export interface MetricShape {
  population?: Population;
  polarity: Polarity;
}

interface Entry {
  metric: MetricShape;
  scored: ScoredPeriod;
}

export class ScoredPeriods {
  /** How many periods were actually scored (misses): lets tests see the reuse. */
  computations = 0;
  /** In least recently used order (a Map keeps insertion order). */
  private readonly entries = new Map<string, Entry>();
  private data: { readonly version: number } | undefined;
  private version = -1;

  /** ~320 rows each: 256 periods is a few MB, and more than a profile or theme report asks for. */
  constructor(private readonly maxEntries = 256) {}

  get size(): number {
    return this.entries.size;
  }

  /** The entry for `key` scored from `data` as it is now, for this metric; else `score()`'s, kept. */
  get(
    key: string,
    data: { readonly version: number },
    metric: MetricShape,
    score: () => { o: ScoredObservation; set: string }[],
  ): ScoredPeriod {
    if (data !== this.data || data.version !== this.version) {
      this.entries.clear();
      this.data = data;
      this.version = data.version;
    }
    const hit = this.entries.get(key);
    if (hit && hit.metric.population === metric.population && hit.metric.polarity === metric.polarity) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.scored;
    }
    const withSets = score();
    this.computations++;
    for (const r of withSets) {
      Object.freeze(r.o);
      Object.freeze(r);
    }
    // The arrays are not frozen (V8 makes a frozen array's elements slow: slice() took 25 µs, not 0.3):
    // they never leave the cache, Benchmarks hands out copies.
    const scored = { withSets, rows: withSets.map((r) => r.o) };
    this.entries.delete(key);
    this.entries.set(key, { metric: { population: metric.population, polarity: metric.polarity }, scored });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return scored;
  }

  clear(): void {
    this.entries.clear();
  }
}
