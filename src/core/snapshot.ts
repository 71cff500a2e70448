// The project's own snapshot format: published values of many metrics in one versioned JSON file, so the
// add-in works offline. Compact (an area table, then flat [area, value, …] pairs per metric and period)
// and written one period per line, so the same data always gives the same bytes.
import * as z from "./schema.js";
import type { Observation } from "./model.js";
import { sortPeriods } from "./periods.js";

export const SNAPSHOT_FORMAT = "council-benchmarks-snapshot";
export const SNAPSHOT_VERSION = 1;

const attributionSchema = z.object({
  publisher: z.string().min(1),
  licence: z.string().min(1),
  metrics: z.array(z.string()),
});

/** Which publisher's release a metric's values come from, and when it was last checked for a newer one. */
const releaseSchema = z.object({
  /** The source id, e.g. "defra-env18". */
  source: z.string().min(1),
  /** The publication, in users' words. */
  publication: z.string().min(1),
  /** The file's title as the publisher gives it. */
  title: z.string().optional(),
  url: z.string().optional(),
  /** When the publisher released it (ISO date). */
  released: z.string().optional(),
  /** When the publisher was last asked for a newer release (ISO date and time). */
  checked: z.string().optional(),
  metrics: z.array(z.string()),
});

/** Pairs of area index and value (null = missing) for every area with a row in that period. */
const pairsSchema = z
  .array(z.number().nullable())
  .refine((a) => a.length % 2 === 0, "expected [area, value] pairs");

export const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  created: z.string(),
  attribution: z.array(attributionSchema),
  /** Added after version 1 was first published: optional, so older snapshots still load. */
  releases: z.array(releaseSchema).optional(),
  areas: z.array(z.tuple([z.string().min(1), z.string()])),
  metrics: z.record(z.string(), z.record(z.string(), pairsSchema)),
});

export type Snapshot = z.infer<typeof snapshotSchema>;

/** Everything but `metrics`, which is read by hand: zod's records drop keys such as "__proto__". */
const headSchema = snapshotSchema.omit({ metrics: true });

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A field's path for a message, each key cut short: a file's keys can be any length. */
const where = (path: readonly PropertyKey[]): string =>
  path.map((k) => (String(k).length > 60 ? `${String(k).slice(0, 60)}…` : String(k))).join(".") || "file";

/** The first problem in users' words: a field left out is "missing", not zod's "received undefined". */
function problem(json: unknown, issue: z.Issue): string {
  let v: unknown = json;
  for (const k of issue.path) {
    const has = (isPlainObject(v) || Array.isArray(v)) && Object.hasOwn(v, k as string);
    if (!has) return `Not a valid snapshot: ${where(issue.path)} is missing`;
    v = (v as Record<string, unknown>)[k as string];
  }
  return `Not a valid snapshot: ${where(issue.path)}: ${issue.message}`;
}

/** A record with no prototype, so any metric or period id (even "__proto__") is an ordinary key. */
const emptyRecord = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

function readMetrics(raw: unknown): Snapshot["metrics"] {
  if (raw === undefined) throw new SnapshotError("Not a valid snapshot: metrics is missing");
  if (!isPlainObject(raw)) throw new SnapshotError("Not a valid snapshot: metrics: expected an object");
  const metrics = emptyRecord<Record<string, (number | null)[]>>();
  for (const metric of Object.keys(raw)) {
    const periods = raw[metric];
    if (!isPlainObject(periods))
      throw new SnapshotError(`Not a valid snapshot: ${where(["metrics", metric])}: expected an object`);
    const out = (metrics[metric] = emptyRecord<(number | null)[]>());
    for (const period of Object.keys(periods)) {
      const pairs = pairsSchema.safeParse(periods[period]);
      if (!pairs.success)
        throw new SnapshotError(
          `Not a valid snapshot: ${where(["metrics", metric, period])}: ${pairs.error.issues[0].message}`,
        );
      out[period] = pairs.data;
    }
  }
  return metrics;
}
export type Attribution = z.infer<typeof attributionSchema>;
export type ReleaseInfo = z.infer<typeof releaseSchema>;

export class SnapshotError extends Error {
  override name = "SnapshotError";
}

/** Reads and validates a snapshot; the error names the first field that is wrong. */
export function parseSnapshot(text: string): Snapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SnapshotError(`Not a snapshot: the file is not JSON (${(e as Error).message})`);
  }
  const result = headSchema.safeParse(json);
  if (!result.success) {
    throw new SnapshotError(problem(json, result.error.issues[0]));
  }
  const s: Snapshot = { ...result.data, metrics: readMetrics((json as { metrics?: unknown }).metrics) };
  for (const [metric, periods] of Object.entries(s.metrics)) {
    for (const [period, pairs] of Object.entries(periods)) {
      for (let i = 0; i < pairs.length; i += 2) {
        const area = pairs[i];
        if (area === null || !Number.isInteger(area) || area < 0 || area >= s.areas.length) {
          throw new SnapshotError(
            `Not a valid snapshot: ${where(["metrics", metric, period])}: area index ${area} is not in areas`,
          );
        }
      }
    }
  }
  return s;
}

/** Builds a snapshot from observations; `name` picks each area's display name (default: last seen). */
export function buildSnapshot(
  observations: Iterable<Observation>,
  info: {
    created: string;
    attribution: Attribution[];
    releases?: ReleaseInfo[];
    metricOrder?: readonly string[];
    name?: (code: string) => string | undefined;
  },
): Snapshot {
  const names = new Map<string, string>();
  const byMetric = new Map<string, Map<string, Map<string, number | null>>>();
  for (const o of observations) {
    names.set(o.areacd, info.name?.(o.areacd) ?? o.areanm);
    let periods = byMetric.get(o.metric);
    if (!periods) byMetric.set(o.metric, (periods = new Map()));
    let values = periods.get(o.period);
    if (!values) periods.set(o.period, (values = new Map()));
    values.set(o.areacd, o.value);
  }
  const codes = [...names.keys()].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  const order = [...(info.metricOrder ?? []).filter((m) => byMetric.has(m)), ...[...byMetric.keys()].sort()];
  const metrics = emptyRecord<Record<string, (number | null)[]>>();
  for (const metric of new Set(order)) {
    const periods = byMetric.get(metric)!;
    metrics[metric] = emptyRecord();
    for (const period of sortPeriods(periods.keys())) {
      const rows = [...periods.get(period)!].sort(([a], [b]) => index.get(a)! - index.get(b)!);
      metrics[metric][period] = rows.flatMap(([code, value]) => [index.get(code)!, value]);
    }
  }
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    created: info.created,
    attribution: info.attribution,
    ...(info.releases?.length ? { releases: info.releases } : {}),
    areas: codes.map((c) => [c, names.get(c)!]),
    metrics,
  };
}

/** Every row of the snapshot as observations. */
export function snapshotObservations(s: Snapshot): Observation[] {
  const out: Observation[] = [];
  for (const [metric, periods] of Object.entries(s.metrics)) {
    for (const [period, pairs] of Object.entries(periods)) {
      for (let i = 0; i < pairs.length; i += 2) {
        const [areacd, areanm] = s.areas[pairs[i] as number];
        const value = pairs[i + 1];
        out.push(
          value === null
            ? { metric, period, areacd, areanm, value, missing: "empty" }
            : { metric, period, areacd, areanm, value },
        );
      }
    }
  }
  return out;
}

/** The snapshot as text, one area and one metric period per line: stable, diffable bytes. */
export function serializeSnapshot(s: Snapshot): string {
  const j = JSON.stringify;
  const lines = ["{"];
  lines.push(`"format": ${j(s.format)},`, `"version": ${j(s.version)},`, `"created": ${j(s.created)},`);
  lines.push(`"attribution": [`, s.attribution.map((a) => j(a)).join(",\n"), `],`);
  if (s.releases) lines.push(`"releases": [`, s.releases.map((r) => j(orderedRelease(r))).join(",\n"), `],`);
  lines.push(`"areas": [`, s.areas.map((a) => j(a)).join(",\n"), `],`);
  const metrics = Object.entries(s.metrics).map(([metric, periods]) => {
    const body = Object.entries(periods).map(([period, pairs]) => `${j(period)}: ${j(pairs)}`);
    return `${j(metric)}: {\n${body.join(",\n")}\n}`;
  });
  lines.push(`"metrics": {`, metrics.join(",\n"), `}`, `}`);
  return lines.filter((l) => l !== "").join("\n") + "\n";
}

/** Keys in the schema's order, so a parsed and rewritten snapshot has the same bytes. */
function orderedRelease(r: ReleaseInfo): ReleaseInfo {
  const { source, publication, title, url, released, checked, metrics } = r;
  return { source, publication, title, url, released, checked, metrics };
}
