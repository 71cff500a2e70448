// One place that answers the questions every surface asks (functions, CLI, task pane): which metric,
// which period, which council, and how it scores among like councils or a comparator group.
import { findMetric, CATALOGUE, placeInPopulation } from "./catalogue/index.js";
import type { Metric } from "./catalogue/types.js";
import { CouncilDirectory, tierFromCode } from "./councils.js";
import { Dataset } from "./dataset.js";
import {
  parseNearestNeighbours,
  resolveGroup,
  type ComparatorGroup,
  type CustomGroup,
  type GroupKind,
  type NearestNeighbours,
} from "./groups.js";
import type { MadOptions } from "./mad.js";
import type { Council, Observation } from "./model.js";
import { nameSimilarity } from "./names.js";
import { periodId, periodLabel } from "./periods.js";
import { placeRows, type PlacedRows } from "./population.js";
import { ScoredPeriods } from "./scoredCache.js";
import { scoreObservations, type ScoredObservation } from "./scoring.js";
import { parseSnapshot, snapshotObservations, type ReleaseInfo } from "./snapshot.js";

/** A question that cannot be answered, with a message naming what was not found. */
export class NotFound extends Error {
  override name = "NotFound";
}

export interface ScoreOptions extends MadOptions {
  /** Narrow the comparison to a comparator group of this council. */
  group?: { council: string; kind: GroupKind; custom?: CustomGroup };
}

/** A metric known to the catalogue, or one that only exists in loaded data (compared across all rows). */
export type MetricRef = Metric | { id: string; name: string; polarity: "none"; population?: undefined };

/** Why a metric has no data: none was published as an all-council file, or the loaded data lack it. */
export function noDataMessage(metric: MetricRef): string {
  return "hasDefaultData" in metric && !metric.hasDefaultData
    ? `"${metric.name}" has no data: no published all-council file was found for it. To use it, add a file that has it (under Data in the task pane; score FILE on the command line).`
    : `No data for "${metric.name}" in the loaded data`;
}

/** Up to three catalogue metrics whose name or id is closest to the text (a typo, a few words of a name). */
function closeMetrics(text: string): Metric[] {
  const words = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  const key = words(text);
  if (!key) return [];
  const similarity = (m: Metric) =>
    Math.max(...[m.name, m.id].map((s) => (words(s).includes(key) ? 0.9 : nameSimilarity(key, words(s)))));
  return CATALOGUE.map((m) => ({ m, score: similarity(m) }))
    .filter((x) => x.score >= 0.5)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((x) => x.m);
}

const list = (items: readonly string[], max = 12, sep = ", "): string =>
  items.length > max ? `${items.slice(0, max).join(sep)}${sep}… (${items.length} in all)` : items.join(sep);

export class Benchmarks {
  readonly directory: CouncilDirectory;
  /** Which publisher's release each metric's values come from, as the snapshot recorded it. */
  releases: readonly ReleaseInfo[] = [];
  /** Periods already scored (see scoredCache.ts); a new Benchmarks, as new data make, starts empty. */
  private scored = new ScoredPeriods();

  constructor(
    readonly data: Dataset,
    directory: CouncilDirectory,
    readonly nearest: NearestNeighbours,
    readonly customGroups: readonly CustomGroup[] = [],
    /** True when `directory` already knows the data's areas (it is then used as it is). */
    hasAreas = false,
  ) {
    this.directory = hasAreas ? directory : directory.withAreas(data.areas());
  }

  /**
   * The same data with other custom groups. The workbook's groups are read again before each use, and
   * adding the data's areas to the directory takes ~10 ms on the shipped data, so the directory is shared.
   * So are the scored periods: the data, directory and neighbours are the same, and a custom group's
   * members are part of its key, so an edited group is scored afresh.
   */
  withCustomGroups(groups: readonly CustomGroup[]): Benchmarks {
    const b = new Benchmarks(this.data, this.directory, this.nearest, groups, true);
    b.releases = this.releases;
    b.scored = this.scored;
    return b;
  }

  /** How many periods this Benchmarks (and those sharing its cache) actually scored. */
  get scoredPeriods(): number {
    return this.scored.computations;
  }

  metric(id: string): MetricRef {
    const m = findMetric(id);
    if (m) return m;
    const loaded = this.data.metrics().find((x) => x.toLowerCase() === id.trim().toLowerCase());
    if (loaded) return { id: loaded, name: loaded, polarity: "none" };
    // Formulas and --metric take the id, so each metric is named with its id in brackets: what to type.
    const named = (m: Metric) => `${m.name} (${m.id})`;
    const close = closeMetrics(id);
    // Names hold commas, so the lists are separated by semicolons.
    const hint = close.length ? ` Did you mean: ${close.map(named).join("; ")}?` : "";
    throw new NotFound(`Unknown metric "${id}".${hint} Metrics: ${list(CATALOGUE.map(named), 40, "; ")}`);
  }

  /** The period id for a user's text ("2023-24", "2023/24", "12 months to Mar 2025"); latest with data when empty. */
  period(metric: MetricRef, text?: string | null): string {
    const periods = this.data.periods(metric.id);
    if (!periods.length) throw new NotFound(noDataMessage(metric));
    if (text === undefined || text === null || text.trim() === "" || text.trim().toLowerCase() === "latest") {
      return this.data.latestPeriod(metric.id)!;
    }
    const wanted = periodId(text);
    const found = periods.find(
      (p) => p === wanted || periodLabel(p).toLowerCase() === text.trim().toLowerCase(),
    );
    if (found) return found;
    throw new NotFound(
      `No period "${text}" for "${metric.name}". Periods: ${list(periods.map(periodLabel))}`,
    );
  }

  council(codeOrName: string): Council {
    const found = this.directory.findOrExplain(codeOrName);
    if ("error" in found) throw new NotFound(found.error);
    return found.council;
  }

  /** The custom group `kind` names (ignoring case), unless it is one of the built-in kinds. */
  private customGroup(kind: string): CustomGroup | undefined {
    if (["tier", "type", "region", "nearest"].includes(kind)) return undefined;
    return this.customGroups.find((g) => g.name.toLowerCase() === kind.trim().toLowerCase());
  }

  group(council: string, kind: GroupKind | string): ComparatorGroup {
    const isKind = ["tier", "type", "region", "nearest"].includes(kind);
    const custom = this.customGroup(kind);
    if (!isKind && !custom) {
      const names = ["tier", "type", "region", "nearest", ...this.customGroups.map((g) => g.name)];
      throw new NotFound(`Unknown comparator group "${kind}". Groups: ${names.join(", ")}`);
    }
    const g = resolveGroup(
      this.directory,
      this.nearest,
      council,
      custom ? "custom" : (kind as GroupKind),
      custom,
    );
    if ("error" in g) throw new NotFound(g.error);
    return g;
  }

  /**
   * A period's rows as the metric compares them: under the code of the council that had the service then,
   * with the members of a joint partnership added (see population.ts).
   */
  rows(metric: MetricRef, period: string): PlacedRows {
    return placeRows(metric.population, period, this.data.observations(metric.id, period), this.directory);
  }

  /**
   * Every row of a metric and period with its LADE statistics among the metric's comparison population.
   * The rows are shared with other callers (scored once, then cached) and frozen; the array is the caller's.
   */
  score(metric: MetricRef, period: string, options: ScoreOptions = {}): ScoredObservation[] {
    return this.scoredPeriod(metric, period, options).rows.slice();
  }

  /**
   * The scored rows, each with the comparison it was scored in ("" when not compared): what a sheet's own
   * formulas need to score each row among the same councils. Shared and frozen rows, as `score` gives.
   */
  scoreWithSets(
    metric: MetricRef,
    period: string,
    options: ScoreOptions = {},
  ): { o: ScoredObservation; set: string }[] {
    return this.scoredPeriod(metric, period, options).withSets.slice();
  }

  /**
   * The key holds everything the scoring reads from its arguments: the metric's id (its polarity and
   * population are checked on a hit), the period, every spread option (all of them, so a new MadOptions
   * field cannot be forgotten here) and the group as asked for (council text, kind or name) with, for a
   * custom group, its name and members as they are now.
   */
  private scoredPeriod(metric: MetricRef, period: string, options: ScoreOptions) {
    const { group: g, ...spreadOptions } = options;
    const kind = g && (g.custom?.name ?? g.kind);
    const custom = kind === undefined ? undefined : this.customGroup(kind);
    const key = JSON.stringify([
      metric.id,
      period,
      spreadOptions,
      g?.council ?? null,
      kind ?? null,
      custom ? [custom.name, custom.members] : null,
    ]);
    return this.scored.get(key, this.data, metric, () => this.scoreAll(metric, period, options));
  }

  private scoreAll(
    metric: MetricRef,
    period: string,
    options: ScoreOptions,
  ): { o: ScoredObservation; set: string }[] {
    const group =
      options.group && this.group(options.group.council, options.group.custom?.name ?? options.group.kind);
    const members = group ? new Set(group.members) : undefined;
    const { rows, place } = this.rows(metric, period);
    const inGroup = members ? (code: string) => members.has(code) : undefined;
    const scored = scoreObservations(rows, { ...options, polarity: () => metric.polarity, place, inGroup });
    return scored.map((o, i) => {
      const p = place(rows[i]);
      const compared = "set" in p && (!inGroup || inGroup(rows[i].areacd));
      return { o, set: compared ? (group ? `${group.name}: ${p.set}` : p.set) : "" };
    });
  }

  /**
   * The council's row in a period: its own code, else the one comparable predecessor that has a row (so a
   * new unitary reads its county's older data, but never one district's value for a merged council).
   */
  row<T extends Observation>(council: Council, rows: readonly T[]): T | undefined {
    const own = rows.find((r) => r.areacd === council.code);
    if (own) return own;
    const lower = council.tier === "lower";
    const candidates = rows.filter(
      (r) => council.predecessors.includes(r.areacd) && (tierFromCode(r.areacd) === "lower") === lower,
    );
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  /** One council's scored row for a metric and period. */
  lookup(
    councilText: string,
    metricId: string,
    periodText?: string | null,
    options: ScoreOptions = {},
  ): ScoredObservation {
    const metric = this.metric(metricId);
    const period = this.period(metric, periodText);
    const council = this.council(councilText);
    const found = this.row(council, this.score(metric, period, options));
    if (!found) throw new NotFound(this.noRowMessage(metric, council, period));
    return found;
  }

  /**
   * Why a council has no row: it does not provide the service ("Adult social care … is not compared for
   * West Suffolk: district council: the service is provided by the county"), or the publisher left it out.
   */
  noRowMessage(metric: MetricRef, council: Council, period: string): string {
    const place = metric.population ? placeInPopulation(metric.population, council.code) : undefined;
    if (place && "notCompared" in place) {
      const why = `"${metric.name}" does not apply to ${council.shortName} (${place.notCompared})`;
      // A district's county provides the upper-tier services there: name it, as what to look up instead.
      const county = council.county ? this.directory.byCode(council.county) : undefined;
      const countyPlace = county && placeInPopulation(metric.population!, county.code);
      return county && countyPlace && "set" in countyPlace
        ? `${why}. ${county.shortName} provides it for ${council.shortName}'s area: use ${county.shortName} instead`
        : why;
    }
    return `No "${metric.name}" value for ${council.shortName} (${council.code}) in ${periodLabel(period)}`;
  }

  /** A council's values over time, oldest first; periods where it has no row are left out. */
  series(councilText: string, metricId: string): { period: string; value: number | null }[] {
    const metric = this.metric(metricId);
    const council = this.council(councilText);
    return this.data.periods(metric.id).flatMap((period) => {
      const r = this.row(council, this.rows(metric, period).rows);
      return r ? [{ period, value: r.value }] : [];
    });
  }
}

/** The reference files and snapshot the add-in ships, already read as text. */
export interface ShippedFiles {
  snapshot: string;
  councils: string;
  nearest: string;
}

/** Builds the benchmarks from the shipped files (the default snapshot, councils and CIPFA neighbours). */
export function benchmarksFromFiles(
  files: ShippedFiles,
  customGroups: readonly CustomGroup[] = [],
): Benchmarks {
  const snapshot = parseSnapshot(files.snapshot);
  const benchmarks = new Benchmarks(
    new Dataset(snapshotObservations(snapshot)),
    CouncilDirectory.fromJson(JSON.parse(files.councils)),
    parseNearestNeighbours(JSON.parse(files.nearest)),
    customGroups,
  );
  benchmarks.releases = snapshot.releases ?? [];
  return benchmarks;
}
