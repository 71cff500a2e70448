// The data the add-in works with: the shipped snapshot, plus the workbook's own snapshot, plus sources and
// snapshot files the user added. No Office code, so the preview page uses it as it is.
import { mergeAttribution } from "../core/attribution.js";
import { catalogueAttribution } from "../core/catalogue/index.js";
import { Benchmarks } from "../core/benchmarks.js";
import { Dataset } from "../core/dataset.js";
import type { CustomGroup } from "../core/groups.js";
import type { Observation } from "../core/model.js";
import { readObservations } from "../core/load.js";
import { slug } from "../core/parsers/index.js";
import { attributionLine } from "../core/table.js";
import { parseSnapshot, snapshotObservations, type Attribution, type ReleaseInfo } from "../core/snapshot.js";
import {
  createMemoryCache,
  DEFAULT_SOURCES,
  fetchText,
  SourceRegistry,
  type FetchTextOptions,
  type SourceCache,
  type SourceFormat,
} from "../sources/index.js";
import { loadShippedBenchmarks } from "../sources/shipped.js";
import { readPublisherFile, type PublisherFileReader } from "../sources/readPublisher.js";
import { findPublisherSource, type DownloadOptions } from "../sources/publishers.js";
import { releaseLine } from "./releaseText.js";
import { fetchPublisher } from "./releases.js";
import type { TableSource } from "./registry.js";

export interface SessionOptions {
  /** The add-in's own URL: shipped files and relative source URLs are read from beside it. */
  baseUrl: string;
  /** The data proxy prefix for publishers' https URLs, e.g. "/api/fetch?url=". */
  proxyBase?: string;
  fetch?: typeof fetch;
  fetchOptions?: Pick<FetchTextOptions, "attempts" | "retryDelayMs" | "timeoutMs">;
  /** Loads the shipped data; loadShippedBenchmarks by default. */
  loadShipped?: (baseUrl: string, fetchImpl?: typeof fetch) => Promise<Benchmarks>;
  /** Where GOV.UK and GitHub are (fixture servers in tests); the real sites by default. */
  publisherHosts?: Pick<DownloadOptions, "origin" | "githubApi" | "githubRaw">;
  /** Reads a publisher's file; in the pane a worker, so a 22 MB sheet does not freeze it. */
  readPublisher?: PublisherFileReader;
  /** The clock, for the dates releases were checked. */
  now?: () => Date;
}

/** Observations read from one source, with who published them. */
export interface LoadedData {
  observations: Observation[];
  attribution: Attribution[];
  /** The publisher's release they come from (also when it was checked and found unchanged). */
  releases?: ReleaseInfo[];
  /**
   * "periods": the data replace only the metric periods they hold (one year's RS workbook must not drop
   * the other years); otherwise a refreshed source replaces its metrics whole.
   */
  replaces?: "periods";
}

const shipped = DEFAULT_SOURCES[0];
export const SHIPPED_SOURCE: TableSource = {
  id: shipped.id,
  name: shipped.name,
  url: shipped.url,
  format: shipped.format,
  licence: shipped.licence,
  attribution: shipped.attribution,
};

/** What the user types to add a source. */
export interface SourceInput {
  url: string;
  format: SourceFormat;
  name?: string;
  licence?: string;
}

export class DataSession {
  readonly sources = new SourceRegistry();
  private readonly cache: SourceCache = createMemoryCache();
  private readonly metricSources = new Map<string, TableSource>();
  private attributions: Attribution[];
  /** By source id: the release in use of each publisher's file. */
  private readonly releaseBySource = new Map<string, ReleaseInfo>();

  private constructor(
    private current: Benchmarks,
    private readonly options: SessionOptions,
  ) {
    // A metric a publisher's reader provides is refreshed from that publisher; the rest from the snapshot.
    for (const m of current.data.metrics()) this.metricSources.set(m, publisherSourceOf(m) ?? SHIPPED_SOURCE);
    this.attributions = catalogueAttribution(current.data.metrics());
    this.noteReleases(current.releases);
  }

  static async open(options: SessionOptions): Promise<DataSession> {
    const load = options.loadShipped ?? loadShippedBenchmarks;
    return new DataSession(await load(options.baseUrl, options.fetch), options);
  }

  get benchmarks(): Benchmarks {
    return this.current;
  }

  /** Uses these custom comparator groups (the workbook's, as last read); the data stays as it is. */
  setCustomGroups(groups: readonly CustomGroup[]): void {
    this.current = this.current.withCustomGroups(groups);
  }

  /** Every publisher and licence of the loaded data. */
  attribution(): Attribution[] {
    return this.attributions;
  }

  /** Where a metric's data came from: what a table of it re-fetches on refresh. */
  sourceOf(metric: string): TableSource {
    return this.metricSources.get(metric) ?? SHIPPED_SOURCE;
  }

  setSourceOf(metric: string, source: TableSource): void {
    this.metricSources.set(metric, source);
  }

  /** One line crediting a metric's publisher and licence, and the release in use, for a table. */
  attributionOf(metric: string): string | undefined {
    const a = this.attributions.find((x) => x.metrics.includes(metric));
    const release = this.releaseOf(metric);
    const line = a && attributionLine(a.publisher, a.licence);
    return release ? `${line ?? ""} ${releaseLine(release)}`.trim() : line;
  }

  /** The publisher's release a metric's values come from, when known. */
  releaseOf(metric: string): ReleaseInfo | undefined {
    const own = this.releaseBySource.get(this.sourceOf(metric).id);
    if (own?.metrics.includes(metric)) return own;
    return [...this.releaseBySource.values()].find((r) => r.metrics.includes(metric));
  }

  releaseOfSource(id: string): ReleaseInfo | undefined {
    return this.releaseBySource.get(id);
  }

  /** Every release in use, for the workbook's snapshot and the pane. */
  releases(): ReleaseInfo[] {
    return [...this.releaseBySource.values()];
  }

  private noteReleases(releases: readonly ReleaseInfo[] | undefined): void {
    for (const r of releases ?? []) this.releaseBySource.set(r.source, r);
  }

  /**
   * Adds data. `replace` swaps whole metrics for the new rows (a refreshed source is the truth for its
   * metrics); otherwise rows are merged, later values winning (the workbook's snapshot over the shipped one).
   */
  add(data: LoadedData, options: { source?: TableSource; replace: boolean }): string[] {
    this.noteReleases(data.releases);
    const metrics = [...new Set(data.observations.map((o) => o.metric))];
    const key = (o: Observation) => (data.replaces === "periods" ? `${o.metric}\u0000${o.period}` : o.metric);
    const drop = options.replace ? new Set(data.observations.map(key)) : new Set<string>();
    const kept = drop.size
      ? [...this.current.data.all()].filter((o) => !drop.has(key(o)))
      : this.current.data.all();
    const dataset = new Dataset(kept).add(data.observations);
    const { directory, nearest, customGroups } = this.current;
    this.current = new Benchmarks(dataset, directory, nearest, customGroups);
    if (options.source) for (const m of metrics) this.metricSources.set(m, options.source);
    const forMetrics = data.attribution.map((a) => ({
      ...a,
      metrics: a.metrics.filter((m) => metrics.includes(m)),
    }));
    this.attributions = mergeAttribution(this.attributions, forMetrics);
    return metrics;
  }

  /** Applies a refreshed source's data to the metrics that still come from it (not ones loaded since from elsewhere). */
  refreshFrom(source: TableSource, data: LoadedData): string[] {
    const own = (metric: string) => (this.metricSources.get(metric)?.id ?? source.id) === source.id;
    const mine = data.observations.filter((o) => own(o.metric));
    if (!mine.length) {
      this.noteReleases(data.releases); // checked, even when nothing changed (add notes it otherwise)
      return [];
    }
    // Publishers name councils their own way ("Adur District Council"); tables keep the names in use.
    const observations = source.format === "publisher" ? this.namesInUse(mine) : mine;
    return this.add({ ...data, observations }, { source, replace: true });
  }

  private namesInUse(observations: Observation[]): Observation[] {
    const names = new Map(this.current.directory.all().map((c) => [c.code, c.shortName]));
    for (const o of this.current.data.all()) if (!names.has(o.areacd)) names.set(o.areacd, o.areanm);
    return observations.map((o) => ({ ...o, areanm: names.get(o.areacd) ?? o.areanm }));
  }

  /** Reads a source afresh (conditional requests make an unchanged file cheap). Throws naming the URL. */
  async fetch(source: TableSource, onProgress?: (fraction: number) => void): Promise<LoadedData> {
    if (!source.url) throw new Error(`${source.name} was loaded from a file and cannot be fetched again`);
    if (source.format === "publisher") {
      const publisher = findPublisherSource(source.id);
      if (!publisher) throw new Error(`${source.name} is not a publisher's file this add-in can read`);
      return fetchPublisher(publisher, {
        download: {
          ...this.options.fetchOptions,
          ...this.options.publisherHosts,
          fetch: this.options.fetch,
          cache: this.cache,
          proxyBase: this.options.proxyBase,
        },
        read: this.options.readPublisher ?? readPublisherFile,
        inUse: this.releaseBySource.get(publisher.id),
        now: (this.options.now ?? (() => new Date()))(),
        onProgress,
      });
    }
    const relative = !/^[a-z][a-z0-9+.-]*:/i.test(source.url);
    const url = relative ? new URL(source.url, this.options.baseUrl).href : source.url;
    // The add-in's own files are read directly; publishers' files through the data proxy.
    const { text } = await fetchText(url, {
      ...this.options.fetchOptions,
      fetch: this.options.fetch,
      cache: this.cache,
      proxyBase: relative ? undefined : this.options.proxyBase,
    });
    return readData(text, source);
  }

  /** Adds a publisher's https file: checked, fetched and parsed, and only then registered and loaded. */
  async addSource(input: SourceInput): Promise<{ source: TableSource; metrics: string[] }> {
    const name = input.name?.trim() || lastSegment(input.url);
    const base = `user-${slug(name).slice(0, 50) || "source"}`;
    let id = base;
    for (let n = 2; this.sources.get(id); n++) id = `${base}-${n}`;
    const candidate = { id, name, url: input.url.trim(), format: input.format, licence: input.licence };
    // Checked on its own first, so a source that cannot be read is not left behind half-added.
    const def = new SourceRegistry([]).add(candidate);
    const source: TableSource = { ...def, url: def.url };
    const data = await this.fetch(source);
    if (!data.observations.length) throw new Error(`${def.url} has no rows for any council`);
    this.sources.add(candidate);
    return { source, metrics: this.add(data, { source, replace: true }) };
  }

  /** Registers a source kept in the workbook, without fetching it. */
  restoreSource(source: TableSource): void {
    if (!source.url || this.sources.get(source.id)) return;
    try {
      this.sources.add(source);
    } catch (e) {
      console.warn(`Not restoring source ${source.id}:`, e);
    }
  }

  /** Loads a snapshot file the user picked; its metrics are then refreshed from the workbook's copy. */
  loadSnapshotFile(text: string, fileName: string): { source: TableSource; metrics: string[] } {
    const data = snapshotData(text);
    const source: TableSource = {
      id: `file-${slug(fileName) || "snapshot"}`,
      name: fileName,
      format: "snapshot",
      licence: data.attribution.map((a) => a.licence).join("; ") || "See the file",
      attribution: data.attribution.map((a) => a.publisher).join("; ") || fileName,
    };
    if (!data.observations.length) throw new Error(`${fileName} holds no values`);
    return { source, metrics: this.add(data, { source, replace: true }) };
  }
}

function lastSegment(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split("/").filter(Boolean).at(-1) ?? "") || url;
  } catch {
    return url;
  }
}

/** A snapshot's rows with the attribution it carries. */
function snapshotData(text: string): LoadedData {
  const snapshot = parseSnapshot(text);
  return {
    observations: snapshotObservations(snapshot),
    attribution: snapshot.attribution,
    releases: snapshot.releases,
  };
}

function readData(text: string, source: TableSource): LoadedData {
  if (source.format === "snapshot") return snapshotData(text);
  if (source.format === "publisher") throw new Error(`${source.name} is a spreadsheet, not a text file`);
  // Under catalogue ids, as the CLI reads files, so a publisher's file can feed a catalogue metric.
  const observations = readObservations(text, source.format);
  const metrics = [...new Set(observations.map((o) => o.metric))];
  return {
    observations,
    attribution: [
      { publisher: source.attribution.replace(/^Source:\s*/i, ""), licence: source.licence, metrics },
    ],
  };
}

/** The built-in publisher source a catalogue metric is refreshed from, if any. */
export function publisherSourceOf(metric: string): TableSource | undefined {
  const def = DEFAULT_SOURCES.find((s) => s.format === "publisher" && s.metrics?.includes(metric));
  if (!def) return undefined;
  const { metrics: _metrics, ...source } = def;
  return source;
}
