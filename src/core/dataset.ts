import type { Observation } from "./model.js";
import { sortPeriods } from "./periods.js";

/**
 * The loaded data: observations indexed by metric, period and council code. Later loads replace earlier
 * values for the same metric, period and council, so refreshing a source never duplicates rows.
 */
export class Dataset {
  private readonly byMetric = new Map<string, Map<string, Map<string, Observation>>>();
  /** Goes up with every `add`, so what was worked out from the rows can tell they changed. */
  private changes = 0;
  /**
   * Each metric's sorted periods and latest period with a value, worked out once per version: BENCH.METRIC
   * resolves a period on every call, and sorting and scanning them again cost more than the cached score.
   */
  private readonly periodsOf = new Map<string, { sorted: string[]; latest?: string | null }>();

  constructor(observations: Iterable<Observation> = []) {
    this.add(observations);
  }

  add(observations: Iterable<Observation>): this {
    this.changes++;
    this.periodsOf.clear();
    for (const o of observations) {
      let periods = this.byMetric.get(o.metric);
      if (!periods) this.byMetric.set(o.metric, (periods = new Map()));
      let areas = periods.get(o.period);
      if (!areas) periods.set(o.period, (areas = new Map()));
      areas.set(o.areacd, o);
    }
    return this;
  }

  get version(): number {
    return this.changes;
  }

  /** Metric ids with any data, in the order first loaded. */
  metrics(): string[] {
    return [...this.byMetric.keys()];
  }

  has(metric: string): boolean {
    return this.byMetric.has(metric);
  }

  /** Periods of a metric, oldest first. */
  periods(metric: string): string[] {
    return this.periodInfo(metric).sorted.slice();
  }

  /** The latest period in which at least one council has a value. */
  latestPeriod(metric: string): string | undefined {
    const info = this.periodInfo(metric);
    if (info.latest === undefined) {
      const areas = this.byMetric.get(metric);
      const withData = info.sorted.filter((p) =>
        [...(areas?.get(p)?.values() ?? [])].some((o) => o.value !== null),
      );
      info.latest = withData.at(-1) ?? null;
    }
    return info.latest ?? undefined;
  }

  private periodInfo(metric: string): { sorted: string[]; latest?: string | null } {
    let info = this.periodsOf.get(metric);
    if (!info) {
      info = { sorted: sortPeriods(this.byMetric.get(metric)?.keys() ?? []) };
      this.periodsOf.set(metric, info);
    }
    return info;
  }

  /** Every row of one metric and period (values and missing ones), in load order. */
  observations(metric: string, period: string): Observation[] {
    return [...(this.byMetric.get(metric)?.get(period)?.values() ?? [])];
  }

  /** One council's row, by any of the codes it is known by (current and predecessor codes). */
  observation(metric: string, period: string, codes: string | readonly string[]): Observation | undefined {
    const areas = this.byMetric.get(metric)?.get(period);
    for (const code of typeof codes === "string" ? [codes] : codes) {
      const o = areas?.get(code);
      if (o) return o;
    }
    return undefined;
  }

  /** All rows in the dataset (every metric and period). */
  *all(): IterableIterator<Observation> {
    for (const periods of this.byMetric.values()) for (const areas of periods.values()) yield* areas.values();
  }

  /** Distinct area codes with their names as last loaded. */
  areas(): { code: string; name: string }[] {
    const names = new Map<string, string>();
    for (const o of this.all()) names.set(o.areacd, o.areanm);
    return [...names].map(([code, name]) => ({ code, name }));
  }
}
